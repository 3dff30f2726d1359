//! The back office's texts: Norwegian bokmål (the default) and English,
//! from `frontend/locales/caseworker/<lang>.ftl`. Both are compiled into
//! the caseworker bundle only, so the applicant's files do not grow. Code
//! asks for them with `ct(…)` (the applicant's `t(…)` reads the
//! other files); a test checks every such key against the files.

use std::cell::RefCell;

use fluent_bundle::FluentArgs;
use leptos::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::core::i18n::{Catalog, remember, remembered, set_document_language};

pub use fluent_bundle::FluentArgs as Args;

const NB_FTL: &str = include_str!("../../locales/caseworker/nb.ftl");
const EN_FTL: &str = include_str!("../../locales/caseworker/en.ftl");
const STORAGE_KEY: &str = "kartlegg.caseworker.lang";

/// A language of the back office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CwLang {
    Nb,
    En,
}

impl CwLang {
    /// The language before a choice is made, and the fallback for a
    /// missing text.
    pub const DEFAULT: CwLang = CwLang::Nb;
    /// Both, in the order the switch lists them.
    pub const ALL: [CwLang; 2] = [Self::Nb, Self::En];

    /// The code used in files and the questionnaire's text maps.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Nb => "nb",
            Self::En => "en",
        }
    }

    /// The language's own name, for the switch.
    pub const fn native_name(self) -> &'static str {
        match self {
            Self::Nb => "Norsk bokmål",
            Self::En => "English",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    fn langid(self) -> LanguageIdentifier {
        self.code().parse().unwrap_or_default()
    }

    fn source(self) -> &'static str {
        match self {
            Self::Nb => NB_FTL,
            Self::En => EN_FTL,
        }
    }
}

thread_local! {
    // Fluent bundles are not `Send`; wasm has one thread.
    static CATALOG: RefCell<Catalog<CwLang>> = const { RefCell::new(Catalog::new(CwLang::DEFAULT)) };
}

/// The back office's language, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct CwI18n {
    pub lang: RwSignal<CwLang>,
}

impl CwI18n {
    /// Loads both languages, restores the device's choice and keeps the
    /// document's `lang` in step.
    pub fn init() -> Self {
        CATALOG.with(|c| {
            let mut c = c.borrow_mut();
            for lang in CwLang::ALL {
                if !c.has(lang) {
                    // Dates and numbers are formatted by the page; no bidi marks around them.
                    c.add(lang, lang.langid(), lang.source(), false);
                }
            }
        });
        let saved = remembered(STORAGE_KEY).and_then(|code| CwLang::from_code(&code));
        let i18n = Self {
            lang: RwSignal::new(saved.unwrap_or(CwLang::DEFAULT)),
        };
        Effect::new(move || set_document_language(i18n.lang.get().code(), false));
        i18n
    }

    /// Switches language and remembers the choice on the device.
    pub fn choose(self, lang: CwLang) {
        remember(STORAGE_KEY, lang.code());
        self.lang.set(lang);
    }
}

/// The current back-office language (reactive).
pub fn cw_lang() -> CwLang {
    use_context::<CwI18n>().map_or(CwLang::DEFAULT, |i| i.lang.get())
}

/// The text for `key`, reactive: a view that calls it inside a closure
/// re-renders when the language changes.
pub fn ct(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || ctranslate(key, None)
}

/// The text for `key` now (reactive when called inside a closure).
pub fn ctr(key: &str) -> String {
    ctranslate(key, None)
}

/// The text for `key` with arguments.
pub fn ctranslate(key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let lang = cw_lang();
    CATALOG.with(|c| c.borrow().format(lang, key, args))
}

/// `ctranslate` with one argument.
pub fn ct1(
    key: &str,
    name: &'static str,
    value: impl Into<fluent_bundle::FluentValue<'static>>,
) -> String {
    let mut args = FluentArgs::new();
    args.set(name, value);
    ctranslate(key, Some(&args))
}

#[cfg(test)]
mod tests {
    use crate::core::i18n::test_support::{code_keys, messages};

    #[test]
    fn both_caseworker_files_have_the_same_keys_and_placeholders() {
        let nb = messages(super::NB_FTL);
        let en = messages(super::EN_FTL);
        assert_eq!(
            nb.keys().collect::<Vec<_>>(),
            en.keys().collect::<Vec<_>>(),
            "caseworker/en.ftl has other keys than caseworker/nb.ftl"
        );
        for (key, vars) in &nb {
            assert_eq!(
                vars, &en[key],
                "caseworker/en.ftl: {key} has other placeholders"
            );
        }
    }

    #[test]
    fn every_caseworker_key_the_code_uses_is_in_the_files() {
        let nb = messages(super::NB_FTL);
        // `word("…")`: the common components' keys, in the back office's words.
        let used = code_keys(&[
            "ct(\"",
            "ctr(\"",
            "ctranslate(\"",
            "ct1(\"",
            "word(\"",
            "word_with(\"",
        ]);
        assert!(used.len() > 100, "the scan finds the back office's calls");
        let missing: Vec<String> = used
            .into_iter()
            .filter(|(_, key)| !nb.contains_key(key))
            .map(|(file, key)| format!("{file}: {key}"))
            .collect();
        assert!(
            missing.is_empty(),
            "keys missing from caseworker/nb.ftl:\n{}",
            missing.join("\n")
        );
    }
}
