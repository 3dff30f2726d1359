//! The form bundle's pages: overview, one page per part, summary, the
//! completed registration and "my data". They share a `FormCtx` loaded once:
//! the questionnaire (fetched from the API and checked by the shared loader),
//! the code lists, and the applicant's registration.

pub mod account_nav;
pub mod done;
pub mod my_data;
pub mod overview;
pub mod section;
pub mod summary;

use std::sync::Arc;

use kartlegg_shared::api::Registration;
use kartlegg_shared::codes::{CodeList, CodeListId, CodeLists};
use kartlegg_shared::problem::ProblemKind;
use kartlegg_shared::questionnaire::{self, Answers, Questionnaire};
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::layout::go_to;
use crate::i18n::Lang;
use crate::translation::Translation;

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
}

impl FormCtx {
    /// Replaces local state with what the server holds.
    pub fn acknowledge(self, registration: Registration) {
        self.answers.set(registration.answers.clone());
        self.registration.set(registration);
    }
}

/// Loads everything the form needs. A missing session sends the applicant
/// to the login page; a missing consent to the consent page.
pub async fn load() -> Result<FormCtx, ApiError> {
    let session = match api::session().await {
        Ok(s) => s,
        Err(e) => {
            if e.kind() == Some(ProblemKind::Unauthorized) {
                session_ended();
            }
            return Err(e);
        }
    };
    if session.consent_required {
        go_to("/consent");
        return Err(ApiError::Unexpected(403));
    }
    let mut languages = vec![crate::i18n::initial_lang()];
    languages.extend(Translation::stored_choice());
    let (questionnaire, lists) = fetch_texts(&languages).await?;
    // English, the fallback, comes with every answer.
    languages.push(Lang::DEFAULT);
    let registration = api::registration().await?;
    Ok(FormCtx {
        questionnaire: StoredValue::new(Arc::new(questionnaire)),
        lists: StoredValue::new(Arc::new(lists)),
        answers: RwSignal::new(registration.answers.clone()),
        registration: RwSignal::new(registration),
        languages: StoredValue::new(languages),
        texts_revision: RwSignal::new(0),
    })
}

/// The questionnaire and the code lists with texts in `languages` and
/// English, checked by the shared loader.
async fn fetch_texts(languages: &[Lang]) -> Result<(Questionnaire, CodeLists), ApiError> {
    let codes: Vec<&str> = languages.iter().map(|l| l.code()).collect();
    let codes = codes.join(",");
    let mut lists = CodeLists::new();
    for id in CodeListId::ALL {
        let json = api::code_list_json(id.name(), &codes).await?;
        let list = CodeList::parse_served(id, &json).map_err(|_| ApiError::Unexpected(200))?;
        lists = lists.with(list);
    }
    let json = api::questionnaire_json(&codes).await?;
    let questionnaire =
        questionnaire::load_served(&json, &lists).map_err(|_| ApiError::Unexpected(200))?;
    Ok((questionnaire, lists))
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

/// The session has ended (logout elsewhere, timeout): forget unsaved edits
/// and go to the login page.
pub fn session_ended() {
    crate::storage::clear_unsaved();
    go_to("/login");
}
