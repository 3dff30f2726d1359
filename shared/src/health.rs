//! The health DTO that `/readyz` answers and the front page shows.

use serde::{Deserialize, Serialize};

/// Whether the server and its database answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` when everything needed to serve requests answers.
    pub status: HealthStatus,
    /// The database engine in use: `sqlite` or `postgres`.
    pub database: String,
    /// The server's version.
    pub version: String,
}

/// The overall state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    /// Ready to serve.
    Ok,
    /// A dependency does not answer.
    Unavailable,
}
