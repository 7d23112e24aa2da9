//! What every handler can reach.

use std::sync::Arc;
use std::time::Duration;

use metrics_exporter_prometheus::PrometheusHandle;
use store::Database;

/// HTTP behaviour that operators configure.
#[derive(Debug, Clone)]
pub struct WebSettings {
    /// Where links point, and which `Host` names requests may carry. An `https` origin
    /// switches on HSTS and `Secure` cookies.
    pub origin: crate::SiteOrigin,
    /// Largest request body accepted, in bytes; larger ones get 413.
    pub body_limit_bytes: usize,
    /// A request still running after this gets 408.
    pub request_timeout: Duration,
    /// Take the client's address from the last `X-Forwarded-For` entry (set this only
    /// behind a proxy that appends it).
    pub trust_forwarded_for: bool,
    /// STUN/TURN servers, the Jitsi server, recording retention.
    pub video: app::rooms::VideoSettings,
    /// When learners are asked the recommendation question (NPS).
    pub nps: domain::learning::nps::NpsSchedule,
}

impl WebSettings {
    pub fn served_over_https(&self) -> bool {
        self.origin.served_over_https()
    }
}

impl Default for WebSettings {
    fn default() -> Self {
        Self {
            origin: crate::SiteOrigin::new(
                None,
                std::net::SocketAddr::from(([127, 0, 0, 1], 8080)),
            ),
            body_limit_bytes: 2 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            trust_forwarded_for: false,
            video: app::rooms::VideoSettings {
                recording_retention_days: 30,
                ..Default::default()
            },
            nps: Default::default(),
        }
    }
}

/// Shared application state: one reference-counted handle. axum clones the state for every
/// middleware and extractor of every request; when this held the ~25 handles below
/// directly, cloning and dropping them took a third of the home page's CPU (counters
/// shared by both cores, changed ~500 times a request).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What every request shares (through `AppState`).
pub struct Shared {
    pub db: Database,
    /// Where email goes: the dev outbox unless SMTP is configured.
    pub mailer: Arc<dyn app::mail::Mailer>,
    pub redis: Option<app::redis_link::RedisLink>,
    pub metrics: PrometheusHandle,
    pub settings: Arc<WebSettings>,
    /// Rate limits and lockout (Redis-backed when configured).
    pub throttle: Arc<app::throttle::Throttle>,
    /// Keys that sign and check API access tokens.
    pub tokens: Arc<app::api_tokens::TokenKeys>,
    /// Where uploaded files (avatars, verification documents) are kept.
    pub files: Arc<dyn app::files::FileStore>,
    /// The payment provider: Stripe (Connect for experts, PaymentIntents for learners), or the labelled test-mode sandbox.
    pub payments: Arc<dyn payments::PaymentProvider>,
    /// Directory result pages, kept per instance under the directory's version.
    pub directory: Arc<app::experts::directory_cache::DirectoryCache>,
    /// The exchange rates in force today, kept per instance for a minute.
    pub rates: Arc<app::payments::exchange_rates::RatesCache>,
    /// Experts' schedules, kept per instance and invalidated through Redis when configured.
    pub schedules: Arc<app::scheduling::ScheduleCache>,
    /// Pages whose body is the same for everyone, rendered once per language and header.
    pub pages: Arc<crate::pages::memory::PageMemory>,
    /// Signed-in viewers, kept per instance and dropped on every instance when they change.
    pub viewers: Arc<app::viewers::ViewerCache>,
    /// Outside calendars: the key their secrets are sealed with and their clients.
    pub calendars: Arc<app::calendars::Calendars>,
    /// Live events for this instance's WebSocket clients (shared through Redis when configured).
    pub live: Arc<app::live::LiveHub>,
    /// How many live sockets may be open, in all and per client address.
    pub live_gate: Arc<crate::live::gate::LiveGate>,
    /// Signing secret of the Stripe webhook endpoint; none in sandbox mode.
    pub stripe_webhook_secret: Option<String>,
    /// What the checkout page needs to mount Stripe's Payment Element; none in sandbox mode.
    pub stripe_checkout: Option<StripeCheckout>,
    /// How long holds last, and whether the test-mode sandbox takes payments.
    pub booking_rules: app::bookings::BookingRules,
    /// The test-mode sandbox's movable clock (None outside test mode, and in production).
    pub test_clock: Option<Arc<domain::ShiftedClock>>,
    /// Whether changes are being refused for lack of space, for `/readyz`.
    pub storage: Arc<crate::middleware::storage_watch::StorageWatch>,
}

impl Shared {
    /// After a suspension or reinstatement committed: cached schedules stop offering the
    /// expert at once, and a suspension ends their upcoming sessions (refunded in full,
    /// learners told). Shared by the admin page and the API.
    pub async fn after_suspension(
        &self,
        base: &str,
        admin: &store::users::User,
        expert: uuid::Uuid,
        suspended: bool,
        reason: &str,
    ) -> Result<(), crate::AppError> {
        self.schedules
            .changed(expert, app::live::AvailabilityChange::RulesChanged)
            .await;
        if suspended {
            let now = self.clock().now();
            let ended = app::bookings::suspension::end_upcoming(
                &self.booking_deps(base),
                admin,
                expert,
                reason,
                now,
            )
            .await?;
            tracing::info!(%expert, ?ended, "suspension ended upcoming sessions");
        }
        Ok(())
    }

    /// What time it is, for every handler: the database's clock, so what pages show and
    /// what rows record agree (and a test can move both at once).
    pub fn clock(&self) -> &dyn domain::Clock {
        self.db.clock().as_ref()
    }

    /// What the booking use cases need, with `base` (the public origin) for links in email.
    pub fn booking_deps<'a>(&'a self, base: &'a str) -> app::bookings::BookingDeps<'a> {
        app::bookings::BookingDeps {
            db: &self.db,
            schedules: &self.schedules,
            mailer: self.mailer.as_ref(),
            rules: &self.booking_rules,
            base,
        }
    }
}

/// Stripe.js on the checkout page: the publishable key, and where Stripe.js is loaded
/// from (Stripe's own address; a test double's in the browser tests).
#[derive(Clone, Debug)]
pub struct StripeCheckout {
    /// `pk_live_…` or `pk_test_…`.
    pub publishable_key: String,
    /// Stripe.js's URL; its origin is the only one the checkout page's CSP adds.
    pub js_url: String,
}
