//! The look-up of a person outside the own organisation, with a reason.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{OutsideLookupRequest, OutsideLookupResult};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::error::ApiError;
use crate::extract::AppJson;
use crate::routes::responses::{Readers, Session};
use crate::services::people;

/// Look up a person outside the own organisation by exact DUF-number, with
/// a reason. The lookup is logged (found or not) with the reason, and the
/// person's organisation can read that log. Gives the summary and who
/// follows the person up; the person page stays closed. A duplicate's
/// DUF-number gives the active identity, marked `found_through` the
/// duplicate.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/lookup",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    request_body = OutsideLookupRequest,
    responses(
        (status = 200, description = "The person (logged with the reason)", body = OutsideLookupResult),
        (status = 404, description = "No one has this DUF-number", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a DUF-number, or no reason (at least 10 characters)", body = Problem, content_type = "application/problem+json"),
        Session, Readers,
    )
)]
pub async fn outside_lookup(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppJson(request): AppJson<OutsideLookupRequest>,
) -> Result<Json<OutsideLookupResult>, ApiError> {
    cw.require_reader()?;
    let lookup = request.parse().map_err(ApiError::Validation)?;
    people::outside_lookup(&state, &cw, &lookup.duf_number, &lookup.reason)
        .await
        .map(Json)
}
