-- Coded facts for counting (issue #16): when a registration is completed,
-- its coded answers are written here in the same transaction, one row per
-- (question, code), with a row (question '_registration', code
-- 'completed') for the completion itself. No person is named: the
-- organisation, the completion's month and ISO week, the person's age band
-- and gender then, and the codes. There is no foreign key, so the facts
-- survive the erasure of the person and the registration, and statistics
-- never parse answer JSON.
CREATE TABLE registration_facts (
    registration_id  UUID NOT NULL,
    organisation_id  UUID NOT NULL,
    -- 'YYYY-MM' and ISO 'YYYY-Www' of the completion.
    completed_month  TEXT NOT NULL,
    completed_week   TEXT NOT NULL,
    age_band         TEXT NOT NULL,
    gender           TEXT NOT NULL CHECK (gender IN ('male', 'female', 'unknown')),
    question         TEXT NOT NULL,
    code             TEXT NOT NULL
);

-- Every statistic counts one question's codes within a period, for one
-- organisation or all.
CREATE INDEX registration_facts_question ON registration_facts (question, completed_month, organisation_id);
CREATE INDEX registration_facts_organisation ON registration_facts (organisation_id, question, completed_month);
