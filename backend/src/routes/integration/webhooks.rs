//! An API client's webhook endpoints (`webhooks:manage`): register one
//! (its signing secret shown once), list them, remove one, read its
//! deliveries with every attempt, and send a delivery again.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::AuditAction;
use kartlegg_shared::integration::{
    NewWebhook, Scope, WebhookCreated, WebhookDeliveryView, WebhookView,
};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::client::{ClientAccess, client_event};
use crate::back_office::parse_id;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{BadPath, ClientToken, NoSuchDelivery, NoSuchWebhook};
use crate::services::webhooks;

/// Register a webhook endpoint: every event of the listed types in the
/// client's organisation is then POSTed to it, signed as Standard Webhooks
/// says with the secret in this answer (shown this once). The URL must be
/// `https://` and resolve to public addresses only.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    security(("oauth2" = ["webhooks:manage"])),
    request_body = NewWebhook,
    responses(
        (status = 201, description = "Registered; `secret` is shown this once", body = WebhookCreated),
        (status = 422, description = "The URL is not allowed (`not_allowed`, `too_long`), no type is given, or the client has ten endpoints (`too_many`)", body = Problem, content_type = "application/problem+json"),
        ClientToken,
    )
)]
pub async fn create_webhook(
    State(state): State<AppState>,
    access: ClientAccess,
    AppJson(new): AppJson<NewWebhook>,
) -> Result<(StatusCode, Json<WebhookCreated>), ApiError> {
    access.require(Scope::WebhooksManage)?;
    let audit = client_event(
        &access.client,
        &access.meta,
        AuditAction::ApiClientChanged,
        state.clock.now(),
    );
    let created = webhooks::create(&state, &access.client, audit, &new).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The client's webhook endpoints, disabled ones too (with why), oldest
/// first. Never the secrets.
#[utoipa::path(
    get,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    security(("oauth2" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "The endpoints", body = Vec<WebhookView>),
        ClientToken,
    )
)]
pub async fn list_webhooks(
    State(state): State<AppState>,
    access: ClientAccess,
) -> Result<Json<Vec<WebhookView>>, ApiError> {
    access.require(Scope::WebhooksManage)?;
    Ok(Json(webhooks::list(&state, &access.client).await?))
}

/// Delete an endpoint with its deliveries and their log: nothing more is
/// queued or sent to it.
#[utoipa::path(
    delete,
    path = "/api/v1/webhooks/{id}",
    tag = "webhooks",
    security(("oauth2" = ["webhooks:manage"])),
    params(("id" = String, Path, description = "The endpoint's id")),
    responses(
        (status = 204, description = "Deleted"),
        NoSuchWebhook, BadPath, ClientToken,
    )
)]
pub async fn remove_webhook(
    State(state): State<AppState>,
    access: ClientAccess,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, ApiError> {
    access.require(Scope::WebhooksManage)?;
    let id = parse_id(&id)?;
    let audit = client_event(
        &access.client,
        &access.meta,
        AuditAction::ApiClientChanged,
        state.clock.now(),
    );
    webhooks::remove(&state, &access.client, audit, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The endpoint's latest 100 deliveries, newest first, each with every
/// attempt (time, status, duration, error).
#[utoipa::path(
    get,
    path = "/api/v1/webhooks/{id}/deliveries",
    tag = "webhooks",
    security(("oauth2" = ["webhooks:manage"])),
    params(("id" = String, Path, description = "The endpoint's id")),
    responses(
        (status = 200, description = "The deliveries", body = Vec<WebhookDeliveryView>),
        NoSuchWebhook, BadPath, ClientToken,
    )
)]
pub async fn webhook_deliveries(
    State(state): State<AppState>,
    access: ClientAccess,
    AppPath(id): AppPath<String>,
) -> Result<Json<Vec<WebhookDeliveryView>>, ApiError> {
    access.require(Scope::WebhooksManage)?;
    let id = parse_id(&id)?;
    Ok(Json(
        webhooks::deliveries(&state, &access.client, id).await?,
    ))
}

/// Send a finished delivery (delivered, failed or cancelled) again now,
/// with the same `webhook-id`.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{id}/deliveries/{event_id}/retry",
    tag = "webhooks",
    security(("oauth2" = ["webhooks:manage"])),
    params(
        ("id" = String, Path, description = "The endpoint's id"),
        ("event_id" = String, Path, description = "The event's id (the delivery's `webhook-id`)"),
    ),
    responses(
        (status = 202, description = "Queued; it is sent within seconds"),
        NoSuchDelivery, BadPath, ClientToken,
    )
)]
pub async fn retry_delivery(
    State(state): State<AppState>,
    access: ClientAccess,
    AppPath((id, event_id)): AppPath<(String, String)>,
) -> Result<StatusCode, ApiError> {
    access.require(Scope::WebhooksManage)?;
    let (id, event_id) = (parse_id(&id)?, parse_id(&event_id)?);
    webhooks::send_again(&state, &access.client, id, event_id).await?;
    Ok(StatusCode::ACCEPTED)
}
