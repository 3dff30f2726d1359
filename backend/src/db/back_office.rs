//! Storage for the caseworker back office: accounts and roles, sessions,
//! worklists, people lists and search, remarks, identity corrections and
//! the hash-chained audit log.
//!
//! Both engines run the same SQL here, written once in `back_office_impl!`
//! (see the module documentation of `db` for why a macro).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kartlegg_shared::api::ConsentDecision;
use kartlegg_shared::caseworker::{
    AuditAction, CodeEndReason, Gender, PeopleSort, RegistrationState, Role, SortOrder,
};
use kartlegg_shared::domain::{Date, DufNumber, NationalId, RegistrationNumber};
use kartlegg_shared::identity::{HistoryValue, IdentityDetails, ValueSource};
use kartlegg_shared::together::{ConsentGiven, Interpreter};
use uuid::Uuid;

use super::{Person, StoreError};

/// A new session of registering together with an applicant.
#[derive(Debug, Clone)]
pub struct NewTogether {
    pub person_id: Uuid,
    pub caseworker_id: Uuid,
    /// The applicant's language (one of the 14 codes).
    pub language: String,
    /// `InPerson` or `OnScreen`.
    pub consent_given: ConsentGiven,
    /// With `InPerson`: the declaration's version the counsellor confirms
    /// the applicant accepted; the consent is recorded with the session.
    pub consent_version: Option<String>,
    pub interpreter: Option<Interpreter>,
    pub now: DateTime<Utc>,
}

/// A session of registering together with an applicant, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TogetherRecord {
    pub id: Uuid,
    pub person_id: Uuid,
    /// The counsellor whose session it is.
    pub caseworker_id: Uuid,
    pub language: String,
    pub consent_given: ConsentGiven,
    /// When the applicant's consent was recorded; the form opens after.
    pub consented_at: Option<DateTime<Utc>>,
    pub interpreter: Option<Interpreter>,
    pub created_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// A caseworker account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caseworker {
    pub id: Uuid,
    pub organisation_id: Uuid,
    /// Lower case.
    pub username: String,
    pub display_name: String,
    /// PHC string of the argon2id hash.
    pub password_hash: String,
    /// The TOTP shared secret, when a second factor is set up.
    pub totp_secret: Option<Vec<u8>>,
    /// Sorted, without repeats.
    pub roles: Vec<Role>,
    pub disabled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Caseworker {
    /// Whether the account has this role.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// A new caseworker account.
#[derive(Debug, Clone)]
pub struct NewCaseworker {
    pub organisation_id: Uuid,
    /// Lower case.
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub totp_secret: Option<Vec<u8>>,
    pub roles: Vec<Role>,
    pub now: DateTime<Utc>,
}

/// A caseworker's server-side session; the token only names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseworkerSessionRecord {
    pub id: Uuid,
    pub caseworker_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The absolute end, whatever the activity.
    pub expires_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl CaseworkerSessionRecord {
    /// Whether the session is live at `now` with this idle timeout.
    pub fn is_live(&self, now: DateTime<Utc>, idle: chrono::Duration) -> bool {
        self.ended_at.is_none() && now < self.expires_at && now < self.last_seen_at + idle
    }
}

/// What a people query matches, besides the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonMatch {
    /// Exactly this DUF-number.
    DufNumber(String),
    RegistrationNumber(RegistrationNumber),
    NationalId(NationalId),
    DateOfBirth(Date),
    /// Folded (see `fold_name`) substrings: the surname must contain
    /// `surname`, the first name `first_name`, and each word must be in one
    /// of them.
    Name {
        surname: Option<String>,
        first_name: Option<String>,
        words: Vec<String>,
    },
}

/// Filters, order and page of a people query. Always within one
/// organisation: there is no way to ask for more.
#[derive(Debug, Clone)]
pub struct PeopleFilter {
    pub organisation_id: Uuid,
    /// The caller, for `on_worklist` and `worklist_only`.
    pub caseworker_id: Uuid,
    pub person_id: Option<Uuid>,
    pub matching: Option<PersonMatch>,
    /// `Completed` matches `CompletedNewInProgress` too.
    pub state: Option<RegistrationState>,
    pub created_from: Option<DateTime<Utc>>,
    /// Exclusive.
    pub created_before: Option<DateTime<Utc>>,
    pub completed_from: Option<DateTime<Utc>>,
    /// Exclusive.
    pub completed_before: Option<DateTime<Utc>>,
    pub worklist_only: bool,
    pub sort: PeopleSort,
    pub order: SortOrder,
    pub limit: i64,
    pub offset: i64,
    /// Count the matches up to this many (the total is then at most this);
    /// `None` counts them all, `Some(0)` not at all. A count reads every
    /// match, so a list of a million counts up to a cap, and callers that
    /// do not show a total do not count.
    pub count_up_to: Option<i64>,
    /// Keyset paging: the page after this person (in this organisation),
    /// instead of `offset`, in any sort (see [`people_arms`]).
    pub after: Option<Uuid>,
}

impl PeopleFilter {
    /// Everyone of an organisation, by name, first page of `limit`.
    pub fn new(organisation_id: Uuid, caseworker_id: Uuid, limit: i64) -> Self {
        Self {
            organisation_id,
            caseworker_id,
            person_id: None,
            matching: None,
            state: None,
            created_from: None,
            created_before: None,
            completed_from: None,
            completed_before: None,
            worklist_only: false,
            sort: PeopleSort::Name,
            order: SortOrder::Asc,
            limit,
            offset: 0,
            count_up_to: None,
            after: None,
        }
    }
}

/// A person with what lists show about their registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonListing {
    pub person: Person,
    pub state: RegistrationState,
    /// When the latest completed registration was completed, also while a
    /// newer one is in progress.
    pub completed_at: Option<DateTime<Utc>>,
    pub on_worklist: bool,
}

/// A person's whole identity as a change writes it: the basic columns,
/// the details beside them, and who changes it, when and why (each changed
/// field goes into the identity history with these).
#[derive(Debug, Clone)]
pub struct IdentityChange {
    pub first_name: String,
    pub last_name: String,
    /// The calendar date of birth (none when a travel document shows 00).
    pub date_of_birth: Option<Date>,
    pub gender: Option<Gender>,
    /// Preferred first.
    pub citizenships: Vec<String>,
    pub registration_number: Option<RegistrationNumber>,
    pub national_id: Option<NationalId>,
    pub details: IdentityDetails,
    pub log: ChangeLog,
}

/// Who makes a change, when and why.
#[derive(Debug, Clone)]
pub struct ChangeLog {
    /// The caseworker's display name or `API client: NAME`.
    pub actor: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// One changed field in a person's identity history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityHistoryRecord {
    pub changed_at: DateTime<Utc>,
    pub actor: String,
    pub reason: String,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub source: Option<ValueSource>,
    /// The values as data; none in rows written before migration 0018.
    pub old_data: Option<HistoryValue>,
    pub new_data: Option<HistoryValue>,
}

/// A duplicate linked to an active identity (§ 15.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateRecord {
    pub duplicate_id: Uuid,
    pub duplicate_duf: DufNumber,
    pub active_id: Uuid,
    pub active_duf: DufNumber,
    pub linked_at: DateTime<Utc>,
    pub linked_by: String,
    pub reason: String,
}

/// A new alias of a person (§ 15.2).
#[derive(Debug, Clone)]
pub struct NewAlias {
    pub person_id: Uuid,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub last_name: String,
    pub date_of_birth: Option<Date>,
    pub citizenship: Option<String>,
    pub log: ChangeLog,
}

/// An alias as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasRecord {
    pub id: Uuid,
    pub person_id: Uuid,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub last_name: String,
    pub date_of_birth: Option<Date>,
    pub citizenship: Option<String>,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub reason: String,
}

impl AliasRecord {
    /// The alias as its identity history row shows it, when registered and
    /// when removed: "Surname, First Middle, date of birth, citizenship".
    pub fn history_text(&self) -> String {
        let mut text = format!("{}, {}", self.last_name, self.first_name);
        if let Some(m) = &self.middle_name {
            text.push_str(&format!(" {m}"));
        }
        if let Some(d) = self.date_of_birth {
            text.push_str(&format!(", {d}"));
        }
        if let Some(c) = &self.citizenship {
            text.push_str(&format!(", {c}"));
        }
        text
    }

    /// The alias as a history value: its text and the same as data.
    pub fn history_value(&self) -> (String, HistoryValue) {
        (
            self.history_text(),
            HistoryValue::Alias {
                first_name: self.first_name.clone(),
                middle_name: self.middle_name.clone(),
                last_name: self.last_name.clone(),
                date_of_birth: self.date_of_birth.map(|d| d.to_string()),
                citizenship: self.citizenship.clone(),
            },
        )
    }
}

/// A person of the organisation found through a link rather than their
/// own values: an alias that matched, or a duplicate that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkHit {
    Alias {
        person_id: Uuid,
        first_name: String,
        last_name: String,
    },
    Duplicate {
        duplicate_id: Uuid,
        duplicate_duf: DufNumber,
        active_id: Uuid,
    },
}

/// A remark with its author's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemarkRecord {
    pub id: Uuid,
    pub person_id: Uuid,
    pub text: String,
    pub author: String,
    pub created_at: DateTime<Utc>,
}

/// The newest login code of a person, without its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeSummary {
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    /// Why it ended before it expired, when it did.
    pub end_reason: Option<CodeEndReason>,
    pub wrong_tries: i64,
}

/// An event to append to the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditEvent {
    /// Stored (and hashed) to the microsecond.
    pub at: DateTime<Utc>,
    /// The acting account; `None` for the operator's command line.
    pub actor_id: Option<Uuid>,
    /// The actor's name at the time.
    pub actor: String,
    /// The actor's organisation.
    pub organisation_id: Option<Uuid>,
    pub action: AuditAction,
    pub person_id: Option<Uuid>,
    /// The organisation of the person concerned, so that its auditors see
    /// reads from outside too.
    pub person_organisation_id: Option<Uuid>,
    pub registration_id: Option<Uuid>,
    /// The field sets read or changed.
    pub fields: Vec<String>,
    pub reason: Option<String>,
    pub client_address: Option<String>,
    pub request_id: Option<String>,
}

/// An event as stored, with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEventRecord {
    pub seq: i64,
    pub event: NewAuditEvent,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

/// A person with their registrations, as given (ids and times included),
/// for the bulk path: seeding a data set to measure with, or an import.
#[derive(Debug, Clone)]
pub struct BulkPerson {
    pub person: Person,
    /// Numbered from 1 in this order; `person_id` must be the person's.
    pub registrations: Vec<super::StoredRegistration>,
    /// The statistics facts of completed registrations, by registration id
    /// (what a completion writes; see `db/facts.rs`).
    pub facts: Vec<(Uuid, super::CompletionFacts)>,
}

/// Which audit events to read, newest first.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Events by this organisation's accounts or about its people.
    pub organisation_id: Option<Uuid>,
    pub action: Option<AuditAction>,
    pub actor_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    /// Exclusive.
    pub before: Option<DateTime<Utc>>,
    pub limit: i64,
    pub offset: i64,
    /// Count the matches up to this many; `None` counts them all.
    pub count_up_to: Option<i64>,
}

/// The back office's storage operations (a part of [`super::Store`]).
#[async_trait]
pub trait BackOfficeStore {
    /// Opens a session of registering together with an applicant; with a
    /// `consent_version`, records the applicant's consent (given in person,
    /// recorded by the counsellor) in the same transaction.
    async fn start_together(&self, new: &NewTogether) -> Result<TogetherRecord, StoreError>;

    /// The together session with this id, ended or not.
    async fn together_session(&self, id: Uuid) -> Result<Option<TogetherRecord>, StoreError>;

    /// Records the applicant's answer to the consent declaration given on
    /// the counsellor's screen (recorded by the session's counsellor): an
    /// acceptance opens the form, a decline ends the session. `None` when
    /// the session has ended or its consent is recorded already.
    async fn record_together_consent(
        &self,
        id: Uuid,
        version: &str,
        decision: ConsentDecision,
        now: DateTime<Utc>,
    ) -> Result<Option<TogetherRecord>, StoreError>;

    /// Ends a together session; whether it was still open.
    async fn end_together(&self, id: Uuid, now: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Creates an account with its roles; `Conflict` when the username is taken.
    async fn create_caseworker(&self, new: &NewCaseworker) -> Result<Caseworker, StoreError>;

    /// The account with this (lower-case) username.
    async fn caseworker_by_username(
        &self,
        username: &str,
    ) -> Result<Option<Caseworker>, StoreError>;

    /// The account with this id.
    async fn caseworker_by_id(&self, id: Uuid) -> Result<Option<Caseworker>, StoreError>;

    /// The organisation's accounts, by username.
    async fn caseworkers_of(&self, organisation_id: Uuid) -> Result<Vec<Caseworker>, StoreError>;

    /// Replaces an account's roles.
    async fn set_caseworker_roles(&self, id: Uuid, roles: &[Role]) -> Result<(), StoreError>;

    /// Disables an account and ends its sessions, in one transaction.
    async fn disable_caseworker(&self, id: Uuid, now: DateTime<Utc>) -> Result<(), StoreError>;

    /// Opens a session.
    async fn create_caseworker_session(
        &self,
        caseworker_id: Uuid,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<CaseworkerSessionRecord, StoreError>;

    /// The session with this id, live or not.
    async fn caseworker_session(
        &self,
        id: Uuid,
    ) -> Result<Option<CaseworkerSessionRecord>, StoreError>;

    /// Notes activity (for the idle timeout).
    async fn touch_caseworker_session(
        &self,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Ends a session (logout).
    async fn end_caseworker_session(&self, id: Uuid, now: DateTime<Utc>) -> Result<(), StoreError>;

    /// Puts a person on a caseworker's worklist (again is no change).
    async fn add_to_worklist(
        &self,
        caseworker_id: Uuid,
        person_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Takes a person off a caseworker's worklist (absent is no change).
    async fn remove_from_worklist(
        &self,
        caseworker_id: Uuid,
        person_id: Uuid,
    ) -> Result<(), StoreError>;

    /// The people that match, with their registration state, and how many
    /// match in all (ignoring limit and offset), up to `count_up_to`.
    async fn people(&self, filter: &PeopleFilter) -> Result<(Vec<PersonListing>, u64), StoreError>;

    /// Every person `filter` matches, in its order (its limit and offset
    /// are ignored), sent to `out` in chunks of `chunk`: for the sorts that
    /// page by cursor, each chunk is a keyset page after the last; for the
    /// others, one query streams. No page is counted, skipped or sorted
    /// again, and at most the channel's few chunks are held in memory. Stops
    /// when `out` is closed; an error is sent as the last item.
    async fn people_chunks(
        &self,
        filter: &PeopleFilter,
        chunk: usize,
        out: tokio::sync::mpsc::Sender<Result<Vec<PersonListing>, StoreError>>,
    );

    /// Replaces a person's identity and, in the same transaction, writes a
    /// history row for each field whose value or source changed;
    /// `Conflict` when the national identity number belongs to someone
    /// else.
    async fn update_identity(
        &self,
        person_id: Uuid,
        change: &IdentityChange,
    ) -> Result<Person, StoreError>;

    /// The identity details of each of these people that has any (the
    /// others have none beyond the basic columns).
    async fn identity_details(
        &self,
        person_ids: &[Uuid],
    ) -> Result<Vec<(Uuid, IdentityDetails)>, StoreError>;

    /// A person's identity history, newest first.
    async fn identity_history(
        &self,
        person_id: Uuid,
    ) -> Result<Vec<IdentityHistoryRecord>, StoreError>;

    /// Links `duplicate_id` as a duplicate of `active_id` and writes a
    /// history row on both, in one transaction. `Conflict` with
    /// `already_duplicate` when it is linked already, `active_is_duplicate`
    /// when the active one is itself a duplicate, `has_duplicates` when the
    /// would-be duplicate has duplicates of its own.
    async fn link_duplicate(
        &self,
        active_id: Uuid,
        duplicate_id: Uuid,
        log: &ChangeLog,
    ) -> Result<DuplicateRecord, StoreError>;

    /// The link that makes this person a duplicate (if any), and the
    /// duplicates linked to them, oldest first.
    async fn duplicate_links(
        &self,
        person_id: Uuid,
    ) -> Result<(Option<DuplicateRecord>, Vec<DuplicateRecord>), StoreError>;

    /// Registers an alias and its history row; `Conflict`
    /// (`duplicate`) when the person is a duplicate.
    async fn add_alias(&self, new: &NewAlias) -> Result<AliasRecord, StoreError>;

    /// A person's aliases, oldest first.
    async fn aliases(&self, person_id: Uuid) -> Result<Vec<AliasRecord>, StoreError>;

    /// Undoes the link that makes `duplicate_id` a duplicate of
    /// `active_id` (a link made in error), with a history row on both, in
    /// one transaction. `None` when there is no such link.
    async fn unlink_duplicate(
        &self,
        active_id: Uuid,
        duplicate_id: Uuid,
        log: &ChangeLog,
    ) -> Result<Option<DuplicateRecord>, StoreError>;

    /// Removes an alias of `person_id` with its history row; `None` when
    /// the person has no such alias, `Conflict` (`duplicate`) when the
    /// person is a duplicate, which can no longer be changed.
    async fn remove_alias(
        &self,
        person_id: Uuid,
        alias_id: Uuid,
        log: &ChangeLog,
    ) -> Result<Option<AliasRecord>, StoreError>;

    /// The organisation's people a search finds through an alias (names,
    /// date of birth) or a duplicate (any match on the duplicate's own
    /// values), at most `limit`.
    async fn link_hits(
        &self,
        organisation_id: Uuid,
        matching: &PersonMatch,
        limit: i64,
    ) -> Result<Vec<LinkHit>, StoreError>;

    /// Adds a remark.
    async fn add_remark(
        &self,
        person_id: Uuid,
        author_id: Uuid,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<RemarkRecord, StoreError>;

    /// A person's remarks, newest first.
    async fn remarks(&self, person_id: Uuid) -> Result<Vec<RemarkRecord>, StoreError>;

    /// The person's newest login code, ended or not.
    async fn latest_code(&self, person_id: Uuid) -> Result<Option<CodeSummary>, StoreError>;

    /// Appends events to the audit log in one transaction, each linked to
    /// the one before by its hash keyed with `key`; the new head, `None`
    /// when there was nothing to append. Handlers call
    /// [`crate::audit::AuditLog::append`], which also checkpoints.
    async fn append_audit(
        &self,
        key: &crate::audit::ChainKey,
        events: &[NewAuditEvent],
    ) -> Result<Option<crate::audit::ChainHead>, StoreError>;

    /// Inserts people and their registrations as given, in one
    /// transaction of multi-row statements: all or none. `Conflict` when a
    /// DUF-number (or national identity number) is taken.
    async fn insert_people_bulk(&self, people: &[BulkPerson]) -> Result<u64, StoreError>;

    /// Audit events, newest first, and how many match in all, up to
    /// `count_up_to`.
    async fn audit_events(
        &self,
        filter: &AuditFilter,
    ) -> Result<(Vec<AuditEventRecord>, u64), StoreError>;

    /// Up to `limit` events after `seq`, oldest first, for verification.
    async fn audit_chain_after(
        &self,
        seq: i64,
        limit: i64,
    ) -> Result<Vec<AuditEventRecord>, StoreError>;
}

/// `%` and `_` are wildcards in LIKE; a name with them means them literally.
pub(super) fn like_contains(folded: &str) -> String {
    let escaped = folded
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The `ORDER BY` of a people query, over the subquery `x`. Empty values
/// sort last in both engines and directions; ties go by name and id so
/// that pages do not overlap. The name, DUF-number and creation sorts are
/// written to match an index of migration 0008 column for column, in one
/// direction throughout (a DUF-number is unique, so needs no tie-break;
/// people added in the same instant go by id), so that a page is read from
/// the index in order instead of sorting the whole organisation.
pub(super) fn people_order(sort: PeopleSort, order: SortOrder) -> String {
    let dir = match order {
        SortOrder::Asc => "ASC",
        SortOrder::Desc => "DESC",
    };
    match sort {
        PeopleSort::Name => {
            format!(" ORDER BY x.last_name_key {dir}, x.first_name_key {dir}, x.id {dir}")
        }
        PeopleSort::DufNumber => format!(" ORDER BY x.duf_number {dir}"),
        PeopleSort::CreatedAt => format!(" ORDER BY x.created_at {dir}, x.id {dir}"),
        PeopleSort::DateOfBirth => format!(
            " ORDER BY (x.date_of_birth IS NULL), x.date_of_birth {dir}, x.last_name_key, \
             x.first_name_key, x.id"
        ),
        // Served by `people_org_state` or, descending, by
        // `people_org_state_desc` (migration 0009): ties by name ascending
        // either way.
        PeopleSort::State => {
            format!(" ORDER BY x.state {dir}, x.last_name_key, x.first_name_key, x.id")
        }
        PeopleSort::CompletedAt => format!(
            " ORDER BY (x.completed_at IS NULL), x.completed_at {dir}, x.last_name_key, \
             x.first_name_key, x.id"
        ),
    }
}

/// A cursor's place in every sort: the sort keys of the person a page
/// ends with, read before the next page's query so that its conditions
/// compare with plain values an index range can start from.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct CursorKey {
    pub last_name_key: String,
    pub first_name_key: String,
    pub duf_number: String,
    pub created_at: DateTime<Utc>,
    pub date_of_birth: Option<chrono::NaiveDate>,
    pub registration_state: String,
    pub completed_at: Option<DateTime<Utc>>,
    pub id: Uuid,
}

/// What the cursor query reads into a [`CursorKey`].
pub(super) const CURSOR_COLUMNS: &str = "last_name_key, first_name_key, duf_number, created_at, \
     date_of_birth, registration_state, completed_at, id";

/// A value a keyset condition compares with.
#[derive(Debug, Clone)]
pub(super) enum KeyValue {
    Text(String),
    Date(chrono::NaiveDate),
    Time(DateTime<Utc>),
    Id(Uuid),
}

/// One index range of a page: a condition on the listing `x` (each `?`
/// one of `binds`, in order) and the order within it, which is the
/// range's index order.
#[derive(Debug, Clone)]
pub(super) struct Arm {
    pub condition: String,
    pub binds: Vec<KeyValue>,
    pub order: String,
}

/// A page's ranges, read in turn, for the sorts whose order no single
/// index range gives: by state, date of birth or completion, ties by name
/// ascending in either direction, and no date after every date. Starting
/// after a person, the page is first the rest of that person's tie (same
/// key, later name), then the keys beyond it, then the people without a
/// key; from the start, the people with a key and then those without.
/// Each is one range of an index of migration 0009 or 0020, so a page
/// reads about a page of rows at any depth. `None`: one range gives the
/// whole order (the other sorts, and the state from the start).
pub(super) fn people_arms(
    sort: PeopleSort,
    order: SortOrder,
    cursor: Option<&CursorKey>,
) -> Option<Vec<Arm>> {
    let (column, key, nullable) = match sort {
        PeopleSort::State => (
            "x.state",
            cursor.map(|c| Some(KeyValue::Text(c.registration_state.clone()))),
            false,
        ),
        PeopleSort::DateOfBirth => (
            "x.date_of_birth",
            cursor.map(|c| c.date_of_birth.map(KeyValue::Date)),
            true,
        ),
        PeopleSort::CompletedAt => (
            "x.completed_at",
            cursor.map(|c| c.completed_at.map(KeyValue::Time)),
            true,
        ),
        PeopleSort::Name | PeopleSort::DufNumber | PeopleSort::CreatedAt => return None,
    };
    let (dir, beyond) = match order {
        SortOrder::Asc => ("ASC", ">"),
        SortOrder::Desc => ("DESC", "<"),
    };
    let by_name = " ORDER BY x.last_name_key, x.first_name_key, x.id".to_owned();
    let by_key = format!(" ORDER BY {column} {dir}, x.last_name_key, x.first_name_key, x.id");
    let arm = |condition: String, binds: Vec<KeyValue>, order: &String| Arm {
        condition,
        binds,
        order: order.clone(),
    };
    let without_key = arm(format!("{column} IS NULL"), Vec::new(), &by_name);
    let Some(cursor) = cursor else {
        if !nullable {
            return None;
        }
        return Some(vec![
            arm(format!("{column} IS NOT NULL"), Vec::new(), &by_key),
            without_key,
        ]);
    };
    let later_name = "(x.last_name_key, x.first_name_key, x.id) > (?, ?, ?)";
    let name_binds = || {
        vec![
            KeyValue::Text(cursor.last_name_key.clone()),
            KeyValue::Text(cursor.first_name_key.clone()),
            KeyValue::Id(cursor.id),
        ]
    };
    Some(match key.flatten() {
        Some(value) => {
            let mut tie = vec![value.clone()];
            tie.extend(name_binds());
            let mut arms = vec![
                arm(format!("{column} = ? AND {later_name}"), tie, &by_name),
                arm(format!("{column} {beyond} ?"), vec![value], &by_key),
            ];
            if nullable {
                arms.push(without_key);
            }
            arms
        }
        None => vec![arm(
            format!("{column} IS NULL AND {later_name}"),
            name_binds(),
            &by_name,
        )],
    })
}

/// The parts of a name search when that is all a people query asks: the
/// search box's (its first page, in name order, uncounted). The name index
/// answers it alone (`name_search_ids`); any other filter, order or page
/// goes by the `LIKE` predicate instead, correct but without an index.
pub(super) fn plain_name_search(
    f: &PeopleFilter,
) -> Option<(Option<&str>, Option<&str>, &[String])> {
    let PersonMatch::Name {
        surname,
        first_name,
        words,
    } = f.matching.as_ref()?
    else {
        return None;
    };
    let plain = f.person_id.is_none()
        && f.state.is_none()
        && f.created_from.is_none()
        && f.created_before.is_none()
        && f.completed_from.is_none()
        && f.completed_before.is_none()
        && !f.worklist_only
        && f.sort == PeopleSort::Name
        && f.order == SortOrder::Asc
        && f.offset == 0
        && f.after.is_none()
        && f.count_up_to == Some(0);
    plain.then_some((surname.as_deref(), first_name.as_deref(), words.as_slice()))
}

/// The roles as stored, grouped per account.
pub(super) fn parse_role(name: &str) -> Result<Role, StoreError> {
    Role::from_name(name).ok_or_else(|| StoreError::Corrupt(format!("role {name:?}")))
}

/// Expands to `impl BackOfficeStore for $store` in a module of its own.
/// `$db` is the sqlx database (for the query builders); `$read` and
/// `$write` name the pools for reads and writes (the same pool on
/// PostgreSQL); `$d` is the engine's [`super::dialect::Dialect`].
macro_rules! back_office_impl {
    ($store:ident, $db:ty, $read:ident, $write:ident, $d:path) => {
        mod back_office_store {
            use chrono::{DateTime, Utc};
            use kartlegg_shared::caseworker::{
                CodeEndReason, PeopleSort, RegistrationState, Role, SortOrder,
            };
            use sqlx::QueryBuilder;
            use uuid::Uuid;

            use crate::db::back_office::{
                AuditEventRecord, AuditFilter, BackOfficeStore, BulkPerson, Caseworker,
                AliasRecord, CaseworkerSessionRecord, ChangeLog, CodeSummary, DuplicateRecord,
                IdentityChange, IdentityHistoryRecord, LinkHit, NewAlias, NewAuditEvent,
                NewCaseworker,
                PeopleFilter, PersonListing, PersonMatch, RemarkRecord, like_contains,
                parse_role, people_order, plain_name_search, Arm, CursorKey, CURSOR_COLUMNS,
                KeyValue, people_arms,
            };
            use crate::db::Engine;
            use crate::db::rows::{
                AUDIT_COLUMNS, AuditRow, CASEWORKER_COLUMNS, CW_SESSION_COLUMNS, CaseworkerRow,
                ALIAS_COLUMNS, AliasRow, DUPLICATE_COLUMNS, DUPLICATE_FROM, DuplicateRow,
                CwSessionRow, HistoryRow, ListingRow, PERSON_COLUMNS, PersonRow, RemarkRow, convert_all,
                naive_from_date, status_str, to_json_text,
            };
            use crate::db::events::record_event;
            use crate::db::history::{
                self, lock_and_read_details, refuse_duplicate, write_history_row, write_identity,
            };
            use kartlegg_shared::domain::DufNumber;
            use crate::db::{Person, StoreError, fold_name};
            use kartlegg_shared::identity::IdentityDetails;

            impl super::$store {
                async fn roles_of(&self, ids: &[Uuid]) -> Result<Vec<(Uuid, Role)>, StoreError> {
                    if ids.is_empty() {
                        return Ok(Vec::new());
                    }
                    let mut qb = QueryBuilder::<$db>::new(
                        "SELECT caseworker_id, role FROM caseworker_roles WHERE caseworker_id IN (",
                    );
                    let mut list = qb.separated(", ");
                    for id in ids {
                        list.push_bind(*id);
                    }
                    qb.push(") ORDER BY role");
                    let rows: Vec<(Uuid, String)> =
                        qb.build_query_as().fetch_all(&self.$read).await?;
                    rows.into_iter()
                        .map(|(id, role)| Ok((id, parse_role(&role)?)))
                        .collect()
                }

                async fn with_roles(
                    &self,
                    rows: Vec<CaseworkerRow>,
                ) -> Result<Vec<Caseworker>, StoreError> {
                    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
                    let roles = self.roles_of(&ids).await?;
                    Ok(rows
                        .into_iter()
                        .map(|row| {
                            let mut mine: Vec<Role> = roles
                                .iter()
                                .filter(|(id, _)| *id == row.id)
                                .map(|(_, r)| *r)
                                .collect();
                            mine.sort_unstable();
                            row.with_roles(mine)
                        })
                        .collect())
                }

                async fn one_caseworker(
                    &self,
                    row: Option<CaseworkerRow>,
                ) -> Result<Option<Caseworker>, StoreError> {
                    match row {
                        Some(row) => Ok(self.with_roles(vec![row]).await?.pop()),
                        None => Ok(None),
                    }
                }
            }

            /// The predicate of a match on the row alias `p` (people, or
            /// a table with the same key columns: aliases for names and
            /// dates of birth, duplicates' people rows for anything).
            fn push_match<'a>(qb: &mut QueryBuilder<'a, $db>, m: &'a PersonMatch) {
                match m {
                    PersonMatch::DufNumber(duf) => {
                        qb.push(" AND p.duf_number = ").push_bind(duf.clone());
                    }
                    PersonMatch::RegistrationNumber(n) => {
                        qb.push(" AND p.registration_number = ")
                            .push_bind(n.as_str().to_owned());
                    }
                    PersonMatch::NationalId(n) => {
                        qb.push(" AND p.national_id = ")
                            .push_bind(n.as_str().to_owned());
                    }
                    PersonMatch::DateOfBirth(d) => {
                        // A date from the parser always exists in the calendar.
                        if let Ok(naive) = naive_from_date(*d) {
                            qb.push(" AND p.date_of_birth = ").push_bind(naive);
                        } else {
                            qb.push(" AND 1 = 0");
                        }
                    }
                    PersonMatch::Name {
                        surname,
                        first_name,
                        words,
                    } => {
                        if let Some(s) = surname {
                            qb.push(" AND p.last_name_key LIKE ")
                                .push_bind(like_contains(s))
                                .push(" ESCAPE '\\'");
                        }
                        if let Some(s) = first_name {
                            qb.push(" AND p.first_name_key LIKE ")
                                .push_bind(like_contains(s))
                                .push(" ESCAPE '\\'");
                        }
                        for w in words {
                            qb.push(" AND (p.last_name_key LIKE ")
                                .push_bind(like_contains(w))
                                .push(" ESCAPE '\\'");
                            qb.push(" OR p.first_name_key LIKE ")
                                .push_bind(like_contains(w))
                                .push(" ESCAPE '\\')");
                        }
                    }
                }
            }

            /// The names of the organisation that contain `term` (folded), as
            /// a subquery of one column `key` (migration 0019): the trigram
            /// index finds them, where a term is long enough to have a
            /// trigram; shorter ones scan the organisation's distinct names,
            /// which are few beside its people.
            fn push_name_keys<'a>(
                qb: &mut QueryBuilder<'a, $db>,
                org: Uuid,
                term: &'a str,
            ) {
                qb.push("SELECT key FROM name_keys WHERE organisation_id = ").push_bind(org);
                if matches!($d.engine, Engine::Sqlite) && term.chars().count() >= 3 {
                    // A phrase of the term's characters: quotes doubled, no
                    // operators, so any text is taken literally.
                    qb.push(
                        " AND id IN (SELECT rowid FROM name_keys_trigrams \
                         WHERE name_keys_trigrams MATCH ",
                    )
                    .push_bind(format!("\"{}\"", term.replace('"', "\"\"")))
                    .push(")");
                } else {
                    // PostgreSQL's trigram index (pg_trgm) serves the LIKE.
                    qb.push(" AND key LIKE ")
                        .push_bind(like_contains(term))
                        .push(" ESCAPE '\\'");
                }
            }

            /// One ordered arm of a name search: the ids, surnames and first
            /// names of at most `limit` people whose surname is among
            /// `surnames` (every name of the organisation when `None`) and
            /// whose first name is among `first_names`, who match every
            /// word of `words`, in name order. The people are read from the
            /// name index a surname at a time, in order, so the arm stops
            /// after `limit` people however common the names are. SQLite
            /// reads an `IN` over the index's leading column that way by
            /// itself; PostgreSQL is told to, with a lateral join.
            fn push_name_arm<'a>(
                qb: &mut QueryBuilder<'a, $db>,
                org: Uuid,
                surnames: Option<&'a str>,
                first_names: Option<&'a str>,
                words: &'a [String],
                limit: i64,
            ) {
                let keys = |qb: &mut QueryBuilder<'a, $db>, term: Option<&'a str>| match term {
                    Some(term) => push_name_keys(qb, org, term),
                    None => {
                        qb.push("SELECT key FROM name_keys WHERE organisation_id = ")
                            .push_bind(org);
                    }
                };
                let rest = |qb: &mut QueryBuilder<'a, $db>| {
                    if let Some(term) = first_names {
                        qb.push(" AND p.first_name_key IN (");
                        push_name_keys(qb, org, term);
                        qb.push(")");
                    }
                    for w in words {
                        qb.push(" AND (p.last_name_key IN (");
                        push_name_keys(qb, org, w);
                        qb.push(") OR p.first_name_key IN (");
                        push_name_keys(qb, org, w);
                        qb.push("))");
                    }
                };
                qb.push("SELECT * FROM (");
                if matches!($d.engine, Engine::Sqlite) {
                    qb.push(
                        "SELECT p.id, p.last_name_key AS l, p.first_name_key AS f FROM people p \
                         WHERE p.organisation_id = ",
                    )
                    .push_bind(org)
                    .push(" AND p.last_name_key IN (");
                    keys(qb, surnames);
                    qb.push(")");
                    rest(qb);
                    qb.push(" ORDER BY l, f, p.id LIMIT ").push_bind(limit);
                } else {
                    qb.push("SELECT x.id, x.l, x.f FROM (");
                    keys(qb, surnames);
                    qb.push(
                        " ORDER BY key) k CROSS JOIN LATERAL (SELECT p.id, p.last_name_key AS l, \
                         p.first_name_key AS f FROM people p WHERE p.organisation_id = ",
                    )
                    .push_bind(org)
                    .push(" AND p.last_name_key = k.key");
                    rest(qb);
                    qb.push(" ORDER BY f, p.id LIMIT ")
                        .push_bind(limit)
                        .push(") x LIMIT ")
                        .push_bind(limit);
                }
                qb.push(") a");
            }

            /// The ids of the first `limit` people of `org`, in name order,
            /// whose names match: the surname part and the first-name part
            /// each drive one arm; a search of words alone takes the first
            /// word as a surname in one arm and as a first name in another.
            fn name_search_ids<'a>(
                org: Uuid,
                surname: Option<&'a str>,
                first_name: Option<&'a str>,
                words: &'a [String],
                limit: i64,
            ) -> QueryBuilder<'a, $db> {
                let mut qb = QueryBuilder::<$db>::new("SELECT u.id FROM (");
                match (surname, first_name, words.split_first()) {
                    (None, None, Some((first, others))) => {
                        push_name_arm(&mut qb, org, Some(first), None, others, limit);
                        qb.push(" UNION ");
                        push_name_arm(&mut qb, org, None, Some(first), others, limit);
                    }
                    _ => push_name_arm(&mut qb, org, surname, first_name, words, limit),
                }
                qb.push(") u ORDER BY u.l, u.f, u.id LIMIT ").push_bind(limit);
                qb
            }

            /// The people subquery `x` with every filter, for both the page and the count.
            /// `among`: only these people (what a name search found), in place
            /// of `f.matching`.
            fn push_people_core<'a>(
                qb: &mut QueryBuilder<'a, $db>,
                f: &'a PeopleFilter,
                among: Option<&'a [Uuid]>,
            ) {
                // The state and the latest completion are kept on the person
                // by triggers (migration 0009), so a filter or sort on them is
                // an index range, not a computation per person.
                qb.push(format!(
                    "FROM (SELECT {}, p.first_name_key, p.last_name_key, p.registration_state \
                     AS state, p.completed_at AS completed_at, CAST(CASE WHEN EXISTS (SELECT 1 \
                     FROM worklist_entries w WHERE w.person_id = p.id AND w.caseworker_id = ",
                    PERSON_COLUMNS
                        .split(", ")
                        .map(|c| format!("p.{c}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                qb.push_bind(f.caseworker_id);
                qb.push(") THEN 1 ELSE 0 END AS BIGINT) AS on_worklist FROM ");
                if f.worklist_only {
                    // The worklist leads: SQLite keeps the order of a CROSS
                    // JOIN, so it reads the caller's hundred entries instead
                    // of walking the whole organisation in list order and
                    // probing each person (PostgreSQL plans it as any join).
                    qb.push(
                        "worklist_entries wl CROSS JOIN people p WHERE p.id = wl.person_id AND \
                         wl.caseworker_id = ",
                    )
                    .push_bind(f.caseworker_id)
                    .push(" AND ");
                } else if let Some(ids) = among {
                    // The found people lead, as above: otherwise SQLite walks
                    // the name index to give the order and tests each person
                    // against the list (most of a million, for "Tesfay").
                    qb.push("(VALUES ");
                    let mut list = qb.separated(", ");
                    for id in ids {
                        list.push("(").push_bind_unseparated(*id).push_unseparated(")");
                    }
                    qb.push(") AS found CROSS JOIN people p WHERE p.id = found.column1 AND ");
                } else {
                    qb.push("people p WHERE ");
                }
                qb.push("p.organisation_id = ");
                qb.push_bind(f.organisation_id);
                if let Some(id) = f.person_id {
                    qb.push(" AND p.id = ").push_bind(id);
                }
                if among.is_none()
                    && let Some(m) = &f.matching
                {
                    push_match(qb, m);
                }
                // Every filter is on the person's own columns (the state and
                // completion are kept there), in the one WHERE, where an index
                // can serve it (creation, state, completion).
                if let Some(t) = f.created_from {
                    qb.push(" AND p.created_at >= ").push_bind(t);
                }
                if let Some(t) = f.created_before {
                    qb.push(" AND p.created_at < ").push_bind(t);
                }
                match f.state {
                    None => {}
                    // "Completed" means has a completed registration, whether
                    // or not a new one has been started since.
                    Some(RegistrationState::Completed) => {
                        qb.push(
                            " AND p.registration_state IN ('completed', \
                             'completed_new_in_progress')",
                        );
                    }
                    Some(state) => {
                        qb.push(" AND p.registration_state = ").push_bind(state.as_str());
                    }
                }
                if let Some(t) = f.completed_from {
                    qb.push(" AND p.completed_at >= ").push_bind(t);
                }
                if let Some(t) = f.completed_before {
                    qb.push(" AND p.completed_at < ").push_bind(t);
                }
                qb.push(") x");
            }

            /// The single-range sorts' condition for the page after the
            /// cursor: one index range, in the sort's one direction.
            fn push_after(qb: &mut QueryBuilder<'_, $db>, f: &PeopleFilter, key: CursorKey) {
                let op = match f.order {
                    SortOrder::Asc => ">",
                    SortOrder::Desc => "<",
                };
                match f.sort {
                    PeopleSort::DufNumber => {
                        qb.push(format!(" WHERE x.duf_number {op} ")).push_bind(key.duf_number);
                    }
                    PeopleSort::CreatedAt => {
                        qb.push(format!(" WHERE (x.created_at, x.id) {op} ("))
                            .push_bind(key.created_at)
                            .push(", ")
                            .push_bind(key.id)
                            .push(")");
                    }
                    _ => {
                        qb.push(format!(
                            " WHERE (x.last_name_key, x.first_name_key, x.id) {op} ("
                        ))
                        .push_bind(key.last_name_key)
                        .push(", ")
                        .push_bind(key.first_name_key)
                        .push(", ")
                        .push_bind(key.id)
                        .push(")");
                    }
                }
            }

            /// A page read from its ranges in turn (see [`people_arms`]):
            /// each range a query of its own with its index order and a
            /// limit of what the page can take from it, the page their
            /// union in range order.
            fn push_arms_page<'a>(
                qb: &mut QueryBuilder<'a, $db>,
                f: &'a PeopleFilter,
                among: Option<&'a [Uuid]>,
                arms: Vec<Arm>,
            ) {
                let offset = if f.after.is_none() { f.offset } else { 0 };
                qb.push("FROM (");
                for (i, arm) in arms.into_iter().enumerate() {
                    if i > 0 {
                        qb.push(" UNION ALL ");
                    }
                    qb.push(format!("SELECT * FROM (SELECT x.*, {i} AS arm "));
                    push_people_core(qb, f, among);
                    qb.push(" WHERE ");
                    let mut parts = arm.condition.split('?');
                    qb.push(parts.next().unwrap_or_default());
                    for (part, value) in parts.zip(arm.binds) {
                        match value {
                            KeyValue::Text(v) => qb.push_bind(v),
                            KeyValue::Date(v) => qb.push_bind(v),
                            KeyValue::Time(v) => qb.push_bind(v),
                            KeyValue::Id(v) => qb.push_bind(v),
                        };
                        qb.push(part);
                    }
                    qb.push(arm.order)
                        .push(" LIMIT ")
                        .push_bind(offset + f.limit)
                        .push(format!(") a{i}"));
                }
                qb.push(") x");
                qb.push(people_order(f.sort, f.order).replacen(" ORDER BY ", " ORDER BY x.arm, ", 1));
                qb.push(" LIMIT ").push_bind(f.limit).push(" OFFSET ").push_bind(offset);
            }

            fn push_audit_core<'a>(qb: &mut QueryBuilder<'a, $db>, f: &'a AuditFilter) {
                qb.push(" FROM audit_events WHERE 1 = 1");
                if let Some(org) = f.organisation_id {
                    // Written so that no index matches it in SQLite: the page
                    // then walks `seq` down the primary key and stops after a
                    // page, where the two organisation indexes made it fetch
                    // every event of the organisation and sort them all
                    // (PostgreSQL reads it as the OR it is, with statistics).
                    qb.push(" AND ")
                        .push_bind(org)
                        .push(" IN (organisation_id, person_organisation_id)");
                }
                if let Some(action) = f.action {
                    qb.push(" AND action = ").push_bind(action.as_str());
                }
                if let Some(actor) = f.actor_id {
                    qb.push(" AND actor_id = ").push_bind(actor);
                }
                if let Some(person) = f.person_id {
                    qb.push(" AND person_id = ").push_bind(person);
                }
                if let Some(t) = f.from {
                    qb.push(" AND at >= ").push_bind(t);
                }
                if let Some(t) = f.before {
                    qb.push(" AND at < ").push_bind(t);
                }
            }

            #[async_trait::async_trait]
            impl BackOfficeStore for super::$store {
                async fn start_together(
                    &self,
                    new: &crate::db::back_office::NewTogether,
                ) -> Result<crate::db::back_office::TogetherRecord, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    let consented_at = new.consent_version.is_some().then_some(new.now);
                    let interpreter = new.interpreter.as_ref();
                    let row: crate::db::rows::TogetherRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO together_sessions (id, person_id, caseworker_id, language, \
                         consent_given, consented_at, interpreter_language, interpreter_name, \
                         interpreter_number, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
                         RETURNING {}", crate::db::rows::TOGETHER_COLUMNS
                    )))
                    .bind(Uuid::new_v4())
                    .bind(new.person_id)
                    .bind(new.caseworker_id)
                    .bind(&new.language)
                    .bind(new.consent_given.as_str())
                    .bind(consented_at)
                    .bind(interpreter.map(|i| i.language.as_str()))
                    .bind(interpreter.and_then(|i| i.name.as_deref()))
                    .bind(interpreter.and_then(|i| i.number.as_deref()))
                    .bind(new.now)
                    .fetch_one(&mut *tx)
                    .await?;
                    if let Some(version) = &new.consent_version {
                        sqlx::query(&$d.sql(
                            "INSERT INTO consents (person_id, version, decision, decided_at, \
                             given, recorded_by) VALUES (?, ?, 'accept', ?, ?, ?)",
                        ))
                        .bind(new.person_id)
                        .bind(version)
                        .bind(new.now)
                        .bind(new.consent_given.as_str())
                        .bind(new.caseworker_id)
                        .execute(&mut *tx)
                        .await?;
                    }
                    tx.commit().await?;
                    row.try_into()
                }

                async fn together_session(
                    &self,
                    id: Uuid,
                ) -> Result<Option<crate::db::back_office::TogetherRecord>, StoreError> {
                    let row: Option<crate::db::rows::TogetherRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {} FROM together_sessions WHERE id = ?",
                        crate::db::rows::TOGETHER_COLUMNS
                    )))
                    .bind(id)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn record_together_consent(
                    &self,
                    id: Uuid,
                    version: &str,
                    decision: kartlegg_shared::api::ConsentDecision,
                    now: DateTime<Utc>,
                ) -> Result<Option<crate::db::back_office::TogetherRecord>, StoreError> {
                    let accepted = decision == kartlegg_shared::api::ConsentDecision::Accept;
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    // The conditional update is the claim: of two answers at
                    // once, one finds the consent recorded and stores nothing.
                    let row: Option<crate::db::rows::TogetherRow> = sqlx::query_as(&$d.sql(&format!(
                        "UPDATE together_sessions SET consented_at = ?, ended_at = ? \
                         WHERE id = ? AND ended_at IS NULL AND consented_at IS NULL RETURNING {}",
                        crate::db::rows::TOGETHER_COLUMNS
                    )))
                    .bind(accepted.then_some(now))
                    .bind((!accepted).then_some(now))
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(row) = row else {
                        return Ok(None);
                    };
                    let record: crate::db::back_office::TogetherRecord = row.try_into()?;
                    sqlx::query(&$d.sql(
                        "INSERT INTO consents (person_id, version, decision, decided_at, given, \
                         recorded_by) VALUES (?, ?, ?, ?, 'on_screen', ?)",
                    ))
                    .bind(record.person_id)
                    .bind(version)
                    .bind(if accepted { "accept" } else { "decline" })
                    .bind(now)
                    .bind(record.caseworker_id)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(Some(record))
                }

                async fn end_together(&self, id: Uuid, now: DateTime<Utc>) -> Result<bool, StoreError> {
                    let ended = sqlx::query(&$d.sql(
                        "UPDATE together_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                    ))
                    .bind(now)
                    .bind(id)
                    .execute(&self.$write)
                    .await?;
                    Ok(ended.rows_affected() == 1)
                }

                async fn create_caseworker(
                    &self,
                    new: &NewCaseworker,
                ) -> Result<Caseworker, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    let row: CaseworkerRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO caseworkers (id, organisation_id, username, display_name, \
                         password_hash, totp_secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) \
                         RETURNING {CASEWORKER_COLUMNS}"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(new.organisation_id)
                    .bind(&new.username)
                    .bind(&new.display_name)
                    .bind(&new.password_hash)
                    .bind(&new.totp_secret)
                    .bind(new.now)
                    .fetch_one(&mut *tx)
                    .await?;
                    let mut roles = new.roles.clone();
                    roles.sort_unstable();
                    roles.dedup();
                    for role in &roles {
                        sqlx::query(&$d.sql(
                            "INSERT INTO caseworker_roles (caseworker_id, role) VALUES (?, ?)",
                        ))
                        .bind(row.id)
                        .bind(role.as_str())
                        .execute(&mut *tx)
                        .await?;
                    }
                    tx.commit().await?;
                    Ok(row.with_roles(roles))
                }

                async fn caseworker_by_username(
                    &self,
                    username: &str,
                ) -> Result<Option<Caseworker>, StoreError> {
                    let row: Option<CaseworkerRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {CASEWORKER_COLUMNS} FROM caseworkers WHERE username = ?"
                    )))
                    .bind(username)
                    .fetch_optional(&self.$read)
                    .await?;
                    self.one_caseworker(row).await
                }

                async fn caseworker_by_id(
                    &self,
                    id: Uuid,
                ) -> Result<Option<Caseworker>, StoreError> {
                    let row: Option<CaseworkerRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {CASEWORKER_COLUMNS} FROM caseworkers WHERE id = ?"
                    )))
                    .bind(id)
                    .fetch_optional(&self.$read)
                    .await?;
                    self.one_caseworker(row).await
                }

                async fn caseworkers_of(
                    &self,
                    organisation_id: Uuid,
                ) -> Result<Vec<Caseworker>, StoreError> {
                    let rows: Vec<CaseworkerRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {CASEWORKER_COLUMNS} FROM caseworkers WHERE organisation_id = ? \
                         ORDER BY username"
                    )))
                    .bind(organisation_id)
                    .fetch_all(&self.$read)
                    .await?;
                    self.with_roles(rows).await
                }

                async fn set_caseworker_roles(
                    &self,
                    id: Uuid,
                    roles: &[Role],
                ) -> Result<(), StoreError> {
                    let mut roles = roles.to_vec();
                    roles.sort_unstable();
                    roles.dedup();
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    sqlx::query(&$d.sql("DELETE FROM caseworker_roles WHERE caseworker_id = ?"))
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    for role in &roles {
                        sqlx::query(&$d.sql(
                            "INSERT INTO caseworker_roles (caseworker_id, role) VALUES (?, ?)",
                        ))
                        .bind(id)
                        .bind(role.as_str())
                        .execute(&mut *tx)
                        .await?;
                    }
                    tx.commit().await?;
                    Ok(())
                }

                async fn disable_caseworker(
                    &self,
                    id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<(), StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    sqlx::query(&$d.sql(
                        "UPDATE caseworkers SET disabled_at = ? WHERE id = ? AND disabled_at IS \
                         NULL",
                    ))
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(&$d.sql(
                        "UPDATE caseworker_sessions SET ended_at = ? WHERE caseworker_id = ? AND \
                         ended_at IS NULL",
                    ))
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn create_caseworker_session(
                    &self,
                    caseworker_id: Uuid,
                    now: DateTime<Utc>,
                    expires_at: DateTime<Utc>,
                ) -> Result<CaseworkerSessionRecord, StoreError> {
                    let row: CwSessionRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO caseworker_sessions (id, caseworker_id, created_at, \
                         last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING \
                         {CW_SESSION_COLUMNS}"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(caseworker_id)
                    .bind(now)
                    .bind(now)
                    .bind(expires_at)
                    .fetch_one(&self.$write)
                    .await?;
                    Ok(row.into())
                }

                async fn caseworker_session(
                    &self,
                    id: Uuid,
                ) -> Result<Option<CaseworkerSessionRecord>, StoreError> {
                    let row: Option<CwSessionRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {CW_SESSION_COLUMNS} FROM caseworker_sessions WHERE id = ?"
                    )))
                    .bind(id)
                    .fetch_optional(&self.$read)
                    .await?;
                    Ok(row.map(Into::into))
                }

                async fn touch_caseworker_session(
                    &self,
                    id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<(), StoreError> {
                    sqlx::query(
                        &$d.sql("UPDATE caseworker_sessions SET last_seen_at = ? WHERE id = ?"),
                    )
                    .bind(now)
                    .bind(id)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }

                async fn end_caseworker_session(
                    &self,
                    id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<(), StoreError> {
                    sqlx::query(&$d.sql(
                        "UPDATE caseworker_sessions SET ended_at = ? WHERE id = ? AND ended_at IS \
                         NULL",
                    ))
                    .bind(now)
                    .bind(id)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }

                async fn add_to_worklist(
                    &self,
                    caseworker_id: Uuid,
                    person_id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<(), StoreError> {
                    sqlx::query(&$d.sql(
                        "INSERT INTO worklist_entries (caseworker_id, person_id, added_at) VALUES \
                         (?, ?, ?) ON CONFLICT (caseworker_id, person_id) DO NOTHING",
                    ))
                    .bind(caseworker_id)
                    .bind(person_id)
                    .bind(now)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }

                async fn remove_from_worklist(
                    &self,
                    caseworker_id: Uuid,
                    person_id: Uuid,
                ) -> Result<(), StoreError> {
                    sqlx::query(&$d.sql(
                        "DELETE FROM worklist_entries WHERE caseworker_id = ? AND person_id = ?",
                    ))
                    .bind(caseworker_id)
                    .bind(person_id)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }

                async fn people(
                    &self,
                    filter: &PeopleFilter,
                ) -> Result<(Vec<PersonListing>, u64), StoreError> {
                    // A search box's name search: the names' index finds the
                    // page's people first (see `name_search_ids`).
                    let found: Vec<Uuid>;
                    let among = match plain_name_search(filter) {
                        Some((surname, first_name, words)) => {
                            found = name_search_ids(
                                filter.organisation_id,
                                surname,
                                first_name,
                                words,
                                filter.limit,
                            )
                            .build_query_scalar()
                            .fetch_all(&self.$read)
                            .await?;
                            if found.is_empty() {
                                return Ok((Vec::new(), 0));
                            }
                            Some(found.as_slice())
                        }
                        None => None,
                    };
                    let total = match filter.count_up_to {
                        Some(0) => 0,
                        cap => {
                            let mut count =
                                QueryBuilder::<$db>::new("SELECT COUNT(*) FROM (SELECT 1 AS one ");
                            push_people_core(&mut count, filter, None);
                            if let Some(cap) = cap {
                                count.push(" LIMIT ").push_bind(cap);
                            }
                            count.push(") c");
                            let (total,): (i64,) =
                                count.build_query_as().fetch_one(&self.$read).await?;
                            total
                        }
                    };

                    let cursor: Option<CursorKey> = match filter.after {
                        None => None,
                        Some(after) => {
                            let key = sqlx::query_as(&$d.sql(&format!(
                                "SELECT {CURSOR_COLUMNS} FROM people \
                                 WHERE id = ? AND organisation_id = ?"
                            )))
                            .bind(after)
                            .bind(filter.organisation_id)
                            .fetch_optional(&self.$read)
                            .await?;
                            // Someone no longer here: nothing comes after.
                            let Some(key) = key else {
                                return Ok((Vec::new(), 0));
                            };
                            Some(key)
                        }
                    };
                    let mut page = QueryBuilder::<$db>::new(format!(
                        "SELECT {}, x.state, x.completed_at, x.on_worklist ",
                        PERSON_COLUMNS
                            .split(", ")
                            .map(|c| format!("x.{c}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                    match people_arms(filter.sort, filter.order, cursor.as_ref()) {
                        Some(arms) => push_arms_page(&mut page, filter, among, arms),
                        None => {
                            push_people_core(&mut page, filter, among);
                            if let Some(key) = cursor {
                                push_after(&mut page, filter, key);
                            }
                            page.push(people_order(filter.sort, filter.order));
                            page.push(" LIMIT ").push_bind(filter.limit);
                            if filter.after.is_none() {
                                page.push(" OFFSET ").push_bind(filter.offset);
                            }
                        }
                    }
                    let rows: Vec<ListingRow> =
                        page.build_query_as().fetch_all(&self.$read).await?;
                    let listings = convert_all(rows)?;
                    Ok((listings, u64::try_from(total).unwrap_or(0)))
                }

                async fn people_chunks(
                    &self,
                    filter: &PeopleFilter,
                    chunk: usize,
                    out: tokio::sync::mpsc::Sender<Result<Vec<PersonListing>, StoreError>>,
                ) {
                    use futures_util::TryStreamExt;
                    let chunk = chunk.max(1);
                    // A date range is an index range of its own, and its
                    // matches are few: one query reads them, where keyset
                    // chunks in list order would walk the whole organisation
                    // to find them.
                    let ranged = filter.created_from.is_some()
                        || filter.created_before.is_some()
                        || filter.completed_from.is_some()
                        || filter.completed_before.is_some();
                    if !ranged {
                        // Keyset chunks: each a short query that starts in the
                        // index where the one before ended, so no read
                        // transaction is held for the whole export (SQLite
                        // could not checkpoint its log behind one while the
                        // export's own audit events are written).
                        let mut next = PeopleFilter {
                            limit: i64::try_from(chunk).unwrap_or(i64::MAX),
                            offset: 0,
                            count_up_to: Some(0),
                            after: None,
                            ..filter.clone()
                        };
                        loop {
                            let rows = match self.people(&next).await {
                                Ok((rows, _)) => rows,
                                Err(e) => {
                                    let _ = out.send(Err(e)).await;
                                    return;
                                }
                            };
                            let full = rows.len() == chunk;
                            next.after = rows.last().map(|r| r.person.id);
                            if rows.is_empty() || out.send(Ok(rows)).await.is_err() || !full {
                                return;
                            }
                        }
                    }
                    // A date range: one query, streamed.
                    let mut query = QueryBuilder::<$db>::new(format!(
                        "SELECT {}, x.state, x.completed_at, x.on_worklist ",
                        PERSON_COLUMNS
                            .split(", ")
                            .map(|c| format!("x.{c}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                    push_people_core(&mut query, filter, None);
                    query.push(people_order(filter.sort, filter.order));
                    let mut rows = query.build_query_as::<ListingRow>().fetch(&self.$read);
                    let mut batch = Vec::with_capacity(chunk);
                    loop {
                        let next = match rows.try_next().await {
                            Ok(Some(row)) => PersonListing::try_from(row),
                            Ok(None) => break,
                            Err(e) => Err(e.into()),
                        };
                        match next {
                            Ok(listing) => batch.push(listing),
                            Err(e) => {
                                let _ = out.send(Err(e)).await;
                                return;
                            }
                        }
                        if batch.len() == chunk {
                            let full = std::mem::replace(&mut batch, Vec::with_capacity(chunk));
                            if out.send(Ok(full)).await.is_err() {
                                // Nobody reads any more: dropping the rows ends the query.
                                return;
                            }
                        }
                    }
                    if !batch.is_empty() {
                        let _ = out.send(Ok(batch)).await;
                    }
                }

                async fn update_identity(
                    &self,
                    person_id: Uuid,
                    change: &IdentityChange,
                ) -> Result<Person, StoreError> {
                    let citizenships = to_json_text(&change.citizenships)?;
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    let details = lock_and_read_details!($d, tx, person_id);
                    refuse_duplicate!($d, tx, person_id);
                    let before: Option<PersonRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {PERSON_COLUMNS} FROM people WHERE id = ?"
                    )))
                    .bind(person_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let before: Person = before.ok_or(StoreError::MissingReference)?.try_into()?;
                    let row: Option<PersonRow> = sqlx::query_as(&$d.sql(&format!(
                        "UPDATE people SET first_name = ?, last_name = ?, first_name_key = ?, \
                         last_name_key = ?, date_of_birth = ?, gender = ?, citizenships = ?, \
                         registration_number = ?, national_id = ?, version = version + 1 WHERE id = ? RETURNING \
                         {PERSON_COLUMNS}"
                    )))
                    .bind(&change.first_name)
                    .bind(&change.last_name)
                    .bind(fold_name(&change.first_name))
                    .bind(fold_name(&change.last_name))
                    .bind(change.date_of_birth.map(naive_from_date).transpose()?)
                    .bind(change.gender.map(|g| g.as_str()))
                    .bind(citizenships)
                    .bind(change.registration_number.as_ref().map(|r| r.as_str().to_owned()))
                    .bind(change.national_id.as_ref().map(|n| n.as_str().to_owned()))
                    .bind(person_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let person: Person = row.ok_or(StoreError::MissingReference)?.try_into()?;
                    let old = history::of_person(&before, &details);
                    let changes = history::changes(Some(&old), &history::of_change(change));
                    write_identity!($d, tx, person_id, change, &changes);
                    let none: Option<Uuid> = None;
                    record_event!($d, tx, kartlegg_shared::integration::ChangeEventType::PersonChanged, person_id, none, change.log.at);
                    tx.commit().await?;
                    Ok(person)
                }

                async fn identity_details(
                    &self,
                    person_ids: &[Uuid],
                ) -> Result<Vec<(Uuid, IdentityDetails)>, StoreError> {
                    if person_ids.is_empty() {
                        return Ok(Vec::new());
                    }
                    let mut qb = QueryBuilder::<$db>::new(
                        "SELECT person_id, details FROM person_identity WHERE person_id IN (",
                    );
                    let mut list = qb.separated(", ");
                    for id in person_ids {
                        list.push_bind(*id);
                    }
                    qb.push(")");
                    let rows: Vec<(Uuid, String)> =
                        qb.build_query_as().fetch_all(&self.$read).await?;
                    rows.into_iter()
                        .map(|(id, text)| Ok((id, history::parse_details(Some(&text))?)))
                        .collect()
                }

                async fn identity_history(
                    &self,
                    person_id: Uuid,
                ) -> Result<Vec<IdentityHistoryRecord>, StoreError> {
                    let rows: Vec<HistoryRow> = sqlx::query_as(&$d.sql(
                        "SELECT changed_at, actor, reason, field, old_value, new_value, source, \
                         old_data, new_data FROM identity_changes WHERE person_id = ? ORDER BY seq DESC",
                    ))
                    .bind(person_id)
                    .fetch_all(&self.$read)
                    .await?;
                    convert_all(rows)
                }

                async fn link_duplicate(
                    &self,
                    active_id: Uuid,
                    duplicate_id: Uuid,
                    log: &ChangeLog,
                ) -> Result<DuplicateRecord, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    // Both rows locked (in id order, so two links the other
                    // way round cannot deadlock) while the rules are checked.
                    if let Some(lock) = $d.lock_person {
                        let (first, second) = if active_id < duplicate_id {
                            (active_id, duplicate_id)
                        } else {
                            (duplicate_id, active_id)
                        };
                        for id in [first, second] {
                            sqlx::query(&$d.sql(lock)).bind(id).execute(&mut *tx).await?;
                        }
                    }
                    let active_linked: Option<(Uuid,)> = sqlx::query_as(&$d.sql(
                        "SELECT duplicate_id FROM person_duplicates WHERE duplicate_id = ?",
                    ))
                    .bind(active_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if active_linked.is_some() {
                        return Err(StoreError::Conflict("active_is_duplicate".into()));
                    }
                    let has_duplicates: Option<(Uuid,)> = sqlx::query_as(&$d.sql(
                        "SELECT duplicate_id FROM person_duplicates WHERE active_id = ? LIMIT 1",
                    ))
                    .bind(duplicate_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if has_duplicates.is_some() {
                        return Err(StoreError::Conflict("has_duplicates".into()));
                    }
                    let inserted = sqlx::query(&$d.sql(
                        "INSERT INTO person_duplicates (duplicate_id, active_id, linked_at, \
                         linked_by, reason) VALUES (?, ?, ?, ?, ?)",
                    ))
                    .bind(duplicate_id)
                    .bind(active_id)
                    .bind(log.at)
                    .bind(&log.actor)
                    .bind(&log.reason)
                    .execute(&mut *tx)
                    .await;
                    match inserted {
                        Ok(_) => {}
                        Err(e) => {
                            return Err(match StoreError::from(e) {
                                StoreError::Conflict(_) => {
                                    StoreError::Conflict("already_duplicate".into())
                                }
                                other => other,
                            });
                        }
                    }
                    let row: DuplicateRow = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {DUPLICATE_COLUMNS} FROM {DUPLICATE_FROM} WHERE d.duplicate_id = ?"
                    )))
                    .bind(duplicate_id)
                    .fetch_one(&mut *tx)
                    .await?;
                    let record: DuplicateRecord = row.try_into()?;
                    write_history_row!(
                        $d, tx, active_id, log, "duplicates", None,
                        history::duf_value(&record.duplicate_duf)
                    );
                    write_history_row!(
                        $d, tx, duplicate_id, log, "duplicate_of", None,
                        history::duf_value(&record.active_duf)
                    );
                    tx.commit().await?;
                    Ok(record)
                }

                async fn duplicate_links(
                    &self,
                    person_id: Uuid,
                ) -> Result<(Option<DuplicateRecord>, Vec<DuplicateRecord>), StoreError> {
                    let rows: Vec<DuplicateRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {DUPLICATE_COLUMNS} FROM {DUPLICATE_FROM} \
                         WHERE d.duplicate_id = ? OR d.active_id = ? ORDER BY d.linked_at, dp.duf_number"
                    )))
                    .bind(person_id)
                    .bind(person_id)
                    .fetch_all(&self.$read)
                    .await?;
                    let records: Vec<DuplicateRecord> = convert_all(rows)?;
                    let (of, duplicates): (Vec<_>, Vec<_>) =
                        records.into_iter().partition(|r| r.duplicate_id == person_id);
                    Ok((of.into_iter().next(), duplicates))
                }

                async fn add_alias(&self, new: &NewAlias) -> Result<AliasRecord, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    if let Some(lock) = $d.lock_person {
                        sqlx::query(&$d.sql(lock)).bind(new.person_id).execute(&mut *tx).await?;
                    }
                    refuse_duplicate!($d, tx, new.person_id);
                    let row: Option<AliasRow> = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO person_aliases (id, person_id, organisation_id, first_name, \
                         middle_name, last_name, first_name_key, last_name_key, date_of_birth, \
                         citizenship, created_at, created_by, reason) SELECT ?, id, \
                         organisation_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM people WHERE id = ? \
                         RETURNING {ALIAS_COLUMNS}"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(&new.first_name)
                    .bind(&new.middle_name)
                    .bind(&new.last_name)
                    .bind(fold_name(&new.first_name))
                    .bind(fold_name(&new.last_name))
                    .bind(new.date_of_birth.map(naive_from_date).transpose()?)
                    .bind(&new.citizenship)
                    .bind(new.log.at)
                    .bind(&new.log.actor)
                    .bind(&new.log.reason)
                    .bind(new.person_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let record: AliasRecord = row.ok_or(StoreError::MissingReference)?.try_into()?;
                    let value = record.history_value();
                    write_history_row!($d, tx, new.person_id, &new.log, "aliases", None, Some(value));
                    tx.commit().await?;
                    Ok(record)
                }

                async fn unlink_duplicate(
                    &self,
                    active_id: Uuid,
                    duplicate_id: Uuid,
                    log: &ChangeLog,
                ) -> Result<Option<DuplicateRecord>, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    // Both rows locked in id order, as a link locks them.
                    if let Some(lock) = $d.lock_person {
                        let (first, second) = if active_id < duplicate_id {
                            (active_id, duplicate_id)
                        } else {
                            (duplicate_id, active_id)
                        };
                        for id in [first, second] {
                            sqlx::query(&$d.sql(lock)).bind(id).execute(&mut *tx).await?;
                        }
                    }
                    let row: Option<DuplicateRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {DUPLICATE_COLUMNS} FROM {DUPLICATE_FROM} \
                         WHERE d.duplicate_id = ? AND d.active_id = ?"
                    )))
                    .bind(duplicate_id)
                    .bind(active_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(row) = row else {
                        return Ok(None);
                    };
                    let record: DuplicateRecord = row.try_into()?;
                    sqlx::query(&$d.sql(
                        "DELETE FROM person_duplicates WHERE duplicate_id = ? AND active_id = ?",
                    ))
                    .bind(duplicate_id)
                    .bind(active_id)
                    .execute(&mut *tx)
                    .await?;
                    write_history_row!(
                        $d, tx, active_id, log, "duplicates",
                        history::duf_value(&record.duplicate_duf), None
                    );
                    write_history_row!(
                        $d, tx, duplicate_id, log, "duplicate_of",
                        history::duf_value(&record.active_duf), None
                    );
                    tx.commit().await?;
                    Ok(Some(record))
                }

                async fn remove_alias(
                    &self,
                    person_id: Uuid,
                    alias_id: Uuid,
                    log: &ChangeLog,
                ) -> Result<Option<AliasRecord>, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    if let Some(lock) = $d.lock_person {
                        sqlx::query(&$d.sql(lock)).bind(person_id).execute(&mut *tx).await?;
                    }
                    refuse_duplicate!($d, tx, person_id);
                    let row: Option<AliasRow> = sqlx::query_as(&$d.sql(&format!(
                        "DELETE FROM person_aliases WHERE id = ? AND person_id = ? \
                         RETURNING {ALIAS_COLUMNS}"
                    )))
                    .bind(alias_id)
                    .bind(person_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(row) = row else {
                        return Ok(None);
                    };
                    let record: AliasRecord = row.try_into()?;
                    let value = record.history_value();
                    write_history_row!($d, tx, person_id, log, "aliases", Some(value), None);
                    tx.commit().await?;
                    Ok(Some(record))
                }

                async fn aliases(&self, person_id: Uuid) -> Result<Vec<AliasRecord>, StoreError> {
                    let rows: Vec<AliasRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {ALIAS_COLUMNS} FROM person_aliases WHERE person_id = ? \
                         ORDER BY created_at, last_name, first_name"
                    )))
                    .bind(person_id)
                    .fetch_all(&self.$read)
                    .await?;
                    convert_all(rows)
                }

                async fn link_hits(
                    &self,
                    organisation_id: Uuid,
                    matching: &PersonMatch,
                    limit: i64,
                ) -> Result<Vec<LinkHit>, StoreError> {
                    let mut hits = Vec::new();
                    // Aliases carry names and a date of birth; the other
                    // kinds of search have nothing to match in them.
                    if matches!(matching, PersonMatch::Name { .. } | PersonMatch::DateOfBirth(_)) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "SELECT p.person_id, p.first_name, p.last_name FROM person_aliases p \
                             WHERE p.organisation_id = ",
                        );
                        qb.push_bind(organisation_id);
                        push_match(&mut qb, matching);
                        qb.push(" ORDER BY p.last_name_key, p.first_name_key LIMIT ")
                            .push_bind(limit);
                        let rows: Vec<(Uuid, String, String)> =
                            qb.build_query_as().fetch_all(&self.$read).await?;
                        hits.extend(rows.into_iter().map(|(person_id, first_name, last_name)| {
                            LinkHit::Alias {
                                person_id,
                                first_name,
                                last_name,
                            }
                        }));
                    }
                    // The few links lead: SQLite keeps the order of a CROSS
                    // JOIN, where a plain join let it walk the organisation's
                    // people and test each (a million, for a name).
                    let mut qb = QueryBuilder::<$db>::new(
                        "SELECT d.duplicate_id, p.duf_number, d.active_id FROM person_duplicates d \
                         CROSS JOIN people p WHERE p.id = d.duplicate_id AND p.organisation_id = ",
                    );
                    qb.push_bind(organisation_id);
                    push_match(&mut qb, matching);
                    qb.push(" ORDER BY p.duf_number LIMIT ").push_bind(limit);
                    let rows: Vec<(Uuid, String, Uuid)> =
                        qb.build_query_as().fetch_all(&self.$read).await?;
                    for (duplicate_id, duf, active_id) in rows {
                        hits.push(LinkHit::Duplicate {
                            duplicate_id,
                            duplicate_duf: DufNumber::parse(&duf)
                                .map_err(|_| StoreError::Corrupt("duf_number".into()))?,
                            active_id,
                        });
                    }
                    Ok(hits)
                }

                async fn add_remark(
                    &self,
                    person_id: Uuid,
                    author_id: Uuid,
                    text: &str,
                    now: DateTime<Utc>,
                ) -> Result<RemarkRecord, StoreError> {
                    let id = Uuid::new_v4();
                    sqlx::query(&$d.sql(
                        "INSERT INTO remarks (id, person_id, author_id, text, created_at) VALUES \
                         (?, ?, ?, ?, ?)",
                    ))
                    .bind(id)
                    .bind(person_id)
                    .bind(author_id)
                    .bind(text)
                    .bind(now)
                    .execute(&self.$write)
                    .await?;
                    let author: (String,) = sqlx::query_as(
                        &$d.sql("SELECT display_name FROM caseworkers WHERE id = ?"),
                    )
                    .bind(author_id)
                    .fetch_one(&self.$write)
                    .await?;
                    Ok(RemarkRecord {
                        id,
                        person_id,
                        text: text.to_owned(),
                        author: author.0,
                        created_at: now,
                    })
                }

                async fn remarks(&self, person_id: Uuid) -> Result<Vec<RemarkRecord>, StoreError> {
                    let rows: Vec<RemarkRow> = sqlx::query_as(&$d.sql(
                        "SELECT r.id, r.person_id, r.text, c.display_name AS author, r.created_at \
                         FROM remarks r JOIN caseworkers c ON c.id = r.author_id \
                         WHERE r.person_id = ? ORDER BY r.created_at DESC, r.id",
                    ))
                    .bind(person_id)
                    .fetch_all(&self.$read)
                    .await?;
                    Ok(rows.into_iter().map(Into::into).collect())
                }

                async fn latest_code(
                    &self,
                    person_id: Uuid,
                ) -> Result<Option<CodeSummary>, StoreError> {
                    // A replaced code is never the newest, even when two were
                    // issued within the clock's resolution.
                    type CodeRow =
                        (DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>, Option<String>, i64);
                    let row: Option<CodeRow> =
                        sqlx::query_as(&$d.sql(
                            "SELECT created_at, expires_at, ended_at, end_reason, wrong_tries FROM \
                             login_codes WHERE person_id = ? ORDER BY created_at DESC, CASE WHEN \
                             end_reason = 'replaced' THEN 1 ELSE 0 END LIMIT 1",
                        ))
                        .bind(person_id)
                        .fetch_optional(&self.$read)
                        .await?;
                    row.map(
                        |(created_at, expires_at, ended_at, end_reason, wrong_tries)| {
                            Ok(CodeSummary {
                                created_at,
                                expires_at,
                                ended_at,
                                end_reason: end_reason
                                    .map(|r| {
                                        CodeEndReason::from_name(&r).ok_or_else(|| {
                                            StoreError::Corrupt(format!("code end reason {r:?}"))
                                        })
                                    })
                                    .transpose()?,
                                wrong_tries,
                            })
                        },
                    )
                    .transpose()
                }

                async fn append_audit(
                    &self,
                    key: &crate::audit::ChainKey,
                    events: &[NewAuditEvent],
                ) -> Result<Option<crate::audit::ChainHead>, StoreError> {
                    if events.is_empty() {
                        return Ok(None);
                    }
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    if let Some(lock) = $d.lock_audit {
                        sqlx::query(lock).execute(&mut *tx).await?;
                    }
                    let last: Option<(i64, Vec<u8>)> = sqlx::query_as(
                        "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
                    )
                    .fetch_optional(&mut *tx)
                    .await?;
                    let (mut seq, mut prev) = last.unwrap_or((0, crate::audit::GENESIS.to_vec()));
                    let mut linked = Vec::with_capacity(events.len());
                    for event in events {
                        seq += 1;
                        let mut event = event.clone();
                        // What is hashed must be what is read back.
                        event.at = chrono::SubsecRound::trunc_subsecs(event.at, 6);
                        let hash = crate::audit::chain_hash(
                            key,
                            &prev,
                            &crate::audit::canonical(seq, &event),
                        );
                        let fields = to_json_text(&event.fields)?;
                        linked.push((seq, event, fields, std::mem::replace(&mut prev, hash.clone()), hash));
                    }
                    // Many rows per statement: a list page or an export
                    // chunk logs one event per person, and one statement
                    // each made the log the slowest part of the page.
                    for rows in linked.chunks(500) {
                        let mut qb = QueryBuilder::<$db>::new(format!(
                            "INSERT INTO audit_events ({AUDIT_COLUMNS}) "
                        ));
                        qb.push_values(rows, |mut row, (seq, event, fields, prev_hash, hash)| {
                            row.push_bind(*seq)
                                .push_bind(event.at)
                                .push_bind(event.actor_id)
                                .push_bind(event.actor.clone())
                                .push_bind(event.organisation_id)
                                .push_bind(event.action.as_str())
                                .push_bind(event.person_id)
                                .push_bind(event.person_organisation_id)
                                .push_bind(event.registration_id)
                                .push_bind(fields.clone())
                                .push_bind(event.reason.clone())
                                .push_bind(event.client_address.clone())
                                .push_bind(event.request_id.clone())
                                .push_bind(prev_hash.clone())
                                .push_bind(hash.clone());
                        });
                        qb.build().execute(&mut *tx).await?;
                    }
                    tx.commit().await?;
                    Ok(Some(crate::audit::ChainHead { seq, hash: prev }))
                }

                async fn insert_people_bulk(
                    &self,
                    people: &[BulkPerson],
                ) -> Result<u64, StoreError> {
                    // Rows per statement: 12 values a row stays far below both
                    // engines' limits on bound values (SQLite 32,766, PostgreSQL
                    // 65,535), and one statement per 500 rows is what makes it fast.
                    const ROWS: usize = 500;
                    let json = $d.json_cast;
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    for chunk in people.chunks(ROWS) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "INSERT INTO people (id, duf_number, organisation_id, first_name, \
                             last_name, created_at, date_of_birth, gender, citizenships, \
                             registration_number, national_id, first_name_key, last_name_key) ",
                        );
                        let mut rows = Vec::with_capacity(chunk.len());
                        for b in chunk {
                            let p = &b.person;
                            rows.push((
                                p,
                                p.date_of_birth.map(naive_from_date).transpose()?,
                                to_json_text(&p.citizenships)?,
                            ));
                        }
                        qb.push_values(rows, |mut row, (p, born, citizenships)| {
                            row.push_bind(p.id)
                                .push_bind(p.duf_number.as_str().to_owned())
                                .push_bind(p.organisation_id)
                                .push_bind(p.first_name.clone())
                                .push_bind(p.last_name.clone())
                                .push_bind(p.created_at)
                                .push_bind(born)
                                .push_bind(p.gender.map(|g| g.as_str()))
                                .push_bind(citizenships)
                                .push_bind(p.registration_number.as_ref().map(|r| r.as_str().to_owned()))
                                .push_bind(p.national_id.as_ref().map(|n| n.as_str().to_owned()))
                                .push_bind(fold_name(&p.first_name))
                                .push_bind(fold_name(&p.last_name));
                        });
                        qb.build().execute(&mut *tx).await?;
                    }
                    let registrations: Vec<_> =
                        people.iter().flat_map(|b| b.registrations.iter()).collect();
                    for chunk in registrations.chunks(ROWS) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "INSERT INTO registrations (id, person_id, number, status, \
                             questionnaire_version, revision, answers, saved_sections, \
                             created_at, updated_at, completed_at, language, provenance) ",
                        );
                        let mut rows = Vec::with_capacity(chunk.len());
                        for r in chunk {
                            rows.push((
                                r,
                                to_json_text(&r.answers)?,
                                to_json_text(&r.saved_sections)?,
                                to_json_text(&r.provenance)?,
                            ));
                        }
                        qb.push_values(rows, |mut row, (r, answers, sections, provenance)| {
                            row.push_bind(r.id)
                                .push_bind(r.person_id)
                                .push_bind(r.number)
                                .push_bind(status_str(r.status))
                                .push_bind(i64::from(r.questionnaire_version))
                                .push_bind(r.revision)
                                .push_bind(answers)
                                .push_unseparated(json)
                                .push_bind(sections)
                                .push_unseparated(json)
                                .push_bind(r.created_at)
                                .push_bind(r.updated_at)
                                .push_bind(r.completed_at)
                                .push_bind(r.language.clone())
                                .push_bind(provenance)
                                .push_unseparated(json);
                        });
                        qb.build().execute(&mut *tx).await?;
                    }
                    // The completions' facts, one row per (question, code)
                    // and one for the completion itself, as `insert_facts!`
                    // writes them; 8 values a row.
                    let completion = (
                        kartlegg_shared::statistics::COMPLETION_QUESTION.to_owned(),
                        "completed".to_owned(),
                    );
                    let facts: Vec<_> = people
                        .iter()
                        .flat_map(|b| b.facts.iter())
                        .flat_map(|(registration, f)| {
                            std::iter::once(&completion)
                                .chain(&f.codes)
                                .map(move |code| (registration, f, code))
                        })
                        .collect();
                    for chunk in facts.chunks(ROWS) {
                        let mut qb = QueryBuilder::<$db>::new(
                            "INSERT INTO registration_facts (registration_id, organisation_id, \
                             completed_month, completed_week, age_band, gender, question, code) ",
                        );
                        qb.push_values(chunk, |mut row, (registration, f, (question, code))| {
                            row.push_bind(**registration)
                                .push_bind(f.organisation_id)
                                .push_bind(f.month.clone())
                                .push_bind(f.week.clone())
                                .push_bind(f.age_band.as_str())
                                .push_bind(f.gender.map_or("unknown", |g| g.as_str()))
                                .push_bind(question.clone())
                                .push_bind(code.clone());
                        });
                        qb.build().execute(&mut *tx).await?;
                    }
                    // And their counts, as a completion adds them.
                    let counts = crate::db::facts::count_rows(
                        people.iter().flat_map(|b| b.facts.iter().map(|(_, f)| f)),
                    );
                    crate::db::facts::add_counts!($d, tx, &counts);
                    tx.commit().await?;
                    Ok(u64::try_from(people.len()).unwrap_or(u64::MAX))
                }

                async fn audit_events(
                    &self,
                    filter: &AuditFilter,
                ) -> Result<(Vec<AuditEventRecord>, u64), StoreError> {
                    let mut count = QueryBuilder::<$db>::new("SELECT COUNT(*) FROM (SELECT 1 AS one");
                    push_audit_core(&mut count, filter);
                    if let Some(cap) = filter.count_up_to {
                        count.push(" LIMIT ").push_bind(cap);
                    }
                    count.push(") c");
                    let (total,): (i64,) = count.build_query_as().fetch_one(&self.$read).await?;
                    let mut page = QueryBuilder::<$db>::new(format!("SELECT {AUDIT_COLUMNS}"));
                    push_audit_core(&mut page, filter);
                    page.push(" ORDER BY seq DESC LIMIT ")
                        .push_bind(filter.limit);
                    page.push(" OFFSET ").push_bind(filter.offset);
                    let rows: Vec<AuditRow> = page.build_query_as().fetch_all(&self.$read).await?;
                    let events = rows
                        .into_iter()
                        .map(TryInto::try_into)
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok((events, u64::try_from(total).unwrap_or(0)))
                }

                async fn audit_chain_after(
                    &self,
                    seq: i64,
                    limit: i64,
                ) -> Result<Vec<AuditEventRecord>, StoreError> {
                    let rows: Vec<AuditRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {AUDIT_COLUMNS} FROM audit_events WHERE seq > ? ORDER BY seq LIMIT \
                         ?"
                    )))
                    .bind(seq)
                    .bind(limit)
                    .fetch_all(&self.$read)
                    .await?;
                    rows.into_iter().map(TryInto::try_into).collect()
                }
            }
        }
    };
}

pub(super) use back_office_impl;
