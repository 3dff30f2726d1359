//! The rules of the back office, reachable without HTTP: the routes, the
//! command line, the demo data and the tests call these, never each other.

pub mod accounts;
pub mod identity;
pub mod people;
pub mod registration;
