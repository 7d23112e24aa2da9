//! Experts' payouts from their connected account to their bank (Connect `payout.*`
//! events): stored for the earnings page, newest report winning; a failure is emailed to
//! the expert once, since only they can fix their bank details.

use payments::webhook::Event;

use crate::bookings::BookingDeps;
use crate::bookings::notices::money_in;

/// Why a payout event could not be recorded; the job retries.
#[derive(Debug, thiserror::Error)]
pub enum BankPayoutError {
    /// Authentic, but not a payout Mentora can read.
    #[error("the payout event could not be read: {0}")]
    Unreadable(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// Records a `payout.*` event of an expert's account. True when it changed what is known.
pub async fn record(s: &BookingDeps<'_>, event: &Event) -> Result<bool, BankPayoutError> {
    // A payout of the platform's own balance (no `account`) is not an expert's.
    let Some(account) = event.account.as_deref() else {
        return Ok(false);
    };
    let payout = payments::stripe::bank_payout_of(&event.data.object, account)
        .map_err(|e| BankPayoutError::Unreadable(e.to_string()))?;
    let Some(expert) = store::experts::with_payout_account(s.db, account).await? else {
        return Ok(false);
    };
    let currency = payout.currency.to_ascii_uppercase();
    let amount = match domain::profile::CurrencyCode::parse(&currency)
        .ok()
        .and_then(|c| domain::payment::StripeCurrency::of(c).ok())
    {
        Some(rules) => rules.from_wire(payout.wire_amount),
        None => payout.wire_amount,
    };
    let now = s.db.clock().now();
    let stored = store::bank_payouts::BankPayout {
        id: payout.id.clone(),
        expert_id: expert,
        amount,
        currency: currency.clone(),
        status: payout.status.clone(),
        arrival_at: payout.arrival_date,
        failure: payout.failure_message.clone(),
        reported_at: event.created,
    };
    match store::bank_payouts::report(s.db, &stored, now).await? {
        store::bank_payouts::Reported::Changed { before } => {
            // Told once: a later report of the same failure says nothing new.
            if payout.status == "failed" && before.as_deref() != Some("failed") {
                tell_failed(s, &stored).await?;
            }
            Ok(true)
        }
        store::bank_payouts::Reported::Stale => Ok(false),
    }
}

async fn tell_failed(
    s: &BookingDeps<'_>,
    payout: &store::bank_payouts::BankPayout,
) -> Result<(), BankPayoutError> {
    let Some(expert) = store::users::find_by_id(s.db, payout.expert_id).await? else {
        return Ok(());
    };
    let locale = i18n::Locale::from_tag(&expert.locale).unwrap_or(i18n::Locale::En);
    let reason = payout
        .failure
        .clone()
        .unwrap_or_else(|| "no reason given".into());
    let email = crate::mail::Email {
        to: expert.email.clone(),
        subject: locale.t("email-payout-failed-subject"),
        text: locale.t_args(
            "email-payout-failed-body",
            &[
                ("name", expert.display_name.clone()),
                ("amount", money_in(locale, payout.amount, &payout.currency)),
                ("reason", reason),
                ("link", format!("{}/experts/payouts", s.base)),
            ],
        ),
        calendar: None,
        lang: Some(locale.tag().to_owned()),
        ..crate::mail::Email::default()
    };
    crate::jobs::email::send_later(s.db, &email).await?;
    Ok(())
}
