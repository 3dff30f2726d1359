//! The look-up of a person outside the own organisation, with a reason.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{AuditAction, OutsideLookupRequest, OutsideLookupResult};
use kartlegg_shared::domain::DufNumber;
use kartlegg_shared::problem::{FieldError, Problem};

use kartlegg_shared::fields::LookupReason;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self, SUMMARY_FIELDS};
use crate::db::PeopleFilter;
use crate::error::ApiError;
use crate::extract::AppJson;
use crate::routes::responses::{Readers, Session};

/// Look up a person outside the own organisation by exact DUF-number, with
/// a reason. The lookup is logged (found or not) with the reason, and the
/// person's organisation can read that log. Gives the summary and who
/// follows the person up; the person page stays closed.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/lookup",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    request_body = OutsideLookupRequest,
    responses(
        (status = 200, description = "The person (logged with the reason)", body = OutsideLookupResult),
        (status = 404, description = "No one has this DUF-number", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a DUF-number, or no reason (at least 10 characters)", body = Problem, content_type = "application/problem+json"),
        Session, Readers,
    )
)]
pub async fn outside_lookup(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppJson(request): AppJson<OutsideLookupRequest>,
) -> Result<Json<OutsideLookupResult>, ApiError> {
    cw.require_reader()?;
    let mut errors = Vec::new();
    let duf = DufNumber::parse(&request.duf_number)
        .map_err(|e| errors.push(FieldError::new("duf_number", e.code, e.message)))
        .ok();
    let reason = LookupReason::parse(&request.reason)
        .map_err(|e| errors.push(FieldError::new("reason", e.code, e.message)))
        .ok();
    let (Some(duf), Some(reason)) = (duf, reason) else {
        return Err(ApiError::Validation(errors));
    };
    let now = state.clock.now();
    let mut event = cw.event(AuditAction::OutsideLookup, now);
    event.reason = Some(reason.as_str().to_owned());
    event.fields = vec!["duf_number".to_owned()];
    let Some(person) = state.store.person_by_duf(&duf).await? else {
        // A lookup that finds no one is logged too: it is a question asked.
        state.record_audit(&[event]).await?;
        return Err(ApiError::NotFound);
    };
    let mut filter = PeopleFilter::new(person.organisation_id, cw.account.id, 1);
    filter.person_id = Some(person.id);
    let (mut found, _) = state.store.people(&filter).await?;
    let listing = found.pop().ok_or(ApiError::NotFound)?;
    let organisation = state
        .store
        .organisation_by_id(person.organisation_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    event.person_id = Some(person.id);
    event.person_organisation_id = Some(person.organisation_id);
    event.fields = SUMMARY_FIELDS.iter().map(|f| (*f).to_owned()).collect();
    state.record_audit(&[event]).await?;
    Ok(Json(OutsideLookupResult {
        person: back_office::summary(&listing),
        organisation: back_office::organisation_info(&organisation),
    }))
}
