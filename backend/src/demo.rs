//! The one place that seeds demo data, for the README's run command. Later
//! features add their demo people and accounts here. Seeding is idempotent:
//! running it again finds what is there; only the demo applicant's login
//! code is fresh on every start (codes are stored hashed, so an old one
//! cannot be shown again).

use chrono::{DateTime, Duration, Utc};
use kartlegg_shared::domain::DufNumber;

use crate::auth::code::LoginCode;
use crate::auth::login::issue_code;
use crate::auth::token::Keys;
use crate::db::{NewOrganisation, NewPerson, OrganisationKind, Store};

/// The demo organisation's number.
pub const DEMO_ORGANISATION_NUMBER: &str = "demo-0001";

/// The demo applicant's DUF-number: a made-up one in a year no real
/// DUF-number series uses for this (2024 … 0001).
pub const DEMO_DUF_NUMBER: &str = "202400000001";

/// What the seed made, for printing at start-up.
#[derive(Debug)]
pub struct DemoLogins {
    pub organisation: String,
    pub applicant_duf: DufNumber,
    /// A fresh code for the demo applicant.
    pub applicant_code: LoginCode,
}

/// Makes sure the demo data exists and issues the demo applicant a new code.
pub async fn seed(
    store: &dyn Store,
    keys: &Keys,
    now: DateTime<Utc>,
    code_ttl: Duration,
) -> anyhow::Result<DemoLogins> {
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
    let duf = DufNumber::parse(DEMO_DUF_NUMBER)?;
    let person = match store.person_by_duf(&duf).await? {
        Some(person) => person,
        None => {
            store
                .create_person(&NewPerson {
                    duf_number: duf.clone(),
                    organisation_id: organisation.id,
                    first_name: "Amina".into(),
                    last_name: "Demo".into(),
                })
                .await?
        }
    };
    let issued = issue_code(store, keys, &person, now, code_ttl).await?;
    Ok(DemoLogins {
        organisation: organisation.name,
        applicant_duf: duf,
        applicant_code: issued.code,
    })
}

impl DemoLogins {
    /// The lines printed under "Kartlegg is running".
    pub fn describe(&self) -> String {
        format!(
            "Demo organisation: {}\nDemo applicant: DUF-number {}, code {}",
            self.organisation,
            grouped_duf(&self.applicant_duf),
            self.applicant_code.display()
        )
    }
}

/// A DUF-number in groups of four, as printed on letters: `2024 0000 0001`.
pub fn grouped_duf(duf: &DufNumber) -> String {
    let d = duf.as_str();
    format!("{} {} {}", &d[..4], &d[4..8], &d[8..])
}
