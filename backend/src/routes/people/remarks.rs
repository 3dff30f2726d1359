//! Remarks on the person.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::{AuditAction, NewRemark, Remark, Role};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{parse_id, person_in_org};
use crate::dto;
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{Counsellors, NoSuchPerson, Session};

/// Add a remark to the person.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/remarks",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    request_body = NewRemark,
    responses(
        (status = 201, description = "The remark", body = Remark),
        (status = 422, description = "Empty or longer than 4000 characters", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson,
    )
)]
pub async fn add_remark(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<NewRemark>,
) -> Result<(StatusCode, Json<Remark>), ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let text = request.parse().map_err(ApiError::Validation)?;
    let now = state.clock.now();
    let remark = state
        .store
        .add_remark(listing.person.id, cw.account.id, text.as_str(), now)
        .await?;
    let mut event = cw.event_about(AuditAction::AddRemark, now, &listing.person);
    event.fields = vec!["remarks".to_owned()];
    state.record_audit(&[event]).await?;
    Ok((StatusCode::CREATED, Json(dto::remark(&remark))))
}
