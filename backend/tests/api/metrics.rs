//! `/metrics`: requests by route template (never a concrete path, so no
//! DUF-number becomes a label), logins by kind and outcome, pool use.

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::helpers::TestApp;
use crate::on_both_engines;

async fn scrape(app: &TestApp) -> String {
    let response = kartlegg_backend::metrics::router(app.state.clone())
        .oneshot(Request::get("/metrics").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text")
    );
    let body = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(body.to_vec()).unwrap()
}

async fn metrics_count_routes_by_template_and_logins_by_outcome(app: TestApp) {
    app.get("/api/v1/people/202400000042").await;
    app.get("/healthz").await;
    app.try_login("202400000042", "12345678").await;
    let text = scrape(&app).await;
    assert!(
        text.contains(
            "kartlegg_http_requests_total{method=\"GET\",route=\"/api/v1/people/{duf_number}\",status=\"401\"} 1"
        ),
        "{text}"
    );
    assert!(text.contains("route=\"/healthz\""), "{text}");
    assert!(
        text.contains("kartlegg_logins_total{kind=\"applicant\",outcome=\"failure\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("kartlegg_db_pool_connections{pool="),
        "{text}"
    );
    assert!(
        !text.contains("202400000042"),
        "a DUF-number in the metrics: {text}"
    );
    // The application's own port does not serve them.
    assert_eq!(app.get("/metrics").await.status, 404);
}

on_both_engines!(metrics_count_routes_by_template_and_logins_by_outcome);
