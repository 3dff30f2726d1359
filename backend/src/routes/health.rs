//! Liveness and readiness, for load balancers and the front page.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::health::{Health, HealthStatus};
use kartlegg_shared::problem::Problem;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::ApiError;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

/// The process is up. Touches nothing else.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "health",
    responses((status = 200, description = "The process is up", body = Health))
)]
pub async fn healthz(State(state): State<AppState>) -> Json<Health> {
    Json(health(&state, HealthStatus::Ok))
}

/// The server can serve requests: the database answers.
#[utoipa::path(
    get,
    path = "/readyz",
    tag = "health",
    responses(
        (status = 200, description = "Ready", body = Health),
        (status = 503, description = "The database does not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn readyz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    state
        .store
        .ping()
        .await
        .map_err(|e| ApiError::Unavailable(e.into()))?;
    Ok(Json(health(&state, HealthStatus::Ok)))
}

fn health(state: &AppState, status: HealthStatus) -> Health {
    Health {
        status,
        database: state.store.engine().name().to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
    }
}
