//! Account persistence on both databases: sessions, single-use email tokens, the outbox
//! and the audit log.

use domain::{EmailAddress, NewPassword, Role};
use jiff::SignedDuration;
use store::email_tokens::{self, Purpose};
use store::logins::{self, ClientInfo};
use store::users::{self, NewUser, User};
use store::{Database, audit, outbox};

use crate::both_backends;
use crate::testkit::{Backend, TestDb};

async fn migrated(backend: Backend) -> Option<(TestDb, Database)> {
    let test_db = TestDb::create(backend).await?;
    let db = Database::connect(&test_db.url, 8).await.unwrap();
    store::migrations::apply(&db).await.unwrap();
    Some((test_db, db))
}

async fn someone(db: &Database, email: &str) -> User {
    users::create(
        db,
        NewUser {
            email: EmailAddress::parse(email).unwrap(),
            display_name: "Someone".into(),
            password_hash: NewPassword::parse("long enough pass")
                .unwrap()
                .hash()
                .unwrap(),
            email_verified: false,
            extra_roles: vec![],
            locale: "en".into(),
            time_zone: "UTC".into(),
            currency: "USD".into(),
        },
    )
    .await
    .unwrap()
}

async fn sessions_open_find_and_end(backend: Backend) {
    let Some((_t, db)) = migrated(backend).await else {
        return;
    };
    let user = someone(&db, "s@example.org").await;
    let client = ClientInfo {
        ip: Some("203.0.113.9".into()),
        user_agent: Some("Firefox".into()),
        device: None,
    };
    let opened = logins::open(&db, user.id, &client, SignedDuration::from_hours(14 * 24))
        .await
        .unwrap();

    let found = logins::find_active(&db, opened.secret.expose())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (found.user_id, found.csrf_token.as_str()),
        (user.id, opened.csrf_token.as_str())
    );
    assert_eq!(
        found.digest,
        opened.secret.digest(),
        "only the digest is stored"
    );
    assert_eq!(found.ip.as_deref(), Some("203.0.113.9"));
    assert!(
        logins::find_active(&db, "not-a-session")
            .await
            .unwrap()
            .is_none()
    );

    let other = logins::open(
        &db,
        user.id,
        &ClientInfo::default(),
        SignedDuration::from_hours(14 * 24),
    )
    .await
    .unwrap();
    assert_eq!(logins::list_for_user(&db, user.id).await.unwrap().len(), 2);
    logins::end(&db, &opened.secret.digest()).await.unwrap();
    assert!(
        logins::find_active(&db, opened.secret.expose())
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        logins::find_active(&db, other.secret.expose())
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(logins::end_all_for_user(&db, user.id).await.unwrap(), 1);
    assert!(
        logins::find_active(&db, other.secret.expose())
            .await
            .unwrap()
            .is_none()
    );

    let expired = logins::open(&db, user.id, &client, SignedDuration::from_secs(-1))
        .await
        .unwrap();
    assert!(
        logins::find_active(&db, expired.secret.expose())
            .await
            .unwrap()
            .is_none()
    );
}

async fn email_tokens_work_once_for_their_purpose_before_expiry(backend: Backend) {
    let Some((_t, db)) = migrated(backend).await else {
        return;
    };
    let user = someone(&db, "t@example.org").await;
    let email = EmailAddress::parse("t@example.org").unwrap();
    let token = email_tokens::issue(
        &db,
        user.id,
        Purpose::VerifyEmail,
        &email,
        SignedDuration::from_hours(24),
    )
    .await
    .unwrap();

    assert!(
        email_tokens::redeem(&db, token.expose(), Purpose::ResetPassword)
            .await
            .unwrap()
            .is_none()
    );
    let redeemed = email_tokens::redeem(&db, token.expose(), Purpose::VerifyEmail)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (redeemed.user_id, redeemed.email.as_str()),
        (user.id, "t@example.org")
    );
    assert!(
        email_tokens::redeem(&db, token.expose(), Purpose::VerifyEmail)
            .await
            .unwrap()
            .is_none(),
        "single use"
    );

    let stale = email_tokens::issue(
        &db,
        user.id,
        Purpose::ResetPassword,
        &email,
        SignedDuration::from_secs(-1),
    )
    .await
    .unwrap();
    assert!(
        email_tokens::redeem(&db, stale.expose(), Purpose::ResetPassword)
            .await
            .unwrap()
            .is_none()
    );

    assert!(
        users::mark_email_verified(&db, user.id, "t@example.org")
            .await
            .unwrap()
    );
    assert!(
        users::find_by_id(&db, user.id)
            .await
            .unwrap()
            .unwrap()
            .email_verified
    );
    assert!(
        !users::mark_email_verified(&db, user.id, "old@example.org")
            .await
            .unwrap(),
        "only the address proven"
    );
}

async fn concurrent_redemptions_of_one_token_have_one_winner(backend: Backend) {
    let Some((_t, db)) = migrated(backend).await else {
        return;
    };
    let user = someone(&db, "c@example.org").await;
    let email = EmailAddress::parse("c@example.org").unwrap();
    let token = email_tokens::issue(
        &db,
        user.id,
        Purpose::ResetPassword,
        &email,
        SignedDuration::from_mins(30),
    )
    .await
    .unwrap();
    let presented = token.expose().to_owned();
    let attempts: Vec<_> = (0..16)
        .map(|_| {
            let db = db.clone();
            let presented = presented.clone();
            tokio::spawn(async move {
                email_tokens::redeem(&db, &presented, Purpose::ResetPassword).await
            })
        })
        .collect();
    let mut winners = 0;
    for attempt in attempts {
        if attempt.await.unwrap().unwrap().is_some() {
            winners += 1;
        }
    }
    assert_eq!(winners, 1);
}

async fn outbox_and_audit_list_newest_first(backend: Backend) {
    let Some((_t, db)) = migrated(backend).await else {
        return;
    };
    for n in 1..=3 {
        outbox::push(&db, "a@example.org", &format!("Message {n}"), "Body", None)
            .await
            .unwrap();
    }
    let subjects: Vec<_> = outbox::newest(&db, 2)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.subject)
        .collect();
    assert_eq!(subjects, ["Message 3", "Message 2"]);

    let user = someone(&db, "a@example.org").await;
    let client = ClientInfo {
        ip: Some("198.51.100.1".into()),
        user_agent: None,
        device: None,
    };
    for kind in ["login.failed", "login.succeeded"] {
        audit::record(
            &db,
            audit::NewAuditEvent {
                user_id: Some(user.id),
                actor_id: None,
                kind,
                client: &client,
                detail: "{}".into(),
            },
        )
        .await
        .unwrap();
    }
    let events = audit::for_user(&db, user.id, 10).await.unwrap();
    let kinds: Vec<_> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["login.succeeded", "login.failed"]);
    assert_eq!(events[0].ip.as_deref(), Some("198.51.100.1"));
    assert_eq!(
        users::find_by_id(&db, user.id)
            .await
            .unwrap()
            .unwrap()
            .roles,
        vec![Role::Learner]
    );
}

both_backends!(
    sessions_open_find_and_end,
    email_tokens_work_once_for_their_purpose_before_expiry,
    concurrent_redemptions_of_one_token_have_one_winner,
    outbox_and_audit_list_newest_first,
);
