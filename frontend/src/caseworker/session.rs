//! Who is logged in, and the last search, shared through context. Neither
//! is kept on the device: a reload asks the server again, and a search
//! text (personal data) lives only in memory.

use kartlegg_shared::caseworker::{Me, Role, SearchResponse};
use leptos::prelude::*;

/// The logged-in caseworker, once known.
#[derive(Clone, Copy)]
pub struct Session {
    pub me: RwSignal<Option<Me>>,
}

impl Session {
    /// Whether the caseworker has `role` (reactive). The menu and buttons
    /// follow this; the server checks again.
    pub fn has(self, role: Role) -> bool {
        self.me
            .with(|me| me.as_ref().is_some_and(|m| m.roles.contains(&role)))
    }

    /// Whether the caseworker may read people (reader or counsellor).
    pub fn reads_people(self) -> bool {
        self.me.with(|me| {
            me.as_ref()
                .is_some_and(|m| m.roles.iter().any(|r| r.reads_people()))
        })
    }

    /// The caseworker's start page: the worklist, or the statistics for
    /// someone who reads no people but statistics (reactive).
    pub fn start(self) -> super::routes::Route<'static> {
        if !self.reads_people() && self.has(Role::Statistics) {
            super::routes::Route::Statistics
        } else {
            super::routes::Route::Start
        }
    }
}

/// The search box's last answer, for the results page.
#[derive(Clone, Copy)]
pub struct SearchState {
    /// What was typed (kept for an outside-organisation lookup).
    pub text: RwSignal<String>,
    pub response: RwSignal<Option<SearchResponse>>,
}

/// The session of the page, from context.
pub fn session() -> Session {
    expect_context::<Session>()
}
