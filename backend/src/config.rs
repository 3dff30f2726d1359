//! Typed configuration from flags and the environment. Every setting has an
//! environment name operators and scripts can rely on; secrets are wrapped so
//! that they never print.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use clap::{Args, ValueEnum};
use secrecy::SecretBox;

/// The defaults of `serve`, written once: clap shows them in `--help`, and
/// [`AppConfig::new`](crate::state::AppConfig::new) starts from them.
pub mod defaults {
    pub const BODY_LIMIT: usize = 256 * 1024;
    pub const REQUEST_TIMEOUT_SECS: u64 = 30;
    pub const CODE_TTL_DAYS: u32 = 14;
    pub const SESSION_IDLE_MINUTES: u32 = 30;
    pub const SESSION_MAX_HOURS: u32 = 12;
    pub const LOGIN_BURST: u32 = 20;
    pub const LOGIN_REPLENISH_SECS: u64 = 3;
    /// Where the audit checkpoints go when the database is not a SQLite file.
    pub const AUDIT_CHECKPOINT_FILE: &str = "./data/audit-checkpoints.log";
    /// Where clients reach the server; the OAuth issuer and token endpoint
    /// are made from it.
    pub const PUBLIC_URL: &str = "http://127.0.0.1:8080";
    /// The longest one webhook attempt may take.
    pub const WEBHOOK_TIMEOUT_SECS: u64 = 10;
    /// How long an instance holds the webhook deliveries it took.
    pub const WEBHOOK_LEASE_SECS: u64 = 60;
    /// Seed 002 § 11: personal data in the register may be kept "in a total
    /// of ten years". Kartlegg does not know when a programme began, so it
    /// counts from the person's last activity, which is never earlier.
    pub const RETAIN_PERSON_YEARS: u32 = 10;
    /// Seed 002 § 11: the shorter period, "five years calculated from the
    /// time of commenced training". A registration is a snapshot of what
    /// the person could and wanted then; the applicant can always fill the
    /// form in again.
    pub const RETAIN_REGISTRATION_YEARS: u32 = 5;
    /// How long the `person.erased` change event (which names the
    /// DUF-number, so that systems can erase their copy) is kept.
    pub const RETAIN_ERASURE_NOTICE_DAYS: u32 = 90;
    /// How often `serve` runs the retention rules.
    pub const RETENTION_EVERY_HOURS: u64 = 24;
}

/// Settings for `kartlegg serve`.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Address and port to listen on.
    #[arg(long, env = "KARTLEGG_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    #[command(flatten)]
    pub database: DatabaseSettings,

    /// Where to serve Prometheus metrics (`/metrics`), apart from the
    /// application's port so that only the monitoring network reaches it;
    /// none when unset.
    #[arg(long, env = "KARTLEGG_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,

    /// The address clients reach the server at (scheme, host and port, no
    /// path): the OAuth issuer, and the audience client assertions name
    /// (its `/api/v1/oauth/token`).
    #[arg(long, env = "KARTLEGG_PUBLIC_URL", default_value = defaults::PUBLIC_URL)]
    pub public_url: String,

    /// Folder with the built frontend (index.html and assets/).
    #[arg(long, env = "KARTLEGG_STATIC_DIR", default_value = "./dist")]
    pub static_dir: PathBuf,

    /// File holding the token signing key. `serve` creates it with a random
    /// key when it does not exist; operator commands only read it.
    #[arg(
        long,
        env = "KARTLEGG_SIGNING_KEY_FILE",
        default_value = "./data/signing.key"
    )]
    pub signing_key_file: PathBuf,

    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, env = "KARTLEGG_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Origins allowed to call the API from another site (comma-separated).
    /// Empty: same origin only.
    #[arg(long, env = "KARTLEGG_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Largest request body accepted, in bytes.
    #[arg(long, env = "KARTLEGG_BODY_LIMIT", default_value_t = defaults::BODY_LIMIT)]
    pub body_limit: usize,

    /// Longest time a request may take, in seconds.
    #[arg(long, env = "KARTLEGG_REQUEST_TIMEOUT_SECS", default_value_t = defaults::REQUEST_TIMEOUT_SECS)]
    pub request_timeout_secs: u64,

    /// Seed the demo organisation and people, and print how to log in.
    #[arg(long, env = "KARTLEGG_DEMO", default_value_t = false)]
    pub demo: bool,

    #[command(flatten)]
    pub auth: AuthSettings,

    #[command(flatten)]
    pub audit: AuditSettings,

    #[command(flatten)]
    pub webhooks: WebhookSettings,

    /// Run the webhook delivery worker in this process. Turn it off where
    /// `kartlegg worker` runs on its own.
    #[arg(long, env = "KARTLEGG_WORKER", default_value_t = true, action = clap::ArgAction::Set)]
    pub worker: bool,

    #[command(flatten)]
    pub retention: RetentionSettings,

    /// How often the server runs the retention rules, in hours (the first
    /// run a minute after start); 0 runs them only from `kartlegg retention
    /// run`.
    #[arg(long, env = "KARTLEGG_RETENTION_EVERY_HOURS", default_value_t = defaults::RETENTION_EVERY_HOURS)]
    pub retention_every_hours: u64,
}

/// How webhooks are delivered; shared by `serve` and `worker`.
#[derive(Debug, Clone, Args)]
pub struct WebhookSettings {
    /// Allow webhook receivers on loopback, private and link-local
    /// addresses, and plain http:// (tests and closed networks only; off,
    /// only https:// to public addresses is allowed).
    #[arg(long, env = "KARTLEGG_WEBHOOKS_ALLOW_PRIVATE", default_value_t = false, action = clap::ArgAction::Set)]
    pub webhooks_allow_private: bool,

    /// The longest one webhook attempt may take, in seconds.
    #[arg(long, env = "KARTLEGG_WEBHOOK_TIMEOUT_SECS", default_value_t = defaults::WEBHOOK_TIMEOUT_SECS)]
    pub webhook_timeout_secs: u64,

    /// How long an instance holds the deliveries it took, in seconds; after
    /// that another instance may send them (this one was killed).
    #[arg(long, env = "KARTLEGG_WEBHOOK_LEASE_SECS", default_value_t = defaults::WEBHOOK_LEASE_SECS)]
    pub webhook_lease_secs: u64,
}

impl WebhookSettings {
    /// The worker's settings.
    pub fn worker(&self) -> crate::webhooks::WorkerSettings {
        crate::webhooks::WorkerSettings {
            allow_private: self.webhooks_allow_private,
            timeout: Duration::from_secs(self.webhook_timeout_secs.max(1)),
            lease: Duration::from_secs(self.webhook_lease_secs.max(1)),
            ..crate::webhooks::WorkerSettings::default()
        }
    }
}

/// How long personal data is kept; shared by `serve` (its daily run) and
/// `kartlegg retention run`, which must agree on it.
#[derive(Debug, Clone, Args)]
pub struct RetentionSettings {
    /// Erase a person with no activity (registration saved, code issued,
    /// session used, consent, remark, identity change) for this many years.
    #[arg(long, env = "KARTLEGG_RETAIN_PERSON_YEARS", default_value_t = defaults::RETAIN_PERSON_YEARS, value_parser = clap::value_parser!(u32).range(1..))]
    pub retain_person_years: u32,

    /// Erase a registration last changed this many years ago.
    #[arg(long, env = "KARTLEGG_RETAIN_REGISTRATION_YEARS", default_value_t = defaults::RETAIN_REGISTRATION_YEARS, value_parser = clap::value_parser!(u32).range(1..))]
    pub retain_registration_years: u32,

    /// Delete the `person.erased` change event (which names the
    /// DUF-number) this many days after the erasure.
    #[arg(long, env = "KARTLEGG_RETAIN_ERASURE_NOTICE_DAYS", default_value_t = defaults::RETAIN_ERASURE_NOTICE_DAYS)]
    pub retain_erasure_notice_days: u32,
}

impl RetentionSettings {
    /// The policy these settings give.
    pub fn policy(&self) -> crate::services::erasure::RetentionPolicy {
        crate::services::erasure::RetentionPolicy {
            person_years: self.retain_person_years,
            registration_years: self.retain_registration_years,
            erasure_notice_days: self.retain_erasure_notice_days,
        }
    }
}

/// Where the audit chain's signed checkpoints go; shared by `serve` and
/// `audit verify`, which must agree on it.
#[derive(Debug, Clone, Args)]
pub struct AuditSettings {
    /// The append-only file of signed audit chain checkpoints. Default:
    /// beside a SQLite database (`<file>.audit-checkpoints`), else
    /// `./data/audit-checkpoints.log`. Keep it (or the log lines that repeat
    /// it) where someone who can write the database cannot.
    #[arg(long, env = "KARTLEGG_AUDIT_CHECKPOINT_FILE")]
    pub audit_checkpoint_file: Option<PathBuf>,

    /// At most this many audit events between two checkpoints (each
    /// verification also writes one).
    #[arg(long, env = "KARTLEGG_AUDIT_CHECKPOINT_EVERY", default_value_t = crate::audit::DEFAULT_CHECKPOINT_EVERY)]
    pub audit_checkpoint_every: u64,
}

impl AuditSettings {
    /// The checkpoint file for this database.
    pub fn checkpoint_file(&self, database_url: &str) -> PathBuf {
        if let Some(path) = &self.audit_checkpoint_file {
            return path.clone();
        }
        sqlite_file(database_url).map_or_else(
            || PathBuf::from(defaults::AUDIT_CHECKPOINT_FILE),
            |db| {
                let mut name = db.into_os_string();
                name.push(".audit-checkpoints");
                PathBuf::from(name)
            },
        )
    }
}

/// The file of a `sqlite:` URL, if it names one (not `:memory:`).
fn sqlite_file(database_url: &str) -> Option<PathBuf> {
    let rest = database_url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| PathBuf::from(path))
}

/// Login codes and applicant sessions; shared by `serve` and the operator
/// commands that issue codes.
#[derive(Debug, Clone, Args)]
pub struct AuthSettings {
    /// How many days a login code stays valid.
    #[arg(long, env = "KARTLEGG_CODE_TTL_DAYS", default_value_t = defaults::CODE_TTL_DAYS)]
    pub code_ttl_days: u32,

    /// Minutes without activity after which a session ends.
    #[arg(long, env = "KARTLEGG_SESSION_IDLE_MINUTES", default_value_t = defaults::SESSION_IDLE_MINUTES)]
    pub session_idle_minutes: u32,

    /// Hours after login at which a session ends whatever the activity.
    #[arg(long, env = "KARTLEGG_SESSION_MAX_HOURS", default_value_t = defaults::SESSION_MAX_HOURS)]
    pub session_max_hours: u32,

    /// Whether the session cookie is marked `Secure`: `auto` leaves it off
    /// only for requests to localhost, where there is no TLS.
    #[arg(long, env = "KARTLEGG_COOKIE_SECURE", value_enum, default_value_t = CookieSecure::Auto)]
    pub cookie_secure: CookieSecure,

    /// Login attempts a client address may make in a burst (0: no limit,
    /// for when a proxy in front limits them).
    #[arg(long, env = "KARTLEGG_LOGIN_BURST", default_value_t = defaults::LOGIN_BURST)]
    pub login_burst: u32,

    /// Seconds after which a client address gets one more login attempt.
    #[arg(long, env = "KARTLEGG_LOGIN_REPLENISH_SECS", default_value_t = defaults::LOGIN_REPLENISH_SECS)]
    pub login_replenish_secs: u64,

    /// Whether caseworker accounts with the administrator role must log in
    /// with a second factor (TOTP). Such an account without one cannot log in.
    #[arg(long, env = "KARTLEGG_REQUIRE_ADMIN_TOTP", default_value_t = false)]
    pub require_admin_totp: bool,
}

/// When the session cookie gets the `Secure` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CookieSecure {
    /// Always, except for requests whose Host is localhost or 127.0.0.1.
    Auto,
    Always,
    Never,
}

/// The per-client-address limit on login attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginRateLimit {
    /// Attempts allowed at once.
    pub burst: u32,
    /// Time after which one more attempt is allowed.
    pub replenish: Duration,
}

impl AuthSettings {
    /// How long a login code is valid.
    pub fn code_ttl(&self) -> chrono::Duration {
        chrono::Duration::days(i64::from(self.code_ttl_days))
    }

    /// The per-address login limit, if any.
    pub fn login_rate_limit(&self) -> Option<LoginRateLimit> {
        (self.login_burst > 0).then(|| LoginRateLimit {
            burst: self.login_burst,
            replenish: Duration::from_secs(self.login_replenish_secs.max(1)),
        })
    }
}

/// Which database to use; shared by every subcommand that touches data.
#[derive(Debug, Clone, Args)]
pub struct DatabaseSettings {
    /// `sqlite://path/to/file.db` (the default, created when missing) or
    /// `postgres://user@host/db`.
    #[arg(
        long = "database-url",
        env = "DATABASE_URL",
        default_value = "sqlite://./data/kartlegg.db"
    )]
    pub url: String,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

impl Settings {
    /// The request timeout as a duration.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }
}

/// The key that signs session tokens. Its bytes never print.
pub type SigningKey = SecretBox<Vec<u8>>;

/// Reads the signing key, creating the file with 32 random bytes (hex) and
/// owner-only permissions when it does not exist yet. Only `serve` may call
/// this: a key made anywhere else signs nothing the server would accept.
pub fn load_or_create_signing_key(path: &Path) -> anyhow::Result<SigningKey> {
    if !path.exists() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).context("the operating system gave no random bytes")?;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        write_private(path, hex.as_bytes())?;
        tracing::info!(path = %path.display(), "created a new signing key file");
    }
    read_signing_key(path)
}

/// Reads the server's existing signing key, for operator commands (such as
/// `code issue`) whose output only works when keyed like the server's. A
/// missing file is refused rather than created: a fresh key would yield codes
/// that can never log in.
pub fn load_signing_key(path: &Path) -> anyhow::Result<SigningKey> {
    if !path.exists() {
        anyhow::bail!(
            "no signing key file at {}: start the server (`kartlegg serve`) once so that it \
             creates one, or set KARTLEGG_SIGNING_KEY_FILE (or --signing-key-file) to the \
             server's key file",
            path.display()
        );
    }
    read_signing_key(path)
}

fn read_signing_key(path: &Path) -> anyhow::Result<SigningKey> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the signing key file {}", path.display()))?;
    let key = text.trim().as_bytes().to_vec();
    anyhow::ensure!(
        key.len() >= 32,
        "the signing key in {} is shorter than 32 characters",
        path.display()
    );
    Ok(SecretBox::new(Box::new(key)))
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(bytes)?;
    Ok(())
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("creating {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn signing_key_is_created_once_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/signing.key");
        let first = load_or_create_signing_key(&path).unwrap();
        let second = load_or_create_signing_key(&path).unwrap();
        assert_eq!(first.expose_secret(), second.expose_secret());
        assert_eq!(first.expose_secret().len(), 64);
    }

    #[test]
    fn signing_key_never_prints() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signing.key");
        let key = load_or_create_signing_key(&path).unwrap();
        let secret = String::from_utf8(key.expose_secret().clone()).unwrap();
        assert!(!format!("{key:?}").contains(&secret));
    }

    #[test]
    fn short_signing_key_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signing.key");
        std::fs::write(&path, "short").unwrap();
        assert!(load_or_create_signing_key(&path).is_err());
    }

    #[test]
    fn the_checkpoint_file_defaults_to_beside_a_sqlite_database() {
        let settings = AuditSettings {
            audit_checkpoint_file: None,
            audit_checkpoint_every: 100,
        };
        assert_eq!(
            settings.checkpoint_file("sqlite://./data/kartlegg.db?mode=rwc"),
            PathBuf::from("./data/kartlegg.db.audit-checkpoints")
        );
        assert_eq!(
            settings.checkpoint_file("postgres://db/kartlegg"),
            PathBuf::from("./data/audit-checkpoints.log")
        );
        assert_eq!(
            settings.checkpoint_file("sqlite::memory:"),
            PathBuf::from("./data/audit-checkpoints.log")
        );
    }

    #[test]
    fn loading_a_missing_signing_key_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/signing.key");
        let err = load_signing_key(&path).unwrap_err().to_string();
        assert!(err.contains("KARTLEGG_SIGNING_KEY_FILE"), "{err}");
        assert!(!path.exists() && !path.parent().unwrap().exists());
    }

    #[test]
    fn loading_reads_the_key_serve_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signing.key");
        let created = load_or_create_signing_key(&path).unwrap();
        let loaded = load_signing_key(&path).unwrap();
        assert_eq!(created.expose_secret(), loaded.expose_secret());
    }
}
