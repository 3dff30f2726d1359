//! The three status icons of a question (seed 000): not answered, tried to
//! continue without answering, answered. Shape and text tell them apart, not
//! colour alone; the text is for screen readers.

use leptos::prelude::*;

use crate::applicant::i18n::tr;

/// A question's state as the applicant sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionStatus {
    NotAnswered,
    Missing,
    Answered,
}

impl QuestionStatus {
    fn key(self) -> &'static str {
        match self {
            Self::NotAnswered => "status-not-answered",
            Self::Missing => "status-missing",
            Self::Answered => "status-answered",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Self::NotAnswered => "status-icon status-icon--empty",
            Self::Missing => "status-icon status-icon--missing",
            Self::Answered => "status-icon status-icon--answered",
        }
    }
}

#[component]
pub fn StatusIcon(#[prop(into)] status: Signal<QuestionStatus>) -> impl IntoView {
    view! {
        <span
            class=move || status.get().class()
            data-testid="status-icon"
            data-status=move || format!("{:?}", status.get()).to_lowercase()
        >
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                {move || match status.get() {
                    QuestionStatus::NotAnswered => view! {
                        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2"></circle>
                    }.into_any(),
                    QuestionStatus::Missing => view! {
                        <circle cx="12" cy="12" r="11" fill="currentColor"></circle>
                        <rect x="10.75" y="5" width="2.5" height="9" rx="1" fill="#fff"></rect>
                        <circle cx="12" cy="17.5" r="1.6" fill="#fff"></circle>
                    }.into_any(),
                    QuestionStatus::Answered => view! {
                        <circle cx="12" cy="12" r="11" fill="currentColor"></circle>
                        <path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"></path>
                    }.into_any(),
                }}
            </svg>
            <span class="visually-hidden">{move || tr(status.get().key())}</span>
        </span>
    }
}
