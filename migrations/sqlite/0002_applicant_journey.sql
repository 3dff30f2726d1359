-- The applicant's journey: login codes (hashed only), failed logins per
-- DUF-number (hashed), sessions, consent records and registrations.
-- Ids are UUIDs (16-byte BLOBs); times are UTC RFC 3339 text, except the
-- failed-login times, which are Unix seconds so that old ones can be
-- forgotten with a plain comparison.

CREATE TABLE login_codes (
    id           BLOB PRIMARY KEY NOT NULL,
    person_id    BLOB NOT NULL REFERENCES people (id),
    -- HMAC-SHA256 of the DUF-number and the code; the code itself is never stored.
    code_hash    BLOB NOT NULL CHECK (length(code_hash) = 32),
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    ended_at     TEXT,
    end_reason   TEXT CHECK (end_reason IN ('replaced', 'logged_out', 'too_many_tries')),
    wrong_tries  INTEGER NOT NULL DEFAULT 0 CHECK (wrong_tries >= 0),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
) STRICT;

-- At most one code per person is not ended.
CREATE UNIQUE INDEX login_codes_one_current ON login_codes (person_id) WHERE ended_at IS NULL;

-- The key is an HMAC of the DUF-number, so no DUF-number (of a person or
-- not) is kept here in the clear.
CREATE TABLE failed_logins (
    key  BLOB NOT NULL,
    at   INTEGER NOT NULL
) STRICT;

CREATE INDEX failed_logins_key ON failed_logins (key, at);

CREATE TABLE applicant_sessions (
    id            BLOB PRIMARY KEY NOT NULL,
    person_id     BLOB NOT NULL REFERENCES people (id),
    code_id       BLOB NOT NULL REFERENCES login_codes (id),
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    ended_at      TEXT
) STRICT;

CREATE INDEX applicant_sessions_code ON applicant_sessions (code_id);

-- Append-only; a decline is the only thing kept about a person who declines.
CREATE TABLE consents (
    seq         INTEGER PRIMARY KEY,
    person_id   BLOB NOT NULL REFERENCES people (id),
    version     TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('accept', 'decline')),
    decided_at  TEXT NOT NULL
) STRICT;

CREATE INDEX consents_person ON consents (person_id, seq);

CREATE TABLE registrations (
    id                     BLOB PRIMARY KEY NOT NULL,
    person_id              BLOB NOT NULL REFERENCES people (id),
    -- The person's first, second, … registration; orders the history.
    number                 INTEGER NOT NULL CHECK (number >= 1),
    status                 TEXT NOT NULL CHECK (status IN ('draft', 'completed')),
    questionnaire_version  INTEGER NOT NULL,
    revision               INTEGER NOT NULL CHECK (revision >= 0),
    answers                TEXT NOT NULL CHECK (json_valid(answers)),
    saved_sections         TEXT NOT NULL CHECK (json_valid(saved_sections)),
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    completed_at           TEXT,
    CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
    UNIQUE (person_id, number)
) STRICT;

-- At most one draft per person: "fill in again" starts one only when none is open.
CREATE UNIQUE INDEX registrations_one_draft ON registrations (person_id) WHERE status = 'draft';
