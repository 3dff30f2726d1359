//! Rows as both engines return them, and their conversion into domain types.
//! A stored value that no longer parses is reported as `Corrupt`, never
//! passed on.

use chrono::{DateTime, Utc};
use kartlegg_shared::domain::DufNumber;
use uuid::Uuid;

use super::{Organisation, Person, StoreError};

#[derive(sqlx::FromRow)]
pub(super) struct OrganisationRow {
    id: Uuid,
    number: String,
    name: String,
    kind: String,
    created_at: DateTime<Utc>,
}

impl TryFrom<OrganisationRow> for Organisation {
    type Error = StoreError;
    fn try_from(row: OrganisationRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            number: row.number,
            name: row.name,
            kind: row.kind.parse()?,
            created_at: row.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct PersonRow {
    id: Uuid,
    duf_number: String,
    organisation_id: Uuid,
    first_name: String,
    last_name: String,
    created_at: DateTime<Utc>,
}

impl TryFrom<PersonRow> for Person {
    type Error = StoreError;
    fn try_from(row: PersonRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            duf_number: DufNumber::parse(&row.duf_number)
                .map_err(|_| StoreError::Corrupt("duf_number".into()))?,
            organisation_id: row.organisation_id,
            first_name: row.first_name,
            last_name: row.last_name,
            created_at: row.created_at,
        })
    }
}

/// Converts a list of rows, failing on the first corrupt one.
pub(super) fn convert_all<R, T>(rows: Vec<R>) -> Result<Vec<T>, StoreError>
where
    T: TryFrom<R, Error = StoreError>,
{
    rows.into_iter().map(T::try_from).collect()
}
