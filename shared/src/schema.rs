//! OpenAPI schemas for the values whose rules this crate owns (server
//! only). Each is built from the constant or function the validator uses,
//! so that the document says exactly what the server enforces: a schema
//! that allowed more would make clients send what is refused, one that
//! allowed less would hide what is accepted.

use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{Array, Object};

use crate::api::CONSENT_VERSION;
use crate::caseworker::{
    DISPLAY_NAME_MAX_CHARS, LOOKUP_REASON_MIN_CHARS, NAME_MAX_CHARS, REMARK_MAX_CHARS,
    USERNAME_CHARS,
};
use crate::digits::typed_digits_pattern;
use crate::paging::{FIRST_PAGE, MAX_PAGE_SIZE};
use crate::password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use crate::questionnaire::{MAX_REQUESTED_LANGUAGES, UI_LANGUAGES, shipped_v1};
use crate::text::{Lines, allowed_pattern, non_blank_pattern, trimmed_min_pattern};

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn text(lines: Lines) -> ObjectBuilder {
    string().pattern(Some(allowed_pattern(lines)))
}

fn non_blank(lines: Lines) -> ObjectBuilder {
    string().pattern(Some(non_blank_pattern(lines)))
}

fn nullable(builder: ObjectBuilder, of: Type) -> ObjectBuilder {
    builder.schema_type(SchemaType::from_iter([of, Type::Null]))
}

/// One line of text: no control characters.
pub fn one_line() -> Object {
    text(Lines::One).build()
}

/// One line of text that is not blank.
pub fn one_line_non_blank() -> Object {
    non_blank(Lines::One).build()
}

/// A person's first or last name: one line, 1 to [`NAME_MAX_CHARS`]
/// characters, not blank.
pub fn name() -> Object {
    non_blank(Lines::One)
        .min_length(Some(1))
        .max_length(Some(NAME_MAX_CHARS))
        .build()
}

/// An account's display name: one line, 1 to [`DISPLAY_NAME_MAX_CHARS`],
/// not blank.
pub fn display_name() -> Object {
    non_blank(Lines::One)
        .min_length(Some(1))
        .max_length(Some(DISPLAY_NAME_MAX_CHARS))
        .build()
}

/// A remark: 1 to [`REMARK_MAX_CHARS`] characters, not blank, tabs and
/// line breaks allowed.
pub fn remark() -> Object {
    non_blank(Lines::Many)
        .min_length(Some(1))
        .max_length(Some(REMARK_MAX_CHARS))
        .build()
}

/// Why a person outside the organisation is looked up: at least
/// [`LOOKUP_REASON_MIN_CHARS`] characters between the first and the last
/// that is not whitespace, tabs and line breaks allowed.
pub fn lookup_reason() -> Object {
    string()
        .pattern(Some(trimmed_min_pattern(
            Lines::Many,
            LOOKUP_REASON_MIN_CHARS,
        )))
        .min_length(Some(LOOKUP_REASON_MIN_CHARS))
        .build()
}

/// Why an identity is corrected: not blank, tabs and line breaks allowed.
pub fn correction_reason() -> Object {
    non_blank(Lines::Many).min_length(Some(1)).build()
}

/// Why an identity changes, where a default stands in for none: null, or
/// not blank.
pub fn optional_reason() -> Object {
    nullable(non_blank(Lines::Many), Type::String)
        .min_length(Some(1))
        .build()
}

/// An optional name (a middle name, a place of birth): null, or as
/// [`name`].
pub fn optional_name() -> Object {
    nullable(non_blank(Lines::One), Type::String)
        .min_length(Some(1))
        .max_length(Some(NAME_MAX_CHARS))
        .build()
}

/// A line of an address: 1 to
/// [`ADDRESS_MAX_CHARS`](crate::identity::ADDRESS_MAX_CHARS) characters on
/// one line, not blank.
pub fn address_line() -> Object {
    non_blank(Lines::One)
        .min_length(Some(1))
        .max_length(Some(crate::identity::ADDRESS_MAX_CHARS))
        .build()
}

/// A Norwegian postcode: four ASCII digits.
pub fn postcode() -> Object {
    string().pattern(Some("^[0-9]{4}$")).build()
}

/// A new account's username: 3 to 64 of `A`–`Z`, `a`–`z`, `0`–`9`, `.`,
/// `-` and `_` (stored lower case).
pub fn username() -> Object {
    string()
        .pattern(Some(format!(
            "^[A-Za-z0-9._-]{{{},{}}}$",
            USERNAME_CHARS.start(),
            USERNAME_CHARS.end()
        )))
        .min_length(Some(*USERNAME_CHARS.start()))
        .max_length(Some(*USERNAME_CHARS.end()))
        .build()
}

/// A new password: [`MIN_PASSWORD_CHARS`] to [`MAX_PASSWORD_CHARS`].
pub fn password() -> Object {
    string()
        .min_length(Some(MIN_PASSWORD_CHARS))
        .max_length(Some(MAX_PASSWORD_CHARS))
        .build()
}

/// `count` digits as people type them (ASCII, Eastern Arabic or Persian,
/// spaces anywhere): a DUF-number or a login code.
pub fn typed_digits(count: usize) -> Object {
    string().pattern(Some(typed_digits_pattern(count))).build()
}

/// Exactly `count` ASCII digits, as systems send a DUF-number.
pub fn ascii_digits(count: usize) -> Object {
    string()
        .pattern(Some(format!("^[0-9]{{{count}}}$")))
        .build()
}

/// An API client's name: one line, 1 to
/// [`CLIENT_NAME_MAX_CHARS`](crate::integration::CLIENT_NAME_MAX_CHARS),
/// not blank.
pub fn client_name() -> Object {
    non_blank(Lines::One)
        .min_length(Some(1))
        .max_length(Some(crate::integration::CLIENT_NAME_MAX_CHARS))
        .build()
}

/// `format` is only an annotation in OpenAPI 3.1 (JSON Schema 2020-12):
/// the pattern is what a validator asserts.
const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const UUID_PATTERN: &str =
    "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$";

/// A date, `YYYY-MM-DD`.
pub fn date() -> Object {
    string()
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .pattern(Some(DATE_PATTERN))
        .build()
}

/// A date, `YYYY-MM-DD`, or null.
pub fn optional_date() -> Object {
    nullable(string(), Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .pattern(Some(DATE_PATTERN))
        .build()
}

/// An id (a UUID, hyphenated).
pub fn id() -> Object {
    string()
        .format(Some(SchemaFormat::Custom("uuid".to_owned())))
        .pattern(Some(UUID_PATTERN))
        .build()
}

/// A page number, from [`FIRST_PAGE`].
pub fn page() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(FIRST_PAGE))
        .maximum(Some(u32::MAX))
        .build()
}

/// Rows per page: 1 to [`MAX_PAGE_SIZE`].
pub fn page_size() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .minimum(Some(1))
        .maximum(Some(MAX_PAGE_SIZE))
        .build()
}

/// The consent declaration's current version: the only one a consent may name.
pub fn consent_version() -> Object {
    string().enum_values(Some([CONSENT_VERSION])).build()
}

/// One of the 14 languages.
pub fn language() -> Object {
    string().enum_values(Some(UI_LANGUAGES)).build()
}

/// One of the 14 languages, or null.
pub fn optional_language() -> Object {
    nullable(ObjectBuilder::new(), Type::String)
        .enum_values(Some(UI_LANGUAGES.iter().map(|l| Some(*l)).chain([None])))
        .build()
}

/// 1 to [`MAX_REQUESTED_LANGUAGES`] of the 14 languages (comma-separated
/// in a query string).
pub fn languages() -> Array {
    ArrayBuilder::new()
        .items(language())
        .min_items(Some(1))
        .max_items(Some(MAX_REQUESTED_LANGUAGES))
        .build()
}

/// Some of the 14 languages, comma-separated (`?labels=`): each must be
/// one of them; a repeat is allowed and counts once.
pub fn language_list() -> Object {
    let one = format!("({})", UI_LANGUAGES.join("|"));
    string().pattern(Some(format!("^{one}(,{one})*$"))).build()
}

/// The id of a part of the current questionnaire.
pub fn section_id() -> Object {
    string()
        .enum_values(Some(shipped_v1().sections.iter().map(|s| s.id.clone())))
        .build()
}
