//! The printable profile.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::PrintProfile;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{parse_id, person_in_org};
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::routes::responses::{BadPath, NoSuchPerson, Readers, Session};
use crate::services::people;

/// What the printable profile shows: identity and the latest completed
/// registration with its answers. Logged as a read for printing
/// (`print_person`), apart from the person page's reads.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people/{id}/print",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 200, description = "The profile to print (logged as read for printing)", body = PrintProfile),
        Session, Readers, NoSuchPerson, BadPath,
    )
)]
pub async fn print_profile(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<Json<PrintProfile>, ApiError> {
    cw.require_reader()?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    people::print_profile(&state, &cw, listing).await.map(Json)
}
