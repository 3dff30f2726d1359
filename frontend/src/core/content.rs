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
    let mut lists = CodeLists::new();
    for id in CodeListId::ALL {
        let json = code_list_json(id.name(), langs).await?;
        let list = CodeList::parse_served(id, &json).map_err(|_| ApiError::Unexpected(200))?;
        lists = lists.with(list);
    }
    let json = questionnaire_json(langs).await?;
    let questionnaire =
        questionnaire::load_served(&json, &lists).map_err(|_| ApiError::Unexpected(200))?;
    Ok((questionnaire, lists))
}
