//! Correcting the person's basic identity.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{IdentityUpdate, PersonIdentity, Role};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{parse_id, person_in_org};
use crate::dto;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{Counsellors, NoSuchPerson, Session};
use crate::services::identity;

/// Correct the person's identity (UDI 2021-007). The whole identity is
/// sent; each changed field goes into the identity history with its old and
/// new value, source, who, when and the reason, and the audit event names
/// the fields.
#[utoipa::path(
    put,
    path = "/api/v1/caseworker/people/{id}/identity",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    request_body = IdentityUpdate,
    responses(
        (status = 200, description = "The corrected identity", body = PersonIdentity),
        (status = 409, description = "The national identity number belongs to another person (the refused attempt is audited), or the person is linked as a duplicate, which can no longer be changed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson,
    )
)]
pub async fn correct_identity(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<IdentityUpdate>,
) -> Result<Json<PersonIdentity>, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let after = identity::correct(&state, &cw, &listing.person, &request).await?;
    let details = identity::details_of(&state, after.id).await?;
    Ok(Json(dto::identity(&after, details)))
}
