//! A part page's state as plain data, and the decisions the page takes on
//! it: which questions are marked, what the error summary lists and in
//! which order, whether Next may leave, and where Back and Next lead. The
//! page (`section.rs`) keeps this in signals and draws it; the decisions
//! are tested here, natively, as leptos' todomvc tests its `Todos`.

use std::collections::{BTreeMap, BTreeSet};

use kartlegg_shared::questionnaire::{AnswerState, Answers};
use kartlegg_shared::questionnaire::{Context, ErrorCode, Questionnaire, Submission, validate};

use crate::applicant::components::status_icon::QuestionStatus;
use crate::applicant::form::{PartView, Visible};
use crate::applicant::routes::Route;

/// One part as the page shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PartState {
    /// What the evaluator makes visible, and what is required and missing.
    pub view: PartView,
    /// Answers given but not valid, by path: the shared validator's error
    /// codes for the part as a draft (checked as typed).
    pub invalid: BTreeMap<String, String>,
    /// The server's refusals from the last save, by path.
    pub server_errors: BTreeMap<String, String>,
    /// Whether Next was tried here with answers missing or invalid.
    pub attempted: bool,
}

/// What the error summary at the top of the part shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Its heading's key: "missing" when every entry is a missing answer,
    /// "needs attention" as soon as one is a wrong one.
    pub heading: &'static str,
    /// The questions it links to, in the order they stand on the page.
    pub paths: Vec<String>,
}

/// What Next does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Save the part and go on.
    Save,
    /// Stay: mark the questions, announce `announce` (a key) and move focus
    /// to `focus`, the first question that needs the applicant.
    Stay {
        announce: &'static str,
        focus: Option<String>,
    },
}

impl PartState {
    /// The error code shown for a question: the server's, else the
    /// browser's own.
    pub fn error_code(&self, path: &str) -> Option<&str> {
        self.server_errors
            .get(path)
            .or_else(|| self.invalid.get(path))
            .map(String::as_str)
    }

    /// A question's status icon.
    pub fn status(&self, path: &str) -> QuestionStatus {
        let state = find(&self.view.questions, path).map(|v| v.state);
        if self.error_code(path).is_some() {
            QuestionStatus::Missing
        } else if state == Some(AnswerState::Answered) {
            QuestionStatus::Answered
        } else if self.attempted && self.view.missing.iter().any(|m| m == path) {
            QuestionStatus::Missing
        } else {
            QuestionStatus::NotAnswered
        }
    }

    /// The error summary, if there is anything to list: missing and
    /// invalid answers once Next was tried, the server's refusals always.
    pub fn summary(&self) -> Option<Summary> {
        let mut paths: Vec<String> = Vec::new();
        if self.attempted {
            paths.extend(self.view.missing.iter().cloned());
            paths.extend(self.invalid.keys().cloned());
        }
        paths.extend(self.server_errors.keys().cloned());
        let mut seen = BTreeSet::new();
        paths.retain(|p| seen.insert(p.clone()));
        paths.sort_by_key(|p| order_of(&self.view.questions, p));
        if paths.is_empty() {
            return None;
        }
        let heading = if paths.iter().all(|p| self.view.missing.contains(p)) {
            "error-summary-title"
        } else {
            "error-summary-attention"
        };
        Some(Summary { heading, paths })
    }

    /// Whether Next may save and leave, or must stay and show what is
    /// missing or wrong.
    pub fn next(&self) -> Next {
        let first_invalid = self.invalid.keys().next().cloned();
        if self.view.missing.is_empty() && first_invalid.is_none() {
            return Next::Save;
        }
        let announce = if first_invalid.is_some() {
            "error-summary-attention"
        } else {
            "error-summary-title"
        };
        let focus = self
            .view
            .missing
            .first()
            .cloned()
            .into_iter()
            .chain(first_invalid)
            .min_by_key(|p| order_of(&self.view.questions, p));
        Next::Stay { announce, focus }
    }
}

/// The shared validator's verdict on part `section` as a draft: the codes
/// of answers given but not valid (a missing answer is not one here).
pub fn invalid_answers(
    questionnaire: &Questionnaire,
    answers: &Answers,
    section: &str,
    current_year: i32,
) -> BTreeMap<String, String> {
    let context = Context { current_year };
    match validate(
        questionnaire,
        answers,
        &context,
        Submission::section(section).draft(),
    ) {
        Ok(_) => BTreeMap::new(),
        Err(errors) => errors
            .into_iter()
            .filter(|e| e.code != ErrorCode::Required)
            .map(|e| (e.path, e.code.as_str().to_owned()))
            .collect(),
    }
}

/// Where Next leads from part `index` of `sections` (after a save): the
/// next part, or the summary after the last one or when the part was
/// opened from the summary.
pub fn next_route(sections: &[&str], index: Option<usize>, from_summary: bool) -> String {
    match index.and_then(|i| sections.get(i + 1)) {
        Some(_) if from_summary => Route::Summary.path(),
        Some(id) => Route::Section(id).path(),
        None => Route::Summary.path(),
    }
}

/// Where Back leads from part `index` (after a save): the part before, the
/// overview from the first, the summary when opened from there.
pub fn previous_route(sections: &[&str], index: Option<usize>, from_summary: bool) -> String {
    let previous = index
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| sections.get(i));
    match previous {
        _ if from_summary => Route::Summary.path(),
        Some(id) => Route::Section(id).path(),
        None => Route::Form.path(),
    }
}

/// Where `path` comes on the page (group entries after their group).
pub fn order_of(views: &[Visible], path: &str) -> usize {
    let top = path.split('/').next().unwrap_or_default();
    views
        .iter()
        .position(|v| v.path == top)
        .unwrap_or(usize::MAX)
}

/// The visible question at `path`, inside group entries too.
pub fn find<'a>(views: &'a [Visible], path: &str) -> Option<&'a Visible> {
    views.iter().find_map(|v| {
        if v.path == path {
            Some(v)
        } else {
            v.entries.iter().find_map(|e| find(e, path))
        }
    })
}

#[cfg(test)]
mod tests {
    use kartlegg_shared::questionnaire::{Answers, shipped_v1};

    use super::*;
    use crate::applicant::form::part_view;

    const YEAR: i32 = 2026;

    fn education(answers: &Answers, attempted: bool) -> PartState {
        let q = shipped_v1();
        PartState {
            view: part_view(q, answers, "education", attempted),
            invalid: invalid_answers(q, answers, "education", YEAR),
            server_errors: BTreeMap::new(),
            attempted,
        }
    }

    #[test]
    fn a_number_out_of_range_is_marked_as_typed_before_next_is_tried() {
        let answers = Answers::new()
            .with("went_to_school", "yes")
            .with("school_years", 99);
        let part = education(&answers, false);
        assert_eq!(part.error_code("school_years"), Some("too_large"));
        assert_eq!(part.status("school_years"), QuestionStatus::Missing);
        assert_eq!(part.status("went_to_school"), QuestionStatus::Answered);
        assert_eq!(part.summary(), None, "the summary waits for Next");
    }

    #[test]
    fn missing_answers_are_marked_only_once_next_was_tried() {
        let before = education(&Answers::new(), false);
        assert_eq!(before.status("went_to_school"), QuestionStatus::NotAnswered);
        let after = education(&Answers::new(), true);
        assert_eq!(after.status("went_to_school"), QuestionStatus::Missing);
        assert_eq!(
            after.summary(),
            Some(Summary {
                heading: "error-summary-title",
                paths: after.view.missing.clone(),
            })
        );
    }

    #[test]
    fn next_stays_on_the_first_question_in_page_order_that_needs_the_applicant() {
        let answers = Answers::new()
            .with("went_to_school", "yes")
            .with("school_years", 99);
        let part = education(&answers, false);
        assert!(!part.view.missing.is_empty(), "later questions are missing");
        assert_eq!(
            part.next(),
            Next::Stay {
                announce: "error-summary-attention",
                focus: Some("school_years".to_owned()),
            }
        );
        let empty = education(&Answers::new(), false);
        assert_eq!(
            empty.next(),
            Next::Stay {
                announce: "error-summary-title",
                focus: Some("went_to_school".to_owned()),
            }
        );
    }

    #[test]
    fn the_error_summary_lists_each_question_once_in_page_order() {
        let answers = Answers::new()
            .with("went_to_school", "yes")
            .with("school_years", 99);
        let mut part = education(&answers, true);
        part.server_errors
            .insert("school_years".to_owned(), "too_large".to_owned());
        part.server_errors
            .insert("went_to_school".to_owned(), "not_an_option".to_owned());
        let summary = part.summary().unwrap();
        assert_eq!(summary.heading, "error-summary-attention");
        assert_eq!(&summary.paths[..2], ["went_to_school", "school_years"]);
        let unique: BTreeSet<_> = summary.paths.iter().collect();
        assert_eq!(unique.len(), summary.paths.len());
        assert_eq!(
            part.error_code("went_to_school"),
            Some("not_an_option"),
            "the server's verdict comes first"
        );
    }

    #[test]
    fn back_and_next_lead_to_the_neighbours_or_the_summary() {
        let parts = ["personal", "education", "language"];
        assert_eq!(next_route(&parts, Some(0), false), "/form/education");
        assert_eq!(next_route(&parts, Some(2), false), "/summary");
        assert_eq!(next_route(&parts, Some(0), true), "/summary");
        assert_eq!(previous_route(&parts, Some(1), false), "/form/personal");
        assert_eq!(previous_route(&parts, Some(0), false), "/form");
        assert_eq!(previous_route(&parts, Some(1), true), "/summary");
    }
}
