//! A wire-level fake of the Stripe endpoints Mentora's payments use (localstripe cannot:
//! it refuses `transfer_group` and `automatic_payment_methods` and ignores idempotency
//! keys). It answers with Stripe's own example objects (`fixtures/stripe/`, from
//! `stripe/openapi`, MIT) with ids, amounts and states overwritten, and it asserts what
//! Stripe documents: the pinned `Stripe-Version` on every request, an `Idempotency-Key` on
//! every POST (a repeated key replays the first answer, as Stripe does), and exactly the
//! form parameters each call sends; anything else is answered with a Stripe error, so the
//! code under test fails visibly. Transfers are checked against their source charge (never
//! more than it holds after refunds, disputes and earlier transfers) and reversals against
//! their transfer. Tests drive the other side (the learner paid, an operator refunded in
//! the dashboard, a bank disputed a charge) and deliver events signed as Stripe signs them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use serde_json::{Value, json};

use crate::testkit::TestApp;

/// The webhook signing secret the apps under test are configured with.
pub const SECRET: &str = "whsec_payments_test";
/// The secret key the apps under test send.
pub const SECRET_KEY: &str = "sk_test_payments";

fn fixture(name: &str) -> Value {
    let text = match name {
        "payment_intent" => include_str!("fixtures/stripe/payment_intent.json"),
        "refund" => include_str!("fixtures/stripe/refund.json"),
        "event" => include_str!("fixtures/stripe/event.json"),
        "charge" => include_str!("fixtures/stripe/charge.json"),
        "transfer" => include_str!("fixtures/stripe/transfer.json"),
        "transfer_reversal" => include_str!("fixtures/stripe/transfer_reversal.json"),
        "dispute" => include_str!("fixtures/stripe/dispute.json"),
        "payout" => include_str!("fixtures/stripe/payout.json"),
        other => panic!("no fixture {other}"),
    };
    serde_json::from_str(text).unwrap()
}

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: &'static str,
    pub path: String,
    pub idempotency_key: Option<String>,
    pub form: Vec<(String, String)>,
}

#[derive(Default)]
struct Books {
    intents: HashMap<String, Value>,
    refunds: Vec<Value>,
    transfers: Vec<Value>,
    /// Money the learners' banks took back (disputes open or lost), per intent.
    disputed: HashMap<String, i64>,
    seen: Vec<Seen>,
    /// Answers already given, by idempotency key.
    replays: HashMap<String, Value>,
    /// Refund requests to refuse (with a 500) before taking one.
    refuse_refunds: u32,
    /// Transfer requests to refuse (with a 500) before taking one.
    refuse_transfers: u32,
    /// Stripe's fee on each charge, in percent (none unless a test asks).
    fee_percent: i64,
    next: u64,
}

impl Books {
    fn id(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}_Fake{:06}", self.next)
    }
}

type Shared = Arc<Mutex<Books>>;

/// A running fake.
#[derive(Clone)]
pub struct FakeStripe {
    pub url: String,
    books: Shared,
}

fn stripe_error(status: StatusCode, message: String) -> Response {
    (
        status,
        Json(json!({"error": {"type": "invalid_request_error", "message": message}})),
    )
        .into_response()
}

/// Checks the headers every request must carry; the problem, if any.
fn check_headers(headers: &HeaderMap, post: bool) -> Option<String> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if header("authorization") != Some(&format!("Bearer {SECRET_KEY}")) {
        return Some("wrong or missing secret key".into());
    }
    if header("stripe-version") != Some(payments::stripe::API_VERSION) {
        return Some(format!(
            "Stripe-Version must be pinned to {}",
            payments::stripe::API_VERSION
        ));
    }
    if post && header("idempotency-key").is_none() {
        return Some("every POST must carry an Idempotency-Key".into());
    }
    None
}

/// The form's keys, sorted, against the exact set a call must send.
fn exact_keys(form: &[(String, String)], expected: &[&str]) -> Option<String> {
    let mut got: Vec<&str> = form.iter().map(|(k, _)| k.as_str()).collect();
    got.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    (got != want).then(|| format!("parameters {got:?}, expected exactly {want:?}"))
}

fn value<'a>(form: &'a [(String, String)], key: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

impl FakeStripe {
    pub async fn start() -> FakeStripe {
        let books: Shared = Arc::default();
        let app = Router::new()
            .route("/v1/payment_intents", post(create_intent))
            .route("/v1/payment_intents/{id}", get(read_intent))
            .route("/v1/refunds", post(create_refund).get(list_refunds))
            .route("/v1/transfers", post(create_transfer))
            .route("/v1/transfers/{id}/reversals", post(create_reversal))
            .with_state(books.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeStripe { url, books }
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.books.lock().unwrap().seen.clone()
    }

    /// The requests to `method path`.
    pub fn seen_at(&self, method: &str, path: &str) -> Vec<Seen> {
        self.seen()
            .into_iter()
            .filter(|s| s.method == method && s.path == path)
            .collect()
    }

    pub fn intent(&self, id: &str) -> Value {
        self.books.lock().unwrap().intents[id].clone()
    }

    /// The learner paid: the intent succeeded with a charge.
    pub fn succeed(&self, id: &str) {
        let mut books = self.books.lock().unwrap();
        let charge = books.id("ch");
        let intent = books.intents.get_mut(id).unwrap();
        intent["status"] = json!("succeeded");
        intent["amount_received"] = intent["amount"].clone();
        intent["latest_charge"] = json!(charge);
    }

    /// A payment made outside Mentora (the dashboard) that names `booking` in its metadata.
    pub fn stray_intent(&self, booking: &str, amount: i64, currency: &str) -> String {
        let mut books = self.books.lock().unwrap();
        let id = books.id("pi");
        let mut intent = fixture("payment_intent");
        intent["id"] = json!(id);
        intent["amount"] = json!(amount);
        intent["currency"] = json!(currency);
        intent["status"] = json!("requires_payment_method");
        intent["metadata"] = json!({"booking_id": booking});
        intent["latest_charge"] = Value::Null;
        intent["last_payment_error"] = Value::Null;
        books.intents.insert(id.clone(), intent);
        id
    }

    /// Changes what the intent charges (as a tampered record would).
    pub fn set_amount(&self, id: &str, amount: i64) {
        self.books.lock().unwrap().intents.get_mut(id).unwrap()["amount"] = json!(amount);
    }

    /// The next `n` refund requests fail with a 500 (Stripe having a bad moment).
    pub fn refuse_refunds(&self, n: u32) {
        self.books.lock().unwrap().refuse_refunds = n;
    }

    /// An operator refunds `amount` (wire units) in Stripe's dashboard.
    pub fn refund_in_dashboard(&self, intent: &str, amount: i64) -> String {
        let mut books = self.books.lock().unwrap();
        let id = books.id("re");
        let currency = books.intents[intent]["currency"].clone();
        let refund = refund_object(&id, intent, amount, &currency, json!({}));
        books.refunds.push(refund);
        id
    }

    /// Charged and refunded so far per currency (lower case), in wire units: what Stripe's
    /// balance would show.
    pub fn totals(&self) -> HashMap<String, (i64, i64)> {
        let books = self.books.lock().unwrap();
        let mut totals: HashMap<String, (i64, i64)> = HashMap::new();
        for intent in books.intents.values() {
            if intent["status"] == "succeeded" {
                let entry = totals
                    .entry(intent["currency"].as_str().unwrap().to_owned())
                    .or_default();
                entry.0 += intent["amount"].as_i64().unwrap();
            }
        }
        for refund in &books.refunds {
            let entry = totals
                .entry(refund["currency"].as_str().unwrap().to_owned())
                .or_default();
            entry.1 += refund["amount"].as_i64().unwrap();
        }
        totals
    }

    /// From now on Stripe keeps `percent` of each charge as its fee.
    pub fn charge_fees(&self, percent: i64) {
        self.books.lock().unwrap().fee_percent = percent;
    }

    /// The next `n` transfer requests fail with a 500.
    pub fn refuse_transfers(&self, n: u32) {
        self.books.lock().unwrap().refuse_transfers = n;
    }

    /// Every transfer made, as Stripe keeps it (reversals counted in `amount_reversed`).
    pub fn transfers(&self) -> Vec<Value> {
        self.books.lock().unwrap().transfers.clone()
    }

    /// Transferred to `destination` less what was reversed, per currency, in wire units.
    pub fn transferred_to(&self, destination: &str) -> HashMap<String, i64> {
        let mut net: HashMap<String, i64> = HashMap::new();
        for t in self.transfers() {
            if t["destination"] == destination {
                *net.entry(t["currency"].as_str().unwrap().to_owned())
                    .or_default() +=
                    t["amount"].as_i64().unwrap() - t["amount_reversed"].as_i64().unwrap();
            }
        }
        net
    }

    /// What the platform's balance holds per currency, in wire units: charged, less
    /// Stripe's fees, refunds, transfers (net of reversals) and money taken back by
    /// disputes.
    pub fn platform_balance(&self) -> HashMap<String, i64> {
        let mut balance: HashMap<String, i64> = self
            .totals()
            .into_iter()
            .map(|(c, (charged, refunded))| (c, charged - refunded))
            .collect();
        let books = self.books.lock().unwrap();
        for t in &books.transfers {
            *balance
                .entry(t["currency"].as_str().unwrap().to_owned())
                .or_default() -=
                t["amount"].as_i64().unwrap() - t["amount_reversed"].as_i64().unwrap();
        }
        for intent in books.intents.values() {
            *balance
                .entry(intent["currency"].as_str().unwrap().to_owned())
                .or_default() -= fee_of(intent, books.fee_percent);
        }
        for (intent, amount) in &books.disputed {
            let currency = books.intents[intent]["currency"]
                .as_str()
                .unwrap()
                .to_owned();
            *balance.entry(currency).or_default() -= amount;
        }
        balance
    }

    /// A learner's bank disputes `amount` (wire units) of the intent's charge: the money
    /// leaves the platform's balance, as Stripe withdraws it. Returns the dispute object.
    pub fn open_dispute(&self, intent: &str, amount: i64) -> Value {
        let mut books = self.books.lock().unwrap();
        let id = books.id("dp");
        *books.disputed.entry(intent.to_owned()).or_default() += amount;
        let pi = books.intents[intent].clone();
        let mut dispute = fixture("dispute");
        dispute["id"] = json!(id);
        dispute["amount"] = json!(amount);
        dispute["currency"] = pi["currency"].clone();
        dispute["charge"] = pi["latest_charge"].clone();
        dispute["payment_intent"] = json!(intent);
        dispute["status"] = json!("needs_response");
        dispute["reason"] = json!("fraudulent");
        dispute
    }

    /// Closes `dispute` as won (the money comes back) or lost.
    pub fn close_dispute(&self, dispute: &Value, won: bool) -> Value {
        let mut books = self.books.lock().unwrap();
        let intent = dispute["payment_intent"].as_str().unwrap().to_owned();
        if won {
            *books.disputed.get_mut(&intent).unwrap() -= dispute["amount"].as_i64().unwrap();
        }
        let mut closed = dispute.clone();
        closed["status"] = json!(if won { "won" } else { "lost" });
        closed
    }

    /// An expert's payout to their bank as a Connect `payout.*` event carries it.
    pub fn bank_payout(&self, amount: i64, currency: &str, status: &str) -> Value {
        let mut books = self.books.lock().unwrap();
        let mut payout = fixture("payout");
        payout["id"] = json!(books.id("po"));
        payout["amount"] = json!(amount);
        payout["currency"] = json!(currency);
        payout["status"] = json!(status);
        payout["arrival_date"] = json!(chrono::Utc::now().timestamp() + 86_400);
        if status == "failed" {
            payout["failure_code"] = json!("account_closed");
            payout["failure_message"] = json!("The bank account has been closed.");
        }
        payout
    }

    /// An event of `kind` carrying `object`, in Stripe's event shape.
    pub fn event(&self, kind: &str, object: Value) -> Value {
        let mut books = self.books.lock().unwrap();
        let mut event = fixture("event");
        event["id"] = json!(books.id("evt"));
        event["type"] = json!(kind);
        event["created"] = json!(chrono::Utc::now().timestamp());
        event["api_version"] = json!(payments::stripe::API_VERSION);
        event["data"] = json!({ "object": object });
        event
    }

    /// A Connect event: `kind` on the connected account `account`.
    pub fn connect_event(&self, account: &str, kind: &str, object: Value) -> Value {
        let mut event = self.event(kind, object);
        event["account"] = json!(account);
        event
    }

    /// The charge of a succeeded intent as `charge.refunded` carries it.
    pub fn charge_of(&self, intent: &str) -> Value {
        let books = self.books.lock().unwrap();
        let pi = &books.intents[intent];
        let refunded: i64 = books
            .refunds
            .iter()
            .filter(|r| r["payment_intent"] == intent)
            .map(|r| r["amount"].as_i64().unwrap())
            .sum();
        let mut charge = fixture("charge");
        charge["id"] = pi["latest_charge"].clone();
        charge["payment_intent"] = json!(intent);
        charge["amount"] = pi["amount"].clone();
        charge["currency"] = pi["currency"].clone();
        charge["amount_refunded"] = json!(refunded);
        charge["refunded"] = json!(refunded == pi["amount"].as_i64().unwrap());
        charge
    }
}

fn refund_object(id: &str, intent: &str, amount: i64, currency: &Value, metadata: Value) -> Value {
    let mut refund = fixture("refund");
    refund["id"] = json!(id);
    refund["payment_intent"] = json!(intent);
    refund["amount"] = json!(amount);
    refund["currency"] = currency.clone();
    refund["status"] = json!("succeeded");
    refund["metadata"] = metadata;
    refund
}

/// Records the request, checks its headers, and replays an answer given before for the
/// same idempotency key.
fn arrive(
    books: &Shared,
    method: &'static str,
    path: String,
    headers: &HeaderMap,
    form: Vec<(String, String)>,
) -> Result<Option<Value>, String> {
    let mut books = books.lock().unwrap();
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    books.seen.push(Seen {
        method,
        path,
        idempotency_key: key.clone(),
        form,
    });
    if let Some(problem) = check_headers(headers, method == "POST") {
        return Err(problem);
    }
    Ok(key.and_then(|k| books.replays.get(&k).cloned()))
}

async fn create_intent(
    State(books): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    match arrive(
        &books,
        "POST",
        "/v1/payment_intents".into(),
        &headers,
        form.clone(),
    ) {
        Err(problem) => return stripe_error(StatusCode::BAD_REQUEST, problem),
        Ok(Some(replay)) => return Json(replay).into_response(),
        Ok(None) => {}
    }
    if let Some(problem) = exact_keys(
        &form,
        &[
            "amount",
            "currency",
            "automatic_payment_methods[enabled]",
            "description",
            "metadata[booking_id]",
            "transfer_group",
        ],
    ) {
        return stripe_error(StatusCode::BAD_REQUEST, problem);
    }
    let mut books = books.lock().unwrap();
    let id = books.id("pi");
    let mut intent = fixture("payment_intent");
    intent["id"] = json!(id);
    intent["amount"] = json!(value(&form, "amount").parse::<i64>().unwrap());
    intent["currency"] = json!(value(&form, "currency"));
    intent["status"] = json!("requires_payment_method");
    intent["client_secret"] = json!(format!("{id}_secret_fake"));
    intent["description"] = json!(value(&form, "description"));
    intent["metadata"] = json!({"booking_id": value(&form, "metadata[booking_id]")});
    intent["transfer_group"] = json!(value(&form, "transfer_group"));
    intent["automatic_payment_methods"] = json!({"enabled": true, "allow_redirects": "always"});
    intent["latest_charge"] = Value::Null;
    intent["last_payment_error"] = Value::Null;
    books.intents.insert(id, intent.clone());
    if let Some(key) = headers.get("idempotency-key").and_then(|v| v.to_str().ok()) {
        books.replays.insert(key.to_owned(), intent.clone());
    }
    Json(intent).into_response()
}

async fn read_intent(
    State(books): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    if let Err(problem) = arrive(
        &books,
        "GET",
        format!("/v1/payment_intents/{id}"),
        &headers,
        query.clone(),
    ) {
        return stripe_error(StatusCode::BAD_REQUEST, problem);
    }
    if query
        != [(
            "expand[]".to_owned(),
            "latest_charge.balance_transaction".to_owned(),
        )]
    {
        return stripe_error(
            StatusCode::BAD_REQUEST,
            format!("expected expand[]=latest_charge.balance_transaction, got {query:?}"),
        );
    }
    let books = books.lock().unwrap();
    let Some(intent) = books.intents.get(&id) else {
        return stripe_error(
            StatusCode::NOT_FOUND,
            format!("No such payment_intent: '{id}'"),
        );
    };
    let mut intent = intent.clone();
    // Expanded as asked: the charge with its balance transaction and Stripe's fee.
    if let Some(charge) = intent["latest_charge"].as_str().map(str::to_owned) {
        let mut expanded = fixture("charge");
        expanded["id"] = json!(charge);
        expanded["payment_intent"] = json!(id);
        expanded["amount"] = intent["amount"].clone();
        expanded["currency"] = intent["currency"].clone();
        expanded["balance_transaction"] = json!({
            "id": format!("txn_{charge}"),
            "object": "balance_transaction",
            "amount": intent["amount"],
            "currency": intent["currency"],
            "fee": fee_of(&intent, books.fee_percent),
            "net": intent["amount"].as_i64().unwrap() - fee_of(&intent, books.fee_percent),
            "type": "charge",
            "source": charge,
        });
        intent["latest_charge"] = expanded;
    }
    Json(intent).into_response()
}

/// Stripe's fee on a succeeded intent's charge in the fake: `percent` of it, rounded down
/// to what the currency's wire amounts can hold (hundreds in ISK and UGX, tens in
/// three-decimal ones).
fn fee_of(intent: &Value, percent: i64) -> i64 {
    if intent["status"] != "succeeded" {
        return 0;
    }
    let unit = match intent["currency"].as_str().unwrap() {
        "isk" | "ugx" => 100,
        "kwd" | "bhd" | "jod" | "omr" | "tnd" => 10,
        _ => 1,
    };
    intent["amount"].as_i64().unwrap() * percent / 100 / unit * unit
}

async fn create_refund(
    State(books): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    match arrive(&books, "POST", "/v1/refunds".into(), &headers, form.clone()) {
        Err(problem) => return stripe_error(StatusCode::BAD_REQUEST, problem),
        Ok(Some(replay)) => return Json(replay).into_response(),
        Ok(None) => {}
    }
    if let Some(problem) = exact_keys(
        &form,
        &[
            "payment_intent",
            "amount",
            "reason",
            "metadata[mentora_refund_id]",
        ],
    ) {
        return stripe_error(StatusCode::BAD_REQUEST, problem);
    }
    let mut books = books.lock().unwrap();
    if books.refuse_refunds > 0 {
        books.refuse_refunds -= 1;
        return stripe_error(StatusCode::INTERNAL_SERVER_ERROR, "try again".into());
    }
    let intent = value(&form, "payment_intent").to_owned();
    let Some(pi) = books.intents.get(&intent) else {
        return stripe_error(
            StatusCode::NOT_FOUND,
            format!("No such payment_intent: '{intent}'"),
        );
    };
    if pi["status"] != "succeeded" {
        return stripe_error(
            StatusCode::BAD_REQUEST,
            "the payment has not succeeded".into(),
        );
    }
    let amount: i64 = value(&form, "amount").parse().unwrap();
    let refunded: i64 = books
        .refunds
        .iter()
        .filter(|r| r["payment_intent"] == intent.as_str())
        .map(|r| r["amount"].as_i64().unwrap())
        .sum();
    if refunded + amount > pi["amount"].as_i64().unwrap() {
        return stripe_error(StatusCode::BAD_REQUEST, "more than was charged".into());
    }
    let currency = pi["currency"].clone();
    let id = books.id("re");
    let refund = refund_object(
        &id,
        &intent,
        amount,
        &currency,
        json!({"mentora_refund_id": value(&form, "metadata[mentora_refund_id]")}),
    );
    books.refunds.push(refund.clone());
    if let Some(key) = headers.get("idempotency-key").and_then(|v| v.to_str().ok()) {
        books.replays.insert(key.to_owned(), refund.clone());
    }
    Json(refund).into_response()
}

async fn list_refunds(
    State(books): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    if let Err(problem) = arrive(&books, "GET", "/v1/refunds".into(), &headers, query.clone()) {
        return stripe_error(StatusCode::BAD_REQUEST, problem);
    }
    if let Some(problem) = exact_keys(&query, &["payment_intent", "limit"]) {
        return stripe_error(StatusCode::BAD_REQUEST, problem);
    }
    let intent = value(&query, "payment_intent");
    let books = books.lock().unwrap();
    let data: Vec<Value> = books
        .refunds
        .iter()
        .filter(|r| r["payment_intent"] == intent)
        .cloned()
        .collect();
    Json(json!({"object": "list", "data": data, "has_more": false, "url": "/v1/refunds"}))
        .into_response()
}

/// What a charge still holds for transfers: its amount less what was refunded, disputed
/// and transferred from it (net of reversals), in wire units.
fn transferable(books: &Books, charge: &str) -> Option<(String, i64, String)> {
    let (intent, pi) = books
        .intents
        .iter()
        .find(|(_, pi)| pi["latest_charge"] == charge)?;
    let refunded: i64 = books
        .refunds
        .iter()
        .filter(|r| r["payment_intent"] == intent.as_str())
        .map(|r| r["amount"].as_i64().unwrap())
        .sum();
    let transferred: i64 = books
        .transfers
        .iter()
        .filter(|t| t["source_transaction"] == charge)
        .map(|t| t["amount"].as_i64().unwrap() - t["amount_reversed"].as_i64().unwrap())
        .sum();
    let disputed = books.disputed.get(intent).copied().unwrap_or(0);
    Some((
        intent.clone(),
        pi["amount"].as_i64().unwrap() - refunded - transferred - disputed,
        pi["currency"].as_str().unwrap().to_owned(),
    ))
}

async fn create_transfer(
    State(books): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    match arrive(
        &books,
        "POST",
        "/v1/transfers".into(),
        &headers,
        form.clone(),
    ) {
        Err(problem) => return stripe_error(StatusCode::BAD_REQUEST, problem),
        Ok(Some(replay)) => return Json(replay).into_response(),
        Ok(None) => {}
    }
    if let Some(problem) = exact_keys(
        &form,
        &[
            "amount",
            "currency",
            "destination",
            "source_transaction",
            "transfer_group",
            "metadata[booking_id]",
            "metadata[mentora_transfer_id]",
        ],
    ) {
        return stripe_error(StatusCode::BAD_REQUEST, problem);
    }
    let mut books = books.lock().unwrap();
    if books.refuse_transfers > 0 {
        books.refuse_transfers -= 1;
        return stripe_error(StatusCode::INTERNAL_SERVER_ERROR, "try again".into());
    }
    let charge = value(&form, "source_transaction").to_owned();
    let Some((intent, left, currency)) = transferable(&books, &charge) else {
        return stripe_error(
            StatusCode::BAD_REQUEST,
            format!("No such charge: '{charge}'"),
        );
    };
    let amount: i64 = value(&form, "amount").parse().unwrap();
    if value(&form, "currency") != currency {
        return stripe_error(
            StatusCode::BAD_REQUEST,
            "the transfer's currency must be the charge's".into(),
        );
    }
    if amount <= 0 || amount > left {
        return stripe_error(
            StatusCode::BAD_REQUEST,
            format!("insufficient funds in the charge: {left} left, {amount} asked"),
        );
    }
    if books.intents[&intent]["transfer_group"] != value(&form, "transfer_group") {
        return stripe_error(
            StatusCode::BAD_REQUEST,
            "the transfer group must be the payment's".into(),
        );
    }
    let id = books.id("tr");
    let mut transfer = fixture("transfer");
    transfer["id"] = json!(id);
    transfer["amount"] = json!(amount);
    transfer["amount_reversed"] = json!(0);
    transfer["currency"] = json!(currency);
    transfer["destination"] = json!(value(&form, "destination"));
    transfer["source_transaction"] = json!(charge);
    transfer["transfer_group"] = json!(value(&form, "transfer_group"));
    transfer["reversed"] = json!(false);
    transfer["metadata"] = json!({
        "booking_id": value(&form, "metadata[booking_id]"),
        "mentora_transfer_id": value(&form, "metadata[mentora_transfer_id]"),
    });
    books.transfers.push(transfer.clone());
    if let Some(key) = headers.get("idempotency-key").and_then(|v| v.to_str().ok()) {
        books.replays.insert(key.to_owned(), transfer.clone());
    }
    Json(transfer).into_response()
}

async fn create_reversal(
    State(books): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let path = format!("/v1/transfers/{id}/reversals");
    match arrive(&books, "POST", path, &headers, form.clone()) {
        Err(problem) => return stripe_error(StatusCode::BAD_REQUEST, problem),
        Ok(Some(replay)) => return Json(replay).into_response(),
        Ok(None) => {}
    }
    if let Some(problem) = exact_keys(&form, &["amount", "metadata[mentora_reversal_id]"]) {
        return stripe_error(StatusCode::BAD_REQUEST, problem);
    }
    let mut books = books.lock().unwrap();
    let amount: i64 = value(&form, "amount").parse().unwrap();
    let reversal_id = books.id("trr");
    let Some(transfer) = books.transfers.iter_mut().find(|t| t["id"] == id.as_str()) else {
        return stripe_error(StatusCode::NOT_FOUND, format!("No such transfer: '{id}'"));
    };
    let left = transfer["amount"].as_i64().unwrap() - transfer["amount_reversed"].as_i64().unwrap();
    if amount <= 0 || amount > left {
        return stripe_error(
            StatusCode::BAD_REQUEST,
            format!("a reversal of {amount} exceeds the {left} left on the transfer"),
        );
    }
    transfer["amount_reversed"] = json!(transfer["amount_reversed"].as_i64().unwrap() + amount);
    transfer["reversed"] = json!(amount == left);
    let currency = transfer["currency"].clone();
    let mut reversal = fixture("transfer_reversal");
    reversal["id"] = json!(reversal_id);
    reversal["amount"] = json!(amount);
    reversal["currency"] = currency;
    reversal["transfer"] = json!(id);
    reversal["metadata"] =
        json!({"mentora_reversal_id": value(&form, "metadata[mentora_reversal_id]")});
    if let Some(key) = headers.get("idempotency-key").and_then(|v| v.to_str().ok()) {
        books.replays.insert(key.to_owned(), reversal.clone());
    }
    Json(reversal).into_response()
}

/// Delivers `event` to the app, signed with `secret` at `signed_at` (Unix seconds).
pub async fn deliver_signed(
    app: &TestApp,
    event: &Value,
    secret: &str,
    signed_at: i64,
) -> reqwest::Response {
    let body = event.to_string();
    let signature = payments::webhook::sign(body.as_bytes(), secret, signed_at);
    app.client
        .post(app.at("/api/v1/webhooks/stripe"))
        .header("stripe-signature", signature)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Delivers `event` signed now, as Stripe would; returns the status and `applied`.
pub async fn deliver(app: &TestApp, event: &Value) -> (u16, Value) {
    let res = deliver_signed(app, event, SECRET, chrono::Utc::now().timestamp()).await;
    let status = res.status().as_u16();
    (status, res.json::<Value>().await.unwrap_or(Value::Null))
}
