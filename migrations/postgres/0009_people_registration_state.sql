-- Every person's registration state and latest completion, kept on the
-- person (issue #17, item 4). The lists used to work them out per person
-- and per query (a decline wins; then a completed registration, which keeps
-- counting while a newer one is being filled in; then any registration;
-- then any code issued); a filter or sort on them then worked out a
-- million states to show fifty. Now triggers on what decides them (a code
-- issued, a consent answered, a registration started, completed or
-- inserted in bulk) recompute them for that one person, with the same
-- rule, in the same transaction; ordinary saves of a draft, which change
-- neither, do not fire them. The indexes serve the state filter and sort
-- (in both directions, ties by name) and the completion-date filter
-- within an organisation.
ALTER TABLE people ADD COLUMN registration_state TEXT NOT NULL DEFAULT 'no_code'
    CHECK (registration_state IN ('no_code', 'code_issued', 'in_progress', 'completed',
                                  'completed_new_in_progress', 'declined'));
ALTER TABLE people ADD COLUMN completed_at TIMESTAMPTZ;

UPDATE people AS p SET registration_state = CASE
        WHEN (SELECT c.decision FROM consents c WHERE c.person_id = p.id ORDER BY c.seq DESC LIMIT 1) = 'decline' THEN 'declined'
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id AND r.status = 'completed') THEN
            CASE WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id AND r.status = 'draft')
            THEN 'completed_new_in_progress' ELSE 'completed' END
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id) THEN 'in_progress'
        WHEN EXISTS (SELECT 1 FROM login_codes l WHERE l.person_id = p.id) THEN 'code_issued'
        ELSE 'no_code' END,
    completed_at = (SELECT r.completed_at FROM registrations r
        WHERE r.person_id = p.id AND r.status = 'completed' ORDER BY r.number DESC LIMIT 1);

CREATE FUNCTION people_refresh_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE people AS p SET registration_state = CASE
        WHEN (SELECT c.decision FROM consents c WHERE c.person_id = p.id ORDER BY c.seq DESC LIMIT 1) = 'decline' THEN 'declined'
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id AND r.status = 'completed') THEN
            CASE WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id AND r.status = 'draft')
            THEN 'completed_new_in_progress' ELSE 'completed' END
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id) THEN 'in_progress'
        WHEN EXISTS (SELECT 1 FROM login_codes l WHERE l.person_id = p.id) THEN 'code_issued'
        ELSE 'no_code' END,
        completed_at = (SELECT r.completed_at FROM registrations r
        WHERE r.person_id = p.id AND r.status = 'completed' ORDER BY r.number DESC LIMIT 1)
    WHERE p.id = NEW.person_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER people_state_on_code AFTER INSERT ON login_codes
    FOR EACH ROW EXECUTE FUNCTION people_refresh_state();
CREATE TRIGGER people_state_on_consent AFTER INSERT ON consents
    FOR EACH ROW EXECUTE FUNCTION people_refresh_state();
CREATE TRIGGER people_state_on_registration AFTER INSERT ON registrations
    FOR EACH ROW EXECUTE FUNCTION people_refresh_state();
CREATE TRIGGER people_state_on_status AFTER UPDATE OF status ON registrations
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION people_refresh_state();

CREATE INDEX people_org_state ON people (organisation_id, registration_state, last_name_key, first_name_key, id);
CREATE INDEX people_org_state_desc ON people (organisation_id, registration_state DESC, last_name_key, first_name_key, id);
CREATE INDEX people_org_completed ON people (organisation_id, completed_at);
