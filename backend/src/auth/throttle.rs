//! The per-client-address limit on login attempts (a token bucket from
//! `tower_governor`), on top of the per-DUF-number limit in the database.
//! It is in memory: a restart forgets it, which the per-DUF-number limit
//! does not.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::ConnectInfo;
use axum::http::{Method, Request};
use axum::response::IntoResponse;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;
use crate::config::LoginRateLimit;
use crate::error::ApiError;

/// Keys the bucket by the peer's IP address. Without connection info (the
/// router driven in-process) every request shares one bucket rather than
/// failing. Forwarded-for headers are not trusted: a client could set them.
#[derive(Debug, Clone, Copy)]
pub struct PeerAddress;

impl KeyExtractor for PeerAddress {
    type Key = IpAddr;

    fn extract<T>(&self, req: &Request<T>) -> Result<IpAddr, tower_governor::GovernorError> {
        Ok(req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip()))
    }
}

/// Wraps the login route in the limit, answering over it with the API's
/// 429 problem and `Retry-After`.
pub fn limit_logins(
    router: OpenApiRouter<AppState>,
    limit: LoginRateLimit,
) -> OpenApiRouter<AppState> {
    let mut builder = GovernorConfigBuilder::default().key_extractor(PeerAddress);
    let Some(config) = builder
        .period(limit.replenish)
        .burst_size(limit.burst.max(1))
        .methods(vec![Method::POST])
        .finish()
    else {
        tracing::warn!("the login rate limit is invalid; logins are limited per DUF-number only");
        return router;
    };
    let layer = GovernorLayer::new(Arc::new(config)).error_handler(|error| match error {
        tower_governor::GovernorError::TooManyRequests { wait_time, .. } => {
            ApiError::TooManyRequests {
                retry_after_secs: wait_time.max(1),
            }
            .into_response()
        }
        other => ApiError::Internal(anyhow::anyhow!("rate limiter: {other}")).into_response(),
    });
    router.layer(layer)
}
