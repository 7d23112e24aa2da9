//! People a test acts as: each holds a signed-in browser (its own cookie jar) and an API
//! access token, so one scenario can use pages and the API as the same person.
//!
//! ```ignore
//! let leo = app.learner("leo").await;
//! let ada = app.expert("ada").await;
//! let answer = leo.api(Method::POST, "/api/v1/bookings", json!({...})).await;
//! assert_eq!(answer.status, 201, "{answer}");
//! let mail = app.emails_to(&ada.email()).await;
//! ```

use std::fmt;

use domain::Role;
use reqwest::Method;
use serde_json::Value;

use crate::testkit::TestApp;

/// Someone signed in on the app, in a browser and over the API.
pub struct Persona {
    pub user: store::users::User,
    /// A browser with this person's login cookie (and CSRF cookie) in its jar.
    pub browser: TestApp,
    /// A fresh API access token.
    pub token: String,
}

/// An HTTP answer as a test reads it.
pub struct Answer {
    pub status: u16,
    /// The JSON body; `Null` when the body was not JSON.
    pub json: Value,
    pub location: Option<String>,
}

impl Answer {
    /// Reads `res`: its status, its `Location` and its JSON body.
    pub(crate) async fn of(res: reqwest::Response) -> Self {
        let status = res.status().as_u16();
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let json = res.json::<Value>().await.unwrap_or(Value::Null);
        Self {
            status,
            json,
            location,
        }
    }

    /// The problem+json `code` of an error answer ("" when there is none).
    pub fn code(&self) -> &str {
        self.json["code"].as_str().unwrap_or("")
    }
}

/// `201 {"id": …}`, for assertion messages.
impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status, self.json)
    }
}

impl Persona {
    pub fn email(&self) -> String {
        self.user.email.as_str().to_owned()
    }

    /// Calls the API with this person's token (and `body` as JSON, when given).
    pub async fn api(&self, method: Method, path: &str, body: impl Into<Option<Value>>) -> Answer {
        let mut request = self.browser.bearer(method, path, &self.token);
        if let Some(body) = body.into() {
            request = request.json(&body);
        }
        Answer::of(
            request
                .send()
                .await
                .unwrap_or_else(|e| panic!("{path}: {e}")),
        )
        .await
    }

    /// Loads a page in this person's browser: its status and HTML.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let res = self.browser.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.unwrap_or_default())
    }

    /// Submits a form the way the browser would (with its CSRF token).
    pub async fn submit(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        Answer::of(self.browser.submit(path, form).await).await
    }
}

impl TestApp {
    /// A confirmed learner, `name@example.org`, signed in.
    pub async fn learner(&self, name: &str) -> Persona {
        let user = self
            .create_user(&format!("{name}@example.org"), &[Role::Learner])
            .await;
        self.sign_in(user).await
    }

    /// An approved expert, `name@example.org`, bookable for an hour at 40 EUR, signed in.
    pub async fn expert(&self, name: &str) -> Persona {
        let user = self
            .bookable_expert(&format!("{name}@example.org"), &format!("{name} teaches"))
            .await;
        self.sign_in(user).await
    }

    /// An operator (learner and admin), `admin@example.org`, signed in.
    pub async fn admin(&self) -> Persona {
        let user = self.create_user("admin@example.org", &[Role::Admin]).await;
        self.sign_in(user).await
    }

    async fn sign_in(&self, user: store::users::User) -> Persona {
        let browser = self.another_client();
        browser.log_in_as(user.email.as_str()).await;
        let (token, _) = self.api_log_in(user.email.as_str()).await;
        Persona {
            user,
            browser,
            token,
        }
    }

    /// The messages the dev outbox holds for `address`, newest first.
    pub async fn emails_to(&self, address: &str) -> Vec<store::outbox::OutboxMessage> {
        // What the workers would have sent by now (booking emails are jobs).
        self.run_jobs().await;
        store::outbox::newest(&self.db, 500)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.to.eq_ignore_ascii_case(address))
            .collect()
    }
}

/// The kit at work: a learner books an expert and pays over the API; each sees the
/// session on their own page with the other's name, both are emailed, and a stranger
/// cannot see it.
async fn a_learner_books_an_expert_and_both_hear_of_it(backend: crate::testkit::Backend) {
    use crate::bookings::{at, hold_body, rules};
    use serde_json::json;

    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let ada = app.expert("ada").await;
    let set = ada
        .api(Method::PUT, "/api/v1/experts/me/availability", rules(0))
        .await;
    assert_eq!(set.status, 200, "{set}");
    let leo = app.learner("leo").await;

    let held = leo
        .api(
            Method::POST,
            "/api/v1/bookings",
            hold_body(&ada.user, &at(3, 10, 0)),
        )
        .await;
    assert_eq!(held.status, 201, "{held}");
    let id = held.json["id"].as_str().unwrap().to_owned();
    let paid = leo
        .api(
            Method::POST,
            &format!("/api/v1/test-mode/bookings/{id}/pay"),
            json!({"outcome": "succeed"}),
        )
        .await;
    assert_eq!(paid.status, 200, "{paid}");

    let (status, schedule) = ada.page("/schedule").await;
    assert_eq!(status, 200);
    assert!(schedule.contains(&format!("/bookings/{id}")) && schedule.contains(">leo<"));
    let (status, sessions) = leo.page("/sessions").await;
    assert_eq!(status, 200);
    assert!(sessions.contains(&format!("/bookings/{id}")) && sessions.contains(">ada<"));

    assert!(
        app.emails_to(&leo.email())
            .await
            .iter()
            .any(|m| m.calendar.is_some()),
        "the learner's confirmation carries the invite"
    );
    assert!(!app.emails_to(&ada.email()).await.is_empty());

    let eve = app.learner("eve").await;
    let peek = eve
        .api(Method::GET, &format!("/api/v1/bookings/{id}"), None)
        .await;
    assert_eq!((peek.status, peek.code()), (404, "not_found"), "{peek}");
}

crate::both_backends!(a_learner_books_an_expert_and_both_hear_of_it);
