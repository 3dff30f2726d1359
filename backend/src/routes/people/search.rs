//! The one search box over the own organisation's people.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{
    AuditAction, SEARCH_LIMIT, SearchKind, SearchRequest, SearchResponse,
};
use kartlegg_shared::problem::Problem;
use kartlegg_shared::search::SearchQuery;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self, SUMMARY_FIELDS, audit_reads};
use crate::db::{PeopleFilter, PersonMatch, fold_name};
use crate::error::ApiError;
use crate::extract::AppJson;
use crate::routes::responses::{Readers, Session};

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
    let (kind, matching) = match query {
        SearchQuery::DufNumber(d) => (
            SearchKind::DufNumber,
            PersonMatch::DufNumber(d.as_str().to_owned()),
        ),
        SearchQuery::RegistrationNumber(r) => (
            SearchKind::RegistrationNumber,
            PersonMatch::RegistrationNumber(r),
        ),
        SearchQuery::NationalId(n) => (SearchKind::NationalId, PersonMatch::NationalId(n)),
        SearchQuery::DateOfBirth(d) => (SearchKind::DateOfBirth, PersonMatch::DateOfBirth(d)),
        SearchQuery::Name(n) => (
            SearchKind::Name,
            PersonMatch::Name {
                surname: n.surname.as_deref().map(fold_name),
                first_name: n.first_name.as_deref().map(fold_name),
                words: n.words.iter().map(|w| fold_name(w)).collect(),
            },
        ),
    };
    let limit = i64::try_from(SEARCH_LIMIT).unwrap_or(50);
    let mut filter = PeopleFilter::new(cw.account.organisation_id, cw.account.id, limit + 1);
    filter.matching = Some(matching);
    let (mut found, _) = state.store.people(&filter).await?;
    let truncated = found.len() > SEARCH_LIMIT;
    found.truncate(SEARCH_LIMIT);
    audit_reads(&state, &cw, AuditAction::Search, &found, SUMMARY_FIELDS).await?;
    Ok(Json(SearchResponse {
        kind,
        results: found.iter().map(back_office::summary).collect(),
        truncated,
    }))
}
