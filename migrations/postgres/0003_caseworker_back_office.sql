-- The caseworker back office: identity fields the person page shows,
-- caseworker accounts with combinable roles, their sessions, worklists,
-- remarks, and the append-only, hash-chained audit log.

-- Basic identity (SPEC §4). The name keys are the names folded for search
-- (lower case, accents removed); the server writes them with the names.
-- Rows from before this migration get a plain lower case, which is what
-- folding gives for the ASCII names they hold.
ALTER TABLE people ADD COLUMN date_of_birth DATE;
ALTER TABLE people ADD COLUMN gender TEXT CHECK (gender IN ('male', 'female'));
-- A JSON array of ISO 3166 alpha-3 codes, as text (both engines share one row type).
ALTER TABLE people ADD COLUMN citizenships TEXT NOT NULL DEFAULT '[]' CHECK (json_typeof(citizenships::json) = 'array');
ALTER TABLE people ADD COLUMN registration_number TEXT CHECK (registration_number ~ '^[0-9]{6}$');
ALTER TABLE people ADD COLUMN national_id TEXT CHECK (national_id ~ '^[0-9]{11}$');
ALTER TABLE people ADD COLUMN first_name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN last_name_key TEXT NOT NULL DEFAULT '';
UPDATE people SET first_name_key = lower(first_name), last_name_key = lower(last_name);

CREATE UNIQUE INDEX people_national_id ON people (national_id) WHERE national_id IS NOT NULL;
CREATE INDEX people_registration_number ON people (organisation_id, registration_number);
CREATE INDEX people_date_of_birth ON people (organisation_id, date_of_birth);

CREATE TABLE caseworkers (
    id               UUID PRIMARY KEY,
    organisation_id  UUID NOT NULL REFERENCES organisations (id),
    -- Lower case; unique across organisations, since login names no organisation.
    username         TEXT NOT NULL UNIQUE,
    display_name     TEXT NOT NULL,
    -- PHC string of an argon2id hash.
    password_hash    TEXT NOT NULL,
    -- The RFC 6238 shared secret, when a second factor is set up.
    totp_secret      BYTEA,
    disabled_at      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX caseworkers_organisation ON caseworkers (organisation_id);

CREATE TABLE caseworker_roles (
    caseworker_id  UUID NOT NULL REFERENCES caseworkers (id),
    role           TEXT NOT NULL CHECK (role IN ('administrator', 'reader', 'counsellor', 'statistics', 'auditor')),
    PRIMARY KEY (caseworker_id, role)
);

CREATE TABLE caseworker_sessions (
    id             UUID PRIMARY KEY,
    caseworker_id  UUID NOT NULL REFERENCES caseworkers (id),
    created_at     TIMESTAMPTZ NOT NULL,
    last_seen_at   TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    ended_at       TIMESTAMPTZ
);

CREATE INDEX caseworker_sessions_account ON caseworker_sessions (caseworker_id);

-- A caseworker's personal list of people to follow.
CREATE TABLE worklist_entries (
    caseworker_id  UUID NOT NULL REFERENCES caseworkers (id),
    person_id      UUID NOT NULL REFERENCES people (id),
    added_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caseworker_id, person_id)
);

CREATE TABLE remarks (
    id          UUID PRIMARY KEY,
    person_id   UUID NOT NULL REFERENCES people (id),
    author_id   UUID NOT NULL REFERENCES caseworkers (id),
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX remarks_person ON remarks (person_id, created_at);

-- Who read or changed what, when, why, from where. `seq` counts from 1
-- without gaps (assigned under a lock, not by a sequence, which would leave
-- gaps on rollback); `hash` is SHA-256 over `prev_hash` and the event's
-- canonical form (see backend/src/audit.rs), so a changed or removed event
-- breaks the chain. The ids are not foreign keys: the log outlives what it
-- names (an erased person, a removed account).
CREATE TABLE audit_events (
    seq                     BIGINT PRIMARY KEY CHECK (seq >= 1),
    at                      TIMESTAMPTZ NOT NULL,
    actor_id                UUID,
    actor                   TEXT NOT NULL,
    organisation_id         UUID,
    action                  TEXT NOT NULL,
    person_id               UUID,
    person_organisation_id  UUID,
    registration_id         UUID,
    -- A JSON array of the field sets read or changed, as text.
    fields                  TEXT NOT NULL,
    reason                  TEXT,
    client_address          TEXT,
    request_id              TEXT,
    prev_hash               BYTEA NOT NULL CHECK (length(prev_hash) = 32),
    hash                    BYTEA NOT NULL CHECK (length(hash) = 32)
);

CREATE INDEX audit_events_person ON audit_events (person_id, seq);
CREATE INDEX audit_events_organisation ON audit_events (organisation_id, seq);
CREATE INDEX audit_events_person_organisation ON audit_events (person_organisation_id, seq);

-- Append-only in the database too; an owner of the database can still drop
-- this, which the hash chain then reveals.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
