//! Code lists: the stable codes behind every answer that is counted across
//! languages (ISO 639-3 languages, ISO 3166-1 alpha-3 countries with `XUK` and
//! `XXX`, ISCED 2011 levels, ISCO-08 sub-major groups, Norwegian driving
//! licence classes).
//!
//! The lists are data in `shared/data/codes/*.json`, shared by the
//! questionnaire, the caseworker pages and statistics. This module owns their
//! types, the loader that checks a list, and the copies embedded in the
//! binary so that the browser and the server read the same lists without
//! file I/O.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::pictograms;
use crate::questionnaire::Text;

/// Which code list. The serialized name is the list's file name without
/// `.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodeListId {
    /// Languages, ISO 639-3 (plus `other`).
    Languages,
    /// Countries, ISO 3166-1 alpha-3, with `XUK` (unknown) and `XXX` (stateless).
    Countries,
    /// Levels of education, ISCED 2011 `0`..`8`.
    EducationLevels,
    /// Occupations, ISCO-08 / STYRK-08 sub-major groups (two digits) and `other`.
    Occupations,
    /// Norwegian driving licence classes (`AM`, `B`, `BE`, …).
    DrivingLicenceClasses,
}

impl CodeListId {
    /// Every list.
    pub const ALL: [CodeListId; 5] = [
        Self::Languages,
        Self::Countries,
        Self::EducationLevels,
        Self::Occupations,
        Self::DrivingLicenceClasses,
    ];

    /// Position in [`CodeListId::ALL`].
    const fn slot(self) -> usize {
        match self {
            Self::Languages => 0,
            Self::Countries => 1,
            Self::EducationLevels => 2,
            Self::Occupations => 3,
            Self::DrivingLicenceClasses => 4,
        }
    }

    /// The list's name, as in its file name and in questionnaire definitions.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Languages => "languages",
            Self::Countries => "countries",
            Self::EducationLevels => "education_levels",
            Self::Occupations => "occupations",
            Self::DrivingLicenceClasses => "driving_licence_classes",
        }
    }
}

impl fmt::Display for CodeListId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One entry of a code list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CodeItem {
    /// The stable code that answers and statistics store (for example `SYR`).
    pub code: String,
    /// The name in each language; English and Norwegian bokmål are required.
    pub text: Text,
    /// Rank among the most common choices (1 = most common), for showing
    /// those first in a searchable list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common: Option<u32>,
    /// Name of a pictogram shown with the item where it is offered as an
    /// option (one of [`crate::pictograms::NAMES`]): the same picture for the
    /// same code in every question that offers the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pictogram: Option<String>,
}

/// A checked code list: codes are unique and non-empty, and every item has
/// English and Norwegian text. Only [`CodeList::parse`] makes one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CodeList {
    /// Which list this is.
    pub list: CodeListId,
    /// The entries, in the file's order.
    pub items: Vec<CodeItem>,
    #[serde(skip)]
    index: BTreeMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCodeList {
    list: CodeListId,
    items: Vec<CodeItem>,
}

/// Something wrong with a code list file. The loader reports all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeListProblem {
    /// The file is not JSON of the code list shape.
    Malformed(String),
    /// The file says it is another list than the one asked for.
    WrongList {
        /// The list that was asked for.
        expected: CodeListId,
        /// The list the file names.
        found: CodeListId,
    },
    /// An item has an empty code.
    EmptyCode {
        /// The item's position.
        index: usize,
    },
    /// Two items share a code.
    DuplicateCode(String),
    /// An item lacks text in a required language.
    MissingText {
        /// The item's code.
        code: String,
        /// The language without text.
        lang: &'static str,
    },
    /// An item names a pictogram the sprite does not have.
    UnknownPictogram {
        /// The item's code.
        code: String,
        /// The pictogram's name.
        name: String,
    },
}

impl fmt::Display for CodeListProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(e) => write!(f, "not a code list: {e}"),
            Self::WrongList { expected, found } => {
                write!(f, "expected the list {expected}, the file is {found}")
            }
            Self::EmptyCode { index } => write!(f, "item {index} has no code"),
            Self::DuplicateCode(c) => write!(f, "code {c} appears more than once"),
            Self::MissingText { code, lang } => write!(f, "code {code} has no text in {lang}"),
            Self::UnknownPictogram { code, name } => {
                write!(
                    f,
                    "code {code} names the pictogram {name}, which the sprite lacks"
                )
            }
        }
    }
}

impl CodeList {
    /// Parses and checks a code list file, reporting every problem at once.
    pub fn parse(expected: CodeListId, json: &str) -> Result<Self, Vec<CodeListProblem>> {
        Self::parse_requiring(expected, json, &crate::questionnaire::REQUIRED_LANGUAGES)
    }

    /// Parses a list as the API serves it narrowed to some languages
    /// (`?lang=`): every name needs English, no other language is required.
    pub fn parse_served(expected: CodeListId, json: &str) -> Result<Self, Vec<CodeListProblem>> {
        Self::parse_requiring(expected, json, &[crate::questionnaire::FALLBACK_LANGUAGE])
    }

    fn parse_requiring(
        expected: CodeListId,
        json: &str,
        required: &'static [&'static str],
    ) -> Result<Self, Vec<CodeListProblem>> {
        let raw: RawCodeList = serde_json::from_str(json)
            .map_err(|e| vec![CodeListProblem::Malformed(e.to_string())])?;
        let mut problems = Vec::new();
        if raw.list != expected {
            problems.push(CodeListProblem::WrongList {
                expected,
                found: raw.list,
            });
        }
        let mut index = BTreeMap::new();
        for (i, item) in raw.items.iter().enumerate() {
            if item.code.trim().is_empty() {
                problems.push(CodeListProblem::EmptyCode { index: i });
                continue;
            }
            if index.insert(item.code.clone(), i).is_some() {
                problems.push(CodeListProblem::DuplicateCode(item.code.clone()));
            }
            for &lang in required {
                if !item.text.has(lang) {
                    problems.push(CodeListProblem::MissingText {
                        code: item.code.clone(),
                        lang,
                    });
                }
            }
            if let Some(name) = item.pictogram.as_ref().filter(|n| !pictograms::exists(n)) {
                problems.push(CodeListProblem::UnknownPictogram {
                    code: item.code.clone(),
                    name: name.clone(),
                });
            }
        }
        if problems.is_empty() {
            Ok(Self {
                list: raw.list,
                items: raw.items,
                index,
            })
        } else {
            Err(problems)
        }
    }

    /// The item with this code.
    pub fn get(&self, code: &str) -> Option<&CodeItem> {
        self.index.get(code).and_then(|&i| self.items.get(i))
    }

    /// Whether the list has this code.
    pub fn contains(&self, code: &str) -> bool {
        self.index.contains_key(code)
    }

    /// The codes, in the file's order.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|i| i.code.as_str())
    }

    /// The items ranked as common, most common first, for the top of a
    /// searchable list.
    pub fn common_first(&self) -> Vec<&CodeItem> {
        let mut common: Vec<&CodeItem> = self.items.iter().filter(|i| i.common.is_some()).collect();
        common.sort_by_key(|i| i.common);
        common
    }
}

/// A set of code lists, as a questionnaire loader needs them to check list
/// questions and conditions.
#[derive(Debug, Clone, Default)]
pub struct CodeLists {
    lists: BTreeMap<CodeListId, CodeList>,
}

impl CodeLists {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a list.
    #[must_use]
    pub fn with(mut self, list: CodeList) -> Self {
        self.lists.insert(list.list, list);
        self
    }

    /// The list, if present.
    pub fn get(&self, id: CodeListId) -> Option<&CodeList> {
        self.lists.get(&id)
    }

    /// The codes of a list, if present.
    pub(crate) fn code_set(&self, id: CodeListId) -> Option<BTreeSet<String>> {
        self.get(id).map(|l| l.codes().map(str::to_owned).collect())
    }

    /// All five shipped lists.
    pub fn shipped() -> &'static CodeLists {
        static ALL: OnceLock<CodeLists> = OnceLock::new();
        ALL.get_or_init(|| {
            CodeListId::ALL
                .into_iter()
                .fold(CodeLists::new(), |acc, id| acc.with(shipped(id).clone()))
        })
    }
}

/// The embedded JSON of a shipped list, for callers that serve it as is.
pub const fn shipped_json(id: CodeListId) -> &'static str {
    match id {
        CodeListId::Languages => include_str!("../../data/codes/languages.json"),
        CodeListId::Countries => include_str!("../../data/codes/countries.json"),
        CodeListId::EducationLevels => include_str!("../../data/codes/education_levels.json"),
        CodeListId::Occupations => include_str!("../../data/codes/occupations.json"),
        CodeListId::DrivingLicenceClasses => {
            include_str!("../../data/codes/driving_licence_classes.json")
        }
    }
}

/// A shipped code list, parsed once.
///
/// # Panics
///
/// Never for the files in this repository: `every_shipped_code_list_loads`
/// parses each of them, so a broken file fails the test suite, not a user.
pub fn shipped(id: CodeListId) -> &'static CodeList {
    static LISTS: [OnceLock<CodeList>; 5] = [const { OnceLock::new() }; 5];
    LISTS[id.slot()].get_or_init(|| {
        #[allow(clippy::expect_used)] // see "Panics": pinned by a test
        CodeList::parse(id, shipped_json(id)).expect("shipped code list is valid")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = r#"{ "list": "countries",
      "items": [ { "code": "SYR", "text": { "en": "Syria", "nb": "Syria" }, "common": 1 },
                 { "code": "ALB", "text": { "en": "Albania", "nb": "Albania" } },
                 { "code": "AFG", "text": { "en": "Afghanistan", "nb": "Afghanistan" }, "common": 2 } ] }"#;

    #[test]
    fn code_list_parses_and_finds_codes() {
        let list = CodeList::parse(CodeListId::Countries, FIXTURE).unwrap();
        assert!(list.contains("ALB"));
        assert!(!list.contains("alb"));
        assert_eq!(list.get("SYR").unwrap().text.get("nb"), "Syria");
    }

    #[test]
    fn common_items_come_first_in_rank_order() {
        let list = CodeList::parse(CodeListId::Countries, FIXTURE).unwrap();
        let codes: Vec<_> = list
            .common_first()
            .iter()
            .map(|i| i.code.as_str())
            .collect();
        assert_eq!(codes, ["SYR", "AFG"]);
    }

    #[test]
    fn code_list_reports_every_problem_at_once() {
        let json = r#"{ "list": "languages", "items": [
            { "code": "ara", "text": { "en": "Arabic" } },
            { "code": "ara", "text": { "en": "Arabic", "nb": "Arabisk" } },
            { "code": "", "text": { "en": "?", "nb": "?" } } ] }"#;
        let problems = CodeList::parse(CodeListId::Countries, json).unwrap_err();
        assert!(problems.contains(&CodeListProblem::WrongList {
            expected: CodeListId::Countries,
            found: CodeListId::Languages
        }));
        assert!(problems.contains(&CodeListProblem::MissingText {
            code: "ara".into(),
            lang: "nb"
        }));
        assert!(problems.contains(&CodeListProblem::DuplicateCode("ara".into())));
        assert!(problems.contains(&CodeListProblem::EmptyCode { index: 2 }));
    }

    #[test]
    fn an_item_may_name_only_a_pictogram_the_sprite_has() {
        let json = r#"{ "list": "driving_licence_classes", "items": [
            { "code": "B", "text": { "en": "B", "nb": "B" }, "pictogram": "car" },
            { "code": "X", "text": { "en": "X", "nb": "X" }, "pictogram": "spaceship" } ] }"#;
        let problems = CodeList::parse(CodeListId::DrivingLicenceClasses, json).unwrap_err();
        assert_eq!(
            problems,
            [CodeListProblem::UnknownPictogram {
                code: "X".into(),
                name: "spaceship".into()
            }]
        );
    }

    #[test]
    fn code_list_rejects_unknown_fields() {
        let json = r#"{ "list": "countries", "items": [], "extra": 1 }"#;
        assert!(matches!(
            CodeList::parse(CodeListId::Countries, json).unwrap_err()[..],
            [CodeListProblem::Malformed(_)]
        ));
    }

    #[test]
    fn code_list_ids_serialize_as_file_names() {
        for (i, id) in CodeListId::ALL.into_iter().enumerate() {
            assert_eq!(id.slot(), i);
            assert_eq!(serde_json::to_value(id).unwrap(), id.name());
        }
    }

    #[test]
    fn every_shipped_code_list_loads() {
        for id in CodeListId::ALL {
            let list = CodeList::parse(id, shipped_json(id)).unwrap_or_else(|p| {
                panic!(
                    "{id}: {}",
                    p.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            });
            assert!(!list.items.is_empty(), "{id} is empty");
        }
    }

    #[test]
    fn shipped_lists_hold_the_special_and_common_codes() {
        let countries = shipped(CodeListId::Countries);
        for code in ["XUK", "XXX", "SYR", "UKR", "AFG", "ERI"] {
            assert!(countries.contains(code), "countries lacks {code}");
        }
        let levels = shipped(CodeListId::EducationLevels);
        for level in 0..=8 {
            assert!(levels.contains(&level.to_string()), "ISCED {level} missing");
        }
        let classes = shipped(CodeListId::DrivingLicenceClasses);
        for c in [
            "AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T",
        ] {
            assert!(classes.contains(c), "licence class {c} missing");
        }
        assert!(shipped(CodeListId::Occupations).contains("other"));
        assert!(shipped(CodeListId::Languages).items.len() >= 60);
    }
}
