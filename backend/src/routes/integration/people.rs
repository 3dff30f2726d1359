//! Read, list and write people by DUF-number.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use kartlegg_shared::caseworker::AuditAction;
use kartlegg_shared::integration::{IntegrationPeoplePage, IntegrationPerson, PersonPut, Scope};
use kartlegg_shared::problem::Problem;
use serde::Deserialize;
use utoipa::IntoParams;

use super::conditional::{if_match_version, json_with_etag, person_etag};
use crate::AppState;
use crate::auth::client::ClientAccess;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath, AppQuery};
use crate::routes::responses::{BadPath, ClientToken, NoSuchPersonOfClient};
use crate::services::integration::{self as people, audit_reads, duf, person_of_client};

/// Paging through people.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    /// The `next` of the previous page; absent for the first.
    #[param(pattern = "^[0-9]{12}$")]
    pub after: Option<String>,
    /// People per page, 1 to 500 (default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u32>,
}

/// List the organisation's people in DUF-number order, a page at a time
/// (keyset paging: any depth is as fast as the first page). Needs
/// `people:read`; every person listed is audited as read by the client.
#[utoipa::path(
    get,
    path = "/api/v1/people",
    tag = "people",
    security(("oauth2" = ["people:read"])),
    params(
        PeopleQuery,
        ("If-None-Match" = Option<String>, Header, description = "The ETag of an earlier answer: 304 without a body while it is still current"),
    ),
    responses(
        (status = 200, description = "A page of people", body = IntegrationPeoplePage,
         headers(("ETag" = String, description = "The page's version"))),
        (status = 304, description = "The page has not changed since the `If-None-Match` ETag"),
        (status = 422, description = "`after` or `limit` is not valid", body = Problem, content_type = "application/problem+json"),
        ClientToken,
    )
)]
pub async fn people_page(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppQuery(query): AppQuery<PeopleQuery>,
) -> Result<Response, ApiError> {
    access.require(Scope::PeopleRead)?;
    let body = people::people_page(&state, &access, query.after.as_deref(), query.limit).await?;
    json_with_etag(&headers, StatusCode::OK, &body, None)
}

/// Read one person of the organisation by DUF-number. Needs `people:read`;
/// audited. The ETag is the person's version, for `If-Match` on `PUT`.
#[utoipa::path(
    get,
    path = "/api/v1/people/{duf_number}",
    tag = "people",
    security(("oauth2" = ["people:read"])),
    params(
        ("duf_number" = String, Path, description = "The DUF-number, 12 digits"),
        ("If-None-Match" = Option<String>, Header, description = "The ETag of an earlier answer: 304 without a body while it is still current"),
    ),
    responses(
        (status = 200, description = "The person", body = IntegrationPerson,
         headers(("ETag" = String, description = "The person's version"))),
        (status = 304, description = "Not changed since the `If-None-Match` ETag"),
        (status = 422, description = "The DUF-number is not 12 digits", body = Problem, content_type = "application/problem+json"),
        ClientToken, NoSuchPersonOfClient, BadPath,
    )
)]
pub async fn read_person(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppPath(duf_number): AppPath<String>,
) -> Result<Response, ApiError> {
    access.require(Scope::PeopleRead)?;
    let person = person_of_client(&state, &access, &duf("duf_number", &duf_number)?).await?;
    audit_reads(&state, &access, AuditAction::ReadPerson, &[&person.person]).await?;
    json_with_etag(
        &headers,
        StatusCode::OK,
        &people::view_one(&state, &person).await?,
        Some(person_etag(person.version)),
    )
}

/// Create or update a person of the organisation by DUF-number, with the
/// whole identity (an absent optional value clears it). Idempotent: the
/// same body twice changes nothing the second time. With `If-Match` (the
/// ETag of a read), the person is changed only if nobody changed them
/// since. Needs `people:write`; audited.
#[utoipa::path(
    put,
    path = "/api/v1/people/{duf_number}",
    tag = "people",
    security(("oauth2" = ["people:write"])),
    params(
        ("duf_number" = String, Path, description = "The DUF-number, 12 digits"),
        ("If-Match" = Option<String>, Header, description = "The ETag of the person as last read"),
    ),
    request_body = PersonPut,
    responses(
        (status = 200, description = "Updated (or already so)", body = IntegrationPerson,
         headers(("ETag" = String, description = "The person's new version"))),
        (status = 201, description = "Created", body = IntegrationPerson,
         headers(("ETag" = String, description = "The person's version"))),
        (status = 409, description = "The DUF-number belongs to a person of another organisation, or the national identity number to another person, or the person is linked as a duplicate (which can no longer be changed)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names a version the person no longer has (or there is no such person)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A value is not valid; `errors` names each field", body = Problem, content_type = "application/problem+json"),
        ClientToken, BadPath,
    )
)]
pub async fn put_person(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppPath(duf_number): AppPath<String>,
    AppJson(body): AppJson<PersonPut>,
) -> Result<Response, ApiError> {
    access.require(Scope::PeopleWrite)?;
    let duf = duf("duf_number", &duf_number)?;
    let expected = if_match_version(&headers)?;
    let (status, person, events) = people::put(&state, &access, &duf, &body, expected).await?;
    state.record_audit(&events).await?;
    json_with_etag(
        &HeaderMap::new(),
        status,
        &people::view_one(&state, &person).await?,
        Some(person_etag(person.version)),
    )
}
