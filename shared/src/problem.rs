//! The RFC 9457 `application/problem+json` envelope, defined once here so
//! that the server writes it and the browser reads it with the same type.

use serde::{Deserialize, Serialize};

/// The media type of every error body the API sends.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A kind of problem. Each has a stable `type` URI that clients may match on;
/// the `title` is for humans and may be reworded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The request body or parameters broke a rule; see `errors`.
    Validation,
    /// The body is not well-formed JSON or does not have the expected shape.
    MalformedBody,
    /// The body is not `application/json`.
    UnsupportedMediaType,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The URI (path and query) is longer than the server accepts.
    UriTooLong,
    /// The request's header fields are larger than the server accepts.
    HeadersTooLarge,
    /// No credentials, or credentials that are not (or no longer) valid.
    Unauthorized,
    /// Authenticated, but not allowed to do this.
    Forbidden,
    /// Nothing here, or nothing the caller may see.
    NotFound,
    /// The method is not supported on this resource.
    MethodNotAllowed,
    /// The request conflicts with the current state (for example a stale revision).
    Conflict,
    /// An `If-Match` precondition failed: the resource changed since it was read.
    PreconditionFailed,
    /// Too many requests; try again after the time in `Retry-After`.
    TooManyRequests,
    /// The server took too long to answer.
    Timeout,
    /// The server failed; nothing about the cause is disclosed.
    Internal,
    /// A dependency (such as the database) is not available.
    Unavailable,
}

impl ProblemKind {
    /// Every kind, for tests and documentation.
    pub const ALL: [ProblemKind; 16] = [
        Self::Validation,
        Self::MalformedBody,
        Self::UnsupportedMediaType,
        Self::PayloadTooLarge,
        Self::UriTooLong,
        Self::HeadersTooLarge,
        Self::Unauthorized,
        Self::Forbidden,
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::Conflict,
        Self::PreconditionFailed,
        Self::TooManyRequests,
        Self::Timeout,
        Self::Internal,
        Self::Unavailable,
    ];

    /// The stable slug, the last part of the `type` URI.
    pub const fn slug(self) -> &'static str {
        match self {
            Self::Validation => "validation",
            Self::MalformedBody => "malformed-body",
            Self::UnsupportedMediaType => "unsupported-media-type",
            Self::PayloadTooLarge => "payload-too-large",
            Self::UriTooLong => "uri-too-long",
            Self::HeadersTooLarge => "headers-too-large",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not-found",
            Self::MethodNotAllowed => "method-not-allowed",
            Self::Conflict => "conflict",
            Self::PreconditionFailed => "precondition-failed",
            Self::TooManyRequests => "too-many-requests",
            Self::Timeout => "timeout",
            Self::Internal => "internal",
            Self::Unavailable => "unavailable",
        }
    }

    /// The HTTP status that goes with this kind.
    pub const fn status(self) -> u16 {
        match self {
            Self::Validation => 422,
            Self::MalformedBody => 400,
            Self::UnsupportedMediaType => 415,
            Self::PayloadTooLarge => 413,
            Self::UriTooLong => 414,
            Self::HeadersTooLarge => 431,
            Self::Unauthorized => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::Conflict => 409,
            Self::PreconditionFailed => 412,
            Self::TooManyRequests => 429,
            Self::Timeout => 408,
            Self::Internal => 500,
            Self::Unavailable => 503,
        }
    }

    /// A short English title (RFC 9457 §3.1.3).
    pub const fn title(self) -> &'static str {
        match self {
            Self::Validation => "The request has invalid values",
            Self::MalformedBody => "The request body could not be read",
            Self::UnsupportedMediaType => "The request body must be JSON",
            Self::PayloadTooLarge => "The request body is too large",
            Self::UriTooLong => "The request URI is too long",
            Self::HeadersTooLarge => "The request headers are too large",
            Self::Unauthorized => "You are not logged in",
            Self::Forbidden => "You may not do this",
            Self::NotFound => "Not found",
            Self::MethodNotAllowed => "This method is not allowed here",
            Self::Conflict => "The request conflicts with the current state",
            Self::PreconditionFailed => "The resource changed since it was read",
            Self::TooManyRequests => "Too many requests",
            Self::Timeout => "The request took too long",
            Self::Internal => "Something went wrong on the server",
            Self::Unavailable => "The service is not available right now",
        }
    }

    /// The `type` URI. A URN: stable, and it does not pretend to resolve.
    pub fn type_uri(self) -> String {
        format!("{TYPE_PREFIX}{}", self.slug())
    }

    /// The kind whose `type` URI this is, if any.
    pub fn from_type_uri(uri: &str) -> Option<Self> {
        let slug = uri.strip_prefix(TYPE_PREFIX)?;
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

const TYPE_PREFIX: &str = "urn:kartlegg:problem:";

/// An RFC 9457 problem details object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI that identifies the kind of problem, stable across releases
    /// (for example `urn:kartlegg:problem:validation`).
    #[serde(rename = "type")]
    pub type_uri: String,
    /// A short human summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// A human explanation of this occurrence, when there is more to say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Field-level details for validation problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    /// A problem of the given kind with its standard title and status.
    pub fn new(kind: ProblemKind) -> Self {
        Self {
            type_uri: kind.type_uri(),
            title: kind.title().to_owned(),
            status: kind.status(),
            detail: None,
            errors: Vec::new(),
        }
    }

    /// Adds a human explanation of this occurrence.
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Adds field-level errors.
    #[must_use]
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    /// The kind, when the `type` is one of ours.
    pub fn kind(&self) -> Option<ProblemKind> {
        ProblemKind::from_type_uri(&self.type_uri)
    }
}

/// One invalid value in a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// Where the value is: a field name, a JSON pointer such as `/answers/q_school`,
    /// or a questionnaire question id.
    pub field: String,
    /// A stable, machine-readable code (for example `required`, `out_of_range`,
    /// `invalid_duf_number`) that the browser translates.
    pub code: String,
    /// An English explanation for developers and logs.
    pub message: String,
}

impl FieldError {
    /// A field error.
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_type_uri_that_round_trips() {
        let mut seen = std::collections::HashSet::new();
        for kind in ProblemKind::ALL {
            assert!(seen.insert(kind.type_uri()), "{kind:?} repeats a type URI");
            assert_eq!(ProblemKind::from_type_uri(&kind.type_uri()), Some(kind));
        }
    }

    #[test]
    fn problem_serializes_type_and_omits_empty_parts() {
        let json = serde_json::to_value(Problem::new(ProblemKind::NotFound)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "type": "urn:kartlegg:problem:not-found",
                "title": "Not found",
                "status": 404
            })
        );
    }

    #[test]
    fn validation_problem_carries_field_errors() {
        let p = Problem::new(ProblemKind::Validation).with_errors(vec![FieldError::new(
            "duf_number",
            "invalid_duf_number",
            "12 digits",
        )]);
        let back: Problem = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);
        assert_eq!(back.kind(), Some(ProblemKind::Validation));
        assert_eq!(back.status, 422);
    }

    #[test]
    fn unknown_type_uri_has_no_kind() {
        assert_eq!(ProblemKind::from_type_uri("about:blank"), None);
        assert_eq!(
            ProblemKind::from_type_uri("urn:kartlegg:problem:nope"),
            None
        );
    }
}
