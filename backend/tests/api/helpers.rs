//! `TestApp`: the real router over a fresh database, driven without a socket.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use kartlegg_backend::build_router;
use kartlegg_backend::db::{self, Store};
use kartlegg_backend::state::{AppConfig, AppState};
use secrecy::SecretBox;
use serde_json::Value;
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

/// The application over its own database.
pub struct TestApp {
    pub router: Router,
    pub store: Arc<dyn Store>,
    _dir: tempfile::TempDir,
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
        Self::with_store(store, dir, static_dir)
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
        let store = db::connect(&format!("{base}/{name}"))
            .await
            .expect("open PostgreSQL");
        Some(Self::with_store(store, tempfile::tempdir().unwrap(), None))
    }

    fn with_store(
        store: Arc<dyn Store>,
        dir: tempfile::TempDir,
        static_dir: Option<PathBuf>,
    ) -> Self {
        let state = AppState::new(
            store.clone(),
            AppConfig {
                static_dir,
                signing_key: SecretBox::new(Box::new(vec![7u8; 32])),
                cors_origins: vec!["https://case.example".into()],
                body_limit: 64 * 1024,
                request_timeout: Duration::from_secs(10),
            },
        );
        Self {
            router: build_router(state),
            store,
            _dir: dir,
        }
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
