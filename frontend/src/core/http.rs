//! The one HTTP client. Every error the server sends is RFC 9457
//! problem+json and arrives here as `ApiError::Problem`. Sessions are
//! HttpOnly cookies, so no token is handled here. JSON bodies are read with
//! the browser's own parser, which keeps serde_json out of the start bundle.

use gloo_net::http::{RequestBuilder, Response};
use kartlegg_shared::problem::{PROBLEM_JSON, Problem, ProblemKind};
use serde::Serialize;
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

    /// The problem, when there is one.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            Self::Problem(p) => Some(p),
            _ => None,
        }
    }
}

/// For logs and `ErrorBoundary`; what a person reads comes from each
/// app's texts, by the problem's kind.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Problem(p) => write!(f, "{}", p.title),
            Self::Network => f.write_str("no answer"),
            Self::Unexpected(status) => write!(f, "unexpected answer ({status})"),
        }
    }
}

impl std::error::Error for ApiError {}

/// Sends `request` and decodes the JSON answer.
pub async fn send<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    decode(response).await
}

/// The answer to a GET that boot.js sent while this bundle was still on
/// its way (`kartleggEarly[name]`), decoded as [`send`] would; taken once,
/// so a later call asks the server again. `None` when boot.js sent none.
pub async fn early<T: DeserializeOwned>(name: &str) -> Option<Result<T, ApiError>> {
    use wasm_bindgen::{JsCast, JsValue};
    let sent = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("kartleggEarly")).ok()?;
    let key = JsValue::from_str(name);
    let promise: js_sys::Promise = js_sys::Reflect::get(&sent, &key).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(sent.unchecked_ref::<js_sys::Object>(), &key);
    let Ok(answer) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return Some(Err(ApiError::Network));
    };
    let response: web_sys::Response = answer.dyn_into().ok()?;
    Some(decode(Response::from(response)).await)
}

/// Sends `request` with a JSON body and decodes the JSON answer.
pub async fn send_json<B: Serialize, T: DeserializeOwned>(
    request: RequestBuilder,
    body: &B,
) -> Result<T, ApiError> {
    let request = request.json(body).map_err(|_| ApiError::Unexpected(0))?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    decode(response).await
}

/// Sends `request` with a JSON body made in the browser (`JSON.stringify`)
/// and decodes the JSON answer; for a body holding JSON the person pasted,
/// which serde_json would otherwise have to parse in the bundle.
pub async fn send_json_text<T: DeserializeOwned>(
    request: RequestBuilder,
    body: String,
) -> Result<T, ApiError> {
    let request = request
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|_| ApiError::Unexpected(0))?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    decode(response).await
}

/// Sends `request` with a JSON body; the answer has none.
pub async fn send_json_empty<B: Serialize>(
    request: RequestBuilder,
    body: &B,
) -> Result<(), ApiError> {
    let request = request.json(body).map_err(|_| ApiError::Unexpected(0))?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    empty(response).await
}

/// Sends `request`; the answer has no body.
pub async fn send_empty(request: RequestBuilder) -> Result<(), ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    empty(response).await
}

/// Sends `request` and gives the answer's body as text.
pub async fn text(request: RequestBuilder) -> Result<String, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        response.text().await.map_err(|_| ApiError::Network)
    } else {
        Err(error_of(response).await)
    }
}

async fn empty(response: Response) -> Result<(), ApiError> {
    if response.ok() {
        Ok(())
    } else {
        Err(error_of(response).await)
    }
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return read_json(&response)
            .await
            .ok_or(ApiError::Unexpected(response.status()));
    }
    Err(error_of(response).await)
}

/// The problem in a failed answer, or `Unexpected` with its status.
async fn error_of(response: Response) -> ApiError {
    let is_problem = response
        .headers()
        .get("content-type")
        .is_some_and(|ct| ct.starts_with(PROBLEM_JSON));
    if is_problem && let Some(problem) = read_json::<Problem>(&response).await {
        return ApiError::Problem(problem);
    }
    ApiError::Unexpected(response.status())
}

/// Reads a JSON body with the browser's own parser (`JSON.parse`) and
/// `serde-wasm-bindgen`, which keeps serde_json out of the start bundle.
async fn read_json<T: DeserializeOwned>(response: &Response) -> Option<T> {
    let text = response.text().await.ok()?;
    let value = js_sys::JSON::parse(&text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}
