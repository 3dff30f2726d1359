-- The caseworker back office: identity fields the person page shows,
-- caseworker accounts with combinable roles, their sessions, worklists,
-- remarks, and the append-only, hash-chained audit log.
-- Ids are UUIDs (16-byte BLOBs); times are UTC RFC 3339 text.

-- Basic identity (SPEC §4). The name keys are the names folded for search
-- (lower case, accents removed); the server writes them with the names.
-- Rows from before this migration get a plain lower case, which is what
-- folding gives for the ASCII names they hold.
ALTER TABLE people ADD COLUMN date_of_birth TEXT;
ALTER TABLE people ADD COLUMN gender TEXT CHECK (gender IN ('male', 'female'));
-- A JSON array of ISO 3166 alpha-3 codes.
ALTER TABLE people ADD COLUMN citizenships TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(citizenships));
ALTER TABLE people ADD COLUMN registration_number TEXT CHECK (length(registration_number) = 6);
ALTER TABLE people ADD COLUMN national_id TEXT CHECK (length(national_id) = 11);
ALTER TABLE people ADD COLUMN first_name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN last_name_key TEXT NOT NULL DEFAULT '';
UPDATE people SET first_name_key = lower(first_name), last_name_key = lower(last_name);

CREATE UNIQUE INDEX people_national_id ON people (national_id) WHERE national_id IS NOT NULL;
CREATE INDEX people_registration_number ON people (organisation_id, registration_number);
CREATE INDEX people_date_of_birth ON people (organisation_id, date_of_birth);

CREATE TABLE caseworkers (
    id               BLOB PRIMARY KEY NOT NULL,
    organisation_id  BLOB NOT NULL REFERENCES organisations (id),
    -- Lower case; unique across organisations, since login names no organisation.
    username         TEXT NOT NULL UNIQUE,
    display_name     TEXT NOT NULL,
    -- PHC string of an argon2id hash.
    password_hash    TEXT NOT NULL,
    -- The RFC 6238 shared secret, when a second factor is set up.
    totp_secret      BLOB,
    disabled_at      TEXT,
    created_at       TEXT NOT NULL
) STRICT;

CREATE INDEX caseworkers_organisation ON caseworkers (organisation_id);

CREATE TABLE caseworker_roles (
    caseworker_id  BLOB NOT NULL REFERENCES caseworkers (id),
    role           TEXT NOT NULL CHECK (role IN ('administrator', 'reader', 'counsellor', 'statistics', 'auditor')),
    PRIMARY KEY (caseworker_id, role)
) STRICT;

CREATE TABLE caseworker_sessions (
    id             BLOB PRIMARY KEY NOT NULL,
    caseworker_id  BLOB NOT NULL REFERENCES caseworkers (id),
    created_at     TEXT NOT NULL,
    last_seen_at   TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    ended_at       TEXT
) STRICT;

CREATE INDEX caseworker_sessions_account ON caseworker_sessions (caseworker_id);

-- A caseworker's personal list of people to follow.
CREATE TABLE worklist_entries (
    caseworker_id  BLOB NOT NULL REFERENCES caseworkers (id),
    person_id      BLOB NOT NULL REFERENCES people (id),
    added_at       TEXT NOT NULL,
    PRIMARY KEY (caseworker_id, person_id)
) STRICT;

CREATE TABLE remarks (
    id          BLOB PRIMARY KEY NOT NULL,
    person_id   BLOB NOT NULL REFERENCES people (id),
    author_id   BLOB NOT NULL REFERENCES caseworkers (id),
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX remarks_person ON remarks (person_id, created_at);

-- Who read or changed what, when, why, from where. `seq` counts from 1
-- without gaps; `hash` is SHA-256 over `prev_hash` and the event's
-- canonical form (see backend/src/audit.rs), so a changed or removed event
-- breaks the chain. The ids are not foreign keys: the log outlives what it
-- names (an erased person, a removed account).
CREATE TABLE audit_events (
    seq                     INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 1),
    at                      TEXT NOT NULL,
    actor_id                BLOB,
    actor                   TEXT NOT NULL,
    organisation_id         BLOB,
    action                  TEXT NOT NULL,
    person_id               BLOB,
    person_organisation_id  BLOB,
    registration_id         BLOB,
    -- A JSON array of the field sets read or changed.
    fields                  TEXT NOT NULL CHECK (json_valid(fields)),
    reason                  TEXT,
    client_address          TEXT,
    request_id              TEXT,
    prev_hash               BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash                    BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;

CREATE INDEX audit_events_person ON audit_events (person_id, seq);
CREATE INDEX audit_events_organisation ON audit_events (organisation_id, seq);
CREATE INDEX audit_events_person_organisation ON audit_events (person_organisation_id, seq);

-- Append-only in the database too; someone with write access to the file
-- can still drop these, which the hash chain then reveals.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
