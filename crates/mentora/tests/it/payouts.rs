//! Paying experts through Stripe Connect, against the wire-level fake: after a session's
//! outcome and the dispute window, the expert's share goes to their connected account as a
//! transfer from the session's charge (exact parameters and idempotency key), once; an
//! expert whose payouts are not enabled accrues; a refund after the payout reverses the
//! transfer first; a chargeback holds or takes back the share and its outcome settles it;
//! and in every sequence the ledger balances and its cash is what Stripe's balance holds.
//! Time moves by a `ManualClock`, so webhooks are signed at the app's time.

use std::sync::Arc;

use domain::{Clock, ManualClock};
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::fake_stripe::{self, FakeStripe, SECRET};
use crate::payments::{Held, app_with_stripe_on, booking, expert_priced, hold};
use crate::testkit::{Backend, TestApp, send};

const DAY: i64 = 86_400;

/// An app on a clock of the test's, its fake Stripe, and Ana (an expert charging 40.00 EUR
/// an hour, at 15 %: 6.00 commission, 34.00 hers) with Leo, her learner.
struct World {
    app: TestApp,
    stripe: FakeStripe,
    clock: Arc<ManualClock>,
    ana: store::users::User,
    account: String,
}

impl World {
    async fn new(backend: Backend) -> Option<World> {
        let clock = Arc::new(ManualClock::at(jiff::Timestamp::now()));
        let (app, stripe) =
            app_with_stripe_on(TestApp::builder(backend).clock(clock.clone())).await?;
        let ana = expert_priced(&app, "ana@example.org", "EUR", 4000).await;
        crate::bookings::learner(&app, "leo@example.org").await;
        let account = format!("acct_sandbox_{}", ana.id.simple());
        Some(World {
            app,
            stripe,
            clock,
            ana,
            account,
        })
    }

    /// A fresh API token (the clock moves on past short-lived ones).
    async fn token(&self, email: &str) -> String {
        self.app.api_log_in(email).await.0
    }

    /// Delivers `event` signed at the app's time, and handles it.
    async fn deliver(&self, event: &Value) {
        let signed_at = self.clock.now().as_second();
        let res = fake_stripe::deliver_signed(&self.app, event, SECRET, signed_at).await;
        assert_eq!(res.status().as_u16(), 200);
        self.app.run_jobs().await;
    }

    /// Leo holds and pays a session `day` days ahead (of the real date) at 10:00 UTC.
    async fn paid(&self, day: i64) -> Held {
        let leo = self.token("leo@example.org").await;
        let held = hold(&self.app, &leo, &self.ana, day).await;
        self.stripe.succeed(&held.intent);
        let event = self
            .stripe
            .event("payment_intent.succeeded", self.stripe.intent(&held.intent));
        self.deliver(&event).await;
        assert_eq!(booking(&self.app, &held.id).await.status, "confirmed");
        held
    }

    /// Moves the clock to `seconds` after the session's start.
    async fn after_start(&self, held: &Held, seconds: i64) {
        let start = booking(&self.app, &held.id).await.start_at.as_second();
        self.clock
            .set(jiff::Timestamp::from_second(start + seconds).unwrap());
    }

    /// Moves the clock on.
    fn advance(&self, seconds: i64) {
        self.clock.advance(seconds);
    }

    /// The session is recorded completed an hour after it started.
    async fn completed(&self, held: &Held) {
        self.after_start(held, 3600).await;
        // The built-in room would settle it by attendance; an operator records it here.
        let operator = self.app.operator_token().await;
        let done = send(
            &self.app,
            Method::POST,
            &format!("/api/v1/bookings/{}/transitions", held.id),
            &operator,
            Some(json!({"to": "completed", "reason": ""})),
        )
        .await;
        assert_eq!(done.status, 200, "{done}");
    }

    /// The periodic payout sweep runs now, and every job it leads to.
    async fn sweep(&self) {
        let kind = app::jobs::kind("payouts_due").unwrap();
        app::jobs::enqueue(&self.app.db, kind, &json!({}), None, self.clock.now())
            .await
            .unwrap();
        self.app.run_jobs().await;
    }

    async fn balance(&self, account: &str) -> i64 {
        let later = self.clock.now() + jiff::SignedDuration::from_hours(1);
        store::ledger::balance(&self.app.db, account, "EUR", later)
            .await
            .unwrap()
    }

    fn payable(&self) -> String {
        format!("expert:{}:payable", self.ana.id)
    }

    /// Every currency's lines add up to zero, and the ledger's cash is exactly what the
    /// fake's balance holds: charged, less refunds, net transfers and disputed money.
    async fn assert_books_match_stripe(&self) {
        let later = self.clock.now() + jiff::SignedDuration::from_hours(1);
        let mut sums = std::collections::HashMap::<String, i64>::new();
        for b in store::ledger::trial_balance(&self.app.db, later)
            .await
            .unwrap()
        {
            *sums.entry(b.currency).or_default() += b.balance;
        }
        assert!(sums.values().all(|s| *s == 0), "unbalanced: {sums:?}");
        for (currency, held) in self.stripe.platform_balance() {
            let code = domain::profile::CurrencyCode::parse(&currency).unwrap();
            let rules = domain::payment::StripeCurrency::of(code).unwrap();
            let cash = store::ledger::balance(&self.app.db, "platform:cash", code.as_str(), later)
                .await
                .unwrap();
            assert_eq!(rules.to_wire(cash), held, "{currency}: cash against Stripe");
        }
    }

    /// Emails to `to` whose subject is `subject`.
    async fn emails(&self, to: &str, subject: &str) -> usize {
        store::outbox::newest(&self.app.db, 200)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.to == to && m.subject == subject)
            .count()
    }
}

async fn a_completed_session_pays_the_expert_once_after_the_dispute_window(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    let held = w.paid(3).await;
    w.completed(&held).await;
    // Within the dispute window nothing moves.
    w.advance(47 * 3600);
    w.sweep().await;
    assert!(w.stripe.seen_at("POST", "/v1/transfers").is_empty());
    assert_eq!(w.balance(&w.payable()).await, -3400);

    w.advance(3600 + 60);
    w.sweep().await;
    let made = w.stripe.seen_at("POST", "/v1/transfers");
    assert_eq!(made.len(), 1, "{made:?}");
    let transfer = store::transfers::for_booking(&w.app.db, held.id.parse().unwrap())
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(
        made[0].idempotency_key.as_deref(),
        Some(format!("mentora-transfer-{}", transfer.id).as_str())
    );
    let charge = w.stripe.intent(&held.intent)["latest_charge"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        made[0].form,
        [
            ("amount", "3400"),
            ("currency", "eur"),
            ("destination", w.account.as_str()),
            ("source_transaction", charge.as_str()),
            ("transfer_group", held.id.as_str()),
            ("metadata[booking_id]", held.id.as_str()),
            ("metadata[mentora_transfer_id]", &transfer.id.to_string()),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    assert_eq!(transfer.status, "sent");
    assert_eq!(w.balance(&w.payable()).await, 0);
    assert_eq!(w.balance("platform:cash").await, 600);
    assert_eq!(w.balance("platform:commission").await, -600);
    assert_eq!(
        w.emails("ana@example.org", "You have been paid for a session")
            .await,
        1
    );

    // Again, and Stripe's own event about the transfer: nothing more.
    w.advance(DAY);
    w.sweep().await;
    let event = w
        .stripe
        .event("transfer.created", w.stripe.transfers()[0].clone());
    w.deliver(&event).await;
    assert_eq!(w.stripe.seen_at("POST", "/v1/transfers").len(), 1);
    assert_eq!(w.stripe.transferred_to(&w.account)["eur"], 3400);
    assert_eq!(
        w.emails("ana@example.org", "You have been paid for a session")
            .await,
        1
    );
    w.assert_books_match_stripe().await;
}

both_backends!(a_completed_session_pays_the_expert_once_after_the_dispute_window);

async fn an_expert_without_payouts_accrues_and_is_paid_once_enabled(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    let first = w.paid(3).await;
    let second = w.paid(4).await;
    // Stripe asks Ana for her bank details again: payouts off.
    let off = json!({"id": w.account, "object": "account", "charges_enabled": true,
                     "payouts_enabled": false,
                     "requirements": {"currently_due": ["external_account"]}});
    let event = w.stripe.event("account.updated", off);
    w.deliver(&event).await;
    w.completed(&first).await;
    w.completed(&second).await;
    w.advance(3 * DAY);
    w.sweep().await;
    assert!(w.stripe.seen_at("POST", "/v1/transfers").is_empty());
    assert_eq!(w.balance(&w.payable()).await, -6800, "accrued");

    let on = json!({"id": w.account, "object": "account", "charges_enabled": true,
                    "payouts_enabled": true, "requirements": {"currently_due": []}});
    w.advance(60);
    let event = w.stripe.event("account.updated", on);
    w.deliver(&event).await;
    w.sweep().await;
    assert_eq!(w.stripe.seen_at("POST", "/v1/transfers").len(), 2);
    assert_eq!(w.stripe.transferred_to(&w.account)["eur"], 6800);
    assert_eq!(w.balance(&w.payable()).await, 0);
    w.assert_books_match_stripe().await;
}

both_backends!(an_expert_without_payouts_accrues_and_is_paid_once_enabled);

async fn a_refused_transfer_retries_and_operators_see_it(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    let held = w.paid(3).await;
    w.completed(&held).await;
    w.advance(2 * DAY + 60);
    w.stripe.refuse_transfers(1);
    w.sweep().await;
    let transfer = store::transfers::for_booking(&w.app.db, held.id.parse().unwrap())
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(transfer.status, "pending");
    assert!(
        transfer
            .failure
            .as_deref()
            .unwrap_or("")
            .contains("try again"),
        "{transfer:?}"
    );
    // Operators see the failed job and the waiting transfer.
    crate::payments::operator(&w.app).await;
    let ops = w.token("ops@example.org").await;
    let jobs = send(
        &w.app,
        Method::GET,
        "/api/v1/admin/jobs?status=failed",
        &ops,
        None,
    )
    .await;
    assert!(
        jobs.json["jobs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|j| j["kind"] == "transfer"),
        "{jobs}"
    );
    let page = send(&w.app, Method::GET, "/api/v1/admin/payments", &ops, None).await;
    assert_eq!(page.status, 200, "{page}");
    assert_eq!(
        page.json["transfers_waiting"][0]["id"],
        transfer.id.to_string()
    );

    // The retry (with the same idempotency key) goes through; one transfer in all.
    w.advance(120);
    w.app.run_jobs().await;
    let made = w.stripe.seen_at("POST", "/v1/transfers");
    assert_eq!(made.len(), 2);
    assert_eq!(made[0].idempotency_key, made[1].idempotency_key);
    assert_eq!(w.stripe.transfers().len(), 1);
    assert_eq!(w.balance(&w.payable()).await, 0);
    w.assert_books_match_stripe().await;
}

both_backends!(a_refused_transfer_retries_and_operators_see_it);

async fn a_refund_after_the_payout_reverses_the_transfer_first(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    let held = w.paid(3).await;
    w.completed(&held).await;
    w.advance(2 * DAY + 60);
    w.sweep().await;
    assert_eq!(w.stripe.transferred_to(&w.account)["eur"], 3400);
    // Leo's own dispute comes too late: the window closed when the share went out.
    let leo = w.token("leo@example.org").await;
    let late = send(
        &w.app,
        Method::POST,
        &format!("/api/v1/bookings/{}/transitions", held.id),
        &leo,
        Some(json!({"to": "disputed", "reason": "The session was cut short"})),
    )
    .await;
    assert_eq!(
        (late.status, late.code()),
        (409, "dispute_window_closed"),
        "{late}"
    );
    // He writes to support; an operator opens the dispute for him and settles it.
    crate::payments::operator(&w.app).await;
    let ops = w.token("ops@example.org").await;
    let disputed = send(
        &w.app,
        Method::POST,
        &format!("/api/v1/bookings/{}/transitions", held.id),
        &ops,
        Some(json!({"to": "disputed", "reason": "Leo wrote: the session was cut short"})),
    )
    .await;
    assert_eq!(disputed.status, 200, "{disputed}");
    let resolved = send(
        &w.app,
        Method::POST,
        &format!("/api/v1/bookings/{}/transitions", held.id),
        &ops,
        Some(json!({"to": "resolved", "reason": "Cut short", "settlement": "refund_learner"})),
    )
    .await;
    assert_eq!(resolved.status, 200, "{resolved}");
    w.app.run_jobs().await;
    // The reversal went first, then the refund.
    let order: Vec<String> = w
        .stripe
        .seen()
        .into_iter()
        .filter(|s| s.method == "POST")
        .map(|s| s.path)
        .collect();
    let transfer = &w.stripe.transfers()[0];
    let reversal_path = format!(
        "/v1/transfers/{}/reversals",
        transfer["id"].as_str().unwrap()
    );
    let reversed_at = order.iter().position(|p| *p == reversal_path).unwrap();
    let refunded_at = order.iter().position(|p| p == "/v1/refunds").unwrap();
    assert!(reversed_at < refunded_at, "{order:?}");
    assert_eq!(transfer["amount_reversed"], 3400);
    assert_eq!(w.balance(&w.payable()).await, 0);
    assert_eq!(w.balance("platform:commission").await, 0);
    assert_eq!(w.balance("platform:cash").await, 0);
    // No payout of what was refunded.
    w.advance(3 * DAY);
    w.sweep().await;
    assert_eq!(w.stripe.transfers().len(), 1);
    w.assert_books_match_stripe().await;
}

both_backends!(a_refund_after_the_payout_reverses_the_transfer_first);

async fn a_chargeback_holds_or_takes_back_the_share_and_its_outcome_settles_it(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    // Paid out, then disputed by Leo's bank and lost.
    let paid_out = w.paid(3).await;
    // Disputed within the window, and won.
    let held_back = w.paid(4).await;
    w.completed(&paid_out).await;
    w.advance(2 * DAY + 60);
    w.sweep().await;
    assert_eq!(w.stripe.transfers().len(), 1);

    let dispute = w.stripe.open_dispute(&paid_out.intent, 4000);
    let event = w.stripe.event("charge.dispute.created", dispute.clone());
    w.deliver(&event).await;
    w.deliver(&event).await;
    assert_eq!(
        w.stripe.transfers()[0]["amount_reversed"],
        3400,
        "taken back once"
    );
    assert_eq!(w.balance("platform:disputes").await, 4000);
    // Owed again for both sessions (the first's is held).
    assert_eq!(w.balance(&w.payable()).await, -6800);
    assert_eq!(
        w.emails("ana@example.org", "A payment for your session is disputed")
            .await,
        1
    );
    w.advance(DAY);
    w.sweep().await;
    assert_eq!(w.stripe.transfers().len(), 1, "nothing paid while disputed");
    w.assert_books_match_stripe().await;

    let lost = w.stripe.close_dispute(&dispute, false);
    let event = w.stripe.event("charge.dispute.closed", lost);
    w.deliver(&event).await;
    assert_eq!(w.balance("platform:disputes").await, 0);
    // Only the second session's share is still owed, and only its commission kept.
    assert_eq!(w.balance(&w.payable()).await, -3400);
    assert_eq!(w.balance("platform:commission").await, -600);
    let stored = store::disputes::for_booking(&w.app.db, paid_out.id.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(stored[0].outcome.as_deref(), Some("lost"));
    w.assert_books_match_stripe().await;

    // The second session: disputed before its payout, won; then paid once.
    w.completed(&held_back).await;
    let dispute = w.stripe.open_dispute(&held_back.intent, 4000);
    let event = w.stripe.event("charge.dispute.created", dispute.clone());
    w.deliver(&event).await;
    w.advance(2 * DAY + 60);
    w.sweep().await;
    assert_eq!(w.stripe.transfers().len(), 1, "held while open");
    let won = w.stripe.close_dispute(&dispute, true);
    let event = w.stripe.event("charge.dispute.closed", won);
    w.deliver(&event).await;
    w.sweep().await;
    assert_eq!(w.stripe.transfers().len(), 2);
    assert_eq!(w.stripe.transfers()[1]["amount"], 3400);
    assert_eq!(w.balance(&w.payable()).await, 0);
    assert_eq!(w.balance("platform:commission").await, -600);
    w.assert_books_match_stripe().await;
}

both_backends!(a_chargeback_holds_or_takes_back_the_share_and_its_outcome_settles_it);

async fn a_dispute_before_its_payment_event_records_both(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    let leo = w.token("leo@example.org").await;
    let held = hold(&w.app, &leo, &w.ana, 3).await;
    // The payment event is lost; the dispute's comes first.
    w.stripe.succeed(&held.intent);
    let dispute = w.stripe.open_dispute(&held.intent, 4000);
    let event = w.stripe.event("charge.dispute.created", dispute);
    w.deliver(&event).await;
    let row = booking(&w.app, &held.id).await;
    assert_eq!((row.status.as_str(), row.paid_amount), ("confirmed", 4000));
    assert_eq!(w.balance("platform:disputes").await, 4000);
    w.assert_books_match_stripe().await;
}

both_backends!(a_dispute_before_its_payment_event_records_both);

async fn an_experts_failed_bank_payout_is_shown_and_told_once(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    let failed = w.stripe.bank_payout(3400, "eur", "failed");
    let mut in_transit = failed.clone();
    in_transit["status"] = json!("in_transit");
    in_transit["failure_message"] = Value::Null;
    let older = w
        .stripe
        .connect_event(&w.account, "payout.updated", in_transit);
    let mut newer = w.stripe.connect_event(&w.account, "payout.failed", failed);
    newer["created"] = json!(older["created"].as_i64().unwrap() + 10);
    w.deliver(&newer).await;
    w.deliver(&newer).await;
    w.deliver(&older).await;
    let payouts = store::bank_payouts::for_expert(&w.app.db, w.ana.id, 10)
        .await
        .unwrap();
    assert_eq!(payouts.len(), 1);
    assert_eq!(
        payouts[0].status, "failed",
        "an older report never overrules"
    );
    let mut still_failed = w.stripe.connect_event(
        &w.account,
        "payout.updated",
        newer["data"]["object"].clone(),
    );
    still_failed["created"] = json!(newer["created"].as_i64().unwrap() + 10);
    w.deliver(&still_failed).await;
    assert_eq!(
        w.emails("ana@example.org", "A payout to your bank failed")
            .await,
        1,
        "told once"
    );
    // A payout of an account Mentora does not know, or the platform's own, changes nothing.
    let stranger = w.stripe.bank_payout(100, "eur", "paid");
    let event = w
        .stripe
        .connect_event("acct_someoneelse", "payout.paid", stranger.clone());
    w.deliver(&event).await;
    let event = w.stripe.event("payout.paid", stranger);
    w.deliver(&event).await;
    assert_eq!(
        store::bank_payouts::for_expert(&w.app.db, w.ana.id, 10)
            .await
            .unwrap()
            .len(),
        1
    );
}

both_backends!(an_experts_failed_bank_payout_is_shown_and_told_once);

async fn an_operator_refunds_with_a_reason_and_the_report_counts_it(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    let held = w.paid(3).await;
    crate::payments::operator(&w.app).await;
    let ops = w.token("ops@example.org").await;
    let leo = w.token("leo@example.org").await;
    let path = format!("/api/v1/admin/bookings/{}/refund", held.id);

    // Only operators; a reason, and an amount within what is left, are required.
    let by_learner = send(
        &w.app,
        Method::POST,
        &path,
        &leo,
        Some(json!({"amount": 1000, "reason": "x"})),
    )
    .await;
    assert_eq!(by_learner.status, 403, "{by_learner}");
    for (body, field) in [
        (json!({"amount": 1000, "reason": "  "}), "reason"),
        (json!({"amount": 4001, "reason": "too much"}), "amount"),
        (json!({"amount": 0, "reason": "nothing"}), "amount"),
    ] {
        let refused = send(&w.app, Method::POST, &path, &ops, Some(body)).await;
        assert_eq!(refused.status, 422, "{refused}");
        assert_eq!(refused.json["errors"][0]["field"], field, "{refused}");
    }
    let searched = send(
        &w.app,
        Method::GET,
        "/api/v1/admin/payments?q=LEO@example",
        &ops,
        None,
    )
    .await;
    assert_eq!(
        searched.json["bookings"][0]["id"],
        held.id.as_str(),
        "{searched}"
    );

    let refunded = send(
        &w.app,
        Method::POST,
        &path,
        &ops,
        Some(json!({"amount": 1500, "reason": "Audio problems for a third of the session"})),
    )
    .await;
    assert_eq!(refunded.status, 200, "{refunded}");
    assert_eq!(refunded.json["refunded"], 1500);
    assert_eq!(refunded.json["status"], "confirmed", "the status stays");
    // The same request again, saying what it saw (nothing refunded): refunds nothing more.
    let again = send(
        &w.app,
        Method::POST,
        &path,
        &ops,
        Some(json!({"amount": 1500, "reason": "Audio problems", "refunded_before": 0})),
    )
    .await;
    assert_eq!(again.status, 422, "{again}");
    assert_eq!(
        again.json["errors"][0]["field"], "refunded_before",
        "{again}"
    );
    w.app.run_jobs().await;
    let sent = w.stripe.seen_at("POST", "/v1/refunds");
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].form.iter().find(|(k, _)| k == "amount").unwrap().1,
        "1500"
    );
    let audit = store::audit::search(
        &w.app.db,
        &store::audit::AuditFilter {
            kind_prefix: Some("payments.".into()),
            limit: 50,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let entry = audit
        .iter()
        .find(|a| a.kind == "payments.refunded")
        .expect("audited");
    assert!(entry.detail.contains("Audio problems"), "{entry:?}");

    // The report for the month: 40.00 paid, 15.00 back, commission 6.00 less 2.25.
    let now = w.clock.now();
    let day = domain::schedule::zones::local(&jiff::tz::TimeZone::UTC, now).date();
    let query = format!("?from={}&to={}", day.first_of_month(), day.last_of_month());
    let report = send(
        &w.app,
        Method::GET,
        &format!("/api/v1/admin/commission{query}"),
        &ops,
        None,
    )
    .await;
    assert_eq!(report.status, 200, "{report}");
    let eur = &report.json["currencies"][0];
    assert_eq!(
        (
            eur["gross"].as_i64(),
            eur["refunded"].as_i64(),
            eur["commission_net"].as_i64()
        ),
        (Some(4000), Some(1500), Some(600 - 225)),
        "{report}"
    );
    let browser = w.app.another_client();
    browser.log_in_as("ops@example.org").await;
    let csv = browser
        .get(&format!("/admin/payments/commission.csv{query}"))
        .await;
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = csv.text().await.unwrap();
    assert!(csv.contains("EUR,40.00,15.00,6.00,2.25,3.75,0.00"), "{csv}");
    // Not for the learner.
    let learner = w.app.another_client();
    learner.log_in_as("leo@example.org").await;
    let refused = learner
        .get(&format!("/admin/payments/commission.csv{query}"))
        .await;
    assert_eq!(refused.status().as_u16(), 403);
    let bad = send(
        &w.app,
        Method::GET,
        "/api/v1/admin/commission?from=2026-13-01",
        &ops,
        None,
    )
    .await;
    assert_eq!(bad.status, 400, "{bad}");
    w.assert_books_match_stripe().await;
}

both_backends!(an_operator_refunds_with_a_reason_and_the_report_counts_it);

async fn the_expert_reads_their_earnings_by_stage_and_as_csv(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    let paid_out = w.paid(3).await;
    let in_window = w.paid(4).await;
    let upcoming = w.paid(9).await;
    w.completed(&paid_out).await;
    w.advance(2 * DAY + 60);
    w.sweep().await;
    w.completed(&in_window).await;
    let ana = w.token("ana@example.org").await;
    let earnings = send(
        &w.app,
        Method::GET,
        "/api/v1/experts/me/earnings",
        &ana,
        None,
    )
    .await;
    assert_eq!(earnings.status, 200, "{earnings}");
    let stage = |id: &str| {
        earnings.json["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["booking_id"] == id)
            .map(|s| s["stage"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(stage(&paid_out.id), "paid_out");
    assert_eq!(stage(&in_window.id), "in_dispute_window");
    assert_eq!(stage(&upcoming.id), "upcoming");
    let totals = &earnings.json["totals"][0];
    assert_eq!(
        (
            totals["upcoming"].as_i64(),
            totals["in_dispute_window"].as_i64(),
            totals["available"].as_i64(),
            totals["paid_out"].as_i64()
        ),
        (Some(3400), Some(3400), Some(0), Some(3400)),
        "{earnings}"
    );
    // A learner has no earnings to read.
    let leo = w.token("leo@example.org").await;
    let none = send(
        &w.app,
        Method::GET,
        "/api/v1/experts/me/earnings",
        &leo,
        None,
    )
    .await;
    assert_eq!(none.status, 404, "{none}");

    let browser = w.app.another_client();
    browser.log_in_as("ana@example.org").await;
    let page = browser.get("/experts/earnings").await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("data-stage=\"paid_out\""), "{html}");
    assert!(html.contains("€34.00"), "{html}");
    let csv = browser.get("/experts/earnings.csv").await;
    assert_eq!(
        csv.headers()["content-disposition"],
        "attachment; filename=\"mentora-earnings.csv\""
    );
    let csv = csv.text().await.unwrap();
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(
        csv.contains(&format!("{},", paid_out.id))
            && csv.contains(",EUR,40.00,0.00,34.00,34.00,paid_out"),
        "{csv}"
    );
}

both_backends!(the_expert_reads_their_earnings_by_stage_and_as_csv);

async fn the_ledger_check_finds_money_stripe_moved_that_the_ledger_lacks(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    let held = w.paid(3).await;
    let check = || async {
        let kind = app::jobs::kind("ledger_check").unwrap();
        app::jobs::enqueue(&w.app.db, kind, &json!({}), None, w.clock.now())
            .await
            .unwrap();
        w.app.run_jobs().await;
        store::ledger::last_check(&w.app.db).await.unwrap().unwrap()
    };
    let first = check().await;
    assert!(first.ok, "{first:?}");
    assert!(first.detail.contains("1 sessions matched"), "{first:?}");
    // A refund made in Stripe's dashboard whose event never arrived.
    w.stripe.refund_in_dashboard(&held.intent, 500);
    w.advance(60);
    let second = check().await;
    assert!(!second.ok, "{second:?}");
    assert!(second.detail.contains("500"), "{second:?}");
    crate::payments::operator(&w.app).await;
    let ops = w.token("ops@example.org").await;
    let overview = send(&w.app, Method::GET, "/api/v1/admin/payments", &ops, None).await;
    assert_eq!(overview.json["last_check"]["ok"], false, "{overview}");
    let jobs = send(
        &w.app,
        Method::GET,
        "/api/v1/admin/jobs?status=dead",
        &ops,
        None,
    )
    .await;
    assert!(
        jobs.json["jobs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|j| j["kind"] == "ledger_check"),
        "{jobs}"
    );
    // Once the event arrives, the books match again.
    let event = w
        .stripe
        .event("charge.refunded", w.stripe.charge_of(&held.intent));
    w.deliver(&event).await;
    w.advance(60);
    assert!(check().await.ok);
}

both_backends!(the_ledger_check_finds_money_stripe_moved_that_the_ledger_lacks);

/// Random sessions in four currencies (Stripe keeping a fee on each charge): paid, then
/// some refunded in the dashboard, completed and paid out, refunded by an operator after
/// the payout (a reversal first), or disputed by the bank and won or lost. After every
/// step every currency balances, the ledger's cash is exactly Stripe's balance, its fees
/// are Stripe's fees, and what each expert was paid is what Stripe transferred to them.
async fn random_payouts_refunds_and_chargebacks_keep_the_ledger_equal_to_stripe(backend: Backend) {
    use rand::{Rng, SeedableRng};
    let Some(w) = World::new(backend).await else {
        return;
    };
    let seed: u64 = rand::random();
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    w.stripe.charge_fees(3);
    // (expert, currency, price, step in minor units)
    let mut experts = vec![(w.ana.clone(), "EUR", 4000_i64, 1_i64)];
    for (n, (currency, price, step)) in [("JPY", 5001, 1), ("KWD", 12_340, 10), ("ISK", 9999, 1)]
        .into_iter()
        .enumerate()
    {
        let user = expert_priced(&w.app, &format!("e{n}@example.org"), currency, price).await;
        experts.push((user, currency, price, step));
    }
    crate::payments::operator(&w.app).await;
    for round in 0..6 {
        let (expert, currency, price, step) = experts[rng.random_range(0..experts.len())].clone();
        let day = 4 * round + 3;
        let leo = w.token("leo@example.org").await;
        let held = hold(&w.app, &leo, &expert, day).await;
        w.stripe.succeed(&held.intent);
        let event = w
            .stripe
            .event("payment_intent.succeeded", w.stripe.intent(&held.intent));
        w.deliver(&event).await;
        let wire = |minor: i64| {
            let code = domain::profile::CurrencyCode::parse(currency).unwrap();
            domain::payment::StripeCurrency::of(code)
                .unwrap()
                .to_wire(minor)
        };
        let mut left = price;
        if rng.random_bool(0.3) {
            let amount = (rng.random_range(1..=left / step / 3)) * step;
            left -= amount;
            w.stripe.refund_in_dashboard(&held.intent, wire(amount));
            let event = w
                .stripe
                .event("charge.refunded", w.stripe.charge_of(&held.intent));
            w.deliver(&event).await;
        }
        // Completed an hour after the start (recorded by an operator, as attendance would).
        w.after_start(&held, 3600).await;
        let token = w.app.operator_token().await;
        let done = send(
            &w.app,
            Method::POST,
            &format!("/api/v1/bookings/{}/transitions", held.id),
            &token,
            Some(json!({"to": "completed", "reason": ""})),
        )
        .await;
        assert_eq!(done.status, 200, "seed {seed}: {done}");
        let dispute = rng
            .random_bool(0.3)
            .then(|| w.stripe.open_dispute(&held.intent, wire(left)));
        if let Some(d) = &dispute {
            let event = w.stripe.event("charge.dispute.created", d.clone());
            w.deliver(&event).await;
        }
        w.advance(2 * DAY + 60);
        w.sweep().await;
        if let Some(d) = &dispute {
            let closed = w.stripe.close_dispute(d, rng.random_bool(0.5));
            let event = w.stripe.event("charge.dispute.closed", closed);
            w.deliver(&event).await;
            w.sweep().await;
        } else if rng.random_bool(0.5) && left >= step {
            let amount = rng.random_range(1..=left / step) * step;
            let ops = w.token("ops@example.org").await;
            let refunded = send(
                &w.app,
                Method::POST,
                &format!("/api/v1/admin/bookings/{}/refund", held.id),
                &ops,
                Some(json!({"amount": amount, "reason": "random"})),
            )
            .await;
            assert_eq!(refunded.status, 200, "seed {seed}: {refunded}");
            w.app.run_jobs().await;
        }
        w.assert_books_match_stripe().await;
        let later = w.clock.now() + jiff::SignedDuration::from_hours(1);
        for (code, (user, ..)) in experts.iter().map(|e| (e.1, e)) {
            let rules = domain::payment::StripeCurrency::of(
                domain::profile::CurrencyCode::parse(code).unwrap(),
            )
            .unwrap();
            let transferred = w
                .stripe
                .transferred_to(&format!("acct_sandbox_{}", user.id.simple()))
                .get(&code.to_lowercase())
                .copied()
                .unwrap_or(0);
            let paid_out: i64 = store::earnings::sessions(&w.app.db, user.id, 100)
                .await
                .unwrap()
                .iter()
                .map(|s| s.paid_out)
                .sum();
            assert_eq!(
                rules.to_wire(paid_out),
                transferred,
                "seed {seed} round {round}: {code}"
            );
        }
        let fees: i64 = store::ledger::trial_balance(&w.app.db, later)
            .await
            .unwrap()
            .iter()
            .filter(|b| b.account == "platform:processor_fees")
            .map(|b| b.balance)
            .sum();
        assert!(fees > 0, "seed {seed}: Stripe's fees are in the ledger");
    }
}

both_backends!(random_payouts_refunds_and_chargebacks_keep_the_ledger_equal_to_stripe);

async fn money_moved_while_a_payout_waits_or_after_it_is_taken_back_once(backend: Backend) {
    let Some(w) = World::new(backend).await else {
        return;
    };
    // 1. A full refund in the dashboard while the transfer waits (Stripe refused it once):
    //    the transfer is cancelled, nothing is sent.
    let first = w.paid(3).await;
    w.completed(&first).await;
    w.advance(2 * DAY + 60);
    w.stripe.refuse_transfers(1);
    w.sweep().await;
    w.stripe.refund_in_dashboard(&first.intent, 4000);
    let event = w
        .stripe
        .event("charge.refunded", w.stripe.charge_of(&first.intent));
    w.deliver(&event).await;
    w.advance(120);
    w.app.run_jobs().await;
    assert!(
        w.stripe.transfers().is_empty(),
        "{:?}",
        w.stripe.transfers()
    );
    let cancelled = store::transfers::for_booking(&w.app.db, first.id.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(cancelled[0].status, "cancelled");
    w.assert_books_match_stripe().await;

    // 2. Paid out, then part refunded in the dashboard: the expert's part comes back once,
    //    however often the event arrives.
    let second = w.paid(8).await;
    w.completed(&second).await;
    w.advance(2 * DAY + 60);
    w.sweep().await;
    assert_eq!(w.stripe.transfers().len(), 1);
    w.stripe.refund_in_dashboard(&second.intent, 1000);
    let event = w
        .stripe
        .event("charge.refunded", w.stripe.charge_of(&second.intent));
    w.deliver(&event).await;
    w.deliver(
        &w.stripe
            .event("charge.refunded", w.stripe.charge_of(&second.intent)),
    )
    .await;
    assert_eq!(
        w.stripe.transfers()[0]["amount_reversed"],
        850,
        "15 % of it stays with the platform"
    );
    assert_eq!(w.balance(&w.payable()).await, 0);
    w.assert_books_match_stripe().await;

    // 3. An inquiry takes no money: nothing recorded, nothing reversed.
    let mut inquiry = w.stripe.open_dispute(&second.intent, 0);
    inquiry["status"] = json!("warning_needs_response");
    inquiry["amount"] = json!(3000);
    w.deliver(&w.stripe.event("charge.dispute.created", inquiry))
        .await;
    assert!(
        store::disputes::for_booking(&w.app.db, second.id.parse().unwrap())
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(w.stripe.transfers()[0]["amount_reversed"], 850);

    // 4. No operator refund while a chargeback is open.
    let third = w.paid(12).await;
    let chargeback = w.stripe.open_dispute(&third.intent, 4000);
    w.deliver(&w.stripe.event("charge.dispute.created", chargeback))
        .await;
    crate::payments::operator(&w.app).await;
    let ops = w.token("ops@example.org").await;
    let refused = send(
        &w.app,
        Method::POST,
        &format!("/api/v1/admin/bookings/{}/refund", third.id),
        &ops,
        Some(json!({"amount": 1000, "reason": "goodwill"})),
    )
    .await;
    assert_eq!(refused.status, 422, "{refused}");
    assert_eq!(refused.json["errors"][0]["field"], "amount");
    w.assert_books_match_stripe().await;
}

both_backends!(money_moved_while_a_payout_waits_or_after_it_is_taken_back_once);
