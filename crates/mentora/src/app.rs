//! Wiring: from a `Config` to a ready router over a migrated database.

use std::sync::Arc;

use anyhow::Context;
use store::Database;
use web::{AppState, WebSettings};

use crate::config::Config;
use crate::telemetry;

pub struct App {
    pub router: axum::Router,
    pub db: Database,
    /// Uploaded files, for jobs that tidy them.
    pub files: Arc<dyn app::files::FileStore>,
    /// Experts' schedules, for the job that keeps first free slots current.
    pub schedules: Arc<app::scheduling::ScheduleCache>,
    /// Signed-in viewers kept by this instance.
    pub viewers: Arc<app::viewers::ViewerCache>,
    /// Directory result pages and the directory index kept by this instance.
    pub directory: Arc<app::experts::directory_cache::DirectoryCache>,
    /// Live events to this instance's clients (and, through Redis, every instance's).
    pub live: Arc<app::live::LiveHub>,
    /// Email, and the origin its links use, for jobs that send it (the real transport;
    /// requests use a queue in front of it when SMTP is configured).
    pub mailer: Arc<dyn app::mail::Mailer>,
    /// The queue in front of `mailer` (the outbox itself without SMTP).
    pub outgoing: Arc<dyn app::mail::Mailer>,
    pub origin: String,
    /// The movable clock of the test-mode sandbox, when there is one.
    pub test_clock: Option<Arc<domain::ShiftedClock>>,
    /// The payment provider, for jobs that send refunds and read payments.
    pub payments: Arc<dyn payments::PaymentProvider>,
    /// The deployment's booking rules, for jobs that confirm late payments.
    pub booking_rules: app::bookings::BookingRules,
    /// Outside calendars: their key and clients.
    pub calendars: Arc<app::calendars::Calendars>,
}

/// Where an app's time comes from.
pub enum TimeSource {
    /// The system's; in the test-mode sandbox outside production, a clock operators can
    /// move forward (`/admin/test-clock`).
    System,
    /// This clock (tests hand in one they move).
    Given(Arc<dyn domain::Clock>),
}

impl App {
    /// In the test-mode sandbox: keeps this instance's simulated time where the last
    /// move (by any instance) put it, looking every two seconds. None outside test mode.
    pub fn follow_test_clock(&self) -> Option<tokio::task::JoinHandle<()>> {
        let clock = self.test_clock.clone()?;
        let db = self.db.clone();
        Some(tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(2));
            loop {
                every.tick().await;
                if let Err(e) = app::test_clock::follow(&db, &clock).await {
                    tracing::warn!(error = %e, "reading the test clock failed");
                }
            }
        }))
    }

    /// What job handlers need, from this instance's parts.
    pub fn job_deps(&self, config: &Config) -> Arc<app::jobs::JobDeps> {
        Arc::new(app::jobs::JobDeps {
            db: self.db.clone(),
            schedules: self.schedules.clone(),
            mailer: self.mailer.clone(),
            outgoing: self.outgoing.clone(),
            files: self.files.clone(),
            origin: self.origin.clone(),
            document_retention: jiff::SignedDuration::from_hours(
                24 * i64::from(config.document_retention_days),
            ),
            payments: self.payments.clone(),
            booking_rules: self.booking_rules,
            video: config.video.clone(),
            calendars: self.calendars.clone(),
        })
    }
}

/// How long an instance trusts a cached schedule without hearing of a change.
const SCHEDULE_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(60);

pub async fn open_database(config: &Config) -> anyhow::Result<Database> {
    Ok(Database::connect(&config.database_url, config.database_max_connections).await?)
}

/// Where uploaded files live: `<data_dir>/files`.
pub fn open_files(config: &Config) -> anyhow::Result<Arc<dyn app::files::FileStore>> {
    Ok(Arc::new(
        app::files::ObjectFiles::local(&config.data_dir.join("files"))
            .context("opening the file store")?,
    ))
}

pub async fn build(config: &Config) -> anyhow::Result<App> {
    build_with(config, axum::Router::new(), TimeSource::System).await
}

/// `build` with extra routes under the full middleware stack (see `web::router_with`),
/// going by `clock` (the system clock in production; tests hand in one they move).
pub async fn build_with(
    config: &Config,
    extra: axum::Router<web::AppState>,
    time: TimeSource,
) -> anyhow::Result<App> {
    let (clock, test_clock): (Arc<dyn domain::Clock>, _) = match time {
        TimeSource::Given(clock) => (clock, None),
        TimeSource::System if config.test_clock_allowed() => {
            let shifted = Arc::new(domain::ShiftedClock::new());
            (shifted.clone(), Some(shifted))
        }
        TimeSource::System => (Arc::new(domain::SystemClock), None),
    };
    let db = open_database(config).await?.with_clock(clock);
    if config.auto_migrate {
        let applied = store::migrations::apply(&db)
            .await
            .context("applying migrations")?;
        if !applied.is_empty() {
            tracing::info!(migrations = ?applied, "applied migrations");
        }
    }
    let redis = match &config.redis_url {
        None => None,
        Some(url) => {
            // Never waits for Redis: an instance starts and serves without it, and uses it
            // from the moment it answers.
            let link = app::redis_link::RedisLink::open(url)
                .await
                .with_context(|| format!("invalid Redis URL {url}"))?;
            if !link.is_up() {
                tracing::warn!(url = %url, "Redis does not answer yet: starting without it");
            }
            Some(link)
        }
    };
    if config.public_url.is_none() {
        tracing::warn!(
            origin = web::SiteOrigin::new(None, config.addr).canonical(),
            "public_url is not set: links in email point at this listening address, and requests for other hosts get 400; set MENTORA_PUBLIC_URL in production"
        );
    }
    let throttle = match &redis {
        Some(link) => app::throttle::Throttle::new(
            Box::new(app::throttle::SharedOrLocal::new(link.clone())),
            &config.limits_prefix,
            config.limits,
        ),
        None => app::throttle::Throttle::in_process(config.limits),
    };
    // Live events, and the schedule changes caches hear of, travel together: between
    // instances through Redis pub/sub when configured.
    let live = match &redis {
        Some(link) => app::live::LiveHub::shared(link.clone(), &config.limits_prefix),
        None => app::live::LiveHub::in_process(),
    };
    let schedules = Arc::new(app::scheduling::ScheduleCache::new(
        live.clone(),
        SCHEDULE_CACHE_TTL,
    ));
    // Without Redis, only an SQLite file this instance holds alone (its serve lock) makes
    // every account change one this instance hears of.
    let viewers = app::viewers::ViewerCache::new(
        &db,
        live.clone(),
        config.viewer_cache,
        db.backend() == store::Backend::Sqlite && !config.allow_shared_sqlite,
    );
    let tokens = app::api_tokens::TokenKeys::new(db.clone());
    let files = open_files(config)?;
    let booking_rules = app::bookings::BookingRules {
        hold_minutes: i64::from(config.booking_hold_minutes),
        max_active_holds: u64::from(config.booking_max_holds),
        max_reschedules: i32::try_from(config.booking_max_reschedules).unwrap_or(3),
        // Without a Stripe key the labelled sandbox takes payments.
        test_mode: config.stripe_secret_key.is_none(),
        commission_bps: config.commission_bps,
        payout_delay: jiff::SignedDuration::from_hours(i64::from(config.payout_delay_hours)),
    };
    let payments: Arc<dyn payments::PaymentProvider> = match &config.stripe_secret_key {
        Some(key) => Arc::new(
            payments::stripe::StripeClient::new(key, &config.stripe_api_base)
                .context("setting up Stripe")?,
        ),
        None => {
            tracing::warn!("no Stripe key: payments and payouts run in the test-mode sandbox");
            Arc::new(payments::sandbox::Sandbox)
        }
    };
    // Requests queue email as jobs when a relay is configured (a slow relay never holds up
    // a page); the workers send it. Without one, both write the dev outbox.
    let (mailer, sender): (Arc<dyn app::mail::Mailer>, Arc<dyn app::mail::Mailer>) =
        match &config.smtp {
            Some(smtp) => (
                Arc::new(app::mail::QueuedMailer::new(db.clone())),
                Arc::new(
                    app::mail::SmtpMailer::new(smtp)
                        .map_err(|e| anyhow::anyhow!("invalid SMTP configuration: {e}"))?,
                ),
            ),
            None => {
                let outbox: Arc<dyn app::mail::Mailer> =
                    Arc::new(app::mail::OutboxMailer::new(db.clone()));
                (outbox.clone(), outbox)
            }
        };
    let origin = web::SiteOrigin::new(config.public_url.as_deref(), config.addr);
    if let Some(clock) = &test_clock {
        // Where the simulated time stood when this instance (or another) last moved it.
        if let Err(e) = app::test_clock::follow(&db, clock).await {
            tracing::warn!(error = %e, "the test clock could not be read: it starts at the real time");
        }
    }
    let calendars = calendar_clients(config, origin.canonical())?;
    let directory = Arc::new(app::experts::directory_cache::DirectoryCache::new(
        config.directory_cache_bytes,
        config.directory_index_experts,
    ));
    let state = AppState::new(web::Shared {
        calendars: calendars.clone(),
        test_clock: test_clock.clone(),
        schedules: schedules.clone(),
        viewers: viewers.clone(),
        pages: Arc::default(),
        live: live.clone(),
        // Sockets may hold at most half the connections (see web::live::gate).
        live_gate: Arc::new(web::live::gate::LiveGate::new(
            crate::connections::serve_limits(config).max_connections / 2,
        )),
        directory: directory.clone(),
        rates: Arc::new(app::payments::exchange_rates::RatesCache::new()),
        payments: payments.clone(),
        stripe_webhook_secret: config.stripe_webhook_secret.clone(),
        stripe_checkout: config
            .stripe_publishable_key
            .clone()
            .map(|publishable_key| web::StripeCheckout {
                publishable_key,
                js_url: config.stripe_js_url.clone(),
            }),
        booking_rules,
        throttle: Arc::new(throttle),
        tokens: Arc::new(tokens),
        files: files.clone(),
        mailer: mailer.clone(),
        db: db.clone(),
        redis,
        metrics: telemetry::metrics_handle(),
        storage: Default::default(),
        settings: Arc::new(WebSettings {
            origin: origin.clone(),
            body_limit_bytes: config.body_limit_bytes,
            request_timeout: config.request_timeout,
            trust_forwarded_for: config.trust_forwarded_for,
            video: config.video.clone(),
            nps: config.nps,
        }),
    });
    Ok(App {
        router: web::router_with(state, extra),
        db,
        files,
        schedules,
        viewers,
        directory,
        live,
        mailer: sender,
        outgoing: mailer.clone(),
        origin: origin.canonical().to_owned(),
        test_clock,
        payments,
        booking_rules,
        calendars,
    })
}

/// The key calendar secrets are sealed with: configured, or kept in `<data_dir>/calendar.key`
/// (made on first start, readable by this user only). Several instances need the same
/// configured key.
fn calendar_key(config: &Config) -> anyhow::Result<app::calendars::SealKey> {
    if let Some(key) = &config.calendar_secrets_key {
        return app::calendars::SealKey::from_base64(key)
            .map_err(|e| anyhow::anyhow!("calendar_secrets_key: {e}"));
    }
    let path = config.data_dir.join("calendar.key");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(&config.data_dir)
                .with_context(|| format!("creating {}", config.data_dir.display()))?;
            let key = app::calendars::SealKey::generate()
                .map_err(|e| anyhow::anyhow!("making a calendar key: {e}"))?;
            write_private(&path, &key)?;
            if config.production {
                tracing::warn!(path = %path.display(), "made a calendar secrets key file; set calendar_secrets_key to the same value on every instance");
            }
            key
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    app::calendars::SealKey::from_base64(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Writes `text` to a new file only its owner may read.
fn write_private(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))
}

/// The calendar clients: the sealing key, and the accounts experts may sign in to,
/// sent back to and told of changes at `origin`.
fn calendar_clients(
    config: &Config,
    origin: &str,
) -> anyhow::Result<Arc<app::calendars::Calendars>> {
    let fail = |e: calendars::CalendarError| anyhow::anyhow!("setting up calendar clients: {e}");
    let accounts = &config.calendar_accounts;
    let google = match &accounts.google {
        Some((settings, api)) => Some((
            calendars::oauth::OAuthClient::new(settings.clone()).map_err(fail)?,
            calendars::google::GoogleCalendar::new(api).map_err(fail)?,
        )),
        None => None,
    };
    let microsoft = match &accounts.microsoft {
        Some((settings, graph)) => Some((
            calendars::oauth::OAuthClient::new(settings.clone()).map_err(fail)?,
            calendars::microsoft::Graph::new(graph).map_err(fail)?,
        )),
        None => None,
    };
    app::calendars::Calendars::with_accounts(
        calendar_key(config)?,
        config.calendar_allow_private_hosts,
        app::calendars::Accounts {
            google,
            microsoft,
            origin: origin.to_owned(),
        },
    )
    .map_err(fail)
}
