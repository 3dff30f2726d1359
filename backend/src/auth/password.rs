//! Caseworker credentials: argon2id password hashes (PHC strings, the
//! `argon2` crate's default parameters) and RFC 6238 TOTP second factors
//! (SHA-1, six digits, 30-second steps: what every authenticator app reads).

use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::Duration;

use argon2::password_hash::{Output, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, Block, Params, Version};
use chrono::{DateTime, Utc};
use tokio::sync::Semaphore;
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
/// does not parse matches nothing. Allocates its own memory: for the CLI
/// and tests; logins go through [`check_password`].
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// Password checks at a time, and their memory. argon2id with the default
/// parameters fills 19 MiB per check; a flood of logins (with unknown
/// usernames, from many addresses) once took the server to 4 GB, which the
/// allocator then kept. Now at most one check per core runs, each in one of
/// as many buffers that are allocated once and reused, so the memory for
/// checks is bounded (2 cores: 38 MiB) and never handed back and forth
/// with the allocator. A login that waits longer than [`CHECK_WAIT`] for
/// its turn is answered "busy" (429 with `Retry-After`) instead.
struct CheckGate {
    turns: Semaphore,
    buffers: Mutex<Vec<Vec<Block>>>,
}

static GATE: LazyLock<CheckGate> = LazyLock::new(|| CheckGate {
    turns: Semaphore::new(std::thread::available_parallelism().map_or(2, usize::from)),
    buffers: Mutex::new(Vec::new()),
});

/// How long a password check waits for its turn.
pub const CHECK_WAIT: Duration = Duration::from_secs(5);

/// The largest argon2 memory a stored hash may ask for (64 MiB): a hash
/// edited to ask for more matches nothing rather than exhaust the memory.
const MAX_BLOCKS: usize = 64 * 1024;

/// All password checks are busy; the login may be tried again shortly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// [`verify_password`] through the gate: off the async workers, at most
/// one per core at a time, in reused memory.
pub async fn check_password(password: String, stored: String) -> Result<bool, Busy> {
    let Ok(Ok(_turn)) = tokio::time::timeout(CHECK_WAIT, GATE.turns.acquire()).await else {
        return Err(Busy);
    };
    let mut blocks = GATE
        .buffers
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .pop()
        .unwrap_or_default();
    let checked = tokio::task::spawn_blocking(move || {
        let ok = verify_password_in(&password, &stored, &mut blocks);
        (ok, blocks)
    })
    .await;
    // A panicked check loses its buffer; the next one allocates anew.
    let Ok((ok, blocks)) = checked else {
        return Ok(false);
    };
    GATE.buffers
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(blocks);
    Ok(ok)
}

/// Whether `password` matches the PHC string `stored`, computed in
/// `blocks` (grown to what the hash needs, never shrunk).
fn verify_password_in(password: &str, stored: &str, blocks: &mut Vec<Block>) -> bool {
    let Ok(hash) = PasswordHash::new(stored) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (hash.salt, hash.hash) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (
        argon2::Algorithm::try_from(hash.algorithm),
        Params::try_from(&hash),
    ) else {
        return false;
    };
    let Ok(version) = hash
        .version
        .map_or(Ok(Version::default()), Version::try_from)
    else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let needed = params.block_count();
    if needed > MAX_BLOCKS {
        return false;
    }
    if blocks.len() < needed {
        blocks.resize(needed, Block::new());
    }
    let argon2 = Argon2::new(algorithm, version, params);
    Output::init_with(expected.len(), |out| {
        argon2
            .hash_password_into_with_memory(password.as_bytes(), salt, out, &mut blocks[..])
            .map_err(|_| argon2::password_hash::Error::Password)
    })
    // `Output`'s equality is constant-time.
    .is_ok_and(|computed| computed == expected)
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

    #[tokio::test]
    async fn gated_check_agrees_with_the_plain_one_and_reuses_its_buffer() {
        let hash = hash_password("correct horse battery").unwrap();
        assert_eq!(
            check_password("correct horse battery".into(), hash.clone()).await,
            Ok(true)
        );
        assert_eq!(
            check_password("correct horse batterY".into(), hash.clone()).await,
            Ok(false)
        );
        assert_eq!(
            check_password("x".into(), "not a hash".into()).await,
            Ok(false)
        );
        let buffers = GATE.buffers.lock().unwrap();
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        assert!(!buffers.is_empty() && buffers.len() <= cores);
        let blocks = Params::default().block_count();
        assert!(buffers.iter().all(|b| b.len() >= blocks));
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
