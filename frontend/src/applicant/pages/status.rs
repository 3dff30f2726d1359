//! Whether the service is up, for staff checking a device.

use leptos::prelude::*;

use crate::applicant::api;
use crate::applicant::components::status::ServiceStatus;
use crate::applicant::i18n::t;

#[component]
pub fn StatusPage() -> AnyView {
    let health = LocalResource::new(api::readiness);
    view! {
        <h1 data-testid="status-title">{t("status-title")}</h1>
        <Suspense fallback=move || view! { <p role="status">{t("status-checking")}</p> }>
            {move || Suspend::new(async move {
                let ready = health.await.is_ok();
                view! { <ServiceStatus ready=ready/> }
            })}
        </Suspense>
    }
    .into_any()
}
