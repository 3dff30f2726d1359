//! Everything held about the applicant, on one page and readable: who they
//! are, their consents, and every registration's answers as label–value rows
//! per part in their language (the same rows the summary shows). It can be
//! downloaded as the raw JSON the API holds, or as a readable HTML document
//! made here in the browser from the same content.

use kartlegg_shared::api::{ConsentDecision, MyData, RegistrationStatus};
use kartlegg_shared::codes::CodeLists;
use kartlegg_shared::questionnaire::Questionnaire;
use leptos::prelude::*;

use super::FormCtx;
use crate::applicant::api;
use crate::applicant::components::layout::LanguageSwitch;
use crate::applicant::dates;
use crate::applicant::i18n::{Lang, current_lang, t, tr};
use crate::applicant::routes::Route;
use crate::core::answers::{Row, rows};

/// The page's content in one language: what the page shows and what the
/// readable download contains, built once so the two cannot differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Readable {
    /// BCP 47 tag of the language.
    pub lang: String,
    pub rtl: bool,
    pub title: String,
    pub intro: String,
    pub person_heading: String,
    pub person: Vec<Row>,
    pub consents_heading: String,
    /// When (label) and what was decided (value).
    pub consents: Vec<Row>,
    pub registrations_heading: String,
    /// Newest first.
    pub registrations: Vec<ReadableRegistration>,
}

/// One registration: its state and date, then its answers per part.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadableRegistration {
    pub heading: String,
    /// Part titles with their answered questions; parts without answers are left out.
    pub parts: Vec<(String, Vec<Row>)>,
    /// Shown when no part has an answer yet.
    pub empty: String,
}

/// The readable content of `data` in `lang`, with question texts and option
/// names from the questionnaire and code lists.
fn readable(data: &MyData, q: &Questionnaire, lists: &CodeLists, lang: Lang) -> Readable {
    let row = |label: String, value: String| Row { label, value };
    let person = vec![
        row(
            tr("my-data-name"),
            format!("{} {}", data.person.first_name, data.person.last_name),
        ),
        row(tr("login-duf"), data.person.duf_number.clone()),
        row(tr("my-data-organisation"), data.person.organisation.clone()),
    ];
    let consents = data
        .consents
        .iter()
        .map(|c| {
            let decision = match c.decision {
                ConsentDecision::Accept => tr("my-data-consent-accept"),
                ConsentDecision::Decline => tr("my-data-consent-decline"),
            };
            row(
                dates::date_time(&c.decided_at, lang),
                format!("{decision} ({})", c.version),
            )
        })
        .collect();
    let registrations = data
        .registrations
        .iter()
        .map(|r| {
            let (state, when) = match (&r.status, &r.completed_at) {
                (RegistrationStatus::Completed, Some(at)) => (tr("my-data-completed"), at),
                _ => (tr("my-data-draft"), &r.updated_at),
            };
            let parts = q
                .sections
                .iter()
                .map(|s| {
                    (
                        s.title.get(lang.code()).to_owned(),
                        rows(q, lists, &r.answers, &s.id, lang.code()),
                    )
                })
                .filter(|(_, rows)| !rows.is_empty())
                .collect();
            ReadableRegistration {
                heading: format!("{state} — {}", dates::date(when, lang)),
                parts,
                empty: tr("my-data-no-answers"),
            }
        })
        .collect();
    Readable {
        lang: lang.bcp47().to_owned(),
        rtl: lang.is_rtl(),
        title: tr("my-data-title"),
        intro: tr("my-data-intro"),
        person_heading: tr("my-data-person"),
        person,
        consents_heading: tr("my-data-consents"),
        consents,
        registrations_heading: tr("my-data-registrations"),
        registrations,
    }
}

/// Label–value rows as a description list.
fn row_list(rows: Vec<Row>, testid: &'static str) -> impl IntoView {
    view! {
        <dl class="summary-list" data-testid=testid>
            {rows.into_iter().map(|r| view! {
                <div class="summary-list__row"><dt>{r.label}</dt><dd>{r.value}</dd></div>
            }).collect_view()}
        </dl>
    }
}

fn readable_view(doc: Readable) -> impl IntoView {
    view! {
        <section class="summary-block">
            <h2>{doc.person_heading}</h2>
            {row_list(doc.person, "my-data-person")}
        </section>
        <section class="summary-block">
            <h2>{doc.consents_heading}</h2>
            {row_list(doc.consents, "my-data-consents")}
        </section>
        <section class="summary-block" data-testid="my-data-registrations">
            <h2>{doc.registrations_heading}</h2>
            {doc.registrations.into_iter().map(|r| {
                let empty = r.parts.is_empty().then(|| view! { <p>{r.empty}</p> });
                view! {
                    <article class="my-data-registration" data-testid="my-data-registration">
                        <h3>{r.heading}</h3>
                        {empty}
                        {r.parts.into_iter().map(|(title, rows)| view! {
                            <h4>{title}</h4>
                            {row_list(rows, "my-data-answers")}
                        }).collect_view()}
                    </article>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
pub fn MyDataPage() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let data = LocalResource::new(api::my_data);
    // Built in the language shown now; a change of language rebuilds it.
    let build = move |d: &MyData| {
        let lang = current_lang();
        ctx.questionnaire
            .with_value(|q| ctx.lists.with_value(|lists| readable(d, q, lists, lang)))
    };
    view! {
        <LanguageSwitch/>
        <h1 data-testid="my-data-title">{t("my-data-title")}</h1>
        <p>{t("my-data-intro")}</p>
        <Suspense fallback=move || view! { <p class="loading" role="status">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => {
                        let d = StoredValue::new(d);
                        let download = move |_| d.with_value(|d| download_html(&build(d)));
                        view! {
                            {move || d.with_value(|d| readable_view(build(d)))}
                            <div class="actions actions--stacked">
                                <button type="button" class="button" data-testid="my-data-download-html" on:click=download>
                                    {t("my-data-download-html")}
                                </button>
                                <a class="button button--secondary" href="/api/v1/applicant/my-data/download" download="kartlegg-my-data.json" data-testid="my-data-download">{t("my-data-download")}</a>
                            </div>
                        }
                        .into_any()
                    }
                    Err(_) => view! { <p role="alert">{tr("error-network")}</p> }.into_any(),
                }
            })}
        </Suspense>
        <div class="actions actions--stacked">
            <a class="button button--secondary" href=Route::Form.path()>{t("back")}</a>
        </div>
    }
}

/// Offers `doc` as an HTML file: made in the browser (nothing more is sent
/// to or from the server) and handed over through an object URL.
fn download_html(doc: &Readable) {
    use wasm_bindgen::JsCast;
    let html = document_html(doc);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&html));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download("kartlegg-my-data.html");
        link.click();
    }
    // The browser has started the download by then; free the memory.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// Escapes text for HTML element content and double- or single-quoted
/// attribute values: answers are typed by people and must stay text.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A standalone HTML document of `doc`: its language and direction set, a
/// title, and a little inline style so it reads well when opened or printed.
pub fn document_html(doc: &Readable) -> String {
    use std::fmt::Write;
    let e = escape_html;
    let rows = |out: &mut String, rows: &[Row]| {
        out.push_str("<dl>");
        for r in rows {
            let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", e(&r.label), e(&r.value));
        }
        out.push_str("</dl>\n");
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — Kartlegg</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n",
        e(&doc.lang),
        if doc.rtl { "rtl" } else { "ltr" },
        e(&doc.title),
        DOCUMENT_STYLE,
        e(&doc.title),
        e(&doc.intro),
    );
    let _ = writeln!(out, "<h2>{}</h2>", e(&doc.person_heading));
    rows(&mut out, &doc.person);
    let _ = writeln!(out, "<h2>{}</h2>", e(&doc.consents_heading));
    rows(&mut out, &doc.consents);
    let _ = writeln!(out, "<h2>{}</h2>", e(&doc.registrations_heading));
    for r in &doc.registrations {
        let _ = writeln!(out, "<h3>{}</h3>", e(&r.heading));
        if r.parts.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", e(&r.empty));
        }
        for (title, part) in &r.parts {
            let _ = writeln!(out, "<h4>{}</h4>", e(title));
            rows(&mut out, part);
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Readable on a phone and on paper; logical properties so it mirrors in
/// right-to-left languages.
const DOCUMENT_STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;\
color:#1b1b1f;max-inline-size:40rem;margin:auto;padding:1rem}\
h2{border-block-end:2px solid #d7dbe0;margin-block-start:2rem}\
dt{font-weight:700}dd{margin:0 0 .75rem}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup_and_keeps_the_text() {
        assert_eq!(
            escape_html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(escape_html("ትግርኛ عربي"), "ትግርኛ عربي");
        // Escaping twice shows the ampersand, not a character reference.
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
    }

    fn row(label: &str, value: &str) -> Row {
        Row {
            label: label.into(),
            value: value.into(),
        }
    }

    fn sample() -> Readable {
        Readable {
            lang: "ar".into(),
            rtl: true,
            title: "بياناتك".into(),
            intro: "intro".into(),
            person_heading: "About you".into(),
            person: vec![row("Name", "<b>Test</b> O'Brien")],
            consents_heading: "Consents".into(),
            consents: vec![row("30 Nov 2026", "You agreed (1)")],
            registrations_heading: "Registrations".into(),
            registrations: vec![
                ReadableRegistration {
                    heading: "Completed".into(),
                    parts: vec![("Personal".into(), vec![row("Mother tongue", "ትግርኛ")])],
                    empty: "No answers yet.".into(),
                },
                ReadableRegistration {
                    heading: "Not completed".into(),
                    parts: vec![],
                    empty: "No answers yet.".into(),
                },
            ],
        }
    }

    #[test]
    fn the_document_has_language_direction_title_and_the_escaped_answers() {
        let html = document_html(&sample());
        assert!(html.starts_with("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">"));
        assert!(html.contains("<title>بياناتك — Kartlegg</title>"));
        assert!(html.contains("<dt>Mother tongue</dt><dd>ትግርኛ</dd>"));
        assert!(html.contains("<dd>&lt;b&gt;Test&lt;/b&gt; O&#39;Brien</dd>"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("<h4>Personal</h4>"));
        assert!(html.contains("<p>No answers yet.</p>"));
    }

    #[test]
    fn a_left_to_right_document_says_so() {
        let mut doc = sample();
        doc.lang = "en".into();
        doc.rtl = false;
        assert!(document_html(&doc).contains("<html lang=\"en\" dir=\"ltr\">"));
    }
}
