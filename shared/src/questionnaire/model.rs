//! The questionnaire definition: sections, questions, options and the shape
//! of each answer. These types are the schema of
//! `shared/data/questionnaires/v*.json`; unknown fields are refused, and the
//! rules serde cannot express are checked by [`load()`](super::load()).
//!
//! A question looks like this in the file:
//!
//! ```json
//! { "id": "school_level",
//!   "text": { "en": "What is the highest school you finished?", "nb": "…" },
//!   "visible_if": { "op": "equals", "question": "went_to_school", "value": "yes" },
//!   "answer": { "type": "single_choice", "list": "education_levels",
//!               "options": [ { "code": "dont_know", "text": { "en": "I don't know", "nb": "Vet ikke" } } ] } }
//! ```
//!
//! Question ids are `snake_case` and unique in the questionnaire. Questions in
//! a repeatable group have ids unique in their group; their full id is
//! `group.question` (for example `jobs.occupation`), which is how conditions
//! refer to them, while each entry's answers use the short id.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::text::Text;
use crate::codes::CodeListId;

/// A checked, versioned questionnaire. Only the loader makes one, so a value
/// of this type has unique ids, backward-only conditions and known codes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Questionnaire {
    /// The version; each registration records the version it answered.
    pub version: u32,
    /// The parts, in the order the applicant goes through them.
    pub sections: Vec<Section>,
    /// Codes of the code lists the questions use, so that the evaluator and
    /// validator need nothing but the questionnaire.
    #[serde(skip)]
    pub(crate) lists: BTreeMap<CodeListId, BTreeSet<String>>,
    /// Top-level question id → (section index, question index).
    #[serde(skip)]
    pub(crate) index: BTreeMap<String, (usize, usize)>,
}

/// The file form of a questionnaire, before the loader's checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQuestionnaire {
    pub version: u32,
    pub sections: Vec<Section>,
}

/// One part of the questionnaire ("Education").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id (`education`).
    pub id: String,
    /// The part's title.
    pub title: Text,
    /// A short introduction shown under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The questions, in order; follow-ups come right after what they follow.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, `snake_case`.
    pub id: String,
    /// The question as the applicant reads it.
    pub text: Text,
    /// Whether the part is incomplete without an answer. Defaults to `true`;
    /// information texts are never required.
    #[serde(default = "yes")]
    pub required: bool,
    /// Extra help shown under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Name of a pictogram shown with the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pictogram: Option<String>,
    /// Shown only while this holds over earlier answers; always shown if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
    /// What kind of answer the question takes.
    pub answer: AnswerKind,
}

fn yes() -> bool {
    true
}

/// The kind of answer a question takes, with its rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AnswerKind {
    /// One option (radio buttons). Options are `options`, plus the codes of
    /// `list` without `exclude` when a list is named.
    SingleChoice {
        /// The options, in order.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        options: Vec<ChoiceOption>,
        /// A code list whose codes are options too.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        list: Option<CodeListId>,
        /// Codes of `list` that are not offered here.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        exclude: Vec<String>,
    },
    /// Several options (check boxes).
    MultipleChoice {
        /// The options, in order. An `exclusive` option ("none of these")
        /// cannot be combined with another.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        options: Vec<ChoiceOption>,
        /// A code list whose codes are options too.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        list: Option<CodeListId>,
        /// Codes of `list` that are not offered here.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        exclude: Vec<String>,
        /// Fewest options to choose when answering.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u32>,
        /// Most options to choose.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
    },
    /// One code from a long code list, chosen with a search box. `options`
    /// are added to the list (for example `other`).
    List {
        /// The code list.
        list: CodeListId,
        /// Options added to the list.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        options: Vec<ChoiceOption>,
        /// Codes of the list that are not offered here.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        exclude: Vec<String>,
    },
    /// A whole number.
    Number {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
        /// The unit shown after the field ("years").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<Text>,
    },
    /// A year, allowed between `current year + earliest` and
    /// `current year + latest` (for example -80 and 0).
    Year {
        /// Offset of the earliest year from the current year.
        earliest: i32,
        /// Offset of the latest year from the current year.
        latest: i32,
    },
    /// A short text.
    #[serde(rename = "text")]
    ShortText {
        /// Most characters (Unicode scalar values) allowed.
        max_length: u32,
    },
    /// Information to read; nothing to answer.
    Info,
    /// A repeatable group: one entry per job, per education, per language.
    Group {
        /// Fewest entries when answered.
        #[serde(default)]
        min: u32,
        /// Most entries.
        max: u32,
        /// Label of the "Add another" button.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        add_label: Option<Text>,
        /// Label of the same button while there is no entry yet ("Add an
        /// education"); `add_label` when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        add_first_label: Option<Text>,
        /// The questions of each entry, with ids unique in the group.
        #[cfg_attr(feature = "server", schema(no_recursion))]
        questions: Vec<Question>,
    },
}

/// One option of a choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// The stable code stored in answers; also the option's id within its question.
    #[serde(default)]
    pub code: String,
    /// The option as the applicant reads it.
    pub text: Text,
    /// Name of a pictogram shown with the option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pictogram: Option<String>,
    /// Cannot be combined with another option ("none of these").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
    /// Shown only while this holds over earlier answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
}

impl AnswerKind {
    /// The inline options of a choice kind (empty for other kinds).
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            Self::SingleChoice { options, .. }
            | Self::MultipleChoice { options, .. }
            | Self::List { options, .. } => options,
            _ => &[],
        }
    }

    /// The code list a choice kind draws from, with its excluded codes.
    pub fn list(&self) -> Option<(CodeListId, &[String])> {
        match self {
            Self::SingleChoice {
                list: Some(list),
                exclude,
                ..
            }
            | Self::MultipleChoice {
                list: Some(list),
                exclude,
                ..
            } => Some((*list, exclude)),
            Self::List { list, exclude, .. } => Some((*list, exclude)),
            _ => None,
        }
    }

    /// Whether the answer is one code (single choice or list).
    pub fn is_single_choice(&self) -> bool {
        matches!(self, Self::SingleChoice { .. } | Self::List { .. })
    }

    /// Whether the answer is a number (number or year).
    pub fn is_numeric(&self) -> bool {
        matches!(self, Self::Number { .. } | Self::Year { .. })
    }

    /// The questions of a repeatable group.
    pub fn group_questions(&self) -> Option<&[Question]> {
        match self {
            Self::Group { questions, .. } => Some(questions),
            _ => None,
        }
    }
}

impl Question {
    /// Whether a visible, unanswered question makes its part incomplete.
    pub fn is_required(&self) -> bool {
        self.required && !matches!(self.answer, AnswerKind::Info)
    }
}

impl Questionnaire {
    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// A top-level question by id, or a group's question by full id
    /// (`jobs.occupation`).
    pub fn question(&self, id: &str) -> Option<&Question> {
        match id.split_once('.') {
            None => {
                let &(s, q) = self.index.get(id)?;
                self.sections.get(s)?.questions.get(q)
            }
            Some((group, local)) => self
                .question(group)?
                .answer
                .group_questions()?
                .iter()
                .find(|q| q.id == local),
        }
    }

    /// The id of the section a top-level question belongs to.
    pub fn section_of(&self, question_id: &str) -> Option<&str> {
        let &(s, _) = self.index.get(question_id)?;
        self.sections.get(s).map(|s| s.id.as_str())
    }

    /// Whether `code` is one of the question's options (inline or from its
    /// code list), regardless of option conditions.
    pub fn offers(&self, question: &Question, code: &str) -> bool {
        question.answer.options().iter().any(|o| o.code == code)
            || question.answer.list().is_some_and(|(list, exclude)| {
                !exclude.iter().any(|e| e == code)
                    && self
                        .lists
                        .get(&list)
                        .is_some_and(|codes| codes.contains(code))
            })
    }
}
