//! The applicant's session, consent and "My data". Logging in opens a
//! server-side session; logging out (or declining consent) ends it and the
//! code it was opened with, so continuing needs a new code.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::api::{
    CONSENT_VERSION, ConsentDecision, ConsentRecord, ConsentRequest, LoginRequest, LoginResponse,
    MyData, PersonData, Registration, SessionInfo,
};
use kartlegg_shared::problem::Problem;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::applicant::{cleared_cookie, has_consented, session_cookie};
use crate::auth::{ApplicantSession, login};
use crate::db::{Consent, Person};
use crate::dto::api_time;
use crate::error::ApiError;
use crate::extract::{AppJson, AppQuery};
use crate::routes::responses::Session;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(session_info, log_out))
        .routes(routes!(consent))
        .routes(routes!(my_data))
        .routes(routes!(my_data_download))
}

/// The login route alone, so that the per-address rate limit wraps it and
/// nothing else.
pub fn login_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(log_in))
}

/// Log in with DUF-number and code. The browser gets an HttpOnly session
/// cookie; API clients use the token as `Authorization: Bearer`. Every
/// failure is the same 401, whatever was wrong.
#[utoipa::path(
    post,
    path = "/api/v1/applicant/session",
    tag = "applicant",
    request_body = LoginRequest,
    responses(
        (status = 201, description = "Logged in", body = LoginResponse,
         headers(("Set-Cookie" = String, description = "`kartlegg_session`: HttpOnly, SameSite=Strict"))),
        (status = 401, description = "The DUF-number and code do not open a session", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is missing", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed logins for this DUF-number, or too many attempts from this address",
         body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 500, description = "Server error", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Logins are paused for a moment (too many at once); try again later",
         body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn log_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    AppJson(request): AppJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let new = login::log_in(&state, &request.duf_number, &request.code).await?;
    let now = state.clock.now();
    let cookie = session_cookie(
        &new.token,
        (new.session.expires_at - now).num_seconds(),
        &headers,
        state.config.cookie_secure,
    )?;
    let body = LoginResponse {
        token: new.token,
        expires_at: api_time(new.session.expires_at),
        session: session_info_of(&state, &new.person).await?,
    };
    Ok((
        StatusCode::CREATED,
        [(header::SET_COOKIE, cookie)],
        Json(body),
    )
        .into_response())
}

/// Who is logged in, and whether consent is still to be given.
#[utoipa::path(
    get,
    path = "/api/v1/applicant/session",
    tag = "applicant",
    security(("applicant_session" = []), ("applicant_cookie" = [])),
    responses(
        (status = 200, description = "The live session", body = SessionInfo),
        Session,
    )
)]
pub async fn session_info(
    State(state): State<AppState>,
    session: ApplicantSession,
) -> Result<Json<SessionInfo>, ApiError> {
    let person = person_of(&state, &session).await?;
    Ok(Json(session_info_of(&state, &person).await?))
}

/// Log out: ends the session and the code it was opened with (continuing
/// needs a new code), and clears the cookie.
#[utoipa::path(
    delete,
    path = "/api/v1/applicant/session",
    operation_id = "applicant_log_out",
    tag = "applicant",
    security(("applicant_session" = []), ("applicant_cookie" = [])),
    responses(
        (status = 204, description = "Logged out; the cookie is cleared",
         headers(("Set-Cookie" = String, description = "Clears `kartlegg_session`"))),
        Session,
    )
)]
pub async fn log_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    session: ApplicantSession,
) -> Result<Response, ApiError> {
    end_session(&state, &session).await?;
    Ok(logged_out(&state, &headers))
}

/// Answer the consent declaration. Accepting opens the questionnaire;
/// declining records only the decline (who, when, which version), ends
/// the session and the code, and clears the cookie.
#[utoipa::path(
    post,
    path = "/api/v1/applicant/consent",
    tag = "applicant",
    security(("applicant_session" = []), ("applicant_cookie" = [])),
    request_body = ConsentRequest,
    responses(
        (status = 200, description = "Consent recorded", body = SessionInfo),
        (status = 204, description = "Decline recorded; logged out",
         headers(("Set-Cookie" = String, description = "Clears `kartlegg_session`"))),
        (status = 422, description = "Not the current declaration's version, or a bad field", body = Problem, content_type = "application/problem+json"),
        Session,
    )
)]
pub async fn consent(
    State(state): State<AppState>,
    headers: HeaderMap,
    session: ApplicantSession,
    AppJson(request): AppJson<ConsentRequest>,
) -> Result<Response, ApiError> {
    if request.version != CONSENT_VERSION {
        return Err(ApiError::field(
            "version",
            "outdated_version",
            "The consent declaration has changed; show the current one",
        ));
    }
    state
        .store
        .record_consent(&Consent {
            person_id: session.person_id,
            version: request.version,
            decision: request.decision,
            decided_at: state.clock.now(),
        })
        .await?;
    match request.decision {
        ConsentDecision::Accept => {
            let person = person_of(&state, &session).await?;
            Ok(Json(session_info_of(&state, &person).await?).into_response())
        }
        ConsentDecision::Decline => {
            end_session(&state, &session).await?;
            Ok(logged_out(&state, &headers))
        }
    }
}

/// `?download=1` asks for the data as a file.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MyDataQuery {
    /// `1` (or `true`): answer with `Content-Disposition: attachment`;
    /// any other value, or none, answers inline.
    download: Option<String>,
}

/// Everything held about the logged-in applicant: person data, consent
/// records and every registration, newest first. Allowed without consent:
/// a person may always see what is held about them.
#[utoipa::path(
    get,
    path = "/api/v1/applicant/my-data",
    tag = "applicant",
    security(("applicant_session" = []), ("applicant_cookie" = [])),
    params(MyDataQuery),
    responses(
        (status = 200, description = "The applicant's data", body = MyData),
        (status = 422, description = "A query parameter given twice", body = Problem, content_type = "application/problem+json"),
        Session,
    )
)]
pub async fn my_data(
    State(state): State<AppState>,
    session: ApplicantSession,
    AppQuery(query): AppQuery<MyDataQuery>,
) -> Result<Response, ApiError> {
    let data = collect_my_data(&state, &session).await?;
    let download = query
        .download
        .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
    Ok(if download {
        as_attachment(data)
    } else {
        Json(data).into_response()
    })
}

/// The same as `GET /api/v1/applicant/my-data`, as a file to save.
#[utoipa::path(
    get,
    path = "/api/v1/applicant/my-data/download",
    tag = "applicant",
    security(("applicant_session" = []), ("applicant_cookie" = [])),
    responses(
        (status = 200, description = "The applicant's data as `kartlegg-my-data.json`", body = MyData,
         headers(("Content-Disposition" = String, description = "attachment"))),
        Session,
    )
)]
pub async fn my_data_download(
    State(state): State<AppState>,
    session: ApplicantSession,
) -> Result<Response, ApiError> {
    Ok(as_attachment(collect_my_data(&state, &session).await?))
}

fn as_attachment(data: MyData) -> Response {
    (
        [(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"kartlegg-my-data.json\""),
        )],
        Json(data),
    )
        .into_response()
}

async fn collect_my_data(state: &AppState, session: &ApplicantSession) -> Result<MyData, ApiError> {
    let person = person_of(state, session).await?;
    let organisation = state
        .store
        .organisation_by_id(person.organisation_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let consents = state.store.consents(person.id).await?;
    let registrations = state.store.registrations(person.id).await?;
    Ok(MyData {
        person: PersonData {
            duf_number: person.duf_number.as_str().to_owned(),
            first_name: person.first_name,
            last_name: person.last_name,
            organisation,
        },
        consents: consents
            .into_iter()
            .map(|c| ConsentRecord {
                version: c.version,
                decision: c.decision,
                decided_at: api_time(c.decided_at),
            })
            .collect(),
        registrations: registrations.iter().map(Registration::from).collect(),
    })
}

/// The session's person. A live session whose person is gone (erased)
/// counts as no session.
pub(crate) async fn person_of(
    state: &AppState,
    session: &ApplicantSession,
) -> Result<Person, ApiError> {
    state
        .store
        .person_by_id(session.person_id)
        .await?
        .ok_or(ApiError::Unauthorized)
}

async fn session_info_of(state: &AppState, person: &Person) -> Result<SessionInfo, ApiError> {
    let consents = state.store.consents(person.id).await?;
    Ok(SessionInfo {
        first_name: person.first_name.clone(),
        consent_required: !has_consented(&consents),
        consent_version: CONSENT_VERSION.to_owned(),
    })
}

async fn end_session(state: &AppState, session: &ApplicantSession) -> Result<(), ApiError> {
    Ok(state
        .store
        .end_applicant_sessions(session.code_id, state.clock.now())
        .await?)
}

fn logged_out(state: &AppState, headers: &HeaderMap) -> Response {
    (
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            cleared_cookie(headers, state.config.cookie_secure),
        )],
    )
        .into_response()
}
