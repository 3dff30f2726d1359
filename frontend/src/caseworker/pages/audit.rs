//! The auditor's view of the organisation's audit log: filters (action,
//! dates, account, person), newest first, paged, and a check of the hash
//! chain.

use kartlegg_shared::caseworker::{AuditAction, AuditQuery, ChainFailure, ChainVerification, Role};
use leptos::prelude::*;

use crate::caseworker::api;
use crate::caseworker::app::load_error;
use crate::caseworker::components::{action_key, time};
use crate::caseworker::i18n::{Args, ct, ct1, ctr, ctranslate};
use crate::caseworker::session::session;
use crate::core::loaded::Loaded;
use crate::core::table::{Paging, Table};

#[component]
pub fn AuditPage() -> impl IntoView {
    let s = session();
    view! {
        <h1 data-testid="audit-title">{ct("audit-title")}</h1>
        {move || if s.has(Role::Auditor) {
            view! { <AuditLog/> }.into_any()
        } else {
            view! { <p role="alert">{ct("error-forbidden")}</p> }.into_any()
        }}
    }
}

#[component]
fn AuditLog() -> impl IntoView {
    let action = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let actor = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    let query = RwSignal::new(AuditQuery {
        page: Some(1),
        ..AuditQuery::default()
    });
    let log = LocalResource::new(move || {
        let q = query.get();
        async move { api::audit(&q).await }
    });
    let some =
        |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty());
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set(AuditQuery {
            action: AuditAction::from_name(&action.get_untracked()),
            actor_id: some(actor),
            person_id: some(person),
            from: some(from),
            to: some(to),
            page: Some(1),
            page_size: None,
        });
    };
    let verification = RwSignal::new(None::<Result<ChainVerification, String>>);
    let verify = Action::new_local(move |()| async move {
        let result = api::verify_audit().await.map_err(|e| load_error(&e));
        verification.set(Some(result));
    });
    let on_page = Callback::new(move |n: u32| query.update(|q| q.page = Some(n)));
    view! {
        <form class="cw-filters" on:submit=apply aria-label=ct("filters")>
            <div class="cw-filter">
                <label for="a-action">{ct("col-action")}</label>
                <select id="a-action" class="cw-select" data-testid="audit-action"
                    on:change=move |ev| action.set(event_target_value(&ev))>
                    <option value="">{ct("filter-any")}</option>
                    {AuditAction::ALL.into_iter().map(|a| view! {
                        <option value=a.as_str()>{ct(action_key(a))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="cw-filter">
                <label for="a-from">{ct("filter-from")}</label>
                <input id="a-from" type="date" class="input cw-input--date" on:change=move |ev| from.set(event_target_value(&ev))/>
            </div>
            <div class="cw-filter">
                <label for="a-to">{ct("filter-to")}</label>
                <input id="a-to" type="date" class="input cw-input--date" on:change=move |ev| to.set(event_target_value(&ev))/>
            </div>
            <div class="cw-filter">
                <label for="a-actor">{ct("filter-actor-id")}</label>
                <input id="a-actor" type="text" class="input cw-input--id" on:input=move |ev| actor.set(event_target_value(&ev))/>
            </div>
            <div class="cw-filter">
                <label for="a-person">{ct("filter-person-id")}</label>
                <input id="a-person" type="text" class="input cw-input--id" on:input=move |ev| person.set(event_target_value(&ev))/>
            </div>
            <div class="cw-filter cw-filter--actions">
                <button type="submit" class="button button--small" data-testid="audit-apply">{ct("filter-apply")}</button>
                <button type="button" class="button button--secondary button--small" data-testid="audit-verify" on:click=move |_| { verify.dispatch(()); }>
                    {ct("audit-verify")}
                </button>
            </div>
        </form>
        <div role="status" data-testid="audit-verification">
            {move || verification.get().map(|v| match v {
                Ok(v) if v.intact => view! {
                    <p class="notice cw-ok">{ct1("audit-intact", "count", v.events_checked)}</p>
                }.into_any(),
                Ok(v) => view! {
                    <p class="notice cw-bad">{{
                        let mut a = Args::new();
                        a.set("count", v.events_checked);
                        a.set("seq", v.first_broken_seq.unwrap_or_default());
                        a.set("head", v.head_seq);
                        a.set("checkpoint", v.checkpoint_seq.unwrap_or_default());
                        let key = match v.failure {
                            Some(ChainFailure::Truncated) => "audit-truncated",
                            Some(ChainFailure::CheckpointInvalid) => "audit-checkpoint-invalid",
                            _ => "audit-broken",
                        };
                        ctranslate(key, Some(&a))
                    }}</p>
                }.into_any(),
                Err(m) => view! { <p class="field__error">{m}</p> }.into_any(),
            })}
        </div>
        <Loaded resource=log view={move |p: kartlegg_shared::caseworker::AuditPage| {
            let total = p.total;
            let paging = Paging::new(p.page, p.total, p.page_size, on_page);
            view! {
                <p role="status" class="cw-count" data-testid="audit-count">{move || ct1("events-count", "count", total)}</p>
                <Table label="audit-title" testid="audit-table" compact=true paging=paging head=|| view! {
                    <th scope="col">"#"</th>
                    <th scope="col">{ct("col-when")}</th>
                    <th scope="col">{ct("col-who")}</th>
                    <th scope="col">{ct("col-action")}</th>
                    <th scope="col">{ct("col-person")}</th>
                    <th scope="col">{ct("col-fields")}</th>
                    <th scope="col">{ct("col-reason")}</th>
                    <th scope="col">{ct("col-address")}</th>
                    <th scope="col">{ct("col-request")}</th>
                }>
                    {p.items.into_iter().map(|e| view! {
                        <tr data-testid="audit-row" data-action=e.action.as_str()>
                            <td class="cw-num">{e.seq}</td>
                            <td class="cw-num">{time(&e.at)}</td>
                            <td>{e.actor}</td>
                            <td>{ctr(action_key(e.action))}</td>
                            <td class="cw-id">{e.person_id.unwrap_or_default()}</td>
                            <td>{e.fields.join(", ")}</td>
                            <td>{e.reason.unwrap_or_default()}</td>
                            <td class="cw-num">{e.client_address.unwrap_or_default()}</td>
                            <td class="cw-id">{e.request_id.unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </Table>
            }
        }}/>
    }
}
