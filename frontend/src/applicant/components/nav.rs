//! Navigation between the start pages (language, information, login,
//! consent) without a router crate. These few fixed pages are the
//! applicant's first load, and leptos_router cost about 26 KB (brotli) of
//! it; a path signal kept in step with the History API does the same job
//! here. The form bundle, loaded after login, uses leptos_router.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::applicant::components::layout::focus_id;
use crate::applicant::routes::Route;

/// The current path of the start app, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct StartNav {
    path: RwSignal<String>,
}

impl StartNav {
    /// Starts at the browser's current path and follows Back and Forward.
    pub fn init() -> Self {
        let nav = Self {
            path: RwSignal::new(current_path()),
        };
        let handle =
            window_event_listener(leptos::ev::popstate, move |_| nav.path.set(current_path()));
        // The start app lives as long as the page.
        std::mem::forget(handle);
        nav
    }

    /// The path now (reactive).
    pub fn path(self) -> String {
        self.path.get()
    }

    /// Goes to `route`, adding a history entry, and moves focus to the new
    /// page's content for screen readers and keyboards.
    pub fn go(self, route: Route<'_>) {
        let path = route.path();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&path));
        }
        self.path.set(path);
        focus_id("main");
    }
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

/// A link between start pages: a real `<a href>` (it works without
/// JavaScript and opens in a new tab) that navigates in place when clicked.
#[component]
pub fn Link(
    to: Route<'static>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] testid: &'static str,
    children: Children,
) -> impl IntoView {
    let nav = expect_context::<StartNav>();
    view! {
        <a
            href=to.path()
            class=class
            data-testid=testid
            on:click=move |ev: leptos::ev::MouseEvent| {
                if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0) {
                    ev.prevent_default();
                    nav.go(to);
                }
            }
        >
            {children()}
        </a>
    }
}
