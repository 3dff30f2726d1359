//! The applicant's account bar: "My data" and "Log out" on every page of the
//! form bundle. It lives in the form app's shell (not in each page) so that
//! a person on a shared computer at the reception centre can always see
//! what is held about them and end the session, wherever they are.

use leptos::prelude::*;

use crate::applicant::api;
use crate::applicant::components::layout::go_to;
use crate::applicant::i18n::t;
use crate::applicant::routes::Route;
use crate::applicant::storage;

/// A `<nav>` landmark with the two links. Rendered above `<main>` once the
/// session is known to be valid.
#[component]
pub fn AccountNav() -> impl IntoView {
    let log_out = Action::new_local(|()| async {
        // Leave even when the server cannot be reached: the device must
        // not keep the applicant's edits for the next person.
        let _ = api::logout().await;
        storage::clear_unsaved();
        go_to(&Route::Language.path());
        // Stays busy until the language page replaces this one.
        std::future::pending::<()>().await;
    });
    let busy = log_out.pending();
    // A second tap while the logout is on its way does nothing; the
    // disabled button is the tap's instant feedback on a slow network.
    let logout = move |_| {
        if !busy.get_untracked() {
            log_out.dispatch(());
        }
    };
    view! {
        <nav class="account-nav" aria-label=t("nav-label") data-testid="account-nav">
            <a class="button button--small button--secondary" href=Route::MyData.path() data-testid="nav-my-data">
                {t("nav-my-data")}
            </a>
            <button
                type="button"
                class="button button--small button--secondary"
                data-testid="nav-logout"
                aria-disabled=move || busy.get().then_some("true")
                on:click=logout
            >
                {t("logout")}
            </button>
        </nav>
    }
}
