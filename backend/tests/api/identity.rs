//! The identity of UDI guideline 2021-007 (issue #15) through the API: a
//! counsellor's correction and an API client's PUT follow the same rules,
//! every change goes into the person's identity history with its reason,
//! and field errors come back as problem+json.

use kartlegg_backend::db::{AuditFilter, Person};
use kartlegg_shared::caseworker::{AuditAction, Role};
use kartlegg_shared::integration::Scope;
use serde_json::{Value, json};

use axum::http::Method;

use crate::helpers::TestApp;
use crate::integration::{access, send_with};
use crate::on_both_engines;

const ORG_A: &str = "0301";
const ORG_B: &str = "4601";
const DUF_A: &str = "202400001501";

fn identity_path(person: &Person) -> String {
    format!("/api/v1/caseworker/people/{}/identity", person.id)
}

/// A whole identity as a counsellor registers it from what the person says:
/// the day of birth unknown, two citizenships, an address.
fn full_identity() -> Value {
    json!({
        "first_name": "Amina",
        "middle_name": "Selam",
        "last_name": "Tesfay",
        "birth_date": { "year": 1990, "month": 5, "case_opened_on": "2024-03-14" },
        "place_of_birth": "Asmara",
        "country_of_birth": "eri",
        "gender": "female",
        "citizenships": ["ERI", "ETH"],
        "preferred_citizenship": "ETH",
        "marital_status": { "status": "married", "from": "2015-06-01" },
        "postal_address": { "street": "Storgata 1", "postcode": "0155", "post_town": "Oslo", "from": "2024-04-01" },
        "sources": {
            "name": "travel_document",
            "birth_date": "own_statement",
            "place_of_birth": "own_statement",
            "citizenships": "travel_document",
            "gender": "travel_document",
            "marital_status": "own_statement",
            "postal_address": "own_statement"
        },
        "reason": "Registered at the first meeting"
    })
}

fn fields(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn a_correction_registers_the_whole_identity_and_its_history(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfai").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;

    let res = app
        .bearer_put(&identity_path(&person), &counsellor, &full_identity())
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    let identity = res.json();
    // § 6.2: the unknown day is the case-opening day, and the date is fictitious.
    assert_eq!(
        identity["birth_date"],
        json!({ "date": "1990-05-14", "reliability": "fictitious", "unknown": "day", "case_opened_on": "2024-03-14" })
    );
    assert_eq!(identity["date_of_birth"], "1990-05-14");
    // The preferred citizenship comes first.
    assert_eq!(identity["citizenships"], json!(["ETH", "ERI"]));
    assert_eq!(identity["preferred_citizenship"], "ETH");
    assert_eq!(identity["country_of_birth"], "ERI");
    assert_eq!(identity["middle_name"], "Selam");
    assert_eq!(identity["sources"]["birth_date"], "own_statement");
    assert_eq!(identity["marital_status"]["status"], "married");

    let mut moved = full_identity();
    moved["postal_address"]["street"] = json!("Kirkeveien 5");
    moved["reason"] = json!("Moved to a flat");
    let res = app
        .bearer_put(&identity_path(&person), &counsellor, &moved)
        .await;
    assert_eq!(res.status, 200);

    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", person.id),
            &counsellor,
        )
        .await
        .json();
    let history = page["identity_history"].as_array().unwrap();
    let newest = &history[0];
    assert_eq!(newest["field"], "postal_address");
    assert_eq!(newest["reason"], "Moved to a flat");
    assert_eq!(newest["actor"], "CW counsellor");
    assert_eq!(newest["source"], "own_statement");
    assert_eq!(
        newest["old_value"],
        "Storgata 1, 0155 Oslo, from 2024-04-01"
    );
    assert_eq!(
        newest["new_value"],
        "Kirkeveien 5, 0155 Oslo, from 2024-04-01"
    );
    let first_change: Vec<&str> = history
        .iter()
        .filter(|h| h["reason"] == "Registered at the first meeting")
        .map(|h| h["field"].as_str().unwrap())
        .collect();
    for field in [
        "last_name",
        "middle_name",
        "date_of_birth",
        "place_of_birth",
        "country_of_birth",
        "citizenships",
        "gender",
        "marital_status",
        "postal_address",
    ] {
        assert!(first_change.contains(&field), "{field} in {first_change:?}");
    }
    let surname = history.iter().find(|h| h["field"] == "last_name").unwrap();
    assert_eq!(surname["old_value"], "Tesfai");
    assert_eq!(surname["new_value"], "Tesfay");

    // The audit log has the change with the fields and the reason.
    let (events, _) = app
        .store
        .audit_events(&AuditFilter {
            action: Some(AuditAction::CorrectIdentity),
            limit: 1,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(events[0].event.fields, ["postal_address"]);
    assert_eq!(events[0].event.reason.as_deref(), Some("Moved to a flat"));
}

async fn a_correction_without_a_reason_changes_nothing(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfai").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let mut body = full_identity();
    body["reason"] = json!("  ");
    let problem = app
        .bearer_put(&identity_path(&person), &counsellor, &body)
        .await
        .problem(422, "validation");
    assert_eq!(
        fields(&problem),
        [("reason".into(), "reason_required".into())]
    );
    let history = app.store.identity_history(person.id).await.unwrap();
    assert!(history.is_empty());
}

async fn identity_rules_answer_field_errors(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfai").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let body = json!({
        "first_name": "Mrs Amina",
        "last_name": "Tesfay",
        "birth_date": { "year": 1990, "month": 0, "day": 0, "reliability": "documented" },
        "country_of_birth": "XXX",
        "citizenships": ["ERI", "ETH"],
        "postal_address": { "street": "Storgata 1", "postcode": "155", "post_town": "Oslo", "from": "2024-04-01" },
        "sources": { "birth_date": "other_document" },
        "reason": "Passport shown"
    });
    let res = app
        .bearer_put(&identity_path(&person), &counsellor, &body)
        .await;
    assert_eq!(res.header("content-type"), "application/problem+json");
    let problem = res.problem(422, "validation");
    assert_eq!(
        fields(&problem),
        [
            ("first_name".into(), "title_in_name".into()),
            (
                "birth_date.month".into(),
                "zero_without_travel_document".into()
            ),
            ("country_of_birth".into(), "stateless_not_a_country".into()),
            ("preferred_citizenship".into(), "preferred_required".into()),
            ("postal_address.postcode".into(), "invalid_postcode".into()),
        ]
    );

    // 00 is registered as the travel document shows it.
    let body = json!({
        "first_name": "Amina",
        "last_name": "Tesfay",
        "birth_date": { "year": 1990, "month": 0, "day": 0, "reliability": "documented" },
        "citizenships": ["ERI"],
        "sources": { "birth_date": "travel_document" },
        "reason": "Passport shown"
    });
    let res = app
        .bearer_put(&identity_path(&person), &counsellor, &body)
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    let identity = res.json();
    assert_eq!(identity["birth_date"]["date"], "1990-00-00");
    assert_eq!(identity["birth_date"]["reliability"], "documented");
    assert!(identity.get("date_of_birth").is_none(), "no calendar date");
}

async fn another_organisations_person_is_not_found(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfai").await;
    let other = app.caseworker(ORG_B, "other", &[Role::Counsellor]).await;
    app.bearer_put(&identity_path(&person), &other, &full_identity())
        .await
        .problem(404, "not-found");
    assert!(
        app.store
            .identity_history(person.id)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn an_api_client_writes_the_same_identity(app: TestApp) {
    let token = access(&app, ORG_A, &[Scope::PeopleRead, Scope::PeopleWrite]).await;
    let path = format!("/api/v1/people/{DUF_A}");
    let mut body = full_identity();
    body.as_object_mut().unwrap().remove("reason");
    let res = app.bearer_put(&path, &token, &body).await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    let created = res.json();
    assert_eq!(created["birth_date"]["date"], "1990-05-14");
    assert_eq!(created["preferred_citizenship"], "ETH");
    assert_eq!(created["sources"]["name"], "travel_document");

    let read = app.bearer_get(&path, &token).await.json();
    assert_eq!(read["postal_address"], created["postal_address"]);
    let list = app.bearer_get("/api/v1/people", &token).await.json();
    assert_eq!(
        list["people"][0]["marital_status"],
        created["marital_status"]
    );

    // The same rules: an unknown day needs the case-opening date.
    let mut bad = full_identity();
    bad["birth_date"] = json!({ "year": 1990, "month": 5 });
    let problem = app
        .bearer_put(&path, &token, &bad)
        .await
        .problem(422, "validation");
    assert_eq!(
        fields(&problem),
        [(
            "birth_date.case_opened_on".into(),
            "case_opened_required".into()
        )]
    );

    // A change with the client's reason goes into the history.
    let mut married = full_identity();
    married["marital_status"] = json!({ "status": "divorced", "from": "2023-01-10" });
    married["reason"] = json!("Divorce certificate received");
    let res = app.bearer_put(&path, &token, &married).await;
    assert_eq!(res.status, 200);
    let person = app
        .store
        .person_by_duf(&kartlegg_shared::domain::DufNumber::parse(DUF_A).unwrap())
        .await
        .unwrap()
        .unwrap();
    let history = app.store.identity_history(person.id).await.unwrap();
    assert_eq!(history[0].field, "marital_status");
    assert_eq!(history[0].reason, "Divorce certificate received");
    assert!(history[0].actor.starts_with("API client: "));
    assert_eq!(
        history[0].old_value.as_deref(),
        Some("married from 2015-06-01")
    );
    let created_rows: Vec<_> = history
        .iter()
        .filter(|h| h.reason == "Written by an API client")
        .collect();
    assert!(created_rows.iter().all(|h| h.old_value.is_none()));
    assert!(created_rows.iter().any(|h| h.field == "first_name"));
}

const DUF_DUPLICATE: &str = "202400001502";

async fn a_duplicate_is_linked_and_can_no_longer_be_changed(app: TestApp) {
    let active = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    let duplicate = app.person_in(ORG_A, DUF_DUPLICATE, "Amina", "Tesfai").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let link = format!("/api/v1/caseworker/people/{}/duplicates", active.id);

    let res = app
        .post_json(
            &link,
            Some(&counsellor),
            &json!({ "duf_number": DUF_DUPLICATE, "reason": "Registered twice at arrival" }),
        )
        .await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    assert_eq!(res.json()["person"]["duf_number"], DUF_DUPLICATE);

    // § 15.1: the duplicate can no longer be changed, by anyone.
    app.bearer_put(&identity_path(&duplicate), &counsellor, &full_identity())
        .await
        .problem(409, "conflict");
    let token = access(&app, ORG_A, &[Scope::PeopleWrite]).await;
    app.bearer_put(
        &format!("/api/v1/people/{DUF_DUPLICATE}"),
        &token,
        &json!({ "first_name": "Amina", "last_name": "Tesfay", "citizenships": ["ERI"] }),
    )
    .await
    .problem(409, "conflict");
    app.post_json(
        &format!("/api/v1/caseworker/people/{}/aliases", duplicate.id),
        Some(&counsellor),
        &json!({ "first_name": "Amina", "last_name": "T", "reason": "Used at the border" }),
    )
    .await
    .problem(409, "conflict");

    // Linked twice, or the other way round: refused.
    app.post_json(
        &link,
        Some(&counsellor),
        &json!({ "duf_number": DUF_DUPLICATE, "reason": "Again" }),
    )
    .await
    .problem(409, "conflict");
    app.post_json(
        &format!("/api/v1/caseworker/people/{}/duplicates", duplicate.id),
        Some(&counsellor),
        &json!({ "duf_number": DUF_A, "reason": "The other way round" }),
    )
    .await
    .problem(409, "conflict");
    let own = app
        .post_json(
            &link,
            Some(&counsellor),
            &json!({ "duf_number": DUF_A, "reason": "Self" }),
        )
        .await
        .problem(422, "validation");
    assert_eq!(fields(&own), [("duf_number".into(), "same_person".into())]);

    // Both pages show the link; both histories have it.
    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", active.id),
            &counsellor,
        )
        .await
        .json();
    assert_eq!(page["duplicates"][0]["person"]["duf_number"], DUF_DUPLICATE);
    assert_eq!(
        page["duplicates"][0]["reason"],
        "Registered twice at arrival"
    );
    assert_eq!(page["identity_history"][0]["field"], "duplicates");
    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", duplicate.id),
            &counsellor,
        )
        .await
        .json();
    assert_eq!(page["duplicate_of"]["duf_number"], DUF_A);
    assert_eq!(page["identity_history"][0]["field"], "duplicate_of");

    // The search finds the active identity through the duplicate's DUF-number.
    let found = app
        .post_json(
            "/api/v1/caseworker/search",
            Some(&counsellor),
            &json!({ "query": DUF_DUPLICATE }),
        )
        .await
        .json();
    assert_eq!(found["results"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["results"][0]["duf_number"], DUF_A);
    assert_eq!(
        found["results"][0]["found_through"],
        json!({ "kind": "duplicate", "text": DUF_DUPLICATE })
    );
    // By name too: the duplicate's name finds the active identity once.
    let found = app
        .post_json(
            "/api/v1/caseworker/search",
            Some(&counsellor),
            &json!({ "query": "Tesfai" }),
        )
        .await
        .json();
    assert_eq!(found["results"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["results"][0]["duf_number"], DUF_A);
}

async fn a_duplicate_of_another_organisation_is_not_found(app: TestApp) {
    let active = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    app.person_in(ORG_B, DUF_DUPLICATE, "Amina", "Tesfai").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    app.post_json(
        &format!("/api/v1/caseworker/people/{}/duplicates", active.id),
        Some(&counsellor),
        &json!({ "duf_number": DUF_DUPLICATE, "reason": "Same person" }),
    )
    .await
    .problem(404, "not-found");
    let other = app.caseworker(ORG_B, "other", &[Role::Counsellor]).await;
    app.post_json(
        &format!("/api/v1/caseworker/people/{}/aliases", active.id),
        Some(&other),
        &json!({ "first_name": "Amina", "last_name": "T", "reason": "Used at the border" }),
    )
    .await
    .problem(404, "not-found");
}

async fn the_search_finds_people_by_their_aliases(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let aliases = format!("/api/v1/caseworker/people/{}/aliases", person.id);
    let res = app
        .post_json(
            &aliases,
            Some(&counsellor),
            &json!({
                "first_name": "Semira",
                "last_name": "Ghebremédhin",
                "date_of_birth": "1988-02-01",
                "citizenship": "sdn",
                "reason": "Identity used in Sudan"
            }),
        )
        .await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    assert_eq!(res.json()["citizenship"], "SDN");

    let bad = app
        .post_json(
            &aliases,
            Some(&counsellor),
            &json!({ "first_name": "Dr Semira", "last_name": "G", "citizenship": "ZZZ", "reason": "" }),
        )
        .await
        .problem(422, "validation");
    assert_eq!(
        fields(&bad),
        [
            ("first_name".into(), "title_in_name".into()),
            ("citizenship".into(), "unknown_country".into()),
            ("reason".into(), "reason_required".into()),
        ]
    );

    for query in ["ghebremedhin, semira", "Semira", "01.02.1988"] {
        let found = app
            .post_json(
                "/api/v1/caseworker/search",
                Some(&counsellor),
                &json!({ "query": query }),
            )
            .await
            .json();
        assert_eq!(
            found["results"].as_array().unwrap().len(),
            1,
            "{query}: {found}"
        );
        assert_eq!(found["results"][0]["duf_number"], DUF_A);
        assert_eq!(
            found["results"][0]["found_through"],
            json!({ "kind": "alias", "text": "Ghebremédhin, Semira" })
        );
    }
    // Found by the own name, the person is not marked.
    let found = app
        .post_json(
            "/api/v1/caseworker/search",
            Some(&counsellor),
            &json!({ "query": "Tesfay" }),
        )
        .await
        .json();
    assert!(found["results"][0].get("found_through").is_none());

    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", person.id),
            &counsellor,
        )
        .await
        .json();
    assert_eq!(page["aliases"][0]["last_name"], "Ghebremédhin");
    assert_eq!(page["identity_history"][0]["field"], "aliases");
    assert_eq!(
        page["identity_history"][0]["reason"],
        "Identity used in Sudan"
    );

    // Another organisation does not find them through the alias.
    let other = app.caseworker(ORG_B, "other", &[Role::Reader]).await;
    let found = app
        .post_json(
            "/api/v1/caseworker/search",
            Some(&other),
            &json!({ "query": "Semira" }),
        )
        .await
        .json();
    assert!(found["results"].as_array().unwrap().is_empty());
}

async fn a_duplicate_link_made_in_error_is_undone_with_its_reason(app: TestApp) {
    let active = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    let duplicate = app.person_in(ORG_A, DUF_DUPLICATE, "Amina", "Tesfai").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let res = app
        .post_json(
            &format!("/api/v1/caseworker/people/{}/duplicates", active.id),
            Some(&counsellor),
            &json!({ "duf_number": DUF_DUPLICATE, "reason": "Registered twice" }),
        )
        .await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    let unlink = format!(
        "/api/v1/caseworker/people/{}/duplicates/{}/unlinking",
        active.id, duplicate.id
    );

    // A reason is required; nothing changes without one.
    let blank = app
        .post_json(&unlink, Some(&counsellor), &json!({ "reason": "  " }))
        .await
        .problem(422, "validation");
    assert_eq!(
        fields(&blank),
        [("reason".into(), "reason_required".into())]
    );
    // A reader may not; the duplicate's own page is not the active identity.
    let reader = app.caseworker(ORG_A, "reader", &[Role::Reader]).await;
    app.post_json(&unlink, Some(&reader), &json!({ "reason": "Not the same" }))
        .await
        .problem(403, "forbidden");
    app.post_json(
        &format!(
            "/api/v1/caseworker/people/{}/duplicates/{}/unlinking",
            duplicate.id, active.id
        ),
        Some(&counsellor),
        &json!({ "reason": "Not the same" }),
    )
    .await
    .problem(404, "not-found");

    let res = app
        .post_json(
            &unlink,
            Some(&counsellor),
            &json!({ "reason": "Different people: the fingerprints differ" }),
        )
        .await;
    assert_eq!(res.status, 204, "{}", String::from_utf8_lossy(&res.body));
    // Once only.
    app.post_json(&unlink, Some(&counsellor), &json!({ "reason": "Again" }))
        .await
        .problem(404, "not-found");

    // Both pages lose the link, both histories have its end.
    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", active.id),
            &counsellor,
        )
        .await
        .json();
    assert!(page["duplicates"].as_array().unwrap().is_empty(), "{page}");
    assert_eq!(page["identity_history"][0]["field"], "duplicates");
    assert_eq!(page["identity_history"][0]["old_value"], DUF_DUPLICATE);
    assert!(page["identity_history"][0]["new_value"].is_null());
    assert_eq!(
        page["identity_history"][0]["reason"],
        "Different people: the fingerprints differ"
    );
    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", duplicate.id),
            &counsellor,
        )
        .await
        .json();
    assert!(page["duplicate_of"].is_null(), "{page}");
    assert_eq!(page["identity_history"][0]["field"], "duplicate_of");
    assert_eq!(page["identity_history"][0]["old_value"], DUF_A);

    // The former duplicate can be changed again, and the search finds it
    // as itself, no longer the active identity through it.
    let res = app
        .bearer_put(&identity_path(&duplicate), &counsellor, &full_identity())
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    let found = app
        .post_json(
            "/api/v1/caseworker/search",
            Some(&counsellor),
            &json!({ "query": DUF_DUPLICATE }),
        )
        .await
        .json();
    assert_eq!(found["results"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["results"][0]["duf_number"], DUF_DUPLICATE);
    assert!(found["results"][0].get("found_through").is_none());

    // Audited on both, with the fields and the reason.
    let (events, _) = app
        .store
        .audit_events(&AuditFilter {
            action: Some(AuditAction::CorrectIdentity),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    let reason = Some("Different people: the fingerprints differ".to_owned());
    let mut audited: Vec<_> = events
        .iter()
        .filter(|e| e.event.reason == reason)
        .map(|e| (e.event.fields.clone(), e.event.reason.clone()))
        .collect();
    audited.sort();
    assert_eq!(
        audited,
        [
            (vec!["duplicate_of".to_owned()], reason.clone()),
            (vec!["duplicates".to_owned()], reason),
        ]
    );
}

async fn an_alias_registered_in_error_is_removed_and_no_longer_found(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let alias = app
        .post_json(
            &format!("/api/v1/caseworker/people/{}/aliases", person.id),
            Some(&counsellor),
            &json!({
                "first_name": "Semira",
                "last_name": "Ghebremédhin",
                "date_of_birth": "1988-02-01",
                "reason": "Identity used in Sudan"
            }),
        )
        .await
        .json();
    let removal = format!(
        "/api/v1/caseworker/people/{}/aliases/{}/removal",
        person.id,
        alias["id"].as_str().unwrap()
    );

    let blank = app
        .post_json(&removal, Some(&counsellor), &json!({ "reason": "" }))
        .await
        .problem(422, "validation");
    assert_eq!(
        fields(&blank),
        [("reason".into(), "reason_required".into())]
    );
    // Another organisation's counsellor does not find the person (404),
    // nor does an alias id of someone else (404).
    let other = app.caseworker(ORG_B, "other", &[Role::Counsellor]).await;
    app.post_json(&removal, Some(&other), &json!({ "reason": "Typo" }))
        .await
        .problem(404, "not-found");
    let someone = app.person_in(ORG_A, DUF_DUPLICATE, "Yonas", "Haile").await;
    app.post_json(
        &format!(
            "/api/v1/caseworker/people/{}/aliases/{}/removal",
            someone.id,
            alias["id"].as_str().unwrap()
        ),
        Some(&counsellor),
        &json!({ "reason": "Typo" }),
    )
    .await
    .problem(404, "not-found");

    let res = app
        .post_json(
            &removal,
            Some(&counsellor),
            &json!({ "reason": "Registered on the wrong person" }),
        )
        .await;
    assert_eq!(res.status, 204, "{}", String::from_utf8_lossy(&res.body));
    app.post_json(&removal, Some(&counsellor), &json!({ "reason": "Again" }))
        .await
        .problem(404, "not-found");

    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", person.id),
            &counsellor,
        )
        .await
        .json();
    assert!(page["aliases"].as_array().unwrap().is_empty(), "{page}");
    assert_eq!(page["identity_history"][0]["field"], "aliases");
    assert_eq!(
        page["identity_history"][0]["old_value"],
        "Ghebremédhin, Semira, 1988-02-01"
    );
    assert!(page["identity_history"][0]["new_value"].is_null());
    let found = app
        .post_json(
            "/api/v1/caseworker/search",
            Some(&counsellor),
            &json!({ "query": "Semira" }),
        )
        .await
        .json();
    assert!(found["results"].as_array().unwrap().is_empty(), "{found}");
    let (events, _) = app
        .store
        .audit_events(&AuditFilter {
            action: Some(AuditAction::CorrectIdentity),
            limit: 1,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(events[0].event.fields, ["aliases"]);
    assert_eq!(
        events[0].event.reason.as_deref(),
        Some("Registered on the wrong person")
    );
}

/// The history keeps each value as data beside its text, so that the
/// person page shows it in the caseworker's language (a country by its
/// name, a reliability by its word); the text stays for systems.
async fn the_history_keeps_values_as_data_for_the_readers_language(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfai").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let res = app
        .bearer_put(&identity_path(&person), &counsellor, &full_identity())
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    app.post_json(
        &format!("/api/v1/caseworker/people/{}/aliases", person.id),
        Some(&counsellor),
        &json!({ "first_name": "Semira", "last_name": "G", "citizenship": "SDN", "reason": "Used in Sudan" }),
    )
    .await;

    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", person.id),
            &counsellor,
        )
        .await
        .json();
    let history = page["identity_history"].as_array().unwrap();
    let row = |field: &str| history.iter().find(|h| h["field"] == field).unwrap();
    assert_eq!(
        row("country_of_birth")["new"],
        json!({ "kind": "country", "code": "ERI" })
    );
    assert_eq!(row("country_of_birth")["new_value"], "ERI");
    assert_eq!(
        row("citizenships")["new"],
        json!({ "kind": "citizenships", "codes": ["ETH", "ERI"], "preferred": "ETH" })
    );
    assert_eq!(
        row("date_of_birth")["new"],
        json!({ "kind": "birth_date", "date": "1990-05-14", "reliability": "fictitious", "unknown": "day", "case_opened_on": "2024-03-14" })
    );
    assert_eq!(
        row("gender")["new"],
        json!({ "kind": "gender", "gender": "female" })
    );
    assert_eq!(
        row("marital_status")["new"],
        json!({ "kind": "marital_status", "status": "married", "from": "2015-06-01" })
    );
    assert_eq!(
        row("place_of_birth")["new"],
        json!({ "kind": "place", "place": "Asmara" })
    );
    let surname = row("last_name");
    assert_eq!(surname["old"], json!({ "kind": "text", "text": "Tesfai" }));
    assert_eq!(surname["new"], json!({ "kind": "text", "text": "Tesfay" }));
    assert_eq!(
        row("aliases")["new"],
        json!({ "kind": "alias", "first_name": "Semira", "last_name": "G", "citizenship": "SDN" })
    );
    // A value that was not there has no data either.
    assert!(row("country_of_birth").get("old").is_none());

    // A row written before values were kept as data reads as its text.
    let engine_sql = "INSERT INTO identity_changes (person_id, changed_at, actor, reason, field, \
                      old_value, new_value) VALUES ($1, $2, 'Old', 'Before 0018', 'country_of_birth', 'SOM', 'ERI')";
    if app.db_url.starts_with("sqlite:") {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&app.db_url).await.unwrap();
        sqlx::query(engine_sql)
            .bind(person.id)
            .bind(chrono::Utc::now())
            .execute(&mut c)
            .await
            .unwrap();
    } else {
        use sqlx::Connection;
        let mut c = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
        sqlx::query(engine_sql)
            .bind(person.id)
            .bind(chrono::Utc::now())
            .execute(&mut c)
            .await
            .unwrap();
    }
    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", person.id),
            &counsellor,
        )
        .await
        .json();
    let old = page["identity_history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["reason"] == "Before 0018")
        .unwrap()
        .clone();
    assert_eq!(old["new_value"], "ERI");
    assert!(old.get("new").is_none() && old.get("old").is_none());
}

/// The outside lookup by a duplicate's DUF-number gives the active
/// identity, marked as found through the duplicate, as the search does.
async fn the_outside_lookup_finds_the_active_identity_through_a_duplicate(app: TestApp) {
    let active = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    app.person_in(ORG_A, DUF_DUPLICATE, "Amina", "Tesfai").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let res = app
        .post_json(
            &format!("/api/v1/caseworker/people/{}/duplicates", active.id),
            Some(&counsellor),
            &json!({ "duf_number": DUF_DUPLICATE, "reason": "Registered twice at arrival" }),
        )
        .await;
    assert_eq!(res.status, 201);
    let reader_b = app.caseworker(ORG_B, "reader.b", &[Role::Reader]).await;
    let reason = "Applicant came to our office without papers";

    let res = app
        .post_json(
            "/api/v1/caseworker/lookup",
            Some(&reader_b),
            &json!({ "duf_number": DUF_DUPLICATE, "reason": reason }),
        )
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    let found = res.json();
    assert_eq!(found["person"]["id"], active.id.to_string());
    assert_eq!(found["person"]["duf_number"], DUF_A);
    assert_eq!(
        found["person"]["found_through"],
        json!({ "kind": "duplicate", "text": DUF_DUPLICATE })
    );
    assert_eq!(found["organisation"]["number"], ORG_A);
    // The active identity's own number: not marked.
    let own = app
        .post_json(
            "/api/v1/caseworker/lookup",
            Some(&reader_b),
            &json!({ "duf_number": DUF_A, "reason": reason }),
        )
        .await
        .json();
    assert!(own["person"].get("found_through").is_none());
    // Logged against the active identity, whose organisation sees it.
    let (events, _) = app
        .store
        .audit_events(&AuditFilter {
            action: Some(AuditAction::OutsideLookup),
            person_id: Some(active.id),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(events.len(), 2);
    // The person page stays closed to the other organisation.
    app.bearer_get(
        &format!("/api/v1/caseworker/people/{}", active.id),
        &reader_b,
    )
    .await
    .problem(404, "not-found");
}

/// A system links duplicates and registers aliases through the same rules,
/// history and audit as a counsellor, reads them with the person, and
/// undoes them with a reason.
async fn an_api_client_links_duplicates_and_registers_aliases(app: TestApp) {
    let active = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    let duplicate = app.person_in(ORG_A, DUF_DUPLICATE, "Amina", "Tesfai").await;
    let token = access(&app, ORG_A, &[Scope::PeopleRead, Scope::PeopleWrite]).await;
    let person_path = format!("/api/v1/people/{DUF_A}");
    let before = app.bearer_get(&person_path, &token).await;
    let etag = before.header("etag").to_owned();

    // The same request body and rules as a counsellor's; a key replays.
    let link = format!("{person_path}/duplicates");
    let body = json!({ "duf_number": DUF_DUPLICATE, "reason": "Registered twice at arrival" });
    let key = [("idempotency-key", "\"link-1\"")];
    let res = send_with(&app, Method::POST, &link, &token, &key, Some(&body)).await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    assert_eq!(res.json()["person"]["duf_number"], DUF_DUPLICATE);
    let again = send_with(&app, Method::POST, &link, &token, &key, Some(&body)).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.json(), res.json());
    // Without the key, a second link is the caseworker's 409.
    app.post_json(&link, Some(&token), &body)
        .await
        .problem(409, "conflict");
    let own = app
        .post_json(
            &link,
            Some(&token),
            &json!({ "duf_number": DUF_A, "reason": "" }),
        )
        .await
        .problem(422, "validation");
    assert_eq!(fields(&own), [("reason".into(), "reason_required".into()),]);

    // The duplicate can no longer be changed: no alias for it.
    app.post_json(
        &format!("/api/v1/people/{DUF_DUPLICATE}/aliases"),
        Some(&token),
        &json!({ "first_name": "Amina", "last_name": "T", "reason": "Used at the border" }),
    )
    .await
    .problem(409, "conflict");
    let aliases = format!("{person_path}/aliases");
    let res = app
        .post_json(
            &aliases,
            Some(&token),
            &json!({ "first_name": "Semira", "last_name": "Ghebremédhin", "citizenship": "sdn", "reason": "Identity used in Sudan" }),
        )
        .await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    let alias_id = res.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(res.json()["citizenship"], "SDN");
    assert!(
        res.json()["created_by"]
            .as_str()
            .unwrap()
            .starts_with("API client: ")
    );

    // The read shows both, and its ETag moved on.
    let read = app.bearer_get(&person_path, &token).await;
    assert_ne!(read.header("etag"), etag);
    let read = read.json();
    assert_eq!(read["duplicates"][0]["person"]["duf_number"], DUF_DUPLICATE);
    assert_eq!(read["aliases"][0]["last_name"], "Ghebremédhin");
    let dup = app
        .bearer_get(&format!("/api/v1/people/{DUF_DUPLICATE}"), &token)
        .await
        .json();
    assert_eq!(dup["duplicate_of"]["duf_number"], DUF_A);

    // History and audit name the client, as they would a counsellor.
    let history = app.store.identity_history(active.id).await.unwrap();
    assert_eq!(history[0].field, "aliases");
    assert!(history[0].actor.starts_with("API client: "));
    assert_eq!(history[1].field, "duplicates");
    let events = app.audit_events_of(AuditAction::CorrectIdentity).await;
    let by_client: Vec<_> = events
        .iter()
        .filter(|e| e.event.actor.starts_with("API client: "))
        .collect();
    assert_eq!(by_client.len(), 3, "{by_client:?}");
    assert!(
        by_client
            .iter()
            .any(|e| e.event.person_id == Some(duplicate.id) && e.event.fields == ["duplicate_of"])
    );

    // The caseworker's search finds the person through the client's alias.
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let found = app
        .post_json(
            "/api/v1/caseworker/search",
            Some(&counsellor),
            &json!({ "query": "Semira" }),
        )
        .await
        .json();
    assert_eq!(found["results"][0]["duf_number"], DUF_A, "{found}");

    // Undone with a reason: 204, and gone from the read.
    let removal = format!("{aliases}/{alias_id}/removal");
    app.post_json(&removal, Some(&token), &json!({ "reason": " " }))
        .await
        .problem(422, "validation");
    let res = app
        .post_json(
            &removal,
            Some(&token),
            &json!({ "reason": "Registered in error" }),
        )
        .await;
    assert_eq!(res.status, 204, "{}", String::from_utf8_lossy(&res.body));
    app.post_json(&removal, Some(&token), &json!({ "reason": "Again" }))
        .await
        .problem(404, "not-found");
    let unlink = format!("{link}/{DUF_DUPLICATE}/unlinking");
    let key = [("idempotency-key", "\"unlink-1\"")];
    let body = json!({ "reason": "Not the same person after all" });
    let res = send_with(&app, Method::POST, &unlink, &token, &key, Some(&body)).await;
    assert_eq!(res.status, 204, "{}", String::from_utf8_lossy(&res.body));
    let again = send_with(&app, Method::POST, &unlink, &token, &key, Some(&body)).await;
    assert_eq!(again.status, 204);
    assert!(again.body.is_empty());
    app.post_json(&unlink, Some(&token), &body)
        .await
        .problem(404, "not-found");
    let read = app.bearer_get(&person_path, &token).await.json();
    assert!(
        read.get("duplicates").is_none() && read.get("aliases").is_none(),
        "{read}"
    );
    let history = app.store.identity_history(duplicate.id).await.unwrap();
    assert_eq!(history[0].field, "duplicate_of");
    assert_eq!(history[0].old_value.as_deref(), Some(DUF_A));
    assert_eq!(history[0].reason, "Not the same person after all");

    // Changes need people:write; reading is not enough.
    let reader = access(&app, ORG_A, &[Scope::PeopleRead]).await;
    let res = app
        .post_json(
            &link,
            Some(&reader),
            &json!({ "duf_number": DUF_DUPLICATE, "reason": "x" }),
        )
        .await;
    assert_eq!(res.status, 403);
}

/// Another organisation's client finds none of it: 404 for the person, for
/// the duplicate named in the body, and for the alias and link to undo.
async fn another_organisations_client_gets_404_for_links_and_aliases(app: TestApp) {
    let active = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    app.person_in(ORG_A, DUF_DUPLICATE, "Amina", "Tesfai").await;
    let own = app.person_in(ORG_B, "202400001503", "Yonas", "Haile").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    app.post_json(
        &format!("/api/v1/caseworker/people/{}/duplicates", active.id),
        Some(&counsellor),
        &json!({ "duf_number": DUF_DUPLICATE, "reason": "Same person" }),
    )
    .await;
    let alias = app
        .post_json(
            &format!("/api/v1/caseworker/people/{}/aliases", active.id),
            Some(&counsellor),
            &json!({ "first_name": "Semira", "last_name": "G", "reason": "Used in Sudan" }),
        )
        .await
        .json();
    let other = access(&app, ORG_B, &[Scope::PeopleRead, Scope::PeopleWrite]).await;
    let person_path = format!("/api/v1/people/{DUF_A}");
    app.post_json(
        &format!("{person_path}/duplicates"),
        Some(&other),
        &json!({ "duf_number": "202400001503", "reason": "Same person" }),
    )
    .await
    .problem(404, "not-found");
    // Its own person cannot take another organisation's as a duplicate.
    app.post_json(
        &format!("/api/v1/people/{}/duplicates", own.duf_number.as_str()),
        Some(&other),
        &json!({ "duf_number": DUF_A, "reason": "Same person" }),
    )
    .await
    .problem(404, "not-found");
    app.post_json(
        &format!("{person_path}/aliases"),
        Some(&other),
        &json!({ "first_name": "Semira", "last_name": "G", "reason": "Used in Sudan" }),
    )
    .await
    .problem(404, "not-found");
    app.post_json(
        &format!(
            "{person_path}/aliases/{}/removal",
            alias["id"].as_str().unwrap()
        ),
        Some(&other),
        &json!({ "reason": "Registered in error" }),
    )
    .await
    .problem(404, "not-found");
    app.post_json(
        &format!("{person_path}/duplicates/{DUF_DUPLICATE}/unlinking"),
        Some(&other),
        &json!({ "reason": "Registered in error" }),
    )
    .await
    .problem(404, "not-found");
    // Nothing changed.
    assert_eq!(app.store.aliases(active.id).await.unwrap().len(), 1);
    assert_eq!(
        app.store.duplicate_links(active.id).await.unwrap().1.len(),
        1
    );
}

/// At least one citizenship (XUK when it is not known) wherever an identity
/// is written; people stored before the rule without one still read.
async fn an_identity_without_a_citizenship_is_refused(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfai").await;
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;
    let mut body = full_identity();
    body["citizenships"] = json!([]);
    body.as_object_mut()
        .unwrap()
        .remove("preferred_citizenship");
    body["sources"]
        .as_object_mut()
        .unwrap()
        .remove("citizenships");
    let problem = app
        .bearer_put(&identity_path(&person), &counsellor, &body)
        .await
        .problem(422, "validation");
    assert_eq!(
        fields(&problem),
        [("citizenships".into(), "citizenship_required".into())]
    );
    assert!(
        app.store
            .identity_history(person.id)
            .await
            .unwrap()
            .is_empty()
    );

    // A system's PUT and batch with names only.
    let token = access(&app, ORG_A, &[Scope::PeopleRead, Scope::PeopleWrite]).await;
    let names_only = json!({ "first_name": "Yonas", "last_name": "Haile" });
    let problem = app
        .bearer_put("/api/v1/people/202400001509", &token, &names_only)
        .await
        .problem(422, "validation");
    assert_eq!(
        fields(&problem),
        [("citizenships".into(), "citizenship_required".into())]
    );
    let res = app
        .post_json(
            "/api/v1/people/batch",
            Some(&token),
            &json!({ "people": [
                { "duf_number": "202400001509", "person": names_only },
                { "duf_number": "202400001510", "person": { "first_name": "Olena", "last_name": "Kovalenko", "citizenships": ["XUK"] } },
            ] }),
        )
        .await;
    assert_eq!(res.status, 200);
    let results = res.json()["results"].clone();
    assert_eq!(results[0]["status"], 422);
    assert_eq!(
        results[0]["problem"]["errors"][0]["field"],
        "people[0].person.citizenships"
    );
    assert_eq!(
        results[0]["problem"]["errors"][0]["code"],
        "citizenship_required"
    );
    assert_eq!(results[1]["status"], 201);
    assert_eq!(results[1]["person"]["citizenships"], json!(["XUK"]));

    // A person stored without one (before the rule) still reads, empty.
    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", person.id),
            &counsellor,
        )
        .await;
    assert_eq!(page.status, 200);
    assert_eq!(page.json()["identity"]["citizenships"], json!([]));
    let read = app
        .bearer_get(&format!("/api/v1/people/{DUF_A}"), &token)
        .await;
    assert_eq!(read.status, 200);
    assert_eq!(read.json()["citizenships"], json!([]));
}

on_both_engines!(
    a_correction_registers_the_whole_identity_and_its_history,
    a_correction_without_a_reason_changes_nothing,
    identity_rules_answer_field_errors,
    another_organisations_person_is_not_found,
    an_api_client_writes_the_same_identity,
    a_duplicate_is_linked_and_can_no_longer_be_changed,
    a_duplicate_of_another_organisation_is_not_found,
    the_search_finds_people_by_their_aliases,
    a_duplicate_link_made_in_error_is_undone_with_its_reason,
    an_alias_registered_in_error_is_removed_and_no_longer_found,
    the_history_keeps_values_as_data_for_the_readers_language,
    the_outside_lookup_finds_the_active_identity_through_a_duplicate,
    an_api_client_links_duplicates_and_registers_aliases,
    another_organisations_client_gets_404_for_links_and_aliases,
    an_identity_without_a_citizenship_is_refused,
);
