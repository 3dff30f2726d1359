//! The back office's free-text fields as types that can only hold a valid
//! value (parse, don't validate): the server parses a request's strings into
//! them, each failure a field error with a stable code, and the browser can
//! run the same parse before it sends. Limits are the constants the OpenAPI
//! document states (`caseworker::*_CHARS`).

use crate::caseworker::{LOOKUP_REASON_MIN_CHARS, NAME_MAX_CHARS, REMARK_MAX_CHARS};
use crate::domain::ParseError;
use crate::text::{Lines, check_text};

/// Why someone outside the own organisation is looked up: at least
/// [`LOOKUP_REASON_MIN_CHARS`] characters after trimming, line breaks
/// allowed. Stored trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupReason(String);

impl LookupReason {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        check_text(raw, Lines::Many)?;
        let reason = raw.trim();
        if reason.chars().count() < LOOKUP_REASON_MIN_CHARS {
            return Err(ParseError {
                code: "reason_required",
                message: "Say why you look this person up (at least 10 characters)",
            });
        }
        Ok(Self(reason.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A remark on a person: 1 to [`REMARK_MAX_CHARS`] characters as sent, not
/// blank, line breaks allowed. Stored trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemarkText(String);

impl RemarkText {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        check_text(raw, Lines::Many)?;
        let text = raw.trim();
        if text.is_empty() || raw.chars().count() > REMARK_MAX_CHARS {
            return Err(ParseError {
                code: "invalid_length",
                message: "A remark has 1 to 4000 characters",
            });
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A first or last name: one line, 1 to [`NAME_MAX_CHARS`] characters as
/// sent, not blank. Stored trimmed, runs of spaces made one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        check_text(raw, Lines::One)?;
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || raw.chars().count() > NAME_MAX_CHARS {
            return Err(ParseError {
                code: "invalid_name",
                message: "A name has 1 to 200 characters",
            });
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lookup_reason_needs_ten_characters_after_trimming() {
        assert_eq!(
            LookupReason::parse("  Moved here from Bergen \n")
                .unwrap()
                .as_str(),
            "Moved here from Bergen"
        );
        assert_eq!(
            LookupReason::parse("   too short   ").unwrap_err().code,
            "reason_required"
        );
        assert_eq!(
            LookupReason::parse("Moved here\u{0}from Bergen")
                .unwrap_err()
                .code,
            "control_characters"
        );
    }

    #[test]
    fn a_remark_is_not_blank_and_at_most_4000_characters_as_sent() {
        assert_eq!(
            RemarkText::parse(" Called\r\nabout it ").unwrap().as_str(),
            "Called\r\nabout it"
        );
        assert_eq!(
            RemarkText::parse(" \n ").unwrap_err().code,
            "invalid_length"
        );
        assert!(RemarkText::parse(&"å".repeat(4000)).is_ok());
        assert_eq!(
            RemarkText::parse(&"å".repeat(4001)).unwrap_err().code,
            "invalid_length"
        );
    }

    #[test]
    fn a_name_is_one_line_of_1_to_200_characters() {
        assert_eq!(
            PersonName::parse(" Amina  Selam ").unwrap().as_str(),
            "Amina Selam"
        );
        assert_eq!(PersonName::parse("  ").unwrap_err().code, "invalid_name");
        assert_eq!(
            PersonName::parse("A\tB").unwrap_err().code,
            "control_characters"
        );
        assert_eq!(
            PersonName::parse(&"x".repeat(201)).unwrap_err().code,
            "invalid_name"
        );
    }
}
