//! The one search box over the own organisation's people.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{AuditAction, SEARCH_LIMIT, SearchRequest, SearchResponse};
use kartlegg_shared::problem::Problem;
use kartlegg_shared::search::SearchQuery;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{SUMMARY_FIELDS, audit_reads};
use crate::db::PeopleFilter;
use crate::dto;
use crate::error::ApiError;
use crate::extract::AppJson;
use crate::routes::responses::{Readers, Session};
use crate::services::people;

/// Search the own organisation's people with the one search box. The text
/// decides what is searched (see `SearchRequest`). A DUF-number of someone
/// outside the organisation finds no one here: use `POST /lookup`.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/search",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    request_body = SearchRequest,
    responses(
        (status = 200, description = "Matches (logged as reads)", body = SearchResponse),
        (status = 422, description = "The text cannot be searched; `errors[0].code` says why \
                                       (`national_id_check_digits`, `invalid_date`, `invalid_number_length`, …)",
         body = Problem, content_type = "application/problem+json"),
        Session, Readers,
    )
)]
pub async fn search(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppJson(request): AppJson<SearchRequest>,
) -> Result<Json<SearchResponse>, ApiError> {
    cw.require_reader()?;
    let query = SearchQuery::parse(&request.query)
        .map_err(|e| ApiError::field("query", e.code, e.message))?;
    let (kind, matching) = people::search_match(query);
    let limit = i64::try_from(SEARCH_LIMIT).unwrap_or(50);
    let mut filter = PeopleFilter::new(cw.account.organisation_id, cw.account.id, limit + 1);
    filter.matching = Some(matching);
    // The search shows no total: the extra row says whether there are more.
    filter.count_up_to = Some(0);
    let (mut found, _) = state.store.people(&filter).await?;
    let truncated = found.len() > SEARCH_LIMIT;
    found.truncate(SEARCH_LIMIT);
    audit_reads(&state, &cw, AuditAction::Search, &found, SUMMARY_FIELDS).await?;
    Ok(Json(SearchResponse {
        kind,
        results: found.iter().map(dto::summary).collect(),
        truncated,
    }))
}
