//! The integration API: API clients, the OAuth 2.0 token endpoint (client
//! secret and `private_key_jwt`, every failure with its RFC 6749 code),
//! scopes, organisation isolation, people by DUF-number with ETags and
//! `If-Match`, batches, codes, completed registrations with labels,
//! Idempotency-Key, and the audit of every client read and change.

use axum::body::Body;
use axum::http::{Method, Request, header};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use kartlegg_backend::auth::caseworker::RequestMeta;
use kartlegg_backend::db::{AuditFilter, Person};
use kartlegg_backend::services::clients::{self, Actor};
use kartlegg_shared::caseworker::{AuditAction, Role};
use kartlegg_shared::integration::{NewCredential, Scope};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{TestApp, TestResponse};
use crate::on_both_engines;

const TOKEN: &str = "/api/v1/oauth/token";
const AUDIENCE: &str = "http://127.0.0.1:8080/api/v1/oauth/token";
const ORG: &str = "0301";
const OTHER_ORG: &str = "4601";

/// A registered client: its id and, for a secret client, the secret.
struct Client {
    id: String,
    secret: Option<String>,
}

fn operator() -> Actor {
    Actor {
        id: None,
        name: "test operator".into(),
        meta: RequestMeta::default(),
    }
}

async fn client_with(
    app: &TestApp,
    org: &str,
    name: &str,
    scopes: &[Scope],
    credential: NewCredential,
) -> Client {
    let org = app.org(org).await;
    let (view, secret) =
        clients::create(&app.state, &operator(), org.id, name, scopes, &credential)
            .await
            .unwrap();
    Client {
        id: view.id,
        secret,
    }
}

async fn secret_client(app: &TestApp, org: &str, scopes: &[Scope]) -> Client {
    client_with(
        app,
        org,
        &format!("system {org}"),
        scopes,
        NewCredential::Secret,
    )
    .await
}

fn key_file(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/api/keys/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn jwk(name: &str) -> Value {
    serde_json::from_str(&key_file(&format!("{name}.jwk.json"))).unwrap()
}

/// A client assertion signed with the named test key.
fn assertion(key: &str, algorithm: Algorithm, claims: &Value) -> String {
    let pem = key_file(&format!("{key}.pem"));
    let encoding = match algorithm {
        Algorithm::RS256 => EncodingKey::from_rsa_pem(pem.as_bytes()),
        Algorithm::ES256 => EncodingKey::from_ec_pem(pem.as_bytes()),
        _ => EncodingKey::from_ed_pem(pem.as_bytes()),
    }
    .unwrap();
    jsonwebtoken::encode(&Header::new(algorithm), claims, &encoding).unwrap()
}

fn claims(app: &TestApp, client_id: &str) -> Value {
    let now = app.clock_now();
    json!({
        "iss": client_id, "sub": client_id, "aud": AUDIENCE,
        "iat": now, "exp": now + 60, "jti": Uuid::new_v4().to_string(),
    })
}

trait ClockNow {
    fn clock_now(&self) -> i64;
}

impl ClockNow for TestApp {
    fn clock_now(&self) -> i64 {
        use kartlegg_backend::clock::Clock;
        self.clock.now().timestamp()
    }
}

async fn form(app: &TestApp, body: &str, basic: Option<(&str, &str)>) -> TestResponse {
    let mut request = Request::builder()
        .method(Method::POST)
        .uri(TOKEN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some((user, password)) = basic {
        let encoded = STANDARD.encode(format!("{user}:{password}"));
        request = request.header(header::AUTHORIZATION, format!("Basic {encoded}"));
    }
    app.send(request.body(Body::from(body.to_owned())).unwrap())
        .await
}

async fn token_with_assertion(app: &TestApp, assertion: &str, scope: Option<&str>) -> TestResponse {
    let scope = scope
        .map(|s| format!("&scope={}", s.replace(' ', "+")))
        .unwrap_or_default();
    form(
        app,
        &format!(
            "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion={assertion}{scope}"
        ),
        None,
    )
    .await
}

async fn secret_token(app: &TestApp, client: &Client, scope: Option<&str>) -> TestResponse {
    let body = match scope {
        Some(s) => format!(
            "grant_type=client_credentials&scope={}",
            s.replace(' ', "+")
        ),
        None => "grant_type=client_credentials".to_owned(),
    };
    form(
        app,
        &body,
        Some((&client.id, client.secret.as_deref().unwrap())),
    )
    .await
}

/// An access token for a new secret client of `org` with `scopes`.
pub(crate) async fn access(app: &TestApp, org: &str, scopes: &[Scope]) -> String {
    let name = format!("system {}", Uuid::new_v4());
    let client = client_with(app, org, &name, scopes, NewCredential::Secret).await;
    let res = secret_token(app, &client, None).await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    res.json()["access_token"].as_str().unwrap().to_owned()
}

fn oauth_error(res: &TestResponse, status: u16, error: &str) {
    assert_eq!(
        res.status.as_u16(),
        status,
        "{}",
        String::from_utf8_lossy(&res.body)
    );
    assert_eq!(res.json()["error"], error);
    assert_eq!(res.header("cache-control"), "no-store");
}

fn person_body(first: &str) -> Value {
    json!({
        "first_name": first, "last_name": "Tesfay", "date_of_birth": "1990-05-17",
        "gender": "female", "citizenships": ["ERI"]
    })
}

pub(crate) async fn send_with(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> TestResponse {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = match body {
        Some(json) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(serde_json::to_vec(json).unwrap())
        }
        None => Body::empty(),
    };
    app.send(request.body(body).unwrap()).await
}

async fn client_events(
    app: &TestApp,
    action: AuditAction,
) -> Vec<kartlegg_backend::db::AuditEventRecord> {
    app.audit_events_of(action)
        .await
        .into_iter()
        .filter(|e| e.event.actor.starts_with("API client: "))
        .collect()
}

// --- the token endpoint ---------------------------------------------------

async fn a_secret_client_gets_a_token_with_basic_or_post_and_a_wrong_secret_is_invalid_client(
    app: TestApp,
) {
    let client = secret_client(&app, ORG, &[Scope::PeopleRead, Scope::CodesIssue]).await;
    let res = secret_token(&app, &client, Some("people:read")).await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    let body = res.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(body["scope"], "people:read");
    assert_eq!(res.header("cache-control"), "no-store");

    let secret = client.secret.clone().unwrap();
    let post = form(
        &app,
        &format!(
            "grant_type=client_credentials&client_id={}&client_secret={secret}",
            client.id
        ),
        None,
    )
    .await;
    assert_eq!(post.status, 200);
    assert_eq!(post.json()["scope"], "people:read codes:issue");

    let wrong = form(
        &app,
        "grant_type=client_credentials",
        Some((&client.id, "kls_wrong")),
    )
    .await;
    oauth_error(&wrong, 401, "invalid_client");
    assert!(wrong.header("www-authenticate").starts_with("Basic"));
    let unknown = form(
        &app,
        "grant_type=client_credentials",
        Some((&Uuid::new_v4().to_string(), &secret)),
    )
    .await;
    oauth_error(&unknown, 401, "invalid_client");
}

async fn a_signed_assertion_with_each_key_kind_gets_a_token(app: TestApp) {
    for (key, algorithm, as_pem) in [
        ("ed25519", Algorithm::EdDSA, false),
        ("p256", Algorithm::ES256, false),
        ("rsa", Algorithm::RS256, false),
        ("ed25519", Algorithm::EdDSA, true),
        ("rsa", Algorithm::RS256, true),
    ] {
        let public = if as_pem {
            Value::String(key_file(&format!("{key}.pub.pem")))
        } else {
            jwk(key)
        };
        let client = client_with(
            &app,
            ORG,
            &format!("{key} {as_pem}"),
            &[Scope::PeopleRead],
            NewCredential::PublicKey { key: public },
        )
        .await;
        let signed = assertion(key, algorithm, &claims(&app, &client.id));
        let res = token_with_assertion(&app, &signed, None).await;
        assert_eq!(
            res.status,
            200,
            "{key} pem={as_pem}: {}",
            String::from_utf8_lossy(&res.body)
        );
        assert_eq!(res.json()["scope"], "people:read");
    }
}

async fn a_bad_assertion_is_invalid_client_for_every_reason(app: TestApp) {
    let client = client_with(
        &app,
        ORG,
        "signed",
        &[Scope::PeopleRead],
        NewCredential::PublicKey { key: jwk("p256") },
    )
    .await;
    // Each case at its own time, past the delay the failures before it
    // earned: this test is about what is refused, not about slowing down.
    type Bad = fn(&mut Value, i64);
    let cases: [(&str, Bad); 6] = [
        ("wrong aud", |c, _| {
            c["aud"] = json!("https://elsewhere/token")
        }),
        ("expired", |c, now| c["exp"] = json!(now - 120)),
        ("lives too long", |c, now| c["exp"] = json!(now + 3600)),
        ("iss is not the client", |c, _| {
            c["iss"] = json!(Uuid::new_v4().to_string())
        }),
        ("no jti", |c, _| {
            c.as_object_mut().unwrap().remove("jti");
        }),
        ("no exp", |c, _| {
            c.as_object_mut().unwrap().remove("exp");
        }),
    ];
    for (why, spoil) in cases {
        app.advance(chrono::Duration::minutes(20));
        let mut bad = claims(&app, &client.id);
        spoil(&mut bad, app.clock_now());
        let res =
            token_with_assertion(&app, &assertion("p256", Algorithm::ES256, &bad), None).await;
        assert_eq!(res.status, 401, "{why}");
        oauth_error(&res, 401, "invalid_client");
    }
    app.advance(chrono::Duration::minutes(20));
    let other_key = assertion("ed25519", Algorithm::EdDSA, &claims(&app, &client.id));
    oauth_error(
        &token_with_assertion(&app, &other_key, None).await,
        401,
        "invalid_client",
    );
    app.advance(chrono::Duration::minutes(20));
    let parts: Vec<String> = assertion("p256", Algorithm::ES256, &claims(&app, &client.id))
        .split('.')
        .map(str::to_owned)
        .collect();
    let none = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
    let unsigned = format!("{none}.{}.", parts[1]);
    oauth_error(
        &token_with_assertion(&app, &unsigned, None).await,
        401,
        "invalid_client",
    );
    app.advance(chrono::Duration::minutes(20));
    let good = claims(&app, &client.id);
    // The good one works once; its replay is refused.
    let signed = assertion("p256", Algorithm::ES256, &good);
    assert_eq!(token_with_assertion(&app, &signed, None).await.status, 200);
    oauth_error(
        &token_with_assertion(&app, &signed, None).await,
        401,
        "invalid_client",
    );
}

async fn a_token_request_is_checked_as_rfc_6749_asks(app: TestApp) {
    let client = secret_client(&app, ORG, &[Scope::PeopleRead]).await;
    let secret = client.secret.clone().unwrap();
    let basic = Some((client.id.as_str(), secret.as_str()));
    oauth_error(
        &form(&app, "grant_type=password", basic).await,
        400,
        "unsupported_grant_type",
    );
    oauth_error(
        &form(&app, "scope=people:read", basic).await,
        400,
        "invalid_request",
    );
    oauth_error(
        &form(
            &app,
            "grant_type=client_credentials&grant_type=client_credentials",
            basic,
        )
        .await,
        400,
        "invalid_request",
    );
    oauth_error(
        &secret_token(&app, &client, Some("people:write")).await,
        400,
        "invalid_scope",
    );
    oauth_error(
        &secret_token(&app, &client, Some("admin")).await,
        400,
        "invalid_scope",
    );
    oauth_error(
        &form(&app, "grant_type=client_credentials", None).await,
        400,
        "invalid_request",
    );
    let json_body = app
        .post_json(TOKEN, None, &json!({"grant_type": "client_credentials"}))
        .await;
    oauth_error(&json_body, 400, "invalid_request");
    // Two ways to authenticate at once is refused, not guessed between.
    let both = form(
        &app,
        &format!(
            "grant_type=client_credentials&client_id={}&client_secret={secret}",
            client.id
        ),
        basic,
    )
    .await;
    oauth_error(&both, 400, "invalid_request");
}

async fn the_metadata_names_the_endpoint_methods_and_scopes(app: TestApp) {
    let res = app.get("/.well-known/oauth-authorization-server").await;
    assert_eq!(res.status, 200);
    let meta = res.json();
    assert_eq!(meta["issuer"], "http://127.0.0.1:8080");
    assert_eq!(meta["token_endpoint"], AUDIENCE);
    assert_eq!(meta["grant_types_supported"], json!(["client_credentials"]));
    assert!(
        meta["token_endpoint_auth_methods_supported"]
            .as_array()
            .unwrap()
            .contains(&json!("private_key_jwt"))
    );
    assert_eq!(meta["scopes_supported"].as_array().unwrap().len(), 7);
}

async fn failed_token_requests_slow_down_even_when_they_arrive_together(app: TestApp) {
    let client = secret_client(&app, ORG, &[Scope::PeopleRead]).await;
    let requests = (0..200).map(|_| {
        let app = &app;
        let id = client.id.clone();
        async move {
            form(
                app,
                "grant_type=client_credentials",
                Some((&id, "kls_wrong")),
            )
            .await
        }
    });
    let answers = futures_util::future::join_all(requests).await;
    let checked = answers.iter().filter(|r| r.status == 401).count();
    let slowed = answers.iter().filter(|r| r.status == 429).count();
    assert_eq!(checked + slowed, 200);
    // Five free failures, then every try waits: at most a handful checked.
    assert!(checked <= 6, "{checked} wrong secrets were checked");
    let last = form(
        &app,
        "grant_type=client_credentials",
        Some((&client.id, "kls_wrong")),
    )
    .await;
    last.problem(429, "too-many-requests");
    assert!(last.header("retry-after").parse::<u64>().unwrap() >= 1);
}

// --- tokens on the integration endpoints ---------------------------------

async fn a_disabled_client_s_tokens_stop_at_once(app: TestApp) {
    let client = secret_client(&app, ORG, &[Scope::PeopleRead]).await;
    let token = secret_token(&app, &client, None).await.json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(app.bearer_get("/api/v1/people", &token).await.status, 200);
    let stored = app
        .store
        .api_client(Uuid::parse_str(&client.id).unwrap())
        .await
        .unwrap()
        .unwrap();
    clients::disable(&app.state, &operator(), &stored)
        .await
        .unwrap();
    app.bearer_get("/api/v1/people", &token)
        .await
        .problem(401, "unauthorized");
    oauth_error(
        &secret_token(&app, &client, None).await,
        401,
        "invalid_client",
    );
}

async fn session_tokens_are_refused_on_integration_endpoints_and_the_reverse(app: TestApp) {
    let caseworker = app.caseworker(ORG, "kari", &[Role::Reader]).await;
    app.bearer_get("/api/v1/people", &caseworker)
        .await
        .problem(401, "unauthorized");
    let applicant = app.consented_applicant("202400000777").await;
    app.bearer_get("/api/v1/people", &applicant)
        .await
        .problem(401, "unauthorized");
    let token = access(&app, ORG, &Scope::ALL).await;
    app.bearer_get("/api/v1/caseworker/me", &token)
        .await
        .problem(401, "unauthorized");
    app.bearer_get("/api/v1/applicant/registration", &token)
        .await
        .problem(401, "unauthorized");
}

/// Every integration operation with a token of each single scope: only the
/// operation's own scope gets through; every other is 403
/// `insufficient_scope`.
async fn each_operation_needs_its_scope(app: TestApp) {
    let person = app.person_in(ORG, "202400000301", "Amina", "Tesfay").await;
    let operations: [(Method, String, Option<Value>, Scope); 10] = [
        (
            Method::GET,
            "/api/v1/people".into(),
            None,
            Scope::PeopleRead,
        ),
        (
            Method::GET,
            format!("/api/v1/people/{}", person.duf_number.as_str()),
            None,
            Scope::PeopleRead,
        ),
        (
            Method::PUT,
            format!("/api/v1/people/{}", person.duf_number.as_str()),
            Some(person_body("Amina")),
            Scope::PeopleWrite,
        ),
        (
            Method::POST,
            "/api/v1/people/batch".into(),
            Some(
                json!({"people": [{"duf_number": "202400000302", "person": {"first_name": "A", "last_name": "B", "citizenships": ["XUK"]}}]}),
            ),
            Scope::PeopleWrite,
        ),
        (
            Method::POST,
            format!("/api/v1/people/{}/codes", person.duf_number.as_str()),
            None,
            Scope::CodesIssue,
        ),
        (
            Method::GET,
            format!(
                "/api/v1/people/{}/registrations",
                person.duf_number.as_str()
            ),
            None,
            Scope::RegistrationsRead,
        ),
        (
            Method::GET,
            format!("/api/v1/registrations/{}", Uuid::new_v4()),
            None,
            Scope::RegistrationsRead,
        ),
        (Method::GET, "/api/v1/feed".into(), None, Scope::FeedRead),
        (
            Method::GET,
            "/api/v1/statistics/completions".into(),
            None,
            Scope::StatisticsRead,
        ),
        (
            Method::GET,
            "/api/v1/statistics/answers/mother_tongue".into(),
            None,
            Scope::StatisticsRead,
        ),
    ];
    for scope in Scope::ALL {
        let token = access(&app, ORG, &[scope]).await;
        for (method, path, body, needed) in &operations {
            let res = send_with(&app, method.clone(), path, &token, &[], body.as_ref()).await;
            if scope == *needed {
                assert_ne!(res.status, 403, "{method} {path} with {scope:?}");
                assert_ne!(res.status, 401, "{method} {path} with {scope:?}");
            } else {
                res.problem(403, "forbidden");
                assert!(
                    res.header("www-authenticate")
                        .contains("insufficient_scope"),
                    "{method} {path} with {scope:?}"
                );
            }
        }
    }
}

async fn another_organisation_s_people_are_not_found_or_a_conflict(app: TestApp) {
    let theirs = app
        .person_in(OTHER_ORG, "202400000401", "Other", "Person")
        .await;
    let token = access(&app, ORG, &Scope::ALL).await;
    let duf = theirs.duf_number.as_str();
    app.bearer_get(&format!("/api/v1/people/{duf}"), &token)
        .await
        .problem(404, "not-found");
    app.bearer_post(&format!("/api/v1/people/{duf}/codes"), &token)
        .await
        .problem(404, "not-found");
    app.bearer_get(&format!("/api/v1/people/{duf}/registrations"), &token)
        .await
        .problem(404, "not-found");
    let put = app
        .bearer_put(
            &format!("/api/v1/people/{duf}"),
            &token,
            &person_body("Mine"),
        )
        .await;
    let problem = put.problem(409, "conflict");
    assert!(!problem.to_string().contains(OTHER_ORG), "{problem}");
    // Unchanged, and not in this organisation's list.
    let still = app.store.person_by_id(theirs.id).await.unwrap().unwrap();
    assert_eq!(still.first_name, "Other");
    let list = app.bearer_get("/api/v1/people", &token).await.json();
    assert_eq!(list["people"], json!([]));
    // Their registration is not found by id either.
    let draft = app
        .store
        .create_registration(theirs.id, 1, app.state.clock.now())
        .await
        .unwrap();
    app.bearer_get(&format!("/api/v1/registrations/{}", draft.id), &token)
        .await
        .problem(404, "not-found");
}

// --- people -----------------------------------------------------------------

async fn put_creates_then_updates_with_etags_and_if_match(app: TestApp) {
    let token = access(&app, ORG, &[Scope::PeopleRead, Scope::PeopleWrite]).await;
    let path = "/api/v1/people/202400000501";
    let created = app.bearer_put(path, &token, &person_body("Amina")).await;
    assert_eq!(
        created.status,
        201,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    assert_eq!(created.header("etag"), "\"v1\"");
    assert_eq!(created.json()["citizenships"], json!(["ERI"]));

    // The same body again changes nothing, not even the version.
    let same = app.bearer_put(path, &token, &person_body("Amina")).await;
    assert_eq!(same.status, 200);
    assert_eq!(same.header("etag"), "\"v1\"");

    let read = app.bearer_get(path, &token).await;
    assert_eq!(read.header("etag"), "\"v1\"");
    let cached = send_with(
        &app,
        Method::GET,
        path,
        &token,
        &[("if-none-match", "\"v1\"")],
        None,
    )
    .await;
    assert_eq!(cached.status, 304);
    assert!(cached.body.is_empty());

    let updated = send_with(
        &app,
        Method::PUT,
        path,
        &token,
        &[("if-match", "\"v1\"")],
        Some(&person_body("Amna")),
    )
    .await;
    assert_eq!(updated.status, 200);
    assert_eq!(updated.header("etag"), "\"v2\"");
    // A second system still holding v1 cannot overwrite silently.
    let stale = send_with(
        &app,
        Method::PUT,
        path,
        &token,
        &[("if-match", "\"v1\"")],
        Some(&person_body("Aminah")),
    )
    .await;
    stale.problem(412, "precondition-failed");
    assert_eq!(
        app.bearer_get(path, &token).await.json()["first_name"],
        "Amna"
    );
    // If-Match on someone who does not exist creates no one.
    let nobody = send_with(
        &app,
        Method::PUT,
        "/api/v1/people/202400000599",
        &token,
        &[("if-match", "\"v1\"")],
        Some(&person_body("X")),
    )
    .await;
    nobody.problem(412, "precondition-failed");
    app.bearer_get("/api/v1/people/202400000599", &token)
        .await
        .problem(404, "not-found");
}

async fn put_with_bad_values_names_every_field_and_changes_nothing(app: TestApp) {
    let token = access(&app, ORG, &[Scope::PeopleRead, Scope::PeopleWrite]).await;
    let bad = app
        .bearer_put(
            "/api/v1/people/202400000502",
            &token,
            &json!({"first_name": " ", "last_name": "B", "date_of_birth": "1990-13-40",
                    "citizenships": ["ZZZ"], "national_id": "123"}),
        )
        .await;
    let problem = bad.problem(422, "validation");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for field in [
        "first_name",
        "date_of_birth",
        "citizenships[0]",
        "national_id",
    ] {
        assert!(fields.contains(&field), "{field} not in {fields:?}");
    }
    app.bearer_get("/api/v1/people/202400000502", &token)
        .await
        .problem(404, "not-found");
    app.bearer_put("/api/v1/people/2024", &token, &person_body("A"))
        .await
        .problem(422, "validation");
}

async fn the_list_pages_by_cursor_without_gaps_or_repeats(app: TestApp) {
    for i in 0..7 {
        app.person_in(ORG, &format!("2024000006{i:02}"), "P", &format!("N{i}"))
            .await;
    }
    app.person_in(OTHER_ORG, "202400000650", "Not", "Mine")
        .await;
    let token = access(&app, ORG, &[Scope::PeopleRead]).await;
    let mut seen = Vec::new();
    let mut path = "/api/v1/people?limit=3".to_owned();
    loop {
        let page = app.bearer_get(&path, &token).await;
        assert_eq!(page.status, 200);
        let body = page.json();
        for p in body["people"].as_array().unwrap() {
            seen.push(p["duf_number"].as_str().unwrap().to_owned());
        }
        match body["next"].as_str() {
            Some(next) => path = format!("/api/v1/people?limit=3&after={next}"),
            None => break,
        }
    }
    let expected: Vec<String> = (0..7).map(|i| format!("2024000006{i:02}")).collect();
    assert_eq!(seen, expected);
    app.bearer_get("/api/v1/people?limit=0", &token)
        .await
        .problem(422, "validation");
    app.bearer_get("/api/v1/people?limit=501", &token)
        .await
        .problem(422, "validation");
    app.bearer_get("/api/v1/people?after=abc", &token)
        .await
        .problem(422, "validation");
}

async fn a_batch_answers_each_item_and_is_not_all_or_nothing(app: TestApp) {
    app.person_in(OTHER_ORG, "202400000703", "Their", "Person")
        .await;
    let token = access(&app, ORG, &[Scope::PeopleRead, Scope::PeopleWrite]).await;
    let res = app
        .post_json(
            "/api/v1/people/batch",
            Some(&token),
            &json!({"people": [
                {"duf_number": "202400000701", "person": {"first_name": "Amina", "last_name": "Tesfay", "citizenships": ["XUK"]}},
                {"duf_number": "202400000702", "person": {"first_name": "", "last_name": "Tesfay", "citizenships": ["XUK"]}},
                {"duf_number": "202400000703", "person": {"first_name": "Stolen", "last_name": "Id", "citizenships": ["XUK"]}},
                {"duf_number": "12", "person": {"first_name": "A", "last_name": "B", "citizenships": ["XUK"]}},
                {"duf_number": "202400000704", "person": {"first_name": "Yonas", "last_name": "Haile", "citizenships": ["XUK"]}},
            ]}),
        )
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    let results = res.json()["results"].as_array().unwrap().clone();
    let statuses: Vec<u64> = results
        .iter()
        .map(|r| r["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [201, 422, 409, 422, 201]);
    assert_eq!(
        results[1]["problem"]["errors"][0]["field"],
        "people[1].person.first_name"
    );
    assert_eq!(
        results[3]["problem"]["errors"][0]["field"],
        "people[3].duf_number"
    );
    assert_eq!(
        app.bearer_get("/api/v1/people/202400000704", &token)
            .await
            .status,
        200
    );
    assert_eq!(
        client_events(&app, AuditAction::PersonCreated).await.len(),
        2
    );

    let too_many: Vec<Value> = (0..1001)
        .map(|i| json!({"duf_number": format!("2025{i:08}"), "person": {"first_name": "A", "last_name": "B", "citizenships": ["XUK"]}}))
        .collect();
    let big = app
        .post_json(
            "/api/v1/people/batch",
            Some(&token),
            &json!({"people": too_many}),
        )
        .await;
    // Over the test server's body limit or over the item limit: refused
    // either way, and nobody written.
    assert!(big.status == 413 || big.status == 422, "{}", big.status);
    app.bearer_get("/api/v1/people/202500000000", &token)
        .await
        .problem(404, "not-found");
}

// --- codes and Idempotency-Key --------------------------------------------

async fn a_thousand_replays_of_one_code_request_issue_one_code(app: TestApp) {
    let person = app.person_in(ORG, "202400000801", "Amina", "Tesfay").await;
    let token = access(&app, ORG, &[Scope::CodesIssue]).await;
    let path = format!("/api/v1/people/{}/codes", person.duf_number.as_str());
    let key = [("idempotency-key", "\"code-801-a\"")];
    let first = send_with(&app, Method::POST, &path, &token, &key, None).await;
    assert_eq!(
        first.status,
        201,
        "{}",
        String::from_utf8_lossy(&first.body)
    );
    let code = first.json()["code"].as_str().unwrap().to_owned();
    for _ in 0..999 {
        let again = send_with(&app, Method::POST, &path, &token, &key, None).await;
        assert_eq!(again.status, 201);
        assert_eq!(again.json()["code"], code.as_str());
    }
    // One code was issued: four more fit in the day's five.
    for i in 0..4 {
        let key = format!("\"code-801-{i}\"");
        let res = send_with(
            &app,
            Method::POST,
            &path,
            &token,
            &[("idempotency-key", &key)],
            None,
        )
        .await;
        assert_eq!(res.status, 201, "code {i}");
    }
    send_with(
        &app,
        Method::POST,
        &path,
        &token,
        &[("idempotency-key", "\"code-801-x\"")],
        None,
    )
    .await
    .problem(409, "conflict");
    assert_eq!(client_events(&app, AuditAction::IssueCode).await.len(), 5);
    // The kept answer is not in the database in the clear.
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    let raw = app.raw_idempotency_bodies().await;
    assert!(
        raw.iter()
            .all(|b| !String::from_utf8_lossy(b).contains(&digits))
    );
}

async fn an_idempotency_key_with_another_body_is_422_and_in_flight_is_409(app: TestApp) {
    let token = access(&app, ORG, &[Scope::PeopleWrite]).await;
    let one = json!({"people": [{"duf_number": "202400000901", "person": {"first_name": "A", "last_name": "B", "citizenships": ["XUK"]}}]});
    let two = json!({"people": [{"duf_number": "202400000902", "person": {"first_name": "A", "last_name": "B", "citizenships": ["XUK"]}}]});
    let key = [("idempotency-key", "\"batch-1\"")];
    let first = send_with(
        &app,
        Method::POST,
        "/api/v1/people/batch",
        &token,
        &key,
        Some(&one),
    )
    .await;
    assert_eq!(first.status, 200);
    let replay = send_with(
        &app,
        Method::POST,
        "/api/v1/people/batch",
        &token,
        &key,
        Some(&one),
    )
    .await;
    assert_eq!(replay.status, 200);
    assert_eq!(replay.body, first.body);
    let other = send_with(
        &app,
        Method::POST,
        "/api/v1/people/batch",
        &token,
        &key,
        Some(&two),
    )
    .await;
    let problem = other.problem(422, "validation");
    assert_eq!(problem["errors"][0]["code"], "idempotency_key_reused");
    send_with(
        &app,
        Method::POST,
        "/api/v1/people/batch",
        &token,
        &[("idempotency-key", "a b")],
        Some(&one),
    )
    .await
    .problem(422, "validation");

    // Two hundred at once with one new key: one does the work, the others
    // replay it or are told it is in flight; one person is created.
    let three = json!({"people": [{"duf_number": "202400000903", "person": {"first_name": "A", "last_name": "B", "citizenships": ["XUK"]}}]});
    let requests = (0..200).map(|_| {
        send_with(
            &app,
            Method::POST,
            "/api/v1/people/batch",
            &token,
            &[("idempotency-key", "\"batch-3\"")],
            Some(&three),
        )
    });
    let answers = futures_util::future::join_all(requests).await;
    let created = answers
        .iter()
        .filter(|r| r.status == 200 && r.json()["results"][0]["status"] == 201)
        .count();
    let in_flight = answers.iter().filter(|r| r.status == 409).count();
    assert_eq!(
        created + in_flight,
        200,
        "every answer is the first one's or 409"
    );
    assert!(created >= 1);
    let made: Vec<_> = client_events(&app, AuditAction::PersonCreated)
        .await
        .into_iter()
        .filter(|e| e.event.person_id.is_some())
        .collect();
    assert_eq!(made.len(), 2, "202400000901 and 202400000903, each once");
}

async fn an_idempotency_key_outlives_a_restart_and_a_day_ends_it(app: TestApp) {
    let person = app.person_in(ORG, "202400000951", "Amina", "Tesfay").await;
    let token = access(&app, ORG, &[Scope::CodesIssue]).await;
    let path = format!("/api/v1/people/{}/codes", person.duf_number.as_str());
    let key = [("idempotency-key", "\"restart-1\"")];
    let first = send_with(&app, Method::POST, &path, &token, &key, None).await;
    assert_eq!(first.status, 201);
    // A new process over the same database replays the kept answer.
    let app = app.restarted();
    let again = send_with(&app, Method::POST, &path, &token, &key, None).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.body, first.body);
    // After 24 hours the key is forgotten: the same key issues anew.
    app.advance(chrono::Duration::hours(25));
    let token = access(&app, ORG, &[Scope::CodesIssue]).await;
    let later = send_with(&app, Method::POST, &path, &token, &key, None).await;
    assert_eq!(later.status, 201);
    assert_ne!(later.json()["code"], first.json()["code"]);
}

// --- registrations --------------------------------------------------------

async fn completed_registrations_come_with_codes_and_labels_and_drafts_never(app: TestApp) {
    let (person, _) = app.seed_person("202400001001").await;
    let token = access(
        &app,
        &app.org_number_of(&person).await,
        &[Scope::RegistrationsRead],
    )
    .await;
    let path = format!(
        "/api/v1/people/{}/registrations",
        person.duf_number.as_str()
    );
    assert_eq!(
        app.bearer_get(&path, &token).await.json()["registrations"],
        json!([])
    );

    let now = app.state.clock.now();
    let draft = app
        .store
        .create_registration(person.id, 1, now)
        .await
        .unwrap();
    let answers = serde_json::from_value(json!({"mother_tongue": "som", "country_background": "ERI", "devices": ["phone", "tablet"]})).unwrap();
    let done = app
        .store
        .update_draft(&kartlegg_backend::db::DraftUpdate {
            id: draft.id,
            person_id: person.id,
            expected_revision: draft.revision,
            answers,
            saved_sections: vec!["personal".into()],
            complete: true,
            language: Some("ti".into()),
            provenance: Default::default(),
            now,
            facts: None,
        })
        .await
        .unwrap();
    // A new draft after it is not shown.
    app.store
        .create_registration(person.id, 1, now)
        .await
        .unwrap();

    let plain = app.bearer_get(&path, &token).await;
    assert_eq!(plain.status, 200);
    let list = plain.json()["registrations"].as_array().unwrap().clone();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], done.id.to_string());
    assert_eq!(list[0]["status"], "completed");
    assert_eq!(list[0]["language"], "ti");
    let mother = list[0]["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["question"] == "mother_tongue")
        .unwrap();
    assert_eq!(mother["value"], "som");
    assert!(mother.get("labels").is_none());

    let one = app
        .bearer_get(
            &format!("/api/v1/registrations/{}?labels=nb,en", done.id),
            &token,
        )
        .await;
    assert_eq!(one.status, 200, "{}", String::from_utf8_lossy(&one.body));
    let answers = one.json()["answers"].as_array().unwrap().clone();
    let find = |q: &str| answers.iter().find(|a| a["question"] == q).unwrap().clone();
    assert_eq!(find("mother_tongue")["labels"]["som"]["en"], "Somali");
    assert!(
        find("mother_tongue")["labels"]["som"]["nb"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
    assert_eq!(find("country_background")["labels"]["ERI"]["en"], "Eritrea");
    assert_eq!(find("devices")["labels"]["phone"]["en"], "Smartphone");
    assert_eq!(find("devices")["labels"]["tablet"]["nb"], "Nettbrett");

    let etag = one.header("etag").to_owned();
    let again = send_with(
        &app,
        Method::GET,
        &format!("/api/v1/registrations/{}?labels=nb,en", done.id),
        &token,
        &[("if-none-match", &etag)],
        None,
    )
    .await;
    assert_eq!(again.status, 304);
    app.bearer_get(
        &format!("/api/v1/registrations/{}?labels=xx", done.id),
        &token,
    )
    .await
    .problem(422, "validation");
    assert!(
        client_events(&app, AuditAction::ReadRegistrations)
            .await
            .iter()
            .any(|e| e.event.registration_id == Some(done.id))
    );
}

// --- audit ------------------------------------------------------------------

async fn every_client_read_and_change_is_audited_with_the_client_as_actor(app: TestApp) {
    let person = app.person_in(ORG, "202400001101", "Amina", "Tesfay").await;
    let client = secret_client(&app, ORG, &[Scope::PeopleRead, Scope::PeopleWrite]).await;
    let token = secret_token(&app, &client, None).await.json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/people/{}", person.duf_number.as_str());
    app.bearer_get(&path, &token).await;
    app.bearer_get("/api/v1/people", &token).await;
    app.bearer_put(&path, &token, &person_body("Amna")).await;
    let read = client_events(&app, AuditAction::ReadPerson).await;
    let listed = client_events(&app, AuditAction::List).await;
    let changed = client_events(&app, AuditAction::CorrectIdentity).await;
    for events in [&read, &listed, &changed] {
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].event.person_id, Some(person.id));
        assert_eq!(events[0].event.actor, "API client: system 0301");
    }
    assert!(changed[0].event.fields.contains(&"first_name".to_owned()));
    assert_eq!(
        client_events(&app, AuditAction::ApiClientCreated)
            .await
            .len(),
        0
    );
    let created = app
        .store
        .audit_events(&AuditFilter {
            organisation_id: None,
            action: Some(AuditAction::ApiClientCreated),
            actor_id: None,
            person_id: None,
            from: None,
            before: None,
            limit: 10,
            offset: 0,
            count_up_to: None,
        })
        .await
        .unwrap()
        .0;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].event.actor, "test operator");
}

impl TestApp {
    /// The number of the organisation a person belongs to.
    async fn org_number_of(&self, person: &Person) -> String {
        self.store
            .organisation_by_id(person.organisation_id)
            .await
            .unwrap()
            .unwrap()
            .number
    }

    /// Every kept Idempotency-Key answer as stored.
    async fn raw_idempotency_bodies(&self) -> Vec<Vec<u8>> {
        if self.db_url.starts_with("postgres") {
            let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&self.db_url)
                .await
                .unwrap();
            sqlx::query_scalar(
                "SELECT response_body FROM idempotency_keys WHERE response_body IS NOT NULL",
            )
            .fetch_all(&mut conn)
            .await
            .unwrap()
        } else {
            let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&self.db_url)
                .await
                .unwrap();
            sqlx::query_scalar(
                "SELECT response_body FROM idempotency_keys WHERE response_body IS NOT NULL",
            )
            .fetch_all(&mut conn)
            .await
            .unwrap()
        }
    }
}

// --- administration -------------------------------------------------------

const CLIENTS: &str = "/api/v1/caseworker/api-clients";

async fn an_administrator_registers_rotates_rescopes_and_disables_a_client(app: TestApp) {
    let admin = app.caseworker(ORG, "admin", &[Role::Administrator]).await;
    let created = app
        .post_json(
            CLIENTS,
            Some(&admin),
            &json!({"name": "Sak", "scopes": ["people:read", "codes:issue"], "credential": {"kind": "secret"}}),
        )
        .await;
    assert_eq!(
        created.status,
        201,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    let body = created.json();
    let id = body["client"]["id"].as_str().unwrap().to_owned();
    let secret = body["client_secret"].as_str().unwrap().to_owned();
    assert_eq!(body["client"]["credentials"][0]["kind"], "secret");
    // The list never shows a secret.
    let listed = app.bearer_get(CLIENTS, &admin).await;
    assert_eq!(listed.status, 200);
    assert!(!String::from_utf8_lossy(&listed.body).contains(&secret));
    assert_eq!(listed.json()[0]["last_used_at"], Value::Null);

    let client = Client {
        id: id.clone(),
        secret: Some(secret),
    };
    let token = secret_token(&app, &client, None).await.json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(app.bearer_get(CLIENTS, &admin).await.json()[0]["last_used_at"].is_string());

    // Rotation: a key is added, both work, the secret is revoked.
    let added = app
        .post_json(
            &format!("{CLIENTS}/{id}/credentials"),
            Some(&admin),
            &json!({"kind": "public_key", "key": key_file("ed25519.pub.pem")}),
        )
        .await;
    assert_eq!(
        added.status,
        201,
        "{}",
        String::from_utf8_lossy(&added.body)
    );
    let credentials = added.json()["client"]["credentials"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(credentials.len(), 2);
    let of_kind = |kind: &str| {
        credentials
            .iter()
            .find(|c| c["kind"] == kind)
            .unwrap()
            .clone()
    };
    assert_eq!(of_kind("public_key")["algorithm"], "EdDSA");
    assert_eq!(secret_token(&app, &client, None).await.status, 200);
    let signed = assertion("ed25519", Algorithm::EdDSA, &claims(&app, &id));
    assert_eq!(token_with_assertion(&app, &signed, None).await.status, 200);
    let secret = of_kind("secret");
    let secret_id = secret["id"].as_str().unwrap();
    let revoked = app
        .bearer(
            Method::DELETE,
            &format!("{CLIENTS}/{id}/credentials/{secret_id}"),
            &admin,
        )
        .await;
    assert_eq!(revoked.status, 200);
    oauth_error(
        &secret_token(&app, &client, None).await,
        401,
        "invalid_client",
    );
    app.bearer(
        Method::DELETE,
        &format!("{CLIENTS}/{id}/credentials/{secret_id}"),
        &admin,
    )
    .await
    .problem(404, "not-found");

    // Scopes taken away stop working at once, for tokens already issued too.
    let person = app.person_in(ORG, "202400001201", "A", "B").await;
    let codes = format!("/api/v1/people/{}/codes", person.duf_number.as_str());
    let rescoped = app
        .bearer_put(
            &format!("{CLIENTS}/{id}/scopes"),
            &admin,
            &json!({"scopes": ["people:read"]}),
        )
        .await;
    assert_eq!(rescoped.status, 200);
    app.bearer_post(&codes, &token)
        .await
        .problem(403, "forbidden");
    assert_eq!(app.bearer_get("/api/v1/people", &token).await.status, 200);

    let disabled = app
        .bearer_post(&format!("{CLIENTS}/{id}/disable"), &admin)
        .await;
    assert_eq!(disabled.status, 200);
    assert!(disabled.json()["disabled_at"].is_string());
    app.bearer_get("/api/v1/people", &token)
        .await
        .problem(401, "unauthorized");

    let admin_events = |action| {
        let app = &app;
        async move {
            app.store
                .audit_events(&AuditFilter {
                    organisation_id: None,
                    action: Some(action),
                    actor_id: None,
                    person_id: None,
                    from: None,
                    before: None,
                    limit: 10,
                    offset: 0,
                    count_up_to: None,
                })
                .await
                .unwrap()
                .0
                .into_iter()
                .filter(|e| e.event.actor == "CW admin")
                .count()
        }
    };
    assert_eq!(admin_events(AuditAction::ApiClientCreated).await, 1);
    assert_eq!(admin_events(AuditAction::ApiClientChanged).await, 3);
    assert_eq!(admin_events(AuditAction::ApiClientDisabled).await, 1);
}

async fn client_administration_is_for_the_own_organisation_s_administrators(app: TestApp) {
    let reader = app
        .caseworker(ORG, "reader", &[Role::Reader, Role::Counsellor])
        .await;
    app.bearer_get(CLIENTS, &reader)
        .await
        .problem(403, "forbidden");
    app.post_json(
        CLIENTS,
        Some(&reader),
        &json!({"name": "X", "scopes": ["people:read"], "credential": {"kind": "secret"}}),
    )
    .await
    .problem(403, "forbidden");
    let theirs = secret_client(&app, OTHER_ORG, &[Scope::PeopleRead]).await;
    let admin = app.caseworker(ORG, "admin", &[Role::Administrator]).await;
    assert_eq!(app.bearer_get(CLIENTS, &admin).await.json(), json!([]));
    for (method, path) in [
        (Method::POST, format!("{CLIENTS}/{}/disable", theirs.id)),
        (
            Method::DELETE,
            format!("{CLIENTS}/{}/credentials/{}", theirs.id, Uuid::new_v4()),
        ),
    ] {
        app.bearer(method, &path, &admin)
            .await
            .problem(404, "not-found");
    }
    app.bearer_put(
        &format!("{CLIENTS}/{}/scopes", theirs.id),
        &admin,
        &json!({"scopes": ["people:write"]}),
    )
    .await
    .problem(404, "not-found");
    // Still enabled, still as it was.
    let stored = app
        .store
        .api_client(Uuid::parse_str(&theirs.id).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.disabled_at, stored.scopes),
        (None, vec![Scope::PeopleRead])
    );
}

async fn a_bad_client_registration_names_every_field_and_creates_nothing(app: TestApp) {
    let admin = app.caseworker(ORG, "admin", &[Role::Administrator]).await;
    let bad = app
        .post_json(
            CLIENTS,
            Some(&admin),
            &json!({"name": " ", "scopes": [], "credential": {"kind": "secret"}}),
        )
        .await;
    let problem = bad.problem(422, "validation");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "scopes"]);
    for key in [
        json!({"kty": "oct", "k": "c2VjcmV0"}),
        json!(key_file("ed25519.pem")),
        json!("not a key"),
        json!({"kty": "RSA", "n": "AQAB", "e": "AQAB"}),
    ] {
        let res = app
            .post_json(
                CLIENTS,
                Some(&admin),
                &json!({"name": "Keyed", "scopes": ["people:read"], "credential": {"kind": "public_key", "key": key}}),
            )
            .await;
        let problem = res.problem(422, "validation");
        assert_eq!(problem["errors"][0]["field"], "credential.key");
    }
    app.post_json(
        CLIENTS,
        Some(&admin),
        &json!({"name": "Sak", "scopes": ["nope"], "credential": {"kind": "secret"}}),
    )
    .await
    .problem(422, "validation");
    assert_eq!(app.bearer_get(CLIENTS, &admin).await.json(), json!([]));
    let first = app
        .post_json(
            CLIENTS,
            Some(&admin),
            &json!({"name": "Sak", "scopes": ["people:read"], "credential": {"kind": "secret"}}),
        )
        .await;
    assert_eq!(first.status, 201);
    let again = app
        .post_json(
            CLIENTS,
            Some(&admin),
            &json!({"name": "Sak", "scopes": ["people:read"], "credential": {"kind": "secret"}}),
        )
        .await;
    assert_eq!(
        again.problem(422, "validation")["errors"][0]["code"],
        "taken"
    );
}

on_both_engines!(
    a_secret_client_gets_a_token_with_basic_or_post_and_a_wrong_secret_is_invalid_client,
    a_signed_assertion_with_each_key_kind_gets_a_token,
    a_bad_assertion_is_invalid_client_for_every_reason,
    a_token_request_is_checked_as_rfc_6749_asks,
    the_metadata_names_the_endpoint_methods_and_scopes,
    failed_token_requests_slow_down_even_when_they_arrive_together,
    a_disabled_client_s_tokens_stop_at_once,
    session_tokens_are_refused_on_integration_endpoints_and_the_reverse,
    each_operation_needs_its_scope,
    another_organisation_s_people_are_not_found_or_a_conflict,
    put_creates_then_updates_with_etags_and_if_match,
    put_with_bad_values_names_every_field_and_changes_nothing,
    the_list_pages_by_cursor_without_gaps_or_repeats,
    a_batch_answers_each_item_and_is_not_all_or_nothing,
    a_thousand_replays_of_one_code_request_issue_one_code,
    an_idempotency_key_with_another_body_is_422_and_in_flight_is_409,
    an_idempotency_key_outlives_a_restart_and_a_day_ends_it,
    completed_registrations_come_with_codes_and_labels_and_drafts_never,
    every_client_read_and_change_is_audited_with_the_client_as_actor,
    an_administrator_registers_rotates_rescopes_and_disables_a_client,
    client_administration_is_for_the_own_organisation_s_administrators,
    a_bad_client_registration_names_every_field_and_creates_nothing,
);
