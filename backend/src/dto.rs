//! How stored records look on the wire: every mapping from a store record
//! to an API type, and the API's one time format. Handlers and services
//! build their answers from these, so a field is written one way
//! everywhere.

use chrono::{DateTime, SecondsFormat, Utc};
use kartlegg_shared::api::{ConsentRecord, Registration};
use kartlegg_shared::caseworker::{
    Account, AliasInfo, AuditEventInfo, CodeEndReason, CodeInfo, CodeStatus, DuplicateInfo,
    IdentityHistoryEntry, LinkedPerson, Me, OrganisationInfo, PersonIdentity, PersonSummary,
    RegistrationHistoryEntry, Remark,
};
use kartlegg_shared::identity::IdentityDetails;
use uuid::Uuid;

use crate::db::{
    AliasRecord, AuditEventRecord, Caseworker, CodeSummary, Consent, DuplicateRecord,
    IdentityHistoryRecord, Organisation, Person, PersonListing, RemarkRecord, StoredRegistration,
};

/// A time as the API writes it: RFC 3339 in UTC, to the second.
pub fn api_time(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A feed position as clients see it: opaque to them, it names a place in
/// the feed, which only grows.
pub fn feed_cursor(position: i64) -> String {
    format!("p{position}")
}

/// A change event as the feed and webhooks show it.
pub fn change_event(event: &crate::db::StoredEvent) -> kartlegg_shared::integration::ChangeEvent {
    kartlegg_shared::integration::ChangeEvent {
        id: event.id.to_string(),
        kind: event.kind,
        duf_number: event.duf_number.as_str().to_owned(),
        registration_id: event.registration_id.map(|id| id.to_string()),
        occurred_at: api_time(event.occurred_at),
        cursor: feed_cursor(event.position),
    }
}

impl From<&StoredRegistration> for Registration {
    fn from(r: &StoredRegistration) -> Self {
        Self {
            id: r.id.to_string(),
            status: r.status,
            questionnaire_version: r.questionnaire_version,
            revision: r.revision,
            answers: r.answers.clone(),
            saved_sections: r.saved_sections.clone(),
            created_at: api_time(r.created_at),
            updated_at: api_time(r.updated_at),
            completed_at: r.completed_at.map(api_time),
            language: r.language.clone(),
            // The applicant's own calls leave it out; the back office and the
            // form registered together add it (`with_provenance`).
            provenance: Default::default(),
        }
    }
}

/// The registration with who gave each answer, for the back office and
/// the form registered together.
pub fn with_provenance(r: &StoredRegistration) -> Registration {
    Registration {
        provenance: r.provenance.clone(),
        ..Registration::from(r)
    }
}

/// A list row as the API shows it.
pub fn summary(listing: &PersonListing) -> PersonSummary {
    let p = &listing.person;
    PersonSummary {
        id: p.id.to_string(),
        duf_number: p.duf_number.as_str().to_owned(),
        first_name: p.first_name.clone(),
        last_name: p.last_name.clone(),
        date_of_birth: p.date_of_birth.map(|d| d.to_string()),
        state: listing.state,
        completed_at: listing.completed_at.map(api_time),
        on_worklist: listing.on_worklist,
        found_through: None,
    }
}

/// Identity as the API shows it.
pub fn identity(p: &Person, details: IdentityDetails) -> PersonIdentity {
    PersonIdentity {
        id: p.id.to_string(),
        duf_number: p.duf_number.as_str().to_owned(),
        first_name: p.first_name.clone(),
        last_name: p.last_name.clone(),
        date_of_birth: p.date_of_birth.map(|d| d.to_string()),
        gender: p.gender,
        citizenships: p.citizenships.clone(),
        registration_number: p
            .registration_number
            .as_ref()
            .map(|r| r.as_str().to_owned()),
        national_id: p.national_id.as_ref().map(|n| n.as_str().to_owned()),
        details,
    }
}

/// A duplicate link as the active identity's page lists it.
pub fn duplicate_info(r: &DuplicateRecord) -> DuplicateInfo {
    DuplicateInfo {
        person: LinkedPerson {
            id: r.duplicate_id.to_string(),
            duf_number: r.duplicate_duf.as_str().to_owned(),
        },
        linked_at: api_time(r.linked_at),
        linked_by: r.linked_by.clone(),
        reason: r.reason.clone(),
    }
}

/// An alias as the API shows it.
pub fn alias_info(a: &AliasRecord) -> AliasInfo {
    AliasInfo {
        id: a.id.to_string(),
        first_name: a.first_name.clone(),
        middle_name: a.middle_name.clone(),
        last_name: a.last_name.clone(),
        date_of_birth: a.date_of_birth.map(|d| d.to_string()),
        citizenship: a.citizenship.clone(),
        created_at: api_time(a.created_at),
        created_by: a.created_by.clone(),
        reason: a.reason.clone(),
    }
}

/// One changed field of the identity history.
pub fn history_entry_of_identity(r: &IdentityHistoryRecord) -> IdentityHistoryEntry {
    IdentityHistoryEntry {
        changed_at: api_time(r.changed_at),
        actor: r.actor.clone(),
        reason: r.reason.clone(),
        field: r.field.clone(),
        old_value: r.old_value.clone(),
        new_value: r.new_value.clone(),
        source: r.source,
        old: r.old_data.clone(),
        new: r.new_data.clone(),
    }
}

/// An organisation as the API names it.
pub fn organisation_info(org: &Organisation) -> OrganisationInfo {
    OrganisationInfo {
        id: org.id.to_string(),
        number: org.number.clone(),
        name: org.name.clone(),
    }
}

/// The logged-in caseworker.
pub fn me(account: &Caseworker, org: &Organisation) -> Me {
    Me {
        account_id: account.id.to_string(),
        username: account.username.clone(),
        display_name: account.display_name.clone(),
        organisation: organisation_info(org),
        roles: account.roles.clone(),
        totp_enabled: account.totp_secret.is_some(),
    }
}

/// An account as its administrator sees it.
pub fn account(a: &Caseworker) -> Account {
    Account {
        id: a.id.to_string(),
        username: a.username.clone(),
        display_name: a.display_name.clone(),
        roles: a.roles.clone(),
        disabled: a.disabled_at.is_some(),
        totp_enabled: a.totp_secret.is_some(),
        created_at: api_time(a.created_at),
    }
}

/// A remark as the API shows it.
pub fn remark(r: &RemarkRecord) -> Remark {
    Remark {
        id: r.id.to_string(),
        text: r.text.clone(),
        author: r.author.clone(),
        created_at: api_time(r.created_at),
    }
}

/// A code's state at `now`, without the code.
pub fn code_info(code: &CodeSummary, now: DateTime<Utc>) -> CodeInfo {
    let end_reason = code.end_reason;
    let status = match (code.ended_at, end_reason) {
        (Some(_), Some(CodeEndReason::LoggedOut)) => CodeStatus::UsedUp,
        (Some(_), _) => CodeStatus::Ended,
        (None, _) if now >= code.expires_at => CodeStatus::Expired,
        (None, _) => CodeStatus::Active,
    };
    CodeInfo {
        status,
        issued_at: api_time(code.created_at),
        expires_at: api_time(code.expires_at),
        ended_at: code.ended_at.map(api_time),
        end_reason,
        wrong_tries: u32::try_from(code.wrong_tries).unwrap_or(u32::MAX),
    }
}

/// One audit event as the auditor's page shows it.
pub fn audit_event_info(r: AuditEventRecord) -> AuditEventInfo {
    let show = |u: Option<Uuid>| u.map(|u| u.to_string());
    AuditEventInfo {
        seq: r.seq,
        at: api_time(r.event.at),
        actor_id: show(r.event.actor_id),
        actor: r.event.actor,
        organisation_id: show(r.event.organisation_id),
        action: r.event.action,
        person_id: show(r.event.person_id),
        registration_id: show(r.event.registration_id),
        fields: r.event.fields,
        reason: r.event.reason,
        client_address: r.event.client_address,
        request_id: r.event.request_id,
    }
}

/// One registration in a person's history.
pub fn history_entry(r: &StoredRegistration) -> RegistrationHistoryEntry {
    RegistrationHistoryEntry {
        id: r.id.to_string(),
        number: r.number,
        status: r.status,
        questionnaire_version: r.questionnaire_version,
        created_at: api_time(r.created_at),
        updated_at: api_time(r.updated_at),
        completed_at: r.completed_at.map(api_time),
    }
}

/// One answer to the consent declaration.
pub fn consent_record(c: Consent) -> ConsentRecord {
    ConsentRecord {
        version: c.version,
        decision: c.decision,
        decided_at: api_time(c.decided_at),
    }
}
