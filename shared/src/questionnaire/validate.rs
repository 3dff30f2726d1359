//! The validator: turns a submitted answer set into the normalised answers
//! that may be stored, or into field errors with stable codes. The browser
//! runs it before sending (in wasm) and the server runs it again before
//! storing; both get the same verdict.
//!
//! Normalising means: strings of digits for number and year questions become
//! numbers (Eastern Arabic and Persian digits included), short texts are
//! trimmed, multiple choices are de-duplicated and put in option order, and
//! empty values are dropped. Answers to questions and options that a
//! condition hides are dropped too, never stored and never an error: an
//! applicant who answers "Yes", types a follow-up and then
//! changes to "No" has done nothing wrong, and must not be asked to clear an
//! answer they can no longer see. Clients [`super::prune`] before sending as
//! well, so that what they send is what is stored.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::answers::{AnswerValue, Answers};
use super::condition::Scope;
use super::eval::{Context, prune_value, question_visible};
use super::model::{AnswerKind, Question, Questionnaire};
use crate::text::{Lines, check_text};

/// Why an answer was refused. Serializes as a `snake_case` string that the
/// API returns in problem+json details and the browser translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A visible required question has no answer.
    Required,
    /// The code is not one of the question's options.
    NotAnOption,
    /// A number or year question got something that is not a whole number.
    NotANumber,
    /// The number or year is below the allowed range.
    TooSmall,
    /// The number or year is above the allowed range.
    TooLarge,
    /// The text is longer than allowed.
    TooLong,
    /// Fewer choices or entries than required.
    TooFew,
    /// More choices or entries than allowed, or an exclusive option combined
    /// with another.
    TooMany,
    /// No question has this id.
    UnknownQuestion,
    /// The value has the wrong shape for the question (for example a list
    /// for a number, or any value for an information text).
    WrongType,
    /// A free-text answer holds a control character (tab and line breaks
    /// included: the answers are one line).
    ControlCharacters,
}

impl ErrorCode {
    /// Every code, so that clients can check they have a message for each.
    pub const ALL: [ErrorCode; 11] = [
        Self::Required,
        Self::NotAnOption,
        Self::NotANumber,
        Self::TooSmall,
        Self::TooLarge,
        Self::TooLong,
        Self::TooFew,
        Self::TooMany,
        Self::UnknownQuestion,
        Self::WrongType,
        Self::ControlCharacters,
    ];

    /// The stable code string.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::NotAnOption => "not_an_option",
            Self::NotANumber => "not_a_number",
            Self::TooSmall => "too_small",
            Self::TooLarge => "too_large",
            Self::TooLong => "too_long",
            Self::TooFew => "too_few",
            Self::TooMany => "too_many",
            Self::UnknownQuestion => "unknown_question",
            Self::WrongType => "wrong_type",
            Self::ControlCharacters => crate::text::CONTROL_CHARACTERS,
        }
    }

    /// An English explanation for developers and logs.
    pub const fn message(self) -> &'static str {
        match self {
            Self::Required => "An answer is required",
            Self::NotAnOption => "The value is not one of the options",
            Self::NotANumber => "The value is not a whole number",
            Self::TooSmall => "The number is below the allowed range",
            Self::TooLarge => "The number is above the allowed range",
            Self::TooLong => "The text is too long",
            Self::TooFew => "Too few choices or entries",
            Self::TooMany => "Too many choices or entries",
            Self::UnknownQuestion => "There is no such question",
            Self::WrongType => "The value has the wrong type for this question",
            Self::ControlCharacters => "The text holds a control character",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One refused answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AnswerError {
    /// Where: a question id (`school_level`) or, in a group,
    /// `group/entry index/question` (`jobs/0/occupation`).
    pub path: String,
    /// Why.
    pub code: ErrorCode,
}

impl AnswerError {
    fn new(path: impl Into<String>, code: ErrorCode) -> Self {
        Self {
            path: path.into(),
            code,
        }
    }
}

impl From<&AnswerError> for crate::problem::FieldError {
    fn from(e: &AnswerError) -> Self {
        Self::new(e.path.clone(), e.code.as_str(), e.code.message())
    }
}

/// What is being submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Submission<'a> {
    /// `Some(section id)` to check one section, `None` for the whole registration.
    pub section: Option<&'a str>,
    /// Whether missing required answers are errors. A part that is saved on
    /// the way (a draft) may be incomplete; "Next" and "Complete" may not.
    pub require_answers: bool,
}

impl<'a> Submission<'a> {
    /// One section, complete.
    pub fn section(id: &'a str) -> Self {
        Self {
            section: Some(id),
            require_answers: true,
        }
    }

    /// The whole registration, complete.
    pub fn whole() -> Self {
        Self {
            section: None,
            require_answers: true,
        }
    }

    /// The same, but missing answers are not errors.
    #[must_use]
    pub fn draft(self) -> Self {
        Self {
            require_answers: false,
            ..self
        }
    }
}

/// Validates `answers` (the whole answer set, since conditions look back into
/// earlier sections). Errors are reported for the submitted section (or all
/// of them), plus unknown questions anywhere, in definition order.
///
/// On success the answer set to store is returned: the submitted section's
/// answers normalised, and every section pruned to what is visible. For a
/// section submission, other sections' answers are pruned but not checked;
/// completing a registration runs [`Submission::whole`], which checks all.
/// An unknown section id is reported as `unknown_question` at that id.
pub fn validate(
    questionnaire: &Questionnaire,
    answers: &Answers,
    context: &Context,
    submission: Submission<'_>,
) -> Result<Answers, Vec<AnswerError>> {
    let mut errors = Vec::new();
    if let Some(id) = submission.section
        && questionnaire.section(id).is_none()
    {
        errors.push(AnswerError::new(id, ErrorCode::UnknownQuestion));
    }
    for (id, _) in answers.iter() {
        if questionnaire.question(id).is_none() || id.contains('.') {
            errors.push(AnswerError::new(id, ErrorCode::UnknownQuestion));
        }
    }
    let mut out = Answers::new();
    for section in &questionnaire.sections {
        let reporting = submission.section.is_none_or(|s| s == section.id);
        let mut sink = Vec::new();
        let mut checker = Checker {
            questionnaire,
            context,
            require_answers: submission.require_answers,
            errors: &mut sink,
        };
        for question in &section.questions {
            let visible = question_visible(question, Scope::top(&out));
            if let Some(value) = checker.check(
                question,
                answers.get(&question.id),
                visible,
                &out,
                None,
                &question.id,
            ) {
                out.set(question.id.clone(), value);
            }
        }
        if reporting {
            errors.append(&mut sink);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

struct Checker<'a> {
    questionnaire: &'a Questionnaire,
    context: &'a Context,
    require_answers: bool,
    errors: &'a mut Vec<AnswerError>,
}

impl Checker<'_> {
    /// Checks one question's value and returns the value later conditions
    /// see: the normalised value when it is valid, otherwise what the
    /// evaluator sees (the pruned raw value). Either way, visibility here
    /// matches the evaluator's, so the server never calls a question hidden
    /// that the browser shows. Nothing reaches the caller when there are errors.
    fn check(
        &mut self,
        question: &Question,
        value: Option<&AnswerValue>,
        visible: bool,
        top: &Answers,
        entry: Option<(&str, &Answers)>,
        path: &str,
    ) -> Option<AnswerValue> {
        let value = value.filter(|v| v.is_answered());
        match (visible, value) {
            // Hidden: not stored, whatever it was.
            (false, _) => None,
            (true, None) => self.missing(question, path),
            (true, Some(value)) => {
                // Hidden options are dropped like hidden questions. Group
                // entries are checked (and pruned) question by question below,
                // so that unknown sub-questions are still reported.
                let value = if matches!(question.answer, AnswerKind::Group { .. }) {
                    value.clone()
                } else {
                    match prune_value(question, value, top, entry) {
                        Some(kept) if kept.is_answered() => kept,
                        // Only hidden options chosen: the person sees nothing chosen.
                        _ => return self.missing(question, path),
                    }
                };
                let before = self.errors.len();
                let normalised = self.check_value(question, &value, top, path);
                if self.errors.len() == before {
                    normalised
                } else {
                    prune_value(question, &value, top, entry)
                }
            }
        }
    }

    /// A visible question without an answer: an error only when answers are
    /// required and the question is.
    fn missing(&mut self, question: &Question, path: &str) -> Option<AnswerValue> {
        if self.require_answers && question.is_required() {
            self.errors
                .push(AnswerError::new(path, ErrorCode::Required));
        }
        None
    }

    fn fail(&mut self, path: &str, code: ErrorCode) -> Option<AnswerValue> {
        self.errors.push(AnswerError::new(path, code));
        None
    }

    fn check_value(
        &mut self,
        question: &Question,
        value: &AnswerValue,
        top: &Answers,
        path: &str,
    ) -> Option<AnswerValue> {
        match &question.answer {
            AnswerKind::Info => self.fail(path, ErrorCode::WrongType),
            AnswerKind::SingleChoice { .. } | AnswerKind::List { .. } => {
                let AnswerValue::Text(code) = value else {
                    return self.fail(path, ErrorCode::WrongType);
                };
                if !self.questionnaire.offers(question, code) {
                    return self.fail(path, ErrorCode::NotAnOption);
                }
                Some(value.clone())
            }
            AnswerKind::MultipleChoice {
                options, min, max, ..
            } => {
                let AnswerValue::Choices(codes) = value else {
                    return self.fail(path, ErrorCode::WrongType);
                };
                let mut codes = codes.clone();
                // Option order first, then code order for list codes: one
                // canonical form, so validating twice gives the same answer.
                codes.sort_by(|a, b| {
                    let rank = |c: &String| {
                        options
                            .iter()
                            .position(|o| &o.code == c)
                            .unwrap_or(usize::MAX)
                    };
                    rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
                });
                codes.dedup();
                let before = self.errors.len();
                for code in &codes {
                    if !self.questionnaire.offers(question, code) {
                        self.errors
                            .push(AnswerError::new(path, ErrorCode::NotAnOption));
                    }
                }
                let count = u32::try_from(codes.len()).unwrap_or(u32::MAX);
                let exclusive_combined = codes.len() > 1
                    && codes
                        .iter()
                        .any(|c| options.iter().any(|o| &o.code == c && o.exclusive));
                if exclusive_combined || max.is_some_and(|m| count > m) {
                    self.errors.push(AnswerError::new(path, ErrorCode::TooMany));
                } else if min.is_some_and(|m| count < m) {
                    self.errors.push(AnswerError::new(path, ErrorCode::TooFew));
                }
                (self.errors.len() == before).then_some(AnswerValue::Choices(codes))
            }
            AnswerKind::Number { min, max, .. } => self.check_number(value, *min, *max, path),
            AnswerKind::Year { earliest, latest } => {
                let year = i64::from(self.context.current_year);
                self.check_number(
                    value,
                    year + i64::from(*earliest),
                    year + i64::from(*latest),
                    path,
                )
            }
            AnswerKind::ShortText { max_length } => {
                let AnswerValue::Text(text) = value else {
                    return self.fail(path, ErrorCode::WrongType);
                };
                if check_text(text, Lines::One).is_err() {
                    return self.fail(path, ErrorCode::ControlCharacters);
                }
                let text = text.trim();
                if text.chars().count() > *max_length as usize {
                    return self.fail(path, ErrorCode::TooLong);
                }
                Some(AnswerValue::Text(text.to_owned()))
            }
            AnswerKind::Group {
                min,
                max,
                questions,
                ..
            } => {
                let AnswerValue::Group(entries) = value else {
                    return self.fail(path, ErrorCode::WrongType);
                };
                let count = u32::try_from(entries.len()).unwrap_or(u32::MAX);
                if count > *max {
                    self.errors.push(AnswerError::new(path, ErrorCode::TooMany));
                } else if count < *min {
                    self.errors.push(AnswerError::new(path, ErrorCode::TooFew));
                }
                let checked = entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        self.check_entry(&question.id, questions, e, top, &format!("{path}/{i}"))
                    })
                    .collect();
                Some(AnswerValue::Group(checked))
            }
        }
    }

    fn check_number(
        &mut self,
        value: &AnswerValue,
        min: i64,
        max: i64,
        path: &str,
    ) -> Option<AnswerValue> {
        match value {
            AnswerValue::Number(_) | AnswerValue::Text(_) => match value.as_number() {
                Some(n) if n < min => self.fail(path, ErrorCode::TooSmall),
                Some(n) if n > max => self.fail(path, ErrorCode::TooLarge),
                Some(n) => Some(AnswerValue::Number(n)),
                None => self.fail(path, ErrorCode::NotANumber),
            },
            AnswerValue::Choices(_) | AnswerValue::Group(_) => {
                self.fail(path, ErrorCode::WrongType)
            }
        }
    }

    fn check_entry(
        &mut self,
        group: &str,
        questions: &[Question],
        entry: &Answers,
        top: &Answers,
        path: &str,
    ) -> Answers {
        for (id, _) in entry.iter() {
            if !questions.iter().any(|q| q.id == id) {
                self.errors.push(AnswerError::new(
                    format!("{path}/{id}"),
                    ErrorCode::UnknownQuestion,
                ));
            }
        }
        let mut out = Answers::new();
        for sub in questions {
            let visible = question_visible(
                sub,
                Scope {
                    top,
                    entry: Some((group, &out)),
                },
            );
            let sub_path = format!("{path}/{}", sub.id);
            if let Some(value) = self.check(
                sub,
                entry.get(&sub.id),
                visible,
                top,
                Some((group, &out)),
                &sub_path,
            ) {
                out.set(sub.id.clone(), value);
            }
        }
        out
    }
}
