//! API client administration for administrators: the own organisation's
//! clients, registering one (its secret shown once, or its public key),
//! adding and revoking credentials (rotation), changing scopes and
//! disabling. Every change is audited (see `services::clients`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::Role;
use kartlegg_shared::integration::{
    ApiClientCreated, ApiClientView, NewApiClient, NewCredential, Scope,
};
use kartlegg_shared::problem::Problem;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::parse_id;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{Administrators, BadPath, NoSuchClient, Session};
use crate::services::clients::{self, Actor};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_clients, create_client))
        .routes(routes!(add_credential))
        .routes(routes!(revoke_credential))
        .routes(routes!(set_scopes))
        .routes(routes!(disable_client))
}

/// `PUT /api/v1/caseworker/api-clients/{id}/scopes`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ScopesUpdate {
    /// At least one.
    #[schema(min_items = 1)]
    pub scopes: Vec<Scope>,
}

/// The administrator, as the actor of a change.
fn actor(cw: &CaseworkerSession) -> Result<Actor, ApiError> {
    cw.require(&[Role::Administrator])?;
    Ok(Actor {
        id: Some(cw.account.id),
        name: cw.account.display_name.clone(),
        meta: cw.meta.clone(),
    })
}

/// The organisation's API clients, by name, with their credentials (never
/// a secret) and last use.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/api-clients",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    responses(
        (status = 200, description = "The clients", body = Vec<ApiClientView>),
        Session, Administrators,
    )
)]
pub async fn list_clients(
    State(state): State<AppState>,
    cw: CaseworkerSession,
) -> Result<Json<Vec<ApiClientView>>, ApiError> {
    cw.require(&[Role::Administrator])?;
    let all = state
        .store
        .api_clients_of(cw.account.organisation_id)
        .await?;
    let mut views = Vec::with_capacity(all.len());
    for client in &all {
        views.push(clients::view(&state, client).await?);
    }
    Ok(Json(views))
}

/// Register an API client of the administrator's organisation, with its
/// scopes and first credential. A generated secret is in this answer only.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/api-clients",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    request_body = NewApiClient,
    responses(
        (status = 201, description = "Registered; `client_secret` is shown this once", body = ApiClientCreated),
        (status = 422, description = "A value is not valid (`taken` name, `invalid_key`, no scope, …)", body = Problem, content_type = "application/problem+json"),
        Session, Administrators,
    )
)]
pub async fn create_client(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppJson(request): AppJson<NewApiClient>,
) -> Result<(StatusCode, Json<ApiClientCreated>), ApiError> {
    let actor = actor(&cw)?;
    let (client, client_secret) = clients::create(
        &state,
        &actor,
        cw.account.organisation_id,
        &request.name,
        &request.scopes,
        &request.credential,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(ApiClientCreated {
            client,
            client_secret,
        }),
    ))
}

/// Add a credential to a client: the first step of a rotation (both stay
/// valid until the old one is revoked). A generated secret is in this
/// answer only.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/api-clients/{id}/credentials",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The client's id")),
    request_body = NewCredential,
    responses(
        (status = 201, description = "Added; `client_secret` is shown this once", body = ApiClientCreated),
        (status = 422, description = "The key is not valid (`invalid_key`)", body = Problem, content_type = "application/problem+json"),
        Session, Administrators, NoSuchClient, BadPath,
    )
)]
pub async fn add_credential(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<NewCredential>,
) -> Result<(StatusCode, Json<ApiClientCreated>), ApiError> {
    let actor = actor(&cw)?;
    let client =
        clients::of_organisation(&state, cw.account.organisation_id, parse_id(&id)?).await?;
    let (client, client_secret) =
        clients::add_credential(&state, &actor, &client, &request).await?;
    Ok((
        StatusCode::CREATED,
        Json(ApiClientCreated {
            client,
            client_secret,
        }),
    ))
}

/// Revoke one credential of a client (the end of a rotation): it stops
/// working for new tokens at once.
#[utoipa::path(
    delete,
    path = "/api/v1/caseworker/api-clients/{id}/credentials/{credential_id}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(
        ("id" = String, Path, description = "The client's id"),
        ("credential_id" = String, Path, description = "The credential's id"),
    ),
    responses(
        (status = 200, description = "Revoked", body = ApiClientView),
        Session, Administrators, NoSuchClient, BadPath,
    )
)]
pub async fn revoke_credential(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath((id, credential_id)): AppPath<(String, String)>,
) -> Result<Json<ApiClientView>, ApiError> {
    let actor = actor(&cw)?;
    let client =
        clients::of_organisation(&state, cw.account.organisation_id, parse_id(&id)?).await?;
    let view =
        clients::revoke_credential(&state, &actor, &client, parse_id(&credential_id)?).await?;
    Ok(Json(view))
}

/// Replace a client's scopes. A scope taken away stops working at once,
/// also for tokens already issued.
#[utoipa::path(
    put,
    path = "/api/v1/caseworker/api-clients/{id}/scopes",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The client's id")),
    request_body = ScopesUpdate,
    responses(
        (status = 200, description = "Changed", body = ApiClientView),
        (status = 422, description = "No scope given", body = Problem, content_type = "application/problem+json"),
        Session, Administrators, NoSuchClient, BadPath,
    )
)]
pub async fn set_scopes(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<ScopesUpdate>,
) -> Result<Json<ApiClientView>, ApiError> {
    let actor = actor(&cw)?;
    let client =
        clients::of_organisation(&state, cw.account.organisation_id, parse_id(&id)?).await?;
    Ok(Json(
        clients::set_scopes(&state, &actor, &client, &request.scopes).await?,
    ))
}

/// Disable a client: its tokens stop working at once and it gets no new
/// ones.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/api-clients/{id}/disable",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The client's id")),
    responses(
        (status = 200, description = "Disabled", body = ApiClientView),
        Session, Administrators, NoSuchClient, BadPath,
    )
)]
pub async fn disable_client(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<Json<ApiClientView>, ApiError> {
    let actor = actor(&cw)?;
    let client =
        clients::of_organisation(&state, cw.account.organisation_id, parse_id(&id)?).await?;
    Ok(Json(clients::disable(&state, &actor, &client).await?))
}
