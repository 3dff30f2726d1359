-- The change feed's outbox (issue #14): one row per change a system may
-- need to learn of, written in the same transaction as the change, so that
-- a change is never without its event nor an event without its change.
-- Drafts write nothing. A row names the person by DUF-number and
-- organisation, never with other personal data.
--
-- Positions are the feed's order. On PostgreSQL a position is taken from
-- the identity sequence at insert, not at commit, so a reader could see 11
-- before 10 commits: every writer therefore takes one advisory lock
-- (pg_advisory_xact_lock) just before its insert and holds it to commit,
-- so positions are handed out in commit order (see db/events.rs). SQLite
-- has a single writer already.
CREATE TABLE change_events (
    position         INTEGER PRIMARY KEY AUTOINCREMENT,
    id               BLOB NOT NULL UNIQUE,
    kind             TEXT NOT NULL CHECK (kind IN ('registration.completed', 'registration.started',
                                                  'person.created', 'person.changed', 'person.erased')),
    organisation_id  BLOB NOT NULL REFERENCES organisations (id),
    duf_number       TEXT NOT NULL,
    -- The person's id, for the audit of who read the event; no foreign
    -- key, so that an erased person's events can stay as the feed's history.
    person_id        BLOB NOT NULL,
    registration_id  BLOB,
    occurred_at      TEXT NOT NULL
) STRICT;

-- A client reads its own organisation's events from a position on.
CREATE INDEX change_events_organisation ON change_events (organisation_id, position);
