//! The translation layer. Every user-visible string goes through `t`, from
//! Project Fluent files (`frontend/locales/<lang>.ftl`), so that plural rules
//! and word order stay the translator's business.
//!
//! Only the default language is compiled in; the others are fetched when
//! chosen, so the first load stays small.

use std::cell::RefCell;
use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use leptos::prelude::*;

mod lang;

pub use lang::Lang;

const DEFAULT_FTL: &str = include_str!("../../locales/en.ftl");

thread_local! {
    // wasm is single-threaded and Fluent bundles are not `Send`, so the
    // loaded bundles live here; the reactive language signal lives in context.
    static BUNDLES: RefCell<HashMap<Lang, FluentBundle<FluentResource>>> = RefCell::new(HashMap::new());
}

/// The current language, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// Loads the default language and sets the document's `lang` and `dir`.
    pub fn init() -> Self {
        BUNDLES.with(|b| {
            b.borrow_mut()
                .entry(Lang::DEFAULT)
                .or_insert_with(|| bundle(Lang::DEFAULT, DEFAULT_FTL));
        });
        let lang = RwSignal::new(Lang::DEFAULT);
        Effect::new(move || set_document_language(lang.get()));
        Self { lang }
    }
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _errors)| res);
    let mut bundle = FluentBundle::new(vec![lang.langid()]);
    // A broken message must not take the page down: the key shows instead.
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

/// The text for `key` in the current language, reactive: a view that calls
/// it inside a closure re-renders when the language changes.
pub fn t(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || translate(key, None)
}

/// The text for `key` with arguments (placeholders such as `{ $count }`).
pub fn translate(key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let lang = use_context::<I18n>().map_or(Lang::DEFAULT, |i| i.lang.get());
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
