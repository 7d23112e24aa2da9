//! One-time sign-in links: the extra proof asked for while failed logins have an address
//! locked. The link goes only to the address itself, works once, for `LINK_LIFETIME`, and
//! stands in for the password (not for a second factor: an account that has one is still
//! asked for it). A completed sign-in by link lifts the lock, since whoever holds the
//! mailbox is the owner; the count of failures stays, so a guesser gains no fresh tries.

use std::sync::Arc;

use domain::EmailAddress;
use i18n::Locale;
use jiff::SignedDuration;
use store::Database;
use store::email_tokens::{self, Purpose};
use store::logins::ClientInfo;
use store::users::{self, User};

use crate::accounts::{AccountError, LinkBase, record, send};
use crate::login::{PasswordStep, has_second_factor, open_login, second_factor_challenge};
use crate::mail::Mailer;
use crate::throttle::{Limit, Throttle};

/// How long a sign-in link works.
pub const LINK_LIFETIME: SignedDuration = SignedDuration::from_mins(30);
/// At most one link per address in this time, however often a locked address is tried.
pub const SIGN_IN_LINK_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Emails the owner of `address` a sign-in link, unless one went out within
/// `SIGN_IN_LINK_EVERY`. The same counter is kept for addresses without an account, and
/// the link is made and sent in the background, so the answer says nothing about which
/// addresses have one. Failures are logged: the caller's answer does not depend on them.
pub async fn offer(
    db: &Database,
    mailer: &Arc<dyn Mailer>,
    throttle: &Throttle,
    links: LinkBase<'_>,
    address: &str,
    user: Option<&User>,
    client: &ClientInfo,
) {
    let once = Limit::per(1, SIGN_IN_LINK_EVERY);
    if throttle
        .check(&format!("sign-in-link:{address}"), once)
        .await
        .is_err()
    {
        return;
    }
    let Some(user) = user.cloned() else {
        return;
    };
    let (db, mailer, base, client) = (
        db.clone(),
        mailer.clone(),
        links.0.to_owned(),
        client.clone(),
    );
    tokio::spawn(async move {
        if let Err(e) = deliver(&db, mailer.as_ref(), &base, &user, &client).await {
            tracing::error!(error = %e, "sending a sign-in link failed");
        }
    });
}

async fn deliver(
    db: &Database,
    mailer: &dyn Mailer,
    base: &str,
    user: &User,
    client: &ClientInfo,
) -> Result<(), AccountError> {
    let Ok(address) = EmailAddress::parse(&user.email) else {
        return Ok(());
    };
    let token = email_tokens::issue(db, user.id, Purpose::SignIn, &address, LINK_LIFETIME).await?;
    record(db, Some(user.id), "login.link_sent", client).await?;
    let locale = Locale::from_tag(&user.locale).unwrap_or(Locale::En);
    let link = format!("{base}/login/link?token={}", token.expose());
    let text = locale.t_args(
        "email-sign-in-link-body",
        &[
            ("name", user.display_name.clone()),
            ("link", link),
            ("minutes", LINK_LIFETIME.as_mins().to_string()),
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

/// The address a usable link signs in to, without using it up (the page names it, so
/// nobody is lured into signing in to an account that is not theirs).
pub async fn address_of(db: &Database, token: &str) -> Result<Option<String>, AccountError> {
    Ok(email_tokens::peek(db, token, Purpose::SignIn)
        .await?
        .map(|link| link.email))
}

/// Uses a link up: the account it proves, provided the address is still the account's.
pub async fn redeem_account(
    db: &Database,
    token: &str,
    client: &ClientInfo,
) -> Result<User, AccountError> {
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
    record(db, Some(user.id), "login.link_used", client).await?;
    Ok(user)
}

/// Signs in on the web with a link: either a session opens (and the lock on the address
/// lifts) or the second factor is asked for.
pub async fn redeem(
    db: &Database,
    throttle: &Throttle,
    token: &str,
    client: &ClientInfo,
) -> Result<PasswordStep, AccountError> {
    let user = redeem_account(db, token, client).await?;
    if has_second_factor(db, user.id).await? {
        let challenge = second_factor_challenge(db, user.id).await?;
        return Ok(PasswordStep::SecondFactor { challenge });
    }
    throttle.unlock(&user.email.to_lowercase()).await;
    Ok(PasswordStep::Done(Box::new(
        open_login(db, user, client).await?,
    )))
}
