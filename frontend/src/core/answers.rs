//! Answers as text: a part's label–value rows and a group entry's title,
//! in one language. The applicant's summary and the back office's person
//! page (which shows them in two languages side by side) read the same.

use kartlegg_shared::codes::CodeLists;
use kartlegg_shared::questionnaire::{AnswerValue, Answers, Question, Questionnaire};

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

/// The answer key each of `rows`' rows shows, in the same order (a group's
/// entries all show the group's answer): what the back office looks each
/// row's provenance up by.
pub fn row_keys(q: &Questionnaire, answers: &Answers, section: &str) -> Vec<String> {
    let evaluation = kartlegg_shared::questionnaire::evaluate(q, answers);
    let Some(view) = evaluation.section(section) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for v in &view.questions {
        match answers.get(&v.question.id) {
            Some(AnswerValue::Group(entries)) => {
                out.extend(entries.iter().map(|_| v.question.id.clone()));
            }
            Some(_) => out.push(v.question.id.clone()),
            None => {}
        }
    }
    out
}

/// The title of a group entry from its answers: its first two chosen
/// options or list items ("Primary school, Eritrea"), else its first answer.
pub fn entry_title(
    q: &Questionnaire,
    lists: &CodeLists,
    group: &Question,
    entry: &Answers,
    lang: &str,
) -> Option<String> {
    let subs = group.answer.group_questions()?;
    let answered = || {
        subs.iter()
            .filter_map(|sq| entry.answered(&sq.id).map(|v| (sq, v)))
    };
    let chosen: Vec<String> = answered()
        .filter(|(sq, _)| !sq.answer.options().is_empty() || sq.answer.list().is_some())
        .filter(|(sq, _)| sq.answer.options().len() != 2 || sq.answer.list().is_some())
        .take(2)
        .map(|(sq, v)| display(q, lists, sq, v, lang))
        .collect();
    if chosen.is_empty() {
        answered()
            .next()
            .map(|(sq, v)| display(q, lists, sq, v, lang))
    } else {
        Some(chosen.join(", "))
    }
}

/// An answer as text in `lang`: option and list codes by name.
pub fn display(
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
