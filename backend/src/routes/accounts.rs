//! Account administration for administrators: the own organisation's
//! caseworker accounts, creating them, setting roles, disabling them,
//! clearing a login delay. No
//! personal data of applicants is reachable from here.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::{
    Account, AuditAction, CreatedAccount, NewAccount, Role, RolesUpdate,
};
use kartlegg_shared::problem::Problem;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::auth::caseworker::account_throttle_key;
use crate::auth::password::{totp_base32, totp_uri};
use crate::back_office::parse_id;
use crate::db::Caseworker;
use crate::dto;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{Administrators, BadPath, NoSuchAccount, Session};
use crate::services::accounts;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_accounts, create_account))
        .routes(routes!(set_roles))
        .routes(routes!(disable_account))
        .routes(routes!(clear_login_delay))
}

/// The organisation's accounts, by username.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/accounts",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    responses(
        (status = 200, description = "The accounts", body = Vec<Account>),
        Session, Administrators,
    )
)]
pub async fn list_accounts(
    State(state): State<AppState>,
    cw: CaseworkerSession,
) -> Result<Json<Vec<Account>>, ApiError> {
    cw.require(&[Role::Administrator])?;
    let accounts = state
        .store
        .caseworkers_of(cw.account.organisation_id)
        .await?;
    Ok(Json(accounts.iter().map(dto::account).collect()))
}

/// Create an account in the administrator's organisation. With `totp`
/// (or when the deployment requires it for administrators) the answer
/// carries the second factor's secret, once.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/accounts",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    request_body = NewAccount,
    responses(
        (status = 201, description = "Created", body = CreatedAccount),
        (status = 409, description = "The username is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values (`password_too_short`, `password_too_common`, …)", body = Problem, content_type = "application/problem+json"),
        Session, Administrators,
    )
)]
pub async fn create_account(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppJson(request): AppJson<NewAccount>,
) -> Result<(StatusCode, Json<CreatedAccount>), ApiError> {
    cw.require(&[Role::Administrator])?;
    let now = state.clock.now();
    let totp = request.totp
        || (state.config.require_admin_totp && request.roles.contains(&Role::Administrator));
    let (account, secret) = accounts::create(
        state.store.as_ref(),
        accounts::NewAccount {
            organisation_id: cw.account.organisation_id,
            username: &request.username,
            display_name: &request.display_name,
            password: &request.password,
            roles: &request.roles,
            totp,
        },
        now,
    )
    .await?;
    let mut event = cw.event(AuditAction::AccountCreated, now);
    event.fields = account_fields(&account);
    state.record_audit(&[event]).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedAccount {
            account: dto::account(&account),
            totp_secret: secret.as_deref().map(totp_base32),
            totp_uri: secret.as_deref().map(|s| totp_uri(s, &account.username)),
        }),
    ))
}

/// Replace an account's roles.
#[utoipa::path(
    put,
    path = "/api/v1/caseworker/accounts/{id}/roles",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The account's id")),
    request_body = RolesUpdate,
    responses(
        (status = 200, description = "The account with its new roles", body = Account),
        (status = 409, description = "Administrators cannot take their own administrator role", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A path parameter that is not valid UTF-8, or a bad body", body = Problem, content_type = "application/problem+json"),
        Session, Administrators, NoSuchAccount,
    )
)]
pub async fn set_roles(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<RolesUpdate>,
) -> Result<Json<Account>, ApiError> {
    cw.require(&[Role::Administrator])?;
    let target = account_in_org(&state, &cw, &id).await?;
    if target.id == cw.account.id && !request.roles.contains(&Role::Administrator) {
        // Otherwise an organisation can lose its last administrator by a slip.
        return Err(ApiError::Conflict(
            "You cannot take your own administrator role".into(),
        ));
    }
    state
        .store
        .set_caseworker_roles(target.id, &request.roles)
        .await?;
    let updated = state
        .store
        .caseworker_by_id(target.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut event = cw.event(AuditAction::RolesChanged, state.clock.now());
    event.fields = account_fields(&updated);
    state.record_audit(&[event]).await?;
    Ok(Json(dto::account(&updated)))
}

/// Disable an account: it can no longer log in, and its sessions end at once.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/accounts/{id}/disable",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The account's id")),
    responses(
        (status = 200, description = "The disabled account", body = Account),
        (status = 409, description = "Administrators cannot disable their own account", body = Problem, content_type = "application/problem+json"),
        Session, Administrators, NoSuchAccount, BadPath,
    )
)]
pub async fn disable_account(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<Json<Account>, ApiError> {
    cw.require(&[Role::Administrator])?;
    let target = account_in_org(&state, &cw, &id).await?;
    if target.id == cw.account.id {
        return Err(ApiError::Conflict(
            "You cannot disable your own account".into(),
        ));
    }
    let now = state.clock.now();
    state.store.disable_caseworker(target.id, now).await?;
    let updated = state
        .store
        .caseworker_by_id(target.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut event = cw.event(AuditAction::AccountDisabled, now);
    event.fields = account_fields(&updated);
    state.record_audit(&[event]).await?;
    Ok(Json(dto::account(&updated)))
}

/// Clear an account's login delay: after failed logins an account waits
/// longer and longer between tries, and after 100 it is held (see
/// `auth::backoff`); an administrator who has spoken to its owner lets
/// them try again at once.
#[utoipa::path(
    delete,
    path = "/api/v1/caseworker/accounts/{id}/login-delay",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The account's id")),
    responses(
        (status = 204, description = "The account may log in again at once"),
        Session, Administrators, NoSuchAccount, BadPath,
    )
)]
pub async fn clear_login_delay(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, ApiError> {
    cw.require(&[Role::Administrator])?;
    let target = account_in_org(&state, &cw, &id).await?;
    state
        .store
        .clear_login_throttle(&account_throttle_key(&state, &target.username))
        .await?;
    let mut event = cw.event(AuditAction::LoginDelayCleared, state.clock.now());
    event.fields = vec![format!("account:{}", target.id)];
    state.record_audit(&[event]).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The account with this id in the caller's organisation; 404 otherwise.
async fn account_in_org(
    state: &AppState,
    cw: &CaseworkerSession,
    id: &str,
) -> Result<Caseworker, ApiError> {
    state
        .store
        .caseworker_by_id(parse_id(id)?)
        .await?
        .filter(|a| a.organisation_id == cw.account.organisation_id)
        .ok_or(ApiError::NotFound)
}

/// What an account event records: whose account, and its roles after.
fn account_fields(account: &Caseworker) -> Vec<String> {
    std::iter::once(format!("account:{}", account.id))
        .chain(account.roles.iter().map(|r| format!("role:{}", r.as_str())))
        .collect()
}
