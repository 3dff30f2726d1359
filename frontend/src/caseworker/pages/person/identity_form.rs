//! The identity form's state: what the counsellor has typed, as text, and
//! the request it makes. The errors come from the same parse the server
//! runs (`shared::identity::Identity::parse`), so the form shows them as
//! the counsellor types. Plain state, tested natively.

use kartlegg_shared::caseworker::{Gender, IdentityUpdate, PersonIdentity};
use kartlegg_shared::domain::{Date, NationalId, RegistrationNumber};
use kartlegg_shared::identity::{
    Address, BirthDate, BirthDateInput, BirthDateReliability, BirthDateView, Identity,
    IdentitySources, MaritalStatus, MaritalStatusKind, UnknownBirthParts, ValueSource,
};
use kartlegg_shared::problem::FieldError;

/// What the counsellor knows of the date of birth (§ 6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Known {
    /// Nothing registered.
    #[default]
    None,
    /// Day, month and year.
    Full,
    /// Month and year.
    MonthYear,
    /// The year.
    Year,
    /// Nothing: an assumed year.
    Assumed,
}

impl Known {
    pub const ALL: [Self; 5] = [
        Self::None,
        Self::Full,
        Self::MonthYear,
        Self::Year,
        Self::Assumed,
    ];

    /// The form's value and Fluent key suffix.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Full => "full",
            Self::MonthYear => "month-year",
            Self::Year => "year",
            Self::Assumed => "assumed",
        }
    }

    pub fn from_str(value: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == value)
            .unwrap_or_default()
    }

    fn of(view: &BirthDateView) -> Self {
        match view.unknown {
            None => Self::Full,
            Some(UnknownBirthParts::Day) => Self::MonthYear,
            Some(UnknownBirthParts::DayAndMonth) => Self::Year,
            Some(UnknownBirthParts::DayMonthAndYear) => Self::Assumed,
        }
    }
}

/// An address as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressForm {
    pub street: String,
    pub postcode: String,
    pub post_town: String,
    pub from: String,
}

impl AddressForm {
    fn of(a: Option<&Address>) -> Self {
        a.map_or_else(Self::default, |a| Self {
            street: a.street.clone(),
            postcode: a.postcode.clone(),
            post_town: a.post_town.clone(),
            from: a.from.clone(),
        })
    }

    /// Nothing typed: no address.
    fn address(&self) -> Option<Address> {
        let empty = [&self.street, &self.postcode, &self.post_town, &self.from]
            .iter()
            .all(|v| v.trim().is_empty());
        (!empty).then(|| Address {
            street: self.street.clone(),
            postcode: self.postcode.trim().to_owned(),
            post_town: self.post_town.clone(),
            from: self.from.trim().to_owned(),
        })
    }
}

/// The whole form, as text. Selects hold their option's value (`""` for
/// none chosen).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdentityForm {
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    pub name_source: String,
    pub known: Known,
    pub year: String,
    pub month: String,
    pub day: String,
    pub reliability: String,
    pub case_opened_on: String,
    pub birth_source: String,
    pub place_of_birth: String,
    pub country_of_birth: String,
    pub place_source: String,
    /// Citizenship codes, one per row (`""` for a row not chosen yet).
    pub citizenships: Vec<String>,
    pub preferred: String,
    pub citizenship_source: String,
    pub gender: String,
    pub gender_source: String,
    pub marital_status: String,
    pub marital_from: String,
    pub marital_source: String,
    pub postal: AddressForm,
    pub postal_source: String,
    pub residence: AddressForm,
    pub residence_source: String,
    pub registration_number: String,
    pub national_id: String,
    pub reason: String,
}

fn text(value: Option<&String>) -> String {
    value.cloned().unwrap_or_default()
}

fn source(value: Option<ValueSource>) -> String {
    value.map(|s| s.as_str().to_owned()).unwrap_or_default()
}

fn parse_source(value: &str) -> Option<ValueSource> {
    ValueSource::ALL.into_iter().find(|s| s.as_str() == value)
}

fn optional(value: &str) -> Option<String> {
    (!value.trim().is_empty()).then(|| value.to_owned())
}

impl IdentityForm {
    /// The form filled with what is registered (the reason left empty).
    pub fn of(p: &PersonIdentity) -> Self {
        let d = &p.details;
        let s = &d.sources;
        let birth = d.birth_date.clone().or_else(|| {
            p.date_of_birth.as_ref().map(|date| BirthDateView {
                date: date.clone(),
                reliability: None,
                unknown: None,
                case_opened_on: None,
            })
        });
        let (known, year, month, day) = birth.as_ref().map_or_else(
            || (Known::None, String::new(), String::new(), String::new()),
            |b| {
                let known = Known::of(b);
                let mut parts = b.date.split('-').map(str::to_owned);
                let (y, m, dd) = (
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                );
                match known {
                    Known::Full => (known, y, m, dd),
                    Known::MonthYear => (known, y, m, String::new()),
                    _ => (known, y, String::new(), String::new()),
                }
            },
        );
        let (marital_status, marital_from) = d.marital_status.as_ref().map_or_else(
            || (String::new(), String::new()),
            |m| (m.status.as_str().to_owned(), m.from.clone()),
        );
        Self {
            first_name: p.first_name.clone(),
            middle_name: text(d.middle_name.as_ref()),
            last_name: p.last_name.clone(),
            name_source: source(s.name),
            known,
            year,
            month,
            day,
            reliability: birth
                .as_ref()
                .and_then(|b| b.reliability)
                .filter(|_| known == Known::Full)
                .map(|r| r.as_str().to_owned())
                .unwrap_or_default(),
            case_opened_on: text(birth.as_ref().and_then(|b| b.case_opened_on.as_ref())),
            birth_source: source(s.birth_date),
            place_of_birth: text(d.place_of_birth.as_ref()),
            country_of_birth: text(d.country_of_birth.as_ref()),
            place_source: source(s.place_of_birth),
            citizenships: p.citizenships.clone(),
            preferred: d
                .preferred_citizenship
                .clone()
                .or_else(|| p.citizenships.first().cloned())
                .unwrap_or_default(),
            citizenship_source: source(s.citizenships),
            gender: p.gender.map(|g| g.as_str().to_owned()).unwrap_or_default(),
            gender_source: source(s.gender),
            marital_status,
            marital_from,
            marital_source: source(s.marital_status),
            postal: AddressForm::of(d.postal_address.as_ref()),
            postal_source: source(s.postal_address),
            residence: AddressForm::of(d.residence_address.as_ref()),
            residence_source: source(s.residence_address),
            registration_number: text(p.registration_number.as_ref()),
            national_id: text(p.national_id.as_ref()),
            reason: String::new(),
        }
    }

    /// The date of birth as the request says it, or the errors of its
    /// numbers (a year that is not a number cannot be sent).
    fn birth_date(&self) -> Result<Option<BirthDateInput>, Vec<FieldError>> {
        if self.known == Known::None {
            return Ok(None);
        }
        let mut errors = Vec::new();
        let mut number = |field: &str, value: &str, code: &str, message: &str| {
            let value = value.trim();
            value
                .parse::<u16>()
                .map_err(|_| {
                    errors.push(FieldError::new(
                        format!("birth_date.{field}"),
                        code,
                        message,
                    ));
                })
                .ok()
        };
        let year = number("year", &self.year, "invalid_year", "A year has four digits");
        let month = matches!(self.known, Known::Full | Known::MonthYear)
            .then(|| number("month", &self.month, "invalid_month", "A month is 1 to 12"))
            .flatten()
            .map(|m| u8::try_from(m).unwrap_or(u8::MAX));
        let day = (self.known == Known::Full)
            .then(|| number("day", &self.day, "invalid_date", "This date does not exist"))
            .flatten()
            .map(|d| u8::try_from(d).unwrap_or(u8::MAX));
        let Some(year) = year.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        let full = self.known == Known::Full;
        Ok(Some(BirthDateInput {
            year,
            month,
            day,
            year_assumed: self.known == Known::Assumed,
            reliability: if full {
                BirthDateReliability::ALL
                    .into_iter()
                    .find(|r| r.as_str() == self.reliability)
            } else {
                None
            },
            case_opened_on: (!full).then(|| self.case_opened_on.trim().to_owned()),
        }))
    }

    /// The request the form sends, or the errors that keep it from being
    /// one.
    pub fn update(&self) -> Result<IdentityUpdate, Vec<FieldError>> {
        let birth_date = self.birth_date()?;
        let citizenships: Vec<String> = self
            .citizenships
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect();
        let marital_status = MaritalStatusKind::ALL
            .into_iter()
            .find(|k| k.as_str() == self.marital_status)
            .map(|status| MaritalStatus {
                status,
                from: self.marital_from.trim().to_owned(),
            });
        let postal_address = self.postal.address();
        let residence_address = self.residence.address();
        // A source goes with its value: one chosen for a value left empty
        // is not sent (the server would refuse it).
        let with = |present: bool, value: &str| parse_source(value).filter(|_| present);
        let sources = IdentitySources {
            name: parse_source(&self.name_source),
            birth_date: with(birth_date.is_some(), &self.birth_source),
            place_of_birth: with(
                optional(&self.place_of_birth).is_some()
                    || optional(&self.country_of_birth).is_some(),
                &self.place_source,
            ),
            citizenships: with(!citizenships.is_empty(), &self.citizenship_source),
            gender: with(!self.gender.is_empty(), &self.gender_source),
            marital_status: with(marital_status.is_some(), &self.marital_source),
            postal_address: with(postal_address.is_some(), &self.postal_source),
            residence_address: with(residence_address.is_some(), &self.residence_source),
        };
        Ok(IdentityUpdate {
            first_name: self.first_name.clone(),
            middle_name: optional(&self.middle_name),
            last_name: self.last_name.clone(),
            date_of_birth: None,
            birth_date,
            place_of_birth: optional(&self.place_of_birth),
            country_of_birth: optional(&self.country_of_birth),
            gender: match self.gender.as_str() {
                "male" => Some(Gender::Male),
                "female" => Some(Gender::Female),
                _ => None,
            },
            preferred_citizenship: (citizenships.len() > 1)
                .then(|| optional(&self.preferred))
                .flatten(),
            citizenships,
            marital_status,
            postal_address,
            residence_address,
            sources: Some(sources),
            registration_number: optional(&self.registration_number),
            national_id: optional(&self.national_id),
            reason: self.reason.clone(),
        })
    }

    /// Every error the server would answer, found here first: the shared
    /// identity parse, the numbers, the reason, and a source for each
    /// value given (§ 2: the form asks for it).
    pub fn errors(&self, today: Date) -> Vec<FieldError> {
        let update = match self.update() {
            Ok(update) => update,
            Err(errors) => return errors,
        };
        let mut errors = Identity::parse(&update.input(), today)
            .err()
            .unwrap_or_default();
        if let Some(r) = update.registration_number.as_deref()
            && let Err(e) = RegistrationNumber::parse(r)
        {
            errors.push(FieldError::new("registration_number", e.code, e.message));
        }
        if let Some(n) = update.national_id.as_deref()
            && let Err(e) = NationalId::parse(n)
        {
            errors.push(FieldError::new("national_id", e.code, e.message));
        }
        let sources = [
            ("name_source", true, &self.name_source),
            (
                "birth_source",
                update.birth_date.is_some(),
                &self.birth_source,
            ),
            (
                "place_source",
                update.place_of_birth.is_some() || update.country_of_birth.is_some(),
                &self.place_source,
            ),
            (
                "citizenship_source",
                !update.citizenships.is_empty(),
                &self.citizenship_source,
            ),
            (
                "gender_source",
                update.gender.is_some(),
                &self.gender_source,
            ),
            (
                "marital_source",
                update.marital_status.is_some(),
                &self.marital_source,
            ),
            (
                "postal_source",
                update.postal_address.is_some(),
                &self.postal_source,
            ),
            (
                "residence_source",
                update.residence_address.is_some(),
                &self.residence_source,
            ),
        ];
        for (field, needed, value) in sources {
            if needed && value.is_empty() {
                errors.push(FieldError::new(
                    field,
                    "source_required",
                    "Choose the source",
                ));
            }
        }
        if self.reason.trim().is_empty() {
            errors.push(FieldError::new(
                "reason",
                "reason_required",
                "Say why the identity is changed",
            ));
        }
        errors
    }

    /// The date of birth that will be registered (with its reliability),
    /// when what is typed makes one.
    pub fn birth_preview(&self, today: Date) -> Option<BirthDateView> {
        let input = self.birth_date().ok()??;
        BirthDate::parse(&input, parse_source(&self.birth_source), today)
            .ok()
            .map(|b| b.view())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 30).unwrap()
    }

    fn filled() -> IdentityForm {
        IdentityForm {
            first_name: "Amina".into(),
            last_name: "Tesfay".into(),
            name_source: "travel_document".into(),
            // At least one citizenship is required (XUK when unknown).
            citizenships: vec!["XUK".into()],
            citizenship_source: "own_statement".into(),
            reason: "Passport shown".into(),
            ..IdentityForm::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_day_left_unknown_is_computed_from_the_case_opening_date() {
        let form = IdentityForm {
            known: Known::MonthYear,
            year: "1990".into(),
            month: "5".into(),
            day: "17".into(),
            case_opened_on: "2024-03-14".into(),
            birth_source: "own_statement".into(),
            ..filled()
        };
        assert!(
            form.errors(today()).is_empty(),
            "{:?}",
            form.errors(today())
        );
        let preview = form.birth_preview(today()).unwrap();
        assert_eq!(preview.date, "1990-05-14");
        assert_eq!(preview.reliability, Some(BirthDateReliability::Fictitious));
        // The day typed before the counsellor said it is unknown is not sent.
        assert_eq!(form.update().unwrap().birth_date.unwrap().day, None);
    }

    #[test]
    fn errors_name_the_fields_as_the_server_does() {
        let form = IdentityForm {
            first_name: "Mr Amina".into(),
            known: Known::Full,
            year: "1990".into(),
            month: "2".into(),
            day: "30".into(),
            reliability: "stated".into(),
            citizenships: vec!["ERI".into(), "ETH".into()],
            preferred: String::new(),
            citizenship_source: String::new(),
            reason: " ".into(),
            ..filled()
        };
        assert_eq!(
            fields(&form.errors(today())),
            [
                "first_name",
                "birth_date.day",
                "preferred_citizenship",
                "birth_source",
                "citizenship_source",
                "reason"
            ]
        );
    }

    #[test]
    fn a_year_that_is_not_a_number_is_an_error_of_the_year() {
        let form = IdentityForm {
            known: Known::Year,
            year: "19x0".into(),
            ..filled()
        };
        assert_eq!(fields(&form.errors(today())), ["birth_date.year"]);
    }

    #[test]
    fn the_form_opens_with_what_is_registered() {
        let identity: PersonIdentity = serde_json::from_value(serde_json::json!({
            "id": "x", "duf_number": "202400000001", "first_name": "Amina", "last_name": "Tesfay",
            "citizenships": ["ETH", "ERI"], "preferred_citizenship": "ETH",
            "birth_date": { "date": "1990-03-14", "reliability": "fictitious", "unknown": "day_and_month", "case_opened_on": "2024-03-14" },
            "sources": { "name": "travel_document" }
        }))
        .unwrap();
        let form = IdentityForm::of(&identity);
        assert_eq!(form.known, Known::Year);
        assert_eq!((form.year.as_str(), form.month.as_str()), ("1990", ""));
        assert_eq!(form.case_opened_on, "2024-03-14");
        assert_eq!(form.preferred, "ETH");
        assert_eq!(form.name_source, "travel_document");
        let update = IdentityForm {
            reason: "Checked".into(),
            birth_source: "own_statement".into(),
            citizenship_source: "own_statement".into(),
            ..form
        }
        .update()
        .unwrap();
        assert_eq!(update.preferred_citizenship.as_deref(), Some("ETH"));
        assert_eq!(
            update.birth_date.unwrap().case_opened_on.as_deref(),
            Some("2024-03-14")
        );
    }
}
