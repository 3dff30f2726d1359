//! Import people in a batch.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::integration::{BatchResult, PeopleBatch, Scope};
use kartlegg_shared::problem::Problem;

use super::idempotency;
use crate::AppState;
use crate::auth::client::ClientAccess;
use crate::error::ApiError;
use crate::extract::AppJsonBytes;
use crate::routes::responses::ClientToken;
use crate::services::integration;

/// Create or update up to 1,000 people of the organisation in one request.
/// Each item is written on its own and answered with the status it would
/// have had alone (201, 200, 409 or 422 with its problem); the batch is
/// not all-or-nothing, so a failed item never undoes the others. Send an
/// `Idempotency-Key` to retry safely. Needs `people:write`; audited.
#[utoipa::path(
    post,
    path = "/api/v1/people/batch",
    tag = "people",
    security(("oauth2" = ["people:write"])),
    params(("Idempotency-Key" = Option<String>, Header, description = "A unique key per request, kept 24 hours")),
    request_body = PeopleBatch,
    responses(
        (status = 200, description = "One result per item, in the order sent", body = BatchResult),
        (status = 409, description = "A request with this Idempotency-Key is still being processed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not 1 to 1,000 people, or the Idempotency-Key was used with another body", body = Problem, content_type = "application/problem+json"),
        ClientToken,
    )
)]
pub async fn import_people(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    body: AppJsonBytes<PeopleBatch>,
) -> Result<Response, ApiError> {
    access.require(Scope::PeopleWrite)?;
    idempotency::once(
        &state,
        &access,
        &headers,
        "people/batch",
        &body.bytes,
        || async {
            let results = integration::batch(&state, &access, &body.value.people).await?;
            Ok((StatusCode::OK, Json(BatchResult { results })).into_response())
        },
    )
    .await
}
