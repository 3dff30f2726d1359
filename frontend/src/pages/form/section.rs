//! One part of the form. Questions appear one after another as they are
//! answered; follow-ups appear and disappear with the answers (the shared
//! evaluator decides); Next with a required answer missing marks it and stays;
//! moving to another part saves this one.

use std::collections::BTreeMap;

use kartlegg_shared::problem::ProblemKind;
use kartlegg_shared::questionnaire::{AnswerKind, AnswerState, AnswerValue, Question};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::FormCtx;
use crate::api::{self, ApiError};
use crate::components::layout::{LanguageSwitch, focus_id};
use crate::components::question::{QuestionBlock, QuestionProps, input_id, offered};
use crate::components::status_icon::QuestionStatus;
use crate::form::{self, Visible};
use crate::i18n::{Args, current_lang, t, tr, translate};
use crate::storage;
use crate::translation::{Second, TranslateControl};

/// Where saving stands, shown near the buttons and announced politely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Idle,
    Saving,
    Saved,
    Pending,
}

#[component]
pub fn SectionPage() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let params = use_params_map();
    let section = Memo::new(move |_| params.with(|p| p.get("section").unwrap_or_default()));
    let attempted = RwSignal::new(false);
    let server_errors = RwSignal::new(BTreeMap::<String, String>::new());
    let save_state = RwSignal::new(SaveState::Idle);
    let notice = RwSignal::new(None::<String>);
    // Status changes of questions, for screen readers (a polite live region).
    let announcement = RwSignal::new(String::new());
    let navigate = use_navigate();

    // A completed registration is read-only: its parts lead to the completed view.
    Effect::new({
        let navigate = navigate.clone();
        move |_| {
            if ctx
                .registration
                .with(|r| r.status == kartlegg_shared::api::RegistrationStatus::Completed)
            {
                navigate("/done", Default::default());
            }
        }
    });

    // A new part starts fresh.
    Effect::new(move |_| {
        section.track();
        attempted.set(false);
        server_errors.set(BTreeMap::new());
        notice.set(None);
    });

    let index = Memo::new(move |_| {
        let id = section.get();
        ctx.questionnaire
            .with_value(|q| q.sections.iter().position(|s| s.id == id))
    });
    let part = Memo::new(move |_| {
        let id = section.get();
        let show_all = attempted.get();
        ctx.answers.with(|a| {
            ctx.questionnaire
                .with_value(|q| form::part_view(q, a, &id, show_all))
        })
    });
    let total = ctx.questionnaire.with_value(|q| q.sections.len());

    let status_of = move |path: String| {
        Signal::derive(move || {
            let view = part.get();
            let state = find(&view.questions, &path).map(|v| v.state);
            if server_errors.with(|e| e.contains_key(&path)) {
                QuestionStatus::Missing
            } else if state == Some(AnswerState::Answered) {
                QuestionStatus::Answered
            } else if attempted.get() && view.missing.iter().any(|m| m == &path) {
                QuestionStatus::Missing
            } else {
                QuestionStatus::NotAnswered
            }
        })
    };

    let render_question = move |visible: Visible, question: Question| {
        let path = visible.path.clone();
        let options = ctx.lists.with_value(|lists| {
            let own: Vec<_> = question
                .answer
                .options()
                .iter()
                .filter(|o| visible.options.contains(&o.code))
                .cloned()
                .collect();
            offered(&question, &own, lists, current_lang().code())
        });
        let status = status_of(path.clone());
        let value = {
            let path = path.clone();
            Signal::derive(move || ctx.answers.with(|a| form::get_path(a, &path)))
        };
        let error = {
            let path = path.clone();
            let is_choice =
                !question.answer.options().is_empty() || question.answer.list().is_some();
            Signal::derive(move || {
                if let Some(code) = server_errors.with(|e| e.get(&path).cloned()) {
                    return Some(tr(&format!("answer-error-{code}")));
                }
                (status.get() == QuestionStatus::Missing).then(|| {
                    tr(if is_choice {
                        "answer-missing-choice"
                    } else {
                        "answer-missing-text"
                    })
                })
            })
        };
        let on_change = {
            let path = path.clone();
            Callback::new(move |answer: Option<AnswerValue>| {
                server_errors.update(|e| {
                    e.remove(&path);
                });
                let answered = answer.as_ref().is_some_and(AnswerValue::is_answered);
                ctx.answers.update(|a| form::set_path(a, &path, answer));
                save_state.set(SaveState::Idle);
                let text = ctx.questionnaire.with_value(|q| {
                    question_for(q, &path).map(|q| q.text.get(current_lang().code()).to_owned())
                });
                let state = tr(if answered {
                    "status-answered"
                } else {
                    "status-not-answered"
                });
                announcement.set(format!("{}: {state}", text.unwrap_or_default()));
            })
        };
        view! {
            <QuestionBlock props=QuestionProps { path, question, options, status, value, error, on_change }/>
        }
    };

    let save = move |then: Box<dyn FnOnce() + 'static>| {
        let id = section.get_untracked();
        let ids: Vec<String> = ctx.questionnaire.with_value(|q| {
            q.section(&id)
                .map(|s| s.questions.iter().map(|q| q.id.clone()).collect())
                .unwrap_or_default()
        });
        let payload = ctx.answers.with_untracked(|a| {
            form::section_answers(a, &ids.iter().map(String::as_str).collect::<Vec<_>>())
        });
        let revision = ctx.registration.with_untracked(|r| r.revision);
        let language = current_lang().code();
        save_state.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            match api::save_section(&id, revision, payload, language).await {
                Ok(registration) => {
                    save_state.set(SaveState::Saved);
                    // The server's answers are pruned and normalised: they
                    // replace the local ones.
                    ctx.acknowledge(registration);
                    storage::clear_unsaved();
                    then();
                }
                Err(ApiError::Network) => {
                    save_state.set(SaveState::Pending);
                }
                Err(error) => match error.kind() {
                    Some(ProblemKind::Validation) => {
                        save_state.set(SaveState::Idle);
                        let errors = error
                            .problem()
                            .map(|p| {
                                p.errors
                                    .iter()
                                    .map(|e| (e.field.clone(), e.code.clone()))
                                    .collect()
                            })
                            .unwrap_or_default();
                        server_errors.set(errors);
                        notice.set(Some(tr("save-invalid")));
                        focus_id("part-errors");
                    }
                    Some(ProblemKind::Conflict) => {
                        save_state.set(SaveState::Idle);
                        notice.set(Some(tr("save-conflict")));
                        if let Ok(registration) = api::registration().await {
                            ctx.acknowledge(registration);
                        }
                    }
                    Some(ProblemKind::Unauthorized) => super::session_ended(),
                    _ => {
                        save_state.set(SaveState::Pending);
                    }
                },
            }
        });
    };

    // Retry a save that did not reach the server when the connection returns.
    let retry = move || {
        if save_state.get_untracked() == SaveState::Pending {
            save(Box::new(|| {}));
        }
    };
    let _online = window_event_listener(leptos::ev::online, move |_| retry());

    let go_next = {
        let navigate = navigate.clone();
        move |_| {
            let view = part.get_untracked();
            if !view.missing.is_empty() {
                attempted.set(true);
                announcement.set(tr("error-summary-title"));
                let first = view.missing[0].clone();
                focus_id(&input_id(&first));
                return;
            }
            let navigate = navigate.clone();
            let next = ctx.questionnaire.with_value(|q| {
                index
                    .get_untracked()
                    .and_then(|i| q.sections.get(i + 1))
                    .map(|s| s.id.clone())
            });
            save(Box::new(move || match next {
                Some(id) => navigate(&format!("/form/{id}"), Default::default()),
                None => navigate("/summary", Default::default()),
            }));
        }
    };
    let go_back = {
        let navigate = navigate.clone();
        move |_| {
            let navigate = navigate.clone();
            let previous = ctx.questionnaire.with_value(|q| {
                index
                    .get_untracked()
                    .and_then(|i| i.checked_sub(1))
                    .and_then(|i| q.sections.get(i))
                    .map(|s| s.id.clone())
            });
            save(Box::new(move || match previous {
                Some(id) => navigate(&format!("/form/{id}"), Default::default()),
                None => navigate("/form", Default::default()),
            }));
        }
    };

    let title = move || {
        let id = section.get();
        ctx.questionnaire
            .with_value(|q| {
                q.section(&id)
                    .map(|s| s.title.get(current_lang().code()).to_owned())
            })
            .unwrap_or_default()
    };
    let part_of = move || {
        let mut args = Args::new();
        args.set("number", index.get().map_or(0, |i| i + 1));
        args.set("total", total);
        translate("part-of", Some(&args))
    };
    let error_summary = move || {
        let view = part.get();
        let show = (attempted.get() && !view.missing.is_empty())
            || !server_errors.with(BTreeMap::is_empty);
        show.then(|| {
            let mut paths: Vec<String> = if attempted.get() { view.missing.clone() } else { Vec::new() };
            paths.extend(server_errors.with(|e| e.keys().cloned().collect::<Vec<_>>()));
            paths.dedup();
            view! {
                <div class="error-summary" data-testid="error-summary">
                    <h2 class="error-summary__title">{t("error-summary-title")}</h2>
                    <ul>
                        {paths.into_iter().map(|path| {
                            let label = ctx.questionnaire.with_value(|q| question_for(q, &path).map(|q| q.text.get(current_lang().code()).to_owned())).unwrap_or_default();
                            let href = format!("#{}", input_id(&path));
                            view! { <li><a href=href>{label}</a></li> }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    };

    let title_second = move || {
        let id = section.get();
        ctx.questionnaire
            .with_value(|q| q.section(&id).map(|s| s.title.clone()))
            .map(|text| view! { <Second text=text/> })
    };

    view! {
        <LanguageSwitch/>
        <TranslateControl/>
        <p class="part-of" data-testid="part-of">{part_of}</p>
        <h1 data-testid="part-title">{title}{title_second}</h1>
        <div id="part-errors" tabindex="-1">{error_summary}</div>
        {move || notice.get().map(|m| view! { <p class="notice" role="alert">{m}</p> })}
        <div class="questions">
            <For
                each=move || {
                    let view = part.get();
                    view.questions.into_iter().take(view.shown).collect::<Vec<_>>()
                }
                key=|v| (v.path.clone(), v.options.clone())
                let:visible
            >
                {
                    let question = ctx.questionnaire.with_value(|q| question_for(q, &visible.path).cloned());
                    question.map(|question| {
                        if matches!(question.answer, AnswerKind::Group { .. }) {
                            let path = visible.path.clone();
                            let entries = Signal::derive(move || {
                                part.with(|p| find(&p.questions, &path).map(|v| v.entries.clone()).unwrap_or_default())
                            });
                            view! { <GroupBlock visible=visible question=question entries=entries render=render_question/> }.into_any()
                        } else {
                            render_question(visible, question).into_any()
                        }
                    })
                }
            </For>
        </div>
        <p class="visually-hidden" aria-live="polite" data-testid="announcement">{move || announcement.get()}</p>
        <p class="save-status" role="status" aria-live="polite" data-testid="save-status">
            {move || match save_state.get() {
                SaveState::Idle => String::new(),
                SaveState::Saving => tr("save-saving"),
                SaveState::Saved => tr("save-saved"),
                SaveState::Pending => tr("save-pending"),
            }}
        </p>
        <div class="actions">
            <button type="button" class="button button--secondary" data-testid="part-back" on:click=go_back>
                <span aria-hidden="true" class="arrow arrow--back"></span>{t("back")}
            </button>
            <button type="button" class="button" data-testid="part-next" on:click=go_next>
                {t("next")}<span aria-hidden="true" class="arrow arrow--next"></span>
            </button>
        </div>
        <p><a href="/form" data-testid="to-overview">{t("overview-link")}</a></p>
    }
}

/// A repeatable group: one card per entry with its own questions (which
/// appear and disappear with that entry's answers), "Add another", and
/// "Remove" with undo.
#[component]
fn GroupBlock<F, V>(
    visible: Visible,
    question: Question,
    entries: Signal<Vec<Vec<Visible>>>,
    render: F,
) -> impl IntoView
where
    F: Fn(Visible, Question) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ctx = expect_context::<FormCtx>();
    let group = visible.id.clone();
    let undo = RwSignal::new(None::<(usize, kartlegg_shared::questionnaire::Answers)>);
    let add_label = question.answer.clone();
    let add_text = move || match &add_label {
        AnswerKind::Group {
            add_label: Some(label),
            ..
        } => label.get(current_lang().code()).to_owned(),
        _ => tr("group-add"),
    };
    let group_for_add = group.clone();
    let group_for_undo = group.clone();
    let subs = StoredValue::new(
        question
            .answer
            .group_questions()
            .map(<[Question]>::to_vec)
            .unwrap_or_default(),
    );
    let count = Memo::new(move |_| entries.with(Vec::len));
    let section_testid = format!("group-{group}");
    view! {
        <section class="group" data-testid=section_testid>
            <h2 class="group__title">{move || question.text.get(current_lang().code()).to_owned()}</h2>
            <For each=move || 0..count.get() key=|i| *i let:i>
                {
                    let group = group.clone();
                    let testid = format!("entry-{group}-{i}");
                    let title = move || {
                        let mut args = Args::new();
                        args.set("number", i + 1);
                        translate("group-entry", Some(&args))
                    };
                    view! {
                        <div class="card" data-testid=testid>
                            <h3 class="card__title">{title}</h3>
                            <For
                                each=move || entries.with(|e| e.get(i).cloned().unwrap_or_default())
                                key=|v| (v.path.clone(), v.options.clone())
                                let:v
                            >
                                {subs.with_value(|subs| subs.iter().find(|q| q.id == v.id).cloned()).map(|q| render(v, q))}
                            </For>
                            <button type="button" class="button button--secondary button--small" on:click=move |_| {
                                let removed = ctx.answers.try_update(|a| form::remove_entry(a, &group, i)).flatten();
                                undo.set(removed.map(|r| (i, r)));
                            }>{t("group-remove")}</button>
                        </div>
                    }
                }
            </For>
            {move || undo.get().map(|(i, entry)| {
                let group = group_for_undo.clone();
                view! {
                    <p class="notice" role="status">
                        {t("group-removed")}" "
                        <button type="button" class="link-button" on:click=move |_| {
                            ctx.answers.update(|a| form::restore_entry(a, &group, i, entry.clone()));
                            undo.set(None);
                        }>{t("group-undo")}</button>
                    </p>
                }
            })}
            <button type="button" class="button button--secondary" id=input_id(&group_for_add) data-testid=format!("add-{}", group_for_add) on:click=move |_| {
                ctx.answers.update(|a| form::add_entry(a, &group_for_add));
                undo.set(None);
            }>{add_text}</button>
        </section>
    }
}

fn find<'a>(views: &'a [Visible], path: &str) -> Option<&'a Visible> {
    views.iter().find_map(|v| {
        if v.path == path {
            Some(v)
        } else {
            v.entries.iter().find_map(|e| find(e, path))
        }
    })
}

/// The question a path names (`id` or `group/i/id`).
fn question_for<'q>(
    q: &'q kartlegg_shared::questionnaire::Questionnaire,
    path: &str,
) -> Option<&'q Question> {
    let mut parts = path.split('/');
    let first = parts.next()?;
    match (parts.next(), parts.next()) {
        (Some(_), Some(sub)) => q.question(&format!("{first}.{sub}")),
        _ => q.question(first),
    }
}
