-- Statistics within a second over a million completions, whatever the
-- view and filters (issue #16). The counting queries no longer walk the
-- facts: they sum a table of counts that each completion adds to in its
-- own transaction, one row per (organisation, question, month, code, age
-- band, gender) holding how many completed registrations gave that code.
-- A view then reads at most months × codes × 21 rows per question,
-- however many registrations there are. Each registration lies in one
-- organisation, month, age band and gender and gives a code of a
-- question at most once, so the sums over rows are exact counts of
-- distinct registrations, and small-cell suppression sees the same
-- numbers as before.
--
-- * Every count is kept twice: under the registration's organisation, and
--   under the nil id for every organisation together (the directorate's
--   view), so that a view over all organisations does not add up each
--   organisation's rows.
-- * The completion itself is counted under the question '_registration'
--   with its ISO week as the code: completions per week group by the code,
--   per month by the month, and the population of a filter is their sum.
-- * Facts survive erasure and retention (0011), and so do these counts:
--   neither names anyone.

-- The derived figure "highest education level" (shared::statistics::
-- derived_codes) for registrations completed before this version, from
-- their facts, by the same rule: the highest level 1-8 of the school
-- level and the educations after school; 'none' for never at school;
-- 'dont_know' when only "I don't know" was answered.
INSERT INTO registration_facts (registration_id, organisation_id, completed_month, completed_week,
                                age_band, gender, question, code)
SELECT registration_id, organisation_id, completed_month, completed_week, age_band, gender,
       'highest_education', code
FROM (
    SELECT registration_id, organisation_id, completed_month, completed_week, age_band, gender,
           CASE
               WHEN MAX(CASE WHEN code IN ('1', '2', '3', '4', '5', '6', '7', '8')
                             AND question IN ('school_level', 'educations.level') THEN code END) IS NOT NULL
                   THEN MAX(CASE WHEN code IN ('1', '2', '3', '4', '5', '6', '7', '8')
                                 AND question IN ('school_level', 'educations.level') THEN code END)
               WHEN MAX(CASE WHEN question = 'went_to_school' AND code = 'no' THEN 1 END) = 1 THEN 'none'
               WHEN MAX(CASE WHEN question IN ('school_level', 'educations.level')
                             AND code = 'dont_know' THEN 1 END) = 1 THEN 'dont_know'
           END AS code
    FROM registration_facts
    WHERE question IN ('went_to_school', 'school_level', 'educations.level')
    GROUP BY registration_id, organisation_id, completed_month, completed_week, age_band, gender
) derived
WHERE code IS NOT NULL;

CREATE TABLE statistics_counts (
    -- The organisation, or the nil id for all of them.
    organisation_id  UUID NOT NULL,
    question         TEXT NOT NULL,
    completed_month  TEXT NOT NULL,
    -- The code; for '_registration' the completion's ISO week.
    code             TEXT NOT NULL,
    age_band         TEXT NOT NULL,
    gender           TEXT NOT NULL,
    registrations    BIGINT NOT NULL,
    -- A view names the organisation and the question and may bound the
    -- months: a range of this key, then a few rows per code.
    PRIMARY KEY (organisation_id, question, completed_month, code, age_band, gender)
);

INSERT INTO statistics_counts
SELECT organisation_id, question, completed_month,
       CASE WHEN question = '_registration' THEN completed_week ELSE code END,
       age_band, gender, COUNT(DISTINCT registration_id)
FROM registration_facts
GROUP BY organisation_id, question, completed_month,
         CASE WHEN question = '_registration' THEN completed_week ELSE code END, age_band, gender;

INSERT INTO statistics_counts
SELECT '00000000-0000-0000-0000-000000000000'::uuid, question, completed_month,
       CASE WHEN question = '_registration' THEN completed_week ELSE code END,
       age_band, gender, COUNT(DISTINCT registration_id)
FROM registration_facts
GROUP BY question, completed_month,
         CASE WHEN question = '_registration' THEN completed_week ELSE code END, age_band, gender;

-- The covering indexes of 0015 served the counting queries over the facts,
-- which now read the counts: they only cost space and every completion's
-- writes.
DROP INDEX IF EXISTS registration_facts_by_code;
DROP INDEX IF EXISTS registration_facts_by_period;
