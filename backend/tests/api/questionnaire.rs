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

on_both_engines!(
    questionnaire_is_public_and_cacheable,
    questionnaire_is_not_sent_again_when_unchanged,
    code_lists_are_served_by_name,
);
