//! Storage behind one trait with two engines: SQLite (the embedded default)
//! and PostgreSQL (production), chosen by the scheme of `DATABASE_URL`. Both
//! run the same contract tests (`tests/api/store_contract.rs`).

mod postgres;
mod rows;
mod sqlite;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kartlegg_shared::domain::DufNumber;
use uuid::Uuid;

pub use postgres::PgStore;
pub use sqlite::SqliteStore;

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
}

/// A new person.
#[derive(Debug, Clone)]
pub struct NewPerson {
    pub duf_number: DufNumber,
    pub organisation_id: Uuid,
    pub first_name: String,
    pub last_name: String,
}

/// Every storage operation the application uses. Each engine implements all
/// of it; the contract tests hold both to the same behaviour.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Which engine this is.
    fn engine(&self) -> Engine;

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
}

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
