//! The person page: a summary band (name, DUF-number, date of birth,
//! registration state, worklist), then the sections Registration (history,
//! each registration openable, and its answers in the caseworker's language
//! with the applicant's beside them; the latest completed one by default),
//! Identity (with its form, duplicates, aliases and history), Codes (status
//! without the code; "issue a new code" shows the new one once), Remarks,
//! Access log ("who has read this person's data") and, for counsellors,
//! Erase (after a confirmation that names the person, with a reason).

mod identity;
mod identity_form;
mod state;
mod together;

use std::sync::Arc;

use kartlegg_shared::api::RegistrationStatus;
use kartlegg_shared::caseworker::{
    AccessLogEntry, ErasureRequest, IssuedCode, NewRemark, PersonPage as Page, Role,
};
use kartlegg_shared::codes::CodeLists;
use kartlegg_shared::questionnaire::{Answers, Questionnaire};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::caseworker::api::{self, ApiError};
use crate::caseworker::app::load_error;
use crate::caseworker::components::{
    StateTag, action_key, code_status_key, field_error, focus_id, opt_date, parse_error_text, time,
};
use crate::caseworker::i18n::{Args, ct, ct1, ctr, ctranslate, cw_lang};
use crate::caseworker::routes::Route;
use crate::caseworker::session::session;
use crate::core::answers::{row_keys, rows};
use crate::core::confirm::ConfirmDialog;
use crate::core::loaded::Loaded;
use crate::core::table::Table;
use identity::IdentitySection;
use kartlegg_shared::language::UiLanguage as Lang;
use kartlegg_shared::together::{AnswerProvenance, AnswerSource, Provenance};
pub(crate) use state::applicant_language;
use state::{History, worklist_message};

#[component]
pub fn PersonPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let page = LocalResource::new(move || {
        let id = id();
        async move { api::person(&id).await }
    });
    // Set once the person is erased: the page then says so instead of
    // showing data that no longer exists.
    let erased = RwSignal::new(None::<String>);
    view! {
        {move || match erased.get() {
            Some(name) => view! { <Erased name=name/> }.into_any(),
            None => view! {
                <Loaded resource=page title="person-title"
                    view={move |p: Page| view! { <Person page=p reload=Callback::new(move |()| page.refetch()) erased=erased/> }}/>
            }.into_any(),
        }}
    }
}

/// What is left of the page after an erasure.
#[component]
fn Erased(name: String) -> impl IntoView {
    Effect::new(|| focus_id("person-erased"));
    view! {
        <div id="person-erased" tabindex="-1" role="status" class="panel panel--success" data-testid="person-erased">
            <h1>{ct1("erased-title", "name", name)}</h1>
            <p>{ct("erased-body")}</p>
            <p><a href=Route::People.path() data-testid="erased-back">{ct("erased-back")}</a></p>
        </div>
    }
}

#[component]
fn Person(page: Page, reload: Callback<()>, erased: RwSignal<Option<String>>) -> impl IntoView {
    let s = session();
    let counsellor = move || s.has(Role::Counsellor);
    // The API lets an administrator erase too; one who can open this page
    // (with a reading role as well) gets the button.
    let may_erase = move || s.has(Role::Counsellor) || s.has(Role::Administrator);
    let ident = page.identity.clone();
    let name = format!("{} {}", ident.first_name, ident.last_name);
    let person_id = ident.id.clone();
    let on_worklist = RwSignal::new(page.on_worklist);
    let status = RwSignal::new(None::<String>);
    let toggle_worklist = {
        let id = person_id.clone();
        let name = name.clone();
        Action::new_local(move |adding: &bool| {
            let (id, name, adding) = (id.clone(), name.clone(), *adding);
            async move {
                let result = if adding {
                    api::worklist_add(&id).await
                } else {
                    api::worklist_remove(&id).await
                };
                match result {
                    Ok(()) => {
                        on_worklist.set(adding);
                        status.set(Some(ct1(worklist_message(adding), "name", name)));
                    }
                    Err(e) => status.set(Some(load_error(&e))),
                }
            }
        })
    };
    let toggle = move |_| {
        toggle_worklist.dispatch(!on_worklist.get_untracked());
    };
    let print_href = Route::PersonPrint(&person_id).path();
    // Registering together starts in the language the applicant answered in
    // before, if they did.
    let together_person = person_id.clone();
    let together_language = page
        .shown_registration
        .as_ref()
        .and_then(|r| r.language.as_deref())
        .and_then(Lang::from_code)
        .unwrap_or(Lang::En);
    let code_person = person_id.clone();
    // The new code, while it is shown (once): the stale status hides meanwhile.
    let issued = RwSignal::new(None::<IssuedCode>);
    let code_info = page.code.clone();
    let remarks_person = person_id.clone();
    let registrations = RwSignal::new(History::new(
        &page.registrations,
        page.shown_registration.clone(),
    ));
    let open_error = RwSignal::new(None::<String>);
    let history = page.registrations.clone();
    let fetch_registration = Action::new_local({
        let person = person_id.clone();
        move |registration_id: &String| {
            let person = person.clone();
            let registration_id = registration_id.clone();
            async move {
                let result = api::person_registration(&person, &registration_id).await;
                let error = result.as_ref().err().map(load_error);
                let opened = error.is_none();
                open_error.set(error);
                registrations.update(|h| h.opened(result.ok()));
                if opened {
                    focus_id("answers");
                }
            }
        }
    });
    // The answers shown, apart from `opening`, so that a fetch under way
    // does not draw them again.
    let shown =
        Memo::new(move |_| registrations.with(|h| h.shown.clone().map(|r| (r, h.shown_number()))));
    let open_registration = move |registration_id: String| {
        if registrations.try_update(|h| h.open(&registration_id)) == Some(true) {
            fetch_registration.dispatch(registration_id);
        } else {
            focus_id("answers");
        }
    };
    view! {
        <div class="cw-band" data-testid="person-band">
            <div class="cw-band__main">
                <h1 class="cw-band__name" data-testid="person-name">{name.clone()}</h1>
                <dl class="cw-band__facts">
                    <div><dt>{ct("col-duf")}</dt><dd class="cw-num" data-testid="person-duf">{ident.duf_number.clone()}</dd></div>
                    <div><dt>{ct("col-born")}</dt><dd class="cw-num">{opt_date(ident.date_of_birth.as_ref())}</dd></div>
                    <div><dt>{ct("col-state")}</dt><dd data-testid="person-state"><StateTag state=page.state/></dd></div>
                    <div><dt>{ct("person-organisation")}</dt><dd>{page.organisation.name.clone()}</dd></div>
                </dl>
            </div>
            <div class="cw-band__actions">
                <button type="button" class="button button--secondary" data-testid="worklist-toggle"
                    aria-pressed=move || on_worklist.get().to_string() on:click=toggle>
                    {move || if on_worklist.get() { ctr("worklist-remove") } else { ctr("worklist-add") }}
                </button>
                <a class="button button--secondary" data-testid="print-profile" href=print_href>
                    {ct("print-profile")}
                </a>
                <p role="status" class="cw-status" data-testid="person-status">{move || status.get()}</p>
            </div>
        </div>
        <nav class="cw-toc" aria-label=ct("person-sections")>
            <ul>
                <li><a href="#registration">{ct("section-registration")}</a></li>
                <Show when=counsellor>
                    <li><a href="#together">{ct("section-together")}</a></li>
                </Show>
                <li><a href="#identity">{ct("section-identity")}</a></li>
                <li><a href="#codes">{ct("section-codes")}</a></li>
                <li><a href="#remarks">{ct("section-remarks")}</a></li>
                <li><a href="#access-log">{ct("section-access-log")}</a></li>
                <Show when=may_erase>
                    <li><a href="#erase">{ct("section-erase")}</a></li>
                </Show>
            </ul>
        </nav>

        <section id="registration" class="cw-section" aria-labelledby="registration-h">
            <h2 id="registration-h">{ct("section-registration")}</h2>
            {if history.is_empty() {
                view! { <p data-testid="no-registration">{ct("registration-none")}</p> }.into_any()
            } else {
                view! {
                    <Table label="registration-history" caption_shown=true compact=true testid="registration-history" head=|| view! {
                        <th scope="col">{ct("col-number")}</th>
                        <th scope="col">{ct("col-status")}</th>
                        <th scope="col">{ct("col-started")}</th>
                        <th scope="col">{ct("col-changed")}</th>
                        <th scope="col">{ct("col-completed")}</th>
                    }>
                                {history.into_iter().map(|r| {
                                    let id = r.id.clone();
                                    let is_shown = {
                                        let id = id.clone();
                                        Memo::new(move |_| registrations.with(|h| h.is_shown(&id)))
                                    };
                                    let open = open_registration;
                                    let busy = {
                                        let id = id.clone();
                                        move || registrations.with(|h| h.is_opening(&id))
                                    };
                                    let number = r.number;
                                    view! {
                                        <tr data-testid="registration-row" data-number=number
                                            class:cw-row--current=move || is_shown.get()
                                            aria-current=move || is_shown.get().then_some("true")>
                                            <td class="cw-num">
                                                <button type="button" class="link-button" data-testid="registration-open"
                                                    aria-label=move || ct1("registration-open", "number", number)
                                                    disabled=busy
                                                    on:click=move |_| open(id.clone())>
                                                    {number}
                                                </button>
                                                {move || is_shown.get().then(|| view! {
                                                    " "<span class="cw-muted" data-testid="registration-shown">{ct("registration-shown")}</span>
                                                })}
                                            </td>
                                            <td>{if r.status == RegistrationStatus::Completed { ct("registration-completed").into_any() } else { ct("registration-draft").into_any() }}</td>
                                            <td class="cw-num">{time(&r.created_at)}</td>
                                            <td class="cw-num">{time(&r.updated_at)}</td>
                                            <td class="cw-num">{r.completed_at.as_deref().map_or_else(|| "–".to_owned(), time)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                    </Table>
                }.into_any()
            }}
            {move || open_error.get().map(|m| view! { <p role="alert" class="field__error" data-testid="registration-error">{m}</p> })}
            <div id="answers" tabindex="-1" data-testid="answers">
                {move || shown.get().map(|(r, number)| view! { <Answers registration=r number=number/> })}
            </div>
        </section>

        <Show when=counsellor>
            <section id="together" class="cw-section" aria-labelledby="together-h">
                <h2 id="together-h">{ct("section-together")}</h2>
                <together::RegisterTogether person=together_person.clone() language=together_language/>
            </section>
        </Show>

        <section id="identity" class="cw-section" aria-labelledby="identity-h">
            <h2 id="identity-h">{ct("section-identity")}</h2>
            <IdentitySection page=page.clone() reload=reload/>
        </section>

        <section id="codes" class="cw-section" aria-labelledby="codes-h">
            <h2 id="codes-h">{ct("section-codes")}</h2>
            {move || issued.with(Option::is_none).then(|| match code_info.clone() {
                None => view! { <p data-testid="code-none">{ct("code-none")}</p> }.into_any(),
                Some(c) => view! {
                    <dl class="cw-facts" data-testid="code-info">
                        <div><dt>{ct("code-status")}</dt><dd data-testid="code-status" data-status=format!("{:?}", c.status)>{ct(code_status_key(c.status))}</dd></div>
                        <div><dt>{ct("code-issued")}</dt><dd class="cw-num">{time(&c.issued_at)}</dd></div>
                        <div><dt>{ct("code-expires")}</dt><dd class="cw-num">{time(&c.expires_at)}</dd></div>
                        {c.ended_at.clone().map(|t| view! { <div><dt>{ct("code-ended")}</dt><dd class="cw-num">{time(&t)}</dd></div> })}
                        <div><dt>{ct("code-wrong-tries")}</dt><dd class="cw-num">{c.wrong_tries}</dd></div>
                    </dl>
                }.into_any(),
            })}
            <Show when=counsellor>
                <IssueCode person=code_person.clone() issued=issued reload=reload/>
                <EndSessions person=code_person.clone()/>
            </Show>
        </section>

        <section id="remarks" class="cw-section" aria-labelledby="remarks-h">
            <h2 id="remarks-h">{ct("section-remarks")}</h2>
            <Remarks person=remarks_person initial=page.remarks.clone()/>
        </section>

        <section id="access-log" class="cw-section" aria-labelledby="access-log-h">
            <h2 id="access-log-h">{ct("section-access-log")}</h2>
            <p class="cw-lead">{ct("access-log-intro")}</p>
            <AccessLog person=person_id.clone()/>
        </section>

        <Show when=may_erase>
            <section id="erase" class="cw-section" aria-labelledby="erase-h">
                <h2 id="erase-h">{ct("section-erase")}</h2>
                <Erase person=person_id.clone() name=name.clone() duf=ident.duf_number.clone() erased=erased/>
            </section>
        </Show>
    }
}

/// "Erase this person": a confirmation that names the person (name and
/// DUF-number), with a required reason, checked here by the server's own
/// rule first (`shared::fields::ErasureReason`).
#[component]
fn Erase(
    person: String,
    name: String,
    duf: String,
    erased: RwSignal<Option<String>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let erase = Action::new_local({
        let name = name.clone();
        move |request: &ErasureRequest| {
            let (person, name, request) = (person.clone(), name.clone(), request.clone());
            async move {
                match api::erase_person(&person, &request).await {
                    Ok(()) => {
                        open.set(false);
                        erased.set(Some(name));
                    }
                    Err(e) => {
                        error.set(Some(
                            field_error(&e, "reason").unwrap_or_else(|| load_error(&e)),
                        ));
                        focus_id("erase-reason");
                    }
                }
            }
        }
    });
    let confirm = Callback::new(move |()| {
        let request = ErasureRequest {
            reason: reason.get_untracked(),
        };
        if let Err(errors) = request.parse() {
            error.set(Some(parse_error_text(&errors, "err-reason")));
            focus_id("erase-reason");
            return;
        }
        erase.dispatch(request);
    });
    let title = {
        let (name, duf) = (name.clone(), duf.clone());
        Signal::derive(move || {
            let mut args = Args::new();
            args.set("name", name.clone());
            args.set("duf", duf.clone());
            ctranslate("erase-title", Some(&args))
        })
    };
    let confirm_text = Signal::derive(move || ct1("erase-confirm", "name", name.clone()));
    view! {
        <p>{ct("erase-explain")}</p>
        <button type="button" class="button button--danger" data-testid="erase-open"
            on:click=move |_| { error.set(None); open.set(true); focus_id("erase-reason"); }>
            {ct("erase-button")}
        </button>
        <ConfirmDialog
            open=open
            title=title
            confirm=confirm_text
            on_confirm=confirm
            busy=erase.pending()
            error=error
            testid="erase-dialog"
            danger=true
        >
            <p>{ct("erase-warning")}</p>
            <div class="field">
                <label for="erase-reason" class="field__label">{ct("reason-label")}</label>
                <p class="field__hint" id="erase-reason-hint">{ct("erase-reason-hint")}</p>
                <textarea id="erase-reason" class="input cw-textarea" rows="3" data-testid="erase-reason"
                    aria-describedby="erase-reason-hint"
                    on:input=move |ev| {
                        reason.set(event_target_value(&ev));
                        error.set(None);
                    }></textarea>
            </div>
        </ConfirmDialog>
    }
}

/// "Issue a new code": a confirmation, then the code once with its expiry.
#[component]
fn IssueCode(
    person: String,
    issued: RwSignal<Option<IssuedCode>>,
    reload: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let issue = Action::new_local(move |(): &()| {
        let person = person.clone();
        async move {
            match api::issue_code(&person).await {
                Ok(code) => {
                    error.set(None);
                    issued.set(Some(code));
                    open.set(false);
                    focus_id("issued-code");
                }
                Err(e) => error.set(Some(load_error(&e))),
            }
        }
    });
    let confirm = Callback::new(move |()| {
        issue.dispatch(());
    });
    view! {
        <div id="issued-code" tabindex="-1" role="status" class="cw-issued-slot">
            {move || issued.get().map(|c| view! {
                <div class="panel panel--success cw-issued" data-testid="issued-code">
                    <h3>{ct("code-new-title")}</h3>
                    <p class="cw-code" data-testid="issued-code-value" dir="ltr">{c.code.clone()}</p>
                    <p data-testid="issued-code-expiry">{ct1("code-new-expires", "time", time(&c.expires_at))}</p>
                    <p>{ct("code-new-once")}</p>
                    <button type="button" class="button button--secondary button--small" data-testid="issued-code-done"
                        on:click=move |_| { issued.set(None); reload.run(()); }>
                        {ct("code-new-done")}
                    </button>
                </div>
            })}
        </div>
        <Show when=move || issued.with(Option::is_none)>
            <button type="button" class="button" data-testid="issue-code" on:click=move |_| open.set(true)>
                {ct("code-issue")}
            </button>
        </Show>
        <ConfirmDialog
            open=open
            title=Signal::derive(|| ctr("code-issue-title"))
            confirm=Signal::derive(|| ctr("code-issue-confirm"))
            on_confirm=confirm
            busy=issue.pending()
            error=error
            testid="issue-dialog"
        >
            <p>{ct("code-issue-explain")}</p>
        </ConfirmDialog>
    }
}

/// "End the applicant's sessions": for a phone or a shared computer left
/// logged in. After a confirmation; the result is announced.
#[component]
fn EndSessions(person: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let end = Action::new_local(move |(): &()| {
        let person = person.clone();
        async move {
            match api::end_sessions(&person).await {
                Ok(()) => {
                    error.set(None);
                    open.set(false);
                    status.set(Some(ctr("sessions-ended")));
                }
                Err(e) => error.set(Some(load_error(&e))),
            }
        }
    });
    let confirm = Callback::new(move |()| {
        end.dispatch(());
    });
    view! {
        <p role="status" class="cw-status" data-testid="sessions-status">{move || status.get()}</p>
        <button type="button" class="button button--secondary cw-end-sessions" data-testid="end-sessions"
            on:click=move |_| { status.set(None); open.set(true); }>
            {ct("sessions-end")}
        </button>
        <ConfirmDialog
            open=open
            title=Signal::derive(|| ctr("sessions-end-title"))
            confirm=Signal::derive(|| ctr("sessions-end"))
            on_confirm=confirm
            busy=end.pending()
            error=error
            testid="end-sessions-dialog"
        >
            <p>{ct("sessions-end-explain")}</p>
        </ConfirmDialog>
    }
}

#[component]
fn Remarks(person: String, initial: Vec<kartlegg_shared::caseworker::Remark>) -> impl IntoView {
    let s = session();
    let remarks = RwSignal::new(initial);
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let save = Action::new_local(move |remark: &NewRemark| {
        let person = person.clone();
        let remark = remark.clone();
        async move {
            match api::add_remark(&person, &remark).await {
                Ok(remark) => {
                    remarks.update(|r| r.insert(0, remark));
                    text.set(String::new());
                    error.set(None);
                    status.set(Some(ctr("remark-added")));
                }
                Err(e) => {
                    error.set(Some(
                        field_error(&e, "text").unwrap_or_else(|| load_error(&e)),
                    ));
                    focus_id("remark-text");
                }
            }
        }
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let remark = NewRemark {
            text: text.get_untracked(),
        };
        // The server's own parse, run here first (shared::fields).
        if let Err(errors) = remark.parse() {
            error.set(Some(parse_error_text(&errors, "err-required")));
            focus_id("remark-text");
            return;
        }
        save.dispatch(remark);
    };
    view! {
        {move || if remarks.with(Vec::is_empty) {
            view! { <p data-testid="remarks-empty">{ct("remarks-none")}</p> }.into_any()
        } else {
            view! {
                <ul class="cw-remarks" data-testid="remarks">
                    {remarks.get().into_iter().map(|r| view! {
                        <li class="cw-remark">
                            <p class="cw-remark__meta">{format!("{} · {}", r.author, time(&r.created_at))}</p>
                            <p class="cw-remark__text">{r.text}</p>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <p role="status" class="cw-status">{move || status.get()}</p>
        <Show when=move || s.has(Role::Counsellor)>
            <form class="form cw-remark-form" on:submit=add novalidate>
                <div class="field" class:field--error=move || error.get().is_some()>
                    <label for="remark-text" class="field__label">{ct("remark-label")}</label>
                    <p class="field__hint" id="remark-hint">{ct("remark-hint")}</p>
                    {move || error.get().map(|m| view! { <p class="field__error" id="remark-error" role="alert">{m}</p> })}
                    <textarea id="remark-text" class="input cw-textarea" rows="3" maxlength="4000" data-testid="remark-text"
                        aria-describedby=move || if error.get().is_some() { "remark-hint remark-error" } else { "remark-hint" }
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit" class="button button--small" data-testid="remark-add" disabled=move || save.pending().get()>
                    {ct("remark-add")}
                </button>
            </form>
        </Show>
    }
}

#[component]
fn AccessLog(person: String) -> impl IntoView {
    let log = LocalResource::new(move || {
        let person = person.clone();
        async move { api::access_log(&person).await }
    });
    view! {
        <Loaded resource=log view={|entries: Vec<AccessLogEntry>| if entries.is_empty() {
            view! { <p>{ct("access-log-empty")}</p> }.into_any()
        } else {
            view! {
                <Table label="access-log-table" caption="section-access-log" compact=true testid="access-log" head=|| view! {
                    <th scope="col">{ct("col-when")}</th>
                    <th scope="col">{ct("col-who")}</th>
                    <th scope="col">{ct("col-organisation")}</th>
                    <th scope="col">{ct("col-action")}</th>
                    <th scope="col">{ct("col-fields")}</th>
                    <th scope="col">{ct("col-reason")}</th>
                }>
                    {entries.into_iter().map(|e| view! {
                        <tr data-testid="access-row" data-action=e.action.as_str()>
                            <td class="cw-num">{time(&e.at)}</td>
                            <td>{e.actor}</td>
                            <td>{e.organisation.unwrap_or_default()}</td>
                            <td>{ct(action_key(e.action))}</td>
                            <td>{e.fields.join(", ")}</td>
                            <td>{e.reason.unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </Table>
            }.into_any()
        }}/>
    }
}

/// The questionnaire and code lists with texts in the caseworker's
/// languages and `beside`.
#[derive(Clone)]
pub struct Content {
    pub questionnaire: Arc<Questionnaire>,
    pub lists: Arc<CodeLists>,
}

pub async fn load_content(beside: Lang) -> Result<Content, ApiError> {
    // English always comes along (the fallback); Norwegian is asked for so
    // that the caseworker can switch between the two without a reload.
    let langs = if matches!(beside, Lang::Nb | Lang::En) {
        "nb".to_owned()
    } else {
        format!("nb,{}", beside.code())
    };
    let (questionnaire, lists) = crate::core::content::fetch(&langs).await?;
    Ok(Content {
        questionnaire: Arc::new(questionnaire),
        lists: Arc::new(lists),
    })
}

/// One registration's answers, part by part: the question, the answer in
/// the caseworker's language, and the answer in the applicant's language
/// beside it. `number` is its place in the person's history.
#[component]
fn Answers(registration: kartlegg_shared::api::Registration, number: i64) -> impl IntoView {
    let answers = Arc::new(registration.answers.clone());
    let provenance_of = Arc::new(registration.provenance.clone());
    let beside = RwSignal::new(applicant_language(
        registration.language.as_deref(),
        &answers,
    ));
    let content = LocalResource::new(move || load_content(beside.get()));
    let provenance = {
        let mut args = Args::new();
        args.set("version", registration.questionnaire_version);
        args.set(
            "time",
            registration
                .completed_at
                .as_deref()
                .map_or_else(|| time(&registration.updated_at), time),
        );
        let completed = registration.status == RegistrationStatus::Completed;
        move || {
            let key = if completed {
                "answers-provenance-completed"
            } else {
                "answers-provenance-draft"
            };
            ctranslate(key, Some(&args))
        }
    };
    view! {
        <div class="cw-answers-head">
            <h3 data-testid="answers-title">{move || ct1("answers-title", "number", number)}</h3>
            <div class="cw-filter">
                <label for="beside-lang">{ct("answers-beside")}</label>
                <select id="beside-lang" class="cw-select" data-testid="beside-lang"
                    on:change=move |ev| {
                        if let Some(l) = Lang::from_code(&event_target_value(&ev)) {
                            beside.set(l);
                        }
                    }>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() selected=move || beside.get() == l>
                            {format!("{} ({})", l.native_name(), l.english_name())}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        </div>
        <p class="cw-lead" data-testid="answers-provenance">{provenance}</p>
        <Loaded resource=content view={move |c: Content| {
            view! { <AnswerTables content=c answers=answers.clone() side=beside.get_untracked() provenance=provenance_of.clone()/> }
        }}/>
    }
}

/// Who gave an answer, in the caseworker's words: the applicant, or the
/// counsellor (with the interpreter, when one took part).
fn given_by(p: Option<&AnswerProvenance>) -> String {
    let Some(p) = p else {
        return "—".to_owned();
    };
    match p.by {
        AnswerSource::Applicant => ctr("provenance-applicant"),
        AnswerSource::Staff => {
            let staff = ct1(
                "provenance-staff",
                "account",
                p.account.clone().unwrap_or_default(),
            );
            let Some(i) = &p.interpreter else {
                return staff;
            };
            let language = Lang::from_code(&i.language).map_or_else(
                || i.language.clone(),
                |l| format!("{} ({})", l.native_name(), l.english_name()),
            );
            let details: Vec<String> = std::iter::once(language)
                .chain(i.name.clone())
                .chain(
                    i.number
                        .as_ref()
                        .map(|n| ct1("provenance-interpreter-number", "number", n.clone())),
                )
                .collect();
            format!(
                "{staff}; {}",
                ct1("provenance-interpreter", "details", details.join(", "))
            )
        }
    }
}

/// The answers part by part in the caseworker's language, each with the
/// applicant's language (`side`) beside it; the person page and the
/// printable profile show the same.
#[component]
pub fn AnswerTables(
    content: Content,
    answers: Arc<Answers>,
    side: Lang,
    /// Who gave each answer, shown in a column of its own.
    provenance: Arc<Provenance>,
) -> impl IntoView {
    move || {
        let mine = cw_lang().code();
        let theirs = side.code();
        let dir = if side.is_rtl() { "rtl" } else { "ltr" };
        let q = &content.questionnaire;
        q.sections
            .iter()
            .map(|section| {
                let here = rows(q, &content.lists, &answers, &section.id, mine);
                let given: Vec<String> = row_keys(q, &answers, &section.id)
                    .iter()
                    .map(|k| given_by(provenance.get(k)))
                    .collect();
                let there = rows(q, &content.lists, &answers, &section.id, theirs);
                let title = section.title.get(mine).to_owned();
                let title_there = section.title.get(theirs).to_owned();
                let empty = here.is_empty();
                view! {
                    <section class="cw-answers" data-testid=format!("answers-{}", section.id)>
                        <h4>{title}" "<span class="cw-beside" lang=side.bcp47() dir=dir>{format!("({title_there})")}</span></h4>
                        {if empty {
                            view! { <p class="cw-muted">{ct("answers-none")}</p> }.into_any()
                        } else {
                            view! {
                                <table class="cw-table cw-table--answers">
                                    <thead><tr>
                                        <th scope="col">{ct("answers-question")}</th>
                                        <th scope="col">{ct("answers-answer")}</th>
                                        <th scope="col">{format!("{} ({})", side.native_name(), side.english_name())}</th>
                                        <th scope="col">{ct("answers-given-by")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {here.into_iter().zip(there).zip(given).map(|((a, b), given)| view! {
                                            <tr>
                                                <th scope="row">{a.label}</th>
                                                <td data-testid="answer-mine">{a.value}</td>
                                                <td data-testid="answer-beside" lang=side.bcp47() dir=dir>
                                                    <span class="cw-beside-label">{b.label}</span>
                                                    {b.value}
                                                </td>
                                                <td class="cw-given-by" data-testid="answer-provenance">{given}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }}
                    </section>
                }
            })
            .collect_view()
    }
}
