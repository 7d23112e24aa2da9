//! A full disk loses nothing and heals: on a small tmpfs that fills while holds are being
//! placed, every change is either answered 201 and still there after a restart, or refused
//! with 503 `storage_full`; `/readyz` says so; and once space returns, writes work again
//! without a restart. SQLite keeps its database file on the small disk; PostgreSQL keeps
//! the bookings table in a tablespace there.
//!
//! Mounting needs root (CI runs as root); elsewhere the test is skipped.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use crate::bookings::{expert, hold_body, learner, post_hold, rules};
use crate::both_backends;
use crate::personas::Answer;
use crate::testkit::{Backend, TestApp};

/// Skips the test (None), or fails it where every test must run (CI:
/// `MENTORA_REQUIRE_SERVICES=1`).
fn skip<T>(why: &str) -> Option<T> {
    assert!(
        std::env::var("MENTORA_REQUIRE_SERVICES").map_or(true, |v| v != "1"),
        "the full-disk test cannot run: {why} (MENTORA_REQUIRE_SERVICES=1)"
    );
    eprintln!("skipped: {why}");
    None
}

/// A tmpfs of a few MiB, unmounted when dropped.
struct SmallDisk {
    _parent: tempfile::TempDir,
    root: PathBuf,
}

impl SmallDisk {
    fn mount(mib: u32) -> Option<SmallDisk> {
        let parent = tempfile::tempdir().ok()?;
        // PostgreSQL's server user must reach its tablespace inside.
        let _ = Command::new("chmod").arg("755").arg(parent.path()).status();
        let root = parent.path().join("disk");
        std::fs::create_dir(&root).ok()?;
        let mounted = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={mib}m,mode=0755"),
                "tmpfs",
            ])
            .arg(&root)
            .output()
            .is_ok_and(|out| out.status.success());
        if !mounted {
            return skip("mounting a tmpfs needs root");
        }
        Some(SmallDisk {
            _parent: parent,
            root,
        })
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Writes a filler file until the disk has no byte left.
    fn fill(&self) {
        use std::io::Write;
        let mut filler = std::fs::File::create(self.path("filler")).unwrap();
        let chunk = vec![0u8; 64 * 1024];
        for size in [64 * 1024, 4096, 512, 1] {
            while filler.write_all(&chunk[..size]).is_ok() {}
        }
        let _ = filler.sync_all();
    }

    fn free(&self) {
        std::fs::remove_file(self.path("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.root).status();
    }
}

/// On PostgreSQL: the bookings and (login) sessions tables move to a tablespace on `disk`.
async fn bookings_on(disk: &SmallDisk, app: &TestApp) -> Option<String> {
    let dir = disk.path("pg");
    std::fs::create_dir(&dir).unwrap();
    let owned = Command::new("chown")
        .arg("postgres:postgres")
        .arg(&dir)
        .status()
        .is_ok_and(|s| s.success());
    let name = format!("small_{}", uuid::Uuid::new_v4().simple());
    let url = &app.test_db.as_ref()?.url;
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(url)
        .await
        .unwrap();
    let made = owned
        && sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "CREATE TABLESPACE {name} LOCATION '{}'",
            dir.display()
        )))
        .execute(&mut conn)
        .await
        .is_ok();
    if !made {
        return skip("PostgreSQL must run on this machine to put a tablespace on its disk");
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "ALTER TABLE bookings SET TABLESPACE {name}; ALTER TABLE sessions SET TABLESPACE {name}"
    )))
    .execute(&mut conn)
    .await
    .unwrap();
    Some(name)
}

/// Drops the tablespace once its database is gone.
async fn drop_tablespace(name: &str) {
    let Some(admin) = crate::testkit::service_url("TEST_DATABASE_URL") else {
        return;
    };
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
        .await
        .unwrap();
    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP TABLESPACE {name}")))
        .execute(&mut conn)
        .await;
}

/// Eight holds at once, each for its own hour.
async fn hold_round(
    app: &TestApp,
    learner: &str,
    expert: &store::users::User,
    starts: &mut impl Iterator<Item = String>,
) -> Vec<Answer> {
    let bodies: Vec<Value> = starts
        .take(8)
        .map(|start| hold_body(expert, &start))
        .collect();
    futures::future::join_all(
        bodies
            .iter()
            .map(|body| post_hold(app, learner, body, None)),
    )
    .await
}

async fn assert_ready(app: &TestApp) {
    let answer = readyz_storage(app).await;
    assert_eq!(
        (answer.status, answer.json["status"].as_str()),
        (200, Some("ready")),
        "{answer}"
    );
}

async fn readyz_storage(app: &TestApp) -> Answer {
    let answer = Answer::of(app.get("/readyz").await).await;
    assert!(!answer.json.is_null(), "/readyz is not JSON: {answer}");
    answer
}

async fn a_full_disk_loses_nothing_and_heals(backend: Backend) {
    let Some(disk) = SmallDisk::mount(24) else {
        return;
    };
    let db_path = disk.path("mentora.db");
    let data_dir = disk.path("data");
    let Some(app) = TestApp::builder(backend)
        .configure(move |c| {
            if c.database_url.starts_with("sqlite") {
                c.database_url = format!("sqlite://{}", db_path.display());
            }
            c.data_dir = data_dir;
            c.booking_max_holds = 1_000_000;
            c.limits = app::throttle::Limits::default().scaled(1000);
        })
        .spawn()
        .await
    else {
        return;
    };
    let tablespace = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => match bookings_on(&disk, &app).await {
            Some(name) => Some(name),
            None => return,
        },
    };
    let (ana, _) = expert(&app, "ana@example.com", rules(0)).await;
    let (_, leo) = learner(&app, "leo@example.com").await;
    // Hour-long sessions that never overlap: day 1.. at 08:00–19:00.
    let mut starts = (1..=60)
        .flat_map(|day| (8..20).map(move |hour| crate::bookings::at(day, hour, 0)))
        .collect::<Vec<_>>()
        .into_iter();
    let mut answered = Vec::new();

    let answer = post_hold(&app, &leo, &hold_body(&ana, &starts.next().unwrap()), None).await;
    assert_eq!(answer.status, 201, "{answer}");
    answered.push(answer.json["id"].as_str().unwrap().to_owned());
    assert_ready(&app).await;

    disk.fill();
    // Pages already allocated take a few more rows; the disk's end comes soon. Holds go
    // eight at a time, as they do from real clients.
    let mut refused = None;
    for _ in 0..50 {
        for answer in hold_round(&app, &leo, &ana, &mut starts).await {
            match answer.status {
                201 => answered.push(answer.json["id"].as_str().unwrap().to_owned()),
                503 => refused = Some(answer),
                _ => panic!("a hold on a full disk answered {answer}"),
            }
        }
        if refused.is_some() {
            break;
        }
    }
    let refused = refused.expect("no hold was refused on a full disk");
    assert_eq!(refused.code(), "storage_full", "{refused}");
    // Refused again, not locked up, and says when to retry.
    let res = app
        .bearer(reqwest::Method::POST, "/api/v1/bookings", &leo)
        .json(&hold_body(&ana, &starts.next().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 503);
    assert!(res.headers().get("retry-after").is_some());
    let answer = readyz_storage(&app).await;
    assert_eq!(answer.status, 200, "reads still work: {answer}");
    assert_eq!(answer.json["status"], "degraded", "{answer}");
    assert_eq!(
        answer.json["checks"]["storage"]["status"], "full",
        "{answer}"
    );

    // Pages answer the same, as an HTML page: logging in cannot store its session. Only
    // on PostgreSQL, whose sessions table sits on the full disk: SQLite still finds room
    // for a session row in pages it already has.
    if backend == Backend::Postgres {
        let res = app
            .another_client()
            .submit(
                "/login",
                &[
                    ("email", "leo@example.com"),
                    ("password", crate::testkit::TEST_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 503);
        assert!(res.text().await.unwrap().contains("Storage is full"));
    }

    // The file store says the same of its own writes.
    let files = app::files::ObjectFiles::local(&disk.path("data/files")).unwrap();
    let put = app::files::FileStore::put(&files, "probe/big", vec![7u8; 1 << 20]).await;
    assert!(put.is_err_and(|e| e.is_storage_full()));

    disk.free();
    // No restart: the very next changes go through, and readiness heals (by its own
    // probe write, not by the holds having succeeded).
    for answer in hold_round(&app, &leo, &ana, &mut starts).await {
        assert_eq!(
            answer.status, 201,
            "writes resume once space returns: {answer}"
        );
        answered.push(answer.json["id"].as_str().unwrap().to_owned());
    }
    assert_ready(&app).await;

    // Everything answered 201 is there once the app is gone and the database reopened.
    let mut app = app;
    let test_db = app.test_db.take();
    let url = match (backend, &test_db) {
        (Backend::Postgres, Some(db)) => db.url.clone(),
        _ => format!("sqlite://{}", disk.path("mentora.db").display()),
    };
    app.stop().await;
    let db = store::Database::connect(&url, 1).await.unwrap();
    for id in &answered {
        let found = store::bookings::find(&db, id.parse().unwrap())
            .await
            .unwrap();
        assert!(found.is_some(), "hold {id} was answered 201 but is gone");
    }
    db.close().await;
    drop(test_db);
    if let Some(name) = tablespace {
        drop_tablespace(&name).await;
    }
}

both_backends!(a_full_disk_loses_nothing_and_heals);
