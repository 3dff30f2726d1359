//! The application state every handler can reach.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::config::SigningKey;
use crate::db::Store;

/// Shared, cheaply cloned state.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub config: Arc<AppConfig>,
}

/// The parts of the configuration the router and handlers use.
pub struct AppConfig {
    /// Folder with the built frontend; `None` serves the API only.
    pub static_dir: Option<PathBuf>,
    pub signing_key: SigningKey,
    pub cors_origins: Vec<String>,
    pub body_limit: usize,
    pub request_timeout: Duration,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, config: AppConfig) -> Self {
        Self {
            store,
            config: Arc::new(config),
        }
    }
}
