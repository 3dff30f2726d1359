//! The one search box over the own organisation's people.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{SearchRequest, SearchResponse};
use kartlegg_shared::problem::Problem;
use kartlegg_shared::search::SearchQuery;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::error::ApiError;
use crate::extract::AppJson;
use crate::routes::responses::{Readers, Session};
use crate::services::people;

/// Search the own organisation's people with the one search box. The text
/// decides what is searched (see `SearchRequest`). People are also found
/// through their aliases and duplicates (`found_through` says which). A DUF-number of someone
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
    Ok(Json(people::search(&state, &cw, query).await?))
}
