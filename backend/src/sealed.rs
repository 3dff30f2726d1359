//! Values the database keeps but must not hold in the clear (an
//! Idempotency-Key's kept answer, a webhook's signing secret), encrypted
//! with ChaCha20-Poly1305 under a key derived from the server's signing
//! key, which the database does not hold. Each value is bound to what it
//! belongs to (the additional data), so a sealed value copied to another
//! row does not open there.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};

/// Encrypts `plain` for `bound_to`: a random nonce, then the ciphertext.
pub fn seal(key: &[u8], bound_to: &[u8], plain: &[u8]) -> anyhow::Result<Vec<u8>> {
    let cipher =
        ChaCha20Poly1305::new_from_slice(key).map_err(|e| anyhow::anyhow!("sealing key: {e}"))?;
    let mut nonce = [0u8; 12];
    getrandom::getrandom(&mut nonce).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: bound_to,
            },
        )
        .map_err(|e| anyhow::anyhow!("sealing: {e}"))?;
    Ok([nonce.as_slice(), &sealed].concat())
}

/// Decrypts what [`seal`] gave for `bound_to` with the same key; `None`
/// otherwise.
pub fn open(key: &[u8], bound_to: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    let cipher = ChaCha20Poly1305::new_from_slice(key).ok()?;
    let (nonce, ciphertext) = sealed.split_at_checked(12)?;
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: bound_to,
            },
        )
        .ok()
}

#[cfg(test)]
mod tests {
    use super::{open, seal};

    #[test]
    fn a_sealed_value_opens_only_with_its_key_and_binding() {
        let key = [7u8; 32];
        let sealed = seal(&key, b"row 1", b"secret").unwrap();
        assert_eq!(
            open(&key, b"row 1", &sealed).as_deref(),
            Some(&b"secret"[..])
        );
        assert_eq!(open(&key, b"row 2", &sealed), None);
        assert_eq!(open(&[8u8; 32], b"row 1", &sealed), None);
        assert!(!sealed.windows(6).any(|w| w == b"secret"));
    }
}
