//! "Check your answers": every part as a block of label–value rows with Edit,
//! and Complete registration at the bottom. Also the read-only view of a
//! completed registration.

use kartlegg_shared::api::RegistrationStatus;
use kartlegg_shared::codes::CodeLists;
use kartlegg_shared::problem::ProblemKind;
use kartlegg_shared::questionnaire::{Answers, Questionnaire};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::FormCtx;
use crate::applicant::api;
use crate::applicant::components::layout::{LanguageSwitch, focus_id};
use crate::applicant::components::status_icon::{QuestionStatus, StatusIcon};
use crate::applicant::i18n::{Lang, Message, current_lang, t, tr};
use crate::applicant::routes::Route;
use crate::applicant::storage;
use crate::applicant::translation::{TranslateControl, Translation};
use crate::core::answers::{Row, rows};

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
                    let evaluation = kartlegg_shared::questionnaire::evaluate(q, answers);
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
                            // Required questions of this part still unanswered,
                            // each linked, so the applicant sees where to go.
                            let missing: Vec<(String, String)> = if editable {
                                evaluation
                                    .missing(&s.id)
                                    .iter()
                                    .map(|path| {
                                        let text = question_text(q, path, lang.code());
                                        (format!("{}?from=summary#input-{path}", Route::Section(&id).path()), text)
                                    })
                                    .collect()
                            } else {
                                Vec::new()
                            };
                            let has_missing = !missing.is_empty();
                            view! {
                                <section class="summary-block" class:summary-block--missing=has_missing data-testid=format!("summary-{id}")>
                                    <div class="summary-block__head">
                                        <h2>{s.title.get(lang.code()).to_owned()}{second_line(second, title_second)}</h2>
                                        {editable.then(|| view! {
                                            <a href=format!("{}?from=summary", Route::Section(&id).path()) data-testid=format!("edit-{id}")>
                                                {tr("summary-edit")}
                                                <span class="visually-hidden">{format!(" {}", s.title.get(lang.code()))}</span>
                                            </a>
                                        })}
                                    </div>
                                    {has_missing.then(|| view! {
                                        <div class="summary-block__missing" data-testid=format!("summary-missing-{id}")>
                                            <p><StatusIcon status=QuestionStatus::Missing/>{tr("summary-part-missing")}</p>
                                            <ul>
                                                {missing.into_iter().map(|(href, text)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                                            </ul>
                                        </div>
                                    })}
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

/// The text of the question at `path` (`id` or `group/i/id`) in `lang`.
pub fn question_text(q: &Questionnaire, path: &str, lang: &str) -> String {
    crate::applicant::form::question_for(q, path)
        .map(|q| q.text.get(lang).to_owned())
        .unwrap_or_default()
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
    // The parts the server says are not done, by id; shown by title in the
    // language of the moment.
    let incomplete = RwSignal::new(None::<Vec<String>>);
    let error = RwSignal::new(None::<Message>);
    let navigate = use_navigate();
    let completed = move || {
        ctx.registration
            .with(|r| r.status == RegistrationStatus::Completed)
    };
    Effect::new({
        let navigate = navigate.clone();
        move |_| {
            if completed() {
                navigate(
                    &crate::applicant::together::in_router(&Route::Done.path()),
                    Default::default(),
                );
            }
        }
    });
    let completing = Action::new_local(move |()| {
        let navigate = navigate.clone();
        async move {
            // Edits still on the device go first, so that what is completed
            // is what the applicant sees.
            ctx.send_unsaved().await;
            match api::complete().await {
                Ok(registration) => {
                    storage::clear_unsaved();
                    ctx.acknowledge(registration);
                    navigate(
                        &crate::applicant::together::in_router(&Route::Done.path()),
                        Default::default(),
                    );
                }
                Err(e) if e.kind() == Some(ProblemKind::Validation) => {
                    let fields: Vec<&str> = e
                        .problem()
                        .map(|p| p.errors.iter().map(|f| f.field.as_str()).collect())
                        .unwrap_or_default();
                    let parts = ctx
                        .questionnaire
                        .with_value(|q| parts_with_errors(q, &fields));
                    incomplete.set(Some(parts));
                    focus_id("summary-error");
                }
                Err(e) if e.kind() == Some(ProblemKind::Unauthorized) => super::session_ended(),
                Err(e) => {
                    error.set(Some(crate::applicant::api::message_of(&e)));
                    focus_id("summary-error");
                }
            }
        }
    });
    let busy = completing.pending();
    let complete = move |_| {
        if busy.get_untracked() {
            return;
        }
        incomplete.set(None);
        error.set(None);
        completing.dispatch(());
    };
    let incomplete_view = move || {
        incomplete.get().map(|parts| {
            let lang = current_lang();
            let items = ctx.questionnaire.with_value(|q| {
                parts
                    .iter()
                    .filter_map(|id| q.section(id))
                    .map(|s| (s.id.clone(), s.title.get(lang.code()).to_owned()))
                    .collect::<Vec<_>>()
            });
            view! {
                <div class="error-summary" data-testid="summary-error">
                    <h2 class="error-summary__title">{t("summary-missing")}</h2>
                    <ul>
                        {items.into_iter().map(|(id, title)| view! {
                            <li><a href=format!("{}?from=summary", Route::Section(&id).path()) data-testid=format!("summary-error-{id}")>{title}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    };
    view! {
        <LanguageSwitch/>
        <TranslateControl/>
        <h1 data-testid="summary-title">{t("summary-title")}</h1>
        <div id="summary-error" tabindex="-1" role="alert">
            {incomplete_view}
            {move || error.get().map(|m| view! {
                <div class="error-summary" data-testid="summary-error"><p>{move || m.text()}</p></div>
            })}
        </div>
        <AnswerBlocks editable=true/>
        <p>{t("summary-next")}</p>
        <super::section::SaveStatus/>
        <div class="actions">
            <a class="button button--secondary" href=Route::Form.path()>{t("back")}</a>
            <button type="button" class="button button--success" data-testid="complete"
                aria-disabled=move || busy.get().to_string() on:click=complete>
                {t("summary-complete")}
            </button>
        </div>
    }
}

/// The parts a refused completion names, in the questionnaire's order: each
/// part with a question among the server's field errors (`jobs/0/occupation`
/// is in the part of `jobs`).
pub fn parts_with_errors(q: &Questionnaire, fields: &[&str]) -> Vec<String> {
    q.sections
        .iter()
        .filter(|s| {
            fields.iter().any(|f| {
                let top = f.split('/').next().unwrap_or_default();
                q.section_of(top) == Some(s.id.as_str())
            })
        })
        .map(|s| s.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use kartlegg_shared::questionnaire::shipped_v1;

    use super::parts_with_errors;

    #[test]
    fn a_refused_completion_names_the_parts_of_its_fields_once_in_order() {
        let q = shipped_v1();
        let school = q.section_of("went_to_school").unwrap().to_owned();
        let parts = parts_with_errors(q, &["went_to_school", "went_to_school", "nowhere"]);
        assert_eq!(parts, [school]);
        assert!(parts_with_errors(q, &[]).is_empty());
        let first = q.sections[0].id.clone();
        let last = q.sections.last().unwrap().id.clone();
        let first_q = q.sections[0].questions[0].id.clone();
        let last_q = q.sections.last().unwrap().questions[0].id.clone();
        assert_eq!(parts_with_errors(q, &[&last_q, &first_q]), [first, last]);
    }
}
