//! Storage behind one trait with two engines: SQLite (the embedded default)
//! and PostgreSQL (production), chosen by the scheme of `DATABASE_URL`. Both
//! run the same contract tests (`tests/api/store_contract.rs`).
//!
//! # One storage strategy
//!
//! Every query is written once. Each part of the store, the applicant's
//! ([`Store`], in `applicant.rs`), the back office's ([`BackOfficeStore`],
//! in `back_office.rs`) and the integration API's ([`IntegrationStore`], in
//! `integration.rs`), with statistics (`statistics.rs`), erasure
//! (`erasure.rs`) and the research extract (`research.rs`), is one body, a `macro_rules!` that `sqlite.rs` and
//! `postgres.rs` expand over their own store and pools (`store_impl!`,
//! which expands them all).
//! The SQL in it uses `?` placeholders, which [`dialect::Dialect::sql`]
//! numbers for PostgreSQL; where the dialects really differ (the row lock
//! that serialises code issues, the audit lock, JSONB casts) the body
//! asks the engine's `Dialect` constant, so a difference is one named
//! field, not a second copy of a method.
//!
//! Why not a generic `impl<DB: sqlx::Database>`: sqlx needs an
//! `Encode + Decode + Type` bound for each value type and a higher-ranked
//! `Executor` bound for each pool and transaction, repeated at every
//! function; and the engines differ in more than the database type (SQLite
//! reads and writes through separate pools, one write connection that
//! serialises every write; PostgreSQL locks rows). `sqlx::Any` has no
//! timestamps or UUIDs. The macro keeps the code plain sqlx, type-checked
//! once per engine, with nothing to keep in step by hand. Row types and
//! their conversions live outside it, in `rows.rs`.

mod applicant;
mod back_office;
mod dialect;
mod erasure;
pub(crate) mod events;
mod facts;
pub mod group_commit;
pub mod history;
mod integration;
mod postgres;
mod research;
mod rows;
mod sqlite;
mod statistics;
mod webhooks;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kartlegg_shared::api::{ConsentDecision, RegistrationStatus};
use kartlegg_shared::caseworker::Gender;
use kartlegg_shared::domain::{Date, DufNumber, NationalId, RegistrationNumber};
use kartlegg_shared::questionnaire::Answers;
use kartlegg_shared::together::Provenance;
use uuid::Uuid;

pub use back_office::*;
pub use dialect::EVENTS_LOCK;
pub use erasure::{DuePerson, DueRegistration, Erased, ErasureStore, KeptAnswer};
pub use events::StoredEvent;
pub use integration::*;
pub use postgres::PgStore;
pub use research::{ResearchSource, ResearchStore};
pub use sqlite::SqliteStore;
pub use statistics::{FactFilter, Period, StatisticsStore};
pub use webhooks::{
    AttemptOutcome, LeasedDelivery, NewWebhookEndpoint, NextStep, WebhookAttempt, WebhookDelivery,
    WebhookEndpoint, WebhookStore,
};

/// The database engine behind a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// The engine's name as the health endpoint reports it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// What can go wrong in a store, in terms the API can answer with.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken (for example a second person with the
    /// same DUF-number). The string names the rule.
    #[error("conflict: {0}")]
    Conflict(String),
    /// A referenced row (for example the organisation) does not exist.
    #[error("a referenced row does not exist")]
    MissingReference,
    /// A conditional write found the row changed since the caller read it
    /// (another save came first, or the registration was completed).
    #[error("the row changed since it was read")]
    Stale,
    /// A stored value no longer parses; a bug or a hand-edited database.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// Anything else from the database driver.
    #[error(transparent)]
    Database(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &error {
            if db.is_unique_violation() {
                return Self::Conflict(db.constraint().unwrap_or("unique").to_owned());
            }
            if db.is_foreign_key_violation() {
                return Self::MissingReference;
            }
        }
        Self::Database(error)
    }
}

/// A connection pool's use: its name (`write`, `read` or `pool`), open
/// connections and idle ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolUse {
    pub name: &'static str,
    pub size: u32,
    pub idle: usize,
}

/// What kind of organisation follows people up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationKind {
    ReceptionCentre,
    Municipality,
    Directorate,
}

impl OrganisationKind {
    /// The stored (and API) name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ReceptionCentre => "reception_centre",
            Self::Municipality => "municipality",
            Self::Directorate => "directorate",
        }
    }
}

impl std::str::FromStr for OrganisationKind {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "reception_centre" => Ok(Self::ReceptionCentre),
            "municipality" => Ok(Self::Municipality),
            "directorate" => Ok(Self::Directorate),
            other => Err(StoreError::Corrupt(format!("organisation kind {other:?}"))),
        }
    }
}

/// A reception centre, municipality or the directorate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: Uuid,
    /// The organisation's own number (for a municipality its municipality number).
    pub number: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub created_at: DateTime<Utc>,
}

/// A new organisation.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    pub number: String,
    pub name: String,
    pub kind: OrganisationKind,
}

/// A person who may register, followed up by one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: Uuid,
    pub duf_number: DufNumber,
    pub organisation_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub created_at: DateTime<Utc>,
    pub date_of_birth: Option<Date>,
    pub gender: Option<Gender>,
    /// ISO 3166 alpha-3 codes.
    pub citizenships: Vec<String>,
    /// The reception centre's registration number.
    pub registration_number: Option<RegistrationNumber>,
    pub national_id: Option<NationalId>,
}

/// A new person.
#[derive(Debug, Clone)]
pub struct NewPerson {
    pub duf_number: DufNumber,
    pub organisation_id: Uuid,
    pub first_name: String,
    pub last_name: String,
}

/// A login code as stored: its keyed hash, never the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginCodeRecord {
    pub id: Uuid,
    pub person_id: Uuid,
    /// HMAC-SHA256 of the DUF-number and the code.
    pub code_hash: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// When it was ended early (logout, a newer code, too many wrong tries).
    pub ended_at: Option<DateTime<Utc>>,
    /// Tries counted against this code: wrong ones, and any being checked.
    pub wrong_tries: i64,
}

impl LoginCodeRecord {
    /// Whether the code may still be used to log in at `now`.
    pub fn is_usable(&self, now: DateTime<Utc>) -> bool {
        self.ended_at.is_none() && now < self.expires_at
    }
}

/// A new login code.
#[derive(Debug, Clone)]
pub struct NewLoginCode {
    pub person_id: Uuid,
    pub code_hash: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// The login throttle of one key: consecutive failures and when the next
/// try is allowed (Unix seconds). See `auth::backoff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginThrottle {
    pub failures: i64,
    pub last_failure_at: i64,
    pub next_try_at: i64,
}

/// An applicant's server-side session; the token only names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicantSessionRecord {
    pub id: Uuid,
    pub person_id: Uuid,
    /// The code that opened the session; logout ends both.
    pub code_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The absolute end, whatever the activity.
    pub expires_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl ApplicantSessionRecord {
    /// Whether the session is live at `now` with this idle timeout.
    pub fn is_live(&self, now: DateTime<Utc>, idle: chrono::Duration) -> bool {
        self.ended_at.is_none() && now < self.expires_at && now < self.last_seen_at + idle
    }
}

/// A session as a request reads it: the record, and whether its person's
/// newest answer to the current declaration is "accept". Read together
/// because every applicant request past consent needs both, and one query
/// costs half of two (on SQLite each is a round trip to a worker thread).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicantSessionRead {
    pub session: ApplicantSessionRecord,
    pub consented: bool,
}

/// A new session.
#[derive(Debug, Clone)]
pub struct NewApplicantSession {
    pub person_id: Uuid,
    pub code_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A recorded answer to the consent declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub person_id: Uuid,
    pub version: String,
    pub decision: ConsentDecision,
    pub decided_at: DateTime<Utc>,
}

/// A registration as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRegistration {
    pub id: Uuid,
    pub person_id: Uuid,
    /// The person's first, second, … registration.
    pub number: i64,
    pub status: RegistrationStatus,
    pub questionnaire_version: u32,
    pub revision: i64,
    pub answers: Answers,
    pub saved_sections: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    /// The language the applicant last saved in (a code of the 14).
    pub language: Option<String>,
    /// Who gave each answer (migration 0017).
    pub provenance: Provenance,
}

/// A save of a draft, accepted only if the draft is still at
/// `expected_revision`.
#[derive(Debug, Clone)]
pub struct DraftUpdate {
    pub id: Uuid,
    pub person_id: Uuid,
    pub expected_revision: i64,
    pub answers: Answers,
    pub saved_sections: Vec<String>,
    /// Set to complete the registration with these answers.
    pub complete: bool,
    /// The language the applicant answers in; `None` keeps the one stored.
    pub language: Option<String>,
    /// Who gave each of `answers` (see `shared::together::provenance_after`).
    pub provenance: Provenance,
    pub now: DateTime<Utc>,
    /// With `complete`: the coded facts for statistics, written in the
    /// same transaction.
    pub facts: Option<CompletionFacts>,
}

/// The group commit of draft saves, as each store holds it.
type SaveQueue = group_commit::GroupCommit<PreparedSave, Result<rows::RegistrationRow, StoreError>>;

/// A draft save on its way to the group commit: the [`DraftUpdate`] of a
/// save that does not complete, its JSON already made.
#[derive(Debug)]
pub(crate) struct PreparedSave {
    pub id: Uuid,
    pub person_id: Uuid,
    pub expected_revision: i64,
    pub answers: String,
    pub saved_sections: String,
    pub language: Option<String>,
    pub provenance: String,
    pub now: DateTime<Utc>,
}

/// What a completion adds to the statistics' fact table: who (only as an
/// organisation, an age band and a gender) and when, and the coded answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionFacts {
    pub organisation_id: Uuid,
    /// `YYYY-MM`.
    pub month: String,
    /// ISO `YYYY-Www`.
    pub week: String,
    pub age_band: kartlegg_shared::statistics::AgeBand,
    pub gender: Option<Gender>,
    /// (question, code) pairs; see `shared::statistics::counted_codes`.
    pub codes: Vec<(String, String)>,
}

/// Every storage operation the application uses. Each engine implements all
/// of it; the contract tests hold both to the same behaviour.
#[async_trait]
pub trait Store:
    BackOfficeStore
    + IntegrationStore
    + StatisticsStore
    + ErasureStore
    + WebhookStore
    + ResearchStore
    + Send
    + Sync
    + 'static
{
    /// Which engine this is.
    fn engine(&self) -> Engine;

    /// The connection pools and how many connections each holds, for the
    /// metrics.
    fn pool_use(&self) -> Vec<PoolUse>;

    /// Batch sizes and commit times of the draft saves' group commit.
    fn save_commits(&self) -> group_commit::CommitStats;

    /// Answers when the database answers; `/readyz` calls it.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Creates an organisation; `Conflict` when the number is taken.
    async fn create_organisation(&self, new: &NewOrganisation) -> Result<Organisation, StoreError>;

    /// The organisation with this number, if any.
    async fn organisation_by_number(
        &self,
        number: &str,
    ) -> Result<Option<Organisation>, StoreError>;

    /// All organisations, by number.
    async fn list_organisations(&self) -> Result<Vec<Organisation>, StoreError>;

    /// Creates a person; `Conflict` when the DUF-number is taken,
    /// `MissingReference` when the organisation does not exist.
    async fn create_person(&self, new: &NewPerson) -> Result<Person, StoreError>;

    /// The person with this DUF-number, if any.
    async fn person_by_duf(&self, duf: &DufNumber) -> Result<Option<Person>, StoreError>;

    /// The person with this id, if any.
    async fn person_by_id(&self, id: Uuid) -> Result<Option<Person>, StoreError>;

    /// The organisation with this id, if any.
    async fn organisation_by_id(&self, id: Uuid) -> Result<Option<Organisation>, StoreError>;

    /// Stores a new login code and, in the same transaction, ends every
    /// earlier code of the person (`Replaced`) and every live session of
    /// the person: one code at a time, and whoever held the old one is out.
    /// `None`, changing nothing, when the person already has `max_recent`
    /// codes created at or after `recent_since`. Concurrent issues for one
    /// person are serialised, so the cap holds under concurrency.
    async fn issue_login_code(
        &self,
        new: &NewLoginCode,
        max_recent: i64,
        recent_since: DateTime<Utc>,
    ) -> Result<Option<LoginCodeRecord>, StoreError>;

    /// The person's code that has not been ended (it may have expired).
    async fn current_login_code(
        &self,
        person_id: Uuid,
    ) -> Result<Option<LoginCodeRecord>, StoreError>;

    /// Reserves one try of a code before it is checked: counts it and
    /// returns the new count, or `None` (counting nothing) when the code
    /// has ended or already has `max_tries`. One statement, so that
    /// simultaneous tries can never check more than `max_tries` guesses.
    async fn reserve_code_try(
        &self,
        code_id: Uuid,
        max_tries: i64,
    ) -> Result<Option<i64>, StoreError>;

    /// Gives back the try of a login that was right: only wrong guesses
    /// use up a code.
    async fn refund_code_try(&self, code_id: Uuid) -> Result<(), StoreError>;

    /// Ends the code (`TooManyTries`) if its tries are used up.
    async fn end_exhausted_code(
        &self,
        code_id: Uuid,
        max_tries: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// The login throttle under `key` (a keyed hash), if any.
    async fn login_throttle(&self, key: &[u8]) -> Result<Option<LoginThrottle>, StoreError>;

    /// Compare-and-swap: replaces the throttle under `key` with `new` only
    /// if it still is `expected` (`None`: there is no row). Returns whether
    /// it did; a caller that lost the race reads again. Inserting also
    /// forgets throttles quiet since `forget_before` (Unix seconds).
    async fn swap_login_throttle(
        &self,
        key: &[u8],
        expected: Option<&LoginThrottle>,
        new: &LoginThrottle,
        forget_before: i64,
    ) -> Result<bool, StoreError>;

    /// Removes the throttle under `key` (a success, or an administrator).
    async fn clear_login_throttle(&self, key: &[u8]) -> Result<(), StoreError>;

    /// Opens a session.
    async fn create_applicant_session(
        &self,
        new: &NewApplicantSession,
    ) -> Result<ApplicantSessionRecord, StoreError>;

    /// The session with this id, live or not, and whether its person has
    /// consented to the current declaration.
    async fn applicant_session(&self, id: Uuid)
    -> Result<Option<ApplicantSessionRead>, StoreError>;

    /// Notes activity on a session (for the idle timeout).
    async fn touch_applicant_session(&self, id: Uuid, now: DateTime<Utc>)
    -> Result<(), StoreError>;

    /// Logout: ends every session opened with `code_id` and the code itself
    /// (`LoggedOut`), in one transaction.
    async fn end_applicant_sessions(
        &self,
        code_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Ends every live session of the person (a counsellor's "end
    /// sessions"); returns how many were live. The code stays valid.
    async fn end_person_sessions(
        &self,
        person_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError>;

    /// Records a consent or decline.
    async fn record_consent(&self, consent: &Consent) -> Result<(), StoreError>;

    /// The person's consent records, newest first.
    async fn consents(&self, person_id: Uuid) -> Result<Vec<Consent>, StoreError>;

    /// Starts an empty draft registration; `Conflict` when the person
    /// already has a draft.
    async fn create_registration(
        &self,
        person_id: Uuid,
        questionnaire_version: u32,
        now: DateTime<Utc>,
    ) -> Result<StoredRegistration, StoreError>;

    /// The person's newest registration.
    async fn latest_registration(
        &self,
        person_id: Uuid,
    ) -> Result<Option<StoredRegistration>, StoreError>;

    /// All the person's registrations, newest first.
    async fn registrations(&self, person_id: Uuid) -> Result<Vec<StoredRegistration>, StoreError>;

    /// Saves (and optionally completes) a draft with revision + 1, in one
    /// conditional statement: `Stale` when it is no longer a draft of this
    /// person at `expected_revision`, so two concurrent saves cannot both win.
    async fn update_draft(&self, update: &DraftUpdate) -> Result<StoredRegistration, StoreError>;
}

/// A name as search compares it: decomposed, without combining marks
/// (accents), in lower case, so that "Müller", "MULLER" and "muller" match.
/// Letters that are not decomposable (ø, æ, ß) stay as they are.
pub fn fold_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    name.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// Implements [`Store`] and [`BackOfficeStore`] for an engine's store:
/// `$db` is its sqlx database, `$read` and `$write` its pools for reads and
/// writes (the same pool where the engine needs no single writer), `$d`
/// its [`dialect::Dialect`].
macro_rules! store_impl {
    ($store:ident, $db:ty, $read:ident, $write:ident, $d:path) => {
        super::applicant::applicant_impl!($store, $db, $read, $write, $d);
        super::back_office::back_office_impl!($store, $db, $read, $write, $d);
        super::integration::integration_impl!($store, $read, $write, $d);
        super::statistics::statistics_impl!($store, $read, $d);
        super::webhooks::webhooks_impl!($store, $read, $write, $d);
        super::erasure::erasure_impl!($store, $read, $write, $d);
        super::research::research_impl!($store, $read, $d);
    };
}

use store_impl;

/// Opens the database named by `url`, creating a SQLite file when needed,
/// and applies the migrations of its engine.
pub async fn connect(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(PgStore::connect(url).await?))
    } else if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(url).await?))
    } else {
        anyhow::bail!("DATABASE_URL must start with sqlite: or postgres://")
    }
}
