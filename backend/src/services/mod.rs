//! The rules of the back office, reachable without HTTP: the routes, the
//! command line, the demo data and the tests call these, never each other.

pub mod accounts;
pub mod clients;
pub mod erasure;
pub mod identity;
pub mod integration;
pub mod kept_answers;
pub mod people;
pub mod registration;
pub mod research;
pub mod statistics;
pub mod together;
pub mod tokens;
pub mod webhooks;
