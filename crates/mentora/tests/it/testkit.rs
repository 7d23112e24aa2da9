//! The test harness: a fresh database per test on SQLite or PostgreSQL, the real app on a
//! free port, and the real binary for command-line tests.
//!
//! PostgreSQL tests need `TEST_DATABASE_URL` (a database the tests may create databases
//! from) and Redis tests `TEST_REDIS_URL`. Without them those tests return early and the
//! test script reports them as skipped, unless `MENTORA_REQUIRE_SERVICES=1` (CI), where a
//! missing service fails the test.

use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::Duration;

use app::experts::application::{self, Amount, ApplicationInput, RateInput};
use mentora::config::{Config, Sources};
use sqlx::Connection;
use store::logins::ClientInfo;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::personas::Answer;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs the named async test fn once per backend: `both_backends!(home_renders);` makes
/// tests `home_renders::sqlite` and `home_renders::postgres`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::testkit::Backend::Sqlite).await
            }
            #[tokio::test]
            async fn postgres() {
                super::$name($crate::testkit::Backend::Postgres).await
            }
        }
    )*};
}

/// Whether missing test peers fail the run (CI) instead of skipping their tests.
pub fn services_required() -> bool {
    std::env::var("MENTORA_REQUIRE_SERVICES").is_ok_and(|v| v == "1")
}

/// Whether Python can import `modules` (a test peer such as `radicale`). When it cannot,
/// the test is skipped with a note, or fails when services are required.
pub fn python_peer(modules: &str) -> bool {
    let ready = std::process::Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .status()
        .is_ok_and(|s| s.success());
    if !ready {
        assert!(
            !services_required(),
            "{modules} must be installed (pip install {})",
            modules.replace(',', "")
        );
        eprintln!("skipped: {modules} is not installed");
    }
    ready
}

/// A port nothing listens on now, for a test peer to take.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"))
}

/// The URL of a required-or-optional service, or None (skip) when absent and optional.
pub fn service_url(var: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                !services_required(),
                "{var} must be set: MENTORA_REQUIRE_SERVICES=1"
            );
            eprintln!("skipped: {var} is not set");
            None
        }
    }
}

/// A database that exists for one test and is removed after it.
pub struct TestDb {
    pub url: String,
    _dir: TempDir,
    postgres: Option<(String, String)>,
}

impl TestDb {
    pub async fn create(backend: Backend) -> Option<TestDb> {
        let dir = tempfile::tempdir().ok()?;
        match backend {
            Backend::Sqlite => Some(TestDb {
                url: format!("sqlite://{}", dir.path().join("mentora.db").display()),
                _dir: dir,
                postgres: None,
            }),
            Backend::Postgres => {
                let admin_url = service_url("TEST_DATABASE_URL")?;
                let name = format!("mentora_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = sqlx::PgConnection::connect(&admin_url)
                    .await
                    .unwrap_or_else(|e| panic!("cannot reach TEST_DATABASE_URL: {e}"));
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
                    .execute(&mut conn)
                    .await
                    .unwrap_or_else(|e| panic!("cannot create test database: {e}"));
                let _ = conn.close().await;
                let base = admin_url.split('?').next().unwrap_or(&admin_url);
                let (server, _) = base.rsplit_once('/').unwrap_or((base, ""));
                Some(TestDb {
                    url: format!("{server}/{name}"),
                    _dir: dir,
                    postgres: Some((admin_url, name)),
                })
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs inside the test's runtime, which cannot block on itself: use a thread
        // with a runtime of its own.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                        .execute(&mut conn)
                        .await;
                }
            });
        })
        .join();
    }
}

/// Configuration as the binary would build it from nothing, pointed at `db`.
pub fn config_for(db: &TestDb) -> Config {
    let sources = Sources {
        file: None,
        env: HashMap::new(),
        flags: HashMap::from([("addr", "127.0.0.1:0".to_owned())]),
    };
    let mut config = Config::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    config.database_url = db.url.clone();
    config.database_max_connections = 5;
    // The calendar servers tests start (Radicale, feeds) listen on this machine.
    config.calendar_allow_private_hosts = true;
    config
}

/// The app, serving over real HTTP on a free port.
pub struct TestApp {
    pub url: String,
    pub client: reqwest::Client,
    pub db: store::Database,
    /// The database this app owns (None for `another_client` views).
    pub test_db: Option<TestDb>,
    /// The data folder (uploaded files), removed with the app.
    pub data_dir: Option<Arc<TempDir>>,
    /// The app's schedule cache, for changes made beside the HTTP API (calendar busy times).
    pub schedules: Arc<app::scheduling::ScheduleCache>,
    /// The app's signed-in viewers, to see what it keeps.
    pub viewers: Arc<app::viewers::ViewerCache>,
    /// The app's directory pages and index.
    pub directory: Arc<app::experts::directory_cache::DirectoryCache>,
    /// The app's calendar settings (key and clients).
    pub calendars: Arc<app::calendars::Calendars>,
    /// What the app's job workers would work with (None for `another_client` views).
    pub job_deps: Option<Arc<app::jobs::JobDeps>>,
    /// Workers started by `start_jobs`: they run while the app lives.
    workers: std::sync::Mutex<Vec<app::jobs::worker::Workers>>,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<std::io::Result<web::ShutdownReport>>>,
}

pub struct TestAppBuilder {
    backend: Backend,
    configure: Box<dyn FnOnce(&mut Config) + Send>,
    extra: axum::Router<web::AppState>,
    grace: Duration,
    clock: Arc<dyn domain::Clock>,
    /// Use the app's own time source (movable in the test-mode sandbox) instead of `clock`.
    system_time: bool,
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::builder(backend).spawn().await
    }

    pub fn builder(backend: Backend) -> TestAppBuilder {
        payments::stripe::install_crypto_provider();
        TestAppBuilder {
            backend,
            configure: Box::new(|_| {}),
            extra: axum::Router::new(),
            grace: Duration::from_secs(10),
            clock: Arc::new(domain::SystemClock),
            system_time: false,
        }
    }

    /// Starts `count` job workers and the periodic scheduler beside the server, as `mentora
    /// serve` does; they stop with the test. Tests start them once their data is in place.
    pub fn start_jobs(&self, count: usize) {
        let deps = self
            .job_deps
            .clone()
            .unwrap_or_else(|| panic!("jobs run on the app itself, not a client view"));
        let workers = app::jobs::worker::Workers::start(deps, count);
        self.workers
            .lock()
            .unwrap_or_else(|e| panic!("{e}"))
            .push(workers);
    }

    /// Runs every job that is due now to its outcome, as the server's workers would (tests
    /// run no workers unless they start them, so they decide when emails go out). A client
    /// view of the app runs none.
    pub async fn run_jobs(&self) -> usize {
        let Some(deps) = self.job_deps.clone() else {
            return 0;
        };
        let mut ran = 0;
        while app::jobs::worker::run_next(&deps, "test")
            .await
            .unwrap_or_else(|e| panic!("running jobs: {e}"))
        {
            ran += 1;
        }
        ran
    }

    /// The origin links point at: the listening address by name.
    pub fn origin(&self) -> String {
        self.url.replace("127.0.0.1", "localhost")
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.get_with(path, &[]).await
    }

    /// GET with extra request headers.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut req = self.client.get(self.at(path));
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        req.send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// POST a body with the given content type.
    pub async fn post_body(
        &self,
        path: &str,
        content_type: &str,
        body: String,
    ) -> reqwest::Response {
        self.client
            .post(self.at(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }

    /// POST a JSON body.
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.at(path))
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }

    /// Any request with a bearer token.
    pub fn bearer(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
    ) -> reqwest::RequestBuilder {
        self.client
            .request(method, self.at(path))
            .header("authorization", format!("Bearer {token}"))
    }

    /// An API token of the deployment's operator (`operator@example.org`, made once):
    /// who records how a session went when attendance cannot say (or in tests that need
    /// an outcome without a room).
    pub async fn operator_token(&self) -> String {
        const EMAIL: &str = "operator@example.org";
        let address = domain::EmailAddress::parse(EMAIL).unwrap();
        if store::users::find_by_email(&self.db, &address)
            .await
            .unwrap()
            .is_none()
        {
            self.create_user(EMAIL, &[domain::Role::Admin]).await;
        }
        self.api_log_in(EMAIL).await.0
    }

    /// Opens a verified account directly in the store, with extra roles.
    pub async fn create_user(&self, email: &str, roles: &[domain::Role]) -> store::users::User {
        store::users::create(
            &self.db,
            store::users::NewUser {
                email: domain::EmailAddress::parse(email).unwrap(),
                display_name: email.split('@').next().unwrap_or("someone").to_owned(),
                password_hash: test_password_hash(),
                email_verified: true,
                extra_roles: roles.to_vec(),
                locale: "en".into(),
                time_zone: "UTC".into(),
                currency: "USD".into(),
            },
        )
        .await
        .unwrap()
    }

    /// An unread notification for `account`, written beside the HTTP API (as a job would).
    pub async fn add_unread_notification(&self, account: uuid::Uuid) {
        store::notifications::add(
            &self.db,
            &store::notifications::Notification {
                id: uuid::Uuid::now_v7(),
                account_id: account,
                topic: "bookings".into(),
                kind: "booking_confirmed".into(),
                booking_id: None,
                data: "{}".into(),
                created_at: chrono::Utc::now().timestamp(),
                read_at: None,
            },
        )
        .await
        .unwrap();
    }

    /// An approved, bookable expert made through the use cases (not under test here).
    pub async fn bookable_expert(&self, email: &str, headline: &str) -> store::users::User {
        self.bookable_expert_with_rates(email, headline, &[(60, 4000)])
            .await
    }

    /// An approved, bookable expert charging `rates` (minutes, EUR cents).
    pub async fn bookable_expert_with_rates(
        &self,
        email: &str,
        headline: &str,
        rates: &[(i32, i64)],
    ) -> store::users::User {
        self.bookable_expert_priced(email, headline, "EUR", rates)
            .await
    }

    /// An approved, bookable expert charging `rates` (minutes, minor units of `currency`).
    pub async fn bookable_expert_priced(
        &self,
        email: &str,
        headline: &str,
        currency: &str,
        rates: &[(i32, i64)],
    ) -> store::users::User {
        let app = self;
        let user = app.create_user(email, &[]).await;
        let input = ApplicationInput {
            headline: Some(headline.to_owned()),
            bio: Some("Hello".into()),
            specialties: Some(vec!["guitar".into()]),
            languages: Some(vec!["en".into()]),
            currency: Some(currency.into()),
            rates: Some(
                rates
                    .iter()
                    .map(|(minutes, cents)| RateInput {
                        duration_minutes: *minutes,
                        amount: Amount::Minor(*cents),
                    })
                    .collect(),
            ),
            intro_video_url: None,
        };
        application::save(&app.db, &user, input, &ClientInfo::default())
            .await
            .unwrap();
        store::experts::submit(&app.db, user.id)
            .await
            .unwrap()
            .unwrap();
        store::experts::decide(
            &app.db,
            user.id,
            domain::expert::Decision::Approve,
            "ok ok",
            user.id,
        )
        .await
        .unwrap()
        .unwrap();
        let account = format!("acct_sandbox_{}", user.id.simple());
        store::experts::set_payout_account(&app.db, user.id, &account)
            .await
            .unwrap();
        let enabled = store::experts::PayoutState {
            account_id: Some(account.clone()),
            charges_enabled: true,
            payouts_enabled: true,
            requirements: vec![],
        };
        store::experts::update_payout_state(&app.db, &account, &enabled, ts(1))
            .await
            .unwrap();
        user
    }

    /// Logs this client in through the form with `TEST_PASSWORD`.
    pub async fn log_in_as(&self, email: &str) {
        let res = self
            .submit("/login", &[("email", email), ("password", TEST_PASSWORD)])
            .await;
        assert_eq!(res.status().as_u16(), 303, "login as {email} failed");
    }

    /// Logs in through the API; returns (access token, refresh token).
    pub async fn api_log_in(&self, email: &str) -> (String, String) {
        let res = self
            .post_json(
                "/api/v1/auth/login",
                &serde_json::json!({"email": email, "password": TEST_PASSWORD}),
            )
            .await;
        assert_eq!(res.status().as_u16(), 200, "API login as {email} failed");
        let body: serde_json::Value = res.json().await.unwrap();
        (
            body["access_token"].as_str().unwrap().to_owned(),
            body["refresh_token"].as_str().unwrap().to_owned(),
        )
    }

    /// The CSRF token this client's forms carry (its cookies decide which), read from a page
    /// like a browser would.
    pub async fn csrf_token(&self) -> String {
        let html = self.get("/").await.text().await.unwrap_or_default();
        html.split(r#"name="csrf" value=""#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("no csrf field on the home page"))
            .to_owned()
    }

    /// POST a form as a browser would: with this client's CSRF token added.
    pub async fn submit(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf_token().await;
        let mut fields = form.to_vec();
        fields.push(("csrf", &token));
        self.post_form(path, &fields).await
    }

    /// POST a form exactly as given.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.at(path))
            .form(form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }

    /// This browser (its cookies) on `other`'s instance, as when a load balancer sends its
    /// requests to either of two instances on one address. It owns no server.
    pub fn same_browser_on(&self, other: &TestApp) -> TestApp {
        TestApp {
            client: self.client.clone(),
            ..other.another_client()
        }
    }

    /// Another browser on the same app: same server and database, its own cookies. It
    /// does not own the server; stop the original.
    pub fn another_client(&self) -> TestApp {
        TestApp {
            url: self.url.clone(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .cookie_store(true)
                .build()
                .unwrap_or_else(|e| panic!("{e}")),
            db: self.db.clone(),
            test_db: None,
            data_dir: self.data_dir.clone(),
            schedules: self.schedules.clone(),
            viewers: self.viewers.clone(),
            directory: self.directory.clone(),
            calendars: self.calendars.clone(),
            job_deps: None,
            workers: Default::default(),
            shutdown: None,
            server: None,
        }
    }

    /// Signals shutdown and waits for the server to finish.
    pub async fn stop(mut self) -> web::ShutdownReport {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.server.take() {
            Some(handle) => match handle.await {
                Ok(Ok(report)) => report,
                other => panic!("server ended badly: {other:?}"),
            },
            None => panic!("server already stopped"),
        }
    }
}

impl TestAppBuilder {
    pub fn configure(mut self, f: impl FnOnce(&mut Config) + Send + 'static) -> Self {
        self.configure = Box::new(f);
        self
    }

    pub fn extra_routes(mut self, routes: axum::Router<web::AppState>) -> Self {
        self.extra = routes;
        self
    }

    /// The app goes by `clock` instead of the system's: a test moves time on instead of
    /// waiting for it.
    pub fn clock(mut self, clock: Arc<dyn domain::Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The app keeps its own time source, as `mentora serve` does: in the test-mode sandbox
    /// a clock operators move through `/api/v1/test-mode/clock`.
    pub fn movable_clock(mut self) -> Self {
        self.system_time = true;
        self
    }

    pub fn grace(mut self, grace: Duration) -> Self {
        self.grace = grace;
        self
    }

    pub async fn spawn(self) -> Option<TestApp> {
        let test_db = TestDb::create(self.backend).await?;
        let mut config = config_for(&test_db);
        let data_dir = Arc::new(tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")));
        config.data_dir = data_dir.path().to_owned();
        (self.configure)(&mut config);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
        config.addr = addr;
        let time = if self.system_time {
            mentora::app::TimeSource::System
        } else {
            mentora::app::TimeSource::Given(self.clock)
        };
        let app = mentora::app::build_with(&config, self.extra, time)
            .await
            .unwrap_or_else(|e| panic!("app failed to build: {e:#}"));
        let (tx, rx) = oneshot::channel::<()>();
        let shutdown = async move {
            let _ = rx.await;
        };
        let limits = web::ServeLimits {
            grace: self.grace,
            ..mentora::connections::serve_limits(&config)
        };
        let job_deps = app.job_deps(&config);
        let server = tokio::spawn(web::serve(listener, app.router, shutdown, limits));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        Some(TestApp {
            url: format!("http://{addr}"),
            client,
            db: app.db,
            test_db: Some(test_db),
            data_dir: Some(data_dir),
            schedules: app.schedules,
            viewers: app.viewers,
            directory: app.directory,
            calendars: app.calendars,
            job_deps: Some(job_deps),
            workers: Default::default(),
            shutdown: Some(tx),
            server: Some(server),
        })
    }
}

/// Two instances on one fresh PostgreSQL database sharing `redis_url` under a prefix of
/// their own (so tests running at once do not hear each other); None when PostgreSQL is
/// not configured (and not required).
pub async fn two_instances_on(redis_url: &str) -> Option<(TestApp, TestApp)> {
    let prefix = format!("test-{}", uuid::Uuid::now_v7());
    let (r, p) = (redis_url.to_owned(), prefix.clone());
    let one = TestApp::builder(Backend::Postgres)
        .configure(move |c| {
            c.redis_url = Some(r);
            c.limits_prefix = p;
        })
        .spawn()
        .await?;
    let shared_db = one.test_db.as_ref()?.url.clone();
    let r = redis_url.to_owned();
    let two = TestApp::builder(Backend::Postgres)
        .configure(move |c| {
            c.redis_url = Some(r);
            c.limits_prefix = prefix;
            c.database_url = shared_db;
        })
        .spawn()
        .await?;
    Some((one, two))
}

/// An API call with a bearer token and an optional JSON body: the answer (its JSON null
/// when the body is not JSON).
pub async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<serde_json::Value>,
) -> Answer {
    let mut req = app.bearer(method, path, token);
    if let Some(body) = body {
        req = req.json(&body);
    }
    Answer::of(req.send().await.unwrap_or_else(|e| panic!("{path}: {e}"))).await
}

/// An instant from Unix seconds, for tests that compute times as plain numbers.
pub fn ts(seconds: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(seconds).unwrap_or_else(|e| panic!("{seconds}: {e}"))
}

/// Display names of the experts `GET /api/v1/experts?{query}` lists, in order.
pub async fn directory_names(app: &TestApp, query: &str) -> Vec<String> {
    let body: serde_json::Value = app
        .get(&format!("/api/v1/experts?{query}"))
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("directory {query}: {e}"));
    body["experts"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|e| e["display_name"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// The `mentora` binary, run in a temporary folder against a fresh database: on SQLite the
/// default file under the data folder (no `DATABASE_URL`), on PostgreSQL a fresh database.
pub struct Bin {
    pub dir: TempDir,
    /// The database the binary uses, for the test to inspect.
    pub db_url: String,
    postgres: Option<TestDb>,
}

impl Bin {
    pub async fn new(backend: Backend) -> Option<Bin> {
        // Tests talk to the binary with reqwest, which needs a TLS crypto provider.
        payments::stripe::install_crypto_provider();
        let dir = tempfile::tempdir().ok()?;
        let (db_url, postgres) = match backend {
            Backend::Sqlite => (
                format!("sqlite://{}", dir.path().join("data/mentora.db").display()),
                None,
            ),
            Backend::Postgres => {
                let db = TestDb::create(backend).await?;
                (db.url.clone(), Some(db))
            }
        };
        Some(Bin {
            dir,
            db_url,
            postgres,
        })
    }

    /// A command for the binary with a clean environment: only what the test says.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mentora"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("MENTORA_DATA_DIR", self.dir.path().join("data"))
            .env("MENTORA_LOG_LEVEL", "warn");
        if let Some(db) = &self.postgres {
            cmd.env("DATABASE_URL", &db.url);
        }
        cmd
    }

    pub fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = self.command(args);
        cmd.envs(env.iter().copied());
        cmd.output()
            .unwrap_or_else(|e| panic!("running mentora: {e}"))
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Polls `check` until it holds, for state that changes outside the test's control (a
/// child process). Bounded; not a sleep used as synchronisation.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The password of accounts made by `create_user`.
pub const TEST_PASSWORD: &str = "a long enough passphrase";

/// One hash of `TEST_PASSWORD`, made once: hashing is deliberately slow.
pub fn test_password_hash() -> domain::PasswordHash {
    static HASH: std::sync::OnceLock<domain::PasswordHash> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        domain::NewPassword::parse(TEST_PASSWORD)
            .unwrap()
            .hash()
            .unwrap()
    })
    .clone()
}
