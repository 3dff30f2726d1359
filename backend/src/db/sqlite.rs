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

    /// Another process on the same file (the operator's `kartlegg code
    /// issue` beside the server): a transaction that reads and then writes
    /// must wait for the other's commit, not fail with "database is locked"
    /// because its snapshot went stale (writes begin IMMEDIATE).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn two_processes_writing_one_file_wait_for_each_other() {
        use crate::db::{NewLoginCode, NewOrganisation, NewPerson, OrganisationKind, Store};
        use kartlegg_shared::domain::DufNumber;
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite://{}", dir.path().join("two.db").display());
        let server = SqliteStore::connect(&url).await.expect("opens");
        let operator = SqliteStore::connect(&url).await.expect("opens again");
        let org = server
            .create_organisation(&NewOrganisation {
                number: "0301".into(),
                name: "Oslo".into(),
                kind: OrganisationKind::Municipality,
            })
            .await
            .expect("organisation");
        let person = server
            .create_person(&NewPerson {
                duf_number: DufNumber::parse("202400000001").expect("duf"),
                organisation_id: org.id,
                first_name: "A".into(),
                last_name: "B".into(),
            })
            .await
            .expect("person");
        let now = chrono::Utc::now();
        let issues = (0..200u8).map(|n| {
            let store = if n % 2 == 0 { &server } else { &operator };
            let new = NewLoginCode {
                person_id: person.id,
                code_hash: vec![n; 32],
                created_at: now,
                expires_at: now + chrono::Duration::hours(1),
            };
            async move {
                store
                    .issue_login_code(&new, 1_000, now - chrono::Duration::hours(1))
                    .await
            }
        });
        for result in futures_util::future::join_all(issues).await {
            assert!(result.is_ok(), "{result:?}");
        }
    }
}
