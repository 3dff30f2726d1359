//! Statistics: completed registrations over time and how the coded answers
//! are distributed, for the statistics role in the back office (its own
//! organisation; the directorate's, every organisation) and for API
//! clients with `statistics:read` (their organisation). Small counts are
//! hidden by `services::statistics` before anything is sent. The
//! directorate may narrow its statistics to one organisation.

use axum::Json;
use axum::extract::State;
use kartlegg_shared::caseworker::{Gender, OrganisationInfo, Role};
use kartlegg_shared::integration::Scope;
use kartlegg_shared::problem::Problem;
use kartlegg_shared::statistics::{AgeBand, CompletionSeries, Distribution};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::AppState;
use crate::auth::CaseworkerSession;
use crate::auth::client::ClientAccess;
use crate::db::{FactFilter, OrganisationKind, Period};
use crate::error::ApiError;
use crate::extract::{AppPath, AppQuery};
use crate::routes::responses::{BadPath, ClientToken, Session};
use crate::services::statistics;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(staff_completions))
        .routes(routes!(staff_distribution))
        .routes(routes!(staff_organisations))
        .routes(routes!(client_completions))
        .routes(routes!(client_distribution))
}

/// Which completed registrations to count.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatisticsQuery {
    /// First month, `YYYY-MM` (included).
    #[param(pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$")]
    pub from: Option<String>,
    /// Last month, `YYYY-MM` (included).
    #[param(pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$")]
    pub to: Option<String>,
    /// Only this age band (at completion).
    pub age_band: Option<AgeBand>,
    /// Only this gender.
    pub gender: Option<Gender>,
}

/// Whose registrations the back office's statistics count.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationQuery {
    /// Only this organisation's (its id, from
    /// `GET /api/v1/caseworker/statistics/organisations`). The directorate
    /// may name any; others only their own, which they get without it.
    #[param(format = "uuid")]
    pub organisation: Option<String>,
}

/// Completions per month or week.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// `month` (default) or `week` (ISO weeks).
    pub period: Option<PeriodName>,
}

/// The name of a period.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodName {
    Month,
    Week,
}

fn month(field: &str, value: Option<&String>) -> Result<Option<String>, ApiError> {
    value
        .map(|m| {
            let ok = m.len() == 7
                && m.as_bytes()[4] == b'-'
                && m[..4].bytes().all(|b| b.is_ascii_digit())
                && matches!(m[5..].parse::<u8>(), Ok(1..=12));
            if ok {
                Ok(m.clone())
            } else {
                Err(ApiError::field(
                    field,
                    "invalid_month",
                    "A month is YYYY-MM",
                ))
            }
        })
        .transpose()
}

fn filter(organisation_id: Option<Uuid>, q: &StatisticsQuery) -> Result<FactFilter, ApiError> {
    Ok(FactFilter {
        organisation_id,
        from_month: month("from", q.from.as_ref())?,
        to_month: month("to", q.to.as_ref())?,
        age_band: q.age_band,
        gender: q.gender,
    })
}

fn period(q: &PeriodQuery) -> Period {
    match q.period {
        Some(PeriodName::Week) => Period::Week,
        _ => Period::Month,
    }
}

/// The organisations a caseworker's statistics cover: the directorate's
/// every one, or the one it names; any other its own (naming another is
/// refused, not quietly ignored).
fn staff_scope(cw: &CaseworkerSession, q: &OrganisationQuery) -> Result<Option<Uuid>, ApiError> {
    cw.require(&[Role::Statistics])?;
    let named = q
        .organisation
        .as_deref()
        .map(|id| {
            crate::back_office::hyphenated_id(id).ok_or_else(|| {
                ApiError::field("organisation", "invalid_id", "Not an organisation's id")
            })
        })
        .transpose()?;
    if cw.organisation.kind == OrganisationKind::Directorate {
        return Ok(named);
    }
    match named {
        Some(id) if id != cw.organisation.id => Err(ApiError::field(
            "organisation",
            "not_allowed",
            "Statistics cover only your own organisation",
        )),
        _ => Ok(Some(cw.organisation.id)),
    }
}

/// The organisations whose statistics the caller may read, to choose
/// from: every one for the directorate, otherwise the caller's own.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/statistics/organisations",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    responses(
        (status = 200, description = "The organisations, by name", body = [OrganisationInfo]),
        (status = 403, description = "Needs the statistics role", body = Problem, content_type = "application/problem+json"),
        Session,
    )
)]
pub async fn staff_organisations(
    State(state): State<AppState>,
    cw: CaseworkerSession,
) -> Result<Json<Vec<OrganisationInfo>>, ApiError> {
    cw.require(&[Role::Statistics])?;
    if cw.organisation.kind != OrganisationKind::Directorate {
        return Ok(Json(vec![crate::dto::organisation_info(&cw.organisation)]));
    }
    let mut all = state.store.list_organisations().await?;
    all.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Json(
        all.iter().map(crate::dto::organisation_info).collect(),
    ))
}

/// Completed registrations per month or week (the statistics role). Counts
/// under five are hidden, and so is any count the total would give back.
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/statistics/completions",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(StatisticsQuery, PeriodQuery, OrganisationQuery),
    responses(
        (status = 200, description = "The completions per period", body = CompletionSeries),
        (status = 403, description = "Needs the statistics role", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A month, age band, gender, period or organisation that is not valid or not allowed", body = Problem, content_type = "application/problem+json"),
        Session,
    )
)]
pub async fn staff_completions(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppQuery(q): AppQuery<StatisticsQuery>,
    AppQuery(p): AppQuery<PeriodQuery>,
    AppQuery(o): AppQuery<OrganisationQuery>,
) -> Result<Json<CompletionSeries>, ApiError> {
    let f = filter(staff_scope(&cw, &o)?, &q)?;
    Ok(Json(statistics::completions(&state, period(&p), &f).await?))
}

/// How the answers to one coded question are distributed (the statistics
/// role). Counts under five are hidden, and so is any count the others and
/// the total would give back; fewer than five registrations in all is
/// "too few to show".
#[utoipa::path(
    get,
    path = "/api/v1/caseworker/statistics/answers/{question}",
    tag = "caseworker",
    security(("caseworker_session" = []), ("caseworker_cookie" = [])),
    params(("question" = String, Path, description = "A coded question's id, e.g. `mother_tongue` or `jobs.occupation`, or the derived figure `highest_education` (the highest ISCED-like level of school and education after school; `none`: never at school)"), StatisticsQuery, OrganisationQuery),
    responses(
        (status = 200, description = "The distribution", body = Distribution),
        (status = 403, description = "Needs the statistics role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No coded question with this id", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A month, age band, gender or organisation that is not valid or not allowed", body = Problem, content_type = "application/problem+json"),
        Session, BadPath,
    )
)]
pub async fn staff_distribution(
    State(state): State<AppState>,
    cw: CaseworkerSession,
    AppPath(question): AppPath<String>,
    AppQuery(q): AppQuery<StatisticsQuery>,
    AppQuery(o): AppQuery<OrganisationQuery>,
) -> Result<Json<Distribution>, ApiError> {
    let f = filter(staff_scope(&cw, &o)?, &q)?;
    Ok(Json(statistics::distribution(&state, &question, &f).await?))
}

/// Completed registrations of the client's organisation per month or week
/// (`statistics:read`), with the same suppression.
#[utoipa::path(
    get,
    path = "/api/v1/statistics/completions",
    tag = "statistics",
    security(("oauth2" = ["statistics:read"])),
    params(StatisticsQuery, PeriodQuery),
    responses(
        (status = 200, description = "The completions per period", body = CompletionSeries),
        (status = 422, description = "A month, age band, gender or period that is not valid", body = Problem, content_type = "application/problem+json"),
        ClientToken,
    )
)]
pub async fn client_completions(
    State(state): State<AppState>,
    access: ClientAccess,
    AppQuery(q): AppQuery<StatisticsQuery>,
    AppQuery(p): AppQuery<PeriodQuery>,
) -> Result<Json<CompletionSeries>, ApiError> {
    access.require(Scope::StatisticsRead)?;
    let f = filter(Some(access.client.organisation_id), &q)?;
    Ok(Json(statistics::completions(&state, period(&p), &f).await?))
}

/// How the answers to one coded question are distributed in the client's
/// organisation (`statistics:read`), with the same suppression.
#[utoipa::path(
    get,
    path = "/api/v1/statistics/answers/{question}",
    tag = "statistics",
    security(("oauth2" = ["statistics:read"])),
    params(("question" = String, Path, description = "A coded question's id, e.g. `mother_tongue` or `jobs.occupation`, or the derived figure `highest_education` (the highest ISCED-like level of school and education after school; `none`: never at school)"), StatisticsQuery),
    responses(
        (status = 200, description = "The distribution", body = Distribution),
        (status = 404, description = "No coded question with this id", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A month, age band or gender that is not valid", body = Problem, content_type = "application/problem+json"),
        ClientToken, BadPath,
    )
)]
pub async fn client_distribution(
    State(state): State<AppState>,
    access: ClientAccess,
    AppPath(question): AppPath<String>,
    AppQuery(q): AppQuery<StatisticsQuery>,
) -> Result<Json<Distribution>, ApiError> {
    access.require(Scope::StatisticsRead)?;
    let f = filter(Some(access.client.organisation_id), &q)?;
    Ok(Json(statistics::distribution(&state, &question, &f).await?))
}
