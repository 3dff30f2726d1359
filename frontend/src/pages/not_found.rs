//! Shown for any path the router does not know.

use leptos::prelude::*;

use crate::i18n::t;

#[component]
pub fn NotFoundPage() -> AnyView {
    view! {
        <h1>{t("not-found-title")}</h1>
        <p><a href="/" data-testid="not-found-home">{t("not-found-home")}</a></p>
    }
    .into_any()
}
