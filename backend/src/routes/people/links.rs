//! Duplicates and aliases of a person (UDI 2021-007 § 15).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::{
    AliasInfo, AliasRequest, DuplicateInfo, DuplicateRequest, LinkRemovalRequest, Role,
};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{parse_id, person_in_org};
use crate::dto;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{Counsellors, NoSuchPerson, Session};
use crate::services::identity::{self, Actor};

/// Link a DUF-number registered by mistake for the same person as a
/// duplicate of this (the active) identity. The duplicate can no longer be
/// changed, and the search finds this identity through its DUF-number.
/// Written to both identity histories and audited.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/duplicates",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The active identity's id")),
    request_body = DuplicateRequest,
    responses(
        (status = 201, description = "The link", body = DuplicateInfo),
        (status = 404, description = "No such person in the organisation, or no person of the organisation has that DUF-number", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The DUF-number is linked already, has duplicates of its own, or this identity is itself a duplicate", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a DUF-number, the identity's own, or no reason; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors,
    )
)]
pub async fn link_duplicate(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<DuplicateRequest>,
) -> Result<(StatusCode, Json<DuplicateInfo>), ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let link =
        identity::link_duplicate(&state, Actor::Caseworker(&cw), &listing.person, &request).await?;
    Ok((StatusCode::CREATED, Json(dto::duplicate_info(&link))))
}

/// Register an alias: another name, date of birth or citizenship the same
/// person uses or was registered with, without a DUF-number of its own.
/// The search finds the person by it. Written to the identity history and
/// audited.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/aliases",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    request_body = AliasRequest,
    responses(
        (status = 201, description = "The alias", body = AliasInfo),
        (status = 409, description = "The person is linked as a duplicate, which can no longer be changed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson,
    )
)]
pub async fn add_alias(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<AliasRequest>,
) -> Result<(StatusCode, Json<AliasInfo>), ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let alias =
        identity::add_alias(&state, Actor::Caseworker(&cw), &listing.person, &request).await?;
    Ok((StatusCode::CREATED, Json(dto::alias_info(&alias))))
}

/// Undo a duplicate link made in error: the duplicate becomes an identity
/// of its own again, which can be changed, and the search no longer finds
/// the active identity through it. Written to both identity histories and
/// audited.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/duplicates/{duplicate_id}/unlinking",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(
        ("id" = String, Path, description = "The active identity's id"),
        ("duplicate_id" = String, Path, description = "The duplicate's id"),
    ),
    request_body = LinkRemovalRequest,
    responses(
        (status = 204, description = "The link is undone"),
        (status = 404, description = "No such person in the organisation, or no such duplicate of theirs", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason (`errors` names it), or a path parameter that is not valid UTF-8", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors,
    )
)]
pub async fn unlink_duplicate(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath((id, duplicate_id)): AppPath<(String, String)>,
    AppJson(request): AppJson<LinkRemovalRequest>,
) -> Result<StatusCode, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let duplicate_id = parse_id(&duplicate_id)?;
    identity::unlink_duplicate(
        &state,
        Actor::Caseworker(&cw),
        &listing.person,
        duplicate_id,
        &request,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Remove an alias registered in error. The identity history keeps what
/// it said; audited.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/aliases/{alias_id}/removal",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(
        ("id" = String, Path, description = "The person's id"),
        ("alias_id" = String, Path, description = "The alias's id"),
    ),
    request_body = LinkRemovalRequest,
    responses(
        (status = 204, description = "The alias is removed"),
        (status = 404, description = "No such person in the organisation, or no such alias of theirs", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The person is linked as a duplicate, which can no longer be changed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason (`errors` names it), or a path parameter that is not valid UTF-8", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors,
    )
)]
pub async fn remove_alias(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath((id, alias_id)): AppPath<(String, String)>,
    AppJson(request): AppJson<LinkRemovalRequest>,
) -> Result<StatusCode, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let alias_id = parse_id(&alias_id)?;
    identity::remove_alias(
        &state,
        Actor::Caseworker(&cw),
        &listing.person,
        alias_id,
        &request,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
