//! The served OpenAPI document is valid 3.1 and is exactly the committed one.

use crate::helpers::TestApp;

const COMMITTED: &str = include_str!("../../../openapi/openapi.json");

#[tokio::test]
async fn served_document_equals_the_committed_file() {
    let app = TestApp::sqlite().await;
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status, 200);
    let served = res.json();
    let committed: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    assert!(
        served == committed,
        "openapi/openapi.json is out of date. Refresh it with:\n  \
         cargo run -q -p kartlegg-backend -- openapi > openapi/openapi.json"
    );
}

#[tokio::test]
async fn document_is_openapi_3_1_and_documents_errors() {
    let app = TestApp::sqlite().await;
    let doc = app.get("/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    let readyz = &doc["paths"]["/readyz"]["get"]["responses"];
    assert!(readyz["503"]["content"]["application/problem+json"].is_object());
}

#[tokio::test]
async fn reference_page_is_served() {
    let app = TestApp::sqlite().await;
    let res = app.get("/api/docs/").await;
    assert_eq!(res.status, 200);
    assert!(String::from_utf8_lossy(&res.body).contains("swagger"));
}
