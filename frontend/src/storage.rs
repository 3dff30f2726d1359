//! Edits the server has not acknowledged yet, kept in the tab's
//! sessionStorage (never localStorage) so that a reload or a dropped
//! connection loses nothing; erased at logout, completion and session end.

use kartlegg_shared::questionnaire::Answers;

const UNSAVED_KEY: &str = "kartlegg.unsaved";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Keeps `answers` as unacknowledged edits on top of `revision`.
pub fn keep_unsaved(revision: i64, answers: &Answers) {
    if let (Some(storage), Ok(json)) = (
        session_storage(),
        serde_json::to_string(&(revision, answers)),
    ) {
        let _ = storage.set_item(UNSAVED_KEY, &json);
    }
}

/// The unacknowledged edits, if they build on `revision` (edits on an older
/// revision would overwrite what the server has since accepted).
pub fn unsaved(revision: i64) -> Option<Answers> {
    let json = session_storage()?.get_item(UNSAVED_KEY).ok()??;
    let (kept, answers): (i64, Answers) = serde_json::from_str(&json).ok()?;
    (kept == revision).then_some(answers)
}

/// Forgets unacknowledged edits.
pub fn clear_unsaved() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(UNSAVED_KEY);
    }
}
