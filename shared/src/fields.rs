//! The back office's fields as types that can only hold a valid value
//! (parse, don't validate): the server parses a request's strings into
//! them, each failure a field error with a stable code, and the browser can
//! run the same parse before it sends. Limits are the constants the OpenAPI
//! document states (`caseworker::*_CHARS`). (The applicant's language is
//! `language::UiLanguage`, the DUF-number `domain::DufNumber`.)
//!
//! A request body whose fields are checked has a `parse` here that turns it
//! into its typed counterpart or gives every field's error at once; a
//! handler's first line is that parse, and the browser runs it before it
//! sends.

use crate::api::SaveSectionRequest;
use crate::caseworker::{
    ErasureRequest, LOOKUP_REASON_MIN_CHARS, NAME_MAX_CHARS, NewRemark, OutsideLookupRequest,
    REMARK_MAX_CHARS, USERNAME_CHARS,
};
use crate::codes::{CodeListId, shipped};
use crate::domain::{DufNumber, ParseError};
use crate::language::UiLanguage;
use crate::problem::FieldError;
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

/// Why a person is erased: like a [`LookupReason`], at least
/// [`LOOKUP_REASON_MIN_CHARS`] characters after trimming. Stored trimmed in
/// the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureReason(String);

impl ErasureReason {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        check_text(raw, Lines::Many)?;
        let reason = raw.trim();
        if reason.chars().count() < LOOKUP_REASON_MIN_CHARS {
            return Err(ParseError {
                code: "reason_required",
                message: "Say why the person is erased (at least 10 characters)",
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

/// A caseworker account's username: 3 to 64 of `a`–`z`, `0`–`9`, `.`, `-`
/// and `_`, with upper-case ASCII letters lowered. Only ASCII is lowered,
/// so that no other script's letter lower-cases into an allowed one (the
/// Kelvin sign into `k`) and two accounts cannot look alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        check_text(raw, Lines::One)?;
        let username = raw.to_ascii_lowercase();
        let allowed =
            |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_');
        if !USERNAME_CHARS.contains(&username.len()) || !username.bytes().all(allowed) {
            return Err(ParseError {
                code: "invalid_username",
                message: "A username has 3 to 64 of a–z, 0–9, '.', '-' and '_'",
            });
        }
        Ok(Self(username))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A citizenship: an ISO 3166 alpha-3 code from the shipped country list,
/// or `XUK` (unknown) or `XXX` (stateless). Spaces around it are dropped
/// and letters upper-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCode(String);

impl CountryCode {
    /// Unknown citizenship.
    pub const UNKNOWN: &str = "XUK";
    /// Stateless.
    pub const STATELESS: &str = "XXX";

    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let code = raw.trim().to_uppercase();
        if shipped(CodeListId::Countries).contains(&code)
            || code == Self::UNKNOWN
            || code == Self::STATELESS
        {
            Ok(Self(code))
        } else {
            Err(ParseError {
                code: "unknown_country",
                message: "Not a country code (ISO 3166 alpha-3), XUK or XXX",
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// `parsed`'s value, or its error recorded against the field `name`.
fn field<T>(errors: &mut Vec<FieldError>, name: &str, parsed: Result<T, ParseError>) -> Option<T> {
    parsed
        .map_err(|e| errors.push(FieldError::new(name, e.code, e.message)))
        .ok()
}

/// A look-up outside the own organisation, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideLookup {
    pub duf_number: DufNumber,
    pub reason: LookupReason,
}

impl OutsideLookupRequest {
    /// The DUF-number and the reason, or the errors of both.
    pub fn parse(&self) -> Result<OutsideLookup, Vec<FieldError>> {
        let mut errors = Vec::new();
        let duf_number = field(
            &mut errors,
            "duf_number",
            DufNumber::parse(&self.duf_number),
        );
        let reason = field(&mut errors, "reason", LookupReason::parse(&self.reason));
        match (duf_number, reason) {
            (Some(duf_number), Some(reason)) => Ok(OutsideLookup { duf_number, reason }),
            _ => Err(errors),
        }
    }
}

impl NewRemark {
    /// The remark's text, or why it cannot be one.
    pub fn parse(&self) -> Result<RemarkText, Vec<FieldError>> {
        RemarkText::parse(&self.text).map_err(|e| vec![FieldError::new("text", e.code, e.message)])
    }
}

impl ErasureRequest {
    /// The reason, or why it cannot be one.
    pub fn parse(&self) -> Result<ErasureReason, Vec<FieldError>> {
        ErasureReason::parse(&self.reason)
            .map_err(|e| vec![FieldError::new("reason", e.code, e.message)])
    }
}

impl SaveSectionRequest {
    /// The language the applicant answers in, when the save says it; the
    /// answers are checked against the questionnaire, which only the
    /// server holds with the stored ones.
    pub fn language(&self) -> Result<Option<UiLanguage>, Vec<FieldError>> {
        self.language
            .as_deref()
            .map(UiLanguage::parse)
            .transpose()
            .map_err(|e| vec![FieldError::new("language", e.code, e.message)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lookup_request_gives_every_field_error_at_once() {
        let bad = OutsideLookupRequest {
            duf_number: "2024".into(),
            reason: "short".into(),
        };
        let errors = bad.parse().unwrap_err();
        let fields: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("duf_number", "invalid_duf_number"),
                ("reason", "reason_required")
            ]
        );
        let good = OutsideLookupRequest {
            duf_number: "2024 0000 0001".into(),
            reason: "  Moved here from Bergen ".into(),
        }
        .parse()
        .unwrap();
        assert_eq!(good.duf_number.as_str(), "202400000001");
        assert_eq!(good.reason.as_str(), "Moved here from Bergen");
    }

    #[test]
    fn remark_erasure_and_save_requests_name_their_field() {
        let remark = NewRemark { text: "  ".into() }.parse().unwrap_err();
        assert_eq!(
            (remark[0].field.as_str(), remark[0].code.as_str()),
            ("text", "invalid_length")
        );
        let erasure = ErasureRequest {
            reason: "no".into(),
        }
        .parse()
        .unwrap_err();
        assert_eq!(
            (erasure[0].field.as_str(), erasure[0].code.as_str()),
            ("reason", "reason_required")
        );
        let save = |language: Option<&str>| SaveSectionRequest {
            revision: 0,
            answers: Default::default(),
            language: language.map(str::to_owned),
        };
        assert_eq!(save(None).language(), Ok(None));
        assert_eq!(save(Some("ti")).language(), Ok(Some(UiLanguage::Ti)));
        let unknown = save(Some("xx")).language().unwrap_err();
        assert_eq!(
            (unknown[0].field.as_str(), unknown[0].code.as_str()),
            ("language", "unknown_language")
        );
    }

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
    fn an_erasure_reason_needs_ten_characters_after_trimming() {
        assert_eq!(
            ErasureReason::parse(" Asked to be erased \n")
                .unwrap()
                .as_str(),
            "Asked to be erased"
        );
        assert_eq!(
            ErasureReason::parse(" short ").unwrap_err().code,
            "reason_required"
        );
        assert_eq!(
            ErasureReason::parse("Asked to be\u{7}erased")
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

    #[test]
    fn a_username_is_3_to_64_of_ascii_letters_digits_and_dot_dash_underscore() {
        assert_eq!(
            Username::parse("Kari.Nordmann_2").unwrap().as_str(),
            "kari.nordmann_2"
        );
        for bad in [
            "ab",
            " kari",
            "kari nordmann",
            "kåre",
            "\u{212a}ari",
            &"a".repeat(65),
        ] {
            assert_eq!(
                Username::parse(bad).unwrap_err().code,
                "invalid_username",
                "{bad}"
            );
        }
        assert!(Username::parse(&"a".repeat(64)).is_ok());
        assert_eq!(
            Username::parse("kari\nnordmann").unwrap_err().code,
            "control_characters"
        );
    }

    #[test]
    fn a_country_code_is_from_the_list_or_unknown_or_stateless() {
        assert_eq!(CountryCode::parse(" syr ").unwrap().as_str(), "SYR");
        assert_eq!(CountryCode::parse("XUK").unwrap().as_str(), "XUK");
        assert_eq!(CountryCode::parse("xxx").unwrap().as_str(), "XXX");
        for bad in ["", "SY", "ZZZ", "SYRIA"] {
            assert_eq!(
                CountryCode::parse(bad).unwrap_err().code,
                "unknown_country",
                "{bad}"
            );
        }
    }
}
