//! The form bundle's pages: overview, one page per part, summary, the
//! completed registration and "my data". They share a `FormCtx` loaded once:
//! the questionnaire (fetched from the API and checked by the shared loader),
//! the code lists, and the applicant's registration.

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

/// What every form page reads and writes.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub questionnaire: StoredValue<Arc<Questionnaire>>,
    pub lists: StoredValue<Arc<CodeLists>>,
    /// The answers as the applicant sees them (saved or not).
    pub answers: RwSignal<Answers>,
    /// The registration as the server last acknowledged it.
    pub registration: RwSignal<Registration>,
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
    let mut lists = CodeLists::new();
    for id in CodeListId::ALL {
        let json = api::code_list_json(id.name()).await?;
        let list = CodeList::parse(id, &json).map_err(|_| ApiError::Unexpected(200))?;
        lists = lists.with(list);
    }
    let json = api::questionnaire_json().await?;
    let questionnaire =
        questionnaire::load(&json, &lists).map_err(|_| ApiError::Unexpected(200))?;
    let registration = api::registration().await?;
    Ok(FormCtx {
        questionnaire: StoredValue::new(Arc::new(questionnaire)),
        lists: StoredValue::new(Arc::new(lists)),
        answers: RwSignal::new(registration.answers.clone()),
        registration: RwSignal::new(registration),
    })
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
