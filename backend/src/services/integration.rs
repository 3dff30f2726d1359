//! What API clients do with the organisation's people: write them by
//! DUF-number (one or a batch), read them, issue codes and read completed
//! registrations. Every read and change is audited with the client as the
//! actor. A person of another organisation is never revealed: reading one
//! is 404, writing one is 409 without saying whose it is.

use axum::http::StatusCode;
use kartlegg_shared::caseworker::{AuditAction, LinkedPerson};
use kartlegg_shared::domain::{DUF_DIGITS, DufNumber};
use kartlegg_shared::identity::IdentityDetails;
use kartlegg_shared::integration::{
    BatchItemResult, BatchPerson, IntegrationPeoplePage, IntegrationPerson, PersonPut,
};
use kartlegg_shared::problem::{FieldError, Problem, ProblemKind};

use crate::AppState;
use crate::auth::client::ClientAccess;
use crate::db::{NewAuditEvent, Person, PersonUpsert, StoreError, UpsertOutcome, VersionedPerson};
use crate::dto::{self, api_time};
use crate::error::ApiError;
use crate::services::identity;

/// The most people one batch may carry.
pub const MAX_BATCH: usize = 1000;

/// The reason recorded when a client changes a person's identity.
const CLIENT_REASON: &str = "Written by an API client";

/// A DUF-number from a path or a batch item.
/// Systems send exactly the 12 ASCII digits (people may type spaces or
/// other digits; a system has no reason to).
pub fn duf(field: &str, value: &str) -> Result<DufNumber, ApiError> {
    let digits = value.len() == DUF_DIGITS && value.bytes().all(|b| b.is_ascii_digit());
    DufNumber::parse(value)
        .ok()
        .filter(|_| digits)
        .ok_or_else(|| ApiError::field(field, "invalid_duf_number", "A DUF-number has 12 digits"))
}

/// A person as systems see them, with their identity details.
pub fn view(p: &VersionedPerson, details: IdentityDetails) -> IntegrationPerson {
    let person = &p.person;
    IntegrationPerson {
        duf_number: person.duf_number.as_str().to_owned(),
        first_name: person.first_name.clone(),
        last_name: person.last_name.clone(),
        date_of_birth: person.date_of_birth.map(|d| d.to_string()),
        gender: person.gender,
        citizenships: person.citizenships.clone(),
        registration_number: person
            .registration_number
            .as_ref()
            .map(|r| r.as_str().to_owned()),
        national_id: person.national_id.as_ref().map(|n| n.as_str().to_owned()),
        created_at: api_time(person.created_at),
        version: p.version,
        details,
        duplicate_of: None,
        duplicates: Vec::new(),
        aliases: Vec::new(),
    }
}

/// People as systems see them, their details read in one query.
pub async fn views(
    state: &AppState,
    people: &[VersionedPerson],
) -> Result<Vec<IntegrationPerson>, ApiError> {
    let ids: Vec<_> = people.iter().map(|p| p.person.id).collect();
    let mut details = state.store.identity_details(&ids).await?;
    Ok(people
        .iter()
        .map(|p| {
            let d = details
                .iter()
                .position(|(id, _)| *id == p.person.id)
                .map(|i| details.swap_remove(i).1)
                .unwrap_or_default();
            view(p, d)
        })
        .collect())
}

/// One person as systems see them, with their duplicates and aliases.
pub async fn view_one(
    state: &AppState,
    person: &VersionedPerson,
) -> Result<IntegrationPerson, ApiError> {
    let id = person.person.id;
    let (duplicate_of, duplicates) = state.store.duplicate_links(id).await?;
    let aliases = state.store.aliases(id).await?;
    Ok(IntegrationPerson {
        duplicate_of: duplicate_of.map(|d| LinkedPerson {
            id: d.active_id.to_string(),
            duf_number: d.active_duf.as_str().to_owned(),
        }),
        duplicates: duplicates.iter().map(dto::duplicate_info).collect(),
        aliases: aliases.iter().map(dto::alias_info).collect(),
        ..view(person, identity::details_of(state, id).await?)
    })
}

/// The person with this DUF-number in the client's organisation; 404 for
/// none and for another organisation's alike.
pub async fn person_of_client(
    state: &AppState,
    access: &ClientAccess,
    duf: &DufNumber,
) -> Result<VersionedPerson, ApiError> {
    state
        .store
        .versioned_person(duf)
        .await?
        .filter(|p| p.person.organisation_id == access.client.organisation_id)
        .ok_or(ApiError::NotFound)
}

/// Writes one person: 201 created, 200 updated (or unchanged). With
/// `if_match`, only the person at that version is changed (412 otherwise,
/// and for no person at all). The events to audit are returned, so a batch
/// appends them in one go.
pub async fn put(
    state: &AppState,
    access: &ClientAccess,
    duf: &DufNumber,
    body: &PersonPut,
    if_match: Option<i64>,
) -> Result<(StatusCode, VersionedPerson, Vec<NewAuditEvent>), ApiError> {
    let now = state.clock.now();
    let actor = format!("API client: {}", access.client.name);
    let identity = identity::correction(&body.as_update(CLIENT_REASON), actor, now)?;
    let reason = identity.log.reason.clone();
    // A PUT that changes nothing leaves the version (and so the ETag) alone.
    let mut before_details = IdentityDetails::default();
    if let Some(current) = state.store.versioned_person(duf).await?
        && current.person.organisation_id == access.client.organisation_id
    {
        before_details = identity::details_of(state, current.person.id).await?;
        if if_match.is_none_or(|v| v == current.version)
            && identity::changed_fields(&current.person, &before_details, &identity).is_empty()
        {
            return Ok((StatusCode::OK, current, Vec::new()));
        }
    }
    let outcome = state
        .store
        .upsert_person(&PersonUpsert {
            organisation_id: access.client.organisation_id,
            duf_number: duf.clone(),
            identity: identity.clone(),
            expected_version: if_match,
            now,
        })
        .await;
    match outcome {
        Ok(UpsertOutcome::Created(created)) => {
            state.events_written();
            let event = access.event_about(AuditAction::PersonCreated, now, &created.person);
            Ok((StatusCode::CREATED, created, vec![event]))
        }
        Ok(UpsertOutcome::Updated { before, after }) => {
            state.events_written();
            let mut event = access.event_about(AuditAction::CorrectIdentity, now, &after.person);
            event.fields = identity::changed_fields(&before, &before_details, &identity);
            event.reason = Some(reason);
            Ok((StatusCode::OK, after, vec![event]))
        }
        Ok(UpsertOutcome::OtherOrganisation) => Err(ApiError::Conflict(
            "This DUF-number belongs to a person followed up by another organisation".into(),
        )),
        Ok(UpsertOutcome::Stale) => Err(ApiError::PreconditionFailed),
        Err(StoreError::Conflict(what)) => Err(identity::change_conflict(&what)),
        Err(other) => Err(other.into()),
    }
}

/// Writes a batch, item by item: each item succeeds or fails on its own
/// (the batch is not all-or-nothing), and is answered with the status it
/// would have had alone. One audit append for the whole batch.
pub async fn batch(
    state: &AppState,
    access: &ClientAccess,
    items: &[BatchPerson],
) -> Result<Vec<BatchItemResult>, ApiError> {
    if items.is_empty() || items.len() > MAX_BATCH {
        return Err(ApiError::field(
            "people",
            "batch_size",
            "Send 1 to 1000 people in a batch",
        ));
    }
    let mut results = Vec::with_capacity(items.len());
    let mut events = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let outcome = match duf(&format!("people[{i}].duf_number"), &item.duf_number) {
            Ok(duf) => put(state, access, &duf, &item.person, None).await,
            Err(error) => Err(error),
        };
        let outcome = match outcome {
            Ok((status, person, item_events)) => view_one(state, &person)
                .await
                .map(|shown| (status, shown, item_events)),
            Err(error) => Err(error),
        };
        results.push(match outcome {
            Ok((status, person, mut item_events)) => {
                events.append(&mut item_events);
                BatchItemResult {
                    duf_number: item.duf_number.clone(),
                    status: status.as_u16(),
                    person: Some(person),
                    problem: None,
                }
            }
            Err(error @ (ApiError::Validation(_) | ApiError::Conflict(_))) => BatchItemResult {
                duf_number: item.duf_number.clone(),
                status: error.kind().status(),
                person: None,
                problem: Some(item_problem(error, i)),
            },
            Err(other) => {
                // Keep what was written audited before failing the request.
                state.record_audit(&events).await?;
                return Err(other);
            }
        });
    }
    state.record_audit(&events).await?;
    Ok(results)
}

/// An item's problem, its fields named within the batch.
fn item_problem(error: ApiError, index: usize) -> Problem {
    let mut problem = Problem::new(error.kind());
    match error {
        ApiError::Validation(errors) => {
            problem = problem.with_errors(
                errors
                    .into_iter()
                    .map(|e| {
                        if e.field.starts_with("people[") {
                            e
                        } else {
                            FieldError::new(
                                format!("people[{index}].person.{}", e.field),
                                e.code,
                                e.message,
                            )
                        }
                    })
                    .collect(),
            );
        }
        ApiError::Conflict(detail) => problem = problem.with_detail(detail),
        _ => {}
    }
    debug_assert!(problem.status != ProblemKind::Internal.status());
    problem
}

/// Audits a client's read of these people (one event each, one append).
pub async fn audit_reads(
    state: &AppState,
    access: &ClientAccess,
    action: AuditAction,
    people: &[&Person],
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let events: Vec<NewAuditEvent> = people
        .iter()
        .map(|p| access.event_about(action, now, p))
        .collect();
    state.record_audit(&events).await?;
    Ok(())
}

/// The most people on one page of `GET /api/v1/people`.
pub const MAX_LIMIT: u32 = 500;

/// A page of the client's organisation's people in DUF-number order, after
/// the DUF-number `after` (keyset paging: any depth is as fast as the first
/// page), `limit` of them (1 to [`MAX_LIMIT`], 100 by default); each person
/// listed is audited as read by the client.
pub async fn people_page(
    state: &AppState,
    access: &ClientAccess,
    after: Option<&str>,
    limit: Option<u32>,
) -> Result<IntegrationPeoplePage, ApiError> {
    let limit = limit.unwrap_or(100);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::field("limit", "out_of_range", "Give 1 to 500"));
    }
    let after = after.map(|a| duf("after", a)).transpose()?;
    let page = state
        .store
        .people_after(
            access.client.organisation_id,
            after.as_ref().map(|d| d.as_str()),
            limit + 1,
        )
        .await?;
    let more = page.len() > limit as usize;
    let shown = &page[..page.len().min(limit as usize)];
    audit_reads(
        state,
        access,
        AuditAction::List,
        &shown.iter().map(|p| &p.person).collect::<Vec<_>>(),
    )
    .await?;
    Ok(IntegrationPeoplePage {
        people: views(state, shown).await?,
        next: more
            .then(|| {
                shown
                    .last()
                    .map(|p| p.person.duf_number.as_str().to_owned())
            })
            .flatten(),
    })
}
