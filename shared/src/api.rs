//! The applicant API's data transfer objects (`/api/v1/applicant/...`),
//! shared by the server that writes them and the browser that reads them.
//! Times are RFC 3339 strings in UTC, so the browser build needs no date
//! library.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::questionnaire::Answers;

/// The version of the consent declaration's text. Bump it when the text
/// changes in substance: everyone is then asked again.
pub const CONSENT_VERSION: &str = "2026-11-1";

/// `POST /api/v1/applicant/session`: log in with DUF-number and code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// The 12-digit DUF-number, as typed: spaces and Eastern Arabic or
    /// Persian digits are accepted.
    pub duf_number: String,
    /// The 8-digit code from staff, with or without the space (`1234 5678`).
    pub code: String,
}

/// A successful login. The browser also gets an HttpOnly cookie and need not
/// keep the token; API clients send it as `Authorization: Bearer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LoginResponse {
    /// A JWT for API clients.
    pub token: String,
    /// When the session ends at the latest (absolute timeout).
    pub expires_at: String,
    /// The session's state right after login.
    pub session: SessionInfo,
}

/// `GET /api/v1/applicant/session`: who is logged in and what comes next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// The applicant's first name, for a greeting.
    pub first_name: String,
    /// True until the applicant has consented to `consent_version`.
    pub consent_required: bool,
    /// The consent text version the applicant is asked to accept.
    pub consent_version: String,
}

/// The applicant's answer to the consent declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", remote = "Self")]
pub enum ConsentDecision {
    /// "I confirm that I consent … and wish to proceed."
    Accept,
    /// "I do not consent": only the decline is recorded and the session ends.
    Decline,
}

crate::string_enum!(ConsentDecision);

/// `POST /api/v1/applicant/consent`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ConsentRequest {
    /// Must equal the current `CONSENT_VERSION`: the applicant answers the
    /// text they were shown.
    pub version: String,
    pub decision: ConsentDecision,
}

/// A recorded consent or decline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ConsentRecord {
    pub version: String,
    pub decision: ConsentDecision,
    /// When it was given (RFC 3339, UTC).
    pub decided_at: String,
}

/// Whether a registration can still change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    /// Being filled in.
    Draft,
    /// Completed: read-only; a change means a new registration.
    Completed,
}

/// A registration: the answers to one questionnaire version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Registration {
    /// Opaque id.
    pub id: String,
    pub status: RegistrationStatus,
    /// The questionnaire version the answers were given against.
    pub questionnaire_version: u32,
    /// Increases with every accepted save; a save names the revision it
    /// builds on and is refused (409) when another save came first.
    pub revision: i64,
    /// The answers (hidden questions pruned).
    pub answers: Answers,
    /// Ids of the sections the applicant has saved at least once.
    pub saved_sections: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    /// When it was completed, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// The language the applicant answered in (one of the 14 codes), so a
    /// caseworker can read each answer in it beside their own language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Who gave each answer, by the answer's key: the applicant in their own
    /// session, or a counsellor registering together with them (with the
    /// interpreter, when one took part). Sent to caseworkers and to the
    /// form registered together; the applicant's own calls leave it out.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub provenance: crate::together::Provenance,
}

/// `PUT /api/v1/applicant/registration/sections/{section}`: save one part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SaveSectionRequest {
    /// The revision this save builds on (from the last `Registration` seen).
    pub revision: i64,
    /// The answers to this section's questions (keys of other sections are
    /// refused as `unknown_question`).
    pub answers: Answers,
    /// The language the applicant is answering in (one of the 14 codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Person data as the applicant sees it on "My data".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PersonData {
    pub duf_number: String,
    pub first_name: String,
    pub last_name: String,
    /// The organisation that follows the applicant up.
    pub organisation: String,
}

/// `GET /api/v1/applicant/my-data`: everything held about the applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MyData {
    pub person: PersonData,
    pub consents: Vec<ConsentRecord>,
    /// Newest first.
    pub registrations: Vec<Registration>,
}
