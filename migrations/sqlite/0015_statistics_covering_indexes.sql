-- Statistics over a million completions within a second (issue #16): the
-- two counting queries read only these indexes, never the table. A
-- distribution walks one question of one organisation in code order,
-- counting distinct registrations per code as it goes, with the filters'
-- columns at hand; completions per period walk the completion rows with
-- the week and month at hand.
CREATE INDEX IF NOT EXISTS registration_facts_by_code ON registration_facts
    (question, organisation_id, code, registration_id, completed_month, age_band, gender);
CREATE INDEX IF NOT EXISTS registration_facts_by_period ON registration_facts
    (question, organisation_id, completed_week, completed_month, age_band, gender);
