//! The applicant's registration, reachable without HTTP: saving a part,
//! completing, and filling in again, each a conditional update of the one
//! draft (a stale revision, or a lost race, is a 409).

use chrono::Datelike;
use chrono::{DateTime, Utc};
use kartlegg_shared::api::{RegistrationStatus, SaveSectionRequest};
use kartlegg_shared::questionnaire::{Answers, Context, Questionnaire, prune, shipped, shipped_v1};
use kartlegg_shared::statistics::{AgeBand, counted_codes};
use kartlegg_shared::together::{AnswerProvenance, Provenance, provenance_after};
use uuid::Uuid;

use crate::AppState;
use crate::db::{CompletionFacts, DraftUpdate, Person, StoreError, StoredRegistration};
use crate::error::ApiError;
use crate::registration::{complete as check_complete, merge_section, with_saved_section};

/// Saves one part of the person's draft (`NotFound` for a part the
/// questionnaire lacks).
///
/// `by` is who gives the answers: the applicant in their own session, or a
/// counsellor registering together with them. Answers this save gives or
/// changes are recorded as theirs; the others keep their provenance.
pub async fn save_section(
    state: &AppState,
    person_id: Uuid,
    section: &str,
    request: SaveSectionRequest,
    by: &AnswerProvenance,
) -> Result<StoredRegistration, ApiError> {
    let language = request
        .language()
        .map_err(ApiError::Validation)?
        .map(|l| l.code().to_owned());
    let current = current_or_new(state, person_id).await?;
    let questionnaire = questionnaire_of(&current)?;
    if questionnaire.section(section).is_none() {
        return Err(ApiError::NotFound);
    }
    ensure_draft(&current)?;
    if request.revision != current.revision {
        return Err(stale());
    }
    let answers = merge_section(
        questionnaire,
        &current.answers,
        section,
        &request.answers,
        &context(state),
    )
    .map_err(ApiError::Validation)?;
    let provenance = provenance_after(&current.answers, &answers, &current.provenance, by);
    let saved = update(
        state,
        DraftUpdate {
            id: current.id,
            person_id,
            expected_revision: current.revision,
            answers,
            saved_sections: with_saved_section(questionnaire, &current.saved_sections, section),
            complete: false,
            language,
            provenance,
            now: state.clock.now(),
            facts: None,
        },
    )
    .await?;
    Ok(saved)
}

/// Completes the person's draft: every part checked, required answers
/// present.
pub async fn complete(state: &AppState, person_id: Uuid) -> Result<StoredRegistration, ApiError> {
    let current = current_or_new(state, person_id).await?;
    ensure_draft(&current)?;
    let questionnaire = questionnaire_of(&current)?;
    let answers = check_complete(questionnaire, &current.answers, &context(state))
        .map_err(ApiError::Validation)?;
    let now = state.clock.now();
    let facts = completion_facts(state, person_id, questionnaire, &answers, now).await?;
    // Completing gives no answer: each keeps whose it was.
    let provenance = kept_provenance(&answers, &current.provenance);
    let completed = update(
        state,
        DraftUpdate {
            id: current.id,
            person_id,
            expected_revision: current.revision,
            answers,
            saved_sections: current.saved_sections.clone(),
            complete: true,
            language: None,
            provenance,
            now,
            facts: Some(facts),
        },
    )
    .await?;
    state.events_written();
    Ok(completed)
}

/// What the completion adds to the statistics: the person only as an
/// organisation, an age band and a gender, and the coded answers.
async fn completion_facts(
    state: &AppState,
    person_id: Uuid,
    questionnaire: &Questionnaire,
    answers: &Answers,
    now: DateTime<Utc>,
) -> Result<CompletionFacts, ApiError> {
    let person = state
        .store
        .person_by_id(person_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(facts_of(&person, questionnaire, answers, now))
}

/// The statistics facts of `person` completing `answers` at `now`; the
/// demo's made-up completions use the same, so that they count as real
/// ones do.
pub fn facts_of(
    person: &Person,
    questionnaire: &Questionnaire,
    answers: &Answers,
    now: DateTime<Utc>,
) -> CompletionFacts {
    let today = now.date_naive();
    let age_band = person.date_of_birth.map_or(AgeBand::Unknown, |born| {
        let had_birthday =
            (today.month(), today.day()) >= (u32::from(born.month()), u32::from(born.day()));
        let years = today.year() - i32::from(born.year()) - i32::from(!had_birthday);
        AgeBand::of_age(u32::try_from(years).unwrap_or(0))
    });
    let week = today.iso_week();
    CompletionFacts {
        organisation_id: person.organisation_id,
        month: today.format("%Y-%m").to_string(),
        week: format!("{}-W{:02}", week.year(), week.week()),
        age_band,
        gender: person.gender,
        codes: counted_codes(questionnaire, answers),
    }
}

/// A new draft after a completed registration, with its answers that the
/// current questionnaire still shows.
pub async fn start_again(
    state: &AppState,
    person_id: Uuid,
) -> Result<StoredRegistration, ApiError> {
    let draft_open = || ApiError::Conflict("A registration is already being filled in".into());
    let latest = state.store.latest_registration(person_id).await?;
    if latest
        .as_ref()
        .is_some_and(|l| l.status == RegistrationStatus::Draft)
    {
        return Err(draft_open());
    }
    let created = new_draft(state, person_id).await.map_err(|e| match e {
        StoreError::Conflict(_) => draft_open(),
        other => other.into(),
    })?;
    let Some(previous) = latest else {
        return Ok(created);
    };
    // Started after a completed one: the store wrote its event.
    state.events_written();
    // The copy is the new draft's first save; the completed registration is
    // untouched, so a failure here loses nothing.
    let questionnaire = shipped_v1();
    let answers = prune(questionnaire, &previous.answers);
    let saved_sections = previous
        .saved_sections
        .iter()
        .filter(|s| questionnaire.section(s).is_some())
        .cloned()
        .collect();
    // The copied answers are still whoever gave them.
    let provenance = kept_provenance(&answers, &previous.provenance);
    let filled = update(
        state,
        DraftUpdate {
            id: created.id,
            person_id,
            expected_revision: created.revision,
            answers,
            saved_sections,
            complete: false,
            language: previous.language.clone(),
            provenance,
            now: state.clock.now(),
            facts: None,
        },
    )
    .await?;
    Ok(filled)
}

/// The newest registration, or a new empty draft when there is none. Two
/// first calls at once both end up with the one draft.
pub async fn current_or_new(
    state: &AppState,
    person_id: Uuid,
) -> Result<StoredRegistration, ApiError> {
    if let Some(latest) = state.store.latest_registration(person_id).await? {
        return Ok(latest);
    }
    match new_draft(state, person_id).await {
        Ok(created) => Ok(created),
        Err(StoreError::Conflict(_)) => state
            .store
            .latest_registration(person_id)
            .await?
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("draft vanished after a conflict"))),
        Err(other) => Err(other.into()),
    }
}

/// A new empty draft against the current questionnaire; `Conflict` when
/// the person has a draft already (the store holds one draft a person, so
/// of two creations at once one loses, and each caller says what that means).
async fn new_draft(state: &AppState, person_id: Uuid) -> Result<StoredRegistration, StoreError> {
    state
        .store
        .create_registration(person_id, shipped_v1().version, state.clock.now())
        .await
}

/// The questionnaire version the registration was started against.
fn questionnaire_of(
    registration: &StoredRegistration,
) -> Result<&'static kartlegg_shared::questionnaire::Questionnaire, ApiError> {
    shipped(registration.questionnaire_version).ok_or_else(|| {
        ApiError::Internal(anyhow::anyhow!(
            "registration answers questionnaire version {}, which this server lacks",
            registration.questionnaire_version
        ))
    })
}

fn ensure_draft(registration: &StoredRegistration) -> Result<(), ApiError> {
    match registration.status {
        RegistrationStatus::Draft => Ok(()),
        RegistrationStatus::Completed => Err(ApiError::Conflict(
            "The registration is completed and can no longer change; fill it in again to change it"
                .into(),
        )),
    }
}

fn stale() -> ApiError {
    ApiError::Conflict("The registration has changed since you loaded it; reload it".into())
}

/// Stores a conditional update; losing the race is a 409 like a stale revision.
async fn update(state: &AppState, update: DraftUpdate) -> Result<StoredRegistration, ApiError> {
    state
        .store
        .update_draft(&update)
        .await
        .map_err(|e| match e {
            StoreError::Stale => stale(),
            other => other.into(),
        })
}

/// The provenance of `answers` as `kept` records it (an answer without one,
/// which no save makes, stays without).
fn kept_provenance(answers: &Answers, kept: &Provenance) -> Provenance {
    answers
        .iter()
        .filter_map(|(id, _)| kept.get(id).map(|p| (id.to_owned(), p.clone())))
        .collect()
}

fn context(state: &AppState) -> Context {
    Context {
        current_year: state.clock.now().year(),
    }
}
