//! `TestApp`: the real router over a fresh database, driven without a socket.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use kartlegg_backend::auth::login::issue_code;
use kartlegg_backend::build_router;
use kartlegg_backend::clock::{Clock, ManualClock};
use kartlegg_backend::config::SigningKey;
use kartlegg_backend::db::{
    self, Caseworker, NewOrganisation, NewPerson, Organisation, OrganisationKind, Person, Store,
};
use kartlegg_backend::services::accounts::{self, NewAccount};
use kartlegg_backend::state::{AppConfig, AppState};
use kartlegg_shared::caseworker::Role;
use kartlegg_shared::domain::DufNumber;
use secrecy::SecretBox;
use serde_json::{Value, json};
use sqlx::Connection;
use tower::ServiceExt;

/// Runs each named async test function (taking a `TestApp`) once on SQLite
/// and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::helpers::TestApp::sqlite().await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if let Some(app) = $crate::helpers::TestApp::postgres().await {
                        super::$name(app).await;
                    }
                }
            )*
        }
    };
}

/// The application over its own database, on a clock the test moves.
pub struct TestApp {
    pub router: Router,
    pub store: Arc<dyn Store>,
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    /// The database's URL, for tests that reach past the application
    /// (empty when the store came from elsewhere).
    pub db_url: String,
    _dir: tempfile::TempDir,
}

/// The password every test caseworker gets.
pub const CASEWORKER_PASSWORD: &str = "correct horse battery";

/// The configuration tests run with: defaults, a fixed key, no
/// per-address login limit (every in-process request comes from "nowhere",
/// so they would all share one bucket); the test that pins the limit
/// switches it on.
pub fn test_config(static_dir: Option<PathBuf>, signing_key: SigningKey) -> AppConfig {
    AppConfig {
        cors_origins: vec!["https://case.example".into()],
        body_limit: 64 * 1024,
        request_timeout: Duration::from_secs(10),
        login_rate_limit: None,
        ..AppConfig::new(static_dir, signing_key)
    }
}

/// The key every `TestApp` signs with.
pub fn test_key() -> SigningKey {
    SecretBox::new(Box::new(vec![7u8; 32]))
}

/// A response with its body read.
#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .unwrap_or_else(|| panic!("no {name} header"))
            .to_str()
            .unwrap()
    }

    /// Asserts an RFC 9457 problem of this status and `type` slug, and returns it.
    pub fn problem(&self, status: u16, slug: &str) -> Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "body: {}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(self.header("content-type"), "application/problem+json");
        let json = self.json();
        assert_eq!(json["type"], format!("urn:kartlegg:problem:{slug}"));
        assert_eq!(json["status"], status);
        assert!(json["title"].as_str().is_some_and(|t| !t.is_empty()));
        json
    }
}

impl TestApp {
    /// On a fresh SQLite file.
    pub async fn sqlite() -> Self {
        Self::sqlite_with_static(None).await
    }

    /// On a fresh SQLite file, serving the frontend from `static_dir`.
    pub async fn sqlite_with_static(static_dir: Option<PathBuf>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let store = db::connect(&url).await.expect("open SQLite");
        let mut app = Self::with_store(store, dir, static_dir);
        app.db_url = url;
        app
    }

    /// On a fresh database of the throwaway PostgreSQL server named by
    /// `KARTLEGG_TEST_POSTGRES_URL`. Without it the test is skipped, unless
    /// `KARTLEGG_REQUIRE_POSTGRES` is set (the README's test command sets
    /// both), in which case a missing server fails the test.
    pub async fn postgres() -> Option<Self> {
        let Ok(admin_url) = std::env::var("KARTLEGG_TEST_POSTGRES_URL") else {
            assert!(
                std::env::var_os("KARTLEGG_REQUIRE_POSTGRES").is_none(),
                "KARTLEGG_REQUIRE_POSTGRES is set but KARTLEGG_TEST_POSTGRES_URL is not"
            );
            eprintln!("skipped: KARTLEGG_TEST_POSTGRES_URL is not set");
            return None;
        };
        let name = format!("kartlegg_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .expect("connect to PostgreSQL");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("create test database");
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(b, _)| b);
        let url = format!("{base}/{name}");
        let store = db::connect(&url).await.expect("open PostgreSQL");
        let mut app = Self::with_store(store, tempfile::tempdir().unwrap(), None);
        app.db_url = url;
        Some(app)
    }

    fn with_store(
        store: Arc<dyn Store>,
        dir: tempfile::TempDir,
        static_dir: Option<PathBuf>,
    ) -> Self {
        captured_logs();
        Self::with_config(store, dir, test_config(static_dir, test_key()))
    }

    /// Over a store that exists already (for example one a CLI run filled).
    /// The audit checkpoints go to the test's own folder.
    pub fn with_config(
        store: Arc<dyn Store>,
        dir: tempfile::TempDir,
        mut config: AppConfig,
    ) -> Self {
        config.audit_checkpoint_file = dir.path().join("audit-checkpoints");
        let clock = Arc::new(ManualClock::starting_now());
        let state = AppState::new(store.clone(), config).with_clock(clock.clone());
        Self {
            router: build_router(state.clone()),
            store,
            state,
            clock,
            db_url: String::new(),
            _dir: dir,
        }
    }

    /// The same database and clock with another configuration, as after a
    /// restart of the server.
    pub fn reconfigured(self, change: impl FnOnce(&mut AppConfig)) -> Self {
        let mut config = test_config(None, test_key());
        config
            .audit_checkpoint_file
            .clone_from(&self.state.config.audit_checkpoint_file);
        change(&mut config);
        let state = AppState::new(self.store.clone(), config).with_clock(self.clock.clone());
        Self {
            router: build_router(state.clone()),
            state,
            ..self
        }
    }

    /// The server restarted: a new router (fresh in-memory state) over the
    /// same database and clock.
    pub fn restarted(self) -> Self {
        self.reconfigured(|_| {})
    }

    /// An access token of a new secret client of `org` with `scopes`.
    pub async fn client_token(
        &self,
        org: &str,
        scopes: &[kartlegg_shared::integration::Scope],
    ) -> String {
        use kartlegg_backend::auth::caseworker::RequestMeta;
        use kartlegg_backend::services::clients::{self, Actor};
        let org = self.org(org).await;
        let actor = Actor {
            id: None,
            name: "test".into(),
            meta: RequestMeta::default(),
        };
        let (client, secret) = clients::create(
            &self.state,
            &actor,
            org.id,
            &format!("client {}", uuid::Uuid::new_v4()),
            scopes,
            &kartlegg_shared::integration::NewCredential::Secret,
        )
        .await
        .unwrap();
        let basic = base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            format!("{}:{}", client.id, secret.unwrap()),
        );
        let res = self
            .send(
                Request::post("/api/v1/oauth/token")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("authorization", format!("Basic {basic}"))
                    .body(Body::from("grant_type=client_credentials"))
                    .unwrap(),
            )
            .await;
        assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
        res.json()["access_token"].as_str().unwrap().to_owned()
    }

    /// Every audit event of `action`, in the order of the chain.
    pub async fn audit_events_of(
        &self,
        action: kartlegg_shared::caseworker::AuditAction,
    ) -> Vec<kartlegg_backend::db::AuditEventRecord> {
        self.store
            .audit_events(&kartlegg_backend::db::AuditFilter {
                organisation_id: None,
                action: Some(action),
                actor_id: None,
                person_id: None,
                from: None,
                before: None,
                limit: 10_000,
                offset: 0,
                count_up_to: None,
            })
            .await
            .unwrap()
            .0
    }

    /// Moves the application's clock forward.
    pub fn advance(&self, by: chrono::Duration) {
        self.clock.advance(by);
    }

    /// A person of the test organisation with this DUF-number, and a fresh
    /// code for them (digits only).
    pub async fn seed_person(&self, duf: &str) -> (Person, String) {
        let org = match self.store.organisation_by_number("test-org").await.unwrap() {
            Some(org) => org,
            None => self
                .store
                .create_organisation(&NewOrganisation {
                    number: "test-org".into(),
                    name: "Test mottak".into(),
                    kind: OrganisationKind::ReceptionCentre,
                })
                .await
                .unwrap(),
        };
        let person = self
            .store
            .create_person(&NewPerson {
                duf_number: DufNumber::parse(duf).unwrap(),
                organisation_id: org.id,
                first_name: format!("First{}", &duf[8..]),
                last_name: "Tester".into(),
            })
            .await
            .unwrap();
        let code = self.issue_code(&person).await;
        (person, code)
    }

    /// The organisation with this number, created when missing.
    pub async fn org(&self, number: &str) -> Organisation {
        match self.store.organisation_by_number(number).await.unwrap() {
            Some(org) => org,
            None => self
                .store
                .create_organisation(&NewOrganisation {
                    number: number.into(),
                    name: format!("Org {number}"),
                    kind: OrganisationKind::Municipality,
                })
                .await
                .unwrap(),
        }
    }

    /// A person of the organisation with this number.
    pub async fn person_in(&self, org: &str, duf: &str, first: &str, last: &str) -> Person {
        let org = self.org(org).await;
        self.store
            .create_person(&NewPerson {
                duf_number: DufNumber::parse(duf).unwrap(),
                organisation_id: org.id,
                first_name: first.into(),
                last_name: last.into(),
            })
            .await
            .unwrap()
    }

    /// A caseworker account of the organisation with this number (password
    /// [`CASEWORKER_PASSWORD`]); with `totp`, also its secret.
    pub async fn add_caseworker(
        &self,
        org: &str,
        username: &str,
        roles: &[Role],
        totp: bool,
    ) -> (Caseworker, Option<Vec<u8>>) {
        let org = self.org(org).await;
        accounts::create(
            self.store.as_ref(),
            NewAccount {
                organisation_id: org.id,
                username,
                display_name: &format!("CW {username}"),
                password: CASEWORKER_PASSWORD,
                roles,
                totp,
            },
            self.clock.now(),
        )
        .await
        .unwrap()
    }

    /// `POST /api/v1/caseworker/login`.
    pub async fn try_caseworker_login(
        &self,
        username: &str,
        password: &str,
        totp_code: Option<&str>,
    ) -> TestResponse {
        self.post_json(
            "/api/v1/caseworker/login",
            None,
            &json!({ "username": username, "password": password, "totp_code": totp_code }),
        )
        .await
    }

    /// A new caseworker account, logged in; returns the session token.
    pub async fn caseworker(&self, org: &str, username: &str, roles: &[Role]) -> String {
        self.add_caseworker(org, username, roles, false).await;
        let res = self
            .try_caseworker_login(username, CASEWORKER_PASSWORD, None)
            .await;
        assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
        res.json()["token"].as_str().unwrap().to_owned()
    }

    /// A new code for a person (ending the earlier one), digits only.
    pub async fn issue_code(&self, person: &Person) -> String {
        issue_code(
            self.store.as_ref(),
            &self.state.keys,
            person,
            self.clock.now(),
            self.state.config.code_ttl,
        )
        .await
        .unwrap()
        .code
        .digits()
        .to_owned()
    }

    /// `POST /api/v1/applicant/session`.
    pub async fn try_login(&self, duf: &str, code: &str) -> TestResponse {
        self.post_json(
            "/api/v1/applicant/session",
            None,
            &json!({ "duf_number": duf, "code": code }),
        )
        .await
    }

    /// Logs in and returns the session token.
    pub async fn login(&self, duf: &str, code: &str) -> String {
        let res = self.try_login(duf, code).await;
        assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
        res.json()["token"].as_str().unwrap().to_owned()
    }

    /// A seeded, logged-in applicant who has consented; returns the token.
    pub async fn consented_applicant(&self, duf: &str) -> String {
        let (_, code) = self.seed_person(duf).await;
        let token = self.login(duf, &code).await;
        let res = self
            .post_json(
                "/api/v1/applicant/consent",
                Some(&token),
                &json!({ "version": kartlegg_shared::api::CONSENT_VERSION, "decision": "accept" }),
            )
            .await;
        assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
        token
    }

    fn request(method: Method, path: &str, token: Option<&str>) -> axum::http::request::Builder {
        let builder = Request::builder().method(method).uri(path);
        match token {
            Some(token) => builder.header(header::AUTHORIZATION, format!("Bearer {token}")),
            None => builder,
        }
    }

    /// A JSON request, with a Bearer token when given.
    pub async fn send_json(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> TestResponse {
        let body = serde_json::to_vec(body).unwrap();
        self.send(
            Self::request(method, path, token)
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::CONTENT_LENGTH, body.len())
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: &Value) -> TestResponse {
        self.send_json(Method::POST, path, token, body).await
    }

    pub async fn bearer_put(&self, path: &str, token: &str, body: &Value) -> TestResponse {
        self.send_json(Method::PUT, path, Some(token), body).await
    }

    /// A request without a body.
    pub async fn bearer(&self, method: Method, path: &str, token: &str) -> TestResponse {
        self.send(
            Self::request(method, path, Some(token))
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn bearer_get(&self, path: &str, token: &str) -> TestResponse {
        self.bearer(Method::GET, path, token).await
    }

    pub async fn bearer_post(&self, path: &str, token: &str) -> TestResponse {
        self.bearer(Method::POST, path, token).await
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// A request with a body, as a real client sends it (with Content-Length).
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        content_type: &str,
        body: impl Into<String>,
    ) -> TestResponse {
        let body = body.into();
        self.send(
            Request::builder()
                .method(method)
                .uri(path)
                .header(header::CONTENT_TYPE, content_type)
                .header(header::CONTENT_LENGTH, body.len())
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }
}

/// Everything logged by the test binary so far. The first call installs a
/// global subscriber at TRACE level that keeps every line; `TestApp`'s
/// constructors call it, so it is in place before any request.
pub fn captured_logs() -> String {
    use std::sync::{Mutex, OnceLock};

    #[derive(Clone)]
    struct Writer(&'static Mutex<Vec<u8>>);
    impl std::io::Write for Writer {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    static LOG: OnceLock<&'static Mutex<Vec<u8>>> = OnceLock::new();
    let log = LOG.get_or_init(|| {
        let log: &'static Mutex<Vec<u8>> = Box::leak(Box::new(Mutex::new(Vec::new())));
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || Writer(log))
            .finish();
        let _ = tracing::subscriber::set_global_default(subscriber);
        log
    });
    String::from_utf8_lossy(&log.lock().unwrap()).into_owned()
}

/// Who changes an identity in a store test, and why.
pub fn change_log() -> kartlegg_backend::db::ChangeLog {
    kartlegg_backend::db::ChangeLog {
        actor: "Kari Nordmann".into(),
        reason: "Passport shown".into(),
        at: chrono::Utc::now(),
    }
}
