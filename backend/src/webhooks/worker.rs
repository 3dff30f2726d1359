//! The delivery worker: takes due deliveries with a lease, sends them
//! concurrently, logs each attempt and schedules what follows. It runs
//! inside `kartlegg serve` and alone as `kartlegg worker`; any number of
//! instances may share one PostgreSQL database (see `db/webhooks.rs`).

use std::time::Instant;

use chrono::Utc;
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use reqwest::header::{HeaderMap, HeaderValue};
use serde::Serialize;

use super::WorkerSettings;
use super::outbound::{Outbound, Sent};
use super::schedule::{Attempted, next_step};
use crate::AppState;
use crate::db::{AttemptOutcome, LeasedDelivery, NewAuditEvent, NextStep, StoreError};
use crate::dto::{api_time, change_event};
use kartlegg_shared::caseworker::AuditAction;

/// What a receiver gets: the Standard Webhooks envelope (`type`,
/// `timestamp`, `data`) around the same event the feed shows.
#[derive(Serialize)]
struct Envelope {
    #[serde(rename = "type")]
    kind: &'static str,
    timestamp: String,
    data: kartlegg_shared::integration::ChangeEvent,
}

/// Runs until the process ends: delivers what is due, then waits for this
/// instance's next event or the poll interval.
pub async fn run(state: AppState, settings: WorkerSettings) -> anyhow::Result<()> {
    let outbound = Outbound::new(settings.allow_private, settings.timeout)?;
    loop {
        // Asked for before looking, so an event written meanwhile wakes us.
        let written = state.feed_signal.notified();
        match deliver_due(&state, &outbound, &settings).await {
            Ok(0) => {
                let _ = tokio::time::timeout(settings.poll, written).await;
            }
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(%error, "webhook delivery round failed; trying again");
                tokio::time::sleep(settings.poll).await;
            }
        }
    }
}

/// Takes one batch of due deliveries and attempts each; how many it took.
pub async fn deliver_due(
    state: &AppState,
    outbound: &Outbound,
    settings: &WorkerSettings,
) -> Result<usize, StoreError> {
    let now = state.clock.now();
    let lease = chrono::Duration::from_std(settings.lease).unwrap_or(chrono::Duration::minutes(1));
    let taken = state
        .store
        .lease_webhook_deliveries(now, now + lease, settings.batch)
        .await?;
    let count = taken.len();
    let mut attempts: FuturesUnordered<_> = taken
        .into_iter()
        .map(|delivery| attempt(state, outbound, delivery))
        .collect();
    let mut disclosures = Vec::new();
    while let Some(result) = attempts.next().await {
        disclosures.extend(result?);
    }
    // The batch's deliveries audited in one append, not one lock each.
    if !disclosures.is_empty() {
        state.record_audit(&disclosures).await?;
    }
    Ok(count)
}

/// Sends one delivery and records how it went; the audit event of the
/// disclosure when it was delivered.
async fn attempt(
    state: &AppState,
    outbound: &Outbound,
    delivery: LeasedDelivery,
) -> Result<Option<NewAuditEvent>, StoreError> {
    let started = Instant::now();
    let sent = match signed_request(state, &delivery) {
        Ok((headers, body)) => outbound.post(&delivery.url, headers, body).await,
        Err(why) => Sent::Failed(why),
    };
    let duration_ms = u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX);
    let now = state.clock.now();
    let next = next_step(
        &sent,
        Attempted {
            now,
            queued_at: delivery.created_at,
            failed_before: delivery.attempts,
            failing_since: delivery.failing_since,
            jitter: jitter(),
        },
    );
    let (status, error) = match sent {
        Sent::Answered(status) if (200..300).contains(&status) => (Some(status), None),
        Sent::Answered(status) => (Some(status), Some(format!("answered {status}"))),
        Sent::Failed(why) => (None, Some(why)),
    };
    state.metrics.webhook_attempt(status);
    state
        .store
        .finish_webhook_attempt(&AttemptOutcome {
            endpoint_id: delivery.endpoint_id,
            event_id: delivery.event.id,
            attempted_at: now,
            status,
            duration_ms,
            error,
            next,
        })
        .await?;
    // A delivery discloses a person's DUF-number to the client, as a read
    // of the feed does: audited the same way.
    Ok((next == NextStep::Delivered).then(|| disclosure(&delivery, now)))
}

/// The audit event of a delivered webhook: the client read of the person.
fn disclosure(delivery: &LeasedDelivery, at: chrono::DateTime<Utc>) -> NewAuditEvent {
    let event = &delivery.event;
    NewAuditEvent {
        at,
        actor_id: Some(delivery.client_id),
        actor: format!("API client: {}", delivery.client_name),
        organisation_id: Some(event.organisation_id),
        action: AuditAction::List,
        person_id: Some(event.person_id),
        person_organisation_id: Some(event.organisation_id),
        registration_id: event.registration_id,
        fields: vec!["webhook".to_owned()],
        reason: None,
        client_address: None,
        request_id: None,
    }
}

/// The body and the Standard Webhooks headers of a delivery. The signing
/// time is the wall clock's: receivers compare it with theirs.
fn signed_request(
    state: &AppState,
    delivery: &LeasedDelivery,
) -> Result<(HeaderMap, Vec<u8>), String> {
    let secret = super::secret::open(state, delivery.endpoint_id, &delivery.secret_sealed)
        .ok_or_else(|| "the signing secret does not open with this server's key".to_owned())?;
    let body = serde_json::to_vec(&Envelope {
        kind: delivery.event.kind.as_str(),
        timestamp: api_time(delivery.event.occurred_at),
        data: change_event(&delivery.event),
    })
    .map_err(|e| format!("encoding: {e}"))?;
    let id = delivery.event.id.to_string();
    let timestamp = Utc::now().timestamp();
    let signature = standardwebhooks::Webhook::from_bytes(secret)
        .and_then(|w| w.sign(&id, timestamp, &body))
        .map_err(|e| format!("signing: {e}"))?;
    let mut headers = HeaderMap::new();
    for (name, value) in [
        (standardwebhooks::HEADER_WEBHOOK_ID, id),
        (
            standardwebhooks::HEADER_WEBHOOK_TIMESTAMP,
            timestamp.to_string(),
        ),
        (standardwebhooks::HEADER_WEBHOOK_SIGNATURE, signature),
    ] {
        let value = HeaderValue::from_str(&value).map_err(|e| format!("header: {e}"))?;
        headers.insert(name, value);
    }
    Ok((headers, body))
}

/// A number in 0..1 for the retry jitter.
fn jitter() -> f64 {
    let mut bytes = [0u8; 4];
    if getrandom::getrandom(&mut bytes).is_err() {
        return 0.5;
    }
    f64::from(u32::from_le_bytes(bytes)) / f64::from(u32::MAX)
}
