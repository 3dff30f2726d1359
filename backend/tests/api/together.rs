//! Registering together with the applicant (issue #15 item 4): a counsellor
//! opens the applicant's form after the consent is recorded, saves through
//! the applicant's save path, and every answer records who gave it; the
//! person page and the registration export show it. Only the counsellor's
//! own organisation's people, only their own session, every step audited.

use axum::http::Method;
use kartlegg_shared::api::CONSENT_VERSION;
use kartlegg_shared::caseworker::{AuditAction, Role};
use kartlegg_shared::integration::Scope;
use serde_json::{Value, json};
use sqlx::Connection;
use uuid::Uuid;

use crate::applicant_registration::complete_answers;
use crate::helpers::TestApp;
use crate::integration::access;
use crate::on_both_engines;

const DUF: &str = "202400001701";
/// `seed_person`'s organisation.
const ORG: &str = "test-org";
const OTHER_ORG: &str = "4601";

fn start_path(person_id: Uuid) -> String {
    format!("/api/v1/caseworker/people/{person_id}/together")
}

fn together(id: &str, rest: &str) -> String {
    format!("/api/v1/caseworker/together/{id}{rest}")
}

fn interpreter() -> Value {
    json!({ "language": "so", "name": "Hodan Ali", "number": "TR-4711" })
}

/// Opens a together session; returns its id.
async fn start(app: &TestApp, token: &str, person_id: Uuid, body: &Value) -> String {
    let res = app
        .post_json(&start_path(person_id), Some(token), body)
        .await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    res.json()["id"].as_str().unwrap().to_owned()
}

/// Saves every part in the together session; returns the last answer.
async fn fill_in_together(app: &TestApp, token: &str, id: &str) -> Value {
    let res = app.bearer_get(&together(id, "/registration"), token).await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    let mut last = res.json();
    for (part, answers) in complete_answers() {
        let res = app
            .bearer_put(
                &together(id, &format!("/registration/sections/{part}")),
                token,
                &json!({ "revision": last["revision"], "answers": answers, "language": "so" }),
            )
            .await;
        assert_eq!(
            res.status,
            200,
            "{part}: {}",
            String::from_utf8_lossy(&res.body)
        );
        last = res.json();
    }
    last
}

/// Each consent of the person: decision, how it was given, and the username
/// of the account that recorded it (empty for the applicant's own).
async fn consents(app: &TestApp, person_id: Uuid) -> Vec<(String, String, String)> {
    let sql = "SELECT c.decision, c.given, COALESCE(w.username, '') FROM consents c \
               LEFT JOIN caseworkers w ON w.id = c.recorded_by WHERE c.person_id = {} \
               ORDER BY c.seq";
    if app.db_url.starts_with("sqlite:") {
        let mut c = sqlx::SqliteConnection::connect(&app.db_url).await.unwrap();
        sqlx::query_as(&sql.replace("{}", "?"))
            .bind(person_id)
            .fetch_all(&mut c)
            .await
            .unwrap()
    } else {
        let mut c = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
        sqlx::query_as(&sql.replace("{}", "$1"))
            .bind(person_id)
            .fetch_all(&mut c)
            .await
            .unwrap()
    }
}

async fn a_registration_made_together_records_staff_provenance_and_the_interpreter_on_each_answer(
    app: TestApp,
) {
    // The applicant answered the first part in their own session.
    let (person, code) = app.seed_person(DUF).await;
    let applicant = app.login(DUF, &code).await;
    app.post_json(
        "/api/v1/applicant/consent",
        Some(&applicant),
        &json!({ "version": CONSENT_VERSION, "decision": "accept" }),
    )
    .await;
    let (part, answers) = complete_answers().remove(0);
    let res = app
        .bearer_put(
            &format!("/api/v1/applicant/registration/sections/{part}"),
            &applicant,
            &json!({ "revision": 0, "answers": answers }),
        )
        .await;
    assert_eq!(res.status, 200);
    assert!(
        res.json().get("provenance").is_none(),
        "the applicant's own answer is as before"
    );
    let counsellor = app.caseworker(ORG, "kari", &[Role::Counsellor]).await;

    // The counsellor confirms the consent given in person, with an interpreter.
    let id = start(
        &app,
        &counsellor,
        person.id,
        &json!({ "language": "so", "consent": "in_person", "interpreter": interpreter() }),
    )
    .await;
    let session = app.bearer_get(&together(&id, ""), &counsellor).await.json();
    assert_eq!(session["consent_required"], false);
    assert_eq!(session["language"], "so");
    assert_eq!(session["interpreter"], interpreter());
    let last = fill_in_together(&app, &counsellor, &id).await;
    let res = app
        .bearer_post(&together(&id, "/registration/complete"), &counsellor)
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    let completed = res.json();
    assert_eq!(completed["status"], "completed");
    assert_eq!(
        completed["revision"],
        last["revision"].as_i64().unwrap() + 1
    );

    // Every answer has its provenance: the one the applicant gave and the
    // counsellor left unchanged stays the applicant's.
    let staff = json!({
        "by": "staff",
        "account": "CW kari",
        "interpreter": interpreter(),
    });
    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", person.id),
            &counsellor,
        )
        .await
        .json();
    let provenance = &page["shown_registration"]["provenance"];
    let answers = page["shown_registration"]["answers"].as_object().unwrap();
    assert_eq!(
        provenance.as_object().unwrap().len(),
        answers.len(),
        "one provenance per answer"
    );
    for (question, p) in provenance.as_object().unwrap() {
        let personal = [
            "mother_tongue",
            "interpreter_language",
            "country_background",
        ];
        if personal.contains(&question.as_str()) {
            assert_eq!(p, &json!({ "by": "applicant" }), "{question}");
        } else {
            assert_eq!(p["by"], staff["by"], "{question}");
            assert_eq!(p["account"], staff["account"], "{question}");
            assert_eq!(p["interpreter"], staff["interpreter"], "{question}");
            assert!(p["account_id"].as_str().is_some());
        }
    }

    // The registration export shows it per answer too.
    let system = access(&app, ORG, &[Scope::RegistrationsRead]).await;
    let export = app
        .bearer_get(
            &format!(
                "/api/v1/registrations/{}",
                completed["id"].as_str().unwrap()
            ),
            &system,
        )
        .await;
    assert_eq!(
        export.status,
        200,
        "{}",
        String::from_utf8_lossy(&export.body)
    );
    for answer in export.json()["answers"].as_array().unwrap() {
        let expected = &provenance[answer["question"].as_str().unwrap()];
        assert_eq!(&answer["provenance"], expected);
    }

    // The consent: the applicant's own, then the one confirmed in person.
    assert_eq!(
        consents(&app, person.id).await,
        vec![
            ("accept".into(), "own_session".into(), String::new()),
            ("accept".into(), "in_person".into(), "kari".into()),
        ]
    );

    // Every step audited, naming no answer and not the interpreter.
    let events = app.audit_events_of(AuditAction::RegisterTogether).await;
    let steps: Vec<Vec<String>> = events
        .iter()
        .rev()
        .map(|e| e.event.fields.clone())
        .collect();
    assert_eq!(
        steps.first().unwrap(),
        &[
            "start",
            "consent:in_person",
            "consent_recorded",
            "interpreter"
        ]
    );
    assert_eq!(steps[1], ["read"]);
    assert_eq!(steps[2], ["section:personal"]);
    assert_eq!(steps.last().unwrap(), &["complete"]);
    assert_eq!(events.len(), 2 + complete_answers().len() + 1);
    assert!(events.iter().all(|e| e.event.person_id == Some(person.id)));
    let logged = format!("{events:?}");
    for secret in ["Hodan", "TR-4711"] {
        assert!(!logged.contains(secret), "{secret} in the audit log");
    }
}

async fn the_applicant_consents_on_the_screen_before_the_form_opens(app: TestApp) {
    let person = app.person_in(ORG, DUF, "Amina", "Tesfay").await;
    let counsellor = app.caseworker(ORG, "kari", &[Role::Counsellor]).await;
    let id = start(
        &app,
        &counsellor,
        person.id,
        &json!({ "language": "ti", "consent": "on_screen" }),
    )
    .await;
    let session = app.bearer_get(&together(&id, ""), &counsellor).await.json();
    assert_eq!(session["consent_required"], true);
    assert_eq!(session["first_name"], "Amina");

    // No form before the consent.
    app.bearer_get(&together(&id, "/registration"), &counsellor)
        .await
        .problem(403, "forbidden");
    let save = app
        .bearer_put(
            &together(&id, "/registration/sections/personal"),
            &counsellor,
            &json!({ "revision": 0, "answers": { "mother_tongue": "tir" } }),
        )
        .await;
    save.problem(403, "forbidden");

    let res = app
        .post_json(
            &together(&id, "/consent"),
            Some(&counsellor),
            &json!({ "version": CONSENT_VERSION, "decision": "accept" }),
        )
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    assert_eq!(res.json()["consent_required"], false);
    // Answered once.
    app.post_json(
        &together(&id, "/consent"),
        Some(&counsellor),
        &json!({ "version": CONSENT_VERSION, "decision": "accept" }),
    )
    .await
    .problem(409, "conflict");
    let res = app
        .bearer_get(&together(&id, "/registration"), &counsellor)
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(
        consents(&app, person.id).await,
        vec![("accept".into(), "on_screen".into(), "kari".into())]
    );
}

async fn a_decline_on_the_screen_ends_the_together_session(app: TestApp) {
    let person = app.person_in(ORG, DUF, "Amina", "Tesfay").await;
    let counsellor = app.caseworker(ORG, "kari", &[Role::Counsellor]).await;
    let id = start(
        &app,
        &counsellor,
        person.id,
        &json!({ "language": "ti", "consent": "on_screen" }),
    )
    .await;
    let res = app
        .post_json(
            &together(&id, "/consent"),
            Some(&counsellor),
            &json!({ "version": CONSENT_VERSION, "decision": "decline" }),
        )
        .await;
    assert_eq!(res.status, 204);
    app.bearer_get(&together(&id, ""), &counsellor)
        .await
        .problem(404, "not-found");
    assert_eq!(
        consents(&app, person.id).await,
        vec![("decline".into(), "on_screen".into(), "kari".into())]
    );
    assert!(
        app.store
            .latest_registration(person.id)
            .await
            .unwrap()
            .is_none(),
        "nothing but the decline is stored"
    );
}

async fn another_organisation_gets_404_and_a_reader_403(app: TestApp) {
    let person = app.person_in(ORG, DUF, "Amina", "Tesfay").await;
    let counsellor = app.caseworker(ORG, "kari", &[Role::Counsellor]).await;
    let colleague = app.caseworker(ORG, "ola", &[Role::Counsellor]).await;
    let reader = app.caseworker(ORG, "rita", &[Role::Reader]).await;
    let outsider = app.caseworker(OTHER_ORG, "per", &[Role::Counsellor]).await;
    let body = json!({ "language": "ti", "consent": "in_person" });

    app.post_json(&start_path(person.id), Some(&outsider), &body)
        .await
        .problem(404, "not-found");
    app.post_json(&start_path(person.id), Some(&reader), &body)
        .await
        .problem(403, "forbidden");
    let id = start(&app, &counsellor, person.id, &body).await;

    // Neither another organisation's counsellor nor a colleague can use the
    // session; each of its operations answers 404 and changes nothing.
    for token in [&outsider, &colleague] {
        for (method, rest) in [
            (Method::GET, ""),
            (Method::GET, "/registration"),
            (Method::POST, "/registration/complete"),
            (Method::POST, "/registrations"),
            (Method::DELETE, ""),
        ] {
            app.bearer(method.clone(), &together(&id, rest), token)
                .await
                .problem(404, "not-found");
        }
        app.bearer_put(
            &together(&id, "/registration/sections/personal"),
            token,
            &json!({ "revision": 0, "answers": { "mother_tongue": "tir" } }),
        )
        .await
        .problem(404, "not-found");
    }
    assert!(
        app.store
            .latest_registration(person.id)
            .await
            .unwrap()
            .is_none()
    );
    let own = app.bearer_get(&together(&id, ""), &counsellor).await;
    assert_eq!(own.status, 200);
    app.bearer_get(&together("not-an-id", ""), &counsellor)
        .await
        .problem(404, "not-found");

    // Ended, it is gone for its counsellor too.
    let res = app
        .bearer(Method::DELETE, &together(&id, ""), &counsellor)
        .await;
    assert_eq!(res.status, 204);
    app.bearer_get(&together(&id, "/registration"), &counsellor)
        .await
        .problem(404, "not-found");
}

async fn bad_input_gets_field_errors_and_changes_nothing(app: TestApp) {
    let person = app.person_in(ORG, DUF, "Amina", "Tesfay").await;
    let counsellor = app.caseworker(ORG, "kari", &[Role::Counsellor]).await;
    let problem = app
        .post_json(
            &start_path(person.id),
            Some(&counsellor),
            &json!({
                "language": "xx",
                "consent": "own_session",
                "interpreter": { "language": "zz", "number": "12 34", "name": "x".repeat(101) }
            }),
        )
        .await
        .problem(422, "validation");
    let mut fields: Vec<(String, String)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            ("consent".to_owned(), "invalid_consent".to_owned()),
            (
                "interpreter.language".to_owned(),
                "unknown_language".to_owned()
            ),
            (
                "interpreter.name".to_owned(),
                "interpreter_name_too_long".to_owned()
            ),
            (
                "interpreter.number".to_owned(),
                "invalid_interpreter_number".to_owned()
            ),
            ("language".to_owned(), "unknown_language".to_owned()),
        ]
    );
    assert!(consents(&app, person.id).await.is_empty());
    assert!(
        app.audit_events_of(AuditAction::RegisterTogether)
            .await
            .is_empty()
    );

    // A bad answer is refused exactly as the applicant's is.
    let id = start(
        &app,
        &counsellor,
        person.id,
        &json!({ "language": "ti", "consent": "in_person" }),
    )
    .await;
    app.bearer_get(&together(&id, "/registration"), &counsellor)
        .await;
    let problem = app
        .bearer_put(
            &together(&id, "/registration/sections/personal"),
            &counsellor,
            &json!({ "revision": 0, "answers": { "mother_tongue": "not-a-language" } }),
        )
        .await
        .problem(422, "validation");
    assert_eq!(problem["errors"][0]["field"], "mother_tongue");
    let stored = app
        .store
        .latest_registration(person.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.revision, 0);
    assert!(stored.provenance.is_empty());
}

/// Migration 0017 gives every answer stored before it the applicant's
/// provenance: its backfill, run again over a registration without one.
async fn the_migration_gives_existing_answers_the_applicants_provenance(app: TestApp) {
    let token = app.consented_applicant(DUF).await;
    crate::applicant_registration::fill_in_everything(&app, &token).await;
    let engine = if app.db_url.starts_with("sqlite:") {
        "sqlite"
    } else {
        "postgres"
    };
    let migration = std::fs::read_to_string(format!(
        "{}/../migrations/{engine}/0017_registering_together.sql",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let backfill = &migration[migration.find("UPDATE registrations").unwrap()..];
    let reset = "UPDATE registrations SET provenance = '{}'";
    if engine == "sqlite" {
        let mut c = sqlx::SqliteConnection::connect(&app.db_url).await.unwrap();
        sqlx::query(reset).execute(&mut c).await.unwrap();
        sqlx::query(backfill).execute(&mut c).await.unwrap();
    } else {
        let mut c = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
        sqlx::query(&format!("{reset}::jsonb"))
            .execute(&mut c)
            .await
            .unwrap();
        sqlx::query(backfill).execute(&mut c).await.unwrap();
    }
    let person = app
        .store
        .person_by_duf(&kartlegg_shared::domain::DufNumber::parse(DUF).unwrap())
        .await
        .unwrap()
        .unwrap();
    let stored = app
        .store
        .latest_registration(person.id)
        .await
        .unwrap()
        .unwrap();
    assert!(!stored.answers.is_empty());
    assert_eq!(stored.provenance.len(), stored.answers.iter().count());
    assert!(
        stored
            .provenance
            .values()
            .all(|p| *p == kartlegg_shared::together::AnswerProvenance::applicant())
    );
}

on_both_engines!(
    a_registration_made_together_records_staff_provenance_and_the_interpreter_on_each_answer,
    the_applicant_consents_on_the_screen_before_the_form_opens,
    a_decline_on_the_screen_ends_the_together_session,
    another_organisation_gets_404_and_a_reader_403,
    bad_input_gets_field_errors_and_changes_nothing,
    the_migration_gives_existing_answers_the_applicants_provenance,
);
