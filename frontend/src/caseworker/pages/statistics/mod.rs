//! Statistics for the statistics role (its own organisation; the
//! directorate's, every organisation or one it chooses): completed
//! registrations per month or week, and how the coded answers are
//! distributed, filtered by period, age band and gender. Each figure is a
//! chart, the same numbers as a table under it, and a CSV file of exactly
//! that table. The server hides
//! small counts before it answers (`shared::statistics`); the page shows a
//! hidden count as "< 5" and a filter that selects too few as such.

mod chart;
mod data;

use kartlegg_shared::codes::CodeLists;
use kartlegg_shared::questionnaire::{AnswerValue, Questionnaire};
use kartlegg_shared::statistics::{
    CompletionSeries, Distribution, HIGHEST_EDUCATION, NO_SCHOOLING, UNANSWERED,
};
use leptos::prelude::*;

use crate::caseworker::api::{self, StatisticsFilter};
use crate::caseworker::i18n::{Args, ct, ct1, ctr, ctranslate, cw_lang};
use crate::caseworker::pages::person::{Content, load_content};
use crate::core::loaded::Loaded;
use crate::core::table::Table;
use chart::{BarChart, LineChart};
use data::{Row, count_text, csv, distribution_rows, series_rows};

/// The coded questions the page shows, with the translation keys of
/// their headings: background, education (the derived highest level, then
/// the two questions it comes from), Norwegian (speaking, reading,
/// writing), licences, work, and the wishes for education and work.
const QUESTIONS: [(&str, &str); 15] = [
    ("mother_tongue", "stats-q-mother-tongue"),
    ("country_background", "stats-q-country-background"),
    (HIGHEST_EDUCATION, "stats-q-highest-education"),
    ("school_level", "stats-q-school-level"),
    ("educations.level", "stats-q-education-level"),
    ("norwegian_speak", "stats-q-norwegian-speak"),
    ("norwegian_read", "stats-q-norwegian-read"),
    ("norwegian_write", "stats-q-norwegian-write"),
    ("licence_classes", "stats-q-licence-classes"),
    ("jobs.occupation", "stats-q-occupation"),
    ("wants_education", "stats-q-wants-education"),
    ("wanted_level", "stats-q-wanted-level"),
    ("wanted_field", "stats-q-wanted-field"),
    ("wants_work", "stats-q-wants-work"),
    ("wanted_occupation", "stats-q-wanted-occupation"),
];

/// The age bands' wire names, in order.
const AGE_BANDS: [&str; 7] = [
    "under_18", "18_24", "25_34", "35_44", "45_54", "55_plus", "unknown",
];

#[component]
pub fn StatisticsPage() -> impl IntoView {
    // The filters as chosen; applied to `filter` with the Show button.
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let age_band = RwSignal::new(String::new());
    let gender = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let filter = RwSignal::new(StatisticsFilter::default());
    // More than one only for the directorate, which may choose one.
    let organisations = LocalResource::new(api::statistics_organisations);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        filter.set(StatisticsFilter {
            from: from.get_untracked(),
            to: to.get_untracked(),
            age_band: age_band.get_untracked(),
            gender: gender.get_untracked(),
            organisation: organisation.get_untracked(),
        });
    };
    // Names of codes in both of the caseworker's languages, once.
    let content = LocalResource::new(|| load_content(kartlegg_shared::language::UiLanguage::Nb));
    view! {
        <h1 data-testid="statistics-title">{ct("statistics-title")}</h1>
        <p class="cw-lead">{ct("statistics-lead")}</p>
        <p class="cw-lead" data-testid="statistics-suppression">{ct("statistics-suppression")}</p>
        <form class="cw-filters" on:submit=apply aria-label=ct("statistics-filters")>
            {move || organisations.get().and_then(Result::ok).filter(|o| o.len() > 1).map(|orgs| view! {
                <div class="cw-filter">
                    <label for="s-org">{ct("person-organisation")}</label>
                    <select id="s-org" class="cw-select" data-testid="s-org"
                        on:change=move |ev| organisation.set(event_target_value(&ev))>
                        <option value="">{ct("stats-all-organisations")}</option>
                        {orgs.into_iter().map(|o| view! { <option value=o.id>{o.name}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <MonthFilter id="s-from" label=ct("stats-from") value=from/>
            <MonthFilter id="s-to" label=ct("stats-to") value=to/>
            <div class="cw-filter">
                <label for="s-age">{ct("stats-age-band")}</label>
                <select id="s-age" class="cw-select" data-testid="s-age"
                    on:change=move |ev| age_band.set(event_target_value(&ev))>
                    <option value="">{ct("filter-any")}</option>
                    {AGE_BANDS.into_iter().map(|a| view! {
                        <option value=a>{move || ctr(&format!("stats-age-{a}"))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="cw-filter">
                <label for="s-gender">{ct("identity-gender")}</label>
                <select id="s-gender" class="cw-select" data-testid="s-gender"
                    on:change=move |ev| gender.set(event_target_value(&ev))>
                    <option value="">{ct("filter-any")}</option>
                    <option value="female">{ct("gender-female")}</option>
                    <option value="male">{ct("gender-male")}</option>
                </select>
            </div>
            <div class="cw-filter cw-filter--actions">
                <button type="submit" class="button button--small" data-testid="stats-apply">{ct("filter-apply")}</button>
            </div>
        </form>
        <Completions filter=filter/>
        <Loaded resource=content view={move |c: Content| view! {
            {QUESTIONS.into_iter().map(|(question, title)| view! {
                <Answers question=question title=title filter=filter content=c.clone()/>
            }).collect_view()}
        }}/>
    }
}

#[component]
fn MonthFilter(
    id: &'static str,
    label: impl Fn() -> String + Send + Sync + 'static,
    value: RwSignal<String>,
) -> impl IntoView {
    // A browser without a month picker shows a text field: the
    // placeholder says what to type there.
    view! {
        <div class="cw-filter">
            <label for=id>{label}</label>
            <input id=id type="month" class="input cw-input--date" data-testid=id
                placeholder=ct("stats-month-hint")
                on:change=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

/// Completed registrations per month or week: a line chart and its table.
#[component]
fn Completions(filter: RwSignal<StatisticsFilter>) -> impl IntoView {
    let period = RwSignal::new("month");
    let series = LocalResource::new(move || {
        let f = filter.get();
        let p = period.get();
        async move { api::statistics_completions(&f, p).await }
    });
    view! {
        <section class="cw-stat" data-testid="stat-completions">
            <div class="cw-stat__head">
                <h2>{ct("stats-completions")}</h2>
                <div class="cw-filter">
                    <label for="s-period">{ct("stats-period")}</label>
                    <select id="s-period" class="cw-select" data-testid="s-period"
                        on:change=move |ev| period.set(if event_target_value(&ev) == "week" { "week" } else { "month" })>
                        <option value="month">{ct("stats-per-month")}</option>
                        <option value="week">{ct("stats-per-week")}</option>
                    </select>
                </div>
            </div>
            <Loaded resource=series view={move |s: CompletionSeries| {
                let rows = series_rows(&s.counts);
                view! {
                    <Figure rows=rows too_few=s.too_few total=s.total several=false
                        title="stats-completions" column="stats-col-period"
                        file=format!("completions-per-{}", period.get_untracked()) line=true/>
                }
            }}/>
        </section>
    }
}

/// The distribution of one coded question: a bar chart and its table.
#[component]
fn Answers(
    question: &'static str,
    title: &'static str,
    filter: RwSignal<StatisticsFilter>,
    content: Content,
) -> impl IntoView {
    let distribution = LocalResource::new(move || {
        let f = filter.get();
        async move { api::statistics_distribution(question, &f).await }
    });
    // Not a named region: its table is one already, by the same name.
    view! {
        <section class="cw-stat" data-testid=format!("stat-{question}")>
            <h2>{ct(title)}</h2>
            {(question == HIGHEST_EDUCATION).then(|| view! {
                <p class="cw-muted">{ct("stats-note-highest-education")}</p>
            })}
            <Loaded resource=distribution view={move |d: Distribution| {
                let content = content.clone();
                // The names follow the caseworker's language.
                move || {
                    let lang = cw_lang().code();
                    let rows = distribution_rows(&d.counts, |code| {
                        code_name(&content.questionnaire, &content.lists, question, code, lang)
                    });
                    view! {
                        <Figure rows=rows too_few=d.too_few total=d.registrations
                            several=d.several_per_registration title=title
                            column="stats-col-answer" file=question.replace('.', "-") line=false/>
                    }
                }
            }}/>
        </section>
    }
}

/// The name of one of a question's codes in `lang`.
fn code_name(
    q: &Questionnaire,
    lists: &CodeLists,
    question: &str,
    code: &str,
    lang: &str,
) -> String {
    if code == UNANSWERED {
        return ctr("stats-unanswered");
    }
    // The derived highest level: a level of the school question's list (or
    // its "I don't know"), or never at school.
    let question = if question == HIGHEST_EDUCATION {
        if code == NO_SCHOOLING {
            return ctr("stats-education-none");
        }
        "school_level"
    } else {
        question
    };
    q.question(question).map_or_else(
        || code.to_owned(),
        |asked| {
            crate::core::answers::display(
                q,
                lists,
                asked,
                &AnswerValue::Text(code.to_owned()),
                lang,
            )
        },
    )
}

/// A figure: the count it covers, the chart, the table of the same rows
/// and the CSV file of that table; or "too few to show".
#[component]
fn Figure(
    rows: Vec<Row>,
    too_few: bool,
    total: Option<u64>,
    several: bool,
    title: &'static str,
    column: &'static str,
    file: String,
    line: bool,
) -> impl IntoView {
    // Every text of a figure (the chart's name, "< 5", the CSV's headings,
    // the total) follows the caseworker's language without a reload.
    move || {
        let _ = cw_lang();
        figure(&rows, too_few, total, several, title, column, &file, line)
    }
}

/// A figure in the current language.
#[allow(clippy::too_many_arguments)]
fn figure(
    rows: &[Row],
    too_few: bool,
    total: Option<u64>,
    several: bool,
    title: &'static str,
    column: &'static str,
    file: &str,
    line: bool,
) -> AnyView {
    if too_few {
        return view! { <p class="cw-stat__few" data-testid="stats-too-few">{ct("stats-too-few")}</p> }
            .into_any();
    }
    if rows.is_empty() {
        // No completions at all, or none that answered this question.
        let key = if line {
            "stats-empty"
        } else {
            "stats-none-answered"
        };
        return view! { <p data-testid="stats-empty">{ct(key)}</p> }.into_any();
    }
    let rows = rows.to_vec();
    let hidden = ctr("stats-hidden");
    let heading = ctr(title);
    let name = if line {
        ct1("stats-chart-line", "title", heading.clone())
    } else {
        ct1("stats-chart-bar", "title", heading.clone())
    };
    let text = csv([&ctr(column), &ctr("stats-col-count")], &rows, &hidden);
    // The file is made here from the rows on the page, so that it is
    // exactly what is shown; a data: address needs no object URL to free.
    let href = format!(
        "data:text/csv;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&format!("\u{feff}{text}")))
    );
    let testid = format!("stats-chart-{}", if line { "line" } else { "bar" });
    let summary = {
        let mut args = Args::new();
        args.set("count", total.unwrap_or(0));
        let key = if several {
            "stats-total-several"
        } else {
            "stats-total"
        };
        ctranslate(key, Some(&args))
    };
    view! {
        // The completions' total is announced when new figures arrive
        // (after a filter); one live region, not one per figure.
        <p class="cw-count" data-testid="stats-total" role=line.then_some("status")>{summary}</p>
        <div class="cw-stat__body">
            <div class="cw-stat__chart">
                {if line {
                    view! { <LineChart rows=rows.clone() name=name testid=testid/> }.into_any()
                } else {
                    view! { <BarChart rows=rows.clone() name=name hidden=hidden.clone() testid=testid/> }.into_any()
                }}
            </div>
            <div class="cw-stat__table">
                <Table label=title compact=true testid="stats-table" head=move || view! {
                    <th scope="col">{ct(column)}</th>
                    <th scope="col" class="cw-num">{ct("stats-col-count")}</th>
                }>
                    {rows.into_iter().map(|r| {
                        let shown = count_text(r.count, &hidden);
                        view! {
                            <tr data-testid="stats-row" data-key=r.key.clone()>
                                <th scope="row">{r.label}</th>
                                <td class="cw-num" data-testid="stats-count" data-hidden=r.count.is_none().to_string()>{shown}</td>
                            </tr>
                        }
                    }).collect_view()}
                </Table>
                <a class="button button--secondary button--small cw-stat__csv" data-testid="stats-csv"
                    download=format!("{file}.csv") href=href
                    aria-label=ct1("stats-csv-named", "title", heading)>
                    {ct("stats-csv")}
                </a>
            </div>
        </div>
    }
    .into_any()
}
