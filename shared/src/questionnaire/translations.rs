//! Translations of the questionnaire and the code lists into the languages
//! other than the two they are written in.
//!
//! The definition (`data/questionnaires/v1.json`) and the code lists
//! (`data/codes/*.json`) carry English (the fallback) and Norwegian bokmål
//! (the caseworkers' language) inline. The twelve other languages live in
//! one file each, `data/translations/<lang>.json`: a flat map from a stable
//! key to the text, split into `reviewed` (checked by a native speaker, or
//! taken from the Unicode CLDR) and `draft` (awaiting review), so that
//! reviewers find what is theirs to check. A key names where a text sits:
//!
//! | key | text |
//! | --- | --- |
//! | `s.<part>.title`, `s.<part>.intro` | a part's title and introduction |
//! | `q.<path>.text`, `.help`, `.unit`, `.add_label`, `.add_first_label` | a question (`path` is `group.child` inside a group) |
//! | `q.<path>.option.<code>` | an option of a question |
//! | `list.<list>.<code>` | a code list entry |
//!
//! The server merges the files in and sends a client only the languages it
//! asks for ([`Questionnaire::with_languages`]), so a phone never downloads
//! thirteen languages it does not read.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

use super::model::{AnswerKind, Question, Questionnaire};
use super::text::{FALLBACK_LANGUAGE, Text};
use crate::codes::CodeList;

/// The languages kept in translation files (all of [`super::UI_LANGUAGES`]
/// but English and bokmål, which the definition holds inline).
pub const TRANSLATED_LANGUAGES: [&str; 12] = [
    "sq", "ar", "prs", "fa", "fr", "kmr", "ckb", "om", "ps", "ru", "so", "ti",
];

/// One language's translation file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFile {
    /// The language code, as in [`super::UI_LANGUAGES`].
    pub lang: String,
    /// Texts a native speaker has checked (or CLDR names).
    #[serde(default)]
    pub reviewed: BTreeMap<String, String>,
    /// Texts drafted and not yet reviewed.
    #[serde(default)]
    pub draft: BTreeMap<String, String>,
}

impl TranslationFile {
    /// The text for `key`, reviewed or draft.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.reviewed
            .get(key)
            .or_else(|| self.draft.get(key))
            .map(String::as_str)
    }
}

/// The embedded JSON of a shipped translation file.
pub fn shipped_translation_json(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "sq" => include_str!("../../data/translations/sq.json"),
        "ar" => include_str!("../../data/translations/ar.json"),
        "prs" => include_str!("../../data/translations/prs.json"),
        "fa" => include_str!("../../data/translations/fa.json"),
        "fr" => include_str!("../../data/translations/fr.json"),
        "kmr" => include_str!("../../data/translations/kmr.json"),
        "ckb" => include_str!("../../data/translations/ckb.json"),
        "om" => include_str!("../../data/translations/om.json"),
        "ps" => include_str!("../../data/translations/ps.json"),
        "ru" => include_str!("../../data/translations/ru.json"),
        "so" => include_str!("../../data/translations/so.json"),
        "ti" => include_str!("../../data/translations/ti.json"),
        _ => return None,
    })
}

/// A shipped translation file, parsed once. A file that does not parse
/// counts as empty (English shows instead), and
/// `every_translation_file_covers_every_text` fails the test suite on it.
pub fn shipped_translation(lang: &str) -> Option<&'static TranslationFile> {
    static FILES: [OnceLock<TranslationFile>; 12] = [const { OnceLock::new() }; 12];
    let slot = TRANSLATED_LANGUAGES.iter().position(|l| *l == lang)?;
    Some(FILES[slot].get_or_init(|| {
        shipped_translation_json(lang)
            .and_then(|json| serde_json::from_str(json).ok())
            .unwrap_or_default()
    }))
}

impl Questionnaire {
    /// Calls `f` with the key and text of every translatable text.
    pub fn visit_texts_mut(&mut self, mut f: impl FnMut(&str, &mut Text)) {
        for section in &mut self.sections {
            f(&format!("s.{}.title", section.id), &mut section.title);
            if let Some(intro) = &mut section.intro {
                f(&format!("s.{}.intro", section.id), intro);
            }
            for question in &mut section.questions {
                visit_question(question, &question.id.clone(), &mut f);
            }
        }
    }

    /// Every translatable text's key with its text, in definition order.
    pub fn texts(&self) -> Vec<(String, Text)> {
        let mut out = Vec::new();
        self.clone()
            .visit_texts_mut(|key, text| out.push((key.to_owned(), text.clone())));
        out
    }

    /// This questionnaire with texts only in `langs` and English (the
    /// fallback), the translation files merged in.
    #[must_use]
    pub fn with_languages(&self, langs: &[&str]) -> Self {
        let mut q = self.clone();
        q.visit_texts_mut(|key, text| keep_languages(key, text, langs));
        q
    }
}

impl Questionnaire {
    /// Adds the texts of `other`, the same definition served for other
    /// languages, so that a client fetches only the languages it lacks.
    pub fn merge_texts(&mut self, other: &Questionnaire) {
        let texts: HashMap<String, Text> = other.texts().into_iter().collect();
        self.visit_texts_mut(|key, text| {
            if let Some(more) = texts.get(key) {
                text.extend(more);
            }
        });
    }
}

impl CodeList {
    /// Adds the names of `other`, the same list served for other languages.
    pub fn merge_texts(&mut self, other: &CodeList) {
        for item in &mut self.items {
            if let Some(more) = other.get(&item.code) {
                item.text.extend(&more.text);
            }
        }
    }

    /// This list with names only in `langs` and English, the translation
    /// files merged in.
    #[must_use]
    pub fn with_languages(&self, langs: &[&str]) -> Self {
        let mut list = self.clone();
        let name = self.list.name();
        for item in &mut list.items {
            keep_languages(&format!("list.{name}.{}", item.code), &mut item.text, langs);
        }
        list
    }
}

fn visit_question(question: &mut Question, path: &str, f: &mut impl FnMut(&str, &mut Text)) {
    f(&format!("q.{path}.text"), &mut question.text);
    if let Some(help) = &mut question.help {
        f(&format!("q.{path}.help"), help);
    }
    match &mut question.answer {
        AnswerKind::SingleChoice { options, .. }
        | AnswerKind::MultipleChoice { options, .. }
        | AnswerKind::List { options, .. } => {
            for option in options {
                f(
                    &format!("q.{path}.option.{}", option.code),
                    &mut option.text,
                );
            }
        }
        AnswerKind::Number {
            unit: Some(unit), ..
        } => f(&format!("q.{path}.unit"), unit),
        AnswerKind::Group {
            add_label,
            add_first_label,
            questions,
            ..
        } => {
            if let Some(label) = add_label {
                f(&format!("q.{path}.add_label"), label);
            }
            if let Some(label) = add_first_label {
                f(&format!("q.{path}.add_first_label"), label);
            }
            for child in questions {
                let child_path = format!("{path}.{}", child.id);
                visit_question(child, &child_path, f);
            }
        }
        _ => {}
    }
}

/// Adds the translations of `langs` to `text` and drops every other
/// language but the fallback.
fn keep_languages(key: &str, text: &mut Text, langs: &[&str]) {
    for lang in langs {
        if let Some(s) = shipped_translation(lang).and_then(|t| t.get(key)) {
            text.insert(lang, s);
        }
    }
    text.retain(|lang| lang == FALLBACK_LANGUAGE || langs.contains(&lang));
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::codes::{self, CodeListId};
    use crate::questionnaire::shipped_v1;

    /// Every key a translation file must have, with its English text.
    fn source_keys() -> BTreeMap<String, String> {
        let mut keys: BTreeMap<String, String> = shipped_v1()
            .texts()
            .into_iter()
            .map(|(k, t)| (k, t.get("en").to_owned()))
            .collect();
        for id in CodeListId::ALL {
            for item in &codes::shipped(id).items {
                keys.insert(
                    format!("list.{}.{}", id.name(), item.code),
                    item.text.get("en").to_owned(),
                );
            }
        }
        keys
    }

    /// `{…}` placeholders and line breaks must survive translation.
    fn placeholders(s: &str) -> BTreeSet<String> {
        s.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(p, _)| p.trim().to_owned()))
            .collect()
    }

    #[test]
    fn every_translation_file_covers_every_text() {
        let source = source_keys();
        let mut problems = Vec::new();
        for lang in TRANSLATED_LANGUAGES {
            let json = shipped_translation_json(lang).unwrap_or_default();
            let file: TranslationFile = match serde_json::from_str(json) {
                Ok(file) => file,
                Err(e) => {
                    problems.push(format!("{lang}.json does not parse: {e}"));
                    continue;
                }
            };
            if file.lang != lang {
                problems.push(format!("{lang}.json says it is {}", file.lang));
            }
            for key in file.reviewed.keys().filter(|k| file.draft.contains_key(*k)) {
                problems.push(format!("{lang}: {key} is both reviewed and draft"));
            }
            for (key, english) in &source {
                match file.get(key) {
                    None => problems.push(format!("{lang}: {key} is missing")),
                    Some(s) if s.trim().is_empty() => {
                        problems.push(format!("{lang}: {key} is empty"));
                    }
                    Some(s) if placeholders(s) != placeholders(english) => {
                        problems.push(format!("{lang}: {key} has other placeholders"));
                    }
                    Some(_) => {}
                }
            }
            for key in file.reviewed.keys().chain(file.draft.keys()) {
                if !source.contains_key(key) {
                    problems.push(format!("{lang}: {key} is not a text of the questionnaire"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn with_languages_keeps_the_asked_ones_and_english() {
        let q = shipped_v1().with_languages(&["ar"]);
        let title = &q.sections[0].title;
        assert_eq!(title.languages().collect::<Vec<_>>(), ["ar", "en"]);
        assert!(title.has("ar"));
        assert_ne!(title.get("ar"), title.get("en"));
    }

    #[test]
    fn with_languages_keeps_bokmal_from_the_definition() {
        let q = shipped_v1().with_languages(&["nb", "ti"]);
        let text = &q.sections[0].questions[0].text;
        assert_eq!(text.languages().collect::<Vec<_>>(), ["en", "nb", "ti"]);
    }

    #[test]
    fn code_list_names_come_in_the_asked_language() {
        let list = codes::shipped(CodeListId::Countries).with_languages(&["ru"]);
        let syria = list.get("SYR").map(|i| i.text.get("ru"));
        assert_eq!(syria, Some("Сирия"));
        assert!(!list.items[0].text.has("nb"));
    }

    #[test]
    fn merging_a_served_language_adds_it_to_the_loaded_ones() {
        let mut q = shipped_v1().with_languages(&["en"]);
        q.merge_texts(&shipped_v1().with_languages(&["so"]));
        let text = &q.sections[1].questions[0].text;
        assert_eq!(text.languages().collect::<Vec<_>>(), ["en", "so"]);

        let mut list = codes::shipped(CodeListId::Languages).with_languages(&["en"]);
        list.merge_texts(&codes::shipped(CodeListId::Languages).with_languages(&["fa"]));
        assert!(list.items.iter().all(|i| i.text.has("fa")));
    }

    #[test]
    fn a_served_questionnaire_loads_with_english_alone() {
        let json = serde_json::to_string(&shipped_v1().with_languages(&["ti"])).unwrap();
        let lists = crate::codes::CodeLists::shipped();
        assert!(crate::questionnaire::load_served(&json, lists).is_ok());
        assert!(
            crate::questionnaire::load(&json, lists).is_err(),
            "bokmål is required of a definition"
        );
    }

    #[test]
    fn an_unknown_language_leaves_english_only() {
        let q = shipped_v1().with_languages(&["xx"]);
        assert_eq!(q.sections[0].title.languages().collect::<Vec<_>>(), ["en"]);
    }
}
