//! An API client's webhooks as its administrator sees them: each endpoint
//! with whether it works, fails (since when) or was disabled (and why),
//! and an endpoint's latest deliveries with every attempt (time, answer or
//! error, duration), with "send again" for a finished one.

use kartlegg_shared::caseworker::Role;
use kartlegg_shared::integration::{
    ChangeEventType, DeliveryState, WebhookAttemptView, WebhookDeliveryView, WebhookDisabledReason,
    WebhookView,
};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::caseworker::api;
use crate::caseworker::app::load_error;
use crate::caseworker::components::{focus_id, time};
use crate::caseworker::i18n::{ct, ct1, ctr};
use crate::caseworker::routes::Route;
use crate::caseworker::session::session;
use crate::core::loaded::Loaded;
use crate::core::table::Table;

#[component]
pub fn WebhooksPage() -> impl IntoView {
    let s = session();
    let params = use_params_map();
    let client = move || params.with(|p| p.get("id").unwrap_or_default());
    view! {
        <p><A href=Route::ApiClients.path() attr:data-testid="back-to-clients">{ct("webhooks-back")}</A></p>
        <h1 data-testid="webhooks-title">{ct("webhooks-title")}</h1>
        {move || if s.has(Role::Administrator) {
            view! { <p class="cw-lead">{ct("webhooks-intro")}</p><Endpoints client=client()/> }.into_any()
        } else {
            view! { <p role="alert">{ct("error-forbidden")}</p> }.into_any()
        }}
    }
}

/// The translation key of an event type.
const fn type_key(kind: ChangeEventType) -> &'static str {
    match kind {
        ChangeEventType::RegistrationCompleted => "event-registration-completed",
        ChangeEventType::RegistrationStarted => "event-registration-started",
        ChangeEventType::PersonCreated => "event-person-created",
        ChangeEventType::PersonChanged => "event-person-changed",
        ChangeEventType::PersonErased => "event-person-erased",
    }
}

/// An endpoint's state in words, and its tag's style.
fn endpoint_state(w: &WebhookView) -> (String, &'static str) {
    match (&w.disabled_at, w.disabled_reason, &w.failing_since) {
        (Some(at), reason, _) => {
            let key = match reason {
                Some(WebhookDisabledReason::Gone) => "webhooks-disabled-gone",
                Some(WebhookDisabledReason::Failing) => "webhooks-disabled-failing",
                Some(WebhookDisabledReason::Removed) | None => "webhooks-disabled-removed",
            };
            (ct1(key, "at", time(at)), "cw-tag--disabled")
        }
        (None, _, Some(since)) => (
            ct1("webhooks-failing", "since", time(since)),
            "cw-tag--warning",
        ),
        (None, _, None) => (ctr("webhooks-working"), "cw-tag--active"),
    }
}

const fn delivery_key(state: DeliveryState) -> &'static str {
    match state {
        DeliveryState::Pending => "webhooks-state-pending",
        DeliveryState::Delivered => "webhooks-state-delivered",
        DeliveryState::Failed => "webhooks-state-failed",
        DeliveryState::Cancelled => "webhooks-state-cancelled",
    }
}

/// What went wrong in an attempt, in the caseworker's words: the kind the
/// server names first (`timed out: …`, `could not connect: …`,
/// `refused: …`), then the technical detail as the server gave it.
fn attempt_error(error: &str) -> (String, Option<String>) {
    let (kind, detail) = error
        .split_once(": ")
        .map_or((error, None), |(k, d)| (k, Some(d.to_owned())));
    let key = match kind {
        "timed out" => "webhooks-err-timeout",
        "could not connect" => "webhooks-err-connect",
        "refused" => "webhooks-err-refused",
        _ => return (error.to_owned(), None),
    };
    (ctr(key), detail)
}

/// One attempt: its time, the answer or the error, how long.
fn attempt_view(a: &WebhookAttemptView) -> impl IntoView + use<> {
    let (outcome, detail) = match (a.status, &a.error) {
        (Some(status), _) => (ct1("webhooks-answered", "status", status), None),
        (None, Some(error)) => attempt_error(error),
        (None, None) => (String::new(), None),
    };
    view! {
        <li>
            {time(&a.attempted_at)}" · "{outcome}
            {detail.map(|d| view! { " " <span lang="en" dir="ltr" class="cw-muted">"("{d}")"</span> })}
            " · "{ct1("webhooks-duration", "ms", a.duration_ms)}
        </li>
    }
}

#[component]
fn Endpoints(client: String) -> impl IntoView {
    let endpoints = LocalResource::new({
        let client = client.clone();
        move || {
            let client = client.clone();
            async move { api::client_webhooks(&client).await }
        }
    });
    let shown = RwSignal::new(None::<WebhookView>);
    view! {
        <Loaded resource=endpoints view={move |list: Vec<WebhookView>| {
            let count = list.len();
            view! {
                <p class="cw-count">{move || ct1("webhooks-count", "count", count)}</p>
                <Table label="webhooks-endpoints" testid="webhooks-table" head=|| view! {
                    <th scope="col">{ct("webhooks-url")}</th>
                    <th scope="col">{ct("webhooks-types")}</th>
                    <th scope="col">{ct("webhooks-created")}</th>
                    <th scope="col">{ct("clients-status")}</th>
                    <th scope="col"><span class="visually-hidden">{ct("col-actions")}</span></th>
                }>
                    {list.into_iter().map(|w| {
                        let (state, tag) = endpoint_state(&w);
                        let chosen = w.clone();
                        let url = w.url.clone();
                        view! {
                            <tr data-testid="webhook-row" data-id=w.id.clone()>
                                <th scope="row"><code dir="ltr" class="cw-break">{w.url.clone()}</code></th>
                                <td>
                                    <ul class="cw-plain">
                                        {w.types.iter().map(|t| {
                                            let key = type_key(*t);
                                            view! { <li>{move || ctr(key)}</li> }
                                        }).collect_view()}
                                    </ul>
                                </td>
                                <td class="cw-num">{time(&w.created_at)}</td>
                                <td><span class=format!("cw-tag {tag}") data-testid="webhook-state">{state}</span></td>
                                <td class="cw-row-actions">
                                    <button type="button" class="link-button" data-testid="show-deliveries"
                                        on:click=move |_| {
                                            shown.set(Some(chosen.clone()));
                                            focus_id("deliveries-title");
                                        }>
                                        {ct("webhooks-show-deliveries")}
                                        <span class="visually-hidden">{format!(" ({url})")}</span>
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </Table>
            }
        }}/>
        {move || shown.get().map(|w| view! { <Deliveries client=client.clone() endpoint=w/> })}
    }
}

#[component]
fn Deliveries(client: String, endpoint: WebhookView) -> impl IntoView {
    let enabled = endpoint.disabled_at.is_none();
    let list = LocalResource::new({
        let (client, id) = (client.clone(), endpoint.id.clone());
        move || {
            let (client, id) = (client.clone(), id.clone());
            async move { api::client_webhook_deliveries(&client, &id).await }
        }
    });
    let status = RwSignal::new(None::<String>);
    let again = Action::new_local({
        let (client, id) = (client.clone(), endpoint.id.clone());
        move |event: &String| {
            let (client, id, event) = (client.clone(), id.clone(), event.clone());
            async move {
                match api::retry_client_delivery(&client, &id, &event).await {
                    Ok(()) => {
                        status.set(Some(ctr("webhooks-sent-again")));
                        list.refetch();
                    }
                    Err(e) => status.set(Some(load_error(&e))),
                }
                focus_id("deliveries-status");
            }
        }
    });
    view! {
        <h2 id="deliveries-title" tabindex="-1" data-testid="deliveries-title">
            {ct("webhooks-deliveries")}" "<code dir="ltr" class="cw-break">{endpoint.url.clone()}</code>
        </h2>
        <p id="deliveries-status" tabindex="-1" role="status" class="cw-status" data-testid="deliveries-status">{move || status.get()}</p>
        <Loaded resource=list view={move |deliveries: Vec<WebhookDeliveryView>| view! {
            <Table label="webhooks-deliveries" testid="deliveries-table" head=|| view! {
                <th scope="col">{ct("webhooks-event")}</th>
                <th scope="col">{ct("webhooks-state")}</th>
                <th scope="col">{ct("webhooks-attempts")}</th>
                <th scope="col"><span class="visually-hidden">{ct("col-actions")}</span></th>
            }>
                {deliveries.into_iter().map(|d| {
                    let key = type_key(d.kind);
                    let state_key = delivery_key(d.state);
                    let next = d.next_attempt_at.clone();
                    let finished = d.state != DeliveryState::Pending;
                    let event = d.event_id.clone();
                    view! {
                        <tr data-testid="delivery-row" data-state=state_key>
                            <th scope="row">
                                {move || ctr(key)}
                                <span class="cw-id cw-block" dir="ltr">{d.event_id.clone()}</span>
                                <span class="cw-block">{time(&d.created_at)}</span>
                            </th>
                            <td>
                                {move || ctr(state_key)}
                                {next.clone().map(|at| view! {
                                    <span class="cw-block">{move || ct1("webhooks-next", "at", time(&at))}</span>
                                })}
                            </td>
                            <td>
                                <ol class="cw-plain" data-testid="attempts">
                                    {d.attempts.iter().map(attempt_view).collect_view()}
                                </ol>
                            </td>
                            <td class="cw-row-actions">
                                {(enabled && finished).then(|| view! {
                                    <button type="button" class="link-button" data-testid="send-again"
                                        disabled=move || again.pending().get()
                                        on:click=move |_| { again.dispatch(event.clone()); }>
                                        {ct("webhooks-send-again")}
                                    </button>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </Table>
        }}/>
    }
}
