//! Headers every response carries.

use axum::body::Body;
use axum::http::Request;

use crate::helpers::TestApp;

#[tokio::test]
async fn every_response_has_security_headers() {
    let app = TestApp::sqlite().await;
    for path in ["/healthz", "/api/v1/none", "/api/openapi.json"] {
        let res = app.get(path).await;
        let csp = res.header("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(res.header("x-content-type-options"), "nosniff");
        assert_eq!(res.header("referrer-policy"), "no-referrer");
    }
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = TestApp::sqlite().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.header("x-request-id").len(), 36);
    let given = app
        .send(
            Request::get("/healthz")
                .header("x-request-id", "abc-123")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(given.header("x-request-id"), "abc-123");
}

#[tokio::test]
async fn cors_allows_only_configured_origins() {
    let app = TestApp::sqlite().await;
    let allowed = app
        .send(
            Request::get("/healthz")
                .header("origin", "https://case.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        "https://case.example"
    );
    let other = app
        .send(
            Request::get("/healthz")
                .header("origin", "https://evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(other.headers.get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn api_responses_are_compressed_when_asked() {
    let app = TestApp::sqlite().await;
    let res = app
        .send(
            Request::get("/api/openapi.json")
                .header("accept-encoding", "br")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(res.header("content-encoding"), "br");
}
