//! Signing up, verifying email from the outbox, logging in and out, CSRF, and the admin
//! outbox — over real HTTP, as a browser would (cookies kept, forms carrying their token).

use domain::{EmailAddress, NewPassword, Role};
use reqwest::header;
use store::users::{self, NewUser};

use crate::both_backends;
use crate::testkit::{Backend, TestApp};

const PASSWORD: &str = "a long enough passphrase";

/// Signs up through the form, as a browser would.
async fn sign_up(app: &TestApp, name: &str, email: &str) -> reqwest::Response {
    app.submit(
        "/signup",
        &[
            ("display_name", name),
            ("email", email),
            ("password", PASSWORD),
        ],
    )
    .await
}

/// Logs in through the form with the tests' password.
async fn log_in(app: &TestApp, email: &str) -> reqwest::Response {
    app.submit("/login", &[("email", email), ("password", PASSWORD)])
        .await
}

/// The verification link's token from the newest outbox message to `to`.
async fn link_token(app: &TestApp, to: &str) -> String {
    let mail = store::outbox::newest(&app.db, 10).await.unwrap();
    let message = mail
        .iter()
        .find(|m| m.to == to)
        .unwrap_or_else(|| panic!("no mail to {to}"));
    message
        .text
        .split("/verify-email?token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no link in {:?}", message.text))
        .to_owned()
}

async fn audit_kinds(app: &TestApp, email: &str) -> Vec<String> {
    let user = users::find_by_email(&app.db, &EmailAddress::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut kinds: Vec<_> = store::audit::for_user(&app.db, user.id, 50)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    kinds.reverse();
    kinds
}

async fn sign_up_verify_log_in_and_out(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let res = sign_up(&app, "Noor", "Noor@Example.org").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("Check your inbox"));

    let user = users::find_by_email(&app.db, &EmailAddress::parse("noor@example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(!user.email_verified);
    let mail = store::outbox::newest(&app.db, 1).await.unwrap();
    assert_eq!(mail[0].subject, "Confirm your email address for Mentora");
    let token = link_token(&app, "noor@example.org").await;

    // Opening the link only asks for confirmation; a mail scanner's GET uses nothing up.
    let page = app
        .get(&format!("/verify-email?token={token}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Confirm my email address"));
    let done = app.submit("/verify-email", &[("token", &token)]).await;
    assert_eq!(done.status().as_u16(), 200);
    assert!(
        done.text()
            .await
            .unwrap()
            .contains("Your email address is confirmed")
    );
    assert!(
        users::find_by_id(&app.db, user.id)
            .await
            .unwrap()
            .unwrap()
            .email_verified
    );
    let again = app.submit("/verify-email", &[("token", &token)]).await;
    assert_eq!(again.status().as_u16(), 400, "links work once");

    let wrong = app
        .submit(
            "/login",
            &[
                ("email", "noor@example.org"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(wrong.status().as_u16(), 401);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("The email address or password is not right.")
    );

    let ok = app
        .submit(
            "/login",
            &[
                ("email", "NOOR@example.org"),
                ("password", PASSWORD),
                ("next", "/#for-learners"),
            ],
        )
        .await;
    assert_eq!(ok.status().as_u16(), 303);
    assert_eq!(ok.headers()[header::LOCATION], "/#for-learners");
    let cookie = ok.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.starts_with("mentora_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let home = app.get("/").await.text().await.unwrap();
    assert!(home.contains("Signed in as Noor"));
    assert_eq!(
        store::logins::list_for_user(&app.db, user.id)
            .await
            .unwrap()
            .len(),
        1
    );

    let out = app.submit("/logout", &[]).await;
    assert_eq!(out.status().as_u16(), 303);
    assert!(
        store::logins::list_for_user(&app.db, user.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        !app.get("/")
            .await
            .text()
            .await
            .unwrap()
            .contains("Signed in as")
    );

    assert_eq!(
        audit_kinds(&app, "noor@example.org").await,
        [
            "account.created",
            "email.verified",
            "login.failed",
            "login.succeeded",
            "logout"
        ]
    );
}

async fn invalid_sign_up_shows_every_problem_inline_and_stores_nothing(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let res = app
        .submit(
            "/signup",
            &[
                ("display_name", "  "),
                ("email", "not-an-email"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Please correct the following:"));
    let summary = html
        .split(r#"role="alert""#)
        .nth(1)
        .and_then(|s| s.split("</ul>").next())
        .unwrap_or("");
    let at = |text: &str| summary.find(text).unwrap_or(usize::MAX);
    assert!(
        at("Enter your name.") < at("Enter an email address")
            && at("Enter an email address") < at("Use at least 8"),
        "the summary follows the form's field order"
    );
    assert!(
        summary.contains(r##"<a href="#email">Enter an email address"##),
        "each problem links to its field: {summary}"
    );
    assert!(
        html.contains(r#"<p id="display_name-error" class="field-error">Enter your name.</p>"#)
    );
    assert!(html.contains(r#"<p id="email-error" class="field-error">Enter an email address like name@example.com.</p>"#));
    assert!(
        html.contains(
            r#"<p id="password-error" class="field-error">Use at least 8 characters.</p>"#
        )
    );
    assert!(
        html.contains(r#"aria-describedby="email-error""#)
            && html.contains(r#"aria-invalid="true""#)
    );
    assert!(
        html.contains(r#"value="not-an-email""#),
        "typed values are kept"
    );
    assert!(!html.contains("short\""), "the password is never echoed");
    assert_eq!(users::count(&app.db).await.unwrap(), 0);
    assert!(store::outbox::newest(&app.db, 1).await.unwrap().is_empty());

    let es = app
        .get_with("/signup", &[("accept-language", "es")])
        .await
        .text()
        .await
        .unwrap();
    assert!(es.contains("Crea tu cuenta"));
}

async fn signing_up_with_a_taken_address_answers_alike_and_tells_the_owner(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let form = [
        ("display_name", "First"),
        ("email", "taken@example.org"),
        ("password", PASSWORD),
    ];
    let first = app.submit("/signup", &form).await;
    let first_page = first.text().await.unwrap();
    let second = app
        .submit(
            "/signup",
            &[
                ("display_name", "Second"),
                ("email", "taken@example.org"),
                ("password", "another passphrase"),
            ],
        )
        .await;
    assert_eq!(second.status().as_u16(), 200);
    let strip = |s: &str| {
        s.split("name=\"csrf\"")
            .next()
            .unwrap_or("")
            .split("<main")
            .nth(1)
            .unwrap_or("")
            .to_owned()
    };
    assert_eq!(
        strip(&second.text().await.unwrap()),
        strip(&first_page),
        "the same answer"
    );
    assert_eq!(users::count(&app.db).await.unwrap(), 1);
    let mail = store::outbox::newest(&app.db, 1).await.unwrap();
    assert_eq!(mail[0].to, "taken@example.org");
    assert_eq!(
        mail[0].subject,
        "Someone tried to sign up with your email address"
    );
}

async fn forms_without_the_right_csrf_token_are_refused(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let res = app
        .post_form(
            "/login",
            &[("email", "a@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(res.text().await.unwrap().contains("Form expired"));

    // Another browser's token does not work for this one.
    let other = TestApp::builder(backend).spawn().await.unwrap();
    let foreign = other.csrf_token().await;
    app.get("/").await;
    let res = app
        .post_form("/language", &[("lang", "es"), ("csrf", &foreign)])
        .await;
    assert_eq!(res.status().as_u16(), 403);

    // The header works as well as the field (htmx sends it).
    let token = app.csrf_token().await;
    let res = app
        .client
        .post(app.at("/language"))
        .header("x-csrf-token", &token)
        .form(&[("lang", "es")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);

    // Logging in rotates the token: the pre-session one stops working.
    sign_up(&app, "R", "r@example.org").await;
    let before = app.csrf_token().await;
    log_in(&app, "r@example.org").await;
    let after = app.csrf_token().await;
    assert_ne!(before, after);
    let stale = app.post_form("/logout", &[("csrf", &before)]).await;
    assert_eq!(stale.status().as_u16(), 403);
}

async fn only_administrators_read_the_outbox(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let anonymous = app.get("/admin/outbox").await;
    assert_eq!(anonymous.status().as_u16(), 303);
    assert_eq!(
        anonymous.headers()[header::LOCATION],
        "/login?next=%2Fadmin%2Foutbox"
    );
    // The whole page address comes back, query included, safely encoded.
    let with_query = app.get("/admin/outbox?a=1&b=2").await;
    assert_eq!(
        with_query.headers()[header::LOCATION],
        "/login?next=%2Fadmin%2Foutbox%3Fa%3D1%26b%3D2"
    );
    // A form post has no page to return to.
    let post = app.submit("/account/sessions/end-all", &[]).await;
    assert_eq!(post.status().as_u16(), 303);
    assert_eq!(post.headers()[header::LOCATION], "/login");

    sign_up(&app, "Lee", "lee@example.org").await;
    log_in(&app, "lee@example.org").await;
    assert_eq!(
        app.get("/admin/outbox").await.status().as_u16(),
        403,
        "a learner may not"
    );

    let hash = NewPassword::parse(PASSWORD).unwrap().hash().unwrap();
    let new = NewUser {
        email: EmailAddress::parse("ops@example.org").unwrap(),
        display_name: "Ops".into(),
        password_hash: hash,
        email_verified: true,
        extra_roles: vec![Role::Admin],
        locale: "en".into(),
        time_zone: "UTC".into(),
        currency: "USD".into(),
    };
    users::create(&app.db, new).await.unwrap();
    let admin = app.another_client();
    let login = log_in(&admin, "ops@example.org").await;
    assert_eq!(login.status().as_u16(), 303);
    let outbox = admin.get("/admin/outbox").await;
    assert_eq!(outbox.status().as_u16(), 200);
    let html = outbox.text().await.unwrap();
    assert!(
        html.contains("Confirm your email address for Mentora") && html.contains("lee@example.org")
    );
}

async fn login_never_redirects_off_site(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    sign_up(&app, "X", "x@example.org").await;
    let res = app
        .submit(
            "/login",
            &[
                ("email", "x@example.org"),
                ("password", PASSWORD),
                ("next", "//evil.test/"),
            ],
        )
        .await;
    assert_eq!(res.headers()[header::LOCATION], "/");
}

/// The reset link's token from the newest outbox message to `to`.
async fn reset_token(app: &TestApp, to: &str) -> Option<String> {
    let mail = store::outbox::newest(&app.db, 10).await.unwrap();
    let message = mail
        .iter()
        .find(|m| m.to == to && m.subject == "Reset your Mentora password")?;
    message
        .text
        .split("/reset-password?token=")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .map(str::to_owned)
}

async fn a_forgotten_password_is_reset_by_email_once(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    sign_up(&app, "Ana", "ana@example.org").await;
    log_in(&app, "ana@example.org").await;
    let user = users::find_by_email(&app.db, &EmailAddress::parse("ana@example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        store::logins::list_for_user(&app.db, user.id)
            .await
            .unwrap()
            .len(),
        1
    );

    // Unknown and known addresses get the same answer; only the known one gets mail.
    let unknown = app
        .submit("/forgot-password", &[("email", "nobody@example.org")])
        .await;
    let known = app
        .submit("/forgot-password", &[("email", "ana@example.org")])
        .await;
    assert_eq!(
        (unknown.status().as_u16(), known.status().as_u16()),
        (200, 200)
    );
    let (u, k) = (unknown.text().await.unwrap(), known.text().await.unwrap());
    assert!(
        u.contains("If nobody@example.org has a Mentora account")
            && k.contains("If ana@example.org has a Mentora account")
    );
    // Delivery happens off the response path (so both answers take the same time).
    crate::testkit::eventually("the reset link to be mailed", || async {
        reset_token(&app, "ana@example.org").await.is_some()
    })
    .await;
    let token = reset_token(&app, "ana@example.org")
        .await
        .expect("a reset link was mailed");
    assert!(reset_token(&app, "nobody@example.org").await.is_none());

    // A password that breaks the rules is explained, and the link still works afterwards.
    let short = app
        .submit(
            "/reset-password",
            &[("token", &token), ("password", "short")],
        )
        .await;
    assert_eq!(short.status().as_u16(), 422);
    assert!(
        short
            .text()
            .await
            .unwrap()
            .contains("Use at least 8 characters.")
    );

    let done = app
        .submit(
            "/reset-password",
            &[("token", &token), ("password", "a brand new passphrase")],
        )
        .await;
    assert_eq!(done.status().as_u16(), 200);
    assert!(
        done.text()
            .await
            .unwrap()
            .contains("Your password has been changed")
    );
    assert!(
        store::logins::list_for_user(&app.db, user.id)
            .await
            .unwrap()
            .is_empty(),
        "logged out everywhere"
    );

    let reused = app
        .submit(
            "/reset-password",
            &[("token", &token), ("password", "yet another passphrase")],
        )
        .await;
    assert_eq!(reused.status().as_u16(), 400);
    assert_eq!(log_in(&app, "ana@example.org").await.status().as_u16(), 401);
    assert_eq!(
        app.submit(
            "/login",
            &[
                ("email", "ana@example.org"),
                ("password", "a brand new passphrase")
            ]
        )
        .await
        .status()
        .as_u16(),
        303
    );
    let kinds = audit_kinds(&app, "ana@example.org").await;
    assert!(
        kinds.ends_with(&[
            "password_reset.requested".into(),
            "password.reset".into(),
            "login.failed".into(),
            "login.succeeded".into()
        ]),
        "{kinds:?}"
    );
}

async fn people_see_and_end_their_own_sessions_only(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    sign_up(&app, "Sam", "sam@example.org").await;
    log_in(&app, "sam@example.org").await;
    let phone = app.another_client();
    log_in(&phone, "sam@example.org").await;
    let stranger = app.another_client();
    sign_up(&stranger, "Eve", "eve@example.org").await;
    log_in(&stranger, "eve@example.org").await;

    let page = app.get("/account/security").await.text().await.unwrap();
    assert_eq!(page.matches("This device").count(), 1);
    assert_eq!(
        page.matches("Log out this device").count(),
        1,
        "one other device"
    );
    assert!(page.contains("Logged in") && page.contains("Account created"));
    let other = page
        .split(r#"name="session" value=""#)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();

    // Eve cannot end Sam's session, even knowing its id.
    let refused = stranger
        .submit("/account/sessions/end", &[("session", &other)])
        .await;
    assert_eq!(refused.status().as_u16(), 404);
    assert!(
        phone
            .get("/")
            .await
            .text()
            .await
            .unwrap()
            .contains("Signed in as Sam")
    );

    let ended = app
        .submit("/account/sessions/end", &[("session", &other)])
        .await;
    assert_eq!(ended.status().as_u16(), 303);
    assert!(
        !phone
            .get("/")
            .await
            .text()
            .await
            .unwrap()
            .contains("Signed in as"),
        "the phone is logged out"
    );
    assert!(
        app.get("/")
            .await
            .text()
            .await
            .unwrap()
            .contains("Signed in as Sam"),
        "this device is not"
    );

    let everywhere = app.submit("/account/sessions/end-all", &[]).await;
    assert_eq!(everywhere.headers()[header::LOCATION], "/login");
    assert!(
        !app.get("/")
            .await
            .text()
            .await
            .unwrap()
            .contains("Signed in as")
    );
    assert!(
        stranger
            .get("/")
            .await
            .text()
            .await
            .unwrap()
            .contains("Signed in as Eve"),
        "other accounts keep theirs"
    );
    assert_eq!(
        app.get("/account/security").await.headers()[header::LOCATION],
        "/login?next=%2Faccount%2Fsecurity"
    );
    let kinds = audit_kinds(&app, "sam@example.org").await;
    assert!(
        kinds.ends_with(&["session.ended".into(), "logout.everywhere".into()]),
        "{kinds:?}"
    );
}

async fn an_outdated_password_hash_is_upgraded_at_login(backend: Backend) {
    use argon2::PasswordHasher;
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    sign_up(&app, "Old", "old@example.org").await;
    let user = users::find_by_email(&app.db, &EmailAddress::parse("old@example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    let params = argon2::Params::new(4096, 1, 1, None).unwrap();
    let weak = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password(PASSWORD.as_bytes())
        .unwrap();
    users::set_password_hash(
        &app.db,
        user.id,
        &domain::PasswordHash::from_stored(weak.to_string()),
    )
    .await
    .unwrap();

    assert_eq!(log_in(&app, "old@example.org").await.status().as_u16(), 303);
    let stored = users::password_hash(&app.db, user.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        stored.is_current() && stored.verify(PASSWORD),
        "{}",
        stored.as_str()
    );
    assert!(
        audit_kinds(&app, "old@example.org")
            .await
            .contains(&"password.rehashed".to_owned())
    );
}

async fn guessable_passwords_are_refused_with_the_reason_inline(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    for (password, reason) in [
        ("password123", "one of the commonly used passwords"),
        ("Quintanilla1987", "Your own name, your email address"),
    ] {
        let res = app
            .submit(
                "/signup",
                &[
                    ("display_name", "Marisol Quintanilla"),
                    ("email", "marisol@example.org"),
                    ("password", password),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422, "{password}");
        let html = res.text().await.unwrap();
        assert!(html.contains(reason), "{password}: {html}");
        // What was typed (but the password) is kept.
        assert!(html.contains("Marisol Quintanilla"));
    }
    assert!(
        users::find_by_email(
            &app.db,
            &EmailAddress::parse("marisol@example.org").unwrap()
        )
        .await
        .unwrap()
        .is_none()
    );
    // The API says the same, by field.
    let res = app
        .post_json(
            "/api/v1/auth/register",
            &serde_json::json!({"email": "m@example.org", "password": "password123", "display_name": "M"}),
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "password");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("commonly used"),
        "{body}"
    );
}

/// Signing up from a chosen time keeps it: the verification link carries where the
/// person was going (a local path only), and confirming leads back there, without asking
/// someone already signed in to log in.
async fn signing_up_from_a_chosen_time_leads_back_to_it(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let chosen = "/experts/ana/book?start=2026-12-08T10:00:00Z&duration=60&hold=1";
    let res = app
        .submit(
            "/signup",
            &[
                ("display_name", "Nina"),
                ("email", "nina@example.org"),
                ("password", PASSWORD),
                ("next", chosen),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let mail = store::outbox::newest(&app.db, 1).await.unwrap();
    let encoded = "&next=%2Fexperts%2Fana%2Fbook%3Fstart%3D2026-12-08T10%3A00%3A00Z%26duration%3D60%26hold%3D1";
    assert!(mail[0].text.contains(encoded), "{}", mail[0].text);
    let token = link_token(&app, "nina@example.org").await;
    let token = token.split('&').next().unwrap().to_owned();

    // Signed in on this browser before confirming: the page goes on to the chosen time.
    assert_eq!(
        log_in(&app, "nina@example.org").await.status().as_u16(),
        303
    );
    let asked = app
        .get(&format!(
            "/verify-email?token={token}&next=%2Fexperts%2Fana%2Fbook%3Fhold%3D1"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        asked.contains(r#"name="next" value="/experts/ana/book?hold=1""#),
        "{asked}"
    );
    let done = app
        .submit("/verify-email", &[("token", &token), ("next", chosen)])
        .await
        .text()
        .await
        .unwrap();
    assert!(done.contains("Back to where you were"), "{done}");
    let href = done
        .split("href=\"/experts/ana/book")
        .nth(1)
        .unwrap_or_default();
    assert!(href.starts_with("?start=2026-12-08T10"), "{href}");
    assert!(
        !done.contains(">Log in<"),
        "a signed-in person is not asked to log in"
    );

    // Signed out, the page asks to log in and go on from there; a foreign address is never
    // put in a link nor followed.
    let stranger = app.another_client();
    let res = stranger
        .submit(
            "/signup",
            &[
                ("display_name", "Eve"),
                ("email", "eve@example.org"),
                ("password", PASSWORD),
                ("next", "https://evil.example/"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let mail = store::outbox::newest(&app.db, 1).await.unwrap();
    assert!(!mail[0].text.contains("next="), "{}", mail[0].text);
    let token = link_token(&app, "eve@example.org").await;
    let done = stranger
        .submit(
            "/verify-email",
            &[("token", &token), ("next", "//evil.example/")],
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(!done.contains("evil.example"), "{done}");
    assert!(done.contains(r#"href="/login""#), "{done}");
}

both_backends!(
    signing_up_from_a_chosen_time_leads_back_to_it,
    guessable_passwords_are_refused_with_the_reason_inline,
    people_see_and_end_their_own_sessions_only,
    an_outdated_password_hash_is_upgraded_at_login,
    a_forgotten_password_is_reset_by_email_once,
    sign_up_verify_log_in_and_out,
    invalid_sign_up_shows_every_problem_inline_and_stores_nothing,
    signing_up_with_a_taken_address_answers_alike_and_tells_the_owner,
    forms_without_the_right_csrf_token_are_refused,
    only_administrators_read_the_outbox,
    login_never_redirects_off_site,
);
