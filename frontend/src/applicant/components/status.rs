//! Whether the service answers, as text and icon (never colour alone).

use leptos::prelude::*;

use crate::applicant::i18n::t;

#[component]
pub fn ServiceStatus(ready: bool) -> impl IntoView {
    let (class, key) = if ready {
        ("service-status service-status--ok", "status-ready")
    } else {
        ("service-status service-status--down", "status-unavailable")
    };
    view! {
        <p class=class role="status" data-testid="service-status" data-ready=ready.to_string()>
            <span class="service-status__icon" aria-hidden="true">{if ready { "✓" } else { "!" }}</span>
            {t(key)}
        </p>
    }
}
