//! Webhooks against a local receiver: signed deliveries (checked with an
//! HMAC computed here, apart from the signing crate), retries after 500s
//! and timeouts, 410 and three days of failing disabling the endpoint, SSRF
//! refusals, "send again", isolation between clients and organisations,
//! and two workers sharing the queue without delivering an event twice.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use kartlegg_backend::webhooks::WorkerSettings;
use kartlegg_backend::webhooks::outbound::Outbound;
use kartlegg_backend::webhooks::worker::deliver_due;
use kartlegg_shared::caseworker::Role;
use kartlegg_shared::integration::Scope;
use serde_json::{Value, json};
use sha2::Sha256;

use crate::feed::{complete, draft};
use crate::helpers::TestApp;
use crate::on_both_engines;

/// One request the receiver got.
#[derive(Debug, Clone)]
struct Received {
    headers: HeaderMap,
    body: Bytes,
}

/// What the receiver answers, in turn; the last answer repeats.
#[derive(Debug, Clone, Copy)]
enum Answer {
    Status(u16),
    /// Answer 200 after this long (longer than the worker's timeout).
    Slow(Duration),
    /// Answer 200 with a body that never ends.
    Endless,
}

#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<Received>>>,
    answers: Arc<Mutex<Vec<Answer>>>,
}

impl Receiver {
    /// A receiver on a free loopback port, answering `answers` in turn.
    async fn start(answers: &[Answer]) -> (Self, SocketAddr) {
        let receiver = Self {
            got: Arc::default(),
            answers: Arc::new(Mutex::new(answers.iter().rev().copied().collect())),
        };
        let app = axum::Router::new()
            .route("/hook", axum::routing::post(take))
            .with_state(receiver.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        (receiver, addr)
    }

    fn got(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }
}

async fn take(
    State(r): State<Receiver>,
    headers: HeaderMap,
    body: Bytes,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    r.got.lock().unwrap().push(Received { headers, body });
    let answer = {
        let mut answers = r.answers.lock().unwrap();
        if answers.len() > 1 {
            answers.pop().unwrap()
        } else {
            *answers.last().unwrap()
        }
    };
    match answer {
        Answer::Status(s) => StatusCode::from_u16(s).unwrap().into_response(),
        Answer::Slow(wait) => {
            tokio::time::sleep(wait).await;
            StatusCode::OK.into_response()
        }
        Answer::Endless => {
            let chunks = futures_util::stream::repeat_with(|| {
                Ok::<_, std::io::Error>(Bytes::from(vec![b'x'; 16 * 1024]))
            });
            axum::body::Body::from_stream(chunks).into_response()
        }
    }
}

/// The worker's settings in tests: private addresses allowed (the
/// receiver is on loopback), a short timeout.
fn settings(allow_private: bool) -> WorkerSettings {
    WorkerSettings {
        allow_private,
        timeout: Duration::from_millis(800),
        ..WorkerSettings::default()
    }
}

/// One round of the worker a second later (the store stamps some events
/// with the system clock, which runs ahead of the test's clock); how many
/// deliveries it took.
async fn round(app: &TestApp, allow_private: bool) -> usize {
    // A person made through the store is stamped with the real time, which
    // runs ahead of the test clock on a busy machine: the clock catches up
    // first, or what was just queued is not due yet.
    let behind = (chrono::Utc::now() - app.state.clock.now()).max(chrono::Duration::zero());
    app.advance(behind + chrono::Duration::seconds(1));
    let settings = settings(allow_private);
    let outbound = Outbound::new(settings.allow_private, settings.timeout).unwrap();
    deliver_due(&app.state, &outbound, &settings).await.unwrap()
}

fn open_app(app: TestApp) -> TestApp {
    app.reconfigured(|c| c.webhooks = settings(true))
}

/// Registers an endpoint; its id and secret.
async fn register(app: &TestApp, token: &str, url: &str, types: &[&str]) -> (String, String) {
    let res = app
        .send_json(
            Method::POST,
            "/api/v1/webhooks",
            Some(token),
            &json!({"url": url, "types": types}),
        )
        .await;
    assert_eq!(
        res.status,
        201,
        "{url}: {}",
        String::from_utf8_lossy(&res.body)
    );
    let body = res.json();
    (
        body["webhook"]["id"].as_str().unwrap().to_owned(),
        body["secret"].as_str().unwrap().to_owned(),
    )
}

/// Completes a registration of a new person of `org`.
async fn completion(app: &TestApp, org: &str, duf: &str) {
    let person = app.person_in(org, duf, "Amina", "Tesfay").await;
    let d = draft(app, &person).await;
    complete(app, &person, &d).await;
}

/// The Standard Webhooks signature of a delivery, computed here.
fn expected_signature(secret: &str, r: &Received) -> String {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let header = |n: &str| r.headers[n].to_str().unwrap().to_owned();
    let signed = format!(
        "{}.{}.{}",
        header("webhook-id"),
        header("webhook-timestamp"),
        std::str::from_utf8(&r.body).unwrap()
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    mac.update(signed.as_bytes());
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

async fn deliveries(app: &TestApp, token: &str, id: &str) -> Vec<Value> {
    let res = app
        .bearer_get(&format!("/api/v1/webhooks/{id}/deliveries"), token)
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    res.json().as_array().unwrap().clone()
}

async fn signed_deliveries_are_retried_after_a_500_and_end_with_a_2xx(app: TestApp) {
    let app = open_app(app);
    let (receiver, addr) = Receiver::start(&[Answer::Status(500), Answer::Status(204)]).await;
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    let (id, secret) = register(
        &app,
        &token,
        &format!("http://{addr}/hook"),
        &["registration.completed"],
    )
    .await;
    assert!(secret.starts_with("whsec_"));
    completion(&app, "0301", "202400003001").await;

    assert_eq!(round(&app, true).await, 1);
    // Not due again until its backoff has passed.
    assert_eq!(round(&app, true).await, 0);
    app.advance(chrono::Duration::seconds(7));
    assert_eq!(round(&app, true).await, 1);

    let got = receiver.got();
    assert_eq!(got.len(), 2);
    for r in &got {
        assert_eq!(
            r.headers["webhook-signature"],
            expected_signature(&secret, r)
        );
        assert_eq!(r.headers["content-type"], "application/json");
    }
    // The same id on every attempt, for the receiver to deduplicate by.
    assert_eq!(got[0].headers["webhook-id"], got[1].headers["webhook-id"]);
    let body: Value = serde_json::from_slice(&got[1].body).unwrap();
    assert_eq!(body["type"], "registration.completed");
    assert_eq!(body["data"]["duf_number"], "202400003001");
    assert_eq!(
        body["data"]["id"],
        got[1].headers["webhook-id"].to_str().unwrap()
    );

    let list = deliveries(&app, &token, &id).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["state"], "delivered");
    let attempts = list[0]["attempts"].as_array().unwrap();
    assert_eq!(attempts[0]["status"], 500);
    assert_eq!(attempts[0]["error"], "answered 500");
    assert_eq!(attempts[1]["status"], 204);
    assert!(attempts[1].get("error").is_none());
    // Only the wanted type: a person created is not sent here.
    assert!(list.iter().all(|d| d["type"] == "registration.completed"));
    // The delivery is audited as the client's read of the person, once.
    let audited = webhook_audits(&app).await;
    assert_eq!(audited.len(), 1);
    assert!(audited[0].event.actor.starts_with("API client: "));
    assert!(audited[0].event.person_id.is_some());
}

/// The audit events of delivered webhooks.
async fn webhook_audits(app: &TestApp) -> Vec<kartlegg_backend::db::AuditEventRecord> {
    app.audit_events_of(kartlegg_shared::caseworker::AuditAction::List)
        .await
        .into_iter()
        .filter(|e| e.event.fields == ["webhook"])
        .collect()
}

async fn a_disabled_client_s_webhooks_stop(app: TestApp) {
    let app = open_app(app);
    let (receiver, addr) = Receiver::start(&[Answer::Status(200)]).await;
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    register(
        &app,
        &token,
        &format!("http://{addr}/hook"),
        &["person.created"],
    )
    .await;
    app.person_in("0301", "202400003011", "Yonas", "Haile")
        .await;
    let admin = app
        .caseworker("0301", "admin-off", &[Role::Administrator])
        .await;
    let clients = app
        .bearer_get("/api/v1/caseworker/api-clients", &admin)
        .await
        .json();
    let client_id = clients[0]["id"].as_str().unwrap();
    let res = app
        .bearer_post(
            &format!("/api/v1/caseworker/api-clients/{client_id}/disable"),
            &admin,
        )
        .await;
    assert_eq!(res.status, 200);
    app.person_in("0301", "202400003012", "Selam", "Haile")
        .await;
    // Neither the pending delivery nor the new event goes out.
    assert_eq!(round(&app, true).await, 0);
    assert!(receiver.got().is_empty());
    let endpoints = app
        .bearer_get(
            &format!("/api/v1/caseworker/api-clients/{client_id}/webhooks"),
            &admin,
        )
        .await
        .json();
    assert_eq!(endpoints[0]["disabled_reason"], "removed");
}

async fn a_timeout_is_retried_and_logged(app: TestApp) {
    let app = open_app(app);
    let (receiver, addr) =
        Receiver::start(&[Answer::Slow(Duration::from_secs(3)), Answer::Status(200)]).await;
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    let (id, _) = register(
        &app,
        &token,
        &format!("http://{addr}/hook"),
        &["person.created"],
    )
    .await;
    app.person_in("0301", "202400003002", "Yonas", "Haile")
        .await;
    assert_eq!(round(&app, true).await, 1);
    let list = deliveries(&app, &token, &id).await;
    assert_eq!(list[0]["state"], "pending");
    let first = &list[0]["attempts"][0];
    assert!(first.get("status").is_none());
    assert!(
        first["error"].as_str().unwrap().contains("timed out"),
        "{first}"
    );
    app.advance(chrono::Duration::seconds(7));
    assert_eq!(round(&app, true).await, 1);
    assert_eq!(deliveries(&app, &token, &id).await[0]["state"], "delivered");
    assert_eq!(receiver.got().len(), 2);
}

async fn an_endless_answer_is_cut_off_not_waited_for(app: TestApp) {
    let app = open_app(app);
    let (receiver, addr) = Receiver::start(&[Answer::Endless]).await;
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    let (id, _) = register(
        &app,
        &token,
        &format!("http://{addr}/hook"),
        &["person.created"],
    )
    .await;
    app.person_in("0301", "202400003014", "Yonas", "Haile")
        .await;
    assert_eq!(round(&app, true).await, 1);
    // Delivered on its status; only the first 64 KiB of the body were
    // read, so the attempt ended well within the timeout.
    let list = deliveries(&app, &token, &id).await;
    assert_eq!(list[0]["state"], "delivered", "{}", list[0]);
    assert!(list[0]["attempts"][0]["duration_ms"].as_u64().unwrap() < 800);
    assert_eq!(receiver.got().len(), 1);
}

async fn gone_disables_the_endpoint_and_nothing_more_is_queued(app: TestApp) {
    let app = open_app(app);
    let (receiver, addr) = Receiver::start(&[Answer::Status(410)]).await;
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    let (id, _) = register(
        &app,
        &token,
        &format!("http://{addr}/hook"),
        &["person.created"],
    )
    .await;
    app.person_in("0301", "202400003003", "Yonas", "Haile")
        .await;
    app.person_in("0301", "202400003004", "Selam", "Haile")
        .await;
    assert_eq!(round(&app, true).await, 2);
    let endpoints = app.bearer_get("/api/v1/webhooks", &token).await.json();
    assert_eq!(endpoints[0]["disabled_reason"], "gone");
    assert!(endpoints[0]["disabled_at"].is_string());
    app.person_in("0301", "202400003005", "Hagos", "Haile")
        .await;
    app.advance(chrono::Duration::minutes(5));
    assert_eq!(round(&app, true).await, 0);
    assert_eq!(receiver.got().len(), 2);
    assert_eq!(deliveries(&app, &token, &id).await.len(), 2);
}

async fn three_days_of_failing_disable_the_endpoint(app: TestApp) {
    let app = open_app(app);
    let (_receiver, addr) = Receiver::start(&[Answer::Status(503)]).await;
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    let (_, _) = register(
        &app,
        &token,
        &format!("http://{addr}/hook"),
        &["person.created"],
    )
    .await;
    app.person_in("0301", "202400003006", "Yonas", "Haile")
        .await;
    assert_eq!(round(&app, true).await, 1);
    let endpoint = &app.bearer_get("/api/v1/webhooks", &token).await.json()[0];
    assert!(endpoint["failing_since"].is_string());
    assert!(endpoint.get("disabled_at").is_none());
    // A day later it is still tried; three days after the first failure
    // the endpoint is disabled, and its administrator sees why (the
    // client's token has expired by then).
    app.advance(chrono::Duration::days(1));
    assert_eq!(round(&app, true).await, 1);
    assert!(
        seen_by_admin(&app, "admin-1d").await[0]
            .get("disabled_at")
            .is_none()
    );
    app.advance(chrono::Duration::days(2));
    assert_eq!(round(&app, true).await, 1);
    let endpoint = &seen_by_admin(&app, "admin-3d").await[0];
    assert_eq!(endpoint["disabled_reason"], "failing", "{endpoint}");
}

/// The first API client's endpoints, as a new administrator of 0301 sees
/// them in the back office.
async fn seen_by_admin(app: &TestApp, username: &str) -> Vec<Value> {
    let admin = app
        .caseworker("0301", username, &[Role::Administrator])
        .await;
    let clients = app
        .bearer_get("/api/v1/caseworker/api-clients", &admin)
        .await
        .json();
    let client_id = clients[0]["id"].as_str().unwrap();
    let res = app
        .bearer_get(
            &format!("/api/v1/caseworker/api-clients/{client_id}/webhooks"),
            &admin,
        )
        .await;
    assert_eq!(res.status, 200);
    res.json().as_array().unwrap().clone()
}

async fn private_and_metadata_addresses_are_refused(app: TestApp) {
    // Without the test setting: refused when registered…
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    for url in [
        "http://127.0.0.1:9/hook",
        "https://127.0.0.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/hook",
        "ftp://example.no/hook",
    ] {
        let res = app
            .send_json(
                Method::POST,
                "/api/v1/webhooks",
                Some(&token),
                &json!({"url": url, "types": ["person.created"]}),
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(problem["errors"][0]["field"], "url", "{url}: {problem}");
    }
    assert_eq!(
        app.bearer_get("/api/v1/webhooks", &token).await.json(),
        json!([])
    );
    // …and after name resolution, when a name leads to loopback.
    let (receiver, addr) = Receiver::start(&[Answer::Status(200)]).await;
    let (id, _) = register(
        &app,
        &token,
        &format!("https://localhost:{}/hook", addr.port()),
        &["person.created"],
    )
    .await;
    app.person_in("0301", "202400003007", "Yonas", "Haile")
        .await;
    assert_eq!(round(&app, false).await, 1);
    let list = deliveries(&app, &token, &id).await;
    let error = list[0]["attempts"][0]["error"].as_str().unwrap();
    assert!(error.contains("no public address"), "{error}");
    assert!(receiver.got().is_empty());
}

async fn send_again_repeats_a_finished_delivery_with_the_same_id(app: TestApp) {
    let app = open_app(app);
    let (receiver, addr) = Receiver::start(&[Answer::Status(200)]).await;
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    let (id, _) = register(
        &app,
        &token,
        &format!("http://{addr}/hook"),
        &["person.created"],
    )
    .await;
    app.person_in("0301", "202400003008", "Yonas", "Haile")
        .await;
    assert_eq!(round(&app, true).await, 1);
    let event = deliveries(&app, &token, &id).await[0]["event_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let retry = format!("/api/v1/webhooks/{id}/deliveries/{event}/retry");
    assert_eq!(app.bearer_post(&retry, &token).await.status, 202);
    // Pending again: a second "send again" is a conflict until it is sent.
    app.bearer_post(&retry, &token)
        .await
        .problem(409, "conflict");
    assert_eq!(round(&app, true).await, 1);
    let got = receiver.got();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].headers["webhook-id"], got[1].headers["webhook-id"]);
    let missing = format!(
        "/api/v1/webhooks/{id}/deliveries/{}/retry",
        uuid::Uuid::new_v4()
    );
    app.bearer_post(&missing, &token)
        .await
        .problem(404, "not-found");

    // The client's administrator sees the same and may send again too.
    let admin = app
        .caseworker("0301", "admin-wh", &[Role::Administrator])
        .await;
    let clients = app
        .bearer_get("/api/v1/caseworker/api-clients", &admin)
        .await
        .json();
    let client_id = clients[0]["id"].as_str().unwrap();
    let seen = app
        .bearer_get(
            &format!("/api/v1/caseworker/api-clients/{client_id}/webhooks/{id}/deliveries"),
            &admin,
        )
        .await;
    assert_eq!(seen.status, 200);
    assert_eq!(seen.json()[0]["attempts"].as_array().unwrap().len(), 2);
    let again = format!(
        "/api/v1/caseworker/api-clients/{client_id}/webhooks/{id}/deliveries/{event}/retry"
    );
    assert_eq!(app.bearer_post(&again, &admin).await.status, 202);
}

async fn other_clients_and_organisations_see_nothing(app: TestApp) {
    let app = open_app(app);
    let (_receiver, addr) = Receiver::start(&[Answer::Status(200)]).await;
    let mine = app.client_token("0301", &[Scope::WebhooksManage]).await;
    let (id, _) = register(
        &app,
        &mine,
        &format!("http://{addr}/hook"),
        &["person.created"],
    )
    .await;
    let other_client = app.client_token("0301", &[Scope::WebhooksManage]).await;
    let other_org = app.client_token("4601", &[Scope::WebhooksManage]).await;
    for token in [&other_client, &other_org] {
        app.bearer_get(&format!("/api/v1/webhooks/{id}/deliveries"), token)
            .await
            .problem(404, "not-found");
        app.bearer(Method::DELETE, &format!("/api/v1/webhooks/{id}"), token)
            .await
            .problem(404, "not-found");
        assert_eq!(
            app.bearer_get("/api/v1/webhooks", token).await.json(),
            json!([])
        );
    }
    // Another organisation's events are not queued for this endpoint.
    app.person_in("4601", "202400003009", "Yonas", "Haile")
        .await;
    assert_eq!(round(&app, true).await, 0);
    // The other organisation's administrator does not find the client.
    let clients = app
        .bearer_get(
            "/api/v1/caseworker/api-clients",
            &app.caseworker("0301", "admin-a", &[Role::Administrator])
                .await,
        )
        .await
        .json();
    let client_id = clients[0]["id"].as_str().unwrap();
    let stranger = app
        .caseworker("4601", "admin-b", &[Role::Administrator])
        .await;
    app.bearer_get(
        &format!("/api/v1/caseworker/api-clients/{client_id}/webhooks"),
        &stranger,
    )
    .await
    .problem(404, "not-found");
    // Without the scope: 403.
    let reader = app.client_token("0301", &[Scope::FeedRead]).await;
    assert_eq!(
        app.bearer_get("/api/v1/webhooks", &reader).await.status,
        403
    );
    // Deleting ends the deliveries; the endpoint is then not found.
    assert_eq!(
        app.bearer(Method::DELETE, &format!("/api/v1/webhooks/{id}"), &mine)
            .await
            .status,
        204
    );
    app.bearer_get(&format!("/api/v1/webhooks/{id}/deliveries"), &mine)
        .await
        .problem(404, "not-found");
    app.person_in("0301", "202400003010", "Selam", "Haile")
        .await;
    assert_eq!(round(&app, true).await, 0);
}

async fn two_workers_share_the_queue_without_sending_an_event_twice(app: TestApp) {
    let app = open_app(app);
    let (receiver, addr) = Receiver::start(&[Answer::Status(200)]).await;
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    register(
        &app,
        &token,
        &format!("http://{addr}/hook"),
        &["person.created"],
    )
    .await;
    for n in 0..120 {
        app.person_in("0301", &format!("2024{:08}", 4000 + n), "Amina", "Tesfay")
            .await;
    }
    let mut total = 0;
    loop {
        let (a, b) = tokio::join!(round(&app, true), round(&app, true));
        total += a + b;
        if a + b == 0 {
            break;
        }
    }
    assert_eq!(total, 120);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for r in receiver.got() {
        *seen
            .entry(r.headers["webhook-id"].to_str().unwrap().to_owned())
            .or_default() += 1;
    }
    assert_eq!(seen.len(), 120);
    assert!(seen.values().all(|n| *n == 1), "an event was sent twice");
}

async fn an_erasure_is_delivered_and_the_person_s_earlier_deliveries_go(app: TestApp) {
    let app = open_app(app);
    let (receiver, addr) = Receiver::start(&[Answer::Status(200)]).await;
    let token = app.client_token("0301", &[Scope::WebhooksManage]).await;
    let (id, _) = register(
        &app,
        &token,
        &format!("http://{addr}/hook"),
        &["person.created", "person.erased"],
    )
    .await;
    let person = app
        .person_in("0301", "202400003013", "Yonas", "Haile")
        .await;
    assert_eq!(round(&app, true).await, 1);
    let counsellor = app
        .caseworker("0301", "coun-erase", &[Role::Counsellor])
        .await;
    let res = app
        .post_json(
            &format!("/api/v1/caseworker/people/{}/erasure", person.id),
            Some(&counsellor),
            &json!({"reason": "The applicant asked to be erased"}),
        )
        .await;
    assert_eq!(res.status, 204, "{}", String::from_utf8_lossy(&res.body));
    assert_eq!(round(&app, true).await, 1);
    let got = receiver.got();
    let last: Value = serde_json::from_slice(&got.last().unwrap().body).unwrap();
    assert_eq!(last["type"], "person.erased");
    assert_eq!(last["data"]["duf_number"], "202400003013");
    // The delivery of the person's creation went with its event.
    let list = deliveries(&app, &token, &id).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["type"], "person.erased");
}

on_both_engines!(
    signed_deliveries_are_retried_after_a_500_and_end_with_a_2xx,
    a_timeout_is_retried_and_logged,
    gone_disables_the_endpoint_and_nothing_more_is_queued,
    three_days_of_failing_disable_the_endpoint,
    private_and_metadata_addresses_are_refused,
    send_again_repeats_a_finished_delivery_with_the_same_id,
    other_clients_and_organisations_see_nothing,
    two_workers_share_the_queue_without_sending_an_event_twice,
    a_disabled_client_s_webhooks_stop,
    an_erasure_is_delivered_and_the_person_s_earlier_deliveries_go,
    an_endless_answer_is_cut_off_not_waited_for,
);
