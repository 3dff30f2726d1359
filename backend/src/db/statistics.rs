//! Storage for statistics: counts over the fact table that completions
//! write (migration 0011), never over answers or people. Every count is of
//! distinct registrations, so a person who gave two codes of one question
//! counts once for each code and once in the population.
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
    /// How many registrations gave each code of `question`, by code.
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

/// The WHERE clause of a filter after `question = ?`, with its values in
/// the order they bind (all text: months, ids as the engine binds them go
/// separately).
pub(super) fn filter_sql(filter: &FactFilter) -> String {
    let mut sql = String::new();
    if filter.organisation_id.is_some() {
        sql.push_str(" AND organisation_id = ?");
    }
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

macro_rules! statistics_impl {
    ($store:ident, $read:ident, $d:path) => {
        mod statistics_store {
            use kartlegg_shared::statistics::COMPLETION_QUESTION;

            use crate::db::StoreError;
            use crate::db::statistics::{FactFilter, Period, StatisticsStore, filter_sql};

            /// Binds a filter's values in the order `filter_sql` wrote them.
            macro_rules! bind_filter {
                ($query:expr, $filter:expr) => {{
                    let mut query = $query;
                    if let Some(id) = $filter.organisation_id {
                        query = query.bind(id);
                    }
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
                    let sql = $d.sql(&format!(
                        "SELECT code, COUNT(DISTINCT registration_id) FROM registration_facts \
                         WHERE question = ?{} GROUP BY code ORDER BY code",
                        filter_sql(filter)
                    ))
                    .into_owned();
                    let query = sqlx::query_as::<_, (String, i64)>(&sql).bind(question);
                    Ok(bind_filter!(query, filter).fetch_all(&self.$read).await?)
                }

                async fn completions_per_period(
                    &self,
                    period: Period,
                    filter: &FactFilter,
                ) -> Result<Vec<(String, i64)>, StoreError> {
                    let column = match period {
                        Period::Month => "completed_month",
                        Period::Week => "completed_week",
                    };
                    let sql = $d.sql(&format!(
                        "SELECT {column}, COUNT(*) FROM registration_facts WHERE question = ?{} \
                         GROUP BY {column} ORDER BY {column}",
                        filter_sql(filter)
                    ))
                    .into_owned();
                    let query = sqlx::query_as::<_, (String, i64)>(&sql).bind(COMPLETION_QUESTION);
                    Ok(bind_filter!(query, filter).fetch_all(&self.$read).await?)
                }
            }
        }
    };
}

pub(super) use statistics_impl;
