//! The built frontend: precompressed files, cache lifetimes, SPA fallback.

use axum::body::Body;
use axum::http::Request;

use crate::helpers::TestApp;

async fn app_with_frontend() -> (TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>K</title>",
    )
    .unwrap();
    std::fs::create_dir(dist.path().join("assets")).unwrap();
    std::fs::write(dist.path().join("assets/app-0123abcd.js"), "console.log(1)").unwrap();
    std::fs::write(dist.path().join("assets/app-0123abcd.js.br"), "BROTLI").unwrap();
    let app = TestApp::sqlite_with_static(Some(dist.path().to_owned())).await;
    (app, dist)
}

#[tokio::test]
async fn index_is_served_and_never_cached_without_revalidation() {
    let (app, _dist) = app_with_frontend().await;
    let res = app.get("/").await;
    assert_eq!(res.status, 200);
    assert!(String::from_utf8_lossy(&res.body).contains("<title>K</title>"));
    assert_eq!(res.header("cache-control"), "no-cache");
}

#[tokio::test]
async fn client_side_routes_fall_back_to_index() {
    let (app, _dist) = app_with_frontend().await;
    let res = app.get("/form/education").await;
    assert_eq!(res.status, 200);
    assert!(String::from_utf8_lossy(&res.body).contains("<title>K</title>"));
}

#[tokio::test]
async fn hashed_assets_are_precompressed_and_cached_for_a_year() {
    let (app, _dist) = app_with_frontend().await;
    let res = app
        .send(
            Request::get("/assets/app-0123abcd.js")
                .header("accept-encoding", "gzip, br")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-encoding"), "br");
    assert_eq!(res.body, b"BROTLI");
    assert!(res.header("cache-control").contains("immutable"));
}

#[tokio::test]
async fn api_paths_are_not_swallowed_by_the_spa_fallback() {
    let (app, _dist) = app_with_frontend().await;
    app.get("/api/v1/missing").await.problem(404, "not-found");
}
