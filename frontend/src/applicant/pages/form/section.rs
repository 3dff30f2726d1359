//! One part of the form. Questions appear one after another as they are
//! answered; follow-ups appear and disappear with the answers (the shared
//! evaluator decides); a typed number or year is checked by the shared
//! validator as soon as it is entered; Next with a required answer missing
//! or an answer invalid marks it and stays; moving to another part saves
//! this one (see `FormCtx::save_part`).

use std::collections::BTreeMap;

use kartlegg_shared::api::Registration;
use kartlegg_shared::questionnaire::{AnswerKind, AnswerValue, Question};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::part::{Next, PartState, Summary, find, invalid_answers, next_route, previous_route};
use super::{FormCtx, SaveOutcome, SaveState, current_year};
use crate::applicant::components::layout::{LanguageSwitch, focus_id};
use crate::applicant::components::question::{QuestionBlock, QuestionProps, input_id, offered};
use crate::applicant::components::status_icon::QuestionStatus;
use crate::applicant::form::{self, Visible, question_for};
use crate::applicant::i18n::{Args, Message, current_lang, t, tr, translate};
use crate::applicant::routes::Route;
use crate::applicant::translation::{Second, TranslateControl};
use crate::core::answers::entry_title;

/// The message for a refused answer, by its stable code, with the allowed
/// range where there is one. Codes the browser does not know read as a
/// general "check this answer".
pub fn answer_error(code: &str, range: Option<(i64, i64)>) -> Message {
    let key = match code {
        "required" | "not_an_option" | "not_a_number" | "too_small" | "too_large" | "too_long"
        | "too_few" | "too_many" | "unknown_question" | "wrong_type" => {
            format!("answer-error-{code}")
        }
        // Not typed on a keyboard (pasted at most); the wrong-kind sentence
        // says enough without a new text in fourteen languages.
        "control_characters" => "answer-error-wrong_type".to_owned(),
        _ => "answer-error-other".to_owned(),
    };
    let message = Message::new(key);
    match range {
        Some((min, max)) => message.with("min", min).with("max", max),
        None => message,
    }
}

/// The allowed range of a number or year question, this year.
pub fn range_of(question: &Question) -> Option<(i64, i64)> {
    match &question.answer {
        AnswerKind::Number { min, max, .. } => Some((*min, *max)),
        AnswerKind::Year { earliest, latest } => {
            let year = i64::from(current_year());
            Some((year + i64::from(*earliest), year + i64::from(*latest)))
        }
        _ => None,
    }
}

#[component]
pub fn SectionPage() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let params = use_params_map();
    let query = use_query_map();
    let section = Memo::new(move |_| params.with(|p| p.get("section").unwrap_or_default()));
    // Opened with Edit from the summary: Next leads back there.
    let from_summary =
        Memo::new(move |_| query.with(|q| q.get("from").as_deref() == Some("summary")));
    // Whether Next was tried here with answers missing. Kept in the form's
    // context, so that the re-render a change of language causes keeps the
    // marks and the error summary.
    let attempted = Memo::new(move |_| {
        let id = section.get();
        ctx.attempted.with(|a| a.as_deref() == Some(id.as_str()))
    });
    let server_errors = RwSignal::new(BTreeMap::<String, String>::new());
    let notice = RwSignal::new(None::<Message>);
    // Another window saved this same part: the newest registration, until
    // the applicant chooses whose answers to keep.
    let conflict = RwSignal::new(None::<Registration>);
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
                navigate(
                    &crate::applicant::together::in_router(&Route::Done.path()),
                    Default::default(),
                );
            }
        }
    });

    // A new part starts fresh, and a screen reader hears its title. The
    // same page drawn again in another language keeps its state and focus.
    Effect::new(move |previous: Option<String>| {
        let id = section.get();
        if previous.is_some_and(|p| p != id) {
            ctx.attempted.set(None);
            server_errors.set(BTreeMap::new());
            notice.set(None);
            conflict.set(None);
        }
        focus_title();
        id
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
    // Answers given but not valid (a year out of range, letters for a
    // number): the shared validator's verdict on this part as a draft, as
    // soon as an answer is entered, the same verdict the server would give.
    let invalid = Memo::new(move |_| {
        let id = section.get();
        ctx.answers.with(|a| {
            ctx.questionnaire
                .with_value(|q| invalid_answers(q, a, &id, current_year()))
        })
    });
    // The part's state as plain data; its decisions live in `part.rs`.
    let state = Memo::new(move |_| PartState {
        view: part.get(),
        invalid: invalid.get(),
        server_errors: server_errors.get(),
        attempted: attempted.get(),
    });
    let total = ctx.questionnaire.with_value(|q| q.sections.len());

    let error_code = move |path: &str| state.with(|s| s.error_code(path).map(str::to_owned));

    let status_of = move |path: String| Signal::derive(move || state.with(|s| s.status(&path)));

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
        let range = range_of(&question);
        let error = {
            let path = path.clone();
            let is_choice =
                !question.answer.options().is_empty() || question.answer.list().is_some();
            Signal::derive(move || {
                if let Some(code) = error_code(&path) {
                    return Some(answer_error(&code, range).text());
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
                ctx.answers.update(|a| form::set_path(a, &path, answer));
                if ctx.save_state.get_untracked() == SaveState::Saved {
                    ctx.save_state.set(SaveState::Idle);
                }
                let text = ctx.questionnaire.with_value(|q| {
                    question_for(q, &path).map(|q| q.text.get(current_lang().code()).to_owned())
                });
                let state = status.get_untracked();
                let state = tr(match state {
                    QuestionStatus::Answered => "status-answered",
                    QuestionStatus::Missing => "status-missing",
                    QuestionStatus::NotAnswered => "status-not-answered",
                });
                announcement.set(format!("{}: {state}", text.unwrap_or_default()));
            })
        };
        view! {
            <QuestionBlock props=QuestionProps { path, question, options, status, value, error, range, on_change }/>
        }
    };

    // Saves this part, then goes to the page given, if any. Repeat taps
    // while a save is under way are ignored (`save_part` answers `Busy`:
    // the form's one save state also covers the saves made as answers
    // change, so the Action's own pending state is not the guard).
    let save = Action::new_local(move |to: &Option<String>| {
        let id = section.get_untracked();
        let to = to.clone();
        let navigate = navigate.clone();
        async move {
            match ctx.save_part(&id).await {
                SaveOutcome::Saved => {
                    if let Some(to) = to {
                        navigate(
                            &crate::applicant::together::in_router(&to),
                            Default::default(),
                        );
                    }
                }
                SaveOutcome::Busy
                | SaveOutcome::Pending
                | SaveOutcome::Ended
                | SaveOutcome::Completed => {}
                SaveOutcome::Invalid(errors) => {
                    server_errors.set(errors);
                    notice.set(Some(Message::new("save-invalid")));
                    focus_id("part-errors");
                }
                SaveOutcome::Conflict(newest) => {
                    conflict.set(Some(*newest));
                    focus_id("part-conflict");
                }
            }
        }
    });

    let go_next = move |_| {
        if let Next::Stay { announce, focus } = state.with_untracked(PartState::next) {
            ctx.attempted.set(Some(section.get_untracked()));
            announcement.set(tr(announce));
            if let Some(first) = focus {
                focus_id(&input_id(&first));
            }
            return;
        }
        let to = ctx.questionnaire.with_value(|q| {
            let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
            next_route(&ids, index.get_untracked(), from_summary.get_untracked())
        });
        save.dispatch(Some(to));
    };
    let go_back = move |_| {
        let to = ctx.questionnaire.with_value(|q| {
            let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
            previous_route(&ids, index.get_untracked(), from_summary.get_untracked())
        });
        save.dispatch(Some(to));
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
        let Summary { heading, paths } = state.with(PartState::summary)?;
        Some(view! {
            <div class="error-summary" data-testid="error-summary">
                <h2 class="error-summary__title">{t(heading)}</h2>
                <ul>
                    {paths.into_iter().map(|path| {
                        let label = ctx.questionnaire.with_value(|q| question_for(q, &path).map(|q| q.text.get(current_lang().code()).to_owned())).unwrap_or_default();
                        let href = format!("#{}", input_id(&path));
                        view! { <li><a href=href>{label}</a></li> }
                    }).collect_view()}
                </ul>
            </div>
        })
    };

    let title_second = move || {
        let id = section.get();
        ctx.questionnaire
            .with_value(|q| q.section(&id).map(|s| s.title.clone()))
            .map(|text| view! { <Second text=text/> })
    };

    let keep_mine = move |_| {
        if let Some(newest) = conflict.get_untracked() {
            conflict.set(None);
            ctx.keep_mine(newest);
            save.dispatch(None);
        }
    };
    let take_theirs = move |_| {
        if let Some(newest) = conflict.get_untracked() {
            conflict.set(None);
            ctx.take_theirs(newest, &section.get_untracked());
            notice.set(Some(Message::new("save-conflict")));
        }
    };

    view! {
        <LanguageSwitch/>
        <TranslateControl/>
        <p class="part-of" data-testid="part-of">{part_of}</p>
        <h1 id="part-title" tabindex="-1" data-testid="part-title">{title}{title_second}</h1>
        <div id="part-errors" tabindex="-1">{error_summary}</div>
        {move || notice.get().map(|m| view! { <p class="notice" role="alert">{move || m.text()}</p> })}
        <div id="part-conflict" tabindex="-1">
            {move || conflict.get().is_some().then(|| view! {
                <div class="notice" role="alert" data-testid="save-conflict">
                    <p>{t("save-conflict-same-part")}</p>
                    <div class="actions actions--stacked">
                        <button type="button" class="button" data-testid="conflict-keep-mine" on:click=keep_mine>{t("save-conflict-keep-mine")}</button>
                        <button type="button" class="button button--secondary" data-testid="conflict-take-theirs" on:click=take_theirs>{t("save-conflict-take-theirs")}</button>
                    </div>
                </div>
            })}
        </div>
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
                            let status = status_of(visible.path.clone());
                            view! { <GroupBlock visible=visible question=question entries=entries status=status render=render_question/> }.into_any()
                        } else {
                            render_question(visible, question).into_any()
                        }
                    })
                }
            </For>
        </div>
        <p class="visually-hidden" aria-live="polite" data-testid="announcement">{move || announcement.get()}</p>
        <SaveStatus/>
        <div class="actions">
            <button type="button" class="button button--secondary" data-testid="part-back" on:click=go_back>
                <span aria-hidden="true" class="arrow arrow--back"></span>{t("back")}
            </button>
            <button type="button" class="button" data-testid="part-next" on:click=go_next
                aria-disabled=move || (ctx.save_state.get() == SaveState::Saving).to_string()>
                {t("next")}<span aria-hidden="true" class="arrow arrow--next"></span>
            </button>
        </div>
        <p><a href=Route::Form.path() data-testid="to-overview">{t("overview-link")}</a></p>
    }
}

/// "Saving…", "Saved" or "Not saved yet — will try again", announced politely.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    view! {
        <p class="save-status" role="status" aria-live="polite" data-testid="save-status">
            {move || match ctx.save_state.get() {
                SaveState::Idle => String::new(),
                SaveState::Saving => tr("save-saving"),
                SaveState::Saved => tr("save-saved"),
                SaveState::Pending => tr("save-pending"),
            }}
        </p>
    }
}

/// A repeatable group: one card per entry with its own questions (which
/// appear and disappear with that entry's answers), titled from its answers
/// ("Primary school, Eritrea"), "Add an education" (then "Add another
/// education"), and "Remove" naming its entry, with undo.
#[component]
fn GroupBlock<F, V>(
    visible: Visible,
    question: Question,
    entries: Signal<Vec<Vec<Visible>>>,
    status: Signal<QuestionStatus>,
    render: F,
) -> impl IntoView
where
    F: Fn(Visible, Question) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ctx = expect_context::<FormCtx>();
    let group = visible.id.clone();
    let undo = RwSignal::new(None::<(usize, kartlegg_shared::questionnaire::Answers)>);
    let count = Memo::new(move |_| entries.with(Vec::len));
    let kind = question.answer.clone();
    let add_text = move || {
        let lang = current_lang().code();
        match &kind {
            AnswerKind::Group {
                add_first_label: Some(first),
                ..
            } if count.get() == 0 => first.get(lang).to_owned(),
            AnswerKind::Group {
                add_label: Some(label),
                ..
            } => label.get(lang).to_owned(),
            _ => tr("group-add"),
        }
    };
    let group_for_add = group.clone();
    let group_for_undo = group.clone();
    let stored_question = StoredValue::new(question.clone());
    let group_id = StoredValue::new(group.clone());
    let subs = StoredValue::new(
        question
            .answer
            .group_questions()
            .map(<[Question]>::to_vec)
            .unwrap_or_default(),
    );
    // An entry's title from its answers, or "Entry 2" before it has any.
    let entry_name = move |i: usize| {
        let lang = current_lang().code();
        let from_answers = ctx
            .answers
            .with(|a| match group_id.with_value(|g| a.get(g).cloned()) {
                Some(AnswerValue::Group(e)) => e.get(i).and_then(|entry| {
                    ctx.questionnaire.with_value(|q| {
                        ctx.lists.with_value(|lists| {
                            stored_question.with_value(|g| entry_title(q, lists, g, entry, lang))
                        })
                    })
                }),
                _ => None,
            });
        from_answers.unwrap_or_else(|| {
            let mut args = Args::new();
            args.set("number", i + 1);
            translate("group-entry", Some(&args))
        })
    };
    let section_testid = format!("group-{group}");
    let missing = move || status.get() == QuestionStatus::Missing && count.get() == 0;
    let error_id = format!("error-{group}");
    view! {
        <section class="group" class:question--missing=missing data-testid=section_testid>
            <h2 class="group__title">{move || question.text.get(current_lang().code()).to_owned()}</h2>
            {move || missing().then(|| view! {
                <p class="question__error" id=error_id.clone() data-testid="group-missing">{tr("group-missing")}</p>
            })}
            <For each=move || 0..count.get() key=|i| *i let:i>
                {
                    let group = group.clone();
                    let testid = format!("entry-{group}-{i}");
                    view! {
                        <div class="card" data-testid=testid>
                            <h3 class="card__title">{move || entry_name(i)}</h3>
                            <For
                                each=move || entries.with(|e| e.get(i).cloned().unwrap_or_default())
                                key=|v| (v.path.clone(), v.options.clone())
                                let:v
                            >
                                {subs.with_value(|subs| subs.iter().find(|q| q.id == v.id).cloned()).map(|q| render(v, q))}
                            </For>
                            <button type="button" class="button button--secondary button--small" data-testid=format!("remove-{group}-{i}") on:click=move |_| {
                                let removed = ctx.answers.try_update(|a| form::remove_entry(a, &group, i)).flatten();
                                undo.set(removed.map(|r| (i, r)));
                            }>
                                {t("group-remove")}
                                <span class="visually-hidden">{move || format!(" {}", entry_name(i))}</span>
                            </button>
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

/// Moves focus to the part's title, unless a control that is still on the
/// page has it (the language switch, after the page was drawn again in the
/// new language): Next and Back have no id, and a link that led here is gone.
fn focus_title() {
    request_animation_frame(|| {
        let document = document();
        let keep = document
            .active_element()
            .is_some_and(|e| !e.id().is_empty() && e.id() != "main");
        if keep {
            return;
        }
        if let Some(title) = document.get_element_by_id("part-title") {
            use wasm_bindgen::JsCast;
            if let Ok(title) = title.dyn_into::<web_sys::HtmlElement>() {
                let _ = title.focus();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use kartlegg_shared::questionnaire::ErrorCode;

    use super::answer_error;
    use crate::core::i18n::test_support::messages;

    #[test]
    fn every_validator_code_has_its_own_message_in_english() {
        let english = messages(include_str!("../../../../locales/en.ftl"));
        for code in ErrorCode::ALL {
            let message = answer_error(code.as_str(), Some((0, 30)));
            assert_ne!(message.key(), "answer-error-other", "{code}");
            assert!(
                english.contains_key(message.key()),
                "{code}: {}",
                message.key()
            );
        }
        assert_eq!(
            answer_error("something_new", None).key(),
            "answer-error-other"
        );
        assert!(english.contains_key("answer-error-other"));
    }
}
