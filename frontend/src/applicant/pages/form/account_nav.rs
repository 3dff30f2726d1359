//! The applicant's account bar: "My data" and "Log out" on every page of the
//! form bundle. It lives in the form app's shell (not in each page) so that
//! a person on a shared computer at the reception centre can always see
//! what is held about them and end the session, wherever they are.

use leptos::prelude::*;

use crate::applicant::api;
use crate::applicant::components::layout::go_to;
use crate::applicant::i18n::{t, tr};
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
    // Registering together with a counsellor, the bar says so, "My data"
    // is the applicant's own session's, and ending goes back to the person
    // page (the counsellor's session goes on).
    let together = crate::applicant::together::session_id().is_some();
    view! {
        <nav class="account-nav" aria-label=t("nav-label") data-testid="account-nav">
            {if together {
                view! { <p class="account-nav__together" data-testid="together-banner">{t("together-banner")}</p> }.into_any()
            } else {
                view! {
                    <a class="button button--small button--secondary" href=Route::MyData.path() data-testid="nav-my-data">
                        {t("nav-my-data")}
                    </a>
                }.into_any()
            }}
            <button
                type="button"
                class="button button--small button--secondary"
                data-testid="nav-logout"
                aria-disabled=move || busy.get().then_some("true")
                on:click=logout
            >
                {move || if together { tr("together-end") } else { tr("logout") }}
            </button>
        </nav>
    }
}
