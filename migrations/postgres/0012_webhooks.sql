-- Webhooks (issue #14): an API client's endpoints, the deliveries of change
-- events to them, and every attempt. A delivery row is written for each
-- enabled endpoint that wants the event's type in the same transaction as
-- the event (db/events.rs), so no event is without its deliveries. The
-- delivery table is the queue the worker leases from (webhooks/worker.rs).

CREATE TABLE webhook_endpoints (
    id               UUID PRIMARY KEY,
    client_id        UUID NOT NULL REFERENCES api_clients (id),
    organisation_id  UUID NOT NULL REFERENCES organisations (id),
    url              TEXT NOT NULL,
    -- The signing secret, encrypted with a key derived from the server's
    -- signing key (which the database does not hold): a copy of the
    -- database alone cannot forge deliveries.
    secret_sealed    BYTEA NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    -- Since when every attempt has failed; NULL after a success.
    failing_since    TIMESTAMPTZ,
    disabled_at      TIMESTAMPTZ,
    disabled_reason  TEXT CHECK (disabled_reason IN ('gone', 'failing', 'removed'))
);

CREATE INDEX webhook_endpoints_client ON webhook_endpoints (client_id);
-- The fan-out at each event looks up the organisation's enabled endpoints.
CREATE INDEX webhook_endpoints_organisation ON webhook_endpoints (organisation_id)
    WHERE disabled_at IS NULL;

CREATE TABLE webhook_endpoint_types (
    endpoint_id  UUID NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    PRIMARY KEY (endpoint_id, kind)
);

-- One event to one endpoint. The event's id is the `webhook-id` the
-- receiver deduplicates by.
CREATE TABLE webhook_deliveries (
    endpoint_id      UUID NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         UUID NOT NULL REFERENCES change_events (id),
    state            TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    -- An instance that took the delivery holds it until then; after that
    -- another may take it (the first one was killed or is stuck).
    lease_until      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    PRIMARY KEY (endpoint_id, event_id)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE state = 'pending';
-- An endpoint's deliveries, newest first, for its administrator.
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);

CREATE TABLE webhook_attempts (
    endpoint_id   UUID NOT NULL,
    event_id      UUID NOT NULL,
    number        INTEGER NOT NULL,
    attempted_at  TIMESTAMPTZ NOT NULL,
    -- The HTTP status, when the receiver answered.
    status        INTEGER,
    duration_ms   INTEGER NOT NULL,
    error         TEXT,
    PRIMARY KEY (endpoint_id, event_id, number),
    FOREIGN KEY (endpoint_id, event_id) REFERENCES webhook_deliveries (endpoint_id, event_id)
        ON DELETE CASCADE
);
