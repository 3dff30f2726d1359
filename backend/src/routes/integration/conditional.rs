//! ETags and conditional requests (RFC 9110 §13) for the integration reads
//! and the person `PUT`.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// A person's ETag: their version, which every change counts up.
pub fn person_etag(version: i64) -> String {
    format!("\"v{version}\"")
}

/// The ETag of any other answer: a hash of its body.
fn body_etag(body: &[u8]) -> String {
    let hash = Sha256::digest(body);
    let hex: String = hash[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// Whether `If-None-Match` names `etag` (or is `*`). Weak comparison, as
/// RFC 9110 §13.1.2 asks for this header: `W/` is ignored. The public
/// questionnaire's answers use it too.
pub fn none_match_hits(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == etag)
}

/// `If-Match` as a person version: `None` without the header (or with
/// `*`); a value that names no version can match none, so it is 412.
pub fn if_match_version(headers: &HeaderMap) -> Result<Option<i64>, ApiError> {
    let Some(value) = headers.get(header::IF_MATCH) else {
        return Ok(None);
    };
    let value = value
        .to_str()
        .map_err(|_| ApiError::PreconditionFailed)?
        .trim();
    if value == "*" {
        return Ok(None);
    }
    value
        .strip_prefix("\"v")
        .and_then(|v| v.strip_suffix('"'))
        .and_then(|v| v.parse().ok())
        .map(Some)
        .ok_or(ApiError::PreconditionFailed)
}

/// `value` as JSON with `status` and its ETag (`etag`, or a hash of the
/// body), or 304 when the request's `If-None-Match` already has it.
pub fn json_with_etag<T: Serialize>(
    request: &HeaderMap,
    status: StatusCode,
    value: &T,
    etag: Option<String>,
) -> Result<Response, ApiError> {
    let body = serde_json::to_vec(value).map_err(|e| ApiError::Internal(e.into()))?;
    let etag = etag.unwrap_or_else(|| body_etag(&body));
    let etag_value = HeaderValue::from_str(&etag).map_err(|e| ApiError::Internal(e.into()))?;
    if status == StatusCode::OK && none_match_hits(request, &etag) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag_value)]).into_response());
    }
    Ok((
        status,
        [
            (header::ETAG, etag_value),
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: header::HeaderName, value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, value.parse().unwrap());
        h
    }

    #[test]
    fn if_match_reads_a_person_version_and_refuses_anything_else() {
        assert_eq!(if_match_version(&HeaderMap::new()).unwrap(), None);
        assert_eq!(
            if_match_version(&headers(header::IF_MATCH, "\"v7\"")).unwrap(),
            Some(7)
        );
        assert_eq!(
            if_match_version(&headers(header::IF_MATCH, "*")).unwrap(),
            None
        );
        assert!(matches!(
            if_match_version(&headers(header::IF_MATCH, "\"abc\"")),
            Err(ApiError::PreconditionFailed)
        ));
    }

    #[test]
    fn if_none_match_with_the_etag_answers_304_and_another_the_body() {
        let value = serde_json::json!({"a": 1});
        let fresh = json_with_etag(&HeaderMap::new(), StatusCode::OK, &value, None).unwrap();
        let etag = fresh.headers()[header::ETAG].to_str().unwrap().to_owned();
        let cached = headers(header::IF_NONE_MATCH, &format!("\"x\", W/{etag}"));
        let again = json_with_etag(&cached, StatusCode::OK, &value, None).unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        let other = headers(header::IF_NONE_MATCH, "\"x\"");
        let full = json_with_etag(&other, StatusCode::OK, &value, None).unwrap();
        assert_eq!(full.status(), StatusCode::OK);
    }
}
