//! The organisation's people, filtered, sorted and paged.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{AuditAction, PeoplePage, PeopleQuery};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self, SUMMARY_FIELDS, audit_reads};
use crate::dto;
use crate::error::ApiError;
use crate::extract::AppQuery;
use crate::routes::responses::{Readers, Session};

/// The organisation's people with filters, sorting and paging.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(PeopleQuery),
    responses(
        (status = 200, description = "One page (each person on it logged as read)", body = PeoplePage),
        (status = 422, description = "A bad filter, date, page or cursor (`after`: `after_with_page`, `invalid_cursor`)", body = Problem, content_type = "application/problem+json"),
        Session, Readers,
    )
)]
pub async fn list_people(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppQuery(query): AppQuery<PeopleQuery>,
) -> Result<Json<PeoplePage>, ApiError> {
    cw.require_reader()?;
    let filter = back_office::people_filter(&cw, &query)?;
    let (items, total) = state.store.people(&filter).await?;
    audit_reads(&state, &cw, AuditAction::List, &items, SUMMARY_FIELDS).await?;
    let page = back_office::paging(query.page, query.page_size)?;
    Ok(Json(PeoplePage {
        items: items.iter().map(dto::summary).collect(),
        total,
        total_capped: back_office::reached_cap(total, filter.count_up_to),
        page: page.number,
        page_size: page.size,
        // The last person shown is where the next page starts; only ids,
        // never names, go into a cursor (it travels in URLs and logs).
        next: items
            .last()
            .filter(|_| i64::try_from(items.len()) == Ok(filter.limit))
            .map(|last| last.person.id.to_string()),
    }))
}
