-- Name search over a million people (issue #17, item 4). A name is found
-- by any part of it ("kov" finds Kovalenko), which `LIKE '%kov%'` did by
-- reading every person of the organisation. Now the distinct folded names
-- of each organisation (surnames and first names alike) are kept in
-- `name_keys`, with a trigram index over them (pg_trgm, a trusted
-- extension that ships with PostgreSQL); a search first finds the few names
-- that contain the text there, then reads the people with those names from
-- the name index, in name order, and stops after a page.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE name_keys (
    organisation_id  UUID NOT NULL,
    key              TEXT NOT NULL,
    PRIMARY KEY (organisation_id, key)
);

CREATE INDEX name_keys_trigrams ON name_keys USING gin (key gin_trgm_ops);

-- The advisory lock of one name in one organisation.
CREATE FUNCTION name_key_lock(org UUID, k TEXT) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE AS $$ SELECT hashtextextended(org::text || '/' || k, 7245003) $$;

-- A person's names join the keys with the person; a key no one in the
-- organisation bears any longer goes (a corrected name or an erased person
-- leaves no name behind). Writers of a name hold its lock shared until
-- they commit; the one who drops a name must get it alone, at once, or
-- leaves the key (someone is about to bear the name, or was; an unused key
-- finds nobody). So a drop never races an insert of the same name, and
-- no one waits.
CREATE FUNCTION people_name_keys() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k TEXT;
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_advisory_xact_lock_shared(name_key_lock(NEW.organisation_id, NEW.last_name_key));
        PERFORM pg_advisory_xact_lock_shared(name_key_lock(NEW.organisation_id, NEW.first_name_key));
        INSERT INTO name_keys (organisation_id, key)
            VALUES (NEW.organisation_id, NEW.last_name_key), (NEW.organisation_id, NEW.first_name_key)
            ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        FOREACH k IN ARRAY ARRAY[OLD.last_name_key, OLD.first_name_key] LOOP
            IF pg_try_advisory_xact_lock(name_key_lock(OLD.organisation_id, k)) THEN
                DELETE FROM name_keys n
                 WHERE n.organisation_id = OLD.organisation_id AND n.key = k
                   AND NOT EXISTS (SELECT 1 FROM people p WHERE p.organisation_id = OLD.organisation_id AND p.last_name_key = k)
                   AND NOT EXISTS (SELECT 1 FROM people p WHERE p.organisation_id = OLD.organisation_id AND p.first_name_key = k);
            END IF;
        END LOOP;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER people_name_keys_add AFTER INSERT ON people
    FOR EACH ROW EXECUTE FUNCTION people_name_keys();
CREATE TRIGGER people_name_keys_change AFTER UPDATE OF first_name_key, last_name_key, organisation_id ON people
    FOR EACH ROW WHEN (OLD.first_name_key IS DISTINCT FROM NEW.first_name_key
        OR OLD.last_name_key IS DISTINCT FROM NEW.last_name_key
        OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
    EXECUTE FUNCTION people_name_keys();
CREATE TRIGGER people_name_keys_drop AFTER DELETE ON people
    FOR EACH ROW EXECUTE FUNCTION people_name_keys();

-- For the check above, and for a first-name search.
CREATE INDEX people_org_first_name ON people (organisation_id, first_name_key);

INSERT INTO name_keys (organisation_id, key)
    SELECT organisation_id, last_name_key FROM people
    UNION SELECT organisation_id, first_name_key FROM people;
