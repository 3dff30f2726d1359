//! The seven parts and each one's state (not started, in progress, done).

use leptos::prelude::*;

use super::FormCtx;
use crate::applicant::components::layout::LanguageSwitch;
use crate::applicant::form;
use crate::applicant::i18n::{current_lang, t, tr};
use crate::applicant::routes::Route;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let navigate = leptos_router::hooks::use_navigate();
    // A completed registration is read-only: the overview leads to it.
    Effect::new(move |_| {
        if ctx
            .registration
            .with(|r| r.status == kartlegg_shared::api::RegistrationStatus::Completed)
        {
            navigate(
                &crate::applicant::together::in_router(&Route::Done.path()),
                Default::default(),
            );
        }
    });
    let rows = move || {
        let saved = ctx.registration.with(|r| r.saved_sections.clone());
        ctx.answers.with(|answers| {
            ctx.questionnaire.with_value(|q| {
                let evaluation = kartlegg_shared::questionnaire::evaluate(q, answers);
                q.sections
                    .iter()
                    .map(|s| {
                        let progress = form::progress(&evaluation, &saved, &s.id);
                        (
                            s.id.clone(),
                            s.title.get(current_lang().code()).to_owned(),
                            progress,
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    // The one clear next step: the first part not done yet ("Start" before
    // any answer, "Continue" after), else the summary.
    let next_step = move || {
        let parts = rows();
        let started = parts
            .iter()
            .any(|(_, _, p)| *p != form::Progress::NotStarted);
        match parts.iter().find(|(_, _, p)| *p != form::Progress::Done) {
            Some((id, _, _)) => (
                Route::Section(id).path(),
                if started {
                    "overview-continue"
                } else {
                    "overview-start"
                },
            ),
            None => (Route::Summary.path(), "overview-to-summary"),
        }
    };
    view! {
        <LanguageSwitch/>
        <h1 data-testid="overview-title">{t("overview-title")}</h1>
        <p>{t("overview-intro")}</p>
        <div class="actions">
            <a class="button" href=move || next_step().0 data-testid="overview-next">{move || tr(next_step().1)}</a>
        </div>
        <ol class="parts" data-testid="parts">
            {move || rows().into_iter().map(|(id, title, progress)| {
                view! {
                    <li class="parts__item">
                        <a class="parts__link" href=Route::Section(&id).path() data-testid=format!("part-link-{id}")>{title}</a>
                        <span class=format!("tag tag--{:?}", progress).to_lowercase() data-testid=format!("part-state-{id}")>
                            {tr(progress.key())}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ol>
        <p><a href=Route::Summary.path() data-testid="to-summary">{t("overview-to-summary")}</a></p>
    }
}
