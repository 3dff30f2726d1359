//! Every error the server gives, from a handler, a layer or the router, is
//! problem+json.

use axum::http::Method;

use crate::helpers::TestApp;

#[tokio::test]
async fn unknown_api_route_is_a_problem_404() {
    let app = TestApp::sqlite().await;
    app.get("/api/v1/no-such-thing")
        .await
        .problem(404, "not-found");
    app.get("/api").await.problem(404, "not-found");
}

#[tokio::test]
async fn wrong_method_is_a_problem_405_with_allow() {
    let app = TestApp::sqlite().await;
    let res = app
        .raw(Method::POST, "/readyz", "application/json", "{}")
        .await;
    res.problem(405, "method-not-allowed");
    assert!(res.header("allow").contains("GET"));
}

#[tokio::test]
async fn too_large_body_is_a_problem_413() {
    let app = TestApp::sqlite().await;
    let body = format!("{{\"x\":\"{}\"}}", "a".repeat(100 * 1024));
    let res = app
        .raw(Method::POST, "/api/v1/anything", "application/json", body)
        .await;
    res.problem(413, "payload-too-large");
}

#[tokio::test]
async fn unknown_api_route_without_frontend_is_still_a_problem() {
    let app = TestApp::sqlite().await;
    app.get("/not-api").await.problem(404, "not-found");
}

#[tokio::test]
async fn malformed_json_on_a_real_endpoint_is_a_problem_400() {
    let app = TestApp::sqlite().await;
    let res = app
        .raw(
            Method::POST,
            "/api/v1/applicant/session",
            "application/json",
            r#"{"duf_number": "#,
        )
        .await;
    res.problem(400, "malformed-body");
}

#[tokio::test]
async fn non_json_body_on_a_real_endpoint_is_a_problem_415() {
    let app = TestApp::sqlite().await;
    let res = app
        .raw(
            Method::POST,
            "/api/v1/applicant/session",
            "text/plain",
            "duf=1",
        )
        .await;
    res.problem(415, "unsupported-media-type");
}

#[tokio::test]
async fn json_of_the_wrong_shape_is_a_problem_422_naming_the_field() {
    let app = TestApp::sqlite().await;
    let res = app
        .raw(
            Method::POST,
            "/api/v1/applicant/session",
            "application/json",
            r#"{"duf_number": 12}"#,
        )
        .await;
    let problem = res.problem(422, "validation");
    assert_eq!(problem["errors"][0]["field"], "duf_number");
}
