//! The application state every handler can reach.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::audit::{AuditLog, DEFAULT_CHECKPOINT_EVERY};
use crate::auth::token::Keys;
use crate::clock::{Clock, SystemClock};
use crate::config::{CookieSecure, LoginRateLimit, SigningKey, defaults};
use crate::db::Store;
use crate::db::{NewAuditEvent, StoreError};
use crate::metrics::Metrics;

/// Shared, cheaply cloned state.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub config: Arc<AppConfig>,
    /// Keys derived once from the signing key.
    pub keys: Arc<Keys>,
    /// The time; tests replace it with a clock they move.
    pub clock: Arc<dyn Clock>,
    /// The keyed audit chain and its checkpoint file.
    pub audit: Arc<AuditLog>,
    /// Request, login and pool metrics (see `metrics`).
    pub metrics: Arc<Metrics>,
    /// Woken when this instance has written change events, so that a
    /// long-polling feed reader answers at once.
    pub feed_signal: Arc<tokio::sync::Notify>,
}

/// The parts of the configuration the router and handlers use.
pub struct AppConfig {
    /// Folder with the built frontend; `None` serves the API only.
    pub static_dir: Option<PathBuf>,
    pub signing_key: SigningKey,
    pub cors_origins: Vec<String>,
    pub body_limit: usize,
    pub request_timeout: Duration,
    /// How long a login code is valid.
    pub code_ttl: chrono::Duration,
    /// A session ends after this long without a request.
    pub session_idle: chrono::Duration,
    /// A session ends this long after login, whatever the activity.
    pub session_max: chrono::Duration,
    pub cookie_secure: CookieSecure,
    /// Per-client-address limit on login attempts; `None` for none.
    pub login_rate_limit: Option<LoginRateLimit>,
    /// Caseworker administrators must log in with a second factor.
    pub require_admin_totp: bool,
    /// The append-only file of signed audit chain checkpoints.
    pub audit_checkpoint_file: PathBuf,
    /// At most this many audit events between two checkpoints.
    pub audit_checkpoint_every: u64,
    /// Where clients reach the server, without a trailing slash: the OAuth
    /// issuer.
    pub public_url: String,
    /// How webhooks are delivered, and to which addresses.
    pub webhooks: crate::webhooks::WorkerSettings,
}

impl AppConfig {
    /// Defaults for everything but where the files and the key are; the
    /// values `serve` uses when no flag or variable says otherwise.
    pub fn new(static_dir: Option<PathBuf>, signing_key: SigningKey) -> Self {
        Self {
            static_dir,
            signing_key,
            cors_origins: Vec::new(),
            body_limit: defaults::BODY_LIMIT,
            request_timeout: Duration::from_secs(defaults::REQUEST_TIMEOUT_SECS),
            code_ttl: chrono::Duration::days(defaults::CODE_TTL_DAYS.into()),
            session_idle: chrono::Duration::minutes(defaults::SESSION_IDLE_MINUTES.into()),
            session_max: chrono::Duration::hours(defaults::SESSION_MAX_HOURS.into()),
            cookie_secure: CookieSecure::Auto,
            login_rate_limit: Some(LoginRateLimit {
                burst: defaults::LOGIN_BURST,
                replenish: Duration::from_secs(defaults::LOGIN_REPLENISH_SECS),
            }),
            require_admin_totp: false,
            audit_checkpoint_file: PathBuf::from(defaults::AUDIT_CHECKPOINT_FILE),
            audit_checkpoint_every: DEFAULT_CHECKPOINT_EVERY,
            public_url: defaults::PUBLIC_URL.to_owned(),
            webhooks: crate::webhooks::WorkerSettings::default(),
        }
    }
}

impl AppConfig {
    /// The token endpoint's URL: the audience of client assertions.
    pub fn token_endpoint(&self) -> String {
        format!("{}/api/v1/oauth/token", self.public_url)
    }
}

impl AppState {
    /// State on the system clock.
    pub fn new(store: Arc<dyn Store>, config: AppConfig) -> Self {
        let keys = Keys::derive(&config.signing_key);
        let audit = AuditLog::new(
            keys.audit.clone(),
            config.audit_checkpoint_file.clone(),
            config.audit_checkpoint_every,
        );
        let mut metrics = Metrics::default();
        metrics.register_save_commits(store.save_commits());
        Self {
            store,
            keys: Arc::new(keys),
            config: Arc::new(config),
            clock: Arc::new(SystemClock),
            audit: Arc::new(audit),
            metrics: Arc::new(metrics),
            feed_signal: Arc::new(tokio::sync::Notify::new()),
        }
    }

    /// Appends events to the audit log (see [`AuditLog::append`]).
    pub async fn record_audit(&self, events: &[NewAuditEvent]) -> Result<(), StoreError> {
        self.audit.append(self.store.as_ref(), events).await
    }

    /// Wakes the feed's long-polling readers: call after a change that
    /// wrote an event has committed.
    pub fn events_written(&self) {
        self.feed_signal.notify_waiters();
    }

    /// The same state on another clock.
    #[must_use]
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }
}
