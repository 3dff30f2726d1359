//! Kartlegg's common crate, compiled both for the browser (wasm32) and the
//! server. It owns what both sides must decide the same way: domain values
//! that only exist when valid, the API's data transfer objects and the
//! RFC 9457 problem envelope.
//!
//! It has no server dependency by default; the `server` feature adds OpenAPI
//! schema derives for the backend.

pub mod api;
pub mod caseworker;
pub mod codes;
pub mod digits;
pub mod domain;
pub mod fields;
pub mod health;
pub mod identity;
pub mod integration;
pub mod language;
pub mod paging;
pub mod password;
pub mod pictograms;
pub mod problem;
pub mod questionnaire;
#[cfg(feature = "server")]
pub mod schema;
pub mod search;
pub mod statistics;
pub mod text;
pub mod together;
pub mod wire;
