//! Correcting a person's basic identity: what a correction may say, with
//! every field's error collected, before anything is stored.

use kartlegg_shared::caseworker::{IdentityUpdate, NAME_MAX_CHARS};
use kartlegg_shared::codes::{CodeListId, shipped};
use kartlegg_shared::domain::{NationalId, RegistrationNumber};
use kartlegg_shared::problem::FieldError;
use kartlegg_shared::text::{Lines, check_text};

use crate::back_office;
use crate::db::IdentityChange;
use crate::error::ApiError;

/// Validates an identity correction, collecting every field error.
pub fn correction(request: &IdentityUpdate) -> Result<(IdentityChange, String), ApiError> {
    let mut errors = Vec::new();
    let mut name = |field: &str, value: &str| {
        if let Err(e) = check_text(value, Lines::One) {
            errors.push(FieldError::new(field, e.code, e.message));
            return String::new();
        }
        let too_long = value.chars().count() > NAME_MAX_CHARS;
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() || too_long {
            errors.push(FieldError::new(
                field,
                "invalid_name",
                "A name has 1 to 200 characters",
            ));
        }
        value
    };
    let first_name = name("first_name", &request.first_name);
    let last_name = name("last_name", &request.last_name);
    let date_of_birth = match request.date_of_birth.as_deref() {
        None => None,
        Some(d) => back_office::iso_date(d)
            .map_err(|e| errors.push(FieldError::new("date_of_birth", e.code, e.message)))
            .ok(),
    };
    let countries = shipped(CodeListId::Countries);
    let mut citizenships = Vec::new();
    for (i, code) in request.citizenships.iter().enumerate() {
        let code = code.trim().to_uppercase();
        if countries.contains(&code) || code == "XUK" || code == "XXX" {
            if !citizenships.contains(&code) {
                citizenships.push(code);
            }
        } else {
            errors.push(FieldError::new(
                format!("citizenships[{i}]"),
                "unknown_country",
                "Not a country code (ISO 3166 alpha-3), XUK or XXX",
            ));
        }
    }
    let registration_number = match request
        .registration_number
        .as_deref()
        .filter(|r| !r.is_empty())
    {
        None => None,
        Some(r) => RegistrationNumber::parse(r)
            .map_err(|e| errors.push(FieldError::new("registration_number", e.code, e.message)))
            .ok(),
    };
    let national_id = match request.national_id.as_deref().filter(|n| !n.is_empty()) {
        None => None,
        Some(n) => NationalId::parse(n)
            .map_err(|e| errors.push(FieldError::new("national_id", e.code, e.message)))
            .ok(),
    };
    let reason = request.reason.trim().to_owned();
    if let Err(e) = check_text(&request.reason, Lines::Many) {
        errors.push(FieldError::new("reason", e.code, e.message));
    } else if reason.is_empty() {
        errors.push(FieldError::new(
            "reason",
            "reason_required",
            "Say why the identity is corrected",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok((
        IdentityChange {
            first_name,
            last_name,
            date_of_birth,
            gender: request.gender,
            citizenships,
            registration_number,
            national_id,
        },
        reason,
    ))
}
