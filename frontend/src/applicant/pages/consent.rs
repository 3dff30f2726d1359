//! The consent declaration: how data is used, who sees it, the right to see,
//! correct and delete, and that it is never used in the asylum case. Two
//! buttons: decline (only the decline is stored, and the session ends) or
//! consent and continue.

use kartlegg_shared::api::ConsentDecision;
use leptos::prelude::*;

use crate::applicant::api;
use crate::applicant::components::layout::{LanguageSwitch, focus_id, go_to};
use crate::applicant::i18n::{t, tr};
use crate::applicant::routes::Route;

#[component]
pub fn ConsentPage() -> AnyView {
    let declined = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    // A task and a busy signal, not an Action: this page is in the first
    // load, and with Actions here (login and consent) the first load
    // measured 152,662 bytes brotli, over its 150,000 budget (~148,500
    // without).
    let busy = RwSignal::new(false);

    let answer = move |decision: ConsentDecision| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api::consent(decision).await;
            if result.is_ok() && decision == ConsentDecision::Accept {
                // Stays busy until the form's page replaces this one.
                go_to(&Route::Form.path());
                return;
            }
            busy.set(false);
            match result {
                Ok(()) => {
                    declined.set(true);
                    focus_id("main");
                }
                Err(e) if e.kind() == Some(kartlegg_shared::problem::ProblemKind::Unauthorized) => {
                    go_to(&Route::Login.path());
                }
                Err(_) => error.set(Some(tr("error-network"))),
            }
        });
    };

    view! {
        <LanguageSwitch/>
        <Show
            when=move || !declined.get()
            fallback=|| view! {
                <h1 data-testid="declined-title">{t("declined-title")}</h1>
                <p>{t("declined-text")}</p>
                <a class="button button--secondary" href=Route::Language.path()>{t("declined-start-again")}</a>
            }
        >
            <h1 data-testid="consent-title">{t("consent-title")}</h1>
            <div class="declaration">
                <p>{t("consent-purpose")}</p>
                <p>{t("consent-who")}</p>
                <p>{t("consent-not-asylum")}</p>
                <p>{t("consent-rights")}</p>
                <p>{t("consent-storage")}</p>
            </div>
            {move || error.get().map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
            // The tap's instant feedback on a slow network, announced politely;
            // the live region is there before its text so the change is heard.
            <div role="status" data-testid="consent-busy">
                {move || busy.get().then(|| view! { <p class="loading">{t("loading")}</p> })}
            </div>
            <div class="actions actions--stacked">
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="consent-decline"
                    disabled=move || busy.get()
                    on:click=move |_| answer(ConsentDecision::Decline)
                >
                    {t("consent-decline")}
                </button>
                <button
                    type="button"
                    class="button button--success"
                    data-testid="consent-accept"
                    disabled=move || busy.get()
                    on:click=move |_| answer(ConsentDecision::Accept)
                >
                    {t("consent-accept")}
                </button>
            </div>
        </Show>
    }
    .into_any()
}
