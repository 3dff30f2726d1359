//! The one place that seeds demo data, for the README's run command. Later
//! features add their demo people and accounts here. Seeding is idempotent:
//! running it again finds what is there.

use crate::db::{NewOrganisation, OrganisationKind, Store};

/// The demo organisation's number.
pub const DEMO_ORGANISATION_NUMBER: &str = "demo-0001";

/// What the seed made, for printing at start-up.
#[derive(Debug)]
pub struct DemoLogins {
    pub organisation: String,
}

/// Makes sure the demo data exists.
pub async fn seed(store: &dyn Store) -> anyhow::Result<DemoLogins> {
    let organisation = match store
        .organisation_by_number(DEMO_ORGANISATION_NUMBER)
        .await?
    {
        Some(org) => org,
        None => {
            store
                .create_organisation(&NewOrganisation {
                    number: DEMO_ORGANISATION_NUMBER.into(),
                    name: "Demo mottak".into(),
                    kind: OrganisationKind::ReceptionCentre,
                })
                .await?
        }
    };
    Ok(DemoLogins {
        organisation: organisation.name,
    })
}

impl DemoLogins {
    /// The lines printed under "Kartlegg is running".
    pub fn describe(&self) -> String {
        format!("Demo organisation: {}", self.organisation)
    }
}
