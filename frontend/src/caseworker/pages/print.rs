//! The printable profile: identity and the latest completed registration,
//! the answers in the caseworker's language (nb or en) with another beside
//! them (the applicant's, unless the caseworker chooses another), where
//! they came from and when, laid out for A4 by the print rules of
//! `caseworker.css` (the header and the tool bar are not printed). Every
//! printed page carries the person's name and DUF-number at its top, so a
//! loose page still says whose it is. Reading it is logged on the server as
//! a print.

use std::sync::Arc;

use kartlegg_shared::caseworker::{Gender, PrintProfile};
use kartlegg_shared::language::UiLanguage as Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::caseworker::components::{StateTag, opt_date, time};
use crate::caseworker::i18n::{Args, ct, ctr, ctranslate};
use crate::caseworker::pages::person::{AnswerTables, Content, applicant_language, load_content};
use crate::caseworker::routes::Route;
use crate::core::loaded::Loaded;

#[component]
pub fn PrintPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let profile = LocalResource::new(move || {
        let id = id();
        async move { crate::caseworker::api::print_profile(&id).await }
    });
    view! {
        <Loaded resource=profile title="print-title"
            view={|p: PrintProfile| view! { <Profile profile=p/> }}/>
    }
}

#[component]
fn Profile(profile: PrintProfile) -> impl IntoView {
    let ident = profile.identity.clone();
    let name = format!("{} {}", ident.first_name, ident.last_name);
    let back = Route::Person(&ident.id).path();
    let printed = {
        let mut args = Args::new();
        args.set("time", time(&profile.printed_at));
        args.set("who", profile.printed_by.clone());
        move || ctranslate("print-printed", Some(&args))
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let registration = profile.registration.clone();
    // The language beside the caseworker's: the applicant's to begin with.
    let side = RwSignal::new(registration.as_ref().map_or(Lang::En, |r| {
        applicant_language(r.language.as_deref(), &r.answers)
    }));
    // The running header of every printed page, in the caseworker's
    // language; gone when the page is left, so no other print carries it.
    let duf = ident.duf_number.clone();
    let running_name = name.clone();
    Effect::new(move || {
        set_running_header(Some(&format!("{running_name} · {} {duf}", ctr("col-duf"))));
    });
    on_cleanup(|| set_running_header(None));
    view! {
        <div class="cw-print-tools">
            <a href=back data-testid="print-back">{ct("print-back")}</a>
            {registration.is_some().then(|| view! {
                <div class="cw-filter">
                    <label for="print-beside">{ct("answers-beside")}</label>
                    <select id="print-beside" class="cw-select" data-testid="print-beside"
                        on:change=move |ev| {
                            if let Some(l) = Lang::from_code(&event_target_value(&ev)) {
                                side.set(l);
                            }
                        }>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() selected=move || side.get() == l>
                                {format!("{} ({})", l.native_name(), l.english_name())}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <button type="button" class="button" data-testid="print-now" on:click=print>{ct("print-now")}</button>
        </div>
        <article class="cw-print" data-testid="print-profile">
            <header class="cw-print__head">
                <p class="cw-print__kind">{ct("print-kind")}" · "{profile.organisation.name.clone()}</p>
                <h1 data-testid="print-name">{name}</h1>
                <p class="cw-print__meta" data-testid="print-printed">{printed}</p>
            </header>
            <section aria-labelledby="print-identity-h">
                <h2 id="print-identity-h">{ct("section-identity")}</h2>
                <dl class="cw-facts cw-print__facts" data-testid="print-identity">
                    <div><dt>{ct("col-duf")}</dt><dd class="cw-num">{ident.duf_number.clone()}</dd></div>
                    <div><dt>{ct("col-born")}</dt><dd class="cw-num">{opt_date(ident.date_of_birth.as_ref())}</dd></div>
                    <div><dt>{ct("identity-gender")}</dt><dd>{match ident.gender {
                        Some(Gender::Male) => ct("gender-male").into_any(),
                        Some(Gender::Female) => ct("gender-female").into_any(),
                        None => "–".into_any(),
                    }}</dd></div>
                    <div><dt>{ct("identity-citizenships")}</dt><dd>{if ident.citizenships.is_empty() { "–".to_owned() } else { ident.citizenships.join(", ") }}</dd></div>
                    <div><dt>{ct("identity-registration-number")}</dt><dd class="cw-num">{ident.registration_number.clone().unwrap_or_else(|| "–".to_owned())}</dd></div>
                    <div><dt>{ct("identity-national-id")}</dt><dd class="cw-num">{ident.national_id.clone().unwrap_or_else(|| "–".to_owned())}</dd></div>
                    <div><dt>{ct("person-organisation")}</dt><dd>{profile.organisation.name.clone()}</dd></div>
                    <div><dt>{ct("col-state")}</dt><dd><StateTag state=profile.state/></dd></div>
                </dl>
            </section>
            <section aria-labelledby="print-registration-h">
                <h2 id="print-registration-h">{ct("print-registration")}</h2>
                {match registration {
                    None => view! { <p data-testid="print-no-registration">{ct("print-none")}</p> }.into_any(),
                    Some(r) => view! { <PrintAnswers registration=r side=side/> }.into_any(),
                }}
            </section>
        </article>
    }
}

/// The completed registration's provenance and answers, with `side`
/// beside the caseworker's language.
#[component]
fn PrintAnswers(
    registration: kartlegg_shared::api::Registration,
    side: RwSignal<Lang>,
) -> impl IntoView {
    let answers = Arc::new(registration.answers.clone());
    let provenance_of = Arc::new(registration.provenance.clone());
    // The language the applicant answered in, for the provenance, whatever
    // is shown beside.
    let theirs = applicant_language(registration.language.as_deref(), &answers);
    let content = LocalResource::new(move || load_content(side.get()));
    let provenance = {
        let mut args = Args::new();
        args.set("version", registration.questionnaire_version);
        args.set("started", time(&registration.created_at));
        args.set(
            "time",
            registration
                .completed_at
                .as_deref()
                .map_or_else(|| time(&registration.updated_at), time),
        );
        args.set(
            "language",
            format!("{} ({})", theirs.native_name(), theirs.english_name()),
        );
        move || ctranslate("print-provenance", Some(&args))
    };
    view! {
        <p class="cw-print__meta" data-testid="print-provenance">{provenance}</p>
        // The parts' headings are h4, as under the person page's h3.
        <h3 class="cw-print__answers">{ct("print-answers")}</h3>
        <Loaded resource=content view={move |c: Content| {
            view! { <AnswerTables content=c answers=answers.clone() side=side.get_untracked() provenance=provenance_of.clone()/> }
        }}/>
    }
}

/// Sets (or, with `None`, removes) the running header that the print
/// style sheet puts at the top of every printed page (`--print-running`
/// in `caseworker.css`). A custom property of the root element, set through
/// the CSS object model: the content security policy allows no inline
/// style sheet, and a page's margin box can show no element's text.
fn set_running_header(text: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    // Failing leaves the pages without the header; the profile still shows.
    let _ = match text {
        Some(text) => style.set_property("--print-running", &css_string(text)),
        None => style.remove_property("--print-running").map(|_| ()),
    };
}

/// `text` as a CSS string: quoted, with a backslash, a quote and every
/// control character escaped by its code point, so that no name can end
/// the string or the declaration.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' || c.is_control() {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn a_name_cannot_leave_its_css_string() {
        assert_eq!(css_string("Åse Ødegård · DUF"), "\"Åse Ødegård · DUF\"");
        assert_eq!(css_string("a\"; } x { \\\n"), "\"a\\22 ; } x { \\5c \\a \"");
    }
}
