//! The person page.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::PersonPage;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{parse_id, person_in_org};
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::routes::responses::{BadPath, NoSuchPerson, Readers, Session};
use crate::services::people;

/// Everything the person page shows. Logged as a read of each field set.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people/{id}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 200, description = "The person (logged as read)", body = PersonPage),
        Session, Readers, NoSuchPerson, BadPath,
    )
)]
pub async fn person_page(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<Json<PersonPage>, ApiError> {
    cw.require_reader()?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    people::person_page(&state, &cw, listing).await.map(Json)
}
