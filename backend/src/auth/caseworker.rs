//! Caseworker authentication: password (+ TOTP) login, and the session as
//! handlers see it. The session works like the applicant's (a server-side
//! row named by a pinned-HS256 JWT in a cookie or Bearer header, idle and
//! absolute timeouts), with its own audience and cookie, so that neither
//! token is ever taken for the other. A disabled account's sessions end
//! at once: disabling ends them in the database, and every request checks
//! the account too.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use chrono::{DateTime, Utc};
use kartlegg_shared::caseworker::{AuditAction, Role};
use kartlegg_shared::text::{Lines, check_text};
use uuid::Uuid;

use super::applicant::presented_token_named;
use super::backoff;
use super::code::keyed_hash;
use super::login::FAILURE_FLOOR;
use super::password::{Busy, DUMMY_HASH, check_password, check_totp};
use super::token::{self, CASEWORKER_AUDIENCE};
use crate::db::{Caseworker, CaseworkerSessionRecord, NewAuditEvent, Organisation, Person};
use crate::error::ApiError;
use crate::metrics::{LoginKind, LoginOutcome};
use crate::state::AppState;

/// The caseworker session cookie (the applicant's is `kartlegg_session`).
pub const CASEWORKER_COOKIE: &str = "kartlegg_caseworker_session";

/// Where a request came from, for the audit log.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    /// The peer's IP address (not a forwarded-for header, which a client
    /// could set).
    pub client_address: Option<String>,
    /// The `x-request-id` the router gave the request.
    pub request_id: Option<String>,
}

impl RequestMeta {
    pub(crate) fn of(parts: &Parts) -> Self {
        Self {
            client_address: parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_string()),
            request_id: parts
                .headers
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestMeta {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::of(parts))
    }
}

/// A live caseworker session of an enabled account. Extracting it counts as
/// activity. Every failure is one 401.
#[derive(Debug, Clone)]
pub struct CaseworkerSession {
    pub session_id: Uuid,
    pub account: Caseworker,
    pub organisation: Organisation,
    pub meta: RequestMeta,
}

impl FromRequestParts<AppState> for CaseworkerSession {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = presented_token_named(&parts.headers, CASEWORKER_COOKIE)
            .ok_or(ApiError::Unauthorized)?;
        let now = state.clock.now();
        let id = token::verify_for(&state.keys, CASEWORKER_AUDIENCE, token, now)
            .ok_or(ApiError::Unauthorized)?;
        let session = state
            .store
            .caseworker_session(id)
            .await?
            .filter(|s| s.is_live(now, state.config.session_idle))
            .ok_or(ApiError::Unauthorized)?;
        let account = state
            .store
            .caseworker_by_id(session.caseworker_id)
            .await?
            .filter(|a| a.disabled_at.is_none())
            .ok_or(ApiError::Unauthorized)?;
        let organisation = state
            .store
            .organisation_by_id(account.organisation_id)
            .await?
            .ok_or(ApiError::Unauthorized)?;
        state.store.touch_caseworker_session(id, now).await?;
        Ok(Self {
            session_id: session.id,
            account,
            organisation,
            meta: RequestMeta::of(parts),
        })
    }
}

impl CaseworkerSession {
    /// 403 unless the account has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<(), ApiError> {
        if roles.iter().any(|r| self.account.has(*r)) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// 403 unless the account may read the people of its organisation.
    pub fn require_reader(&self) -> Result<(), ApiError> {
        if self.account.roles.iter().any(|r| r.reads_people()) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// An audit event by this caseworker about `person`.
    pub fn event_about(
        &self,
        action: AuditAction,
        at: DateTime<Utc>,
        person: &Person,
    ) -> NewAuditEvent {
        NewAuditEvent {
            person_id: Some(person.id),
            person_organisation_id: Some(person.organisation_id),
            ..self.event(action, at)
        }
    }

    /// An audit event by this caseworker, now, from this request.
    pub fn event(&self, action: AuditAction, at: DateTime<Utc>) -> NewAuditEvent {
        NewAuditEvent {
            at,
            actor_id: Some(self.account.id),
            actor: self.account.display_name.clone(),
            organisation_id: Some(self.account.organisation_id),
            action,
            person_id: None,
            person_organisation_id: None,
            registration_id: None,
            fields: Vec::new(),
            reason: None,
            client_address: self.meta.client_address.clone(),
            request_id: self.meta.request_id.clone(),
        }
    }
}

/// A successful caseworker login.
#[derive(Debug)]
pub struct CaseworkerLogin {
    pub account: Caseworker,
    pub organisation: Organisation,
    pub session: CaseworkerSessionRecord,
    /// The signed session token.
    pub token: String,
}

/// Checks a username, password and (when the account has one) TOTP code,
/// and opens a session. Unknown username, wrong password, wrong code and a
/// disabled account are the same 401 and cost about the same (an argon2
/// verification each, and no answer sooner than [`FAILURE_FLOOR`]); a
/// missing code for an account that needs one is 422 on `totp_code`, asked
/// only after the password was right. Every try is first counted against
/// the username and the client address ([`backoff`]): too soon after
/// failures, it is 429 with `Retry-After`, unchecked.
pub async fn log_in(
    state: &AppState,
    username: &str,
    password: &str,
    totp_code: Option<&str>,
    meta: &RequestMeta,
) -> Result<CaseworkerLogin, ApiError> {
    let started = tokio::time::Instant::now();
    let result = try_log_in(state, username, password, totp_code, meta).await;
    if let Some(outcome) = LoginOutcome::of(&result) {
        state.metrics.login(LoginKind::Caseworker, outcome);
    }
    if matches!(result, Err(ApiError::Unauthorized)) {
        tokio::time::sleep_until(started + FAILURE_FLOOR).await;
    }
    result
}

/// The throttle key of a username (a keyed hash: usernames typed by
/// attackers are not kept in the clear).
pub fn account_throttle_key(state: &AppState, username: &str) -> Vec<u8> {
    keyed_hash(
        &state.keys.duf,
        &[b"caseworker", username.trim().to_lowercase().as_bytes()],
    )
}

async fn try_log_in(
    state: &AppState,
    username: &str,
    password: &str,
    totp_code: Option<&str>,
    meta: &RequestMeta,
) -> Result<CaseworkerLogin, ApiError> {
    // No account has such a name, and PostgreSQL cannot even look up one
    // with NUL in it: refuse it as the bad input it is.
    check_text(username, Lines::One).map_err(|e| ApiError::field("username", e.code, e.message))?;
    let store = state.store.as_ref();
    let now = state.clock.now();
    let username = username.trim().to_lowercase();
    let account_key = account_throttle_key(state, &username);
    // The address first: a try refused for the account has still been
    // made from that address.
    let address_key = meta
        .client_address
        .as_ref()
        .map(|address| keyed_hash(&state.keys.duf, &[b"address", address.as_bytes()]));
    if let Some(key) = &address_key {
        backoff::reserve(store, &backoff::ADDRESS, key, now)
            .await?
            .map_err(ApiError::from)?;
    }
    backoff::reserve(store, &backoff::ACCOUNT, &account_key, now)
        .await?
        .map_err(ApiError::from)?;

    let account = store.caseworker_by_username(&username).await?;
    let stored = account
        .as_ref()
        .map_or_else(|| DUMMY_HASH.clone(), |a| a.password_hash.clone());
    let password_ok = check_password(password.to_owned(), stored)
        .await
        .map_err(|Busy| ApiError::TooManyRequests {
            retry_after_secs: 1,
        })?;

    // The try was counted as a failure when it was reserved: a failure
    // needs nothing more.
    let account = match account {
        Some(a) if password_ok && a.disabled_at.is_none() => a,
        _ => return Err(ApiError::Unauthorized),
    };
    if let Some(key) = &address_key {
        backoff::refund(store, &backoff::ADDRESS, key).await?;
    }
    match (
        &account.totp_secret,
        totp_code.map(str::trim).filter(|c| !c.is_empty()),
    ) {
        (Some(_), None) => {
            return Err(ApiError::field(
                "totp_code",
                "totp_required",
                "Type the six-digit code from your authenticator app",
            ));
        }
        (Some(secret), Some(code)) if !check_totp(secret, code, now) => {
            return Err(ApiError::Unauthorized);
        }
        (None, _) if state.config.require_admin_totp && account.has(Role::Administrator) => {
            // Right password, but the deployment demands a second factor
            // this account lacks: an operator must set one up.
            return Err(ApiError::Forbidden);
        }
        _ => {}
    }
    store.clear_login_throttle(&account_key).await?;

    let organisation = store
        .organisation_by_id(account.organisation_id)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("account without organisation")))?;
    let expires_at = now + state.config.session_max;
    let session = store
        .create_caseworker_session(account.id, now, expires_at)
        .await?;
    let token = token::sign_for(
        &state.keys,
        CASEWORKER_AUDIENCE,
        session.id,
        now,
        expires_at,
    )
    .map_err(ApiError::Internal)?;
    state
        .record_audit(&[NewAuditEvent {
            at: now,
            actor_id: Some(account.id),
            actor: account.display_name.clone(),
            organisation_id: Some(account.organisation_id),
            action: AuditAction::Login,
            person_id: None,
            person_organisation_id: None,
            registration_id: None,
            fields: Vec::new(),
            reason: None,
            client_address: meta.client_address.clone(),
            request_id: meta.request_id.clone(),
        }])
        .await?;
    Ok(CaseworkerLogin {
        account,
        organisation,
        session,
        token,
    })
}
