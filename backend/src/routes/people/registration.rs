//! One of the person's registrations.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::api::Registration;
use kartlegg_shared::caseworker::AuditAction;
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{REGISTRATION_FIELDS, parse_id, person_in_org};
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::routes::responses::{BadPath, Readers, Session};

/// One of the person's registrations with its answers, any of the history
/// (the person page shows the latest completed one by default). Logged as
/// a read of the person naming the registration.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people/{id}/registrations/{registration_id}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(
        ("id" = String, Path, description = "The person's id"),
        ("registration_id" = String, Path, description = "The registration's id (from the person page's `registrations`)"),
    ),
    responses(
        (status = 200, description = "The registration with its answers (logged as read)", body = Registration),
        (status = 404, description = "No such person in the caller's organisation, or no such registration of theirs", body = Problem, content_type = "application/problem+json"),
        Session, Readers, BadPath,
    )
)]
pub async fn person_registration(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath((id, registration_id)): AppPath<(String, String)>,
) -> Result<Json<Registration>, ApiError> {
    cw.require_reader()?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let registration_id = parse_id(&registration_id)?;
    let person = &listing.person;
    // Through the person's own history, so that an id of someone else's
    // registration finds nothing.
    let registration = state
        .store
        .registrations(person.id)
        .await?
        .into_iter()
        .find(|r| r.id == registration_id)
        .ok_or(ApiError::NotFound)?;
    let mut event = cw.event_about(AuditAction::ReadPerson, state.clock.now(), person);
    event.registration_id = Some(registration.id);
    event.fields = REGISTRATION_FIELDS
        .iter()
        .map(|f| (*f).to_owned())
        .collect();
    state.record_audit(&[event]).await?;
    Ok(Json(crate::dto::with_provenance(&registration)))
}
