//! Duplicates and aliases of a person (UDI 2021-007 § 15) for systems:
//! the same requests, rules, history and audit as a counsellor's
//! (`routes::people::links`), through the same service calls, with the
//! client as the actor. Each POST takes an `Idempotency-Key`.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::caseworker::{
    AliasInfo, AliasRequest, DuplicateInfo, DuplicateRequest, LinkRemovalRequest,
};
use kartlegg_shared::integration::Scope;
use kartlegg_shared::problem::Problem;

use super::idempotency;
use crate::AppState;
use crate::auth::client::ClientAccess;
use crate::back_office::parse_id;
use crate::dto;
use crate::error::ApiError;
use crate::extract::{AppJsonBytes, AppPath};
use crate::routes::responses::{BadPath, ClientToken};
use crate::services::identity::{self, Actor};
use crate::services::integration::{duf, person_of_client};

/// Link a DUF-number registered by mistake for the same person as a
/// duplicate of this (the active) identity, as a counsellor does. The
/// duplicate can no longer be changed, and the search finds this identity
/// through its DUF-number. Written to both identity histories (the client
/// named as `API client: NAME`) and audited; both people's versions count
/// up. Needs `people:write`.
#[utoipa::path(
    post,
    path = "/api/v1/people/{duf_number}/duplicates",
    operation_id = "integration_link_duplicate",
    tag = "people",
    security(("oauth2" = ["people:write"])),
    params(
        ("duf_number" = String, Path, description = "The active identity's DUF-number, 12 digits"),
        ("Idempotency-Key" = Option<String>, Header, description = "A unique key per request, kept 24 hours"),
    ),
    request_body = DuplicateRequest,
    responses(
        (status = 201, description = "The link", body = DuplicateInfo),
        (status = 404, description = "No person with this DUF-number in the client's organisation, or none with the duplicate's", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The DUF-number is linked already, has duplicates of its own, or this identity is itself a duplicate; or a request with this Idempotency-Key is still being processed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A DUF-number that is not 12 digits, the identity's own, no reason (`errors` names each), or the Idempotency-Key was used with another request", body = Problem, content_type = "application/problem+json"),
        ClientToken, BadPath,
    )
)]
pub async fn link_duplicate(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppPath(duf_number): AppPath<String>,
    body: AppJsonBytes<DuplicateRequest>,
) -> Result<Response, ApiError> {
    access.require(Scope::PeopleWrite)?;
    let duf = duf("duf_number", &duf_number)?;
    let operation = format!("people/{}/duplicates", duf.as_str());
    idempotency::once(
        &state,
        &access,
        &headers,
        &operation,
        &body.bytes,
        || async {
            let active = person_of_client(&state, &access, &duf).await?;
            let link = identity::link_duplicate(
                &state,
                Actor::Client(&access),
                &active.person,
                &body.value,
            )
            .await?;
            Ok((StatusCode::CREATED, Json(dto::duplicate_info(&link))).into_response())
        },
    )
    .await
}

/// Undo a duplicate link made in error, as a counsellor does: the
/// duplicate becomes an identity of its own again, which can be changed.
/// Written to both identity histories and audited. Needs `people:write`.
#[utoipa::path(
    post,
    path = "/api/v1/people/{duf_number}/duplicates/{duplicate_duf_number}/unlinking",
    operation_id = "integration_unlink_duplicate",
    tag = "people",
    security(("oauth2" = ["people:write"])),
    params(
        ("duf_number" = String, Path, description = "The active identity's DUF-number, 12 digits"),
        ("duplicate_duf_number" = String, Path, description = "The duplicate's DUF-number, 12 digits"),
        ("Idempotency-Key" = Option<String>, Header, description = "A unique key per request, kept 24 hours"),
    ),
    request_body = LinkRemovalRequest,
    responses(
        (status = 204, description = "The link is undone"),
        (status = 404, description = "No person with either DUF-number in the client's organisation, or no such link between them", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A request with this Idempotency-Key is still being processed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A DUF-number that is not 12 digits, no reason (`errors` names it), or the Idempotency-Key was used with another request", body = Problem, content_type = "application/problem+json"),
        ClientToken, BadPath,
    )
)]
pub async fn unlink_duplicate(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppPath((duf_number, duplicate_duf_number)): AppPath<(String, String)>,
    body: AppJsonBytes<LinkRemovalRequest>,
) -> Result<Response, ApiError> {
    access.require(Scope::PeopleWrite)?;
    let active_duf = duf("duf_number", &duf_number)?;
    let duplicate_duf = duf("duplicate_duf_number", &duplicate_duf_number)?;
    let operation = format!(
        "people/{}/duplicates/{}/unlinking",
        active_duf.as_str(),
        duplicate_duf.as_str()
    );
    idempotency::once(
        &state,
        &access,
        &headers,
        &operation,
        &body.bytes,
        || async {
            let active = person_of_client(&state, &access, &active_duf).await?;
            let duplicate = person_of_client(&state, &access, &duplicate_duf).await?;
            identity::unlink_duplicate(
                &state,
                Actor::Client(&access),
                &active.person,
                duplicate.person.id,
                &body.value,
            )
            .await?;
            Ok(StatusCode::NO_CONTENT.into_response())
        },
    )
    .await
}

/// Register an alias, as a counsellor does: another name, date of birth
/// or citizenship the same person uses or was registered with, without a
/// DUF-number of its own. The search finds the person by it. Written to
/// the identity history and audited. Needs `people:write`.
#[utoipa::path(
    post,
    path = "/api/v1/people/{duf_number}/aliases",
    operation_id = "integration_add_alias",
    tag = "people",
    security(("oauth2" = ["people:write"])),
    params(
        ("duf_number" = String, Path, description = "The DUF-number, 12 digits"),
        ("Idempotency-Key" = Option<String>, Header, description = "A unique key per request, kept 24 hours"),
    ),
    request_body = AliasRequest,
    responses(
        (status = 201, description = "The alias", body = AliasInfo),
        (status = 404, description = "No person with this DUF-number in the client's organisation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The person is linked as a duplicate, which can no longer be changed; or a request with this Idempotency-Key is still being processed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values (`errors` names each), a DUF-number that is not 12 digits, or the Idempotency-Key was used with another request", body = Problem, content_type = "application/problem+json"),
        ClientToken, BadPath,
    )
)]
pub async fn add_alias(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppPath(duf_number): AppPath<String>,
    body: AppJsonBytes<AliasRequest>,
) -> Result<Response, ApiError> {
    access.require(Scope::PeopleWrite)?;
    let duf = duf("duf_number", &duf_number)?;
    let operation = format!("people/{}/aliases", duf.as_str());
    idempotency::once(
        &state,
        &access,
        &headers,
        &operation,
        &body.bytes,
        || async {
            let person = person_of_client(&state, &access, &duf).await?;
            let alias =
                identity::add_alias(&state, Actor::Client(&access), &person.person, &body.value)
                    .await?;
            Ok((StatusCode::CREATED, Json(dto::alias_info(&alias))).into_response())
        },
    )
    .await
}

/// Remove an alias registered in error, as a counsellor does. The
/// identity history keeps what it said; audited. Needs `people:write`.
#[utoipa::path(
    post,
    path = "/api/v1/people/{duf_number}/aliases/{alias_id}/removal",
    operation_id = "integration_remove_alias",
    tag = "people",
    security(("oauth2" = ["people:write"])),
    params(
        ("duf_number" = String, Path, description = "The DUF-number, 12 digits"),
        ("alias_id" = String, Path, description = "The alias's id (from the person's `aliases`)"),
        ("Idempotency-Key" = Option<String>, Header, description = "A unique key per request, kept 24 hours"),
    ),
    request_body = LinkRemovalRequest,
    responses(
        (status = 204, description = "The alias is removed"),
        (status = 404, description = "No person with this DUF-number in the client's organisation, or no such alias of theirs", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The person is linked as a duplicate, which can no longer be changed; or a request with this Idempotency-Key is still being processed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason (`errors` names it), a DUF-number that is not 12 digits, or the Idempotency-Key was used with another request", body = Problem, content_type = "application/problem+json"),
        ClientToken, BadPath,
    )
)]
pub async fn remove_alias(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppPath((duf_number, alias_id)): AppPath<(String, String)>,
    body: AppJsonBytes<LinkRemovalRequest>,
) -> Result<Response, ApiError> {
    access.require(Scope::PeopleWrite)?;
    let duf = duf("duf_number", &duf_number)?;
    let operation = format!("people/{}/aliases/{alias_id}/removal", duf.as_str());
    idempotency::once(
        &state,
        &access,
        &headers,
        &operation,
        &body.bytes,
        || async {
            let person = person_of_client(&state, &access, &duf).await?;
            let alias_id = parse_id(&alias_id)?;
            identity::remove_alias(
                &state,
                Actor::Client(&access),
                &person.person,
                alias_id,
                &body.value,
            )
            .await?;
            Ok(StatusCode::NO_CONTENT.into_response())
        },
    )
    .await
}
