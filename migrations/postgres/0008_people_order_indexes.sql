-- The people lists order within one organisation (issue #17, item 4).
-- Each index below serves one sort straight from the index, in both
-- directions, so that a page reads its rows in order instead of computing
-- every person's registration state and sorting them all; the created_at
-- one also serves the "added between" filter. The store's ORDER BY
-- (people_order in backend/src/db/back_office.rs) matches them column for
-- column, ties included.
CREATE INDEX people_org_name ON people (organisation_id, last_name_key, first_name_key, id);
CREATE INDEX people_org_duf ON people (organisation_id, duf_number);
CREATE INDEX people_org_created ON people (organisation_id, created_at, id);

-- The exact searches (registration number, date of birth) list their
-- matches by name: with the name order in the same index, the planner has
-- no reason to walk the whole organisation in name order instead of
-- looking the number or date up (which it did without statistics).
DROP INDEX people_registration_number;
DROP INDEX people_date_of_birth;
CREATE INDEX people_registration_number ON people (organisation_id, registration_number, last_name_key, first_name_key, id);
CREATE INDEX people_date_of_birth ON people (organisation_id, date_of_birth, last_name_key, first_name_key, id);
