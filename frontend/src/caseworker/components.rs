//! Pieces the back-office pages share: the registration-state tag, dates
//! and error texts. (The table with its pager, the confirmation dialog and
//! a fetch's frame are in `core`, for both apps.)

use kartlegg_shared::caseworker::{AuditAction, CodeStatus, RegistrationState, Role};
use kartlegg_shared::problem::{FieldError, ProblemKind};
use leptos::prelude::*;

use super::api::ApiError;
use super::i18n::{ct, ctr};

/// The translation key of a registration state.
pub const fn state_key(state: RegistrationState) -> &'static str {
    match state {
        RegistrationState::NoCode => "state-no-code",
        RegistrationState::CodeIssued => "state-code-issued",
        RegistrationState::InProgress => "state-in-progress",
        RegistrationState::Completed => "state-completed",
        RegistrationState::CompletedNewInProgress => "state-completed-new-in-progress",
        RegistrationState::Declined => "state-declined",
    }
}

/// A registration state as a coloured tag with text (never colour alone).
#[component]
pub fn StateTag(state: RegistrationState) -> impl IntoView {
    view! {
        <span class=format!("cw-tag cw-tag--{}", state.as_str()) data-testid="state-tag" data-state=state.as_str()>
            {ct(state_key(state))}
        </span>
    }
}

/// The translation key of a code status.
pub const fn code_status_key(status: CodeStatus) -> &'static str {
    match status {
        CodeStatus::Active => "code-status-active",
        CodeStatus::Expired => "code-status-expired",
        CodeStatus::UsedUp => "code-status-used-up",
        CodeStatus::Ended => "code-status-ended",
    }
}

/// The translation key of a role.
pub const fn role_key(role: Role) -> &'static str {
    match role {
        Role::Administrator => "role-administrator",
        Role::Reader => "role-reader",
        Role::Counsellor => "role-counsellor",
        Role::Statistics => "role-statistics",
        Role::Auditor => "role-auditor",
    }
}

/// The translation key of an audit action.
pub const fn action_key(action: AuditAction) -> &'static str {
    match action {
        AuditAction::Login => "action-login",
        AuditAction::Logout => "action-logout",
        AuditAction::Search => "action-search",
        AuditAction::List => "action-list",
        AuditAction::ReadPerson => "action-read-person",
        AuditAction::Export => "action-export",
        AuditAction::OutsideLookup => "action-outside-lookup",
        AuditAction::IssueCode => "action-issue-code",
        AuditAction::AddRemark => "action-add-remark",
        AuditAction::CorrectIdentity => "action-correct-identity",
        AuditAction::WorklistAdd => "action-worklist-add",
        AuditAction::WorklistRemove => "action-worklist-remove",
        AuditAction::AccountCreated => "action-account-created",
        AuditAction::RolesChanged => "action-roles-changed",
        AuditAction::AccountDisabled => "action-account-disabled",
        AuditAction::EndSessions => "action-end-sessions",
        AuditAction::LoginDelayCleared => "action-login-delay-cleared",
        AuditAction::ReadAccessLog => "action-read-access-log",
        AuditAction::IdentityRefused => "action-identity-refused",
        AuditAction::ApiClientCreated => "action-api-client-created",
        AuditAction::ApiClientChanged => "action-api-client-changed",
        AuditAction::ApiClientDisabled => "action-api-client-disabled",
        AuditAction::PersonCreated => "action-person-created",
        AuditAction::ReadRegistrations => "action-read-registrations",
        AuditAction::ErasePerson => "action-erase-person",
        AuditAction::EraseRegistration => "action-erase-registration",
        AuditAction::ResearchExtract => "action-research-extract",
        AuditAction::PrintPerson => "action-print-person",
        AuditAction::RegisterTogether => "action-register-together",
    }
}

/// `YYYY-MM-DD` as `dd.mm.yyyy`, the way Norwegian offices write dates
/// (and the search box reads them).
pub fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

/// An RFC 3339 time in the browser's time zone as `dd.mm.yyyy hh:mm`.
pub fn time(rfc3339: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    if d.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    format!(
        "{:02}.{:02}.{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// An optional date, or a dash.
pub fn opt_date(iso: Option<&String>) -> String {
    iso.map_or_else(|| "–".to_owned(), |d| date(d))
}

/// What to tell the caseworker about an error that is not a field error.
pub fn error_text(error: &ApiError) -> String {
    match error.kind() {
        Some(ProblemKind::Unauthorized) => ctr("error-session"),
        Some(ProblemKind::Forbidden) => ctr("error-forbidden"),
        Some(ProblemKind::NotFound) => ctr("error-not-found"),
        Some(ProblemKind::TooManyRequests) => ctr("error-too-many"),
        Some(ProblemKind::Validation) => ctr("error-validation"),
        _ if *error == ApiError::Network => ctr("error-network"),
        _ => ctr("error-server"),
    }
}

/// The server's field error for `field`, in words, if there is one.
pub fn field_error(error: &ApiError, field: &str) -> Option<String> {
    let problem = error.problem()?;
    problem
        .errors
        .iter()
        .find(|e| e.field == field || e.field.trim_start_matches('/') == field)
        .map(|e| code_text(&e.code).unwrap_or_else(|| e.message.clone()))
}

/// Every field error of a validation problem, in words.
pub fn field_errors(error: &ApiError) -> Vec<String> {
    error.problem().map_or_else(Vec::new, |p| {
        p.errors
            .iter()
            .map(|e| code_text(&e.code).unwrap_or_else(|| e.message.clone()))
            .collect()
    })
}

/// The first of a shared parse's field errors in words, or the words of
/// `fallback` when its code has none.
pub fn parse_error_text(errors: &[FieldError], fallback: &str) -> String {
    errors
        .first()
        .and_then(|e| code_text(&e.code))
        .unwrap_or_else(|| ctr(fallback))
}

/// The caseworker's words for a stable error code, the server's or a
/// shared parse's run in the browser.
pub fn code_text(code: &str) -> Option<String> {
    let key = match code {
        "empty_query" => "err-empty-query",
        "query_too_long" => "err-query-too-long",
        "invalid_number_length" => "err-number-length",
        "invalid_duf_number" => "err-duf-number",
        "invalid_national_id" => "err-national-id",
        "national_id_check_digits" => "err-national-id-check-digits",
        "invalid_registration_number" => "err-registration-number",
        "invalid_date" => "err-date",
        "invalid_name" => "err-name",
        "control_characters" => "err-control-characters",
        "totp_required" => "err-totp-required",
        "invalid_totp" | "totp_invalid" => "err-totp-invalid",
        "reason_too_short" | "reason_required" => "err-reason",
        "password_too_short" => "err-password-short",
        "password_common" | "common_password" => "err-password-common",
        "username_taken" => "err-username-taken",
        "invalid_username" => "err-username",
        "required" => "err-required",
        "invalid_length" => "err-remark-length",
        "title_in_name" => "err-title-in-name",
        "invalid_year" => "err-invalid-year",
        "invalid_month" => "err-invalid-month",
        "zero_without_travel_document" => "err-zero-without-travel-document",
        "day_without_month" => "err-day-without-month",
        "zero_is_documented" => "err-zero-is-documented",
        "reliability_required" => "err-reliability-required",
        "reliability_is_computed" => "err-reliability-is-computed",
        "case_opened_required" => "err-case-opened-required",
        "in_future" => "err-in-future",
        "fictitious_needs_unknown_part" => "err-fictitious-needs-unknown-part",
        "documented_needs_document" => "err-documented-needs-document",
        "known_part_with_assumed_year" => "err-known-part-with-assumed-year",
        "invalid_place" => "err-invalid-place",
        "stateless_not_a_country" => "err-stateless-not-a-country",
        "unknown_country" => "err-unknown-country",
        "citizenship_required" => "err-citizenship-required",
        "preferred_required" => "err-preferred-required",
        "preferred_not_listed" => "err-preferred-not-listed",
        "unknown_with_others" => "err-unknown-with-others",
        "too_many" => "err-too-many",
        "invalid_postcode" => "err-invalid-postcode",
        "invalid_address_line" => "err-invalid-address-line",
        "source_without_value" => "err-source-without-value",
        "source_required" => "err-source-required",
        "same_person" => "err-same-person",
        "invalid_consent" => "together-error-consent",
        "invalid_interpreter_number" => "together-error-number",
        "interpreter_name_too_long" => "together-error-name",
        _ => return None,
    };
    Some(ctr(key))
}

pub use crate::core::page::focus_id;
