//! Headers every response carries, no caching of personal data, the
//! cross-site check on cookie requests, and the size limits on URI and
//! headers.

use axum::body::Body;
use axum::http::{Method, Request, header};
use kartlegg_shared::caseworker::Role;
use kartlegg_shared::domain::DufNumber;
use serde_json::json;

use crate::helpers::{CASEWORKER_PASSWORD, TestApp, TestResponse};
use crate::on_both_engines;

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
        assert_security_extras(&res, path);
    }
}

/// The permissions policy and the opener policy.
fn assert_security_extras(res: &TestResponse, what: &str) {
    let policy = res.header("permissions-policy");
    for feature in [
        "camera=()",
        "microphone=()",
        "geolocation=()",
        "payment=()",
        "usb=()",
    ] {
        assert!(policy.contains(feature), "{what}: {policy}");
    }
    // Reading aloud (speech synthesis) must keep working.
    assert!(!policy.contains("speaker-selection"), "{what}: {policy}");
    assert_eq!(
        res.header("cross-origin-opener-policy"),
        "same-origin",
        "{what}"
    );
}

on_both_engines!(
    personal_data_is_never_stored_public_documents_keep_their_etags,
    cross_site_cookie_requests_are_refused_and_change_nothing,
);

async fn personal_data_is_never_stored_public_documents_keep_their_etags(app: TestApp) {
    let applicant = app.consented_applicant("202400000101").await;
    for path in [
        "/api/v1/applicant/my-data",
        "/api/v1/applicant/my-data/download",
        "/api/v1/applicant/my-data?download=1",
        "/api/v1/applicant/registration",
        "/api/v1/applicant/session",
    ] {
        let res = app.bearer_get(path, &applicant).await;
        assert!(res.status.is_success(), "{path}: {}", res.status);
        assert_eq!(res.header("cache-control"), "no-store", "{path}");
    }

    let person = app
        .store
        .person_by_duf(&DufNumber::parse("202400000101").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let staff = app
        .caseworker(
            "test-org",
            "staff",
            &[Role::Reader, Role::Counsellor, Role::Auditor],
        )
        .await;
    let p = format!("/api/v1/caseworker/people/{person}");
    for path in [
        p.as_str(),
        &format!("{p}/access-log"),
        "/api/v1/caseworker/people",
        "/api/v1/caseworker/people/export",
        "/api/v1/caseworker/audit",
        "/api/v1/caseworker/me",
    ] {
        let res = app.bearer_get(path, &staff).await;
        assert!(res.status.is_success(), "{path}: {}", res.status);
        assert_eq!(res.header("cache-control"), "no-store", "{path}");
    }
    let search = app
        .post_json(
            "/api/v1/caseworker/search",
            Some(&staff),
            &json!({ "query": "Tester" }),
        )
        .await;
    assert_eq!(search.status, 200);
    assert_eq!(search.header("cache-control"), "no-store");
    // An error answer about a person is not kept either.
    let refused = app.get("/api/v1/applicant/my-data").await;
    assert_eq!(refused.status, 401);
    assert_eq!(refused.header("cache-control"), "no-store");

    for path in ["/api/v1/questionnaire", "/api/v1/code-lists/countries"] {
        let res = app.get(path).await;
        assert_eq!(res.header("cache-control"), "public, max-age=300", "{path}");
        assert!(res.header("etag").starts_with('"'), "{path}");
    }
    // Documents about the API are revalidated, as before.
    assert_eq!(
        app.get("/api/openapi.json").await.header("cache-control"),
        "no-cache"
    );
}

/// A state-changing request with these extra headers.
async fn with_headers(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<serde_json::Value>,
    headers: &[(&str, &str)],
) -> TestResponse {
    let mut request = Request::builder().method(method).uri(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = match body {
        Some(body) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(serde_json::to_vec(&body).unwrap())
        }
        None => Body::empty(),
    };
    app.send(request.body(body).unwrap()).await
}

async fn cross_site_cookie_requests_are_refused_and_change_nothing(app: TestApp) {
    let (person, old_code) = app.seed_person("202400000101").await;
    let token = app
        .caseworker("test-org", "counsellor", &[Role::Counsellor])
        .await;
    let cookie = format!("kartlegg_caseworker_session={token}");
    let codes = format!("/api/v1/caseworker/people/{}/codes", person.id);

    // A form on another site posts with the cookie: refused, by
    // Sec-Fetch-Site or, from an older browser, by Origin.
    for headers in [
        vec![
            ("cookie", cookie.as_str()),
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://evil.example"),
        ],
        vec![("cookie", cookie.as_str()), ("sec-fetch-site", "same-site")],
        vec![
            ("cookie", cookie.as_str()),
            ("host", "kartlegg.example"),
            ("origin", "https://evil.example"),
        ],
        vec![
            ("cookie", cookie.as_str()),
            ("host", "kartlegg.example"),
            ("origin", "null"),
        ],
    ] {
        let res = with_headers(&app, Method::POST, &codes, None, &headers).await;
        let problem = res.problem(403, "forbidden");
        assert!(
            problem["detail"].as_str().unwrap().contains("another site"),
            "{headers:?}"
        );
        assert_eq!(res.header("cache-control"), "no-store");
        assert_security_extras(&res, "refused");
    }
    // No code was issued: the old one (which a new code would end) still
    // opens a session.
    app.login("202400000101", &old_code).await;

    // From our own pages, from a configured origin, or without browser
    // headers at all (a script with the cookie), the same request works.
    for headers in [
        vec![
            ("cookie", cookie.as_str()),
            ("sec-fetch-site", "same-origin"),
            ("origin", "https://kartlegg.example"),
        ],
        vec![
            ("cookie", cookie.as_str()),
            ("host", "kartlegg.example"),
            ("origin", "https://kartlegg.example"),
        ],
        vec![
            ("cookie", cookie.as_str()),
            ("origin", "https://case.example"),
        ],
        vec![("cookie", cookie.as_str())],
    ] {
        let res = with_headers(&app, Method::POST, &codes, None, &headers).await;
        assert_eq!(
            res.status,
            201,
            "{headers:?}: {}",
            String::from_utf8_lossy(&res.body)
        );
    }
    // Reading is not affected.
    let read = with_headers(
        &app,
        Method::GET,
        &format!("/api/v1/caseworker/people/{}", person.id),
        None,
        &[("cookie", &cookie), ("sec-fetch-site", "cross-site")],
    )
    .await;
    assert_eq!(read.status, 200);
    // A Bearer token cannot be added by a foreign page: not checked. (For
    // another person: the codes above used up this one's five a day.)
    let (other, _) = app.seed_person("202400000198").await;
    let bearer = format!("Bearer {token}");
    let res = with_headers(
        &app,
        Method::POST,
        &format!("/api/v1/caseworker/people/{}/codes", other.id),
        None,
        &[
            ("authorization", &bearer),
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://evil.example"),
        ],
    )
    .await;
    assert_eq!(res.status, 201);

    // Login CSRF: another site cannot log the browser in to its account.
    let cross = [
        ("sec-fetch-site", "cross-site"),
        ("origin", "https://evil.example"),
    ];
    let login = json!({ "username": "counsellor", "password": CASEWORKER_PASSWORD });
    with_headers(
        &app,
        Method::POST,
        "/api/v1/caseworker/login",
        Some(login.clone()),
        &cross,
    )
    .await
    .problem(403, "forbidden");
    let (_, code) = app.seed_person("202400000102").await;
    let applicant = json!({ "duf_number": "202400000102", "code": code });
    with_headers(
        &app,
        Method::POST,
        "/api/v1/applicant/session",
        Some(applicant.clone()),
        &cross,
    )
    .await
    .problem(403, "forbidden");
    let own = [("sec-fetch-site", "same-origin")];
    let res = with_headers(
        &app,
        Method::POST,
        "/api/v1/caseworker/login",
        Some(login),
        &own,
    )
    .await;
    assert_eq!(res.status, 201);
    let res = with_headers(
        &app,
        Method::POST,
        "/api/v1/applicant/session",
        Some(applicant),
        &own,
    )
    .await;
    assert_eq!(res.status, 201);
}

#[tokio::test]
async fn too_long_uri_and_too_large_headers_are_problems_with_headers() {
    let app = TestApp::sqlite().await;
    let long = format!("/api/v1/questionnaire?x={}", "a".repeat(9 * 1024));
    let res = app.get(&long).await;
    res.problem(414, "uri-too-long");
    assert_security_extras(&res, "414");
    assert_eq!(res.header("x-content-type-options"), "nosniff");
    assert!(res.headers.contains_key("content-security-policy"));

    let mut request = Request::get("/healthz");
    for i in 0..20 {
        request = request.header(format!("x-filler-{i}"), "b".repeat(1024));
    }
    let res = app.send(request.body(Body::empty()).unwrap()).await;
    res.problem(431, "headers-too-large");
    assert_security_extras(&res, "431");
    assert_eq!(res.header("x-content-type-options"), "nosniff");

    // Just below the limits, a request is answered as usual.
    let fits = format!("/healthz?x={}", "a".repeat(7 * 1024));
    assert_eq!(app.get(&fits).await.status, 200);
    let mut request = Request::get("/healthz");
    for i in 0..12 {
        request = request.header(format!("x-filler-{i}"), "b".repeat(1024));
    }
    assert_eq!(
        app.send(request.body(Body::empty()).unwrap()).await.status,
        200
    );
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
