//! The back office's shell: the header (organisation, user, language,
//! menu by role, the search box focused by `/`) and the routes under
//! `/caseworker/`. Every page but login needs a session; without one the
//! app goes to the login page.

use kartlegg_shared::caseworker::Role;
use kartlegg_shared::problem::ProblemKind;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::path;
use wasm_bindgen::JsCast;

use super::api::{self, ApiError};
use super::components::{error_text, field_error, field_errors, focus_id};
use super::i18n::{CwI18n, CwLang, ct, ctr, ctranslate};
use super::pages::{
    accounts::AccountsPage, audit::AuditPage, clients::ApiClientsPage, login::LoginPage,
    people::PeoplePage, person::PersonPage, print::PrintPage, search::SearchPage,
    statistics::StatisticsPage, webhooks::WebhooksPage, worklist::WorklistPage,
};
use super::routes::Route;
use super::session::{SearchState, Session, session};
use crate::core::words::Words;

/// The back-office app.
#[component]
pub fn CaseworkerApp() -> impl IntoView {
    provide_context(CwI18n::init());
    provide_context(Words {
        text: ctranslate,
        failure: load_error,
    });
    let session = Session {
        me: RwSignal::new(None),
    };
    provide_context(session);
    provide_context(SearchState {
        text: RwSignal::new(String::new()),
        response: RwSignal::new(None),
    });
    // Whether the server has said who is logged in (or that no one is).
    let checked = RwSignal::new(false);
    // A task, not an Action: it runs once at start, not at a person's
    // request; its answer fills the session that login and logout also
    // set, and `checked` holds the pages back until it is in.
    leptos::task::spawn_local(async move {
        if let Ok(me) = api::me().await {
            session.me.set(Some(me));
        }
        checked.set(true);
    });
    view! {
        <Router>
            <a class="skip-link" href="#main">{ct("skip-to-content")}</a>
            <Show
                when=move || checked.get()
                fallback=|| view! { <p class="cw-loading" role="status">{ct("loading")}</p> }
            >
                <Show when=move || session.me.with(Option::is_some)>
                    <Header/>
                </Show>
                <main id="main" class="cw-main" tabindex="-1">
                    <Routes fallback=NotFound>
                        <Route path=path!("/caseworker/login") view=LoginPage/>
                        <Route path=path!("/caseworker") view=|| view! { <RequireLogin><WorklistPage/></RequireLogin> }/>
                        <Route path=path!("/caseworker/search") view=|| view! { <RequireLogin><SearchPage/></RequireLogin> }/>
                        <Route path=path!("/caseworker/people") view=|| view! { <RequireLogin><PeoplePage/></RequireLogin> }/>
                        <Route path=path!("/caseworker/people/:id") view=|| view! { <RequireLogin><PersonPage/></RequireLogin> }/>
                        <Route path=path!("/caseworker/people/:id/print") view=|| view! { <RequireLogin><PrintPage/></RequireLogin> }/>
                        <Route path=path!("/caseworker/audit") view=|| view! { <RequireLogin><AuditPage/></RequireLogin> }/>
                        <Route path=path!("/caseworker/accounts") view=|| view! { <RequireLogin><AccountsPage/></RequireLogin> }/>
                        <Route path=path!("/caseworker/api-clients") view=|| view! { <RequireLogin><ApiClientsPage/></RequireLogin> }/>
                        <Route path=path!("/caseworker/api-clients/:id/webhooks") view=|| view! { <RequireLogin><WebhooksPage/></RequireLogin> }/>
                        <Route path=path!("/caseworker/statistics") view=|| view! { <RequireLogin><StatisticsPage/></RequireLogin> }/>
                    </Routes>
                </main>
            </Show>
        </Router>
    }
}

/// Shows its children only with a session; otherwise goes to login.
#[component]
fn RequireLogin(children: ChildrenFn) -> impl IntoView {
    let s = session();
    let navigate = use_navigate();
    Effect::new(move || {
        if s.me.with(Option::is_none) {
            navigate(&Route::Login.path(), Default::default());
        }
    });
    move || s.me.with(Option::is_some).then(|| children())
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1>{ct("not-found-title")}</h1>
        <p><a href=Route::Start.path()>{ct("not-found-home")}</a></p>
    }
}

/// Forgets the session when the server says it has ended (the login page
/// follows); true when it had.
pub fn ended(error: &ApiError) -> bool {
    if error.kind() == Some(ProblemKind::Unauthorized) {
        session().me.set(None);
        true
    } else {
        false
    }
}

/// The header on every page after login.
#[component]
fn Header() -> impl IntoView {
    let s = session();
    let i18n = expect_context::<CwI18n>();
    let navigate = use_navigate();
    let me = move || s.me.get();
    let logout = {
        let navigate = navigate.clone();
        move |_| {
            let navigate = navigate.clone();
            // A task, not an Action: the caseworker leaves whatever the
            // server answers, so there is no result or busy state to show.
            leptos::task::spawn_local(async move {
                let _ = api::logout().await;
                s.me.set(None);
                navigate(&Route::Login.path(), Default::default());
            });
        }
    };
    view! {
        <header class="cw-header">
            <div class="cw-header__top">
                <a class="cw-brand" href=Route::Start.path()>"Kartlegg"</a>
                <span class="cw-header__org" data-testid="header-org">
                    {move || me().map(|m| format!("{} ({})", m.organisation.name, m.organisation.number))}
                </span>
                <span class="cw-header__user" data-testid="header-user">
                    <span class="visually-hidden">{ct("header-logged-in-as")}" "</span>
                    {move || me().map(|m| m.display_name)}
                </span>
                <label class="visually-hidden" for="cw-language">{ct("language")}</label>
                <select id="cw-language" class="cw-select cw-select--small" data-testid="cw-language"
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some(lang) = CwLang::ALL.into_iter().find(|l| l.code() == code) {
                            i18n.choose(lang);
                        }
                    }>
                    {CwLang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() selected=move || i18n.lang.get() == l>{l.native_name()}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="button button--secondary button--small" data-testid="logout" on:click=logout>
                    {ct("logout")}
                </button>
            </div>
            <div class="cw-header__bar">
                <nav class="cw-menu" aria-label=ct("menu")>
                    <ul>
                        <li><A href=Route::Start.path() exact=true attr:data-testid="menu-start">{ct("menu-start")}</A></li>
                        <Show when=move || s.reads_people()>
                            <li><A href=Route::People.path() attr:data-testid="menu-people">{ct("menu-people")}</A></li>
                        </Show>
                        <Show when=move || s.has(Role::Statistics)>
                            <li><A href=Route::Statistics.path() attr:data-testid="menu-statistics">{ct("menu-statistics")}</A></li>
                        </Show>
                        <Show when=move || s.has(Role::Auditor)>
                            <li><A href=Route::Audit.path() attr:data-testid="menu-audit">{ct("menu-audit")}</A></li>
                        </Show>
                        <Show when=move || s.has(Role::Administrator)>
                            <li><A href=Route::Accounts.path() attr:data-testid="menu-accounts">{ct("menu-accounts")}</A></li>
                            <li><A href=Route::ApiClients.path() attr:data-testid="menu-api-clients">{ct("menu-api-clients")}</A></li>
                        </Show>
                    </ul>
                </nav>
                <Show when=move || s.reads_people()>
                    <SearchBox/>
                </Show>
            </div>
        </header>
    }
}

/// The one search box. `/` anywhere (outside a field) focuses it.
#[component]
fn SearchBox() -> impl IntoView {
    let search = expect_context::<SearchState>();
    let text = RwSignal::new(search.text.get_untracked());
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let run = Action::new_local(move |query: &String| {
        let query = query.clone();
        let navigate = navigate.clone();
        async move {
            match api::search(query.clone()).await {
                Ok(response) => {
                    error.set(None);
                    search.text.set(query);
                    search.response.set(Some(response));
                    navigate(&Route::Search.path(), Default::default());
                    focus_id("main");
                }
                Err(e) if ended(&e) => {}
                Err(e) => {
                    let message = field_error(&e, "query")
                        .or_else(|| field_errors(&e).into_iter().next())
                        .unwrap_or_else(|| error_text(&e));
                    error.set(Some(message));
                    focus_id("cw-search");
                }
            }
        }
    });
    let handle = window_event_listener(leptos::ev::keydown, |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.is_content_editable()
            });
        if !typing {
            ev.prevent_default();
            focus_id("cw-search");
        }
    });
    on_cleanup(move || handle.remove());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run.dispatch(text.get_untracked());
    };
    view! {
        <form class="cw-search" role="search" on:submit=submit novalidate>
            <label for="cw-search" class="cw-search__label">{ct("search-label")}</label>
            <div class="cw-search__row">
                <input
                    id="cw-search"
                    class="input cw-search__input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    data-testid="search-input"
                    aria-describedby=move || if error.get().is_some() { "cw-search-hint cw-search-error" } else { "cw-search-hint" }
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <button type="submit" class="button button--small" data-testid="search-submit" disabled=move || run.pending().get()>
                    {ct("search-button")}
                </button>
            </div>
            <p id="cw-search-hint" class="cw-search__hint">{ct("search-hint")}</p>
            <div role="alert">
                {move || error.get().map(|m| view! { <p id="cw-search-error" class="field__error" data-testid="search-error">{m}</p> })}
            </div>
        </form>
    }
}

/// Text for a page's load error, leaving an ended session to the login page.
pub fn load_error(error: &ApiError) -> String {
    if ended(error) {
        ctr("error-session")
    } else {
        error_text(error)
    }
}
