-- The applicant's journey: login codes (hashed only), failed logins per
-- DUF-number (hashed), sessions, consent records and registrations.
-- Failed-login times are Unix seconds, as in the SQLite schema.

CREATE TABLE login_codes (
    id           UUID PRIMARY KEY,
    person_id    UUID NOT NULL REFERENCES people (id),
    -- HMAC-SHA256 of the DUF-number and the code; the code itself is never stored.
    code_hash    BYTEA NOT NULL CHECK (length(code_hash) = 32),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ,
    end_reason   TEXT CHECK (end_reason IN ('replaced', 'logged_out', 'too_many_tries')),
    wrong_tries  BIGINT NOT NULL DEFAULT 0 CHECK (wrong_tries >= 0),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);

-- At most one code per person is not ended.
CREATE UNIQUE INDEX login_codes_one_current ON login_codes (person_id) WHERE ended_at IS NULL;

-- The key is an HMAC of the DUF-number, so no DUF-number (of a person or
-- not) is kept here in the clear.
CREATE TABLE failed_logins (
    key  BYTEA NOT NULL,
    at   BIGINT NOT NULL
);

CREATE INDEX failed_logins_key ON failed_logins (key, at);

CREATE TABLE applicant_sessions (
    id            UUID PRIMARY KEY,
    person_id     UUID NOT NULL REFERENCES people (id),
    code_id       UUID NOT NULL REFERENCES login_codes (id),
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ
);

CREATE INDEX applicant_sessions_code ON applicant_sessions (code_id);

-- Append-only; a decline is the only thing kept about a person who declines.
CREATE TABLE consents (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   UUID NOT NULL REFERENCES people (id),
    version     TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('accept', 'decline')),
    decided_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX consents_person ON consents (person_id, seq);

CREATE TABLE registrations (
    id                     UUID PRIMARY KEY,
    person_id              UUID NOT NULL REFERENCES people (id),
    -- The person's first, second, … registration; orders the history.
    number                 BIGINT NOT NULL CHECK (number >= 1),
    status                 TEXT NOT NULL CHECK (status IN ('draft', 'completed')),
    questionnaire_version  BIGINT NOT NULL,
    revision               BIGINT NOT NULL CHECK (revision >= 0),
    answers                JSONB NOT NULL,
    saved_sections         JSONB NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    completed_at           TIMESTAMPTZ,
    CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
    UNIQUE (person_id, number)
);

-- At most one draft per person: "fill in again" starts one only when none is open.
CREATE UNIQUE INDEX registrations_one_draft ON registrations (person_id) WHERE status = 'draft';
