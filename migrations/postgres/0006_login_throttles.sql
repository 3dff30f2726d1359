-- Login limits that hold under concurrency and cannot lock a person out
-- (issue #11). The per-DUF-number hourly block is gone: an applicant's
-- guesses are bounded by the tries of each code (counted on the code
-- before it is checked), and staff can always issue a fresh code.
-- Caseworker logins slow down instead: one row per throttled key (a keyed
-- hash of a username or of a client address), changed only by
-- compare-and-swap so that simultaneous tries are each counted.
DROP TABLE failed_logins;

CREATE TABLE login_throttles (
    key              BYTEA PRIMARY KEY NOT NULL,
    -- Failed (or still running) tries since the last success or clearing.
    failures         BIGINT NOT NULL CHECK (failures >= 0),
    -- Unix seconds; a key quiet for a day is forgotten.
    last_failure_at  BIGINT NOT NULL,
    -- Unix seconds before which the next try is refused.
    next_try_at      BIGINT NOT NULL
);

CREATE INDEX login_throttles_age ON login_throttles (last_failure_at);

-- A new code, or a counsellor, ends every live session of the person.
CREATE INDEX applicant_sessions_live ON applicant_sessions (person_id) WHERE ended_at IS NULL;
