-- The identity of UDI guideline 2021-007 (issue #15). Every table is keyed
-- by the person and goes with them (ON DELETE CASCADE), so that erasing a
-- person leaves nothing of their identity behind.

-- What the basic columns of `people` do not hold: middle name, the date of
-- birth as registered (with 00 parts) and its reliability, place and
-- country of birth, the preferred citizenship, marital status, addresses
-- and the source of each value, as one JSON document
-- (shared::identity::IdentityDetails). Nothing searches or sorts by these,
-- and the shared type parses the document on both sides.
CREATE TABLE person_identity (
    person_id   BLOB PRIMARY KEY NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    details     TEXT NOT NULL CHECK (json_valid(details)),
    updated_at  TEXT NOT NULL
) STRICT;

-- Every change of an identity value: one row per field and change, with
-- the old and new value as text, the new value's source, who, when and why.
-- `seq` orders them (several changes may share a time).
CREATE TABLE identity_changes (
    seq         INTEGER PRIMARY KEY,
    person_id   BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    changed_at  TEXT NOT NULL,
    actor       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    source      TEXT
) STRICT;

CREATE INDEX identity_changes_person ON identity_changes (person_id, seq);

-- § 15.1: a DUF-number registered twice by mistake is linked to the active
-- identity; the duplicate can no longer be changed.
CREATE TABLE person_duplicates (
    duplicate_id  BLOB PRIMARY KEY NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    active_id     BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    linked_at     TEXT NOT NULL,
    linked_by     TEXT NOT NULL,
    reason        TEXT NOT NULL,
    CHECK (duplicate_id <> active_id)
) STRICT;

CREATE INDEX person_duplicates_active ON person_duplicates (active_id);

-- § 15.2: another identity the same person uses or was registered with,
-- without a DUF-number of its own. Names are folded for search like the
-- people's (people_org_name), within the person's organisation.
CREATE TABLE person_aliases (
    id              BLOB PRIMARY KEY NOT NULL,
    person_id       BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    first_name      TEXT NOT NULL,
    middle_name     TEXT,
    last_name       TEXT NOT NULL,
    first_name_key  TEXT NOT NULL,
    last_name_key   TEXT NOT NULL,
    date_of_birth   TEXT,           -- a calendar date, searched like people.date_of_birth
    citizenship     TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    reason          TEXT NOT NULL
) STRICT;

CREATE INDEX person_aliases_person ON person_aliases (person_id);
CREATE INDEX person_aliases_name ON person_aliases (organisation_id, last_name_key, first_name_key);
