-- The lists work out every person's registration state with per-person
-- probes (see STATE_SQL in backend/src/db/back_office.rs).
--
-- Whether the person has a completed registration and when the latest was
-- completed, also while a newer draft is open (the state, the completion
-- date and the "Completed" filter): a partial index on exactly that
-- `status` term answers both without reading the drafts.
CREATE INDEX registrations_completed ON registrations (person_id, number) WHERE status = 'completed';

-- Whether any code was issued (people without a registration), and the
-- newest code on the person page: without this, each probe scanned every
-- login code ever issued, since the only index held current codes.
CREATE INDEX login_codes_person ON login_codes (person_id, created_at);
