//! The SQLite engine: one file, no set-up. Reads go through a small pool;
//! every write goes through a single connection, so writers queue in the
//! application instead of failing with "database is locked".
//!
//! Durability: `synchronous=FULL` syncs the write-ahead log on every
//! commit, so an acknowledged save survives a power cut (`NORMAL` may lose
//! the last commits, although never corrupts the file). Draft saves share
//! commits through [`super::group_commit`], which keeps that affordable.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

/// The SQLite store.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    read: SqlitePool,
    write: SqlitePool,
    saves: super::SaveQueue,
}

impl SqliteStore {
    /// Opens (creating when missing) the database file and migrates it.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .context("DATABASE_URL is not a valid sqlite: URL")?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        if let Some(dir) = options.get_filename().parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating the database folder {}", dir.display()))?;
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
        // One lane: SQLite has one writer anyway.
        let saves = super::SaveQueue::start(1, {
            let write = write.clone();
            move |batch| applicant_store::save_drafts(write.clone(), batch)
        });
        Ok(Self { read, write, saves })
    }
}

super::store_impl!(
    SqliteStore,
    sqlx::Sqlite,
    read,
    write,
    crate::db::dialect::SQLITE
);

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_commit_is_synced_to_disk() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite://{}", dir.path().join("durable.db").display());
        let store = SqliteStore::connect(&url).await.expect("opens");
        // 2 is FULL: the log is synced on every commit, so an acknowledged
        // save outlives a power cut (NORMAL, 1, syncs only at checkpoints).
        for pool in [&store.write, &store.read] {
            let (level,): (i64,) = sqlx::query_as("PRAGMA synchronous")
                .fetch_one(pool)
                .await
                .expect("pragma");
            assert_eq!(level, 2);
        }
    }
}
