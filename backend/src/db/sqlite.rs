//! The SQLite engine: one file, no set-up. Reads go through a small pool;
//! every write goes through a single connection, so writers queue in the
//! application instead of failing with "database is locked".

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use async_trait::async_trait;
use chrono::Utc;
use kartlegg_shared::domain::DufNumber;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use uuid::Uuid;

use super::rows::{OrganisationRow, PersonRow, convert_all};
use super::{Engine, NewOrganisation, NewPerson, Organisation, Person, Store, StoreError};

/// The SQLite store.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    read: SqlitePool,
    write: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating when missing) the database file and migrates it.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .context("DATABASE_URL is not a valid sqlite: URL")?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        if let Some(dir) = options.get_filename().parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating the database folder {}", dir.display()))?;
            }
        }
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await
            .context("opening the SQLite database")?;
        sqlx::migrate!("../migrations/sqlite")
            .run(&write)
            .await
            .context("migrating the SQLite database")?;
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.read_only(true))
            .await
            .context("opening the SQLite database for reading")?;
        Ok(Self { read, write })
    }
}

#[async_trait]
impl Store for SqliteStore {
    fn engine(&self) -> Engine {
        Engine::Sqlite
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    async fn create_organisation(&self, new: &NewOrganisation) -> Result<Organisation, StoreError> {
        let row: OrganisationRow = sqlx::query_as(
            "INSERT INTO organisations (id, number, name, kind, created_at) VALUES (?, ?, ?, ?, ?) \
             RETURNING id, number, name, kind, created_at",
        )
        .bind(Uuid::new_v4())
        .bind(&new.number)
        .bind(&new.name)
        .bind(new.kind.as_str())
        .bind(Utc::now())
        .fetch_one(&self.write)
        .await?;
        row.try_into()
    }

    async fn organisation_by_number(
        &self,
        number: &str,
    ) -> Result<Option<Organisation>, StoreError> {
        let row: Option<OrganisationRow> = sqlx::query_as(
            "SELECT id, number, name, kind, created_at FROM organisations WHERE number = ?",
        )
        .bind(number)
        .fetch_optional(&self.read)
        .await?;
        row.map(TryInto::try_into).transpose()
    }

    async fn list_organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        let rows: Vec<OrganisationRow> = sqlx::query_as(
            "SELECT id, number, name, kind, created_at FROM organisations ORDER BY number",
        )
        .fetch_all(&self.read)
        .await?;
        convert_all(rows)
    }

    async fn create_person(&self, new: &NewPerson) -> Result<Person, StoreError> {
        let row: PersonRow = sqlx::query_as(
            "INSERT INTO people (id, duf_number, organisation_id, first_name, last_name, created_at) \
             VALUES (?, ?, ?, ?, ?, ?) \
             RETURNING id, duf_number, organisation_id, first_name, last_name, created_at",
        )
        .bind(Uuid::new_v4())
        .bind(new.duf_number.as_str())
        .bind(new.organisation_id)
        .bind(&new.first_name)
        .bind(&new.last_name)
        .bind(Utc::now())
        .fetch_one(&self.write)
        .await?;
        row.try_into()
    }

    async fn person_by_duf(&self, duf: &DufNumber) -> Result<Option<Person>, StoreError> {
        let row: Option<PersonRow> = sqlx::query_as(
            "SELECT id, duf_number, organisation_id, first_name, last_name, created_at \
             FROM people WHERE duf_number = ?",
        )
        .bind(duf.as_str())
        .fetch_optional(&self.read)
        .await?;
        row.map(TryInto::try_into).transpose()
    }
}
