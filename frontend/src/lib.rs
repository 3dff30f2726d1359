//! Kartlegg's browser app: two apps on one core. `applicant/` is the
//! applicant's (the start bundle and the form bundle), `caseworker/` the
//! back office's; `core/` is what both stand on (HTTP client, Fluent
//! catalog, content, common components). Pages own their data; components
//! take signals and callbacks; every user-visible string comes from the
//! translation layer.

pub mod applicant;
pub mod caseworker;
pub mod core;
