//! One-time login codes: eight digits from the operating system's CSPRNG,
//! shown to staff as `1234 5678`, stored only as a keyed hash.

use std::fmt;

use hmac::{Hmac, Mac};
use kartlegg_shared::domain::{DufNumber, login_code_digits};
use sha2::Sha256;

/// How many digits a code has (the rule is shared with the browser).
pub use kartlegg_shared::domain::LOGIN_CODE_DIGITS as CODE_DIGITS;

/// A login code. Its digits never print through `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct LoginCode(String);

impl LoginCode {
    /// A fresh random code.
    pub fn generate() -> anyhow::Result<Self> {
        // Rejection sampling keeps every code equally likely: 4 294 967 296
        // is not a multiple of 10^8, so values at or above the largest
        // multiple are drawn again.
        const RANGE: u32 = 100_000_000;
        const LIMIT: u32 = u32::MAX - (u32::MAX % RANGE);
        loop {
            let mut bytes = [0u8; 4];
            getrandom::getrandom(&mut bytes)
                .map_err(|e| anyhow::anyhow!("the operating system gave no random bytes: {e}"))?;
            let value = u32::from_le_bytes(bytes);
            if value < LIMIT {
                return Ok(Self(format!("{:08}", value % RANGE)));
            }
        }
    }

    /// A code as a person types it: spaces and Eastern Arabic or Persian
    /// digits are accepted, as the browser's check before sending accepts
    /// them. `None` when it cannot be a code.
    pub fn parse(input: &str) -> Option<Self> {
        login_code_digits(input).ok().map(Self)
    }

    /// The eight ASCII digits.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// As staff read it out: `1234 5678`.
    pub fn display(&self) -> String {
        format!("{} {}", &self.0[..4], &self.0[4..])
    }
}

impl fmt::Debug for LoginCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LoginCode(…)")
    }
}

/// The keyed hash of a code. The DUF-number is part of the message so that
/// the same code for two people hashes differently.
pub fn code_hash(key: &[u8], duf: &DufNumber, code: &str) -> Vec<u8> {
    keyed_hash(key, &[b"code", duf.as_str().as_bytes(), code.as_bytes()])
}

/// Whether `code` hashes to `stored`, compared in constant time.
pub fn code_matches(key: &[u8], duf: &DufNumber, code: &str, stored: &[u8]) -> bool {
    let mut mac = new_mac(key);
    feed(
        &mut mac,
        &[b"code", duf.as_str().as_bytes(), code.as_bytes()],
    );
    mac.verify_slice(stored).is_ok()
}

/// HMAC-SHA256 over length-prefixed parts, so that no two different lists
/// of parts give the same message.
pub(crate) fn keyed_hash(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut mac = new_mac(key);
    feed(&mut mac, parts);
    mac.finalize().into_bytes().to_vec()
}

fn new_mac(key: &[u8]) -> Hmac<Sha256> {
    // HMAC takes a key of any length, so this cannot fail.
    <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!())
}

fn feed(mac: &mut Hmac<Sha256>, parts: &[&[u8]]) {
    for part in parts {
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_have_eight_digits_and_differ() {
        let a = LoginCode::generate().unwrap();
        let b = LoginCode::generate().unwrap();
        assert_eq!(a.digits().len(), 8);
        assert!(a.digits().bytes().all(|c| c.is_ascii_digit()));
        assert_ne!(a, b, "two codes in a row are (almost surely) different");
    }

    #[test]
    fn code_is_displayed_in_two_groups_of_four() {
        let code = LoginCode::parse("12345678").unwrap();
        assert_eq!(code.display(), "1234 5678");
    }

    #[test]
    fn code_is_read_with_spaces_and_eastern_digits() {
        assert_eq!(LoginCode::parse("١٢٣٤ ۵۶۷۸").unwrap().digits(), "12345678");
        assert!(LoginCode::parse("1234567").is_none());
        assert!(LoginCode::parse("1234567a").is_none());
    }

    #[test]
    fn code_debug_hides_the_digits() {
        let code = LoginCode::parse("12345678").unwrap();
        assert!(!format!("{code:?}").contains("1234"));
    }

    #[test]
    fn code_hash_depends_on_key_person_and_code() {
        let duf = DufNumber::parse("202400000001").unwrap();
        let other = DufNumber::parse("202400000002").unwrap();
        let h = code_hash(b"key", &duf, "12345678");
        assert!(code_matches(b"key", &duf, "12345678", &h));
        assert!(!code_matches(b"key", &duf, "12345679", &h));
        assert!(!code_matches(b"other", &duf, "12345678", &h));
        assert!(!code_matches(b"key", &other, "12345678", &h));
    }
}
