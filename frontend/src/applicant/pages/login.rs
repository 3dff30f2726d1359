//! Log in with DUF-number and the code from staff. The answer for a wrong
//! number, a wrong code or an ended code is one and the same.

use kartlegg_shared::domain::{DufNumber, login_code_digits};
use kartlegg_shared::problem::ProblemKind;
use leptos::prelude::*;

use crate::applicant::api::{self, ApiError};
use crate::applicant::components::layout::{LanguageSwitch, focus_id, go_to};
use crate::applicant::components::nav::{Link, StartNav};
use crate::applicant::i18n::{Message, t};
use crate::applicant::routes::Route;

#[component]
pub fn LoginPage() -> AnyView {
    let duf = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    // Messages are kept as keys and translated when shown: a reply that
    // arrives after an `.await` reads in the page's language.
    let duf_error = RwSignal::new(None::<Message>);
    let code_error = RwSignal::new(None::<Message>);
    let form_error = RwSignal::new(None::<Message>);
    let nav = expect_context::<StartNav>();
    // The number and code as typed; the server reads them as the check
    // below did.
    let log_in = Action::new_local(move |(duf, code): &(String, String)| {
        let (duf, code) = (duf.clone(), code.clone());
        async move {
            match api::login(duf, code).await {
                Ok(response) if response.session.consent_required => nav.go(Route::Consent),
                Ok(_) => go_to(&Route::Form.path()),
                Err(error) => {
                    form_error.set(Some(login_error(&error)));
                    focus_id("login-error");
                }
            }
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form_error.set(None);
        // The server's own parses (shared::domain), so a number or code
        // the browser lets through is one the server reads the same way.
        let duf_ok = DufNumber::parse(&duf.get_untracked()).is_ok();
        let code_ok = login_code_digits(&code.get_untracked()).is_ok();
        duf_error.set((!duf_ok).then(|| Message::new("login-duf-invalid")));
        code_error.set((!code_ok).then(|| Message::new("login-code-invalid")));
        if !duf_ok {
            focus_id("duf");
            return;
        }
        if !code_ok {
            focus_id("code");
            return;
        }
        log_in.dispatch((duf.get_untracked(), code.get_untracked()));
    };

    view! {
        <LanguageSwitch/>
        <h1 data-testid="login-title">{t("login-title")}</h1>
        <p>{t("login-intro")}</p>
        <div id="login-error" tabindex="-1" role="alert" class="error-summary-slot">
            {move || form_error.get().map(|message| view! {
                <div class="error-summary" data-testid="login-error"><p>{move || message.text()}</p></div>
            })}
        </div>
        <form class="form" on:submit=submit novalidate>
            <div class="field" class:field--error=move || duf_error.get().is_some()>
                <label for="duf" class="field__label">{t("login-duf")}</label>
                <p class="field__hint" id="duf-hint">{t("login-duf-hint")}</p>
                {move || duf_error.get().map(|m| view! { <p class="field__error" id="duf-error">{move || m.text()}</p> })}
                <input
                    id="duf"
                    class="input input--number"
                    data-testid="login-duf"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    dir="ltr"
                    aria-describedby=move || if duf_error.get().is_some() { "duf-hint duf-error" } else { "duf-hint" }
                    aria-invalid=move || duf_error.get().is_some().to_string()
                    on:input=move |ev| duf.set(event_target_value(&ev))
                />
            </div>
            <div class="field" class:field--error=move || code_error.get().is_some()>
                <label for="code" class="field__label">{t("login-code")}</label>
                <p class="field__hint" id="code-hint">{t("login-code-hint")}</p>
                {move || code_error.get().map(|m| view! { <p class="field__error" id="code-error">{move || m.text()}</p> })}
                <input
                    id="code"
                    class="input input--number"
                    data-testid="login-code"
                    type="text"
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    dir="ltr"
                    aria-describedby=move || if code_error.get().is_some() { "code-hint code-error" } else { "code-hint" }
                    aria-invalid=move || code_error.get().is_some().to_string()
                    on:input=move |ev| code.set(event_target_value(&ev))
                />
            </div>
            <div class="actions">
                <Link to=Route::Info class="button button--secondary">{t("back")}</Link>
                <button type="submit" class="button" data-testid="login-submit" disabled=move || log_in.pending().get()>
                    {t("login-submit")}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// One answer for a wrong number, a wrong code or an ended code, so that
/// nobody learns whether a DUF-number exists.
fn login_error(error: &ApiError) -> Message {
    match error.kind() {
        Some(ProblemKind::Unauthorized | ProblemKind::Validation) => Message::new("login-failed"),
        _ => api::message_of(error),
    }
}
