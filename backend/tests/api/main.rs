#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test
//! API and store tests: one binary, a fresh database per test, and every
//! store-touching test run against both SQLite and PostgreSQL.

mod helpers;

mod applicant_consent;
mod applicant_login;
mod applicant_registration;
mod audit_chain;
mod caseworker;
mod caseworker_history;
mod cli;
mod erasure;
mod errors;
mod feed;
mod health;
mod identity;
mod integration;
mod metrics;
mod openapi;
mod questionnaire;
mod research;
mod security;
mod static_files;
mod statistics;
mod store_contract;
mod store_contract_integration;
mod strict_input;
mod together;
mod webhooks;
