//! The typed API client over the shared DTOs. Every error the server sends is
//! RFC 9457 problem+json and arrives here as `ApiError::Problem`. The browser
//! carries the applicant's session in an HttpOnly cookie, so no token is
//! handled here.

use gloo_net::http::{Request, RequestBuilder, Response};
use kartlegg_shared::api::{
    CONSENT_VERSION, ConsentDecision, ConsentRequest, LoginRequest, LoginResponse, MyData,
    Registration, SaveSectionRequest, SessionInfo,
};
use kartlegg_shared::health::Health;
use kartlegg_shared::problem::{PROBLEM_JSON, Problem, ProblemKind};
use kartlegg_shared::questionnaire::Answers;
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

/// The message an applicant reads for a failed call, by the problem's
/// stable `type` (never its English `title` or `detail`), in their language.
/// Pages with a message of their own for a kind (login, a part's fields)
/// match on it first.
pub fn message_of(error: &ApiError) -> crate::i18n::Message {
    use crate::i18n::Message;
    match error {
        ApiError::Network => Message::new("error-network"),
        ApiError::Unexpected(_) => Message::new("error-unexpected"),
        ApiError::Problem(problem) => match problem.kind() {
            Some(ProblemKind::TooManyRequests) => {
                Message::new("login-too-many").with("minutes", retry_minutes(problem))
            }
            Some(ProblemKind::Unauthorized) => Message::new("error-session-ended"),
            Some(ProblemKind::Conflict) => Message::new("save-conflict"),
            Some(ProblemKind::Validation) => Message::new("save-invalid"),
            Some(ProblemKind::Timeout | ProblemKind::Unavailable) => Message::new("error-network"),
            _ => Message::new("error-unexpected"),
        },
    }
}

/// Whole minutes to wait, from the server's "retry after N seconds" detail
/// (at least one; an hour when the server does not say).
pub fn retry_minutes(problem: &Problem) -> i64 {
    problem
        .detail
        .as_deref()
        .and_then(|d| d.split_whitespace().find_map(|w| w.parse::<i64>().ok()))
        .map_or(60, |secs| (secs + 59).div_euclid(60).max(1))
}

/// `GET /readyz`.
pub async fn readiness() -> Result<Health, ApiError> {
    send(Request::get("/readyz")).await
}

/// Logs in; the server sets the session cookie.
pub async fn login(duf_number: String, code: String) -> Result<LoginResponse, ApiError> {
    send_json(
        Request::post("/api/v1/applicant/session"),
        &LoginRequest { duf_number, code },
    )
    .await
}

/// The current session, or `Unauthorized`.
pub async fn session() -> Result<SessionInfo, ApiError> {
    send(Request::get("/api/v1/applicant/session")).await
}

/// Ends the session and the code.
pub async fn logout() -> Result<(), ApiError> {
    send_empty(Request::delete("/api/v1/applicant/session")).await
}

/// Accepts or declines the consent declaration.
pub async fn consent(decision: ConsentDecision) -> Result<(), ApiError> {
    let body = ConsentRequest {
        version: CONSENT_VERSION.to_owned(),
        decision,
    };
    let request = Request::post("/api/v1/applicant/consent")
        .json(&body)
        .map_err(|_| ApiError::Unexpected(0))?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        Ok(())
    } else {
        Err(error_of(response).await)
    }
}

/// The questionnaire definition as JSON text, with texts in `langs` (comma
/// separated codes) and English (loaded by the shared loader).
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

/// The applicant's current registration.
pub async fn registration() -> Result<Registration, ApiError> {
    send(Request::get("/api/v1/applicant/registration")).await
}

/// Saves one part, with the language the applicant is answering in.
pub async fn save_section(
    section: &str,
    revision: i64,
    answers: Answers,
    language: &str,
) -> Result<Registration, ApiError> {
    send_json(
        Request::put(&format!(
            "/api/v1/applicant/registration/sections/{section}"
        )),
        &SaveSectionRequest {
            revision,
            answers,
            language: Some(language.to_owned()),
        },
    )
    .await
}

/// Completes the registration.
pub async fn complete() -> Result<Registration, ApiError> {
    send(Request::post("/api/v1/applicant/registration/complete")).await
}

/// Starts a new registration after a completed one.
pub async fn new_registration() -> Result<Registration, ApiError> {
    send(Request::post("/api/v1/applicant/registrations")).await
}

/// Everything held about the applicant.
pub async fn my_data() -> Result<MyData, ApiError> {
    send(Request::get("/api/v1/applicant/my-data")).await
}

pub(crate) async fn send<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    decode(response).await
}

pub(crate) async fn send_json<B: Serialize, T: DeserializeOwned>(
    request: RequestBuilder,
    body: &B,
) -> Result<T, ApiError> {
    let request = request.json(body).map_err(|_| ApiError::Unexpected(0))?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    decode(response).await
}

pub(crate) async fn send_empty(request: RequestBuilder) -> Result<(), ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        Ok(())
    } else {
        Err(error_of(response).await)
    }
}

pub(crate) async fn text(request: RequestBuilder) -> Result<String, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    if response.ok() {
        response.text().await.map_err(|_| ApiError::Network)
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

pub(crate) async fn error_of(response: Response) -> ApiError {
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
