//! One-click unsubscribe (RFC 8058): each non-essential email names a link that turns off
//! email for its topic. The link carries the person, the topic and an HMAC under the
//! person's own secret, so it works without signing in, for that person and topic only,
//! and for as long as the secret stands.

use domain::notification::{Channels, Topic};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use store::Database;
use uuid::Uuid;

type HmacSha256 = Hmac<Sha256>;

/// Where `account` stops email of `topic`: the one-click URL mail clients POST to
/// (`List-Unsubscribe`), and the page a person opens from the footer, which asks first.
pub async fn links(
    db: &Database,
    base: &str,
    account: Uuid,
    topic: Topic,
) -> Result<(String, String), store::StoreError> {
    let secret = secret(db, account).await?;
    let token = token_for(&secret, account, topic).unwrap_or_default();
    Ok((
        format!("{base}/api/v1/notifications/unsubscribe?token={token}"),
        format!("{base}/notifications/unsubscribe?token={token}"),
    ))
}

/// What a valid token names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsubscribe {
    /// The person.
    pub account: Uuid,
    /// The topic they no longer want by email.
    pub topic: Topic,
}

/// Reads and checks a token; None for anything forged, altered or unknown.
pub async fn check(db: &Database, token: &str) -> Result<Option<Unsubscribe>, store::StoreError> {
    let mut parts = token.trim().splitn(3, '.');
    let (Some(account), Some(topic), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
        return Ok(None);
    };
    let (Ok(account), Some(topic)) = (Uuid::parse_str(account), Topic::parse(topic)) else {
        return Ok(None);
    };
    if store::users::find_by_id(db, account).await?.is_none() {
        return Ok(None);
    }
    let secret = secret(db, account).await?;
    let Some(expected) = token_for(&secret, account, topic) else {
        return Ok(None);
    };
    let matches: bool = expected.len() == token.trim().len()
        && expected
            .bytes()
            .zip(token.trim().bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    Ok(matches.then_some(Unsubscribe { account, topic }))
}

/// Turns off email for the token's topic (the centre keeps it). False for a bad token.
pub async fn apply(db: &Database, token: &str) -> Result<Option<Topic>, store::StoreError> {
    let Some(found) = check(db, token).await? else {
        return Ok(None);
    };
    let Some(user) = store::users::find_by_id(db, found.account).await? else {
        return Ok(None);
    };
    let current = super::preferences::channels(db, &user, found.topic).await?;
    let off = Channels {
        email: false,
        ..current
    };
    super::preferences::set(db, &user, found.topic, off).await?;
    Ok(Some(found.topic))
}

async fn secret(db: &Database, account: Uuid) -> Result<String, store::StoreError> {
    let fresh = domain::Secret::generate();
    store::notifications::unsubscribe_secret(db, account, fresh.expose()).await
}

/// `{account}.{topic}.{hex HMAC-SHA256 of "{account}.{topic}" under the secret}`.
fn token_for(secret: &str, account: Uuid, topic: Topic) -> Option<String> {
    // HMAC takes keys of any length: this never fails.
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(format!("{account}.{}", topic.as_str()).as_bytes());
    let tag = mac.finalize().into_bytes();
    let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    Some(format!("{account}.{}.{hex}", topic.as_str()))
}
