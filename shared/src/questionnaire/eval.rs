//! The evaluator: which questions and options are visible for an answer set,
//! in order, whether each is answered, and which required ones are missing.
//! The browser calls it on every change to show follow-ups; the server calls
//! the same code before it stores anything.
//!
//! Visibility is decided front to back: a condition sees only answers to
//! questions that are themselves visible, so a stale answer to a hidden
//! question never shows a follow-up. The loader guarantees that conditions
//! refer only backwards, which makes one pass enough.

use super::answers::{AnswerValue, Answers};
use super::condition::Scope;
use super::model::{AnswerKind, ChoiceOption, Question, Questionnaire, Section};

/// Facts the evaluator and validator take from outside instead of reading
/// them themselves, so that the browser and the server decide alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// The current calendar year, for year questions' ranges.
    pub current_year: i32,
}

/// The state of a visible question, shown as one of the status icons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerState {
    /// Nothing answered yet.
    NotAnswered,
    /// Answered (not necessarily valid: that is the validator's call).
    Answered,
    /// An information text: there is nothing to answer.
    Information,
}

/// A visible question with its state.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView<'q> {
    /// The question.
    pub question: &'q Question,
    /// Where its answer lives: `school_level`, or `jobs/0/occupation` in a group.
    pub path: String,
    /// Answered or not.
    pub state: AnswerState,
    /// The inline options currently visible, in order (choice kinds only).
    pub options: Vec<&'q ChoiceOption>,
    /// For a repeatable group, each entry's visible questions.
    pub entries: Vec<Vec<QuestionView<'q>>>,
}

/// One section's visible questions and what is missing in it.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionView<'q> {
    /// The section.
    pub section: &'q Section,
    /// Its visible questions, in order.
    pub questions: Vec<QuestionView<'q>>,
    /// Paths of visible required questions without an answer, in order:
    /// what "tried to continue without answering" points at.
    pub missing: Vec<String>,
}

/// The evaluator's verdict on an answer set.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation<'q> {
    /// Every section, in order.
    pub sections: Vec<SectionView<'q>>,
}

impl Evaluation<'_> {
    /// A section's view.
    pub fn section(&self, id: &str) -> Option<&SectionView<'_>> {
        self.sections.iter().find(|s| s.section.id == id)
    }

    /// The missing paths of a section (empty for an unknown section).
    pub fn missing(&self, section_id: &str) -> &[String] {
        self.section(section_id).map_or(&[], |s| &s.missing)
    }

    /// Whether no section misses a required answer.
    pub fn is_complete(&self) -> bool {
        self.sections.iter().all(|s| s.missing.is_empty())
    }

    /// Every visible question's path, in order, groups' entries included.
    pub fn visible_paths(&self) -> Vec<&str> {
        fn walk<'a>(views: &'a [QuestionView<'_>], out: &mut Vec<&'a str>) {
            for v in views {
                out.push(&v.path);
                for entry in &v.entries {
                    walk(entry, out);
                }
            }
        }
        let mut out = Vec::new();
        for s in &self.sections {
            walk(&s.questions, &mut out);
        }
        out
    }
}

impl Questionnaire {
    /// Every top-level question, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| &s.questions)
    }
}

pub(crate) fn question_visible(question: &Question, scope: Scope<'_>) -> bool {
    question
        .visible_if
        .as_ref()
        .is_none_or(|c| c.holds_in(scope))
}

pub(crate) fn option_visible(option: &ChoiceOption, scope: Scope<'_>) -> bool {
    option.visible_if.as_ref().is_none_or(|c| c.holds_in(scope))
}

/// Whether `code` is hidden by an option condition. Codes that come from a
/// code list, or are no option at all, are not "hidden".
pub(crate) fn option_hidden(question: &Question, code: &str, scope: Scope<'_>) -> bool {
    question
        .answer
        .options()
        .iter()
        .any(|o| o.code == code && !option_visible(o, scope))
}

/// Drops every answer that is not visible: answers to hidden questions, to
/// questions that do not exist, chosen options that are hidden, and empty
/// values. What is left is what may be stored.
pub fn prune(questionnaire: &Questionnaire, answers: &Answers) -> Answers {
    let mut out = Answers::new();
    for question in questionnaire.questions() {
        if !question_visible(question, Scope::top(&out)) {
            continue;
        }
        let Some(value) = answers.answered(&question.id) else {
            continue;
        };
        if let Some(kept) = prune_value(question, value, &out, None) {
            out.set(question.id.clone(), kept);
        }
    }
    out
}

/// What a client sends when it saves part `section`: that part's answers,
/// [`prune`]d first, so that an answer hidden by a change of mind ("Yes",
/// 4 years, then "No") is neither sent nor kept on the device.
pub fn section_payload(questionnaire: &Questionnaire, answers: &Answers, section: &str) -> Answers {
    section_answers(questionnaire, &prune(questionnaire, answers), section)
}

/// The answers to part `section`'s questions, as they are (for answer sets
/// already pruned, so that comparing parts prunes once, not once a part).
pub fn section_answers(questionnaire: &Questionnaire, answers: &Answers, section: &str) -> Answers {
    let mut out = Answers::new();
    for (id, value) in answers.iter() {
        if questionnaire.section_of(id) == Some(section) {
            out.set(id, value.clone());
        }
    }
    out
}

pub(crate) fn prune_value(
    question: &Question,
    value: &AnswerValue,
    top: &Answers,
    entry: Option<(&str, &Answers)>,
) -> Option<AnswerValue> {
    let scope = Scope { top, entry };
    match (&question.answer, value) {
        (AnswerKind::Group { questions, .. }, AnswerValue::Group(entries)) => {
            Some(AnswerValue::Group(
                entries
                    .iter()
                    .map(|e| prune_entry(&question.id, questions, e, top))
                    .collect(),
            ))
        }
        (AnswerKind::MultipleChoice { .. }, AnswerValue::Choices(codes)) => {
            let kept: Vec<String> = codes
                .iter()
                .filter(|c| !option_hidden(question, c, scope))
                .cloned()
                .collect();
            (!kept.is_empty()).then_some(AnswerValue::Choices(kept))
        }
        (kind, AnswerValue::Text(code))
            if kind.is_single_choice() && option_hidden(question, code, scope) =>
        {
            None
        }
        _ => Some(value.clone()),
    }
}

fn prune_entry(group: &str, questions: &[Question], entry: &Answers, top: &Answers) -> Answers {
    let mut out = Answers::new();
    for sub in questions {
        if !question_visible(
            sub,
            Scope {
                top,
                entry: Some((group, &out)),
            },
        ) {
            continue;
        }
        let Some(value) = entry.answered(&sub.id) else {
            continue;
        };
        if let Some(kept) = prune_value(sub, value, top, Some((group, &out))) {
            out.set(sub.id.clone(), kept);
        }
    }
    out
}

/// Which questions are visible, in order, their states, and what is missing
/// per section.
pub fn evaluate<'q>(questionnaire: &'q Questionnaire, answers: &Answers) -> Evaluation<'q> {
    // On pruned answers every condition sees exactly the visible answers;
    // conditions only look backwards, so whole-set evaluation equals the
    // front-to-back pass.
    let pruned = prune(questionnaire, answers);
    let sections = questionnaire
        .sections
        .iter()
        .map(|section| {
            let questions = views(&section.questions, &pruned, None, "");
            let mut missing = Vec::new();
            collect_missing(&questions, &mut missing);
            SectionView {
                section,
                questions,
                missing,
            }
        })
        .collect();
    Evaluation { sections }
}

fn views<'q>(
    questions: &'q [Question],
    top: &Answers,
    entry: Option<(&str, &Answers)>,
    prefix: &str,
) -> Vec<QuestionView<'q>> {
    let own = entry.map_or(top, |(_, e)| e);
    questions
        .iter()
        .filter(|q| question_visible(q, Scope { top, entry }))
        .map(|question| {
            let scope = Scope { top, entry };
            let value = own.answered(&question.id);
            let path = format!("{prefix}{}", question.id);
            let state = match (&question.answer, value) {
                (AnswerKind::Info, _) => AnswerState::Information,
                (_, Some(_)) => AnswerState::Answered,
                (_, None) => AnswerState::NotAnswered,
            };
            let options = question
                .answer
                .options()
                .iter()
                .filter(|o| option_visible(o, scope))
                .collect();
            let entries = match (&question.answer, value) {
                (
                    AnswerKind::Group {
                        questions: subs, ..
                    },
                    Some(AnswerValue::Group(list)),
                ) => list
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        views(subs, top, Some((&question.id, e)), &format!("{path}/{i}/"))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            QuestionView {
                question,
                path,
                state,
                options,
                entries,
            }
        })
        .collect()
}

fn collect_missing(views: &[QuestionView<'_>], out: &mut Vec<String>) {
    for v in views {
        if v.state == AnswerState::NotAnswered && v.question.is_required() {
            out.push(v.path.clone());
        }
        for entry in &v.entries {
            collect_missing(entry, out);
        }
    }
}
