//! One question of the form, by kind: radio rows, checkbox rows, a
//! searchable list, number and year fields, short text, information text,
//! and repeatable groups as cards. Each shows its status icon at the start.

use std::collections::BTreeMap;

use kartlegg_shared::codes::CodeLists;
use kartlegg_shared::digits::normalize_digits;
use kartlegg_shared::questionnaire::{AnswerKind, AnswerValue, ChoiceOption, Question, Text};
use leptos::prelude::*;

use crate::applicant::components::pictogram::Pictogram;
use crate::applicant::components::status_icon::{QuestionStatus, StatusIcon};
use crate::applicant::i18n::{current_lang, tr};
use crate::applicant::speech::ReadAloud;
use crate::applicant::translation::{Second, Translation};

/// An option as offered: code, the text in the current language, and the
/// text in every loaded language (for a translation beside it and for
/// reading aloud).
#[derive(Debug, Clone, PartialEq)]
pub struct Offered {
    pub code: String,
    pub label: String,
    pub text: Text,
    /// The option's pictogram, from the questionnaire or the code list.
    pub pictogram: Option<String>,
}

/// The options of a question in display order: its own options, then the
/// code list's items (most common first).
pub fn offered(
    question: &Question,
    visible: &[ChoiceOption],
    lists: &CodeLists,
    lang: &str,
) -> Vec<Offered> {
    let mut out: Vec<Offered> = Vec::new();
    let own: Vec<Offered> = visible
        .iter()
        .map(|o| Offered {
            code: o.code.clone(),
            label: o.text.get(lang).to_owned(),
            text: o.text.clone(),
            pictogram: o.pictogram.clone(),
        })
        .collect();
    if let Some((list, exclude)) = question.answer.list() {
        if let Some(list) = lists.get(list) {
            let offer = |item: &kartlegg_shared::codes::CodeItem| Offered {
                code: item.code.clone(),
                label: item.text.get(lang).to_owned(),
                text: item.text.clone(),
                pictogram: item.pictogram.clone(),
            };
            let allowed = |item: &&kartlegg_shared::codes::CodeItem| !exclude.contains(&item.code);
            // A short list shown as rows keeps the list's own order: the
            // education levels from pre-school up, the licence classes as
            // the licence names them.
            let rows = !matches!(question.answer, AnswerKind::List { .. })
                && list.items.len() + own.len() <= MOST_RADIOS;
            if rows {
                out.extend(list.items.iter().filter(allowed).map(offer));
                out.extend(own);
                return out;
            }
            // The most common choices first, then the rest by name in the
            // applicant's language.
            out.extend(list.common_first().into_iter().filter(allowed).map(offer));
            let mut rest: Vec<Offered> = list
                .items
                .iter()
                .filter(|i| i.common.is_none())
                .filter(allowed)
                .map(offer)
                .collect();
            rest.sort_by_key(|o| o.label.to_lowercase());
            out.extend(rest);
        }
        // "Don't know" and the like come after the list.
        out.extend(own);
    } else {
        out = own;
    }
    out
}

/// Everything a question needs to render; the form page makes one per
/// visible question.
#[derive(Clone)]
pub struct QuestionProps {
    pub path: String,
    pub question: Question,
    pub options: Vec<Offered>,
    pub status: Signal<QuestionStatus>,
    pub value: Signal<Option<AnswerValue>>,
    pub error: Signal<Option<String>>,
    /// The allowed range of a number or year, shown under the question so
    /// the applicant knows it before typing.
    pub range: Option<(i64, i64)>,
    pub on_change: Callback<Option<AnswerValue>>,
}

/// The most options a code-list choice shows as radio rows; longer lists
/// (languages, countries, occupations) get the searchable list (DESIGN.md).
const MOST_RADIOS: usize = 12;

/// Whether a single choice is shown as radio rows (each option visible,
/// with its pictogram) rather than a select: always for its own options,
/// and for a short code list such as the education levels.
fn as_radios(question: &Question, options: usize) -> bool {
    match question.answer {
        AnswerKind::SingleChoice { list: None, .. } => true,
        AnswerKind::SingleChoice { .. } => options <= MOST_RADIOS,
        _ => false,
    }
}

/// The id of a question's first control, for focusing it.
pub fn input_id(path: &str) -> String {
    format!("input-{path}")
}

#[component]
pub fn QuestionBlock(props: QuestionProps) -> impl IntoView {
    let QuestionProps {
        path,
        question,
        options,
        status,
        value,
        error,
        range,
        on_change,
    } = props;
    let text = question.text.clone();
    let help = question.help.clone();
    let error_id = format!("error-{path}");
    let help_id = format!("help-{path}");
    let range_id = format!("range-{path}");
    let described = {
        let (error_id, help_id, range_id, has_help) = (
            error_id.clone(),
            help_id.clone(),
            range_id.clone(),
            help.is_some(),
        );
        let has_range = range.is_some();
        Signal::derive(move || {
            let mut ids = Vec::new();
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            if has_help {
                ids.push(help_id.clone());
            }
            if has_range {
                ids.push(range_id.clone());
            }
            ids.join(" ")
        })
    };
    let is_year = matches!(question.answer, AnswerKind::Year { .. });
    let range_view = range.map(|(min, max)| {
        let key = if is_year {
            "year-range"
        } else {
            "number-range"
        };
        view! {
            <p class="question__help" id=range_id.clone() data-testid="range">
                {move || {
                    let mut args = crate::applicant::i18n::Args::new();
                    args.set("min", min);
                    args.set("max", max);
                    crate::applicant::i18n::translate(key, Some(&args))
                }}
            </p>
        }
    });
    let is_info = matches!(question.answer, AnswerKind::Info);
    let head = {
        let text = text.clone();
        let second = text.clone();
        let pictogram = question.pictogram.clone();
        view! {
            <span class="question__head">
                {(!is_info).then(|| view! { <StatusIcon status=status/> })}
                {pictogram.map(|name| view! { <Pictogram name=Some(name) class="pictogram--question"/> })}
                <span class="question__text">
                    {move || text.get(current_lang().code()).to_owned()}
                    <Second text=second/>
                </span>
            </span>
        }
    };
    // Beside the label, not inside it: a button inside a label would be
    // part of the label's click target and of its accessible name.
    let read_aloud = view! {
        <ReadAloud
            text=text.clone()
            options=options.iter().map(|o| o.text.clone()).collect()
            testid=format!("read-aloud-{path}")
        />
    };
    let help_view = help.map(|h| {
        let second = h.clone();
        view! {
            <p class="question__help" id=help_id.clone()>
                {move || h.get(current_lang().code()).to_owned()}
                <Second text=second/>
            </p>
        }
    });
    let error_view = move || {
        error.get().map(|message| {
            view! { <p class="question__error" id=error_id.clone()>{message}</p> }
        })
    };
    let uses_fieldset = as_radios(&question, options.len())
        || matches!(question.answer, AnswerKind::MultipleChoice { .. });
    let control = control(
        &path, &question, options, value, on_change, described, range,
    );
    let testid = format!("question-{path}");
    let missing = move || status.get() == QuestionStatus::Missing;
    if uses_fieldset {
        view! {
            <div class="question" class:question--missing=missing id=format!("q-{path}") data-testid=testid>
                <fieldset class="question__fieldset" aria-describedby=described>
                    <div class="question__top"><legend>{head}</legend>{read_aloud}</div>
                    {help_view}
                    {error_view}
                    {control}
                </fieldset>
            </div>
        }
        .into_any()
    } else {
        let label_for = input_id(&path);
        view! {
            <div class="question" class:question--missing=missing id=format!("q-{path}") data-testid=testid>
                <div class="question__top">
                    {if is_info {
                        view! { <p class="question__info">{head}</p> }.into_any()
                    } else {
                        view! { <label class="question__label" for=label_for>{head}</label> }.into_any()
                    }}
                    {read_aloud}
                </div>
                {help_view}
                {range_view}
                {error_view}
                {control}
            </div>
        }
        .into_any()
    }
}

fn control(
    path: &str,
    question: &Question,
    options: Vec<Offered>,
    value: Signal<Option<AnswerValue>>,
    on_change: Callback<Option<AnswerValue>>,
    described: Signal<String>,
    range: Option<(i64, i64)>,
) -> AnyView {
    let id = input_id(path);
    match &question.answer {
        AnswerKind::SingleChoice { .. } if as_radios(question, options.len()) => {
            radios(path, options, value, on_change).into_any()
        }
        AnswerKind::MultipleChoice { .. } => {
            let exclusive: Vec<String> = question
                .answer
                .options()
                .iter()
                .filter(|o| o.exclusive)
                .map(|o| o.code.clone())
                .collect();
            checkboxes(path, options, exclusive, value, on_change).into_any()
        }
        AnswerKind::SingleChoice { .. } | AnswerKind::List { .. } => {
            searchable_list(id, options, value, on_change, described).into_any()
        }
        AnswerKind::Number { .. } | AnswerKind::Year { .. } => {
            let (min, max) = range.unwrap_or((i64::MIN, i64::MAX));
            number_input(id, min, max, value, on_change, described).into_any()
        }
        AnswerKind::ShortText { max_length } => {
            let max = *max_length;
            view! {
                <input
                    id=id
                    class="input"
                    type="text"
                    maxlength=max.to_string()
                    aria-describedby=described
                    prop:value=move || value.get().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        on_change.run((!text.trim().is_empty()).then_some(AnswerValue::Text(text)));
                    }
                />
            }
            .into_any()
        }
        AnswerKind::Info | AnswerKind::Group { .. } => ().into_any(),
    }
}

fn radios(
    path: &str,
    options: Vec<Offered>,
    value: Signal<Option<AnswerValue>>,
    on_change: Callback<Option<AnswerValue>>,
) -> impl IntoView {
    let name = format!("r-{path}");
    choices(path, options, move |id, code| {
        let checked_code = code.clone();
        view! {
            <input
                type="radio"
                id=id
                name=name.clone()
                value=code.clone()
                prop:checked=move || value.get().is_some_and(|v| v.as_str() == Some(checked_code.as_str()))
                on:change=move |_| on_change.run(Some(AnswerValue::Text(code.clone())))
            />
        }
        .into_any()
    })
}

fn checkboxes(
    path: &str,
    options: Vec<Offered>,
    exclusive: Vec<String>,
    value: Signal<Option<AnswerValue>>,
    on_change: Callback<Option<AnswerValue>>,
) -> impl IntoView {
    let exclusive = StoredValue::new(exclusive);
    choices(path, options, move |id, code| {
        let checked_code = code.clone();
        view! {
            <input
                type="checkbox"
                id=id
                value=code.clone()
                prop:checked=move || value.get().is_some_and(|v| v.selects(&checked_code))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let mut chosen: Vec<String> = match value.get_untracked() {
                        Some(AnswerValue::Choices(c)) => c,
                        _ => Vec::new(),
                    };
                    chosen.retain(|c| c != &code);
                    if on {
                        // "None of these" excludes the rest, and the rest exclude it.
                        let is_exclusive = exclusive.with_value(|e| e.contains(&code));
                        if is_exclusive {
                            chosen.clear();
                        } else {
                            exclusive.with_value(|e| chosen.retain(|c| !e.contains(c)));
                        }
                        chosen.push(code.clone());
                    }
                    on_change.run((!chosen.is_empty()).then_some(AnswerValue::Choices(chosen)));
                }
            />
        }
        .into_any()
    })
}

/// The options of a radio or checkbox question, each a labelled `input`
/// (made by `input` from its id and code); the first has the question's
/// input id, which the error summary links to.
fn choices(
    path: &str,
    options: Vec<Offered>,
    input: impl Fn(String, String) -> AnyView,
) -> impl IntoView {
    let first_id = input_id(path);
    // Where some options have a picture, every row keeps its place, so that
    // the texts start in one column.
    let pictured = options.iter().any(|o| o.pictogram.is_some());
    view! {
        <div class="choices">
            {options
                .into_iter()
                .enumerate()
                .map(|(i, option)| {
                    let id = if i == 0 { first_id.clone() } else { format!("{first_id}-{i}") };
                    let for_id = id.clone();
                    view! {
                        <label class="choice" for=for_id>
                            {input(id, option.code.clone())}
                            {pictured.then(|| view! { <Pictogram name=option.pictogram/> })}
                            <span>{option.label}<Second text=option.text/></span>
                        </label>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A native select (the phone's own picker) with a search field above it for
/// long lists, matching the name in the current language and the code.
fn searchable_list(
    id: String,
    options: Vec<Offered>,
    value: Signal<Option<AnswerValue>>,
    on_change: Callback<Option<AnswerValue>>,
    described: Signal<String>,
) -> impl IntoView {
    let long = options.len() > 12;
    let filter = RwSignal::new(String::new());
    let options = StoredValue::new(options);
    let search_id = format!("{id}-search");
    let translation = expect_context::<Translation>();
    let shown = move || {
        let needle = filter.get().to_lowercase();
        options.with_value(|all| {
            all.iter()
                .filter(|o| {
                    needle.is_empty()
                        || o.label.to_lowercase().contains(&needle)
                        || o.text.get("en").to_lowercase().contains(&needle)
                        || o.code.to_lowercase() == needle
                        || value.with_untracked(|v| {
                            v.as_ref().and_then(|v| v.as_str()) == Some(o.code.as_str())
                        })
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        {long.then(|| view! {
            <div class="list-search">
                <label class="list-search__label" for=search_id.clone()>{move || tr("list-search")}</label>
                <input
                    id=search_id.clone()
                    class="input"
                    type="search"
                    autocomplete="off"
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
            </div>
        })}
        <select
            id=id
            class="select"
            aria-describedby=described
            on:change=move |ev| {
                let code = event_target_value(&ev);
                on_change.run((!code.is_empty()).then_some(AnswerValue::Text(code)));
            }
        >
            <option value="" selected=move || value.get().is_none()>{move || tr("list-choose")}</option>
            {move || {
                let current = value.get().and_then(|v| v.as_str().map(str::to_owned));
                shown()
                    .into_iter()
                    .map(|o| {
                        let selected = current.as_deref() == Some(o.code.as_str());
                        // An <option> holds text only: the translation follows the name.
                        let label = match translation.shown() {
                            Some(second) if o.text.has(second.code()) => {
                                format!("{} — {}", o.label, o.text.get(second.code()))
                            }
                            _ => o.label,
                        };
                        view! { <option value=o.code selected=selected>{label}</option> }
                    })
                    .collect_view()
            }}
        </select>
    }
}

/// A whole-number field that accepts Eastern Arabic and Persian digits.
fn number_input(
    id: String,
    min: i64,
    max: i64,
    value: Signal<Option<AnswerValue>>,
    on_change: Callback<Option<AnswerValue>>,
    described: Signal<String>,
) -> impl IntoView {
    view! {
        <input
            id=id
            class="input input--number"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            dir="ltr"
            data-min=min.to_string()
            data-max=max.to_string()
            aria-describedby=described
            prop:value=move || match value.get() {
                Some(AnswerValue::Number(n)) => n.to_string(),
                Some(AnswerValue::Text(t)) => t,
                _ => String::new(),
            }
            on:change=move |ev| {
                let raw = normalize_digits(&event_target_value(&ev));
                let answer = if raw.is_empty() {
                    None
                } else {
                    Some(raw.parse::<i64>().map_or(AnswerValue::Text(raw), AnswerValue::Number))
                };
                on_change.run(answer);
            }
        />
    }
}

/// Field errors by path, from the server or the client's own check.
pub type FieldMessages = BTreeMap<String, String>;
