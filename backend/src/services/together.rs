//! Registering together with the applicant (issue #15 item 4): a counsellor
//! opens the applicant's form in their own session, for a person of their
//! organisation, once the applicant's consent is recorded, and saves through
//! the applicant's own save path (`services::registration`), with the
//! counsellor and the interpreter as each given answer's provenance.
//!
//! Every call names the together session by its opaque id and is checked
//! afresh: the caller is a counsellor, the session is theirs and still open,
//! and its person is still in their organisation. Anything else is the same
//! 404 as no session at all. Each step is audited as `register_together`
//! with what happened in `fields` (never an answer, the interpreter's name
//! or number).

use kartlegg_shared::api::{CONSENT_VERSION, ConsentDecision, ConsentRequest, SaveSectionRequest};
use kartlegg_shared::caseworker::{AuditAction, Role};
use kartlegg_shared::language::UiLanguage;
use kartlegg_shared::problem::FieldError;
use kartlegg_shared::together::{
    AnswerProvenance, AnswerSource, ConsentGiven, Interpreter, StartTogether, TogetherSession,
};
use uuid::Uuid;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::person_in_org;
use crate::db::{NewTogether, Person, StoredRegistration, TogetherRecord};
use crate::error::ApiError;
use crate::services::registration;

/// A together session the caller may use, with its person.
pub struct Together {
    pub record: TogetherRecord,
    pub person: Person,
}

impl Together {
    /// The session as the form reads it.
    pub fn view(&self) -> TogetherSession {
        TogetherSession {
            id: self.record.id.to_string(),
            person_id: self.person.id.to_string(),
            first_name: self.person.first_name.clone(),
            language: self.record.language.clone(),
            consent: self.record.consent_given,
            consent_required: self.record.consented_at.is_none(),
            consent_version: CONSENT_VERSION.to_owned(),
            interpreter: self.record.interpreter.clone(),
        }
    }

    /// The provenance of the answers given in this session.
    fn provenance(&self, cw: &CaseworkerSession) -> AnswerProvenance {
        AnswerProvenance {
            by: AnswerSource::Staff,
            account_id: Some(cw.account.id.to_string()),
            account: Some(cw.account.display_name.clone()),
            interpreter: self.record.interpreter.clone(),
        }
    }

    /// 403 until the applicant's consent is recorded in this session.
    fn require_consent(&self) -> Result<(), ApiError> {
        if self.record.consented_at.is_some() {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// Opens a together session for a person of the caller's organisation. With
/// `in_person`, the counsellor's confirmation is the consent, recorded now.
pub async fn start(
    state: &AppState,
    cw: &CaseworkerSession,
    person_id: Uuid,
    request: StartTogether,
) -> Result<Together, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let person = person_in_org(state, cw, person_id).await?.person;
    let mut errors = Vec::new();
    let language = match UiLanguage::parse(&request.language) {
        Ok(l) => l.code().to_owned(),
        Err(e) => {
            errors.push(FieldError::new("language", e.code, e.message));
            String::new()
        }
    };
    if request.consent == ConsentGiven::OwnSession {
        errors.push(FieldError::new(
            "consent",
            "invalid_consent",
            "Together with the applicant, consent is given in person or on the screen",
        ));
    }
    let interpreter = match &request.interpreter {
        None => None,
        Some(i) => match Interpreter::parse(
            "interpreter",
            &i.language,
            i.name.as_deref(),
            i.number.as_deref(),
        ) {
            Ok(i) => Some(i),
            Err(mut e) => {
                errors.append(&mut e);
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = state.clock.now();
    let in_person = request.consent == ConsentGiven::InPerson;
    let record = state
        .store
        .start_together(&NewTogether {
            person_id: person.id,
            caseworker_id: cw.account.id,
            language,
            consent_given: request.consent,
            consent_version: in_person.then(|| CONSENT_VERSION.to_owned()),
            interpreter,
            now,
        })
        .await?;
    let together = Together { record, person };
    let mut fields = vec![
        "start".to_owned(),
        format!("consent:{}", request.consent.as_str()),
    ];
    if in_person {
        fields.push("consent_recorded".to_owned());
    }
    if together.record.interpreter.is_some() {
        fields.push("interpreter".to_owned());
    }
    audit(state, cw, &together, fields, None).await?;
    Ok(together)
}

/// The caller's open together session `id`, with its person still in the
/// caller's organisation; 404 for anything else.
pub async fn open(
    state: &AppState,
    cw: &CaseworkerSession,
    id: Uuid,
) -> Result<Together, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let record = state
        .store
        .together_session(id)
        .await?
        .filter(|t| t.caseworker_id == cw.account.id && t.ended_at.is_none())
        .ok_or(ApiError::NotFound)?;
    let person = person_in_org(state, cw, record.person_id).await?.person;
    Ok(Together { record, person })
}

/// The applicant's answer to the declaration on the counsellor's screen.
/// `None` after a decline: the session has ended.
pub async fn consent(
    state: &AppState,
    cw: &CaseworkerSession,
    together: Together,
    request: ConsentRequest,
) -> Result<Option<Together>, ApiError> {
    if request.version != CONSENT_VERSION {
        return Err(ApiError::field(
            "version",
            "outdated_version",
            "The consent declaration has changed; show the current one",
        ));
    }
    if together.record.consent_given != ConsentGiven::OnScreen {
        return Err(ApiError::Conflict(
            "The counsellor confirmed this applicant's consent in person".into(),
        ));
    }
    let now = state.clock.now();
    let record = state
        .store
        .record_together_consent(together.record.id, &request.version, request.decision, now)
        .await?
        .ok_or_else(|| ApiError::Conflict("The consent is recorded already".into()))?;
    let answered = Together {
        record,
        person: together.person,
    };
    let decision = match request.decision {
        ConsentDecision::Accept => "consent:on_screen:accept",
        ConsentDecision::Decline => "consent:on_screen:decline",
    };
    audit(state, cw, &answered, vec![decision.to_owned()], None).await?;
    Ok((request.decision == ConsentDecision::Accept).then_some(answered))
}

/// The person's current registration (an empty draft on the first call).
pub async fn current(
    state: &AppState,
    cw: &CaseworkerSession,
    together: &Together,
) -> Result<StoredRegistration, ApiError> {
    together.require_consent()?;
    let current = registration::current_or_new(state, together.person.id).await?;
    audit(
        state,
        cw,
        together,
        vec!["read".to_owned()],
        Some(current.id),
    )
    .await?;
    Ok(current)
}

/// Saves one part through the applicant's own save path, with the
/// counsellor (and the interpreter) as the given answers' provenance.
pub async fn save_section(
    state: &AppState,
    cw: &CaseworkerSession,
    together: &Together,
    section: &str,
    request: SaveSectionRequest,
) -> Result<StoredRegistration, ApiError> {
    together.require_consent()?;
    let by = together.provenance(cw);
    let saved =
        registration::save_section(state, together.person.id, section, request, &by).await?;
    audit(
        state,
        cw,
        together,
        vec![format!("section:{section}")],
        Some(saved.id),
    )
    .await?;
    Ok(saved)
}

/// Completes the registration, as the applicant's completion does.
pub async fn complete(
    state: &AppState,
    cw: &CaseworkerSession,
    together: &Together,
) -> Result<StoredRegistration, ApiError> {
    together.require_consent()?;
    let completed = registration::complete(state, together.person.id).await?;
    audit(
        state,
        cw,
        together,
        vec!["complete".to_owned()],
        Some(completed.id),
    )
    .await?;
    Ok(completed)
}

/// Starts a new draft after a completed registration, as the applicant's
/// "fill in again" does.
pub async fn start_again(
    state: &AppState,
    cw: &CaseworkerSession,
    together: &Together,
) -> Result<StoredRegistration, ApiError> {
    together.require_consent()?;
    let filled = registration::start_again(state, together.person.id).await?;
    audit(
        state,
        cw,
        together,
        vec!["start_again".to_owned()],
        Some(filled.id),
    )
    .await?;
    Ok(filled)
}

/// Ends the session; the form cannot be used in it any more.
pub async fn end(
    state: &AppState,
    cw: &CaseworkerSession,
    together: &Together,
) -> Result<(), ApiError> {
    state
        .store
        .end_together(together.record.id, state.clock.now())
        .await?;
    audit(state, cw, together, vec!["end".to_owned()], None).await
}

async fn audit(
    state: &AppState,
    cw: &CaseworkerSession,
    together: &Together,
    fields: Vec<String>,
    registration_id: Option<Uuid>,
) -> Result<(), ApiError> {
    let mut event = cw.event_about(
        AuditAction::RegisterTogether,
        state.clock.now(),
        &together.person,
    );
    event.fields = fields;
    event.registration_id = registration_id;
    state.record_audit(&[event]).await?;
    Ok(())
}
