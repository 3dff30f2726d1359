//! The form bundle's pages: overview, one page per part, summary, the
//! completed registration and "my data". They share a `FormCtx` loaded once:
//! the questionnaire (fetched from the API and checked by the shared loader),
//! the code lists, and the applicant's registration.

pub mod account_nav;
pub mod done;
pub mod my_data;
pub mod overview;
pub mod part;
pub mod section;
pub mod summary;

use std::collections::BTreeMap;
use std::sync::Arc;

use kartlegg_shared::api::{Registration, RegistrationStatus};
use kartlegg_shared::codes::{CodeListId, CodeLists};
use kartlegg_shared::problem::ProblemKind;
use kartlegg_shared::questionnaire::{
    Answers, Questionnaire, prune, section_answers, section_payload,
};
use leptos::prelude::*;

use crate::applicant::api::{self, ApiError};
use crate::applicant::components::layout::go_to;
use crate::applicant::i18n::{Lang, current_lang};
use crate::applicant::routes::Route;
use crate::applicant::storage;
use crate::applicant::translation::Translation;
use crate::core::http::early;

/// Where saving stands, shown near the buttons and announced politely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Idle,
    Saving,
    Saved,
    /// The server does not have every edit yet; it is retried when the
    /// network returns (and at the next login on this device).
    Pending,
}

/// How saving one part ended.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    Saved,
    /// A save is already under way (a double tap): this one is dropped.
    Busy,
    /// Not sent or not answered; kept on the device and retried.
    Pending,
    /// Refused: field error codes by question path.
    Invalid(BTreeMap<String, String>),
    /// The same part was changed in another window; the applicant chooses.
    Conflict(Box<Registration>),
    /// The session has ended; the edits stay on the device.
    Ended,
    /// The registration was completed elsewhere.
    Completed,
}

/// What every form page reads and writes.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub questionnaire: StoredValue<Arc<Questionnaire>>,
    pub lists: StoredValue<Arc<CodeLists>>,
    /// The answers as the applicant sees them (saved or not).
    pub answers: RwSignal<Answers>,
    /// The registration as the server last acknowledged it.
    pub registration: RwSignal<Registration>,
    /// The languages whose texts are loaded (the API sends only those asked for).
    pub languages: StoredValue<Vec<Lang>>,
    /// Bumped when texts of another language arrive: the pages re-render.
    pub texts_revision: RwSignal<u32>,
    /// Where saving stands, for every page.
    pub save_state: RwSignal<SaveState>,
    /// The part where Next was tried with answers missing (its marks and
    /// error summary show), kept here so a change of language keeps them.
    pub attempted: RwSignal<Option<String>>,
}

impl FormCtx {
    /// Replaces local state with what the server holds.
    pub fn acknowledge(self, registration: Registration) {
        storage::set_owner(&registration.id);
        self.answers.set(registration.answers.clone());
        self.registration.set(registration);
    }

    /// The parts whose answers on the device differ from the server's.
    pub fn unsaved_sections(self) -> Vec<String> {
        self.questionnaire.with_value(|q| {
            let local = self.answers.with_untracked(|a| prune(q, a));
            self.registration.with_untracked(|r| {
                q.sections
                    .iter()
                    .filter(|s| {
                        section_answers(q, &local, &s.id) != section_answers(q, &r.answers, &s.id)
                    })
                    .map(|s| s.id.clone())
                    .collect()
            })
        })
    }

    /// Takes `newest` from the server as acknowledged while keeping the
    /// device's answers to the parts in `keep` on top of it.
    fn rebase(self, newest: Registration, keep: &[String]) {
        let answers = self.questionnaire.with_value(|q| {
            let local = self.answers.with_untracked(|a| prune(q, a));
            let mut merged = Answers::new();
            for (id, value) in newest.answers.iter() {
                if !q
                    .section_of(id)
                    .is_some_and(|s| keep.iter().any(|k| k == s))
                {
                    merged.set(id, value.clone());
                }
            }
            for section in keep {
                for (id, value) in section_answers(q, &local, section).iter() {
                    merged.set(id, value.clone());
                }
            }
            prune(q, &merged)
        });
        storage::set_owner(&newest.id);
        self.registration.set(newest);
        self.answers.set(answers);
    }

    /// Keeps the device's answers to `section` on top of `newest` (another
    /// window saved the same part), after the applicant chose to.
    pub fn keep_mine(self, newest: Registration) {
        self.rebase(newest, &self.unsaved_sections());
    }

    /// Takes `newest` for `section`, dropping this device's edits of it.
    pub fn take_theirs(self, newest: Registration, section: &str) {
        let keep: Vec<String> = self
            .unsaved_sections()
            .into_iter()
            .filter(|s| s != section)
            .collect();
        self.rebase(newest, &keep);
    }

    /// Saves one part: what is visible of it (the shared `section_payload`,
    /// so an answer hidden by a change of mind is never sent). A second call
    /// while one is under way is dropped (a double tap on Next). When another
    /// window saved first, the part is saved again on the newest revision if
    /// that window changed other parts; if it changed this part too, the
    /// applicant is asked. Edits of other parts stay on the device.
    pub async fn save_part(self, section: &str) -> SaveOutcome {
        if self.save_state.get_untracked() == SaveState::Saving {
            return SaveOutcome::Busy;
        }
        self.save_state.set(SaveState::Saving);
        let outcome = self.try_save(section).await;
        self.save_state.set(match outcome {
            SaveOutcome::Saved => SaveState::Saved,
            SaveOutcome::Pending | SaveOutcome::Ended => SaveState::Pending,
            _ => SaveState::Idle,
        });
        outcome
    }

    async fn try_save(self, section: &str) -> SaveOutcome {
        // A stale revision is merged at most twice before giving up for now.
        for _ in 0..3 {
            let (payload, base, revision) = self.questionnaire.with_value(|q| {
                let payload = self
                    .answers
                    .with_untracked(|a| section_payload(q, a, section));
                let (base, revision) = self
                    .registration
                    .with_untracked(|r| (section_answers(q, &r.answers, section), r.revision));
                (payload, base, revision)
            });
            let others: Vec<String> = self
                .unsaved_sections()
                .into_iter()
                .filter(|s| s != section)
                .collect();
            let result =
                api::save_section(section, revision, payload.clone(), current_lang().code()).await;
            let error = match result {
                Ok(registration) => {
                    // What was typed in this part while the save was under
                    // way is newer than what the server has: it stays.
                    let mut keep = others;
                    let typed_since = self.questionnaire.with_value(|q| {
                        self.answers
                            .with_untracked(|a| section_payload(q, a, section) != payload)
                    });
                    if typed_since {
                        keep.push(section.to_owned());
                    }
                    self.rebase(registration, &keep);
                    return SaveOutcome::Saved;
                }
                Err(error) => error,
            };
            match error.kind() {
                Some(ProblemKind::Validation) => {
                    let errors = error
                        .problem()
                        .map(|p| {
                            p.errors
                                .iter()
                                .map(|e| (e.field.clone(), e.code.clone()))
                                .collect()
                        })
                        .unwrap_or_default();
                    return SaveOutcome::Invalid(errors);
                }
                Some(ProblemKind::Conflict) => {
                    let Ok(newest) = api::registration().await else {
                        return SaveOutcome::Pending;
                    };
                    if newest.status == RegistrationStatus::Completed {
                        self.acknowledge(newest);
                        return SaveOutcome::Completed;
                    }
                    let theirs = self
                        .questionnaire
                        .with_value(|q| section_answers(q, &newest.answers, section));
                    if theirs != base {
                        return SaveOutcome::Conflict(Box::new(newest));
                    }
                    let mut keep = others;
                    keep.push(section.to_owned());
                    self.rebase(newest, &keep);
                }
                Some(ProblemKind::Unauthorized) => {
                    session_ended();
                    return SaveOutcome::Ended;
                }
                _ => return SaveOutcome::Pending,
            }
        }
        SaveOutcome::Pending
    }

    /// Sends every part with edits the server does not have yet, one after
    /// another (at load, after edits kept on the device came back, and when
    /// the network returns). Stops at the first that does not go through.
    pub async fn send_unsaved(self) {
        for section in self.unsaved_sections() {
            if self.save_part(&section).await != SaveOutcome::Saved {
                return;
            }
        }
    }
}

/// What `load` answers when registering together with the applicant and
/// the consent is still to be given on the screen: the form app shows the
/// declaration in place of the form. (428 Precondition Required: a marker
/// no answer of the server's becomes, since those arrive as `Problem`.)
pub const CONSENT_FIRST: ApiError = ApiError::Unexpected(428);

/// Loads everything the form needs. A missing session sends the applicant
/// to the login page; a missing consent to the consent page.
pub async fn load() -> Result<FormCtx, ApiError> {
    let mut languages = vec![crate::applicant::i18n::initial_lang()];
    languages.extend(Translation::stored_choice());
    // The session, the texts and the registration do not depend on each
    // other: asked for together, they cost one round trip instead of three
    // (a registration asked for without a session or consent is refused
    // and changes nothing).
    // boot.js sent the first two while this bundle loaded.
    let session = async {
        match early("session").await {
            Some(answer) => answer,
            None => api::session().await,
        }
    };
    let registration = async {
        match early("registration").await {
            Some(answer) => answer,
            None => api::registration().await,
        }
    };
    let (session, texts, registration) =
        futures_util::future::join3(session, fetch_texts(&languages), registration).await;
    let session = match session {
        Ok(s) => s,
        Err(e) => {
            if e.kind() == Some(ProblemKind::Unauthorized) {
                session_ended();
            }
            return Err(e);
        }
    };
    if session.consent_required {
        if crate::applicant::together::session_id().is_some() {
            return Err(CONSENT_FIRST);
        }
        go_to(&Route::Consent.path());
        return Err(ApiError::Unexpected(403));
    }
    let (questionnaire, lists) = texts?;
    // English, the fallback, comes with every answer.
    languages.push(Lang::DEFAULT);
    let registration = registration?;
    storage::set_owner(&registration.id);
    Ok(FormCtx {
        questionnaire: StoredValue::new(Arc::new(questionnaire)),
        lists: StoredValue::new(Arc::new(lists)),
        answers: RwSignal::new(registration.answers.clone()),
        registration: RwSignal::new(registration),
        languages: StoredValue::new(languages),
        texts_revision: RwSignal::new(0),
        save_state: RwSignal::new(SaveState::Idle),
        attempted: RwSignal::new(None),
    })
}

/// The questionnaire and the code lists with texts in `languages` and
/// English, checked by the shared loader.
async fn fetch_texts(languages: &[Lang]) -> Result<(Questionnaire, CodeLists), ApiError> {
    let codes: Vec<&str> = languages.iter().map(|l| l.code()).collect();
    crate::core::content::fetch(&codes.join(",")).await
}

impl FormCtx {
    /// Fetches the texts of whichever of `wanted` are not loaded yet, merges
    /// them in and re-renders the pages. A failed fetch leaves the English
    /// fallback showing; the next change of language tries again.
    pub async fn ensure_languages(self, wanted: Vec<Lang>) {
        let missing: Vec<Lang> = self
            .languages
            .with_value(|have| wanted.into_iter().filter(|l| !have.contains(l)).collect());
        if missing.is_empty() {
            return;
        }
        let Ok((questionnaire, lists)) = fetch_texts(&missing).await else {
            return;
        };
        self.questionnaire
            .update_value(|q| Arc::make_mut(q).merge_texts(&questionnaire));
        self.lists.update_value(|have| {
            let mut merged = CodeLists::new();
            for id in CodeListId::ALL {
                if let Some(mut list) = have.get(id).cloned() {
                    if let Some(more) = lists.get(id) {
                        list.merge_texts(more);
                    }
                    merged = merged.with(list);
                }
            }
            *have = Arc::new(merged);
        });
        self.languages.update_value(|have| have.extend(missing));
        self.texts_revision.update(|r| *r += 1);
    }
}

/// The current year, for year questions' ranges.
pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// The session has ended (timeout, or logout in another tab): go to the
/// login page. Unsaved edits stay on the device and are sent after the next
/// login; an explicit logout erases them.
pub fn session_ended() {
    go_to(&Route::Login.path());
}
