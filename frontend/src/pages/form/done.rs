//! The completed registration: read-only, with what happens next, "my data",
//! "fill in again" (a new registration; this one stays as history) and log out.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::FormCtx;
use super::summary::AnswerBlocks;
use crate::api;
use crate::components::layout::{LanguageSwitch, go_to};
use crate::i18n::{t, tr};
use crate::storage;

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
            <a class="button button--secondary" href="/my-data" data-testid="to-my-data">{t("my-data-link")}</a>
            <button type="button" class="button button--secondary" data-testid="fill-again" on:click=again>{t("done-fill-again")}</button>
            <LogoutButton/>
        </div>
    }
}

/// Logs out: ends the session and the code, and forgets unsaved edits.
#[component]
pub fn LogoutButton() -> impl IntoView {
    let logout = move |_| {
        leptos::task::spawn_local(async move {
            let _ = api::logout().await;
            storage::clear_unsaved();
            go_to("/");
        });
    };
    view! {
        <button type="button" class="button button--secondary" data-testid="logout" on:click=logout>{t("logout")}</button>
    }
}
