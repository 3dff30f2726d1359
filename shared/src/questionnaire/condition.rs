//! Follow-up conditions: a small typed expression tree over earlier answers
//! that decides whether a question or an option is shown. It is data (it
//! serializes into the definition file) and has no scripting and no eval.
//!
//! ```json
//! { "op": "all", "of": [
//!     { "op": "equals", "question": "went_to_school", "value": "yes" },
//!     { "op": "compare", "question": "school_years", "cmp": "ge", "value": 1 } ] }
//! ```
//!
//! A reference is a question id. Inside a repeatable group, `group.question`
//! (for example `jobs.country`) means that question in the same entry.

use serde::{Deserialize, Serialize};

use super::answers::{AnswerValue, Answers};

/// A condition over earlier answers. An unanswered or hidden question makes
/// every value test false (and `not_answered` true).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// A single choice's answer is `value`.
    Equals {
        /// The question referred to.
        question: String,
        /// An option code.
        value: String,
    },
    /// A single choice's answer is one of `values`.
    OneOf {
        /// The question referred to.
        question: String,
        /// Option codes.
        values: Vec<String>,
    },
    /// A multiple choice's answer includes `value`.
    Includes {
        /// The question referred to.
        question: String,
        /// An option code.
        value: String,
    },
    /// A number or year answer compared with `value`.
    Compare {
        /// The question referred to.
        question: String,
        /// The comparison.
        cmp: Cmp,
        /// The number compared with.
        value: i64,
    },
    /// The question has an answer.
    Answered {
        /// The question referred to.
        question: String,
    },
    /// The question has no answer.
    NotAnswered {
        /// The question referred to.
        question: String,
    },
    /// Every condition holds (true when empty).
    All {
        /// The conditions.
        #[cfg_attr(feature = "server", schema(no_recursion))]
        of: Vec<Condition>,
    },
    /// At least one condition holds (false when empty).
    Any {
        /// The conditions.
        #[cfg_attr(feature = "server", schema(no_recursion))]
        of: Vec<Condition>,
    },
    /// The condition does not hold.
    Not {
        /// The condition.
        #[cfg_attr(feature = "server", schema(no_recursion))]
        of: Box<Condition>,
    },
}

/// A number comparison: answer `cmp` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    /// Equal.
    Eq,
    /// Not equal.
    Ne,
    /// Less than.
    Lt,
    /// Less than or equal.
    Le,
    /// Greater than.
    Gt,
    /// Greater than or equal.
    Ge,
}

impl Cmp {
    fn holds(self, left: i64, right: i64) -> bool {
        match self {
            Self::Eq => left == right,
            Self::Ne => left != right,
            Self::Lt => left < right,
            Self::Le => left <= right,
            Self::Gt => left > right,
            Self::Ge => left >= right,
        }
    }
}

/// How a condition uses a question it refers to; the loader checks that the
/// question's kind supports it and that named codes exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefUse<'c> {
    /// `equals` / `one_of`: a single choice and its codes.
    SingleCodes(&'c [String]),
    /// `includes`: a multiple choice and a code.
    Includes(&'c str),
    /// `compare`: a number or a year.
    Number,
    /// `answered` / `not_answered`: any answerable question.
    Presence,
}

/// The answers a condition can see: the questionnaire's, and inside a group
/// the current entry's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub top: &'a Answers,
    /// The group's id and the entry being evaluated.
    pub entry: Option<(&'a str, &'a Answers)>,
}

impl<'a> Scope<'a> {
    pub(crate) fn top(top: &'a Answers) -> Self {
        Self { top, entry: None }
    }

    fn answer(&self, reference: &str) -> Option<&'a AnswerValue> {
        match reference.split_once('.') {
            None => self.top.answered(reference),
            Some((group, local)) => match self.entry {
                Some((current, entry)) if current == group => entry.answered(local),
                _ => None,
            },
        }
    }
}

impl Condition {
    /// Whether the condition holds over `answers` (top-level questions only).
    /// The caller is responsible for passing answers in which hidden
    /// questions have been pruned; [`super::prune`] does.
    pub fn holds(&self, answers: &Answers) -> bool {
        self.holds_in(Scope::top(answers))
    }

    pub(crate) fn holds_in(&self, scope: Scope<'_>) -> bool {
        match self {
            Self::Equals { question, value } => {
                scope.answer(question).and_then(AnswerValue::as_str) == Some(value)
            }
            Self::OneOf { question, values } => scope
                .answer(question)
                .and_then(AnswerValue::as_str)
                .is_some_and(|a| values.iter().any(|v| v == a)),
            Self::Includes { question, value } => {
                scope.answer(question).is_some_and(|a| a.selects(value))
            }
            Self::Compare {
                question,
                cmp,
                value,
            } => scope
                .answer(question)
                .and_then(AnswerValue::as_number)
                .is_some_and(|a| cmp.holds(a, *value)),
            Self::Answered { question } => scope.answer(question).is_some(),
            Self::NotAnswered { question } => scope.answer(question).is_none(),
            Self::All { of } => of.iter().all(|c| c.holds_in(scope)),
            Self::Any { of } => of.iter().any(|c| c.holds_in(scope)),
            Self::Not { of } => !of.holds_in(scope),
        }
    }

    /// Calls `f` with every question reference and how it is used.
    pub(crate) fn visit_refs<'c>(&'c self, f: &mut impl FnMut(&'c str, RefUse<'c>)) {
        match self {
            Self::Equals { question, value } => {
                f(question, RefUse::SingleCodes(std::slice::from_ref(value)))
            }
            Self::OneOf { question, values } => f(question, RefUse::SingleCodes(values)),
            Self::Includes { question, value } => f(question, RefUse::Includes(value)),
            Self::Compare { question, .. } => f(question, RefUse::Number),
            Self::Answered { question } | Self::NotAnswered { question } => {
                f(question, RefUse::Presence)
            }
            Self::All { of } | Self::Any { of } => of.iter().for_each(|c| c.visit_refs(f)),
            Self::Not { of } => of.visit_refs(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(json: serde_json::Value) -> Condition {
        serde_json::from_value(json).unwrap()
    }

    fn answers() -> Answers {
        Answers::new()
            .with("school", "yes")
            .with("devices", ["phone", "tablet"])
            .with("years", 4)
            .with("typed_years", "۷")
            .with("blank", " ")
    }

    #[test]
    fn equals_holds_only_for_that_code() {
        let a = answers();
        assert!(
            cond(serde_json::json!({"op": "equals", "question": "school", "value": "yes"}))
                .holds(&a)
        );
        assert!(
            !cond(serde_json::json!({"op": "equals", "question": "school", "value": "no"}))
                .holds(&a)
        );
        assert!(
            !cond(serde_json::json!({"op": "equals", "question": "missing", "value": "yes"}))
                .holds(&a)
        );
    }

    #[test]
    fn one_of_holds_for_any_listed_code() {
        let a = answers();
        assert!(
            cond(
                serde_json::json!({"op": "one_of", "question": "school", "values": ["no", "yes"]})
            )
            .holds(&a)
        );
        assert!(
            !cond(serde_json::json!({"op": "one_of", "question": "school", "values": ["no"]}))
                .holds(&a)
        );
    }

    #[test]
    fn includes_holds_when_multiple_choice_contains_code() {
        let a = answers();
        assert!(
            cond(serde_json::json!({"op": "includes", "question": "devices", "value": "tablet"}))
                .holds(&a)
        );
        assert!(
            !cond(
                serde_json::json!({"op": "includes", "question": "devices", "value": "computer"})
            )
            .holds(&a)
        );
    }

    #[test]
    fn compare_reads_numbers_including_typed_digits() {
        let a = answers();
        let c = |cmp: &str, v: i64| {
            cond(serde_json::json!({"op": "compare", "question": "years", "cmp": cmp, "value": v}))
        };
        assert!(c("eq", 4).holds(&a));
        assert!(c("ne", 5).holds(&a));
        assert!(c("lt", 5).holds(&a) && !c("lt", 4).holds(&a));
        assert!(c("le", 4).holds(&a) && !c("le", 3).holds(&a));
        assert!(c("gt", 3).holds(&a) && !c("gt", 4).holds(&a));
        assert!(c("ge", 4).holds(&a) && !c("ge", 5).holds(&a));
        let typed = cond(
            serde_json::json!({"op": "compare", "question": "typed_years", "cmp": "eq", "value": 7}),
        );
        assert!(typed.holds(&a));
    }

    #[test]
    fn compare_is_false_when_unanswered() {
        let c = cond(
            serde_json::json!({"op": "compare", "question": "nothing", "cmp": "ne", "value": 1}),
        );
        assert!(!c.holds(&answers()));
    }

    #[test]
    fn answered_and_not_answered_treat_blank_as_unanswered() {
        let a = answers();
        assert!(cond(serde_json::json!({"op": "answered", "question": "school"})).holds(&a));
        assert!(!cond(serde_json::json!({"op": "answered", "question": "blank"})).holds(&a));
        assert!(cond(serde_json::json!({"op": "not_answered", "question": "blank"})).holds(&a));
        assert!(cond(serde_json::json!({"op": "not_answered", "question": "nothing"})).holds(&a));
    }

    #[test]
    fn all_any_not_combine() {
        let a = answers();
        let yes = serde_json::json!({"op": "equals", "question": "school", "value": "yes"});
        let no = serde_json::json!({"op": "equals", "question": "school", "value": "no"});
        assert!(cond(serde_json::json!({"op": "all", "of": [yes, yes]})).holds(&a));
        assert!(!cond(serde_json::json!({"op": "all", "of": [yes, no]})).holds(&a));
        assert!(cond(serde_json::json!({"op": "any", "of": [no, yes]})).holds(&a));
        assert!(!cond(serde_json::json!({"op": "any", "of": [no, no]})).holds(&a));
        assert!(cond(serde_json::json!({"op": "not", "of": no})).holds(&a));
        assert!(cond(serde_json::json!({"op": "all", "of": []})).holds(&a));
        assert!(!cond(serde_json::json!({"op": "any", "of": []})).holds(&a));
    }

    #[test]
    fn group_reference_reads_the_current_entry_only() {
        let top = Answers::new().with("country", "SYR");
        let entry = Answers::new().with("country", "IRN");
        let c =
            cond(serde_json::json!({"op": "equals", "question": "jobs.country", "value": "IRN"}));
        assert!(c.holds_in(Scope {
            top: &top,
            entry: Some(("jobs", &entry))
        }));
        // Another group's entry, or no entry, does not resolve the reference.
        assert!(!c.holds_in(Scope {
            top: &top,
            entry: Some(("studies", &entry))
        }));
        assert!(!c.holds(&top));
    }

    #[test]
    fn condition_refuses_unknown_operators_and_fields() {
        assert!(
            serde_json::from_value::<Condition>(serde_json::json!({"op": "eval", "code": "1"}))
                .is_err()
        );
        assert!(
            serde_json::from_value::<Condition>(
                serde_json::json!({"op": "answered", "question": "a", "x": 1})
            )
            .is_err()
        );
    }
}
