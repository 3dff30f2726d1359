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
ALTER TABLE people ADD COLUMN completed_at TEXT;

UPDATE people SET registration_state = CASE
        WHEN (SELECT c.decision FROM consents c WHERE c.person_id = people.id ORDER BY c.seq DESC LIMIT 1) = 'decline' THEN 'declined'
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'completed') THEN
            CASE WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'draft')
            THEN 'completed_new_in_progress' ELSE 'completed' END
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id) THEN 'in_progress'
        WHEN EXISTS (SELECT 1 FROM login_codes l WHERE l.person_id = people.id) THEN 'code_issued'
        ELSE 'no_code' END,
    completed_at = (SELECT r.completed_at FROM registrations r
        WHERE r.person_id = people.id AND r.status = 'completed' ORDER BY r.number DESC LIMIT 1);

CREATE TRIGGER people_state_on_code AFTER INSERT ON login_codes
BEGIN
    UPDATE people SET registration_state = CASE
        WHEN (SELECT c.decision FROM consents c WHERE c.person_id = people.id ORDER BY c.seq DESC LIMIT 1) = 'decline' THEN 'declined'
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'completed') THEN
            CASE WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'draft')
            THEN 'completed_new_in_progress' ELSE 'completed' END
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id) THEN 'in_progress'
        WHEN EXISTS (SELECT 1 FROM login_codes l WHERE l.person_id = people.id) THEN 'code_issued'
        ELSE 'no_code' END,
        completed_at = (SELECT r.completed_at FROM registrations r
        WHERE r.person_id = people.id AND r.status = 'completed' ORDER BY r.number DESC LIMIT 1)
    WHERE people.id = NEW.person_id;
END;

CREATE TRIGGER people_state_on_consent AFTER INSERT ON consents
BEGIN
    UPDATE people SET registration_state = CASE
        WHEN (SELECT c.decision FROM consents c WHERE c.person_id = people.id ORDER BY c.seq DESC LIMIT 1) = 'decline' THEN 'declined'
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'completed') THEN
            CASE WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'draft')
            THEN 'completed_new_in_progress' ELSE 'completed' END
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id) THEN 'in_progress'
        WHEN EXISTS (SELECT 1 FROM login_codes l WHERE l.person_id = people.id) THEN 'code_issued'
        ELSE 'no_code' END,
        completed_at = (SELECT r.completed_at FROM registrations r
        WHERE r.person_id = people.id AND r.status = 'completed' ORDER BY r.number DESC LIMIT 1)
    WHERE people.id = NEW.person_id;
END;

CREATE TRIGGER people_state_on_registration AFTER INSERT ON registrations
BEGIN
    UPDATE people SET registration_state = CASE
        WHEN (SELECT c.decision FROM consents c WHERE c.person_id = people.id ORDER BY c.seq DESC LIMIT 1) = 'decline' THEN 'declined'
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'completed') THEN
            CASE WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'draft')
            THEN 'completed_new_in_progress' ELSE 'completed' END
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id) THEN 'in_progress'
        WHEN EXISTS (SELECT 1 FROM login_codes l WHERE l.person_id = people.id) THEN 'code_issued'
        ELSE 'no_code' END,
        completed_at = (SELECT r.completed_at FROM registrations r
        WHERE r.person_id = people.id AND r.status = 'completed' ORDER BY r.number DESC LIMIT 1)
    WHERE people.id = NEW.person_id;
END;

CREATE TRIGGER people_state_on_status AFTER UPDATE OF status ON registrations WHEN OLD.status IS NOT NEW.status
BEGIN
    UPDATE people SET registration_state = CASE
        WHEN (SELECT c.decision FROM consents c WHERE c.person_id = people.id ORDER BY c.seq DESC LIMIT 1) = 'decline' THEN 'declined'
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'completed') THEN
            CASE WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id AND r.status = 'draft')
            THEN 'completed_new_in_progress' ELSE 'completed' END
        WHEN EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = people.id) THEN 'in_progress'
        WHEN EXISTS (SELECT 1 FROM login_codes l WHERE l.person_id = people.id) THEN 'code_issued'
        ELSE 'no_code' END,
        completed_at = (SELECT r.completed_at FROM registrations r
        WHERE r.person_id = people.id AND r.status = 'completed' ORDER BY r.number DESC LIMIT 1)
    WHERE people.id = NEW.person_id;
END;

CREATE INDEX people_org_state ON people (organisation_id, registration_state, last_name_key, first_name_key, id);
CREATE INDEX people_org_state_desc ON people (organisation_id, registration_state DESC, last_name_key, first_name_key, id);
CREATE INDEX people_org_completed ON people (organisation_id, completed_at);
