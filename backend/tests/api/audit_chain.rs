//! The keyed audit chain against someone who can write the database file:
//! they drop the append-only trigger, edit, delete and renumber events and
//! recompute the (unkeyed) SHA-256 chain, and the verification still finds
//! it, by the keyed hash or against the signed checkpoint. Also the events
//! this chain must hold: reading a person's access log, and a refused
//! national identity number.

use kartlegg_backend::audit::{GENESIS, canonical, legacy_chain_hash};
use kartlegg_backend::db::{AuditFilter, Engine, IdentityChange, Person};
use kartlegg_shared::caseworker::{AuditAction, Gender, Role};
use kartlegg_shared::domain::{Date, NationalId};
use serde_json::{Value, json};
use sqlx::Connection;

use crate::helpers::TestApp;
use crate::on_both_engines;

const ORG_A: &str = "test-org";
const ORG_B: &str = "other-org";
const DUF_A: &str = "202400000101";
const DUF_B: &str = "202400000201";
const VERIFY: &str = "/api/v1/caseworker/audit/verify";

/// A person, an auditor and some reads of the person: events 1 (the
/// reader's login), 2 (the auditor's login), 3.. (the reads).
async fn some_events(app: &TestApp, reads: usize) -> (Person, String) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    let reader = app.caseworker(ORG_A, "reader", &[Role::Reader]).await;
    let auditor = app.caseworker(ORG_A, "auditor", &[Role::Auditor]).await;
    for _ in 0..reads {
        let res = app
            .bearer_get(&format!("/api/v1/caseworker/people/{}", person.id), &reader)
            .await;
        assert_eq!(res.status, 200);
    }
    (person, auditor)
}

async fn verify(app: &TestApp, auditor: &str) -> Value {
    let res = app.bearer_get(VERIFY, auditor).await;
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    res.json()
}

/// A direct connection to the database, past the application, as someone
/// with write access to the file (or the database account) has.
enum Attacker {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl Attacker {
    /// Connects and takes the append-only triggers out of the way.
    async fn new(app: &TestApp) -> Self {
        let mut attacker = match app.store.engine() {
            Engine::Sqlite => {
                Self::Sqlite(sqlx::SqliteConnection::connect(&app.db_url).await.unwrap())
            }
            Engine::Postgres => {
                Self::Postgres(sqlx::PgConnection::connect(&app.db_url).await.unwrap())
            }
        };
        match attacker {
            Self::Sqlite(_) => {
                attacker.run("DROP TRIGGER audit_events_no_update").await;
                attacker.run("DROP TRIGGER audit_events_no_delete").await;
            }
            Self::Postgres(_) => {
                attacker
                    .run("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change")
                    .await;
            }
        }
        attacker
    }

    async fn run(&mut self, sql: &str) {
        match self {
            Self::Sqlite(db) => sqlx::query(sql).execute(db).await.map(|_| ()),
            Self::Postgres(db) => sqlx::query(sql).execute(db).await.map(|_| ()),
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// Recomputes every link from `from` on as the unkeyed SHA-256 chain
    /// the table's own description gives, so that the chain is consistent
    /// again for anyone without the key.
    async fn rehash_from(&mut self, app: &TestApp, from: i64) {
        let records = app.store.audit_chain_after(0, 100_000).await.unwrap();
        let mut prev = GENESIS.to_vec();
        for record in records {
            if record.seq >= from {
                let hash = legacy_chain_hash(&prev, &canonical(record.seq, &record.event));
                let (sql_sqlite, sql_pg) = (
                    "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?",
                    "UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE seq = $3",
                );
                match self {
                    Self::Sqlite(db) => sqlx::query(sql_sqlite)
                        .bind(&prev)
                        .bind(&hash)
                        .bind(record.seq)
                        .execute(db)
                        .await
                        .map(|_| ()),
                    Self::Postgres(db) => sqlx::query(sql_pg)
                        .bind(&prev)
                        .bind(&hash)
                        .bind(record.seq)
                        .execute(db)
                        .await
                        .map(|_| ()),
                }
                .unwrap();
                prev = hash;
            } else {
                prev = record.hash;
            }
        }
    }
}

async fn clean_chain_verifies_and_its_head_is_checkpointed(app: TestApp) {
    let (_, auditor) = some_events(&app, 3).await;

    let first = verify(&app, &auditor).await;
    assert_eq!(first["intact"], true, "{first}");
    assert_eq!(first["events_checked"], 5);
    assert_eq!(first["head_seq"], 5);
    assert!(first.get("failure").is_none(), "{first}");

    // The first run checkpointed event 5, in the file and in the log,
    // with no personal data in either.
    let file = std::fs::read_to_string(&app.state.config.audit_checkpoint_file).unwrap();
    let line = file.lines().last().unwrap();
    assert!(line.starts_with("v1 head 5 "), "{line}");
    assert!(!file.contains("Amina") && !file.contains(DUF_A), "{file}");
    assert!(crate::helpers::captured_logs().contains(line));

    let second = verify(&app, &auditor).await;
    assert_eq!(second["intact"], true, "{second}");
    assert_eq!(second["checkpoint_seq"], 5);
}

async fn event_changed_and_rehashed_without_the_key_is_found(app: TestApp) {
    let (_, auditor) = some_events(&app, 3).await;
    assert_eq!(verify(&app, &auditor).await["intact"], true);

    // Who read the person is changed, and the chain after it recomputed
    // as plain SHA-256: every link is consistent again, but not keyed.
    let mut attacker = Attacker::new(&app).await;
    attacker
        .run("UPDATE audit_events SET actor = 'someone else' WHERE seq = 3")
        .await;
    attacker.rehash_from(&app, 3).await;

    let broken = verify(&app, &auditor).await;
    assert_eq!(broken["intact"], false, "{broken}");
    assert_eq!(broken["failure"], "broken_link");
    assert_eq!(broken["first_broken_seq"], 3);
    assert_eq!(broken["events_checked"], 2);
}

async fn newest_events_deleted_below_the_checkpoint_are_found(app: TestApp) {
    let (_, auditor) = some_events(&app, 3).await;
    // The verification checkpoints the head, event 5.
    assert_eq!(verify(&app, &auditor).await["intact"], true);

    // What is left is a perfectly valid chain of three events.
    Attacker::new(&app)
        .await
        .run("DELETE FROM audit_events WHERE seq > 3")
        .await;

    let cut = verify(&app, &auditor).await;
    assert_eq!(cut["intact"], false, "{cut}");
    assert_eq!(cut["failure"], "truncated");
    assert_eq!(cut["head_seq"], 3);
    assert_eq!(cut["checkpoint_seq"], 5);
    assert_eq!(cut["first_broken_seq"], 4);
}

async fn newest_events_deleted_below_a_periodic_checkpoint_are_found(app: TestApp) {
    // A checkpoint every two events, and no verification run before the cut.
    let app = app.reconfigured(|c| c.audit_checkpoint_every = 2);
    let (_, auditor) = some_events(&app, 3).await;
    let file = std::fs::read_to_string(&app.state.config.audit_checkpoint_file).unwrap();
    assert!(
        file.lines().last().unwrap().starts_with("v1 head 4 "),
        "{file}"
    );

    // Everything after event 3 goes, below the checkpoint at 4.
    Attacker::new(&app)
        .await
        .run("DELETE FROM audit_events WHERE seq > 3")
        .await;

    let cut = verify(&app, &auditor).await;
    assert_eq!(cut["intact"], false, "{cut}");
    assert_eq!(cut["failure"], "truncated");
    assert_eq!(cut["checkpoint_seq"], 4);
}

async fn event_removed_and_chain_renumbered_is_found(app: TestApp) {
    let (_, auditor) = some_events(&app, 4).await;
    let before = verify(&app, &auditor).await;
    assert_eq!(before["intact"], true, "{before}");

    // Event 3 goes, the ones after it move down one place (in two steps,
    // so that no two rows share a seq on the way), and the chain is
    // recomputed without the key.
    let mut attacker = Attacker::new(&app).await;
    attacker.run("DELETE FROM audit_events WHERE seq = 3").await;
    attacker
        .run("UPDATE audit_events SET seq = seq + 1000000 WHERE seq > 3")
        .await;
    attacker
        .run("UPDATE audit_events SET seq = seq - 1000001 WHERE seq > 1000000")
        .await;
    attacker.rehash_from(&app, 3).await;

    let broken = verify(&app, &auditor).await;
    assert_eq!(broken["intact"], false, "{broken}");
    assert_eq!(broken["failure"], "broken_link");
    assert_eq!(broken["first_broken_seq"], 3);
}

async fn forged_checkpoint_line_fails_the_verification(app: TestApp) {
    let (_, auditor) = some_events(&app, 1).await;
    assert_eq!(verify(&app, &auditor).await["intact"], true);
    let path = &app.state.config.audit_checkpoint_file;
    let file = std::fs::read_to_string(path).unwrap();
    // The checkpoint moved down to hide a cut: its MAC no longer fits.
    std::fs::write(path, file.replace("v1 head 3 ", "v1 head 2 ")).unwrap();
    let res = verify(&app, &auditor).await;
    assert_eq!(res["intact"], false, "{res}");
    assert_eq!(res["failure"], "checkpoint_invalid");
}

async fn reading_a_persons_access_log_is_audited(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    let reader = app.caseworker(ORG_A, "reader", &[Role::Reader]).await;

    let log = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}/access-log", person.id),
            &reader,
        )
        .await;
    assert_eq!(log.status, 200);
    // The read is recorded before the answer leaves, so it is in it.
    assert_eq!(log.json()[0]["action"], "read_access_log");

    let (events, total) = app
        .store
        .audit_events(&AuditFilter {
            action: Some(AuditAction::ReadAccessLog),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(total, 1);
    assert_eq!(events[0].event.person_id, Some(person.id));
    assert_eq!(events[0].event.actor, "CW reader");
    assert_eq!(events[0].event.fields, ["access_log"]);
}

async fn refused_national_id_from_another_organisation_is_audited(app: TestApp) {
    let person = app.person_in(ORG_A, DUF_A, "Amina", "Tesfay").await;
    let other = app.person_in(ORG_B, DUF_B, "Other", "Holder").await;
    app.store
        .update_identity(
            other.id,
            &IdentityChange {
                first_name: other.first_name.clone(),
                last_name: other.last_name.clone(),
                date_of_birth: Some(Date::new(1965, 7, 15).unwrap()),
                gender: Some(Gender::Female),
                citizenships: vec!["SYR".into()],
                registration_number: None,
                national_id: Some(NationalId::parse("15076500565").unwrap()),
                details: Default::default(),
                log: crate::helpers::change_log(),
            },
        )
        .await
        .unwrap();
    let counsellor = app
        .caseworker(ORG_A, "counsellor", &[Role::Counsellor])
        .await;

    app.bearer_put(
        &format!("/api/v1/caseworker/people/{}/identity", person.id),
        &counsellor,
        &json!({ "first_name": "Amina", "last_name": "Tesfay", "national_id": "15076500565", "citizenships": ["SYR"], "reason": "Papers shown" }),
    )
    .await
    .problem(409, "conflict");

    let (events, total) = app
        .store
        .audit_events(&AuditFilter {
            action: Some(AuditAction::IdentityRefused),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(total, 1);
    let event = &events[0].event;
    assert_eq!(event.person_id, Some(person.id));
    assert_eq!(event.person_organisation_id, Some(person.organisation_id));
    assert_eq!(event.fields, ["national_id"]);
    assert_eq!(event.reason.as_deref(), Some("Papers shown"));
    // Nothing about the other holder: not their id, not their organisation.
    let (about_other, _) = app
        .store
        .audit_events(&AuditFilter {
            organisation_id: Some(other.organisation_id),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert!(about_other.is_empty(), "{about_other:?}");
    // And the refusal did not change the person.
    let unchanged = app.store.person_by_duf(&person.duf_number).await.unwrap();
    assert_eq!(unchanged.unwrap().national_id, None);
}

async fn chain_from_before_the_key_is_adopted_once_and_then_pinned(app: TestApp) {
    let (person, auditor) = some_events(&app, 2).await;
    // A database from before the key: the same events, linked by plain
    // SHA-256, and no checkpoint yet.
    let mut old = Attacker::new(&app).await;
    old.rehash_from(&app, 1).await;
    let unadopted = verify(&app, &auditor).await;
    assert_eq!(unadopted["failure"], "broken_link", "{unadopted}");
    assert_eq!(unadopted["first_broken_seq"], 1);

    let head = app
        .state
        .audit
        .adopt_legacy(app.store.as_ref())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(head.seq, 4);
    assert!(
        app.state
            .audit
            .adopt_legacy(app.store.as_ref())
            .await
            .is_err(),
        "adopted once only"
    );
    // New events continue the chain with keyed links.
    let log = app
        .bearer_get(
            &format!("/api/v1/caseworker/people/{}/access-log", person.id),
            &auditor,
        )
        .await;
    assert_eq!(log.status, 200);
    let adopted = verify(&app, &auditor).await;
    assert_eq!(adopted["intact"], true, "{adopted}");
    assert_eq!(adopted["head_seq"], 5);

    // The adopted part is pinned: rewriting it, even consistently, is found.
    old.run("UPDATE audit_events SET actor = 'someone else' WHERE seq = 2")
        .await;
    old.rehash_from(&app, 2).await;
    let rewritten = verify(&app, &auditor).await;
    assert_eq!(rewritten["intact"], false, "{rewritten}");
    assert_eq!(rewritten["first_broken_seq"], 4);
    assert_eq!(rewritten["failure"], "checkpoint_mismatch");
}

on_both_engines!(
    chain_from_before_the_key_is_adopted_once_and_then_pinned,
    clean_chain_verifies_and_its_head_is_checkpointed,
    event_changed_and_rehashed_without_the_key_is_found,
    newest_events_deleted_below_the_checkpoint_are_found,
    newest_events_deleted_below_a_periodic_checkpoint_are_found,
    event_removed_and_chain_renumbered_is_found,
    forged_checkpoint_line_fails_the_verification,
    reading_a_persons_access_log_is_audited,
    refused_national_id_from_another_organisation_is_audited,
);
