//! The administrator's page: the organisation's accounts, a form to
//! create one (the second factor's secret is shown once), and per account
//! "change roles" and "disable", each after a confirmation.

use kartlegg_shared::caseworker::{Account, CreatedAccount, NewAccount, Role};
use kartlegg_shared::fields::Username;
use leptos::prelude::*;

use crate::caseworker::api;
use crate::caseworker::app::load_error;
use crate::caseworker::components::{field_error, focus_id, role_key, time};
use crate::caseworker::i18n::{ct, ct1, ctr};
use crate::caseworker::session::session;
use crate::core::confirm::ConfirmDialog;
use crate::core::loaded::Loaded;
use crate::core::table::Table;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let s = session();
    view! {
        <h1 data-testid="accounts-title">{ct("accounts-title")}</h1>
        {move || if s.has(Role::Administrator) {
            view! { <Accounts/> }.into_any()
        } else {
            view! { <p role="alert">{ct("error-forbidden")}</p> }.into_any()
        }}
    }
}

/// Which account a dialog acts on.
#[derive(Clone, PartialEq)]
enum Pending {
    Roles(Account),
    Disable(Account),
    ClearDelay(Account),
}

#[component]
fn Accounts() -> impl IntoView {
    let list = LocalResource::new(api::accounts);
    let status = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Pending>);
    let roles_open = RwSignal::new(false);
    let disable_open = RwSignal::new(false);
    let delay_open = RwSignal::new(false);
    let chosen = RwSignal::new(Vec::<Role>::new());
    let dialog_error = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<CreatedAccount>);

    // Each dialog's call; its `pending()` keeps the confirm button from a
    // second press while the first is under way.
    let set_roles = Action::new_local(move |account: &Account| {
        let id = account.id.clone();
        async move {
            match api::set_roles(&id, chosen.get_untracked()).await {
                Ok(a) => {
                    roles_open.set(false);
                    dialog_error.set(None);
                    status.set(Some(ct1("account-roles-saved", "name", a.username)));
                    list.refetch();
                }
                Err(e) => dialog_error.set(Some(load_error(&e))),
            }
        }
    });
    let disable_account = Action::new_local(move |account: &Account| {
        let id = account.id.clone();
        async move {
            match api::disable_account(&id).await {
                Ok(a) => {
                    disable_open.set(false);
                    dialog_error.set(None);
                    status.set(Some(ct1("account-disabled-done", "name", a.username)));
                    list.refetch();
                }
                Err(e) => dialog_error.set(Some(load_error(&e))),
            }
        }
    });
    let clear_login_delay = Action::new_local(move |account: &Account| {
        let account = account.clone();
        async move {
            match api::clear_login_delay(&account.id).await {
                Ok(()) => {
                    delay_open.set(false);
                    dialog_error.set(None);
                    status.set(Some(ct1("account-delay-cleared", "name", account.username)));
                }
                Err(e) => dialog_error.set(Some(load_error(&e))),
            }
        }
    });
    let save_roles = Callback::new(move |()| {
        if let Some(Pending::Roles(account)) = pending.get_untracked() {
            set_roles.dispatch(account);
        }
    });
    let disable = Callback::new(move |()| {
        if let Some(Pending::Disable(account)) = pending.get_untracked() {
            disable_account.dispatch(account);
        }
    });
    let clear_delay = Callback::new(move |()| {
        if let Some(Pending::ClearDelay(account)) = pending.get_untracked() {
            clear_login_delay.dispatch(account);
        }
    });
    let pending_name = move || match pending.get() {
        Some(Pending::Roles(a) | Pending::Disable(a) | Pending::ClearDelay(a)) => a.username,
        None => String::new(),
    };

    view! {
        <p role="status" class="cw-status" data-testid="accounts-status">{move || status.get()}</p>
        <Loaded resource=list view={move |accounts: Vec<Account>| {
            let count = accounts.len();
            view! {
                <p class="cw-count">{move || ct1("accounts-count", "count", count)}</p>
                <Table label="accounts-title" testid="accounts-table" head=|| view! {
                    <th scope="col">{ct("account-username")}</th>
                    <th scope="col">{ct("account-display-name")}</th>
                    <th scope="col">{ct("account-roles")}</th>
                    <th scope="col">{ct("account-totp")}</th>
                    <th scope="col">{ct("account-status")}</th>
                    <th scope="col">{ct("account-created")}</th>
                    <th scope="col"><span class="visually-hidden">{ct("col-actions")}</span></th>
                }>
                    {accounts.into_iter().map(|a| {
                        let for_roles = a.clone();
                        let for_disable = a.clone();
                        let for_delay = a.clone();
                        let roles = a.roles.iter().map(|r| ctr(role_key(*r))).collect::<Vec<_>>().join(", ");
                        view! {
                            <tr data-testid="account-row" data-username=a.username.clone()>
                                <th scope="row">{a.username.clone()}</th>
                                <td>{a.display_name.clone()}</td>
                                <td>{roles}</td>
                                <td>{if a.totp_enabled { ct("yes").into_any() } else { ct("no").into_any() }}</td>
                                <td>{if a.disabled { ct("account-disabled").into_any() } else { ct("account-active").into_any() }}</td>
                                <td class="cw-num">{time(&a.created_at)}</td>
                                <td class="cw-row-actions">
                                    <button type="button" class="link-button"
                                        on:click=move |_| {
                                            chosen.set(for_roles.roles.clone());
                                            dialog_error.set(None);
                                            pending.set(Some(Pending::Roles(for_roles.clone())));
                                            roles_open.set(true);
                                        }>
                                        {ct("account-change-roles")}
                                        <span class="visually-hidden">{format!(" ({})", a.username)}</span>
                                    </button>
                                    {(!a.disabled).then(|| view! {
                                        <button type="button" class="link-button"
                                            on:click=move |_| {
                                                dialog_error.set(None);
                                                pending.set(Some(Pending::Disable(for_disable.clone())));
                                                disable_open.set(true);
                                            }>
                                            {ct("account-disable")}
                                            <span class="visually-hidden">{format!(" ({})", a.username.clone())}</span>
                                        </button>
                                    })}
                                    {(!a.disabled).then(|| view! {
                                        <button type="button" class="link-button" data-testid="clear-login-delay"
                                            on:click=move |_| {
                                                dialog_error.set(None);
                                                pending.set(Some(Pending::ClearDelay(for_delay.clone())));
                                                delay_open.set(true);
                                            }>
                                            {ct("account-clear-delay")}
                                            <span class="visually-hidden">{format!(" ({})", a.username.clone())}</span>
                                        </button>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </Table>
            }
        }}/>
        <ConfirmDialog open=roles_open title=Signal::derive(move || ct1("account-roles-title", "name", pending_name()))
            confirm=Signal::derive(|| ctr("save")) on_confirm=save_roles busy=set_roles.pending() error=dialog_error testid="roles-dialog">
            <RoleChoices chosen=chosen prefix="edit"/>
        </ConfirmDialog>
        <ConfirmDialog open=disable_open title=Signal::derive(move || ct1("account-disable-title", "name", pending_name()))
            confirm=Signal::derive(|| ctr("account-disable")) on_confirm=disable busy=disable_account.pending() error=dialog_error testid="disable-dialog">
            <p>{ct("account-disable-explain")}</p>
        </ConfirmDialog>
        <ConfirmDialog open=delay_open title=Signal::derive(move || ct1("account-clear-delay-title", "name", pending_name()))
            confirm=Signal::derive(|| ctr("account-clear-delay")) on_confirm=clear_delay busy=clear_login_delay.pending() error=dialog_error testid="clear-delay-dialog">
            <p>{ct("account-clear-delay-explain")}</p>
        </ConfirmDialog>
        <CreateAccount created=created on_created=Callback::new(move |()| list.refetch())/>
    }
}

/// A checkbox per role.
#[component]
fn RoleChoices(chosen: RwSignal<Vec<Role>>, prefix: &'static str) -> impl IntoView {
    view! {
        <fieldset class="cw-roles">
            <legend>{ct("account-roles")}</legend>
            {Role::ALL.into_iter().map(|role| {
                let id = format!("{prefix}-role-{}", role.as_str());
                view! {
                    <div class="cw-check">
                        <input type="checkbox" id=id.clone() data-testid=id.clone()
                            prop:checked=move || chosen.with(|c| c.contains(&role))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|r| *r != role);
                                    if on { c.push(role); c.sort(); }
                                });
                            }/>
                        <label for=id>{ct(role_key(role))}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn CreateAccount(
    created: RwSignal<Option<CreatedAccount>>,
    on_created: Callback<()>,
) -> impl IntoView {
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<Role>::new());
    let totp = RwSignal::new(false);
    let error = RwSignal::new(None::<api::ApiError>);
    let message = RwSignal::new(None::<String>);
    let create = Action::new_local(move |account: &NewAccount| {
        let account = account.clone();
        async move {
            match api::create_account(&account).await {
                Ok(c) => {
                    error.set(None);
                    message.set(None);
                    // The form empties so that the password does not linger.
                    username.set(String::new());
                    display_name.set(String::new());
                    password.set(String::new());
                    roles.set(Vec::new());
                    created.set(Some(c));
                    on_created.run(());
                    focus_id("created-account");
                }
                Err(e) => {
                    message.set(Some(load_error(&e)));
                    error.set(Some(e));
                    focus_id("create-error");
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(NewAccount {
            username: clean_username(&username.get_untracked()),
            display_name: display_name.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            roles: roles.get_untracked(),
            totp: totp.get_untracked(),
        });
    };
    let fe = move |field: &'static str| {
        move || error.with(|e| e.as_ref().and_then(|e| field_error(e, field)))
    };
    view! {
        <section class="cw-section" aria-labelledby="create-h">
            <h2 id="create-h">{ct("account-create-title")}</h2>
            <div id="created-account" tabindex="-1" role="status">
                {move || created.get().map(|c| view! {
                    <div class="panel panel--success" data-testid="created-account">
                        <p>{ct1("account-created-done", "name", c.account.username.clone())}</p>
                        {c.totp_secret.clone().map(|secret| view! {
                            <p>{ct("account-totp-secret")}</p>
                            <p class="cw-code" dir="ltr">{secret}</p>
                            {c.totp_uri.clone().map(|uri| view! { <p class="cw-id" dir="ltr">{uri}</p> })}
                        })}
                    </div>
                })}
            </div>
            <div id="create-error" tabindex="-1" role="alert">
                {move || message.get().map(|m| view! { <div class="error-summary"><p>{m}</p></div> })}
            </div>
            <form class="form cw-form-grid" on:submit=submit novalidate>
                <div class="field">
                    <label for="new-username" class="field__label">{ct("account-username")}</label>
                    <p class="field__hint" id="new-username-hint">{ct("account-username-hint")}</p>
                    {move || fe("username")().map(|m| view! { <p class="field__error">{m}</p> })}
                    <input id="new-username" class="input" type="text" autocomplete="off" data-testid="new-username"
                        aria-describedby="new-username-hint" prop:value=move || username.get() on:input=move |ev| username.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="new-display-name" class="field__label">{ct("account-display-name")}</label>
                    {move || fe("display_name")().map(|m| view! { <p class="field__error">{m}</p> })}
                    <input id="new-display-name" class="input" type="text" autocomplete="off" data-testid="new-display-name"
                        prop:value=move || display_name.get() on:input=move |ev| display_name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="new-password" class="field__label">{ct("account-password")}</label>
                    <p class="field__hint" id="new-password-hint">{ct("account-password-hint")}</p>
                    {move || fe("password")().map(|m| view! { <p class="field__error">{m}</p> })}
                    <input id="new-password" class="input" type="password" autocomplete="new-password" data-testid="new-password"
                        aria-describedby="new-password-hint" prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                </div>
                {move || fe("roles")().map(|m| view! { <p class="field__error">{m}</p> })}
                <RoleChoices chosen=roles prefix="new"/>
                <div class="cw-check">
                    <input id="new-totp" type="checkbox" on:change=move |ev| totp.set(event_target_checked(&ev))/>
                    <label for="new-totp">{ct("account-totp-setup")}</label>
                </div>
                <button type="submit" class="button" data-testid="create-account" disabled=move || create.pending().get()>
                    {ct("account-create")}
                </button>
            </form>
        </section>
    }
}

/// The username as the server will store it (shared `Username`: only ASCII
/// letters lowered), without the spaces a paste leaves around it; a
/// username the rule refuses goes as typed, for the server's field error
/// to name it in the form.
fn clean_username(typed: &str) -> String {
    let typed = typed.trim();
    Username::parse(typed).map_or_else(|_| typed.to_owned(), Username::into_string)
}
