//! The frame around every applicant page: the language switch (so the
//! language can change on any page without losing answers) and a polite live
//! region for announcements.

use leptos::prelude::*;

pub use crate::core::page::focus_id;

use crate::applicant::i18n::{I18n, Lang, t};

/// The language switch at the top of every page.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <div class="topbar">
            <label class="topbar__label" for="language-switch">{t("language-switch")}</label>
            <select
                id="language-switch"
                data-testid="language-switch"
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        i18n.choose(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.code() selected=move || i18n.lang.get() == lang>
                                {format!("{} ({})", lang.native_name(), lang.english_name())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Moves the browser to another page of the app with a full load: the start
/// and form bundles are separate, so crossing between them reloads.
pub fn go_to(path: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(path);
    }
}
