//! Everything held about the applicant, on one page, with a JSON download.

use leptos::prelude::*;

use crate::api;
use crate::components::layout::LanguageSwitch;
use crate::i18n::{t, tr};

#[component]
pub fn MyDataPage() -> impl IntoView {
    let data = LocalResource::new(api::my_data);
    view! {
        <LanguageSwitch/>
        <h1 data-testid="my-data-title">{t("my-data-title")}</h1>
        <p>{t("my-data-intro")}</p>
        <Suspense fallback=move || view! { <p role="status">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! {
                        <section class="summary-block">
                            <h2>{t("my-data-person")}</h2>
                            <dl class="summary-list" data-testid="my-data-person">
                                <div class="summary-list__row"><dt>{t("my-data-name")}</dt><dd>{format!("{} {}", d.person.first_name, d.person.last_name)}</dd></div>
                                <div class="summary-list__row"><dt>{t("login-duf")}</dt><dd dir="ltr">{d.person.duf_number.clone()}</dd></div>
                                <div class="summary-list__row"><dt>{t("my-data-organisation")}</dt><dd>{d.person.organisation.clone()}</dd></div>
                            </dl>
                        </section>
                        <section class="summary-block">
                            <h2>{t("my-data-consents")}</h2>
                            <ul data-testid="my-data-consents">
                                {d.consents.iter().map(|c| view! {
                                    <li dir="ltr">{format!("{} — {:?} — {}", c.decided_at, c.decision, c.version)}</li>
                                }).collect_view()}
                            </ul>
                        </section>
                        <section class="summary-block">
                            <h2>{t("my-data-registrations")}</h2>
                            <ul data-testid="my-data-registrations">
                                {d.registrations.iter().map(|r| {
                                    let state = if r.completed_at.is_some() { tr("my-data-completed") } else { tr("my-data-draft") };
                                    view! { <li>{state}" — "<span dir="ltr">{r.completed_at.clone().unwrap_or_else(|| r.updated_at.clone())}</span></li> }
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any(),
                    Err(_) => view! { <p role="alert">{tr("error-network")}</p> }.into_any(),
                }
            })}
        </Suspense>
        <div class="actions actions--stacked">
            <a class="button" href="/api/v1/applicant/my-data/download" download="kartlegg-my-data.json" data-testid="my-data-download">{t("my-data-download")}</a>
            <a class="button button--secondary" href="/form">{t("back")}</a>
        </div>
    }
}
