//! The person page.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::api::{ConsentRecord, Registration};
use kartlegg_shared::caseworker::{AuditAction, PersonPage, RegistrationHistoryEntry};

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::back_office::{self, PERSON_PAGE_FIELDS, parse_id, person_in_org};
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::registration::api_time;
use crate::routes::responses::{BadPath, NoSuchPerson, Readers, Session};

/// Everything the person page shows. Logged as a read of each field set.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people/{id}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 200, description = "The person (logged as read)", body = PersonPage),
        Session, Readers, NoSuchPerson, BadPath,
    )
)]
pub async fn person_page(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<Json<PersonPage>, ApiError> {
    cw.require_reader()?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let person = &listing.person;
    let store = state.store.as_ref();
    let registrations = store.registrations(person.id).await?;
    let consents = store.consents(person.id).await?;
    let code = store.latest_code(person.id).await?;
    let remarks = store.remarks(person.id).await?;
    let organisation = store
        .organisation_by_id(person.organisation_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let shown = back_office::shown_registration(&registrations);
    let now = state.clock.now();
    let mut event = cw.event_about(AuditAction::ReadPerson, now, person);
    event.registration_id = shown.map(|r| r.id);
    event.fields = PERSON_PAGE_FIELDS.iter().map(|f| (*f).to_owned()).collect();
    state.record_audit(&[event]).await?;
    Ok(Json(PersonPage {
        identity: back_office::identity(person),
        organisation: back_office::organisation_info(&organisation),
        state: listing.state,
        on_worklist: listing.on_worklist,
        registrations: registrations
            .iter()
            .map(|r| RegistrationHistoryEntry {
                id: r.id.to_string(),
                number: r.number,
                status: r.status,
                questionnaire_version: r.questionnaire_version,
                created_at: api_time(r.created_at),
                updated_at: api_time(r.updated_at),
                completed_at: r.completed_at.map(api_time),
            })
            .collect(),
        shown_registration: shown.map(Registration::from),
        consents: consents
            .into_iter()
            .map(|c| ConsentRecord {
                version: c.version,
                decision: c.decision,
                decided_at: api_time(c.decided_at),
            })
            .collect(),
        code: code.map(|c| back_office::code_info(&c, now)),
        remarks: remarks.iter().map(back_office::remark).collect(),
    }))
}
