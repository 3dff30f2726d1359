//! "Check your answers": every part as a block of label–value rows with Edit,
//! and Complete registration at the bottom. Also the read-only view of a
//! completed registration.

use kartlegg_shared::api::RegistrationStatus;
use kartlegg_shared::codes::CodeLists;
use kartlegg_shared::problem::ProblemKind;
use kartlegg_shared::questionnaire::{AnswerValue, Answers, Question, Questionnaire};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::FormCtx;
use crate::api;
use crate::components::layout::{LanguageSwitch, focus_id};
use crate::i18n::{Lang, current_lang, t, tr};
use crate::storage;
use crate::translation::{TranslateControl, Translation};

/// One answered question as a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    pub value: String,
}

/// The rows of one part, in the current language.
pub fn rows(
    q: &Questionnaire,
    lists: &CodeLists,
    answers: &Answers,
    section: &str,
    lang: &str,
) -> Vec<Row> {
    let evaluation = kartlegg_shared::questionnaire::evaluate(q, answers);
    let Some(view) = evaluation.section(section) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for v in &view.questions {
        if let Some(value) = answers.get(&v.question.id) {
            match value {
                AnswerValue::Group(entries) => {
                    let subs = v.question.answer.group_questions().unwrap_or_default();
                    for (i, entry) in entries.iter().enumerate() {
                        let parts: Vec<String> = subs
                            .iter()
                            .filter_map(|sq| {
                                entry
                                    .get(&sq.id)
                                    .map(|val| display(q, lists, sq, val, lang))
                            })
                            .collect();
                        out.push(Row {
                            label: format!("{} {}", v.question.text.get(lang), i + 1),
                            value: parts.join(", "),
                        });
                    }
                }
                other => out.push(Row {
                    label: v.question.text.get(lang).to_owned(),
                    value: display(q, lists, v.question, other, lang),
                }),
            }
        }
    }
    out
}

fn display(
    _q: &Questionnaire,
    lists: &CodeLists,
    question: &Question,
    value: &AnswerValue,
    lang: &str,
) -> String {
    let name = |code: &str| -> String {
        if let Some(o) = question.answer.options().iter().find(|o| o.code == code) {
            return o.text.get(lang).to_owned();
        }
        question
            .answer
            .list()
            .and_then(|(list, _)| lists.get(list))
            .and_then(|l| l.get(code))
            .map_or_else(|| code.to_owned(), |item| item.text.get(lang).to_owned())
    };
    match value {
        AnswerValue::Number(n) => n.to_string(),
        AnswerValue::Text(s)
            if question.answer.options().is_empty() && question.answer.list().is_none() =>
        {
            s.clone()
        }
        AnswerValue::Text(code) => name(code),
        AnswerValue::Choices(codes) => codes.iter().map(|c| name(c)).collect::<Vec<_>>().join(", "),
        AnswerValue::Group(entries) => entries.len().to_string(),
    }
}

/// A translation of a row's label or value, when one is shown.
fn second_line(second: Option<Lang>, text: Option<String>) -> Option<impl IntoView> {
    let lang = second?;
    let text = text?;
    Some(view! {
        <span class="translation" lang=lang.bcp47() dir=if lang.is_rtl() { "rtl" } else { "ltr" } data-testid="translation">{text}</span>
    })
}

/// The answers of every part, with Edit links when `editable`.
#[component]
pub fn AnswerBlocks(editable: bool) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let translation = expect_context::<Translation>();
    move || {
        let lang = current_lang();
        let second = translation.shown();
        ctx.answers.with(|answers| {
            ctx.questionnaire.with_value(|q| {
                ctx.lists.with_value(|lists| {
                    q.sections
                        .iter()
                        .map(|s| {
                            let rows = rows(q, lists, answers, &s.id, lang.code());
                            // The same rows in the second language, in the same order.
                            let mut seconds = second
                                .map(|l| rows_in(q, lists, answers, &s.id, l))
                                .unwrap_or_default()
                                .into_iter();
                            let title_second = second.and_then(|l| {
                                s.title.has(l.code()).then(|| s.title.get(l.code()).to_owned())
                            });
                            let id = s.id.clone();
                            view! {
                                <section class="summary-block" data-testid=format!("summary-{id}")>
                                    <div class="summary-block__head">
                                        <h2>{s.title.get(lang.code()).to_owned()}{second_line(second, title_second)}</h2>
                                        {editable.then(|| view! {
                                            <a href=format!("/form/{id}") data-testid=format!("edit-{id}")>
                                                {tr("summary-edit")}
                                                <span class="visually-hidden">{format!(" {}", s.title.get(lang.code()))}</span>
                                            </a>
                                        })}
                                    </div>
                                    <dl class="summary-list">
                                        {rows.into_iter().map(|r| {
                                            let other = seconds.next();
                                            let (label2, value2) = other
                                                .map(|o| (Some(o.label), Some(o.value)))
                                                .unwrap_or_default();
                                            // A free-text answer reads the same in both.
                                            let value2 = value2.filter(|v| *v != r.value);
                                            view! {
                                                <div class="summary-list__row">
                                                    <dt>{r.label}{second_line(second, label2)}</dt>
                                                    <dd>{r.value}{second_line(second, value2)}</dd>
                                                </div>
                                            }
                                        }).collect_view()}
                                    </dl>
                                </section>
                            }
                        })
                        .collect_view()
                })
            })
        })
    }
}

/// The rows in `lang`, or none when the definition lacks that language.
fn rows_in(
    q: &Questionnaire,
    lists: &CodeLists,
    answers: &Answers,
    section: &str,
    lang: Lang,
) -> Vec<Row> {
    let has = q.sections.first().is_some_and(|s| s.title.has(lang.code()));
    if has {
        rows(q, lists, answers, section, lang.code())
    } else {
        Vec::new()
    }
}

#[component]
pub fn SummaryPage() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let completed = move || {
        ctx.registration
            .with(|r| r.status == RegistrationStatus::Completed)
    };
    Effect::new({
        let navigate = navigate.clone();
        move |_| {
            if completed() {
                navigate("/done", Default::default());
            }
        }
    });
    let complete = move |_| {
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = api::complete().await;
            busy.set(false);
            match result {
                Ok(registration) => {
                    storage::clear_unsaved();
                    ctx.acknowledge(registration);
                    navigate("/done", Default::default());
                }
                Err(e) if e.kind() == Some(ProblemKind::Validation) => {
                    error.set(Some(tr("summary-missing")));
                    focus_id("summary-error");
                }
                Err(e) if e.kind() == Some(ProblemKind::Unauthorized) => super::session_ended(),
                Err(_) => error.set(Some(tr("error-network"))),
            }
        });
    };
    view! {
        <LanguageSwitch/>
        <TranslateControl/>
        <h1 data-testid="summary-title">{t("summary-title")}</h1>
        <div id="summary-error" tabindex="-1" role="alert">
            {move || error.get().map(|m| view! {
                <div class="error-summary" data-testid="summary-error"><p>{m}</p><p><a href="/form">{tr("overview-link")}</a></p></div>
            })}
        </div>
        <AnswerBlocks editable=true/>
        <p>{t("summary-next")}</p>
        <div class="actions">
            <a class="button button--secondary" href="/form">{t("back")}</a>
            <button type="button" class="button button--success" data-testid="complete" disabled=move || busy.get() on:click=complete>
                {t("summary-complete")}
            </button>
        </div>
    }
}
