//! The applicant's session as handlers see it. [`ApplicantSession`] takes
//! the token from `Authorization: Bearer` (API clients) or the
//! `kartlegg_session` cookie (the browser), and accepts it only while its
//! server-side session is live; every other case is one 401. There is no
//! optional variant that would let a bad token through as "no session".

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use kartlegg_shared::api::{CONSENT_VERSION, ConsentDecision};
use uuid::Uuid;

use super::token;
use crate::config::CookieSecure;
use crate::db::{ApplicantSessionRead, Consent};
use crate::error::ApiError;
use crate::state::AppState;

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "kartlegg_session";

/// A live applicant session. Extracting it counts as activity, which
/// pushes the idle timeout back (written at most once a minute).
#[derive(Debug, Clone, Copy)]
pub struct ApplicantSession {
    pub session_id: Uuid,
    pub person_id: Uuid,
    /// The code that opened the session; logout ends it.
    pub code_id: Uuid,
    /// Whether the person had consented to the current declaration when
    /// the session was read (with it, in the same query).
    pub consented: bool,
}

impl FromRequestParts<AppState> for ApplicantSession {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = presented_token(&parts.headers).ok_or(ApiError::Unauthorized)?;
        let now = state.clock.now();
        let id = token::verify(&state.keys, token, now).ok_or(ApiError::Unauthorized)?;
        let ApplicantSessionRead { session, consented } = state
            .store
            .applicant_session(id)
            .await?
            .filter(|s| s.session.is_live(now, state.config.session_idle))
            .ok_or(ApiError::Unauthorized)?;
        // Activity is written at most once a minute (sooner with a short
        // idle timeout): a session may end up to that much earlier than
        // to the second, and a save costs one write instead of two.
        let touch_every = (state.config.session_idle / 10).min(chrono::Duration::minutes(1));
        if now - session.last_seen_at >= touch_every {
            state.store.touch_applicant_session(id, now).await?;
        }
        Ok(Self {
            session_id: session.id,
            person_id: session.person_id,
            code_id: session.code_id,
            consented,
        })
    }
}

/// A live session of an applicant who has consented to the current
/// declaration; 403 for one who has not (yet).
#[derive(Debug, Clone, Copy)]
pub struct ConsentedApplicant(pub ApplicantSession);

impl FromRequestParts<AppState> for ConsentedApplicant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let session = ApplicantSession::from_request_parts(parts, state).await?;
        if session.consented {
            Ok(Self(session))
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// Whether the newest answer to the current declaration is "accept"
/// (`consents` newest first): someone who consented earlier is not asked
/// again, and a later decline withdraws it.
pub fn has_consented(consents: &[Consent]) -> bool {
    consents
        .iter()
        .find(|c| c.version == CONSENT_VERSION)
        .is_some_and(|c| c.decision == ConsentDecision::Accept)
}

/// The token of the request: the Authorization header when there is one
/// (and then only if it is a Bearer token), else the session cookie.
fn presented_token(headers: &HeaderMap) -> Option<&str> {
    presented_token_named(headers, SESSION_COOKIE)
}

/// [`presented_token`] with the session cookie of this name.
pub(crate) fn presented_token_named<'h>(headers: &'h HeaderMap, cookie: &str) -> Option<&'h str> {
    if let Some(value) = headers.get(header::AUTHORIZATION) {
        let value = value.to_str().ok()?;
        let (scheme, token) = value.split_once(' ')?;
        return scheme
            .eq_ignore_ascii_case("bearer")
            .then_some(token.trim());
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == cookie && !value.is_empty()).then_some(value)
        })
}

/// The `Set-Cookie` value that hands the browser its session token.
pub fn session_cookie(
    token: &str,
    max_age_secs: i64,
    headers: &HeaderMap,
    secure: CookieSecure,
) -> Result<HeaderValue, ApiError> {
    session_cookie_named(SESSION_COOKIE, token, max_age_secs, headers, secure)
}

/// [`session_cookie`] for the cookie of this name.
pub(crate) fn session_cookie_named(
    cookie: &str,
    token: &str,
    max_age_secs: i64,
    headers: &HeaderMap,
    secure: CookieSecure,
) -> Result<HeaderValue, ApiError> {
    let value = format!(
        "{cookie}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}",
        max_age_secs.max(0),
        secure_attribute(headers, secure)
    );
    HeaderValue::from_str(&value).map_err(|e| ApiError::Internal(e.into()))
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn cleared_cookie(headers: &HeaderMap, secure: CookieSecure) -> HeaderValue {
    cleared_cookie_named(SESSION_COOKIE, headers, secure)
}

/// [`cleared_cookie`] for the cookie of this name.
pub(crate) fn cleared_cookie_named(
    cookie: &str,
    headers: &HeaderMap,
    secure: CookieSecure,
) -> HeaderValue {
    let value = format!(
        "{cookie}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{}",
        secure_attribute(headers, secure)
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// `; Secure` unless told never, or (on `auto`) the request went to this
/// machine, where a developer runs without TLS and a Secure cookie would
/// not come back.
fn secure_attribute(headers: &HeaderMap, secure: CookieSecure) -> &'static str {
    let on = match secure {
        CookieSecure::Always => true,
        CookieSecure::Never => false,
        CookieSecure::Auto => !headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .is_some_and(is_local_host),
    };
    if on { "; Secure" } else { "" }
}

fn is_local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => host.split(':').next().unwrap_or(host),
    };
    matches!(name, "localhost" | "127.0.0.1" | "::1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(name: header::HeaderName, value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn token_is_read_from_bearer_or_cookie() {
        assert_eq!(
            presented_token(&with(header::AUTHORIZATION, "Bearer abc")),
            Some("abc")
        );
        assert_eq!(
            presented_token(&with(header::COOKIE, "a=1; kartlegg_session=xyz; b=2")),
            Some("xyz")
        );
        assert_eq!(
            presented_token(&with(header::AUTHORIZATION, "Basic abc")),
            None
        );
    }

    #[test]
    fn cookie_is_secure_except_on_localhost() {
        let local = with(header::HOST, "localhost:8080");
        let remote = with(header::HOST, "kartlegg.example");
        assert!(
            !cleared_cookie(&local, CookieSecure::Auto)
                .to_str()
                .unwrap()
                .contains("Secure")
        );
        assert!(
            cleared_cookie(&remote, CookieSecure::Auto)
                .to_str()
                .unwrap()
                .contains("Secure")
        );
        assert!(
            cleared_cookie(&HeaderMap::new(), CookieSecure::Auto)
                .to_str()
                .unwrap()
                .contains("Secure")
        );
        assert!(
            !cleared_cookie(&remote, CookieSecure::Never)
                .to_str()
                .unwrap()
                .contains("Secure")
        );
    }
}
