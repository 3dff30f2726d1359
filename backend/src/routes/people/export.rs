//! The filtered list as CSV, streamed.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::caseworker::PeopleQuery;
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self};
use crate::error::ApiError;
use crate::extract::AppQuery;
use crate::routes::responses::{Readers, Session};
use crate::services::people;

/// The filtered list (all pages; paging parameters are checked, then
/// ignored) as CSV,
/// streamed in chunks. Each chunk's people are logged as exported before
/// the chunk is sent.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people/export",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(PeopleQuery),
    responses(
        (status = 200, description = "`kartlegg-people.csv`: duf_number, last_name, first_name, date_of_birth, state, completed_at, created_at",
         content_type = "text/csv", body = String,
         headers(("Content-Disposition" = String, description = "attachment"))),
        (status = 422, description = "A bad filter or date", body = Problem, content_type = "application/problem+json"),
        Session, Readers,
    )
)]
pub async fn export_people(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppQuery(mut query): AppQuery<PeopleQuery>,
) -> Result<Response, ApiError> {
    cw.require_reader()?;
    // Checked like the list's, so that a bad one is refused the same way,
    // then ignored: the export is every page.
    back_office::paging(query.page, query.page_size)?;
    query.page = None;
    query.page_size = None;
    query.after = None;
    let filter = back_office::people_filter(&cw, &query)?;
    let body = people::export(state, cw, filter);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"kartlegg-people.csv\""),
            ),
        ],
        Body::from_stream(body),
    )
        .into_response())
}
