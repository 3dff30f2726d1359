//! Issuing a login code.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::{AuditAction, IssuedCode, Role};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::auth::login::issue_code;
use crate::back_office::{parse_id, person_in_org};
use crate::dto::api_time;
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::routes::responses::{BadPath, Counsellors, NoSuchPerson, Session};

/// Issue a new login code, ending any earlier one and every session opened
/// with it. The code is in this answer only: it is stored as a keyed hash
/// and cannot be shown again. At most five codes a day per person (the
/// bound on guessing depends on it).
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/codes",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 201, description = "The new code, shown once", body = IssuedCode),
        (status = 409, description = "The person has been given five codes in the last 24 hours", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson, BadPath,
    )
)]
pub async fn issue_new_code(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<(StatusCode, Json<IssuedCode>), ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let now = state.clock.now();
    let issued = issue_code(
        state.store.as_ref(),
        &state.keys,
        &listing.person,
        now,
        state.config.code_ttl,
    )
    .await?;
    let mut event = cw.event_about(AuditAction::IssueCode, now, &listing.person);
    event.fields = vec!["login_code".to_owned()];
    state.record_audit(&[event]).await?;
    Ok((
        StatusCode::CREATED,
        Json(IssuedCode {
            code: issued.code.display(),
            expires_at: api_time(issued.expires_at),
        }),
    ))
}
