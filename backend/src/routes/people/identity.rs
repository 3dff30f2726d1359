//! Correcting the person's basic identity.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{AuditAction, IdentityUpdate, PersonIdentity, Role};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self, parse_id, person_in_org};
use crate::db::StoreError;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{Counsellors, NoSuchPerson, Session};
use crate::services::identity;

/// Correct the person's basic identity. The whole identity is sent; the
/// audit event names the fields that changed and keeps the reason.
#[utoipa::path(
    put,
    path = "/api/v1/caseworker/people/{id}/identity",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    request_body = IdentityUpdate,
    responses(
        (status = 200, description = "The corrected identity", body = PersonIdentity),
        (status = 409, description = "The national identity number belongs to another person; the refused attempt is audited", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson,
    )
)]
pub async fn correct_identity(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<IdentityUpdate>,
) -> Result<Json<PersonIdentity>, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let (change, reason) = identity::correction(&request)?;
    let before = &listing.person;
    let mut changed = Vec::new();
    let mut note = |field: &str, differs: bool| {
        if differs {
            changed.push(field.to_owned());
        }
    };
    note("first_name", before.first_name != change.first_name);
    note("last_name", before.last_name != change.last_name);
    note(
        "date_of_birth",
        before.date_of_birth != change.date_of_birth,
    );
    note("gender", before.gender != change.gender);
    note("citizenships", before.citizenships != change.citizenships);
    note(
        "registration_number",
        before.registration_number != change.registration_number,
    );
    note("national_id", before.national_id != change.national_id);
    let after = match state.store.update_identity(before.id, &change).await {
        Ok(after) => after,
        Err(StoreError::Conflict(_)) => {
            // The attempt is recorded against the person being corrected
            // only: the other holder of the number (perhaps in another
            // organisation) is neither named nor looked up, so the log
            // tells this organisation's auditors nothing about them.
            let mut event = cw.event_about(AuditAction::IdentityRefused, state.clock.now(), before);
            event.fields = vec!["national_id".to_owned()];
            event.reason = Some(reason);
            state.record_audit(&[event]).await?;
            return Err(ApiError::Conflict(
                "This national identity number belongs to another person".into(),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    let mut event = cw.event_about(AuditAction::CorrectIdentity, state.clock.now(), before);
    event.fields = changed;
    event.reason = Some(reason);
    state.record_audit(&[event]).await?;
    Ok(Json(back_office::identity(&after)))
}
