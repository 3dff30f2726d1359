//! Who has read or changed the person's data.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{AccessLogEntry, Role};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{parse_id, person_in_org};
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::routes::responses::{BadPath, NoSuchPerson, Session};
use crate::services::people;

/// Who has read or changed this person's data, newest first (the latest 500).
///
/// Reading it is recorded too, so the answer starts with this read.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people/{id}/access-log",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 200, description = "The person's access log", body = Vec<AccessLogEntry>),
        (status = 403, description = "Needs the reader, counsellor or auditor role", body = Problem, content_type = "application/problem+json"),
        Session, NoSuchPerson, BadPath,
    )
)]
pub async fn access_log(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<Json<Vec<AccessLogEntry>>, ApiError> {
    cw.require(&[Role::Reader, Role::Counsellor, Role::Auditor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    people::access_log(&state, &cw, &listing.person)
        .await
        .map(Json)
}
