//! The caseworker's one search box: what was typed decides what is looked
//! for (seed 003, "Søke opp personar"). 12 digits are a DUF-number, 6 a
//! reception registration number, 11 a national identity number (check
//! digits verified), `dd.mm.yyyy` a date of birth, anything else a name:
//! "surname, first name", either part, or words that each match a part.
//! The browser and the server parse alike, so the box can say what it
//! understood before anything is sent.

use crate::digits::normalize_digits;
use crate::domain::{Date, DufNumber, NationalId, ParseError, RegistrationNumber};
use crate::text::{Lines, check_text};

/// What a search looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchQuery {
    DufNumber(DufNumber),
    RegistrationNumber(RegistrationNumber),
    NationalId(NationalId),
    DateOfBirth(Date),
    Name(NameQuery),
}

/// A name search. Every part is matched as a substring of the folded name
/// (lower case, accents removed), so partial names find people.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameQuery {
    /// Before the comma: matches the surname.
    pub surname: Option<String>,
    /// After the comma: matches the first name(s).
    pub first_name: Option<String>,
    /// Without a comma: each word must match the surname or a first name.
    pub words: Vec<String>,
}

/// The longest search text accepted; a name is far shorter.
pub const MAX_QUERY_CHARS: usize = 200;

impl SearchQuery {
    /// Reads what was typed in the search box.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        check_text(input, Lines::One)?;
        let text = input.trim();
        if text.is_empty() {
            return Err(ParseError {
                code: "empty_query",
                message: "Type a name, a DUF-number, a registration number, \
                          a national identity number or a date of birth",
            });
        }
        if text.chars().count() > MAX_QUERY_CHARS {
            return Err(ParseError {
                code: "query_too_long",
                message: "The search text is too long",
            });
        }
        let digits = normalize_digits(text);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return match digits.len() {
                12 => DufNumber::parse(&digits).map(Self::DufNumber),
                11 => NationalId::parse(&digits).map(Self::NationalId),
                6 => RegistrationNumber::parse(&digits).map(Self::RegistrationNumber),
                _ => Err(ParseError {
                    code: "invalid_number_length",
                    message: "A number is a DUF-number (12 digits), a national identity \
                              number (11) or a registration number (6)",
                }),
            };
        }
        if digits.contains('.') && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return Date::parse_norwegian(&digits).map(Self::DateOfBirth);
        }
        parse_name(text).map(Self::Name)
    }
}

fn parse_name(text: &str) -> Result<NameQuery, ParseError> {
    let no_letters = ParseError {
        code: "invalid_name",
        message: "A name search needs at least one letter",
    };
    let has_letter = |s: &str| s.chars().any(char::is_alphabetic);
    let clean = |s: &str| {
        let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!joined.is_empty()).then_some(joined)
    };
    let query = match text.split_once(',') {
        Some((surname, first)) => NameQuery {
            surname: clean(surname),
            first_name: clean(first.trim_start_matches(',')),
            words: Vec::new(),
        },
        None => NameQuery {
            words: text.split_whitespace().map(str::to_owned).collect(),
            ..NameQuery::default()
        },
    };
    let parts: Vec<&String> = query
        .surname
        .iter()
        .chain(&query.first_name)
        .chain(&query.words)
        .collect();
    if parts.is_empty() || !parts.iter().any(|p| has_letter(p)) {
        return Err(no_letters);
    }
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(surname: Option<&str>, first: Option<&str>, words: &[&str]) -> SearchQuery {
        SearchQuery::Name(NameQuery {
            surname: surname.map(Into::into),
            first_name: first.map(Into::into),
            words: words.iter().map(|w| (*w).to_owned()).collect(),
        })
    }

    #[test]
    fn twelve_digits_are_a_duf_number() {
        assert!(matches!(
            SearchQuery::parse("2024 0000 0001"),
            Ok(SearchQuery::DufNumber(d)) if d.as_str() == "202400000001"
        ));
        assert!(matches!(
            SearchQuery::parse("٢٠٢٤٠٠٠٠٠٠٠١"),
            Ok(SearchQuery::DufNumber(_))
        ));
    }

    #[test]
    fn six_digits_are_a_registration_number() {
        assert!(matches!(
            SearchQuery::parse(" 104233 "),
            Ok(SearchQuery::RegistrationNumber(r)) if r.as_str() == "104233"
        ));
    }

    #[test]
    fn eleven_digits_are_a_national_id_with_verified_check_digits() {
        assert!(matches!(
            SearchQuery::parse("150765 00565"),
            Ok(SearchQuery::NationalId(_))
        ));
        assert_eq!(
            SearchQuery::parse("15076500566").unwrap_err().code,
            "national_id_check_digits"
        );
    }

    #[test]
    fn other_digit_counts_are_refused() {
        assert_eq!(
            SearchQuery::parse("12345").unwrap_err().code,
            "invalid_number_length"
        );
    }

    #[test]
    fn dotted_dates_are_dates_of_birth() {
        assert_eq!(
            SearchQuery::parse("31.01.1990").unwrap(),
            SearchQuery::DateOfBirth(Date::new(1990, 1, 31).unwrap())
        );
        assert_eq!(
            SearchQuery::parse("31.02.1990").unwrap_err().code,
            "invalid_date"
        );
        assert_eq!(
            SearchQuery::parse("31.01.90").unwrap_err().code,
            "invalid_date"
        );
    }

    #[test]
    fn names_with_a_comma_are_surname_then_first_name() {
        assert_eq!(
            SearchQuery::parse("Tesfay,  Amina ").unwrap(),
            name(Some("Tesfay"), Some("Amina"), &[])
        );
        assert_eq!(
            SearchQuery::parse("Tesfay,").unwrap(),
            name(Some("Tesfay"), None, &[])
        );
        assert_eq!(
            SearchQuery::parse(", Ami").unwrap(),
            name(None, Some("Ami"), &[])
        );
    }

    #[test]
    fn names_without_a_comma_are_words_matching_either_part() {
        assert_eq!(
            SearchQuery::parse("amina  tes").unwrap(),
            name(None, None, &["amina", "tes"])
        );
        assert_eq!(
            SearchQuery::parse("Müller").unwrap(),
            name(None, None, &["Müller"])
        );
    }

    #[test]
    fn empty_and_letterless_queries_are_refused() {
        assert_eq!(SearchQuery::parse("  ").unwrap_err().code, "empty_query");
        assert_eq!(SearchQuery::parse(",").unwrap_err().code, "invalid_name");
        assert_eq!(
            SearchQuery::parse("12-34").unwrap_err().code,
            "invalid_name"
        );
    }
}
