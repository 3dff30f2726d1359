//! Correcting a person's basic identity: what a correction may say, with
//! every field's error collected before anything is stored, and applying
//! it with its audit event.

use kartlegg_shared::caseworker::{AuditAction, IdentityUpdate};
use kartlegg_shared::domain::{NationalId, RegistrationNumber};
use kartlegg_shared::fields::{CountryCode, PersonName};
use kartlegg_shared::problem::FieldError;
use kartlegg_shared::text::{Lines, check_text};

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office;
use crate::db::{IdentityChange, Person, StoreError};
use crate::error::ApiError;

/// Applies a correction to `before` (a person of the caller's
/// organisation) and audits it with the fields that changed and the
/// reason. A national identity number another person has is refused (409)
/// and the refused attempt audited.
pub async fn correct(
    state: &AppState,
    cw: &CaseworkerSession,
    before: &Person,
    request: &IdentityUpdate,
) -> Result<Person, ApiError> {
    let (change, reason) = correction(request)?;
    let changed = changed_fields(before, &change);
    let after = match state.store.update_identity(before.id, &change).await {
        Ok(after) => after,
        Err(StoreError::Conflict(_)) => {
            // The attempt is recorded against the person being corrected
            // only: the other holder of the number (perhaps in another
            // organisation) is neither named nor looked up, so the log
            // tells this organisation's auditors nothing about them.
            let mut event = cw.event_about(AuditAction::IdentityRefused, state.clock.now(), before);
            event.fields = vec!["national_id".to_owned()];
            event.reason = Some(reason);
            state.record_audit(&[event]).await?;
            return Err(ApiError::Conflict(
                "This national identity number belongs to another person".into(),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    state.events_written();
    let mut event = cw.event_about(AuditAction::CorrectIdentity, state.clock.now(), before);
    event.fields = changed;
    event.reason = Some(reason);
    state.record_audit(&[event]).await?;
    Ok(after)
}

/// The names of the fields a correction changes.
pub fn changed_fields(before: &Person, change: &IdentityChange) -> Vec<String> {
    [
        ("first_name", before.first_name != change.first_name),
        ("last_name", before.last_name != change.last_name),
        (
            "date_of_birth",
            before.date_of_birth != change.date_of_birth,
        ),
        ("gender", before.gender != change.gender),
        ("citizenships", before.citizenships != change.citizenships),
        (
            "registration_number",
            before.registration_number != change.registration_number,
        ),
        ("national_id", before.national_id != change.national_id),
    ]
    .into_iter()
    .filter(|(_, differs)| *differs)
    .map(|(field, _)| field.to_owned())
    .collect()
}

/// Validates an identity correction, collecting every field error.
pub fn correction(request: &IdentityUpdate) -> Result<(IdentityChange, String), ApiError> {
    let mut errors = Vec::new();
    let mut name = |field: &str, value: &str| {
        PersonName::parse(value)
            .map_err(|e| errors.push(FieldError::new(field, e.code, e.message)))
            .map_or_else(|()| String::new(), PersonName::into_string)
    };
    let first_name = name("first_name", &request.first_name);
    let last_name = name("last_name", &request.last_name);
    let date_of_birth = match request.date_of_birth.as_deref() {
        None => None,
        Some(d) => back_office::iso_date(d)
            .map_err(|e| errors.push(FieldError::new("date_of_birth", e.code, e.message)))
            .ok(),
    };
    let mut citizenships = Vec::new();
    for (i, code) in request.citizenships.iter().enumerate() {
        match CountryCode::parse(code) {
            Ok(code) => {
                let code = code.into_string();
                if !citizenships.contains(&code) {
                    citizenships.push(code);
                }
            }
            Err(e) => errors.push(FieldError::new(
                format!("citizenships[{i}]"),
                e.code,
                e.message,
            )),
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
