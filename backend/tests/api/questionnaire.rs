//! The public questionnaire definition and code lists, with ETags.

use axum::body::Body;
use axum::http::{Request, header};

use crate::helpers::TestApp;
use crate::on_both_engines;

async fn questionnaire_is_public_and_cacheable(app: TestApp) {
    let res = app.get("/api/v1/questionnaire").await;

    assert_eq!(res.status, 200);
    assert_eq!(res.header("cache-control"), "public, max-age=300");
    assert!(res.header("etag").starts_with('"'), "a strong ETag");
    let body = res.json();
    assert_eq!(body["version"], 1);
    assert_eq!(body["sections"].as_array().unwrap().len(), 7);
}

async fn questionnaire_is_not_sent_again_when_unchanged(app: TestApp) {
    let etag = app
        .get("/api/v1/questionnaire")
        .await
        .header("etag")
        .to_owned();

    let res = app
        .send(
            Request::get("/api/v1/questionnaire")
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;

    assert_eq!(res.status, 304);
    assert!(res.body.is_empty());
    assert_eq!(res.header("etag"), etag);
}

async fn code_lists_are_served_by_name(app: TestApp) {
    let res = app.get("/api/v1/code-lists/countries").await;

    assert_eq!(res.status, 200);
    assert!(res.header("etag").starts_with('"'));
    let body = res.json();
    assert_eq!(body["list"], "countries");
    assert!(
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["code"] == "SYR")
    );
    app.get("/api/v1/code-lists/planets")
        .await
        .problem(404, "not-found");
}

async fn questionnaire_comes_in_the_asked_languages_and_english(app: TestApp) {
    let res = app.get("/api/v1/questionnaire?lang=ti,ar").await;

    assert_eq!(res.status, 200);
    let body = res.json();
    let title = body["sections"][0]["title"].as_object().unwrap();
    let langs: Vec<_> = title.keys().map(String::as_str).collect();
    assert_eq!(langs, ["ar", "en", "ti"]);
    assert_ne!(
        title["ti"], title["en"],
        "a Tigrinya title, not a copy of English"
    );
    let all = app.get("/api/v1/questionnaire").await;
    assert_eq!(
        all.json()["sections"][0]["title"]
            .as_object()
            .unwrap()
            .len(),
        14
    );
    assert_ne!(
        res.header("etag"),
        all.header("etag"),
        "each language set has its own ETag"
    );
}

async fn code_list_names_come_in_the_asked_language(app: TestApp) {
    let res = app.get("/api/v1/code-lists/countries?lang=ru").await;

    assert_eq!(res.status, 200);
    let body = res.json();
    let syria = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "SYR")
        .unwrap();
    assert_eq!(syria["text"]["ru"], "Сирия");
    assert!(syria["text"].get("nb").is_none());
}

async fn an_unknown_or_fourth_language_is_refused_with_the_field(app: TestApp) {
    for query in ["lang=xx", "lang=ar,fr,ru,so", "lang="] {
        let res = app.get(&format!("/api/v1/questionnaire?{query}")).await;
        let problem = res.problem(422, "validation");
        assert_eq!(problem["errors"][0]["field"], "lang", "{query}");
    }
    app.get("/api/v1/code-lists/languages?lang=klingon")
        .await
        .problem(422, "validation");
}

on_both_engines!(
    questionnaire_comes_in_the_asked_languages_and_english,
    code_list_names_come_in_the_asked_language,
    an_unknown_or_fourth_language_is_refused_with_the_field,
    questionnaire_is_public_and_cacheable,
    questionnaire_is_not_sent_again_when_unchanged,
    code_lists_are_served_by_name,
);
