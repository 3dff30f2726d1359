//! Webhook endpoints as their client (`webhooks:manage`) and the client's
//! administrator manage them: register (the secret shown once), list,
//! remove, read the deliveries with every attempt, and send one again.
//! Registering and removing are audited with the given actor.

use kartlegg_shared::caseworker::AuditAction;
use kartlegg_shared::integration::{
    ChangeEventType, NewWebhook, WEBHOOK_URL_MAX_CHARS, WebhookAttemptView, WebhookCreated,
    WebhookDeliveryView, WebhookView,
};
use uuid::Uuid;

use crate::AppState;
use crate::db::{ApiClient, NewAuditEvent, NewWebhookEndpoint, WebhookDelivery, WebhookEndpoint};
use crate::dto::api_time;
use crate::error::ApiError;
use crate::webhooks::outbound::refusal;
use crate::webhooks::secret;

/// The most deliveries one listing shows.
pub const DELIVERIES_SHOWN: u32 = 100;

/// The most endpoints a client may have enabled at once.
pub const MAX_ENDPOINTS: usize = 10;

/// Registers an endpoint of `client`; the answer holds its secret, which
/// is not kept in the clear.
pub async fn create(
    state: &AppState,
    client: &ApiClient,
    audit: NewAuditEvent,
    new: &NewWebhook,
) -> Result<WebhookCreated, ApiError> {
    let url = new.url.trim();
    if url.chars().count() > WEBHOOK_URL_MAX_CHARS {
        return Err(ApiError::field(
            "url",
            "too_long",
            "At most 2,000 characters",
        ));
    }
    if let Some(why) = refusal(url, state.config.webhooks.allow_private) {
        return Err(ApiError::field(
            "url",
            "not_allowed",
            &format!("Not a receiver address: {why}"),
        ));
    }
    let mut types: Vec<ChangeEventType> = new.types.clone();
    types.sort_unstable();
    types.dedup();
    if types.is_empty() {
        return Err(ApiError::field(
            "types",
            "required",
            "Give at least one event type",
        ));
    }
    let enabled = state
        .store
        .webhook_endpoints(client.id)
        .await?
        .iter()
        .filter(|e| e.disabled_at.is_none())
        .count();
    if enabled >= MAX_ENDPOINTS {
        return Err(ApiError::field(
            "url",
            "too_many",
            "At most 10 endpoints per client",
        ));
    }
    let id = Uuid::new_v4();
    let (key, shown) = secret::generate().map_err(ApiError::Internal)?;
    let sealed = secret::seal(state, id, &key).map_err(ApiError::Internal)?;
    let now = state.clock.now();
    let endpoint = state
        .store
        .create_webhook_endpoint(&NewWebhookEndpoint {
            id,
            client_id: client.id,
            organisation_id: client.organisation_id,
            url: url.to_owned(),
            types,
            secret_sealed: sealed,
            now,
        })
        .await?;
    state
        .record_audit(&[NewAuditEvent {
            action: AuditAction::ApiClientChanged,
            fields: vec!["webhook".to_owned()],
            at: now,
            ..audit
        }])
        .await?;
    Ok(WebhookCreated {
        webhook: view(&endpoint),
        secret: shown,
    })
}

/// The client's endpoints, removed ones too.
pub async fn list(state: &AppState, client: &ApiClient) -> Result<Vec<WebhookView>, ApiError> {
    Ok(state
        .store
        .webhook_endpoints(client.id)
        .await?
        .iter()
        .map(view)
        .collect())
}

/// The client's endpoint `id`; 404 for none (or another client's).
pub async fn endpoint(
    state: &AppState,
    client: &ApiClient,
    id: Uuid,
) -> Result<WebhookEndpoint, ApiError> {
    state
        .store
        .webhook_endpoint(client.id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Deletes an endpoint with its deliveries: nothing more is queued or sent
/// to it; 404 for none.
pub async fn remove(
    state: &AppState,
    client: &ApiClient,
    audit: NewAuditEvent,
    id: Uuid,
) -> Result<(), ApiError> {
    if !state.store.delete_webhook_endpoint(client.id, id).await? {
        return Err(ApiError::NotFound);
    }
    state
        .record_audit(&[NewAuditEvent {
            action: AuditAction::ApiClientChanged,
            fields: vec!["webhook".to_owned()],
            at: state.clock.now(),
            ..audit
        }])
        .await?;
    Ok(())
}

/// The endpoint's latest deliveries, newest first, each with its attempts.
pub async fn deliveries(
    state: &AppState,
    client: &ApiClient,
    id: Uuid,
) -> Result<Vec<WebhookDeliveryView>, ApiError> {
    let endpoint = endpoint(state, client, id).await?;
    Ok(state
        .store
        .webhook_deliveries(endpoint.id, DELIVERIES_SHOWN)
        .await?
        .iter()
        .map(delivery_view)
        .collect())
}

/// Sends a finished delivery again now ("send again"); 404 for none, 409
/// while it is still pending or when the endpoint is disabled.
pub async fn send_again(
    state: &AppState,
    client: &ApiClient,
    id: Uuid,
    event_id: Uuid,
) -> Result<(), ApiError> {
    let endpoint = endpoint(state, client, id).await?;
    match state
        .store
        .redeliver_webhook(endpoint.id, event_id, state.clock.now())
        .await?
    {
        None => return Err(ApiError::NotFound),
        Some(false) => {
            return Err(ApiError::Conflict(
                "The delivery is still pending, or its endpoint is disabled".to_owned(),
            ));
        }
        Some(true) => {}
    }
    state.events_written();
    Ok(())
}

/// An endpoint as its client and administrator see it (never the secret).
pub fn view(e: &WebhookEndpoint) -> WebhookView {
    WebhookView {
        id: e.id.to_string(),
        url: e.url.clone(),
        types: e.types.clone(),
        created_at: api_time(e.created_at),
        failing_since: e.failing_since.map(api_time),
        disabled_at: e.disabled_at.map(api_time),
        disabled_reason: e.disabled_reason,
    }
}

fn delivery_view(d: &WebhookDelivery) -> WebhookDeliveryView {
    WebhookDeliveryView {
        event_id: d.event_id.to_string(),
        kind: d.kind,
        state: d.state,
        next_attempt_at: (d.state == kartlegg_shared::integration::DeliveryState::Pending)
            .then(|| api_time(d.next_attempt_at)),
        created_at: api_time(d.created_at),
        attempts: d
            .attempts
            .iter()
            .map(|a| WebhookAttemptView {
                number: a.number,
                attempted_at: api_time(a.attempted_at),
                status: a.status,
                duration_ms: a.duration_ms,
                error: a.error.clone(),
            })
            .collect(),
    }
}
