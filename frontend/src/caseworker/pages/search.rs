//! The search box's results: the own organisation's people who match. An
//! exact DUF-number that finds no one here may be looked up outside the
//! organisation, after a confirmation with a reason (logged, and readable
//! by the person's organisation).

use kartlegg_shared::caseworker::{
    FoundThroughKind, OutsideLookupRequest, OutsideLookupResult, PersonSummary, SearchKind,
};
use leptos::prelude::*;

use crate::caseworker::api;
use crate::caseworker::app::load_error;
use crate::caseworker::components::{StateTag, field_error, focus_id, opt_date, parse_error_text};
use crate::caseworker::i18n::{ct, ct1, ctr};
use crate::caseworker::routes::Route;
use crate::caseworker::session::SearchState;
use crate::core::confirm::ConfirmDialog;
use crate::core::table::Table;

const fn kind_key(kind: SearchKind) -> &'static str {
    match kind {
        SearchKind::DufNumber => "search-kind-duf",
        SearchKind::RegistrationNumber => "search-kind-registration",
        SearchKind::NationalId => "search-kind-national-id",
        SearchKind::DateOfBirth => "search-kind-born",
        SearchKind::Name => "search-kind-name",
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let search = expect_context::<SearchState>();
    view! {
        <h1 data-testid="search-title">{ct("search-title")}</h1>
        {move || match search.response.get() {
            None => view! { <p>{ct("search-nothing-yet")}</p> }.into_any(),
            Some(response) => {
                let kind = response.kind;
                let count = response.results.len();
                view! {
                    <p role="status" class="cw-count" data-testid="search-summary">
                        {move || ctr(kind_key(kind))}" · "{move || ct1("people-count", "count", count)}
                    </p>
                    {response.truncated.then(|| view! { <p class="notice">{ct("search-truncated")}</p> })}
                    {if response.results.is_empty() {
                        view! {
                            <p data-testid="search-empty">{ct("search-empty")}</p>
                            {(kind == SearchKind::DufNumber).then(|| view! { <OutsideLookup/> })}
                        }.into_any()
                    } else {
                        view! { <ResultTable people=response.results/> }.into_any()
                    }}
                }.into_any()
            }
        }}
    }
}

/// A table of people with links to their pages.
#[component]
pub fn ResultTable(people: Vec<PersonSummary>) -> impl IntoView {
    view! {
        <Table label="search-title" testid="search-results" head=|| view! {
            <th scope="col">{ct("col-name")}</th>
            <th scope="col">{ct("col-duf")}</th>
            <th scope="col">{ct("col-born")}</th>
            <th scope="col">{ct("col-state")}</th>
            <th scope="col">{ct("col-worklist")}</th>
        }>
            {people.into_iter().map(|p| view! {
                <tr data-testid="search-row" data-duf=p.duf_number.clone()>
                    <th scope="row">
                        <a href=Route::Person(&p.id).path() data-testid="search-person-link">
                            {format!("{}, {}", p.last_name, p.first_name)}
                        </a>
                        {p.found_through.clone().map(|f| {
                            let key = match f.kind {
                                FoundThroughKind::Alias => "found-through-alias",
                                FoundThroughKind::Duplicate => "found-through-duplicate",
                            };
                            view! { <span class="cw-source" data-testid="found-through" data-kind=key>{ct1(key, "text", f.text)}</span> }
                        })}
                    </th>
                    <td class="cw-num">{p.duf_number.clone()}</td>
                    <td class="cw-num">{opt_date(p.date_of_birth.as_ref())}</td>
                    <td><StateTag state=p.state/></td>
                    <td>{if p.on_worklist { ct("yes").into_any() } else { ct("no").into_any() }}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

/// "Look up outside the organisation": a confirmation with a reason.
#[component]
fn OutsideLookup() -> impl IntoView {
    let search = expect_context::<SearchState>();
    let open = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let found = RwSignal::new(None::<OutsideLookupResult>);
    let lookup = Action::new_local(move |request: &OutsideLookupRequest| {
        let request = request.clone();
        async move {
            match api::lookup(&request).await {
                Ok(r) => {
                    error.set(None);
                    found.set(Some(r));
                    open.set(false);
                    focus_id("lookup-result");
                }
                Err(e) => error.set(Some(
                    field_error(&e, "reason").unwrap_or_else(|| load_error(&e)),
                )),
            }
        }
    });
    let confirm = Callback::new(move |()| {
        // The DUF-number as searched for: the server reads it as typed.
        let request = OutsideLookupRequest {
            duf_number: search.text.get_untracked(),
            reason: reason.get_untracked(),
        };
        // The server's own parse, run here first (shared::fields).
        if let Err(errors) = request.parse() {
            error.set(Some(parse_error_text(&errors, "err-reason")));
            focus_id("lookup-reason");
            return;
        }
        lookup.dispatch(request);
    });
    view! {
        <p>{ct("lookup-explain")}</p>
        <button type="button" class="button button--secondary" data-testid="lookup-open"
            on:click=move |_| { open.set(true); focus_id("lookup-reason"); }>
            {ct("lookup-button")}
        </button>
        <ConfirmDialog
            open=open
            title=Signal::derive(|| ctr("lookup-title"))
            confirm=Signal::derive(|| ctr("lookup-confirm"))
            on_confirm=confirm
            busy=lookup.pending()
            error=error
            testid="lookup-dialog"
        >
            <p>{ct("lookup-warning")}</p>
            <div class="field">
                <label for="lookup-reason" class="field__label">{ct("reason-label")}</label>
                <p class="field__hint" id="lookup-reason-hint">{ct("reason-hint")}</p>
                <textarea id="lookup-reason" class="input cw-textarea" rows="3" data-testid="lookup-reason"
                    aria-describedby="lookup-reason-hint"
                    on:input=move |ev| {
                        reason.set(event_target_value(&ev));
                        error.set(None);
                    }></textarea>
            </div>
        </ConfirmDialog>
        <div id="lookup-result" tabindex="-1" role="status">
            {move || found.get().map(|r| view! {
                <div class="panel" data-testid="lookup-result">
                    <h2>{format!("{}, {}", r.person.last_name, r.person.first_name)}</h2>
                    {r.person.found_through.clone().map(|f| {
                        let key = match f.kind {
                            FoundThroughKind::Alias => "found-through-alias",
                            FoundThroughKind::Duplicate => "found-through-duplicate",
                        };
                        view! { <p class="cw-source" data-testid="lookup-found-through">{ct1(key, "text", f.text)}</p> }
                    })}
                    <dl class="cw-facts">
                        <div><dt>{ct("col-duf")}</dt><dd>{r.person.duf_number.clone()}</dd></div>
                        <div><dt>{ct("col-born")}</dt><dd>{opt_date(r.person.date_of_birth.as_ref())}</dd></div>
                        <div><dt>{ct("col-state")}</dt><dd><StateTag state=r.person.state/></dd></div>
                        <div><dt>{ct("lookup-organisation")}</dt><dd>{format!("{} ({})", r.organisation.name, r.organisation.number)}</dd></div>
                    </dl>
                    <p>{ct("lookup-closed")}</p>
                </div>
            })}
        </div>
    }
}
