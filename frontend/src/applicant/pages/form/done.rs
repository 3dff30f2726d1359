//! The completed registration: read-only, with what happens next and "fill
//! in again" (a new registration; this one stays as history). My data and
//! Log out are in the form app's account bar, as on every page.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::FormCtx;
use super::summary::AnswerBlocks;
use crate::applicant::api;
use crate::applicant::components::layout::LanguageSwitch;
use crate::applicant::i18n::t;
use crate::applicant::routes::Route;

#[component]
pub fn DonePage() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<crate::applicant::i18n::Message>);
    // A mistaken tap must not start a new registration: it asks first.
    let confirming = RwSignal::new(false);
    let start_again = Action::new_local(move |()| {
        let navigate = navigate.clone();
        async move {
            match api::new_registration().await {
                Ok(registration) => {
                    ctx.acknowledge(registration);
                    navigate(
                        &crate::applicant::together::in_router(&Route::Summary.path()),
                        Default::default(),
                    );
                }
                Err(e) => error.set(Some(api::message_of(&e))),
            }
        }
    });
    let again = move |_| {
        start_again.dispatch(());
    };
    view! {
        <LanguageSwitch/>
        <crate::applicant::translation::TranslateControl/>
        <div class="panel panel--success" data-testid="done-panel">
            <h1 data-testid="done-title">{t("done-title")}</h1>
            <p>{t("done-text")}</p>
        </div>
        {move || error.get().map(|m| view! { <p class="notice" role="alert">{move || m.text()}</p> })}
        <AnswerBlocks editable=false/>
        <div class="actions actions--stacked">
            <button type="button" class="button button--secondary" data-testid="fill-again"
                aria-expanded=move || confirming.get().to_string()
                on:click=move |_| {
                    confirming.set(true);
                    crate::applicant::components::layout::focus_id("fill-again-confirm");
                }>{t("done-fill-again")}</button>
            <Show when=move || confirming.get()>
                <div class="notice" id="fill-again-confirm" tabindex="-1" role="group" aria-labelledby="fill-again-text" data-testid="fill-again-confirm">
                    <p id="fill-again-text">{t("done-fill-again-confirm")}</p>
                    <div class="actions actions--stacked">
                        <button type="button" class="button" data-testid="fill-again-yes" on:click=again>{t("done-fill-again-yes")}</button>
                        <button type="button" class="button button--secondary" data-testid="fill-again-cancel" on:click=move |_| confirming.set(false)>{t("done-fill-again-cancel")}</button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
