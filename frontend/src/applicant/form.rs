//! The form's state logic as plain functions, tested natively: reading and
//! writing answers by path (`jobs/0/occupation`), how far the progressive
//! disclosure reaches, and each part's progress for the overview.

use kartlegg_shared::questionnaire::{
    AnswerState, AnswerValue, Answers, Evaluation, Question, QuestionView, Questionnaire,
};

/// A part's progress on the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    InProgress,
    Done,
}

impl Progress {
    /// The translation key of its label.
    pub fn key(self) -> &'static str {
        match self {
            Self::NotStarted => "progress-not-started",
            Self::InProgress => "progress-in-progress",
            Self::Done => "progress-done",
        }
    }
}

/// A part is done once saved with nothing required missing, in progress once
/// it has an answer or was saved, and not started otherwise.
pub fn progress(evaluation: &Evaluation<'_>, saved_sections: &[String], section: &str) -> Progress {
    let Some(view) = evaluation.section(section) else {
        return Progress::NotStarted;
    };
    let saved = saved_sections.iter().any(|s| s == section);
    let any_answer = view
        .questions
        .iter()
        .any(|q| q.state == AnswerState::Answered);
    match (saved && view.missing.is_empty(), saved || any_answer) {
        (true, _) => Progress::Done,
        (false, true) => Progress::InProgress,
        (false, false) => Progress::NotStarted,
    }
}

/// How many of a part's visible questions to show: every answered one and
/// the first required unanswered one ("the next question appears
/// automatically"); all of them once the applicant tried to continue.
pub fn shown_count(questions: &[QuestionView<'_>], show_all: bool) -> usize {
    if show_all {
        return questions.len();
    }
    questions
        .iter()
        .position(|q| q.state == AnswerState::NotAnswered && q.question.is_required())
        .map_or(questions.len(), |i| i + 1)
}

/// The answer at `path`: a question id, or `group/index/question` inside a
/// repeatable group.
pub fn get_path(answers: &Answers, path: &str) -> Option<AnswerValue> {
    match split_group_path(path) {
        None => answers.get(path).cloned(),
        Some((group, index, id)) => match answers.get(group)? {
            AnswerValue::Group(entries) => entries.get(index)?.get(id).cloned(),
            _ => None,
        },
    }
}

/// Sets (or with `None` clears) the answer at `path`.
pub fn set_path(answers: &mut Answers, path: &str, value: Option<AnswerValue>) {
    match split_group_path(path) {
        None => match value {
            Some(v) => {
                answers.set(path, v);
            }
            None => {
                answers.remove(path);
            }
        },
        Some((group, index, id)) => {
            let mut entries = match answers.get(group) {
                Some(AnswerValue::Group(entries)) => entries.clone(),
                _ => Vec::new(),
            };
            while entries.len() <= index {
                entries.push(Answers::new());
            }
            match value {
                Some(v) => {
                    entries[index].set(id, v);
                }
                None => {
                    entries[index].remove(id);
                }
            }
            answers.set(group, AnswerValue::Group(entries));
        }
    }
}

/// The number of entries of a repeatable group.
pub fn entry_count(answers: &Answers, group: &str) -> usize {
    match answers.get(group) {
        Some(AnswerValue::Group(entries)) => entries.len(),
        _ => 0,
    }
}

/// Adds an empty entry to a group.
pub fn add_entry(answers: &mut Answers, group: &str) {
    let mut entries = match answers.get(group) {
        Some(AnswerValue::Group(entries)) => entries.clone(),
        _ => Vec::new(),
    };
    entries.push(Answers::new());
    answers.set(group, AnswerValue::Group(entries));
}

/// Removes entry `index` of a group and returns it, for undo.
pub fn remove_entry(answers: &mut Answers, group: &str, index: usize) -> Option<Answers> {
    let Some(AnswerValue::Group(entries)) = answers.get(group) else {
        return None;
    };
    let mut entries = entries.clone();
    if index >= entries.len() {
        return None;
    }
    let removed = entries.remove(index);
    answers.set(group, AnswerValue::Group(entries));
    Some(removed)
}

/// Puts a removed entry back at `index`.
pub fn restore_entry(answers: &mut Answers, group: &str, index: usize, entry: Answers) {
    let mut entries = match answers.get(group) {
        Some(AnswerValue::Group(entries)) => entries.clone(),
        _ => Vec::new(),
    };
    entries.insert(index.min(entries.len()), entry);
    answers.set(group, AnswerValue::Group(entries));
}

/// The question a path names (`id` or `group/i/id`).
pub fn question_for<'q>(q: &'q Questionnaire, path: &str) -> Option<&'q Question> {
    match split_group_path(path) {
        Some((group, _, id)) => q.question(&format!("{group}.{id}")),
        None => q.question(path),
    }
}

fn split_group_path(path: &str) -> Option<(&str, usize, &str)> {
    let mut parts = path.splitn(3, '/');
    let group = parts.next()?;
    let index = parts.next()?.parse().ok()?;
    let id = parts.next()?;
    Some((group, index, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kartlegg_shared::questionnaire::{evaluate, shipped_v1};

    #[test]
    fn paths_reach_into_group_entries() {
        let mut a = Answers::new();
        set_path(&mut a, "jobs/1/occupation", Some("71".into()));
        assert_eq!(entry_count(&a, "jobs"), 2);
        assert_eq!(get_path(&a, "jobs/1/occupation"), Some("71".into()));
        assert_eq!(get_path(&a, "jobs/0/occupation"), None);
        set_path(&mut a, "jobs/1/occupation", None);
        assert_eq!(get_path(&a, "jobs/1/occupation"), None);
    }

    #[test]
    fn removed_entry_can_be_restored_in_place() {
        let mut a = Answers::new();
        set_path(&mut a, "jobs/0/occupation", Some("71".into()));
        set_path(&mut a, "jobs/1/occupation", Some("51".into()));
        let removed = remove_entry(&mut a, "jobs", 0).unwrap();
        assert_eq!(get_path(&a, "jobs/0/occupation"), Some("51".into()));
        restore_entry(&mut a, "jobs", 0, removed);
        assert_eq!(get_path(&a, "jobs/0/occupation"), Some("71".into()));
    }

    #[test]
    fn only_the_next_required_question_appears_until_it_is_answered() {
        let q = shipped_v1();
        let empty = evaluate(q, &Answers::new());
        let education = &empty.section("education").unwrap().questions;
        assert_eq!(shown_count(education, false), 1);
        let answered = evaluate(q, &Answers::new().with("went_to_school", "no"));
        let education = &answered.section("education").unwrap().questions;
        assert_eq!(shown_count(education, false), 2, "the follow-up appears");
        assert_eq!(shown_count(education, true), education.len());
    }

    #[test]
    fn part_progress_follows_answers_and_saves() {
        let q = shipped_v1();
        let none = evaluate(q, &Answers::new());
        assert_eq!(progress(&none, &[], "education"), Progress::NotStarted);
        let some = evaluate(q, &Answers::new().with("went_to_school", "no"));
        assert_eq!(progress(&some, &[], "education"), Progress::InProgress);
        assert_eq!(
            progress(&some, &["education".into()], "education"),
            Progress::InProgress
        );
    }
}

/// A visible question as the page renders it, owned so that it can live in a
/// memo: its path, state, visible option codes and, for a group, its entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Visible {
    pub path: String,
    pub id: String,
    pub state: AnswerState,
    pub options: Vec<String>,
    pub entries: Vec<Vec<Visible>>,
}

/// A part as the page renders it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PartView {
    pub questions: Vec<Visible>,
    pub missing: Vec<String>,
    pub shown: usize,
}

/// Evaluates one part for rendering.
pub fn part_view(
    questionnaire: &kartlegg_shared::questionnaire::Questionnaire,
    answers: &Answers,
    section: &str,
    show_all: bool,
) -> PartView {
    fn own(views: &[QuestionView<'_>]) -> Vec<Visible> {
        views
            .iter()
            .map(|v| Visible {
                path: v.path.clone(),
                id: v.question.id.clone(),
                state: v.state,
                options: v.options.iter().map(|o| o.code.clone()).collect(),
                entries: v.entries.iter().map(|e| own(e)).collect(),
            })
            .collect()
    }
    let evaluation = kartlegg_shared::questionnaire::evaluate(questionnaire, answers);
    let Some(view) = evaluation.section(section) else {
        return PartView::default();
    };
    PartView {
        questions: own(&view.questions),
        missing: view.missing.clone(),
        shown: shown_count(&view.questions, show_all),
    }
}
