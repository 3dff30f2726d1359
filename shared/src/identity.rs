//! A person's identity as UDI guideline 2021-007 registers it (seed 004):
//! names, date of birth with its reliability and the § 6.2 rules for an
//! unknown day, month or year, place and country of birth, citizenships
//! with one preferred, gender, marital status with a from-date, the
//! postal and residence address in Norway, and the source of each value.
//!
//! The wire types (`*Input`, [`IdentityDetails`]) are what the API and the
//! browser send; [`Identity::parse`] turns them into values that can only
//! hold what the guideline allows, every failing field named, so that the
//! caseworker's form shows the server's errors as they type.

use serde::{Deserialize, Serialize};

use crate::caseworker::Gender;
use crate::domain::{Date, ParseError};
use crate::fields::{CountryCode, PersonName};
use crate::problem::FieldError;
use crate::text::{Lines, check_text};

/// Where a registered value comes from (§ 2, § 4): a travel document,
/// another identity document, no document, or the person's own statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", remote = "Self")]
pub enum ValueSource {
    /// A valid travel document (§ 4.1.1).
    TravelDocument,
    /// Another official identity document (§ 4.1.3).
    OtherDocument,
    /// What the person states, without a document (§ 4.1.2).
    OwnStatement,
    /// No document and no statement.
    None,
}

/// How reliable a date of birth is (§ 3 "Reliability", § 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", remote = "Self")]
pub enum BirthDateReliability {
    /// Shown by a document.
    Documented,
    /// Stated by the person.
    Stated,
    /// Neither documented nor stated with certainty.
    NotDocumented,
    /// Made up by the § 6.2 rule (a part was unknown).
    Fictitious,
}

/// Which parts of a date of birth were unknown (§ 6.2): the stored date
/// takes them from the case-opening date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", remote = "Self")]
pub enum UnknownBirthParts {
    /// The day; month and year are known.
    Day,
    /// Day and month; the year is known.
    DayAndMonth,
    /// Everything: the year is an assumed one.
    DayMonthAndYear,
}

/// Marital status as the population register codes it (§ 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", remote = "Self")]
pub enum MaritalStatusKind {
    Unmarried,
    Married,
    Widowed,
    Divorced,
    Separated,
    RegisteredPartner,
    SeparatedPartner,
    DivorcedPartner,
    SurvivingPartner,
}

crate::string_enum!(
    ValueSource,
    BirthDateReliability,
    UnknownBirthParts,
    MaritalStatusKind
);

impl ValueSource {
    pub const ALL: [Self; 4] = [
        Self::TravelDocument,
        Self::OtherDocument,
        Self::OwnStatement,
        Self::None,
    ];
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::TravelDocument => "travel_document",
            Self::OtherDocument => "other_document",
            Self::OwnStatement => "own_statement",
            Self::None => "none",
        }
    }
}

impl BirthDateReliability {
    pub const ALL: [Self; 4] = [
        Self::Documented,
        Self::Stated,
        Self::NotDocumented,
        Self::Fictitious,
    ];
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Documented => "documented",
            Self::Stated => "stated",
            Self::NotDocumented => "not_documented",
            Self::Fictitious => "fictitious",
        }
    }
}

impl UnknownBirthParts {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::DayAndMonth => "day_and_month",
            Self::DayMonthAndYear => "day_month_and_year",
        }
    }
}

impl MaritalStatusKind {
    pub const ALL: [Self; 9] = [
        Self::Unmarried,
        Self::Married,
        Self::Widowed,
        Self::Divorced,
        Self::Separated,
        Self::RegisteredPartner,
        Self::SeparatedPartner,
        Self::DivorcedPartner,
        Self::SurvivingPartner,
    ];
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Unmarried => "unmarried",
            Self::Married => "married",
            Self::Widowed => "widowed",
            Self::Divorced => "divorced",
            Self::Separated => "separated",
            Self::RegisteredPartner => "registered_partner",
            Self::SeparatedPartner => "separated_partner",
            Self::DivorcedPartner => "divorced_partner",
            Self::SurvivingPartner => "surviving_partner",
        }
    }
}

/// The most citizenships one person is registered with.
pub const MAX_CITIZENSHIPS: usize = 10;
/// The longest street line or post town.
pub const ADDRESS_MAX_CHARS: usize = 200;
/// What is registered as the place of birth when it is not known (§ 7:
/// in English, so that other Schengen states read it).
pub const UNKNOWN_PLACE: &str = "unknown";
/// Words that are titles, never names (§ 5.1: "Mr, Mrs and Dr … should not
/// be registered"), compared without case and a final full stop.
pub const TITLES: [&str; 12] = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "herr", "fru", "frk",
];

/// What the form asks about a date of birth: the parts that are known,
/// and the case-opening date that fills unknown parts (§ 6.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct BirthDateInput {
    /// The year of birth; with `year_assumed` the assumed year.
    #[cfg_attr(feature = "server", schema(minimum = 1800, maximum = 2999))]
    pub year: u16,
    /// The month (1–12), `0` only as a travel document shows it ("00"),
    /// absent when unknown.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(minimum = 0, maximum = 12))]
    pub month: Option<u8>,
    /// The day (1–31), `0` only as a travel document shows it, absent when
    /// unknown.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(minimum = 0, maximum = 31))]
    pub day: Option<u8>,
    /// The year is not known either; `year` is an assumed one (month and
    /// day are then absent).
    #[serde(default)]
    pub year_assumed: bool,
    /// Required when the whole date is known; computed (`fictitious`) when
    /// a part is unknown.
    #[serde(default)]
    pub reliability: Option<BirthDateReliability>,
    /// The case-opening date (`YYYY-MM-DD`) whose day (and month) stand in
    /// for unknown ones; required when a part is unknown.
    #[serde(default)]
    pub case_opened_on: Option<String>,
}

/// A date of birth as registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct BirthDateView {
    /// `YYYY-MM-DD`; `00` for day or month only as a travel document shows it.
    pub date: String,
    /// Absent for a date registered before reliability was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<BirthDateReliability>,
    /// Which parts were unknown and taken from the case-opening date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown: Option<UnknownBirthParts>,
    /// With `unknown`: the case-opening date (`YYYY-MM-DD`) they came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_opened_on: Option<String>,
}

/// Marital status since a date (§ 10: always with a from-date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MaritalStatus {
    pub status: MaritalStatusKind,
    /// `YYYY-MM-DD`: the date on the certificate, or since when as stated.
    pub from: String,
}

/// An address in Norway (§ 13) from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Address {
    /// Street and number (or the reception centre's address), one line.
    pub street: String,
    /// Four digits.
    pub postcode: String,
    /// Post town.
    pub post_town: String,
    /// `YYYY-MM-DD`: living or reachable here since.
    pub from: String,
}

/// The source of each value (§ 2). Absent: not recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IdentitySources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ValueSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<ValueSource>,
    /// Place and country of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_of_birth: Option<ValueSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizenships: Option<ValueSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<ValueSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marital_status: Option<ValueSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_address: Option<ValueSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_address: Option<ValueSource>,
}

/// The identity beyond the basic columns, as the API answers it (and as
/// it is stored, one JSON document per person).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IdentityDetails {
    /// Middle name(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// The date of birth as registered, with its reliability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<BirthDateView>,
    /// City, village or region, or `unknown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_of_birth: Option<String>,
    /// ISO 3166 alpha-3 code of today's country (`XUK` unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_birth: Option<String>,
    /// The preferred one of `citizenships`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_citizenship: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marital_status: Option<MaritalStatus>,
    /// Where the person can be reached in writing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_address: Option<Address>,
    /// Where the person is most likely to be found, when not the postal one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_address: Option<Address>,
    /// The source of each value.
    #[serde(default)]
    pub sources: IdentitySources,
}

/// A value in the identity history as data rather than words, so that
/// each reader sees it in their own language: a country by its code, a
/// reliability or a marital status by its kind. The history's
/// `old_value`/`new_value` keep the same value as language-neutral text
/// for systems and for rows written before this was kept (migration 0018).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HistoryValue {
    /// Shown as it is: a name, a number, a DUF-number.
    Text {
        text: String,
    },
    /// A place of birth, or [`UNKNOWN_PLACE`].
    Place {
        place: String,
    },
    /// An ISO 3166 alpha-3 code, `XUK` unknown.
    Country {
        code: String,
    },
    /// The codes, preferred first, and which one is preferred.
    Citizenships {
        codes: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        preferred: Option<String>,
    },
    /// A date of birth as registered, with its reliability.
    BirthDate(BirthDateView),
    Gender {
        gender: Gender,
    },
    MaritalStatus(MaritalStatus),
    Address(Address),
    /// An alias (§ 15.2) as registered.
    Alias {
        first_name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        middle_name: Option<String>,
        last_name: String,
        /// `YYYY-MM-DD`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date_of_birth: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        citizenship: Option<String>,
    },
}

/// An identity as sent, borrowed from a caseworker's correction or an
/// integration's PUT, for [`Identity::parse`].
#[derive(Debug, Clone, Copy)]
pub struct IdentityInput<'a> {
    pub first_name: &'a str,
    pub middle_name: Option<&'a str>,
    pub last_name: &'a str,
    /// The old flat `YYYY-MM-DD` form (a known date, reliability not given).
    pub date_of_birth: Option<&'a str>,
    pub birth_date: Option<&'a BirthDateInput>,
    pub place_of_birth: Option<&'a str>,
    pub country_of_birth: Option<&'a str>,
    pub citizenships: &'a [String],
    pub preferred_citizenship: Option<&'a str>,
    pub gender: Option<Gender>,
    pub marital_status: Option<&'a MaritalStatus>,
    pub postal_address: Option<&'a Address>,
    pub residence_address: Option<&'a Address>,
    pub sources: Option<&'a IdentitySources>,
}

/// A person's names (§ 5): at least one first name and one surname, no
/// titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub first: PersonName,
    pub middle: Option<PersonName>,
    pub last: PersonName,
}

/// One name field: a [`PersonName`] without a title among its words.
pub fn parse_name(raw: &str) -> Result<PersonName, ParseError> {
    let name = PersonName::parse(raw)?;
    let has_title = name.as_str().split(' ').any(|word| {
        let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
        TITLES.contains(&word.as_str())
    });
    if has_title {
        return Err(ParseError {
            code: "title_in_name",
            message: "Titles such as Mr, Mrs or Dr are not part of a name",
        });
    }
    Ok(name)
}

/// A date of birth as registered: year, month and day, where month and day
/// may be `0` as a travel document shows them, with its reliability and
/// the parts that were unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BirthDate {
    year: u16,
    month: u8,
    day: u8,
    reliability: Option<BirthDateReliability>,
    unknown: Option<UnknownBirthParts>,
    case_opened_on: Option<Date>,
}

/// Days in a month (0 for a month that does not exist).
pub const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl BirthDate {
    /// A fully known date from the old flat field: reliability not given.
    pub fn known(date: Date) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
            day: date.day(),
            reliability: None,
            unknown: None,
            case_opened_on: None,
        }
    }

    /// Parses what the form asks (§ 6, § 6.2). `source` is the date's
    /// source (only a travel document may show `00`); `today` bounds it.
    /// Errors name the `birth_date.*` field at fault.
    pub fn parse(
        input: &BirthDateInput,
        source: Option<ValueSource>,
        today: Date,
    ) -> Result<Self, Vec<FieldError>> {
        let err = |field: &str, code: &str, message: &str| {
            vec![FieldError::new(
                format!("birth_date.{field}"),
                code,
                message,
            )]
        };
        if !(1800..=today.year()).contains(&input.year) {
            return Err(err(
                "year",
                "invalid_year",
                "The year of birth is from 1800 to this year",
            ));
        }
        let unknown = match (input.year_assumed, input.month, input.day) {
            (true, None, None) => Some(UnknownBirthParts::DayMonthAndYear),
            (true, _, _) => {
                return Err(err(
                    "year_assumed",
                    "known_part_with_assumed_year",
                    "With an assumed year, day and month are unknown too",
                ));
            }
            (false, None, None) => Some(UnknownBirthParts::DayAndMonth),
            (false, None, Some(_)) => {
                return Err(err(
                    "day",
                    "day_without_month",
                    "A day cannot be registered without its month",
                ));
            }
            (false, Some(_), None) => Some(UnknownBirthParts::Day),
            (false, Some(_), Some(_)) => None,
        };
        let Some(unknown) = unknown else {
            return Self::parse_known(input, source, today);
        };
        if input.month == Some(0) {
            return Err(err(
                "month",
                "zero_without_travel_document",
                "00 is for a travel document that shows it; leave an unknown day empty",
            ));
        }
        if let Some(month) = input.month
            && !(1..=12).contains(&month)
        {
            return Err(err("month", "invalid_month", "A month is 1 to 12"));
        }
        if let Some(reliability) = input.reliability
            && reliability != BirthDateReliability::Fictitious
        {
            return Err(err(
                "reliability",
                "reliability_is_computed",
                "A date with an unknown part is registered as a fictitious date",
            ));
        }
        let Some(opened) = input.case_opened_on.as_deref() else {
            return Err(err(
                "case_opened_on",
                "case_opened_required",
                "Give the case-opening date: its day (and month) stand in for the unknown ones",
            ));
        };
        let opened =
            Date::parse_iso(opened).map_err(|e| err("case_opened_on", e.code, e.message))?;
        if opened > today {
            return Err(err(
                "case_opened_on",
                "in_future",
                "The case-opening date cannot be after today",
            ));
        }
        Ok(compute_unknown(input.year, input.month, unknown, opened))
    }

    fn parse_known(
        input: &BirthDateInput,
        source: Option<ValueSource>,
        today: Date,
    ) -> Result<Self, Vec<FieldError>> {
        let err = |field: &str, code: &str, message: &str| {
            vec![FieldError::new(
                format!("birth_date.{field}"),
                code,
                message,
            )]
        };
        let (month, day) = (input.month.unwrap_or(0), input.day.unwrap_or(0));
        if input.case_opened_on.is_some() {
            return Err(err(
                "case_opened_on",
                "not_needed",
                "The case-opening date is only for a date with an unknown part",
            ));
        }
        let Some(reliability) = input.reliability else {
            return Err(err(
                "reliability",
                "reliability_required",
                "Say how reliable the date of birth is",
            ));
        };
        if month == 0 || day == 0 {
            // § 6: "00" only "if this appears in the passport/travel document".
            if source != Some(ValueSource::TravelDocument) {
                let field = if month == 0 { "month" } else { "day" };
                return Err(err(
                    field,
                    "zero_without_travel_document",
                    "00 is only registered when a travel document shows it",
                ));
            }
            if month == 0 && day != 0 {
                return Err(err(
                    "day",
                    "day_without_month",
                    "With month 00 the day is 00 too",
                ));
            }
            if reliability != BirthDateReliability::Documented {
                return Err(err(
                    "reliability",
                    "zero_is_documented",
                    "A date shown with 00 in a travel document is documented",
                ));
            }
            if month > 12 {
                return Err(err("month", "invalid_month", "A month is 1 to 12"));
            }
            if day > days_in_month(input.year, month.max(1)) {
                return Err(err("day", "invalid_date", "This date does not exist"));
            }
        } else {
            let date = Date::new(input.year, month, day).map_err(|e| {
                let field = if (1..=12).contains(&month) {
                    "day"
                } else {
                    "month"
                };
                err(field, e.code, e.message)
            })?;
            if date > today {
                return Err(err(
                    "day",
                    "in_future",
                    "The date of birth cannot be after today",
                ));
            }
        }
        if reliability == BirthDateReliability::Fictitious {
            return Err(err(
                "reliability",
                "fictitious_needs_unknown_part",
                "A fictitious date is one computed for an unknown part; mark which part is unknown",
            ));
        }
        if reliability == BirthDateReliability::Documented
            && !matches!(
                source,
                Some(ValueSource::TravelDocument | ValueSource::OtherDocument)
            )
        {
            return Err(err(
                "reliability",
                "documented_needs_document",
                "A documented date has a travel document or another ID document as its source",
            ));
        }
        Ok(Self {
            year: input.year,
            month,
            day,
            reliability: Some(reliability),
            unknown: None,
            case_opened_on: None,
        })
    }

    /// The registered form, `YYYY-MM-DD` (with `00` where a travel
    /// document shows it).
    pub fn registered(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The calendar date, for search and age; `None` with a `00` part.
    pub fn calendar_date(&self) -> Option<Date> {
        Date::new(self.year, self.month, self.day).ok()
    }

    pub const fn reliability(&self) -> Option<BirthDateReliability> {
        self.reliability
    }

    pub const fn unknown(&self) -> Option<UnknownBirthParts> {
        self.unknown
    }

    pub fn view(&self) -> BirthDateView {
        BirthDateView {
            date: self.registered(),
            reliability: self.reliability,
            unknown: self.unknown,
            case_opened_on: self.case_opened_on.map(|d| d.to_string()),
        }
    }
}

/// § 6.2: an unknown day is the case-opening day; an unknown day and month
/// are the case-opening day and month (also with an assumed year). A
/// case-opening day the birth month does not have (the 31st, or 29 February
/// in another year) becomes the month's last day, since the guideline
/// wants a date that exists.
pub fn compute_unknown(
    year: u16,
    month: Option<u8>,
    unknown: UnknownBirthParts,
    case_opened: Date,
) -> BirthDate {
    let month = match unknown {
        UnknownBirthParts::Day => month.unwrap_or(case_opened.month()),
        UnknownBirthParts::DayAndMonth | UnknownBirthParts::DayMonthAndYear => case_opened.month(),
    };
    let day = case_opened.day().min(days_in_month(year, month));
    BirthDate {
        year,
        month,
        day,
        reliability: Some(BirthDateReliability::Fictitious),
        unknown: Some(unknown),
        case_opened_on: Some(case_opened),
    }
}

/// Place of birth (§ 7): a city, village or region, or `unknown`.
pub fn parse_place(raw: &str) -> Result<String, ParseError> {
    let place = PersonName::parse(raw).map_err(|_| ParseError {
        code: "invalid_place",
        message: "A place of birth has 1 to 200 characters on one line, or is 'unknown'",
    })?;
    if place.as_str().eq_ignore_ascii_case(UNKNOWN_PLACE) {
        return Ok(UNKNOWN_PLACE.to_owned());
    }
    Ok(place.into_string())
}

/// Country of birth (§ 7): today's country, or `XUK` when unknown; never
/// `XXX`, which is a citizenship (stateless), not a country.
pub fn parse_country_of_birth(raw: &str) -> Result<CountryCode, ParseError> {
    let code = CountryCode::parse(raw)?;
    if code.as_str() == CountryCode::STATELESS {
        return Err(ParseError {
            code: "stateless_not_a_country",
            message: "XXX (stateless) is a citizenship, not a country of birth",
        });
    }
    Ok(code)
}

/// Citizenships (§ 8): one or more, exactly one preferred; `XUK` or `XXX`
/// stands alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citizenships {
    /// The preferred one first (the order other systems show them in: the
    /// rest "in brackets" after it).
    codes: Vec<String>,
}

impl Citizenships {
    /// No citizenship: only what [`Identity::parse`] holds while it collects
    /// the other fields' errors (it never returns an identity without one).
    /// People stored before the rule may still have none; reading them
    /// gives an empty list.
    pub const fn none() -> Self {
        Self { codes: Vec::new() }
    }

    /// Parses the list and the preferred code; a single citizenship is its
    /// own preferred one. Duplicates are merged. At least one is required
    /// (§ 8: `XUK` when it is not known), so that every identity written
    /// has exactly one preferred citizenship.
    pub fn parse(codes: &[String], preferred: Option<&str>) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut parsed: Vec<String> = Vec::new();
        if codes.is_empty() {
            errors.push(FieldError::new(
                "citizenships",
                "citizenship_required",
                "Register at least one citizenship (XUK when it is not known)",
            ));
        }
        if codes.len() > MAX_CITIZENSHIPS {
            errors.push(FieldError::new(
                "citizenships",
                "too_many",
                "At most 10 citizenships",
            ));
        }
        for (i, raw) in codes.iter().enumerate() {
            match CountryCode::parse(raw) {
                Ok(code) if !parsed.contains(&code.as_str().to_owned()) => {
                    parsed.push(code.into_string());
                }
                Ok(_) => {}
                Err(e) => errors.push(FieldError::new(
                    format!("citizenships[{i}]"),
                    e.code,
                    e.message,
                )),
            }
        }
        if parsed.len() > 1
            && parsed
                .iter()
                .any(|c| c == CountryCode::UNKNOWN || c == CountryCode::STATELESS)
        {
            errors.push(FieldError::new(
                "citizenships",
                "unknown_with_others",
                "Unknown (XUK) or stateless (XXX) cannot be registered with another citizenship",
            ));
        }
        let preferred = match preferred {
            None if parsed.len() > 1 => {
                errors.push(FieldError::new(
                    "preferred_citizenship",
                    "preferred_required",
                    "Choose the preferred citizenship",
                ));
                None
            }
            None => parsed.first().cloned(),
            Some(p) => match CountryCode::parse(p) {
                Ok(p) if parsed.contains(&p.as_str().to_owned()) => Some(p.into_string()),
                Ok(_) => {
                    errors.push(FieldError::new(
                        "preferred_citizenship",
                        "preferred_not_listed",
                        "The preferred citizenship is one of the citizenships",
                    ));
                    None
                }
                Err(e) => {
                    errors.push(FieldError::new("preferred_citizenship", e.code, e.message));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Some(preferred) = preferred {
            parsed.retain(|c| *c != preferred);
            parsed.insert(0, preferred);
        }
        Ok(Self { codes: parsed })
    }

    /// The codes, preferred first.
    pub fn codes(&self) -> &[String] {
        &self.codes
    }

    pub fn preferred(&self) -> Option<&str> {
        self.codes.first().map(String::as_str)
    }
}

/// A `YYYY-MM-DD` date that is not after today.
fn past_date(raw: &str, today: Date) -> Result<Date, ParseError> {
    let date = Date::parse_iso(raw)?;
    if date > today {
        return Err(ParseError {
            code: "in_future",
            message: "This date cannot be after today",
        });
    }
    Ok(date)
}

/// Checks a marital status: its from-date is a past date.
pub fn parse_marital(raw: &MaritalStatus, today: Date) -> Result<MaritalStatus, Vec<FieldError>> {
    let from = past_date(&raw.from, today)
        .map_err(|e| vec![FieldError::new("marital_status.from", e.code, e.message)])?;
    Ok(MaritalStatus {
        status: raw.status,
        from: from.to_string(),
    })
}

/// Checks an address in Norway: a street line, four-digit postcode, post
/// town and a past from-date. Stored trimmed.
pub fn parse_address(field: &str, raw: &Address, today: Date) -> Result<Address, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut line = |name: &str, value: &str| {
        let ok = check_text(value, Lines::One).is_ok()
            && !value.trim().is_empty()
            && value.chars().count() <= ADDRESS_MAX_CHARS;
        if !ok {
            errors.push(FieldError::new(
                format!("{field}.{name}"),
                "invalid_address_line",
                "1 to 200 characters on one line",
            ));
        }
        value.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let street = line("street", &raw.street);
    let post_town = line("post_town", &raw.post_town);
    if raw.postcode.len() != 4 || !raw.postcode.bytes().all(|b| b.is_ascii_digit()) {
        errors.push(FieldError::new(
            format!("{field}.postcode"),
            "invalid_postcode",
            "A Norwegian postcode has four digits",
        ));
    }
    let from = past_date(&raw.from, today)
        .map_err(|e| errors.push(FieldError::new(format!("{field}.from"), e.code, e.message)))
        .ok();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Address {
        street,
        postcode: raw.postcode.clone(),
        post_town,
        from: from.map(|d| d.to_string()).unwrap_or_default(),
    })
}

/// An alias (§ 15.2): another identity the person uses or was registered
/// with, without a DUF-number: names without titles, a date of birth not
/// after today, a citizenship from the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub first_name: PersonName,
    pub middle_name: Option<PersonName>,
    pub last_name: PersonName,
    pub date_of_birth: Option<Date>,
    pub citizenship: Option<CountryCode>,
}

impl Alias {
    /// Parses an alias as sent, collecting every field's error.
    pub fn parse(
        first_name: &str,
        middle_name: Option<&str>,
        last_name: &str,
        date_of_birth: Option<&str>,
        citizenship: Option<&str>,
        today: Date,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut name = |field: &str, raw: &str| {
            parse_name(raw)
                .map_err(|e| errors.push(FieldError::new(field, e.code, e.message)))
                .ok()
        };
        let first = name("first_name", first_name);
        let middle = middle_name.map(|m| name("middle_name", m));
        let last = name("last_name", last_name);
        let date_of_birth = date_of_birth.and_then(|d| {
            past_date(d, today)
                .map_err(|e| errors.push(FieldError::new("date_of_birth", e.code, e.message)))
                .ok()
        });
        let citizenship = citizenship.and_then(|c| {
            CountryCode::parse(c)
                .map_err(|e| errors.push(FieldError::new("citizenship", e.code, e.message)))
                .ok()
        });
        match (first, last) {
            (Some(first_name), Some(last_name)) if errors.is_empty() => Ok(Self {
                first_name,
                middle_name: middle.flatten(),
                last_name,
                date_of_birth,
                citizenship,
            }),
            _ => Err(errors),
        }
    }
}

/// A whole identity that follows the guideline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub names: Names,
    pub birth_date: Option<BirthDate>,
    pub place_of_birth: Option<String>,
    pub country_of_birth: Option<CountryCode>,
    pub citizenships: Citizenships,
    pub gender: Option<Gender>,
    pub marital_status: Option<MaritalStatus>,
    pub postal_address: Option<Address>,
    pub residence_address: Option<Address>,
    pub sources: IdentitySources,
}

impl Identity {
    /// Parses an identity, collecting every field's error. `today` is the
    /// server's (or browser's) date: no date may be after it.
    pub fn parse(input: &IdentityInput<'_>, today: Date) -> Result<Self, Vec<FieldError>> {
        let mut errors: Vec<FieldError> = Vec::new();
        let mut name = |field: &str, raw: &str| {
            parse_name(raw)
                .map_err(|e| errors.push(FieldError::new(field, e.code, e.message)))
                .ok()
        };
        let first = name("first_name", input.first_name);
        let last = name("last_name", input.last_name);
        let middle = input.middle_name.map(|m| name("middle_name", m));
        let sources = input.sources.cloned().unwrap_or_default();
        let birth_date = match (input.date_of_birth, input.birth_date) {
            (Some(_), Some(_)) => {
                errors.push(FieldError::new(
                    "date_of_birth",
                    "one_date_of_birth",
                    "Give the date of birth once: as birth_date (with its reliability), not also date_of_birth",
                ));
                None
            }
            (Some(flat), None) => Date::parse_iso(flat)
                .map(BirthDate::known)
                .map_err(|e| errors.push(FieldError::new("date_of_birth", e.code, e.message)))
                .ok()
                .filter(|d| {
                    let future = d.calendar_date().is_some_and(|d| d > today);
                    if future {
                        errors.push(FieldError::new(
                            "date_of_birth",
                            "in_future",
                            "The date of birth cannot be after today",
                        ));
                    }
                    !future
                }),
            (None, Some(b)) => BirthDate::parse(b, sources.birth_date, today)
                .map_err(|e| errors.extend(e))
                .ok(),
            (None, None) => None,
        };
        let place_of_birth = input
            .place_of_birth
            .map(|p| {
                parse_place(p)
                    .map_err(|e| errors.push(FieldError::new("place_of_birth", e.code, e.message)))
                    .ok()
            })
            .unwrap_or(None);
        let country_of_birth = input
            .country_of_birth
            .map(|c| {
                parse_country_of_birth(c)
                    .map_err(|e| {
                        errors.push(FieldError::new("country_of_birth", e.code, e.message))
                    })
                    .ok()
            })
            .unwrap_or(None);
        let citizenships = Citizenships::parse(input.citizenships, input.preferred_citizenship)
            .map_err(|e| errors.extend(e))
            .unwrap_or(Citizenships::none());
        let marital_status = input
            .marital_status
            .map(|m| parse_marital(m, today).map_err(|e| errors.extend(e)).ok())
            .unwrap_or(None);
        let postal_address = input
            .postal_address
            .map(|a| {
                parse_address("postal_address", a, today)
                    .map_err(|e| errors.extend(e))
                    .ok()
            })
            .unwrap_or(None);
        let residence_address = input
            .residence_address
            .map(|a| {
                parse_address("residence_address", a, today)
                    .map_err(|e| errors.extend(e))
                    .ok()
            })
            .unwrap_or(None);
        // A source says where a value comes from: one for a value that is
        // not there is a mistake in the form, not something to keep.
        let without_value = [
            (
                "birth_date",
                sources.birth_date.is_some()
                    && input.birth_date.is_none()
                    && input.date_of_birth.is_none(),
            ),
            (
                "place_of_birth",
                sources.place_of_birth.is_some()
                    && input.place_of_birth.is_none()
                    && input.country_of_birth.is_none(),
            ),
            (
                "citizenships",
                sources.citizenships.is_some() && input.citizenships.is_empty(),
            ),
            ("gender", sources.gender.is_some() && input.gender.is_none()),
            (
                "marital_status",
                sources.marital_status.is_some() && input.marital_status.is_none(),
            ),
            (
                "postal_address",
                sources.postal_address.is_some() && input.postal_address.is_none(),
            ),
            (
                "residence_address",
                sources.residence_address.is_some() && input.residence_address.is_none(),
            ),
        ];
        for (field, bad) in without_value {
            if bad {
                errors.push(FieldError::new(
                    format!("sources.{field}"),
                    "source_without_value",
                    "A source is given for a value that is not registered",
                ));
            }
        }
        let (Some(first), Some(last)) = (first, last) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            names: Names {
                first,
                middle: middle.flatten(),
                last,
            },
            birth_date,
            place_of_birth,
            country_of_birth,
            citizenships,
            gender: input.gender,
            marital_status,
            postal_address,
            residence_address,
            sources,
        })
    }

    /// What is stored beside the basic columns.
    pub fn details(&self) -> IdentityDetails {
        IdentityDetails {
            middle_name: self.names.middle.as_ref().map(|m| m.as_str().to_owned()),
            birth_date: self.birth_date.map(|b| b.view()),
            place_of_birth: self.place_of_birth.clone(),
            country_of_birth: self
                .country_of_birth
                .as_ref()
                .map(|c| c.as_str().to_owned()),
            preferred_citizenship: self.citizenships.preferred().map(str::to_owned),
            marital_status: self.marital_status.clone(),
            postal_address: self.postal_address.clone(),
            residence_address: self.residence_address.clone(),
            sources: self.sources.clone(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 30).unwrap()
    }

    fn codes(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    fn birth(year: u16, month: Option<u8>, day: Option<u8>) -> BirthDateInput {
        BirthDateInput {
            year,
            month,
            day,
            ..BirthDateInput::default()
        }
    }

    /// The least an identity may be: names and the citizenship "unknown".
    fn minimal<'a>(first: &'a str, last: &'a str) -> IdentityInput<'a> {
        static UNKNOWN: std::sync::LazyLock<Vec<String>> =
            std::sync::LazyLock::new(|| vec![CountryCode::UNKNOWN.to_owned()]);
        IdentityInput {
            first_name: first,
            middle_name: None,
            last_name: last,
            date_of_birth: None,
            birth_date: None,
            place_of_birth: None,
            country_of_birth: None,
            citizenships: &UNKNOWN,
            preferred_citizenship: None,
            gender: None,
            marital_status: None,
            postal_address: None,
            residence_address: None,
            sources: None,
        }
    }

    #[test]
    fn an_identity_has_a_first_name_and_a_surname() {
        let errors = Identity::parse(&minimal(" ", ""), today()).unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("first_name", "invalid_name"),
                ("last_name", "invalid_name")
            ]
        );
        // A single name goes in both fields (§ 5, § 5.9): allowed as such.
        let one = Identity::parse(&minimal("Amina", "Amina"), today()).unwrap();
        assert_eq!(one.names.first, one.names.last);
    }

    #[test]
    fn titles_are_not_names() {
        for bad in ["Mr Amina", "Dr. Tesfay", "amina MRS"] {
            assert_eq!(parse_name(bad).unwrap_err().code, "title_in_name", "{bad}");
        }
        // A word that only starts like a title is a name.
        assert!(parse_name("Drissa Mrsic").is_ok());
    }

    #[test]
    fn a_middle_name_is_optional_and_checked_like_the_others() {
        let mut input = minimal("Amina", "Tesfay");
        input.middle_name = Some("Selam");
        let identity = Identity::parse(&input, today()).unwrap();
        assert_eq!(identity.details().middle_name.as_deref(), Some("Selam"));
        input.middle_name = Some("Mr");
        assert_eq!(
            codes(&Identity::parse(&input, today()).unwrap_err()),
            [("middle_name", "title_in_name")]
        );
    }

    #[test]
    fn a_known_date_needs_its_reliability() {
        let input = birth(1990, Some(5), Some(17));
        let errors = BirthDate::parse(&input, None, today()).unwrap_err();
        assert_eq!(
            codes(&errors),
            [("birth_date.reliability", "reliability_required")]
        );
        let stated = BirthDateInput {
            reliability: Some(BirthDateReliability::Stated),
            ..input
        };
        let date = BirthDate::parse(&stated, Some(ValueSource::OwnStatement), today()).unwrap();
        assert_eq!(date.registered(), "1990-05-17");
        assert_eq!(date.reliability(), Some(BirthDateReliability::Stated));
        assert_eq!(date.unknown(), None);
    }

    #[test]
    fn a_documented_date_has_a_document_as_its_source() {
        let input = BirthDateInput {
            reliability: Some(BirthDateReliability::Documented),
            ..birth(1990, Some(5), Some(17))
        };
        assert_eq!(
            codes(&BirthDate::parse(&input, Some(ValueSource::OwnStatement), today()).unwrap_err()),
            [("birth_date.reliability", "documented_needs_document")]
        );
        assert!(BirthDate::parse(&input, Some(ValueSource::OtherDocument), today()).is_ok());
    }

    #[test]
    fn a_known_date_exists_and_is_not_after_today() {
        let with = |y, m, d| BirthDateInput {
            reliability: Some(BirthDateReliability::Stated),
            ..birth(y, Some(m), Some(d))
        };
        let err = |i: BirthDateInput| {
            codes(&BirthDate::parse(&i, None, today()).unwrap_err())[0]
                .1
                .to_owned()
        };
        assert_eq!(err(with(2023, 2, 29)), "invalid_date");
        assert_eq!(err(with(2023, 13, 1)), "invalid_date");
        assert_eq!(err(with(2026, 12, 1)), "in_future");
        assert_eq!(err(with(2027, 1, 1)), "invalid_year");
        assert_eq!(err(with(1799, 1, 1)), "invalid_year");
        assert!(BirthDate::parse(&with(2024, 2, 29), None, today()).is_ok());
    }

    #[test]
    fn zero_day_or_month_only_as_a_travel_document_shows_it() {
        let documented = |m, d| BirthDateInput {
            reliability: Some(BirthDateReliability::Documented),
            ..birth(1990, Some(m), Some(d))
        };
        let travel = Some(ValueSource::TravelDocument);
        let date = BirthDate::parse(&documented(0, 0), travel, today()).unwrap();
        assert_eq!(date.registered(), "1990-00-00");
        assert_eq!(date.calendar_date(), None);
        assert_eq!(
            BirthDate::parse(&documented(5, 0), travel, today())
                .unwrap()
                .registered(),
            "1990-05-00"
        );
        assert_eq!(
            codes(
                &BirthDate::parse(&documented(5, 0), Some(ValueSource::OtherDocument), today())
                    .unwrap_err()
            ),
            [("birth_date.day", "zero_without_travel_document")]
        );
        assert_eq!(
            codes(&BirthDate::parse(&documented(0, 17), travel, today()).unwrap_err()),
            [("birth_date.day", "day_without_month")]
        );
        let stated = BirthDateInput {
            reliability: Some(BirthDateReliability::Stated),
            ..documented(0, 0)
        };
        assert_eq!(
            codes(&BirthDate::parse(&stated, travel, today()).unwrap_err()),
            [("birth_date.reliability", "zero_is_documented")]
        );
    }

    fn opened(on: &str) -> Option<String> {
        Some(on.to_owned())
    }

    #[test]
    fn an_unknown_day_is_the_case_opening_day() {
        let input = BirthDateInput {
            case_opened_on: opened("2026-03-14"),
            ..birth(1990, Some(5), None)
        };
        let date = BirthDate::parse(&input, Some(ValueSource::OwnStatement), today()).unwrap();
        assert_eq!(date.registered(), "1990-05-14");
        assert_eq!(date.reliability(), Some(BirthDateReliability::Fictitious));
        assert_eq!(date.unknown(), Some(UnknownBirthParts::Day));
    }

    #[test]
    fn an_unknown_day_and_month_are_the_case_opening_day_and_month() {
        let input = BirthDateInput {
            case_opened_on: opened("2026-03-14"),
            ..birth(1990, None, None)
        };
        let date = BirthDate::parse(&input, None, today()).unwrap();
        assert_eq!(date.registered(), "1990-03-14");
        assert_eq!(date.unknown(), Some(UnknownBirthParts::DayAndMonth));
    }

    #[test]
    fn an_unknown_year_is_assumed_with_the_case_opening_day_and_month() {
        let input = BirthDateInput {
            year_assumed: true,
            case_opened_on: opened("2026-07-01"),
            ..birth(1985, None, None)
        };
        let date = BirthDate::parse(&input, None, today()).unwrap();
        assert_eq!(date.registered(), "1985-07-01");
        assert_eq!(date.unknown(), Some(UnknownBirthParts::DayMonthAndYear));
        assert_eq!(date.reliability(), Some(BirthDateReliability::Fictitious));
        let with_month = BirthDateInput {
            month: Some(3),
            ..input
        };
        assert_eq!(
            codes(&BirthDate::parse(&with_month, None, today()).unwrap_err()),
            [("birth_date.year_assumed", "known_part_with_assumed_year")]
        );
    }

    #[test]
    fn a_case_opening_day_the_birth_month_lacks_becomes_its_last_day() {
        let opened_on = Date::new(2024, 1, 31).unwrap();
        assert_eq!(
            compute_unknown(1990, Some(2), UnknownBirthParts::Day, opened_on).registered(),
            "1990-02-28"
        );
        let leap = Date::new(2024, 2, 29).unwrap();
        assert_eq!(
            compute_unknown(1991, None, UnknownBirthParts::DayAndMonth, leap).registered(),
            "1991-02-28"
        );
        assert_eq!(
            compute_unknown(1992, None, UnknownBirthParts::DayAndMonth, leap).registered(),
            "1992-02-29"
        );
    }

    #[test]
    fn an_unknown_part_needs_the_case_opening_date_and_computes_the_reliability() {
        let input = birth(1990, Some(5), None);
        assert_eq!(
            codes(&BirthDate::parse(&input, None, today()).unwrap_err()),
            [("birth_date.case_opened_on", "case_opened_required")]
        );
        let claimed = BirthDateInput {
            reliability: Some(BirthDateReliability::Documented),
            case_opened_on: opened("2026-03-14"),
            ..input.clone()
        };
        assert_eq!(
            codes(&BirthDate::parse(&claimed, None, today()).unwrap_err()),
            [("birth_date.reliability", "reliability_is_computed")]
        );
        let later = BirthDateInput {
            case_opened_on: opened("2026-12-01"),
            ..input.clone()
        };
        assert_eq!(
            codes(&BirthDate::parse(&later, None, today()).unwrap_err()),
            [("birth_date.case_opened_on", "in_future")]
        );
        let day_only = birth(1990, None, Some(4));
        assert_eq!(
            codes(&BirthDate::parse(&day_only, None, today()).unwrap_err()),
            [("birth_date.day", "day_without_month")]
        );
        let fictitious_known = BirthDateInput {
            reliability: Some(BirthDateReliability::Fictitious),
            ..birth(1990, Some(5), Some(17))
        };
        assert_eq!(
            codes(&BirthDate::parse(&fictitious_known, None, today()).unwrap_err()),
            [("birth_date.reliability", "fictitious_needs_unknown_part")]
        );
    }

    #[test]
    fn place_of_birth_is_a_place_or_unknown_and_the_country_is_a_country() {
        assert_eq!(parse_place(" Asmara ").unwrap(), "Asmara");
        assert_eq!(parse_place("Unknown").unwrap(), "unknown");
        assert_eq!(parse_place(" ").unwrap_err().code, "invalid_place");
        assert_eq!(parse_country_of_birth("eri").unwrap().as_str(), "ERI");
        assert_eq!(parse_country_of_birth("XUK").unwrap().as_str(), "XUK");
        assert_eq!(
            parse_country_of_birth("XXX").unwrap_err().code,
            "stateless_not_a_country"
        );
    }

    fn list(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn citizenships_have_exactly_one_preferred() {
        let one = Citizenships::parse(&list(&["syr"]), None).unwrap();
        assert_eq!(one.preferred(), Some("SYR"));
        let two = Citizenships::parse(&list(&["SYR", "TUR"]), Some("tur")).unwrap();
        assert_eq!(two.codes(), ["TUR", "SYR"]);
        assert_eq!(
            codes(&Citizenships::parse(&list(&["SYR", "TUR"]), None).unwrap_err()),
            [("preferred_citizenship", "preferred_required")]
        );
        assert_eq!(
            codes(&Citizenships::parse(&list(&["SYR"]), Some("IRQ")).unwrap_err()),
            [("preferred_citizenship", "preferred_not_listed")]
        );
        assert_eq!(
            codes(&Citizenships::parse(&list(&["SYR", "ZZZ"]), Some("SYR")).unwrap_err()),
            [("citizenships[1]", "unknown_country")]
        );
    }

    #[test]
    fn at_least_one_citizenship_is_registered() {
        assert_eq!(
            codes(&Citizenships::parse(&[], None).unwrap_err()),
            [("citizenships", "citizenship_required")]
        );
        // A whole identity with names only is refused for it, the other
        // fields' errors beside it.
        let mut input = minimal("Amina", "Tesfay");
        input.citizenships = &[];
        assert_eq!(
            codes(&Identity::parse(&input, today()).unwrap_err()),
            [("citizenships", "citizenship_required")]
        );
    }

    #[test]
    fn unknown_and_stateless_stand_alone() {
        assert!(Citizenships::parse(&list(&["XUK"]), None).is_ok());
        assert!(Citizenships::parse(&list(&["XXX"]), None).is_ok());
        assert_eq!(
            codes(&Citizenships::parse(&list(&["XXX", "SYR"]), Some("SYR")).unwrap_err()),
            [("citizenships", "unknown_with_others")]
        );
    }

    #[test]
    fn marital_status_and_addresses_have_past_from_dates() {
        let married = MaritalStatus {
            status: MaritalStatusKind::Married,
            from: "2015-06-01".into(),
        };
        assert!(parse_marital(&married, today()).is_ok());
        let later = MaritalStatus {
            from: "2027-01-01".into(),
            ..married
        };
        assert_eq!(
            codes(&parse_marital(&later, today()).unwrap_err()),
            [("marital_status.from", "in_future")]
        );
        let address = Address {
            street: " Storgata  1 ".into(),
            postcode: "0155".into(),
            post_town: "Oslo".into(),
            from: "2026-01-15".into(),
        };
        assert_eq!(
            parse_address("postal_address", &address, today())
                .unwrap()
                .street,
            "Storgata 1"
        );
        let bad = Address {
            postcode: "155".into(),
            street: "".into(),
            ..address
        };
        assert_eq!(
            codes(&parse_address("residence_address", &bad, today()).unwrap_err()),
            [
                ("residence_address.street", "invalid_address_line"),
                ("residence_address.postcode", "invalid_postcode")
            ]
        );
    }

    #[test]
    fn a_source_belongs_to_a_value() {
        let sources = IdentitySources {
            gender: Some(ValueSource::OwnStatement),
            ..IdentitySources::default()
        };
        let mut input = minimal("Amina", "Tesfay");
        input.sources = Some(&sources);
        assert_eq!(
            codes(&Identity::parse(&input, today()).unwrap_err()),
            [("sources.gender", "source_without_value")]
        );
        input.gender = Some(Gender::Female);
        assert_eq!(
            Identity::parse(&input, today())
                .unwrap()
                .details()
                .sources
                .gender,
            Some(ValueSource::OwnStatement)
        );
    }

    #[test]
    fn an_alias_has_names_without_titles_a_past_date_and_a_listed_country() {
        let alias = Alias::parse(
            "Semira",
            None,
            "Ghebre",
            Some("1988-02-01"),
            Some("sdn"),
            today(),
        )
        .unwrap();
        assert_eq!(alias.citizenship.unwrap().as_str(), "SDN");
        let errors = Alias::parse(
            "Dr Semira",
            Some(""),
            "G",
            Some("2027-01-01"),
            Some("ZZZ"),
            today(),
        )
        .unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("first_name", "title_in_name"),
                ("middle_name", "invalid_name"),
                ("date_of_birth", "in_future"),
                ("citizenship", "unknown_country")
            ]
        );
    }

    #[test]
    fn every_field_error_is_collected() {
        let birth = birth(1990, Some(5), None);
        let mut input = minimal("", "Tesfay");
        input.birth_date = Some(&birth);
        input.country_of_birth = Some("XXX");
        let errors = Identity::parse(&input, today()).unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("first_name", "invalid_name"),
                ("birth_date.case_opened_on", "case_opened_required"),
                ("country_of_birth", "stateless_not_a_country"),
            ]
        );
    }
}
