//! The applicant's registration: the current one, saving a part,
//! completing, and filling in again. Every query is scoped to the session's
//! person; no route takes a registration id, so another person's
//! registration cannot even be named.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::api::{Registration, SaveSectionRequest};
use kartlegg_shared::problem::Problem;
use kartlegg_shared::together::AnswerProvenance;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::ConsentedApplicant;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{Consented, Session};
use crate::services::registration;

/// The part a save is for.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SectionPath {
    /// The part's id, for example `education`.
    pub section: String,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(current_registration))
        .routes(routes!(save_section))
        .routes(routes!(complete_registration))
        .routes(routes!(start_again))
}

/// The applicant's current (newest) registration; an empty draft is
/// started on the first call.
#[utoipa::path(
    get,
    path = "/api/v1/applicant/registration",
    tag = "applicant",
    security(("applicant_session" = []), ("applicant_cookie" = [])),
    responses(
        (status = 200, description = "The current registration", body = Registration),
        Session, Consented,
    )
)]
pub async fn current_registration(
    State(state): State<AppState>,
    ConsentedApplicant(session): ConsentedApplicant,
) -> Result<Json<Registration>, ApiError> {
    let current = registration::current_or_new(&state, session.person_id).await?;
    Ok(Json(Registration::from(&current)))
}

/// Save one part of the draft. A part may be incomplete (the applicant may
/// go back or jump ahead), but every answer given must be valid; answers
/// that the new answers hide are dropped. Nothing is stored on an error.
#[utoipa::path(
    put,
    path = "/api/v1/applicant/registration/sections/{section}",
    tag = "applicant",
    security(("applicant_session" = []), ("applicant_cookie" = [])),
    params(SectionPath),
    request_body = SaveSectionRequest,
    responses(
        (status = 200, description = "Saved", body = Registration),
        (status = 404, description = "No such part", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another save came first (stale revision), or the registration is completed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid answers; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Consented,
    )
)]
pub async fn save_section(
    State(state): State<AppState>,
    ConsentedApplicant(session): ConsentedApplicant,
    AppPath(SectionPath { section }): AppPath<SectionPath>,
    AppJson(request): AppJson<SaveSectionRequest>,
) -> Result<Json<Registration>, ApiError> {
    let saved = registration::save_section(
        &state,
        session.person_id,
        &section,
        request,
        &AnswerProvenance::applicant(),
    )
    .await?;
    Ok(Json(Registration::from(&saved)))
}

/// Complete the registration: every part is checked, required answers
/// included. A completed registration can be read but not changed.
#[utoipa::path(
    post,
    path = "/api/v1/applicant/registration/complete",
    tag = "applicant",
    security(("applicant_session" = []), ("applicant_cookie" = [])),
    responses(
        (status = 200, description = "Completed", body = Registration),
        (status = 409, description = "Already completed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answers are missing or invalid; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Consented,
    )
)]
pub async fn complete_registration(
    State(state): State<AppState>,
    ConsentedApplicant(session): ConsentedApplicant,
) -> Result<Json<Registration>, ApiError> {
    let completed = registration::complete(&state, session.person_id).await?;
    Ok(Json(Registration::from(&completed)))
}

/// Fill in the form again after completing: starts a new draft against the
/// current questionnaire with the latest registration's answers filled in
/// (those the current questionnaire still shows), so the applicant changes
/// only what changed. Earlier registrations are kept as history.
#[utoipa::path(
    post,
    path = "/api/v1/applicant/registrations",
    tag = "applicant",
    security(("applicant_session" = []), ("applicant_cookie" = [])),
    responses(
        (status = 201, description = "A new draft with the previous answers", body = Registration),
        (status = 409, description = "A draft is already open", body = Problem, content_type = "application/problem+json"),
        Session, Consented,
    )
)]
pub async fn start_again(
    State(state): State<AppState>,
    ConsentedApplicant(session): ConsentedApplicant,
) -> Result<(StatusCode, Json<Registration>), ApiError> {
    let filled = registration::start_again(&state, session.person_id).await?;
    Ok((StatusCode::CREATED, Json(Registration::from(&filled))))
}
