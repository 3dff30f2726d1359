//! The two app shells and their routes. The start app (language,
//! information, login, consent) is the applicant's first load and switches
//! pages with `components::nav` (no router crate, to keep it small); the
//! form app is a second bundle fetched after login, with leptos_router.
//! `boot.js` picks one by path.

use leptos::prelude::*;
use leptos_router::components::{Route as Path, Router, Routes};
use leptos_router::path;

use crate::applicant::components::nav::StartNav;
use crate::applicant::i18n::{I18n, t};
use crate::applicant::pages::form::{self, FormCtx, account_nav::AccountNav};
use crate::applicant::pages::{
    consent::ConsentPage, info::InfoPage, language::LanguagePage, login::LoginPage,
};
use crate::applicant::pages::{not_found::NotFoundPage, status::StatusPage};
use crate::applicant::routes::Route;
use crate::applicant::speech::Voices;
use crate::applicant::storage;
use crate::applicant::translation::Translation;
use crate::core::page::boot_done;

/// The first-load app.
#[component]
pub fn StartApp() -> impl IntoView {
    let i18n = I18n::init();
    provide_context(i18n);
    // The first page shows once its texts are in the device's language.
    let initial = crate::applicant::i18n::initial_lang();
    Effect::new(move || {
        if i18n.lang.get() == initial {
            boot_done();
        }
    });
    let nav = StartNav::init();
    provide_context(nav);
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <main id="main" class="page" tabindex="-1">
            {move || match Route::start_page(&nav.path()) {
                Some(Route::Language) => view! { <LanguagePage/> }.into_any(),
                Some(Route::Info) => view! { <InfoPage/> }.into_any(),
                Some(Route::Login) => view! { <LoginPage/> }.into_any(),
                Some(Route::Consent) => view! { <ConsentPage/> }.into_any(),
                Some(Route::Status) => view! { <StatusPage/> }.into_any(),
                _ => view! { <NotFoundPage/> }.into_any(),
            }}
        </main>
    }
}

/// The form app: loads the questionnaire, code lists and registration once,
/// then serves the form pages.
#[component]
pub fn FormApp() -> impl IntoView {
    let i18n = I18n::init();
    provide_context(i18n);
    let translation = Translation::init();
    provide_context(translation);
    provide_context(Voices::init());
    let loaded = LocalResource::new(form::load);
    // My data and Log out, once the session is known to be valid (a missing
    // session or consent sends the applicant elsewhere instead).
    let logged_in = move || loaded.with(|l| matches!(l, Some(Ok(_))));
    // The HTML's loading indicator stays until the form (or its error) can
    // show in the device's language: one loading state, not two.
    let initial = crate::applicant::i18n::initial_lang();
    Effect::new(move || {
        if i18n.lang.get() == initial && loaded.with(Option::is_some) {
            boot_done();
        }
    });
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <Show when=logged_in>
            <header class="account-bar">
                <AccountNav/>
            </header>
        </Show>
        <main id="main" class="page" tabindex="-1">
            <Suspense fallback=move || view! { <p class="loading" role="status" data-testid="form-loading">{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(ctx) => {
                            restore_unsaved(ctx);
                            provide_context(ctx);
                            follow_languages(ctx, i18n, translation);
                            // Texts of a newly chosen language re-render the
                            // pages; answers live in `ctx` and stay.
                            (move || {
                                ctx.texts_revision.track();
                                let focused = focused_id();
                                if let Some(id) = focused {
                                    crate::applicant::components::layout::focus_id(&id);
                                }
                                view! { <FormRoutes/> }
                            })
                            .into_any()
                        }
                        // Registering together, the applicant answers the
                        // declaration on the counsellor's screen first.
                        Err(e) if e == form::CONSENT_FIRST => view! { <ConsentPage/> }.into_any(),
                        Err(_) => view! { <p role="alert">{t("error-network")}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn FormRoutes() -> impl IntoView {
    use crate::applicant::pages::form::{
        done::DonePage, my_data::MyDataPage, overview::OverviewPage, section::SectionPage,
        summary::SummaryPage,
    };
    // Registering together with the applicant, the same pages live under
    // the together session's address (`applicant::together`).
    let base = crate::applicant::together::session_id()
        .map(|id| format!("/together/{id}"))
        .unwrap_or_default();
    view! {
        <Router base=base>
            <Routes fallback=NotFoundPage>
                <Path path=path!("/form") view=OverviewPage/>
                <Path path=path!("/form/:section") view=SectionPage/>
                <Path path=path!("/summary") view=SummaryPage/>
                <Path path=path!("/done") view=DonePage/>
                <Path path=path!("/my-data") view=MyDataPage/>
            </Routes>
        </Router>
    }
}

/// Loads the texts of the current language and of the translation whenever
/// either changes.
fn follow_languages(ctx: FormCtx, i18n: I18n, translation: Translation) {
    Effect::new(move |_| {
        let mut wanted = vec![i18n.lang.get()];
        wanted.extend(translation.second.get());
        // A task, not an Action: nobody waits on it; the texts land in the
        // form's content and its revision re-renders the page.
        leptos::task::spawn_local(ctx.ensure_languages(wanted));
    });
}

/// The id of the element that has focus, to give it back after a re-render.
fn focused_id() -> Option<String> {
    let id = document().active_element()?.id();
    (!id.is_empty()).then_some(id)
}

/// Brings back edits the server had not acknowledged before a reload or a
/// closed tab and sends them; from then on keeps every unacknowledged edit
/// on the device (pruned: an answer hidden by a change of mind is not kept),
/// and sends what is left whenever the network returns.
fn restore_unsaved(ctx: FormCtx) {
    let (id, revision) = ctx
        .registration
        .with_untracked(|r| (r.id.clone(), r.revision));
    if let Some(answers) = storage::unsaved(&id, revision) {
        ctx.answers.set(answers);
        ctx.save_state.set(form::SaveState::Pending);
        // A task, not an Action: its progress is the form's one save state
        // (`ctx.save_state`), which the save status shows on every page.
        leptos::task::spawn_local(ctx.send_unsaved());
    }
    Effect::new(move |_| {
        let answers = ctx.answers.get();
        let answers = ctx
            .questionnaire
            .with_value(|q| kartlegg_shared::questionnaire::prune(q, &answers));
        let (id, revision, acknowledged) = ctx
            .registration
            .with(|r| (r.id.clone(), r.revision, r.answers == answers));
        if acknowledged {
            storage::forget(&id);
        } else {
            storage::keep_unsaved(&id, revision, &answers);
        }
    });
    let online = window_event_listener(leptos::ev::online, move |_| {
        if ctx.save_state.get_untracked() == form::SaveState::Pending {
            // As above: the save state is the progress.
            leptos::task::spawn_local(ctx.send_unsaved());
        }
    });
    // The form app lives as long as the page.
    std::mem::forget(online);
}

#[cfg(test)]
mod tests {
    use crate::applicant::i18n::Lang;

    /// boot.js shows "Loading…" before any app runs, from a table of its
    /// own: it must say what the app's `loading` text says, in all fourteen.
    #[test]
    fn the_boot_loading_text_matches_each_languages_loading_key() {
        let dir = env!("CARGO_MANIFEST_DIR");
        let boot = std::fs::read_to_string(format!("{dir}/boot.js")).unwrap();
        for lang in Lang::ALL {
            let code = lang.code();
            let ftl = std::fs::read_to_string(format!("{dir}/locales/{code}.ftl")).unwrap();
            let text = ftl
                .lines()
                .find_map(|l| l.strip_prefix("loading = "))
                .unwrap_or_else(|| panic!("{code}.ftl has no loading"));
            let entry = format!(" {code}: \"{text}\"");
            assert!(boot.contains(&entry), "boot.js lacks{entry}");
        }
    }
}
