//! The anonymised research extract on both engines: one row per completed
//! registration, no direct identifier anywhere in the file, every
//! combination of quasi-identifiers shared by at least five rows, a data
//! dictionary, and the extraction in the audit log.

use std::collections::HashMap;

use chrono::Duration;
use kartlegg_backend::clock::Clock;
use kartlegg_backend::db::{AuditFilter, IdentityChange};
use kartlegg_backend::services::research::{K, extract};
use kartlegg_shared::caseworker::{AuditAction, Gender};
use kartlegg_shared::domain::{Date, DufNumber, NationalId};
use serde_json::json;

use crate::applicant_registration::{COMPLETE, fill_in_everything};
use crate::helpers::TestApp;
use crate::on_both_engines;

/// Completes a registration for a new person with this identity.
async fn registered(app: &TestApp, duf: &str, born: (u16, u8, u8), gender: Gender) {
    let token = app.consented_applicant(duf).await;
    fill_in_everything(app, &token).await;
    assert_eq!(
        app.post_json(COMPLETE, Some(&token), &json!({}))
            .await
            .status,
        200
    );
    let person = app
        .store
        .person_by_duf(&DufNumber::parse(duf).unwrap())
        .await
        .unwrap()
        .unwrap();
    let national_id = (duf.ends_with('1')).then(|| NationalId::parse("15076500565").unwrap());
    app.store
        .update_identity(
            person.id,
            &IdentityChange {
                first_name: format!("Amina{}", &duf[9..]),
                last_name: "Tesfamariam".into(),
                date_of_birth: Some(Date::new(born.0, born.1, born.2).unwrap()),
                gender: Some(gender),
                citizenships: vec!["ERI".into()],
                registration_number: None,
                national_id,
                details: Default::default(),
                log: crate::helpers::change_log(),
            },
        )
        .await
        .unwrap();
}

async fn the_research_extract_has_no_identifier_and_is_five_anonymous(app: TestApp) {
    // Six born 1990–1994 and one outlier born 1950; two genders.
    let people = [
        ("202400000301", (1990, 3, 4), Gender::Female),
        ("202400000302", (1991, 5, 6), Gender::Female),
        ("202400000303", (1992, 7, 8), Gender::Male),
        ("202400000304", (1993, 9, 10), Gender::Female),
        ("202400000305", (1994, 11, 12), Gender::Male),
        ("202400000306", (1990, 1, 2), Gender::Female),
        ("202400000307", (1950, 12, 24), Gender::Male),
    ];
    for (duf, born, gender) in people {
        registered(&app, duf, born, gender).await;
    }
    let today = app.clock.now().date_naive();

    let result = extract(
        app.store.as_ref(),
        &app.state.audit,
        kartlegg_shared::questionnaire::shipped_v1(),
        today - Duration::days(1),
        today,
        app.clock.now(),
    )
    .await
    .unwrap();

    let lines: Vec<&str> = result.csv.lines().collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(
        header[..6],
        [
            "birth_year_band",
            "gender",
            "country_background",
            "municipality",
            "mother_tongue",
            "completed_year"
        ]
    );
    for column in &header {
        for word in column.split(['.', '_']) {
            assert!(
                ![
                    "duf", "name", "national", "date", "address", "id", "country"
                ]
                .contains(&word)
                    || *column == "country_background",
                "column {column} in {header:?}"
            );
        }
    }
    let rows: Vec<Vec<&str>> = lines[1..].iter().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len() + result.suppressed, people.len());
    assert!(rows.len() >= K, "{}", result.csv);
    // No identifier anywhere in the file.
    for (duf, born, _) in people {
        let date = format!("{}-{:02}-{:02}", born.0, born.1, born.2);
        for needle in [duf, date.as_str(), "Tesfamariam", "Amina", "15076500565"] {
            assert!(!result.csv.contains(needle), "{needle} in the extract");
        }
    }
    // k-anonymity on the five quasi-identifiers.
    let mut groups: HashMap<&[&str], usize> = HashMap::new();
    for row in &rows {
        *groups.entry(&row[..5]).or_default() += 1;
    }
    assert!(groups.values().all(|&n| n >= K), "{groups:?}");
    // The outlier is generalised or left out, never shown as born 1950.
    assert!(!result.csv.contains("1950-1954"));
    // The coded answers are there (the test answers' mother tongue).
    assert!(
        rows.iter().all(|r| r[4] == "som" || r[4] == "*"),
        "{}",
        result.csv
    );
    assert!(result.dictionary.contains("| `birth_year_band` |"));
    assert!(result.dictionary.contains("k = 5"));
    let events = app
        .store
        .audit_events(&AuditFilter {
            action: Some(AuditAction::ResearchExtract),
            limit: 5,
            ..Default::default()
        })
        .await
        .unwrap()
        .0;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.person_id, None);
    assert!(
        events[0]
            .event
            .fields
            .contains(&format!("rows:{}", rows.len()))
    );
}

on_both_engines!(the_research_extract_has_no_identifier_and_is_five_anonymous);
