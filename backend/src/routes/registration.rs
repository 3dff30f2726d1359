//! The applicant's registration: the current one, saving a part,
//! completing, and filling in again. Every query is scoped to the session's
//! person; no route takes a registration id, so another person's
//! registration cannot even be named.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::Datelike;
use kartlegg_shared::api::{Registration, RegistrationStatus, SaveSectionRequest};
use kartlegg_shared::problem::Problem;
use kartlegg_shared::questionnaire::{Context, UI_LANGUAGES, prune, shipped, shipped_v1};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::ConsentedApplicant;
use crate::db::{DraftUpdate, StoreError, StoredRegistration};
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::registration::{complete, merge_section, with_saved_section};
use crate::routes::responses::{Consented, Session};

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
    let current = current_or_new(&state, session.person_id).await?;
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
        (status = 400, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such part", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another save came first (stale revision), or the registration is completed", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not `application/json`", body = Problem, content_type = "application/problem+json"),
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
    let language = match request.language {
        Some(code) if !UI_LANGUAGES.contains(&code.as_str()) => {
            return Err(ApiError::field(
                "language",
                "unknown_language",
                "Not one of the 14 languages",
            ));
        }
        other => other,
    };
    let current = current_or_new(&state, session.person_id).await?;
    let questionnaire = questionnaire_of(&current)?;
    if questionnaire.section(&section).is_none() {
        return Err(ApiError::NotFound);
    }
    ensure_draft(&current)?;
    if request.revision != current.revision {
        return Err(stale());
    }
    let answers = merge_section(
        questionnaire,
        &current.answers,
        &section,
        &request.answers,
        &context(&state),
    )
    .map_err(ApiError::Validation)?;
    let saved = update(
        &state,
        DraftUpdate {
            id: current.id,
            person_id: session.person_id,
            expected_revision: current.revision,
            answers,
            saved_sections: with_saved_section(questionnaire, &current.saved_sections, &section),
            complete: false,
            language,
            now: state.clock.now(),
        },
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
    let current = current_or_new(&state, session.person_id).await?;
    ensure_draft(&current)?;
    let questionnaire = questionnaire_of(&current)?;
    let answers = complete(questionnaire, &current.answers, &context(&state))
        .map_err(ApiError::Validation)?;
    let completed = update(
        &state,
        DraftUpdate {
            id: current.id,
            person_id: session.person_id,
            expected_revision: current.revision,
            answers,
            saved_sections: current.saved_sections.clone(),
            complete: true,
            language: None,
            now: state.clock.now(),
        },
    )
    .await?;
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
    let draft_open = || ApiError::Conflict("A registration is already being filled in".into());
    let latest = state.store.latest_registration(session.person_id).await?;
    if latest
        .as_ref()
        .is_some_and(|l| l.status == RegistrationStatus::Draft)
    {
        return Err(draft_open());
    }
    let created = state
        .store
        .create_registration(session.person_id, shipped_v1().version, state.clock.now())
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => draft_open(),
            other => other.into(),
        })?;
    let Some(previous) = latest else {
        return Ok((StatusCode::CREATED, Json(Registration::from(&created))));
    };
    // The copy is the new draft's first save; the completed registration is
    // untouched, so a failure here loses nothing.
    let questionnaire = shipped_v1();
    let answers = prune(questionnaire, &previous.answers);
    let saved_sections = previous
        .saved_sections
        .iter()
        .filter(|s| questionnaire.section(s).is_some())
        .cloned()
        .collect();
    let filled = update(
        &state,
        DraftUpdate {
            id: created.id,
            person_id: session.person_id,
            expected_revision: created.revision,
            answers,
            saved_sections,
            complete: false,
            language: previous.language.clone(),
            now: state.clock.now(),
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(Registration::from(&filled))))
}

/// The newest registration, or a new empty draft when there is none. Two
/// first calls at once both end up with the one draft.
async fn current_or_new(
    state: &AppState,
    person_id: uuid::Uuid,
) -> Result<StoredRegistration, ApiError> {
    if let Some(latest) = state.store.latest_registration(person_id).await? {
        return Ok(latest);
    }
    match state
        .store
        .create_registration(person_id, shipped_v1().version, state.clock.now())
        .await
    {
        Ok(created) => Ok(created),
        Err(StoreError::Conflict(_)) => state
            .store
            .latest_registration(person_id)
            .await?
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("draft vanished after a conflict"))),
        Err(other) => Err(other.into()),
    }
}

/// The questionnaire version the registration was started against.
fn questionnaire_of(
    registration: &StoredRegistration,
) -> Result<&'static kartlegg_shared::questionnaire::Questionnaire, ApiError> {
    shipped(registration.questionnaire_version).ok_or_else(|| {
        ApiError::Internal(anyhow::anyhow!(
            "registration answers questionnaire version {}, which this server lacks",
            registration.questionnaire_version
        ))
    })
}

fn ensure_draft(registration: &StoredRegistration) -> Result<(), ApiError> {
    match registration.status {
        RegistrationStatus::Draft => Ok(()),
        RegistrationStatus::Completed => Err(ApiError::Conflict(
            "The registration is completed and can no longer change; fill it in again to change it"
                .into(),
        )),
    }
}

fn stale() -> ApiError {
    ApiError::Conflict("The registration has changed since you loaded it; reload it".into())
}

/// Stores a conditional update; losing the race is a 409 like a stale revision.
async fn update(state: &AppState, update: DraftUpdate) -> Result<StoredRegistration, ApiError> {
    state
        .store
        .update_draft(&update)
        .await
        .map_err(|e| match e {
            StoreError::Stale => stale(),
            other => other.into(),
        })
}

fn context(state: &AppState) -> Context {
    Context {
        current_year: state.clock.now().year(),
    }
}
