//! The caseworker's session: log in with username, password and (when the
//! account has one) a TOTP code; who am I; log out.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::caseworker::{
    AuditAction, CaseworkerLoginRequest, CaseworkerLoginResponse, Me,
};
use kartlegg_shared::problem::Problem;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::auth::applicant::{cleared_cookie_named, session_cookie_named};
use crate::auth::caseworker::{CASEWORKER_COOKIE, RequestMeta, log_in};
use crate::dto;
use crate::dto::api_time;
use crate::error::ApiError;
use crate::extract::AppJson;
use crate::routes::responses::Session;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(log_out))
}

/// The login route alone, so that the per-address rate limit wraps it.
pub fn login_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(caseworker_login))
}

/// Log in as a caseworker. Unknown username, wrong password, wrong code and
/// a disabled account are all the same 401. An account with a second
/// factor that sent no code gets 422 on `totp_code` (`totp_required`).
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/login",
    tag = "caseworker",
    request_body = CaseworkerLoginRequest,
    responses(
        (status = 201, description = "Logged in", body = CaseworkerLoginResponse,
         headers(("Set-Cookie" = String, description = "`kartlegg_caseworker_session`: HttpOnly, SameSite=Strict"))),
        (status = 401, description = "The credentials do not open a session", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The deployment requires administrators to use a second factor, and this account has none", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is missing, or the TOTP code is required", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed logins for this username, or attempts from this address",
         body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 500, description = "Server error", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Logins are paused for a moment (too many at once); try again later",
         body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn caseworker_login(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: RequestMeta,
    AppJson(request): AppJson<CaseworkerLoginRequest>,
) -> Result<Response, ApiError> {
    let login = log_in(
        &state,
        &request.username,
        &request.password,
        request.totp_code.as_deref(),
        &meta,
    )
    .await?;
    let now = state.clock.now();
    let cookie = session_cookie_named(
        CASEWORKER_COOKIE,
        &login.token,
        (login.session.expires_at - now).num_seconds(),
        &headers,
        state.config.cookie_secure,
    )?;
    let body = CaseworkerLoginResponse {
        token: login.token,
        expires_at: api_time(login.session.expires_at),
        me: dto::me(&login.account, &login.organisation),
    };
    Ok((
        StatusCode::CREATED,
        [(header::SET_COOKIE, cookie)],
        Json(body),
    )
        .into_response())
}

/// The logged-in caseworker: account, organisation and roles.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/me",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    responses(
        (status = 200, description = "The caseworker", body = Me),
        Session,
    )
)]
pub async fn me(cw: CaseworkerSession) -> Json<Me> {
    Json(dto::me(&cw.account, &cw.organisation))
}

/// Log out: ends the session and clears the cookie.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/logout",
    operation_id = "caseworker_log_out",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    responses(
        (status = 204, description = "Logged out; the cookie is cleared",
         headers(("Set-Cookie" = String, description = "Clears `kartlegg_caseworker_session`"))),
        Session,
    )
)]
pub async fn log_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    cw: CaseworkerSession,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    state
        .store
        .end_caseworker_session(cw.session_id, now)
        .await?;
    state
        .record_audit(&[cw.event(AuditAction::Logout, now)])
        .await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            cleared_cookie_named(CASEWORKER_COOKIE, &headers, state.config.cookie_secure),
        )],
    )
        .into_response())
}
