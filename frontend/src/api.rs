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
        return response
            .json::<T>()
            .await
            .map_err(|_| ApiError::Unexpected(response.status()));
    }
    let is_problem = response
        .headers()
        .get("content-type")
        .is_some_and(|ct| ct.starts_with(PROBLEM_JSON));
    if is_problem {
        if let Ok(problem) = response.json::<Problem>().await {
            return Err(ApiError::Problem(problem));
        }
    }
    Err(ApiError::Unexpected(response.status()))
}
