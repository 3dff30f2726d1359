//! The filtered list as CSV, streamed.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use kartlegg_shared::caseworker::{AuditAction, PeopleQuery};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self, SUMMARY_FIELDS, audit_reads};
use crate::error::ApiError;
use crate::extract::AppQuery;
use crate::registration::api_time;
use crate::routes::responses::{Readers, Session};

/// The rows of one export read: a page of the store at a time.
const EXPORT_CHUNK: i64 = 500;

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
    let mut filter = back_office::people_filter(&cw, &query)?;
    filter.limit = EXPORT_CHUNK;
    let header = back_office::csv_line(&[
        "duf_number",
        "last_name",
        "first_name",
        "date_of_birth",
        "state",
        "completed_at",
        "created_at",
    ]);
    let chunks = stream::try_unfold(Some((state, cw, filter)), |next| async move {
        let Some((state, cw, mut filter)) = next else {
            return Ok::<_, ApiError>(None);
        };
        let (rows, _) = state.store.people(&filter).await?;
        if rows.is_empty() {
            return Ok(None);
        }
        audit_reads(&state, &cw, AuditAction::Export, &rows, SUMMARY_FIELDS).await?;
        let mut text = String::new();
        for row in &rows {
            let p = &row.person;
            text.push_str(&back_office::csv_line(&[
                p.duf_number.as_str(),
                &p.last_name,
                &p.first_name,
                &p.date_of_birth.map(|d| d.to_string()).unwrap_or_default(),
                row.state.as_str(),
                &row.completed_at.map(api_time).unwrap_or_default(),
                &api_time(p.created_at),
            ]));
        }
        let more = i64::try_from(rows.len()).unwrap_or(0) == filter.limit;
        filter.offset += filter.limit;
        Ok(Some((
            Bytes::from(text),
            more.then_some((state, cw, filter)),
        )))
    });
    let body = stream::iter([Ok::<_, ApiError>(Bytes::from(header))]);
    let body = futures_util::StreamExt::chain(body, chunks);
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
