//! The first screen: the fourteen languages, each in its own script with the
//! English name beside it (seed 000).

use leptos::prelude::*;

use crate::applicant::components::nav::StartNav;
use crate::applicant::i18n::{I18n, Lang, t};
use crate::applicant::routes::Route;

#[component]
pub fn LanguagePage() -> AnyView {
    let i18n = expect_context::<I18n>();
    let nav = expect_context::<StartNav>();
    view! {
        <h1 data-testid="language-title">{t("app-title")}</h1>
        <p class="lead">{t("language-choose")}</p>
        <ul class="language-list" role="list">
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <li>
                            <button
                                type="button"
                                class="language-button"
                                data-testid=format!("language-{}", lang.code())
                                lang=lang.bcp47()
                                dir=if lang.is_rtl() { "rtl" } else { "ltr" }
                                on:click=move |_| {
                                    i18n.choose(lang);
                                    nav.go(Route::Info);
                                }
                            >
                                <span class="language-button__native">{lang.native_name()}</span>
                                <span class="language-button__english" lang="en">{format!("({})", lang.english_name())}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
