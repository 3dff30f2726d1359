//! The typed API client over the shared DTOs. Every error the server sends is
//! RFC 9457 problem+json and arrives here as `ApiError::Problem`.

use gloo_net::http::{Request, Response};
use kartlegg_shared::health::Health;
use kartlegg_shared::problem::{PROBLEM_JSON, Problem, ProblemKind};
use serde::de::DeserializeOwned;

/// Why a call did not give the expected value.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with a problem.
    Problem(Problem),
    /// No answer: offline, or the connection dropped.
    Network,
    /// An answer that is neither the expected JSON nor a problem.
    Unexpected(u16),
}

impl ApiError {
    /// The problem kind, when the server sent one of ours.
    pub fn kind(&self) -> Option<ProblemKind> {
        match self {
            Self::Problem(p) => p.kind(),
            _ => None,
        }
    }
}

/// `GET /readyz`.
pub async fn readiness() -> Result<Health, ApiError> {
    get_json("/readyz").await
}

async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    decode(response).await
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return read_json(&response)
            .await
            .ok_or(ApiError::Unexpected(response.status()));
    }
    let is_problem = response
        .headers()
        .get("content-type")
        .is_some_and(|ct| ct.starts_with(PROBLEM_JSON));
    if is_problem && let Some(problem) = read_json::<Problem>(&response).await {
        return Err(ApiError::Problem(problem));
    }
    Err(ApiError::Unexpected(response.status()))
}

/// Reads a JSON body with the browser's own parser (`JSON.parse`) and
/// `serde-wasm-bindgen`, which keeps serde_json out of the wasm bundle.
async fn read_json<T: DeserializeOwned>(response: &Response) -> Option<T> {
    let text = response.text().await.ok()?;
    let value = js_sys::JSON::parse(&text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}
