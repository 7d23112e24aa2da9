//! The profile page (preferences, avatar upload), changing email and password, enrolling
//! an authenticator and logging in with it, and operators changing roles — over real HTTP
//! as a browser would.

use std::io::Cursor;

use domain::Role;

use crate::both_backends;
use crate::testkit::{Backend, TEST_PASSWORD, TestApp};

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(width, height, image::Rgb([20, 120, 200]));
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// Uploads an avatar through the profile form, as a browser would.
pub(crate) async fn upload(app: &TestApp, name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let token = app.csrf_token().await;
    let form = reqwest::multipart::Form::new().text("csrf", token).part(
        "avatar",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    app.client
        .post(app.at("/account/avatar"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn preferences_are_saved_and_bad_ones_explained_inline(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("pref@example.org", &[]).await;
    app.log_in_as("pref@example.org").await;
    // An earlier choice in the switcher; saving the profile's language replaces it.
    let res = app
        .submit("/language", &[("lang", "de"), ("next", "/")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .submit(
            "/account/profile",
            &[
                ("display_name", "Priya"),
                ("time_zone", "Asia/Kolkata"),
                ("locale", "es"),
                ("currency", "inr"),
                ("languages", "hi, en"),
                ("learning_goals", "System design interviews"),
                ("session_length_minutes", "90"),
                ("video_provider", "meet"),
                ("reminder_email", "on"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let cookies: Vec<_> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("mentora_locale=es;")),
        "{cookies:?}"
    );
    let page = app.get("/account/profile").await.text().await.unwrap();
    assert!(
        page.contains(r#"<html lang="es""#),
        "the page follows the saved language"
    );
    let saved = store::users::find_by_id(&app.db, user.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            saved.time_zone.as_str(),
            saved.locale.as_str(),
            saved.currency.as_str()
        ),
        ("Asia/Kolkata", "es", "INR")
    );
    assert_eq!(saved.languages, ["hi", "en"]);
    assert_eq!(
        (saved.session_length_minutes, saved.video_provider.as_str()),
        (90, "meet")
    );
    assert_eq!(saved.reminder_channels, ["email"]);

    let res = app
        .submit(
            "/account/profile",
            &[
                ("display_name", "Priya"),
                ("time_zone", "Asia/Nowhere"),
                ("locale", "es"),
                ("currency", "INR"),
                ("languages", "klingon"),
                ("session_length_minutes", "60"),
                ("video_provider", "meet"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"id="time_zone-error""#) && html.contains(r#"id="languages-error""#));
    assert!(html.contains("Asia/Nowhere"), "what was typed is kept");
    let unchanged = store::users::find_by_id(&app.db, user.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unchanged.time_zone, "Asia/Kolkata");
}

async fn avatars_are_reencoded_squares_and_disguised_files_refused(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("face@example.org", &[]).await;
    app.log_in_as("face@example.org").await;
    let res = upload(&app, "me.png", png(300, 200)).await;
    assert_eq!(res.status().as_u16(), 303);
    let key = store::users::find_by_id(&app.db, user.id)
        .await
        .unwrap()
        .unwrap()
        .avatar_key
        .unwrap();
    let served = app.get(&format!("/avatars/{key}")).await;
    assert_eq!(served.status().as_u16(), 200);
    assert_eq!(served.headers()["content-type"], "image/png");
    let img = image::load_from_memory(&served.bytes().await.unwrap()).unwrap();
    assert_eq!((img.width(), img.height()), (256, 256));

    // A PDF named like a picture: refused by its content, inline, and nothing changes.
    let res = upload(
        &app,
        "photo.png",
        b"%PDF-1.7\n1 0 obj << >> endobj".to_vec(),
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("not a PNG, JPEG, WebP or GIF image")
    );
    let after = store::users::find_by_id(&app.db, user.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.avatar_key.as_deref(), Some(key.as_str()));
    // Over the upload limit: 413 before anything is read.
    let res = upload(&app, "huge.png", vec![0u8; 7 * 1024 * 1024]).await;
    assert_eq!(res.status().as_u16(), 413);
    assert_eq!(
        app.get("/avatars/0000000000000000000000000000000a.png")
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        app.get("/avatars/..%2F..%2Fmentora.db")
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn changing_the_password_asks_for_the_current_one_and_ends_other_sessions(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("pw@example.org", &[]).await;
    let other = app.another_client();
    other.log_in_as("pw@example.org").await;
    app.log_in_as("pw@example.org").await;
    let (_, refresh) = app.api_log_in("pw@example.org").await;

    let res = app
        .submit(
            "/account/password",
            &[
                ("current_password", "not my password"),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("That is not your current password.")
    );

    let res = app
        .submit(
            "/account/password",
            &[
                ("current_password", TEST_PASSWORD),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        store::logins::list_for_user(&app.db, user.id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.get("/account/profile").await.status().as_u16(),
        200,
        "this session stays"
    );
    assert_eq!(
        other.get("/account/profile").await.status().as_u16(),
        303,
        "the other is logged out"
    );
    let res = app
        .post_json(
            "/api/v1/auth/refresh",
            &serde_json::json!({"refresh_token": refresh}),
        )
        .await;
    assert_eq!(res.status().as_u16(), 401, "API logins end too");
}

async fn changing_email_reverifies_the_new_address_and_tells_the_old(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("old@example.org", &[]).await;
    app.create_user("taken@example.org", &[]).await;
    app.log_in_as("old@example.org").await;
    let res = app
        .submit(
            "/account/email",
            &[
                ("email", "taken@example.org"),
                ("current_password", TEST_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let res = app
        .submit(
            "/account/email",
            &[
                ("email", "new@example.org"),
                ("current_password", "wrong one!"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let res = app
        .submit(
            "/account/email",
            &[
                ("email", "New@Example.org"),
                ("current_password", TEST_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let now = store::users::find_by_id(&app.db, user.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (now.email.as_str(), now.email_verified),
        ("new@example.org", false)
    );
    let mail = store::outbox::newest(&app.db, 5).await.unwrap();
    assert!(
        mail.iter()
            .any(|m| m.to == "old@example.org" && m.text.contains("new@example.org"))
    );
    assert!(
        mail.iter()
            .any(|m| m.to == "new@example.org" && m.text.contains("/verify-email?token="))
    );
}

async fn totp_enrolment_then_login_with_a_code(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let user = app.create_user("two@example.org", &[]).await;
    app.log_in_as("two@example.org").await;
    let html = app
        .submit("/account/totp/start", &[])
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<svg") && html.contains(r#"role="img""#),
        "a QR code is drawn"
    );
    let secret: String = html
        .split(r#"data-testid="totp-secret" dir="ltr">"#)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .replace(' ', "");
    let key = domain::totp::TotpKey::from_base32(&secret).unwrap();
    let now = chrono::Utc::now().timestamp() as u64;

    let wrong = app
        .submit("/account/totp/confirm", &[("code", "123456")])
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    let codes_page = app
        .submit("/account/totp/confirm", &[("code", &key.code_at(now))])
        .await
        .text()
        .await
        .unwrap();
    let codes: Vec<String> = codes_page
        .split("<li><code>")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(codes.len(), 10);

    // Log in again: the password alone is not enough.
    let fresh = app.another_client();
    let res = fresh
        .submit(
            "/login",
            &[("email", "two@example.org"), ("password", TEST_PASSWORD)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login/second-factor")
    );
    assert_eq!(
        fresh.get("/account/security").await.status().as_u16(),
        303,
        "not logged in yet"
    );
    let res = fresh
        .submit("/login/second-factor", &[("code", "000000")])
        .await;
    assert_eq!(res.status().as_u16(), 401);
    // The enrolment code's step is used up; the next step's code is accepted.
    let res = fresh
        .submit("/login/second-factor", &[("code", &key.code_at(now + 30))])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(fresh.get("/account/security").await.status().as_u16(), 200);

    // A recovery code instead of the app, once.
    let third = app.another_client();
    third
        .submit(
            "/login",
            &[("email", "two@example.org"), ("password", TEST_PASSWORD)],
        )
        .await;
    let res = third
        .submit("/login/second-factor", &[("code", &codes[0])])
        .await;
    assert_eq!(res.status().as_u16(), 303);

    // Removing the factor asks for the password.
    let res = app
        .submit("/account/totp/remove", &[("password", "wrong password")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(
        store::second_factors::totp(&app.db, user.id)
            .await
            .unwrap()
            .is_some()
    );
    let res = app
        .submit("/account/totp/remove", &[("password", TEST_PASSWORD)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(
        store::second_factors::totp(&app.db, user.id)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store::second_factors::unused_recovery_codes(&app.db, user.id)
            .await
            .unwrap(),
        0
    );
}

async fn admins_grant_and_revoke_roles_which_ends_the_persons_sessions(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    let admin = app.create_user("root@example.org", &[Role::Admin]).await;
    let person = app.create_user("soon-expert@example.org", &[]).await;
    let their_browser = app.another_client();
    their_browser.log_in_as("soon-expert@example.org").await;
    app.log_in_as("root@example.org").await;
    let list = app.get("/admin/users?q=soon").await.text().await.unwrap();
    assert!(list.contains("soon-expert@example.org") && !list.contains("root@example.org"));

    let path = format!("/admin/users/{}/roles", person.id);
    // The first post only asks, naming the person and what the role allows; nothing changes.
    let asked = app
        .submit(
            &path,
            &[("role", "expert"), ("action", "grant"), ("q", "soon")],
        )
        .await;
    assert_eq!(asked.status().as_u16(), 200);
    let page = asked.text().await.unwrap();
    assert!(
        page.contains("Give soon-expert the role “Expert”?"),
        "{page}"
    );
    assert!(page.contains("Experts have a public profile"));
    assert!(
        page.contains("soon-expert@example.org")
            && page.contains(r#"name="confirmed" value="yes""#)
    );
    assert!(
        page.contains(r#"href="/admin/users?q=soon""#),
        "keeping leads back to the list"
    );
    assert_eq!(
        store::users::roles_of(&app.db, person.id).await.unwrap(),
        [Role::Learner]
    );
    let res = app
        .submit(
            &path,
            &[
                ("role", "expert"),
                ("action", "grant"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        store::users::roles_of(&app.db, person.id).await.unwrap(),
        [Role::Learner, Role::Expert]
    );
    assert_eq!(
        their_browser
            .get("/account/profile")
            .await
            .status()
            .as_u16(),
        303,
        "privilege change ends sessions"
    );
    let res = app
        .submit(
            &path,
            &[
                ("role", "expert"),
                ("action", "revoke"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        store::users::roles_of(&app.db, person.id).await.unwrap(),
        [Role::Learner]
    );
    let res = app
        .submit(&path, &[("role", "wizard"), ("action", "grant")])
        .await;
    assert_eq!(res.status().as_u16(), 400);
    // No admin can remove their own admin role.
    let own = format!("/admin/users/{}/roles", admin.id);
    assert_eq!(
        app.submit(&own, &[("role", "admin"), ("action", "revoke")])
            .await
            .status()
            .as_u16(),
        403
    );

    let audit = app
        .get("/admin/audit?kind=role&email=soon-expert@example.org")
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("role.granted") && audit.contains("role.revoked"));
    assert!(!audit.contains("login.succeeded"));
    // In the operator's words: the event by name (its code on hover), people by name and
    // address (their id on hover), never a bare id.
    assert!(
        audit.contains(r#"<span title="role.granted">Role granted</span>"#),
        "{audit}"
    );
    assert!(audit.contains(&format!(
        r#"<span title="{}">soon-expert</span>"#,
        person.id
    )));
    assert!(audit.contains(&format!(r#"<span title="{}">root</span>"#, admin.id)));
    assert!(!audit.contains(&format!("<code>{}</code>", person.id)));
    let res = app.get("/admin/audit?from=yesterday").await;
    assert_eq!(res.status().as_u16(), 400);
}

both_backends!(
    preferences_are_saved_and_bad_ones_explained_inline,
    avatars_are_reencoded_squares_and_disguised_files_refused,
    changing_the_password_asks_for_the_current_one_and_ends_other_sessions,
    changing_email_reverifies_the_new_address_and_tells_the_old,
    totp_enrolment_then_login_with_a_code,
    admins_grant_and_revoke_roles_which_ends_the_persons_sessions,
);
