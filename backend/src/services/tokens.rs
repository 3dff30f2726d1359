//! Access tokens for API clients (the OAuth 2.0 client credentials grant):
//! the throttle on failed authentications, the client's credential check,
//! the scopes granted and the signed, recorded token. The token route reads
//! the form and writes the RFC 6749 answer; the rules are here.

use chrono::{DateTime, Utc};
use kartlegg_shared::integration::{Scope, TokenResponse};
use uuid::Uuid;

use crate::AppState;
use crate::auth::backoff;
use crate::auth::client::{ACCESS_TOKEN_SECS, ClientAuth, authenticate};
use crate::auth::code::keyed_hash;
use crate::auth::token::{API_AUDIENCE, AccessClaims, sign_access};
use crate::db::{ApiClient, NewApiToken};
use crate::error::ApiError;

/// A client's failures slow it down like a caseworker account's, but it is
/// never held: a system that cannot get a token stops working, and an
/// attacker must not be able to cause that.
const CLIENT: backoff::Policy = backoff::Policy {
    lock_after: None,
    ..backoff::ACCOUNT
};

/// Why no token was issued, for the route to answer as RFC 6749 §5.2 says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Unknown or disabled client, or a wrong credential.
    InvalidClient,
    /// A scope asked for is unknown or not the client's.
    InvalidScope,
}

/// Authenticates the client, checks the scopes asked for (`None`: all of
/// the client's) and issues the token. A throttled client or address is an
/// `ApiError` (429 with `Retry-After`), like every other login.
pub async fn grant(
    state: &AppState,
    auth: &ClientAuth<'_>,
    asked_scopes: Option<&str>,
    client_address: Option<&str>,
) -> Result<Result<TokenResponse, Refusal>, ApiError> {
    let store = state.store.as_ref();
    let now = state.clock.now();
    let client_key = keyed_hash(
        &state.keys.duf,
        &[b"api client", auth.client_id().as_bytes()],
    );
    let address_key = client_address
        .map(|address| keyed_hash(&state.keys.duf, &[b"address", address.as_bytes()]));
    if let Some(key) = &address_key {
        backoff::reserve(store, &backoff::ADDRESS, key, now).await??;
    }
    backoff::reserve(store, &CLIENT, &client_key, now).await??;

    let Some(client) = authenticated(state, auth, now).await? else {
        return Ok(Err(Refusal::InvalidClient));
    };
    // The failure counted on reservation is given back: this was the client.
    if let Some(key) = &address_key {
        backoff::refund(store, &backoff::ADDRESS, key).await?;
    }
    store.clear_login_throttle(&client_key).await?;

    let Some(scopes) = granted_scopes(&client, asked_scopes) else {
        return Ok(Err(Refusal::InvalidScope));
    };
    issue(state, &client, scopes, now).await.map(Ok)
}

/// The enabled client whose credential this is, if it is.
async fn authenticated(
    state: &AppState,
    auth: &ClientAuth<'_>,
    now: DateTime<Utc>,
) -> Result<Option<ApiClient>, ApiError> {
    let client = state
        .store
        .api_client(auth.client_id())
        .await?
        .filter(|c| c.disabled_at.is_none());
    match client {
        Some(client) if authenticate(state, &client, auth, now).await? => Ok(Some(client)),
        _ => Ok(None),
    }
}

/// The scopes asked for when every one is the client's; all of the
/// client's when none are asked for.
fn granted_scopes(client: &ApiClient, asked: Option<&str>) -> Option<Vec<Scope>> {
    let Some(asked) = asked else {
        return Some(client.scopes.clone());
    };
    Scope::parse_list(asked)
        .filter(|asked| !asked.is_empty() && asked.iter().all(|s| client.scopes.contains(s)))
}

/// Records the token (so that it can be revoked with the client) and signs it.
async fn issue(
    state: &AppState,
    client: &ApiClient,
    scopes: Vec<Scope>,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let id = Uuid::new_v4();
    let expires_at = now + chrono::Duration::seconds(ACCESS_TOKEN_SECS);
    let scope = Scope::join(&scopes);
    state
        .store
        .record_api_token(&NewApiToken {
            id,
            client_id: client.id,
            scopes,
            issued_at: now,
            expires_at,
        })
        .await?;
    let claims = AccessClaims {
        iss: state.config.public_url.clone(),
        aud: API_AUDIENCE.to_owned(),
        sub: client.id.to_string(),
        client_id: client.id.to_string(),
        scope: scope.clone(),
        iat: now.timestamp(),
        exp: expires_at.timestamp(),
        jti: id.to_string(),
    };
    Ok(TokenResponse {
        access_token: sign_access(&state.keys, &claims).map_err(ApiError::Internal)?,
        token_type: "Bearer".into(),
        expires_in: u32::try_from(ACCESS_TOKEN_SECS).unwrap_or(3600),
        scope,
    })
}
