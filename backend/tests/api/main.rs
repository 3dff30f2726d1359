//! API and store tests: one binary, a fresh database per test, and every
//! store-touching test run against both SQLite and PostgreSQL.

mod helpers;

mod errors;
mod health;
mod openapi;
mod security;
mod static_files;
mod store_contract;
