//! How registration works, before logging in (seed 000, "You register your
//! qualifications as follows").

use leptos::prelude::*;

use crate::applicant::components::layout::LanguageSwitch;
use crate::applicant::components::nav::Link;
use crate::applicant::i18n::t;
use crate::applicant::routes::Route;

#[component]
pub fn InfoPage() -> AnyView {
    view! {
        <LanguageSwitch/>
        <h1 data-testid="info-title">{t("info-title")}</h1>
        <p>{t("info-why")}</p>
        <ul class="bullets">
            <li>{t("info-topic-languages")}</li>
            <li>{t("info-topic-school")}</li>
            <li>{t("info-topic-work")}</li>
            <li>{t("info-topic-activities")}</li>
            <li>{t("info-topic-wishes")}</li>
        </ul>
        <p>{t("info-even-if")}</p>
        <p>{t("info-how")}</p>
        <p>{t("info-time")}</p>
        <p>{t("info-rights")}</p>
        <div class="actions">
            <Link to=Route::Language class="button button--secondary">{t("back")}</Link>
            <Link to=Route::Login class="button" testid="info-next">{t("next")}</Link>
        </div>
    }
    .into_any()
}
