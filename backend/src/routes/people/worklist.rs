//! The caller's worklist: reading it, adding and removing people.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use kartlegg_shared::caseworker::{AuditAction, PersonSummary};

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{SUMMARY_FIELDS, audit_reads, parse_id, person_in_org};
use crate::db::PeopleFilter;
use crate::dto;
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::routes::responses::{BadPath, NoSuchPerson, Readers, Session};

/// The caller's worklist with each person's registration state.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/worklist",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    responses(
        (status = 200, description = "The worklist, by name (logged as reads)", body = Vec<PersonSummary>),
        Session, Readers,
    )
)]
pub async fn worklist(
    State(state): State<AppState>,
    cw: CaseworkerSession,
) -> Result<Json<Vec<PersonSummary>>, ApiError> {
    cw.require_reader()?;
    let mut filter = PeopleFilter::new(cw.account.organisation_id, cw.account.id, 1000);
    filter.worklist_only = true;
    filter.count_up_to = Some(0);
    let (people, _) = state.store.people(&filter).await?;
    audit_reads(&state, &cw, AuditAction::List, &people, SUMMARY_FIELDS).await?;
    Ok(Json(people.iter().map(dto::summary).collect()))
}

/// Add a person to the caller's worklist (again is no change).
#[utoipa::path(
    put,
    path = "/api/v1/caseworker/worklist/{person_id}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("person_id" = String, Path, description = "The person's id")),
    responses(
        (status = 204, description = "On the worklist"),
        Session, Readers, NoSuchPerson, BadPath,
    )
)]
pub async fn add_to_worklist(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(person_id): AppPath<String>,
) -> Result<StatusCode, ApiError> {
    worklist_change(&state, &cw, &person_id, AuditAction::WorklistAdd).await
}

/// Take a person off the caller's worklist (absent is no change).
#[utoipa::path(
    delete,
    path = "/api/v1/caseworker/worklist/{person_id}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("person_id" = String, Path, description = "The person's id")),
    responses(
        (status = 204, description = "Off the worklist"),
        Session, Readers, NoSuchPerson, BadPath,
    )
)]
pub async fn remove_from_worklist(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(person_id): AppPath<String>,
) -> Result<StatusCode, ApiError> {
    worklist_change(&state, &cw, &person_id, AuditAction::WorklistRemove).await
}

async fn worklist_change(
    state: &AppState,
    cw: &CaseworkerSession,
    person_id: &str,
    action: AuditAction,
) -> Result<StatusCode, ApiError> {
    cw.require_reader()?;
    let listing = person_in_org(state, cw, parse_id(person_id)?).await?;
    let now = state.clock.now();
    if action == AuditAction::WorklistAdd {
        state
            .store
            .add_to_worklist(cw.account.id, listing.person.id, now)
            .await?;
    } else {
        state
            .store
            .remove_from_worklist(cw.account.id, listing.person.id)
            .await?;
    }
    let event = cw.event_about(action, now, &listing.person);
    state.record_audit(&[event]).await?;
    Ok(StatusCode::NO_CONTENT)
}
