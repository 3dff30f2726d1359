//! The questionnaire and its code lists as the API serves them, narrowed
//! to some languages (`?lang=`; English, the fallback, always comes along)
//! and checked by the shared loader. Both apps read answers through them.

use gloo_net::http::Request;
use kartlegg_shared::codes::{CodeList, CodeListId, CodeLists};
use kartlegg_shared::questionnaire::{self, Questionnaire};

use super::http::{ApiError, text};

/// The questionnaire definition as JSON text, with texts in `langs` (comma
/// separated codes) and English.
pub async fn questionnaire_json(langs: &str) -> Result<String, ApiError> {
    text(Request::get(&format!("/api/v1/questionnaire?lang={langs}"))).await
}

/// A code list as JSON text, with names in `langs` and English.
pub async fn code_list_json(list: &str, langs: &str) -> Result<String, ApiError> {
    text(Request::get(&format!(
        "/api/v1/code-lists/{list}?lang={langs}"
    )))
    .await
}

/// The questionnaire and the code lists with texts in `langs` (comma
/// separated codes) and English, checked by the shared loader. A document
/// the loader refuses reads as `Unexpected(200)`.
pub async fn fetch(langs: &str) -> Result<(Questionnaire, CodeLists), ApiError> {
    // All six at once: on a phone network each round trip costs more than
    // the document it brings.
    let (lists_json, json) = futures_util::future::try_join(
        futures_util::future::try_join_all(
            CodeListId::ALL.map(|id| code_list_json(id.name(), langs)),
        ),
        questionnaire_json(langs),
    )
    .await?;
    let mut lists = CodeLists::new();
    for (id, json) in CodeListId::ALL.into_iter().zip(lists_json) {
        let list = CodeList::parse_served(id, &json).map_err(|_| ApiError::Unexpected(200))?;
        lists = lists.with(list);
    }
    let questionnaire =
        questionnaire::load_served(&json, &lists).map_err(|_| ApiError::Unexpected(200))?;
    Ok((questionnaire, lists))
}
