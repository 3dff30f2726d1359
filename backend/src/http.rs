//! The router and its layers: request ids and tracing, compression, timeout,
//! body limit, CORS, security headers, problem+json for every error, and the
//! built frontend with an SPA fallback.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use kartlegg_shared::problem::{PROBLEM_JSON, Problem, ProblemKind};
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa_swagger_ui::SwaggerUi;

use crate::AppState;
use crate::auth::applicant::SESSION_COOKIE;
use crate::auth::caseworker::CASEWORKER_COOKIE;
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

/// Browser features Kartlegg never uses, denied to the page and anything
/// it embeds, so that injected script cannot reach them either.
/// `speaker-selection` is deliberately absent: the applicant app reads
/// questions aloud with the browser's speech synthesis, which needs no
/// permission, and choosing an output device must stay possible.
const PERMISSIONS_POLICY: &str = "accelerometer=(), ambient-light-sensor=(), bluetooth=(), \
                                  browsing-topics=(), camera=(), display-capture=(), \
                                  geolocation=(), gyroscope=(), hid=(), interest-cohort=(), \
                                  magnetometer=(), microphone=(), midi=(), payment=(), serial=(), \
                                  usb=(), xr-spatial-tracking=()";

/// The longest URI (path and query) we take. hyper's own limit (64 KiB)
/// answers with an empty 414 without our headers, so we answer first and
/// below it; nothing of ours needs more than a few hundred bytes.
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// The most header bytes (names, values and separators) we take. hyper's
/// own limit (its ~400 KiB read buffer, and 100 header fields) answers with
/// an empty 431 without our headers, so we answer first and below it.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Builds the whole application from its state. Tests call this too.
pub fn build_router(state: AppState) -> Router {
    let config = state.config.clone();
    let trusted_origins: Arc<[String]> = config
        .cors_origins
        .iter()
        .filter(|o| !o.is_empty())
        .cloned()
        .collect();
    let (api, document) = openapi::api_router_with(config.login_rate_limit).split_for_parts();

    let metrics = state.metrics.clone();
    let mut app = Router::new()
        .merge(api)
        .merge(SwaggerUi::new("/api/docs").url("/api/openapi.json", document))
        .route("/api", axum::routing::any(api_not_found))
        // Metrics are served on their own address (KARTLEGG_METRICS_ADDR),
        // never here: not even the app's page under this name.
        .route("/metrics", axum::routing::any(api_not_found))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        // On the routes, so that each request is counted by its template.
        .route_layer(middleware::from_fn_with_state(
            metrics,
            crate::metrics::track,
        ))
        .with_state(state);

    if let Some(dir) = &config.static_dir {
        let pages = Arc::new(AppPages::find(dir));
        let page = tower::service_fn(move |request: Request| {
            ServeFile::new(pages.for_path(request.uri().path()))
                .precompressed_br()
                .precompressed_gzip()
                .oneshot(request)
        });
        let files = ServeDir::new(dir)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(page);
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
        .layer(middleware::from_fn_with_state(
            trusted_origins,
            refuse_cross_site_cookie_requests,
        ))
        .layer(middleware::from_fn(refuse_oversized_requests))
        .layer(middleware::from_fn(problem_for_bare_errors))
        .layer(middleware::from_fn(cache_and_security_headers))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
                // The path only (a query string could carry something
                // personal), with DUF-numbers masked.
                let id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                let path = loggable_path(request.uri().path());
                tracing::info_span!("request", id, method = %request.method(), path = %path)
            }),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// The page a client-side route gets. Each of the three apps has its own
/// copy of the page that preloads its own bundle, so that the form and the
/// back office do not download the start app's bundle they never run
/// (`scripts/build-frontend.sh` writes them); where one is missing,
/// `index.html` serves.
#[derive(Debug)]
struct AppPages {
    start: PathBuf,
    form: PathBuf,
    caseworker: PathBuf,
}

/// The form app's routes (as `frontend/boot.js` names them); `/together`
/// is the same app for a counsellor registering with the applicant.
const FORM_ROUTES: [&str; 5] = ["/form", "/summary", "/done", "/my-data", "/together"];

impl AppPages {
    fn find(dir: &Path) -> Self {
        let start = dir.join("index.html");
        let or_start = |name: &str| {
            let page = dir.join(name);
            if page.is_file() { page } else { start.clone() }
        };
        Self {
            form: or_start("form.html"),
            caseworker: or_start("caseworker.html"),
            start,
        }
    }

    fn for_path(&self, path: &str) -> &Path {
        let under = |root: &str| {
            path.strip_prefix(root)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        if under("/caseworker") {
            &self.caseworker
        } else if FORM_ROUTES.into_iter().any(under) {
            &self.form
        } else {
            &self.start
        }
    }
}

/// A path as the request log shows it: a segment of digits (the
/// integration API names people by DUF-number in its paths) becomes `{n}`,
/// so that no personal number reaches a log.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    let personal =
        |segment: &str| segment.len() >= 6 && segment.bytes().all(|b| b.is_ascii_digit());
    if !path.split('/').any(personal) {
        return std::borrow::Cow::Borrowed(path);
    }
    std::borrow::Cow::Owned(
        path.split('/')
            .map(|segment| if personal(segment) { "{n}" } else { segment })
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// Any path under `/api` that no route takes.
async fn api_not_found() -> Response {
    problem_response(Problem::new(ProblemKind::NotFound))
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
    // A handler's own error answer is kept: problem+json, or the JSON of
    // RFC 6749 §5.2 that the OAuth token endpoint answers with.
    let is_answer = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| {
            v.as_bytes() == PROBLEM_JSON.as_bytes() || v.as_bytes() == b"application/json"
        });
    if is_answer || !is_api && status == StatusCode::NOT_FOUND {
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

/// 414 or 431 as problem+json for a URI or header section larger than we
/// take, before anything else reads the request. This sits inside the
/// problem and header layers so the answer carries the security headers.
/// Requests beyond hyper's own, higher limits never reach the router (hyper
/// answers those itself, with an empty body); ours are lower so that every
/// request a browser or proxy would normally send gets our answer.
async fn refuse_oversized_requests(request: Request, next: Next) -> Response {
    let uri_bytes = request
        .uri()
        .path_and_query()
        .map_or(0, |pq| pq.as_str().len());
    if uri_bytes > MAX_URI_BYTES {
        return problem_response(Problem::new(ProblemKind::UriTooLong).with_detail(format!(
            "The URI is {uri_bytes} bytes; at most {MAX_URI_BYTES} are accepted."
        )));
    }
    // As on the wire: "name: value\r\n" for each field.
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        return problem_response(
            Problem::new(ProblemKind::HeadersTooLarge).with_detail(format!(
                "The headers are {header_bytes} bytes; at most {MAX_HEADER_BYTES} are accepted."
            )),
        );
    }
    next.run(request).await
}

/// Refuses a state-changing request that a browser sent from another site
/// with the session cookie: a second line behind the cookie's
/// `SameSite=Strict`, for browsers that ignore it or a sibling subdomain
/// that counts as the same site. It applies to unsafe methods that would
/// authenticate by cookie (no `Authorization` header, a session cookie
/// present) and to the two logins, which set the cookie (login CSRF).
/// Bearer requests are untouched: a foreign page cannot make the browser
/// add a token it does not have.
///
/// `Sec-Fetch-Site` decides when the browser sent it (`same-origin` and
/// `none`, a typed address or bookmark, pass); otherwise `Origin` must be
/// ours (the host the request was sent to) or a configured CORS origin.
/// A request with neither header is not from a browser page and passes.
async fn refuse_cross_site_cookie_requests(
    State(trusted): State<Arc<[String]>>,
    request: Request,
    next: Next,
) -> Response {
    if needs_origin_check(&request) && !is_same_origin(&request, &trusted) {
        // Nothing has run yet, so nothing has changed.
        return problem_response(Problem::new(ProblemKind::Forbidden).with_detail(
            "A request from another site may not act with the session cookie; \
                 send it from the application's own pages or with a Bearer token.",
        ));
    }
    next.run(request).await
}

/// The endpoints that set the session cookie.
const LOGIN_PATHS: [&str; 2] = ["/api/v1/applicant/session", "/api/v1/caseworker/login"];

fn needs_origin_check(request: &Request) -> bool {
    if request.method().is_safe() {
        return false;
    }
    let headers = request.headers();
    if headers.contains_key(header::AUTHORIZATION) {
        return false;
    }
    let has_session_cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, _)| name == SESSION_COOKIE || name == CASEWORKER_COOKIE);
    has_session_cookie || LOGIN_PATHS.contains(&request.uri().path())
}

fn is_same_origin(request: &Request, trusted: &[String]) -> bool {
    let headers = request.headers();
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let trusted_origin = origin.is_some_and(|o| trusted.iter().any(|t| t == o));
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.as_bytes(), b"same-origin" | b"none") || trusted_origin;
    }
    let Some(origin) = origin else {
        return headers.get(header::ORIGIN).is_none();
    };
    // The scheme is not compared: behind a TLS-terminating proxy the server
    // cannot tell it, and the host (with its port) is what names the site.
    let host = request
        .uri()
        .authority()
        .map(|a| a.as_str())
        .or_else(|| headers.get(header::HOST).and_then(|v| v.to_str().ok()));
    let origin_host = origin.split_once("://").map(|(_, host)| host);
    trusted_origin
        || host
            .zip(origin_host)
            .is_some_and(|(host, origin_host)| host.eq_ignore_ascii_case(origin_host))
}

/// Security headers on every response, and caching by kind of file: hashed
/// assets forever, `index.html` and the documents about the API never
/// without revalidation, and the API itself never stored at all: its
/// answers carry personal data (my data, person pages, lists, exports,
/// search, the audit log), which must not stay in a browser's or proxy's
/// cache. A handler that sets its own `Cache-Control` keeps it: the public
/// questionnaire and code lists are cacheable, with ETags.
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
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    // No window of another origin keeps a handle on ours (tabnabbing,
    // cross-window leaks).
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    let cache = if path.starts_with("/assets/") && success {
        "public, max-age=31536000, immutable"
    } else if path.starts_with("/api/v1/") {
        "no-store"
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

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn a_duf_number_in_a_path_is_masked_in_the_log() {
        assert_eq!(
            loggable_path("/api/v1/people/202400000042/codes"),
            "/api/v1/people/{n}/codes"
        );
        assert_eq!(loggable_path("/api/v1/people"), "/api/v1/people");
        assert_eq!(loggable_path("/assets/app-1.wasm"), "/assets/app-1.wasm");
    }
}
