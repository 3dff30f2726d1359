//! Correcting a person's identity (UDI 2021-007): what a correction may
//! say, with every field's error collected before anything is stored, and
//! applying it with its identity history and audit event. Caseworkers and
//! API clients (`people:write`) go through the same parse, and link
//! duplicates and register aliases through the same functions ([`Actor`]).

use chrono::{DateTime, Datelike, Utc};
use kartlegg_shared::caseworker::{
    AliasRequest, AuditAction, DuplicateRequest, IdentityUpdate, LinkRemovalRequest,
};
use kartlegg_shared::domain::{Date, DufNumber, NationalId, RegistrationNumber};
use kartlegg_shared::fields::{CountryCode, PersonName};
use kartlegg_shared::identity::{Alias, Identity, IdentityDetails};
use kartlegg_shared::problem::FieldError;
use kartlegg_shared::text::{Lines, check_text};
use uuid::Uuid;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::auth::client::ClientAccess;
use crate::db::history;
use crate::db::{
    AliasRecord, ChangeLog, DuplicateRecord, IdentityChange, NewAlias, NewAuditEvent, Person,
    StoreError,
};
use crate::error::ApiError;

/// Who changes an identity's links and aliases: a counsellor, or an API
/// client with `people:write`. Each is named in the history and audited as
/// itself; both reach only their own organisation's people.
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    Caseworker(&'a CaseworkerSession),
    Client(&'a ClientAccess),
}

impl Actor<'_> {
    /// The name the identity history shows: the caseworker's display name,
    /// or `API client: NAME` as the audit log names clients.
    fn name(self) -> String {
        match self {
            Self::Caseworker(cw) => cw.account.display_name.clone(),
            Self::Client(access) => format!("API client: {}", access.client.name),
        }
    }

    fn organisation_id(self) -> Uuid {
        match self {
            Self::Caseworker(cw) => cw.account.organisation_id,
            Self::Client(access) => access.client.organisation_id,
        }
    }

    fn event_about(self, action: AuditAction, at: DateTime<Utc>, person: &Person) -> NewAuditEvent {
        match self {
            Self::Caseworker(cw) => cw.event_about(action, at, person),
            Self::Client(access) => access.event_about(action, at, person),
        }
    }
}

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
    let now = state.clock.now();
    let change = correction(request, cw.account.display_name.clone(), now)?;
    let reason = change.log.reason.clone();
    let details = details_of(state, before.id).await?;
    let changed = changed_fields(before, &details, &change);
    let after = match state.store.update_identity(before.id, &change).await {
        Ok(after) => after,
        Err(StoreError::Conflict(what)) if what == history::DUPLICATE => {
            return Err(duplicate_refused());
        }
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

/// The names of the fields a change changes (value or source), as the
/// identity history will list them.
pub fn changed_fields(
    before: &Person,
    details: &IdentityDetails,
    change: &IdentityChange,
) -> Vec<String> {
    let old = history::of_person(before, details);
    history::changes(Some(&old), &history::of_change(change))
        .into_iter()
        .map(|c| c.field.to_owned())
        .collect()
}

/// The stored details of one person.
pub async fn details_of(state: &AppState, person_id: Uuid) -> Result<IdentityDetails, ApiError> {
    Ok(state
        .store
        .identity_details(&[person_id])
        .await?
        .pop()
        .map(|(_, d)| d)
        .unwrap_or_default())
}

/// The calendar day of `now` (UTC), which no date in an identity may pass;
/// `None` outside the years a `Date` holds (a clock far off).
pub fn today(now: DateTime<Utc>) -> Option<Date> {
    Date::new(
        u16::try_from(now.year()).ok()?,
        u8::try_from(now.month()).ok()?,
        u8::try_from(now.day()).ok()?,
    )
    .ok()
}

/// Parses a correction (UDI 2021-007, `shared::identity`), collecting every
/// field's error, into the change `actor` makes at `now`.
pub fn correction(
    request: &IdentityUpdate,
    actor: String,
    now: DateTime<Utc>,
) -> Result<IdentityChange, ApiError> {
    let mut errors = Vec::new();
    let today =
        today(now).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("clock out of range")))?;
    let identity = Identity::parse(&request.input(), today)
        .map_err(|e| errors.extend(e))
        .ok();
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
    let Some(identity) = identity.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    Ok(IdentityChange {
        first_name: identity.names.first.as_str().to_owned(),
        last_name: identity.names.last.as_str().to_owned(),
        date_of_birth: identity.birth_date.and_then(|b| b.calendar_date()),
        gender: identity.gender,
        citizenships: identity.citizenships.codes().to_vec(),
        registration_number,
        national_id,
        details: identity.details(),
        log: ChangeLog {
            actor,
            reason,
            at: now,
        },
    })
}

/// The answer to a change of a duplicate, which § 15.1 forbids.
fn duplicate_refused() -> ApiError {
    ApiError::Conflict(
        "This identity is a duplicate of another DUF-number and can no longer be changed; change the active identity".into(),
    )
}

/// Maps a store conflict of an identity change: a duplicate, or else a
/// national identity number that is another person's.
pub fn change_conflict(what: &str) -> ApiError {
    if what == history::DUPLICATE {
        duplicate_refused()
    } else {
        ApiError::Conflict("This national identity number belongs to another person".into())
    }
}

/// A reason as every identity change needs one: not blank, kept trimmed.
fn reason_of(raw: &str, errors: &mut Vec<FieldError>) -> String {
    if let Err(e) = check_text(raw, Lines::Many) {
        errors.push(FieldError::new("reason", e.code, e.message));
    } else if raw.trim().is_empty() {
        errors.push(FieldError::new(
            "reason",
            "reason_required",
            "Say why the identity is changed",
        ));
    }
    raw.trim().to_owned()
}

/// Links the person with `request.duf_number` (of the caller's
/// organisation, else 404) as a duplicate of `active` (§ 15.1), with a
/// history row and an audit event on both.
pub async fn link_duplicate(
    state: &AppState,
    actor: Actor<'_>,
    active: &Person,
    request: &DuplicateRequest,
) -> Result<DuplicateRecord, ApiError> {
    let mut errors = Vec::new();
    let duf = DufNumber::parse(&request.duf_number)
        .map_err(|e| errors.push(FieldError::new("duf_number", e.code, e.message)))
        .ok();
    let reason = reason_of(&request.reason, &mut errors);
    let Some(duf) = duf.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let duplicate = state
        .store
        .person_by_duf(&duf)
        .await?
        .filter(|p| p.organisation_id == actor.organisation_id())
        .ok_or(ApiError::NotFound)?;
    if duplicate.id == active.id {
        return Err(ApiError::field(
            "duf_number",
            "same_person",
            "This is the active identity's own DUF-number",
        ));
    }
    let now = state.clock.now();
    let log = ChangeLog {
        actor: actor.name(),
        reason: reason.clone(),
        at: now,
    };
    let record = match state
        .store
        .link_duplicate(active.id, duplicate.id, &log)
        .await
    {
        Ok(record) => record,
        Err(StoreError::Conflict(what)) => {
            return Err(ApiError::Conflict(
                match what.as_str() {
                    "active_is_duplicate" => {
                        "This identity is itself a duplicate; link to its active identity"
                    }
                    "has_duplicates" => {
                        "That DUF-number has duplicates of its own; it is an active identity"
                    }
                    _ => "That DUF-number is already linked as a duplicate",
                }
                .into(),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    state.events_written();
    let mut on_active = actor.event_about(AuditAction::CorrectIdentity, now, active);
    on_active.fields = vec!["duplicates".to_owned()];
    on_active.reason = Some(reason.clone());
    let mut on_duplicate = actor.event_about(AuditAction::CorrectIdentity, now, &duplicate);
    on_duplicate.fields = vec!["duplicate_of".to_owned()];
    on_duplicate.reason = Some(reason);
    state.record_audit(&[on_active, on_duplicate]).await?;
    Ok(record)
}

/// Registers an alias of `person` (§ 15.2) with its history row and audit
/// event; a duplicate gets none (409).
pub async fn add_alias(
    state: &AppState,
    actor: Actor<'_>,
    person: &Person,
    request: &AliasRequest,
) -> Result<AliasRecord, ApiError> {
    let now = state.clock.now();
    let today =
        today(now).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("clock out of range")))?;
    // The same parse as the browser's form (shared::identity::Alias).
    let parsed = Alias::parse(
        &request.first_name,
        request.middle_name.as_deref(),
        &request.last_name,
        request.date_of_birth.as_deref(),
        request.citizenship.as_deref(),
        today,
    );
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let reason = reason_of(&request.reason, &mut errors);
    let alias = match parsed {
        Ok(alias) if errors.is_empty() => alias,
        _ => return Err(ApiError::Validation(errors)),
    };
    let new = NewAlias {
        person_id: person.id,
        first_name: alias.first_name.into_string(),
        middle_name: alias.middle_name.map(PersonName::into_string),
        last_name: alias.last_name.into_string(),
        date_of_birth: alias.date_of_birth,
        citizenship: alias.citizenship.map(CountryCode::into_string),
        log: ChangeLog {
            actor: actor.name(),
            reason: reason.clone(),
            at: now,
        },
    };
    let alias = match state.store.add_alias(&new).await {
        Ok(alias) => alias,
        Err(StoreError::Conflict(_)) => return Err(duplicate_refused()),
        Err(other) => return Err(other.into()),
    };
    state.events_written();
    let mut event = actor.event_about(AuditAction::CorrectIdentity, now, person);
    event.fields = vec!["aliases".to_owned()];
    event.reason = Some(reason);
    state.record_audit(&[event]).await?;
    Ok(alias)
}

/// The history entry of undoing a link or an alias made in error, by `cw`,
/// with the request's reason (422 naming `reason` when it is blank).
fn removal_log(
    state: &AppState,
    actor: Actor<'_>,
    request: &LinkRemovalRequest,
) -> Result<ChangeLog, ApiError> {
    let mut errors = Vec::new();
    let reason = reason_of(&request.reason, &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(ChangeLog {
        actor: actor.name(),
        reason,
        at: state.clock.now(),
    })
}

/// Undoes the link that makes `duplicate_id` a duplicate of `active` (a
/// person of the caller's organisation): 404 when there is no such link.
/// The duplicate can be changed again and the search no longer finds the
/// active identity through it. A history row and an audit event on both.
pub async fn unlink_duplicate(
    state: &AppState,
    actor: Actor<'_>,
    active: &Person,
    duplicate_id: Uuid,
    request: &LinkRemovalRequest,
) -> Result<(), ApiError> {
    let log = removal_log(state, actor, request)?;
    let (now, reason) = (log.at, log.reason.clone());
    let record = state
        .store
        .unlink_duplicate(active.id, duplicate_id, &log)
        .await?
        .ok_or(ApiError::NotFound)?;
    // A link is only ever made within one organisation, so the duplicate
    // is the caller's too; read for its audit event.
    let duplicate = state
        .store
        .person_by_id(record.duplicate_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    state.events_written();
    let mut on_active = actor.event_about(AuditAction::CorrectIdentity, now, active);
    on_active.fields = vec!["duplicates".to_owned()];
    on_active.reason = Some(reason.clone());
    let mut on_duplicate = actor.event_about(AuditAction::CorrectIdentity, now, &duplicate);
    on_duplicate.fields = vec!["duplicate_of".to_owned()];
    on_duplicate.reason = Some(reason);
    state.record_audit(&[on_active, on_duplicate]).await?;
    Ok(())
}

/// Removes the alias `alias_id` of `person` (registered in error): 404
/// when the person has no such alias, 409 when the person is a duplicate.
/// A history row keeps the removed alias; audited.
pub async fn remove_alias(
    state: &AppState,
    actor: Actor<'_>,
    person: &Person,
    alias_id: Uuid,
    request: &LinkRemovalRequest,
) -> Result<(), ApiError> {
    let log = removal_log(state, actor, request)?;
    let (now, reason) = (log.at, log.reason.clone());
    match state.store.remove_alias(person.id, alias_id, &log).await {
        Ok(Some(_)) => {}
        Ok(None) => return Err(ApiError::NotFound),
        Err(StoreError::Conflict(_)) => return Err(duplicate_refused()),
        Err(other) => return Err(other.into()),
    }
    state.events_written();
    let mut event = actor.event_about(AuditAction::CorrectIdentity, now, person);
    event.fields = vec!["aliases".to_owned()];
    event.reason = Some(reason);
    state.record_audit(&[event]).await?;
    Ok(())
}
