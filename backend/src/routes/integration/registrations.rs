//! Completed registrations, with every answer's stable code and, on
//! request, its labels, so that a receiving system needs no copy of the
//! code lists.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use kartlegg_shared::api::RegistrationStatus;
use kartlegg_shared::caseworker::AuditAction;
use kartlegg_shared::codes::{self, CodeList, CodeListId};
use kartlegg_shared::integration::{
    IntegrationAnswer, IntegrationRegistration, IntegrationRegistrations, Scope,
};
use kartlegg_shared::problem::Problem;
use kartlegg_shared::questionnaire::{AnswerValue, Question, Questionnaire, UI_LANGUAGES, shipped};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::conditional::json_with_etag;
use crate::AppState;
use crate::auth::client::ClientAccess;
use crate::db::{Person, StoredRegistration};
use crate::dto::api_time;
use crate::error::ApiError;
use crate::extract::{AppPath, AppQuery};
use crate::routes::responses::{BadPath, ClientToken, NoSuchPersonOfClient};
use crate::services::integration::{duf, person_of_client};

/// Which labels to add.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LabelsQuery {
    /// Comma-separated languages (of the 14: `nb`, `en`, `ar`, …) to add the
    /// label of every code in; absent: codes only.
    pub labels: Option<String>,
}

impl LabelsQuery {
    fn languages(&self) -> Result<Vec<&'static str>, ApiError> {
        let Some(raw) = &self.labels else {
            return Ok(Vec::new());
        };
        let mut langs = raw
            .split(',')
            .map(|code| {
                UI_LANGUAGES
                    .iter()
                    .find(|l| **l == code)
                    .copied()
                    .ok_or_else(|| {
                        ApiError::field("labels", "unknown_language", "Not one of the 14 languages")
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        langs.sort_unstable();
        langs.dedup();
        Ok(langs)
    }
}

/// A person's completed registrations, newest first (drafts are never
/// shown). Needs `registrations:read`; audited.
#[utoipa::path(
    get,
    path = "/api/v1/people/{duf_number}/registrations",
    tag = "registrations",
    security(("oauth2" = ["registrations:read"])),
    params(
        ("duf_number" = String, Path, description = "The DUF-number, 12 digits"),
        LabelsQuery,
        ("If-None-Match" = Option<String>, Header, description = "The ETag of an earlier answer: 304 without a body while it is still current"),
    ),
    responses(
        (status = 200, description = "The completed registrations", body = IntegrationRegistrations,
         headers(("ETag" = String, description = "The answer's version"))),
        (status = 304, description = "Not changed since the `If-None-Match` ETag"),
        (status = 422, description = "The DUF-number is not 12 digits, or an unknown language", body = Problem, content_type = "application/problem+json"),
        ClientToken, NoSuchPersonOfClient, BadPath,
    )
)]
pub async fn person_registrations(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppPath(duf_number): AppPath<String>,
    AppQuery(query): AppQuery<LabelsQuery>,
) -> Result<Response, ApiError> {
    access.require(Scope::RegistrationsRead)?;
    let langs = query.languages()?;
    let person = person_of_client(&state, &access, &duf("duf_number", &duf_number)?)
        .await?
        .person;
    let completed: Vec<StoredRegistration> = state
        .store
        .registrations(person.id)
        .await?
        .into_iter()
        .filter(|r| r.status == RegistrationStatus::Completed)
        .collect();
    audit(&state, &access, &person, &completed).await?;
    let body = IntegrationRegistrations {
        registrations: completed
            .iter()
            .map(|r| shown(&person, r, &langs))
            .collect(),
    };
    json_with_etag(&headers, StatusCode::OK, &body, None)
}

/// One completed registration by id, of a person of the organisation.
/// Needs `registrations:read`; audited.
#[utoipa::path(
    get,
    path = "/api/v1/registrations/{id}",
    tag = "registrations",
    security(("oauth2" = ["registrations:read"])),
    params(
        ("id" = String, Path, description = "The registration's id"),
        LabelsQuery,
        ("If-None-Match" = Option<String>, Header, description = "The ETag of an earlier answer: 304 without a body while it is still current"),
    ),
    responses(
        (status = 200, description = "The registration", body = IntegrationRegistration,
         headers(("ETag" = String, description = "The answer's version"))),
        (status = 304, description = "Not changed since the `If-None-Match` ETag"),
        (status = 404, description = "No completed registration with this id in the client's organisation", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown language", body = Problem, content_type = "application/problem+json"),
        ClientToken, BadPath,
    )
)]
pub async fn registration(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppPath(id): AppPath<String>,
    AppQuery(query): AppQuery<LabelsQuery>,
) -> Result<Response, ApiError> {
    access.require(Scope::RegistrationsRead)?;
    let langs = query.languages()?;
    let id = Uuid::parse_str(&id).map_err(|_| ApiError::NotFound)?;
    let found = state
        .store
        .registration_by_id(id)
        .await?
        .filter(|r| r.status == RegistrationStatus::Completed)
        .ok_or(ApiError::NotFound)?;
    let person = state
        .store
        .person_by_id(found.person_id)
        .await?
        .filter(|p| p.organisation_id == access.client.organisation_id)
        .ok_or(ApiError::NotFound)?;
    audit(&state, &access, &person, std::slice::from_ref(&found)).await?;
    json_with_etag(
        &headers,
        StatusCode::OK,
        &shown(&person, &found, &langs),
        None,
    )
}

async fn audit(
    state: &AppState,
    access: &ClientAccess,
    person: &Person,
    shown: &[StoredRegistration],
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let events: Vec<_> = shown
        .iter()
        .map(|r| {
            let mut event = access.event_about(AuditAction::ReadRegistrations, now, person);
            event.registration_id = Some(r.id);
            event.fields = vec!["answers".to_owned()];
            event
        })
        .collect();
    // A person with no completed registration was still looked at.
    let events = if events.is_empty() {
        vec![access.event_about(AuditAction::ReadRegistrations, now, person)]
    } else {
        events
    };
    state.record_audit(&events).await?;
    Ok(())
}

/// The texts labels are taken from, in the asked languages with the
/// translation files merged in; built once per request.
struct Labeller<'l> {
    questionnaire: Questionnaire,
    lists: BTreeMap<CodeListId, CodeList>,
    langs: &'l [&'l str],
}

impl<'l> Labeller<'l> {
    fn new(version: u32, langs: &'l [&'l str]) -> Option<Self> {
        if langs.is_empty() {
            return None;
        }
        Some(Self {
            questionnaire: shipped(version)?.with_languages(langs),
            lists: CodeListId::ALL
                .into_iter()
                .map(|id| (id, codes::shipped(id).with_languages(langs)))
                .collect(),
            langs,
        })
    }

    /// `{code: {language: label}}` for every code in an answer; `None`
    /// when the answer holds no code (a number, a free text).
    fn labels(&self, question_id: &str, value: &AnswerValue) -> Option<serde_json::Value> {
        let question = self.questionnaire.question(question_id)?;
        let mut out = BTreeMap::new();
        self.collect(question, value, &mut out);
        (!out.is_empty()).then(|| serde_json::to_value(out).unwrap_or_default())
    }

    fn collect(
        &self,
        question: &Question,
        value: &AnswerValue,
        out: &mut BTreeMap<String, BTreeMap<&'l str, String>>,
    ) {
        let codes: Vec<&String> = match value {
            AnswerValue::Text(code) => vec![code],
            AnswerValue::Choices(codes) => codes.iter().collect(),
            AnswerValue::Number(_) => Vec::new(),
            AnswerValue::Group(entries) => {
                let inner = question.answer.group_questions().unwrap_or_default();
                for entry in entries {
                    for (id, value) in entry.iter() {
                        if let Some(q) = inner.iter().find(|q| q.id == id) {
                            self.collect(q, value, out);
                        }
                    }
                }
                return;
            }
        };
        let list = question
            .answer
            .list()
            .and_then(|(id, _)| self.lists.get(&id));
        for code in codes {
            let option = question.answer.options().iter().find(|o| &o.code == code);
            let text = option
                .map(|o| &o.text)
                .or_else(|| list.and_then(|l| l.get(code)).map(|item| &item.text));
            // A free-text answer is no code: it gets no label.
            if let Some(text) = text {
                let texts = self
                    .langs
                    .iter()
                    .map(|lang| (*lang, text.get(lang).to_owned()))
                    .collect();
                out.insert(code.clone(), texts);
            }
        }
    }
}

fn shown(person: &Person, r: &StoredRegistration, langs: &[&str]) -> IntegrationRegistration {
    let labeller = Labeller::new(r.questionnaire_version, langs);
    IntegrationRegistration {
        id: r.id.to_string(),
        duf_number: person.duf_number.as_str().to_owned(),
        number: r.number,
        status: r.status,
        questionnaire_version: r.questionnaire_version,
        language: r.language.clone(),
        completed_at: r.completed_at.map(api_time).unwrap_or_default(),
        answers: r
            .answers
            .iter()
            .map(|(id, value)| IntegrationAnswer {
                question: id.to_owned(),
                value: serde_json::to_value(value).unwrap_or_default(),
                labels: labeller.as_ref().and_then(|l| l.labels(id, value)),
                provenance: r.provenance.get(id).cloned(),
            })
            .collect(),
    }
}
