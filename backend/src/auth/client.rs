//! API clients: how a system proves who it is at the token endpoint
//! (OAuth 2.0 client credentials, RFC 6749 §4.4), and the access token as
//! integration handlers see it.
//!
//! A client authenticates in one of three ways: `private_key_jwt` (RFC 7523
//! §2.2, with the checks of RFC 7521 §5.2 and OpenID Connect Core §9: `iss`
//! = `sub` = the client id, `aud` = the token endpoint, a short `exp`, a
//! `jti` never accepted twice), the recommended way, as Maskinporten does;
//! or a client secret in the `Authorization: Basic` header
//! (`client_secret_basic`) or the form (`client_secret_post`). Secrets have
//! 256 random bits, so a plain SHA-256 is enough to store them: there is no
//! dictionary to try.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use kartlegg_shared::integration::Scope;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::caseworker::RequestMeta;
use super::token::{self, AccessClaims};
use crate::db::{ApiClient, ClientCredential, NewAuditEvent, Person};
use crate::error::ApiError;
use crate::state::AppState;
use kartlegg_shared::caseworker::AuditAction;

/// `client_assertion_type` for `private_key_jwt` (RFC 7523 §2.2).
pub const JWT_BEARER_ASSERTION: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// The longest an assertion may live: it is made for one token request.
pub const MAX_ASSERTION_SECS: i64 = 300;

/// Clock skew allowed when checking an assertion's times.
const LEEWAY_SECS: u64 = 30;

/// How long an access token lives (RFC 9068 tokens of at most an hour).
pub const ACCESS_TOKEN_SECS: i64 = 3600;

/// The smallest RSA modulus accepted (NIST SP 800-131A: 2048 bits).
const MIN_RSA_BYTES: usize = 256;

/// A new client secret: what the client is shown once, and what is stored.
pub struct NewSecret {
    pub secret: String,
    pub hash: Vec<u8>,
}

/// Generates a client secret of 256 random bits.
pub fn generate_secret() -> anyhow::Result<NewSecret> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let secret = format!("kls_{}", URL_SAFE_NO_PAD.encode(bytes));
    let hash = secret_hash(&secret);
    Ok(NewSecret { secret, hash })
}

/// The stored form of a client secret.
pub fn secret_hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// A public key a client registered, checked and with the one algorithm it
/// is accepted with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    /// As stored: normalised JWK JSON, or the PEM text.
    pub text: String,
    pub algorithm: Algorithm,
}

/// Why a public key is refused.
pub const KEY_RULE: &str = "Give an RSA key of at least 2048 bits, an EC P-256 key or an Ed25519 \
                            key, as a JWK object or a PEM PUBLIC KEY block";

/// Reads a public key from a JWK object or a PEM string. Only RSA (≥ 2048
/// bits, RS256), EC P-256 (ES256) and Ed25519 (EdDSA) public keys are
/// taken; a symmetric (`oct`) or private key never.
pub fn parse_public_key(value: &serde_json::Value) -> Option<PublicKey> {
    match value {
        serde_json::Value::Object(fields) => {
            // A JWK with private parts is refused rather than stored.
            if ["d", "p", "q", "k"].iter().any(|f| fields.contains_key(*f)) {
                return None;
            }
            let jwk: Jwk = serde_json::from_value(value.clone()).ok()?;
            let algorithm = jwk_algorithm(&jwk)?;
            DecodingKey::from_jwk(&jwk).ok()?;
            Some(PublicKey {
                text: serde_json::to_string(&jwk).ok()?,
                algorithm,
            })
        }
        serde_json::Value::String(pem) => {
            let pem = pem.trim();
            if !pem.starts_with("-----BEGIN PUBLIC KEY-----") {
                return None;
            }
            let algorithm = pem_algorithm(pem.as_bytes())?;
            Some(PublicKey {
                text: pem.to_owned(),
                algorithm,
            })
        }
        _ => None,
    }
}

fn jwk_algorithm(jwk: &Jwk) -> Option<Algorithm> {
    match &jwk.algorithm {
        AlgorithmParameters::RSA(rsa) => {
            let n = URL_SAFE_NO_PAD.decode(rsa.n.as_bytes()).ok()?;
            let bits = n.iter().skip_while(|b| **b == 0).count();
            (bits >= MIN_RSA_BYTES).then_some(Algorithm::RS256)
        }
        AlgorithmParameters::EllipticCurve(ec) if ec.curve == EllipticCurve::P256 => {
            Some(Algorithm::ES256)
        }
        AlgorithmParameters::OctetKeyPair(okp) if okp.curve == EllipticCurve::Ed25519 => {
            Some(Algorithm::EdDSA)
        }
        _ => None,
    }
}

/// The algorithm of a PEM public key, by the key type it holds.
fn pem_algorithm(pem: &[u8]) -> Option<Algorithm> {
    if let Ok(key) = DecodingKey::from_rsa_pem(pem) {
        // The DER of PKCS#1 RSAPublicKey: a modulus of 2048 bits makes it
        // at least 270 bytes.
        return (key.as_bytes().len() >= MIN_RSA_BYTES + 10).then_some(Algorithm::RS256);
    }
    if let Ok(key) = DecodingKey::from_ec_pem(pem) {
        // An uncompressed P-256 point: 0x04, x and y of 32 bytes each.
        return (key.as_bytes().len() == 65).then_some(Algorithm::ES256);
    }
    if let Ok(key) = DecodingKey::from_ed_pem(pem) {
        return (key.as_bytes().len() == 32).then_some(Algorithm::EdDSA);
    }
    None
}

/// The stored name of an algorithm.
pub fn algorithm_name(algorithm: Algorithm) -> &'static str {
    match algorithm {
        Algorithm::ES256 => "ES256",
        Algorithm::EdDSA => "EdDSA",
        _ => "RS256",
    }
}

fn decoding_key(credential: &ClientCredential) -> Option<(DecodingKey, Algorithm)> {
    let text = credential.public_key.as_deref()?;
    let algorithm = match credential.algorithm.as_deref()? {
        "RS256" => Algorithm::RS256,
        "ES256" => Algorithm::ES256,
        "EdDSA" => Algorithm::EdDSA,
        _ => return None,
    };
    let key = if text.starts_with('{') {
        DecodingKey::from_jwk(&serde_json::from_str(text).ok()?).ok()?
    } else {
        match algorithm {
            Algorithm::RS256 => DecodingKey::from_rsa_pem(text.as_bytes()).ok()?,
            Algorithm::ES256 => DecodingKey::from_ec_pem(text.as_bytes()).ok()?,
            _ => DecodingKey::from_ed_pem(text.as_bytes()).ok()?,
        }
    };
    Some((key, algorithm))
}

/// How a token request says who the client is.
#[derive(Debug)]
pub enum ClientAuth<'a> {
    /// `client_secret_basic` or `client_secret_post`.
    Secret { client_id: Uuid, secret: &'a str },
    /// `private_key_jwt`.
    Assertion { client_id: Uuid, assertion: &'a str },
}

impl ClientAuth<'_> {
    pub fn client_id(&self) -> Uuid {
        match self {
            Self::Secret { client_id, .. } | Self::Assertion { client_id, .. } => *client_id,
        }
    }
}

/// The user and password of an `Authorization: Basic` header, form-decoded
/// as RFC 6749 §2.3.1 asks.
pub fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    let unescape = |s: &str| {
        form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    Some((unescape(user)?, unescape(password)?))
}

/// The client id an assertion names (its `sub`, read before the signature
/// is checked, only to find the key to check it with).
pub fn assertion_subject(assertion: &str) -> Option<Uuid> {
    #[derive(Deserialize)]
    struct Subject {
        sub: String,
    }
    let payload = assertion.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload).ok()?;
    let subject: Subject = serde_json::from_slice(&bytes).ok()?;
    Uuid::parse_str(&subject.sub).ok()
}

/// The claims of a client assertion that the checks need.
#[derive(Debug, Deserialize)]
struct AssertionClaims {
    exp: i64,
    #[serde(default)]
    iat: Option<i64>,
    jti: String,
}

/// Checks a client's credential. `true` only when it is one of the
/// client's live credentials (two may be live during a rotation) and, for
/// an assertion, its `jti` had not been used. Every failure looks the same
/// to the caller.
pub async fn authenticate(
    state: &AppState,
    client: &ApiClient,
    auth: &ClientAuth<'_>,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let credentials = state.store.client_credentials(client.id).await?;
    let live = credentials.iter().filter(|c| c.revoked_at.is_none());
    match auth {
        ClientAuth::Secret { secret, .. } => {
            let presented = secret_hash(secret);
            // Every live secret is compared in full: the time says nothing.
            Ok(live
                .filter_map(|c| c.secret_hash.as_deref())
                .fold(false, |found, stored| {
                    found | constant_time_eq(stored, &presented)
                }))
        }
        ClientAuth::Assertion { assertion, .. } => {
            let claims = live
                .filter_map(decoding_key)
                .find_map(|(key, alg)| verify_assertion(state, client, assertion, &key, alg, now));
            let Some(claims) = claims else {
                return Ok(false);
            };
            let expires = DateTime::from_timestamp(claims.exp, 0).unwrap_or(now);
            Ok(state
                .store
                .use_assertion_id(client.id, &claims.jti, expires, now)
                .await?)
        }
    }
}

fn verify_assertion(
    state: &AppState,
    client: &ApiClient,
    assertion: &str,
    key: &DecodingKey,
    algorithm: Algorithm,
    now: DateTime<Utc>,
) -> Option<AssertionClaims> {
    let client_id = client.id.to_string();
    let mut validation = Validation::new(algorithm);
    validation.set_issuer(&[&client_id]);
    validation.sub = Some(client_id);
    // The token endpoint, or the issuer identifier (RFC 7523 §3 allows both).
    validation.set_audience(&[
        state.config.token_endpoint(),
        state.config.public_url.clone(),
    ]);
    validation.set_required_spec_claims(&["exp", "iss", "sub", "aud"]);
    validation.leeway = LEEWAY_SECS;
    // Times are checked below against the application's clock.
    validation.validate_exp = false;
    let claims = jsonwebtoken::decode::<AssertionClaims>(assertion, key, &validation)
        .ok()?
        .claims;
    let now = now.timestamp();
    let leeway = LEEWAY_SECS.cast_signed();
    let fresh = claims.exp + leeway > now
        && claims.exp <= now + MAX_ASSERTION_SECS + leeway
        && claims.iat.is_none_or(|iat| iat <= now + leeway);
    let has_id = !claims.jti.is_empty() && claims.jti.len() <= 256;
    (fresh && has_id).then_some(claims)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A valid access token of an enabled client, as integration handlers see
/// it. Only a Bearer header carries it (never a cookie), and only a token
/// with the API's audience: an applicant's or caseworker's token is 401
/// here, as this token is there.
#[derive(Debug, Clone)]
pub struct ClientAccess {
    pub client: ApiClient,
    /// The scopes of this token.
    pub scopes: Vec<Scope>,
    pub meta: RequestMeta,
}

impl FromRequestParts<AppState> for ClientAccess {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(&parts.headers).ok_or(ApiError::Unauthorized)?;
        let now = state.clock.now();
        let claims: AccessClaims =
            token::verify_access(&state.keys, &state.config.public_url, token, now)
                .ok_or(ApiError::Unauthorized)?;
        let id = Uuid::parse_str(&claims.jti).map_err(|_| ApiError::Unauthorized)?;
        let record = state
            .store
            .api_token(id)
            .await?
            .filter(|t| {
                t.revoked_at.is_none()
                    && t.expires_at > now
                    && t.client.disabled_at.is_none()
                    && t.client.id.to_string() == claims.sub
            })
            .ok_or(ApiError::Unauthorized)?;
        // A scope taken from the client since the token was issued is gone
        // at once.
        let scopes = record
            .scopes
            .into_iter()
            .filter(|s| record.client.scopes.contains(s))
            .collect();
        Ok(Self {
            client: record.client,
            scopes,
            meta: RequestMeta::of(parts),
        })
    }
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

impl ClientAccess {
    /// 403 `insufficient_scope` unless the token has `scope`.
    pub fn require(&self, scope: Scope) -> Result<(), ApiError> {
        if self.scopes.contains(&scope) {
            Ok(())
        } else {
            Err(ApiError::InsufficientScope(scope))
        }
    }

    /// An audit event by this client about `person`.
    pub fn event_about(
        &self,
        action: AuditAction,
        at: DateTime<Utc>,
        person: &Person,
    ) -> NewAuditEvent {
        NewAuditEvent {
            person_id: Some(person.id),
            person_organisation_id: Some(person.organisation_id),
            ..client_event(&self.client, &self.meta, action, at)
        }
    }
}

/// An audit event with an API client as the actor: its id, and its name
/// marked as a client's, so that the log tells systems from people.
pub fn client_event(
    client: &ApiClient,
    meta: &RequestMeta,
    action: AuditAction,
    at: DateTime<Utc>,
) -> NewAuditEvent {
    NewAuditEvent {
        at,
        actor_id: Some(client.id),
        actor: format!("API client: {}", client.name),
        organisation_id: Some(client.organisation_id),
        action,
        person_id: None,
        person_organisation_id: None,
        registration_id: None,
        fields: Vec::new(),
        reason: None,
        client_address: meta.client_address.clone(),
        request_id: meta.request_id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_has_256_bits_and_only_its_hash_matches() {
        let a = generate_secret().unwrap();
        let b = generate_secret().unwrap();
        assert_ne!(a.secret, b.secret);
        assert_eq!(a.secret.len(), "kls_".len() + 43);
        assert_eq!(secret_hash(&a.secret), a.hash);
        assert_ne!(secret_hash(&b.secret), a.hash);
    }

    #[test]
    fn symmetric_private_and_small_keys_are_refused() {
        let oct = serde_json::json!({"kty": "oct", "k": "c2VjcmV0"});
        assert_eq!(parse_public_key(&oct), None);
        let ed = serde_json::json!({
            "kty": "OKP", "crv": "Ed25519",
            "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
        });
        assert_eq!(
            parse_public_key(&ed).map(|k| k.algorithm),
            Some(Algorithm::EdDSA)
        );
        let mut private = ed.clone();
        private["d"] = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A".into();
        assert_eq!(parse_public_key(&private), None);
        let small_rsa = serde_json::json!({"kty": "RSA", "n": "AQAB", "e": "AQAB"});
        assert_eq!(parse_public_key(&small_rsa), None);
        assert_eq!(parse_public_key(&serde_json::json!("not a key")), None);
    }

    #[test]
    fn basic_credentials_are_form_decoded() {
        let mut headers = HeaderMap::new();
        let encoded = STANDARD.encode("my%20client:s%3Acret");
        headers.insert(
            axum::http::header::AUTHORIZATION,
            format!("Basic {encoded}").parse().unwrap(),
        );
        assert_eq!(
            basic_credentials(&headers),
            Some(("my client".to_owned(), "s:cret".to_owned()))
        );
    }
}
