//! The OpenAPI document: generated from the handlers' `#[utoipa::path]`
//! annotations, served at `/api/openapi.json`, and committed as
//! `openapi/openapi.json` (a test fails when the two differ).

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::{AppState, routes};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kartlegg API",
        description = "Registers the qualifications of refugees so that the people who advise them on \
                       training, education and work know what they can do and what they want.\n\n\
                       Errors are `application/problem+json` (RFC 9457) with a stable `type` URI.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    tags(
        (name = "health", description = "Liveness and readiness"),
    ),
    components(schemas(kartlegg_shared::problem::Problem, kartlegg_shared::problem::FieldError))
)]
struct ApiDoc;

/// Every documented route, with the document they add up to.
pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi()).merge(routes::health::router())
}

/// The OpenAPI document alone, for `kartlegg openapi` and the drift test.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, api) = api_router().split_for_parts();
    api
}

/// The document as the server serves and the repository commits it.
pub fn document_json() -> String {
    let mut json = document().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}
