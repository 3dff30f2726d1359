//! The browser page both apps run in: focus after a render, and the
//! loading indicator `index.html` shows until an app can show itself.

use leptos::prelude::*;

/// Moves keyboard focus to the element with this id (after a render).
pub fn focus_id(id: &str) {
    let id = id.to_owned();
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// Removes the loading indicator that index.html shows from the first paint
/// (boot.js translates it), once the app has something to show. While it is
/// there, the style sheet hides the app under it.
pub fn boot_done() {
    if let Some(indicator) = document().get_element_by_id("boot-loading") {
        indicator.remove();
    }
}
