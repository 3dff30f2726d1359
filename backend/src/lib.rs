//! Kartlegg's server as a library: the router, its state and everything it
//! needs, so that `main.rs` stays thin and the API tests drive the very same
//! router without a socket.

pub mod audit;
pub mod auth;
pub mod back_office;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod dto;
pub mod error;
pub mod extract;
pub mod http;
pub mod metrics;
pub mod openapi;
pub mod population;
pub mod registration;
pub mod routes;
pub mod sealed;
pub mod services;
pub mod state;
pub mod webhooks;

pub use http::build_router;
pub use state::AppState;
