//! The change feed: the organisation's events in one total order, read
//! from a cursor, with long-polling.

use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use kartlegg_shared::caseworker::AuditAction;
use kartlegg_shared::integration::{ChangeEventType, FeedPage, Scope};
use kartlegg_shared::problem::Problem;
use serde::Deserialize;
use utoipa::IntoParams;

use super::conditional::json_with_etag;
use crate::AppState;
use crate::auth::client::ClientAccess;
use crate::db::{NewAuditEvent, StoredEvent};
use crate::dto::{change_event, feed_cursor as cursor};
use crate::error::ApiError;
use crate::extract::AppQuery;
use crate::routes::responses::ClientToken;

/// The most events on one page.
pub const MAX_LIMIT: u32 = 500;

/// The longest a request may wait for an event.
pub const MAX_WAIT_SECS: u64 = 30;

/// How often a waiting request looks again when this instance has not
/// written the event itself (another instance may have).
const POLL: Duration = Duration::from_millis(500);

/// Reading the feed.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedQuery {
    /// Continue after this cursor (an event's `cursor`, or a page's
    /// `next`); absent: from the start.
    #[param(pattern = "^p[0-9]{1,18}$")]
    pub after: Option<String>,
    /// Events per page, 1 to 500 (default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u32>,
    /// Comma-separated event types to read (default: all).
    pub types: Option<String>,
    /// Seconds to wait for an event when there is none yet (0 to 30,
    /// default 0; at most the server's request timeout less two seconds).
    #[param(minimum = 0, maximum = 30)]
    pub wait: Option<u64>,
}

fn position(cursor: &str) -> Result<i64, ApiError> {
    cursor
        .strip_prefix('p')
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|digits| digits.parse::<i64>().ok())
        .ok_or_else(|| ApiError::field("after", "invalid_cursor", "Not a cursor this feed gave"))
}

fn types(list: Option<&str>) -> Result<Vec<ChangeEventType>, ApiError> {
    let Some(list) = list else {
        return Ok(Vec::new());
    };
    list.split(',')
        .map(|name| {
            ChangeEventType::parse(name).ok_or_else(|| {
                ApiError::field("types", "unknown_type", "Not an event type of this feed")
            })
        })
        .collect()
}

/// Read the organisation's change events after a cursor, in one total
/// order: completed registrations, registrations started again, people
/// created and changed. No event is ever skipped: re-reading from the last
/// cursor you kept gives every event after it (at least once). With
/// `wait`, an empty page waits until an event comes or the time is up.
/// Needs `feed:read`; each event read is audited as a read of its person.
#[utoipa::path(
    get,
    path = "/api/v1/feed",
    tag = "feed",
    security(("oauth2" = ["feed:read"])),
    params(FeedQuery),
    responses(
        (status = 200, description = "The events after the cursor", body = FeedPage,
         headers(("ETag" = String, description = "The page's version"))),
        (status = 304, description = "The page has not changed since the `If-None-Match` ETag"),
        (status = 422, description = "`after`, `limit`, `types` or `wait` is not valid", body = Problem, content_type = "application/problem+json"),
        ClientToken,
    )
)]
pub async fn read_feed(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppQuery(query): AppQuery<FeedQuery>,
) -> Result<Response, ApiError> {
    access.require(Scope::FeedRead)?;
    let limit = query.limit.unwrap_or(100);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::field("limit", "out_of_range", "Give 1 to 500"));
    }
    let wait = query.wait.unwrap_or(0);
    if wait > MAX_WAIT_SECS {
        return Err(ApiError::field(
            "wait",
            "out_of_range",
            "Give 0 to 30 seconds",
        ));
    }
    let after = query
        .after
        .as_deref()
        .map(position)
        .transpose()?
        .unwrap_or(0);
    let kinds = types(query.types.as_deref())?;
    let events = wait_for_events(&state, &access, after, &kinds, limit, wait).await?;
    audit(&state, &access, &events).await?;
    let next = events.last().map_or(after, |e| e.position);
    let page = FeedPage {
        events: events.iter().map(change_event).collect(),
        next: cursor(next),
    };
    json_with_etag(&headers, StatusCode::OK, &page, None)
}

/// The events after `after`; when there are none, looks again as events
/// are written (this instance signals its own at once; others' are seen
/// within [`POLL`]) until `wait` seconds have passed.
async fn wait_for_events(
    state: &AppState,
    access: &ClientAccess,
    after: i64,
    kinds: &[ChangeEventType],
    limit: u32,
    wait: u64,
) -> Result<Vec<StoredEvent>, ApiError> {
    // The request timeout would cut a longer wait off with a 408.
    let most = state
        .config
        .request_timeout
        .saturating_sub(Duration::from_secs(2));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(wait).min(most);
    let organisation = access.client.organisation_id;
    loop {
        // Asked for before the read, so that an event written between the
        // read and the wait is not missed.
        let written = state.feed_signal.notified();
        let events = state
            .store
            .change_events_after(organisation, after, kinds, limit)
            .await?;
        if !events.is_empty() || tokio::time::Instant::now() >= deadline {
            return Ok(events);
        }
        let _ = tokio::time::timeout_at(deadline.min(tokio::time::Instant::now() + POLL), written)
            .await;
    }
}

/// One audit event per event read, in one append: each names a person.
async fn audit(
    state: &AppState,
    access: &ClientAccess,
    events: &[StoredEvent],
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let records: Vec<NewAuditEvent> = events
        .iter()
        .map(|e| NewAuditEvent {
            // An erasure's event names no person id (see `db::erasure`):
            // its read is logged against no one, so that the log cannot
            // join the DUF-number it carries to the person's earlier events.
            person_id: (e.kind != ChangeEventType::PersonErased).then_some(e.person_id),
            person_organisation_id: Some(e.organisation_id),
            registration_id: e.registration_id,
            fields: vec!["change_feed".to_owned()],
            ..crate::auth::client::client_event(
                &access.client,
                &access.meta,
                AuditAction::List,
                now,
            )
        })
        .collect();
    state.record_audit(&records).await?;
    Ok(())
}
