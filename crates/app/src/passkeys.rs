//! Passkeys (WebAuthn): adding one to an account, logging in with one and no password
//! (discoverable credentials), and using one as the second step after a password.
//!
//! Each ceremony's server state lives in a single-use challenge row, so any instance can
//! finish what another started.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::SignedDuration;
use store::logins::ClientInfo;
use store::users::{self, User};
use store::{Database, StoreError, challenges, passkeys};

use uuid::Uuid;
use webauthn_rs::prelude::{
    CreationChallengeResponse, DiscoverableAuthentication, DiscoverableKey, Passkey,
    PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse, Url, Webauthn, WebauthnBuilder,
};

use crate::FieldError;
use crate::accounts::{AccountError, record};
use crate::login::{LoggedIn, open_login};
use crate::throttle::Throttle;

/// How long a ceremony may take (the browser's own timeout is shorter).
const CEREMONY: SignedDuration = SignedDuration::from_mins(5);
const REGISTER: &str = "passkey.register";
const LOGIN: &str = "passkey.login";
const SECOND_FACTOR: &str = "passkey.second_factor";

/// The longest name a person may give a passkey (the security page's field says so too).
pub const NAME_MAX_CHARS: usize = 100;

/// The relying party: this site's origin. Passkeys are bound to its host name, so they
/// work only where the site is reached by name (`localhost` in development, not an IP).
pub fn relying_party(origin: &str) -> Result<Webauthn, AccountError> {
    let unavailable = || AccountError::PasskeysUnavailable(origin.to_owned());
    let url = Url::parse(origin).map_err(|_| unavailable())?;
    let host = match url.host() {
        Some(url::Host::Domain(name)) => name.to_owned(),
        // WebAuthn relying parties are domain names; an IP address cannot be one.
        _ => return Err(unavailable()),
    };
    WebauthnBuilder::new(&host, &url)
        .and_then(|b| b.rp_name("Mentora").build())
        .map_err(|_| unavailable())
}

fn internal(e: impl std::fmt::Display) -> AccountError {
    AccountError::Internal(e.to_string())
}

fn rejected(e: impl std::fmt::Display) -> AccountError {
    tracing::info!(error = %e, "passkey ceremony rejected");
    AccountError::Invalid(vec![FieldError {
        field: "passkey",
        message_id: "field-passkey-rejected",
    }])
}

/// Begins adding a passkey: the options for `navigator.credentials.create` and the
/// ceremony's id.
pub async fn start_registration(
    db: &Database,
    rp: &Webauthn,
    user: &User,
) -> Result<(CreationChallengeResponse, String), AccountError> {
    let existing = passkeys::for_user(db, user.id).await?;
    let exclude = existing
        .iter()
        .filter_map(|p| serde_json::from_str::<Passkey>(&p.passkey).ok())
        .map(|p| p.cred_id().clone())
        .collect::<Vec<_>>();
    let (mut options, state) = rp
        .start_passkey_registration(user.id, &user.email, &user.display_name, Some(exclude))
        .map_err(internal)?;
    // Ask for a discoverable credential, so the passkey can log in without an email.
    if let Some(selection) = options.public_key.authenticator_selection.as_mut() {
        selection.require_resident_key = true;
        selection.resident_key = Some(webauthn_rs_proto::ResidentKeyRequirement::Required);
    }
    let state = serde_json::to_string(&state).map_err(internal)?;
    let ceremony = challenges::create(db, REGISTER, Some(user.id), state, CEREMONY).await?;
    Ok((options, ceremony.expose().to_owned()))
}

/// Finishes adding a passkey under `name`.
pub async fn finish_registration(
    db: &Database,
    rp: &Webauthn,
    user_id: Uuid,
    ceremony: &str,
    name: &str,
    credential: &RegisterPublicKeyCredential,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX_CHARS {
        return Err(AccountError::Invalid(vec![FieldError {
            field: "name",
            message_id: "field-passkey-name",
        }]));
    }
    let pending = challenges::attempt(db, ceremony, REGISTER, 1)
        .await?
        .filter(|c| c.user_id == Some(user_id))
        .ok_or(AccountError::InvalidLink)?;
    challenges::finish(db, ceremony).await?;
    let state: PasskeyRegistration = serde_json::from_str(&pending.state).map_err(internal)?;
    let passkey = rp
        .finish_passkey_registration(credential, &state)
        .map_err(rejected)?;
    let credential_id = URL_SAFE_NO_PAD.encode(passkey.cred_id());
    let json = serde_json::to_string(&passkey).map_err(internal)?;
    match passkeys::add(db, user_id, &credential_id, name, json).await {
        Ok(_) => {}
        Err(StoreError::AlreadyExists(_)) => return Err(rejected("credential already registered")),
        Err(e) => return Err(e.into()),
    }
    record(db, Some(user_id), "factor.passkey_added", client).await?;
    Ok(())
}

/// Begins a passwordless login: options for `navigator.credentials.get` with no account
/// named, so the authenticator offers its passkeys for this site. Anyone may start one,
/// and each stores a ceremony until it expires (the hourly upkeep deletes it), so starts
/// are limited per address.
pub async fn start_login(
    db: &Database,
    throttle: &Throttle,
    rp: &Webauthn,
    client: &ClientInfo,
) -> Result<(RequestChallengeResponse, String), AccountError> {
    let ip = client.ip.as_deref().unwrap_or("unknown");
    throttle
        .check(
            &format!("passkey-login:ip:{ip}"),
            throttle.limits.passkey_logins_per_ip,
        )
        .await
        .map_err(AccountError::RateLimited)?;
    let (mut options, state) = rp.start_discoverable_authentication().map_err(internal)?;
    // A login button, not autofill: let the browser show its own passkey picker.
    options.mediation = None;
    let state = serde_json::to_string(&state).map_err(internal)?;
    let ceremony = challenges::create(db, LOGIN, None, state, CEREMONY).await?;
    Ok((options, ceremony.expose().to_owned()))
}

/// Finishes a passwordless login: the credential names its account; a web session opens.
pub async fn finish_login(
    db: &Database,
    rp: &Webauthn,
    ceremony: &str,
    credential: &PublicKeyCredential,
    client: &ClientInfo,
) -> Result<LoggedIn, AccountError> {
    let pending = challenges::attempt(db, ceremony, LOGIN, 1)
        .await?
        .ok_or(AccountError::InvalidLink)?;
    challenges::finish(db, ceremony).await?;
    let state: DiscoverableAuthentication =
        serde_json::from_str(&pending.state).map_err(internal)?;
    let (user_id, raw_id) = rp
        .identify_discoverable_authentication(credential)
        .map_err(rejected)?;
    let credential_id = URL_SAFE_NO_PAD.encode(raw_id);
    let stored = passkeys::find_by_credential(db, &credential_id)
        .await?
        .filter(|p| p.user_id == user_id)
        .ok_or_else(|| rejected("unknown credential"))?;
    let mut passkey: Passkey = serde_json::from_str(&stored.passkey).map_err(internal)?;
    let key = DiscoverableKey::from(&passkey);
    let result = rp
        .finish_discoverable_authentication_v2(credential, state, &key)
        .map_err(rejected)?;
    let updated = passkey
        .update_credential(&result)
        .filter(|changed| *changed)
        .and_then(|_| serde_json::to_string(&passkey).ok());
    passkeys::record_use(db, stored.id, updated).await?;
    record(db, Some(user_id), "login.passkey", client).await?;
    let user = users::find_by_id(db, user_id)
        .await?
        .ok_or(AccountError::InvalidCredentials)?;
    open_login(db, user, client).await
}

/// Begins the passkey second step for an account whose password was just accepted.
pub async fn start_second_factor(
    db: &Database,
    rp: &Webauthn,
    user_id: Uuid,
) -> Result<(RequestChallengeResponse, String), AccountError> {
    let keys = user_passkeys(db, user_id).await?;
    if keys.is_empty() {
        return Err(AccountError::InvalidSecondFactor);
    }
    let (options, state) = rp.start_passkey_authentication(&keys).map_err(internal)?;
    let state = serde_json::to_string(&state).map_err(internal)?;
    let ceremony = challenges::create(db, SECOND_FACTOR, Some(user_id), state, CEREMONY).await?;
    Ok((options, ceremony.expose().to_owned()))
}

/// Checks the passkey second step. True when the account's own passkey answered.
pub async fn finish_second_factor(
    db: &Database,
    rp: &Webauthn,
    user_id: Uuid,
    ceremony: &str,
    credential: &PublicKeyCredential,
    client: &ClientInfo,
) -> Result<bool, AccountError> {
    let Some(pending) = challenges::attempt(db, ceremony, SECOND_FACTOR, 1)
        .await?
        .filter(|c| c.user_id == Some(user_id))
    else {
        return Ok(false);
    };
    challenges::finish(db, ceremony).await?;
    let state: PasskeyAuthentication = serde_json::from_str(&pending.state).map_err(internal)?;
    let Ok(result) = rp.finish_passkey_authentication(credential, &state) else {
        record(db, Some(user_id), "second_factor.failed", client).await?;
        return Ok(false);
    };
    let credential_id = URL_SAFE_NO_PAD.encode(result.cred_id());
    if let Some(stored) = passkeys::find_by_credential(db, &credential_id).await? {
        let updated = serde_json::from_str::<Passkey>(&stored.passkey)
            .ok()
            .and_then(|mut p| {
                p.update_credential(&result)
                    .filter(|c| *c)
                    .and_then(|_| serde_json::to_string(&p).ok())
            });
        passkeys::record_use(db, stored.id, updated).await?;
    }
    record(db, Some(user_id), "second_factor.passkey_ok", client).await?;
    Ok(true)
}

async fn user_passkeys(db: &Database, user_id: Uuid) -> Result<Vec<Passkey>, AccountError> {
    Ok(passkeys::for_user(db, user_id)
        .await?
        .iter()
        .filter_map(|p| serde_json::from_str::<Passkey>(&p.passkey).ok())
        .collect())
}

/// Removes a passkey after the password is given again.
pub async fn remove(
    db: &Database,
    user_id: Uuid,
    passkey_id: Uuid,
    current_password: &str,
    client: &ClientInfo,
) -> Result<bool, AccountError> {
    crate::profile::confirm_password(db, user_id, current_password).await?;
    let removed = passkeys::remove(db, user_id, passkey_id).await?;
    if removed {
        record(db, Some(user_id), "factor.passkey_removed", client).await?;
    }
    Ok(removed)
}
