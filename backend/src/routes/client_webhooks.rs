//! An API client's webhooks as its organisation's administrator sees them
//! in the back office: the endpoints (with why one was disabled), each
//! endpoint's deliveries with every attempt, and "send again".

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::Role;
use kartlegg_shared::integration::{WebhookDeliveryView, WebhookView};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::parse_id;
use crate::db::ApiClient;
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::routes::responses::{
    Administrators, BadPath, NoSuchClient, NoSuchDelivery, NoSuchWebhook, Session,
};
use crate::services::{clients, webhooks};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(client_webhooks))
        .routes(routes!(client_webhook_deliveries))
        .routes(routes!(retry_client_delivery))
}

/// The administrator's organisation's client `id`.
async fn client_of(
    state: &AppState,
    cw: &CaseworkerSession,
    id: &str,
) -> Result<ApiClient, ApiError> {
    cw.require(&[Role::Administrator])?;
    clients::of_organisation(state, cw.account.organisation_id, parse_id(id)?).await
}

/// A client's webhook endpoints, with whether each is failing or disabled
/// and why.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/api-clients/{id}/webhooks",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "The endpoints", body = Vec<WebhookView>),
        Session, Administrators, NoSuchClient, BadPath,
    )
)]
pub async fn client_webhooks(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<Json<Vec<WebhookView>>, ApiError> {
    let client = client_of(&state, &cw, &id).await?;
    Ok(Json(webhooks::list(&state, &client).await?))
}

/// One endpoint's latest 100 deliveries with every attempt.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/api-clients/{id}/webhooks/{webhook_id}/deliveries",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(
        ("id" = String, Path, description = "The client's id"),
        ("webhook_id" = String, Path, description = "The endpoint's id"),
    ),
    responses(
        (status = 200, description = "The deliveries", body = Vec<WebhookDeliveryView>),
        Session, Administrators, NoSuchWebhook, BadPath,
    )
)]
pub async fn client_webhook_deliveries(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath((id, webhook_id)): AppPath<(String, String)>,
) -> Result<Json<Vec<WebhookDeliveryView>>, ApiError> {
    let client = client_of(&state, &cw, &id).await?;
    let webhook_id = parse_id(&webhook_id)?;
    Ok(Json(
        webhooks::deliveries(&state, &client, webhook_id).await?,
    ))
}

/// Send a finished delivery again now.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/api-clients/{id}/webhooks/{webhook_id}/deliveries/{event_id}/retry",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(
        ("id" = String, Path, description = "The client's id"),
        ("webhook_id" = String, Path, description = "The endpoint's id"),
        ("event_id" = String, Path, description = "The event's id (the delivery's `webhook-id`)"),
    ),
    responses(
        (status = 202, description = "Queued; it is sent within seconds"),
        Session, Administrators, NoSuchDelivery, BadPath,
    )
)]
pub async fn retry_client_delivery(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath((id, webhook_id, event_id)): AppPath<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    let client = client_of(&state, &cw, &id).await?;
    let (webhook_id, event_id) = (parse_id(&webhook_id)?, parse_id(&event_id)?);
    webhooks::send_again(&state, &client, webhook_id, event_id).await?;
    Ok(StatusCode::ACCEPTED)
}
