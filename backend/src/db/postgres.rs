//! The PostgreSQL engine, for production and scale.

use std::time::Duration;

use anyhow::Context;
use async_trait::async_trait;
use chrono::Utc;
use kartlegg_shared::domain::DufNumber;
use sqlx::postgres::{PgPool, PgPoolOptions};
use uuid::Uuid;

use super::rows::{OrganisationRow, PersonRow, convert_all};
use super::{Engine, NewOrganisation, NewPerson, Organisation, Person, Store, StoreError};

/// The PostgreSQL store.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects and migrates.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .context("connecting to PostgreSQL")?;
        sqlx::migrate!("../migrations/postgres")
            .run(&pool)
            .await
            .context("migrating the PostgreSQL database")?;
        Ok(Self { pool })
    }
}

#[async_trait]
impl Store for PgStore {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn create_organisation(&self, new: &NewOrganisation) -> Result<Organisation, StoreError> {
        let row: OrganisationRow = sqlx::query_as(
            "INSERT INTO organisations (id, number, name, kind, created_at) VALUES ($1, $2, $3, $4, $5) \
             RETURNING id, number, name, kind, created_at",
        )
        .bind(Uuid::new_v4())
        .bind(&new.number)
        .bind(&new.name)
        .bind(new.kind.as_str())
        .bind(Utc::now())
        .fetch_one(&self.pool)
        .await?;
        row.try_into()
    }

    async fn organisation_by_number(
        &self,
        number: &str,
    ) -> Result<Option<Organisation>, StoreError> {
        let row: Option<OrganisationRow> = sqlx::query_as(
            "SELECT id, number, name, kind, created_at FROM organisations WHERE number = $1",
        )
        .bind(number)
        .fetch_optional(&self.pool)
        .await?;
        row.map(TryInto::try_into).transpose()
    }

    async fn list_organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        let rows: Vec<OrganisationRow> = sqlx::query_as(
            "SELECT id, number, name, kind, created_at FROM organisations ORDER BY number",
        )
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn create_person(&self, new: &NewPerson) -> Result<Person, StoreError> {
        let row: PersonRow = sqlx::query_as(
            "INSERT INTO people (id, duf_number, organisation_id, first_name, last_name, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             RETURNING id, duf_number, organisation_id, first_name, last_name, created_at",
        )
        .bind(Uuid::new_v4())
        .bind(new.duf_number.as_str())
        .bind(new.organisation_id)
        .bind(&new.first_name)
        .bind(&new.last_name)
        .bind(Utc::now())
        .fetch_one(&self.pool)
        .await?;
        row.try_into()
    }

    async fn person_by_duf(&self, duf: &DufNumber) -> Result<Option<Person>, StoreError> {
        let row: Option<PersonRow> = sqlx::query_as(
            "SELECT id, duf_number, organisation_id, first_name, last_name, created_at \
             FROM people WHERE duf_number = $1",
        )
        .bind(duf.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(TryInto::try_into).transpose()
    }
}
