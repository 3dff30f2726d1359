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
        if digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
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

// Personal data stays out of logs: Debug shows only that there is a value.
impl fmt::Debug for DufNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DufNumber(…)")
    }
}

impl fmt::Display for DufNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for DufNumber {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<DufNumber> for String {
    fn from(value: DufNumber) -> Self {
        value.0
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
}
