//! The router and its layers: request ids and tracing, compression, timeout,
//! body limit, CORS, security headers, problem+json for every error, and the
//! built frontend with an SPA fallback.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use kartlegg_shared::problem::{PROBLEM_JSON, Problem};
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa_swagger_ui::SwaggerUi;

use crate::AppState;
use crate::error::{kind_for_status, problem_response};
use crate::openapi;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The application's content security policy: our own scripts and the
/// WebAssembly they compile, nothing inline, no frames.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                   img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
                   base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The API reference page (Swagger UI) sets inline styles; it gets that and
/// nothing more.
const DOCS_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                        img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
                        frame-ancestors 'none'";

/// Builds the whole application from its state. Tests call this too.
pub fn build_router(state: AppState) -> Router {
    let config = state.config.clone();
    let (api, document) = openapi::api_router_with(config.login_rate_limit).split_for_parts();

    let mut app = Router::new()
        .merge(api)
        .merge(SwaggerUi::new("/api/docs").url("/api/openapi.json", document))
        .route("/api", axum::routing::any(api_not_found))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .with_state(state);

    if let Some(dir) = &config.static_dir {
        let index = dir.join("index.html");
        let files = ServeDir::new(dir)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(
                ServeFile::new(index)
                    .precompressed_br()
                    .precompressed_gzip(),
            );
        app = app.fallback_service(files);
    } else {
        app = app.fallback(api_not_found);
    }

    // Listed from the innermost out: the problem and header layers sit
    // outside the limit and timeout layers so that their answers get them too.
    app.layer(CompressionLayer::new().br(true).gzip(true))
        .layer(cors(&config.cors_origins))
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.request_timeout,
        ))
        .layer(middleware::from_fn(problem_for_bare_errors))
        .layer(middleware::from_fn(cache_and_security_headers))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
                // The path only: a query string could carry something personal.
                let id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", id, method = %request.method(), path = request.uri().path())
            }),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// Any path under `/api` that no route takes.
async fn api_not_found() -> Response {
    problem_response(Problem::new(
        kartlegg_shared::problem::ProblemKind::NotFound,
    ))
}

/// Turns every error answer that is not problem+json yet (from a layer, or
/// axum's own 404/405) into one, so clients see a single error format.
async fn problem_for_bare_errors(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let is_api = path.starts_with("/api") || path == "/healthz" || path == "/readyz";
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes() == PROBLEM_JSON.as_bytes());
    if is_problem || !is_api && status == StatusCode::NOT_FOUND {
        return response;
    }
    let mut problem = problem_response(Problem::new(kind_for_status(status)));
    *problem.status_mut() = status;
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = response.headers().get(&name) {
            problem.headers_mut().insert(name, value.clone());
        }
    }
    problem
}

/// Security headers on every response, and caching by kind of file: hashed
/// assets forever, `index.html` and the API never without revalidation.
async fn cache_and_security_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let success = response.status().is_success();
    let headers = response.headers_mut();
    let csp = if path.starts_with("/api/docs") {
        DOCS_CSP
    } else {
        CSP
    };
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    let cache = if path.starts_with("/assets/") && success {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    response
}

fn cors(origins: &[String]) -> CorsLayer {
    let allowed: Vec<HeaderValue> = origins
        .iter()
        .filter(|o| !o.is_empty())
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
        ])
        .max_age(Duration::from_secs(3600))
}

/// Resolves when the process is asked to stop (Ctrl-C or SIGTERM).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
