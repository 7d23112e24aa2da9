//! Meeting on a Jitsi server instead of the built-in room. Each session series gets a room
//! name nobody can guess (128 random bits), made on the first join and kept, so a moved
//! session keeps its room. With an app id and secret (Jitsi's token authentication), each
//! participant's link carries a signed token for that room alone, valid until it closes.

use jiff::Timestamp;
use store::{Database, StoreError};

use super::RoomPass;
use store::users::User;

/// The deployment's Jitsi server.
#[derive(Debug, Clone)]
pub struct JitsiSettings {
    /// `https://meet.example.org` (no trailing slash).
    pub host: String,
    /// The app id and secret of token authentication, when the server requires it.
    pub jwt: Option<(String, String)>,
}

#[derive(serde::Serialize)]
struct Claims<'a> {
    aud: &'static str,
    iss: &'a str,
    sub: &'a str,
    room: &'a str,
    exp: i64,
    nbf: i64,
    context: Context<'a>,
}

#[derive(serde::Serialize)]
struct Context<'a> {
    user: UserClaim<'a>,
}

#[derive(serde::Serialize)]
struct UserClaim<'a> {
    id: String,
    name: &'a str,
    moderator: bool,
}

/// The link that takes `user` into the session's Jitsi room.
pub async fn join_link(
    db: &Database,
    settings: &JitsiSettings,
    pass: &RoomPass,
    user: &User,
    now: Timestamp,
) -> Result<String, StoreError> {
    let fresh = format!("mentora-{}", uuid::Uuid::new_v4().simple());
    let room =
        store::rooms::meeting_room(db, pass.booking.row.series_id, "jitsi", &fresh, now).await?;
    let mut link = format!("{}/{room}", settings.host.trim_end_matches('/'));
    if let Some((app_id, secret)) = &settings.jwt {
        let host = settings
            .host
            .split("://")
            .nth(1)
            .unwrap_or(&settings.host)
            .trim_end_matches('/');
        let claims = Claims {
            aud: "jitsi",
            iss: app_id,
            sub: host,
            room: &room,
            exp: pass.window.closes.as_second(),
            nbf: pass.window.opens.as_second(),
            context: Context {
                user: UserClaim {
                    id: user.id.to_string(),
                    name: &user.display_name,
                    moderator: pass.role == super::RoomRole::Expert,
                },
            },
        };
        let token = jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
        )
        .map_err(|e| StoreError::Corrupt(format!("signing a Jitsi token: {e}")))?;
        link.push_str("?jwt=");
        link.push_str(&token);
    }
    Ok(link)
}
