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
    // A task and a busy signal, not an Action: this page is in the first
    // load, and with Actions here (login and consent) the first load
    // measured 152,662 bytes brotli, over its 150,000 budget (~148,500
    // without).
    let busy = RwSignal::new(false);
    let nav = expect_context::<StartNav>();

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
        busy.set(true);
        leptos::task::spawn_local(async move {
            // The number and code as typed; the server reads them as the
            // check above did.
            let result = api::login(duf.get_untracked(), code.get_untracked()).await;
            busy.set(false);
            match result {
                Ok(response) if response.session.consent_required => nav.go(Route::Consent),
                Ok(_) => go_to(&Route::Form.path()),
                Err(error) => {
                    form_error.set(Some(login_error(&error)));
                    focus_id("login-error");
                }
            }
        });
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
            {number_field(NumberField { name: "duf", label: t("login-duf"), hint: t("login-duf-hint"), autocomplete: "off", value: duf, error: duf_error })}
            {number_field(NumberField { name: "code", label: t("login-code"), hint: t("login-code-hint"), autocomplete: "one-time-code", value: code, error: code_error })}
            <div class="actions">
                <Link to=Route::Info class="button button--secondary">{t("back")}</Link>
                <button type="submit" class="button" data-testid="login-submit" disabled=move || busy.get()>
                    {t("login-submit")}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// A number field of the login form. `name` is the input's id and names
/// its hint, its error and its test id (`login-<name>`).
struct NumberField<T> {
    name: &'static str,
    label: T,
    hint: T,
    autocomplete: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<Message>>,
}

/// The field: label, hint, the error once the form was sent, the input.
fn number_field<T>(field: NumberField<T>) -> impl IntoView
where
    T: Fn() -> String + Send + Sync + 'static,
{
    let NumberField {
        name,
        label,
        hint,
        autocomplete,
        value,
        error,
    } = field;
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described = format!("{hint_id} {error_id}");
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label for=name class="field__label">{label}</label>
            <p class="field__hint" id=hint_id.clone()>{hint}</p>
            {move || error.get().map(|m| view! { <p class="field__error" id=error_id.clone()>{move || m.text()}</p> })}
            <input
                id=name
                class="input input--number"
                data-testid=format!("login-{name}")
                type="text"
                inputmode="numeric"
                autocomplete=autocomplete
                dir="ltr"
                aria-describedby=move || if error.get().is_some() { described.clone() } else { hint_id.clone() }
                aria-invalid=move || error.get().is_some().to_string()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// One answer for a wrong number, a wrong code or an ended code, so that
/// nobody learns whether a DUF-number exists.
fn login_error(error: &ApiError) -> Message {
    match error.kind() {
        Some(ProblemKind::Unauthorized | ProblemKind::Validation) => Message::new("login-failed"),
        _ => api::message_of(error),
    }
}
