-- Organisations follow people up; every person belongs to exactly one.
CREATE TABLE organisations (
    id          UUID PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('reception_centre', 'municipality', 'directorate')),
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE people (
    id               UUID PRIMARY KEY,
    duf_number       TEXT NOT NULL UNIQUE CHECK (duf_number ~ '^[0-9]{12}$'),
    organisation_id  UUID NOT NULL REFERENCES organisations (id),
    first_name       TEXT NOT NULL,
    last_name        TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX people_organisation ON people (organisation_id);
