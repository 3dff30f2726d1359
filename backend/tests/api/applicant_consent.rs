//! The consent declaration: asked once per version, a decline keeps only
//! the decline and logs out, and the questionnaire needs consent.

use axum::http::Method;
use kartlegg_shared::api::{CONSENT_VERSION, ConsentDecision};
use serde_json::json;

use crate::helpers::TestApp;
use crate::on_both_engines;

const DUF: &str = "202400000077";

async fn consent_is_asked_until_given_and_not_again(app: TestApp) {
    let (person, code) = app.seed_person(DUF).await;
    let token = app.login(DUF, &code).await;

    let res = app
        .post_json(
            "/api/v1/applicant/consent",
            Some(&token),
            &json!({ "version": CONSENT_VERSION, "decision": "accept" }),
        )
        .await;

    assert_eq!(res.status, 200);
    assert_eq!(res.json()["consent_required"], false);
    app.bearer(Method::DELETE, "/api/v1/applicant/session", &token)
        .await;
    let code = app.issue_code(&person).await;
    let again = app.try_login(DUF, &code).await;
    assert_eq!(again.json()["session"]["consent_required"], false);
}

async fn declining_records_only_the_decline_and_logs_out(app: TestApp) {
    let (person, code) = app.seed_person(DUF).await;
    let token = app.login(DUF, &code).await;

    let res = app
        .post_json(
            "/api/v1/applicant/consent",
            Some(&token),
            &json!({ "version": CONSENT_VERSION, "decision": "decline" }),
        )
        .await;

    assert_eq!(res.status, 204);
    assert!(res.header("set-cookie").contains("Max-Age=0"));
    app.bearer_get("/api/v1/applicant/session", &token)
        .await
        .problem(401, "unauthorized");
    app.try_login(DUF, &code).await.problem(401, "unauthorized");
    let consents = app.store.consents(person.id).await.unwrap();
    assert_eq!(consents.len(), 1);
    assert_eq!(consents[0].decision, ConsentDecision::Decline);
    assert_eq!(consents[0].version, CONSENT_VERSION);
    assert!(app.store.registrations(person.id).await.unwrap().is_empty());
}

async fn consent_to_another_version_is_refused(app: TestApp) {
    let (person, code) = app.seed_person(DUF).await;
    let token = app.login(DUF, &code).await;

    let res = app
        .post_json(
            "/api/v1/applicant/consent",
            Some(&token),
            &json!({ "version": "2000-1-1", "decision": "accept" }),
        )
        .await;

    let problem = res.problem(422, "validation");
    assert_eq!(problem["errors"][0]["field"], "version");
    assert!(app.store.consents(person.id).await.unwrap().is_empty());
}

async fn consent_needs_a_session(app: TestApp) {
    let res = app
        .post_json(
            "/api/v1/applicant/consent",
            None,
            &json!({ "version": CONSENT_VERSION, "decision": "accept" }),
        )
        .await;

    res.problem(401, "unauthorized");
}

async fn registration_needs_consent(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    let token = app.login(DUF, &code).await;

    let res = app
        .bearer_get("/api/v1/applicant/registration", &token)
        .await;

    res.problem(403, "forbidden");
}

async fn my_data_is_shown_without_consent(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    let token = app.login(DUF, &code).await;

    let res = app.bearer_get("/api/v1/applicant/my-data", &token).await;

    assert_eq!(res.status, 200);
    let data = res.json();
    assert_eq!(data["person"]["duf_number"], DUF);
    assert_eq!(data["person"]["organisation"], "Test mottak");
    assert_eq!(data["registrations"], json!([]));
}

on_both_engines!(
    consent_is_asked_until_given_and_not_again,
    declining_records_only_the_decline_and_logs_out,
    consent_to_another_version_is_refused,
    consent_needs_a_session,
    registration_needs_consent,
    my_data_is_shown_without_consent,
);
