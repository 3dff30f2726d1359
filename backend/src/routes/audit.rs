//! The audit log for auditors: the own organisation's events (by its
//! accounts, or about its people), filtered and paged, and the keyed
//! hash-chain verification against the signed checkpoints.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{AuditPage, AuditQuery, ChainVerification, Role};
use kartlegg_shared::paging::Page;
use kartlegg_shared::problem::Problem;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self, day_start, hyphenated_id, paging};
use crate::db::AuditFilter;
use crate::dto;
use crate::error::ApiError;
use crate::extract::AppQuery;
use crate::routes::responses::{Auditors, Session};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(audit_log))
        .routes(routes!(verify))
}

/// The organisation's audit events, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/audit",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(AuditQuery),
    responses(
        (status = 200, description = "One page of events", body = AuditPage),
        (status = 422, description = "A bad filter, date or page", body = Problem, content_type = "application/problem+json"),
        Session, Auditors,
    )
)]
pub async fn audit_log(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppQuery(query): AppQuery<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    cw.require(&[Role::Auditor])?;
    let page = paging(query.page, query.page_size)?;
    let filter = audit_filter(cw.account.organisation_id, &query, &page)?;
    let (events, total) = state.store.audit_events(&filter).await?;
    Ok(Json(AuditPage {
        items: events.into_iter().map(dto::audit_event_info).collect(),
        total,
        total_capped: back_office::reached_cap(total, filter.count_up_to),
        page: page.number,
        page_size: page.size,
    }))
}

/// The store's filter for a page of the organisation's audit log.
fn audit_filter(
    organisation_id: Uuid,
    query: &AuditQuery,
    page: &Page,
) -> Result<AuditFilter, ApiError> {
    let id = |field: &str, value: Option<&str>| {
        value
            .map(|v| {
                hyphenated_id(v).ok_or_else(|| ApiError::field(field, "invalid_id", "Not an id"))
            })
            .transpose()
    };
    Ok(AuditFilter {
        organisation_id: Some(organisation_id),
        action: query.action,
        actor_id: id("actor_id", query.actor_id.as_deref())?,
        person_id: id("person_id", query.person_id.as_deref())?,
        from: day_start("from", query.from.as_deref(), 0)?,
        before: day_start("to", query.to.as_deref(), 1)?,
        limit: i64::from(page.size),
        offset: page.offset(),
        // As the people list: a million events are not counted per page.
        count_up_to: Some(page.offset() + crate::back_office::PEOPLE_COUNT_AHEAD),
    })
}

/// Verifies the keyed audit chain against the latest signed checkpoint.
///
/// Walks the whole chain: whether any event was changed, removed, inserted
/// or reordered since it was written, and whether the newest events were
/// cut off below a checkpoint. An intact chain's head is checkpointed, so that
/// a later removal of the newest events is found by the next verification.
/// The same check as `kartlegg audit verify`.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/audit/verify",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    responses(
        (status = 200, description = "The verification's result, intact or not", body = ChainVerification),
        Session, Auditors,
    )
)]
pub async fn verify(
    State(state): State<AppState>,
    cw: CaseworkerSession,
) -> Result<Json<ChainVerification>, ApiError> {
    cw.require(&[Role::Auditor])?;
    let result = state.audit.verify(state.store.as_ref()).await?;
    Ok(Json(ChainVerification {
        intact: result.intact(),
        events_checked: result.events_checked,
        first_broken_seq: result.first_broken_seq,
        failure: result.failure,
        head_seq: result.head_seq,
        checkpoint_seq: result.checkpoint_seq,
    }))
}
