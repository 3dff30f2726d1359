//! The change feed: events written with their change, read in one order
//! with no gap while registrations are completed concurrently, long-poll,
//! organisation isolation, and bad cursors.

use std::collections::BTreeSet;
use std::time::Duration;

use kartlegg_backend::clock::Clock;
use kartlegg_backend::db::{DraftUpdate, Person, StoredRegistration};
use kartlegg_shared::integration::Scope;
use serde_json::Value;

use crate::helpers::{TestApp, TestResponse};
use crate::on_both_engines;

pub(crate) async fn feed_token(app: &TestApp, org: &str) -> String {
    app.client_token(org, &[Scope::FeedRead]).await
}

/// A draft for the person, ready to complete.
pub async fn draft(app: &TestApp, person: &Person) -> StoredRegistration {
    app.store
        .create_registration(person.id, 1, app.clock.now())
        .await
        .unwrap()
}

pub async fn complete(app: &TestApp, person: &Person, draft: &StoredRegistration) {
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
            now: app.clock.now(),
            facts: None,
        })
        .await
        .unwrap();
}

async fn page(app: &TestApp, token: &str, query: &str) -> TestResponse {
    let res = app.bearer_get(&format!("/api/v1/feed{query}"), token).await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    res
}

fn kinds(page: &Value) -> Vec<String> {
    page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_owned())
        .collect()
}

async fn changes_write_their_events_and_drafts_write_none(app: TestApp) {
    let token = feed_token(&app, "0301").await;
    let person = app
        .person_in("0301", "202400002001", "Amina", "Tesfay")
        .await;
    let first = draft(&app, &person).await;
    // A draft save is no event.
    app.store
        .update_draft(&DraftUpdate {
            id: first.id,
            person_id: person.id,
            expected_revision: first.revision,
            answers: Default::default(),
            saved_sections: vec!["personal".into()],
            complete: false,
            language: None,
            provenance: Default::default(),
            now: app.clock.now(),
            facts: None,
        })
        .await
        .unwrap();
    let saved = app
        .store
        .latest_registration(person.id)
        .await
        .unwrap()
        .unwrap();
    complete(&app, &person, &saved).await;
    let again = draft(&app, &person).await;
    let body = page(&app, &token, "").await.json();
    assert_eq!(
        kinds(&body),
        [
            "person.created",
            "registration.completed",
            "registration.started"
        ]
    );
    let events = body["events"].as_array().unwrap();
    assert_eq!(events[1]["registration_id"], first.id.to_string());
    assert_eq!(events[2]["registration_id"], again.id.to_string());
    assert!(events.iter().all(|e| e["duf_number"] == "202400002001"));
    assert_eq!(body["next"], events[2]["cursor"]);
    // From the last cursor there is nothing new; filtered by type.
    let next = body["next"].as_str().unwrap();
    assert_eq!(
        kinds(&page(&app, &token, &format!("?after={next}")).await.json()),
        Vec::<String>::new()
    );
    assert_eq!(
        kinds(
            &page(&app, &token, "?types=registration.completed")
                .await
                .json()
        ),
        ["registration.completed"]
    );
}

async fn another_organisations_events_never_appear(app: TestApp) {
    let mine = feed_token(&app, "0301").await;
    let theirs = app.person_in("4601", "202400002101", "Other", "Org").await;
    let d = draft(&app, &theirs).await;
    complete(&app, &theirs, &d).await;
    assert_eq!(
        page(&app, &mine, "").await.json()["events"],
        serde_json::json!([])
    );
}

async fn a_reader_paging_while_500_complete_at_once_sees_each_once_in_order(app: TestApp) {
    let token = feed_token(&app, "0301").await;
    let mut drafts = Vec::new();
    for i in 0..500 {
        let person = app
            .person_in("0301", &format!("2024001{i:05}"), "P", "Q")
            .await;
        let d = draft(&app, &person).await;
        drafts.push((person, d));
    }
    // Past the 500 person.created events.
    let mut cursor = String::new();
    loop {
        let body = page(&app, &token, &format!("?limit=500{cursor}"))
            .await
            .json();
        if body["events"].as_array().unwrap().is_empty() {
            break;
        }
        cursor = format!("&after={}", body["next"].as_str().unwrap());
    }
    let writers = futures_util::future::join_all(drafts.iter().map(|(p, d)| complete(&app, p, d)));
    let reader = async {
        let mut seen: Vec<(String, String)> = Vec::new();
        let mut after = cursor.clone();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
        while seen.len() < 500 && tokio::time::Instant::now() < deadline {
            let body = page(
                &app,
                &token,
                &format!("?limit=7&types=registration.completed{after}"),
            )
            .await
            .json();
            for e in body["events"].as_array().unwrap() {
                seen.push((
                    e["cursor"].as_str().unwrap().to_owned(),
                    e["registration_id"].as_str().unwrap().to_owned(),
                ));
            }
            after = format!("&after={}", body["next"].as_str().unwrap());
            tokio::task::yield_now().await;
        }
        seen
    };
    let ((), seen) = tokio::join!(
        async {
            writers.await;
        },
        reader
    );
    let positions: Vec<i64> = seen.iter().map(|(c, _)| c[1..].parse().unwrap()).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "not in one increasing order"
    );
    let read: BTreeSet<&str> = seen.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(read.len(), seen.len(), "an event was read twice");
    let completed: BTreeSet<String> = drafts.iter().map(|(_, d)| d.id.to_string()).collect();
    let read: BTreeSet<String> = read.into_iter().map(str::to_owned).collect();
    assert_eq!(read, completed, "the feed skipped or invented a completion");
}

async fn a_long_poll_answers_when_an_event_comes(app: TestApp) {
    let token = feed_token(&app, "0301").await;
    let person = app.person_in("0301", "202400002301", "A", "B").await;
    let d = draft(&app, &person).await;
    let next = page(&app, &token, "").await.json()["next"]
        .as_str()
        .unwrap()
        .to_owned();
    let started = tokio::time::Instant::now();
    let poll = async {
        let res = page(&app, &token, &format!("?after={next}&wait=8")).await;
        (res.json(), started.elapsed())
    };
    let later = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        complete(&app, &person, &d).await;
        // As the services do after a change commits.
        app.state.events_written();
    };
    let ((body, took), ()) = tokio::join!(poll, later);
    assert_eq!(kinds(&body), ["registration.completed"]);
    assert!(
        took < Duration::from_secs(5),
        "the long-poll waited {took:?}"
    );
    // With nothing to come, it waits about as long as asked.
    let quiet = tokio::time::Instant::now();
    let after = body["next"].as_str().unwrap();
    let empty = page(&app, &token, &format!("?after={after}&wait=1"))
        .await
        .json();
    assert_eq!(empty["events"], serde_json::json!([]));
    assert!(quiet.elapsed() >= Duration::from_millis(900));
}

async fn a_bad_cursor_limit_type_or_wait_is_422(app: TestApp) {
    let token = feed_token(&app, "0301").await;
    for query in [
        "?after=12",
        "?after=px",
        "?limit=0",
        "?limit=501",
        "?types=person.deleted",
        "?wait=31",
    ] {
        app.bearer_get(&format!("/api/v1/feed{query}"), &token)
            .await
            .problem(422, "validation");
    }
}

/// Two writers on one PostgreSQL database (as two server instances are):
/// an event whose transaction commits late is still read, because the
/// later writer waits for it to commit before taking its own position.
/// Without the lock the later completion would be read first, the reader's
/// cursor would move past the open event, and it would be skipped.
#[tokio::test]
async fn on_postgres_an_event_committed_late_is_not_skipped() {
    use sqlx::Connection;
    let Some(app) = TestApp::postgres().await else {
        return;
    };
    let token = feed_token(&app, "0301").await;
    let early = app.person_in("0301", "202400002401", "A", "B").await;
    let late = app.person_in("0301", "202400002402", "C", "D").await;
    let d = draft(&app, &late).await;
    let start = page(&app, &token, "").await.json()["next"]
        .as_str()
        .unwrap()
        .to_owned();

    // Another instance's change, its event inserted and not yet committed.
    let mut conn = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
    let mut tx = conn.begin().await.unwrap();
    sqlx::query(kartlegg_backend::db::EVENTS_LOCK)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO change_events (id, kind, organisation_id, duf_number, person_id, occurred_at) \
         SELECT $1, 'person.changed', organisation_id, duf_number, id, now() FROM people WHERE id = $2",
    )
    .bind(uuid::Uuid::new_v4())
    .bind(early.id)
    .execute(&mut *tx)
    .await
    .unwrap();

    let completing = complete(&app, &late, &d);
    let reading = async {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let first = page(&app, &token, &format!("?after={start}")).await.json();
        tx.commit().await.unwrap();
        first
    };
    let ((), first) = tokio::join!(completing, reading);
    let next = first["next"].as_str().unwrap().to_owned();
    let second = page(&app, &token, &format!("?after={next}")).await.json();
    let mut read = kinds(&first);
    read.extend(kinds(&second));
    assert_eq!(read, ["person.changed", "registration.completed"]);
}

on_both_engines!(
    changes_write_their_events_and_drafts_write_none,
    another_organisations_events_never_appear,
    a_reader_paging_while_500_complete_at_once_sees_each_once_in_order,
    a_long_poll_answers_when_an_event_comes,
    a_bad_cursor_limit_type_or_wait_is_422,
);
