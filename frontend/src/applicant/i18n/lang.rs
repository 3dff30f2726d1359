//! The fourteen languages an applicant can choose are
//! `shared::language::UiLanguage`, the type the server checks a
//! registration's language and a questionnaire request with; the browser
//! calls it `Lang`. What only the browser needs of a language is here.

use unic_langid::LanguageIdentifier;

pub use kartlegg_shared::language::UiLanguage as Lang;

/// The language's identifier for Fluent's plural rules.
pub(crate) fn langid(lang: Lang) -> LanguageIdentifier {
    lang.bcp47().parse().unwrap_or_default()
}
