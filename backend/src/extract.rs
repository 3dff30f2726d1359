//! Extractors that answer bad input in the API's problem+json envelope
//! instead of axum's plain-text rejections.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use kartlegg_shared::problem::FieldError;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON body. A wrong content type is 415, a body over the limit 413,
/// malformed JSON 400, and JSON of the wrong shape or with an invalid value
/// 422 with the path of the offending field.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppJson<T>(pub T);

impl<S, T> FromRequest<S> for AppJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = json_bytes(req, state).await?;
        parse_json(&bytes).map(AppJson)
    }
}

/// [`AppJson`] that keeps the body's bytes too, for a handler that must
/// fingerprint the request (an `Idempotency-Key`).
#[derive(Debug, Clone)]
pub struct AppJsonBytes<T> {
    pub value: T,
    pub bytes: Bytes,
}

impl<S, T> FromRequest<S> for AppJsonBytes<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = json_bytes(req, state).await?;
        let value = parse_json(&bytes)?;
        Ok(Self { value, bytes })
    }
}

/// The body of a JSON request: 415 for another type, 413 over the limit.
async fn json_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, ApiError> {
    if !is_json(&req) {
        return Err(ApiError::UnsupportedMediaType);
    }
    Bytes::from_request(req, state)
        .await
        .map_err(|rejection: BytesRejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::MalformedBody("The body could not be read".into())
            }
        })
}

fn is_json(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|mime| {
            let mime = mime.trim();
            mime.eq_ignore_ascii_case("application/json")
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        })
        .unwrap_or(false)
}

/// Parses one JSON value, telling apart syntax errors (400) from values that
/// do not fit the expected type (422, with the field's path). Anything after
/// the value other than whitespace is a syntax error: a body is one document,
/// and a proxy or client that appends to it must not have the prefix acted on.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut *deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        // A body that is not well-formed JSON is malformed wherever the
        // deserializer happened to stop, even if it met a wrong type first.
        if let Err(syntax) = check_one_json_value(bytes) {
            return malformed(&syntax);
        }
        // serde_json reports a number or an object where an enum's string is
        // expected as a syntax error ("expected value"), although the body
        // is well-formed JSON; answer it like a wrong string, at its field.
        let message = if inner.is_syntax() || inner.is_eof() {
            "invalid type: expected a string".to_owned()
        } else {
            strip_position(&inner.to_string())
        };
        let field = if path == "." { String::new() } else { path };
        ApiError::Validation(vec![FieldError::new(field, "invalid", message)])
    })?;
    deserializer.end().map_err(|error| malformed(&error))?;
    Ok(value)
}

/// Whether the bytes are exactly one well-formed JSON value, whatever its
/// shape; if not, the syntax error with its position.
fn check_one_json_value(bytes: &[u8]) -> Result<(), serde_json::Error> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    serde::de::IgnoredAny::deserialize(&mut *deserializer)?;
    deserializer.end()
}

fn malformed(error: &serde_json::Error) -> ApiError {
    ApiError::MalformedBody(format!(
        "The body is not valid JSON (line {}, column {})",
        error.line(),
        error.column()
    ))
}

/// Query parameters. A value that does not parse (a non-number, a negative
/// or too large number, an unknown enum value) or a parameter given twice is
/// 422 `validation` naming the parameter; axum's own `Query` answers 400
/// with no field, which a client cannot act on.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for AppQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parse_query(parts.uri.query().unwrap_or_default()).map(AppQuery)
    }
}

/// Parses a query string into `T`, refusing repeated keys: with two values
/// for one parameter it is not clear which the client meant.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query)
        .map_err(|_| ApiError::field("", "invalid", "The query string could not be read"))?;
    let mut seen = std::collections::HashSet::new();
    let mut errors = Vec::new();
    for (key, _) in &pairs {
        if !seen.insert(key.as_str()) && !errors.iter().any(|e: &FieldError| e.field == *key) {
            errors.push(FieldError::new(
                key.as_str(),
                "repeated",
                "this parameter may be given only once",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let field = error.path().to_string();
        let field = if field == "." { String::new() } else { field };
        ApiError::Validation(vec![FieldError::new(
            field,
            "invalid",
            error.into_inner().to_string(),
        )])
    })
}

/// Path parameters. One that is not valid UTF-8 once percent-decoded, or
/// does not parse as the expected type, is 422 `validation` naming the
/// parameter rather than axum's plain-text 400.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppPath<T>(pub T);

impl<S, T> FromRequestParts<S> for AppPath<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::path::ErrorKind;
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(AppPath(value)),
            Err(PathRejection::FailedToDeserializePathParams(error)) => {
                let (field, message) = match error.kind() {
                    ErrorKind::InvalidUtf8InPathParam { key } => {
                        (key.clone(), "not valid UTF-8".to_owned())
                    }
                    ErrorKind::ParseErrorAtKey {
                        key, expected_type, ..
                    } => (key.clone(), format!("expected {expected_type}")),
                    ErrorKind::DeserializeError { key, message, .. } => {
                        (key.clone(), message.clone())
                    }
                    other => (String::new(), other.to_string()),
                };
                Err(ApiError::Validation(vec![FieldError::new(
                    field, "invalid", message,
                )]))
            }
            // The route declares no such parameter: a bug, not bad input.
            Err(other) => Err(ApiError::Internal(anyhow::anyhow!("{other}"))),
        }
    }
}

/// serde_json appends " at line L column C" to data errors; the field path
/// already says where, so keep the message short.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::post;
    use kartlegg_shared::api::ConsentDecision;
    use kartlegg_shared::domain::DufNumber;
    use serde::Deserialize;
    use tower::ServiceExt;

    use super::AppJson;

    #[derive(Deserialize)]
    struct Login {
        #[allow(dead_code)]
        duf_number: DufNumber,
    }

    #[derive(Deserialize)]
    struct Consent {
        #[allow(dead_code)]
        duf_number: DufNumber,
        #[allow(dead_code)]
        decision: ConsentDecision,
    }

    async fn call(content_type: &str, body: &'static str) -> (StatusCode, serde_json::Value) {
        let app = Router::new().route("/", post(|AppJson(_): AppJson<Login>| async { "ok" }));
        send(app, content_type, body).await
    }

    async fn call_decision(body: &'static str) -> (StatusCode, serde_json::Value) {
        let app = Router::new().route("/", post(|AppJson(_): AppJson<Consent>| async { "ok" }));
        send(app, "application/json", body).await
    }

    async fn send(
        app: Router,
        content_type: &str,
        body: &'static str,
    ) -> (StatusCode, serde_json::Value) {
        let response = app
            .oneshot(
                Request::post("/")
                    .header("content-type", content_type)
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap_or_default())
    }

    #[tokio::test]
    async fn valid_json_is_accepted() {
        let (status, _) = call("application/json", r#"{"duf_number":"202400000001"}"#).await;
        assert_eq!(status, StatusCode::OK);
    }

    #[tokio::test]
    async fn wrong_content_type_is_415() {
        let (status, body) = call("text/plain", r#"{"duf_number":"202400000001"}"#).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(body["type"], "urn:kartlegg:problem:unsupported-media-type");
    }

    #[tokio::test]
    async fn malformed_json_is_400() {
        let (status, body) = call("application/json", r#"{"duf_number": "#).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body["type"], "urn:kartlegg:problem:malformed-body");
    }

    #[tokio::test]
    async fn invalid_value_is_422_naming_the_field() {
        let (status, body) = call("application/json", r#"{"duf_number":"12"}"#).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["errors"][0]["field"], "duf_number");
        assert_eq!(body["errors"][0]["code"], "invalid");
        assert!(
            body["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("12 digits")
        );
    }

    #[tokio::test]
    async fn trailing_content_after_the_value_is_400() {
        let (status, body) = call(
            "application/json",
            r#"{"duf_number":"202400000001"}garbage"#,
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body["type"], "urn:kartlegg:problem:malformed-body");
        let (status, _) = call("application/json", r#"{"duf_number":"202400000001"} {}"#).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let (status, _) = call("application/json", "{\"duf_number\":\"202400000001\"}\r\n").await;
        assert_eq!(status, StatusCode::OK, "trailing whitespace is fine");
    }

    #[tokio::test]
    async fn a_number_or_object_for_an_enum_is_422_naming_the_field() {
        for body in [
            r#"{"duf_number":"202400000001","decision":1}"#,
            r#"{"duf_number":"202400000001","decision":{}}"#,
            r#"{"duf_number":"202400000001","decision":{"accept":null}}"#,
            r#"{"duf_number":"202400000001","decision":[]}"#,
            r#"{"duf_number":"202400000001","decision":"maybe"}"#,
        ] {
            let (status, problem) = call_decision(body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert_eq!(problem["errors"][0]["field"], "decision", "{body}");
            assert_eq!(problem["errors"][0]["code"], "invalid", "{body}");
        }
        let (status, _) = call_decision(r#"{"duf_number":"202400000001","decision":1"#).await;
        assert_eq!(
            status,
            StatusCode::BAD_REQUEST,
            "truncated is still malformed"
        );
    }

    #[tokio::test]
    async fn missing_field_is_422() {
        let (status, body) = call("application/json", "{}").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            body["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("duf_number")
        );
    }
}
