//! Webhook endpoints, the queue of deliveries and the log of attempts (see
//! migration 0012).
//!
//! Deliveries are written with their event (`record_event!` fans each
//! event out to the organisation's enabled endpoints that want its type),
//! so the queue never misses an event. Workers take due deliveries with a
//! lease: on PostgreSQL `FOR UPDATE SKIP LOCKED` lets any number of
//! instances take different ones at once; a lease that runs out (its
//! instance was killed) makes the delivery due again for the others.

use chrono::{DateTime, Utc};
use kartlegg_shared::integration::{ChangeEventType, DeliveryState, WebhookDisabledReason};
use uuid::Uuid;

use super::{StoreError, StoredEvent};

/// An endpoint as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEndpoint {
    pub id: Uuid,
    pub client_id: Uuid,
    pub organisation_id: Uuid,
    pub url: String,
    /// Sorted, without repeats.
    pub types: Vec<ChangeEventType>,
    /// The signing secret, sealed (see `webhooks::secret`).
    pub secret_sealed: Vec<u8>,
    pub created_at: DateTime<Utc>,
    pub failing_since: Option<DateTime<Utc>>,
    pub disabled_at: Option<DateTime<Utc>>,
    pub disabled_reason: Option<WebhookDisabledReason>,
}

/// A new endpoint.
#[derive(Debug, Clone)]
pub struct NewWebhookEndpoint {
    /// Chosen by the caller: the sealed secret is bound to it.
    pub id: Uuid,
    pub client_id: Uuid,
    pub organisation_id: Uuid,
    pub url: String,
    pub types: Vec<ChangeEventType>,
    pub secret_sealed: Vec<u8>,
    pub now: DateTime<Utc>,
}

/// A delivery a worker has taken, with what it needs to send it.
#[derive(Debug, Clone)]
pub struct LeasedDelivery {
    pub endpoint_id: Uuid,
    /// The endpoint's client, the actor of the delivery's audit event.
    pub client_id: Uuid,
    pub client_name: String,
    pub url: String,
    pub secret_sealed: Vec<u8>,
    pub failing_since: Option<DateTime<Utc>>,
    /// The attempts made before this one.
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
    pub event: StoredEvent,
}

/// One attempt as logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookAttempt {
    pub number: i32,
    pub attempted_at: DateTime<Utc>,
    pub status: Option<u16>,
    pub duration_ms: u32,
    pub error: Option<String>,
}

/// A delivery with its attempts, for the endpoint's administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookDelivery {
    pub event_id: Uuid,
    pub kind: ChangeEventType,
    pub state: DeliveryState,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Oldest first.
    pub attempts: Vec<WebhookAttempt>,
}

/// What an attempt ended in, and what follows from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptOutcome {
    pub endpoint_id: Uuid,
    pub event_id: Uuid,
    pub attempted_at: DateTime<Utc>,
    pub status: Option<u16>,
    pub duration_ms: u32,
    pub error: Option<String>,
    pub next: NextStep,
}

/// What becomes of a delivery after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// Delivered; the endpoint is no longer failing.
    Delivered,
    /// Try again then; the endpoint is failing since the first failure.
    RetryAt(DateTime<Utc>),
    /// Give this delivery up (its retry period is over).
    GiveUp,
    /// Disable the endpoint (and cancel its pending deliveries).
    DisableEndpoint(WebhookDisabledReason),
}

/// Webhook endpoints, deliveries and attempts.
#[async_trait::async_trait]
pub trait WebhookStore {
    /// Registers an endpoint.
    async fn create_webhook_endpoint(
        &self,
        new: &NewWebhookEndpoint,
    ) -> Result<WebhookEndpoint, StoreError>;

    /// The client's endpoints (removed ones too), oldest first.
    async fn webhook_endpoints(&self, client_id: Uuid) -> Result<Vec<WebhookEndpoint>, StoreError>;

    /// The client's endpoint with this id.
    async fn webhook_endpoint(
        &self,
        client_id: Uuid,
        id: Uuid,
    ) -> Result<Option<WebhookEndpoint>, StoreError>;

    /// Deletes the client's endpoint with its deliveries and their
    /// attempts; `false` when the client has no such endpoint.
    async fn delete_webhook_endpoint(&self, client_id: Uuid, id: Uuid) -> Result<bool, StoreError>;

    /// Takes up to `limit` deliveries due at `now` (pending, next attempt
    /// passed, no lease or an expired one) and holds them until
    /// `lease_until`.
    async fn lease_webhook_deliveries(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<LeasedDelivery>, StoreError>;

    /// Logs an attempt and applies its outcome, in one transaction.
    async fn finish_webhook_attempt(&self, outcome: &AttemptOutcome) -> Result<(), StoreError>;

    /// The endpoint's latest deliveries with their attempts, newest first.
    async fn webhook_deliveries(
        &self,
        endpoint_id: Uuid,
        limit: u32,
    ) -> Result<Vec<WebhookDelivery>, StoreError>;

    /// Makes a finished delivery of an enabled endpoint due again at `now`
    /// ("send again"): `None` when there is no such delivery, `Some(false)`
    /// when it is still pending or its endpoint is disabled.
    async fn redeliver_webhook(
        &self,
        endpoint_id: Uuid,
        event_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Option<bool>, StoreError>;

    /// How many deliveries wait (the queue's depth, for the metrics).
    async fn pending_webhook_deliveries(&self) -> Result<i64, StoreError>;
}

pub(super) const ENDPOINT_COLUMNS: &str = "id, client_id, organisation_id, url, secret_sealed, \
     created_at, failing_since, disabled_at, disabled_reason";

#[derive(sqlx::FromRow)]
pub(super) struct EndpointRow {
    pub id: Uuid,
    client_id: Uuid,
    organisation_id: Uuid,
    url: String,
    secret_sealed: Vec<u8>,
    created_at: DateTime<Utc>,
    failing_since: Option<DateTime<Utc>>,
    disabled_at: Option<DateTime<Utc>>,
    disabled_reason: Option<String>,
}

impl EndpointRow {
    pub(super) fn with_types(self, kinds: &[String]) -> Result<WebhookEndpoint, StoreError> {
        let mut types = kinds
            .iter()
            .map(|k| {
                ChangeEventType::parse(k)
                    .ok_or_else(|| StoreError::Corrupt(format!("webhook event type {k:?}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        types.sort_unstable();
        types.dedup();
        let disabled_reason = self
            .disabled_reason
            .as_deref()
            .map(|r| {
                WebhookDisabledReason::parse(r)
                    .ok_or_else(|| StoreError::Corrupt(format!("webhook disabled reason {r:?}")))
            })
            .transpose()?;
        Ok(WebhookEndpoint {
            id: self.id,
            client_id: self.client_id,
            organisation_id: self.organisation_id,
            url: self.url,
            types,
            secret_sealed: self.secret_sealed,
            created_at: self.created_at,
            failing_since: self.failing_since,
            disabled_at: self.disabled_at,
            disabled_reason,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct LeasedRow {
    endpoint_id: Uuid,
    client_id: Uuid,
    client_name: String,
    url: String,
    secret_sealed: Vec<u8>,
    failing_since: Option<DateTime<Utc>>,
    attempts: i32,
    created_at: DateTime<Utc>,
    #[sqlx(flatten)]
    event: super::events::EventRow,
}

impl TryFrom<LeasedRow> for LeasedDelivery {
    type Error = StoreError;
    fn try_from(row: LeasedRow) -> Result<Self, Self::Error> {
        Ok(Self {
            endpoint_id: row.endpoint_id,
            client_id: row.client_id,
            client_name: row.client_name,
            url: row.url,
            secret_sealed: row.secret_sealed,
            failing_since: row.failing_since,
            attempts: row.attempts,
            created_at: row.created_at,
            event: row.event.try_into()?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct DeliveryRow {
    pub event_id: Uuid,
    kind: String,
    state: String,
    next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    finished_at: Option<DateTime<Utc>>,
}

impl DeliveryRow {
    pub(super) fn with_attempts(
        self,
        attempts: Vec<WebhookAttempt>,
    ) -> Result<WebhookDelivery, StoreError> {
        Ok(WebhookDelivery {
            event_id: self.event_id,
            kind: ChangeEventType::parse(&self.kind)
                .ok_or_else(|| StoreError::Corrupt(format!("event kind {:?}", self.kind)))?,
            state: DeliveryState::parse(&self.state)
                .ok_or_else(|| StoreError::Corrupt(format!("delivery state {:?}", self.state)))?,
            next_attempt_at: self.next_attempt_at,
            created_at: self.created_at,
            finished_at: self.finished_at,
            attempts,
        })
    }
}

#[derive(Clone, sqlx::FromRow)]
pub(super) struct AttemptRow {
    pub event_id: Uuid,
    number: i32,
    attempted_at: DateTime<Utc>,
    status: Option<i32>,
    duration_ms: i32,
    error: Option<String>,
}

impl From<AttemptRow> for WebhookAttempt {
    fn from(row: AttemptRow) -> Self {
        Self {
            number: row.number,
            attempted_at: row.attempted_at,
            status: row.status.and_then(|s| u16::try_from(s).ok()),
            duration_ms: u32::try_from(row.duration_ms).unwrap_or(0),
            error: row.error,
        }
    }
}

macro_rules! webhooks_impl {
    ($store:ident, $read:ident, $write:ident, $d:path) => {
        mod webhook_store {
            use chrono::{DateTime, Utc};
            use uuid::Uuid;

            use crate::db::StoreError;
            use crate::db::events::EVENT_COLUMNS;
            use crate::db::webhooks::{
                AttemptOutcome, AttemptRow, DeliveryRow, ENDPOINT_COLUMNS, EndpointRow,
                LeasedDelivery, LeasedRow, NewWebhookEndpoint, NextStep, WebhookAttempt,
                WebhookDelivery, WebhookEndpoint, WebhookStore,
            };

            /// Cancels a disabled endpoint's pending deliveries.
            const CANCEL_PENDING: &str = "UPDATE webhook_deliveries SET state = 'cancelled', \
                 finished_at = ?, lease_until = NULL WHERE endpoint_id = ? AND state = 'pending'";

            impl super::$store {
                /// The client's endpoints' rows with their types, in the
                /// rows' order: the types of all of them in one read.
                async fn endpoints_with_types(
                    &self,
                    client_id: Uuid,
                    rows: Vec<EndpointRow>,
                ) -> Result<Vec<WebhookEndpoint>, StoreError> {
                    if rows.is_empty() {
                        return Ok(Vec::new());
                    }
                    let kinds: Vec<(Uuid, String)> = sqlx::query_as(&$d.sql(
                        "SELECT t.endpoint_id, t.kind FROM webhook_endpoint_types t \
                         JOIN webhook_endpoints e ON e.id = t.endpoint_id WHERE e.client_id = ?",
                    ))
                    .bind(client_id)
                    .fetch_all(&self.$read)
                    .await?;
                    rows.into_iter()
                        .map(|row| {
                            let mine: Vec<String> = kinds
                                .iter()
                                .filter(|(endpoint, _)| *endpoint == row.id)
                                .map(|(_, kind)| kind.clone())
                                .collect();
                            row.with_types(&mine)
                        })
                        .collect()
                }
            }

            #[async_trait::async_trait]
            impl WebhookStore for super::$store {
                async fn create_webhook_endpoint(
                    &self,
                    new: &NewWebhookEndpoint,
                ) -> Result<WebhookEndpoint, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    let row: EndpointRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO webhook_endpoints (id, client_id, organisation_id, url, \
                         secret_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?) \
                         RETURNING {ENDPOINT_COLUMNS}"
                    )))
                    .bind(new.id)
                    .bind(new.client_id)
                    .bind(new.organisation_id)
                    .bind(&new.url)
                    .bind(&new.secret_sealed)
                    .bind(new.now)
                    .fetch_one(&mut *tx)
                    .await?;
                    let mut kinds = Vec::with_capacity(new.types.len());
                    for kind in &new.types {
                        sqlx::query(&$d.sql(
                            "INSERT INTO webhook_endpoint_types (endpoint_id, kind) VALUES (?, ?) \
                             ON CONFLICT DO NOTHING",
                        ))
                        .bind(row.id)
                        .bind(kind.as_str())
                        .execute(&mut *tx)
                        .await?;
                        kinds.push(kind.as_str().to_owned());
                    }
                    tx.commit().await?;
                    row.with_types(&kinds)
                }

                async fn webhook_endpoints(
                    &self,
                    client_id: Uuid,
                ) -> Result<Vec<WebhookEndpoint>, StoreError> {
                    let rows: Vec<EndpointRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE client_id = ? \
                         ORDER BY created_at, id"
                    )))
                    .bind(client_id)
                    .fetch_all(&self.$read)
                    .await?;
                    self.endpoints_with_types(client_id, rows).await
                }

                async fn webhook_endpoint(
                    &self,
                    client_id: Uuid,
                    id: Uuid,
                ) -> Result<Option<WebhookEndpoint>, StoreError> {
                    let rows: Vec<EndpointRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints \
                         WHERE client_id = ? AND id = ?"
                    )))
                    .bind(client_id)
                    .bind(id)
                    .fetch_all(&self.$read)
                    .await?;
                    Ok(self.endpoints_with_types(client_id, rows).await?.pop())
                }

                async fn delete_webhook_endpoint(
                    &self,
                    client_id: Uuid,
                    id: Uuid,
                ) -> Result<bool, StoreError> {
                    // Deliveries and attempts go with it (ON DELETE CASCADE).
                    Ok(sqlx::query(&$d.sql(
                        "DELETE FROM webhook_endpoints WHERE client_id = ? AND id = ?",
                    ))
                    .bind(client_id)
                    .bind(id)
                    .execute(&self.$write)
                    .await?
                    .rows_affected()
                        == 1)
                }

                async fn lease_webhook_deliveries(
                    &self,
                    now: DateTime<Utc>,
                    lease_until: DateTime<Utc>,
                    limit: u32,
                ) -> Result<Vec<LeasedDelivery>, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    // Row values `(a, b) IN (SELECT …)` work on both
                    // engines; the inner select skips rows another
                    // instance is leasing right now (PostgreSQL).
                    let leased: Vec<(Uuid, Uuid)> = sqlx::query_as(&$d.sql(&format!(
                        "UPDATE webhook_deliveries SET lease_until = ? \
                         WHERE (endpoint_id, event_id) IN ( \
                           SELECT endpoint_id, event_id FROM webhook_deliveries \
                           WHERE state = 'pending' AND next_attempt_at <= ? \
                             AND (lease_until IS NULL OR lease_until <= ?) \
                           ORDER BY next_attempt_at LIMIT ?{}) \
                         RETURNING endpoint_id, event_id",
                        $d.skip_locked
                    )))
                    .bind(lease_until)
                    .bind(now)
                    .bind(now)
                    .bind(i64::from(limit))
                    .fetch_all(&mut *tx)
                    .await?;
                    if leased.is_empty() {
                        tx.commit().await?;
                        return Ok(Vec::new());
                    }
                    // What the batch needs to be sent, in one read.
                    let keys = vec!["(?, ?)"; leased.len()].join(", ");
                    let sql = $d
                        .sql(&format!(
                            "SELECT d.endpoint_id, e.client_id, a.name AS client_name, e.url, \
                             e.secret_sealed, e.failing_since, d.attempts, d.created_at, {} \
                             FROM webhook_deliveries d \
                             JOIN webhook_endpoints e ON e.id = d.endpoint_id \
                             JOIN api_clients a ON a.id = e.client_id \
                             JOIN change_events c ON c.id = d.event_id \
                             WHERE (d.endpoint_id, d.event_id) IN ({keys})",
                            EVENT_COLUMNS
                                .split(", ")
                                .map(|c| format!("c.{c}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                        .into_owned();
                    let mut query = sqlx::query_as::<_, LeasedRow>(&sql);
                    for (endpoint_id, event_id) in &leased {
                        query = query.bind(*endpoint_id).bind(*event_id);
                    }
                    let out = query
                        .fetch_all(&mut *tx)
                        .await?
                        .into_iter()
                        .map(LeasedDelivery::try_from)
                        .collect::<Result<Vec<_>, _>>()?;
                    tx.commit().await?;
                    Ok(out)
                }

                async fn finish_webhook_attempt(
                    &self,
                    o: &AttemptOutcome,
                ) -> Result<(), StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    // The endpoint's row first: every finisher of one
                    // endpoint then queues on it before touching deliveries,
                    // so two that disable it cannot deadlock (PostgreSQL).
                    if o.next == NextStep::Delivered {
                        sqlx::query(&$d.sql(
                            "UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ?",
                        ))
                        .bind(o.endpoint_id)
                        .execute(&mut *tx)
                        .await?;
                    } else {
                        sqlx::query(&$d.sql(
                            "UPDATE webhook_endpoints \
                             SET failing_since = COALESCE(failing_since, ?) WHERE id = ?",
                        ))
                        .bind(o.attempted_at)
                        .bind(o.endpoint_id)
                        .execute(&mut *tx)
                        .await?;
                    }
                    let number: Option<i32> = sqlx::query_scalar(&$d.sql(
                        "UPDATE webhook_deliveries SET attempts = attempts + 1 \
                         WHERE endpoint_id = ? AND event_id = ? RETURNING attempts",
                    ))
                    .bind(o.endpoint_id)
                    .bind(o.event_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    // The endpoint was deleted while this attempt ran.
                    let Some(number) = number else {
                        return Ok(());
                    };
                    sqlx::query(&$d.sql(
                        "INSERT INTO webhook_attempts (endpoint_id, event_id, number, \
                         attempted_at, status, duration_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    ))
                    .bind(o.endpoint_id)
                    .bind(o.event_id)
                    .bind(number)
                    .bind(o.attempted_at)
                    .bind(o.status.map(i32::from))
                    .bind(i32::try_from(o.duration_ms).unwrap_or(i32::MAX))
                    .bind(o.error.as_deref())
                    .execute(&mut *tx)
                    .await?;
                    let (state, next_at) = match o.next {
                        NextStep::Delivered => ("delivered", None),
                        NextStep::RetryAt(at) => ("pending", Some(at)),
                        NextStep::GiveUp | NextStep::DisableEndpoint(_) => ("failed", None),
                    };
                    let finished = (state != "pending").then_some(o.attempted_at);
                    sqlx::query(&$d.sql(
                        "UPDATE webhook_deliveries SET state = ?, \
                         next_attempt_at = COALESCE(?, next_attempt_at), lease_until = NULL, \
                         finished_at = ? WHERE endpoint_id = ? AND event_id = ?",
                    ))
                    .bind(state)
                    .bind(next_at)
                    .bind(finished)
                    .bind(o.endpoint_id)
                    .bind(o.event_id)
                    .execute(&mut *tx)
                    .await?;
                    if let NextStep::DisableEndpoint(reason) = o.next {
                        sqlx::query(&$d.sql(
                            "UPDATE webhook_endpoints SET disabled_at = ?, disabled_reason = ? \
                             WHERE id = ? AND disabled_at IS NULL",
                        ))
                        .bind(o.attempted_at)
                        .bind(reason.as_str())
                        .bind(o.endpoint_id)
                        .execute(&mut *tx)
                        .await?;
                        sqlx::query(&$d.sql(CANCEL_PENDING))
                            .bind(o.attempted_at)
                            .bind(o.endpoint_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    tx.commit().await?;
                    Ok(())
                }

                async fn webhook_deliveries(
                    &self,
                    endpoint_id: Uuid,
                    limit: u32,
                ) -> Result<Vec<WebhookDelivery>, StoreError> {
                    let rows: Vec<DeliveryRow> = sqlx::query_as(&$d.sql(
                        "SELECT d.event_id, c.kind, d.state, d.next_attempt_at, d.created_at, \
                         d.finished_at FROM webhook_deliveries d \
                         JOIN change_events c ON c.id = d.event_id \
                         WHERE d.endpoint_id = ? ORDER BY d.created_at DESC, c.position DESC \
                         LIMIT ?",
                    ))
                    .bind(endpoint_id)
                    .bind(i64::from(limit))
                    .fetch_all(&self.$read)
                    .await?;
                    let Some(oldest) = rows.last().map(|r| r.created_at) else {
                        return Ok(Vec::new());
                    };
                    // The page's attempts in one query, not one per delivery.
                    let attempts: Vec<AttemptRow> = sqlx::query_as(&$d.sql(
                        "SELECT a.event_id, a.number, a.attempted_at, a.status, a.duration_ms, \
                         a.error FROM webhook_attempts a JOIN webhook_deliveries d \
                         ON d.endpoint_id = a.endpoint_id AND d.event_id = a.event_id \
                         WHERE a.endpoint_id = ? AND d.created_at >= ? ORDER BY a.number",
                    ))
                    .bind(endpoint_id)
                    .bind(oldest)
                    .fetch_all(&self.$read)
                    .await?;
                    rows.into_iter()
                        .map(|row| {
                            let mine = attempts
                                .iter()
                                .filter(|a| a.event_id == row.event_id)
                                .map(|a| WebhookAttempt::from(a.clone()))
                                .collect();
                            row.with_attempts(mine)
                        })
                        .collect()
                }

                async fn redeliver_webhook(
                    &self,
                    endpoint_id: Uuid,
                    event_id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<Option<bool>, StoreError> {
                    let done = sqlx::query(&$d.sql(
                        "UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = ?, \
                         lease_until = NULL, finished_at = NULL \
                         WHERE endpoint_id = ? AND event_id = ? AND state <> 'pending' \
                           AND endpoint_id IN (SELECT id FROM webhook_endpoints \
                                               WHERE disabled_at IS NULL)",
                    ))
                    .bind(now)
                    .bind(endpoint_id)
                    .bind(event_id)
                    .execute(&self.$write)
                    .await?
                    .rows_affected()
                        == 1;
                    if done {
                        return Ok(Some(true));
                    }
                    let exists: Option<i32> = sqlx::query_scalar(&$d.sql(
                        "SELECT 1 FROM webhook_deliveries WHERE endpoint_id = ? AND event_id = ?",
                    ))
                    .bind(endpoint_id)
                    .bind(event_id)
                    .fetch_optional(&self.$write)
                    .await?;
                    Ok(exists.map(|_| false))
                }

                async fn pending_webhook_deliveries(&self) -> Result<i64, StoreError> {
                    Ok(sqlx::query_scalar(
                        "SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'pending'",
                    )
                    .fetch_one(&self.$read)
                    .await?)
                }
            }

        }
    };
}

pub(super) use webhooks_impl;
