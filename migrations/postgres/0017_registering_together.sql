-- Registering together with the applicant (issue #15 item 4).

-- How each consent was given: by the applicant in their own session (every
-- consent so far), confirmed by a counsellor that the applicant consented
-- in person, or by the applicant on a counsellor's screen; and which
-- account recorded it when it was not the applicant's own session.
ALTER TABLE consents ADD COLUMN given TEXT NOT NULL DEFAULT 'own_session'
    CHECK (given IN ('own_session', 'in_person', 'on_screen'));
ALTER TABLE consents ADD COLUMN recorded_by UUID REFERENCES caseworkers (id);

-- A counsellor's session of registering together with one applicant: the
-- applicant's language, how the consent is given (and when it was, if it
-- was), and the interpreter who takes part. Its answers carry the account
-- and the interpreter in the registration's provenance.
CREATE TABLE together_sessions (
    id                    UUID PRIMARY KEY,
    person_id             UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    caseworker_id         UUID NOT NULL REFERENCES caseworkers (id),
    language              TEXT NOT NULL,
    consent_given         TEXT NOT NULL CHECK (consent_given IN ('in_person', 'on_screen')),
    consented_at          TIMESTAMPTZ,
    interpreter_language  TEXT,
    interpreter_name      TEXT,
    interpreter_number    TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    ended_at              TIMESTAMPTZ,
    CHECK (interpreter_language IS NOT NULL OR (interpreter_name IS NULL AND interpreter_number IS NULL))
);

CREATE INDEX together_sessions_person ON together_sessions (person_id);

-- Who gave each answer, by the answer's key (shared::together::Provenance).
-- Every answer so far was given by the applicant in their own session.
ALTER TABLE registrations ADD COLUMN provenance JSONB NOT NULL DEFAULT '{}';
UPDATE registrations SET provenance = COALESCE(
    (SELECT jsonb_object_agg(key, '{"by":"applicant"}'::jsonb) FROM jsonb_object_keys(answers) AS key),
    '{}'::jsonb
);
