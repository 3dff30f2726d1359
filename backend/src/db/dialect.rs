//! What differs between the engines' SQL, and nothing else. Every query is
//! written once, with `?` placeholders, in the one body each engine expands
//! (`store_impl!`); the few places where the dialects really part are
//! named here, one constant per engine.

use std::borrow::Cow;

use super::Engine;

/// The SQL of one engine where it differs from the other.
#[derive(Debug)]
pub(super) struct Dialect {
    /// The engine this is the dialect of.
    pub engine: Engine,
    /// PostgreSQL numbers its placeholders (`$1`, `$2`, …); SQLite takes `?`.
    numbered_placeholders: bool,
    /// Within a transaction, serialises code issues for the person bound
    /// to its one placeholder, so that the count of recent codes and the
    /// insert see the same rows. `None` where every write already queues on
    /// one connection (SQLite, which has no `FOR UPDATE`).
    pub lock_person: Option<&'static str>,
    /// How a write transaction begins. SQLite: IMMEDIATE, taking the write
    /// lock at once (waiting for it up to the busy timeout), because a
    /// deferred transaction that reads first and then writes fails with
    /// "database is locked" when another process (an operator's command
    /// beside the server) committed in between, without waiting.
    pub begin_write: &'static str,
    /// Within a transaction, serialises audit appends, so that two writers
    /// cannot both take the same `seq` and predecessor. `None` as above.
    pub lock_audit: Option<&'static str>,
    /// Within a transaction, just before its change event is inserted:
    /// serialises event writers until commit, so that feed positions are
    /// handed out in commit order (see `events.rs`). `None` as above.
    pub lock_events: Option<&'static str>,
    /// Ends a `SELECT … FOR UPDATE` that leases queue rows, so that
    /// concurrent workers take different rows instead of waiting: empty
    /// where one connection writes anyway.
    pub skip_locked: &'static str,
    /// Appended to a `?` or literal written to a JSON column: SQLite stores
    /// the text, PostgreSQL casts it to JSONB.
    pub json_cast: &'static str,
    /// The columns of a registration, with the JSON ones as text (what
    /// `RegistrationRow` reads on both engines).
    pub registration_columns: &'static str,
}

/// The advisory lock that orders change event writers on PostgreSQL; a
/// second server instance takes the same one.
pub const EVENTS_LOCK: &str = "SELECT pg_advisory_xact_lock(7245002)";

/// SQLite: one file, one write connection.
pub(super) const SQLITE: Dialect = Dialect {
    engine: Engine::Sqlite,
    numbered_placeholders: false,
    lock_person: None,
    begin_write: "BEGIN IMMEDIATE",
    lock_audit: None,
    lock_events: None,
    skip_locked: "",
    json_cast: "",
    registration_columns: "id, person_id, number, status, questionnaire_version, revision, \
         answers, saved_sections, created_at, updated_at, completed_at, language, provenance",
};

/// PostgreSQL: a pool of connections, so concurrent writers lock rows.
pub(super) const POSTGRES: Dialect = Dialect {
    engine: Engine::Postgres,
    numbered_placeholders: true,
    lock_person: Some("SELECT id FROM people WHERE id = ? FOR UPDATE"),
    begin_write: "BEGIN",
    lock_audit: Some("SELECT pg_advisory_xact_lock(7245001)"),
    lock_events: Some(EVENTS_LOCK),
    skip_locked: " FOR UPDATE SKIP LOCKED",
    json_cast: "::jsonb",
    registration_columns: "id, person_id, number, status, questionnaire_version, revision, \
         answers::text AS answers, saved_sections::text AS saved_sections, created_at, \
         updated_at, completed_at, language, provenance::text AS provenance",
};

impl Dialect {
    /// `sql` with its `?` placeholders as this engine takes them. The
    /// store's SQL has no `?` inside string literals.
    pub fn sql<'a>(&self, sql: &'a str) -> Cow<'a, str> {
        if !self.numbered_placeholders {
            return Cow::Borrowed(sql);
        }
        let mut out = String::with_capacity(sql.len() + 16);
        let mut n = 0;
        for c in sql.chars() {
            if c == '?' {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::{POSTGRES, SQLITE};

    #[test]
    fn postgres_placeholders_are_numbered_in_order() {
        let sql = "UPDATE t SET a = ?, b = ?::jsonb WHERE id = ?";
        assert_eq!(
            POSTGRES.sql(sql),
            "UPDATE t SET a = $1, b = $2::jsonb WHERE id = $3"
        );
        assert_eq!(SQLITE.sql(sql), sql);
    }
}
