//! Dates and times as the applicant reads them: in their language, with the
//! Gregorian calendar and the month as a word (no ambiguous 03/04), never
//! the raw ISO text the API sends. The browser's Intl does the work, so the
//! digits (Latin or native) are whatever the language's locale uses.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::applicant::i18n::Lang;

/// "30 November 2026" (in `lang`) for an ISO 8601 timestamp.
pub fn date(iso: &str, lang: Lang) -> String {
    format(iso, lang, false)
}

/// The date with the time of day, for events such as a consent.
pub fn date_time(iso: &str, lang: Lang) -> String {
    format(iso, lang, true)
}

fn format(iso: &str, lang: Lang, with_time: bool) -> String {
    let when = Date::new(&JsValue::from_str(iso));
    if when.get_time().is_nan() {
        // Better the text as sent than nothing.
        return iso.to_owned();
    }
    let options = Object::new();
    let set = |key: &str, value: &str| {
        let _ = Reflect::set(&options, &key.into(), &value.into());
    };
    set("day", "numeric");
    set("month", "long");
    set("year", "numeric");
    // Some locales default to another calendar (Persian, Ethiopic); the
    // dates the caseworker sees and the applicant's papers are Gregorian.
    set("calendar", "gregory");
    if with_time {
        set("hour", "numeric");
        set("minute", "2-digit");
        when.to_locale_string(lang.bcp47(), &options).into()
    } else {
        when.to_locale_date_string(lang.bcp47(), &options).into()
    }
}
