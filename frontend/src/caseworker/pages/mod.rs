//! The back office's pages. Each owns its data: it fetches through
//! `caseworker::api` and shows errors where the caseworker looks.

pub mod accounts;
pub mod audit;
pub mod clients;
pub mod login;
pub mod people;
pub mod person;
pub mod print;
pub mod search;
pub mod statistics;
pub mod webhooks;
pub mod worklist;
