-- Keyset pages in every sort of the people list (issue #17, item 4). A page
-- sorted by date of birth or completion, ties by name ascending in either
-- direction and the people without a date last, is read as a few index
-- ranges (see `people_arms` in backend/src/db/back_office.rs): the rest of
-- the cursor's tie, the dates beyond it, the people without one. Each
-- range wants an index in its own order. The state has both since 0009.
DROP INDEX people_org_completed;
CREATE INDEX people_org_completed ON people (organisation_id, completed_at, last_name_key, first_name_key, id);
CREATE INDEX people_org_completed_desc ON people (organisation_id, completed_at DESC, last_name_key, first_name_key, id);
CREATE INDEX people_date_of_birth_desc ON people (organisation_id, date_of_birth DESC, last_name_key, first_name_key, id);
