//! Edits the server has not acknowledged yet, kept on the device so that a
//! reload, a dropped connection or a closed tab loses nothing: the form app
//! sends them when the network returns or at the next login on this device.
//!
//! They live in localStorage (a closed tab loses sessionStorage), under a
//! key per registration (an opaque id, never the DUF-number), so that two
//! people sharing a computer at a reception centre never see each other's
//! edits. Logging out and completing erase them; a session that merely timed
//! out keeps them for the next login.

use std::cell::RefCell;

use kartlegg_shared::questionnaire::Answers;

const PREFIX: &str = "kartlegg.unsaved.";

thread_local! {
    // The registration whose edits `clear_unsaved` erases: the one the form
    // app has loaded. Logging out knows no registration id of its own.
    static OWNER: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn key(registration: &str) -> String {
    format!("{PREFIX}{registration}")
}

/// The registration the form app works on from now on.
pub fn set_owner(registration: &str) {
    OWNER.with(|o| *o.borrow_mut() = Some(registration.to_owned()));
}

/// Keeps `answers` (already pruned) as unacknowledged edits of
/// `registration` on top of `revision`.
pub fn keep_unsaved(registration: &str, revision: i64, answers: &Answers) {
    if let (Some(storage), Ok(json)) =
        (local_storage(), serde_json::to_string(&(revision, answers)))
    {
        let _ = storage.set_item(&key(registration), &json);
    }
}

/// The unacknowledged edits of `registration`, if they build on `revision`.
/// Edits on an older revision are dropped: another device has saved since,
/// and replaying them would overwrite what the server accepted there.
pub fn unsaved(registration: &str, revision: i64) -> Option<Answers> {
    let storage = local_storage()?;
    let json = storage.get_item(&key(registration)).ok()??;
    match serde_json::from_str::<(i64, Answers)>(&json) {
        Ok((kept, answers)) if kept == revision => Some(answers),
        _ => {
            let _ = storage.remove_item(&key(registration));
            None
        }
    }
}

/// Forgets the unacknowledged edits of `registration`.
pub fn forget(registration: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&key(registration));
    }
}

/// Forgets the unacknowledged edits of the registration the form app has
/// loaded (at logout and completion).
pub fn clear_unsaved() {
    if let Some(owner) = OWNER.with(|o| o.borrow().clone()) {
        forget(&owner);
    }
}
