//! The back office's typed client over the shared DTOs
//! (`kartlegg_shared::caseworker`). Errors are the server's problem+json,
//! decoded by the common client (`core::http`). The session is an HttpOnly
//! cookie; no token is handled here. Personal values (search text,
//! DUF-numbers) go in bodies, never in URLs.

use gloo_net::http::Request;
use kartlegg_shared::api::Registration;
use kartlegg_shared::caseworker::{
    AccessLogEntry, Account, AuditPage, AuditQuery, CaseworkerLoginRequest,
    CaseworkerLoginResponse, ChainVerification, CreatedAccount, ErasureRequest, IdentityUpdate,
    IssuedCode, Me, NewAccount, NewRemark, OutsideLookupRequest, OutsideLookupResult, PeoplePage,
    PeopleQuery, PeopleSort, PersonPage, PersonSummary, PrintProfile, Remark, Role, RolesUpdate,
    SearchRequest, SearchResponse, SortOrder,
};
use kartlegg_shared::integration::{
    ApiClientCreated, ApiClientView, Scope, WebhookDeliveryView, WebhookView,
};
use kartlegg_shared::statistics::{CompletionSeries, Distribution};
use serde::Serialize;

pub use crate::core::http::ApiError;
use crate::core::http::{send, send_empty, send_json, send_json_empty, send_json_text};

const BASE: &str = "/api/v1/caseworker";

fn url(path: &str) -> String {
    format!("{BASE}{path}")
}

/// Logs in; the server sets the session cookie.
pub async fn login(
    username: String,
    password: String,
    totp_code: Option<String>,
) -> Result<CaseworkerLoginResponse, ApiError> {
    send_json(
        Request::post(&url("/login")),
        &CaseworkerLoginRequest {
            username,
            password,
            totp_code,
        },
    )
    .await
}

/// Ends the session.
pub async fn logout() -> Result<(), ApiError> {
    send_empty(Request::post(&url("/logout"))).await
}

/// Who is logged in, or `Unauthorized`.
pub async fn me() -> Result<Me, ApiError> {
    send(Request::get(&url("/me"))).await
}

/// The search box.
pub async fn search(query: String) -> Result<SearchResponse, ApiError> {
    send_json(Request::post(&url("/search")), &SearchRequest { query }).await
}

/// Looks up a person outside the organisation by exact DUF-number.
pub async fn lookup(request: &OutsideLookupRequest) -> Result<OutsideLookupResult, ApiError> {
    send_json(Request::post(&url("/lookup")), request).await
}

/// The caller's worklist.
pub async fn worklist() -> Result<Vec<PersonSummary>, ApiError> {
    send(Request::get(&url("/worklist"))).await
}

/// Puts a person on the caller's worklist.
pub async fn worklist_add(person: &str) -> Result<(), ApiError> {
    send_empty(Request::put(&url(&format!("/worklist/{person}")))).await
}

/// Takes a person off the caller's worklist.
pub async fn worklist_remove(person: &str) -> Result<(), ApiError> {
    send_empty(Request::delete(&url(&format!("/worklist/{person}")))).await
}

/// The query string of the people list and its export (no personal data).
pub fn people_query_pairs(q: &PeopleQuery) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(state) = q.state {
        pairs.push(("state", state.as_str().to_owned()));
    }
    for (name, value) in [
        ("created_from", &q.created_from),
        ("created_to", &q.created_to),
        ("completed_from", &q.completed_from),
        ("completed_to", &q.completed_to),
    ] {
        if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
            pairs.push((name, v.clone()));
        }
    }
    if q.worklist_only {
        pairs.push(("worklist_only", "true".to_owned()));
    }
    if q.sort != PeopleSort::default() {
        pairs.push(("sort", sort_name(q.sort).to_owned()));
    }
    if q.order == SortOrder::Desc {
        pairs.push(("order", "desc".to_owned()));
    }
    if let Some(page) = q.page {
        pairs.push(("page", page.to_string()));
    }
    if let Some(size) = q.page_size {
        pairs.push(("page_size", size.to_string()));
    }
    pairs
}

/// The wire name of a sort key.
pub const fn sort_name(sort: PeopleSort) -> &'static str {
    match sort {
        PeopleSort::Name => "name",
        PeopleSort::DufNumber => "duf_number",
        PeopleSort::DateOfBirth => "date_of_birth",
        PeopleSort::State => "state",
        PeopleSort::CreatedAt => "created_at",
        PeopleSort::CompletedAt => "completed_at",
    }
}

fn with_query(path: &str, pairs: &[(&'static str, String)]) -> String {
    let mut out = url(path);
    for (i, (name, value)) in pairs.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(name);
        out.push('=');
        out.push_str(&String::from(js_sys::encode_uri_component(value)));
    }
    out
}

/// One page of the organisation's people.
pub async fn people(q: &PeopleQuery) -> Result<PeoplePage, ApiError> {
    send(Request::get(&with_query("/people", &people_query_pairs(q)))).await
}

/// The address of the CSV export of the filtered list (the page and size
/// are left out: the export is the whole list).
pub fn people_export_url(q: &PeopleQuery) -> String {
    let q = PeopleQuery {
        page: None,
        page_size: None,
        ..q.clone()
    };
    with_query("/people/export", &people_query_pairs(&q))
}

/// Everything the person page shows.
pub async fn person(id: &str) -> Result<PersonPage, ApiError> {
    send(Request::get(&url(&format!("/people/{id}")))).await
}

/// One registration of the person's history, with its answers.
pub async fn person_registration(
    id: &str,
    registration_id: &str,
) -> Result<Registration, ApiError> {
    send(Request::get(&url(&format!(
        "/people/{id}/registrations/{registration_id}"
    ))))
    .await
}

/// Opens "register together with the applicant" for the person.
pub async fn start_together(
    id: &str,
    request: &kartlegg_shared::together::StartTogether,
) -> Result<kartlegg_shared::together::TogetherSession, ApiError> {
    send_json(
        Request::post(&url(&format!("/people/{id}/together"))),
        request,
    )
    .await
}

/// The printable profile (logged as a read for printing).
pub async fn print_profile(id: &str) -> Result<PrintProfile, ApiError> {
    send(Request::get(&url(&format!("/people/{id}/print")))).await
}

/// The statistics filters as a query string's pairs (no personal data).
pub fn statistics_pairs(f: &StatisticsFilter) -> Vec<(&'static str, String)> {
    [
        ("from", &f.from),
        ("to", &f.to),
        ("age_band", &f.age_band),
        ("gender", &f.gender),
        ("organisation", &f.organisation),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(name, v)| (name, v.clone()))
    .collect()
}

/// What the statistics page counts: months `YYYY-MM`, the wire names of an
/// age band and a gender, an organisation's id (the directorate's
/// choice); empty for "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatisticsFilter {
    pub from: String,
    pub to: String,
    pub age_band: String,
    pub gender: String,
    pub organisation: String,
}

/// The organisations whose statistics the caller may read (the
/// directorate: every one; others: their own).
pub async fn statistics_organisations()
-> Result<Vec<kartlegg_shared::caseworker::OrganisationInfo>, ApiError> {
    send(Request::get(&url("/statistics/organisations"))).await
}

/// Completed registrations per `period` (`month` or `week`).
pub async fn statistics_completions(
    f: &StatisticsFilter,
    period: &'static str,
) -> Result<CompletionSeries, ApiError> {
    let mut pairs = statistics_pairs(f);
    pairs.push(("period", period.to_owned()));
    send(Request::get(&with_query("/statistics/completions", &pairs))).await
}

/// How the answers to one coded question are distributed.
pub async fn statistics_distribution(
    question: &str,
    f: &StatisticsFilter,
) -> Result<Distribution, ApiError> {
    send(Request::get(&with_query(
        &format!("/statistics/answers/{question}"),
        &statistics_pairs(f),
    )))
    .await
}

/// "Who has read this person's data".
pub async fn access_log(id: &str) -> Result<Vec<AccessLogEntry>, ApiError> {
    send(Request::get(&url(&format!("/people/{id}/access-log")))).await
}

/// Issues a new login code (ends the earlier one); shown once.
pub async fn issue_code(id: &str) -> Result<IssuedCode, ApiError> {
    send(Request::post(&url(&format!("/people/{id}/codes")))).await
}

/// Adds a remark.
pub async fn add_remark(id: &str, remark: &NewRemark) -> Result<Remark, ApiError> {
    send_json(
        Request::post(&url(&format!("/people/{id}/remarks"))),
        remark,
    )
    .await
}

/// Links a DUF-number as a duplicate of the person (the active identity).
pub async fn link_duplicate(
    id: &str,
    request: &kartlegg_shared::caseworker::DuplicateRequest,
) -> Result<kartlegg_shared::caseworker::DuplicateInfo, ApiError> {
    send_json(
        Request::post(&url(&format!("/people/{id}/duplicates"))),
        request,
    )
    .await
}

/// Registers an alias of the person.
pub async fn add_alias(
    id: &str,
    request: &kartlegg_shared::caseworker::AliasRequest,
) -> Result<kartlegg_shared::caseworker::AliasInfo, ApiError> {
    send_json(
        Request::post(&url(&format!("/people/{id}/aliases"))),
        request,
    )
    .await
}

/// Undoes a duplicate link made in error, with the reason.
pub async fn unlink_duplicate(id: &str, duplicate: &str, reason: String) -> Result<(), ApiError> {
    send_json_empty(
        Request::post(&url(&format!(
            "/people/{id}/duplicates/{duplicate}/unlinking"
        ))),
        &kartlegg_shared::caseworker::LinkRemovalRequest { reason },
    )
    .await
}

/// Removes an alias registered in error, with the reason.
pub async fn remove_alias(id: &str, alias: &str, reason: String) -> Result<(), ApiError> {
    send_json_empty(
        Request::post(&url(&format!("/people/{id}/aliases/{alias}/removal"))),
        &kartlegg_shared::caseworker::LinkRemovalRequest { reason },
    )
    .await
}

/// Corrects the identity (UDI 2021-007).
pub async fn correct_identity(
    id: &str,
    update: &IdentityUpdate,
) -> Result<kartlegg_shared::caseworker::PersonIdentity, ApiError> {
    send_json(
        Request::put(&url(&format!("/people/{id}/identity"))),
        update,
    )
    .await
}

/// One page of the organisation's audit log.
pub async fn audit(q: &AuditQuery) -> Result<AuditPage, ApiError> {
    let mut pairs: Vec<(&'static str, String)> = Vec::new();
    if let Some(action) = q.action {
        pairs.push(("action", action.as_str().to_owned()));
    }
    for (name, value) in [
        ("actor_id", &q.actor_id),
        ("person_id", &q.person_id),
        ("from", &q.from),
        ("to", &q.to),
    ] {
        if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
            pairs.push((name, v.clone()));
        }
    }
    if let Some(page) = q.page {
        pairs.push(("page", page.to_string()));
    }
    send(Request::get(&with_query("/audit", &pairs))).await
}

/// Checks the audit log's hash chain.
pub async fn verify_audit() -> Result<ChainVerification, ApiError> {
    send(Request::get(&url("/audit/verify"))).await
}

/// The organisation's accounts.
pub async fn accounts() -> Result<Vec<Account>, ApiError> {
    send(Request::get(&url("/accounts"))).await
}

/// Creates an account.
pub async fn create_account(account: &NewAccount) -> Result<CreatedAccount, ApiError> {
    send_json(Request::post(&url("/accounts")), account).await
}

/// Replaces an account's roles.
pub async fn set_roles(id: &str, roles: Vec<Role>) -> Result<Account, ApiError> {
    send_json(
        Request::put(&url(&format!("/accounts/{id}/roles"))),
        &RolesUpdate { roles },
    )
    .await
}

/// Ends every session of an applicant (the code stays valid).
pub async fn end_sessions(id: &str) -> Result<(), ApiError> {
    send_empty(Request::delete(&url(&format!("/people/{id}/sessions")))).await
}

/// Erases the person (for good), with the reason.
pub async fn erase_person(id: &str, request: &ErasureRequest) -> Result<(), ApiError> {
    send_json_empty(
        Request::post(&url(&format!("/people/{id}/erasure"))),
        request,
    )
    .await
}

/// Lets an account log in again at once after failed logins.
pub async fn clear_login_delay(id: &str) -> Result<(), ApiError> {
    send_empty(Request::delete(&url(&format!(
        "/accounts/{id}/login-delay"
    ))))
    .await
}

/// Disables an account (its sessions end at once).
pub async fn disable_account(id: &str) -> Result<Account, ApiError> {
    send(Request::post(&url(&format!("/accounts/{id}/disable")))).await
}

/// The organisation's API clients, with their credentials (never a secret).
pub async fn api_clients() -> Result<Vec<ApiClientView>, ApiError> {
    send(Request::get(&url("/api-clients"))).await
}

/// Registers an API client (`body`: a `NewApiClient` as JSON text); a
/// generated secret is in this answer only.
pub async fn create_api_client(body: String) -> Result<ApiClientCreated, ApiError> {
    send_json_text(Request::post(&url("/api-clients")), body).await
}

/// Adds a credential to a client (a rotation's first step; `body`: a
/// `NewCredential` as JSON text); a generated secret is in this answer only.
pub async fn add_client_credential(id: &str, body: String) -> Result<ApiClientCreated, ApiError> {
    send_json_text(
        Request::post(&url(&format!("/api-clients/{id}/credentials"))),
        body,
    )
    .await
}

/// Revokes one of a client's credentials (a rotation's last step).
pub async fn revoke_client_credential(
    id: &str,
    credential_id: &str,
) -> Result<ApiClientView, ApiError> {
    send(Request::delete(&url(&format!(
        "/api-clients/{id}/credentials/{credential_id}"
    ))))
    .await
}

/// `PUT …/api-clients/{id}/scopes`.
#[derive(Serialize)]
struct ScopesUpdate {
    scopes: Vec<Scope>,
}

/// Replaces a client's scopes.
pub async fn set_client_scopes(id: &str, scopes: Vec<Scope>) -> Result<ApiClientView, ApiError> {
    send_json(
        Request::put(&url(&format!("/api-clients/{id}/scopes"))),
        &ScopesUpdate { scopes },
    )
    .await
}

/// Disables a client: its tokens stop working at once.
pub async fn disable_api_client(id: &str) -> Result<ApiClientView, ApiError> {
    send(Request::post(&url(&format!("/api-clients/{id}/disable")))).await
}

/// A client's webhook endpoints.
pub async fn client_webhooks(client: &str) -> Result<Vec<WebhookView>, ApiError> {
    send(Request::get(&url(&format!(
        "/api-clients/{client}/webhooks"
    ))))
    .await
}

/// An endpoint's latest deliveries with their attempts.
pub async fn client_webhook_deliveries(
    client: &str,
    endpoint: &str,
) -> Result<Vec<WebhookDeliveryView>, ApiError> {
    send(Request::get(&url(&format!(
        "/api-clients/{client}/webhooks/{endpoint}/deliveries"
    ))))
    .await
}

/// Sends a finished delivery again.
pub async fn retry_client_delivery(
    client: &str,
    endpoint: &str,
    event: &str,
) -> Result<(), ApiError> {
    send_empty(Request::post(&url(&format!(
        "/api-clients/{client}/webhooks/{endpoint}/deliveries/{event}/retry"
    ))))
    .await
}
