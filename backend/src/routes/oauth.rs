//! The OAuth 2.0 token endpoint for API clients (client credentials grant,
//! RFC 6749 §4.4) and the authorization server metadata (RFC 8414).
//!
//! Errors here are RFC 6749 §5.2 JSON (`{"error": …}`), the convention every
//! OAuth library reads, except 429 (not an OAuth error), which is
//! problem+json like the rest of the API.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::integration::{OAuthError, Scope, TokenResponse};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::AppState;
use crate::auth::caseworker::RequestMeta;
use crate::auth::client::{ClientAuth, JWT_BEARER_ASSERTION, assertion_subject, basic_credentials};
use crate::error::ApiError;
use crate::metrics::{LoginKind, LoginOutcome};
use crate::services::tokens;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(metadata))
}

/// The token route alone, so that the per-address rate limit wraps it.
pub fn token_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(token))
}

/// The form of a token request (RFC 6749 §4.4.2, RFC 7523 §2.2), as
/// documentation; the handler reads the form itself so that a repeated
/// parameter is refused as RFC 6749 §3.2 asks.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenRequest {
    /// `client_credentials`.
    pub grant_type: String,
    /// Space-separated scopes; absent: every scope the client has.
    pub scope: Option<String>,
    /// The client id (with `client_secret`; optional with an assertion).
    pub client_id: Option<String>,
    /// `client_secret_post`. Prefer the `Authorization: Basic` header, or
    /// better a client assertion.
    pub client_secret: Option<String>,
    /// `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
    pub client_assertion_type: Option<String>,
    /// A JWT signed with the client's key: `iss` and `sub` the client id,
    /// `aud` the token endpoint, `exp` at most 5 minutes ahead, a `jti`
    /// used once.
    pub client_assertion: Option<String>,
}

/// Authorization server metadata (RFC 8414 §2).
#[derive(Debug, Serialize, ToSchema)]
pub struct ServerMetadata {
    pub issuer: String,
    pub token_endpoint: String,
    pub grant_types_supported: Vec<String>,
    pub token_endpoint_auth_methods_supported: Vec<String>,
    pub token_endpoint_auth_signing_alg_values_supported: Vec<String>,
    pub scopes_supported: Vec<String>,
    pub response_types_supported: Vec<String>,
}

/// Authorization server metadata (RFC 8414): where the token endpoint is,
/// which client authentication methods, algorithms and scopes it takes.
#[utoipa::path(
    get,
    path = "/.well-known/oauth-authorization-server",
    tag = "oauth",
    responses((status = 200, description = "The metadata", body = ServerMetadata))
)]
pub async fn metadata(State(state): State<AppState>) -> Response {
    let config = &state.config;
    let body = ServerMetadata {
        issuer: config.public_url.clone(),
        token_endpoint: config.token_endpoint(),
        grant_types_supported: vec!["client_credentials".into()],
        token_endpoint_auth_methods_supported: vec![
            "private_key_jwt".into(),
            "client_secret_basic".into(),
            "client_secret_post".into(),
        ],
        token_endpoint_auth_signing_alg_values_supported: vec![
            "RS256".into(),
            "ES256".into(),
            "EdDSA".into(),
        ],
        scopes_supported: Scope::ALL.iter().map(|s| s.as_str().into()).collect(),
        response_types_supported: Vec::new(),
    };
    (
        [(header::CACHE_CONTROL, "public, max-age=3600")],
        Json(body),
    )
        .into_response()
}

/// Get an access token for an API client (OAuth 2.0 client credentials).
/// Authenticate with a signed client assertion (`private_key_jwt`,
/// recommended) or the client secret (`Authorization: Basic`, or
/// `client_id` and `client_secret` in the form). The token is a JWT for
/// `Authorization: Bearer` on the integration endpoints, valid for an hour
/// and only while the client is enabled. Failed authentications slow down
/// per client and per address.
#[utoipa::path(
    post,
    path = "/api/v1/oauth/token",
    tag = "oauth",
    request_body(content = TokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "The access token", body = TokenResponse),
        (status = 400, description = "`invalid_request`, `unsupported_grant_type` or `invalid_scope`", body = OAuthError),
        (status = 401, description = "`invalid_client`: unknown client, wrong credential, a used or expired assertion, or a disabled client", body = OAuthError),
        (status = 413, description = "The body is over the size limit", body = kartlegg_shared::problem::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts for this client or address",
         body = kartlegg_shared::problem::Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 500, description = "Server error", body = kartlegg_shared::problem::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn token(
    State(state): State<AppState>,
    headers: HeaderMap,
    meta: RequestMeta,
    body: Bytes,
) -> Result<Response, ApiError> {
    let form = match read_form(&headers, &body) {
        Ok(form) => form,
        Err(error) => return Ok(error.into_response()),
    };
    let answer = match grant(&state, &headers, &meta, &form).await {
        Ok(Ok(granted)) => granted,
        Ok(Err(error)) => error.into_response(),
        Err(error) => error.into_response(),
    };
    if let Some(outcome) = LoginOutcome::of_status(answer.status().as_u16()) {
        state.metrics.login(LoginKind::Client, outcome);
    }
    Ok(answer)
}

/// An RFC 6749 §5.2 error answer.
#[derive(Debug)]
pub struct OAuthFailure {
    status: StatusCode,
    error: &'static str,
    description: &'static str,
}

impl OAuthFailure {
    const fn new(status: StatusCode, error: &'static str, description: &'static str) -> Self {
        Self {
            status,
            error,
            description,
        }
    }

    fn invalid_request(description: &'static str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_request", description)
    }

    fn invalid_client() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed",
        )
    }
}

impl IntoResponse for OAuthFailure {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            Json(OAuthError {
                error: self.error.to_owned(),
                error_description: Some(self.description.to_owned()),
            }),
        )
            .into_response();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"kartlegg\""),
            );
        }
        response
    }
}

/// The form's parameters, each at most once (RFC 6749 §3.2).
type Form = Vec<(String, String)>;

fn read_form(headers: &HeaderMap, body: &[u8]) -> Result<Form, OAuthFailure> {
    let form_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            v.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !form_type {
        return Err(OAuthFailure::invalid_request(
            "The body must be application/x-www-form-urlencoded",
        ));
    }
    let form: Form = form_urlencoded::parse(body).into_owned().collect();
    let mut names: Vec<&str> = form.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    if names.windows(2).any(|w| w[0] == w[1]) {
        return Err(OAuthFailure::invalid_request(
            "A parameter is given more than once",
        ));
    }
    Ok(form)
}

fn param<'f>(form: &'f Form, name: &str) -> Option<&'f str> {
    form.iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The client authentication the request makes: exactly one method.
fn client_auth<'a>(
    form: &'a Form,
    basic: Option<&'a (String, String)>,
) -> Result<ClientAuth<'a>, OAuthFailure> {
    let secret = param(form, "client_secret");
    let assertion = param(form, "client_assertion");
    let methods = usize::from(basic.is_some())
        + usize::from(secret.is_some())
        + usize::from(assertion.is_some());
    if methods != 1 {
        return Err(OAuthFailure::invalid_request(
            "Authenticate the client with exactly one method",
        ));
    }
    let form_id = param(form, "client_id");
    let parse = |id: &str| Uuid::parse_str(id).map_err(|_| OAuthFailure::invalid_client());
    if let Some((id, secret)) = basic {
        return Ok(ClientAuth::Secret {
            client_id: parse(id)?,
            secret,
        });
    }
    if let Some(secret) = secret {
        let id = form_id.ok_or(OAuthFailure::invalid_request("client_id is missing"))?;
        return Ok(ClientAuth::Secret {
            client_id: parse(id)?,
            secret,
        });
    }
    let assertion = assertion.unwrap_or_default();
    if param(form, "client_assertion_type") != Some(JWT_BEARER_ASSERTION) {
        return Err(OAuthFailure::invalid_request(
            "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        ));
    }
    let client_id = assertion_subject(assertion).ok_or_else(OAuthFailure::invalid_client)?;
    if form_id.is_some_and(|id| id != client_id.to_string()) {
        return Err(OAuthFailure::invalid_client());
    }
    Ok(ClientAuth::Assertion {
        client_id,
        assertion,
    })
}

/// Checks the grant type and the client authentication the form makes,
/// then asks the token service for a token.
async fn grant(
    state: &AppState,
    headers: &HeaderMap,
    meta: &RequestMeta,
    form: &Form,
) -> Result<Result<Response, OAuthFailure>, ApiError> {
    let basic = basic_credentials(headers);
    let checked = grant_type(form)
        .and_then(|()| basic_or_no_authorization(headers, basic.as_ref()))
        .and_then(|()| client_auth(form, basic.as_ref()));
    let auth = match checked {
        Ok(auth) => auth,
        Err(failure) => return Ok(Err(failure)),
    };
    let address = meta.client_address.as_deref();
    let granted = tokens::grant(state, &auth, param(form, "scope"), address).await?;
    Ok(granted.map(token_answer).map_err(OAuthFailure::from))
}

fn grant_type(form: &Form) -> Result<(), OAuthFailure> {
    match param(form, "grant_type") {
        Some("client_credentials") => Ok(()),
        Some(_) => Err(OAuthFailure::new(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Only client_credentials is supported",
        )),
        None => Err(OAuthFailure::invalid_request("grant_type is missing")),
    }
}

/// An `Authorization` header that is not `Basic` credentials is a failed
/// client authentication.
fn basic_or_no_authorization(
    headers: &HeaderMap,
    basic: Option<&(String, String)>,
) -> Result<(), OAuthFailure> {
    if headers.contains_key(header::AUTHORIZATION) && basic.is_none() {
        return Err(OAuthFailure::invalid_client());
    }
    Ok(())
}

impl From<tokens::Refusal> for OAuthFailure {
    fn from(refusal: tokens::Refusal) -> Self {
        match refusal {
            tokens::Refusal::InvalidClient => Self::invalid_client(),
            tokens::Refusal::InvalidScope => Self::new(
                StatusCode::BAD_REQUEST,
                "invalid_scope",
                "A scope is unknown or not granted to this client",
            ),
        }
    }
}

/// The token, never cached (RFC 6749 §5.1).
fn token_answer(token: TokenResponse) -> Response {
    (
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::PRAGMA, "no-cache"),
        ],
        Json(token),
    )
        .into_response()
}
