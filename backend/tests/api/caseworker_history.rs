//! The caseworker keeps seeing a completed registration after the person
//! starts a new one: its state and completion date in the lists, the
//! "Completed" filter, the person page's default answers, and every earlier
//! registration openable, only within the own organisation and logged.

use chrono::Duration;
use kartlegg_backend::clock::Clock;
use kartlegg_backend::db::{AuditFilter, DraftUpdate, Person, StoredRegistration};
use kartlegg_backend::dto::api_time;
use kartlegg_shared::caseworker::{AuditAction, Role};
use kartlegg_shared::questionnaire::Answers;
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::on_both_engines;

const ORG_A: &str = "test-org";
const ORG_B: &str = "other-org";

fn answers(mother_tongue: &str) -> Answers {
    serde_json::from_value(json!({ "mother_tongue": mother_tongue })).unwrap()
}

/// Starts a registration with these answers, completed or left a draft.
async fn registration(
    app: &TestApp,
    person: &Person,
    mother_tongue: &str,
    complete: bool,
) -> StoredRegistration {
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
            answers: answers(mother_tongue),
            saved_sections: vec!["personal".into()],
            complete,
            language: None,
            provenance: Default::default(),
            now,
            facts: None,
        })
        .await
        .unwrap()
}

/// The list row of the person with this DUF-number.
fn row<'a>(page: &'a Value, duf: &str) -> &'a Value {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["duf_number"] == duf)
        .unwrap_or_else(|| panic!("{duf} not in {page}"))
}

fn dufs(page: &Value) -> Vec<&str> {
    let mut dufs: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["duf_number"].as_str().unwrap())
        .collect();
    dufs.sort_unstable();
    dufs
}

async fn new_registration_after_completing_keeps_the_person_completed_in_lists(app: TestApp) {
    let again = app.person_in(ORG_A, "202400000101", "Amina", "Again").await;
    let done = app.person_in(ORG_A, "202400000102", "Berit", "Done").await;
    let started = app
        .person_in(ORG_A, "202400000103", "Cecilie", "Started")
        .await;
    app.person_in(ORG_A, "202400000104", "Dina", "Nothing")
        .await;
    let first = registration(&app, &again, "som", true).await;
    registration(&app, &done, "tir", true).await;
    app.advance(Duration::days(3));
    registration(&app, &again, "ara", false).await;
    registration(&app, &started, "ara", false).await;
    let reader = app.caseworker(ORG_A, "reader", &[Role::Reader]).await;
    let completed_at = api_time(first.completed_at.unwrap());

    let all = app
        .bearer_get("/api/v1/caseworker/people", &reader)
        .await
        .json();
    let completed = app
        .bearer_get("/api/v1/caseworker/people?state=completed", &reader)
        .await
        .json();
    let completed_again = app
        .bearer_get(
            "/api/v1/caseworker/people?state=completed_new_in_progress",
            &reader,
        )
        .await
        .json();
    let in_progress = app
        .bearer_get("/api/v1/caseworker/people?state=in_progress", &reader)
        .await
        .json();

    // The list keeps the completion date of the completed registration.
    let a = row(&all, "202400000101");
    assert_eq!(a["state"], "completed_new_in_progress");
    assert_eq!(a["completed_at"], completed_at.as_str());
    assert_eq!(row(&all, "202400000102")["state"], "completed");
    let c = row(&all, "202400000103");
    assert_eq!(c["state"], "in_progress");
    assert!(c.get("completed_at").is_none(), "{c}");
    assert_eq!(row(&all, "202400000104")["state"], "no_code");
    // "Completed" is everyone with a completed registration.
    assert_eq!(dufs(&completed), ["202400000101", "202400000102"]);
    assert_eq!(completed["total"], 2);
    assert_eq!(dufs(&completed_again), ["202400000101"]);
    assert_eq!(dufs(&in_progress), ["202400000103"]);

    // The completion-date filter and sort go by that date too.
    let day = first.completed_at.unwrap().format("%Y-%m-%d");
    let that_day = app
        .bearer_get(
            &format!("/api/v1/caseworker/people?completed_from={day}&completed_to={day}"),
            &reader,
        )
        .await
        .json();
    assert_eq!(dufs(&that_day), ["202400000101", "202400000102"]);

    // The worklist and the export say the same.
    app.bearer(
        axum::http::Method::PUT,
        &format!("/api/v1/caseworker/worklist/{}", again.id),
        &reader,
    )
    .await;
    let worklist = app
        .bearer_get("/api/v1/caseworker/worklist", &reader)
        .await
        .json();
    assert_eq!(worklist[0]["state"], "completed_new_in_progress");
    assert_eq!(worklist[0]["completed_at"], completed_at.as_str());
    let csv = app
        .bearer_get("/api/v1/caseworker/people/export?state=completed", &reader)
        .await;
    let csv = String::from_utf8(csv.body).unwrap();
    assert!(
        csv.contains(&format!(
            "202400000101,Again,Amina,,completed_new_in_progress,{completed_at},"
        )),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 3, "{csv}");
}

async fn person_page_shows_the_latest_completed_answers_and_opens_any_registration(app: TestApp) {
    let person = app.person_in(ORG_A, "202400000101", "Amina", "Again").await;
    let neighbour = app.person_in(ORG_A, "202400000102", "Berit", "Next").await;
    let first = registration(&app, &person, "som", true).await;
    app.advance(Duration::days(1));
    let second = registration(&app, &person, "tir", true).await;
    app.advance(Duration::days(1));
    let draft = registration(&app, &person, "ara", false).await;
    let theirs = registration(&app, &neighbour, "fra", false).await;
    let reader = app.caseworker(ORG_A, "reader", &[Role::Reader]).await;
    let path = format!("/api/v1/caseworker/people/{}", person.id);

    let page = app.bearer_get(&path, &reader).await.json();
    let older = app
        .bearer_get(&format!("{path}/registrations/{}", first.id), &reader)
        .await;
    let open_draft = app
        .bearer_get(&format!("{path}/registrations/{}", draft.id), &reader)
        .await;

    assert_eq!(page["state"], "completed_new_in_progress");
    let numbers: Vec<i64> = page["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [3, 2, 1]);
    // By default the latest completed registration, not the newer draft.
    let shown = &page["shown_registration"];
    assert_eq!(shown["id"], second.id.to_string());
    assert_eq!(shown["status"], "completed");
    assert_eq!(shown["answers"], json!({ "mother_tongue": "tir" }));
    assert_eq!(older.status, 200);
    let older = older.json();
    assert_eq!(older["id"], first.id.to_string());
    assert_eq!(older["status"], "completed");
    assert_eq!(older["answers"], json!({ "mother_tongue": "som" }));
    assert_eq!(open_draft.status, 200);
    assert_eq!(
        open_draft.json()["answers"],
        json!({ "mother_tongue": "ara" })
    );

    // Each read is logged, naming the registration that was read.
    let (events, _) = app
        .store
        .audit_events(&AuditFilter {
            person_id: Some(person.id),
            action: Some(AuditAction::ReadPerson),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    let read: Vec<_> = events
        .iter()
        .map(|e| (e.event.registration_id, e.event.fields.clone()))
        .collect();
    let fields = |f: &[&str]| f.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(read.len(), 3);
    assert_eq!(
        read[0],
        (Some(draft.id), fields(&["registrations", "answers"]))
    );
    assert_eq!(
        read[1],
        (Some(first.id), fields(&["registrations", "answers"]))
    );
    assert_eq!(read[2].0, Some(second.id));

    // Someone else's registration is not reachable through this person.
    app.bearer_get(&format!("{path}/registrations/{}", theirs.id), &reader)
        .await
        .problem(404, "not-found");
    app.bearer_get(&format!("{path}/registrations/not-an-id"), &reader)
        .await
        .problem(404, "not-found");

    // While nothing is completed, the draft is what there is to show.
    let neighbour_page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", neighbour.id),
            &reader,
        )
        .await
        .json();
    assert_eq!(neighbour_page["state"], "in_progress");
    assert_eq!(
        neighbour_page["shown_registration"]["id"],
        theirs.id.to_string()
    );
}

async fn another_organisation_cannot_open_a_registration(app: TestApp) {
    let person = app.person_in(ORG_A, "202400000101", "Amina", "Again").await;
    let first = registration(&app, &person, "som", true).await;
    let outsider = app.caseworker(ORG_B, "b.all", &Role::ALL).await;
    let statistics = app.caseworker(ORG_A, "stats", &[Role::Statistics]).await;
    let path = format!(
        "/api/v1/caseworker/people/{}/registrations/{}",
        person.id, first.id
    );

    let outside = app.bearer_get(&path, &outsider).await;
    let no_role = app.bearer_get(&path, &statistics).await;

    let body = outside.problem(404, "not-found");
    assert!(!body.to_string().contains("som"), "{body}");
    no_role.problem(403, "forbidden");
    let (events, _) = app
        .store
        .audit_events(&AuditFilter {
            person_id: Some(person.id),
            action: Some(AuditAction::ReadPerson),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert!(events.is_empty(), "no read was made, so none is logged");
}

/// The printable profile is the latest completed registration, never the
/// newer draft; it is a read of its own kind in the access log, and closed
/// to other organisations and to roles that do not read people.
async fn the_printable_profile_is_the_latest_completed_registration_and_is_logged(app: TestApp) {
    let person = app.person_in(ORG_A, "202400000101", "Amina", "Again").await;
    let nothing_yet = app.person_in(ORG_A, "202400000102", "Berit", "Next").await;
    registration(&app, &person, "som", true).await;
    app.advance(Duration::days(1));
    let latest = registration(&app, &person, "tir", true).await;
    app.advance(Duration::days(1));
    registration(&app, &person, "ara", false).await;
    registration(&app, &nothing_yet, "fra", false).await;
    let reader = app.caseworker(ORG_A, "reader", &[Role::Reader]).await;
    let statistics = app.caseworker(ORG_A, "stats", &[Role::Statistics]).await;
    let outsider = app.caseworker(ORG_B, "b.all", &Role::ALL).await;
    let path = format!("/api/v1/caseworker/people/{}/print", person.id);

    let print = app.bearer_get(&path, &reader).await;
    let draft_only = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}/print", nothing_yet.id),
            &reader,
        )
        .await;

    assert_eq!(print.status, 200);
    let print = print.json();
    assert_eq!(print["identity"]["duf_number"], "202400000101");
    assert_eq!(print["state"], "completed_new_in_progress");
    assert_eq!(print["registration"]["id"], latest.id.to_string());
    assert_eq!(print["registration"]["status"], "completed");
    assert_eq!(
        print["registration"]["answers"],
        json!({ "mother_tongue": "tir" })
    );
    assert_eq!(print["printed_at"], api_time(app.clock.now()));
    assert_eq!(print["printed_by"], "CW reader");
    assert_eq!(draft_only.status, 200);
    assert!(
        draft_only.json().get("registration").is_none(),
        "a draft is not printed"
    );

    // Logged as a print, naming the registration; the access log shows it.
    let (events, _) = app
        .store
        .audit_events(&AuditFilter {
            person_id: Some(person.id),
            action: Some(AuditAction::PrintPerson),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.registration_id, Some(latest.id));
    assert_eq!(
        events[0].event.fields,
        ["identity", "registration_state", "answers"]
    );
    let access = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}/access-log", person.id),
            &reader,
        )
        .await
        .json();
    assert_eq!(access[1]["action"], "print_person");

    // Other organisations find no one; the statistics role reads no one.
    let outside = app.bearer_get(&path, &outsider).await;
    let body = outside.problem(404, "not-found");
    assert!(!body.to_string().contains("tir"), "{body}");
    app.bearer_get(&path, &statistics)
        .await
        .problem(403, "forbidden");
    let (events, _) = app
        .store
        .audit_events(&AuditFilter {
            person_id: Some(person.id),
            action: Some(AuditAction::PrintPerson),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(events.len(), 1, "a refused print is no read");
}

on_both_engines!(
    new_registration_after_completing_keeps_the_person_completed_in_lists,
    the_printable_profile_is_the_latest_completed_registration_and_is_logged,
    person_page_shows_the_latest_completed_answers_and_opens_any_registration,
    another_organisation_cannot_open_a_registration,
);
