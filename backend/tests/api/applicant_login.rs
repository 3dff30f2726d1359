//! Logging in with DUF-number and code, the code's life, the limits on
//! guessing (under concurrency, with no way to lock a person out), and the
//! session's timeouts.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, header};
use chrono::Duration;
use kartlegg_backend::config::LoginRateLimit;
use serde_json::json;

use crate::helpers::TestApp;
use crate::on_both_engines;

const DUF: &str = "202400000042";

async fn login_with_the_issued_code_opens_a_session(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;

    let res = app.try_login(DUF, &code).await;

    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    let body = res.json();
    assert_eq!(body["session"]["first_name"], "First0042");
    assert_eq!(body["session"]["consent_required"], true);
    let cookie = res.header("set-cookie");
    assert!(cookie.starts_with("kartlegg_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Secure"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
    let token = body["token"].as_str().unwrap();
    assert_eq!(
        app.bearer_get("/api/v1/applicant/session", token)
            .await
            .status,
        200
    );
    let by_cookie = app
        .send(
            Request::get("/api/v1/applicant/session")
                .header(header::COOKIE, format!("kartlegg_session={token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(by_cookie.status, 200);
    assert_eq!(by_cookie.json()["first_name"], "First0042");
}

async fn login_accepts_spaces_and_eastern_arabic_and_persian_digits(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    let eastern_duf = "٢٠٢٤ ٠٠٠٠ ٠٠٤٢";
    let persian_code: String = code
        .chars()
        .map(|c| char::from_u32(0x06F0 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    let spaced_code = format!("{} {}", &persian_code[..8], &persian_code[8..]);

    let res = app.try_login(eastern_duf, &spaced_code).await;

    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
}

async fn session_needs_a_valid_token(app: TestApp) {
    let none = app.get("/api/v1/applicant/session").await;
    none.problem(401, "unauthorized");
    let garbage = app
        .bearer_get("/api/v1/applicant/session", "not.a.token")
        .await;
    garbage.problem(401, "unauthorized");
}

/// Wrong DUF-number, wrong code, expired code, ended code and nonsense are
/// one and the same answer.
async fn every_failed_login_gets_the_same_answer(app: TestApp) {
    let (person, code) = app.seed_person(DUF).await;
    let (_, other_code) = app.seed_person("202400000043").await;
    let wrong_code = if code == "00000000" {
        "00000001"
    } else {
        "00000000"
    };

    let unknown_duf = app.try_login("209900000000", &code).await;
    let wrong = app.try_login(DUF, wrong_code).await;
    let someone_elses = app.try_login(DUF, &other_code).await;
    let malformed = app.try_login("12", "abc").await;
    let token = app.login(DUF, &code).await;
    app.bearer(Method::DELETE, "/api/v1/applicant/session", &token)
        .await;
    let ended = app.try_login(DUF, &code).await;
    let fresh = app.issue_code(&person).await;
    app.advance(Duration::days(15));
    let expired = app.try_login(DUF, &fresh).await;

    let first = unknown_duf.problem(401, "unauthorized");
    for res in [wrong, someone_elses, malformed, ended, expired] {
        assert_eq!(res.problem(401, "unauthorized"), first);
    }
}

/// Closing the browser is not the end: the code logs in again while valid.
async fn code_logs_in_again_until_it_expires(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    app.login(DUF, &code).await;

    app.advance(Duration::days(13));
    let again = app.try_login(DUF, &code).await;
    app.advance(Duration::days(1) + Duration::seconds(1));
    let expired = app.try_login(DUF, &code).await;

    assert_eq!(again.status, 201);
    expired.problem(401, "unauthorized");
}

async fn code_validity_is_configurable(app: TestApp) {
    let app = app.reconfigured(|c| c.code_ttl = Duration::days(2));
    let (_, code) = app.seed_person(DUF).await;

    app.advance(Duration::days(2));

    app.try_login(DUF, &code).await.problem(401, "unauthorized");
}

async fn logout_ends_the_session_and_the_code(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    let token = app.login(DUF, &code).await;

    let res = app
        .bearer(Method::DELETE, "/api/v1/applicant/session", &token)
        .await;

    assert_eq!(res.status, 204);
    let cookie = res.header("set-cookie");
    assert!(
        cookie.starts_with("kartlegg_session=;") && cookie.contains("Max-Age=0"),
        "{cookie}"
    );
    app.bearer_get("/api/v1/applicant/session", &token)
        .await
        .problem(401, "unauthorized");
    app.try_login(DUF, &code).await.problem(401, "unauthorized");
}

async fn a_newer_code_ends_the_older_one(app: TestApp) {
    let (person, old) = app.seed_person(DUF).await;

    let new = app.issue_code(&person).await;

    app.try_login(DUF, &old).await.problem(401, "unauthorized");
    assert_eq!(app.try_login(DUF, &new).await.status, 201);
}

async fn login_is_refused_after_five_wrong_codes(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    let wrong = if code == "11111111" {
        "22222222"
    } else {
        "11111111"
    };
    for _ in 0..4 {
        app.try_login(DUF, wrong).await.problem(401, "unauthorized");
    }
    assert_eq!(
        app.try_login(DUF, &code).await.status,
        201,
        "four wrong codes do not end it"
    );

    app.try_login(DUF, wrong).await.problem(401, "unauthorized");

    app.try_login(DUF, &code).await.problem(401, "unauthorized");
}

/// 200 logins at once, the real code among them at a random place: at
/// most five wrong codes are ever checked, so the real one gets in only if
/// it was among the first five tries counted, and the code ends once five
/// wrong ones were checked. (Before tries were reserved, 49 of 50 were
/// checked and the real code got in 13 times in 20.)
async fn simultaneous_logins_check_at_most_five_codes(app: TestApp) {
    let mut accepted_trials = 0;
    for trial in 0..4u64 {
        let duf = format!("2024000001{trial:02}");
        let (person, code) = app.seed_person(&duf).await;
        let wrong = if code == "00000000" {
            "00000001"
        } else {
            "00000000"
        };
        let real_at = usize::from(rand_byte()) % 200;
        let answers = futures_util::future::join_all((0..200).map(|i| {
            let code = if i == real_at { code.as_str() } else { wrong };
            app.try_login(&duf, code)
        }))
        .await;

        let accepted = answers.iter().filter(|r| r.status == 201).count();
        assert!(answers.iter().all(|r| r.status == 201 || r.status == 401));
        assert!(accepted <= 1);
        accepted_trials += accepted;
        let tries = app
            .store
            .current_login_code(person.id)
            .await
            .unwrap()
            .map_or(5, |c| c.wrong_tries);
        assert!(tries <= 5, "{tries} wrong codes checked");
        if accepted == 0 {
            assert!(
                app.store
                    .current_login_code(person.id)
                    .await
                    .unwrap()
                    .is_none(),
                "five wrong codes end the code"
            );
        }
    }
    // Each trial lets the real code in with a chance of about 5 in 200.
    assert!(accepted_trials <= 2, "accepted in {accepted_trials} of 4");
}

fn rand_byte() -> u8 {
    let mut b = [0u8; 1];
    getrandom::getrandom(&mut b).unwrap();
    b[0]
}

/// Whatever an attacker did before, a code staff issue lets the person in
/// at once: there is no block on the DUF-number, only on each code.
async fn a_staff_issued_code_logs_in_at_once_after_an_attackers_burst(app: TestApp) {
    let (person, _) = app.seed_person(DUF).await;
    let burst = futures_util::future::join_all(
        (0..200).map(|i| app.try_login(DUF, if i % 2 == 0 { "00000000" } else { "99999999" })),
    )
    .await;
    assert!(burst.iter().all(|r| r.status == 401));
    for _ in 0..20 {
        app.try_login(DUF, "12121212")
            .await
            .problem(401, "unauthorized");
    }

    let code = app.issue_code(&person).await;

    assert_eq!(app.restarted().try_login(DUF, &code).await.status, 201);
}

/// Every failure takes at least the floor, so that a DUF-number with a
/// live code cannot be told from one without by the answer's time.
async fn failed_logins_take_the_same_minimum_time(app: TestApp) {
    let (_, _) = app.seed_person(DUF).await;
    for (duf, code) in [(DUF, "00000000"), ("209900000000", "00000000"), ("1", "x")] {
        let started = std::time::Instant::now();
        app.try_login(duf, code).await.problem(401, "unauthorized");
        assert!(started.elapsed() >= kartlegg_backend::auth::login::FAILURE_FLOOR);
    }
}

/// Five codes a day per person keep the bound on guessing.
async fn a_sixth_code_in_a_day_is_refused(app: TestApp) {
    let (person, _) = app.seed_person(DUF).await;
    for _ in 0..4 {
        app.issue_code(&person).await;
    }

    let sixth = kartlegg_backend::auth::login::issue_code(
        app.store.as_ref(),
        &app.state.keys,
        &person,
        kartlegg_backend::clock::Clock::now(app.clock.as_ref()),
        app.state.config.code_ttl,
    )
    .await;

    assert!(matches!(
        sixth,
        Err(kartlegg_backend::auth::login::IssueError::TooManyToday)
    ));
    app.advance(Duration::hours(24) + Duration::seconds(1));
    let code = app.issue_code(&person).await;
    assert_eq!(app.try_login(DUF, &code).await.status, 201);
}

async fn login_attempts_are_limited_per_client_address(app: TestApp) {
    let app = app.reconfigured(|c| {
        c.login_rate_limit = Some(LoginRateLimit {
            burst: 3,
            replenish: std::time::Duration::from_secs(60),
        });
    });
    let from = |ip: &str| {
        let body = json!({ "duf_number": "209900000000", "code": "00000000" }).to_string();
        let mut request = Request::post("/api/v1/applicant/session")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .unwrap();
        request.extensions_mut().insert(ConnectInfo(
            format!("{ip}:5000").parse::<SocketAddr>().unwrap(),
        ));
        request
    };
    for _ in 0..3 {
        assert_eq!(app.send(from("192.0.2.1")).await.status, 401);
    }

    let limited = app.send(from("192.0.2.1")).await;
    let other_address = app.send(from("192.0.2.2")).await;

    limited.problem(429, "too-many-requests");
    assert!(limited.header("retry-after").parse::<u64>().unwrap() >= 1);
    assert_eq!(other_address.status, 401);
    let status = app.get("/api/v1/applicant/session").await.status;
    assert_eq!(status, 401, "only the login is limited");
}

async fn session_ends_after_thirty_idle_minutes(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    let token = app.login(DUF, &code).await;

    app.advance(Duration::minutes(29));
    let active = app.bearer_get("/api/v1/applicant/session", &token).await;
    app.advance(Duration::minutes(29));
    let still = app.bearer_get("/api/v1/applicant/session", &token).await;
    app.advance(Duration::minutes(30));
    let idle = app.bearer_get("/api/v1/applicant/session", &token).await;

    assert_eq!(active.status, 200);
    assert_eq!(still.status, 200, "activity pushes the idle timeout back");
    idle.problem(401, "unauthorized");
}

async fn session_ends_twelve_hours_after_login_however_active(app: TestApp) {
    let (_, code) = app.seed_person(DUF).await;
    let token = app.login(DUF, &code).await;
    for _ in 0..28 {
        app.advance(Duration::minutes(25));
        assert_eq!(
            app.bearer_get("/api/v1/applicant/session", &token)
                .await
                .status,
            200
        );
    }

    app.advance(Duration::minutes(21));

    app.bearer_get("/api/v1/applicant/session", &token)
        .await
        .problem(401, "unauthorized");
}

/// Every log line of the whole test binary goes to one global subscriber
/// (see `helpers::captured_logs`), so no other test's thread can change what
/// is recorded. The check covers this test's requests, found by request id.
#[tokio::test]
async fn duf_number_and_code_never_appear_in_log_lines() {
    no_duf_number_or_code_in_logs(TestApp::sqlite().await, "log-check-sqlite").await;
    if let Some(app) = TestApp::postgres().await {
        no_duf_number_or_code_in_logs(app, "log-check-postgres").await;
    }
}

async fn no_duf_number_or_code_in_logs(app: TestApp, request_id: &str) {
    const LOGGED_DUF: &str = "202499990042";
    let (_, code) = app.seed_person(LOGGED_DUF).await;
    let login = |code: String| {
        Request::post("/api/v1/applicant/session")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-request-id", request_id)
            .body(Body::from(
                json!({ "duf_number": LOGGED_DUF, "code": code }).to_string(),
            ))
            .unwrap()
    };

    let ok = app.send(login(code.clone())).await;
    app.send(login("12345678".into())).await;
    let token = ok.json()["token"].as_str().unwrap().to_owned();
    app.bearer_get("/api/v1/applicant/my-data", &token).await;

    let log = crate::helpers::captured_logs();
    assert!(log.contains(request_id), "the subscriber saw the requests");
    assert!(!log.contains(LOGGED_DUF), "DUF-number in the log");
    assert!(!log.contains(&code), "code in the log");
    assert!(!log.contains(&code.replace(' ', "")), "code in the log");
    assert!(!log.contains("12345678"), "wrong code in the log");
}

on_both_engines!(
    login_with_the_issued_code_opens_a_session,
    login_accepts_spaces_and_eastern_arabic_and_persian_digits,
    session_needs_a_valid_token,
    every_failed_login_gets_the_same_answer,
    code_logs_in_again_until_it_expires,
    code_validity_is_configurable,
    logout_ends_the_session_and_the_code,
    a_newer_code_ends_the_older_one,
    login_is_refused_after_five_wrong_codes,
    simultaneous_logins_check_at_most_five_codes,
    a_staff_issued_code_logs_in_at_once_after_an_attackers_burst,
    failed_logins_take_the_same_minimum_time,
    a_sixth_code_in_a_day_is_refused,
    login_attempts_are_limited_per_client_address,
    session_ends_after_thirty_idle_minutes,
    session_ends_twelve_hours_after_login_however_active,
);
