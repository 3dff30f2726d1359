//! Statistics: completions write their coded facts, and what is shown
//! hides every count under five and every count the others and the total
//! would give back; roles, scopes and organisations.

use kartlegg_backend::auth::caseworker::RequestMeta;
use kartlegg_backend::clock::Clock;
use kartlegg_backend::db::{
    CompletionFacts, DraftUpdate, NewOrganisation, OrganisationKind, Person,
};
use kartlegg_backend::db::{FactFilter, Period};
use kartlegg_backend::services::clients::{self, Actor};
use kartlegg_shared::caseworker::Gender;
use kartlegg_shared::caseworker::Role;
use kartlegg_shared::integration::{NewCredential, Scope};
use kartlegg_shared::statistics::{AgeBand, HIGHEST_EDUCATION, derived_codes};
use serde_json::{Value, json};
use sqlx::Connection;
use uuid::Uuid;

use crate::applicant_registration::{COMPLETE, fill_in_everything};
use crate::helpers::TestApp;
use crate::on_both_engines;

const STATS: &str = "/api/v1/caseworker/statistics";

/// Completes a registration through the applicant's API (the answers of
/// `complete_answers`: mother tongue `som`).
async fn complete_through_the_api(app: &TestApp, duf: &str) {
    let token = app.consented_applicant(duf).await;
    fill_in_everything(app, &token).await;
    let done = app.post_json(COMPLETE, Some(&token), &json!({})).await;
    assert_eq!(done.status, 200, "{}", String::from_utf8_lossy(&done.body));
}

/// Completes a registration in the store with these coded answers.
async fn complete_with(app: &TestApp, person: &Person, codes: &[(&str, &str)]) {
    let now = app.clock.now();
    let draft = app
        .store
        .create_registration(person.id, 1, now)
        .await
        .unwrap();
    app.store
        .update_draft(&DraftUpdate {
            id: draft.id,
            person_id: person.id,
            expected_revision: draft.revision,
            answers: Default::default(),
            saved_sections: vec![],
            complete: true,
            language: None,
            provenance: Default::default(),
            now,
            facts: Some(CompletionFacts {
                organisation_id: person.organisation_id,
                month: now.format("%Y-%m").to_string(),
                week: "2026-W48".into(),
                age_band: AgeBand::From25To34,
                gender: None,
                codes: codes
                    .iter()
                    .map(|(q, c)| ((*q).to_owned(), (*c).to_owned()))
                    .collect(),
            }),
        })
        .await
        .unwrap();
}

fn count(body: &Value, key: &str) -> Option<u64> {
    body["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == key)
        .unwrap_or_else(|| panic!("no {key} in {body}"))
        .get("count")
        .and_then(Value::as_u64)
}

async fn small_counts_and_what_would_give_them_back_are_never_sent(app: TestApp) {
    let stats = app
        .caseworker("test-org", "stat", &[Role::Statistics])
        .await;
    for i in 0..6 {
        complete_through_the_api(&app, &format!("2024000030{i:02}")).await;
    }
    let six = app
        .bearer_get(&format!("{STATS}/answers/mother_tongue"), &stats)
        .await;
    assert_eq!(six.status, 200, "{}", String::from_utf8_lossy(&six.body));
    let body = six.json();
    assert_eq!(body["registrations"], 6);
    assert_eq!(count(&body, "som"), Some(6));
    assert_eq!(count(&body, "_unanswered"), Some(0));

    // Two more with Tigrinya: the 2 is hidden, and so is the 6 beside it,
    // or 8 - 6 - 0 would give the 2 back.
    for i in 0..2 {
        let (p, _) = app.seed_person(&format!("2024000031{i:02}")).await;
        complete_with(&app, &p, &[("mother_tongue", "tir")]).await;
    }
    let res = app
        .bearer_get(&format!("{STATS}/answers/mother_tongue"), &stats)
        .await;
    let body = res.json();
    assert_eq!(body["registrations"], 8);
    assert_eq!(count(&body, "tir"), None);
    assert_eq!(count(&body, "som"), None);
    assert!(!String::from_utf8_lossy(&res.body).contains("\"count\":2"));

    // A multiple choice: the small cell alone is hidden.
    let devices = app
        .bearer_get(&format!("{STATS}/answers/devices"), &stats)
        .await
        .json();
    assert_eq!(devices["several_per_registration"], true);

    // Completions per month: all eight in this month.
    let series = app
        .bearer_get(&format!("{STATS}/completions?period=month"), &stats)
        .await
        .json();
    assert_eq!(series["total"], 8);
    assert_eq!(series["counts"][0]["count"], 8);
}

async fn a_filter_that_selects_under_five_is_too_few_to_show(app: TestApp) {
    let stats = app
        .caseworker("test-org", "stat", &[Role::Statistics])
        .await;
    for i in 0..3 {
        let (p, _) = app.seed_person(&format!("2024000032{i:02}")).await;
        complete_with(&app, &p, &[("mother_tongue", "som")]).await;
    }
    let body = app
        .bearer_get(&format!("{STATS}/answers/mother_tongue"), &stats)
        .await
        .json();
    assert_eq!(body["too_few"], true);
    assert_eq!(body["counts"], json!([]));
    assert!(body.get("registrations").is_none());
    let series = app
        .bearer_get(&format!("{STATS}/completions"), &stats)
        .await
        .json();
    assert_eq!(series["too_few"], true);
    // Filters are checked.
    for bad in ["?from=2026-13", "?to=26-01", "?gender=x", "?age_band=old"] {
        app.bearer_get(&format!("{STATS}/completions{bad}"), &stats)
            .await
            .problem(422, "validation");
    }
    app.bearer_get(&format!("{STATS}/answers/no_such_question"), &stats)
        .await
        .problem(404, "not-found");
}

async fn statistics_are_for_the_statistics_role_and_the_own_organisation(app: TestApp) {
    let reader = app.caseworker("test-org", "reader", &[Role::Reader]).await;
    app.bearer_get(&format!("{STATS}/completions"), &reader)
        .await
        .problem(403, "forbidden");
    // Another organisation's completions are not counted.
    for i in 0..6 {
        let p = app
            .person_in("4601", &format!("2024000033{i:02}"), "A", "B")
            .await;
        complete_with(&app, &p, &[("mother_tongue", "som")]).await;
    }
    let stats = app
        .caseworker("test-org", "stat", &[Role::Statistics])
        .await;
    let mine = app
        .bearer_get(&format!("{STATS}/completions"), &stats)
        .await
        .json();
    assert_eq!(mine["total"], 0);
    // An API client of that organisation with statistics:read sees them;
    // without the scope it is refused.
    let org = app.org("4601").await;
    let actor = Actor {
        id: None,
        name: "t".into(),
        meta: RequestMeta::default(),
    };
    let token = |scopes: &'static [Scope], name: &'static str| {
        let app = &app;
        let org = org.clone();
        let actor = actor.clone();
        async move {
            let (client, secret) = clients::create(
                &app.state,
                &actor,
                org.id,
                name,
                scopes,
                &NewCredential::Secret,
            )
            .await
            .unwrap();
            let basic = base64::Engine::encode(
                &base64::engine::general_purpose::STANDARD,
                format!("{}:{}", client.id, secret.unwrap()),
            );
            app.send(
                axum::http::Request::post("/api/v1/oauth/token")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("authorization", format!("Basic {basic}"))
                    .body(axum::body::Body::from("grant_type=client_credentials"))
                    .unwrap(),
            )
            .await
            .json()["access_token"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let allowed = token(&[Scope::StatisticsRead], "stats").await;
    let body = app
        .bearer_get("/api/v1/statistics/answers/mother_tongue", &allowed)
        .await
        .json();
    assert_eq!(body["registrations"], 6);
    assert_eq!(count(&body, "som"), Some(6));
    let other = token(&[Scope::PeopleRead], "people").await;
    app.bearer_get("/api/v1/statistics/completions", &other)
        .await
        .problem(403, "forbidden");
}

/// The directorate sees every organisation together, or the one it names
/// from the list it is given; any other organisation's statistics role is
/// held to its own.
async fn the_directorate_may_narrow_statistics_to_one_organisation(app: TestApp) {
    app.store
        .create_organisation(&NewOrganisation {
            number: "imdi".into(),
            name: "IMDi".into(),
            kind: OrganisationKind::Directorate,
        })
        .await
        .unwrap();
    for (org, base) in [("4601", 40), ("0301", 41)] {
        for i in 0..6 {
            let p = app
                .person_in(org, &format!("20240000{base}{i:02}"), "A", "B")
                .await;
            complete_with(&app, &p, &[("mother_tongue", "som")]).await;
        }
    }
    let bergen = app.org("4601").await.id;
    let directorate = app.caseworker("imdi", "dir", &[Role::Statistics]).await;
    let municipal = app.caseworker("0301", "oslo", &[Role::Statistics]).await;

    let orgs = app
        .bearer_get(&format!("{STATS}/organisations"), &directorate)
        .await
        .json();
    let all = app
        .bearer_get(&format!("{STATS}/completions"), &directorate)
        .await
        .json();
    let one = app
        .bearer_get(
            &format!("{STATS}/answers/mother_tongue?organisation={bergen}"),
            &directorate,
        )
        .await
        .json();
    let own_list = app
        .bearer_get(&format!("{STATS}/organisations"), &municipal)
        .await
        .json();
    let refused = app
        .bearer_get(
            &format!("{STATS}/completions?organisation={bergen}"),
            &municipal,
        )
        .await;
    let bad = app
        .bearer_get(
            &format!("{STATS}/completions?organisation=not-an-id"),
            &directorate,
        )
        .await;

    let names: Vec<&str> = orgs
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Org 4601") && names.contains(&"IMDi"),
        "{orgs}"
    );
    assert_eq!(all["total"], 12);
    assert_eq!(one["registrations"], 6);
    assert_eq!(count(&one, "som"), Some(6));
    assert_eq!(own_list.as_array().unwrap().len(), 1);
    assert_eq!(own_list[0]["number"], "0301");
    let body = refused.problem(422, "validation");
    assert!(body.to_string().contains("not_allowed"), "{body}");
    bad.problem(422, "validation");
}

/// Completes a registration of `person` in the store with these facts (the
/// completion path: `insert_facts!` and the counts).
async fn complete_with_facts(app: &TestApp, person: &Person, facts: CompletionFacts) {
    let now = app.clock.now();
    let draft = app
        .store
        .create_registration(person.id, 1, now)
        .await
        .unwrap();
    app.store
        .update_draft(&DraftUpdate {
            id: draft.id,
            person_id: person.id,
            expected_revision: draft.revision,
            answers: Default::default(),
            saved_sections: vec![],
            complete: true,
            language: None,
            provenance: Default::default(),
            now,
            facts: Some(facts),
        })
        .await
        .unwrap();
}

/// A varied set of made-up completions over two organisations, three
/// months, the age bands and genders: each one's facts, as a completion
/// computes them (with the derived figures).
fn varied_facts(i: usize, organisations: [Uuid; 2]) -> CompletionFacts {
    let pick = |list: &[&'static str], salt: usize| list[(i * 7 + salt * 3 + i / 5) % list.len()];
    let mut codes: Vec<(String, String)> = vec![
        (
            "mother_tongue".into(),
            pick(&["som", "tir", "ara", "ukr"], 1).into(),
        ),
        (
            "went_to_school".into(),
            pick(&["yes", "yes", "no"], 2).into(),
        ),
    ];
    if codes[1].1 == "yes" {
        codes.push((
            "school_level".into(),
            pick(&["1", "2", "3", "dont_know"], 3).into(),
        ));
        if i.is_multiple_of(3) {
            codes.push(("educations.level".into(), pick(&["4", "6", "7"], 4).into()));
        }
    }
    for device in ["phone", "computer"].iter().take(1 + i % 2) {
        codes.push(("devices".into(), (*device).into()));
    }
    codes.extend(derived_codes(&codes));
    codes.sort();
    let months = ["2026-01", "2026-02", "2026-03"];
    let month = months[i % 3];
    CompletionFacts {
        organisation_id: organisations[i % 2],
        month: month.to_owned(),
        week: format!("2026-W{:02}", 1 + (i % 3) * 4 + i % 4),
        age_band: [AgeBand::From18To24, AgeBand::From25To34, AgeBand::Unknown][i % 3 / 2 + i % 2],
        gender: [Some(Gender::Female), Some(Gender::Male), None][(i / 2) % 3],
        codes,
    }
}

/// Every filter a view can combine: each organisation or all, open or
/// bounded months, an age band or none, a gender or none.
fn every_filter(organisations: [Uuid; 2]) -> Vec<FactFilter> {
    let mut out = Vec::new();
    for organisation_id in [None, Some(organisations[0]), Some(organisations[1])] {
        for (from, to) in [
            (None, None),
            (Some("2026-02"), None),
            (Some("2026-02"), Some("2026-02")),
            (None, Some("2026-01")),
        ] {
            for age_band in [None, Some(AgeBand::From25To34)] {
                for gender in [None, Some(Gender::Female)] {
                    out.push(FactFilter {
                        organisation_id,
                        from_month: from.map(str::to_owned),
                        to_month: to.map(str::to_owned),
                        age_band,
                        gender,
                    });
                }
            }
        }
    }
    out
}

/// What the store answers for every question and filter, to compare.
async fn all_counts(app: &TestApp, filters: &[FactFilter]) -> Vec<Vec<(String, i64)>> {
    let mut out = Vec::new();
    for filter in filters {
        for question in [
            "mother_tongue",
            "devices",
            "school_level",
            HIGHEST_EDUCATION,
        ] {
            out.push(app.store.code_counts(question, filter).await.unwrap());
        }
        for period in [Period::Month, Period::Week] {
            out.push(
                app.store
                    .completions_per_period(period, filter)
                    .await
                    .unwrap(),
            );
        }
    }
    out
}

async fn the_counts_are_exact_for_every_filter_combination(app: TestApp) {
    let orgs = [app.org("4601").await.id, app.org("0301").await.id];
    let mut written = Vec::new();
    // Through the completion's path, and through the bulk seed's.
    for i in 0..36_usize {
        let org = if i.is_multiple_of(2) { "4601" } else { "0301" };
        let p = app
            .person_in(org, &format!("20240000{:04}", 5000 + i), "A", "B")
            .await;
        let facts = varied_facts(i, orgs);
        complete_with_facts(&app, &p, facts.clone()).await;
        written.push(facts);
    }
    let now = app.clock.now();
    let bulk: Vec<_> = (0..30)
        .map(|i| kartlegg_backend::population::person(i, 30, orgs[(i % 2) as usize], now))
        .collect();
    app.store.insert_people_bulk(&bulk).await.unwrap();
    written.extend(
        bulk.iter()
            .flat_map(|b| b.facts.iter().map(|(_, f)| f.clone())),
    );

    for filter in every_filter(orgs) {
        let selected: Vec<&CompletionFacts> = written
            .iter()
            .filter(|f| {
                filter
                    .organisation_id
                    .is_none_or(|o| o == f.organisation_id)
            })
            .filter(|f| filter.from_month.as_ref().is_none_or(|m| &f.month >= m))
            .filter(|f| filter.to_month.as_ref().is_none_or(|m| &f.month <= m))
            .filter(|f| filter.age_band.is_none_or(|a| a == f.age_band))
            .filter(|f| filter.gender.is_none_or(|g| Some(g) == f.gender))
            .collect();
        // Counted here one registration at a time, as the facts say.
        let tally = |key: &dyn Fn(&CompletionFacts) -> Vec<String>| {
            let mut m = std::collections::BTreeMap::<String, i64>::new();
            for f in &selected {
                for k in key(f) {
                    *m.entry(k).or_default() += 1;
                }
            }
            m.into_iter().collect::<Vec<_>>()
        };
        for question in [
            "mother_tongue",
            "devices",
            "school_level",
            HIGHEST_EDUCATION,
        ] {
            let expected = tally(&|f| {
                f.codes
                    .iter()
                    .filter(|(q, _)| q == question)
                    .map(|(_, c)| c.clone())
                    .collect()
            });
            let got = app.store.code_counts(question, &filter).await.unwrap();
            assert_eq!(got, expected, "{question} with {filter:?}");
        }
        let months = app
            .store
            .completions_per_period(Period::Month, &filter)
            .await
            .unwrap();
        assert_eq!(months, tally(&|f| vec![f.month.clone()]), "{filter:?}");
        let weeks = app
            .store
            .completions_per_period(Period::Week, &filter)
            .await
            .unwrap();
        assert_eq!(weeks, tally(&|f| vec![f.week.clone()]), "{filter:?}");
    }
}

/// Runs the statements of migration 0016 that fill in what was there
/// before it (the derived figure's facts and the counts), on the test's
/// database, as an upgrade runs them.
async fn run_the_backfill_of_0016(app: &TestApp) {
    let sqlite = app.db_url.starts_with("sqlite:");
    let migration = if sqlite {
        include_str!("../../../migrations/sqlite/0016_statistics_counts.sql")
    } else {
        include_str!("../../../migrations/postgres/0016_statistics_counts.sql")
    };
    let inserts: Vec<String> = migration
        .split(";\n")
        .map(|s| {
            s.lines()
                .filter(|l| !l.trim_start().starts_with("--"))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|s| s.trim_start().starts_with("INSERT"))
        .collect();
    assert_eq!(
        inserts.len(),
        3,
        "the derived facts and the two levels of counts"
    );
    let statements = std::iter::once("DELETE FROM statistics_counts".to_owned()).chain(inserts);
    if sqlite {
        let mut c = sqlx::SqliteConnection::connect(&app.db_url).await.unwrap();
        for sql in statements {
            sqlx::query(&sql).execute(&mut c).await.unwrap();
        }
    } else {
        let mut c = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
        for sql in statements {
            sqlx::query(&sql).execute(&mut c).await.unwrap();
        }
    }
}

async fn the_upgrade_counts_earlier_completions_as_a_completion_does(app: TestApp) {
    let orgs = [app.org("4601").await.id, app.org("0301").await.id];
    for i in 0..24_usize {
        let org = if i.is_multiple_of(2) { "4601" } else { "0301" };
        let p = app
            .person_in(org, &format!("20240000{:04}", 6000 + i), "A", "B")
            .await;
        complete_with_facts(&app, &p, varied_facts(i, orgs)).await;
    }
    let filters = every_filter(orgs);
    let live = all_counts(&app, &filters).await;
    assert!(
        live.iter().any(|c| c.iter().any(|(k, _)| k == "none")),
        "someone never went to school"
    );

    // As it was before 0016: facts without the derived figure, no counts.
    let sql = "DELETE FROM registration_facts WHERE question = 'highest_education'";
    if app.db_url.starts_with("sqlite:") {
        let mut c = sqlx::SqliteConnection::connect(&app.db_url).await.unwrap();
        sqlx::query(sql).execute(&mut c).await.unwrap();
    } else {
        let mut c = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
        sqlx::query(sql).execute(&mut c).await.unwrap();
    }
    run_the_backfill_of_0016(&app).await;

    assert_eq!(all_counts(&app, &filters).await, live);
}

async fn the_highest_education_level_is_one_figure_with_the_same_suppression(app: TestApp) {
    let stats = app
        .caseworker("test-org", "stat", &[Role::Statistics])
        .await;
    // Through the applicant's API: `fill_in_everything` never went to
    // school, which the completion derives as "none".
    for i in 0..6 {
        complete_through_the_api(&app, &format!("2024000034{i:02}")).await;
    }
    let body = app
        .bearer_get(&format!("{STATS}/answers/{HIGHEST_EDUCATION}"), &stats)
        .await
        .json();
    assert_eq!(body["registrations"], 6);
    assert_eq!(body["several_per_registration"], false);
    assert_eq!(count(&body, "none"), Some(6));
    assert_eq!(count(&body, "_unanswered"), Some(0));
    // Two with upper secondary school: their "3" hides, and so does the
    // "none" beside it, or 8 - 6 would give the 2 back.
    for i in 0..2 {
        let (p, _) = app.seed_person(&format!("2024000035{i:02}")).await;
        complete_with(
            &app,
            &p,
            &[
                ("went_to_school", "yes"),
                ("school_level", "3"),
                (HIGHEST_EDUCATION, "3"),
            ],
        )
        .await;
    }
    let body = app
        .bearer_get(&format!("{STATS}/answers/{HIGHEST_EDUCATION}"), &stats)
        .await
        .json();
    assert_eq!(count(&body, "3"), None);
    assert_eq!(count(&body, "none"), None);
    assert_eq!(body["registrations"], 8);
}

/// An API client with `statistics:read`: the same counts as the
/// organisation's statistics role, hidden alike, and "too few" alike.
async fn a_statistics_client_gets_the_same_suppression(app: TestApp) {
    let stats = app
        .caseworker("test-org", "stat", &[Role::Statistics])
        .await;
    let org = app.org("test-org").await;
    let token = client_token(&app, org.id, &[Scope::StatisticsRead]).await;
    // Three completions: too few for both.
    for i in 0..3 {
        let (p, _) = app.seed_person(&format!("2024000036{i:02}")).await;
        complete_with(&app, &p, &[("mother_tongue", "som")]).await;
    }
    let few = app
        .bearer_get("/api/v1/statistics/answers/mother_tongue", &token)
        .await
        .json();
    assert_eq!(few["too_few"], true);
    assert_eq!(few["counts"], json!([]));
    let series = app
        .bearer_get("/api/v1/statistics/completions?period=week", &token)
        .await
        .json();
    assert_eq!(series["too_few"], true);
    // Seven more, two of them Tigrinya: the 2 and what would give it back
    // are hidden, the same as the statistics role sees.
    for i in 3..10 {
        let (p, _) = app.seed_person(&format!("2024000036{i:02}")).await;
        let tongue = if i < 5 { "tir" } else { "som" };
        complete_with(&app, &p, &[("mother_tongue", tongue)]).await;
    }
    for question in ["mother_tongue", HIGHEST_EDUCATION] {
        let client = app
            .bearer_get(&format!("/api/v1/statistics/answers/{question}"), &token)
            .await;
        let staff = app
            .bearer_get(&format!("{STATS}/answers/{question}"), &stats)
            .await;
        assert_eq!(client.status, 200);
        assert_eq!(client.json(), staff.json(), "{question}");
    }
    let body = app
        .bearer_get("/api/v1/statistics/answers/mother_tongue", &token)
        .await
        .json();
    assert_eq!(body["registrations"], 10);
    assert_eq!(count(&body, "tir"), None);
    assert_eq!(count(&body, "som"), None);
    assert_eq!(count(&body, "_unanswered"), Some(0));
    assert!(
        !String::from_utf8_lossy(
            &app.bearer_get("/api/v1/statistics/answers/mother_tongue", &token)
                .await
                .body
        )
        .contains("\"count\":2")
    );
    // Filters are the same too: women alone are too few here (no gender).
    let women = app
        .bearer_get(
            "/api/v1/statistics/answers/mother_tongue?gender=female",
            &token,
        )
        .await
        .json();
    assert_eq!(women["too_few"], true);
    // Another organisation's client sees none of these.
    let other = app.org("4601").await;
    let theirs = client_token(&app, other.id, &[Scope::StatisticsRead]).await;
    let none = app
        .bearer_get("/api/v1/statistics/completions", &theirs)
        .await
        .json();
    assert_eq!(none["total"], 0);
    // A bad filter is a 422 for a client too.
    app.bearer_get("/api/v1/statistics/completions?from=2026-13", &token)
        .await
        .problem(422, "validation");
}

/// A client token of `organisation` with `scopes`.
async fn client_token(app: &TestApp, organisation: Uuid, scopes: &'static [Scope]) -> String {
    let actor = Actor {
        id: None,
        name: "t".into(),
        meta: RequestMeta::default(),
    };
    let (client, secret) = clients::create(
        &app.state,
        &actor,
        organisation,
        &format!("stats-{}", Uuid::new_v4().simple()),
        scopes,
        &NewCredential::Secret,
    )
    .await
    .unwrap();
    let basic = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        format!("{}:{}", client.id, secret.unwrap()),
    );
    app.send(
        axum::http::Request::post("/api/v1/oauth/token")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("authorization", format!("Basic {basic}"))
            .body(axum::body::Body::from("grant_type=client_credentials"))
            .unwrap(),
    )
    .await
    .json()["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

on_both_engines!(
    the_directorate_may_narrow_statistics_to_one_organisation,
    small_counts_and_what_would_give_them_back_are_never_sent,
    a_filter_that_selects_under_five_is_too_few_to_show,
    statistics_are_for_the_statistics_role_and_the_own_organisation,
    the_counts_are_exact_for_every_filter_combination,
    the_upgrade_counts_earlier_completions_as_a_completion_does,
    the_highest_education_level_is_one_figure_with_the_same_suppression,
    a_statistics_client_gets_the_same_suppression,
);
