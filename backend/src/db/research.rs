//! Storage for the research extract: what the anonymisation needs of each
//! completed registration in a period, and nothing more (the birth year,
//! not the date; the organisation's kind and number, not its name; no
//! identifier of the person or the registration).
//!
//! Both engines run the same SQL here, written once in `research_impl!`
//! (see the module documentation of `db` for why a macro).

use async_trait::async_trait;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use kartlegg_shared::caseworker::Gender;
use kartlegg_shared::questionnaire::Answers;

use super::{OrganisationKind, StoreError};

/// One completed registration, as the extract starts from it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResearchSource {
    pub completed_at: DateTime<Utc>,
    pub birth_year: Option<i32>,
    pub gender: Option<Gender>,
    pub organisation_kind: OrganisationKind,
    pub organisation_number: String,
    pub answers: Answers,
}

/// The research extract's storage operation (a part of [`super::Store`]).
#[async_trait]
pub trait ResearchStore {
    /// Every registration completed at or after `from` and before `to`, in
    /// completion order.
    async fn completed_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<ResearchSource>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(super) struct SourceRow {
    completed_at: DateTime<Utc>,
    date_of_birth: Option<NaiveDate>,
    gender: Option<String>,
    kind: String,
    number: String,
    answers: String,
}

impl TryFrom<SourceRow> for ResearchSource {
    type Error = StoreError;
    fn try_from(row: SourceRow) -> Result<Self, Self::Error> {
        Ok(Self {
            completed_at: row.completed_at,
            birth_year: row.date_of_birth.map(|d| d.year()),
            gender: match row.gender.as_deref() {
                None => None,
                Some("male") => Some(Gender::Male),
                Some("female") => Some(Gender::Female),
                Some(other) => return Err(StoreError::Corrupt(format!("gender {other:?}"))),
            },
            organisation_kind: row.kind.parse()?,
            organisation_number: row.number,
            answers: serde_json::from_str(&row.answers)
                .map_err(|e| StoreError::Corrupt(format!("answers: {e}")))?,
        })
    }
}

/// Expands to `impl ResearchStore for $store`.
macro_rules! research_impl {
    ($store:ident, $read:ident, $d:path) => {
        mod research_store {
            use chrono::{DateTime, Utc};

            use crate::db::StoreError;
            use crate::db::research::{ResearchSource, ResearchStore, SourceRow};

            #[async_trait::async_trait]
            impl ResearchStore for super::$store {
                async fn completed_between(
                    &self,
                    from: DateTime<Utc>,
                    to: DateTime<Utc>,
                ) -> Result<Vec<ResearchSource>, StoreError> {
                    // CAST: PostgreSQL keeps answers as JSONB, SQLite as text.
                    let rows: Vec<SourceRow> = sqlx::query_as(&$d.sql(
                        "SELECT r.completed_at, p.date_of_birth, p.gender, o.kind, o.number, \
                         CAST(r.answers AS TEXT) AS answers FROM registrations r \
                         JOIN people p ON p.id = r.person_id \
                         JOIN organisations o ON o.id = p.organisation_id \
                         WHERE r.status = 'completed' AND r.completed_at >= ? \
                         AND r.completed_at < ? ORDER BY r.completed_at, r.id",
                    ))
                    .bind(from)
                    .bind(to)
                    .fetch_all(&self.$read)
                    .await?;
                    rows.into_iter().map(TryInto::try_into).collect()
                }
            }
        }
    };
}

pub(super) use research_impl;
