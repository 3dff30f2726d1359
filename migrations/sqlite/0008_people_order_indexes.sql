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
