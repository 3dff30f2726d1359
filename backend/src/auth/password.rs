//! Caseworker credentials: argon2id password hashes (PHC strings, the
//! `argon2` crate's default parameters) and RFC 6238 TOTP second factors
//! (SHA-1, six digits, 30-second steps: what every authenticator app reads).

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Utc};
use totp_rs::{Algorithm, Secret, TOTP};

/// Hashes a password with a fresh random salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt)
        .map_err(|e| anyhow::anyhow!("the operating system gave no random bytes: {e}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?
        .to_string())
}

/// Whether `password` matches the PHC string `stored`. A stored value that
/// does not parse matches nothing.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// A hash no password is known for: checked against when the username is
/// unknown, so that the answer takes as long as for a wrong password.
pub static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_password("kartlegg: no such account, only here to spend the time").unwrap_or_default()
});

/// A fresh 160-bit TOTP secret (RFC 4226 recommends 160 bits).
pub fn new_totp_secret() -> anyhow::Result<Vec<u8>> {
    let mut secret = vec![0u8; 20];
    getrandom::getrandom(&mut secret)
        .map_err(|e| anyhow::anyhow!("the operating system gave no random bytes: {e}"))?;
    Ok(secret)
}

/// The secret in base32, as authenticator apps take it typed in.
pub fn totp_base32(secret: &[u8]) -> String {
    match Secret::Raw(secret.to_vec()).to_encoded() {
        Secret::Encoded(text) => text,
        Secret::Raw(_) => String::new(),
    }
}

/// The `otpauth://` URI for a QR code.
pub fn totp_uri(secret: &[u8], username: &str) -> String {
    let label: String = username
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    format!(
        "otpauth://totp/Kartlegg:{label}?secret={}&issuer=Kartlegg&algorithm=SHA1&digits=6&period=30",
        totp_base32(secret)
    )
}

/// Whether `code` is the current code of `secret` at `now`, allowing one
/// step of clock drift either way.
pub fn check_totp(secret: &[u8], code: &str, now: DateTime<Utc>) -> bool {
    let code: String = kartlegg_shared::digits::normalize_digits(code);
    let Ok(totp) = TOTP::new(Algorithm::SHA1, 6, 1, 30, secret.to_vec()) else {
        return false;
    };
    let Ok(time) = u64::try_from(now.timestamp()) else {
        return false;
    };
    code.len() == 6 && totp.check(&code, time)
}

/// The current code of `secret` at `now` (for tests and the demo).
pub fn totp_code(secret: &[u8], now: DateTime<Utc>) -> String {
    TOTP::new(Algorithm::SHA1, 6, 1, 30, secret.to_vec())
        .map(|t| t.generate(u64::try_from(now.timestamp()).unwrap_or(0)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_hash_is_argon2id_and_verifies() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn totp_accepts_the_current_code_and_one_step_of_drift() {
        let secret = new_totp_secret().unwrap();
        let now = Utc::now();
        let code = totp_code(&secret, now);
        assert!(check_totp(&secret, &code, now));
        assert!(check_totp(
            &secret,
            &code,
            now + chrono::Duration::seconds(30)
        ));
        assert!(!check_totp(
            &secret,
            &code,
            now + chrono::Duration::seconds(120)
        ));
        assert!(!check_totp(&secret, "12345", now));
        assert!(totp_uri(&secret, "kari").contains(&totp_base32(&secret)));
    }
}
