//! Log in with username and password, and the authenticator code when the
//! account has a second factor (the server asks for it).

use kartlegg_shared::digits::normalize_digits;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::caseworker::api;
use crate::caseworker::components::{error_text, field_error, focus_id};
use crate::caseworker::i18n::{CwI18n, CwLang, ct, ctr};
use crate::caseworker::session::session;

#[component]
pub fn LoginPage() -> impl IntoView {
    let s = session();
    let i18n = expect_context::<CwI18n>();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let totp = RwSignal::new(String::new());
    // The server asked for the second factor.
    let totp_needed = RwSignal::new(false);
    let totp_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let log_in = Action::new_local(move |code: &Option<String>| {
        let code = code.clone();
        async move {
            let result = api::login(username.get_untracked(), password.get_untracked(), code).await;
            match result {
                Ok(response) => s.me.set(Some(response.me)),
                Err(e) => {
                    if let Some(message) = field_error(&e, "totp_code") {
                        let first_ask = !totp_needed.get_untracked();
                        totp_needed.set(true);
                        if first_ask {
                            focus_id("login-totp");
                        } else {
                            totp_error.set(Some(message));
                            focus_id("login-totp");
                        }
                        return;
                    }
                    let message = match e.kind() {
                        Some(kartlegg_shared::problem::ProblemKind::Unauthorized) => {
                            ctr("login-failed")
                        }
                        _ => error_text(&e),
                    };
                    error.set(Some(message));
                    focus_id("login-error");
                }
            }
        }
    });
    let navigate = use_navigate();
    {
        let navigate = navigate.clone();
        Effect::new(move || {
            if s.me.with(Option::is_some) {
                navigate(&s.start().path(), Default::default());
            }
        });
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        totp_error.set(None);
        if username.get_untracked().trim().is_empty() || password.get_untracked().is_empty() {
            error.set(Some(ctr("login-missing")));
            focus_id("login-error");
            return;
        }
        let code = totp_needed
            .get_untracked()
            // Read as the server reads it (shared::digits): spaces of any
            // kind dropped, Eastern Arabic and Persian digits made ASCII.
            .then(|| normalize_digits(&totp.get_untracked()))
            .filter(|c| !c.is_empty());
        log_in.dispatch(code);
    };
    view! {
        <div class="cw-login">
            <div class="cw-login__lang">
                <label for="cw-login-language">{ct("language")}</label>
                <select id="cw-login-language" class="cw-select cw-select--small"
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some(lang) = CwLang::ALL.into_iter().find(|l| l.code() == code) {
                            i18n.choose(lang);
                        }
                    }>
                    {CwLang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() selected=move || i18n.lang.get() == l>{l.native_name()}</option>
                    }).collect_view()}
                </select>
            </div>
            <h1 data-testid="cw-login-title">{ct("login-title")}</h1>
            <p>{ct("login-intro")}</p>
            <div id="login-error" tabindex="-1" role="alert">
                {move || error.get().map(|m| view! {
                    <div class="error-summary" data-testid="cw-login-error"><p>{m}</p></div>
                })}
            </div>
            <form class="form" on:submit=submit novalidate>
                <div class="field">
                    <label for="login-username" class="field__label">{ct("login-username")}</label>
                    <input id="login-username" class="input" type="text" autocomplete="username"
                        autocapitalize="none" spellcheck="false" data-testid="cw-username"
                        on:input=move |ev| username.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="login-password" class="field__label">{ct("login-password")}</label>
                    <input id="login-password" class="input" type="password" autocomplete="current-password"
                        data-testid="cw-password"
                        on:input=move |ev| password.set(event_target_value(&ev))/>
                </div>
                <Show when=move || totp_needed.get()>
                    <div class="field" class:field--error=move || totp_error.get().is_some()>
                        <label for="login-totp" class="field__label">{ct("login-totp")}</label>
                        <p class="field__hint" id="login-totp-hint">{ct("login-totp-hint")}</p>
                        {move || totp_error.get().map(|m| view! { <p class="field__error" id="login-totp-error">{m}</p> })}
                        <input id="login-totp" class="input input--number" type="text" inputmode="numeric"
                            autocomplete="one-time-code" data-testid="cw-totp"
                            aria-describedby=move || if totp_error.get().is_some() { "login-totp-hint login-totp-error" } else { "login-totp-hint" }
                            on:input=move |ev| totp.set(event_target_value(&ev))/>
                    </div>
                </Show>
                <button type="submit" class="button" data-testid="cw-login-submit" disabled=move || log_in.pending().get()>
                    {ct("login-submit")}
                </button>
            </form>
        </div>
    }
}
