-- The identity history's values as data as well as text (issue #15): a
-- country by its code, a reliability or a marital status by its kind
-- (shared::identity::HistoryValue as JSON), so that the person page shows
-- them in the caseworker's language. Rows written before keep their text
-- only (both columns NULL) and are shown as they were.
ALTER TABLE identity_changes ADD COLUMN old_data TEXT CHECK (old_data IS NULL OR json_valid(old_data));
ALTER TABLE identity_changes ADD COLUMN new_data TEXT CHECK (new_data IS NULL OR json_valid(new_data));
