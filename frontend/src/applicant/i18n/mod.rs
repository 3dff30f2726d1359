//! The translation layer. Every user-visible string goes through `t`, from
//! Project Fluent files (`frontend/locales/<lang>.ftl`), so that plural rules
//! and word order stay the translator's business.
//!
//! Only the default language is compiled in; the others are fetched from
//! `/locales/<code>.ftl` when chosen, so the first load stays small. The
//! choice is kept on the device (it is not personal data) so that it holds
//! across pages and logins.

use std::cell::{Cell, RefCell};

use fluent_bundle::FluentArgs;
use leptos::prelude::*;

use crate::core::i18n::{Catalog, remember, remembered, set_document_language};

mod lang;

pub use fluent_bundle::FluentArgs as Args;
pub use lang::Lang;

const DEFAULT_FTL: &str = include_str!("../../../locales/en.ftl");
/// Where the device keeps the chosen language (`boot.js` reads it too).
pub const STORAGE_KEY: &str = "kartlegg.lang";

thread_local! {
    // wasm is single-threaded and Fluent bundles are not `Send`, so the
    // loaded bundles live here; the reactive language signal lives in context.
    static CATALOG: RefCell<Catalog<Lang>> = const { RefCell::new(Catalog::new(Lang::DEFAULT)) };
    // The language shown now, for code that runs outside the reactive owner:
    // after an `.await` in a task or an Action there is no context to read the
    // signal from, and a message made there would otherwise fall back to
    // English on an Arabic page.
    static SHOWN: Cell<Lang> = const { Cell::new(Lang::DEFAULT) };
}

/// The current language, shared through context. `lang` changes only once
/// the language's texts are loaded, so a page never shows keys.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// Loads the default language, restores the device's choice, and keeps
    /// the document's `lang` and `dir` in step.
    pub fn init() -> Self {
        CATALOG.with(|c| {
            let mut c = c.borrow_mut();
            if !c.has(Lang::DEFAULT) {
                add(&mut c, Lang::DEFAULT, DEFAULT_FTL);
            }
        });
        let i18n = Self {
            lang: RwSignal::new(Lang::DEFAULT),
        };
        let initial = initial_lang();
        // boot.js has already set the device language's direction: keep it
        // until that language's texts are in, rather than flip to English's.
        Effect::new(move |shown: Option<bool>| {
            let lang = i18n.lang.get();
            let show = shown == Some(true) || lang == initial;
            if show {
                set_document_language(lang.bcp47(), lang.is_rtl());
            }
            show
        });
        if initial != Lang::DEFAULT {
            i18n.switch_to(initial);
        }
        i18n
    }

    /// Switches to `lang` and remembers the choice on the device.
    pub fn choose(self, lang: Lang) {
        store_choice(lang);
        self.switch_to(lang);
    }

    /// Switches to `lang`, fetching its texts first when needed.
    fn switch_to(self, lang: Lang) {
        if CATALOG.with(|c| c.borrow().has(lang)) {
            self.show(lang);
            return;
        }
        // A task, not an Action: the page switches language once the texts
        // are in, and that switch is the only result to show.
        leptos::task::spawn_local(async move {
            let url = format!("/locales/{}.ftl", lang.code());
            // A language whose file is missing shows English (the fallback)
            // with its own direction, rather than nothing.
            let source = match gloo_net::http::Request::get(&url).send().await {
                Ok(response) if response.ok() => response.text().await.unwrap_or_default(),
                _ => String::new(),
            };
            CATALOG.with(|c| add(&mut c.borrow_mut(), lang, &source));
            self.show(lang);
        });
    }

    fn show(self, lang: Lang) {
        SHOWN.with(|s| s.set(lang));
        self.lang.set(lang);
    }
}

/// The language to start in: the device's earlier choice, else the first
/// of the browser's preferred languages that we have, else English.
pub fn initial_lang() -> Lang {
    stored_choice()
        .or_else(browser_preference)
        .unwrap_or(Lang::DEFAULT)
}

fn browser_preference() -> Option<Lang> {
    let languages: Vec<String> = web_sys::window()?
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    Lang::negotiate(&languages)
}

/// The language the device chose earlier, if any.
pub fn stored_choice() -> Option<Lang> {
    Lang::from_code(&remembered(STORAGE_KEY)?)
}

fn store_choice(lang: Lang) {
    remember(STORAGE_KEY, lang.code());
}

fn add(catalog: &mut Catalog<Lang>, lang: Lang, source: &str) {
    catalog.add(lang, lang::langid(lang), source, true);
}

/// The current language: reactive inside the component tree, and right
/// outside it too (after an `.await`), where there is no context.
pub fn current_lang() -> Lang {
    use_context::<I18n>().map_or_else(|| SHOWN.with(Cell::get), |i| i.lang.get())
}

/// A message kept as its key and arguments, translated when it is shown, so
/// that it follows a change of language and never depends on where it was
/// made. Messages from server answers are made with [`Message::of_problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: String,
    args: Vec<(&'static str, i64)>,
}

impl Message {
    /// The message with this key.
    pub fn new(key: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// With a numeric argument (`{ $name }` in the Fluent text).
    #[must_use]
    pub fn with(mut self, name: &'static str, value: i64) -> Self {
        self.args.push((name, value));
        self
    }

    /// The key, for tests.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The text in the current language (reactive inside a closure).
    pub fn text(&self) -> String {
        if self.args.is_empty() {
            return translate(&self.key, None);
        }
        let mut args = Args::new();
        for (name, value) in &self.args {
            args.set(*name, *value);
        }
        translate(&self.key, Some(&args))
    }
}

/// The text for `key` in the current language, reactive: a view that calls
/// it inside a closure re-renders when the language changes.
pub fn t(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || translate(key, None)
}

/// The text for `key` now (reactive when called inside a closure).
pub fn tr(key: &str) -> String {
    translate(key, None)
}

/// The text for `key` with arguments (placeholders such as `{ $count }`).
pub fn translate(key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let lang = current_lang();
    CATALOG.with(|c| c.borrow().format(lang, key, args))
}

#[cfg(test)]
mod tests {
    use crate::core::i18n::test_support::{code_keys, messages};

    fn locale_files() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .map(|p| {
                (
                    p.file_stem().unwrap().to_string_lossy().into_owned(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn there_is_one_file_for_each_of_the_fourteen_languages() {
        let mut have: Vec<String> = locale_files().into_iter().map(|(lang, _)| lang).collect();
        let mut want: Vec<String> = super::Lang::ALL
            .iter()
            .map(|l| l.code().to_owned())
            .collect();
        have.sort();
        want.sort();
        assert_eq!(have, want);
    }

    #[test]
    fn every_language_file_has_every_key_with_the_same_placeholders() {
        let english = messages(super::DEFAULT_FTL);
        for (lang, source) in locale_files() {
            let other = messages(&source);
            assert_eq!(
                english.keys().collect::<Vec<_>>(),
                other.keys().collect::<Vec<_>>(),
                "{lang}.ftl has other keys than en.ftl"
            );
            for (key, vars) in &english {
                assert_eq!(
                    vars, &other[key],
                    "{lang}.ftl: {key} has other placeholders"
                );
            }
        }
    }

    #[test]
    fn every_key_the_code_uses_is_in_the_default_language() {
        let english = messages(super::DEFAULT_FTL);
        let missing: Vec<String> = code_keys(&["t(\"", "tr(\"", "translate(\"", "Message::new(\""])
            .into_iter()
            .filter(|(_, key)| !english.contains_key(key))
            .map(|(file, key)| format!("{file}: {key}"))
            .collect();
        assert!(
            missing.is_empty(),
            "keys missing from en.ftl:\n{}",
            missing.join("\n")
        );
    }
}
