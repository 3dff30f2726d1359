//! Registering together with the applicant: a counsellor opens the
//! applicant's form in their own session (`POST …/people/{id}/together`),
//! and the form bundle then calls the same operations as the applicant's
//! (session, consent, registration, save a part, complete, fill in again)
//! under `/api/v1/caseworker/together/{id}`. The rules are in
//! `services::together`; every handler checks the counsellor role, that
//! the session is the caller's and open, and that its person is in the
//! caller's organisation (404 otherwise), on every request.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kartlegg_shared::api::{ConsentRequest, Registration, SaveSectionRequest};
use kartlegg_shared::problem::Problem;
use kartlegg_shared::together::{StartTogether, TogetherSession};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::parse_id;
use crate::dto::with_provenance;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{BadPath, Counsellors, NoSuchPerson, Session};
use crate::services::together;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(start_together))
        .routes(routes!(together_session, end_together))
        .routes(routes!(together_consent))
        .routes(routes!(together_registration))
        .routes(routes!(together_save_section))
        .routes(routes!(together_complete))
        .routes(routes!(together_start_again))
}

/// The path of a together session's operations.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct TogetherPath {
    /// The together session's id.
    pub id: String,
}

/// The path of a save of one part in a together session.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct TogetherSectionPath {
    /// The together session's id.
    pub id: String,
    /// The part's id, for example `education`.
    pub section: String,
}

/// Open "register together with the applicant" for a person of the
/// organisation: the applicant's form in the counsellor's session, in the
/// applicant's language. With `consent: in_person` the counsellor confirms
/// that the applicant consented in person, and the consent is recorded now
/// (by the counsellor, given in person); with `on_screen` the applicant
/// answers the declaration on the screen first. Audited.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/together",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    request_body = StartTogether,
    responses(
        (status = 201, description = "The together session", body = TogetherSession),
        (status = 422, description = "A bad language, consent or interpreter; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson, BadPath,
    )
)]
pub async fn start_together(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<StartTogether>,
) -> Result<Response, ApiError> {
    let started = together::start(&state, &cw, parse_id(&id)?, request).await?;
    Ok((StatusCode::CREATED, Json(started.view())).into_response())
}

/// The together session: the applicant's language and first name, and
/// whether the consent is still to be given.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/together/{id}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(TogetherPath),
    responses(
        (status = 200, description = "The together session", body = TogetherSession),
        (status = 404, description = "No open together session of the caller's with this id, for a person of the organisation", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, BadPath,
    )
)]
pub async fn together_session(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(TogetherPath { id }): AppPath<TogetherPath>,
) -> Result<Json<TogetherSession>, ApiError> {
    let open = together::open(&state, &cw, parse_id(&id)?).await?;
    Ok(Json(open.view()))
}

/// End the together session (the form goes back to the person page).
#[utoipa::path(
    delete,
    path = "/api/v1/caseworker/together/{id}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(TogetherPath),
    responses(
        (status = 204, description = "Ended"),
        (status = 404, description = "No open together session of the caller's with this id, for a person of the organisation", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, BadPath,
    )
)]
pub async fn end_together(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(TogetherPath { id }): AppPath<TogetherPath>,
) -> Result<StatusCode, ApiError> {
    let open = together::open(&state, &cw, parse_id(&id)?).await?;
    together::end(&state, &cw, &open).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The applicant answers the consent declaration on the counsellor's
/// screen (a session opened with `on_screen`). Accepting opens the form;
/// declining records only the decline (given on the screen, recorded by
/// the counsellor) and ends the together session.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/together/{id}/consent",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(TogetherPath),
    request_body = ConsentRequest,
    responses(
        (status = 200, description = "Consent recorded", body = TogetherSession),
        (status = 204, description = "Decline recorded; the together session has ended"),
        (status = 404, description = "No open together session of the caller's with this id, for a person of the organisation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The consent is recorded already, or was confirmed in person", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not the current declaration's version, or a bad field", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, BadPath,
    )
)]
pub async fn together_consent(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(TogetherPath { id }): AppPath<TogetherPath>,
    AppJson(request): AppJson<ConsentRequest>,
) -> Result<Response, ApiError> {
    let open = together::open(&state, &cw, parse_id(&id)?).await?;
    Ok(match together::consent(&state, &cw, open, request).await? {
        Some(consented) => Json(consented.view()).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

/// The applicant's current registration, with who gave each answer; an
/// empty draft is started on the first call. Audited as a read.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/together/{id}/registration",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(TogetherPath),
    responses(
        (status = 200, description = "The current registration", body = Registration),
        (status = 404, description = "No open together session of the caller's with this id, for a person of the organisation", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, BadPath,
    )
)]
pub async fn together_registration(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(TogetherPath { id }): AppPath<TogetherPath>,
) -> Result<Json<Registration>, ApiError> {
    let open = together::open(&state, &cw, parse_id(&id)?).await?;
    let current = together::current(&state, &cw, &open).await?;
    Ok(Json(with_provenance(&current)))
}

/// Save one part, exactly as the applicant's save does (the same
/// validation; nothing is stored on an error), with the counsellor and the
/// interpreter recorded on each answer this save gives or changes.
#[utoipa::path(
    put,
    path = "/api/v1/caseworker/together/{id}/registration/sections/{section}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(TogetherSectionPath),
    request_body = SaveSectionRequest,
    responses(
        (status = 200, description = "Saved", body = Registration),
        (status = 404, description = "No such part, or no open together session of the caller's with this id, for a person of the organisation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another save came first (stale revision), or the registration is completed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid answers; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, BadPath,
    )
)]
pub async fn together_save_section(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(TogetherSectionPath { id, section }): AppPath<TogetherSectionPath>,
    AppJson(request): AppJson<SaveSectionRequest>,
) -> Result<Json<Registration>, ApiError> {
    let open = together::open(&state, &cw, parse_id(&id)?).await?;
    let saved = together::save_section(&state, &cw, &open, &section, request).await?;
    Ok(Json(with_provenance(&saved)))
}

/// Complete the registration, exactly as the applicant's completion does.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/together/{id}/registration/complete",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(TogetherPath),
    responses(
        (status = 200, description = "Completed", body = Registration),
        (status = 404, description = "No open together session of the caller's with this id, for a person of the organisation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already completed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answers are missing or invalid; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, BadPath,
    )
)]
pub async fn together_complete(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(TogetherPath { id }): AppPath<TogetherPath>,
) -> Result<Json<Registration>, ApiError> {
    let open = together::open(&state, &cw, parse_id(&id)?).await?;
    let completed = together::complete(&state, &cw, &open).await?;
    Ok(Json(with_provenance(&completed)))
}

/// Fill in the form again after completing, as the applicant's "fill in
/// again" does: a new draft with the latest registration's answers.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/together/{id}/registrations",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(TogetherPath),
    responses(
        (status = 201, description = "A new draft with the previous answers", body = Registration),
        (status = 404, description = "No open together session of the caller's with this id, for a person of the organisation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A draft is already open", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, BadPath,
    )
)]
pub async fn together_start_again(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(TogetherPath { id }): AppPath<TogetherPath>,
) -> Result<Response, ApiError> {
    let open = together::open(&state, &cw, parse_id(&id)?).await?;
    let filled = together::start_again(&state, &cw, &open).await?;
    Ok((StatusCode::CREATED, Json(with_provenance(&filled))).into_response())
}
