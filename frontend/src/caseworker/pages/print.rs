//! The printable profile: identity and the latest completed registration,
//! the answers in the caseworker's language with the applicant's beside
//! them, where they came from and when, laid out for A4 by the print
//! rules of `caseworker.css` (the header and the tool bar are not
//! printed). Reading it is logged on the server as a print.

use std::sync::Arc;

use kartlegg_shared::caseworker::{Gender, PrintProfile};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::caseworker::components::{StateTag, opt_date, time};
use crate::caseworker::i18n::{Args, ct, ctranslate};
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
    view! {
        <div class="cw-print-tools">
            <a href=back data-testid="print-back">{ct("print-back")}</a>
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
                    Some(r) => view! { <PrintAnswers registration=r/> }.into_any(),
                }}
            </section>
        </article>
    }
}

/// The completed registration's provenance and answers.
#[component]
fn PrintAnswers(registration: kartlegg_shared::api::Registration) -> impl IntoView {
    let answers = Arc::new(registration.answers.clone());
    let provenance_of = Arc::new(registration.provenance.clone());
    let side = applicant_language(registration.language.as_deref(), &answers);
    let content = LocalResource::new(move || load_content(side));
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
            format!("{} ({})", side.native_name(), side.english_name()),
        );
        move || ctranslate("print-provenance", Some(&args))
    };
    view! {
        <p class="cw-print__meta" data-testid="print-provenance">{provenance}</p>
        // The parts' headings are h4, as under the person page's h3.
        <h3 class="cw-print__answers">{ct("print-answers")}</h3>
        <Loaded resource=content view={move |c: Content| {
            view! { <AnswerTables content=c answers=answers.clone() side=side provenance=provenance_of.clone()/> }
        }}/>
    }
}
