//! The binary: subcommands, start-up, configuration errors, migrations, operator and demo
//! accounts, and shutdown on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use domain::{EmailAddress, Role};

use crate::both_backends;
use crate::testkit::{Backend, Bin, stderr, stdout, ts};

#[test]
fn help_lists_every_subcommand() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mentora"))
        .arg("--help")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let help = stdout(&out);
    for sub in ["serve", "migrate", "admin", "demo"] {
        assert!(
            help.contains(&format!("  {sub} ")),
            "{sub} missing from:\n{help}"
        );
    }
}

async fn an_invalid_setting_stops_start_up_naming_the_key(backend: Backend) {
    let Some(bin) = Bin::new(backend).await else {
        return;
    };
    let out = bin.run(&["serve"], &[("MENTORA_LOG_FORMAT", "xml")]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "mentora: invalid configuration: `log_format` = \"xml\" (from environment variable \
         MENTORA_LOG_FORMAT): expected json or pretty"
    );
    std::fs::write(
        bin.path("mentora.toml"),
        "request_timeout_secs = \"soon\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = bin.run(&["serve"], &[]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("`request_timeout_secs` = \"soon\" (from mentora.toml)"),
        "{}",
        stderr(&out)
    );
}

async fn serve_starts_ready_and_stops_cleanly_on_sigterm(backend: Backend) {
    let Some(bin) = Bin::new(backend).await else {
        return;
    };
    let (mut child, ready) = start_serving(&bin, &[]);
    let url = ready
        .strip_prefix("Mentora is ready at ")
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("unexpected first line {ready:?}"))
        .to_owned();
    let res = reqwest::get(format!("{url}readyz"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status().as_u16(), 200);

    if backend == Backend::Sqlite {
        // The default database file, in WAL mode (a property stored in the file itself).
        let db_path = bin.path("data/mentora.db");
        assert!(db_path.exists(), "created under the data folder");
        let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&format!(
            "sqlite://{}",
            db_path.display()
        ))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        let mode: (String,) = sqlx::query_as("PRAGMA journal_mode")
            .fetch_one(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode.0, "wal");
    }

    let pid = child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(killed.success());
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done_tx.send(child.wait());
    });
    let status = done_rx
        .recv_timeout(Duration::from_secs(15))
        .unwrap_or_else(|_| panic!("did not stop within 15 s of SIGTERM"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "exit status {status}");
}

/// Starts `serve` and waits for its ready line; the child and its URL.
pub(crate) fn start_serving(bin: &Bin, env: &[(&str, &str)]) -> (std::process::Child, String) {
    let mut child = bin
        .command(&["serve", "--addr", "127.0.0.1:0"])
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let ready = rx
        .recv_timeout(Duration::from_secs(30))
        .unwrap_or_else(|e| panic!("no ready line: {e}"));
    (child, ready)
}

#[tokio::test]
async fn a_second_server_on_one_sqlite_file_is_refused_unless_allowed() {
    let Some(bin) = Bin::new(Backend::Sqlite).await else {
        return;
    };
    let (mut first, ready) = start_serving(&bin, &[]);
    assert!(ready.starts_with("Mentora is ready at "), "{ready}");
    let second = bin.run(&["serve", "--addr", "127.0.0.1:0"], &[]);
    assert!(!second.status.success(), "a second server must not start");
    let said = stderr(&second);
    assert!(
        said.contains("another `mentora serve` is already using") && said.contains("PostgreSQL"),
        "{said}"
    );
    // The documented way to start anyway.
    let (mut shared, ready) = start_serving(&bin, &[("MENTORA_ALLOW_SHARED_SQLITE", "true")]);
    assert!(ready.starts_with("Mentora is ready at "), "{ready}");
    shared.kill().unwrap_or_else(|e| panic!("{e}"));
    let _ = shared.wait();
    // The lock goes with its process, however it ends: after a kill, a new server starts.
    first.kill().unwrap_or_else(|e| panic!("{e}"));
    let _ = first.wait();
    let (mut again, ready) = start_serving(&bin, &[]);
    assert!(ready.starts_with("Mentora is ready at "), "{ready}");
    again.kill().unwrap_or_else(|e| panic!("{e}"));
    let _ = again.wait();
}

async fn migrate_applies_once_and_reports_status(backend: Backend) {
    let Some(bin) = Bin::new(backend).await else {
        return;
    };
    let before = bin.run(&["migrate", "status"], &[]);
    assert!(before.status.success(), "{}", stderr(&before));
    assert!(
        stdout(&before).contains("pending  m20261125_000001_accounts"),
        "{}",
        stdout(&before)
    );
    let up = bin.run(&["migrate"], &[]);
    assert!(
        stdout(&up).contains("applied  m20261125_000001_accounts"),
        "{}",
        stdout(&up)
    );
    let again = bin.run(&["migrate", "up"], &[]);
    assert_eq!(stdout(&again).trim(), "Database is up to date.");
    let after = bin.run(&["migrate", "status"], &[]);
    let all = store::migrations::known().len();
    assert!(
        stdout(&after).contains(&format!("{all} applied, 0 pending")),
        "{}",
        stdout(&after)
    );
}

async fn admin_create_makes_a_verified_administrator_once(backend: Backend) {
    let Some(bin) = Bin::new(backend).await else {
        return;
    };
    let pass = ("MENTORA_ADMIN_PASSWORD", "a sound passphrase");
    let out = bin.run(
        &[
            "admin",
            "create",
            "--email",
            "Ops@Example.org",
            "--name",
            "Olu Ops",
        ],
        &[pass],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Created administrator ops@example.org"));

    let db = store::Database::connect(&bin.db_url, 2)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let email = EmailAddress::parse("ops@example.org").unwrap_or_else(|e| panic!("{e}"));
    let user = store::users::find_by_email(&db, &email)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("not stored"));
    assert_eq!(user.roles, vec![Role::Learner, Role::Admin]);
    assert!(user.email_verified);
    let hash = store::users::password_hash(&db, user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no hash"));
    assert!(hash.as_str().starts_with("$argon2id$") && hash.verify("a sound passphrase"));

    let again = bin.run(&["admin", "create", "--email", "ops@example.org"], &[pass]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("an account with the email ops@example.org already exists"));

    let short = bin.run(
        &["admin", "create", "--email", "b@example.org"],
        &[("MENTORA_ADMIN_PASSWORD", "short")],
    );
    assert!(
        stderr(&short).contains("password: a password has at least 8 characters"),
        "{}",
        stderr(&short)
    );
    let bad = bin.run(&["admin", "create", "--email", "not-an-email"], &[pass]);
    assert!(stderr(&bad).contains("--email: an email address looks like name@example.com"));
    let no_terminal = bin.run(&["admin", "create", "--email", "c@example.org"], &[]);
    assert!(stderr(&no_terminal).contains("set MENTORA_ADMIN_PASSWORD"));
    assert_eq!(
        store::users::count(&db).await.unwrap_or(0),
        1,
        "nothing half-created"
    );
    db.close().await;
}

async fn demo_seed_is_idempotent_and_prints_the_accounts(backend: Backend) {
    let Some(bin) = Bin::new(backend).await else {
        return;
    };
    for _ in 0..2 {
        let out = bin.run(&["demo", "seed"], &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("password: mentora-demo-pass"));
        assert!(
            text.contains("admin@demo.mentora.test") && text.contains("learner@demo.mentora.test")
        );
    }
    let db = store::Database::connect(&bin.db_url, 2)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // Two accounts, the demo experts and the six reviewers, once each however often it runs.
    assert_eq!(store::users::count(&db).await.unwrap_or(0), 38);
    let listed = store::directory::search(
        &db,
        &store::directory::DirectoryQuery::everyone(store::directory::Sort::Rating, 100),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(listed.listings.len(), 30, "every demo expert is bookable");
    // Reviews of varied ratings: by the Bayesian order, many excellent reviews rank above
    // a single 5★ one, and experts without reviews sit between good and poor ones.
    let ratings: std::collections::BTreeSet<i32> =
        listed.listings.iter().map(|l| l.rating_centi).collect();
    assert!(ratings.len() >= 5, "{ratings:?}");
    let single = listed
        .listings
        .iter()
        .position(|l| l.rating_count == 1 && l.rating_centi == 500)
        .unwrap_or_else(|| panic!("no expert with one 5-star review"));
    assert!(
        listed.listings[..single]
            .iter()
            .any(|l| l.rating_count >= 7 && l.rating_centi < 500),
        "one 5-star review outranks many"
    );
    assert!(listed.listings.iter().all(|l| l.avatar_key.is_some()));
    let admin = EmailAddress::parse("admin@demo.mentora.test").unwrap_or_else(|e| panic!("{e}"));
    let admin = store::users::find_by_email(&db, &admin)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("missing"));
    assert_eq!(admin.roles, vec![Role::Learner, Role::Admin]);
    let hash = store::users::password_hash(&db, admin.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no hash"));
    assert!(hash.verify("mentora-demo-pass"));
    db.close().await;
}

async fn demo_seed_adds_generated_experts_for_load_tests(backend: Backend) {
    let Some(bin) = Bin::new(backend).await else {
        return;
    };
    let out = bin.run(&["demo", "seed", "--synthetic-experts", "7"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Added 7 generated experts"),
        "{}",
        stdout(&out)
    );
    let again = bin.run(&["demo", "seed", "--synthetic-experts", "7"], &[]);
    assert!(stdout(&again).contains("Added 0 generated experts"));
    let db = store::Database::connect(&bin.db_url, 2)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let query = |available| store::directory::DirectoryQuery {
        available_between: available,
        ..store::directory::DirectoryQuery::everyone(store::directory::Sort::Price, 100)
    };
    let all = store::directory::search(&db, &query(None))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all.listings.len(), 30 + 7);
    let now = chrono::Utc::now().timestamp();
    let soon = store::directory::search(&db, &query(Some((ts(now), ts(now + 8 * 86_400)))))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // The thirty demo experts keep weekly hours (computed by the scheduling engine), and
    // every third generated expert (0, 3, 6) has a free slot within the week.
    assert_eq!(soon.listings.len(), 30 + 3);
    db.close().await;
}

both_backends!(
    demo_seed_adds_generated_experts_for_load_tests,
    an_invalid_setting_stops_start_up_naming_the_key,
    serve_starts_ready_and_stops_cleanly_on_sigterm,
    migrate_applies_once_and_reports_status,
    admin_create_makes_a_verified_administrator_once,
    demo_seed_is_idempotent_and_prints_the_accounts,
);
