//! Second factors an account manages itself: a TOTP authenticator and recovery codes.
//! Removing one asks for the password again (recent re-authentication).

use domain::totp::{TotpKey, generate_recovery_codes, recovery_code_digest};
use store::logins::ClientInfo;
use store::{Database, second_factors};
use uuid::Uuid;

use crate::FieldError;
use crate::accounts::{AccountError, record};

/// A TOTP enrolment waiting for its first code.
pub struct PendingTotp {
    /// The new shared secret, also shown as text for authenticators that cannot scan.
    pub key: TotpKey,
    /// The `otpauth://` URI the QR code carries.
    pub uri: String,
}

/// Starts enrolment with a new secret (replacing an unconfirmed one). `None` when the
/// account already has a confirmed authenticator.
pub async fn start_totp(
    db: &Database,
    user_id: Uuid,
    email: &str,
) -> Result<Option<PendingTotp>, AccountError> {
    let key = TotpKey::generate();
    if !second_factors::start_totp(db, user_id, &key.base32()).await? {
        return Ok(None);
    }
    let uri = key.uri(email);
    Ok(Some(PendingTotp { key, uri }))
}

/// The pending enrolment, to show its QR code again (after a wrong code, say).
pub async fn pending_totp(
    db: &Database,
    user_id: Uuid,
    email: &str,
) -> Result<Option<PendingTotp>, AccountError> {
    let Some(factor) = second_factors::totp(db, user_id).await? else {
        return Ok(None);
    };
    if factor.confirmed_at.is_some() {
        return Ok(None);
    }
    Ok(TotpKey::from_base32(&factor.secret).map(|key| PendingTotp {
        uri: key.uri(email),
        key,
    }))
}

/// Confirms enrolment with a code from the authenticator, and issues the ten recovery
/// codes, which are returned once and stored only as digests.
pub async fn confirm_totp(
    db: &Database,
    user_id: Uuid,
    code: &str,
    client: &ClientInfo,
) -> Result<Vec<String>, AccountError> {
    let wrong = || {
        AccountError::Invalid(vec![FieldError {
            field: "code",
            message_id: "field-totp-code-wrong",
        }])
    };
    let factor = second_factors::totp(db, user_id).await?.ok_or_else(wrong)?;
    if factor.confirmed_at.is_some() {
        return Err(wrong());
    }
    let key = TotpKey::from_base32(&factor.secret).ok_or_else(wrong)?;
    // Codes come from the person's device, which keeps real time.
    let now = u64::try_from(db.clock().device_now().as_second()).unwrap_or(0);
    let step = key.matching_step(code, now).ok_or_else(wrong)?;
    if !second_factors::accept_totp_step(db, user_id, step).await? {
        return Err(wrong());
    }
    record(db, Some(user_id), "factor.totp_added", client).await?;
    new_recovery_codes(db, user_id, client).await
}

/// Replaces the recovery codes with ten new ones, returned once.
pub async fn new_recovery_codes(
    db: &Database,
    user_id: Uuid,
    client: &ClientInfo,
) -> Result<Vec<String>, AccountError> {
    let codes = generate_recovery_codes();
    let digests: Vec<_> = codes.iter().map(|c| recovery_code_digest(c)).collect();
    second_factors::replace_recovery_codes(db, user_id, &digests).await?;
    record(db, Some(user_id), "factor.recovery_codes_issued", client).await?;
    Ok(codes)
}

/// Removes the authenticator and the recovery codes, after the password is given again.
pub async fn remove_totp(
    db: &Database,
    user_id: Uuid,
    current_password: &str,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    crate::profile::confirm_password(db, user_id, current_password).await?;
    if second_factors::remove_totp(db, user_id).await? {
        second_factors::remove_recovery_codes(db, user_id).await?;
        record(db, Some(user_id), "factor.totp_removed", client).await?;
    }
    Ok(())
}
