//! The caseworker API's data transfer objects (`/api/v1/caseworker/...`):
//! login, search, worklist, lists, the person page, codes, remarks,
//! identity corrections, the audit log and account administration. The
//! server writes them and the back-office UI reads them. Times are RFC 3339
//! strings in UTC and dates `YYYY-MM-DD`, so the browser needs no date
//! library. Ids are UUIDs as strings; no DUF-number or other personal value
//! ever goes in a path or query string (they go in bodies).

use serde::{Deserialize, Serialize};

use crate::api::{ConsentRecord, Registration, RegistrationStatus};
use crate::identity::{
    Address, BirthDateInput, HistoryValue, IdentityDetails, IdentityInput, IdentitySources,
    MaritalStatus, ValueSource,
};

/// What a caseworker account may do. Roles combine; every endpoint says
/// which it needs, and the server checks them and the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", remote = "Self")]
pub enum Role {
    /// Creates accounts of the own organisation, assigns roles, disables
    /// accounts. Sees no personal data.
    Administrator,
    /// Reads the people and registrations of the own organisation.
    Reader,
    /// A reader who also issues codes, writes remarks and corrects basic
    /// identity data.
    Counsellor,
    /// Anonymised aggregates only.
    Statistics,
    /// Reads the own organisation's audit log.
    Auditor,
}

crate::string_enum!(Role);

impl Role {
    /// Every role, in a stable order.
    pub const ALL: [Role; 5] = [
        Self::Administrator,
        Self::Reader,
        Self::Counsellor,
        Self::Statistics,
        Self::Auditor,
    ];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::Reader => "reader",
            Self::Counsellor => "counsellor",
            Self::Statistics => "statistics",
            Self::Auditor => "auditor",
        }
    }

    /// The role with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// Whether the role may read the people of its organisation.
    pub const fn reads_people(self) -> bool {
        matches!(self, Self::Reader | Self::Counsellor)
    }
}

/// `POST /api/v1/caseworker/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CaseworkerLoginRequest {
    /// The account's username (case does not matter).
    pub username: String,
    /// The password.
    pub password: String,
    /// The current six-digit code of the authenticator app, for accounts
    /// with a second factor. When it is needed and missing, the answer is
    /// 422 with the field error `totp_code`/`totp_required`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp_code: Option<String>,
}

/// A successful caseworker login. The browser also gets the HttpOnly
/// cookie `kartlegg_caseworker_session`; API clients send the token as
/// `Authorization: Bearer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CaseworkerLoginResponse {
    /// A JWT for API clients.
    pub token: String,
    /// When the session ends at the latest (absolute timeout).
    pub expires_at: String,
    /// Who is logged in.
    pub me: Me,
}

/// An organisation as the back office names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct OrganisationInfo {
    /// Opaque id.
    pub id: String,
    /// The organisation's own number.
    pub number: String,
    /// Its name.
    pub name: String,
}

/// `GET /api/v1/caseworker/me`: the logged-in caseworker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Me {
    /// The account's id.
    pub account_id: String,
    /// The login name.
    pub username: String,
    /// The name shown in the header and in access logs.
    pub display_name: String,
    /// The organisation the account belongs to.
    pub organisation: OrganisationInfo,
    /// The account's roles (the menu shows what they allow).
    pub roles: Vec<Role>,
    /// Whether the account logs in with a second factor.
    pub totp_enabled: bool,
}

/// `POST /api/v1/caseworker/search`: the search box's text. In the body,
/// never in a URL, because it is personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SearchRequest {
    /// What was typed: a DUF-number (12 digits), a registration number (6),
    /// a national identity number (11), a date of birth (dd.mm.yyyy) or a
    /// name ("surname, first name", either part, partial).
    pub query: String,
}

/// What the search understood the text to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    /// 12 digits.
    DufNumber,
    /// 6 digits.
    RegistrationNumber,
    /// 11 digits with valid check digits.
    NationalId,
    /// dd.mm.yyyy.
    DateOfBirth,
    /// Anything else.
    Name,
}

/// The answer to a search: the own organisation's people who match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SearchResponse {
    /// How the text was read.
    pub kind: SearchKind,
    /// Matches, by surname and first name; at most [`SEARCH_LIMIT`].
    pub results: Vec<PersonSummary>,
    /// True when there were more matches than shown: narrow the search.
    pub truncated: bool,
}

/// The most characters of a person's first or last name.
pub const NAME_MAX_CHARS: usize = 200;

/// How many characters a username has (of `a`–`z`, `0`–`9`, `.`, `-`, `_`).
pub const USERNAME_CHARS: std::ops::RangeInclusive<usize> = 3..=64;

/// The most characters of an account's display name.
pub const DISPLAY_NAME_MAX_CHARS: usize = 100;

/// The most characters of a remark.
pub const REMARK_MAX_CHARS: usize = 4000;

/// The fewest characters of the reason for a lookup outside the organisation.
pub const LOOKUP_REASON_MIN_CHARS: usize = 10;

/// The most people one search returns.
pub const SEARCH_LIMIT: usize = 50;

/// Where a person is in the registration, as lists and the worklist show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegistrationState {
    /// No login code has been issued yet.
    NoCode,
    /// A code was issued; the person has not started.
    CodeIssued,
    /// A registration is being filled in and none has been completed yet.
    InProgress,
    /// A registration is completed and no new one is being filled in.
    Completed,
    /// A registration is completed and the person has started a new one,
    /// not completed yet. The completed one is what counts until then.
    CompletedNewInProgress,
    /// The person declined consent (their newest answer).
    Declined,
}

impl RegistrationState {
    /// Every state, in the order of the journey.
    pub const ALL: [RegistrationState; 6] = [
        Self::NoCode,
        Self::CodeIssued,
        Self::InProgress,
        Self::Completed,
        Self::CompletedNewInProgress,
        Self::Declined,
    ];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NoCode => "no_code",
            Self::CodeIssued => "code_issued",
            Self::InProgress => "in_progress",
            Self::Completed => "completed",
            Self::CompletedNewInProgress => "completed_new_in_progress",
            Self::Declined => "declined",
        }
    }

    /// The state with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Whether the person has a completed registration (with or without a
    /// new one in progress): what the `completed` list filter matches.
    pub const fn has_completed(self) -> bool {
        matches!(self, Self::Completed | Self::CompletedNewInProgress)
    }
}

/// A person in a search result, list or worklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PersonSummary {
    /// The person's id: the key in every `/people/{id}` path.
    pub id: String,
    /// The 12-digit DUF-number.
    pub duf_number: String,
    /// First name(s).
    pub first_name: String,
    /// Surname.
    pub last_name: String,
    /// Date of birth (`YYYY-MM-DD`), when registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// Where the person is in the registration.
    pub state: RegistrationState,
    /// When the latest completed registration was completed, if there is
    /// one (also while a newer registration is in progress).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// Whether the person is on the caller's worklist.
    pub on_worklist: bool,
    /// Set in a search result found through an alias or a duplicate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_through: Option<FoundThrough>,
}

/// Sort keys of the people list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeopleSort {
    /// Surname, then first name.
    #[default]
    Name,
    DufNumber,
    DateOfBirth,
    State,
    /// When the person was added.
    CreatedAt,
    /// When the latest completed registration was completed.
    CompletedAt,
}

/// Ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Asc,
    Desc,
}

/// The filters, sorting and page of `GET /api/v1/caseworker/people` and
/// its CSV export, as query parameters. None of them is personal data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct PeopleQuery {
    /// Only people in this registration state; `completed` matches
    /// everyone with a completed registration, including those who have
    /// started a new one (`completed_new_in_progress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<RegistrationState>,
    /// Only people added on or after this date (`YYYY-MM-DD`, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_from: Option<String>,
    /// Only people added on or before this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_to: Option<String>,
    /// Only people whose latest completed registration was completed on or after this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_from: Option<String>,
    /// Only people whose latest completed registration was completed on or before this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_to: Option<String>,
    /// Only people on the caller's worklist.
    #[serde(default)]
    pub worklist_only: bool,
    /// Sort key; `name` when absent.
    #[serde(default)]
    pub sort: PeopleSort,
    /// Sort order; ascending when absent.
    #[serde(default)]
    pub order: SortOrder,
    /// Page number, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// People per page: 1 to 200, 50 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// Instead of `page`: an opaque cursor, the `next` of the page before,
    /// for the page after it. It reads on from where that page ended, as
    /// fast at the millionth person as at the first, where a page number
    /// passes over every person before. In every sort and order, with
    /// the same filters, sort and order as the page that gave it; not with
    /// `page`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

/// One page of the people list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PeoplePage {
    /// The people on this page.
    pub items: Vec<PersonSummary>,
    /// How many people match the filters in all, counted up to 10,000 past
    /// this page's first person (see `total_capped`).
    pub total: u64,
    /// True when the count stopped at its cap and more people match than
    /// `total` says: a list of a million is not counted on every page.
    #[serde(default)]
    pub total_capped: bool,
    /// This page's number, from 1 (1 for a page asked for with `after`).
    pub page: u32,
    /// The page size used.
    pub page_size: u32,
    /// The cursor of the next page, to pass as `after`: present when this
    /// page is full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Gender as UDI registers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", remote = "Self")]
pub enum Gender {
    Male,
    Female,
}

crate::string_enum!(Gender);

impl Gender {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Male => "male",
            Self::Female => "female",
        }
    }
}

/// A person's identity as UDI guideline 2021-007 registers it: the basic
/// values, and beside them (`IdentityDetails`) middle name, the date of
/// birth as registered with its reliability, place and country of birth,
/// the preferred citizenship, marital status, addresses and the source of
/// each value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PersonIdentity {
    /// The person's id.
    pub id: String,
    /// The 12-digit DUF-number (not correctable here: it is the key UDI gave).
    pub duf_number: String,
    /// First name(s).
    pub first_name: String,
    /// Surname.
    pub last_name: String,
    /// Date of birth (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Citizenships, ISO 3166 alpha-3 (`XUK` unknown, `XXX` stateless).
    pub citizenships: Vec<String>,
    /// The reception centre's 6-digit registration number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<String>,
    /// The 11-digit national identity number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_id: Option<String>,
    /// The rest of the identity.
    #[serde(flatten)]
    pub details: IdentityDetails,
}

/// `PUT /api/v1/caseworker/people/{id}/identity`: the corrected identity,
/// all of it (an absent optional value clears it). Each changed field goes
/// into the person's identity history with its old and new value, source,
/// who, when and the reason, and the change is audited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IdentityUpdate {
    /// First name(s); required (a single name goes in both). No titles.
    pub first_name: String,
    /// Middle name(s).
    #[serde(default)]
    pub middle_name: Option<String>,
    /// Surname; required (a single name goes in both). No titles.
    pub last_name: String,
    /// A fully known date of birth (`YYYY-MM-DD`) without its reliability;
    /// the older form of `birth_date`, which is preferred (give one).
    #[serde(default)]
    pub date_of_birth: Option<String>,
    /// The date of birth as far as it is known, with its reliability.
    #[serde(default)]
    pub birth_date: Option<BirthDateInput>,
    /// City, village or region of birth, or `unknown`.
    #[serde(default)]
    pub place_of_birth: Option<String>,
    /// Country of birth by today's name: ISO 3166 alpha-3, `XUK` unknown.
    #[serde(default)]
    pub country_of_birth: Option<String>,
    /// One of `citizenships`; required when there are several.
    #[serde(default)]
    pub preferred_citizenship: Option<String>,
    /// Marital status with its from-date.
    #[serde(default)]
    pub marital_status: Option<MaritalStatus>,
    /// Postal address in Norway.
    #[serde(default)]
    pub postal_address: Option<Address>,
    /// Residence address in Norway, when not the postal one.
    #[serde(default)]
    pub residence_address: Option<Address>,
    /// The source of each value given.
    #[serde(default)]
    pub sources: Option<IdentitySources>,
    /// Gender.
    #[serde(default)]
    pub gender: Option<Gender>,
    /// Citizenships, ISO 3166 alpha-3 codes from the country list, or
    /// `XUK` (unknown) / `XXX` (stateless).
    /// At least one (`XUK` when unknown).
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(min_items = 1))]
    pub citizenships: Vec<String>,
    /// 6-digit registration number.
    #[serde(default)]
    pub registration_number: Option<String>,
    /// 11-digit national identity number; its check digits are verified.
    #[serde(default)]
    pub national_id: Option<String>,
    /// Why the data is corrected (kept in the identity history and the
    /// audit log).
    pub reason: String,
}

impl IdentityUpdate {
    /// The identity it carries, for `identity::Identity::parse`.
    pub fn input(&self) -> IdentityInput<'_> {
        IdentityInput {
            first_name: &self.first_name,
            middle_name: self.middle_name.as_deref(),
            last_name: &self.last_name,
            date_of_birth: self.date_of_birth.as_deref(),
            birth_date: self.birth_date.as_ref(),
            place_of_birth: self.place_of_birth.as_deref(),
            country_of_birth: self.country_of_birth.as_deref(),
            citizenships: &self.citizenships,
            preferred_citizenship: self.preferred_citizenship.as_deref(),
            gender: self.gender,
            marital_status: self.marital_status.as_ref(),
            postal_address: self.postal_address.as_ref(),
            residence_address: self.residence_address.as_ref(),
            sources: self.sources.as_ref(),
        }
    }
}

/// One changed field in a person's identity history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IdentityHistoryEntry {
    /// When.
    pub changed_at: String,
    /// Who: a caseworker's name or `API client: NAME`.
    pub actor: String,
    /// Why.
    pub reason: String,
    /// The field (`first_name`, `birth_date`, `citizenships`, …).
    pub field: String,
    /// The value before, as text; absent when there was none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_value: Option<String>,
    /// The value after, as text; absent when it was cleared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_value: Option<String>,
    /// The new value's source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ValueSource>,
    /// The value before as data, to be shown in the reader's language;
    /// absent when there was none, and in rows written before migration
    /// 0018 (then `old_value` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<HistoryValue>,
    /// The value after as data; absent as `old` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<HistoryValue>,
}

/// A login code's state, shown without the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodeStatus {
    /// It can be used to log in.
    Active,
    /// Its time ran out.
    Expired,
    /// The applicant logged in and out with it (logging out ends a code).
    UsedUp,
    /// Replaced by a newer code, or locked after too many wrong tries.
    Ended,
}

/// Why a code ended before it expired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodeEndReason {
    /// A newer code was issued.
    Replaced,
    /// The applicant logged out or declined consent.
    LoggedOut,
    /// Too many wrong codes were tried.
    TooManyTries,
}

impl CodeEndReason {
    /// Every reason.
    pub const ALL: [CodeEndReason; 3] = [Self::Replaced, Self::LoggedOut, Self::TooManyTries];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Replaced => "replaced",
            Self::LoggedOut => "logged_out",
            Self::TooManyTries => "too_many_tries",
        }
    }

    /// The reason with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// The newest login code of a person, without the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CodeInfo {
    /// Its state now.
    pub status: CodeStatus,
    /// When it was issued.
    pub issued_at: String,
    /// When it expires (or expired).
    pub expires_at: String,
    /// When it ended early, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<String>,
    /// Why it ended early, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<CodeEndReason>,
    /// Wrong codes tried against it.
    pub wrong_tries: u32,
}

/// `POST /api/v1/caseworker/people/{id}/codes`: the new code, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IssuedCode {
    /// The code as staff read it out: `1234 5678`. It is not stored and
    /// cannot be shown again.
    pub code: String,
    /// When it expires.
    pub expires_at: String,
}

/// A registration in the person's history (without answers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RegistrationHistoryEntry {
    /// Opaque id.
    pub id: String,
    /// The person's first, second, … registration.
    pub number: i64,
    /// Draft or completed.
    pub status: RegistrationStatus,
    /// The questionnaire version it was answered against.
    pub questionnaire_version: u32,
    /// When it was started.
    pub created_at: String,
    /// When it last changed.
    pub updated_at: String,
    /// When it was completed, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
}

/// A caseworker's remark on a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Remark {
    /// Opaque id.
    pub id: String,
    /// The remark.
    pub text: String,
    /// Who wrote it (display name).
    pub author: String,
    /// When.
    pub created_at: String,
}

/// `POST /api/v1/caseworker/people/{id}/remarks`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NewRemark {
    /// 1 to 4000 characters: only what the follow-up needs, since a remark
    /// is personal data like the rest.
    pub text: String,
}

/// `GET /api/v1/caseworker/people/{id}`: everything the person page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PersonPage {
    /// Basic identity.
    pub identity: PersonIdentity,
    /// The organisation that follows the person up.
    pub organisation: OrganisationInfo,
    /// Where the person is in the registration.
    pub state: RegistrationState,
    /// Whether the person is on the caller's worklist.
    pub on_worklist: bool,
    /// Every registration, newest first. Each opens with
    /// `GET /api/v1/caseworker/people/{id}/registrations/{registration_id}`.
    pub registrations: Vec<RegistrationHistoryEntry>,
    /// The registration shown by default, with its answers: the latest
    /// completed one, or the draft while none is completed (render them
    /// with the questionnaire of its `questionnaire_version`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_registration: Option<Registration>,
    /// Consent answers, newest first.
    pub consents: Vec<ConsentRecord>,
    /// The newest login code's state (never the code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeInfo>,
    /// Remarks, newest first.
    pub remarks: Vec<Remark>,
    /// Every change of the identity, newest first.
    #[serde(default)]
    pub identity_history: Vec<IdentityHistoryEntry>,
    /// When this identity is a duplicate (§ 15.1): the active identity. A
    /// duplicate can no longer be changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<LinkedPerson>,
    /// The DUF-numbers linked to this identity as its duplicates.
    #[serde(default)]
    pub duplicates: Vec<DuplicateInfo>,
    /// Other identities this person uses or was registered with (§ 15.2).
    #[serde(default)]
    pub aliases: Vec<AliasInfo>,
}

/// Another person row, named by id and DUF-number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LinkedPerson {
    /// The person's id.
    pub id: String,
    /// The 12-digit DUF-number.
    pub duf_number: String,
}

/// `POST /api/v1/caseworker/people/{id}/duplicates`: the DUF-number that
/// was registered by mistake for the same person, to be linked to this
/// (the active) identity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DuplicateRequest {
    /// The duplicate's 12-digit DUF-number, of a person of the same
    /// organisation.
    pub duf_number: String,
    /// Why they are the same person (kept in both identity histories).
    pub reason: String,
}

/// A duplicate linked to the active identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DuplicateInfo {
    /// The duplicate's id and DUF-number.
    pub person: LinkedPerson,
    /// When it was linked.
    pub linked_at: String,
    /// Who linked it.
    pub linked_by: String,
    /// Why.
    pub reason: String,
}

/// `POST /api/v1/caseworker/people/{id}/aliases`: another identity the
/// person uses or was registered with, without a DUF-number of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AliasRequest {
    /// First name(s) used; no titles.
    pub first_name: String,
    /// Middle name(s) used.
    #[serde(default)]
    pub middle_name: Option<String>,
    /// Surname used; no titles.
    pub last_name: String,
    /// Date of birth used (`YYYY-MM-DD`).
    #[serde(default)]
    pub date_of_birth: Option<String>,
    /// Citizenship used: ISO 3166 alpha-3, `XUK` or `XXX`.
    #[serde(default)]
    pub citizenship: Option<String>,
    /// Why it is registered (kept in the identity history).
    pub reason: String,
}

/// `POST …/duplicates/{duplicate_id}/unlinking` and
/// `POST …/aliases/{alias_id}/removal`: undoing a duplicate link or
/// removing an alias registered in error, with the reason the identity
/// history keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LinkRemovalRequest {
    /// Why (kept in the identity history and the audit log); not blank.
    #[cfg_attr(feature = "server", schema(min_length = 1, pattern = r"\S"))]
    pub reason: String,
}

/// An alias of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AliasInfo {
    /// Opaque id.
    pub id: String,
    pub first_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    pub last_name: String,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// ISO 3166 alpha-3, `XUK` or `XXX`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizenship: Option<String>,
    /// When and by whom it was registered, and why.
    pub created_at: String,
    pub created_by: String,
    pub reason: String,
}

/// How a search found a person other than by their own values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FoundThroughKind {
    /// By an alias's name or date of birth.
    Alias,
    /// By a duplicate's DUF-number (or its other values): the active
    /// identity is shown instead.
    Duplicate,
}

/// What a search matched when it was not the person's own identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FoundThrough {
    pub kind: FoundThroughKind,
    /// The alias's name ("Surname, First") or the duplicate's DUF-number.
    pub text: String,
}

/// `GET /api/v1/caseworker/people/{id}/print`: what the printable profile
/// shows. Logged as a read for printing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PrintProfile {
    /// Basic identity.
    pub identity: PersonIdentity,
    /// The organisation that follows the person up.
    pub organisation: OrganisationInfo,
    /// Where the person is in the registration.
    pub state: RegistrationState,
    /// The latest completed registration with its answers; absent while
    /// none is completed (a draft is not printed: it may still change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<crate::api::Registration>,
    /// When the profile was read for printing (UTC), printed on it.
    pub printed_at: String,
    /// Who read it for printing (the account's display name).
    pub printed_by: String,
}

/// `POST /api/v1/caseworker/lookup`: find a person outside the own
/// organisation by exact DUF-number. Logged with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct OutsideLookupRequest {
    /// The exact 12-digit DUF-number.
    pub duf_number: String,
    /// Why the person is looked up (at least 10 characters; kept in the
    /// audit log, which the person's organisation can read).
    pub reason: String,
}

/// Erase a person on request (SPEC §8, the right to erasure).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ErasureRequest {
    /// Why the person is erased (at least 10 characters). Kept in the audit
    /// log, which outlives the person: name no one and give no personal
    /// data here.
    pub reason: String,
}

/// A person found outside the own organisation: who follows them up, and
/// the summary. Their person page stays closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct OutsideLookupResult {
    /// The person.
    pub person: PersonSummary,
    /// The organisation that follows them up.
    pub organisation: OrganisationInfo,
}

/// What an audit event records was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// A caseworker logged in.
    Login,
    /// A caseworker logged out.
    Logout,
    /// A person appeared in a search result.
    Search,
    /// A person appeared in a list or on the worklist.
    List,
    /// A person's page was read.
    ReadPerson,
    /// A person was exported to CSV.
    Export,
    /// A person outside the organisation was looked up by DUF-number.
    OutsideLookup,
    /// A login code was issued.
    IssueCode,
    /// A remark was added.
    AddRemark,
    /// Basic identity was corrected.
    CorrectIdentity,
    /// A person was added to a worklist.
    WorklistAdd,
    /// A person was taken off a worklist.
    WorklistRemove,
    /// An account was created.
    AccountCreated,
    /// An account's roles were changed.
    RolesChanged,
    /// An account was disabled.
    AccountDisabled,
    /// A counsellor ended an applicant's sessions.
    EndSessions,
    /// An administrator cleared an account's login delay.
    LoginDelayCleared,
    /// A person's access log ("who has read this person's data") was read.
    ReadAccessLog,
    /// An identity correction was refused because its national identity
    /// number belongs to another person (who may be in another
    /// organisation: the event names only the person being corrected).
    IdentityRefused,
    /// An API client was registered.
    ApiClientCreated,
    /// An API client's scopes or credentials were changed.
    ApiClientChanged,
    /// An API client was disabled.
    ApiClientDisabled,
    /// A person was created (by an API client's import).
    PersonCreated,
    /// A person's completed registrations were read (by an API client).
    ReadRegistrations,
    /// A person was erased, on request or when their retention period
    /// ended. The event names no person (see `services::erasure`).
    ErasePerson,
    /// A registration was erased when its retention period ended.
    EraseRegistration,
    /// The operator made the anonymised research extract.
    ResearchExtract,
    /// A person's profile (identity and latest completed registration) was
    /// read to be printed.
    PrintPerson,
    /// A counsellor registered together with the applicant: opened the
    /// form, recorded the consent, read or saved the registration,
    /// completed it or ended the session (which one is in `fields`).
    RegisterTogether,
}

impl AuditAction {
    /// Every action.
    pub const ALL: [AuditAction; 29] = [
        Self::Login,
        Self::Logout,
        Self::Search,
        Self::List,
        Self::ReadPerson,
        Self::Export,
        Self::OutsideLookup,
        Self::IssueCode,
        Self::AddRemark,
        Self::CorrectIdentity,
        Self::WorklistAdd,
        Self::WorklistRemove,
        Self::AccountCreated,
        Self::RolesChanged,
        Self::AccountDisabled,
        Self::EndSessions,
        Self::LoginDelayCleared,
        Self::ReadAccessLog,
        Self::IdentityRefused,
        Self::ApiClientCreated,
        Self::ApiClientChanged,
        Self::ApiClientDisabled,
        Self::PersonCreated,
        Self::ReadRegistrations,
        Self::ErasePerson,
        Self::EraseRegistration,
        Self::ResearchExtract,
        Self::PrintPerson,
        Self::RegisterTogether,
    ];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Login => "login",
            Self::Logout => "logout",
            Self::Search => "search",
            Self::List => "list",
            Self::ReadPerson => "read_person",
            Self::Export => "export",
            Self::OutsideLookup => "outside_lookup",
            Self::IssueCode => "issue_code",
            Self::AddRemark => "add_remark",
            Self::CorrectIdentity => "correct_identity",
            Self::WorklistAdd => "worklist_add",
            Self::WorklistRemove => "worklist_remove",
            Self::AccountCreated => "account_created",
            Self::RolesChanged => "roles_changed",
            Self::AccountDisabled => "account_disabled",
            Self::EndSessions => "end_sessions",
            Self::LoginDelayCleared => "login_delay_cleared",
            Self::ReadAccessLog => "read_access_log",
            Self::IdentityRefused => "identity_refused",
            Self::ApiClientCreated => "api_client_created",
            Self::ApiClientChanged => "api_client_changed",
            Self::ApiClientDisabled => "api_client_disabled",
            Self::PersonCreated => "person_created",
            Self::ReadRegistrations => "read_registrations",
            Self::ErasePerson => "erase_person",
            Self::EraseRegistration => "erase_registration",
            Self::ResearchExtract => "research_extract",
            Self::PrintPerson => "print_person",
            Self::RegisterTogether => "register_together",
        }
    }

    /// The action with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

/// One entry of a person's "who has read this person's data".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AccessLogEntry {
    /// When (UTC).
    pub at: String,
    /// Who (the account's display name, or the operator).
    pub actor: String,
    /// The actor's organisation, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// What was done.
    pub action: AuditAction,
    /// Which field sets were read or changed.
    pub fields: Vec<String>,
    /// Why, where a reason was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An audit event as the auditor sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AuditEventInfo {
    /// Position in the log, from 1.
    pub seq: i64,
    /// When (UTC).
    pub at: String,
    /// The acting account's id, if an account acted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_id: Option<String>,
    /// The actor's name at the time.
    pub actor: String,
    /// The actor's organisation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<String>,
    /// What was done.
    pub action: AuditAction,
    /// The person concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// The registration concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_id: Option<String>,
    /// The field sets read or changed.
    pub fields: Vec<String>,
    /// Why, where a reason was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The client's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_address: Option<String>,
    /// The request's `x-request-id`, to match server logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// Filters of `GET /api/v1/caseworker/audit` (query parameters: ids and
/// dates only, nothing personal).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct AuditQuery {
    /// Only this action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<AuditAction>,
    /// Only events by this account (id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_id: Option<String>,
    /// Only events about this person (id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// Only events on or after this date (`YYYY-MM-DD`, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Only events on or before this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Page number, from 1 (newest events first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Events per page: 1 to 200, 50 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
}

/// One page of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AuditPage {
    /// The events on this page.
    pub items: Vec<AuditEventInfo>,
    /// How many events match in all, counted up to 10,000 past this page's
    /// first event (see `total_capped`).
    pub total: u64,
    /// True when the count stopped at its cap and more events match than
    /// `total` says.
    #[serde(default)]
    pub total_capped: bool,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size used.
    pub page_size: u32,
}

/// `GET /api/v1/caseworker/audit/verify`: whether the keyed hash chain
/// holds and reaches the latest signed checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ChainVerification {
    /// True when every event's keyed hash and link to its predecessor are
    /// right, the sequence has no gap, and every checkpointed event is
    /// there with its checkpointed hash.
    pub intact: bool,
    /// How many events were checked.
    pub events_checked: u64,
    /// The first event at which the chain breaks, if it does; for a chain
    /// cut below a checkpoint, the first missing event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_broken_seq: Option<i64>,
    /// Why the chain does not hold, when it does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<ChainFailure>,
    /// The newest event checked (0 for none); always sent.
    pub head_seq: i64,
    /// The newest checkpoint the chain was compared against, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint_seq: Option<i64>,
}

/// Why an audit chain verification failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChainFailure {
    /// An event's hash, link or sequence number is wrong: an event was
    /// changed, removed, inserted or moved.
    BrokenLink,
    /// The chain ends below the latest checkpoint: its newest events were
    /// removed.
    Truncated,
    /// A checkpointed event has another hash than the checkpoint says.
    CheckpointMismatch,
    /// The checkpoint file holds a line this server did not sign, or
    /// cannot be read.
    CheckpointInvalid,
}

impl ChainFailure {
    /// The wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::BrokenLink => "broken_link",
            Self::Truncated => "truncated",
            Self::CheckpointMismatch => "checkpoint_mismatch",
            Self::CheckpointInvalid => "checkpoint_invalid",
        }
    }
}

/// A caseworker account as its administrator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Account {
    /// Opaque id.
    pub id: String,
    /// The login name.
    pub username: String,
    /// The name shown in the UI and access logs.
    pub display_name: String,
    /// Its roles.
    pub roles: Vec<Role>,
    /// Whether it has been disabled (it can no longer log in).
    pub disabled: bool,
    /// Whether it logs in with a second factor.
    pub totp_enabled: bool,
    /// When it was created.
    pub created_at: String,
}

/// `POST /api/v1/caseworker/accounts`: a new account in the
/// administrator's organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NewAccount {
    /// Login name: 3 to 64 of a–z, 0–9, `.`, `-`, `_` (stored lower case).
    pub username: String,
    /// The name shown in the UI and access logs.
    pub display_name: String,
    /// The initial password: at least 12 characters, not a common one.
    pub password: String,
    /// Its roles (at least one).
    pub roles: Vec<Role>,
    /// Set up a second factor now; the answer carries its secret once.
    #[serde(default)]
    pub totp: bool,
}

/// The created account, with the second factor's secret when one was set
/// up (shown once: enter it in an authenticator app).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreatedAccount {
    /// The account.
    pub account: Account,
    /// The TOTP secret in base32, if set up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp_secret: Option<String>,
    /// The same as an `otpauth://` URI for a QR code, if set up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp_uri: Option<String>,
}

/// `PUT /api/v1/caseworker/accounts/{id}/roles`: the account's new roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RolesUpdate {
    /// The complete set of roles (may be empty).
    pub roles: Vec<Role>,
}
