-- The integration API (issue #13): API clients of an organisation that
-- authenticate with OAuth 2.0 client credentials, the access tokens they
-- were given, the client assertions already used, and the Idempotency-Key
-- records that let a client retry a POST safely.

CREATE TABLE api_clients (
    id               UUID PRIMARY KEY,
    organisation_id  UUID NOT NULL REFERENCES organisations (id),
    name             TEXT NOT NULL,
    -- Space-separated, sorted, from the fixed list of scopes.
    scopes           TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    disabled_at      TIMESTAMPTZ,
    last_used_at     TIMESTAMPTZ,
    UNIQUE (organisation_id, name)
);

-- A client's credentials: a client secret (only its SHA-256, the secret
-- itself has 256 random bits) or a public key for private_key_jwt.
-- Rotation adds one and revokes the older later, so two can be valid.
CREATE TABLE api_client_credentials (
    id           UUID PRIMARY KEY,
    client_id    UUID NOT NULL REFERENCES api_clients (id),
    kind         TEXT NOT NULL CHECK (kind IN ('secret', 'public_key')),
    secret_hash  BYTEA,
    -- The public key as given (JWK JSON or PEM), with the one algorithm
    -- it is accepted with.
    public_key   TEXT,
    algorithm    TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    CHECK ((kind = 'secret') = (secret_hash IS NOT NULL)),
    CHECK ((kind = 'public_key') = (public_key IS NOT NULL AND algorithm IS NOT NULL))
);

CREATE INDEX api_client_credentials_client ON api_client_credentials (client_id);
CREATE UNIQUE INDEX api_client_credentials_secret ON api_client_credentials (secret_hash)
    WHERE secret_hash IS NOT NULL;

-- Every access token issued: the token names its row (jti), so disabling
-- the client or revoking the token ends it at once.
CREATE TABLE api_tokens (
    id          UUID PRIMARY KEY,
    client_id   UUID NOT NULL REFERENCES api_clients (id),
    scopes      TEXT NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX api_tokens_client ON api_tokens (client_id);
CREATE INDEX api_tokens_expiry ON api_tokens (expires_at);

-- The `jti` of every client assertion accepted, until it expires: one is
-- never accepted twice (RFC 7523 §3, item 7).
CREATE TABLE api_assertion_ids (
    client_id   UUID NOT NULL REFERENCES api_clients (id),
    jti         TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, jti)
);

CREATE INDEX api_assertion_ids_expiry ON api_assertion_ids (expires_at);

-- Idempotency-Key records per client: the request's fingerprint, and the
-- first answer once there is one (NULL status: still in flight).
CREATE TABLE idempotency_keys (
    client_id         UUID NOT NULL REFERENCES api_clients (id),
    key               TEXT NOT NULL,
    fingerprint       BYTEA NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    response_status   INTEGER,
    response_body     BYTEA,
    PRIMARY KEY (client_id, key)
);

CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

-- A person's ETag is its version: every change counts it up.
ALTER TABLE people ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- Systems page through an organisation's people by DUF-number.
CREATE INDEX people_organisation_duf ON people (organisation_id, duf_number);
