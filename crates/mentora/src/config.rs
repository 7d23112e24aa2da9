//! Configuration: built-in defaults < `mentora.toml` < `MENTORA_*` environment < flags.
//!
//! Every key is declared once in `KEYS` with its environment variables and what it allows,
//! so an invalid value stops start-up with one message naming the key, where the value
//! came from, and what is allowed.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Pretty,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub database_max_connections: u32,
    pub redis_url: Option<String>,
    pub public_url: Option<String>,
    pub log_format: LogFormat,
    pub log_level: String,
    pub request_timeout: Duration,
    pub body_limit_bytes: usize,
    pub shutdown_grace: Duration,
    /// A request's headers must arrive within this (also the wait for a kept-alive
    /// connection's next request).
    pub header_read_timeout: Duration,
    /// A connection with no byte moving either way for this long is closed.
    pub idle_timeout: Duration,
    /// Open connections at most; 0 means the open-file limit less a reserve.
    pub max_connections: usize,
    pub auto_migrate: bool,
    /// Client addresses come from the last `X-Forwarded-For` entry.
    pub trust_forwarded_for: bool,
    /// Let a second `serve` use the same SQLite file (it then sees the first one's changes
    /// only as its caches expire; see README "PostgreSQL and Redis").
    pub allow_shared_sqlite: bool,
    /// Rate limits and lockout. Not read from files or the environment: the defaults are
    /// the product's policy; tests tighten them.
    pub limits: app::throttle::Limits,
    /// Namespace for rate-limit counters in Redis (tests use one per run).
    pub limits_prefix: String,
    /// Stripe secret key; without one, payouts run in the labelled test-mode sandbox.
    pub stripe_secret_key: Option<String>,
    /// The signing secret of the Stripe webhook endpoint (`whsec_…`).
    pub stripe_webhook_secret: Option<String>,
    /// Where Stripe's API is (a local server in tests).
    pub stripe_api_base: String,
    /// The publishable key Stripe.js uses on the checkout page (`pk_…`).
    pub stripe_publishable_key: Option<String>,
    /// Where the checkout page loads Stripe.js from (Stripe's own; a test double in tests).
    pub stripe_js_url: String,
    /// The platform's commission in basis points (1500 = 15 %), unless an operator set an
    /// expert's own.
    pub commission_bps: u16,
    /// How long after a session's outcome its expert is paid out: the window in which the
    /// learner may still dispute it.
    pub payout_delay_hours: u32,
    /// How long documents of rejected applications are kept.
    pub document_retention_days: u32,
    /// How long a hold keeps a slot while the learner pays.
    pub booking_hold_minutes: u32,
    /// How long a signed-in viewer is kept in memory at most (0: read every request).
    pub viewer_cache: Duration,
    /// The most bytes of directory result pages one instance keeps.
    pub directory_cache_bytes: usize,
    /// The most listed experts an instance indexes in memory for search (0: none).
    pub directory_index_experts: usize,
    /// Holds one learner may have at once.
    pub booking_max_holds: u32,
    /// Times one session may be moved.
    pub booking_max_reschedules: u32,
    /// `env = "production"`: refuses what is meant for tests and demos (the test clock),
    /// even without Stripe keys.
    pub production: bool,
    /// Job workers `mentora serve` runs beside the web server (0: none, run `mentora
    /// worker` elsewhere).
    pub jobs_workers: u32,
    /// The session room: ICE servers, TURN credentials, Jitsi, recording retention.
    pub video: app::rooms::VideoSettings,
    /// Email over SMTP; none: the dev outbox.
    pub smtp: Option<app::mail::SmtpSettings>,
    /// When learners are asked the recommendation question (NPS).
    pub nps: domain::learning::nps::NpsSchedule,
    /// The key calendar secrets are sealed with (base64 of 32 bytes); None: a key file
    /// `<data_dir>/calendar.key`, made on first start.
    pub calendar_secrets_key: Option<String>,
    /// Let calendar connections reach private addresses (a CalDAV server on the same
    /// network; tests). Off by default: an address typed by an expert must not reach
    /// inside the deployment.
    pub calendar_allow_private_hosts: bool,
    /// Google Calendar and Microsoft 365 for experts to sign in to, when their OAuth
    /// clients are configured.
    pub calendar_accounts: CalendarAccounts,
}

/// The OAuth clients experts sign in to their calendars with, and the APIs' addresses.
#[derive(Debug, Clone, Default)]
pub struct CalendarAccounts {
    /// Google's client, and the Calendar API's host.
    pub google: Option<(calendars::oauth::OAuthSettings, String)>,
    /// Microsoft's client, and Graph's host.
    pub microsoft: Option<(calendars::oauth::OAuthSettings, String)>,
}

/// One configuration key: its name in `mentora.toml`, the environment variables that set
/// it (first wins), its default, and what it allows (for messages and the README table).
pub struct Key {
    pub name: &'static str,
    pub env: &'static [&'static str],
    pub default: &'static str,
    pub allowed: &'static str,
}

pub const KEYS: &[Key] = &[
    Key {
        name: "addr",
        env: &["MENTORA_ADDR"],
        default: "127.0.0.1:8080",
        allowed: "an IP address and port, such as 127.0.0.1:8080 or 0.0.0.0:80",
    },
    Key {
        name: "data_dir",
        env: &["MENTORA_DATA_DIR"],
        default: "./data",
        allowed: "a folder path; created when missing",
    },
    Key {
        name: "database_url",
        env: &["MENTORA_DATABASE_URL", "DATABASE_URL"],
        default: "sqlite://<data_dir>/mentora.db",
        allowed: "sqlite://PATH or postgres://USER@HOST:PORT/DB",
    },
    Key {
        name: "database_max_connections",
        env: &["MENTORA_DATABASE_MAX_CONNECTIONS"],
        default: "16",
        allowed: "a whole number from 1 to 1000",
    },
    Key {
        name: "redis_url",
        env: &["MENTORA_REDIS_URL", "REDIS_URL"],
        default: "",
        allowed: "redis://HOST:PORT[/DB] or rediss://…; empty for none",
    },
    Key {
        name: "public_url",
        env: &["MENTORA_PUBLIC_URL"],
        default: "",
        allowed: "the origin people use, such as https://mentora.example (https enables HSTS and Secure cookies)",
    },
    Key {
        name: "log_format",
        env: &["MENTORA_LOG_FORMAT"],
        default: "json",
        allowed: "json or pretty",
    },
    Key {
        name: "log_level",
        env: &["MENTORA_LOG_LEVEL"],
        default: "info",
        allowed: "a tracing filter such as info or mentora=debug,sqlx=warn",
    },
    Key {
        name: "request_timeout_secs",
        env: &["MENTORA_REQUEST_TIMEOUT_SECS"],
        default: "30",
        allowed: "a whole number of seconds from 1 to 600",
    },
    Key {
        name: "body_limit_bytes",
        env: &["MENTORA_BODY_LIMIT_BYTES"],
        default: "2097152",
        allowed: "a whole number of bytes from 1024 to 104857600",
    },
    Key {
        name: "shutdown_grace_secs",
        env: &["MENTORA_SHUTDOWN_GRACE_SECS"],
        default: "10",
        allowed: "a whole number of seconds from 0 to 300",
    },
    Key {
        name: "header_read_timeout_secs",
        env: &["MENTORA_HEADER_READ_TIMEOUT_SECS"],
        default: "10",
        allowed: "a whole number of seconds from 1 to 300",
    },
    Key {
        name: "idle_timeout_secs",
        env: &["MENTORA_IDLE_TIMEOUT_SECS"],
        default: "60",
        allowed: "a whole number of seconds from 1 to 3600",
    },
    Key {
        name: "max_connections",
        env: &["MENTORA_MAX_CONNECTIONS"],
        default: "0",
        allowed: "a whole number up to 1000000; 0 for the open-file limit less 512 (raised to the hard limit at start-up)",
    },
    Key {
        name: "trust_forwarded_for",
        env: &["MENTORA_TRUST_FORWARDED_FOR"],
        default: "false",
        allowed: "true (behind a proxy that appends the client address to X-Forwarded-For) or false",
    },
    Key {
        name: "calendar_secrets_key",
        env: &["MENTORA_CALENDAR_SECRETS_KEY"],
        default: "",
        allowed: "32 random bytes in base64 (`openssl rand -base64 32`), the same on every instance; empty for a key file in data_dir",
    },
    Key {
        name: "calendar_google_client_id",
        env: &["MENTORA_CALENDAR_GOOGLE_CLIENT_ID"],
        default: "",
        allowed: "an OAuth client (web application) of a Google Cloud project with the Calendar API, whose redirect URI is `<public_url>/calendars/oauth/google` (with calendar_google_client_secret): experts may connect Google Calendar; empty: not offered",
    },
    Key {
        name: "calendar_google_client_secret",
        env: &["MENTORA_CALENDAR_GOOGLE_CLIENT_SECRET"],
        default: "",
        allowed: "that client's secret",
    },
    Key {
        name: "calendar_google_authorize_url",
        env: &["MENTORA_CALENDAR_GOOGLE_AUTHORIZE_URL"],
        default: "https://accounts.google.com/o/oauth2/v2/auth",
        allowed: "URL of Google's sign-in page (tests point it at a local server); tokens come from google_token_url, the API from google_api_base",
    },
    Key {
        name: "calendar_microsoft_client_id",
        env: &["MENTORA_CALENDAR_MICROSOFT_CLIENT_ID"],
        default: "",
        allowed: "an app registered in Microsoft Entra with the delegated permissions Calendars.ReadWrite and offline_access, whose redirect URI is `<public_url>/calendars/oauth/microsoft` (with calendar_microsoft_client_secret): experts may connect Microsoft 365; empty: not offered",
    },
    Key {
        name: "calendar_microsoft_client_secret",
        env: &["MENTORA_CALENDAR_MICROSOFT_CLIENT_SECRET"],
        default: "",
        allowed: "that app's client secret",
    },
    Key {
        name: "calendar_microsoft_tenant",
        env: &["MENTORA_CALENDAR_MICROSOFT_TENANT"],
        default: "common",
        allowed: "`common` (work, school and personal accounts), `organizations`, `consumers`, or a tenant id",
    },
    Key {
        name: "calendar_microsoft_login_base",
        env: &["MENTORA_CALENDAR_MICROSOFT_LOGIN_BASE"],
        default: "https://login.microsoftonline.com",
        allowed: "URL of Microsoft's identity platform (tests point it at a local server)",
    },
    Key {
        name: "calendar_microsoft_graph_base",
        env: &["MENTORA_CALENDAR_MICROSOFT_GRAPH_BASE"],
        default: "https://graph.microsoft.com",
        allowed: "URL of Microsoft Graph (tests point it at a local server)",
    },
    Key {
        name: "calendar_allow_private_hosts",
        env: &["MENTORA_CALENDAR_ALLOW_PRIVATE_HOSTS"],
        default: "false",
        allowed: "true (calendar addresses may be private or loopback addresses: a CalDAV server on your own network) or false",
    },
    Key {
        name: "allow_shared_sqlite",
        env: &["MENTORA_ALLOW_SHARED_SQLITE"],
        default: "false",
        allowed: "true (let several `serve` processes use one SQLite file; their caches can disagree for up to a minute) or false",
    },
    Key {
        name: "rate_limit_scale",
        env: &["MENTORA_RATE_LIMIT_SCALE"],
        default: "1",
        allowed: "a whole number from 1 to 1000 that multiplies every rate limit (for many users behind one address, or load tests)",
    },
    Key {
        name: "auto_migrate",
        env: &["MENTORA_AUTO_MIGRATE"],
        default: "true",
        allowed: "true or false",
    },
    Key {
        name: "stripe_secret_key",
        env: &["MENTORA_STRIPE_SECRET_KEY", "STRIPE_SECRET_KEY"],
        default: "",
        allowed: "a Stripe secret key (sk_live_… or sk_test_…), or nothing for the test-mode sandbox",
    },
    Key {
        name: "stripe_webhook_secret",
        env: &["MENTORA_STRIPE_WEBHOOK_SECRET", "STRIPE_WEBHOOK_SECRET"],
        default: "",
        allowed: "the webhook endpoint's signing secret (whsec_…); required with a secret key",
    },
    Key {
        name: "stripe_api_base",
        env: &["MENTORA_STRIPE_API_BASE"],
        default: "https://api.stripe.com",
        allowed: "an http:// or https:// URL",
    },
    Key {
        name: "stripe_publishable_key",
        env: &["MENTORA_STRIPE_PUBLISHABLE_KEY", "STRIPE_PUBLISHABLE_KEY"],
        default: "",
        allowed: "the publishable key (pk_live_… or pk_test_…); required with a secret key",
    },
    Key {
        name: "stripe_js_url",
        env: &["MENTORA_STRIPE_JS_URL"],
        default: "https://js.stripe.com/v3/",
        allowed: "an https:// URL (http:// only for a local test double)",
    },
    Key {
        name: "commission_bps",
        env: &["MENTORA_COMMISSION_BPS"],
        default: "1500",
        allowed: "the platform's commission in basis points, from 0 to 10000 (1500 = 15 %)",
    },
    Key {
        name: "payout_delay_hours",
        env: &["MENTORA_PAYOUT_DELAY_HOURS"],
        default: "48",
        allowed: "hours from a session's outcome to the expert's payout (the dispute window), from 0 to 720",
    },
    Key {
        name: "document_retention_days",
        env: &["MENTORA_DOCUMENT_RETENTION_DAYS"],
        default: "90",
        allowed: "a whole number of days from 1 to 3650",
    },
    Key {
        name: "env",
        env: &["MENTORA_ENV"],
        default: "development",
        allowed: "development or production (production refuses the test clock)",
    },
    Key {
        name: "smtp_host",
        env: &["MENTORA_SMTP_HOST"],
        default: "",
        allowed: "the SMTP relay's host name; empty: email goes to the dev outbox (/admin/outbox)",
    },
    Key {
        name: "smtp_port",
        env: &["MENTORA_SMTP_PORT"],
        default: "587",
        allowed: "a port from 1 to 65535 (587 for starttls, 465 for tls, 25 for a local relay)",
    },
    Key {
        name: "smtp_tls",
        env: &["MENTORA_SMTP_TLS"],
        default: "starttls",
        allowed: "none, starttls or tls (implicit TLS)",
    },
    Key {
        name: "smtp_username",
        env: &["MENTORA_SMTP_USERNAME"],
        default: "",
        allowed: "the relay's user name; empty: no authentication",
    },
    Key {
        name: "smtp_password",
        env: &["MENTORA_SMTP_PASSWORD"],
        default: "",
        allowed: "the relay's password (with smtp_username)",
    },
    Key {
        name: "mail_from",
        env: &["MENTORA_MAIL_FROM"],
        default: "Mentora <no-reply@mentora.invalid>",
        allowed: "one address, optionally with a name: Mentora <hello@mentora.example>",
    },
    Key {
        name: "mail_reply_to",
        env: &["MENTORA_MAIL_REPLY_TO"],
        default: "",
        allowed: "one address for replies; empty: replies go to mail_from",
    },
    Key {
        name: "ice_servers",
        env: &["MENTORA_ICE_SERVERS"],
        default: "",
        allowed: "STUN/TURN servers for the session room, separated by spaces or commas; one server's URLs joined by | (stun:host:3478 turn:host:3478?transport=udp|turns:host:5349); empty: direct connections only",
    },
    Key {
        name: "turn_secret",
        env: &["MENTORA_TURN_SECRET"],
        default: "",
        allowed: "the secret shared with the TURN server (coturn use-auth-secret): each participant gets a credential of their own that expires after turn_ttl_minutes",
    },
    Key {
        name: "turn_ttl_minutes",
        env: &["MENTORA_TURN_TTL_MINUTES"],
        default: "120",
        allowed: "how long a minted TURN credential is valid, from 5 to 1440 minutes",
    },
    Key {
        name: "ice_transport_policy",
        env: &["MENTORA_ICE_TRANSPORT_POLICY"],
        default: "all",
        allowed: "all (direct connections where possible) or relay (only through TURN: neither side learns the other's address)",
    },
    Key {
        name: "jitsi_url",
        env: &["MENTORA_JITSI_URL"],
        default: "",
        allowed: "an https Jitsi server (https://meet.example.org) experts may choose instead of the built-in room; empty: not offered",
    },
    Key {
        name: "jitsi_app_id",
        env: &["MENTORA_JITSI_APP_ID"],
        default: "",
        allowed: "the app id of the Jitsi server's token authentication (with jitsi_app_secret); empty: links carry no token",
    },
    Key {
        name: "jitsi_app_secret",
        env: &["MENTORA_JITSI_APP_SECRET"],
        default: "",
        allowed: "the app secret of the Jitsi server's token authentication",
    },
    Key {
        name: "zoom_account_id",
        env: &["MENTORA_ZOOM_ACCOUNT_ID"],
        default: "",
        allowed: "the Zoom account of a Server-to-Server OAuth app (with zoom_client_id and zoom_client_secret): experts may choose Zoom; empty: not offered",
    },
    Key {
        name: "zoom_client_id",
        env: &["MENTORA_ZOOM_CLIENT_ID"],
        default: "",
        allowed: "the Zoom app's client id",
    },
    Key {
        name: "zoom_client_secret",
        env: &["MENTORA_ZOOM_CLIENT_SECRET"],
        default: "",
        allowed: "the Zoom app's client secret",
    },
    Key {
        name: "zoom_webhook_secret",
        env: &["MENTORA_ZOOM_WEBHOOK_SECRET"],
        default: "",
        allowed: "the Zoom app's secret token: participants joining and leaving (POST /api/v1/webhooks/zoom) count as attendance; empty: the endpoint does not exist",
    },
    Key {
        name: "zoom_api_base",
        env: &["MENTORA_ZOOM_API_BASE"],
        default: "https://api.zoom.us",
        allowed: "URL (tests point it at a local server)",
    },
    Key {
        name: "zoom_oauth_base",
        env: &["MENTORA_ZOOM_OAUTH_BASE"],
        default: "https://zoom.us",
        allowed: "URL of Zoom's token endpoint host (tests point it at a local server)",
    },
    Key {
        name: "google_client_id",
        env: &["MENTORA_GOOGLE_CLIENT_ID"],
        default: "",
        allowed: "an OAuth client of the Google account whose calendar holds the sessions (with google_client_secret and google_refresh_token): experts may choose Google Meet; empty: not offered",
    },
    Key {
        name: "google_client_secret",
        env: &["MENTORA_GOOGLE_CLIENT_SECRET"],
        default: "",
        allowed: "the Google OAuth client's secret",
    },
    Key {
        name: "google_refresh_token",
        env: &["MENTORA_GOOGLE_REFRESH_TOKEN"],
        default: "",
        allowed: "a refresh token of that account with the calendar.events scope",
    },
    Key {
        name: "google_calendar_id",
        env: &["MENTORA_GOOGLE_CALENDAR_ID"],
        default: "primary",
        allowed: "the calendar that holds the sessions' events",
    },
    Key {
        name: "google_api_base",
        env: &["MENTORA_GOOGLE_API_BASE"],
        default: "https://www.googleapis.com",
        allowed: "URL (tests point it at a local server)",
    },
    Key {
        name: "google_token_url",
        env: &["MENTORA_GOOGLE_TOKEN_URL"],
        default: "https://oauth2.googleapis.com/token",
        allowed: "URL of Google's token endpoint (tests point it at a local server)",
    },
    Key {
        name: "recording_retention_days",
        env: &["MENTORA_RECORDING_RETENTION_DAYS"],
        default: "30",
        allowed: "days a session recording is kept before it is deleted, from 1 to 3650",
    },
    Key {
        name: "nps_after_sessions",
        env: &["MENTORA_NPS_AFTER_SESSIONS"],
        default: "3",
        allowed: "completed sessions after which a learner is first asked how likely they are to recommend Mentora (0-10), from 1 to 1000",
    },
    Key {
        name: "nps_period_days",
        env: &["MENTORA_NPS_PERIOD_DAYS"],
        default: "90",
        allowed: "days between two times the recommendation question is asked of one person (an answer or a \"not now\" both count), from 7 to 3650",
    },
    Key {
        name: "jobs_workers",
        env: &["MENTORA_JOBS_WORKERS"],
        default: "2",
        allowed: "a whole number of workers from 0 to 64 (0: this instance runs no jobs)",
    },
    Key {
        name: "viewer_cache_seconds",
        env: &["MENTORA_VIEWER_CACHE_SECONDS"],
        default: "30",
        allowed: "a whole number of seconds from 0 to 600 a signed-in viewer (login, account, roles, unread count) is kept in memory at most; every change drops it at once, on every instance; 0 reads them on every request",
    },
    Key {
        name: "directory_cache_mib",
        env: &["MENTORA_DIRECTORY_CACHE_MIB"],
        default: "8",
        allowed: "a whole number of MiB from 0 to 4096: the most memory directory result pages take on one instance (0: none kept)",
    },
    Key {
        name: "directory_index_experts",
        env: &["MENTORA_DIRECTORY_INDEX_EXPERTS"],
        default: "50000",
        allowed: "a whole number from 0 to 1000000: the most listed experts an instance indexes in memory for search (about 1.5 KiB each); a larger directory, or 0, is searched in the database",
    },
    Key {
        name: "booking_hold_minutes",
        env: &["MENTORA_BOOKING_HOLD_MINUTES"],
        default: "10",
        allowed: "a whole number of minutes from 1 to 60",
    },
    Key {
        name: "booking_max_holds",
        env: &["MENTORA_BOOKING_MAX_HOLDS"],
        default: "3",
        allowed: "a whole number from 1 to 1000000: unpaid holds one learner may have at once (large values only for load tests)",
    },
    Key {
        name: "booking_max_reschedules",
        env: &["MENTORA_BOOKING_MAX_RESCHEDULES"],
        default: "3",
        allowed: "a whole number from 0 to 20: how many times one session may be moved",
    },
];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("invalid configuration: `{key}` = {value:?} (from {origin}): expected {allowed}")]
    Invalid {
        key: &'static str,
        value: String,
        origin: String,
        allowed: &'static str,
    },
    #[error("invalid configuration file {path}: {reason}")]
    File { path: String, reason: String },
    #[error(
        "invalid configuration: env = \"production\" needs stripe_secret_key, \
         stripe_webhook_secret and stripe_publishable_key; the test-mode sandbox never takes \
         payments in production"
    )]
    SandboxInProduction,
}

/// Where configuration comes from; `load` is pure so tests can give it anything.
#[derive(Default)]
pub struct Sources {
    /// `(path, contents)` of the configuration file, when there is one.
    pub file: Option<(String, String)>,
    pub env: HashMap<String, String>,
    /// Command-line overrides, by key name.
    pub flags: HashMap<&'static str, String>,
}

impl Sources {
    /// The process environment and the configuration file: `path` when given (it must
    /// exist), else `./mentora.toml` when present.
    pub fn from_process(path: Option<&Path>) -> Result<Self, ConfigError> {
        let file = match path {
            Some(p) => Some(read(p)?),
            None => {
                let default = Path::new("mentora.toml");
                default.exists().then(|| read(default)).transpose()?
            }
        };
        Ok(Self {
            file,
            env: std::env::vars().collect(),
            flags: HashMap::new(),
        })
    }
}

fn read(path: &Path) -> Result<(String, String), ConfigError> {
    let shown = path.display().to_string();
    std::fs::read_to_string(path)
        .map(|text| (shown.clone(), text))
        .map_err(|e| ConfigError::File {
            path: shown,
            reason: e.to_string(),
        })
}

impl Config {
    /// The test-mode sandbox (no Stripe keys) outside production: the only place the
    /// simulated time may be moved.
    pub fn test_clock_allowed(&self) -> bool {
        self.stripe_secret_key.is_none() && !self.production
    }

    pub fn load(sources: &Sources) -> Result<Self, ConfigError> {
        let file_values = parse_file(sources.file.as_ref())?;
        let raw = |key: &'static str| -> (String, String) {
            if let Some(v) = sources.flags.get(key) {
                return (v.clone(), format!("the command-line flag for {key}"));
            }
            let spec = KEYS.iter().find(|k| k.name == key);
            for var in spec.map_or(&[][..], |k| k.env) {
                if let Some(v) = sources.env.get(*var) {
                    return (v.clone(), format!("environment variable {var}"));
                }
            }
            if let Some(v) = file_values.get(key) {
                let path = sources.file.as_ref().map_or("", |(p, _)| p.as_str());
                return (v.clone(), path.to_owned());
            }
            (
                spec.map_or("", |k| k.default).to_owned(),
                "the default".to_owned(),
            )
        };
        let invalid = |key: &'static str, (value, origin): (String, String)| ConfigError::Invalid {
            key,
            value,
            origin,
            allowed: KEYS
                .iter()
                .find(|k| k.name == key)
                .map_or("", |k| k.allowed),
        };
        let field = |key: &'static str| {
            let (value, origin) = raw(key);
            (value.trim().to_owned(), origin)
        };
        let number = |key: &'static str, min: u64, max: u64| -> Result<u64, ConfigError> {
            let v = field(key);
            match v.0.parse::<u64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n),
                _ => Err(invalid(key, v)),
            }
        };

        let addr = {
            let v = field("addr");
            v.0.parse::<SocketAddr>().map_err(|_| invalid("addr", v))?
        };
        let data_dir = {
            let v = field("data_dir");
            if v.0.is_empty() {
                return Err(invalid("data_dir", v));
            }
            PathBuf::from(v.0)
        };
        let database_url = {
            let v = field("database_url");
            if v.1 == "the default" {
                format!("sqlite://{}", data_dir.join("mentora.db").display())
            } else if ["sqlite:", "postgres://", "postgresql://"]
                .iter()
                .any(|p| v.0.starts_with(p))
            {
                v.0
            } else {
                return Err(invalid("database_url", v));
            }
        };
        let redis_url = optional(field("redis_url"), &["redis://", "rediss://"])
            .map_err(|v| invalid("redis_url", v))?;
        let public_url = optional(field("public_url"), &["http://", "https://"])
            .map_err(|v| invalid("public_url", v))?
            .map(|u| u.trim_end_matches('/').to_owned());
        let log_format = match field("log_format") {
            (v, _) if v == "json" => LogFormat::Json,
            (v, _) if v == "pretty" => LogFormat::Pretty,
            v => return Err(invalid("log_format", v)),
        };
        let log_level = {
            let v = field("log_level");
            if tracing_subscriber::EnvFilter::try_new(&v.0).is_err() || v.0.is_empty() {
                return Err(invalid("log_level", v));
            }
            v.0
        };
        let auto_migrate = match field("auto_migrate") {
            (v, _) if v == "true" => true,
            (v, _) if v == "false" => false,
            v => return Err(invalid("auto_migrate", v)),
        };
        let trust_forwarded_for = match field("trust_forwarded_for") {
            (v, _) if v == "true" => true,
            (v, _) if v == "false" => false,
            v => return Err(invalid("trust_forwarded_for", v)),
        };
        let production = match field("env") {
            (v, _) if v == "production" => true,
            (v, _) if v == "development" => false,
            v => return Err(invalid("env", v)),
        };
        let calendar_allow_private_hosts = match field("calendar_allow_private_hosts") {
            (v, _) if v == "true" => true,
            (v, _) if v == "false" => false,
            v => return Err(invalid("calendar_allow_private_hosts", v)),
        };
        let calendar_accounts = calendar_accounts(&field, &raw, &invalid)?;
        let calendar_secrets_key = {
            let v = field("calendar_secrets_key");
            match v.0.as_str() {
                "" => None,
                key if app::calendars::SealKey::from_base64(key).is_ok() => Some(v.0.clone()),
                _ => return Err(invalid("calendar_secrets_key", v)),
            }
        };
        let allow_shared_sqlite = match field("allow_shared_sqlite") {
            (v, _) if v == "true" => true,
            (v, _) if v == "false" => false,
            v => return Err(invalid("allow_shared_sqlite", v)),
        };
        let stripe_secret_key = {
            let v = field("stripe_secret_key");
            match v.0.as_str() {
                "" => None,
                key if key.starts_with("sk_live_") || key.starts_with("sk_test_") => {
                    Some(v.0.clone())
                }
                _ => return Err(invalid("stripe_secret_key", v)),
            }
        };
        let stripe_webhook_secret = {
            let v = field("stripe_webhook_secret");
            match v.0.as_str() {
                "" if stripe_secret_key.is_some() => {
                    return Err(invalid("stripe_webhook_secret", v));
                }
                "" => None,
                secret if secret.starts_with("whsec_") => Some(v.0.clone()),
                _ => return Err(invalid("stripe_webhook_secret", v)),
            }
        };
        let stripe_api_base = optional(field("stripe_api_base"), &["http://", "https://"])
            .map_err(|v| invalid("stripe_api_base", v))?
            .unwrap_or_else(|| payments::stripe::DEFAULT_API_BASE.to_owned());
        let stripe_publishable_key = {
            let v = field("stripe_publishable_key");
            match v.0.as_str() {
                "" if stripe_secret_key.is_some() => {
                    return Err(invalid("stripe_publishable_key", v));
                }
                "" => None,
                key if key.starts_with("pk_live_") || key.starts_with("pk_test_") => {
                    Some(v.0.clone())
                }
                _ => return Err(invalid("stripe_publishable_key", v)),
            }
        };
        let stripe_js_url = optional(field("stripe_js_url"), &["http://", "https://"])
            .map_err(|v| invalid("stripe_js_url", v))?
            .unwrap_or_else(|| "https://js.stripe.com/v3/".to_owned());
        if production && stripe_secret_key.is_none() {
            return Err(ConfigError::SandboxInProduction);
        }
        let smtp = match field("smtp_host") {
            (host, _) if host.is_empty() => None,
            (host, origin) => {
                if host.contains(['/', ' ', ':']) {
                    return Err(invalid("smtp_host", (host, origin)));
                }
                let tls = {
                    let v = field("smtp_tls");
                    app::mail::TlsMode::parse(&v.0).ok_or_else(|| invalid("smtp_tls", v))?
                };
                let from = {
                    let v = field("mail_from");
                    app::mail::mailbox(&v.0).map_err(|_| invalid("mail_from", v.clone()))?;
                    v.0
                };
                let reply_to = match field("mail_reply_to") {
                    (r, _) if r.is_empty() => None,
                    v => {
                        app::mail::mailbox(&v.0)
                            .map_err(|_| invalid("mail_reply_to", v.clone()))?;
                        Some(v.0)
                    }
                };
                let user = field("smtp_username").0;
                Some(app::mail::SmtpSettings {
                    host,
                    port: u16::try_from(number("smtp_port", 1, 65_535)?).unwrap_or(587),
                    tls,
                    credentials: (!user.is_empty()).then(|| (user, raw("smtp_password").0)),
                    from,
                    reply_to,
                })
            }
        };
        let video = {
            let v = field("ice_servers");
            let servers = app::rooms::IceSettings::parse_servers(&v.0)
                .map_err(|_| invalid("ice_servers", v.clone()))?;
            let secret = raw("turn_secret").0;
            let jitsi = match field("jitsi_url") {
                (url, _) if url.is_empty() => None,
                (url, _) if url.starts_with("https://") || url.starts_with("http://") => {
                    let id = field("jitsi_app_id").0;
                    let secret = raw("jitsi_app_secret").0;
                    if id.is_empty() != secret.is_empty() {
                        return Err(invalid("jitsi_app_secret", field("jitsi_app_secret")));
                    }
                    Some(app::rooms::JitsiSettings {
                        host: url.trim_end_matches('/').to_owned(),
                        jwt: (!id.is_empty()).then_some((id, secret)),
                    })
                }
                v => return Err(invalid("jitsi_url", v)),
            };
            app::rooms::VideoSettings {
                ice: app::rooms::IceSettings {
                    relay_only: match field("ice_transport_policy") {
                        (v, _) if v == "all" => false,
                        (v, _) if v == "relay" => true,
                        v => return Err(invalid("ice_transport_policy", v)),
                    },
                    servers,
                    turn_secret: (!secret.is_empty()).then_some(secret),
                    turn_ttl: jiff::SignedDuration::from_mins(
                        number("turn_ttl_minutes", 5, 1440)?
                            .try_into()
                            .unwrap_or(120),
                    ),
                },
                jitsi,
                outside: outside_providers(&field, &raw, &invalid)?,
                recording_retention_days: u32::try_from(number(
                    "recording_retention_days",
                    1,
                    3650,
                )?)
                .unwrap_or(30),
            }
        };
        Ok(Config {
            video,
            smtp,
            nps: domain::learning::nps::NpsSchedule {
                after_sessions: u32::try_from(number("nps_after_sessions", 1, 1000)?).unwrap_or(3),
                period: jiff::SignedDuration::from_hours(
                    24 * i64::try_from(number("nps_period_days", 7, 3650)?).unwrap_or(90),
                ),
            },
            stripe_secret_key,
            stripe_webhook_secret,
            stripe_api_base,
            stripe_publishable_key,
            stripe_js_url,
            commission_bps: u16::try_from(number("commission_bps", 0, 10_000)?).unwrap_or(1500),
            payout_delay_hours: u32::try_from(number("payout_delay_hours", 0, 720)?).unwrap_or(48),
            document_retention_days: u32::try_from(number("document_retention_days", 1, 3650)?)
                .unwrap_or(90),
            booking_hold_minutes: u32::try_from(number("booking_hold_minutes", 1, 60)?)
                .unwrap_or(10),
            viewer_cache: Duration::from_secs(number("viewer_cache_seconds", 0, 600)?),
            directory_cache_bytes: usize::try_from(number("directory_cache_mib", 0, 4096)?)
                .unwrap_or(8)
                << 20,
            directory_index_experts: usize::try_from(number(
                "directory_index_experts",
                0,
                1_000_000,
            )?)
            .unwrap_or(50_000),
            booking_max_holds: u32::try_from(number("booking_max_holds", 1, 1_000_000)?)
                .unwrap_or(3),
            booking_max_reschedules: u32::try_from(number("booking_max_reschedules", 0, 20)?)
                .unwrap_or(3),
            jobs_workers: u32::try_from(number("jobs_workers", 0, 64)?).unwrap_or(2),
            production,
            trust_forwarded_for,
            allow_shared_sqlite,
            calendar_secrets_key,
            calendar_allow_private_hosts,
            calendar_accounts,
            addr,
            data_dir,
            database_url,
            database_max_connections: u32::try_from(number("database_max_connections", 1, 1000)?)
                .unwrap_or(16),
            redis_url,
            public_url,
            log_format,
            log_level,
            request_timeout: Duration::from_secs(number("request_timeout_secs", 1, 600)?),
            body_limit_bytes: usize::try_from(number("body_limit_bytes", 1024, 104_857_600)?)
                .unwrap_or(2 * 1024 * 1024),
            shutdown_grace: Duration::from_secs(number("shutdown_grace_secs", 0, 300)?),
            header_read_timeout: Duration::from_secs(number("header_read_timeout_secs", 1, 300)?),
            idle_timeout: Duration::from_secs(number("idle_timeout_secs", 1, 3600)?),
            max_connections: usize::try_from(number("max_connections", 0, 1_000_000)?).unwrap_or(0),
            auto_migrate,
            limits: app::throttle::Limits::default()
                .scaled(u32::try_from(number("rate_limit_scale", 1, 1000)?).unwrap_or(1)),
            limits_prefix: "mentora".to_owned(),
        })
    }
}

/// An optional URL: empty means none; otherwise it must start with one of `schemes`.
fn optional(
    (value, origin): (String, String),
    schemes: &[&str],
) -> Result<Option<String>, (String, String)> {
    if value.is_empty() {
        Ok(None)
    } else if schemes
        .iter()
        .any(|s| value.starts_with(s) && value.len() > s.len())
    {
        Ok(Some(value))
    } else {
        Err((value, origin))
    }
}

/// The file's values as strings, rejecting unknown keys and non-scalar values.
fn parse_file(file: Option<&(String, String)>) -> Result<HashMap<String, String>, ConfigError> {
    let Some((path, text)) = file else {
        return Ok(HashMap::new());
    };
    let file_err = |reason: String| ConfigError::File {
        path: path.clone(),
        reason,
    };
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| file_err(e.to_string()))?;
    let mut values = HashMap::new();
    for (key, value) in table {
        if !KEYS.iter().any(|k| k.name == key) {
            let known: Vec<_> = KEYS.iter().map(|k| k.name).collect();
            return Err(file_err(format!(
                "unknown key `{key}`; known keys are {}",
                known.join(", ")
            )));
        }
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => {
                return Err(file_err(format!(
                    "`{key}` must be a string, number or boolean, not {}",
                    other.type_str()
                )));
            }
        };
        values.insert(key, text);
    }
    Ok(values)
}

/// Google Calendar and Microsoft 365 sign-in from their keys: each is offered when its
/// client id and secret are both set, and refused when only one is.
fn calendar_accounts(
    field: &dyn Fn(&'static str) -> (String, String),
    raw: &dyn Fn(&'static str) -> (String, String),
    invalid: &dyn Fn(&'static str, (String, String)) -> ConfigError,
) -> Result<CalendarAccounts, ConfigError> {
    let url = |key: &'static str| -> Result<String, ConfigError> {
        let v = field(key);
        if v.0.starts_with("https://") || v.0.starts_with("http://") {
            Ok(v.0.trim_end_matches('/').to_owned())
        } else {
            Err(invalid(key, v))
        }
    };
    let pair =
        |id: &'static str, secret: &'static str| -> Result<Option<(String, String)>, ConfigError> {
            let (i, s) = (field(id).0, raw(secret).0);
            match (i.trim().is_empty(), s.trim().is_empty()) {
                (true, true) => Ok(None),
                (false, false) => Ok(Some((i.trim().to_owned(), s.trim().to_owned()))),
                (false, true) => Err(invalid(secret, raw(secret))),
                (true, false) => Err(invalid(id, field(id))),
            }
        };
    let google = match pair("calendar_google_client_id", "calendar_google_client_secret")? {
        Some((id, secret)) => {
            let mut settings = calendars::oauth::OAuthSettings::google(&id, &secret);
            settings.authorize_url = url("calendar_google_authorize_url")?;
            settings.token_url = url("google_token_url")?;
            Some((settings, url("google_api_base")?))
        }
        None => None,
    };
    let microsoft = match pair(
        "calendar_microsoft_client_id",
        "calendar_microsoft_client_secret",
    )? {
        Some((id, secret)) => {
            let tenant = field("calendar_microsoft_tenant");
            if tenant.0.is_empty()
                || !tenant
                    .0
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            {
                return Err(invalid("calendar_microsoft_tenant", tenant));
            }
            let settings = calendars::oauth::OAuthSettings::microsoft(
                &id,
                &secret,
                &url("calendar_microsoft_login_base")?,
                &tenant.0,
            );
            Some((settings, url("calendar_microsoft_graph_base")?))
        }
        None => None,
    };
    Ok(CalendarAccounts { google, microsoft })
}

/// Zoom and Google Meet from their keys: each is offered when all its credentials are set,
/// and refused when only some are.
fn outside_providers(
    field: &dyn Fn(&'static str) -> (String, String),
    raw: &dyn Fn(&'static str) -> (String, String),
    invalid: &dyn Fn(&'static str, (String, String)) -> ConfigError,
) -> Result<app::rooms::OutsideProviders, ConfigError> {
    let url = |key: &'static str| -> Result<String, ConfigError> {
        let v = field(key);
        if v.0.starts_with("https://") || v.0.starts_with("http://") {
            Ok(v.0.trim_end_matches('/').to_owned())
        } else {
            Err(invalid(key, v))
        }
    };
    let all_or_none = |keys: &[&'static str]| -> Result<Option<Vec<String>>, ConfigError> {
        let values: Vec<(String, String)> = keys.iter().map(|k| raw(k)).collect();
        let set = values.iter().filter(|v| !v.0.trim().is_empty()).count();
        if set == 0 {
            return Ok(None);
        }
        if let Some((i, _)) = values
            .iter()
            .enumerate()
            .find(|(_, v)| v.0.trim().is_empty())
        {
            return Err(invalid(keys[i], values[i].clone()));
        }
        Ok(Some(
            values.into_iter().map(|v| v.0.trim().to_owned()).collect(),
        ))
    };
    let zoom = match all_or_none(&["zoom_account_id", "zoom_client_id", "zoom_client_secret"])? {
        Some(v) => Some(std::sync::Arc::new(meetings::zoom::ZoomClient::new(
            meetings::zoom::ZoomSettings {
                account_id: v[0].clone(),
                client_id: v[1].clone(),
                client_secret: v[2].clone(),
                api_base: url("zoom_api_base")?,
                oauth_base: url("zoom_oauth_base")?,
            },
        )) as std::sync::Arc<dyn meetings::MeetingProvider>),
        None => None,
    };
    let meet = match all_or_none(&[
        "google_client_id",
        "google_client_secret",
        "google_refresh_token",
    ])? {
        Some(v) => Some(std::sync::Arc::new(meetings::google_meet::MeetClient::new(
            meetings::google_meet::MeetSettings {
                client_id: v[0].clone(),
                client_secret: v[1].clone(),
                refresh_token: v[2].clone(),
                calendar_id: field("google_calendar_id").0,
                api_base: url("google_api_base")?,
                token_url: url("google_token_url")?,
            },
        )) as std::sync::Arc<dyn meetings::MeetingProvider>),
        None => None,
    };
    let webhook = raw("zoom_webhook_secret").0;
    Ok(app::rooms::OutsideProviders {
        zoom,
        meet,
        zoom_webhook_secret: (!webhook.trim().is_empty()).then(|| webhook.trim().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(file: Option<&str>, env: &[(&str, &str)]) -> Sources {
        Sources {
            file: file.map(|f| ("mentora.toml".to_owned(), f.to_owned())),
            env: env
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            flags: HashMap::new(),
        }
    }

    #[test]
    fn production_refuses_to_start_on_the_sandbox() -> Result<(), ConfigError> {
        let sandbox = Config::load(&sources(None, &[("MENTORA_ENV", "production")]));
        assert!(matches!(sandbox, Err(ConfigError::SandboxInProduction)));
        let stripe = [
            ("MENTORA_ENV", "production"),
            ("STRIPE_SECRET_KEY", "sk_live_x"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_x"),
            ("STRIPE_PUBLISHABLE_KEY", "pk_live_x"),
        ];
        let config = Config::load(&sources(None, &stripe))?;
        assert!(config.production && config.stripe_publishable_key.is_some());
        // A secret key without the publishable one (the checkout cannot work) is refused.
        let missing = Config::load(&sources(None, &stripe[..3]));
        assert!(matches!(
            missing,
            Err(ConfigError::Invalid {
                key: "stripe_publishable_key",
                ..
            })
        ));
        Ok(())
    }

    #[test]
    fn commission_is_basis_points_within_reason() -> Result<(), ConfigError> {
        assert_eq!(Config::load(&sources(None, &[]))?.commission_bps, 1500);
        let set = Config::load(&sources(None, &[("MENTORA_COMMISSION_BPS", "1250")]))?;
        assert_eq!(set.commission_bps, 1250);
        let wrong = Config::load(&sources(None, &[("MENTORA_COMMISSION_BPS", "10001")]));
        assert!(wrong.is_err());
        Ok(())
    }

    #[test]
    fn defaults_need_nothing() -> Result<(), ConfigError> {
        let config = Config::load(&sources(None, &[]))?;
        assert_eq!(config.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(config.database_url, "sqlite://./data/mentora.db");
        assert_eq!(config.shutdown_grace, Duration::from_secs(10));
        assert_eq!(config.redis_url, None);
        Ok(())
    }

    #[test]
    fn environment_beats_file_and_flags_beat_environment() -> Result<(), ConfigError> {
        let file = "addr = \"127.0.0.1:9000\"\nrequest_timeout_secs = 5\ndata_dir = \"/srv/m\"";
        let mut s = sources(Some(file), &[("MENTORA_ADDR", "127.0.0.1:9100")]);
        let config = Config::load(&s)?;
        assert_eq!(config.addr.to_string(), "127.0.0.1:9100");
        assert_eq!(config.request_timeout, Duration::from_secs(5));
        assert_eq!(config.database_url, "sqlite:///srv/m/mentora.db");
        s.flags.insert("addr", "127.0.0.1:9200".into());
        assert_eq!(Config::load(&s)?.addr.to_string(), "127.0.0.1:9200");
        Ok(())
    }

    #[test]
    fn database_url_is_read_from_the_conventional_variable_too() -> Result<(), ConfigError> {
        let s = sources(None, &[("DATABASE_URL", "postgres://u@h/db")]);
        assert_eq!(Config::load(&s)?.database_url, "postgres://u@h/db");
        Ok(())
    }

    #[test]
    fn an_invalid_value_names_key_origin_and_what_is_allowed() {
        let err = Config::load(&sources(None, &[("MENTORA_REQUEST_TIMEOUT_SECS", "0")]))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            err,
            "invalid configuration: `request_timeout_secs` = \"0\" (from environment variable \
             MENTORA_REQUEST_TIMEOUT_SECS): expected a whole number of seconds from 1 to 600"
        );
        for (var, value) in [
            ("MENTORA_ADDR", "localhost"),
            ("MENTORA_LOG_FORMAT", "xml"),
            ("DATABASE_URL", "mysql://x"),
            ("MENTORA_REDIS_URL", "http://x"),
            ("MENTORA_AUTO_MIGRATE", "yes"),
            ("MENTORA_BODY_LIMIT_BYTES", "-1"),
        ] {
            assert!(
                matches!(
                    Config::load(&sources(None, &[(var, value)])),
                    Err(ConfigError::Invalid { .. })
                ),
                "{var}={value} should be rejected"
            );
        }
    }

    #[test]
    fn unknown_or_malformed_file_keys_are_rejected() {
        let err = Config::load(&sources(Some("adress = \"x\""), &[])).err();
        assert!(err.is_some_and(|e| e.to_string().contains("unknown key `adress`")));
        let err = Config::load(&sources(Some("addr = ["), &[])).err();
        assert!(matches!(err, Some(ConfigError::File { .. })));
        let err = Config::load(&sources(Some("request_timeout_secs = 0"), &[])).err();
        assert!(err.is_some_and(|e| e.to_string().contains("(from mentora.toml)")));
    }
}
