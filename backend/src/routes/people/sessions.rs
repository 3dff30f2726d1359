//! Ending the applicant's sessions.

use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::{AuditAction, Role};

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{parse_id, person_in_org};
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::routes::responses::{BadPath, Counsellors, NoSuchPerson, Session};

/// End every session the applicant has open (for example on a shared
/// computer at the reception centre). The code stays valid: if it may be
/// known to someone else, issue a new code, which ends it.
#[utoipa::path(
    delete,
    path = "/api/v1/caseworker/people/{id}/sessions",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 204, description = "Every session of the applicant has ended"),
        Session, Counsellors, NoSuchPerson, BadPath,
    )
)]
pub async fn end_sessions(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let now = state.clock.now();
    let ended = state
        .store
        .end_person_sessions(listing.person.id, now)
        .await?;
    let mut event = cw.event_about(AuditAction::EndSessions, now, &listing.person);
    event.fields = vec![format!("sessions:{ended}")];
    state.record_audit(&[event]).await?;
    Ok(StatusCode::NO_CONTENT)
}
