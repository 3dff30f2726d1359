-- Organisations follow people up; every person belongs to exactly one.
-- Ids are UUIDs (16-byte BLOBs in SQLite); times are UTC RFC 3339 text.
CREATE TABLE organisations (
    id          BLOB PRIMARY KEY NOT NULL,
    number      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('reception_centre', 'municipality', 'directorate')),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE people (
    id               BLOB PRIMARY KEY NOT NULL,
    duf_number       TEXT NOT NULL UNIQUE CHECK (length(duf_number) = 12),
    organisation_id  BLOB NOT NULL REFERENCES organisations (id),
    first_name       TEXT NOT NULL,
    last_name        TEXT NOT NULL,
    created_at       TEXT NOT NULL
) STRICT;

CREATE INDEX people_organisation ON people (organisation_id);
