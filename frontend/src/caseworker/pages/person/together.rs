//! "Register together with the applicant" (issue #15 item 4): the counsellor
//! chooses the applicant's language, how the applicant consents (confirmed
//! here in person, or on the screen in the form) and the interpreter, and
//! opens the applicant's own form in this session (the form bundle under
//! `/together/{id}/`), with the Norwegian translation beside it.

use kartlegg_shared::language::UiLanguage as Lang;
use kartlegg_shared::together::{ConsentGiven, Interpreter, StartTogether};
use leptos::prelude::*;

use crate::caseworker::api;
use crate::caseworker::app::load_error;
use crate::caseworker::components::{field_error, focus_id};
use crate::caseworker::i18n::{ct, ctr};

/// What the form holds.
#[derive(Clone, Copy)]
struct Fields {
    language: RwSignal<Lang>,
    consent: RwSignal<Option<ConsentGiven>>,
    with_interpreter: RwSignal<bool>,
    interpreter_language: RwSignal<Lang>,
    name: RwSignal<String>,
    number: RwSignal<String>,
}

impl Fields {
    /// The request, or the first field to fix with its message. The
    /// interpreter's values are checked by the server's own rule
    /// (`shared::together::Interpreter::parse`).
    fn request(self) -> Result<StartTogether, (&'static str, String)> {
        let Some(consent) = self.consent.get_untracked() else {
            return Err(("consent", ctr("together-error-consent")));
        };
        let interpreter = if self.with_interpreter.get_untracked() {
            let name = self.name.get_untracked();
            let number = self.number.get_untracked();
            match Interpreter::parse(
                "interpreter",
                self.interpreter_language.get_untracked().code(),
                Some(&name),
                Some(&number),
            ) {
                Ok(i) => Some(i),
                Err(errors) => {
                    let field = errors.first().map_or("", |e| e.field.as_str());
                    return Err(if field.ends_with("name") {
                        ("interpreter.name", ctr("together-error-name"))
                    } else {
                        ("interpreter.number", ctr("together-error-number"))
                    });
                }
            }
        } else {
            None
        };
        Ok(StartTogether {
            language: self.language.get_untracked().code().to_owned(),
            consent,
            interpreter,
        })
    }
}

#[component]
pub fn RegisterTogether(person: String, language: Lang) -> impl IntoView {
    let f = Fields {
        language: RwSignal::new(language),
        consent: RwSignal::new(None),
        with_interpreter: RwSignal::new(false),
        interpreter_language: RwSignal::new(language),
        name: RwSignal::new(String::new()),
        number: RwSignal::new(String::new()),
    };
    // The field with an error, and its message.
    let error = RwSignal::new(None::<(&'static str, String)>);
    let error_of = move |field: &'static str| {
        move || {
            error.with(|e| {
                e.as_ref()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, m)| m.clone())
            })
        }
    };
    let start = Action::new_local(move |request: &StartTogether| {
        let person = person.clone();
        let request = request.clone();
        async move {
            match api::start_together(&person, &request).await {
                Ok(session) => {
                    crate::applicant::together::prepare_device(&session.language);
                    crate::applicant::components::layout::go_to(&format!(
                        "/together/{}/form",
                        session.id
                    ));
                }
                Err(e) => {
                    let found = [
                        "consent",
                        "interpreter.name",
                        "interpreter.number",
                        "language",
                    ]
                    .into_iter()
                    .find_map(|f| field_error(&e, f).map(|m| (f, m)));
                    error.set(Some(found.unwrap_or_else(|| ("", load_error(&e)))));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match f.request() {
            Ok(request) => {
                error.set(None);
                start.dispatch(request);
            }
            Err((field, message)) => {
                let focus = match field {
                    "consent" => "together-consent-in-person",
                    "interpreter.name" => "together-interpreter-name",
                    _ => "together-interpreter-number",
                };
                error.set(Some((field, message)));
                focus_id(focus);
            }
        }
    };
    let language_options = move |chosen: RwSignal<Lang>| {
        Lang::ALL
            .into_iter()
            .map(|l| {
                view! {
                    <option value=l.code() selected=move || chosen.get() == l>
                        {format!("{} ({})", l.native_name(), l.english_name())}
                    </option>
                }
            })
            .collect_view()
    };
    let consent_choice = move |given: ConsentGiven, slug: &'static str, label: &'static str| {
        let id = format!("together-consent-{slug}");
        view! {
            <div class="cw-check">
                <input type="radio" name="together-consent" id=id.clone() data-testid=id.clone()
                    aria-describedby=move || error_of("consent")().map(|_| "together-consent-error")
                    prop:checked=move || f.consent.get() == Some(given)
                    on:change=move |_| f.consent.set(Some(given))/>
                <label for=id>{ct(label)}</label>
            </div>
        }
    };
    view! {
        <p class="cw-lead">{ct("together-intro")}</p>
        <form class="form cw-together-form" on:submit=submit novalidate data-testid="together-form">
            <div class="field">
                <label for="together-language" class="field__label">{ct("together-language")}</label>
                <select id="together-language" class="cw-select" data-testid="together-language"
                    on:change=move |ev| {
                        if let Some(l) = Lang::from_code(&event_target_value(&ev)) {
                            f.language.set(l);
                            f.interpreter_language.set(l);
                        }
                    }>
                    {language_options(f.language)}
                </select>
            </div>
            <fieldset class="cw-choices" class:field--error=move || error_of("consent")().is_some()>
                <legend>{ct("together-consent")}</legend>
                {move || error_of("consent")().map(|m| view! { <p class="field__error" id="together-consent-error" role="alert" data-testid="together-consent-error">{m}</p> })}
                {consent_choice(ConsentGiven::InPerson, "in-person", "together-consent-in-person")}
                {consent_choice(ConsentGiven::OnScreen, "on-screen", "together-consent-on-screen")}
            </fieldset>
            <div class="cw-check">
                <input type="checkbox" id="together-interpreter" data-testid="together-interpreter"
                    prop:checked=move || f.with_interpreter.get()
                    on:change=move |ev| f.with_interpreter.set(event_target_checked(&ev))/>
                <label for="together-interpreter">{ct("together-interpreter")}</label>
            </div>
            <Show when=move || f.with_interpreter.get()>
                <div class="field">
                    <label for="together-interpreter-language" class="field__label">{ct("together-interpreter-language")}</label>
                    <select id="together-interpreter-language" class="cw-select" data-testid="together-interpreter-language"
                        on:change=move |ev| {
                            if let Some(l) = Lang::from_code(&event_target_value(&ev)) {
                                f.interpreter_language.set(l);
                            }
                        }>
                        {language_options(f.interpreter_language)}
                    </select>
                </div>
                <div class="field" class:field--error=move || error_of("interpreter.name")().is_some()>
                    <label for="together-interpreter-name" class="field__label">{ct("together-interpreter-name")}</label>
                    {move || error_of("interpreter.name")().map(|m| view! { <p class="field__error" id="together-name-error" role="alert">{m}</p> })}
                    <input id="together-interpreter-name" class="input" type="text" autocomplete="off" maxlength="100"
                        data-testid="together-interpreter-name"
                        aria-describedby=move || error_of("interpreter.name")().map(|_| "together-name-error")
                        prop:value=move || f.name.get() on:input=move |ev| f.name.set(event_target_value(&ev))/>
                </div>
                <div class="field" class:field--error=move || error_of("interpreter.number")().is_some()>
                    <label for="together-interpreter-number" class="field__label">{ct("together-interpreter-number")}</label>
                    {move || error_of("interpreter.number")().map(|m| view! { <p class="field__error" id="together-number-error" role="alert" data-testid="together-number-error">{m}</p> })}
                    <input id="together-interpreter-number" class="input" type="text" autocomplete="off"
                        data-testid="together-interpreter-number"
                        aria-describedby=move || error_of("interpreter.number")().map(|_| "together-number-error")
                        prop:value=move || f.number.get() on:input=move |ev| f.number.set(event_target_value(&ev))/>
                </div>
            </Show>
            {move || error_of("")().map(|m| view! { <p class="field__error" role="alert">{m}</p> })}
            <button type="submit" class="button" data-testid="together-start" disabled=move || start.pending().get()>
                {ct("together-start")}
            </button>
        </form>
    }
}
