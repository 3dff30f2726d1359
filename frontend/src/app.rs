//! The app shell and its routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::i18n::{I18n, t};
use crate::pages::{home::HomePage, not_found::NotFoundPage};

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::init();
    provide_context(i18n);
    view! {
        <Router>
            <a class="skip-link" href="#main">{t("skip-to-content")}</a>
            <main id="main" class="page" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                </Routes>
            </main>
        </Router>
    }
}
