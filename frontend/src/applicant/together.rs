//! Registering together with the applicant (issue #15 item 4): the form
//! bundle, unchanged, in a counsellor's session. The back office opens it
//! under `/together/{id}/…` (`id` the together session's opaque id); every
//! address the pages make (`Route::path`) and every call the API client
//! makes then carries that prefix, so the same pages, components and save
//! path serve both. The server checks the counsellor's session, role and
//! organisation on each call; nothing here is trusted.

use std::cell::RefCell;

const PREFIX: &str = "/together/";

thread_local! {
    // The person the session is for, once the session is loaded: the way
    // back to their page in the back office.
    static PERSON: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The together session's id when the form runs in one (the address starts
/// with `/together/{id}`); `None` in the applicant's own session.
pub fn session_id() -> Option<String> {
    id_in(&pathname()?)
}

/// The session id in an address `/together/{id}/…`.
pub fn id_in(path: &str) -> Option<String> {
    let id = path.strip_prefix(PREFIX)?.split('/').next()?;
    (!id.is_empty()).then(|| id.to_owned())
}

#[cfg(target_arch = "wasm32")]
fn pathname() -> Option<String> {
    web_sys::window()?.location().pathname().ok()
}

// Native unit tests have no browser: the applicant's own session.
#[cfg(not(target_arch = "wasm32"))]
fn pathname() -> Option<String> {
    None
}

/// `path` (a `Route::path`) as the form's router navigates to it: the router
/// runs under the together session's base and adds it itself, where links
/// (`<a href>`) and full loads need it written out.
pub fn in_router(path: &str) -> String {
    let Some(id) = session_id() else {
        return path.to_owned();
    };
    path.strip_prefix(&format!("/together/{id}"))
        .unwrap_or(path)
        .to_owned()
}

/// Remembers whose session it is, for the way back.
pub fn remember_person(person_id: &str) {
    PERSON.with(|p| *p.borrow_mut() = Some(person_id.to_owned()));
}

/// The back office page to return to: the person's, or the start page.
pub fn back_office() -> String {
    PERSON.with(|p| {
        p.borrow().as_ref().map_or_else(
            || "/caseworker".to_owned(),
            |id| format!("/caseworker/people/{id}"),
        )
    })
}

/// Where the API's applicant operations are in this mode: the applicant's
/// own (`/api/v1/applicant`) or the together session's.
pub fn api_base() -> String {
    match session_id() {
        Some(id) => format!("/api/v1/caseworker/together/{id}"),
        None => "/api/v1/applicant".to_owned(),
    }
}

/// Readies this device for the form in `lang` (one of the 14 codes) with
/// the Norwegian translation beside it (English beside Norwegian): the
/// back office calls it before it opens the form. Both are the choices the
/// applicant's own pages keep (`i18n`, `translation`), so the form starts
/// in them and the applicant can still change them.
pub fn prepare_device(lang: &str) {
    crate::core::i18n::remember(crate::applicant::i18n::STORAGE_KEY, lang);
    let beside = if lang == "nb" { "en" } else { "nb" };
    crate::applicant::translation::choose_for_tab(beside);
}

#[cfg(test)]
mod tests {
    use super::id_in;

    #[test]
    fn the_session_id_is_the_first_segment_after_together() {
        assert_eq!(id_in("/together/abc/form/education"), Some("abc".into()));
        assert_eq!(id_in("/together/abc"), Some("abc".into()));
        assert_eq!(id_in("/together/"), None);
        assert_eq!(id_in("/form/education"), None);
    }
}
