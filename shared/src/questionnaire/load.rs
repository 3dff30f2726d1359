//! The loader: reads a questionnaire definition file and checks everything
//! serde cannot, reporting every problem at once so that an author fixes a
//! file in one round. Only a definition that passes becomes a
//! [`Questionnaire`].

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use super::condition::{Condition, RefUse};
use super::model::{AnswerKind, ChoiceOption, Question, Questionnaire, RawQuestionnaire, Section};
use super::text::{FALLBACK_LANGUAGE, REQUIRED_LANGUAGES, Text, UI_LANGUAGES};
use crate::codes::CodeLists;
use crate::pictograms;

/// Something wrong with a questionnaire definition. `at` is where: a section
/// id, a question's full id, or `question/options/code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// The file is not JSON of the definition's shape (this one stops the
    /// loader, as nothing else can be checked).
    Malformed(String),
    /// An id is not `snake_case` (lowercase letters, digits, `_`, starting with a letter).
    BadId {
        /// The offending id.
        at: String,
    },
    /// Two sections, two questions, or two questions of one group share an id.
    DuplicateId {
        /// The repeated id.
        at: String,
    },
    /// An option has no code.
    MissingCode {
        /// The question and the option's position.
        at: String,
    },
    /// Two options of a question share a code (inline, or inline and list).
    DuplicateCode {
        /// The question.
        at: String,
        /// The code.
        code: String,
    },
    /// A choice has no options and no code list.
    NoOptions {
        /// The question.
        at: String,
    },
    /// A text lacks a required language.
    MissingText {
        /// The element whose text it is.
        at: String,
        /// The missing language.
        lang: &'static str,
    },
    /// A text has a language that is not one of the 14.
    UnknownLanguage {
        /// The element whose text it is.
        at: String,
        /// The language code.
        lang: String,
    },
    /// A question uses a code list that was not provided, or excludes a code
    /// that list does not have.
    UnknownCode {
        /// The question.
        at: String,
        /// The list or code.
        code: String,
    },
    /// A condition names a question that does not exist.
    UnknownQuestion {
        /// Where the condition is.
        at: String,
        /// The reference.
        reference: String,
    },
    /// A condition names a code the referred question does not offer.
    UnknownOption {
        /// Where the condition is.
        at: String,
        /// The reference.
        reference: String,
        /// The code.
        value: String,
    },
    /// A condition refers to a later question.
    ForwardReference {
        /// Where the condition is.
        at: String,
        /// The reference.
        reference: String,
    },
    /// A condition refers to its own question, or to the group it is in.
    Cycle {
        /// Where the condition is.
        at: String,
        /// The reference.
        reference: String,
    },
    /// A condition refers to a group's question from outside that group's entries.
    OutOfScope {
        /// Where the condition is.
        at: String,
        /// The reference.
        reference: String,
    },
    /// A condition tests a question in a way its kind does not support (for
    /// example `includes` on a single choice, `compare` on a choice).
    WrongConditionKind {
        /// Where the condition is.
        at: String,
        /// The reference.
        reference: String,
    },
    /// A range is empty or a limit impossible (min above max).
    BadRange {
        /// The question.
        at: String,
    },
    /// A group inside a group (one level only, to keep entries simple).
    NestedGroup {
        /// The inner group.
        at: String,
    },
    /// A question or option names a pictogram the sprite does not have.
    UnknownPictogram {
        /// The question, or `question/options/code`.
        at: String,
        /// The pictogram's name.
        name: String,
    },
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(e) => write!(f, "not a questionnaire definition: {e}"),
            Self::BadId { at } => write!(f, "{at}: ids are snake_case"),
            Self::DuplicateId { at } => write!(f, "{at}: id used more than once"),
            Self::MissingCode { at } => write!(f, "{at}: option without a code"),
            Self::DuplicateCode { at, code } => write!(f, "{at}: code {code} used more than once"),
            Self::NoOptions { at } => write!(f, "{at}: a choice needs options or a code list"),
            Self::MissingText { at, lang } => write!(f, "{at}: text missing in {lang}"),
            Self::UnknownLanguage { at, lang } => {
                write!(f, "{at}: {lang} is not a language of the form")
            }
            Self::UnknownCode { at, code } => write!(f, "{at}: unknown code list or code {code}"),
            Self::UnknownQuestion { at, reference } => {
                write!(f, "{at}: condition refers to unknown question {reference}")
            }
            Self::UnknownOption {
                at,
                reference,
                value,
            } => {
                write!(
                    f,
                    "{at}: condition refers to unknown option {value} of {reference}"
                )
            }
            Self::ForwardReference { at, reference } => {
                write!(f, "{at}: condition refers forward to {reference}")
            }
            Self::Cycle { at, reference } => {
                write!(f, "{at}: condition refers to itself through {reference}")
            }
            Self::OutOfScope { at, reference } => {
                write!(
                    f,
                    "{at}: {reference} can only be referred to inside its group"
                )
            }
            Self::WrongConditionKind { at, reference } => {
                write!(
                    f,
                    "{at}: the condition does not fit the kind of {reference}"
                )
            }
            Self::BadRange { at } => write!(f, "{at}: impossible range"),
            Self::NestedGroup { at } => write!(f, "{at}: a group cannot hold a group"),
            Self::UnknownPictogram { at, name } => {
                write!(f, "{at}: no pictogram is called {name}")
            }
        }
    }
}

/// Reads and checks a questionnaire definition against the given code lists.
pub fn load(json: &str, codes: &CodeLists) -> Result<Questionnaire, Vec<LoadProblem>> {
    load_requiring(json, codes, &REQUIRED_LANGUAGES)
}

/// Reads and checks a definition as the API serves it narrowed to some
/// languages (`?lang=`): every text needs English, the fallback, and no
/// other language is required. The server checked the whole definition.
pub fn load_served(json: &str, codes: &CodeLists) -> Result<Questionnaire, Vec<LoadProblem>> {
    load_requiring(json, codes, &[FALLBACK_LANGUAGE])
}

fn load_requiring(
    json: &str,
    codes: &CodeLists,
    required: &'static [&'static str],
) -> Result<Questionnaire, Vec<LoadProblem>> {
    let raw: RawQuestionnaire =
        serde_json::from_str(json).map_err(|e| vec![LoadProblem::Malformed(e.to_string())])?;
    let mut checker = Checker {
        codes,
        required,
        problems: Vec::new(),
        order: HashMap::new(),
    };
    checker.check_structure(&raw.sections);
    checker.check_conditions(&raw.sections);
    if !checker.problems.is_empty() {
        return Err(checker.problems);
    }
    let mut lists = BTreeMap::new();
    let mut index = BTreeMap::new();
    for (s, section) in raw.sections.iter().enumerate() {
        for (q, question) in section.questions.iter().enumerate() {
            index.insert(question.id.clone(), (s, q));
            for item in
                std::iter::once(question).chain(question.answer.group_questions().unwrap_or(&[]))
            {
                if let Some((list, _)) = item.answer.list()
                    && let Some(set) = codes.code_set(list)
                {
                    lists.insert(list, set);
                }
            }
        }
    }
    Ok(Questionnaire {
        version: raw.version,
        sections: raw.sections,
        lists,
        index,
    })
}

/// Where a question sits: its position in the whole order and its group.
struct Place<'q> {
    position: usize,
    question: &'q Question,
    group: Option<&'q str>,
}

struct Checker<'a, 'q> {
    codes: &'a CodeLists,
    /// Languages every text must have.
    required: &'static [&'static str],
    problems: Vec<LoadProblem>,
    /// Full id → place, filled by `check_structure`.
    order: HashMap<String, Place<'q>>,
}

fn is_snake_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl<'q> Checker<'_, 'q> {
    fn text(&mut self, at: &str, text: &Text) {
        for &lang in self.required {
            if !text.has(lang) {
                self.problems.push(LoadProblem::MissingText {
                    at: at.to_owned(),
                    lang,
                });
            }
        }
        for lang in text.languages() {
            if !UI_LANGUAGES.contains(&lang) {
                self.problems.push(LoadProblem::UnknownLanguage {
                    at: at.to_owned(),
                    lang: lang.to_owned(),
                });
            }
        }
    }

    fn id(&mut self, id: &str, at: &str, seen: &mut BTreeSet<&'q str>, own: &'q str) {
        if !is_snake_case(id) {
            self.problems.push(LoadProblem::BadId { at: at.to_owned() });
        }
        if !seen.insert(own) {
            self.problems
                .push(LoadProblem::DuplicateId { at: at.to_owned() });
        }
    }

    fn check_structure(&mut self, sections: &'q [Section]) {
        let mut section_ids = BTreeSet::new();
        let mut question_ids = BTreeSet::new();
        let mut position = 0;
        for section in sections {
            self.id(&section.id, &section.id, &mut section_ids, &section.id);
            self.text(&section.id, &section.title);
            if let Some(intro) = &section.intro {
                self.text(&format!("{}/intro", section.id), intro);
            }
            for question in &section.questions {
                self.id(&question.id, &question.id, &mut question_ids, &question.id);
                self.question(question, &question.id, false);
                self.order.entry(question.id.clone()).or_insert(Place {
                    position,
                    question,
                    group: None,
                });
                position += 1;
                if let AnswerKind::Group { questions, .. } = &question.answer {
                    let mut local_ids = BTreeSet::new();
                    for sub in questions {
                        let full = format!("{}.{}", question.id, sub.id);
                        self.id(&sub.id, &full, &mut local_ids, &sub.id);
                        self.question(sub, &full, true);
                        self.order.entry(full).or_insert(Place {
                            position,
                            question: sub,
                            group: Some(&question.id),
                        });
                        position += 1;
                    }
                }
            }
        }
    }

    fn pictogram(&mut self, at: &str, name: Option<&String>) {
        if let Some(name) = name.filter(|n| !pictograms::exists(n)) {
            self.problems.push(LoadProblem::UnknownPictogram {
                at: at.to_owned(),
                name: name.clone(),
            });
        }
    }

    fn question(&mut self, question: &Question, at: &str, in_group: bool) {
        self.text(at, &question.text);
        self.pictogram(at, question.pictogram.as_ref());
        if let Some(help) = &question.help {
            self.text(&format!("{at}/help"), help);
        }
        let bad_range = match &question.answer {
            AnswerKind::Number { min, max, unit } => {
                if let Some(unit) = unit {
                    self.text(&format!("{at}/unit"), unit);
                }
                min > max
            }
            AnswerKind::Year { earliest, latest } => earliest > latest,
            AnswerKind::ShortText { max_length } => *max_length == 0,
            AnswerKind::MultipleChoice { min, max, .. } => {
                matches!((min, max), (Some(lo), Some(hi)) if lo > hi) || *max == Some(0)
            }
            AnswerKind::Group {
                min,
                max,
                add_label,
                add_first_label,
                ..
            } => {
                if in_group {
                    self.problems
                        .push(LoadProblem::NestedGroup { at: at.to_owned() });
                }
                if let Some(label) = add_label {
                    self.text(&format!("{at}/add_label"), label);
                }
                if let Some(label) = add_first_label {
                    self.text(&format!("{at}/add_first_label"), label);
                }
                min > max || *max == 0
            }
            AnswerKind::SingleChoice { .. } | AnswerKind::List { .. } | AnswerKind::Info => false,
        };
        if bad_range {
            self.problems
                .push(LoadProblem::BadRange { at: at.to_owned() });
        }
        self.options(question, at);
    }

    fn options(&mut self, question: &Question, at: &str) {
        let kind = &question.answer;
        if !matches!(
            kind,
            AnswerKind::SingleChoice { .. }
                | AnswerKind::MultipleChoice { .. }
                | AnswerKind::List { .. }
        ) {
            return;
        }
        let list = kind.list().and_then(|(id, exclude)| {
            let Some(list) = self.codes.get(id) else {
                self.problems.push(LoadProblem::UnknownCode {
                    at: at.to_owned(),
                    code: id.name().to_owned(),
                });
                return None;
            };
            for code in exclude.iter().filter(|c| !list.contains(c)) {
                self.problems.push(LoadProblem::UnknownCode {
                    at: at.to_owned(),
                    code: code.clone(),
                });
            }
            Some(list)
        });
        if kind.options().is_empty() && kind.list().is_none() {
            self.problems
                .push(LoadProblem::NoOptions { at: at.to_owned() });
        }
        let mut codes = BTreeSet::new();
        for (i, option) in kind.options().iter().enumerate() {
            self.option(option, at, i);
            if option.code.is_empty() {
                continue;
            }
            if !codes.insert(option.code.as_str()) || list.is_some_and(|l| l.contains(&option.code))
            {
                self.problems.push(LoadProblem::DuplicateCode {
                    at: at.to_owned(),
                    code: option.code.clone(),
                });
            }
        }
    }

    fn option(&mut self, option: &ChoiceOption, at: &str, index: usize) {
        if option.code.trim().is_empty() {
            self.problems.push(LoadProblem::MissingCode {
                at: format!("{at}/options/{index}"),
            });
        }
        let at = format!("{at}/options/{}", option.code);
        self.text(&at, &option.text);
        self.pictogram(&at, option.pictogram.as_ref());
    }

    fn check_conditions(&mut self, sections: &'q [Section]) {
        for section in sections {
            for question in &section.questions {
                self.question_conditions(question, &question.id, None);
                if let Some(subs) = question.answer.group_questions() {
                    for sub in subs {
                        let full = format!("{}.{}", question.id, sub.id);
                        self.question_conditions(sub, &full, Some(&question.id));
                    }
                }
            }
        }
    }

    fn question_conditions(&mut self, question: &Question, full_id: &str, group: Option<&str>) {
        if let Some(c) = &question.visible_if {
            self.condition(c, full_id, full_id, group);
        }
        for option in question.answer.options() {
            if let Some(c) = &option.visible_if {
                self.condition(
                    c,
                    &format!("{full_id}/options/{}", option.code),
                    full_id,
                    group,
                );
            }
        }
    }

    /// Checks one condition found at `at`, which belongs to the question
    /// `owner` (in `group`, when it is a group's question).
    fn condition(&mut self, condition: &Condition, at: &str, owner: &str, group: Option<&str>) {
        let Some(own_position) = self.order.get(owner).map(|p| p.position) else {
            return;
        };
        let mut found = Vec::new();
        condition.visit_refs(&mut |reference, usage| found.push((reference.to_owned(), usage)));
        for (reference, usage) in found {
            let problem =
                |make: fn(String, String) -> LoadProblem| make(at.to_owned(), reference.clone());
            let Some(place) = self.order.get(&reference) else {
                self.problems
                    .push(problem(|at, reference| LoadProblem::UnknownQuestion {
                        at,
                        reference,
                    }));
                continue;
            };
            if reference == owner || group == Some(reference.as_str()) {
                self.problems
                    .push(problem(|at, reference| LoadProblem::Cycle {
                        at,
                        reference,
                    }));
                continue;
            }
            if place.group.is_some() && place.group != group {
                self.problems
                    .push(problem(|at, reference| LoadProblem::OutOfScope {
                        at,
                        reference,
                    }));
                continue;
            }
            if place.position > own_position {
                self.problems
                    .push(problem(|at, reference| LoadProblem::ForwardReference {
                        at,
                        reference,
                    }));
                continue;
            }
            let target = place.question;
            let fits = match usage {
                RefUse::SingleCodes(_) => target.answer.is_single_choice(),
                RefUse::Includes(_) => matches!(target.answer, AnswerKind::MultipleChoice { .. }),
                RefUse::Number => target.answer.is_numeric(),
                RefUse::Presence => !matches!(target.answer, AnswerKind::Info),
            };
            if !fits {
                self.problems
                    .push(problem(|at, reference| LoadProblem::WrongConditionKind {
                        at,
                        reference,
                    }));
                continue;
            }
            let values: Vec<&str> = match usage {
                RefUse::SingleCodes(values) => values.iter().map(String::as_str).collect(),
                RefUse::Includes(value) => vec![value],
                RefUse::Number | RefUse::Presence => Vec::new(),
            };
            for value in values {
                if !self.offers(target, value) {
                    self.problems.push(LoadProblem::UnknownOption {
                        at: at.to_owned(),
                        reference: reference.clone(),
                        value: value.to_owned(),
                    });
                }
            }
        }
    }

    fn offers(&self, question: &Question, code: &str) -> bool {
        question.answer.options().iter().any(|o| o.code == code)
            || question.answer.list().is_some_and(|(list, exclude)| {
                !exclude.iter().any(|e| e == code)
                    && self.codes.get(list).is_some_and(|l| l.contains(code))
            })
    }
}
