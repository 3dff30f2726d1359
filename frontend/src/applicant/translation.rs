//! "Translate form" (seed 000 §4): on tablets and computers a second
//! language shows beside every question, option, help text and the summary,
//! for the adviser sitting next to the applicant. Not offered below 600 px,
//! where two languages do not fit beside each other.
//!
//! The choice lives in the tab (sessionStorage), like unsaved edits: a
//! reload keeps it, another person on the same device starts without it.

use kartlegg_shared::questionnaire::Text;
use leptos::prelude::*;

use crate::applicant::i18n::{Lang, current_lang, t};

/// Narrowest viewport, in CSS pixels, that offers a translation.
pub const MIN_WIDTH: f64 = 600.0;
const STORAGE_KEY: &str = "kartlegg.translation";

/// The second language, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct Translation {
    /// The language chosen for the translation, if any.
    pub second: RwSignal<Option<Lang>>,
    /// Whether the viewport is wide enough.
    pub wide: RwSignal<bool>,
}

impl Translation {
    /// Restores the tab's choice and follows the viewport width.
    pub fn init() -> Self {
        let this = Self {
            second: RwSignal::new(stored()),
            wide: RwSignal::new(is_wide()),
        };
        let handle = window_event_listener(leptos::ev::resize, move |_| {
            let wide = is_wide();
            if this.wide.get_untracked() != wide {
                this.wide.set(wide);
            }
        });
        // The form app lives as long as the page; so does the listener.
        std::mem::forget(handle);
        Effect::new(move |_| store(this.second.get()));
        this
    }

    /// The language to show beside the current one, when one is chosen, the
    /// viewport is wide enough, and it is not the current language itself.
    pub fn shown(self) -> Option<Lang> {
        let second = self.second.get()?;
        (self.wide.get() && second != current_lang()).then_some(second)
    }
}

impl Translation {
    /// The language chosen in this tab earlier, if any.
    pub fn stored_choice() -> Option<Lang> {
        stored()
    }
}

/// Chooses the translation for this tab before the form app starts (the
/// back office, opening the form together with the applicant).
pub fn choose_for_tab(code: &str) {
    store(Lang::from_code(code));
}

fn is_wide() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= MIN_WIDTH)
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn stored() -> Option<Lang> {
    Lang::from_code(&session_storage()?.get_item(STORAGE_KEY).ok()??)
}

fn store(second: Option<Lang>) {
    if let Some(storage) = session_storage() {
        let _ = match second {
            Some(lang) => storage.set_item(STORAGE_KEY, lang.code()),
            None => storage.remove_item(STORAGE_KEY),
        };
    }
}

/// The second language's version of `text`, when a translation is shown and
/// the text has one; marked with its own `lang` and `dir` so that screen
/// readers and the layout treat it as that language.
#[component]
pub fn Second(text: Text) -> impl IntoView {
    let translation = expect_context::<Translation>();
    move || {
        let lang = translation.shown()?;
        text.has(lang.code()).then(|| {
            view! {
                <span class="translation" lang=lang.bcp47() dir=if lang.is_rtl() { "rtl" } else { "ltr" } data-testid="translation">
                    {text.get(lang.code()).to_owned()}
                </span>
            }
        })
    }
}

/// The "Translate form" control: a button that opens a language choice,
/// and "Hide translation" once one is shown. Absent on narrow screens.
#[component]
pub fn TranslateControl() -> impl IntoView {
    let translation = expect_context::<Translation>();
    let open = RwSignal::new(false);
    move || {
        if !translation.wide.get() {
            return None;
        }
        let chosen = translation.second.get();
        let view = if chosen.is_none() && !open.get() {
            view! {
                <button type="button" id="translate-toggle" class="button button--secondary button--small" data-testid="translate-open"
                    on:click=move |_| {
                        open.set(true);
                        crate::applicant::components::layout::focus_id("translate-lang");
                    }>
                    {t("translate-open")}
                </button>
            }
            .into_any()
        } else {
            let current = current_lang();
            view! {
                <div class="translate__choice">
                    <label for="translate-lang">{t("translate-choose")}</label>
                    <select id="translate-lang" class="select select--inline" data-testid="translate-lang"
                        on:change=move |ev| translation.second.set(Lang::from_code(&event_target_value(&ev)))>
                        <option value="" selected=chosen.is_none()>{t("translate-none")}</option>
                        {Lang::ALL
                            .into_iter()
                            .filter(|l| *l != current)
                            .map(|lang| view! {
                                <option value=lang.code() selected=chosen == Some(lang) lang=lang.bcp47()>
                                    {format!("{} ({})", lang.native_name(), lang.english_name())}
                                </option>
                            })
                            .collect_view()}
                    </select>
                    <button type="button" id="translate-hide" class="button button--secondary button--small" data-testid="translate-hide"
                        on:click=move |_| {
                            open.set(false);
                            translation.second.set(None);
                            crate::applicant::components::layout::focus_id("translate-toggle");
                        }>
                        {t("translate-hide")}
                    </button>
                </div>
            }
            .into_any()
        };
        Some(view! { <div class="translate" data-testid="translate">{view}</div> })
    }
}
