//! The caseworker back office, desktop first with dense tables: login, the worklist, the one search box, the people list with export,
//! the person page, the audit log, account administration and the API
//! clients of other systems. A bundle of
//! its own (`src/bin/caseworker.rs`, served under `/caseworker/`) with its
//! own texts in Norwegian bokmål and English.

pub mod api;
pub mod app;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod session;
