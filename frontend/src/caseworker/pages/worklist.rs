//! The start page: the caseworker's own worklist, with each person's
//! registration state. Administrators and auditors, who read no people,
//! get links to their pages instead.

use kartlegg_shared::caseworker::{PersonSummary, Role};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::caseworker::api;
use crate::caseworker::app::load_error;
use crate::caseworker::components::{StateTag, date, opt_date};
use crate::caseworker::i18n::{ct, ct1, ctr};
use crate::caseworker::routes::Route;
use crate::caseworker::session::session;
use crate::core::loaded::Loaded;
use crate::core::table::Table;

#[component]
pub fn WorklistPage() -> impl IntoView {
    let s = session();
    // Someone who reads only statistics starts there (the menu's Start
    // and a reload of /caseworker too).
    let navigate = use_navigate();
    Effect::new(move || {
        if s.start() == Route::Statistics {
            navigate(
                &Route::Statistics.path(),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    view! {
        <h1 data-testid="worklist-title">{ct("worklist-title")}</h1>
        {move || if s.reads_people() {
            view! { <Worklist/> }.into_any()
        } else {
            view! {
                <p>{ct("start-no-people")}</p>
                <ul class="cw-links">
                    <Show when=move || s.has(Role::Statistics)>
                        <li><a href=Route::Statistics.path()>{ct("menu-statistics")}</a></li>
                    </Show>
                    <Show when=move || s.has(Role::Auditor)>
                        <li><a href=Route::Audit.path()>{ct("menu-audit")}</a></li>
                    </Show>
                    <Show when=move || s.has(Role::Administrator)>
                        <li><a href=Route::Accounts.path()>{ct("menu-accounts")}</a></li>
                    </Show>
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Worklist() -> impl IntoView {
    let list = LocalResource::new(api::worklist);
    let status = RwSignal::new(None::<String>);
    let remove = Action::new_local(move |person: &PersonSummary| {
        let person = person.clone();
        async move {
            match api::worklist_remove(&person.id).await {
                Ok(()) => {
                    status.set(Some(ct1(
                        "worklist-removed",
                        "name",
                        format!("{} {}", person.first_name, person.last_name),
                    )));
                    list.refetch();
                }
                Err(e) => status.set(Some(load_error(&e))),
            }
        }
    });
    view! {
        <p class="cw-lead">{ct("worklist-intro")}</p>
        <p role="status" class="cw-status" data-testid="worklist-status">{move || status.get()}</p>
        <Loaded resource=list view={move |people: Vec<PersonSummary>| if people.is_empty() {
            view! { <p data-testid="worklist-empty">{ct("worklist-empty")}</p> }.into_any()
        } else {
            let count = people.len();
            view! {
                <p class="cw-count" data-testid="worklist-count">{move || ct1("people-count", "count", count)}</p>
                <Table label="worklist-title" testid="worklist-table" head=|| view! {
                    <th scope="col">{ct("col-name")}</th>
                    <th scope="col">{ct("col-duf")}</th>
                    <th scope="col">{ct("col-born")}</th>
                    <th scope="col">{ct("col-state")}</th>
                    <th scope="col">{ct("col-completed")}</th>
                    <th scope="col"><span class="visually-hidden">{ct("col-actions")}</span></th>
                }>
                    {people.into_iter().map(|p| {
                        let name = format!("{}, {}", p.last_name, p.first_name);
                        let hidden_name = format!(" ({name})");
                        let person = p.clone();
                        view! {
                            <tr data-testid="worklist-row" data-duf=p.duf_number.clone()>
                                <th scope="row"><a href=Route::Person(&p.id).path()>{name}</a></th>
                                <td class="cw-num">{p.duf_number.clone()}</td>
                                <td class="cw-num">{opt_date(p.date_of_birth.as_ref())}</td>
                                <td><StateTag state=p.state/></td>
                                <td class="cw-num">{p.completed_at.as_deref().map_or_else(|| "–".to_owned(), date)}</td>
                                <td>
                                    <button type="button" class="link-button"
                                        on:click=move |_| { remove.dispatch(person.clone()); }>
                                        {ctr("worklist-remove")}
                                        <span class="visually-hidden">{hidden_name}</span>
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </Table>
            }.into_any()
        }}/>
    }
}
