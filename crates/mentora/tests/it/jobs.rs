//! Durable jobs on both databases: retries with backoff until the job is dead, an
//! operator's retry, unique keys, leases of dead workers, concurrent workers that never
//! run one job twice, and periodic jobs scheduled once across instances. Time moves by a
//! `ManualClock`; the side effects counted are the emails the jobs send.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use app::jobs::schedule::Scheduler;
use app::jobs::worker::run_next;
use app::jobs::{JobDeps, OperatorAction};
use app::mail::{Email, MailError, Mailer, OutboxMailer};
use domain::{Clock, ManualClock};
use futures::future::BoxFuture;
use jiff::SignedDuration;
use reqwest::Method;
use store::jobs::JobStatus;
use store::logins::ClientInfo;
use uuid::Uuid;

use crate::both_backends;
use crate::testkit::{Backend, TestDb};

/// The outbox, except that it refuses while `down` is set, and counts what it was asked
/// to send by id (to see a job's effect happen more than once, should it).
struct Transport {
    outbox: OutboxMailer,
    down: AtomicBool,
    sends: Mutex<HashMap<Uuid, u32>>,
}

impl Mailer for Transport {
    fn send(&self, email: Email) -> BoxFuture<'_, Result<(), MailError>> {
        self.outbox.send(email)
    }

    fn send_once(&self, id: Uuid, email: Email) -> BoxFuture<'_, Result<(), MailError>> {
        Box::pin(async move {
            *self.sends.lock().unwrap().entry(id).or_default() += 1;
            if self.down.load(Ordering::SeqCst) {
                return Err(MailError {
                    to: email.to,
                    reason: "the mail server refused the connection".into(),
                });
            }
            self.outbox.send_once(id, email).await
        })
    }
}

struct Queue {
    deps: JobDeps,
    transport: Arc<Transport>,
    clock: Arc<ManualClock>,
    _db: TestDb,
}

async fn queue(backend: Backend) -> Option<Queue> {
    let test_db = TestDb::create(backend).await?;
    let clock = Arc::new(ManualClock::at("2031-05-04T10:00:00Z".parse().unwrap()));
    let db = store::Database::connect(&test_db.url, 8)
        .await
        .unwrap()
        .with_clock(clock.clone());
    store::migrations::apply(&db).await.unwrap();
    let transport = Arc::new(Transport {
        outbox: OutboxMailer::new(db.clone()),
        down: AtomicBool::new(false),
        sends: Mutex::new(HashMap::new()),
    });
    let files =
        app::files::ObjectFiles::local(&std::env::temp_dir().join("mentora-jobs-test")).unwrap();
    let deps = JobDeps {
        db: db.clone(),
        schedules: Arc::new(app::scheduling::ScheduleCache::in_process()),
        mailer: transport.clone(),
        outgoing: transport.clone(),
        files: Arc::new(files),
        origin: "http://mentora.test".into(),
        payments: Arc::new(payments::sandbox::Sandbox),
        booking_rules: app::bookings::BookingRules::default(),
        video: app::rooms::VideoSettings::default(),
        calendars: app::calendars::Calendars::for_tests().unwrap(),
        document_retention: SignedDuration::from_hours(24 * 90),
    };
    Some(Queue {
        deps,
        transport,
        clock,
        _db: test_db,
    })
}

fn email(to: &str) -> Email {
    Email {
        to: to.into(),
        subject: "Your session".into(),
        text: "See you then.".into(),
        calendar: None,
        ..Email::default()
    }
}

async fn outbox_count(q: &Queue, to: &str) -> usize {
    store::outbox::newest(&q.deps.db, 10_000)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.to == to)
        .count()
}

async fn only_job(q: &Queue) -> store::jobs::Job {
    let jobs = store::jobs::list(&q.deps.db, &JobStatus::ALL, 10)
        .await
        .unwrap();
    assert_eq!(jobs.len(), 1, "{jobs:?}");
    jobs.into_iter().next().unwrap()
}

async fn a_failing_job_retries_then_dies_then_an_operator_retry_runs_it(backend: Backend) {
    let Some(q) = queue(backend).await else {
        return;
    };
    let db = &q.deps.db;
    q.transport.down.store(true, Ordering::SeqCst);
    assert!(
        app::jobs::email::send_later(db, &email("ana@example.org"))
            .await
            .unwrap()
    );

    let mut previous_delay = SignedDuration::ZERO;
    for attempt in 1..=8 {
        assert!(
            run_next(&q.deps, "w1").await.unwrap(),
            "attempt {attempt} ran"
        );
        let job = only_job(&q).await;
        assert_eq!(job.attempts, attempt);
        assert!(
            job.last_error
                .as_deref()
                .is_some_and(|e| e.contains("refused the connection")),
            "{job:?}"
        );
        if attempt < 8 {
            assert_eq!(job.status, JobStatus::Failed);
            // Backoff: 10 s doubling, give or take a fifth, never sooner than the last.
            let delay = q.clock.now().duration_until(job.run_at);
            let base = 10 * (1_i64 << (attempt - 1)).min(360);
            assert!(
                delay.as_secs() >= base - base / 5 && delay.as_secs() <= base + base / 5,
                "attempt {attempt}: retry in {delay:?}"
            );
            assert!(delay >= previous_delay || attempt > 8, "{delay:?}");
            previous_delay = delay;
            // Not due yet: nothing runs until its time.
            assert!(!run_next(&q.deps, "w1").await.unwrap());
            q.clock.advance(delay.as_secs());
        } else {
            assert_eq!(job.status, JobStatus::Dead, "after its last attempt");
        }
    }
    q.clock.advance(7200);
    assert!(
        !run_next(&q.deps, "w1").await.unwrap(),
        "a dead job stays put"
    );
    assert_eq!(outbox_count(&q, "ana@example.org").await, 0);

    // The operator fixes the mail server and retries it: audited, and it runs once.
    q.transport.down.store(false, Ordering::SeqCst);
    let job = only_job(&q).await;
    let operator = Uuid::new_v4();
    let client = ClientInfo::default();
    assert!(
        app::jobs::act(db, operator, &client, job.id, OperatorAction::Retry)
            .await
            .unwrap()
    );
    let audit = store::audit::search(
        db,
        &store::audit::AuditFilter {
            kind_prefix: Some("job.".into()),
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.kind == "job.retried" && e.actor_id == Some(operator)),
        "{audit:?}"
    );
    assert!(run_next(&q.deps, "w1").await.unwrap());
    let job = only_job(&q).await;
    assert_eq!((job.status, job.attempts), (JobStatus::Succeeded, 1));
    assert_eq!(outbox_count(&q, "ana@example.org").await, 1);
    // A finished job cannot be retried or discarded.
    assert!(
        !app::jobs::act(db, operator, &client, job.id, OperatorAction::Retry)
            .await
            .unwrap()
    );
    assert!(
        !app::jobs::act(db, operator, &client, job.id, OperatorAction::Discard)
            .await
            .unwrap()
    );
}

async fn an_operator_discards_a_waiting_job(backend: Backend) {
    let Some(q) = queue(backend).await else {
        return;
    };
    let db = &q.deps.db;
    app::jobs::email::send_later(db, &email("leo@example.org"))
        .await
        .unwrap();
    let job = only_job(&q).await;
    let client = ClientInfo::default();
    assert!(
        app::jobs::act(db, Uuid::new_v4(), &client, job.id, OperatorAction::Discard)
            .await
            .unwrap()
    );
    assert_eq!(only_job(&q).await.status, JobStatus::Dead);
    assert!(
        !run_next(&q.deps, "w1").await.unwrap(),
        "a discarded job does not run"
    );
    assert_eq!(outbox_count(&q, "leo@example.org").await, 0);
}

async fn the_same_unique_key_is_one_job(backend: Backend) {
    let Some(q) = queue(backend).await else {
        return;
    };
    let db = &q.deps.db;
    let kind = app::jobs::kind("email").unwrap();
    let payload = serde_json::to_value(email("ines@example.org")).unwrap();
    let now = q.clock.now();
    let key = || Some("welcome:ines".to_owned());
    assert!(
        app::jobs::enqueue(db, kind, &payload, key(), now)
            .await
            .unwrap()
    );
    assert!(
        !app::jobs::enqueue(db, kind, &payload, key(), now)
            .await
            .unwrap()
    );
    assert!(run_next(&q.deps, "w1").await.unwrap());
    // Also after it ran: the key stays taken while the job is kept.
    assert!(
        !app::jobs::enqueue(db, kind, &payload, key(), now)
            .await
            .unwrap()
    );
    assert!(!run_next(&q.deps, "w1").await.unwrap());
    assert_eq!(outbox_count(&q, "ines@example.org").await, 1);
}

async fn a_dead_workers_job_is_claimed_again_after_its_lease(backend: Backend) {
    let Some(q) = queue(backend).await else {
        return;
    };
    let db = &q.deps.db;
    app::jobs::email::send_later(db, &email("noor@example.org"))
        .await
        .unwrap();
    // A worker claims it and dies before finishing.
    let stale = store::jobs::claim(db, "died", &["email"])
        .await
        .unwrap()
        .expect("due");
    assert_eq!(stale.locked_by.as_deref(), Some("died"));
    assert!(
        !run_next(&q.deps, "w2").await.unwrap(),
        "leased to the dead worker"
    );
    // The lease counts from the next whole second: a full lease on, it still holds.
    q.clock.advance(stale.lease.as_secs());
    assert!(!run_next(&q.deps, "w2").await.unwrap(), "still leased");
    q.clock.advance(1);
    assert!(run_next(&q.deps, "w2").await.unwrap(), "claimed again");
    let job = only_job(&q).await;
    assert_eq!((job.status, job.attempts), (JobStatus::Succeeded, 2));
    // The first worker, come back to life, cannot overwrite what happened since.
    assert!(!store::jobs::succeed(db, &stale).await.unwrap());
    assert!(!store::jobs::fail(db, &stale, "late", None).await.unwrap());
    assert_eq!(only_job(&q).await.status, JobStatus::Succeeded);
    assert_eq!(outbox_count(&q, "noor@example.org").await, 1);
}

async fn a_job_whose_worker_died_in_its_last_attempt_is_dead_not_run_again(backend: Backend) {
    let Some(q) = queue(backend).await else {
        return;
    };
    let db = &q.deps.db;
    let ping = app::jobs::kind("ping").unwrap();
    assert_eq!(ping.max_attempts, 1);
    app::jobs::enqueue(db, ping, &serde_json::json!({}), None, q.clock.now())
        .await
        .unwrap();
    let stale = store::jobs::claim(db, "died", &["ping"])
        .await
        .unwrap()
        .expect("due");
    q.clock.advance(stale.lease.as_secs() + 1);
    assert!(
        !run_next(&q.deps, "w2").await.unwrap(),
        "not run a second time"
    );
    let job = only_job(&q).await;
    assert_eq!((job.status, job.attempts), (JobStatus::Dead, 1));
    assert_eq!(
        job.last_error.as_deref(),
        Some("its worker stopped during its last attempt")
    );
}

async fn jobs_of_kinds_this_build_does_not_know_wait_for_one_that_does(backend: Backend) {
    let Some(q) = queue(backend).await else {
        return;
    };
    let db = &q.deps.db;
    store::jobs::enqueue(
        db,
        &store::jobs::NewJob {
            kind: "from_a_newer_version".into(),
            payload: "{}".into(),
            unique_key: None,
            run_at: q.clock.now(),
            max_attempts: 3,
            lease: SignedDuration::from_mins(1),
        },
    )
    .await
    .unwrap();
    assert!(!run_next(&q.deps, "w1").await.unwrap());
    let job = only_job(&q).await;
    assert_eq!((job.status, job.attempts), (JobStatus::Queued, 0));
    // An instance that knows the kind takes it.
    let newer = store::jobs::claim(db, "newer", &["from_a_newer_version"])
        .await
        .unwrap();
    assert_eq!(newer.map(|j| j.id), Some(job.id));
}

async fn concurrent_workers_never_run_one_job_twice(backend: Backend) {
    let Some(q) = queue(backend).await else {
        return;
    };
    let q = Arc::new(q);
    for n in 0..100 {
        app::jobs::email::send_later(&q.deps.db, &email(&format!("p{n}@example.org")))
            .await
            .unwrap();
    }
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let q = q.clone();
            tokio::spawn(async move {
                let mut ran = 0;
                while run_next(&q.deps, &format!("w{w}")).await.unwrap() {
                    ran += 1;
                }
                ran
            })
        })
        .collect();
    let mut total = 0;
    for w in workers {
        total += w.await.unwrap();
    }
    assert_eq!(total, 100, "every job ran, by one worker");
    let sends = q.transport.sends.lock().unwrap().clone();
    assert_eq!(sends.len(), 100);
    assert!(sends.values().all(|n| *n == 1), "{sends:?}");
    let messages = store::outbox::newest(&q.deps.db, 1000).await.unwrap();
    assert_eq!(messages.len(), 100);
    let done = store::jobs::list(&q.deps.db, &[JobStatus::Succeeded], 1000)
        .await
        .unwrap();
    assert_eq!(done.len(), 100);
}

async fn periodic_jobs_are_scheduled_once_per_period_across_instances(backend: Backend) {
    let Some(q) = queue(backend).await else {
        return;
    };
    let db = &q.deps.db;
    let (mut one, mut two) = (Scheduler::default(), Scheduler::default());
    let kinds = app::jobs::schedule::PERIODIC.len();
    assert_eq!(one.tick(db).await.unwrap(), kinds);
    assert_eq!(
        two.tick(db).await.unwrap(),
        0,
        "the other instance was first"
    );
    assert_eq!(one.tick(db).await.unwrap(), 0, "once per period");
    // 30 seconds on, the half-minute kinds are due again; the others are not.
    q.clock.advance(30);
    assert_eq!(two.tick(db).await.unwrap(), 2);
    assert_eq!(one.tick(db).await.unwrap(), 0);
    while run_next(&q.deps, "w1").await.unwrap() {}
    let done = store::jobs::list(db, &[JobStatus::Succeeded], 100)
        .await
        .unwrap();
    assert_eq!(done.len(), kinds + 2, "{done:?}");
    assert!(
        store::jobs::list(db, &[JobStatus::Failed, JobStatus::Dead], 100)
            .await
            .unwrap()
            .is_empty()
    );
}

both_backends!(
    a_failing_job_retries_then_dies_then_an_operator_retry_runs_it,
    an_operator_discards_a_waiting_job,
    the_same_unique_key_is_one_job,
    a_dead_workers_job_is_claimed_again_after_its_lease,
    a_job_whose_worker_died_in_its_last_attempt_is_dead_not_run_again,
    jobs_of_kinds_this_build_does_not_know_wait_for_one_that_does,
    concurrent_workers_never_run_one_job_twice,
    periodic_jobs_are_scheduled_once_per_period_across_instances,
);

/// A dead email job on `app`'s database, as a failing transport leaves one.
async fn dead_job(app: &crate::testkit::TestApp) -> Uuid {
    app::jobs::email::send_later(&app.db, &email("dead@example.org"))
        .await
        .unwrap();
    let job = store::jobs::claim(&app.db, "w1", &["email"])
        .await
        .unwrap()
        .expect("due");
    assert!(
        store::jobs::fail(
            &app.db,
            &job,
            "the mail server refused the connection",
            None
        )
        .await
        .unwrap()
    );
    job.id
}

async fn operators_retry_and_discard_jobs_in_the_api(backend: Backend) {
    let app = crate::testkit::TestApp::spawn(backend).await;
    let Some(app) = app else {
        return;
    };
    let id = dead_job(&app).await;
    let admin = app.admin().await;

    let listed = admin.api(Method::GET, "/api/v1/admin/jobs", None).await;
    assert_eq!(listed.status, 200, "{listed}");
    let job = &listed.json["jobs"][0];
    assert_eq!(
        (
            job["id"].as_str(),
            job["kind"].as_str(),
            job["status"].as_str()
        ),
        (Some(id.to_string().as_str()), Some("email"), Some("dead")),
        "{listed}"
    );
    assert_eq!(job["last_error"], "the mail server refused the connection");
    assert_eq!(job["attempts"], 1);
    assert!(
        listed.json["depth"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["kind"] == "email" && d["status"] == "dead" && d["count"] == 1),
        "{listed}"
    );
    let only_succeeded = admin
        .api(Method::GET, "/api/v1/admin/jobs?status=succeeded", None)
        .await;
    assert_eq!(
        only_succeeded.json["jobs"],
        serde_json::json!([]),
        "{only_succeeded}"
    );
    let bad = admin
        .api(Method::GET, "/api/v1/admin/jobs?status=stuck", None)
        .await;
    assert_eq!((bad.status, bad.code()), (400, "bad_request"), "{bad}");

    let retried = admin
        .api(
            Method::POST,
            &format!("/api/v1/admin/jobs/{id}/retry"),
            None,
        )
        .await;
    assert_eq!(retried.status, 200, "{retried}");
    assert_eq!(
        (
            retried.json["status"].as_str(),
            retried.json["attempts"].as_i64()
        ),
        (Some("queued"), Some(0))
    );
    let again = admin
        .api(
            Method::POST,
            &format!("/api/v1/admin/jobs/{id}/retry"),
            None,
        )
        .await;
    assert_eq!((again.status, again.code()), (409, "job_state"), "{again}");
    let discarded = admin
        .api(
            Method::POST,
            &format!("/api/v1/admin/jobs/{id}/discard"),
            None,
        )
        .await;
    assert_eq!(discarded.json["status"], "dead", "{discarded}");
    let unknown = admin
        .api(
            Method::POST,
            &format!("/api/v1/admin/jobs/{}/retry", Uuid::new_v4()),
            None,
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.code()),
        (404, "not_found"),
        "{unknown}"
    );

    let audit = store::audit::search(
        &app.db,
        &store::audit::AuditFilter {
            kind_prefix: Some("job.".into()),
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let kinds: Vec<&str> = audit.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["job.discarded", "job.retried"]);
    assert!(audit.iter().all(|e| e.actor_id == Some(admin.user.id)));
}

async fn operators_retry_a_dead_job_on_the_page(backend: Backend) {
    let Some(app) = crate::testkit::TestApp::spawn(backend).await else {
        return;
    };
    let id = dead_job(&app).await;
    let admin = app.admin().await;
    let (status, html) = admin.page("/admin/jobs").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("the mail server refused the connection"),
        "{html}"
    );
    assert!(html.contains(&format!("action=\"/admin/jobs/{id}/retry\"")));
    assert!(
        !html.contains(&format!("action=\"/admin/jobs/{id}/discard\"")),
        "a dead job is not discarded again"
    );

    let done = admin
        .submit(&format!("/admin/jobs/{id}/retry"), &[("status", "dead")])
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(done.location.as_deref(), Some("/admin/jobs?status=dead"));
    let job = app::jobs::find(&app.db, id).await.unwrap().unwrap();
    assert_eq!(job.status, JobStatus::Queued);
    let (_, html) = admin.page("/admin/jobs?status=queued").await;
    assert!(
        html.contains(&format!("action=\"/admin/jobs/{id}/discard\"")),
        "{html}"
    );
    let (status, _) = admin.page("/admin/jobs?status=stuck").await;
    assert_eq!(status, 400);
}

both_backends!(
    operators_retry_and_discard_jobs_in_the_api,
    operators_retry_a_dead_job_on_the_page,
);

/// Messages in the binary's outbox, by address.
async fn outbox_by_address(db: &store::Database) -> HashMap<String, usize> {
    let mut by_address = HashMap::new();
    for m in store::outbox::newest(db, 10_000).await.unwrap() {
        *by_address.entry(m.to).or_default() += 1;
    }
    by_address
}

/// The real binary, killed with SIGKILL while it works through 200 emails, then started
/// again: every email goes out exactly once. The jobs the dead process held are taken
/// again once their lease has run out (the test clock moves past it rather than waiting).
async fn every_job_takes_effect_once_across_a_sigkill(backend: Backend) {
    let Some(bin) = crate::testkit::Bin::new(backend).await else {
        return;
    };
    let migrated = bin.run(&["migrate"], &[]);
    assert!(
        migrated.status.success(),
        "{}",
        crate::testkit::stderr(&migrated)
    );
    let pass = "a sound passphrase";
    let made = bin.run(
        &[
            "admin",
            "create",
            "--email",
            "ops@example.org",
            "--name",
            "Ops",
        ],
        &[("MENTORA_ADMIN_PASSWORD", pass)],
    );
    assert!(made.status.success(), "{}", crate::testkit::stderr(&made));
    let db = store::Database::connect(&bin.db_url, 4).await.unwrap();
    for n in 0..200 {
        app::jobs::email::send_later(&db, &email(&format!("p{n}@example.org")))
            .await
            .unwrap();
    }

    let workers = [("MENTORA_JOBS_WORKERS", "1")];
    let (mut first, _) = crate::cli::start_serving(&bin, &workers);
    // Killed as soon as the first emails are out, with the rest still to do.
    loop {
        if !outbox_by_address(&db).await.is_empty() {
            break;
        }
        tokio::task::yield_now().await;
    }
    first.kill().unwrap();
    first.wait().unwrap();
    let before = outbox_by_address(&db).await.len();
    assert!(
        before < 200,
        "the kill came after all 200 were sent ({before})"
    );

    let (mut second, ready) = crate::cli::start_serving(&bin, &workers);
    let url = ready
        .strip_prefix("Mentora is ready at ")
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or_else(|| panic!("{ready}"))
        .trim_end_matches('/')
        .to_owned();
    let client = reqwest::Client::new();
    let login: serde_json::Value = client
        .post(format!("{url}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "ops@example.org", "password": pass}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("{login}"));
    // Past the email kind's lease: what the dead process held is due again.
    let moved = client
        .post(format!("{url}/api/v1/test-mode/clock"))
        .bearer_auth(token)
        .json(&serde_json::json!({"advance_by": "3m"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        moved.status(),
        200,
        "{}",
        moved.text().await.unwrap_or_default()
    );
    crate::testkit::eventually("all 200 jobs to succeed", || async {
        store::jobs::list(&db, &[JobStatus::Succeeded], 1000)
            .await
            .unwrap()
            .iter()
            .filter(|j| j.kind == "email")
            .count()
            == 200
    })
    .await;
    second.kill().unwrap();
    second.wait().unwrap();
    let sent = outbox_by_address(&db).await;
    assert_eq!(sent.len(), 200, "every address got its email");
    let repeats: Vec<_> = sent.iter().filter(|(_, n)| **n != 1).collect();
    assert!(repeats.is_empty(), "sent more than once: {repeats:?}");
}

both_backends!(every_job_takes_effect_once_across_a_sigkill);

/// An app with Ana's session held by Leo and paid in the sandbox, no job run yet: the
/// app, Leo's token, the booking id and the payment's answer.
async fn paid_without_jobs(
    backend: Backend,
) -> Option<(
    crate::testkit::TestApp,
    String,
    String,
    crate::personas::Answer,
)> {
    use crate::bookings::{at, expert, hold_body, learner, pay_only, post_hold, rules};
    let app = crate::testkit::TestApp::spawn(backend).await?;
    let (ana, _) = expert(&app, "ana@example.org", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.org").await;
    let held = post_hold(&app, &leo, &hold_body(&ana, &at(3, 10, 0)), None).await;
    let id = held.json["id"].as_str().unwrap().to_owned();
    // The expert's notice of the hold goes before the payment the tests look at.
    app.run_jobs().await;
    let paid = pay_only(&app, &leo, &id, "succeed").await;
    Some((app, leo, id, paid))
}

/// A confirmation's emails are a job enqueued in the confirmation's own transaction: the
/// booking is confirmed with its job queued and no email sent yet; the job sends each
/// side one email with the invite, once; a repeated payment adds no second job.
async fn a_confirmation_and_its_emails_commit_together(backend: Backend) {
    let Some((app, leo, id, paid)) = paid_without_jobs(backend).await else {
        return;
    };
    assert_eq!(
        (paid.status, paid.json["status"].as_str()),
        (200, Some("confirmed")),
        "{paid}"
    );

    let queued = store::jobs::list(&app.db, &[JobStatus::Queued], 10)
        .await
        .unwrap();
    let notices: Vec<_> = queued
        .iter()
        .filter(|j| j.kind == "booking_notice")
        .collect();
    assert_eq!(notices.len(), 1, "{queued:?}");
    assert!(notices[0].payload.contains(&id) && notices[0].payload.contains("confirmed"));
    let confirmations = |mail: Vec<store::outbox::OutboxMessage>| {
        mail.into_iter()
            .filter(|m| {
                m.calendar
                    .as_deref()
                    .is_some_and(|c| c.contains("METHOD:REQUEST"))
            })
            .count()
    };
    let outbox = store::outbox::newest(&app.db, 50).await.unwrap();
    assert_eq!(
        confirmations(outbox),
        0,
        "nothing is sent before the job runs"
    );

    assert_eq!(
        app.run_jobs().await,
        3,
        "the notice, and the syncs of the session's meeting and calendar event it asks for"
    );
    let outbox = store::outbox::newest(&app.db, 50).await.unwrap();
    for to in ["leo@example.org", "ana@example.org"] {
        let theirs: Vec<_> = outbox.iter().filter(|m| m.to == to).cloned().collect();
        assert_eq!(confirmations(theirs), 1, "{to}");
    }
    // Paying again changes nothing and enqueues nothing.
    let again = crate::bookings::pay_only(&app, &leo, &id, "succeed").await;
    assert_eq!(again.status, 200, "{again}");
    assert_eq!(app.run_jobs().await, 0);
}

both_backends!(a_confirmation_and_its_emails_commit_together);

/// A confirmation job that runs only after the booking was cancelled sends nothing: its
/// invite would put back the event the cancellation removed. The cancellation's own
/// emails go out.
async fn a_stale_confirmation_is_not_sent_after_a_cancellation(backend: Backend) {
    let Some((app, leo, id, paid)) = paid_without_jobs(backend).await else {
        return;
    };
    assert_eq!(paid.status, 200, "{paid}");
    let cancelled = crate::testkit::send(
        &app,
        Method::POST,
        &format!("/api/v1/bookings/{id}/cancel"),
        &leo,
        Some(serde_json::json!({"reason": ""})),
    )
    .await;
    assert_eq!(cancelled.status, 200, "{cancelled}");
    assert_eq!(
        app.run_jobs().await,
        5,
        "the confirmation's job, the cancellation's, its refund's, and the syncs of the \
         session's meeting and calendar event the cancellation asks for"
    );
    let invites: Vec<String> = store::outbox::newest(&app.db, 50)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.to == "leo@example.org")
        .filter_map(|m| m.calendar)
        .collect();
    assert_eq!(invites.len(), 1, "{invites:?}");
    assert!(invites[0].contains("METHOD:CANCEL"), "{}", invites[0]);
}

both_backends!(a_stale_confirmation_is_not_sent_after_a_cancellation);

/// `/metrics` has the queue's depth by kind and state, the age of the oldest waiting job,
/// and runs by outcome.
async fn metrics_show_the_queue_and_its_runs(backend: Backend) {
    let Some(app) = crate::testkit::TestApp::spawn(backend).await else {
        return;
    };
    dead_job(&app).await;
    let ping = app::jobs::kind("ping").unwrap();
    app::jobs::enqueue(
        &app.db,
        ping,
        &serde_json::json!({}),
        None,
        app.db.clock().now(),
    )
    .await
    .unwrap();
    assert_eq!(app.run_jobs().await, 1);
    app::jobs::email::send_later(&app.db, &email("waits@example.org"))
        .await
        .unwrap();
    let text = app.get("/metrics").await.text().await.unwrap();
    let has = |needle: &str| text.lines().any(|l| l.starts_with(needle));
    assert!(
        has(r#"jobs_waiting{kind="email",status="dead"} 1"#),
        "{text}"
    );
    assert!(
        has(r#"jobs_waiting{kind="email",status="queued"} 1"#),
        "{text}"
    );
    assert!(
        has(r#"jobs_oldest_waiting_seconds{kind="email"}"#),
        "{text}"
    );
    assert!(
        has(r#"jobs_runs_total{kind="ping",outcome="succeeded"}"#),
        "{text}"
    );
}

both_backends!(metrics_show_the_queue_and_its_runs);
