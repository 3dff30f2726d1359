//! The words the common components say ("Cancel", "Loading…", the pager,
//! a failed fetch), from the app that shows them: each app has its own
//! texts and languages, so the components ask the app, which provides its
//! `Words` once at its root. The keys the components use must be in the
//! files of every app that provides `Words` (the back office's key test
//! reads `word("…")` calls too).

use fluent_bundle::FluentArgs;
use leptos::prelude::*;

use super::http::ApiError;

/// An app's translation layer, as the common components need it.
#[derive(Clone, Copy)]
pub struct Words {
    /// The text of a key, with arguments, in the app's current language
    /// (reactive when called inside a closure).
    pub text: fn(&str, Option<&FluentArgs<'_>>) -> String,
    /// What to tell the person about a failed fetch.
    pub failure: fn(&ApiError) -> String,
}

/// The text of `key` in the app's words; the key itself outside an app
/// (a missing text shows, it does not take the page down).
pub fn word(key: &str) -> String {
    use_context::<Words>().map_or_else(|| key.to_owned(), |w| (w.text)(key, None))
}

/// [`word`] with arguments.
pub fn word_with(key: &str, args: &FluentArgs<'_>) -> String {
    use_context::<Words>().map_or_else(|| key.to_owned(), |w| (w.text)(key, Some(args)))
}

/// A failed fetch in the app's words; the error's own text outside an app.
pub fn failure(error: &ApiError) -> String {
    use_context::<Words>().map_or_else(|| error.to_string(), |w| (w.failure)(error))
}
