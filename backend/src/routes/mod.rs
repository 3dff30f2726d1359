//! One module per resource; each exposes `router()` with its documented
//! handlers.

pub mod accounts;
pub mod applicant;
pub mod audit;
pub mod caseworker;
pub mod client_webhooks;
pub mod clients;
pub mod health;
pub mod integration;
pub mod oauth;
pub mod people;
pub mod questionnaire;
pub mod registration;
pub mod responses;
pub mod statistics;
pub mod together;
