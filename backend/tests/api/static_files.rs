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

/// Each app's routes get the page that preloads that app's bundle, so the
/// form and the back office never download the start app's.
#[tokio::test]
async fn each_app_s_routes_get_the_page_that_preloads_its_own_bundle() {
    let (_, dist) = app_with_frontend().await;
    std::fs::write(dist.path().join("form.html"), "<title>form</title>").unwrap();
    std::fs::write(dist.path().join("caseworker.html"), "<title>cw</title>").unwrap();
    let app = TestApp::sqlite_with_static(Some(dist.path().to_owned())).await;
    for (path, title) in [
        ("/", "K"),
        ("/login", "K"),
        ("/formula", "K"),
        ("/form", "form"),
        ("/form/education", "form"),
        ("/summary", "form"),
        ("/my-data", "form"),
        (
            "/together/4c7e0f2a-0000-4000-8000-000000000001/form",
            "form",
        ),
        ("/caseworker", "cw"),
        ("/caseworker/people/1", "cw"),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status, 200, "{path}");
        let body = String::from_utf8_lossy(&res.body).into_owned();
        assert!(
            body.contains(&format!("<title>{title}</title>")),
            "{path}: {body}"
        );
        assert_eq!(res.header("cache-control"), "no-cache", "{path}");
    }
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
