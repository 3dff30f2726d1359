//! The Fluent catalog both apps translate with: one bundle per language
//! and a fallback language for a text a language lacks, so that a missing
//! or broken message shows the fallback's text (or, last, its key) and
//! never takes a page down. Each app keeps its own catalog of its own
//! languages (`i18n` for the applicant, `caseworker::i18n`).

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use unic_langid::LanguageIdentifier;

/// Fluent bundles by language `L`, with a fallback.
pub struct Catalog<L> {
    fallback: L,
    bundles: Vec<(L, FluentBundle<FluentResource>)>,
}

impl<L: Copy + PartialEq> Catalog<L> {
    /// An empty catalog whose missing texts come from `fallback`.
    pub const fn new(fallback: L) -> Self {
        Self {
            fallback,
            bundles: Vec::new(),
        }
    }

    /// Whether `lang`'s texts are in.
    pub fn has(&self, lang: L) -> bool {
        self.bundles.iter().any(|(l, _)| *l == lang)
    }

    /// Adds (or replaces) `lang`'s texts from Fluent `source`. The parts of
    /// a broken file that parse are kept. `isolating` puts bidi marks
    /// around placeables (right for mixed-direction text; the back office,
    /// left to right only, formats its own dates and numbers without them).
    pub fn add(&mut self, lang: L, id: LanguageIdentifier, source: &str, isolating: bool) {
        let resource =
            FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _errors)| res);
        let mut bundle = FluentBundle::new(vec![id]);
        bundle.set_use_isolating(isolating);
        // A broken message must not take the page down: the fallback's text shows instead.
        let _ = bundle.add_resource(resource);
        self.bundles.retain(|(l, _)| *l != lang);
        self.bundles.push((lang, bundle));
    }

    /// The text for `key` in `lang`, else in the fallback language, else
    /// the key itself.
    pub fn format(&self, lang: L, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        [lang, self.fallback]
            .iter()
            .filter_map(|l| self.bundles.iter().find(|(have, _)| have == l))
            .find_map(|(_, bundle)| {
                let pattern = bundle.get_message(key)?.value()?;
                let mut errors = Vec::new();
                Some(
                    bundle
                        .format_pattern(pattern, args, &mut errors)
                        .into_owned(),
                )
            })
            .unwrap_or_else(|| key.to_owned())
    }
}

/// Sets the document's `lang` and `dir`, for screen readers and layout.
pub fn set_document_language(bcp47: &str, rtl: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", bcp47);
        let _ = root.set_attribute("dir", if rtl { "rtl" } else { "ltr" });
    }
}

/// The language code the device remembers under `key` (a choice of
/// language is not personal data), if any.
pub fn remembered(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

/// Remembers a choice of language on the device.
pub fn remember(key: &str, code: &str) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(key, code);
    }
}

#[cfg(test)]
mod tests {
    use super::Catalog;

    fn catalog() -> Catalog<&'static str> {
        let mut c = Catalog::new("en");
        c.add(
            "en",
            "en".parse().unwrap(),
            "hello = Hello\nonly-en = Only English\n",
            false,
        );
        c.add("nb", "nb".parse().unwrap(), "hello = Hei\n", false);
        c
    }

    #[test]
    fn a_text_a_language_lacks_comes_from_the_fallback_then_the_key() {
        let c = catalog();
        assert_eq!(c.format("nb", "hello", None), "Hei");
        assert_eq!(c.format("nb", "only-en", None), "Only English");
        assert_eq!(c.format("fr", "hello", None), "Hello");
        assert_eq!(c.format("nb", "nowhere", None), "nowhere");
    }

    #[test]
    fn adding_a_language_again_replaces_its_texts() {
        let mut c = catalog();
        assert!(c.has("nb") && !c.has("fr"));
        c.add("nb", "nb".parse().unwrap(), "hello = Hallo\n", false);
        assert_eq!(c.format("nb", "hello", None), "Hallo");
    }
}

/// What the completeness tests of both apps' translation files read: the Fluent syntax tree and the keys the code uses.
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
