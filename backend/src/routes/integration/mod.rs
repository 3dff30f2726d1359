//! The integration API for other systems, under `/api/v1/people` and
//! `/api/v1/registrations`: an API client's access token (`oauth2`
//! client credentials) with the scope each operation names. People are
//! named by DUF-number, the key the systems share (these paths carry it
//! by design; the request log shows the route, never the number).
//!
//! Reads answer with an `ETag` and honour `If-None-Match` (304); `PUT` of a
//! person honours `If-Match` (412 on a stale ETag), so two systems cannot
//! silently overwrite each other. The POSTs a system may retry take an
//! `Idempotency-Key` ([`idempotency`]).
//!
//! One file per action.

mod batch;
mod codes;
pub mod conditional;
mod feed;
pub mod idempotency;
mod links;
mod people;
mod registrations;
mod webhooks;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(people::people_page))
        .routes(routes!(people::read_person, people::put_person))
        .routes(routes!(batch::import_people))
        .routes(routes!(links::link_duplicate))
        .routes(routes!(links::unlink_duplicate))
        .routes(routes!(links::add_alias))
        .routes(routes!(links::remove_alias))
        .routes(routes!(codes::issue_code))
        .routes(routes!(registrations::person_registrations))
        .routes(routes!(registrations::registration))
        .routes(routes!(feed::read_feed))
        .routes(routes!(webhooks::create_webhook, webhooks::list_webhooks))
        .routes(routes!(webhooks::remove_webhook))
        .routes(routes!(webhooks::webhook_deliveries))
        .routes(routes!(webhooks::retry_delivery))
}
