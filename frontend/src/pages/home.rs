//! The start page. For now it welcomes the user and shows whether the
//! service is up; the language choice replaces it in the applicant journey.

use leptos::prelude::*;

use crate::api;
use crate::components::status::ServiceStatus;
use crate::i18n::t;

#[component]
pub fn HomePage() -> impl IntoView {
    let health = LocalResource::new(api::readiness);
    view! {
        <h1 data-testid="home-title">{t("app-title")}</h1>
        <p class="lead">{t("app-purpose")}</p>
        <Suspense fallback=move || view! { <p role="status">{t("status-checking")}</p> }>
            {move || Suspend::new(async move {
                let ready = health.await.is_ok();
                view! { <ServiceStatus ready=ready/> }
            })}
        </Suspense>
    }
}
