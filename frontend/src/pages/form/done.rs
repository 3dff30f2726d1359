//! The completed registration: read-only, with what happens next and "fill
//! in again" (a new registration; this one stays as history). My data and
//! Log out are in the form app's account bar, as on every page.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::FormCtx;
use super::summary::AnswerBlocks;
use crate::api;
use crate::components::layout::LanguageSwitch;
use crate::i18n::{t, tr};

#[component]
pub fn DonePage() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let again = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::new_registration().await {
                Ok(registration) => {
                    ctx.acknowledge(registration);
                    navigate("/form", Default::default());
                }
                Err(_) => error.set(Some(tr("error-network"))),
            }
        });
    };
    view! {
        <LanguageSwitch/>
        <crate::translation::TranslateControl/>
        <div class="panel panel--success" data-testid="done-panel">
            <h1 data-testid="done-title">{t("done-title")}</h1>
            <p>{t("done-text")}</p>
        </div>
        {move || error.get().map(|m| view! { <p class="notice" role="alert">{m}</p> })}
        <AnswerBlocks editable=false/>
        <div class="actions actions--stacked">
            <button type="button" class="button button--secondary" data-testid="fill-again" on:click=again>{t("done-fill-again")}</button>
        </div>
    }
}
