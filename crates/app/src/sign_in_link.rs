//! One-time sign-in links: the extra proof asked for while failed logins have an address
//! locked. The link goes only to the address itself, works once, for `LINK_LIFETIME`, and
//! stands in for the password (not for a second factor: an account that has one is still
//! asked for it). Using it ends the lockout, since whoever holds the mailbox is the owner.

use chrono::Duration;
use domain::EmailAddress;
use i18n::Locale;
use store::Database;
use store::email_tokens::{self, Purpose};
use store::sessions::ClientInfo;
use store::users::{self, User};

use crate::accounts::{AccountError, LinkBase, record, send};
use crate::login::{PasswordStep, has_second_factor, open_session, second_factor_challenge};
use crate::mail::Mailer;
use crate::throttle::{Limit, Throttle};

/// How long a sign-in link works.
pub const LINK_LIFETIME: Duration = Duration::minutes(30);
/// At most one link per account in this time, however often a locked address is tried.
pub const SIGN_IN_LINK_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Emails `user` a sign-in link, unless one went out within `SIGN_IN_LINK_EVERY`.
pub async fn offer(
    db: &Database,
    mailer: &dyn Mailer,
    throttle: &Throttle,
    links: LinkBase<'_>,
    user: &User,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    let once = Limit::per(1, SIGN_IN_LINK_EVERY);
    if throttle
        .check(&format!("sign-in-link:account:{}", user.id), once)
        .await
        .is_err()
    {
        return Ok(());
    }
    let Ok(address) = EmailAddress::parse(&user.email) else {
        return Ok(());
    };
    let token = email_tokens::issue(db, user.id, Purpose::SignIn, &address, LINK_LIFETIME).await?;
    record(db, Some(user.id), "login.link_sent", client).await?;
    let locale = Locale::from_tag(&user.locale).unwrap_or(Locale::En);
    let link = format!("{}/login/link?token={}", links.0, token.expose());
    let text = locale.t_args(
        "email-sign-in-link-body",
        &[
            ("name", user.display_name.clone()),
            ("link", link),
            ("minutes", LINK_LIFETIME.num_minutes().to_string()),
        ],
    );
    send(
        mailer,
        &user.email,
        locale.t("email-sign-in-link-subject"),
        text,
    )
    .await
}

/// Signs in with a link: the lockout on the address ends, and either a session opens or
/// the second factor is asked for.
pub async fn redeem(
    db: &Database,
    throttle: &Throttle,
    token: &str,
    client: &ClientInfo,
) -> Result<PasswordStep, AccountError> {
    let redeemed = email_tokens::redeem(db, token, Purpose::SignIn)
        .await?
        .ok_or(AccountError::InvalidLink)?;
    let user = users::find_by_id(db, redeemed.user_id)
        .await?
        .ok_or(AccountError::InvalidLink)?;
    // The address may have changed since the link was sent: it proves the old one only.
    if !user.email.eq_ignore_ascii_case(&redeemed.email) {
        return Err(AccountError::InvalidLink);
    }
    throttle.unlock(&user.email.to_lowercase()).await;
    record(db, Some(user.id), "login.link_used", client).await?;
    if has_second_factor(db, user.id).await? {
        let challenge = second_factor_challenge(db, user.id).await?;
        return Ok(PasswordStep::SecondFactor { challenge });
    }
    Ok(PasswordStep::Done(Box::new(
        open_session(db, user, client).await?,
    )))
}
