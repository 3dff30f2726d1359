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
    ChangeLog, DraftUpdate, IdentityChange, NewOrganisation, NewPerson, Organisation,
    OrganisationKind, Person, Store,
};
use crate::services::accounts::{self, NewAccount};
use crate::services::registration::facts_of;

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
    seed_completed(store, &organisation, now).await?;
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

/// How many made-up people of the demo organisation have completed a
/// registration, so that the statistics page has something to show (and
/// some counts under five to hide) and a person page something to print.
pub const DEMO_COMPLETED: u32 = 60;

/// The DUF-number of the `i`th made-up person who completed: `20240001`
/// and four digits, apart from the demo people above.
pub fn completed_duf(i: u32) -> String {
    format!("20240001{i:04}")
}

const COMPLETED_FIRST: &[(&str, Gender)] = &[
    ("Abeba", Gender::Female),
    ("Dawit", Gender::Male),
    ("Hodan", Gender::Female),
    ("Khalid", Gender::Male),
    ("Mariam", Gender::Female),
    ("Taras", Gender::Male),
    ("Zahra", Gender::Female),
    ("Omid", Gender::Male),
];
const COMPLETED_LAST: &[&str] = &[
    "Gebru", "Hailu", "Warsame", "Haddad", "Shevchuk", "Sadat", "Nazari", "Mekonnen", "Jibril",
];

/// Picks from `(item, weight)` by `i`: the weights make some answers common
/// and some rare, as they are.
fn weighted<T: Copy>(items: &[(T, u32)], i: u32) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    // A multiplier prime to the total spreads neighbouring people apart.
    let mut k = (i.wrapping_mul(37) + 11) % total.max(1);
    for (item, w) in items {
        if k < *w {
            return *item;
        }
        k -= w;
    }
    items[0].0
}

/// The answers of the `i`th made-up person: every part answered, the
/// conditional questions only where their condition holds.
pub(crate) fn completed_answers(i: u32) -> serde_json::Value {
    use serde_json::json;
    let (tongue, country) = weighted(
        &[
            (("ara", "SYR"), 14),
            (("tir", "ERI"), 12),
            (("ukr", "UKR"), 11),
            (("som", "SOM"), 9),
            (("prs", "AFG"), 8),
            (("kmr", "IRQ"), 3),
            (("amh", "ETH"), 3),
        ],
        i,
    );
    let went = i % 7 != 3;
    let norwegian = weighted(
        &[
            ("cannot", 12),
            ("very_poor", 15),
            ("poor", 14),
            ("neither", 10),
            ("good", 6),
            ("very_good", 3),
        ],
        i + 3,
    );
    let mut a = json!({
        "mother_tongue": tongue,
        "interpreter_language": if i.is_multiple_of(4) { "no_interpreter" } else { tongue },
        "country_background": country,
        "went_to_school": if went { "yes" } else { "no" },
        "can_read_write": if went { "yes" } else { "a_little" },
        "prior_learning": "no",
        "mother_tongue_read_write": if went { "yes" } else { "a_little" },
        "norwegian_speak": norwegian,
        "norwegian_read": norwegian,
        "norwegian_write": if norwegian == "cannot" { "cannot" } else { "very_poor" },
        "english_speak": weighted(&[("cannot", 5), ("poor", 4), ("good", 3)], i),
        "english_read": "poor",
        "english_write": "poor",
        "other_languages": "no",
        "devices": if i.is_multiple_of(5) { json!(["phone", "computer"]) } else { json!(["phone"]) },
        "digital_tasks": ["messages", "video_calls"],
        "computer_skill": "poor",
        "volunteer_work": "no",
        "activities": ["cooking"],
        "interests": ["helping_people"],
    });
    // About a third went on after school; some of them twice.
    let further = went && i.is_multiple_of(3);
    a["further_education"] = json!(if further { "yes" } else { "no" });
    if further {
        let level = weighted(&[("6", 6), ("4", 5), ("5", 4), ("7", 3), ("3", 2)], i / 3);
        let field = weighted(
            &[
                ("Sykepleie", 3),
                ("Ingeniørfag", 3),
                ("Regnskap", 2),
                ("Lærerutdanning", 2),
            ],
            i / 3,
        );
        let mut entries = vec![json!({
            "level": level, "field": field, "country": country, "completed": "yes",
        })];
        if i.is_multiple_of(9) {
            entries.push(json!({
                "level": "4", "field": "Elektrofag", "country": country, "completed": "no",
            }));
        }
        a["educations"] = json!(entries);
    }
    if went {
        a["school_years"] = json!(6 + i % 7);
        a["school_level"] = json!(weighted(
            &[("1", 6), ("2", 9), ("3", 10), ("5", 4), ("6", 2)],
            i + 5
        ));
        a["school_country"] = json!(country);
        a["school_documents"] = json!(weighted(&[("yes", 3), ("documents_lost", 2), ("no", 1)], i));
    }
    let licence = weighted(
        &[
            (None, 24),
            (Some(&["B"][..]), 22),
            (Some(&["B", "C", "CE"][..]), 6),
            (Some(&["AM"][..]), 2),
        ],
        i + 7,
    );
    match licence {
        None => a["has_licence"] = json!("no"),
        Some(classes) => {
            a["has_licence"] = json!("yes");
            a["licence_classes"] = json!(classes);
            a["licence_country"] = json!(country);
            a["licence_valid"] = json!("yes");
            a["licence_document"] = json!(if i.is_multiple_of(3) {
                "documents_lost"
            } else {
                "yes"
            });
        }
    }
    let occupation = weighted(
        &[
            (None, 16),
            (Some(("52", "Selger")), 10),
            (Some(("71", "Murer")), 9),
            (Some(("93", "Lagerarbeider")), 8),
            (Some(("22", "Sykepleier")), 6),
            (Some(("61", "Bonde")), 5),
            (Some(("23", "Lærer")), 2),
        ],
        i + 1,
    );
    match occupation {
        None => a["had_work"] = json!("no"),
        Some((code, title)) => {
            a["had_work"] = json!("yes");
            a["jobs"] = json!([{
                "occupation": code, "title": title, "years": 2 + i % 9,
                "country": country, "employment": if i.is_multiple_of(2) { "employed" } else { "self_employed" },
            }]);
        }
    }
    let wants_education = weighted(&[("yes", 30), ("no", 12), ("dont_know", 8)], i + 2);
    a["wants_education"] = json!(wants_education);
    if wants_education == "yes" {
        a["wanted_level"] = json!(weighted(
            &[("3", 12), ("4", 8), ("6", 6), ("dont_know", 4)],
            i
        ));
        a["wanted_field"] = json!(weighted(
            &[
                ("health", 9),
                ("technical", 7),
                ("it", 5),
                ("teaching", 4),
                ("transport", 2)
            ],
            i + 4
        ));
    }
    let wants_work = weighted(&[("yes", 40), ("dont_know", 7), ("no", 3)], i + 6);
    a["wants_work"] = json!(wants_work);
    if wants_work == "yes" {
        a["wanted_occupation"] = json!(weighted(
            &[("52", 8), ("71", 7), ("53", 6), ("83", 5), ("22", 3)],
            i + 9
        ));
    }
    a
}

/// Made-up people of the demo organisation, each with one completed
/// registration spread over the last eight months, written as a real
/// completion writes it (answers and statistics facts in one update).
async fn seed_completed(
    store: &dyn Store,
    organisation: &Organisation,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let questionnaire = kartlegg_shared::questionnaire::shipped_v1();
    for i in 0..DEMO_COMPLETED {
        let duf = DufNumber::parse(&completed_duf(i))?;
        if store.person_by_duf(&duf).await?.is_some() {
            continue;
        }
        let json = completed_answers(i);
        let (first, gender) = COMPLETED_FIRST[i as usize % COMPLETED_FIRST.len()];
        let last = COMPLETED_LAST[i as usize % COMPLETED_LAST.len()];
        let person = store
            .create_person(&NewPerson {
                duf_number: duf,
                organisation_id: organisation.id,
                first_name: first.into(),
                last_name: last.into(),
            })
            .await?;
        let born = (1960 + (i * 7) % 45, 1 + (i % 12), 1 + (i * 3) % 28);
        set_identity(
            store,
            &person,
            (
                u16::try_from(born.0)?,
                u8::try_from(born.1)?,
                u8::try_from(born.2)?,
            ),
            gender,
            json["country_background"].as_str().unwrap_or("XUK"),
        )
        .await?;
        let person = store
            .person_by_id(person.id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("person {i} vanished"))?;
        // Eight months back, about four days apart, the newest yesterday.
        let completed_at = now - Duration::days(1 + i64::from(DEMO_COMPLETED - 1 - i) * 4);
        // The interface language the person would have chosen.
        let language = match json["mother_tongue"].as_str() {
            Some("ara") => "ar",
            Some("tir") => "ti",
            Some("ukr") => "ru",
            Some("som") => "so",
            Some("prs") => "prs",
            Some("kmr") => "kmr",
            _ => "en",
        };
        let answers: kartlegg_shared::questionnaire::Answers = serde_json::from_value(json)?;
        let started = completed_at - Duration::minutes(40);
        let draft = store
            .create_registration(person.id, questionnaire.version, started)
            .await?;
        store
            .update_draft(&DraftUpdate {
                id: draft.id,
                person_id: person.id,
                expected_revision: draft.revision,
                facts: Some(facts_of(&person, questionnaire, &answers, completed_at)),
                provenance: crate::population::applicant_gave_all(&answers),
                answers,
                saved_sections: questionnaire
                    .sections
                    .iter()
                    .map(|s| s.id.clone())
                    .collect(),
                complete: true,
                language: Some(language.to_owned()),
                now: completed_at,
            })
            .await?;
    }
    Ok(())
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
