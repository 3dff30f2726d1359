//! The questionnaire definition and the code lists, public and cacheable:
//! the browser needs them before anyone logs in (country and language
//! names), and they change only with a new release. Each has a strong ETag
//! (a hash of its bytes) and answers 304 to a matching `If-None-Match`.
//!
//! Both carry texts in the 14 languages; `?lang=ar` (or `ar,fr` for a side-by-side
//! translation) narrows them to those languages and English, the fallback,
//! so that a phone downloads only what it shows.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::extract::{AppPath, AppQuery};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::codes::{self, CodeList, CodeListId};
use kartlegg_shared::language::UiLanguage;
use kartlegg_shared::problem::Problem;
use kartlegg_shared::questionnaire::{
    MAX_REQUESTED_LANGUAGES, Questionnaire, UI_LANGUAGES, shipped_v1,
};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::ApiError;
use crate::routes::integration::conditional::none_match_hits;

/// Clients may reuse a copy for five minutes without asking; after that a
/// conditional request costs a 304.
const CACHE_CONTROL: &str = "public, max-age=300";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(questionnaire))
        .routes(routes!(code_list))
}

/// A serialized document and its ETag, computed once.
struct Cached {
    body: String,
    etag: String,
}

impl Cached {
    fn new<T: serde::Serialize>(value: &T) -> Self {
        let body = serde_json::to_string(value).unwrap_or_default();
        let digest = Sha256::digest(body.as_bytes());
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Self {
            body,
            etag: format!("\"{hex}\""),
        }
    }

    /// 200 with the body, or 304 when the client's copy is current.
    fn respond(&self, request: &HeaderMap) -> Response {
        let headers = [
            (header::ETAG, HeaderValue::from_str(&self.etag).ok()),
            (
                header::CACHE_CONTROL,
                Some(HeaderValue::from_static(CACHE_CONTROL)),
            ),
        ];
        let mut response = if none_match_hits(request, &self.etag) {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            (
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )],
                self.body.clone(),
            )
                .into_response()
        };
        for (name, value) in headers {
            if let Some(value) = value {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }
}

/// The languages a client asks for.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LanguageQuery {
    /// Comma-separated language codes (`sq`, `ar`, `prs`, `en`, `fa`, `fr`,
    /// `kmr`, `ckb`, `nb`, `om`, `ps`, `ru`, `so`, `ti`), one to three,
    /// without spaces. Texts come in these and in English. Without it, in
    /// every language.
    #[param(style = Form, explode = false, example = json!(["ar", "en"]))]
    pub lang: Option<String>,
}

impl LanguageQuery {
    /// The asked languages, sorted and without repeats, or `None` for all.
    fn languages(&self) -> Result<Option<Vec<&'static str>>, ApiError> {
        let Some(raw) = &self.lang else {
            return Ok(None);
        };
        let mut langs = Vec::new();
        for code in raw.split(',') {
            let known =
                UiLanguage::parse(code).map_err(|e| ApiError::field("lang", e.code, e.message))?;
            langs.push(known.code());
        }
        // Counted as given, repeats included: the document says "one to
        // three items", and a client that repeats one has a bug to learn of.
        if langs.len() > MAX_REQUESTED_LANGUAGES {
            return Err(ApiError::field(
                "lang",
                "too_many",
                "at most three languages in one request",
            ));
        }
        langs.sort_unstable();
        langs.dedup();
        Ok(Some(langs))
    }
}

/// Documents cached per language set: a bounded number of variants
/// (at most 14 choose 3 and fewer), each built once.
type Variants = Mutex<HashMap<Option<Vec<&'static str>>, Arc<Cached>>>;

fn cached_variant(
    variants: &Variants,
    langs: Option<Vec<&'static str>>,
    build: impl FnOnce(Option<&[&str]>) -> Cached,
) -> Arc<Cached> {
    let mut map = variants.lock().unwrap_or_else(PoisonError::into_inner);
    map.entry(langs.clone())
        .or_insert_with(|| Arc::new(build(langs.as_deref())))
        .clone()
}

/// The current questionnaire: sections, questions, options, conditions,
/// validation rules and texts in every language (or in those asked for).
#[utoipa::path(
    get,
    path = "/api/v1/questionnaire",
    tag = "questionnaire",
    params(
        LanguageQuery,
        ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer"),
    ),
    responses(
        (status = 200, description = "The questionnaire definition", body = Questionnaire,
         headers(("ETag" = String, description = "Strong validator of this version and language set"))),
        (status = 304, description = "The client's copy is current"),
        (status = 422, description = "An unknown language, or more than three", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Server error", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn questionnaire(
    AppQuery(query): AppQuery<LanguageQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    static VARIANTS: OnceLock<Variants> = OnceLock::new();
    let langs = query.languages()?;
    let cached = cached_variant(VARIANTS.get_or_init(Variants::default), langs, |langs| {
        Cached::new(&shipped_v1().with_languages(langs.unwrap_or(&UI_LANGUAGES)))
    });
    Ok(cached.respond(&headers))
}

/// A code list (`languages`, `countries`, `education_levels`,
/// `occupations`, `driving_licence_classes`) with names in every language
/// (or in those asked for).
#[utoipa::path(
    get,
    path = "/api/v1/code-lists/{list}",
    tag = "questionnaire",
    params(
        ("list" = CodeListId, Path, description = "Which list"),
        LanguageQuery,
        ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer"),
    ),
    responses(
        (status = 200, description = "The code list", body = CodeList,
         headers(("ETag" = String, description = "Strong validator of this version"))),
        (status = 304, description = "The client's copy is current"),
        (status = 404, description = "No such list", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown language, or more than three", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Server error", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn code_list(
    AppPath(list): AppPath<String>,
    AppQuery(query): AppQuery<LanguageQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    static VARIANTS: [OnceLock<Variants>; 5] = [const { OnceLock::new() }; 5];
    let (slot, id) = CodeListId::ALL
        .into_iter()
        .enumerate()
        .find(|(_, id)| id.name() == list)
        .ok_or(ApiError::NotFound)?;
    let langs = query.languages()?;
    let cached = cached_variant(
        VARIANTS[slot].get_or_init(Variants::default),
        langs,
        |langs| Cached::new(&codes::shipped(id).with_languages(langs.unwrap_or(&UI_LANGUAGES))),
    );
    Ok(cached.respond(&headers))
}
