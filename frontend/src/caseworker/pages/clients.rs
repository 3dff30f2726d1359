//! The administrator's page for API clients (issue 13): the organisation's
//! clients with their scopes, credentials and last use; a form to register
//! one (a public key pasted as JWK or PEM, or a secret shown once); and per
//! client "change scopes", "new key or secret" (rotation: both stay valid
//! until the old one is revoked), "revoke" and "disable", each after a
//! confirmation.

use js_sys::{Array, JSON, Object, Reflect};
use kartlegg_shared::caseworker::Role;
use kartlegg_shared::integration::{
    ApiClientCreated, ApiClientView, CLIENT_NAME_MAX_CHARS, CredentialKind, CredentialView, Scope,
};
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsValue;

use crate::caseworker::api::{self, ApiError};
use crate::caseworker::app::load_error;
use crate::caseworker::components::{field_error, focus_id, time};
use crate::caseworker::i18n::{ct, ct1, ctr};
use crate::caseworker::routes::Route;
use crate::caseworker::session::session;
use crate::core::confirm::ConfirmDialog;
use crate::core::loaded::Loaded;
use crate::core::table::Table;

#[component]
pub fn ApiClientsPage() -> impl IntoView {
    let s = session();
    view! {
        <h1 data-testid="clients-title">{ct("clients-title")}</h1>
        {move || if s.has(Role::Administrator) {
            view! { <p class="cw-lead">{ct("clients-intro")}</p><Clients/> }.into_any()
        } else {
            view! { <p role="alert">{ct("error-forbidden")}</p> }.into_any()
        }}
    }
}

/// Which client (and credential) a dialog acts on.
#[derive(Clone, PartialEq)]
enum Pending {
    Scopes(ApiClientView),
    Credential(ApiClientView),
    Revoke(ApiClientView, CredentialView),
    Disable(ApiClientView),
}

impl Pending {
    const fn client(&self) -> &ApiClientView {
        match self {
            Self::Scopes(c) | Self::Credential(c) | Self::Revoke(c, _) | Self::Disable(c) => c,
        }
    }
}

/// The translation key of a scope's description.
const fn scope_key(scope: Scope) -> &'static str {
    match scope {
        Scope::PeopleRead => "scope-people-read",
        Scope::PeopleWrite => "scope-people-write",
        Scope::CodesIssue => "scope-codes-issue",
        Scope::RegistrationsRead => "scope-registrations-read",
        Scope::FeedRead => "scope-feed-read",
        Scope::WebhooksManage => "scope-webhooks-manage",
        Scope::StatisticsRead => "scope-statistics-read",
    }
}

/// The server's error for one field of a client, in this page's words.
fn client_error(error: &ApiError, field: &str) -> Option<String> {
    let problem = error.problem()?;
    let code = &problem.errors.iter().find(|e| e.field == field)?.code;
    let key = match (field, code.as_str()) {
        ("name", "taken") => "clients-err-name-taken",
        ("name", _) => "clients-err-name",
        ("scopes", _) => "clients-err-scopes",
        ("credential.key", _) => "clients-err-key",
        _ => return field_error(error, field),
    };
    Some(ctr(key))
}

/// The credential to send (the shared `NewCredential`) as a JS object: a
/// secret, or the pasted key, a JWK as its JSON object and anything else
/// (a PEM block) as text, for the server to judge. Made and written by the
/// browser's JSON, which keeps serde_json's parser out of the bundle.
fn new_credential(kind: CredentialKind, key: &str) -> Object {
    let credential = Object::new();
    let set = |o: &Object, name: &str, value: &JsValue| {
        let _ = Reflect::set(o, &JsValue::from_str(name), value);
    };
    match kind {
        CredentialKind::Secret => set(&credential, "kind", &JsValue::from_str("secret")),
        CredentialKind::PublicKey => {
            let key = key.trim();
            let jwk = JSON::parse(key)
                .ok()
                .filter(|v| v.is_object() && !Array::is_array(v));
            set(&credential, "kind", &JsValue::from_str("public_key"));
            set(
                &credential,
                "key",
                &jwk.unwrap_or_else(|| JsValue::from_str(key)),
            );
        }
    }
    credential
}

/// JSON text of a JS value.
fn json(value: &JsValue) -> String {
    JSON::stringify(value).map(String::from).unwrap_or_default()
}

/// The `NewApiClient` to send, as JSON text.
fn new_client(name: &str, scopes: &[Scope], credential: &Object) -> String {
    let client = Object::new();
    let list: Array = scopes
        .iter()
        .map(|s| JsValue::from_str(s.as_str()))
        .collect();
    for (field, value) in [
        ("name", JsValue::from_str(name.trim())),
        ("scopes", list.into()),
        ("credential", credential.into()),
    ] {
        let _ = Reflect::set(&client, &JsValue::from_str(field), &value);
    }
    json(&client)
}

#[component]
fn Clients() -> impl IntoView {
    let list = LocalResource::new(api::api_clients);
    let status = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Pending>);
    let scopes_open = RwSignal::new(false);
    let credential_open = RwSignal::new(false);
    let revoke_open = RwSignal::new(false);
    let disable_open = RwSignal::new(false);
    let chosen = RwSignal::new(Vec::<Scope>::new());
    let kind = RwSignal::new(CredentialKind::PublicKey);
    let key = RwSignal::new(String::new());
    let key_error = RwSignal::new(None::<String>);
    let dialog_error = RwSignal::new(None::<String>);
    // A rotation's new credential; a secret is shown here this once.
    let rotated = RwSignal::new(None::<ApiClientCreated>);

    // After a change: the status line says it, the list is fetched again
    // and focus moves to the status (the row's button is redrawn).
    let done = move |message: String| {
        dialog_error.set(None);
        status.set(Some(message));
        list.refetch();
        focus_id("clients-status");
    };
    let failed = move |e: &ApiError| dialog_error.set(Some(load_error(e)));
    let open = move |what: Pending, dialog: RwSignal<bool>| {
        dialog_error.set(None);
        rotated.set(None);
        pending.set(Some(what));
        dialog.set(true);
    };

    // Each dialog's call; its `pending()` keeps the confirm button from a
    // second press while the first is under way.
    let set_scopes = Action::new_local(move |client: &ApiClientView| {
        let id = client.id.clone();
        async move {
            match api::set_client_scopes(&id, chosen.get_untracked()).await {
                Ok(c) => {
                    scopes_open.set(false);
                    done(ct1("clients-scopes-saved", "name", c.name));
                }
                Err(e) => dialog_error.set(Some(
                    client_error(&e, "scopes").unwrap_or_else(|| load_error(&e)),
                )),
            }
        }
    });
    let add_credential = Action::new_local(move |client: &ApiClientView| {
        let id = client.id.clone();
        let body = json(&new_credential(kind.get_untracked(), &key.get_untracked()));
        async move {
            match api::add_client_credential(&id, body).await {
                Ok(created) => {
                    credential_open.set(false);
                    key.set(String::new());
                    key_error.set(None);
                    done(ct1(
                        "clients-credential-added",
                        "name",
                        created.client.name.clone(),
                    ));
                    rotated.set(Some(created));
                    focus_id("rotated-credential");
                }
                Err(e) => {
                    key_error.set(client_error(&e, "credential.key"));
                    failed(&e);
                }
            }
        }
    });
    let revoke_credential = Action::new_local(
        move |(client, credential): &(ApiClientView, CredentialView)| {
            let (id, credential_id) = (client.id.clone(), credential.id.clone());
            async move {
                match api::revoke_client_credential(&id, &credential_id).await {
                    Ok(c) => {
                        revoke_open.set(false);
                        done(ct1("clients-revoked-done", "name", c.name));
                    }
                    Err(e) => failed(&e),
                }
            }
        },
    );
    let disable_client = Action::new_local(move |client: &ApiClientView| {
        let id = client.id.clone();
        async move {
            match api::disable_api_client(&id).await {
                Ok(c) => {
                    disable_open.set(false);
                    done(ct1("clients-disabled-done", "name", c.name));
                }
                Err(e) => failed(&e),
            }
        }
    });
    let save_scopes = Callback::new(move |()| {
        if let Some(Pending::Scopes(c)) = pending.get_untracked() {
            set_scopes.dispatch(c);
        }
    });
    let add = Callback::new(move |()| {
        if let Some(Pending::Credential(c)) = pending.get_untracked() {
            add_credential.dispatch(c);
        }
    });
    let revoke = Callback::new(move |()| {
        if let Some(Pending::Revoke(c, credential)) = pending.get_untracked() {
            revoke_credential.dispatch((c, credential));
        }
    });
    let disable = Callback::new(move |()| {
        if let Some(Pending::Disable(c)) = pending.get_untracked() {
            disable_client.dispatch(c);
        }
    });
    let pending_name = move || {
        pending.with(|p| {
            p.as_ref()
                .map(|p| p.client().name.clone())
                .unwrap_or_default()
        })
    };
    // Revoking the only valid credential leaves the client without a way in.
    let revoking_last = move || {
        pending.with(|p| match p {
            Some(Pending::Revoke(c, _)) => live(c) <= 1,
            _ => false,
        })
    };

    view! {
        <p id="clients-status" tabindex="-1" role="status" class="cw-status" data-testid="clients-status">{move || status.get()}</p>
        <IssuedPanel issued=rotated id="rotated-credential"/>
        <Loaded resource=list view={move |clients: Vec<ApiClientView>| {
            let count = clients.len();
            view! {
                <p class="cw-count">{move || ct1("clients-count", "count", count)}</p>
                <Table label="clients-title" testid="clients-table" head=|| view! {
                    <th scope="col">{ct("clients-name")}</th>
                    <th scope="col">{ct("clients-scopes")}</th>
                    <th scope="col">{ct("clients-credentials")}</th>
                    <th scope="col">{ct("clients-created")}</th>
                    <th scope="col">{ct("clients-last-used")}</th>
                    <th scope="col">{ct("clients-status")}</th>
                    <th scope="col"><span class="visually-hidden">{ct("col-actions")}</span></th>
                }>
                    {clients.into_iter().map(|c| {
                        let active = c.disabled_at.is_none();
                        let name = c.name.clone();
                        let last_used = c.last_used_at.clone();
                        let (for_scopes, for_credential, for_disable) = (c.clone(), c.clone(), c.clone());
                        let credentials = c.credentials.iter().map(|cred| {
                            let revoked = cred.revoked_at.clone();
                            let created = time(&cred.created_at);
                            let what = kind_text(cred.kind, cred.algorithm.clone());
                            let target = (c.clone(), cred.clone());
                            let hidden = format!(" ({}, {})", name, created);
                            view! {
                                <li class:cw-cred--revoked=revoked.is_some() data-testid="credential" data-kind=kind_slug(cred.kind)
                                    data-revoked=revoked.is_some().to_string()>
                                    <span class="cw-cred__kind">{what}</span>" "
                                    <span class="cw-cred__meta">{
                                        let created = created.clone();
                                        move || ct1("clients-cred-created", "at", created.clone())
                                    }</span>
                                    {revoked.clone().map(|at| {
                                        let at = time(&at);
                                        view! { " " <span class="cw-cred__meta">{move || ct1("clients-cred-revoked", "at", at.clone())}</span> }
                                    })}
                                    {(active && revoked.is_none()).then(|| view! {
                                        " "
                                        <button type="button" class="link-button" data-testid="revoke-credential"
                                            on:click=move |_| {
                                                let (client, credential) = target.clone();
                                                open(Pending::Revoke(client, credential), revoke_open);
                                            }>
                                            {ct("clients-revoke")}
                                            <span class="visually-hidden">{hidden}</span>
                                        </button>
                                    })}
                                </li>
                            }
                        }).collect_view();
                        let webhooks_hidden = format!(" ({})", c.name);
                        view! {
                            <tr data-testid="client-row" data-name=c.name.clone() data-id=c.id.clone()>
                                <th scope="row">
                                    {c.name.clone()}
                                    <span class="cw-id cw-block" dir="ltr">{c.id.clone()}</span>
                                </th>
                                <td>
                                    <ul class="cw-plain">
                                        {c.scopes.iter().map(|s| view! { <li><code dir="ltr">{s.as_str()}</code></li> }).collect_view()}
                                    </ul>
                                </td>
                                <td><ul class="cw-plain cw-creds">{credentials}</ul></td>
                                <td class="cw-num">{time(&c.created_at)}</td>
                                <td class="cw-num" data-testid="client-last-used">
                                    {move || last_used.as_deref().map_or_else(|| ctr("clients-never-used"), time)}
                                </td>
                                <td>
                                    {if active {
                                        view! { <span class="cw-tag cw-tag--active" data-testid="client-status">{ct("clients-active")}</span> }.into_any()
                                    } else {
                                        view! { <span class="cw-tag cw-tag--disabled" data-testid="client-status">{ct("clients-disabled")}</span> }.into_any()
                                    }}
                                </td>
                                <td class="cw-row-actions cw-row-actions--stack">
                                    <A href=Route::ApiClientWebhooks(&c.id).path() attr:data-testid="client-webhooks">
                                        {ct("clients-webhooks")}
                                        <span class="visually-hidden">{webhooks_hidden}</span>
                                    </A>
                                    {active.then(|| view! {
                                        <button type="button" class="link-button" data-testid="change-scopes"
                                            on:click=move |_| {
                                                chosen.set(for_scopes.scopes.clone());
                                                open(Pending::Scopes(for_scopes.clone()), scopes_open);
                                            }>
                                            {ct("clients-change-scopes")}
                                            <span class="visually-hidden">{format!(" ({})", c.name)}</span>
                                        </button>
                                        <button type="button" class="link-button" data-testid="add-credential"
                                            on:click=move |_| {
                                                kind.set(CredentialKind::PublicKey);
                                                key.set(String::new());
                                                key_error.set(None);
                                                open(Pending::Credential(for_credential.clone()), credential_open);
                                            }>
                                            {ct("clients-add-credential")}
                                            <span class="visually-hidden">{format!(" ({})", c.name)}</span>
                                        </button>
                                        <button type="button" class="link-button" data-testid="disable-client"
                                            on:click=move |_| open(Pending::Disable(for_disable.clone()), disable_open)>
                                            {ct("clients-disable")}
                                            <span class="visually-hidden">{format!(" ({})", c.name)}</span>
                                        </button>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </Table>
            }
        }}/>
        <ConfirmDialog open=scopes_open title=Signal::derive(move || ct1("clients-scopes-title", "name", pending_name()))
            confirm=Signal::derive(|| ctr("save")) on_confirm=save_scopes busy=set_scopes.pending() error=dialog_error testid="scopes-dialog">
            <ScopeChoices chosen=chosen prefix="edit" error=Signal::stored(None::<String>)/>
        </ConfirmDialog>
        <ConfirmDialog open=credential_open title=Signal::derive(move || ct1("clients-credential-title", "name", pending_name()))
            confirm=Signal::derive(|| ctr("clients-credential-add")) on_confirm=add busy=add_credential.pending() error=dialog_error testid="credential-dialog">
            <p>{ct("clients-credential-explain")}</p>
            <CredentialChoice kind=kind key=key prefix="rotate" error=key_error/>
        </ConfirmDialog>
        <ConfirmDialog open=revoke_open title=Signal::derive(move || ct1("clients-revoke-title", "name", pending_name()))
            confirm=Signal::derive(|| ctr("clients-revoke")) on_confirm=revoke busy=revoke_credential.pending() error=dialog_error testid="revoke-dialog">
            <p>{move || if revoking_last() { ctr("clients-revoke-last") } else { ctr("clients-revoke-explain") }}</p>
        </ConfirmDialog>
        <ConfirmDialog open=disable_open title=Signal::derive(move || ct1("clients-disable-title", "name", pending_name()))
            confirm=Signal::derive(|| ctr("clients-disable")) on_confirm=disable busy=disable_client.pending() error=dialog_error testid="disable-client-dialog">
            <p>{ct("clients-disable-explain")}</p>
        </ConfirmDialog>
        <CreateClient on_created=Callback::new(move |()| list.refetch())/>
    }
}

/// How many of a client's credentials are valid.
fn live(client: &ApiClientView) -> usize {
    client
        .credentials
        .iter()
        .filter(|c| c.revoked_at.is_none())
        .count()
}

const fn kind_slug(kind: CredentialKind) -> &'static str {
    match kind {
        CredentialKind::Secret => "secret",
        CredentialKind::PublicKey => "public_key",
    }
}

/// A credential's kind in words, with a key's algorithm.
fn kind_text(
    kind: CredentialKind,
    algorithm: Option<String>,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || match (kind, &algorithm) {
        (CredentialKind::Secret, _) => ctr("clients-kind-secret-short"),
        (CredentialKind::PublicKey, Some(a)) => {
            format!("{} ({a})", ctr("clients-kind-public-key-short"))
        }
        (CredentialKind::PublicKey, None) => ctr("clients-kind-public-key-short"),
    }
}

/// The client id and, for a secret, the secret: shown this once, after a
/// client is registered or a credential added.
#[component]
fn IssuedPanel(issued: RwSignal<Option<ApiClientCreated>>, id: &'static str) -> impl IntoView {
    let secret_id = format!("{id}-secret");
    view! {
        <div id=id tabindex="-1" role="status" class="cw-issued">
            {move || issued.get().map(|c| {
                let name = c.client.name.clone();
                let secret_id = secret_id.clone();
                let done = if id == "created-client" { "clients-created-done" } else { "clients-credential-done" };
                view! {
                    <div class="panel panel--success" data-testid=id>
                        <p class="cw-issued__title">{move || ct1(done, "name", name.clone())}</p>
                        <p class="field__label">{ct("clients-id")}</p>
                        <p class="cw-id cw-issued__id" dir="ltr" data-testid="issued-client-id">{c.client.id.clone()}</p>
                        {match c.client_secret {
                            Some(secret) => view! {
                                <label class="field__label" for=secret_id.clone()>{ct("clients-secret")}</label>
                                <p class="field__hint" id=format!("{secret_id}-hint")>{ct("clients-secret-copy")}</p>
                                <textarea id=secret_id.clone() class="input cw-secret" rows="2" readonly spellcheck="false" dir="ltr"
                                    aria-describedby=format!("{secret_id}-hint") data-testid="issued-client-secret" prop:value=secret></textarea>
                                <p class="cw-issued__warning" data-testid="issued-secret-once"><strong>{ct("clients-secret-once")}</strong></p>
                            }.into_any(),
                            None => view! { <p>{ct("clients-key-next")}</p> }.into_any(),
                        }}
                    </div>
                }
            })}
        </div>
    }
}

/// A checkbox per scope, each with what it allows.
#[component]
fn ScopeChoices(
    chosen: RwSignal<Vec<Scope>>,
    prefix: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <fieldset class="cw-choices">
            <legend>{ct("clients-scopes")}</legend>
            {move || error.get().map(|m| view! { <p class="field__error" data-testid=format!("{prefix}-scopes-error")>{m}</p> })}
            {Scope::ALL.into_iter().map(|scope| {
                let id = format!("{prefix}-scope-{}", scope.as_str().replace(':', "-"));
                view! {
                    <div class="cw-check">
                        <input type="checkbox" id=id.clone() data-testid=id.clone()
                            prop:checked=move || chosen.with(|c| c.contains(&scope))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|s| *s != scope);
                                    if on { c.push(scope); c.sort_unstable(); }
                                });
                            }/>
                        <label for=id>{ct(scope_key(scope))}" "<code class="cw-scope" dir="ltr">{scope.as_str()}</code></label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The credential's kind (a public key recommended, or a secret) and, for
/// a key, the field to paste it in.
#[component]
fn CredentialChoice(
    kind: RwSignal<CredentialKind>,
    key: RwSignal<String>,
    prefix: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let (key_id, hint_id, error_id) = match prefix {
        "new" => ("new-key", "new-key-hint", "new-key-error"),
        _ => ("rotate-key", "rotate-key-hint", "rotate-key-error"),
    };
    let choices = [
        (
            CredentialKind::PublicKey,
            "public-key",
            "clients-kind-public-key",
        ),
        (CredentialKind::Secret, "secret", "clients-kind-secret"),
    ];
    view! {
        <fieldset class="cw-choices">
            <legend>{ct("clients-credential")}</legend>
            {choices.into_iter().map(|(k, slug, label)| {
                let id = format!("{prefix}-kind-{slug}");
                view! {
                    <div class="cw-check">
                        <input type="radio" name=format!("{prefix}-kind") id=id.clone() data-testid=id.clone()
                            prop:checked=move || kind.get() == k on:change=move |_| kind.set(k)/>
                        <label for=id>{ct(label)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <Show when=move || kind.get() == CredentialKind::PublicKey>
            <div class="field" class:field--error=move || error.with(Option::is_some)>
                <label for=key_id class="field__label">{ct("clients-key")}</label>
                <p class="field__hint" id=hint_id>{ct("clients-key-hint")}</p>
                {move || error.get().map(|m| view! { <p class="field__error" id=error_id data-testid=error_id>{m}</p> })}
                <textarea id=key_id class="input cw-textarea cw-key" rows="5" spellcheck="false" autocomplete="off" dir="ltr" data-testid=key_id
                    aria-describedby=move || if error.with(Option::is_some) { format!("{hint_id} {error_id}") } else { hint_id.to_owned() }
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || key.get() on:input=move |ev| key.set(event_target_value(&ev))></textarea>
            </div>
        </Show>
    }
}

#[component]
fn CreateClient(on_created: Callback<()>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let scopes = RwSignal::new(Vec::<Scope>::new());
    let kind = RwSignal::new(CredentialKind::PublicKey);
    let key = RwSignal::new(String::new());
    let created = RwSignal::new(None::<ApiClientCreated>);
    let error = RwSignal::new(None::<ApiError>);
    let message = RwSignal::new(None::<String>);
    let create = Action::new_local(move |body: &String| {
        let body = body.clone();
        async move {
            match api::create_api_client(body).await {
                Ok(c) => {
                    error.set(None);
                    message.set(None);
                    // The form empties for the next client.
                    name.set(String::new());
                    scopes.set(Vec::new());
                    kind.set(CredentialKind::PublicKey);
                    key.set(String::new());
                    created.set(Some(c));
                    on_created.run(());
                    focus_id("created-client");
                }
                Err(e) => {
                    message.set(Some(load_error(&e)));
                    error.set(Some(e));
                    focus_id("create-client-error");
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // An earlier secret does not stay on screen.
        created.set(None);
        create.dispatch(new_client(
            &name.get_untracked(),
            &scopes.get_untracked(),
            &new_credential(kind.get_untracked(), &key.get_untracked()),
        ));
    };
    let fe = move |field: &'static str| {
        Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| client_error(e, field))))
    };
    let name_error = fe("name");
    view! {
        <section class="cw-section" aria-labelledby="create-client-h">
            <h2 id="create-client-h">{ct("clients-create-title")}</h2>
            <IssuedPanel issued=created id="created-client"/>
            <div id="create-client-error" tabindex="-1" role="alert">
                {move || message.get().map(|m| view! { <div class="error-summary" data-testid="create-client-error"><p>{m}</p></div> })}
            </div>
            <form class="form cw-form-grid" on:submit=submit novalidate>
                <div class="field" class:field--error=move || name_error.with(Option::is_some)>
                    <label for="new-client-name" class="field__label">{ct("clients-name")}</label>
                    <p class="field__hint" id="new-client-name-hint">{ct("clients-name-hint")}</p>
                    {move || name_error.get().map(|m| view! { <p class="field__error" id="new-client-name-error" data-testid="new-client-name-error">{m}</p> })}
                    <input id="new-client-name" class="input" type="text" autocomplete="off" data-testid="new-client-name"
                        maxlength=CLIENT_NAME_MAX_CHARS.to_string()
                        aria-describedby=move || if name_error.with(Option::is_some) { "new-client-name-hint new-client-name-error" } else { "new-client-name-hint" }
                        aria-invalid=move || name_error.with(Option::is_some).to_string()
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <ScopeChoices chosen=scopes prefix="new" error=fe("scopes")/>
                <CredentialChoice kind=kind key=key prefix="new" error=fe("credential.key")/>
                <button type="submit" class="button" data-testid="create-client" disabled=move || create.pending().get()>
                    {ct("clients-create")}
                </button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use kartlegg_shared::integration::Scope;

    use crate::core::i18n::test_support::messages;

    /// The keys chosen at run time, which the file scan cannot see.
    #[test]
    fn every_key_chosen_at_run_time_is_in_both_files() {
        let mut keys: Vec<&str> = Scope::ALL.into_iter().map(super::scope_key).collect();
        keys.extend([
            "clients-err-name-taken",
            "clients-err-name",
            "clients-err-scopes",
            "clients-err-key",
            "clients-kind-public-key",
            "clients-kind-secret",
            "clients-created-done",
            "clients-credential-done",
        ]);
        for file in [
            include_str!("../../../locales/caseworker/nb.ftl"),
            include_str!("../../../locales/caseworker/en.ftl"),
        ] {
            let texts = messages(file);
            for key in &keys {
                assert!(texts.contains_key(*key), "{key} is missing");
            }
        }
    }
}
