//! Statistics: completions write their coded facts, and what is shown
//! hides every count under five and every count the others and the total
//! would give back; roles, scopes and organisations.

use kartlegg_backend::auth::caseworker::RequestMeta;
use kartlegg_backend::clock::Clock;
use kartlegg_backend::db::{
    CompletionFacts, DraftUpdate, NewOrganisation, OrganisationKind, Person,
};
use kartlegg_backend::services::clients::{self, Actor};
use kartlegg_shared::caseworker::Role;
use kartlegg_shared::integration::{NewCredential, Scope};
use kartlegg_shared::statistics::AgeBand;
use serde_json::{Value, json};

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

on_both_engines!(
    the_directorate_may_narrow_statistics_to_one_organisation,
    small_counts_and_what_would_give_them_back_are_never_sent,
    a_filter_that_selects_under_five_is_too_few_to_show,
    statistics_are_for_the_statistics_role_and_the_own_organisation,
);
