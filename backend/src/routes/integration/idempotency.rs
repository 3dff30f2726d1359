//! `Idempotency-Key` (IETF draft-ietf-httpapi-idempotency-key-header) for
//! the POSTs a system may retry: the first request with a key does the
//! work and its answer is kept for 24 hours; the same key with the same
//! request replays that answer without doing the work again; with another
//! request body it is 422; while the first is still running, 409. The keys
//! live in the database, per client, so a restart or another server
//! instance keeps them, and the database's primary key decides which of
//! simultaneous requests does the work. A kept answer may hold a login code
//! or personal data, so it is stored encrypted (ChaCha20-Poly1305 with a key
//! derived from the signing key, bound to the client and the key), never in
//! the clear.

use std::future::Future;

use axum::body::to_bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::problem::PROBLEM_JSON;

use crate::AppState;
use crate::auth::client::ClientAccess;
use crate::db::IdempotencyClaim;
use crate::error::ApiError;
use crate::services::kept_answers::{fingerprint, open, seal};
use uuid::Uuid;

/// The request header.
pub const HEADER: &str = "idempotency-key";

/// How long a key is remembered.
pub const KEY_HOURS: i64 = 24;

/// The longest key taken.
pub const MAX_KEY_CHARS: usize = 255;

/// The largest answer kept for replay (a batch of 1,000 people fits).
const MAX_KEPT_BYTES: usize = 4 * 1024 * 1024;

/// The key the request sends, if any: an RFC 8941 string (`"…"`), or the
/// bare token many clients send; 422 for anything else.
pub fn key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(HEADER) else {
        return Ok(None);
    };
    let refuse = || {
        ApiError::field(
            "Idempotency-Key",
            "invalid_idempotency_key",
            "An Idempotency-Key is 1 to 255 visible ASCII characters, as a quoted string",
        )
    };
    let value = value.to_str().map_err(|_| refuse())?.trim();
    let key = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    let visible = key
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\');
    if key.is_empty() || key.len() > MAX_KEY_CHARS || !visible {
        return Err(refuse());
    }
    Ok(Some(key.to_owned()))
}

/// Runs `work` once per key: see the module documentation. Without a key,
/// `work` simply runs. Answers of 5xx, 401 and 429 are not kept (the
/// request may well succeed when tried again); every other answer is.
pub async fn once<F, Fut>(
    state: &AppState,
    access: &ClientAccess,
    headers: &HeaderMap,
    operation: &str,
    body: &[u8],
    work: F,
) -> Result<Response, ApiError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Response, ApiError>>,
{
    let Some(key) = key(headers)? else {
        return work().await;
    };
    let client = access.client.id;
    if let Some(kept) = claim(state, client, &key, &fingerprint(operation, body)).await? {
        return Ok(kept);
    }
    let response = work().await.unwrap_or_else(IntoResponse::into_response);
    keep(state, client, &key, response).await
}

/// Claims the key for this request. `Some`: the key's request finished
/// before, and this is its answer again.
async fn claim(
    state: &AppState,
    client: Uuid,
    key: &str,
    fingerprint: &[u8],
) -> Result<Option<Response>, ApiError> {
    let now = state.clock.now();
    let abandoned = chrono::Duration::from_std(state.config.request_timeout * 2)
        .unwrap_or(chrono::Duration::minutes(1));
    let kept_since = now - chrono::Duration::hours(KEY_HOURS);
    let claim = state
        .store
        .claim_idempotency_key(client, key, fingerprint, now, kept_since, now - abandoned)
        .await?;
    match claim {
        IdempotencyClaim::Claimed => Ok(None),
        IdempotencyClaim::Done { status, body } => {
            let body = open(state, client, key, &body).ok_or_else(|| {
                ApiError::Internal(anyhow::anyhow!("a kept answer does not decrypt"))
            })?;
            Ok(Some(replay(status, body)))
        }
        IdempotencyClaim::InFlight => Err(ApiError::Conflict(
            "A request with this Idempotency-Key is still being processed; try again shortly"
                .into(),
        )),
        IdempotencyClaim::Mismatch => Err(ApiError::field(
            "Idempotency-Key",
            "idempotency_key_reused",
            "This Idempotency-Key was used with another request",
        )),
    }
}

/// Keeps the answer under the key, sealed, or gives the key up when the
/// answer is one a retry may change (5xx, 401, 429).
async fn keep(
    state: &AppState,
    client: Uuid,
    key: &str,
    response: Response,
) -> Result<Response, ApiError> {
    let store = state.store.as_ref();
    let status = response.status();
    if status.is_server_error()
        || status == StatusCode::UNAUTHORIZED
        || status == StatusCode::TOO_MANY_REQUESTS
    {
        store.release_idempotency_key(client, key).await?;
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, MAX_KEPT_BYTES)
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("reading an answer to keep: {e}")))?;
    let sealed = seal(state, client, key, &bytes)?;
    store
        .finish_idempotency_key(client, key, status.as_u16(), &sealed)
        .await?;
    Ok(Response::from_parts(parts, bytes.into()))
}

/// A kept answer, as it was first sent.
fn replay(status: u16, body: Vec<u8>) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    if status == StatusCode::NO_CONTENT {
        // As first sent: no body, so no content type either.
        return status.into_response();
    }
    let content_type = if status.is_success() {
        "application/json"
    } else {
        PROBLEM_JSON
    };
    (
        status,
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_key(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(HEADER, value.parse().unwrap());
        h
    }

    #[test]
    fn a_key_is_a_quoted_or_bare_string_of_visible_ascii() {
        assert_eq!(key(&HeaderMap::new()).unwrap(), None);
        assert_eq!(
            key(&with_key("\"abc-1\"")).unwrap().as_deref(),
            Some("abc-1")
        );
        assert_eq!(key(&with_key("abc-1")).unwrap().as_deref(), Some("abc-1"));
        assert!(key(&with_key("\"\"")).is_err());
        assert!(key(&with_key("a b")).is_err());
        assert!(key(&with_key(&"x".repeat(256))).is_err());
    }
}
