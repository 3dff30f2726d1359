//! Erasing a person on request.

use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::{ErasureRequest, Role};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{parse_id, person_in_org};
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{NoSuchPerson, Session};
use crate::services::erasure;

/// Erase the person (the right to erasure): their identity, registrations
/// and answers, remarks, login codes, sessions and worklist entries are
/// deleted at once and for good; the anonymous statistics stay. The audit
/// log records the erasure with its reason but without the person, and
/// systems reading the change feed get a `person.erased` event with the
/// DUF-number so that they erase their copy. Cannot be undone.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/erasure",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    request_body = ErasureRequest,
    responses(
        (status = 204, description = "The person is erased"),
        (status = 403, description = "Needs the counsellor or administrator role", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason (at least 10 characters), or a path parameter that is not valid UTF-8", body = Problem, content_type = "application/problem+json"),
        Session, NoSuchPerson,
    )
)]
pub async fn erase_person(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<ErasureRequest>,
) -> Result<StatusCode, ApiError> {
    cw.require(&[Role::Counsellor, Role::Administrator])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let reason = request.parse().map_err(ApiError::Validation)?;
    erasure::erase_on_request(&state, &cw, &listing.person, &reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
