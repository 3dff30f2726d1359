//! Rows as both engines return them, and their conversion into domain types.
//! A stored value that no longer parses is reported as `Corrupt`, never
//! passed on.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use kartlegg_shared::api::{ConsentDecision, RegistrationStatus};
use kartlegg_shared::caseworker::{AuditAction, Gender, RegistrationState, Role};
use kartlegg_shared::domain::{Date, DufNumber, NationalId, RegistrationNumber};
use uuid::Uuid;

use super::{
    ApplicantSessionRead, ApplicantSessionRecord, AuditEventRecord, Caseworker,
    CaseworkerSessionRecord, Consent, LoginCodeRecord, NewAuditEvent, Organisation, Person,
    PersonListing, RemarkRecord, StoreError, StoredRegistration,
};

#[derive(sqlx::FromRow)]
pub(super) struct OrganisationRow {
    id: Uuid,
    number: String,
    name: String,
    kind: String,
    created_at: DateTime<Utc>,
}

impl TryFrom<OrganisationRow> for Organisation {
    type Error = StoreError;
    fn try_from(row: OrganisationRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            number: row.number,
            name: row.name,
            kind: row.kind.parse()?,
            created_at: row.created_at,
        })
    }
}

/// The columns of a person, in the order the row expects.
pub(super) const PERSON_COLUMNS: &str = "id, duf_number, organisation_id, first_name, last_name, \
     created_at, date_of_birth, gender, citizenships, registration_number, national_id";

#[derive(sqlx::FromRow)]
pub(super) struct PersonRow {
    id: Uuid,
    duf_number: String,
    organisation_id: Uuid,
    first_name: String,
    last_name: String,
    created_at: DateTime<Utc>,
    date_of_birth: Option<NaiveDate>,
    gender: Option<String>,
    citizenships: String,
    registration_number: Option<String>,
    national_id: Option<String>,
}

impl TryFrom<PersonRow> for Person {
    type Error = StoreError;
    fn try_from(row: PersonRow) -> Result<Self, Self::Error> {
        let corrupt = |what: &str| StoreError::Corrupt(what.into());
        Ok(Self {
            id: row.id,
            duf_number: DufNumber::parse(&row.duf_number).map_err(|_| corrupt("duf_number"))?,
            organisation_id: row.organisation_id,
            first_name: row.first_name,
            last_name: row.last_name,
            created_at: row.created_at,
            date_of_birth: row.date_of_birth.map(date_from_naive).transpose()?,
            gender: match row.gender.as_deref() {
                None => None,
                Some("male") => Some(Gender::Male),
                Some("female") => Some(Gender::Female),
                Some(_) => return Err(corrupt("gender")),
            },
            citizenships: serde_json::from_str(&row.citizenships)
                .map_err(|_| corrupt("citizenships"))?,
            registration_number: row
                .registration_number
                .map(|r| RegistrationNumber::parse(&r).map_err(|_| corrupt("registration_number")))
                .transpose()?,
            national_id: row
                .national_id
                .map(|n| NationalId::parse(&n).map_err(|_| corrupt("national_id")))
                .transpose()?,
        })
    }
}

/// A stored date as the shared date type.
pub(super) fn date_from_naive(date: NaiveDate) -> Result<Date, StoreError> {
    let (Ok(year), Ok(month), Ok(day)) = (
        u16::try_from(date.year()),
        u8::try_from(date.month()),
        u8::try_from(date.day()),
    ) else {
        return Err(StoreError::Corrupt("date".into()));
    };
    Date::new(year, month, day).map_err(|_| StoreError::Corrupt("date".into()))
}

/// A shared date as both engines store it.
pub(super) fn naive_from_date(date: Date) -> Result<NaiveDate, StoreError> {
    NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::from(date.month()),
        u32::from(date.day()),
    )
    .ok_or_else(|| StoreError::Corrupt("date".into()))
}

/// The columns of a login code, in the order the row expects.
pub(super) const LOGIN_CODE_COLUMNS: &str =
    "id, person_id, code_hash, created_at, expires_at, ended_at, wrong_tries";

#[derive(sqlx::FromRow)]
pub(super) struct LoginCodeRow {
    id: Uuid,
    person_id: Uuid,
    code_hash: Vec<u8>,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
    wrong_tries: i64,
}

impl TryFrom<LoginCodeRow> for LoginCodeRecord {
    type Error = StoreError;
    fn try_from(row: LoginCodeRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            person_id: row.person_id,
            code_hash: row.code_hash,
            created_at: row.created_at,
            expires_at: row.expires_at,
            ended_at: row.ended_at,
            wrong_tries: row.wrong_tries,
        })
    }
}

/// The columns of a session.
pub(super) const SESSION_COLUMNS: &str =
    "id, person_id, code_id, created_at, last_seen_at, expires_at, ended_at";

#[derive(sqlx::FromRow)]
pub(super) struct SessionRow {
    id: Uuid,
    person_id: Uuid,
    code_id: Uuid,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
}

/// A session read for a request, with its person's consent beside it.
#[derive(sqlx::FromRow)]
pub(super) struct SessionReadRow {
    #[sqlx(flatten)]
    session: SessionRow,
    consented: bool,
}

impl TryFrom<SessionReadRow> for ApplicantSessionRead {
    type Error = StoreError;
    fn try_from(row: SessionReadRow) -> Result<Self, Self::Error> {
        Ok(Self {
            session: row.session.try_into()?,
            consented: row.consented,
        })
    }
}

impl TryFrom<SessionRow> for ApplicantSessionRecord {
    type Error = StoreError;
    fn try_from(row: SessionRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            person_id: row.person_id,
            code_id: row.code_id,
            created_at: row.created_at,
            last_seen_at: row.last_seen_at,
            expires_at: row.expires_at,
            ended_at: row.ended_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct ConsentRow {
    person_id: Uuid,
    version: String,
    decision: String,
    decided_at: DateTime<Utc>,
}

impl TryFrom<ConsentRow> for Consent {
    type Error = StoreError;
    fn try_from(row: ConsentRow) -> Result<Self, Self::Error> {
        Ok(Self {
            person_id: row.person_id,
            version: row.version,
            decision: parse_decision(&row.decision)?,
            decided_at: row.decided_at,
        })
    }
}

/// The stored name of a consent decision.
pub(super) const fn decision_str(decision: ConsentDecision) -> &'static str {
    match decision {
        ConsentDecision::Accept => "accept",
        ConsentDecision::Decline => "decline",
    }
}

fn parse_decision(s: &str) -> Result<ConsentDecision, StoreError> {
    match s {
        "accept" => Ok(ConsentDecision::Accept),
        "decline" => Ok(ConsentDecision::Decline),
        other => Err(StoreError::Corrupt(format!("consent decision {other:?}"))),
    }
}

/// The stored name of a registration status.
pub(super) const fn status_str(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Draft => "draft",
        RegistrationStatus::Completed => "completed",
    }
}

/// A registration row; the answers and saved sections are JSON text (the
/// PostgreSQL queries cast their JSONB columns to text).
#[derive(sqlx::FromRow)]
pub(super) struct RegistrationRow {
    id: Uuid,
    person_id: Uuid,
    number: i64,
    status: String,
    questionnaire_version: i64,
    revision: i64,
    answers: String,
    saved_sections: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    completed_at: Option<DateTime<Utc>>,
    language: Option<String>,
    provenance: String,
}

impl TryFrom<RegistrationRow> for StoredRegistration {
    type Error = StoreError;
    fn try_from(row: RegistrationRow) -> Result<Self, Self::Error> {
        let status = match row.status.as_str() {
            "draft" => RegistrationStatus::Draft,
            "completed" => RegistrationStatus::Completed,
            other => {
                return Err(StoreError::Corrupt(format!(
                    "registration status {other:?}"
                )));
            }
        };
        Ok(Self {
            id: row.id,
            person_id: row.person_id,
            number: row.number,
            status,
            questionnaire_version: u32::try_from(row.questionnaire_version)
                .map_err(|_| StoreError::Corrupt("questionnaire_version".into()))?,
            revision: row.revision,
            answers: serde_json::from_str(&row.answers)
                .map_err(|e| StoreError::Corrupt(format!("answers: {e}")))?,
            saved_sections: serde_json::from_str(&row.saved_sections)
                .map_err(|e| StoreError::Corrupt(format!("saved_sections: {e}")))?,
            created_at: row.created_at,
            updated_at: row.updated_at,
            completed_at: row.completed_at,
            language: row.language,
            provenance: serde_json::from_str(&row.provenance)
                .map_err(|e| StoreError::Corrupt(format!("provenance: {e}")))?,
        })
    }
}

/// The columns of a together session.
pub(super) const TOGETHER_COLUMNS: &str = "id, person_id, caseworker_id, language, consent_given, \
     consented_at, interpreter_language, interpreter_name, interpreter_number, created_at, ended_at";

/// A together session row.
#[derive(sqlx::FromRow)]
pub(super) struct TogetherRow {
    id: Uuid,
    person_id: Uuid,
    caseworker_id: Uuid,
    language: String,
    consent_given: String,
    consented_at: Option<DateTime<Utc>>,
    interpreter_language: Option<String>,
    interpreter_name: Option<String>,
    interpreter_number: Option<String>,
    created_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
}

impl TryFrom<TogetherRow> for super::TogetherRecord {
    type Error = StoreError;
    fn try_from(row: TogetherRow) -> Result<Self, Self::Error> {
        let consent_given = kartlegg_shared::together::ConsentGiven::from_name(&row.consent_given)
            .ok_or_else(|| StoreError::Corrupt(format!("consent_given {:?}", row.consent_given)))?;
        Ok(Self {
            id: row.id,
            person_id: row.person_id,
            caseworker_id: row.caseworker_id,
            language: row.language,
            consent_given,
            consented_at: row.consented_at,
            interpreter: row.interpreter_language.map(|language| {
                kartlegg_shared::together::Interpreter {
                    language,
                    name: row.interpreter_name,
                    number: row.interpreter_number,
                }
            }),
            created_at: row.created_at,
            ended_at: row.ended_at,
        })
    }
}

/// The columns of a caseworker account (its roles are a table of their own).
pub(super) const CASEWORKER_COLUMNS: &str = "id, organisation_id, username, display_name, \
     password_hash, totp_secret, disabled_at, created_at";

#[derive(sqlx::FromRow)]
pub(super) struct CaseworkerRow {
    pub(super) id: Uuid,
    organisation_id: Uuid,
    username: String,
    display_name: String,
    password_hash: String,
    totp_secret: Option<Vec<u8>>,
    disabled_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

impl CaseworkerRow {
    /// The account, with its roles read separately.
    pub(super) fn with_roles(self, roles: Vec<Role>) -> Caseworker {
        Caseworker {
            id: self.id,
            organisation_id: self.organisation_id,
            username: self.username,
            display_name: self.display_name,
            password_hash: self.password_hash,
            totp_secret: self.totp_secret,
            roles,
            disabled_at: self.disabled_at,
            created_at: self.created_at,
        }
    }
}

/// The columns of a caseworker session.
pub(super) const CW_SESSION_COLUMNS: &str =
    "id, caseworker_id, created_at, last_seen_at, expires_at, ended_at";

#[derive(sqlx::FromRow)]
pub(super) struct CwSessionRow {
    id: Uuid,
    caseworker_id: Uuid,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
}

impl From<CwSessionRow> for CaseworkerSessionRecord {
    fn from(r: CwSessionRow) -> Self {
        Self {
            id: r.id,
            caseworker_id: r.caseworker_id,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            expires_at: r.expires_at,
            ended_at: r.ended_at,
        }
    }
}

/// A person in a list, with what the list shows of their registration.
#[derive(sqlx::FromRow)]
pub(super) struct ListingRow {
    #[sqlx(flatten)]
    person: PersonRow,
    state: String,
    completed_at: Option<DateTime<Utc>>,
    on_worklist: i64,
}

impl TryFrom<ListingRow> for PersonListing {
    type Error = StoreError;
    fn try_from(row: ListingRow) -> Result<Self, Self::Error> {
        Ok(Self {
            person: row.person.try_into()?,
            state: RegistrationState::from_name(&row.state)
                .ok_or_else(|| StoreError::Corrupt(format!("state {:?}", row.state)))?,
            completed_at: row.completed_at,
            on_worklist: row.on_worklist != 0,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct RemarkRow {
    id: Uuid,
    person_id: Uuid,
    text: String,
    author: String,
    created_at: DateTime<Utc>,
}

impl From<RemarkRow> for RemarkRecord {
    fn from(r: RemarkRow) -> Self {
        Self {
            id: r.id,
            person_id: r.person_id,
            text: r.text,
            author: r.author,
            created_at: r.created_at,
        }
    }
}

/// The columns of an audit event, in the order they are inserted.
pub(super) const AUDIT_COLUMNS: &str = "seq, at, actor_id, actor, organisation_id, action, \
     person_id, person_organisation_id, registration_id, fields, reason, client_address, \
     request_id, prev_hash, hash";

#[derive(sqlx::FromRow)]
pub(super) struct AuditRow {
    seq: i64,
    at: DateTime<Utc>,
    actor_id: Option<Uuid>,
    actor: String,
    organisation_id: Option<Uuid>,
    action: String,
    person_id: Option<Uuid>,
    person_organisation_id: Option<Uuid>,
    registration_id: Option<Uuid>,
    fields: String,
    reason: Option<String>,
    client_address: Option<String>,
    request_id: Option<String>,
    prev_hash: Vec<u8>,
    hash: Vec<u8>,
}

impl TryFrom<AuditRow> for AuditEventRecord {
    type Error = StoreError;
    fn try_from(r: AuditRow) -> Result<Self, StoreError> {
        Ok(Self {
            seq: r.seq,
            event: NewAuditEvent {
                at: r.at,
                actor_id: r.actor_id,
                actor: r.actor,
                organisation_id: r.organisation_id,
                action: AuditAction::from_name(&r.action)
                    .ok_or_else(|| StoreError::Corrupt(format!("audit action {:?}", r.action)))?,
                person_id: r.person_id,
                person_organisation_id: r.person_organisation_id,
                registration_id: r.registration_id,
                fields: serde_json::from_str(&r.fields)
                    .map_err(|_| StoreError::Corrupt("audit fields".into()))?,
                reason: r.reason,
                client_address: r.client_address,
                request_id: r.request_id,
            },
            prev_hash: r.prev_hash,
            hash: r.hash,
        })
    }
}

/// Answers or saved sections as the JSON text both engines store.
pub(super) fn to_json_text<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(format!("cannot encode: {e}")))
}

/// Converts a list of rows, failing on the first corrupt one.
pub(super) fn convert_all<R, T>(rows: Vec<R>) -> Result<Vec<T>, StoreError>
where
    T: TryFrom<R, Error = StoreError>,
{
    rows.into_iter().map(T::try_from).collect()
}

#[derive(sqlx::FromRow)]
pub(super) struct HistoryRow {
    changed_at: DateTime<Utc>,
    actor: String,
    reason: String,
    field: String,
    old_value: Option<String>,
    new_value: Option<String>,
    source: Option<String>,
    old_data: Option<String>,
    new_data: Option<String>,
}

impl TryFrom<HistoryRow> for super::IdentityHistoryRecord {
    type Error = StoreError;
    fn try_from(row: HistoryRow) -> Result<Self, Self::Error> {
        let source = row
            .source
            .map(|s| {
                kartlegg_shared::identity::ValueSource::ALL
                    .into_iter()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| StoreError::Corrupt(format!("value source {s:?}")))
            })
            .transpose()?;
        Ok(Self {
            changed_at: row.changed_at,
            actor: row.actor,
            reason: row.reason,
            field: row.field,
            old_value: row.old_value,
            new_value: row.new_value,
            source,
            old_data: super::history::parse_data(row.old_data.as_deref())?,
            new_data: super::history::parse_data(row.new_data.as_deref())?,
        })
    }
}

pub(super) const ALIAS_COLUMNS: &str = "id, person_id, first_name, middle_name, last_name, \
     date_of_birth, citizenship, created_at, created_by, reason";

#[derive(sqlx::FromRow)]
pub(super) struct AliasRow {
    id: Uuid,
    person_id: Uuid,
    first_name: String,
    middle_name: Option<String>,
    last_name: String,
    date_of_birth: Option<NaiveDate>,
    citizenship: Option<String>,
    created_at: DateTime<Utc>,
    created_by: String,
    reason: String,
}

impl TryFrom<AliasRow> for super::AliasRecord {
    type Error = StoreError;
    fn try_from(row: AliasRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            person_id: row.person_id,
            first_name: row.first_name,
            middle_name: row.middle_name,
            last_name: row.last_name,
            date_of_birth: row.date_of_birth.map(date_from_naive).transpose()?,
            citizenship: row.citizenship,
            created_at: row.created_at,
            created_by: row.created_by,
            reason: row.reason,
        })
    }
}

/// A duplicate link with both people's DUF-numbers.
pub(super) const DUPLICATE_COLUMNS: &str = "d.duplicate_id, dp.duf_number AS duplicate_duf, \
     d.active_id, ap.duf_number AS active_duf, d.linked_at, d.linked_by, d.reason";

/// The joins [`DUPLICATE_COLUMNS`] reads from.
pub(super) const DUPLICATE_FROM: &str = "person_duplicates d JOIN people dp ON dp.id = \
     d.duplicate_id JOIN people ap ON ap.id = d.active_id";

#[derive(sqlx::FromRow)]
pub(super) struct DuplicateRow {
    duplicate_id: Uuid,
    duplicate_duf: String,
    active_id: Uuid,
    active_duf: String,
    linked_at: DateTime<Utc>,
    linked_by: String,
    reason: String,
}

impl TryFrom<DuplicateRow> for super::DuplicateRecord {
    type Error = StoreError;
    fn try_from(row: DuplicateRow) -> Result<Self, Self::Error> {
        let duf =
            |d: &str| DufNumber::parse(d).map_err(|_| StoreError::Corrupt("duf_number".into()));
        Ok(Self {
            duplicate_id: row.duplicate_id,
            duplicate_duf: duf(&row.duplicate_duf)?,
            active_id: row.active_id,
            active_duf: duf(&row.active_duf)?,
            linked_at: row.linked_at,
            linked_by: row.linked_by,
            reason: row.reason,
        })
    }
}
