//! The PostgreSQL engine, for production and scale.

use std::time::Duration;

use anyhow::Context;
use sqlx::postgres::{PgPool, PgPoolOptions};

/// Committers of draft saves, each with a connection of its own while it
/// writes.
const SAVE_LANES: usize = 2;

/// The PostgreSQL store.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    saves: super::SaveQueue,
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
        // Draft saves share commits (see `group_commit`); two lanes keep
        // one batch's round trips from holding up the next.
        let saves = super::SaveQueue::start(SAVE_LANES, {
            let pool = pool.clone();
            move |batch| applicant_store::save_drafts(pool.clone(), batch)
        });
        Ok(Self { pool, saves })
    }
}

super::store_impl!(
    PgStore,
    sqlx::Postgres,
    pool,
    pool,
    crate::db::dialect::POSTGRES
);
