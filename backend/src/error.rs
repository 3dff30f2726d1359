//! The API's one error type. Each variant has an explicit status and answers
//! as RFC 9457 problem+json (the envelope lives in `kartlegg_shared::problem`).
//! A 500 is logged with its cause chain and answered with a generic body.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::problem::{FieldError, PROBLEM_JSON, Problem, ProblemKind};

use crate::db::StoreError;

/// Everything a handler can answer with instead of success.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Values broke a rule; each field error says which and why.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// The body could not be read as the expected JSON.
    #[error("malformed body: {0}")]
    MalformedBody(String),
    /// The body is not JSON.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// The body is too large.
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unauthorized")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    /// An API client's token lacks the scope the endpoint needs (RFC 6750
    /// §3.1 `insufficient_scope`).
    #[error("insufficient scope")]
    InsufficientScope(kartlegg_shared::integration::Scope),
    /// `If-Match` names a version the resource no longer has.
    #[error("precondition failed")]
    PreconditionFailed,
    /// Absent, or present but not the caller's to see: the two look the same.
    #[error("not found")]
    NotFound,
    /// The request conflicts with current state; the detail says how.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Too many attempts; try again after this many seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    /// A dependency such as the database does not answer.
    #[error("unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// A bug or an unexpected failure; the cause is logged, never sent.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ApiError {
    /// The problem kind this error answers with.
    pub fn kind(&self) -> ProblemKind {
        match self {
            Self::Validation(_) => ProblemKind::Validation,
            Self::MalformedBody(_) => ProblemKind::MalformedBody,
            Self::UnsupportedMediaType => ProblemKind::UnsupportedMediaType,
            Self::PayloadTooLarge => ProblemKind::PayloadTooLarge,
            Self::Unauthorized => ProblemKind::Unauthorized,
            Self::Forbidden | Self::InsufficientScope(_) => ProblemKind::Forbidden,
            Self::PreconditionFailed => ProblemKind::PreconditionFailed,
            Self::NotFound => ProblemKind::NotFound,
            Self::Conflict(_) => ProblemKind::Conflict,
            Self::TooManyRequests { .. } => ProblemKind::TooManyRequests,
            Self::Unavailable(_) => ProblemKind::Unavailable,
            Self::Internal(_) => ProblemKind::Internal,
        }
    }

    /// A validation error about one field.
    pub fn field(field: &str, code: &str, message: &str) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Conflict(rule) => Self::Conflict(format!("already exists ({rule})")),
            other => Self::Internal(other.into()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let kind = self.kind();
        let mut problem = Problem::new(kind);
        match &self {
            Self::Validation(errors) => problem = problem.with_errors(errors.clone()),
            Self::MalformedBody(detail) | Self::Conflict(detail) => {
                problem = problem.with_detail(detail.clone());
            }
            Self::InsufficientScope(scope) => {
                problem = problem.with_detail(format!(
                    "This access token does not have the scope {}.",
                    scope.as_str()
                ));
            }
            Self::Internal(cause) => {
                tracing::error!(error = format!("{cause:#}"), "request failed");
            }
            Self::Unavailable(cause) => {
                tracing::warn!(error = format!("{cause:#}"), "dependency unavailable");
            }
            _ => {}
        }
        let mut response = problem_response(problem);
        let headers = response.headers_mut();
        match self {
            Self::TooManyRequests { retry_after_secs } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            }
            // RFC 9110 §15.5.2: a 401 says how to authenticate. Bearer never
            // makes a browser show a password dialog.
            Self::Unauthorized => {
                headers.insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"kartlegg\""),
                );
            }
            Self::InsufficientScope(scope) => {
                if let Ok(value) = HeaderValue::from_str(&format!(
                    "Bearer realm=\"kartlegg\", error=\"insufficient_scope\", scope=\"{}\"",
                    scope.as_str()
                )) {
                    headers.insert(header::WWW_AUTHENTICATE, value);
                }
            }
            _ => {}
        }
        response
    }
}

/// A problem as a response with the right status and media type.
pub fn problem_response(problem: Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    (
        status,
        [(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON))],
        body,
    )
        .into_response()
}

/// The kind for an error status that came from a layer or from axum itself
/// (a timeout, an unknown route, a wrong method) rather than from a handler.
pub fn kind_for_status(status: StatusCode) -> ProblemKind {
    match status.as_u16() {
        401 => ProblemKind::Unauthorized,
        403 => ProblemKind::Forbidden,
        404 => ProblemKind::NotFound,
        405 => ProblemKind::MethodNotAllowed,
        408 => ProblemKind::Timeout,
        409 => ProblemKind::Conflict,
        412 => ProblemKind::PreconditionFailed,
        413 => ProblemKind::PayloadTooLarge,
        414 => ProblemKind::UriTooLong,
        431 => ProblemKind::HeadersTooLarge,
        415 => ProblemKind::UnsupportedMediaType,
        422 => ProblemKind::Validation,
        429 => ProblemKind::TooManyRequests,
        503 => ProblemKind::Unavailable,
        400..=499 => ProblemKind::MalformedBody,
        _ => ProblemKind::Internal,
    }
}
