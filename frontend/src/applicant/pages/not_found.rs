//! Shown for any path the router does not know.

use leptos::prelude::*;

use crate::applicant::i18n::t;
use crate::applicant::routes::Route;

#[component]
pub fn NotFoundPage() -> AnyView {
    view! {
        <h1>{t("not-found-title")}</h1>
        <p><a href=Route::Language.path() data-testid="not-found-home">{t("not-found-home")}</a></p>
    }
    .into_any()
}
