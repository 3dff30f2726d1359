//! Issue a login code to a person.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use kartlegg_shared::caseworker::{AuditAction, IssuedCode};
use kartlegg_shared::integration::Scope;
use kartlegg_shared::problem::Problem;

use super::idempotency;
use crate::AppState;
use crate::auth::client::ClientAccess;
use crate::auth::login::issue_code as issue;
use crate::dto::api_time;
use crate::error::ApiError;
use crate::extract::AppPath;
use crate::routes::responses::{BadPath, ClientToken, NoSuchPersonOfClient};
use crate::services::integration::{duf, person_of_client};

/// Issue a new login code to a person of the organisation, for the system
/// to hand over. It ends the person's earlier code and every session
/// opened with it. The code is in this answer only (stored as a keyed
/// hash); send an `Idempotency-Key` so that a retry gets the same code
/// instead of a new one. At most five codes a person a day. Needs
/// `codes:issue`; audited.
#[utoipa::path(
    post,
    path = "/api/v1/people/{duf_number}/codes",
    tag = "codes",
    security(("oauth2" = ["codes:issue"])),
    params(
        ("duf_number" = String, Path, description = "The DUF-number, 12 digits"),
        ("Idempotency-Key" = Option<String>, Header, description = "A unique key per request, kept 24 hours"),
    ),
    responses(
        (status = 201, description = "The new code, shown once", body = IssuedCode),
        (status = 409, description = "Five codes were issued in the last 24 hours, or a request with this Idempotency-Key is still being processed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The DUF-number is not 12 digits, or the Idempotency-Key was used with another request", body = Problem, content_type = "application/problem+json"),
        ClientToken, NoSuchPersonOfClient, BadPath,
    )
)]
pub async fn issue_code(
    State(state): State<AppState>,
    access: ClientAccess,
    headers: HeaderMap,
    AppPath(duf_number): AppPath<String>,
) -> Result<Response, ApiError> {
    access.require(Scope::CodesIssue)?;
    let duf = duf("duf_number", &duf_number)?;
    let operation = format!("people/{}/codes", duf.as_str());
    idempotency::once(&state, &access, &headers, &operation, &[], || async {
        let person = person_of_client(&state, &access, &duf).await?.person;
        let now = state.clock.now();
        let issued = issue(
            state.store.as_ref(),
            &state.keys,
            &person,
            now,
            state.config.code_ttl,
        )
        .await?;
        let mut event = access.event_about(AuditAction::IssueCode, now, &person);
        event.fields = vec!["login_code".to_owned()];
        state.record_audit(&[event]).await?;
        let body = IssuedCode {
            code: issued.code.display(),
            expires_at: api_time(issued.expires_at),
        };
        Ok((StatusCode::CREATED, Json(body)).into_response())
    })
    .await
}
