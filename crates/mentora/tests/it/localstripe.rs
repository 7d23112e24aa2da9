//! Mentora's Stripe client against localstripe (PyPI), a Stripe peer, where it is faithful
//! (see `../shared/reference/stripe/README.md`): PaymentIntents confirmed with its test
//! cards read back as Mentora reads them (succeeded with its charge and fee, 3-D Secure
//! pending, a decline), partial refunds listed, and its signed `payment_intent.succeeded`
//! webhooks verified and stored by the app. It refuses `transfer_group`,
//! `automatic_payment_methods` and `reason` on refunds and has no Connect, so the requests
//! Mentora makes are asserted against the project's own fake (`fake_stripe`) instead.
//!
//! Skipped when `localstripe` is not installed, unless `MENTORA_REQUIRE_SERVICES=1`.

use std::process::{Child, Command, Stdio};

use payments::{PaymentProvider, PaymentStatus};
use serde_json::Value;

use crate::testkit::{TestApp, eventually, services_required};

/// A localstripe on a free port, stopped with the test.
struct LocalStripe {
    url: String,
    child: Child,
}

impl Drop for LocalStripe {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl LocalStripe {
    async fn start() -> Option<LocalStripe> {
        let port = crate::testkit::free_port();
        let child = match Command::new("localstripe")
            .args(["--port", &port.to_string(), "--from-scratch"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(child) => child,
            Err(e) => {
                assert!(
                    !services_required(),
                    "localstripe must be installed (pip install localstripe): {e}"
                );
                eprintln!("skipped: localstripe is not installed");
                return None;
            }
        };
        let stripe = LocalStripe {
            url: format!("http://127.0.0.1:{port}"),
            child,
        };
        let address = format!("127.0.0.1:{port}");
        eventually("localstripe to listen", || {
            let address = address.clone();
            async move { tokio::net::TcpStream::connect(&address).await.is_ok() }
        })
        .await;
        Some(stripe)
    }

    /// A POST as a browser's Stripe.js (or the dashboard) would make it.
    async fn post(&self, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let res = reqwest::Client::new()
            .post(format!("{}{path}", self.url))
            .basic_auth("sk_test_local", Some(""))
            .form(form)
            .send()
            .await
            .unwrap();
        (
            res.status().as_u16(),
            res.json().await.unwrap_or(Value::Null),
        )
    }

    /// A PaymentIntent for `booking`, with `payment_method`, confirmed; its id and the
    /// confirmation's status code.
    async fn confirmed(&self, booking: &str, payment_method: &str) -> (String, u16) {
        let (status, intent) = self
            .post(
                "/v1/payment_intents",
                &[
                    ("amount", "4000"),
                    ("currency", "eur"),
                    ("payment_method_types[]", "card"),
                    ("payment_method", payment_method),
                    ("metadata[booking_id]", booking),
                ],
            )
            .await;
        assert_eq!(status, 200, "{intent}");
        let id = intent["id"].as_str().unwrap().to_owned();
        let (status, _) = self
            .post(&format!("/v1/payment_intents/{id}/confirm"), &[])
            .await;
        (id, status)
    }
}

#[tokio::test]
async fn mentoras_client_reads_localstripes_test_cards_and_partial_refunds() {
    let Some(stripe) = LocalStripe::start().await else {
        return;
    };
    let client = payments::stripe::StripeClient::new("sk_test_local", &stripe.url).unwrap();
    let booking = uuid::Uuid::new_v4().to_string();

    // pm_card_visa: paid, with its charge and Stripe's fee.
    let (paid, status) = stripe.confirmed(&booking, "pm_card_visa").await;
    assert_eq!(status, 200);
    let payment = client.payment(&paid).await.unwrap();
    assert_eq!(payment.status, PaymentStatus::Succeeded);
    assert_eq!(
        (payment.wire_amount, payment.currency.as_str()),
        (4000, "eur")
    );
    assert_eq!(
        payment.booking_id.map(|b| b.to_string()),
        Some(booking.clone())
    );
    assert!(payment.charge.is_some_and(|c| c.starts_with("ch_")));
    assert_eq!(payment.fee.map(|f| f.currency), Some("eur".to_owned()));

    // 4000002500003155 asks for 3-D Secure: still open for the learner.
    let (status, method) = stripe
        .post(
            "/v1/payment_methods",
            &[
                ("type", "card"),
                ("card[number]", "4000002500003155"),
                ("card[exp_month]", "12"),
                ("card[exp_year]", "2034"),
                ("card[cvc]", "123"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{method}");
    let (secure, _) = stripe
        .confirmed(&booking, method["id"].as_str().unwrap())
        .await;
    let payment = client.payment(&secure).await.unwrap();
    assert_eq!(payment.status, PaymentStatus::Open);
    assert!(payment.charge.is_none());

    // A declined card: 402, and the payment stays open.
    let (declined, status) = stripe
        .confirmed(&booking, "pm_card_chargeCustomerFail")
        .await;
    assert_eq!(status, 402);
    assert_eq!(
        client.payment(&declined).await.unwrap().status,
        PaymentStatus::Open
    );

    // Two partial refunds (as made in a dashboard) read back, each sent.
    for _ in 0..2 {
        let (status, refund) = stripe
            .post(
                "/v1/refunds",
                &[("payment_intent", paid.as_str()), ("amount", "1500")],
            )
            .await;
        assert_eq!(status, 200, "{refund}");
    }
    let refunds = client.refunds_of(&paid).await.unwrap();
    assert_eq!(refunds.len(), 2);
    assert!(refunds.iter().all(|r| r.wire_amount == 1500 && r.sent()));
}

#[tokio::test]
async fn localstripes_signed_webhooks_are_verified_and_stored_once() {
    let Some(stripe) = LocalStripe::start().await else {
        return;
    };
    let url = stripe.url.clone();
    let Some(app) = TestApp::builder(crate::testkit::Backend::Sqlite)
        .configure(move |c| {
            c.stripe_secret_key = Some("sk_test_local".into());
            c.stripe_webhook_secret = Some("whsec_localstripe".into());
            c.stripe_publishable_key = Some("pk_test_local".into());
            c.stripe_api_base = url;
        })
        .spawn()
        .await
    else {
        return;
    };
    let (status, _) = stripe
        .post(
            "/_config/webhooks/mentora",
            &[
                ("url", &app.at("/api/v1/webhooks/stripe")),
                ("secret", "whsec_localstripe"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let (paid, _) = stripe
        .confirmed(&uuid::Uuid::new_v4().to_string(), "pm_card_visa")
        .await;
    // localstripe signs the event with the secret; the app verified it (else a 400, and
    // nothing stored) and stored it with its job.
    let stored = || async {
        let jobs = app::jobs::list(&app.db, &[store::jobs::JobStatus::Queued], 50)
            .await
            .unwrap();
        let mut events = Vec::new();
        for job in jobs.iter().filter(|j| j.kind == "stripe_event") {
            let id: Value = serde_json::from_str(&job.payload).unwrap();
            let payload = store::webhook_events::payload(&app.db, id["event_id"].as_str().unwrap())
                .await
                .unwrap()
                .unwrap();
            events.push(serde_json::from_str::<Value>(&payload).unwrap());
        }
        events
    };
    eventually("localstripe's webhook to be stored", || async {
        stored().await.iter().any(|e| {
            e["type"] == "payment_intent.succeeded" && e["data"]["object"]["id"] == paid.as_str()
        })
    })
    .await;
    // Its job reads the payment from localstripe: about no booking Mentora knows, ignored.
    app.run_jobs().await;
    let failed = app::jobs::list(
        &app.db,
        &[store::jobs::JobStatus::Failed, store::jobs::JobStatus::Dead],
        10,
    )
    .await
    .unwrap();
    assert!(failed.is_empty(), "{failed:?}");
}
