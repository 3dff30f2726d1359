//! The caseworker's view of people: the search box, the outside-organisation
//! lookup, lists with filters and their CSV export, the person page and its
//! access log, codes, remarks, identity corrections and the worklist.
//!
//! Every handler checks the role first (403), then that the person belongs
//! to the caller's organisation (404, the same as no one). Every answer
//! that carries a person's data writes an audit event per person before it
//! leaves. Personal values (search text, DUF-numbers) travel in bodies;
//! paths carry only person ids.

use std::collections::HashMap;

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use kartlegg_shared::api::{ConsentRecord, Registration};
use kartlegg_shared::caseworker::{
    AccessLogEntry, AuditAction, IdentityUpdate, IssuedCode, LOOKUP_REASON_MIN_CHARS,
    NAME_MAX_CHARS, NewRemark, OutsideLookupRequest, OutsideLookupResult, PeoplePage, PeopleQuery,
    PersonIdentity, PersonPage, PersonSummary, REMARK_MAX_CHARS, RegistrationHistoryEntry, Remark,
    Role, SEARCH_LIMIT, SearchKind, SearchRequest, SearchResponse,
};
use kartlegg_shared::codes::{CodeListId, shipped};
use kartlegg_shared::domain::{DufNumber, NationalId, RegistrationNumber};
use kartlegg_shared::problem::{FieldError, Problem};
use kartlegg_shared::search::SearchQuery;
use kartlegg_shared::text::{Lines, check_text};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::auth::login::issue_code;
use crate::back_office::{
    self, PERSON_PAGE_FIELDS, REGISTRATION_FIELDS, SUMMARY_FIELDS, audit_reads, parse_id,
    person_in_org,
};
use crate::db::{AuditFilter, IdentityChange, PeopleFilter, PersonMatch, StoreError, fold_name};
use crate::error::ApiError;
use crate::extract::{AppJson, AppPath, AppQuery};
use crate::registration::api_time;
use crate::routes::responses::{BadPath, Counsellors, NoSuchPerson, Readers, Session};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search))
        .routes(routes!(outside_lookup))
        .routes(routes!(list_people))
        .routes(routes!(export_people))
        .routes(routes!(person_page))
        .routes(routes!(person_registration))
        .routes(routes!(access_log))
        .routes(routes!(issue_new_code))
        .routes(routes!(end_sessions))
        .routes(routes!(add_remark))
        .routes(routes!(correct_identity))
        .routes(routes!(worklist))
        .routes(routes!(add_to_worklist, remove_from_worklist))
}

/// Search the own organisation's people with the one search box. The text
/// decides what is searched (see `SearchRequest`). A DUF-number of someone
/// outside the organisation finds no one here: use `POST /lookup`.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/search",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    request_body = SearchRequest,
    responses(
        (status = 200, description = "Matches (logged as reads)", body = SearchResponse),
        (status = 422, description = "The text cannot be searched; `errors[0].code` says why \
                                       (`national_id_check_digits`, `invalid_date`, `invalid_number_length`, …)",
         body = Problem, content_type = "application/problem+json"),
        Session, Readers,
    )
)]
pub async fn search(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppJson(request): AppJson<SearchRequest>,
) -> Result<Json<SearchResponse>, ApiError> {
    cw.require_reader()?;
    let query = SearchQuery::parse(&request.query)
        .map_err(|e| ApiError::field("query", e.code, e.message))?;
    let (kind, matching) = match query {
        SearchQuery::DufNumber(d) => (
            SearchKind::DufNumber,
            PersonMatch::DufNumber(d.as_str().to_owned()),
        ),
        SearchQuery::RegistrationNumber(r) => (
            SearchKind::RegistrationNumber,
            PersonMatch::RegistrationNumber(r),
        ),
        SearchQuery::NationalId(n) => (SearchKind::NationalId, PersonMatch::NationalId(n)),
        SearchQuery::DateOfBirth(d) => (SearchKind::DateOfBirth, PersonMatch::DateOfBirth(d)),
        SearchQuery::Name(n) => (
            SearchKind::Name,
            PersonMatch::Name {
                surname: n.surname.as_deref().map(fold_name),
                first_name: n.first_name.as_deref().map(fold_name),
                words: n.words.iter().map(|w| fold_name(w)).collect(),
            },
        ),
    };
    let limit = i64::try_from(SEARCH_LIMIT).unwrap_or(50);
    let mut filter = PeopleFilter::new(cw.account.organisation_id, cw.account.id, limit + 1);
    filter.matching = Some(matching);
    let (mut found, _) = state.store.people(&filter).await?;
    let truncated = found.len() > SEARCH_LIMIT;
    found.truncate(SEARCH_LIMIT);
    audit_reads(&state, &cw, AuditAction::Search, &found, SUMMARY_FIELDS).await?;
    Ok(Json(SearchResponse {
        kind,
        results: found.iter().map(back_office::summary).collect(),
        truncated,
    }))
}

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
    let reason = request.reason.trim().to_owned();
    if let Err(e) = check_text(&request.reason, Lines::Many) {
        errors.push(FieldError::new("reason", e.code, e.message));
    } else if reason.chars().count() < LOOKUP_REASON_MIN_CHARS {
        errors.push(FieldError::new(
            "reason",
            "reason_required",
            "Say why you look this person up (at least 10 characters)",
        ));
    }
    let Some(duf) = duf.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let now = state.clock.now();
    let mut event = cw.event(AuditAction::OutsideLookup, now);
    event.reason = Some(reason);
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

/// The organisation's people with filters, sorting and paging.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(PeopleQuery),
    responses(
        (status = 200, description = "One page (each person on it logged as read)", body = PeoplePage),
        (status = 422, description = "A bad filter, date or page", body = Problem, content_type = "application/problem+json"),
        Session, Readers,
    )
)]
pub async fn list_people(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppQuery(query): AppQuery<PeopleQuery>,
) -> Result<Json<PeoplePage>, ApiError> {
    cw.require_reader()?;
    let filter = back_office::people_filter(&cw, &query)?;
    let (items, total) = state.store.people(&filter).await?;
    audit_reads(&state, &cw, AuditAction::List, &items, SUMMARY_FIELDS).await?;
    let page = back_office::paging(query.page, query.page_size)?;
    Ok(Json(PeoplePage {
        items: items.iter().map(back_office::summary).collect(),
        total,
        page: page.number,
        page_size: page.size,
    }))
}

/// The rows of one export read: a page of the store at a time.
const EXPORT_CHUNK: i64 = 500;

/// The filtered list (all pages; paging parameters are checked, then
/// ignored) as CSV,
/// streamed in chunks. Each chunk's people are logged as exported before
/// the chunk is sent.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people/export",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(PeopleQuery),
    responses(
        (status = 200, description = "`kartlegg-people.csv`: duf_number, last_name, first_name, date_of_birth, state, completed_at, created_at",
         content_type = "text/csv", body = String,
         headers(("Content-Disposition" = String, description = "attachment"))),
        (status = 422, description = "A bad filter or date", body = Problem, content_type = "application/problem+json"),
        Session, Readers,
    )
)]
pub async fn export_people(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppQuery(mut query): AppQuery<PeopleQuery>,
) -> Result<Response, ApiError> {
    cw.require_reader()?;
    // Checked like the list's, so that a bad one is refused the same way,
    // then ignored: the export is every page.
    back_office::paging(query.page, query.page_size)?;
    query.page = None;
    query.page_size = None;
    let mut filter = back_office::people_filter(&cw, &query)?;
    filter.limit = EXPORT_CHUNK;
    let header = back_office::csv_line(&[
        "duf_number",
        "last_name",
        "first_name",
        "date_of_birth",
        "state",
        "completed_at",
        "created_at",
    ]);
    let chunks = stream::try_unfold(Some((state, cw, filter)), |next| async move {
        let Some((state, cw, mut filter)) = next else {
            return Ok::<_, ApiError>(None);
        };
        let (rows, _) = state.store.people(&filter).await?;
        if rows.is_empty() {
            return Ok(None);
        }
        audit_reads(&state, &cw, AuditAction::Export, &rows, SUMMARY_FIELDS).await?;
        let mut text = String::new();
        for row in &rows {
            let p = &row.person;
            text.push_str(&back_office::csv_line(&[
                p.duf_number.as_str(),
                &p.last_name,
                &p.first_name,
                &p.date_of_birth.map(|d| d.to_string()).unwrap_or_default(),
                row.state.as_str(),
                &row.completed_at.map(api_time).unwrap_or_default(),
                &api_time(p.created_at),
            ]));
        }
        let more = i64::try_from(rows.len()).unwrap_or(0) == filter.limit;
        filter.offset += filter.limit;
        Ok(Some((
            Bytes::from(text),
            more.then_some((state, cw, filter)),
        )))
    });
    let body = stream::iter([Ok::<_, ApiError>(Bytes::from(header))]);
    let body = futures_util::StreamExt::chain(body, chunks);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"kartlegg-people.csv\""),
            ),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

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
    let mut event = cw.event(AuditAction::ReadPerson, now);
    event.person_id = Some(person.id);
    event.person_organisation_id = Some(person.organisation_id);
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

/// One of the person's registrations with its answers, any of the history
/// (the person page shows the latest completed one by default). Logged as
/// a read of the person naming the registration.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/people/{id}/registrations/{registration_id}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(
        ("id" = String, Path, description = "The person's id"),
        ("registration_id" = String, Path, description = "The registration's id (from the person page's `registrations`)"),
    ),
    responses(
        (status = 200, description = "The registration with its answers (logged as read)", body = Registration),
        (status = 404, description = "No such person in the caller's organisation, or no such registration of theirs", body = Problem, content_type = "application/problem+json"),
        Session, Readers, BadPath,
    )
)]
pub async fn person_registration(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath((id, registration_id)): AppPath<(String, String)>,
) -> Result<Json<Registration>, ApiError> {
    cw.require_reader()?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let registration_id = parse_id(&registration_id)?;
    let person = &listing.person;
    // Through the person's own history, so that an id of someone else's
    // registration finds nothing.
    let registration = state
        .store
        .registrations(person.id)
        .await?
        .into_iter()
        .find(|r| r.id == registration_id)
        .ok_or(ApiError::NotFound)?;
    let mut event = cw.event(AuditAction::ReadPerson, state.clock.now());
    event.person_id = Some(person.id);
    event.person_organisation_id = Some(person.organisation_id);
    event.registration_id = Some(registration.id);
    event.fields = REGISTRATION_FIELDS
        .iter()
        .map(|f| (*f).to_owned())
        .collect();
    state.record_audit(&[event]).await?;
    Ok(Json(Registration::from(&registration)))
}

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
    let mut event = cw.event(AuditAction::ReadAccessLog, state.clock.now());
    event.person_id = Some(listing.person.id);
    event.person_organisation_id = Some(listing.person.organisation_id);
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

/// Issue a new login code, ending any earlier one and every session opened
/// with it. The code is in this answer only: it is stored as a keyed hash
/// and cannot be shown again. At most five codes a day per person (the
/// bound on guessing depends on it).
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/codes",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 201, description = "The new code, shown once", body = IssuedCode),
        (status = 409, description = "The person has been given five codes in the last 24 hours", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson, BadPath,
    )
)]
pub async fn issue_new_code(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<(StatusCode, Json<IssuedCode>), ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let now = state.clock.now();
    let issued = issue_code(
        state.store.as_ref(),
        &state.keys,
        &listing.person,
        now,
        state.config.code_ttl,
    )
    .await?;
    let mut event = cw.event(AuditAction::IssueCode, now);
    event.person_id = Some(listing.person.id);
    event.person_organisation_id = Some(listing.person.organisation_id);
    event.fields = vec!["login_code".to_owned()];
    state.record_audit(&[event]).await?;
    Ok((
        StatusCode::CREATED,
        Json(IssuedCode {
            code: issued.code.display(),
            expires_at: api_time(issued.expires_at),
        }),
    ))
}

/// End every session the applicant has open (for example on a shared
/// computer at the reception centre). The code stays valid: if it may be
/// known to someone else, issue a new code, which ends it.
#[utoipa::path(
    delete,
    path = "/api/v1/caseworker/people/{id}/sessions",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    responses(
        (status = 204, description = "Every session of the applicant has ended"),
        Session, Counsellors, NoSuchPerson, BadPath,
    )
)]
pub async fn end_sessions(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
) -> Result<StatusCode, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let now = state.clock.now();
    let ended = state
        .store
        .end_person_sessions(listing.person.id, now)
        .await?;
    let mut event = cw.event(AuditAction::EndSessions, now);
    event.person_id = Some(listing.person.id);
    event.person_organisation_id = Some(listing.person.organisation_id);
    event.fields = vec![format!("sessions:{ended}")];
    state.record_audit(&[event]).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Add a remark to the person.
#[utoipa::path(
    post,
    path = "/api/v1/caseworker/people/{id}/remarks",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    request_body = NewRemark,
    responses(
        (status = 201, description = "The remark", body = Remark),
        (status = 422, description = "Empty or longer than 4000 characters", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson,
    )
)]
pub async fn add_remark(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<NewRemark>,
) -> Result<(StatusCode, Json<Remark>), ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    check_text(&request.text, Lines::Many)
        .map_err(|e| ApiError::field("text", e.code, e.message))?;
    // The length as sent, as the document states it; blank is no remark.
    let text = request.text.trim();
    if text.is_empty() || request.text.chars().count() > REMARK_MAX_CHARS {
        return Err(ApiError::field(
            "text",
            "invalid_length",
            "A remark has 1 to 4000 characters",
        ));
    }
    let now = state.clock.now();
    let remark = state
        .store
        .add_remark(listing.person.id, cw.account.id, text, now)
        .await?;
    let mut event = cw.event(AuditAction::AddRemark, now);
    event.person_id = Some(listing.person.id);
    event.person_organisation_id = Some(listing.person.organisation_id);
    event.fields = vec!["remarks".to_owned()];
    state.record_audit(&[event]).await?;
    Ok((StatusCode::CREATED, Json(back_office::remark(&remark))))
}

/// Correct the person's basic identity. The whole identity is sent; the
/// audit event names the fields that changed and keeps the reason.
#[utoipa::path(
    put,
    path = "/api/v1/caseworker/people/{id}/identity",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("id" = String, Path, description = "The person's id")),
    request_body = IdentityUpdate,
    responses(
        (status = 200, description = "The corrected identity", body = PersonIdentity),
        (status = 409, description = "The national identity number belongs to another person; the refused attempt is audited", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values; `errors` names each", body = Problem, content_type = "application/problem+json"),
        Session, Counsellors, NoSuchPerson,
    )
)]
pub async fn correct_identity(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(id): AppPath<String>,
    AppJson(request): AppJson<IdentityUpdate>,
) -> Result<Json<PersonIdentity>, ApiError> {
    cw.require(&[Role::Counsellor])?;
    let listing = person_in_org(&state, &cw, parse_id(&id)?).await?;
    let (change, reason) = identity_change(&request)?;
    let before = &listing.person;
    let mut changed = Vec::new();
    let mut note = |field: &str, differs: bool| {
        if differs {
            changed.push(field.to_owned());
        }
    };
    note("first_name", before.first_name != change.first_name);
    note("last_name", before.last_name != change.last_name);
    note(
        "date_of_birth",
        before.date_of_birth != change.date_of_birth,
    );
    note("gender", before.gender != change.gender);
    note("citizenships", before.citizenships != change.citizenships);
    note(
        "registration_number",
        before.registration_number != change.registration_number,
    );
    note("national_id", before.national_id != change.national_id);
    let after = match state.store.update_identity(before.id, &change).await {
        Ok(after) => after,
        Err(StoreError::Conflict(_)) => {
            // The attempt is recorded against the person being corrected
            // only: the other holder of the number (perhaps in another
            // organisation) is neither named nor looked up, so the log
            // tells this organisation's auditors nothing about them.
            let mut event = cw.event(AuditAction::IdentityRefused, state.clock.now());
            event.person_id = Some(before.id);
            event.person_organisation_id = Some(before.organisation_id);
            event.fields = vec!["national_id".to_owned()];
            event.reason = Some(reason);
            state.record_audit(&[event]).await?;
            return Err(ApiError::Conflict(
                "This national identity number belongs to another person".into(),
            ));
        }
        Err(other) => return Err(other.into()),
    };
    let mut event = cw.event(AuditAction::CorrectIdentity, state.clock.now());
    event.person_id = Some(before.id);
    event.person_organisation_id = Some(before.organisation_id);
    event.fields = changed;
    event.reason = Some(reason);
    state.record_audit(&[event]).await?;
    Ok(Json(back_office::identity(&after)))
}

/// Validates an identity correction, collecting every field error.
fn identity_change(request: &IdentityUpdate) -> Result<(IdentityChange, String), ApiError> {
    let mut errors = Vec::new();
    let mut name = |field: &str, value: &str| {
        if let Err(e) = check_text(value, Lines::One) {
            errors.push(FieldError::new(field, e.code, e.message));
            return String::new();
        }
        let too_long = value.chars().count() > NAME_MAX_CHARS;
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() || too_long {
            errors.push(FieldError::new(
                field,
                "invalid_name",
                "A name has 1 to 200 characters",
            ));
        }
        value
    };
    let first_name = name("first_name", &request.first_name);
    let last_name = name("last_name", &request.last_name);
    let date_of_birth = match request.date_of_birth.as_deref() {
        None => None,
        Some(d) => back_office::iso_date(d)
            .map_err(|e| errors.push(FieldError::new("date_of_birth", e.code, e.message)))
            .ok(),
    };
    let countries = shipped(CodeListId::Countries);
    let mut citizenships = Vec::new();
    for (i, code) in request.citizenships.iter().enumerate() {
        let code = code.trim().to_uppercase();
        if countries.contains(&code) || code == "XUK" || code == "XXX" {
            if !citizenships.contains(&code) {
                citizenships.push(code);
            }
        } else {
            errors.push(FieldError::new(
                format!("citizenships[{i}]"),
                "unknown_country",
                "Not a country code (ISO 3166 alpha-3), XUK or XXX",
            ));
        }
    }
    let registration_number = match request
        .registration_number
        .as_deref()
        .filter(|r| !r.is_empty())
    {
        None => None,
        Some(r) => RegistrationNumber::parse(r)
            .map_err(|e| errors.push(FieldError::new("registration_number", e.code, e.message)))
            .ok(),
    };
    let national_id = match request.national_id.as_deref().filter(|n| !n.is_empty()) {
        None => None,
        Some(n) => NationalId::parse(n)
            .map_err(|e| errors.push(FieldError::new("national_id", e.code, e.message)))
            .ok(),
    };
    let reason = request.reason.trim().to_owned();
    if let Err(e) = check_text(&request.reason, Lines::Many) {
        errors.push(FieldError::new("reason", e.code, e.message));
    } else if reason.is_empty() {
        errors.push(FieldError::new(
            "reason",
            "reason_required",
            "Say why the identity is corrected",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok((
        IdentityChange {
            first_name,
            last_name,
            date_of_birth,
            gender: request.gender,
            citizenships,
            registration_number,
            national_id,
        },
        reason,
    ))
}

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
    let (people, _) = state.store.people(&filter).await?;
    audit_reads(&state, &cw, AuditAction::List, &people, SUMMARY_FIELDS).await?;
    Ok(Json(people.iter().map(back_office::summary).collect()))
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
    let mut event = cw.event(action, now);
    event.person_id = Some(listing.person.id);
    event.person_organisation_id = Some(listing.person.organisation_id);
    state.record_audit(&[event]).await?;
    Ok(StatusCode::NO_CONTENT)
}
