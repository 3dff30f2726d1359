//! Correcting the person's basic identity.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{
    AuditAction, IdentityUpdate, NAME_MAX_CHARS, PersonIdentity, Role,
};
use kartlegg_shared::codes::{CodeListId, shipped};
use kartlegg_shared::domain::{NationalId, RegistrationNumber};
use kartlegg_shared::problem::{FieldError, Problem};
use kartlegg_shared::text::{Lines, check_text};

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self, parse_id, person_in_org};
use crate::db::{IdentityChange, StoreError};
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath};
use crate::routes::responses::{Counsellors, NoSuchPerson, Session};

/// Correct the person's basic identity. The whole identity is sent; the
/// audit event names the fields that changed and keeps the reason.
#[utoipa::path(
    put,
    path = "/api/v1/caseworker/people/{id}/identity",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    request_body = IdentityUpdate,
    responses(
        (status = 200, description = "The corrected identity", body = PersonIdentity),
        (status = 409, description = "The national identity number belongs to another person; the refused attempt is audited", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson,
    )
)]
pub async fn correct_identity(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<IdentityUpdate>,
) -> Result<Json<PersonIdentity>, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let (change, reason) = identity_change(&request)?;
    let before = &listing.person;
    let mut changed = Vec::new();
    let mut note = |field: &str, differs: bool| {
        if differs {
            changed.push(field.to_owned());
        }
    };
    note("first_name", before.first_name != change.first_name);
    note("last_name", before.last_name != change.last_name);
    note(
        "date_of_birth",
        before.date_of_birth != change.date_of_birth,
    );
    note("gender", before.gender != change.gender);
    note("citizenships", before.citizenships != change.citizenships);
    note(
        "registration_number",
        before.registration_number != change.registration_number,
    );
    note("national_id", before.national_id != change.national_id);
    let after = match state.store.update_identity(before.id, &change).await {
        Ok(after) => after,
        Err(StoreError::Conflict(_)) => {
            // The attempt is recorded against the person being corrected
            // only: the other holder of the number (perhaps in another
            // organisation) is neither named nor looked up, so the log
            // tells this organisation's auditors nothing about them.
            let mut event = cw.event(AuditAction::IdentityRefused, state.clock.now());
            event.person_id = Some(before.id);
            event.person_organisation_id = Some(before.organisation_id);
            event.fields = vec!["national_id".to_owned()];
            event.reason = Some(reason);
            state.record_audit(&[event]).await?;
            return Err(ApiError::Conflict(
                "This national identity number belongs to another person".into(),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    let mut event = cw.event(AuditAction::CorrectIdentity, state.clock.now());
    event.person_id = Some(before.id);
    event.person_organisation_id = Some(before.organisation_id);
    event.fields = changed;
    event.reason = Some(reason);
    state.record_audit(&[event]).await?;
    Ok(Json(back_office::identity(&after)))
}

/// Validates an identity correction, collecting every field error.
fn identity_change(request: &IdentityUpdate) -> Result<(IdentityChange, String), ApiError> {
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
