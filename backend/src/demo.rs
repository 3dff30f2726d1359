//! The one place that seeds demo data, for the README's run command. Later
//! features add their demo people and accounts here. Seeding is idempotent:
//! running it again finds what is there; only the demo applicant's login
//! code is fresh on every start (codes are stored hashed, so an old one
//! cannot be shown again).

use chrono::{DateTime, Duration, Utc};
use kartlegg_shared::caseworker::{Gender, Role};
use kartlegg_shared::domain::{Date, DufNumber};
use kartlegg_shared::identity::IdentityDetails;

use crate::auth::code::LoginCode;
use crate::auth::login::issue_code;
use crate::auth::token::Keys;
use crate::db::{
    ChangeLog, IdentityChange, NewOrganisation, NewPerson, Organisation, OrganisationKind, Person,
    Store,
};
use crate::services::accounts::{self, NewAccount};

/// The demo organisation's number.
pub const DEMO_ORGANISATION_NUMBER: &str = "demo-0001";

/// The demo applicant's DUF-number: a made-up one in a year no real
/// DUF-number series uses for this (2024 … 0001).
pub const DEMO_DUF_NUMBER: &str = "202400000001";

/// The password of every demo caseworker account. Printed at start-up:
/// acceptable for the demo organisation only, which holds made-up people.
pub const DEMO_CASEWORKER_PASSWORD: &str = "kartlegg-demo-2026";

/// Made-up people of the demo organisation besides the applicant, for the
/// back office's search and lists: DUF-number, first name, surname, date
/// of birth, gender, citizenship.
const DEMO_PEOPLE: &[DemoPerson] = &[
    (
        "202400000002",
        "Yonas",
        "Tesfay",
        (1988, 3, 14),
        Gender::Male,
        "ERI",
    ),
    (
        "202400000003",
        "Fatima",
        "Al-Hassan",
        (1995, 11, 2),
        Gender::Female,
        "SYR",
    ),
    (
        "202400000004",
        "Olena",
        "Kovalenko",
        (1979, 6, 30),
        Gender::Female,
        "UKR",
    ),
    (
        "202400000005",
        "Ahmad",
        "Rahimi",
        (2001, 1, 9),
        Gender::Male,
        "AFG",
    ),
];

/// DUF-number, first name, surname, (year, month, day) of birth, gender,
/// citizenship.
type DemoPerson = (
    &'static str,
    &'static str,
    &'static str,
    (u16, u8, u8),
    Gender,
    &'static str,
);

/// What the seed made, for printing at start-up.
#[derive(Debug)]
pub struct DemoLogins {
    pub organisation: String,
    pub applicant_duf: DufNumber,
    /// A fresh code for the demo applicant.
    pub applicant_code: LoginCode,
    /// The demo caseworkers' usernames, one per role.
    pub caseworkers: Vec<(String, Role)>,
}

/// Makes sure the demo data exists and issues the demo applicant a new code.
pub async fn seed(
    store: &dyn Store,
    keys: &Keys,
    now: DateTime<Utc>,
    code_ttl: Duration,
) -> anyhow::Result<DemoLogins> {
    let base = seed_base(store, now).await?;
    let issued = issue_code(store, keys, &base.applicant, now, code_ttl).await?;
    Ok(DemoLogins {
        organisation: base.organisation.name,
        applicant_duf: base.applicant.duf_number,
        applicant_code: issued.code,
        caseworkers: base.caseworkers,
    })
}

/// The demo data without a login code, which needs the server's key:
/// `kartlegg demo seed` makes this and then people in bulk.
#[derive(Debug)]
pub struct DemoBase {
    pub organisation: Organisation,
    pub applicant: Person,
    /// The demo caseworkers' usernames, one per role.
    pub caseworkers: Vec<(String, Role)>,
}

/// Makes sure the demo organisation, people and accounts exist.
pub async fn seed_base(store: &dyn Store, now: DateTime<Utc>) -> anyhow::Result<DemoBase> {
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
    if person.date_of_birth.is_none() {
        set_identity(store, &person, (1992, 5, 17), Gender::Female, "SOM").await?;
    }
    for (duf, first, last, born, gender, citizenship) in DEMO_PEOPLE {
        let duf = DufNumber::parse(duf)?;
        if store.person_by_duf(&duf).await?.is_none() {
            let person = store
                .create_person(&NewPerson {
                    duf_number: duf,
                    organisation_id: organisation.id,
                    first_name: (*first).into(),
                    last_name: (*last).into(),
                })
                .await?;
            set_identity(store, &person, *born, *gender, citizenship).await?;
        }
    }
    let mut caseworkers = Vec::new();
    for role in Role::ALL {
        let username = format!("demo.{}", role.as_str());
        if store.caseworker_by_username(&username).await?.is_none() {
            accounts::create(
                store,
                NewAccount {
                    organisation_id: organisation.id,
                    username: &username,
                    display_name: &format!("Demo {}", role.as_str()),
                    password: DEMO_CASEWORKER_PASSWORD,
                    roles: &[role],
                    totp: false,
                },
                now,
            )
            .await
            .map_err(|e| anyhow::anyhow!("creating {username}: {e}"))?;
        }
        caseworkers.push((username, role));
    }
    Ok(DemoBase {
        organisation,
        applicant: person,
        caseworkers,
    })
}

async fn set_identity(
    store: &dyn Store,
    person: &Person,
    (year, month, day): (u16, u8, u8),
    gender: Gender,
    citizenship: &str,
) -> anyhow::Result<()> {
    store
        .update_identity(
            person.id,
            &IdentityChange {
                first_name: person.first_name.clone(),
                last_name: person.last_name.clone(),
                date_of_birth: Some(Date::new(year, month, day)?),
                gender: Some(gender),
                citizenships: vec![citizenship.to_owned()],
                registration_number: None,
                national_id: None,
                details: IdentityDetails {
                    preferred_citizenship: Some(citizenship.to_owned()),
                    ..IdentityDetails::default()
                },
                log: ChangeLog {
                    actor: "demo".to_owned(),
                    reason: "Demonstration data".to_owned(),
                    at: chrono::Utc::now(),
                },
            },
        )
        .await?;
    Ok(())
}

impl DemoLogins {
    /// The lines printed under "Kartlegg is running".
    pub fn describe(&self) -> String {
        let mut text = format!(
            "Demo organisation: {}\nDemo applicant: DUF-number {}, code {}",
            self.organisation,
            grouped_duf(&self.applicant_duf),
            self.applicant_code.display()
        );
        text.push_str(&format!(
            "\nDemo caseworkers (password {DEMO_CASEWORKER_PASSWORD}):"
        ));
        for (username, role) in &self.caseworkers {
            text.push_str(&format!("\n  {username} ({})", role.as_str()));
        }
        text
    }
}

/// A DUF-number in groups of four, as printed on letters: `2024 0000 0001`.
pub fn grouped_duf(duf: &DufNumber) -> String {
    let d = duf.as_str();
    format!("{} {} {}", &d[..4], &d[4..8], &d[8..])
}
