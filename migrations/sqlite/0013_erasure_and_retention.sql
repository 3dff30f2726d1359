-- Erasure on request and the retention job (issue #16, item 4).
--
-- Erasing a person deletes their rows from every table that holds them by
-- `person_id`; these indexes make that, and the retention job's "any
-- activity since the cutoff" probes, lookups instead of scans.
CREATE INDEX change_events_person ON change_events (person_id);
CREATE INDEX applicant_sessions_person ON applicant_sessions (person_id, last_seen_at);
CREATE INDEX worklist_entries_person ON worklist_entries (person_id);
CREATE INDEX registrations_updated ON registrations (updated_at);

-- A registration erased when its retention period ends leaves the person:
-- their state and latest completion are worked out again, by the rule of
-- migration 0009 (which only ran on inserts and status changes).
CREATE TRIGGER people_state_on_registration_delete AFTER DELETE ON registrations
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
    WHERE people.id = OLD.person_id;
END;
