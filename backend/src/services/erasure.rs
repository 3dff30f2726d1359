//! Erasure (SPEC §8): a person erased on request by a counsellor or an
//! administrator, and the retention job that erases people and
//! registrations whose retention period has ended (seed 002 § 11).
//!
//! What an erasure deletes is decided in the store (`db::erasure`), in one
//! transaction; here are the rules around it. The audit event of an
//! erasure names no personal data: no person id, no name, no DUF-number;
//! only who erased, when, the organisation the person belonged to, how
//! many rows of each kind went, and the reason. The audit log is an
//! append-only hash chain, so it must never need to change for an erasure:
//! its events carry person ids (random UUIDs that, once the person's row is
//! gone, name no one) and never names or numbers.

use chrono::{DateTime, Months, Utc};
use kartlegg_shared::caseworker::AuditAction;
use kartlegg_shared::fields::ErasureReason;

use crate::AppState;
use crate::audit::AuditLog;
use crate::auth::CaseworkerSession;
use crate::config::defaults;
use crate::db::{DuePerson, DueRegistration, Erased, NewAuditEvent, Person, Store, StoreError};
use crate::error::ApiError;
use crate::services::kept_answers;

/// Erases `person` (already found in the caller's organisation) on
/// request, and records the erasure. 404 when someone else erased them
/// first.
pub async fn erase_on_request(
    state: &AppState,
    cw: &CaseworkerSession,
    person: &Person,
    reason: &ErasureReason,
) -> Result<Erased, ApiError> {
    let now = state.clock.now();
    let erased = state
        .store
        .erase_person(person.id, now)
        .await?
        .ok_or(ApiError::NotFound)?;
    state.events_written();
    forget_kept_answers(state, person).await?;
    // After the commit, as every handler records its change: the audit
    // append takes its own lock and checkpoints. Should it fail, the
    // answer is a 500 and the log lacks this one event; the erasure stands.
    let event = NewAuditEvent {
        person_organisation_id: Some(person.organisation_id),
        fields: erased.fields(),
        reason: Some(reason.as_str().to_owned()),
        ..cw.event(AuditAction::ErasePerson, now)
    };
    state.record_audit(&[event]).await?;
    Ok(erased)
}

/// Forgets the answers kept for Idempotency-Key replays that are about
/// the person (a code issued to them, an import that named them): they are
/// sealed, so the store cannot tell, and they would otherwise replay the
/// person's data for up to a day. Only the organisation's clients can have
/// had the person's data in an answer; another's got a 404 or a 409 that
/// repeats only what it sent itself. The retention job does not need this:
/// answers are kept a day, and the people it erases had none for years.
async fn forget_kept_answers(state: &AppState, person: &Person) -> Result<(), ApiError> {
    for kept in state.store.kept_answers_of(person.organisation_id).await? {
        if kept_answers::about_person(state, &kept, person.duf_number.as_str()) {
            state
                .store
                .forget_kept_answer(kept.client_id, &kept.key)
                .await?;
        }
    }
    Ok(())
}

/// How long personal data is kept (see the README's "Retention").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// A person with no activity for this many years is erased.
    pub person_years: u32,
    /// A registration last changed this many years ago is erased.
    pub registration_years: u32,
    /// A `person.erased` change event (which holds the DUF-number) is
    /// deleted this many days after the erasure.
    pub erasure_notice_days: u32,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        Self {
            person_years: defaults::RETAIN_PERSON_YEARS,
            registration_years: defaults::RETAIN_REGISTRATION_YEARS,
            erasure_notice_days: defaults::RETAIN_ERASURE_NOTICE_DAYS,
        }
    }
}

impl RetentionPolicy {
    fn years_before(now: DateTime<Utc>, years: u32) -> DateTime<Utc> {
        now.checked_sub_months(Months::new(years.saturating_mul(12)))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// Activity before this is too old to keep a person for.
    pub fn person_cutoff(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        Self::years_before(now, self.person_years)
    }

    /// A registration last changed before this is erased.
    pub fn registration_cutoff(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        Self::years_before(now, self.registration_years)
    }

    /// An erasure notice older than this is deleted.
    pub fn notice_cutoff(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - chrono::Duration::days(self.erasure_notice_days.into())
    }
}

/// What a retention run erased, or would erase.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionReport {
    /// People erased (or due), with what went with each.
    pub people: Vec<(DuePerson, Erased)>,
    /// Registrations erased (or due) of people who stay.
    pub registrations: Vec<DueRegistration>,
    /// Erasure notices deleted (a dry run counts none).
    pub notices: u64,
}

/// How many rows a run reads at a time.
const BATCH: i64 = 500;
/// The most a dry run lists of each kind.
pub const DRY_RUN_MOST: i64 = 100_000;

/// Runs the retention rules at `now`: with an audit log to record in,
/// erases what is due and records each erasure (as the actor
/// `retention`); without (a dry run), only lists it. Safe to run on several instances at once: each
/// erasure locks the person and deletes only what is still due.
pub async fn run_retention(
    store: &dyn Store,
    audit: Option<&AuditLog>,
    policy: &RetentionPolicy,
    now: DateTime<Utc>,
) -> Result<RetentionReport, StoreError> {
    let mut report = RetentionReport::default();
    let person_cutoff = policy.person_cutoff(now);
    let registration_cutoff = policy.registration_cutoff(now);
    let person_reason = format!(
        "Retention: no activity for {} years (seed 002 § 11)",
        policy.person_years
    );
    let registration_reason = format!(
        "Retention: registration older than {} years (seed 002 § 11)",
        policy.registration_years
    );
    let Some(audit) = audit else {
        for due in store
            .people_inactive_since(person_cutoff, DRY_RUN_MOST)
            .await?
        {
            report.people.push((due, Erased::default()));
        }
        let going: std::collections::HashSet<_> = report.people.iter().map(|(p, _)| p.id).collect();
        report.registrations = store
            .registrations_changed_before(registration_cutoff, DRY_RUN_MOST)
            .await?
            .into_iter()
            .filter(|r| !going.contains(&r.person_id))
            .collect();
        return Ok(report);
    };
    loop {
        let due = store.people_inactive_since(person_cutoff, BATCH).await?;
        let mut events = Vec::new();
        for person in due.iter().cloned() {
            // `None`: another instance erased them in the meantime.
            if let Some(erased) = store.erase_person(person.id, now).await? {
                events.push(NewAuditEvent {
                    person_organisation_id: Some(person.organisation_id),
                    fields: erased.fields(),
                    reason: Some(person_reason.clone()),
                    ..job_event(AuditAction::ErasePerson, now)
                });
                report.people.push((person, erased));
            }
        }
        audit.append(store, &events).await?;
        if events.is_empty() {
            break;
        }
    }
    loop {
        let due = store
            .registrations_changed_before(registration_cutoff, BATCH)
            .await?;
        let mut events = Vec::new();
        for registration in due {
            if store
                .erase_registration(registration.id, registration_cutoff)
                .await?
            {
                events.push(NewAuditEvent {
                    // The person stays, so the event may name them like any
                    // other event about them.
                    person_id: Some(registration.person_id),
                    person_organisation_id: Some(registration.organisation_id),
                    registration_id: Some(registration.id),
                    fields: vec!["registration".to_owned()],
                    reason: Some(registration_reason.clone()),
                    ..job_event(AuditAction::EraseRegistration, now)
                });
                report.registrations.push(registration);
            }
        }
        audit.append(store, &events).await?;
        if events.is_empty() {
            break;
        }
    }
    report.notices = store
        .forget_erasure_notices(policy.notice_cutoff(now))
        .await?;
    Ok(report)
}

/// An event of the retention job, which acts for no account.
fn job_event(action: AuditAction, at: DateTime<Utc>) -> NewAuditEvent {
    NewAuditEvent {
        at,
        actor_id: None,
        actor: "retention".to_owned(),
        organisation_id: None,
        action,
        person_id: None,
        person_organisation_id: None,
        registration_id: None,
        fields: Vec::new(),
        reason: None,
        client_address: None,
        request_id: None,
    }
}

/// Runs the retention rules every `every` inside `kartlegg serve`, first a
/// minute after start. Logs counts only: what was erased is in the audit
/// log, and names never go to the log.
pub async fn retention_job(state: AppState, policy: RetentionPolicy, every: std::time::Duration) {
    let mut ticks = tokio::time::interval_at(
        tokio::time::Instant::now() + std::time::Duration::from_secs(60),
        every,
    );
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let now = state.clock.now();
        match run_retention(state.store.as_ref(), Some(&state.audit), &policy, now).await {
            Ok(report) => {
                if !report.people.is_empty() {
                    state.events_written();
                }
                tracing::info!(
                    people = report.people.len(),
                    registrations = report.registrations.len(),
                    erasure_notices = report.notices,
                    "retention run"
                );
            }
            Err(error) => tracing::error!(%error, "the retention run failed; it runs again later"),
        }
    }
}
