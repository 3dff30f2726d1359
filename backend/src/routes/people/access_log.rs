//! Who has read or changed the person's data.

use std::collections::HashMap;

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{AccessLogEntry, AuditAction, Role};
use kartlegg_shared::problem::Problem;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{parse_id, person_in_org};
use crate::db::AuditFilter;
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::registration::api_time;
use crate::routes::responses::{BadPath, NoSuchPerson, Session};

/// Who has read or changed this person's data, newest first (the latest 500).
///
/// Reading it is recorded too, so the answer starts with this read.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people/{id}/access-log",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 200, description = "The person's access log", body = Vec<AccessLogEntry>),
        (status = 403, description = "Needs the reader, counsellor or auditor role", body = Problem, content_type = "application/problem+json"),
        Session, NoSuchPerson, BadPath,
    )
)]
pub async fn access_log(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<Json<Vec<AccessLogEntry>>, ApiError> {
    cw.require(&[Role::Reader, Role::Counsellor, Role::Auditor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    // Who looked at who looked: the read of the log is itself a read of
    // the person's data, recorded before the answer leaves.
    let mut event = cw.event_about(
        AuditAction::ReadAccessLog,
        state.clock.now(),
        &listing.person,
    );
    event.fields = vec!["access_log".to_owned()];
    state.record_audit(&[event]).await?;
    let (events, _) = state
        .store
        .audit_events(&AuditFilter {
            person_id: Some(listing.person.id),
            limit: 500,
            ..AuditFilter::default()
        })
        .await?;
    let names: HashMap<_, _> = state
        .store
        .list_organisations()
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    Ok(Json(
        events
            .into_iter()
            .map(|e| AccessLogEntry {
                at: api_time(e.event.at),
                actor: e.event.actor,
                organisation: e.event.organisation_id.and_then(|o| names.get(&o).cloned()),
                action: e.event.action,
                fields: e.event.fields,
                reason: e.event.reason,
            })
            .collect(),
    ))
}
