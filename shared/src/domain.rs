//! Domain values that exist only when valid ("parse, don't validate"). Each
//! deserializes through its parser, so an invalid value is refused at the
//! edge of the system, in the browser and on the server alike.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::digits::normalize_digits;

/// Why a value could not be parsed; `code` is the stable field-error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Stable code, used as the problem+json field error code.
    pub code: &'static str,
    /// English explanation.
    pub message: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for ParseError {}

/// What every typed number shares: a `Debug` that shows only that there is
/// a value (personal data stays out of logs), and the conversions that
/// serde's `try_from`/`into` go through, so a number is parsed on its way
/// in, in the browser and on the server alike.
macro_rules! typed_number {
    ($type:ident) => {
        impl fmt::Debug for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($type), "(…)"))
            }
        }

        impl TryFrom<String> for $type {
            type Error = ParseError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }

        impl From<$type> for String {
            fn from(value: $type) -> Self {
                value.0
            }
        }
    };
}

/// How many digits a DUF-number has.
pub const DUF_DIGITS: usize = 12;

/// A DUF-number: the 12-digit number the Norwegian immigration authorities
/// give a person. Eastern Arabic and Persian digits and spaces are accepted
/// and normalised.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema), schema(value_type = String, pattern = "^[0-9]{12}$", example = "202400000001"))]
#[serde(try_from = "String", into = "String")]
pub struct DufNumber(String);

impl DufNumber {
    /// Parses a DUF-number as a person may type it.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let digits = normalize_digits(input);
        if digits.len() == DUF_DIGITS && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(digits))
        } else {
            Err(ParseError {
                code: "invalid_duf_number",
                message: "A DUF-number has 12 digits",
            })
        }
    }

    /// The 12 ASCII digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DufNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

typed_number!(DufNumber);

/// How many digits a one-time login code has: 10^8 possibilities, and at
/// most five wrong tries per code, give an attacker a 1 in 20 million
/// chance per code.
pub const LOGIN_CODE_DIGITS: usize = 8;

/// The digits of a one-time login code as a person types it (`1234 5678`,
/// Eastern Arabic or Persian digits accepted), or why it cannot be one. The
/// browser checks a code with this before it sends it and the server reads
/// it with this, so both take the same codes.
pub fn login_code_digits(input: &str) -> Result<String, ParseError> {
    let digits = normalize_digits(input);
    if digits.len() == LOGIN_CODE_DIGITS && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(ParseError {
            code: "invalid_code",
            message: "A login code has 8 digits",
        })
    }
}

/// A Norwegian national identity number (fødselsnummer or D-number):
/// 11 digits whose last two are mod-11 check digits over the first nine
/// and ten. Only the check digits are verified here; the date part of a
/// D-number (day + 40) and other series make a full date check unsafe.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema), schema(value_type = String, pattern = "^[0-9]{11}$", example = "15076500565"))]
#[serde(try_from = "String", into = "String")]
pub struct NationalId(String);

/// The weights of the first check digit (over digits 1–9).
const NATIONAL_ID_WEIGHTS_1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
/// The weights of the second check digit (over digits 1–10).
const NATIONAL_ID_WEIGHTS_2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

impl NationalId {
    /// Parses an 11-digit number as typed (spaces and Eastern Arabic or
    /// Persian digits accepted), verifying both check digits. A wrong length
    /// and wrong check digits are told apart: the second is usually a typo.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let digits = normalize_digits(input);
        if digits.len() != 11 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseError {
                code: "invalid_national_id",
                message: "A national identity number has 11 digits",
            });
        }
        let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        let first = check_digit(&d[..9], &NATIONAL_ID_WEIGHTS_1);
        let second = first.and_then(|k1| {
            (k1 == d[9])
                .then(|| check_digit(&d[..10], &NATIONAL_ID_WEIGHTS_2))
                .flatten()
        });
        if second == Some(d[10]) {
            Ok(Self(digits))
        } else {
            Err(ParseError {
                code: "national_id_check_digits",
                message: "The check digits of this national identity number do not match: \
                          check that it is typed correctly",
            })
        }
    }

    /// The 11 ASCII digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The mod-11 check digit over `digits` with `weights`; `None` when the
/// remainder gives 10, which no valid number has.
fn check_digit(digits: &[u32], weights: &[u32]) -> Option<u32> {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k),
    }
}

impl fmt::Display for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

typed_number!(NationalId);

/// A reception centre's registration number: 6 digits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema), schema(value_type = String, pattern = "^[0-9]{6}$", example = "104233"))]
#[serde(try_from = "String", into = "String")]
pub struct RegistrationNumber(String);

impl RegistrationNumber {
    /// Parses a 6-digit number as typed.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let digits = normalize_digits(input);
        if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(digits))
        } else {
            Err(ParseError {
                code: "invalid_registration_number",
                message: "A registration number has 6 digits",
            })
        }
    }

    /// The 6 ASCII digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

typed_number!(RegistrationNumber);

/// A calendar date without a time zone (a date of birth), as `YYYY-MM-DD`
/// on the wire. The browser build has no date library, so the calendar
/// rules are here.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A date that exists in the Gregorian calendar (years 1800–2999).
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, ParseError> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year.is_multiple_of(4)
                && (!year.is_multiple_of(100) || year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => 0,
        };
        if (1800..3000).contains(&year) && day >= 1 && day <= days {
            Ok(Self { year, month, day })
        } else {
            Err(ParseError {
                code: "invalid_date",
                message: "This date does not exist",
            })
        }
    }

    /// Parses `YYYY-MM-DD` (ISO 8601, as the API writes dates).
    pub fn parse_iso(input: &str) -> Result<Self, ParseError> {
        let bad = ParseError {
            code: "invalid_date",
            message: "A date is written YYYY-MM-DD",
        };
        let parts: Vec<&str> = input.trim().split('-').collect();
        match parts[..] {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => Self::new(
                y.parse().map_err(|_| bad.clone())?,
                m.parse().map_err(|_| bad.clone())?,
                d.parse().map_err(|_| bad.clone())?,
            ),
            _ => Err(bad),
        }
    }

    /// Parses `dd.mm.yyyy` as Norwegian forms write it (one-digit day and
    /// month allowed; Eastern Arabic and Persian digits accepted).
    pub fn parse_norwegian(input: &str) -> Result<Self, ParseError> {
        let bad = ParseError {
            code: "invalid_date",
            message: "A date of birth is written dd.mm.yyyy",
        };
        let text = normalize_digits(input);
        let parts: Vec<&str> = text.split('.').collect();
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match parts[..] {
            [d, m, y]
                if d.len() <= 2
                    && m.len() <= 2
                    && y.len() == 4
                    && all_digits(d)
                    && all_digits(m)
                    && all_digits(y) =>
            {
                Self::new(
                    y.parse().map_err(|_| bad.clone())?,
                    m.parse().map_err(|_| bad.clone())?,
                    d.parse().map_err(|_| bad.clone())?,
                )
            }
            _ => Err(bad),
        }
    }

    pub const fn year(self) -> u16 {
        self.year
    }

    pub const fn month(self) -> u8 {
        self.month
    }

    pub const fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse_iso(&value)
    }
}

impl From<Date> for String {
    fn from(value: Date) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duf_number_has_exactly_twelve_digits() {
        assert!(DufNumber::parse("202400000001").is_ok());
        assert!(DufNumber::parse("20240000000").is_err());
        assert!(DufNumber::parse("2024000000011").is_err());
        assert!(DufNumber::parse("20240000000x").is_err());
        assert!(DufNumber::parse("").is_err());
    }

    #[test]
    fn duf_number_accepts_spaces_and_eastern_digits() {
        let d = DufNumber::parse("٢٠٢٤ ۰۰۰۰ 0001").unwrap();
        assert_eq!(d.as_str(), "202400000001");
    }

    #[test]
    fn duf_number_refuses_invalid_json() {
        assert!(serde_json::from_str::<DufNumber>("\"12\"").is_err());
        let ok: DufNumber = serde_json::from_str("\"202400000001\"").unwrap();
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"202400000001\"");
    }

    #[test]
    fn duf_number_debug_hides_the_value() {
        let d = DufNumber::parse("202400000001").unwrap();
        assert!(!format!("{d:?}").contains("2024"));
    }

    #[test]
    fn a_login_code_has_eight_digits_as_typed() {
        assert_eq!(login_code_digits("1234 5678").unwrap(), "12345678");
        assert_eq!(login_code_digits("١٢٣٤ ۵۶۷۸").unwrap(), "12345678");
        assert!(login_code_digits("1234567").is_err());
        assert!(login_code_digits("1234567a").is_err());
        assert!(login_code_digits("123456789").is_err());
    }

    #[test]
    fn national_id_check_digits_are_verified() {
        assert!(NationalId::parse("15076500565").is_ok());
        assert!(NationalId::parse("31129912319").is_ok());
        assert!(NationalId::parse("290200 45688").is_ok());
        let wrong = NationalId::parse("15076500566").unwrap_err();
        assert_eq!(wrong.code, "national_id_check_digits");
        let wrong_first = NationalId::parse("15076500575").unwrap_err();
        assert_eq!(wrong_first.code, "national_id_check_digits");
        assert_eq!(
            NationalId::parse("1507650056").unwrap_err().code,
            "invalid_national_id"
        );
    }

    #[test]
    fn national_id_accepts_eastern_digits_and_hides_in_debug() {
        let id = NationalId::parse("١٥٠٧٦٥٠٠٥٦٥").unwrap();
        assert_eq!(id.as_str(), "15076500565");
        assert!(!format!("{id:?}").contains("1507"));
    }

    #[test]
    fn dates_exist_in_the_calendar() {
        assert!(Date::new(2000, 2, 29).is_ok());
        assert!(Date::new(1900, 2, 29).is_err());
        assert!(Date::new(2023, 4, 31).is_err());
        assert_eq!(
            Date::parse_norwegian("1.2.1990").unwrap().to_string(),
            "1990-02-01"
        );
        assert_eq!(
            Date::parse_iso("1990-02-01").unwrap(),
            Date::new(1990, 2, 1).unwrap()
        );
        assert!(Date::parse_iso("1990-2-1").is_err());
    }
}
