//! The applicant's typed API client over the shared DTOs, on the common
//! HTTP client (`core::http`). The browser carries the applicant's session
//! in an HttpOnly cookie, so no token is handled here. Registering together
//! with the applicant (`applicant::together`), the same operations go to the
//! together session's, in the counsellor's session.

use gloo_net::http::Request;
use kartlegg_shared::api::{
    CONSENT_VERSION, ConsentDecision, ConsentRequest, LoginRequest, LoginResponse, MyData,
    Registration, SaveSectionRequest, SessionInfo,
};
use kartlegg_shared::health::Health;
use kartlegg_shared::problem::{Problem, ProblemKind};
use kartlegg_shared::questionnaire::Answers;

use kartlegg_shared::together::TogetherSession;

use crate::applicant::together;
pub use crate::core::http::ApiError;
use crate::core::http::{send, send_empty, send_json, send_json_empty};

/// The message an applicant reads for a failed call, by the problem's
/// stable `type` (never its English `title` or `detail`), in their language.
/// Pages with a message of their own for a kind (login, a part's fields)
/// match on it first.
pub fn message_of(error: &ApiError) -> crate::applicant::i18n::Message {
    use crate::applicant::i18n::Message;
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

/// The current session, or `Unauthorized`. Registering together, the
/// together session's (which also says whose form it is).
pub async fn session() -> Result<SessionInfo, ApiError> {
    if together::session_id().is_none() {
        return send(Request::get("/api/v1/applicant/session")).await;
    }
    let session: TogetherSession = send(Request::get(&together::api_base())).await?;
    together::remember_person(&session.person_id);
    Ok(SessionInfo {
        first_name: session.first_name,
        consent_required: session.consent_required,
        consent_version: session.consent_version,
    })
}

/// Ends the session and the code; registering together, the together
/// session (the counsellor's own session goes on).
pub async fn logout() -> Result<(), ApiError> {
    if together::session_id().is_some() {
        return send_empty(Request::delete(&together::api_base())).await;
    }
    send_empty(Request::delete("/api/v1/applicant/session")).await
}

/// Accepts or declines the consent declaration.
pub async fn consent(decision: ConsentDecision) -> Result<(), ApiError> {
    let body = ConsentRequest {
        version: CONSENT_VERSION.to_owned(),
        decision,
    };
    send_json_empty(
        Request::post(&format!("{}/consent", together::api_base())),
        &body,
    )
    .await
}

/// The applicant's current registration.
pub async fn registration() -> Result<Registration, ApiError> {
    send(Request::get(&format!(
        "{}/registration",
        together::api_base()
    )))
    .await
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
            "{}/registration/sections/{section}",
            together::api_base()
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
    send(Request::post(&format!(
        "{}/registration/complete",
        together::api_base()
    )))
    .await
}

/// Starts a new registration after a completed one.
pub async fn new_registration() -> Result<Registration, ApiError> {
    send(Request::post(&format!(
        "{}/registrations",
        together::api_base()
    )))
    .await
}

/// Everything held about the applicant.
pub async fn my_data() -> Result<MyData, ApiError> {
    send(Request::get("/api/v1/applicant/my-data")).await
}
