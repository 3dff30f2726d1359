//! The integration API for other systems (a municipality's case system, a
//! career-guidance tool, a statistics system): API clients with OAuth 2.0
//! client credentials and scopes, and the data transfer objects of the
//! endpoints they call.

use serde::{Deserialize, Serialize};

use crate::caseworker::{AliasInfo, DuplicateInfo, Gender, IdentityUpdate, LinkedPerson};
use crate::identity::{Address, BirthDateInput, IdentityDetails, IdentitySources, MaritalStatus};

/// The longest API client name.
pub const CLIENT_NAME_MAX_CHARS: usize = 100;

/// What an API client may do: each integration endpoint needs one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub enum Scope {
    /// Read the organisation's people.
    #[serde(rename = "people:read")]
    PeopleRead,
    /// Create and update the organisation's people.
    #[serde(rename = "people:write")]
    PeopleWrite,
    /// Issue login codes to the organisation's people.
    #[serde(rename = "codes:issue")]
    CodesIssue,
    /// Read completed registrations.
    #[serde(rename = "registrations:read")]
    RegistrationsRead,
    /// Read the change feed.
    #[serde(rename = "feed:read")]
    FeedRead,
    /// Manage webhook endpoints.
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
    /// Read anonymised statistics.
    #[serde(rename = "statistics:read")]
    StatisticsRead,
}

impl Scope {
    /// Every scope, in the order they are listed.
    pub const ALL: [Scope; 7] = [
        Self::PeopleRead,
        Self::PeopleWrite,
        Self::CodesIssue,
        Self::RegistrationsRead,
        Self::FeedRead,
        Self::WebhooksManage,
        Self::StatisticsRead,
    ];

    /// The scope's name on the wire (`people:read`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::PeopleRead => "people:read",
            Self::PeopleWrite => "people:write",
            Self::CodesIssue => "codes:issue",
            Self::RegistrationsRead => "registrations:read",
            Self::FeedRead => "feed:read",
            Self::WebhooksManage => "webhooks:manage",
            Self::StatisticsRead => "statistics:read",
        }
    }

    /// The scope with this name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// A space-separated list of scopes (RFC 6749 §3.3), sorted and
    /// without repeats; `None` when one name is unknown.
    pub fn parse_list(list: &str) -> Option<Vec<Self>> {
        let mut scopes = list
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(Self::parse)
            .collect::<Option<Vec<_>>>()?;
        scopes.sort_unstable();
        scopes.dedup();
        Some(scopes)
    }

    /// Scopes as RFC 6749 writes them: names separated by one space.
    pub fn join(scopes: &[Self]) -> String {
        scopes
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What a change event says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub enum ChangeEventType {
    /// A registration was completed.
    #[serde(rename = "registration.completed")]
    RegistrationCompleted,
    /// A new registration was started after a completed one.
    #[serde(rename = "registration.started")]
    RegistrationStarted,
    /// A person was created.
    #[serde(rename = "person.created")]
    PersonCreated,
    /// A person's identity was changed.
    #[serde(rename = "person.changed")]
    PersonChanged,
    /// A person was erased.
    #[serde(rename = "person.erased")]
    PersonErased,
}

impl ChangeEventType {
    /// Every type.
    pub const ALL: [ChangeEventType; 5] = [
        Self::RegistrationCompleted,
        Self::RegistrationStarted,
        Self::PersonCreated,
        Self::PersonChanged,
        Self::PersonErased,
    ];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::RegistrationCompleted => "registration.completed",
            Self::RegistrationStarted => "registration.started",
            Self::PersonCreated => "person.created",
            Self::PersonChanged => "person.changed",
            Self::PersonErased => "person.erased",
        }
    }

    /// The type with this name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// One event of the change feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"id": "5b8a0d0e-2f1c-4a7b-9d3e-1c2b3a4d5e6f", "type": "registration.completed", "duf_number": "202400000042", "registration_id": "0b9d3f4e-6a51-4c2e-9f0e-3f0a1c2b7d11", "occurred_at": "2026-11-30T10:02:00Z", "cursor": "p1042"})))]
pub struct ChangeEvent {
    /// The event's id: the same event read twice has the same id.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ChangeEventType,
    pub duf_number: String,
    /// The registration, for registration events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_id: Option<String>,
    pub occurred_at: String,
    /// Read on `after` this to continue after this event.
    pub cursor: String,
}

/// A page of the change feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FeedPage {
    /// In feed order; empty when nothing newer happened (within `wait`).
    pub events: Vec<ChangeEvent>,
    /// Pass as `after` for the next page: the last event's cursor, or the
    /// `after` given when there was none.
    pub next: String,
}

/// The kinds of credential a client authenticates with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// A client secret, sent with `client_secret_basic` or `client_secret_post`.
    Secret,
    /// A public key; the client signs a JWT assertion (`private_key_jwt`).
    PublicKey,
}

/// One of a client's credentials, without the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CredentialView {
    pub id: String,
    pub kind: CredentialKind,
    /// For a public key: its algorithm (`RS256`, `ES256` or `EdDSA`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

/// An API client as its organisation's administrator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ApiClientView {
    /// The client id (`client_id` in OAuth requests).
    pub id: String,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_at: Option<String>,
    /// When the client last got an access token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<String>,
    pub credentials: Vec<CredentialView>,
}

/// A credential to add to a client: a new secret (generated by the server
/// and shown once), or a public key as a JWK object or a PEM text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NewCredential {
    /// The server generates a secret and answers it once.
    Secret,
    /// The client's public key: a JWK (RSA of 2048 bits or more, EC P-256
    /// or Ed25519) or a PEM `PUBLIC KEY` block.
    PublicKey {
        #[cfg_attr(feature = "server", schema(value_type = Object))]
        key: serde_json::Value,
    },
}

/// `POST /api/v1/caseworker/api-clients`: register a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"name": "Saksbehandlingssystem", "scopes": ["people:read", "people:write", "codes:issue", "registrations:read"], "credential": {"kind": "public_key", "key": {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}})))]
pub struct NewApiClient {
    pub name: String,
    /// At least one.
    #[cfg_attr(feature = "server", schema(min_items = 1))]
    pub scopes: Vec<Scope>,
    pub credential: NewCredential,
}

/// A client with the secret it was just given (shown once), if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"client": {"id": "6f1c2a9e-8d3b-4e57-a1f0-2c9b7e4d5a33", "name": "Saksbehandlingssystem", "scopes": ["people:read"], "created_at": "2026-11-30T09:00:00Z", "credentials": [{"id": "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "kind": "secret", "created_at": "2026-11-30T09:00:00Z"}]}, "client_secret": "kls_3q2-7wEXAMPLEc2VjcmV0IG9ubHkgc2hvd24gb25jZQ"})))]
pub struct ApiClientCreated {
    pub client: ApiClientView,
    /// The new client secret; it is stored only as a hash and cannot be
    /// shown again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
}

/// A successful token response (RFC 6749 §5.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"access_token": "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJrYXJ0bGVnZy1hcGkifQ.c2lnbmF0dXJl", "token_type": "Bearer", "expires_in": 3600, "scope": "people:read registrations:read"})))]
pub struct TokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: u32,
    /// The scopes granted, space-separated.
    pub scope: String,
}

/// An error from the token endpoint (RFC 6749 §5.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"error": "invalid_client", "error_description": "Client authentication failed"})))]
pub struct OAuthError {
    /// `invalid_request`, `invalid_client`, `invalid_grant`,
    /// `unauthorized_client`, `unsupported_grant_type` or `invalid_scope`.
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

/// A person as systems read and write them, named by DUF-number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"duf_number": "202400000042", "first_name": "Amina", "last_name": "Tesfay", "date_of_birth": "1990-05-17", "gender": "female", "citizenships": ["ERI"], "registration_number": "123456", "created_at": "2026-11-30T09:15:00Z", "version": 2})))]
pub struct IntegrationPerson {
    pub duf_number: String,
    pub first_name: String,
    pub last_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    pub citizenships: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_id: Option<String>,
    pub created_at: String,
    /// Counts every change; the ETag is made from it.
    pub version: i64,
    /// The rest of the identity (UDI 2021-007).
    #[serde(flatten)]
    pub details: IdentityDetails,
    /// The active identity this one is linked to as a duplicate (§ 15.1):
    /// a duplicate can no longer be changed. Given where one person is
    /// answered (read, write, batch item), not on the pages of a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<LinkedPerson>,
    /// The duplicates linked to this (active) identity; as `duplicate_of`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<DuplicateInfo>,
    /// The aliases (§ 15.2) registered for the person; as `duplicate_of`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<AliasInfo>,
}

/// `PUT /api/v1/people/{duf_number}`: the person's identity, all of it (an
/// absent optional value clears it), under the same rules as a
/// caseworker's correction (`IdentityUpdate`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"first_name": "Amina", "last_name": "Tesfay", "date_of_birth": "1990-05-17", "gender": "female", "citizenships": ["ERI"], "registration_number": "123456"})))]
pub struct PersonPut {
    /// No titles; a single name goes in both.
    pub first_name: String,
    #[serde(default)]
    pub middle_name: Option<String>,
    pub last_name: String,
    /// A fully known date (`YYYY-MM-DD`) without reliability; the older
    /// form of `birth_date` (give one).
    #[serde(default)]
    pub date_of_birth: Option<String>,
    /// The date of birth as far as it is known, with its reliability.
    #[serde(default)]
    pub birth_date: Option<BirthDateInput>,
    /// City, village or region, or `unknown`.
    #[serde(default)]
    pub place_of_birth: Option<String>,
    /// ISO 3166 alpha-3 by today's name, `XUK` unknown.
    #[serde(default)]
    pub country_of_birth: Option<String>,
    #[serde(default)]
    pub gender: Option<Gender>,
    /// ISO 3166 alpha-3 codes, or `XUK` (unknown) / `XXX` (stateless).
    /// At least one (`XUK` when unknown).
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(min_items = 1))]
    pub citizenships: Vec<String>,
    /// One of `citizenships`; required when there are several.
    #[serde(default)]
    pub preferred_citizenship: Option<String>,
    #[serde(default)]
    pub marital_status: Option<MaritalStatus>,
    #[serde(default)]
    pub postal_address: Option<Address>,
    #[serde(default)]
    pub residence_address: Option<Address>,
    /// The source of each value given.
    #[serde(default)]
    pub sources: Option<IdentitySources>,
    /// 6 digits.
    #[serde(default)]
    pub registration_number: Option<String>,
    /// 11 digits with valid check digits.
    #[serde(default)]
    pub national_id: Option<String>,
    /// Why the identity changes, for the identity history (default: "Written
    /// by an API client").
    #[serde(default)]
    pub reason: Option<String>,
}

impl PersonPut {
    /// The same correction a caseworker would send.
    pub fn as_update(&self, default_reason: &str) -> IdentityUpdate {
        IdentityUpdate {
            first_name: self.first_name.clone(),
            middle_name: self.middle_name.clone(),
            last_name: self.last_name.clone(),
            date_of_birth: self.date_of_birth.clone(),
            birth_date: self.birth_date.clone(),
            place_of_birth: self.place_of_birth.clone(),
            country_of_birth: self.country_of_birth.clone(),
            gender: self.gender,
            citizenships: self.citizenships.clone(),
            preferred_citizenship: self.preferred_citizenship.clone(),
            marital_status: self.marital_status.clone(),
            postal_address: self.postal_address.clone(),
            residence_address: self.residence_address.clone(),
            sources: self.sources.clone(),
            registration_number: self.registration_number.clone(),
            national_id: self.national_id.clone(),
            reason: self
                .reason
                .clone()
                .unwrap_or_else(|| default_reason.to_owned()),
        }
    }
}

/// One item of a batch import: a DUF-number and the person's identity, as
/// `PUT /api/v1/people/{duf_number}` takes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"duf_number": "202400000042", "person": {"first_name": "Amina", "last_name": "Tesfay", "date_of_birth": "1990-05-17", "gender": "female", "citizenships": ["ERI"], "registration_number": "123456"}})))]
pub struct BatchPerson {
    /// 12 digits.
    pub duf_number: String,
    pub person: PersonPut,
}

/// `POST /api/v1/people/batch`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"people": [{"duf_number": "202400000042", "person": {"first_name": "Amina", "last_name": "Tesfay", "date_of_birth": "1990-05-17", "gender": "female", "citizenships": ["ERI"], "registration_number": "123456"}}, {"duf_number": "202400000043", "person": {"first_name": "Yonas", "last_name": "Haile", "citizenships": ["ERI"]}}]})))]
pub struct PeopleBatch {
    /// 1 to 1,000 people.
    pub people: Vec<BatchPerson>,
}

/// The answer for one item of a batch: its HTTP status as if it had been
/// sent alone, and the person or the problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct BatchItemResult {
    /// The item's DUF-number as sent.
    pub duf_number: String,
    /// 201 created, 200 updated, 409 or 422.
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<IntegrationPerson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<crate::problem::Problem>,
}

/// The answer to a batch: one result per item, in the order sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"results": [{"duf_number": "202400000042", "status": 201, "person": {"duf_number": "202400000042", "first_name": "Amina", "last_name": "Tesfay", "date_of_birth": "1990-05-17", "gender": "female", "citizenships": ["ERI"], "registration_number": "123456", "created_at": "2026-11-30T09:15:00Z", "version": 2}}, {"duf_number": "20240000004", "status": 422, "problem": {"type": "urn:kartlegg:problem:validation", "title": "The request has invalid values", "status": 422, "errors": [{"field": "people[1].duf_number", "code": "invalid_duf_number", "message": "A DUF-number has 12 digits"}]}}]})))]
pub struct BatchResult {
    pub results: Vec<BatchItemResult>,
}

/// A page of people with the cursor of the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"people": [{"duf_number": "202400000042", "first_name": "Amina", "last_name": "Tesfay", "date_of_birth": "1990-05-17", "gender": "female", "citizenships": ["ERI"], "registration_number": "123456", "created_at": "2026-11-30T09:15:00Z", "version": 2}], "next": "202400000042"})))]
pub struct IntegrationPeoplePage {
    pub people: Vec<IntegrationPerson>,
    /// Pass as `after` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// One answer of a completed registration, by its stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IntegrationAnswer {
    /// The question's id in the questionnaire.
    pub question: String,
    /// The answer as stored: a code (ISO 639-3, ISO 3166 alpha-3, ISCED
    /// 2011, ISCO-08, licence class, or an option of the question), a list
    /// of them, text, a number, a date or a yes/no.
    #[cfg_attr(
        feature = "server",
        schema(value_type = crate::questionnaire::AnswerValue)
    )]
    pub value: serde_json::Value,
    /// With `?labels=`: the label of each code in each language asked for,
    /// `{code: {language: label}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(value_type = Option<Object>))]
    pub labels: Option<serde_json::Value>,
    /// Who gave the answer: the applicant in their own session, or a
    /// counsellor registering together with them (with the interpreter,
    /// when one took part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<crate::together::AnswerProvenance>,
}

/// A completed registration as systems read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"id": "0b9d3f4e-6a51-4c2e-9f0e-3f0a1c2b7d11", "duf_number": "202400000042", "number": 1, "status": "completed", "questionnaire_version": 1, "language": "ti", "completed_at": "2026-11-30T10:02:00Z", "answers": [{"question": "mother_tongue", "value": "tir", "labels": {"tir": {"en": "Tigrinya", "nb": "tigrinja"}}}, {"question": "devices", "value": ["phone"], "labels": {"phone": {"en": "Smartphone", "nb": "Smarttelefon"}}}]})))]
pub struct IntegrationRegistration {
    pub id: String,
    pub duf_number: String,
    /// The person's first, second, … registration.
    pub number: i64,
    /// Always `completed`: drafts are not exposed.
    pub status: crate::api::RegistrationStatus,
    pub questionnaire_version: u32,
    /// The language the applicant answered in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub completed_at: String,
    pub answers: Vec<IntegrationAnswer>,
}

/// A person's completed registrations, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IntegrationRegistrations {
    pub registrations: Vec<IntegrationRegistration>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_names_round_trip_through_parse_and_serde() {
        for scope in Scope::ALL {
            assert_eq!(Scope::parse(scope.as_str()), Some(scope));
            let json = serde_json::to_string(&scope).unwrap();
            assert_eq!(json, format!("\"{}\"", scope.as_str()));
        }
    }

    #[test]
    fn a_scope_list_is_sorted_without_repeats_and_refused_with_an_unknown_name() {
        assert_eq!(
            Scope::parse_list("codes:issue people:read  codes:issue"),
            Some(vec![Scope::PeopleRead, Scope::CodesIssue])
        );
        assert_eq!(Scope::parse_list("people:read admin"), None);
        assert_eq!(Scope::parse_list(""), Some(vec![]));
    }
}

/// The longest webhook URL.
pub const WEBHOOK_URL_MAX_CHARS: usize = 2000;

/// Why a webhook endpoint no longer receives events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WebhookDisabledReason {
    /// The receiver answered 410 Gone.
    Gone,
    /// Every attempt failed for three days in a row.
    Failing,
    /// Its client was disabled.
    Removed,
}

impl WebhookDisabledReason {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Gone => "gone",
            Self::Failing => "failing",
            Self::Removed => "removed",
        }
    }

    /// The reason with this name.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Gone, Self::Failing, Self::Removed]
            .into_iter()
            .find(|r| r.as_str() == name)
    }
}

/// `POST /api/v1/webhooks`: register an endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"url": "https://saksbehandling.example.no/kartlegg/webhooks", "types": ["registration.completed"]})))]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
    /// An `https://` address that resolves to public addresses only
    /// (`http://` and private addresses only where the server's test
    /// setting allows them).
    #[cfg_attr(feature = "server", schema(max_length = 2000, pattern = "^https://"))]
    pub url: String,
    /// The event types to receive; at least one.
    #[cfg_attr(feature = "server", schema(min_items = 1))]
    pub types: Vec<ChangeEventType>,
}

/// A webhook endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct WebhookView {
    pub id: String,
    pub url: String,
    pub types: Vec<ChangeEventType>,
    pub created_at: String,
    /// Since when every attempt has failed (absent while the last
    /// succeeded). Three days of failing disable the endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failing_since: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<WebhookDisabledReason>,
}

/// A new endpoint with its signing secret, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "server", schema(example = json!({"webhook": {"id": "3c1f7a52-9b0e-4d6a-8f21-5e7d9c0b1a24", "url": "https://saksbehandling.example.no/kartlegg/webhooks", "types": ["registration.completed"], "created_at": "2026-11-30T09:00:00Z"}, "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})))]
pub struct WebhookCreated {
    pub webhook: WebhookView,
    /// The Standard Webhooks signing secret (`whsec_…`): verify each
    /// delivery's `webhook-signature` with it. It cannot be shown again.
    pub secret: String,
}

/// Where a delivery is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Waiting for its next attempt.
    Pending,
    /// The receiver answered 2xx.
    Delivered,
    /// Every attempt failed for three days.
    Failed,
    /// Not sent: the endpoint was disabled first.
    Cancelled,
}

impl DeliveryState {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Delivered => "delivered",
            Self::Failed => "failed",
            Self::Cancelled => "cancelled",
        }
    }

    /// The state with this name.
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Pending,
            Self::Delivered,
            Self::Failed,
            Self::Cancelled,
        ]
        .into_iter()
        .find(|state| state.as_str() == name)
    }
}

/// One attempt to deliver an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct WebhookAttemptView {
    pub number: i32,
    pub attempted_at: String,
    /// The receiver's HTTP status, when it answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    pub duration_ms: u32,
    /// What went wrong, when the receiver did not answer 2xx.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One event's delivery to an endpoint, with its attempts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct WebhookDeliveryView {
    /// The event's id: the `webhook-id` header of every attempt.
    pub event_id: String,
    #[serde(rename = "type")]
    pub kind: ChangeEventType,
    pub state: DeliveryState,
    /// When the next attempt is due (pending deliveries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<String>,
    pub created_at: String,
    /// Oldest first.
    pub attempts: Vec<WebhookAttemptView>,
}
