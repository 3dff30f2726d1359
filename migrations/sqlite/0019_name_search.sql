-- Name search over a million people (issue #17, item 4). A name is found
-- by any part of it ("kov" finds Kovalenko), which `LIKE '%kov%'` did by
-- reading every person of the organisation. Now the distinct folded names
-- of each organisation (surnames and first names alike) are kept in
-- `name_keys`, with a trigram index over them; a search first finds the
-- few names that contain the text there, then reads the people with those
-- names from the name index, in name order, and stops after a page. There
-- are far fewer distinct names than people, so both steps stay small.
--
-- `id` is the row's INTEGER PRIMARY KEY, so it survives VACUUM: the
-- trigram index refers to rows by it.
CREATE TABLE name_keys (
    id               INTEGER PRIMARY KEY,
    organisation_id  BLOB NOT NULL,
    key              TEXT NOT NULL,
    UNIQUE (organisation_id, key)
) STRICT;

-- The index only (the names stay in `name_keys`), kept by the two
-- triggers below as the FTS5 documentation prescribes for external content.
CREATE VIRTUAL TABLE name_keys_trigrams USING fts5(
    key, content = 'name_keys', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER name_keys_trigrams_add AFTER INSERT ON name_keys BEGIN
    INSERT INTO name_keys_trigrams (rowid, key) VALUES (new.id, new.key);
END;

CREATE TRIGGER name_keys_trigrams_drop AFTER DELETE ON name_keys BEGIN
    INSERT INTO name_keys_trigrams (name_keys_trigrams, rowid, key) VALUES ('delete', old.id, old.key);
END;

-- A person's names join the keys with the person; a key no one in the
-- organisation bears any longer goes (a corrected name or an erased person
-- leaves no name behind). SQLite has one writer, so the check and the
-- delete cannot race an insert.
CREATE TRIGGER people_name_keys_add AFTER INSERT ON people BEGIN
    INSERT INTO name_keys (organisation_id, key)
        VALUES (new.organisation_id, new.last_name_key), (new.organisation_id, new.first_name_key)
        ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER people_name_keys_change AFTER UPDATE OF first_name_key, last_name_key, organisation_id ON people
WHEN old.first_name_key IS NOT new.first_name_key OR old.last_name_key IS NOT new.last_name_key
    OR old.organisation_id IS NOT new.organisation_id
BEGIN
    INSERT INTO name_keys (organisation_id, key)
        VALUES (new.organisation_id, new.last_name_key), (new.organisation_id, new.first_name_key)
        ON CONFLICT DO NOTHING;
    DELETE FROM name_keys
     WHERE organisation_id = old.organisation_id AND key IN (old.last_name_key, old.first_name_key)
       AND NOT EXISTS (SELECT 1 FROM people p WHERE p.organisation_id = old.organisation_id AND p.last_name_key = name_keys.key)
       AND NOT EXISTS (SELECT 1 FROM people p WHERE p.organisation_id = old.organisation_id AND p.first_name_key = name_keys.key);
END;

CREATE TRIGGER people_name_keys_drop AFTER DELETE ON people BEGIN
    DELETE FROM name_keys
     WHERE organisation_id = old.organisation_id AND key IN (old.last_name_key, old.first_name_key)
       AND NOT EXISTS (SELECT 1 FROM people p WHERE p.organisation_id = old.organisation_id AND p.last_name_key = name_keys.key)
       AND NOT EXISTS (SELECT 1 FROM people p WHERE p.organisation_id = old.organisation_id AND p.first_name_key = name_keys.key);
END;

-- For the check above, and for a first-name search.
CREATE INDEX people_org_first_name ON people (organisation_id, first_name_key);

INSERT INTO name_keys (organisation_id, key)
    SELECT organisation_id, last_name_key FROM people
    UNION SELECT organisation_id, first_name_key FROM people;
