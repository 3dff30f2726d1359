//! The rules a caseworker password must follow, shared so that the account
//! form can say what is wrong before anything is sent: at least 12
//! characters, not the username, not one of the passwords every attacker
//! tries first.

use crate::domain::ParseError;

/// The fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The most: argon2 hashes anything, but a megabyte of password is an attack.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Common passwords of 12 characters or more (shorter ones fail the length
/// rule anyway), from public breach lists, plus Norwegian favourites.
/// Compared in lower case.
const COMMON: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123123123123",
    "111111111111",
    "000000000000",
    "password1234",
    "password12345",
    "password123456",
    "passwordpassword",
    "passord12345",
    "passord123456",
    "passordpassord",
    "qwertyuiop12",
    "qwertyuiopas",
    "qwertyuiopå",
    "qwerty123456",
    "1qaz2wsx3edc",
    "1q2w3e4r5t6y",
    "iloveyou1234",
    "welcome12345",
    "velkommen123",
    "velkommen1234",
    "administrator",
    "administrator1",
    "sommer2024!!",
    "sommer2025!!",
    "sommer2026!!",
    "vinter2025!!",
    "vinter2026!!",
    "kartlegg1234",
    "kartlegg2026",
    "letmein12345",
    "changeme1234",
    "abcdefghijkl",
    "abc123abc123",
];

/// Checks a new password against the rules.
pub fn check_password(password: &str, username: &str) -> Result<(), ParseError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(ParseError {
            code: "password_too_short",
            message: "A password has at least 12 characters",
        });
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(ParseError {
            code: "password_too_long",
            message: "A password has at most 256 characters",
        });
    }
    let lower = password.to_lowercase();
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if COMMON.contains(&lower.as_str())
        || distinct.len() <= 2
        || (!username.is_empty() && lower.contains(&username.to_lowercase()))
    {
        return Err(ParseError {
            code: "password_too_common",
            message: "This password is too easy to guess: choose another",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(
            check_password("elleve tegn", "kari").unwrap_err().code,
            "password_too_short"
        );
        assert!(check_password("tolv tegn ok", "kari").is_ok());
    }

    #[test]
    fn common_passwords_are_refused_in_any_case() {
        for p in [
            "Password1234",
            "PASSORD12345",
            "aaaaaaaaaaaaaa",
            "ababababababab",
        ] {
            assert_eq!(
                check_password(p, "kari").unwrap_err().code,
                "password_too_common",
                "{p}"
            );
        }
    }

    #[test]
    fn passwords_containing_the_username_are_refused() {
        assert_eq!(
            check_password("kari.nordmann-99", "kari.nordmann")
                .unwrap_err()
                .code,
            "password_too_common"
        );
    }
}
