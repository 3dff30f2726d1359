//! Translated text: every text a person reads is a map from a language code
//! to a string, with English as the fallback where a translation is missing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The 14 languages the applicant can choose, as the codes used in text
/// maps: [`crate::language::UiLanguage`]'s, so the list is written once.
pub const UI_LANGUAGES: [&str; 14] = crate::language::codes();

/// The most languages one request for the questionnaire or a code list
/// may name: the applicant's, a translation beside it, and the
/// caseworker's.
pub const MAX_REQUESTED_LANGUAGES: usize = 3;

/// Languages every text must have: English (the fallback) and Norwegian
/// bokmål (the caseworkers' language).
pub const REQUIRED_LANGUAGES: [&str; 2] = ["en", "nb"];

/// The language a missing translation falls back to.
pub const FALLBACK_LANGUAGE: &str = "en";

/// A text in several languages: `{ "en": "Yes", "nb": "Ja" }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(
    feature = "server",
    derive(utoipa::ToSchema),
    schema(value_type = std::collections::BTreeMap<String, String>, example = json!({"en": "Yes", "nb": "Ja"}))
)]
#[serde(transparent)]
pub struct Text(BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, else in English, else empty.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get(FALLBACK_LANGUAGE))
            .map_or("", String::as_str)
    }

    /// Whether there is a non-blank translation for `lang` (no fallback).
    pub fn has(&self, lang: &str) -> bool {
        self.0.get(lang).is_some_and(|s| !s.trim().is_empty())
    }

    /// Sets the text in `lang`.
    pub fn insert(&mut self, lang: &str, text: &str) {
        self.0.insert(lang.to_owned(), text.to_owned());
    }

    /// Adds every language of `other`, replacing those present in both.
    pub fn extend(&mut self, other: &Text) {
        self.0
            .extend(other.0.iter().map(|(l, s)| (l.clone(), s.clone())));
    }

    /// Keeps only the languages for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.0.retain(|lang, _| keep(lang));
    }

    /// The language codes present.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

impl<const N: usize> From<[(&str, &str); N]> for Text {
    fn from(pairs: [(&str, &str); N]) -> Self {
        Self(
            pairs
                .iter()
                .map(|(l, s)| ((*l).to_owned(), (*s).to_owned()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_translation_falls_back_to_english() {
        let t = Text::from([("en", "Yes"), ("nb", "Ja")]);
        assert_eq!(t.get("nb"), "Ja");
        assert_eq!(t.get("ti"), "Yes");
    }

    #[test]
    fn blank_translation_does_not_count_as_present() {
        let t = Text::from([("en", "Yes"), ("nb", " ")]);
        assert!(t.has("en"));
        assert!(!t.has("nb"));
    }
}
