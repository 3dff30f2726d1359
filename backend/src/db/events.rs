//! The change feed's outbox: an event row written in the same transaction
//! as the change it tells of (see migration 0010), and read by
//! organisation from a position on.
//!
//! No event is ever skipped by a reader. SQLite writes through one
//! connection, so positions follow commits. On PostgreSQL a position comes
//! from the identity sequence when the row is inserted, not when it
//! commits, so a reader could see position 11 while 10's transaction is
//! still open and later move past 10 for good. Every writer therefore takes
//! one transaction-scoped advisory lock just before inserting its event
//! ([`Dialect::lock_events`](super::dialect::Dialect)), held until commit:
//! the next writer's position is taken only after this one committed, so
//! positions are handed out in commit order. The cost is that event writes
//! (completions and person changes, not draft saves) commit one at a time.

use chrono::{DateTime, Utc};
use kartlegg_shared::domain::DufNumber;
use kartlegg_shared::integration::ChangeEventType;
use uuid::Uuid;

use super::StoreError;

/// An event as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    /// The event's place in the feed.
    pub position: i64,
    pub id: Uuid,
    pub kind: ChangeEventType,
    pub organisation_id: Uuid,
    pub duf_number: DufNumber,
    /// The person's id (not shown to clients; for the audit of reads).
    pub person_id: Uuid,
    pub registration_id: Option<Uuid>,
    pub occurred_at: DateTime<Utc>,
}

/// Inserts the event of a change of the person `person_id` (their
/// DUF-number and organisation are copied from the person's row), and its
/// webhook deliveries, inside the transaction `tx` of the change. `$d` is
/// the engine's dialect.
macro_rules! record_event {
    ($d:path, $tx:expr, $kind:expr, $person_id:expr, $registration_id:expr, $now:expr) => {{
        if let Some(lock) = $d.lock_events {
            sqlx::query(lock).execute(&mut *$tx).await?;
        }
        let event_id = uuid::Uuid::new_v4();
        let kind = kartlegg_shared::integration::ChangeEventType::as_str($kind);
        sqlx::query(&$d.sql(
            "INSERT INTO change_events (id, kind, organisation_id, duf_number, person_id, \
             registration_id, occurred_at) SELECT ?, ?, organisation_id, duf_number, id, ?, ? \
             FROM people WHERE id = ?",
        ))
        .bind(event_id)
        .bind(kind)
        .bind($registration_id)
        .bind($now)
        .bind($person_id)
        .execute(&mut *$tx)
        .await?;
        // The outbox's fan-out: one delivery per enabled webhook endpoint of
        // the organisation that wants this type, in the same transaction.
        sqlx::query(&$d.sql(&format!(
            "{}(SELECT organisation_id FROM people WHERE id = ?)",
            $crate::db::events::FAN_OUT
        )))
        .bind(event_id)
        .bind($now)
        .bind($now)
        .bind(kind)
        .bind($person_id)
        .execute(&mut *$tx)
        .await?;
    }};
}

pub(super) use record_event;

/// The start of the fan-out of an event to the webhook endpoints that want
/// it: binds the event id, the time twice and the event type, and ends
/// with `e.organisation_id = ` for the caller to complete.
pub(super) const FAN_OUT: &str = "INSERT INTO webhook_deliveries (endpoint_id, event_id, state, \
     attempts, next_attempt_at, created_at) SELECT e.id, ?, 'pending', 0, ?, ? \
     FROM webhook_endpoints e JOIN webhook_endpoint_types t \
     ON t.endpoint_id = e.id AND t.kind = ? WHERE e.disabled_at IS NULL AND e.organisation_id = ";

/// The columns of an event, in the order [`EventRow`] expects.
pub(super) const EVENT_COLUMNS: &str =
    "position, id, kind, organisation_id, duf_number, person_id, registration_id, occurred_at";

#[derive(sqlx::FromRow)]
pub(super) struct EventRow {
    position: i64,
    id: Uuid,
    kind: String,
    organisation_id: Uuid,
    duf_number: String,
    person_id: Uuid,
    registration_id: Option<Uuid>,
    occurred_at: DateTime<Utc>,
}

impl TryFrom<EventRow> for StoredEvent {
    type Error = StoreError;
    fn try_from(row: EventRow) -> Result<Self, Self::Error> {
        Ok(Self {
            position: row.position,
            id: row.id,
            kind: ChangeEventType::parse(&row.kind)
                .ok_or_else(|| StoreError::Corrupt(format!("event kind {:?}", row.kind)))?,
            organisation_id: row.organisation_id,
            duf_number: DufNumber::parse(&row.duf_number)
                .map_err(|_| StoreError::Corrupt("event DUF-number".into()))?,
            person_id: row.person_id,
            registration_id: row.registration_id,
            occurred_at: row.occurred_at,
        })
    }
}
