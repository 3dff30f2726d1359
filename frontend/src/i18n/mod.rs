//! The translation layer. Every user-visible string goes through `t`, from
//! Project Fluent files (`frontend/locales/<lang>.ftl`), so that plural rules
//! and word order stay the translator's business.
//!
//! Only the default language is compiled in; the others are fetched from
//! `/locales/<code>.ftl` when chosen, so the first load stays small. The
//! choice is kept on the device (it is not personal data) so that it holds
//! across pages and logins.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use leptos::prelude::*;

mod lang;

pub use fluent_bundle::FluentArgs as Args;
pub use lang::Lang;

const DEFAULT_FTL: &str = include_str!("../../locales/en.ftl");
const STORAGE_KEY: &str = "kartlegg.lang";

thread_local! {
    // wasm is single-threaded and Fluent bundles are not `Send`, so the
    // loaded bundles live here; the reactive language signal lives in context.
    static BUNDLES: RefCell<HashMap<Lang, FluentBundle<FluentResource>>> = RefCell::new(HashMap::new());
    // The language shown now, for code that runs outside the reactive owner:
    // after an `.await` in `spawn_local` there is no context to read the
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
        BUNDLES.with(|b| {
            b.borrow_mut()
                .entry(Lang::DEFAULT)
                .or_insert_with(|| bundle(Lang::DEFAULT, DEFAULT_FTL));
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
                set_document_language(lang);
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
        if BUNDLES.with(|b| b.borrow().contains_key(&lang)) {
            self.show(lang);
            return;
        }
        leptos::task::spawn_local(async move {
            let url = format!("/locales/{}.ftl", lang.code());
            // A language whose file is missing shows English (the fallback)
            // with its own direction, rather than nothing.
            let source = match gloo_net::http::Request::get(&url).send().await {
                Ok(response) if response.ok() => response.text().await.unwrap_or_default(),
                _ => String::new(),
            };
            BUNDLES.with(|b| b.borrow_mut().insert(lang, bundle(lang, &source)));
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
    let storage = web_sys::window()?.local_storage().ok()??;
    Lang::from_code(&storage.get_item(STORAGE_KEY).ok()??)
}

fn store_choice(lang: Lang) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _errors)| res);
    let mut bundle = FluentBundle::new(vec![lang.langid()]);
    // A broken message must not take the page down: the English text shows instead.
    let _ = bundle.add_resource(resource);
    bundle
}

fn set_document_language(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.bcp47());
        let _ = root.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
    }
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
    BUNDLES.with(|bundles| {
        let bundles = bundles.borrow();
        [lang, Lang::DEFAULT]
            .iter()
            .filter_map(|l| bundles.get(l))
            .find_map(|bundle| {
                let pattern = bundle.get_message(key)?.value()?;
                let mut errors = Vec::new();
                Some(
                    bundle
                        .format_pattern(pattern, args, &mut errors)
                        .into_owned(),
                )
            })
            .unwrap_or_else(|| key.to_owned())
    })
}

/// What the completeness tests of both translation layers (this one and the
/// back office's) read: the Fluent syntax tree and the keys the code uses.
#[cfg(test)]
pub(crate) mod test_support {
    use std::collections::BTreeMap;
    use std::collections::BTreeSet;

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    /// Message ids with the variables each one uses.
    pub(crate) fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = FluentResource::try_new(source.to_owned()).expect("the file parses");
        let mut out = BTreeMap::new();
        for entry in resource.entries() {
            if let Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables(p, &mut vars);
                    assert!(!pattern_is_empty(p), "{} is empty", m.id.name);
                }
                out.insert(m.id.name.to_owned(), vars);
            }
        }
        out
    }

    fn pattern_is_empty(p: &Pattern<&str>) -> bool {
        p.elements
            .iter()
            .all(|e| matches!(e, PatternElement::TextElement { value } if value.trim().is_empty()))
    }

    fn variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
        for e in &p.elements {
            if let PatternElement::Placeable { expression } = e {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(InlineExpression::VariableReference { id }) => {
                out.insert(id.name.to_owned());
            }
            Expression::Select { selector, variants } => {
                if let InlineExpression::VariableReference { id } = selector {
                    out.insert(id.name.to_owned());
                }
                for v in variants {
                    variables(&v.value, out);
                }
            }
            _ => {}
        }
    }

    /// Every literal key passed to one of `calls` (such as `t("`) anywhere
    /// in `frontend/src`, with the file it is in. A call of another
    /// function that ends the same way (`set("…")`, `ct("…")`) is not one.
    pub(crate) fn code_keys(calls: &[&str]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(src)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for call in calls {
                for (at, _) in text.match_indices(call) {
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                        continue;
                    }
                    let piece = &text[at + call.len()..];
                    let key: String = piece.chars().take_while(|c| *c != '"').collect();
                    if !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                    {
                        out.push((path.display().to_string(), key));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{code_keys, messages};

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
