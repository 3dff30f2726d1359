//! Storage for statistics: sums over the counts that completions add to
//! (`statistics_counts`, migration 0016; see `db/facts.rs`), never over
//! answers or people. A row counts distinct completed registrations of one
//! organisation (or, under the nil id, of all), question, month, code, age
//! band and gender; a registration lies in exactly one such cell, so sums
//! are exact counts of distinct registrations. Reading the counts rather
//! than the facts keeps every view under a second with a million
//! completions: a question of an organisation has at most months × codes ×
//! 21 rows, however many registrations there are.
//!
//! Both engines run the same SQL here, written once in `statistics_impl!`
//! (see the module documentation of `db` for why a macro).

use async_trait::async_trait;
use kartlegg_shared::caseworker::Gender;
use kartlegg_shared::statistics::AgeBand;
use uuid::Uuid;

use super::StoreError;

/// Which completed registrations a statistic counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactFilter {
    /// One organisation's, or every organisation's (the directorate).
    pub organisation_id: Option<Uuid>,
    /// First and last month (`YYYY-MM`), both included.
    pub from_month: Option<String>,
    pub to_month: Option<String>,
    pub age_band: Option<AgeBand>,
    pub gender: Option<Gender>,
}

/// How completions are grouped over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month,
    Week,
}

/// The statistics' storage operations (a part of [`super::Store`]).
#[async_trait]
pub trait StatisticsStore {
    /// How many registrations gave each code of `question`, by code (for
    /// `_registration`, the completions by ISO week).
    async fn code_counts(
        &self,
        question: &str,
        filter: &FactFilter,
    ) -> Result<Vec<(String, i64)>, StoreError>;

    /// How many registrations were completed, per month or ISO week, in
    /// order.
    async fn completions_per_period(
        &self,
        period: Period,
        filter: &FactFilter,
    ) -> Result<Vec<(String, i64)>, StoreError>;
}

/// The WHERE clause of a filter after `organisation_id = ? AND question =
/// ?`, with its values bound in the same order by `bind_filter!`.
pub(super) fn filter_sql(filter: &FactFilter) -> String {
    let mut sql = String::new();
    if filter.from_month.is_some() {
        sql.push_str(" AND completed_month >= ?");
    }
    if filter.to_month.is_some() {
        sql.push_str(" AND completed_month <= ?");
    }
    if filter.age_band.is_some() {
        sql.push_str(" AND age_band = ?");
    }
    if filter.gender.is_some() {
        sql.push_str(" AND gender = ?");
    }
    sql
}

/// The organisation whose counts a filter reads: its own, or the nil id
/// under which every organisation's completions are counted together.
pub(super) fn organisation(filter: &FactFilter) -> Uuid {
    filter.organisation_id.unwrap_or_else(Uuid::nil)
}

macro_rules! statistics_impl {
    ($store:ident, $read:ident, $d:path) => {
        mod statistics_store {
            use kartlegg_shared::statistics::COMPLETION_QUESTION;

            use crate::db::StoreError;
            use crate::db::statistics::{FactFilter, Period, StatisticsStore, filter_sql, organisation};

            /// Binds a filter's values in the order `filter_sql` wrote them.
            macro_rules! bind_filter {
                ($query:expr, $filter:expr) => {{
                    let mut query = $query;
                    if let Some(from) = &$filter.from_month {
                        query = query.bind(from.clone());
                    }
                    if let Some(to) = &$filter.to_month {
                        query = query.bind(to.clone());
                    }
                    if let Some(band) = $filter.age_band {
                        query = query.bind(band.as_str());
                    }
                    if let Some(gender) = $filter.gender {
                        query = query.bind(gender.as_str());
                    }
                    query
                }};
            }

            #[async_trait::async_trait]
            impl StatisticsStore for super::$store {
                async fn code_counts(
                    &self,
                    question: &str,
                    filter: &FactFilter,
                ) -> Result<Vec<(String, i64)>, StoreError> {
                    // SUM is NUMERIC on PostgreSQL; the cast keeps it an i64.
                    let sql = $d.sql(&format!(
                        "SELECT code, CAST(SUM(registrations) AS BIGINT) FROM statistics_counts \
                         WHERE organisation_id = ? AND question = ?{} GROUP BY code ORDER BY code",
                        filter_sql(filter)
                    ))
                    .into_owned();
                    let query = sqlx::query_as::<_, (String, i64)>(&sql)
                        .bind(organisation(filter))
                        .bind(question);
                    Ok(bind_filter!(query, filter).fetch_all(&self.$read).await?)
                }

                async fn completions_per_period(
                    &self,
                    period: Period,
                    filter: &FactFilter,
                ) -> Result<Vec<(String, i64)>, StoreError> {
                    // A completion's count has its ISO week as the code.
                    let column = match period {
                        Period::Month => "completed_month",
                        Period::Week => "code",
                    };
                    let sql = $d.sql(&format!(
                        "SELECT {column}, CAST(SUM(registrations) AS BIGINT) FROM statistics_counts \
                         WHERE organisation_id = ? AND question = ?{} \
                         GROUP BY {column} ORDER BY {column}",
                        filter_sql(filter)
                    ))
                    .into_owned();
                    let query = sqlx::query_as::<_, (String, i64)>(&sql)
                        .bind(organisation(filter))
                        .bind(COMPLETION_QUESTION);
                    Ok(bind_filter!(query, filter).fetch_all(&self.$read).await?)
                }
            }
        }
    };
}

pub(super) use statistics_impl;
