-- Registering together with the applicant (issue #15 item 4).

-- How each consent was given: by the applicant in their own session (every
-- consent so far), confirmed by a counsellor that the applicant consented
-- in person, or by the applicant on a counsellor's screen; and which
-- account recorded it when it was not the applicant's own session.
ALTER TABLE consents ADD COLUMN given TEXT NOT NULL DEFAULT 'own_session'
    CHECK (given IN ('own_session', 'in_person', 'on_screen'));
ALTER TABLE consents ADD COLUMN recorded_by BLOB REFERENCES caseworkers (id);

-- A counsellor's session of registering together with one applicant: the
-- applicant's language, how the consent is given (and when it was, if it
-- was), and the interpreter who takes part. Its answers carry the account
-- and the interpreter in the registration's provenance.
CREATE TABLE together_sessions (
    id                    BLOB PRIMARY KEY NOT NULL,
    person_id             BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    caseworker_id         BLOB NOT NULL REFERENCES caseworkers (id),
    language              TEXT NOT NULL,
    consent_given         TEXT NOT NULL CHECK (consent_given IN ('in_person', 'on_screen')),
    consented_at          TEXT,
    interpreter_language  TEXT,
    interpreter_name      TEXT,
    interpreter_number    TEXT,
    created_at            TEXT NOT NULL,
    ended_at              TEXT,
    CHECK (interpreter_language IS NOT NULL OR (interpreter_name IS NULL AND interpreter_number IS NULL))
) STRICT;

CREATE INDEX together_sessions_person ON together_sessions (person_id);

-- Who gave each answer, by the answer's key (shared::together::Provenance).
-- Every answer so far was given by the applicant in their own session.
ALTER TABLE registrations ADD COLUMN provenance TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(provenance));
UPDATE registrations SET provenance = (
    SELECT COALESCE(json_group_object(key, json('{"by":"applicant"}')), '{}')
    FROM json_each(registrations.answers)
);
