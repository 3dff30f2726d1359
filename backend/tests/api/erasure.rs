//! Erasure on request and the retention job: every personal field of the
//! erased person goes from every table of the schema (the test reads the
//! schema's table list, so a table added later without handling erasure
//! fails it), the anonymous facts stay, every other person's rows stay
//! byte for byte, the audit chain still verifies, and systems learn of it
//! from the feed.

use std::collections::BTreeMap;

use axum::http::Method;
use kartlegg_backend::clock::Clock;
use kartlegg_backend::db::Person;
use kartlegg_backend::services::erasure::{RetentionPolicy, run_retention};
use kartlegg_shared::caseworker::{AuditAction, Role};
use kartlegg_shared::integration::{ChangeEventType, Scope};
use serde_json::json;
use sqlx::{Connection, Row};
use uuid::Uuid;

use crate::applicant_registration::{COMPLETE, fill_in_everything};
use crate::helpers::TestApp;
use crate::on_both_engines;

/// Every table of the schema (not the migration bookkeeping), by name.
async fn tables(app: &TestApp) -> Vec<String> {
    if app.db_url.starts_with("sqlite:") {
        let mut c = sqlx::SqliteConnection::connect(&app.db_url).await.unwrap();
        sqlx::query_scalar(
            // The names' trigram index (FTS5 and its shadow tables) is
            // derived from `name_keys`, which is compared itself.
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE '_sqlx%' AND name NOT LIKE 'name\\_keys\\_trigrams%' ESCAPE '\\' \
             ORDER BY name",
        )
        .fetch_all(&mut c)
        .await
        .unwrap()
    } else {
        let mut c = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
        sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = \
             'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_sqlx%' ORDER \
             BY table_name",
        )
        .fetch_all(&mut c)
        .await
        .unwrap()
    }
}

/// Every row of every table, each as one text holding every column (ids
/// and other bytes as hex), sorted: what "byte for byte" compares.
async fn dump(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for table in tables(app).await {
        let mut rows: Vec<String> = if app.db_url.starts_with("sqlite:") {
            let mut c = sqlx::SqliteConnection::connect(&app.db_url).await.unwrap();
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                    .bind(&table)
                    .fetch_all(&mut c)
                    .await
                    .unwrap();
            let text = columns
                .iter()
                .map(|col| {
                    format!(
                        "'{col}=' || coalesce(CASE typeof(\"{col}\") WHEN 'blob' THEN \
                         lower(hex(\"{col}\")) ELSE CAST(\"{col}\" AS TEXT) END, 'NULL')"
                    )
                })
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            sqlx::query(&format!("SELECT {text} FROM \"{table}\""))
                .fetch_all(&mut c)
                .await
                .unwrap()
                .iter()
                .map(|r| r.get::<String, _>(0))
                .collect()
        } else {
            let mut c = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
            sqlx::query_scalar(&format!("SELECT row_to_json(t)::text FROM \"{table}\" t"))
                .fetch_all(&mut c)
                .await
                .unwrap()
        };
        rows.sort();
        out.insert(table, rows);
    }
    out
}

/// The person's id in both forms a dump may hold it (hyphenated on
/// PostgreSQL, plain hex of the BLOB on SQLite).
fn id_forms(id: Uuid) -> [String; 2] {
    [id.hyphenated().to_string(), id.simple().to_string()]
}

fn mentions(row: &str, needles: &[String]) -> bool {
    let row = row.to_lowercase();
    needles.iter().any(|n| row.contains(&n.to_lowercase()))
}

const ERASE_REASON: &str = "The applicant asked to be erased";
const P_DUF: &str = "202400000101";
const Q_DUF: &str = "202400000102";
const P_NATIONAL_ID: &str = "15076500565";
const P_REMARK: &str = "Prefers mornings; bring an interpreter";

fn erasure_path(id: Uuid) -> String {
    format!("/api/v1/caseworker/people/{id}/erasure")
}

/// A person with something in every table that can hold a person: a
/// completed registration, consent, codes, a session, an
/// identity with a national id and registration number, a remark, a
/// worklist entry, change events and audit events.
async fn a_full_person(app: &TestApp, counsellor: &str, duf: &str, first: &str, last: &str) {
    let token = app.consented_applicant(duf).await;
    fill_in_everything(app, &token).await;
    let done = app.post_json(COMPLETE, Some(&token), &json!({})).await;
    assert_eq!(done.status, 200, "{}", String::from_utf8_lossy(&done.body));
    let person = person(app, duf).await;
    let path = format!("/api/v1/caseworker/people/{}", person.id);
    let national_id = (duf == P_DUF).then_some(P_NATIONAL_ID);
    let res = app
        .bearer_put(
            &format!("{path}/identity"),
            counsellor,
            &json!({ "first_name": first, "last_name": last, "national_id": national_id,
                     "registration_number": if duf == P_DUF { "654321" } else { "123456" },
                     "citizenships": ["ERI"], "reason": "Papers shown" }),
        )
        .await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    let res = app
        .post_json(
            &format!("{path}/remarks"),
            Some(counsellor),
            &json!({ "text": format!("{P_REMARK} ({last})") }),
        )
        .await;
    assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    let res = app
        .bearer_put(
            &format!("/api/v1/caseworker/worklist/{}", person.id),
            counsellor,
            &json!({}),
        )
        .await;
    assert!(
        res.status.is_success(),
        "{}",
        String::from_utf8_lossy(&res.body)
    );
    assert_eq!(app.bearer_get(&path, counsellor).await.status, 200);
    // A new code and a session with it, after the completion.
    let code = app.issue_code(&person).await;
    app.login(duf, &code).await;
}

async fn person(app: &TestApp, duf: &str) -> Person {
    app.store
        .person_by_duf(&kartlegg_shared::domain::DufNumber::parse(duf).unwrap())
        .await
        .unwrap()
        .unwrap()
}

async fn erasure_removes_every_personal_field_from_every_table_and_keeps_the_facts(app: TestApp) {
    let counsellor = app
        .caseworker("test-org", "coun", &[Role::Counsellor])
        .await;
    a_full_person(&app, &counsellor, P_DUF, "Zerihun", "Ghebremariam").await;
    a_full_person(&app, &counsellor, Q_DUF, "Selam", "Tesfay").await;
    let p = person(&app, P_DUF).await;
    let registrations = app.store.registrations(p.id).await.unwrap();
    let before = dump(&app).await;
    let facts_before = before["registration_facts"].clone();
    assert!(
        facts_before
            .iter()
            .any(|f| mentions(f, &id_forms(registrations[0].id))),
        "the completion wrote facts"
    );

    let res = app
        .post_json(
            &erasure_path(p.id),
            Some(&counsellor),
            &json!({ "reason": ERASE_REASON }),
        )
        .await;

    assert_eq!(res.status, 204, "{}", String::from_utf8_lossy(&res.body));
    let after = dump(&app).await;
    // Every table the schema has, so that a table added without handling
    // erasure fails here.
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    assert!(after.len() >= 20, "tables: {:?}", after.keys());
    // Numbers as a value of their own (quoted in PostgreSQL's JSON, between
    // `=` and `|` in SQLite's text), so that hex digits of a hash cannot
    // match them by chance.
    let personal: Vec<String> = [
        "Zerihun",
        "Ghebremariam",
        "\"15076500565\"",
        "=15076500565|",
        "\"654321\"",
        "=654321|",
    ]
    .map(str::to_owned)
    .into();
    let [id_text, id_hex] = id_forms(p.id);
    for (table, rows) in &after {
        for row in rows {
            assert!(
                !mentions(row, &personal),
                "{table} keeps a personal value of the erased person: {row}"
            );
            if table != "audit_events" {
                assert!(
                    !mentions(row, &[id_text.clone(), id_hex.clone()]),
                    "{table} still names the erased person: {row}"
                );
            }
            if mentions(row, &[P_DUF.to_owned()]) {
                // The one place the DUF-number stays: the erasure's own
                // event, for systems to erase their copy.
                assert_eq!(table, "change_events", "{row}");
                assert!(row.contains("person.erased"), "{row}");
            }
        }
    }
    // The audit log only grew: its events about the person stay as they
    // were (ids only; the chain forbids changing them), and the new one
    // names no one.
    let audit_before = &before["audit_events"];
    let audit_after = &after["audit_events"];
    assert!(audit_before.iter().all(|e| audit_after.contains(e)));
    let events = app
        .store
        .audit_events(&kartlegg_backend::db::AuditFilter {
            action: Some(AuditAction::ErasePerson),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap()
        .0;
    assert_eq!(events.len(), 1);
    let erasure = &events[0].event;
    assert_eq!(erasure.person_id, None);
    assert_eq!(erasure.registration_id, None);
    assert_eq!(erasure.person_organisation_id, Some(p.organisation_id));
    assert_eq!(erasure.reason.as_deref(), Some(ERASE_REASON));
    assert!(
        erasure.fields.contains(&"registrations:1".to_owned()),
        "{:?}",
        erasure.fields
    );
    assert!(
        erasure.fields.contains(&"remarks:1".to_owned()),
        "{:?}",
        erasure.fields
    );
    assert!(
        app.state
            .audit
            .verify(app.store.as_ref())
            .await
            .unwrap()
            .intact(),
        "the audit chain still holds after the erasure"
    );
    // The anonymous facts are all still there.
    assert_eq!(after["registration_facts"], facts_before);
    // Systems learn of it: the person's earlier events are gone, the
    // erasure names the DUF-number and no person id.
    let feed = app
        .store
        .change_events_after(p.organisation_id, 0, &ChangeEventType::ALL, 100)
        .await
        .unwrap();
    let about_p: Vec<_> = feed
        .iter()
        .filter(|e| e.duf_number.as_str() == P_DUF)
        .collect();
    assert_eq!(about_p.len(), 1);
    assert_eq!(about_p[0].kind, ChangeEventType::PersonErased);
    assert_eq!(about_p[0].person_id, Uuid::nil());
    // The person is gone for everyone.
    assert_eq!(
        app.bearer_get(&format!("/api/v1/caseworker/people/{}", p.id), &counsellor)
            .await
            .status,
        404
    );
    let again = app
        .post_json(
            &erasure_path(p.id),
            Some(&counsellor),
            &json!({ "reason": ERASE_REASON }),
        )
        .await;
    again.problem(404, "not-found");
}

async fn erasing_one_person_leaves_everyone_else_byte_for_byte(app: TestApp) {
    let counsellor = app
        .caseworker("test-org", "coun", &[Role::Counsellor])
        .await;
    a_full_person(&app, &counsellor, P_DUF, "Zerihun", "Ghebremariam").await;
    a_full_person(&app, &counsellor, Q_DUF, "Selam", "Tesfay").await;
    app.person_in("other-org", "202400000103", "Olena", "Kovalenko")
        .await;
    let p = person(&app, P_DUF).await;
    let p_needles: Vec<String> = id_forms(p.id).into();
    let before = dump(&app).await;

    let res = app
        .post_json(
            &erasure_path(p.id),
            Some(&counsellor),
            &json!({ "reason": ERASE_REASON }),
        )
        .await;

    assert_eq!(res.status, 204, "{}", String::from_utf8_lossy(&res.body));
    let after = dump(&app).await;
    for (table, rows_before) in &before {
        let rows_after = &after[table];
        if table == "audit_events" {
            // Append-only: every event stays, the erasure's is added.
            assert!(rows_before.iter().all(|r| rows_after.contains(r)));
            assert_eq!(rows_after.len(), rows_before.len() + 1);
            continue;
        }
        // The organisation's name index loses the names that only the
        // erased person bore.
        let needles = if table == "name_keys" {
            vec!["zerihun".to_owned(), "ghebremariam".to_owned()]
        } else {
            p_needles.clone()
        };
        let kept: Vec<&String> = rows_before
            .iter()
            .filter(|r| !mentions(r, &needles))
            .collect();
        let now: Vec<&String> = rows_after.iter().collect();
        if table == "change_events" {
            // The others' events as they were, and the erasure's one.
            assert!(kept.iter().all(|r| now.contains(r)), "{table}");
            assert_eq!(now.len(), kept.len() + 1, "{table}");
        } else {
            assert_eq!(now, kept, "{table}: another person's rows changed");
        }
    }
    // And Q is really there, with everything.
    let q = person(&app, Q_DUF).await;
    assert_eq!(q.first_name, "Selam");
    assert_eq!(app.store.registrations(q.id).await.unwrap().len(), 1);
    assert_eq!(app.store.remarks(q.id).await.unwrap().len(), 1);
}

async fn erasure_needs_a_reason_the_role_and_a_person_of_the_organisation(app: TestApp) {
    let counsellor = app
        .caseworker("test-org", "coun", &[Role::Counsellor])
        .await;
    let reader = app.caseworker("test-org", "read", &[Role::Reader]).await;
    let administrator = app
        .caseworker("test-org", "admin", &[Role::Administrator])
        .await;
    let outsider = app
        .caseworker("other-org", "outs", &[Role::Counsellor])
        .await;
    let (p, _) = app.seed_person(P_DUF).await;
    let (q, _) = app.seed_person(Q_DUF).await;
    let body = json!({ "reason": ERASE_REASON });

    app.post_json(&erasure_path(p.id), None, &body)
        .await
        .problem(401, "unauthorized");
    app.post_json(&erasure_path(p.id), Some(&reader), &body)
        .await
        .problem(403, "forbidden");
    // Another organisation's person is no one, whatever the role.
    app.post_json(&erasure_path(p.id), Some(&outsider), &body)
        .await
        .problem(404, "not-found");
    app.post_json(&erasure_path(Uuid::new_v4()), Some(&counsellor), &body)
        .await
        .problem(404, "not-found");
    let short = app
        .post_json(
            &erasure_path(p.id),
            Some(&counsellor),
            &json!({ "reason": "  because " }),
        )
        .await
        .problem(422, "validation");
    assert_eq!(short["errors"][0]["field"], "reason");
    assert_eq!(short["errors"][0]["code"], "reason_required");
    app.post_json(&erasure_path(p.id), Some(&counsellor), &json!({}))
        .await
        .problem(422, "validation");
    // Nothing was erased by any of these.
    assert!(app.store.person_by_id(p.id).await.unwrap().is_some());

    let by_admin = app
        .post_json(&erasure_path(q.id), Some(&administrator), &body)
        .await;
    assert_eq!(by_admin.status, 204);
    let by_counsellor = app
        .post_json(&erasure_path(p.id), Some(&counsellor), &body)
        .await;
    assert_eq!(by_counsellor.status, 204);
    assert!(app.store.person_by_id(p.id).await.unwrap().is_none());
    assert!(app.store.person_by_id(q.id).await.unwrap().is_none());
}

async fn a_feed_reader_gets_the_erasure_with_the_duf_number_and_it_is_logged_against_no_one(
    app: TestApp,
) {
    let counsellor = app
        .caseworker("test-org", "coun", &[Role::Counsellor])
        .await;
    let (p, _) = app.seed_person(P_DUF).await;
    let token = crate::feed::feed_token(&app, "test-org").await;
    let res = app
        .post_json(
            &erasure_path(p.id),
            Some(&counsellor),
            &json!({ "reason": ERASE_REASON }),
        )
        .await;
    assert_eq!(res.status, 204);

    let page = app.bearer_get("/api/v1/feed", &token).await;

    assert_eq!(page.status, 200);
    let events = page.json()["events"].as_array().unwrap().clone();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["type"], "person.erased");
    assert_eq!(events[0]["duf_number"], P_DUF);
    let reads = app
        .store
        .audit_events(&kartlegg_backend::db::AuditFilter {
            action: Some(AuditAction::List),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap()
        .0;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].event.person_id, None);
    assert_eq!(reads[0].event.fields, ["change_feed"]);
}

async fn an_answer_kept_for_a_replay_about_the_person_is_forgotten(app: TestApp) {
    let counsellor = app.caseworker("0301", "coun", &[Role::Counsellor]).await;
    let p = app
        .person_in("0301", P_DUF, "Zerihun", "Ghebremariam")
        .await;
    app.person_in("0301", Q_DUF, "Selam", "Tesfay").await;
    let token = crate::integration::access(&app, "0301", &[Scope::CodesIssue]).await;
    for (duf, key) in [(P_DUF, "\"code-p\""), (Q_DUF, "\"code-q\"")] {
        let res = crate::integration::send_with(
            &app,
            Method::POST,
            &format!("/api/v1/people/{duf}/codes"),
            &token,
            &[("idempotency-key", key)],
            None,
        )
        .await;
        assert_eq!(res.status, 201, "{}", String::from_utf8_lossy(&res.body));
    }
    assert_eq!(
        app.store
            .kept_answers_of(p.organisation_id)
            .await
            .unwrap()
            .len(),
        2
    );

    let res = app
        .post_json(
            &erasure_path(p.id),
            Some(&counsellor),
            &json!({ "reason": ERASE_REASON }),
        )
        .await;

    assert_eq!(res.status, 204);
    let kept = app.store.kept_answers_of(p.organisation_id).await.unwrap();
    assert_eq!(
        kept.iter().map(|k| k.key.as_str()).collect::<Vec<_>>(),
        ["code-q"]
    );
    // A retry of P's request no longer replays P's code: there is no one.
    crate::integration::send_with(
        &app,
        Method::POST,
        &format!("/api/v1/people/{P_DUF}/codes"),
        &token,
        &[("idempotency-key", "\"code-p\"")],
        None,
    )
    .await
    .problem(404, "not-found");
}

/// Two instances' retention jobs, or a job and a counsellor, may erase the
/// same person at once: one erasure happens, and one notice is written.
async fn simultaneous_erasures_of_one_person_erase_once_and_tell_once(app: TestApp) {
    let (p, _) = app.seed_person(P_DUF).await;
    let now = app.clock.now();
    let tries = (0..20).map(|_| {
        let store = app.store.clone();
        tokio::spawn(async move { store.erase_person(p.id, now).await.unwrap() })
    });
    let done: Vec<_> = futures_util::future::join_all(tries)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(done.iter().filter(|d| d.is_some()).count(), 1);
    let notices = app
        .store
        .change_events_after(p.organisation_id, 0, &[ChangeEventType::PersonErased], 100)
        .await
        .unwrap();
    assert_eq!(notices.len(), 1);
}

/// Retention: a person with no activity for the period goes; one with a
/// recent code stays, but their registration older than its period goes
/// (the facts stay); an erasure notice older than its period goes.
async fn retention_erases_exactly_what_is_due_and_nothing_else(app: TestApp) {
    let policy = RetentionPolicy {
        person_years: 10,
        registration_years: 5,
        erasure_notice_days: 90,
    };
    // Years ago: three people, one who completed a registration.
    let (idle, _) = app.seed_person("202400000201").await;
    let (active, _) = app.seed_person("202400000202").await;
    let (recent, _) = app.seed_person("202400000203").await;
    let token = app
        .login("202400000202", &app.issue_code(&active).await)
        .await;
    let res = app
        .post_json(
            "/api/v1/applicant/consent",
            Some(&token),
            &json!({ "version": kartlegg_shared::api::CONSENT_VERSION, "decision": "accept" }),
        )
        .await;
    assert_eq!(res.status, 200);
    fill_in_everything(&app, &token).await;
    assert_eq!(
        app.post_json(COMPLETE, Some(&token), &json!({}))
            .await
            .status,
        200
    );
    let old_registration = app
        .store
        .latest_registration(active.id)
        .await
        .unwrap()
        .unwrap();
    let facts_before = dump(&app).await["registration_facts"].clone();
    // Six years later the active person gets a code; the third person is
    // looked after with a remark in year nine.
    app.advance(chrono::Duration::days(365 * 6));
    app.issue_code(&active).await;
    app.advance(chrono::Duration::days(365 * 3));
    app.store
        .add_remark(
            recent.id,
            app.add_caseworker("test-org", "coun", &[Role::Counsellor], false)
                .await
                .0
                .id,
            "Called",
            app.clock.now(),
        )
        .await
        .unwrap();
    // Eleven years after the start.
    app.advance(chrono::Duration::days(365 * 2));
    let now = app.clock.now();

    let dry = run_retention(app.store.as_ref(), None, &policy, now)
        .await
        .unwrap();

    let ids = |r: &kartlegg_backend::services::erasure::RetentionReport| {
        (
            r.people.iter().map(|(p, _)| p.id).collect::<Vec<_>>(),
            r.registrations.iter().map(|r| r.id).collect::<Vec<_>>(),
        )
    };
    assert_eq!(ids(&dry), (vec![idle.id], vec![old_registration.id]));
    // A dry run changes nothing.
    assert!(app.store.person_by_id(idle.id).await.unwrap().is_some());

    let applied = run_retention(app.store.as_ref(), Some(&app.state.audit), &policy, now)
        .await
        .unwrap();

    assert_eq!(ids(&applied), ids(&dry));
    assert!(app.store.person_by_id(idle.id).await.unwrap().is_none());
    assert!(app.store.person_by_id(active.id).await.unwrap().is_some());
    assert!(app.store.person_by_id(recent.id).await.unwrap().is_some());
    assert!(app.store.registrations(active.id).await.unwrap().is_empty());
    assert_eq!(dump(&app).await["registration_facts"], facts_before);
    // The person's state follows the registration's erasure.
    let page = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}", active.id),
            &app.caseworker("test-org", "read", &[Role::Reader]).await,
        )
        .await;
    assert_eq!(page.json()["state"], "code_issued", "{}", page.json());
    // Running again finds nothing more.
    let again = run_retention(app.store.as_ref(), Some(&app.state.audit), &policy, now)
        .await
        .unwrap();
    assert_eq!(ids(&again), (vec![], vec![]));
    // The erasure notice lives 90 days.
    let org = idle.organisation_id;
    let notices = |app: &TestApp| {
        let store = app.store.clone();
        async move {
            store
                .change_events_after(org, 0, &[ChangeEventType::PersonErased], 10)
                .await
                .unwrap()
                .len()
        }
    };
    assert_eq!(notices(&app).await, 1);
    app.advance(chrono::Duration::days(91));
    let later = run_retention(
        app.store.as_ref(),
        Some(&app.state.audit),
        &policy,
        app.clock.now(),
    )
    .await
    .unwrap();
    assert_eq!(later.notices, 1);
    assert_eq!(notices(&app).await, 0);
    assert!(
        app.state
            .audit
            .verify(app.store.as_ref())
            .await
            .unwrap()
            .intact()
    );
}

on_both_engines!(
    erasure_removes_every_personal_field_from_every_table_and_keeps_the_facts,
    erasing_one_person_leaves_everyone_else_byte_for_byte,
    erasure_needs_a_reason_the_role_and_a_person_of_the_organisation,
    a_feed_reader_gets_the_erasure_with_the_duf_number_and_it_is_logged_against_no_one,
    an_answer_kept_for_a_replay_about_the_person_is_forgotten,
    simultaneous_erasures_of_one_person_erase_once_and_tell_once,
    retention_erases_exactly_what_is_due_and_nothing_else,
);
