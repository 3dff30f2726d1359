//! Session tokens: HS256 JWTs with a pinned algorithm, issuer, audience and
//! expiry. The subject is the server-side session's id (never the
//! DUF-number), so a token is only as good as its session: logout and
//! timeouts revoke it in the database.

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::code::keyed_hash;
use crate::audit::ChainKey;
use crate::config::SigningKey;

/// The `iss` of every token Kartlegg signs.
pub const ISSUER: &str = "kartlegg";
/// The `aud` of applicant session tokens; caseworker and API tokens get
/// their own, so that one kind is never accepted as another.
pub const APPLICANT_AUDIENCE: &str = "kartlegg-applicant";
/// The `aud` of caseworker session tokens.
pub const CASEWORKER_AUDIENCE: &str = "kartlegg-caseworker";

/// Keys derived from the server's signing key, one per purpose, so that a
/// token signature can never double as a code hash.
pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    /// Keys the HMAC of login codes.
    pub(crate) code: Vec<u8>,
    /// Keys the HMAC of DUF-numbers in the failed-login counter, which
    /// therefore holds no DUF-number in the clear.
    pub(crate) duf: Vec<u8>,
    /// Keys the audit log's hash chain and its checkpoints; held only in
    /// memory, never in the database the chain lives in.
    pub audit: ChainKey,
    /// Encrypts the answers kept for Idempotency-Key replays.
    pub(crate) replay: Vec<u8>,
    /// Encrypts webhook signing secrets.
    pub(crate) webhook: Vec<u8>,
}

impl Keys {
    /// Derives the purpose keys from the signing key.
    pub fn derive(signing_key: &SigningKey) -> Self {
        let root = signing_key.expose_secret();
        let jwt = keyed_hash(root, &[b"kartlegg jwt v1"]);
        Self {
            encoding: EncodingKey::from_secret(&jwt),
            decoding: DecodingKey::from_secret(&jwt),
            code: keyed_hash(root, &[b"kartlegg login code v1"]),
            duf: keyed_hash(root, &[b"kartlegg failed login v1"]),
            audit: ChainKey::new(keyed_hash(root, &[b"kartlegg audit chain v1"])),
            replay: keyed_hash(root, &[b"kartlegg idempotency replay v1"]),
            webhook: keyed_hash(root, &[b"kartlegg webhook secret v1"]),
        }
    }
}

/// The claims of an applicant session token.
#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    /// The session id.
    sub: String,
    iat: i64,
    exp: i64,
}

/// Signs an applicant token for this session, valid until `expires_at`.
pub fn sign(
    keys: &Keys,
    session_id: Uuid,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> anyhow::Result<String> {
    sign_for(keys, APPLICANT_AUDIENCE, session_id, now, expires_at)
}

/// Signs a token for this session and audience, valid until `expires_at`.
pub fn sign_for(
    keys: &Keys,
    audience: &str,
    session_id: Uuid,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> anyhow::Result<String> {
    let claims = Claims {
        iss: ISSUER.into(),
        aud: audience.into(),
        sub: session_id.to_string(),
        iat: now.timestamp(),
        exp: expires_at.timestamp(),
    };
    Ok(jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &keys.encoding,
    )?)
}

/// The session id in a token whose signature, algorithm, issuer and
/// audience are right and which has not expired at `now`. `None` for
/// anything else: callers answer every bad token the same way.
pub fn verify(keys: &Keys, token: &str, now: DateTime<Utc>) -> Option<Uuid> {
    verify_for(keys, APPLICANT_AUDIENCE, token, now)
}

/// [`verify`] for a token of this audience.
pub fn verify_for(keys: &Keys, audience: &str, token: &str, now: DateTime<Utc>) -> Option<Uuid> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&[ISSUER]);
    validation.set_audience(&[audience]);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    // Expiry is checked against the application's clock below, so that
    // tests that move the clock see the same rule as production.
    validation.validate_exp = false;
    let data = jsonwebtoken::decode::<Claims>(token, &keys.decoding, &validation).ok()?;
    if data.claims.exp <= now.timestamp() {
        return None;
    }
    Uuid::parse_str(&data.claims.sub).ok()
}

/// The `aud` of access tokens for the integration API.
pub const API_AUDIENCE: &str = "kartlegg-api";

/// The claims of an integration API access token (RFC 9068's names). The
/// `jti` names the token's server-side record, so a disabled client's
/// tokens stop working at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    /// The server's public URL.
    pub iss: String,
    pub aud: String,
    /// The client id.
    pub sub: String,
    pub client_id: String,
    /// The granted scopes, space-separated.
    pub scope: String,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
}

/// Signs an access token (HS256 with the server's derived key).
pub fn sign_access(keys: &Keys, claims: &AccessClaims) -> anyhow::Result<String> {
    Ok(jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &keys.encoding,
    )?)
}

/// The claims of an access token whose signature, algorithm (HS256 only),
/// issuer and audience are right and which has not expired at `now`.
pub fn verify_access(
    keys: &Keys,
    issuer: &str,
    token: &str,
    now: DateTime<Utc>,
) -> Option<AccessClaims> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&[issuer]);
    validation.set_audience(&[API_AUDIENCE]);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub", "jti"]);
    validation.validate_exp = false;
    let data = jsonwebtoken::decode::<AccessClaims>(token, &keys.decoding, &validation).ok()?;
    (data.claims.exp > now.timestamp()).then_some(data.claims)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use secrecy::SecretBox;

    use super::*;

    fn keys(byte: u8) -> Keys {
        Keys::derive(&SecretBox::new(Box::new(vec![byte; 32])))
    }

    #[test]
    fn token_round_trips_to_its_session() {
        let k = keys(1);
        let id = Uuid::new_v4();
        let now = Utc::now();
        let token = sign(&k, id, now, now + Duration::hours(1)).unwrap();
        assert_eq!(verify(&k, &token, now), Some(id));
    }

    #[test]
    fn token_is_refused_after_its_expiry() {
        let k = keys(1);
        let now = Utc::now();
        let token = sign(&k, Uuid::new_v4(), now, now + Duration::hours(1)).unwrap();
        assert_eq!(verify(&k, &token, now + Duration::hours(1)), None);
    }

    #[test]
    fn token_of_one_audience_is_refused_as_another() {
        let k = keys(1);
        let now = Utc::now();
        let token = sign(&k, Uuid::new_v4(), now, now + Duration::hours(1)).unwrap();
        assert_eq!(verify_for(&k, CASEWORKER_AUDIENCE, &token, now), None);
    }

    #[test]
    fn token_signed_with_another_key_is_refused() {
        let now = Utc::now();
        let token = sign(&keys(1), Uuid::new_v4(), now, now + Duration::hours(1)).unwrap();
        assert_eq!(verify(&keys(2), &token, now), None);
    }

    #[test]
    fn access_token_is_refused_as_a_session_and_the_reverse() {
        let k = keys(1);
        let now = Utc::now();
        let claims = AccessClaims {
            iss: "http://kartlegg.test".into(),
            aud: API_AUDIENCE.into(),
            sub: "c".into(),
            client_id: "c".into(),
            scope: "people:read".into(),
            iat: now.timestamp(),
            exp: now.timestamp() + 60,
            jti: Uuid::new_v4().to_string(),
        };
        let access = sign_access(&k, &claims).unwrap();
        assert_eq!(
            verify_access(&k, "http://kartlegg.test", &access, now),
            Some(claims)
        );
        assert_eq!(verify_access(&k, "http://other.test", &access, now), None);
        assert_eq!(verify(&k, &access, now), None);
        assert_eq!(verify_for(&k, CASEWORKER_AUDIENCE, &access, now), None);
        let session = sign(&k, Uuid::new_v4(), now, now + Duration::hours(1)).unwrap();
        assert_eq!(
            verify_access(&k, "http://kartlegg.test", &session, now),
            None
        );
    }

    #[test]
    fn unsigned_token_is_refused() {
        // {"alg":"none"} with the right claims and no signature.
        let header = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0";
        let claims = "eyJpc3MiOiJrYXJ0bGVnZyIsImF1ZCI6ImthcnRsZWdnLWFwcGxpY2FudCIsInN1YiI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCIsImlhdCI6MCwiZXhwIjo0MTAyNDQ0ODAwfQ";
        assert_eq!(
            verify(&keys(1), &format!("{header}.{claims}."), Utc::now()),
            None
        );
    }
}
