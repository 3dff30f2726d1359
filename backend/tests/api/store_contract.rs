//! The store contract: every operation behaves the same on SQLite and on
//! PostgreSQL, the applicant half (`Store`) and the back office
//! (`BackOfficeStore`) alike; `every_store_method_has_a_contract_test`
//! keeps it that way.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use kartlegg_backend::audit::{ChainKey, GENESIS, canonical, chain_hash};
use kartlegg_backend::db::{
    AuditFilter, BulkPerson, Consent, DraftUpdate, Engine, IdentityChange, LinkHit,
    LoginCodeRecord, LoginThrottle, NewAlias, NewApplicantSession, NewAuditEvent, NewCaseworker,
    NewLoginCode, NewOrganisation, NewPerson, OrganisationKind, PeopleFilter, Person,
    PersonListing, PersonMatch, StoreError, StoredRegistration, fold_name,
};
use kartlegg_shared::api::{CONSENT_VERSION, ConsentDecision, RegistrationStatus};
use kartlegg_shared::caseworker::{
    AuditAction, CodeEndReason, Gender, PeopleSort, RegistrationState, Role, SortOrder,
};
use kartlegg_shared::domain::{Date, DufNumber, NationalId, RegistrationNumber};
use kartlegg_shared::questionnaire::Answers;
use sqlx::Connection;
use uuid::Uuid;

use crate::helpers::TestApp;
use crate::on_both_engines;

fn org(number: &str) -> NewOrganisation {
    NewOrganisation {
        number: number.into(),
        name: format!("Org {number}"),
        kind: OrganisationKind::Municipality,
    }
}

fn duf(n: u64) -> DufNumber {
    DufNumber::parse(&format!("{n:012}")).unwrap()
}

async fn organisation_is_created_and_found_by_number(app: TestApp) {
    let created = app.store.create_organisation(&org("0301")).await.unwrap();
    assert_eq!(created.kind, OrganisationKind::Municipality);
    let found = app
        .store
        .organisation_by_number("0301")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, created);
    assert!(
        app.store
            .organisation_by_number("9999")
            .await
            .unwrap()
            .is_none()
    );
}

async fn organisation_number_is_unique(app: TestApp) {
    app.store.create_organisation(&org("0301")).await.unwrap();
    let second = app.store.create_organisation(&org("0301")).await;
    assert!(matches!(second, Err(StoreError::Conflict(_))), "{second:?}");
    assert_eq!(app.store.list_organisations().await.unwrap().len(), 1);
}

async fn organisations_are_listed_by_number(app: TestApp) {
    for n in ["5001", "0301", "4601"] {
        app.store.create_organisation(&org(n)).await.unwrap();
    }
    let numbers: Vec<_> = app
        .store
        .list_organisations()
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.number)
        .collect();
    assert_eq!(numbers, ["0301", "4601", "5001"]);
}

async fn person_is_created_and_found_by_duf_number(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let p = app
        .store
        .create_person(&NewPerson {
            duf_number: duf(202400000001),
            organisation_id: o.id,
            first_name: "Amina".into(),
            last_name: "Tesfay".into(),
        })
        .await
        .unwrap();
    let found = app
        .store
        .person_by_duf(&duf(202400000001))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, p);
    assert_eq!(found.organisation_id, o.id);
    assert!(
        app.store
            .person_by_duf(&duf(202400000002))
            .await
            .unwrap()
            .is_none()
    );
}

async fn duf_number_is_unique(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let new = NewPerson {
        duf_number: duf(1),
        organisation_id: o.id,
        first_name: "A".into(),
        last_name: "B".into(),
    };
    app.store.create_person(&new).await.unwrap();
    let again = app.store.create_person(&new).await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
}

async fn person_needs_an_existing_organisation(app: TestApp) {
    let result = app
        .store
        .create_person(&NewPerson {
            duf_number: duf(1),
            organisation_id: uuid::Uuid::new_v4(),
            first_name: "A".into(),
            last_name: "B".into(),
        })
        .await;
    assert!(
        matches!(result, Err(StoreError::MissingReference)),
        "{result:?}"
    );
}

/// Many writers at once all succeed: none sees "database is locked".
async fn concurrent_writers_all_succeed(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let store = app.store.clone();
            tokio::spawn(async move {
                store
                    .create_person(&NewPerson {
                        duf_number: duf(100 + i),
                        organisation_id: o.id,
                        first_name: format!("P{i}"),
                        last_name: "Test".into(),
                    })
                    .await
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().expect("a concurrent write failed");
    }
    for i in 0..40 {
        assert!(
            app.store
                .person_by_duf(&duf(100 + i))
                .await
                .unwrap()
                .is_some()
        );
    }
}

async fn a_person(app: &TestApp) -> Person {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    app.store
        .create_person(&NewPerson {
            duf_number: duf(7),
            organisation_id: o.id,
            first_name: "A".into(),
            last_name: "B".into(),
        })
        .await
        .unwrap()
}

fn new_code(person: &Person, byte: u8) -> NewLoginCode {
    let now = Utc::now();
    NewLoginCode {
        person_id: person.id,
        code_hash: vec![byte; 32],
        created_at: now,
        expires_at: now + Duration::days(14),
    }
}

async fn person_and_organisation_are_found_by_id(app: TestApp) {
    let p = a_person(&app).await;
    assert_eq!(app.store.person_by_id(p.id).await.unwrap(), Some(p.clone()));
    let o = app
        .store
        .organisation_by_id(p.organisation_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(o.number, "0301");
    assert!(
        app.store
            .person_by_id(uuid::Uuid::new_v4())
            .await
            .unwrap()
            .is_none()
    );
}

/// Issues without a cap: the store's own tests are not about the cap.
async fn issue(app: &TestApp, new: &NewLoginCode) -> LoginCodeRecord {
    app.store
        .issue_login_code(new, i64::MAX, new.created_at - Duration::days(1))
        .await
        .unwrap()
        .unwrap()
}

async fn issuing_a_code_ends_the_earlier_one_and_its_sessions(app: TestApp) {
    let p = a_person(&app).await;
    let first = issue(&app, &new_code(&p, 1)).await;
    let now = Utc::now();
    let session = app
        .store
        .create_applicant_session(&NewApplicantSession {
            person_id: p.id,
            code_id: first.id,
            created_at: now,
            expires_at: now + Duration::hours(12),
        })
        .await
        .unwrap();
    let second = issue(&app, &new_code(&p, 2)).await;
    let current = app.store.current_login_code(p.id).await.unwrap().unwrap();
    assert_eq!(current.id, second.id);
    assert_eq!(current.code_hash, vec![2; 32]);
    assert_ne!(first.id, second.id);
    let old = app
        .store
        .applicant_session(session.id)
        .await
        .unwrap()
        .unwrap()
        .session;
    assert!(old.ended_at.is_some(), "the new code ended the old session");
}

/// The cap on codes per day holds when many are issued at once.
async fn codes_per_day_are_capped_under_concurrency(app: TestApp) {
    let p = a_person(&app).await;
    let now = Utc::now();
    let new = new_code(&p, 1);
    let issued = futures_util::future::join_all(
        (0..50).map(|_| app.store.issue_login_code(&new, 5, now - Duration::days(1))),
    )
    .await;
    let issued: Vec<_> = issued.into_iter().map(Result::unwrap).collect();
    assert_eq!(issued.iter().filter(|c| c.is_some()).count(), 5);
    // A day later the oldest no longer count.
    let later = NewLoginCode {
        created_at: now + Duration::days(1) + Duration::seconds(1),
        ..new
    };
    assert!(
        app.store
            .issue_login_code(&later, 5, later.created_at - Duration::days(1))
            .await
            .unwrap()
            .is_some()
    );
}

/// Tries are reserved before a code is checked: of 200 at once, exactly
/// the allowed five get one.
async fn code_tries_are_reserved_atomically(app: TestApp) {
    let p = a_person(&app).await;
    let code = issue(&app, &new_code(&p, 1)).await;
    let tries =
        futures_util::future::join_all((0..200).map(|_| app.store.reserve_code_try(code.id, 5)))
            .await;
    let mut granted: Vec<i64> = tries.into_iter().filter_map(|t| t.unwrap()).collect();
    granted.sort_unstable();
    assert_eq!(granted, [1, 2, 3, 4, 5]);

    app.store.refund_code_try(code.id).await.unwrap();
    assert_eq!(
        app.store.reserve_code_try(code.id, 5).await.unwrap(),
        Some(5)
    );
    app.store
        .end_exhausted_code(code.id, 5, Utc::now())
        .await
        .unwrap();
    assert!(app.store.current_login_code(p.id).await.unwrap().is_none());
    assert_eq!(app.store.reserve_code_try(code.id, 5).await.unwrap(), None);
}

async fn a_code_below_the_limit_is_not_ended(app: TestApp) {
    let p = a_person(&app).await;
    let code = issue(&app, &new_code(&p, 1)).await;
    for _ in 0..4 {
        app.store.reserve_code_try(code.id, 5).await.unwrap();
    }
    app.store
        .end_exhausted_code(code.id, 5, Utc::now())
        .await
        .unwrap();
    let current = app.store.current_login_code(p.id).await.unwrap().unwrap();
    assert_eq!(current.wrong_tries, 4);
}

/// Compare-and-swap: only a writer that saw the current row wins.
async fn login_throttle_changes_only_by_compare_and_swap(app: TestApp) {
    let t = |failures, at| LoginThrottle {
        failures,
        last_failure_at: at,
        next_try_at: at,
    };
    assert_eq!(app.store.login_throttle(b"k1").await.unwrap(), None);
    assert!(
        app.store
            .swap_login_throttle(b"k1", None, &t(1, 100), 0)
            .await
            .unwrap()
    );
    assert!(
        !app.store
            .swap_login_throttle(b"k1", None, &t(1, 100), 0)
            .await
            .unwrap()
    );
    assert!(
        !app.store
            .swap_login_throttle(b"k1", Some(&t(5, 100)), &t(6, 101), 0)
            .await
            .unwrap()
    );
    assert!(
        app.store
            .swap_login_throttle(b"k1", Some(&t(1, 100)), &t(2, 101), 0)
            .await
            .unwrap()
    );
    assert_eq!(
        app.store.login_throttle(b"k1").await.unwrap(),
        Some(t(2, 101))
    );

    // A new key forgets keys quiet since before `forget_before`.
    assert!(
        app.store
            .swap_login_throttle(b"k2", None, &t(1, 500), 200)
            .await
            .unwrap()
    );
    assert_eq!(app.store.login_throttle(b"k1").await.unwrap(), None);

    let (seen, next) = (t(1, 500), t(2, 501));
    let racers = futures_util::future::join_all(
        (0..50).map(|_| app.store.swap_login_throttle(b"k2", Some(&seen), &next, 0)),
    )
    .await;
    assert_eq!(
        racers.into_iter().filter(|r| *r.as_ref().unwrap()).count(),
        1
    );

    app.store.clear_login_throttle(b"k2").await.unwrap();
    assert_eq!(app.store.login_throttle(b"k2").await.unwrap(), None);
}

async fn ending_sessions_ends_the_code_and_its_sessions(app: TestApp) {
    let p = a_person(&app).await;
    let code = issue(&app, &new_code(&p, 1)).await;
    let now = Utc::now();
    let new = NewApplicantSession {
        person_id: p.id,
        code_id: code.id,
        created_at: now,
        expires_at: now + Duration::hours(12),
    };
    let s1 = app.store.create_applicant_session(&new).await.unwrap();
    let s2 = app.store.create_applicant_session(&new).await.unwrap();
    app.store
        .touch_applicant_session(s1.id, now + Duration::minutes(5))
        .await
        .unwrap();
    let touched = app
        .store
        .applicant_session(s1.id)
        .await
        .unwrap()
        .unwrap()
        .session;
    assert!(touched.last_seen_at > s1.last_seen_at);

    app.store
        .end_applicant_sessions(code.id, now)
        .await
        .unwrap();

    for id in [s1.id, s2.id] {
        let s = app
            .store
            .applicant_session(id)
            .await
            .unwrap()
            .unwrap()
            .session;
        assert!(s.ended_at.is_some());
    }
    assert!(app.store.current_login_code(p.id).await.unwrap().is_none());
}

/// A counsellor's "end sessions": every live session of the person ends,
/// the code stays valid, and other people keep theirs.
async fn ending_a_persons_sessions_keeps_the_code(app: TestApp) {
    let p = a_person(&app).await;
    let other = app
        .store
        .create_person(&NewPerson {
            duf_number: duf(8),
            organisation_id: p.organisation_id,
            first_name: "C".into(),
            last_name: "D".into(),
        })
        .await
        .unwrap();
    let now = Utc::now();
    let mut sessions = Vec::new();
    for person in [&p, &p, &other] {
        let code = match app.store.current_login_code(person.id).await.unwrap() {
            Some(code) => code,
            None => issue(&app, &new_code(person, 1)).await,
        };
        let session = app
            .store
            .create_applicant_session(&NewApplicantSession {
                person_id: person.id,
                code_id: code.id,
                created_at: now,
                expires_at: now + Duration::hours(12),
            })
            .await
            .unwrap();
        sessions.push(session.id);
    }

    assert_eq!(app.store.end_person_sessions(p.id, now).await.unwrap(), 2);
    assert_eq!(app.store.end_person_sessions(p.id, now).await.unwrap(), 0);

    for (id, ended) in sessions.into_iter().zip([true, true, false]) {
        let s = app
            .store
            .applicant_session(id)
            .await
            .unwrap()
            .unwrap()
            .session;
        assert_eq!(s.ended_at.is_some(), ended);
    }
    assert!(app.store.current_login_code(p.id).await.unwrap().is_some());
}

async fn consents_are_listed_newest_first(app: TestApp) {
    let p = a_person(&app).await;
    for decision in [ConsentDecision::Decline, ConsentDecision::Accept] {
        app.store
            .record_consent(&Consent {
                person_id: p.id,
                version: "v".into(),
                decision,
                decided_at: Utc::now(),
            })
            .await
            .unwrap();
    }
    let consents = app.store.consents(p.id).await.unwrap();
    assert_eq!(consents.len(), 2);
    assert_eq!(consents[0].decision, ConsentDecision::Accept);
}

/// A session is read with its person's consent: the newest decision on
/// the current declaration counts; one on an older declaration does not.
async fn a_session_is_read_with_the_current_consent(app: TestApp) {
    let p = a_person(&app).await;
    let code = issue(&app, &new_code(&p, 1)).await;
    let now = Utc::now();
    let session = app
        .store
        .create_applicant_session(&NewApplicantSession {
            person_id: p.id,
            code_id: code.id,
            created_at: now,
            expires_at: now + Duration::hours(12),
        })
        .await
        .unwrap();
    let consented = || async {
        let read = app
            .store
            .applicant_session(session.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(read.session, session);
        read.consented
    };
    assert!(!consented().await, "no decision yet");
    let decide = |version: &str, decision| Consent {
        person_id: p.id,
        version: version.into(),
        decision,
        decided_at: now,
    };
    for (version, decision, expected) in [
        ("an older declaration", ConsentDecision::Accept, false),
        (CONSENT_VERSION, ConsentDecision::Accept, true),
        ("an older declaration", ConsentDecision::Decline, true),
        (CONSENT_VERSION, ConsentDecision::Decline, false),
        (CONSENT_VERSION, ConsentDecision::Accept, true),
    ] {
        app.store
            .record_consent(&decide(version, decision))
            .await
            .unwrap();
        assert_eq!(
            consented().await,
            expected,
            "after {decision:?} on {version}"
        );
    }
}

async fn a_person_has_at_most_one_draft(app: TestApp) {
    let p = a_person(&app).await;
    app.store
        .create_registration(p.id, 1, Utc::now())
        .await
        .unwrap();
    let second = app.store.create_registration(p.id, 1, Utc::now()).await;
    assert!(matches!(second, Err(StoreError::Conflict(_))), "{second:?}");
}

async fn draft_update_needs_the_current_revision(app: TestApp) {
    let p = a_person(&app).await;
    let draft = app
        .store
        .create_registration(p.id, 1, Utc::now())
        .await
        .unwrap();
    let update = DraftUpdate {
        id: draft.id,
        person_id: p.id,
        expected_revision: 0,
        answers: Answers::new().with("mother_tongue", "ara"),
        saved_sections: vec!["personal".into()],
        complete: false,
        language: Some("so".into()),
        provenance: Default::default(),
        now: Utc::now(),
        facts: None,
    };
    let saved = app.store.update_draft(&update).await.unwrap();
    assert_eq!(saved.revision, 1);
    assert_eq!(saved.answers, update.answers);
    assert_eq!(saved.saved_sections, ["personal"]);
    assert_eq!(saved.language.as_deref(), Some("so"));
    let stale = app.store.update_draft(&update).await;
    assert!(matches!(stale, Err(StoreError::Stale)), "{stale:?}");
    let other_person = DraftUpdate {
        person_id: uuid::Uuid::new_v4(),
        expected_revision: 1,
        ..update.clone()
    };
    assert!(matches!(
        app.store.update_draft(&other_person).await,
        Err(StoreError::Stale)
    ));
}

/// Draft saves that arrive together share a commit (group commit), and
/// each caller still gets its own row, or `Stale` when its revision was
/// taken, by a save earlier in the same batch too.
async fn simultaneous_draft_saves_share_commits_and_each_gets_its_own_row(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let mut updates = Vec::new();
    for n in 0..120 {
        let person = app
            .store
            .create_person(&NewPerson {
                duf_number: duf(1000 + n),
                organisation_id: o.id,
                first_name: "A".into(),
                last_name: format!("B{n}"),
            })
            .await
            .unwrap();
        let draft = app
            .store
            .create_registration(person.id, 1, Utc::now())
            .await
            .unwrap();
        updates.push(DraftUpdate {
            id: draft.id,
            person_id: person.id,
            expected_revision: 0,
            answers: Answers::new().with("mother_tongue", format!("l{n}").as_str()),
            saved_sections: vec!["personal".into()],
            complete: false,
            language: None,
            provenance: Default::default(),
            now: Utc::now(),
            facts: None,
        });
    }
    // The first person's save twice: one of the two is stale.
    updates.push(updates[0].clone());
    let before = app.store.save_commits();
    let (commits, saved) = (before.batches.get(), before.saves.get());

    let results =
        futures_util::future::join_all(updates.iter().map(|u| app.store.update_draft(u))).await;

    for (update, result) in updates.iter().zip(&results).skip(1).take(119) {
        let row = result.as_ref().unwrap();
        assert_eq!((row.id, row.revision), (update.id, 1));
        assert_eq!(row.answers, update.answers);
    }
    let first: Vec<_> = [&results[0], &results[120]]
        .into_iter()
        .map(|r| matches!(r, Err(StoreError::Stale)))
        .collect();
    assert_eq!(first.iter().filter(|stale| **stale).count(), 1, "{first:?}");
    let stats = app.store.save_commits();
    assert_eq!(
        stats.saves.get() - saved,
        121,
        "every save went through a batch"
    );
    let batches = stats.batches.get() - commits;
    assert!(
        batches < 121,
        "121 simultaneous saves took {batches} commits"
    );
}

async fn completed_registration_cannot_be_updated_and_history_is_newest_first(app: TestApp) {
    let p = a_person(&app).await;
    let draft = app
        .store
        .create_registration(p.id, 1, Utc::now())
        .await
        .unwrap();
    let complete = DraftUpdate {
        id: draft.id,
        person_id: p.id,
        expected_revision: 0,
        answers: Answers::new(),
        saved_sections: vec![],
        complete: true,
        language: None,
        provenance: Default::default(),
        now: Utc::now(),
        facts: None,
    };
    let done = app.store.update_draft(&complete).await.unwrap();
    assert_eq!(done.status, RegistrationStatus::Completed);
    assert!(done.completed_at.is_some());
    let again = app
        .store
        .update_draft(&DraftUpdate {
            expected_revision: 1,
            ..complete
        })
        .await;
    assert!(matches!(again, Err(StoreError::Stale)));
    let second = app
        .store
        .create_registration(p.id, 1, Utc::now())
        .await
        .unwrap();
    assert_eq!(second.number, 2);
    let all = app.store.registrations(p.id).await.unwrap();
    assert_eq!(
        all.iter().map(|r| r.id).collect::<Vec<_>>(),
        [second.id, draft.id]
    );
    assert_eq!(
        app.store
            .latest_registration(p.id)
            .await
            .unwrap()
            .unwrap()
            .id,
        second.id
    );
}

async fn the_store_names_its_engine_and_answers_a_ping(app: TestApp) {
    let expected = if app.db_url.starts_with("postgres") {
        Engine::Postgres
    } else {
        Engine::Sqlite
    };
    assert_eq!(app.store.engine(), expected);
    app.store.ping().await.unwrap();
    // SQLite has a writer's pool and a readers'; PostgreSQL one pool.
    let pools: Vec<&str> = app.store.pool_use().iter().map(|p| p.name).collect();
    let names: &[&str] = match expected {
        Engine::Sqlite => &["write", "read"],
        Engine::Postgres => &["pool"],
    };
    assert_eq!(pools, names);
    assert!(app.store.pool_use().iter().all(|p| p.size >= 1));
}

// The back office.

fn new_caseworker(organisation_id: Uuid, username: &str, roles: &[Role]) -> NewCaseworker {
    NewCaseworker {
        organisation_id,
        username: username.into(),
        display_name: format!("Name of {username}"),
        password_hash: "$argon2id$not-a-real-hash".into(),
        totp_secret: None,
        roles: roles.to_vec(),
        now: Utc::now().trunc_subsecs(6),
    }
}

/// An organisation with one counsellor.
async fn an_office(app: &TestApp) -> (kartlegg_backend::db::Organisation, Uuid) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let cw = app
        .store
        .create_caseworker(&new_caseworker(o.id, "kari", &[Role::Counsellor]))
        .await
        .unwrap();
    (o, cw.id)
}

async fn person_in(
    app: &TestApp,
    organisation_id: Uuid,
    n: u64,
    first: &str,
    last: &str,
) -> Person {
    app.store
        .create_person(&NewPerson {
            duf_number: duf(n),
            organisation_id,
            first_name: first.into(),
            last_name: last.into(),
        })
        .await
        .unwrap()
}

async fn complete_registration(app: &TestApp, p: &Person, at: DateTime<Utc>) -> StoredRegistration {
    let draft = app.store.create_registration(p.id, 1, at).await.unwrap();
    app.store
        .update_draft(&DraftUpdate {
            id: draft.id,
            person_id: p.id,
            expected_revision: draft.revision,
            answers: Answers::new(),
            saved_sections: vec![],
            complete: true,
            language: None,
            provenance: Default::default(),
            now: at,
            facts: None,
        })
        .await
        .unwrap()
}

async fn set_date_of_birth(app: &TestApp, p: &Person, date: Option<Date>) {
    app.store
        .update_identity(
            p.id,
            &IdentityChange {
                first_name: p.first_name.clone(),
                last_name: p.last_name.clone(),
                date_of_birth: date,
                gender: None,
                citizenships: vec![],
                registration_number: None,
                national_id: None,
                details: Default::default(),
                log: crate::helpers::change_log(),
            },
        )
        .await
        .unwrap();
}

async fn listed(app: &TestApp, filter: &PeopleFilter) -> Vec<String> {
    let (items, _) = app.store.people(filter).await.unwrap();
    items.into_iter().map(|l| l.person.last_name).collect()
}

async fn caseworker_is_created_with_its_roles_and_found_by_name_and_id(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let new = new_caseworker(
        o.id,
        "kari",
        &[Role::Reader, Role::Administrator, Role::Reader],
    );
    let created = app.store.create_caseworker(&new).await.unwrap();
    assert_eq!(created.roles, [Role::Administrator, Role::Reader]);
    assert_eq!(created.username, "kari");
    assert!(created.disabled_at.is_none());

    let by_name = app.store.caseworker_by_username("kari").await.unwrap();
    assert_eq!(by_name.as_ref(), Some(&created));
    let by_id = app.store.caseworker_by_id(created.id).await.unwrap();
    assert_eq!(by_id, Some(created));
    assert!(
        app.store
            .caseworker_by_username("ola")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        app.store
            .caseworker_by_id(Uuid::new_v4())
            .await
            .unwrap()
            .is_none()
    );

    let again = app.store.create_caseworker(&new).await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
}

async fn roles_are_replaced_and_accounts_listed_per_organisation(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let other = app.store.create_organisation(&org("4601")).await.unwrap();
    for (org_id, name) in [(o.id, "ola"), (other.id, "per"), (o.id, "kari")] {
        app.store
            .create_caseworker(&new_caseworker(org_id, name, &[Role::Reader]))
            .await
            .unwrap();
    }
    let names: Vec<_> = app
        .store
        .caseworkers_of(o.id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.username, c.roles))
        .collect();
    assert_eq!(
        names,
        [
            ("kari".to_owned(), vec![Role::Reader]),
            ("ola".to_owned(), vec![Role::Reader])
        ]
    );

    let kari = app
        .store
        .caseworker_by_username("kari")
        .await
        .unwrap()
        .unwrap();
    app.store
        .set_caseworker_roles(kari.id, &[Role::Auditor, Role::Counsellor, Role::Auditor])
        .await
        .unwrap();
    let kari = app.store.caseworker_by_id(kari.id).await.unwrap().unwrap();
    assert_eq!(kari.roles, [Role::Counsellor, Role::Auditor]);
    assert!(kari.has(Role::Auditor) && !kari.has(Role::Reader));
    app.store.set_caseworker_roles(kari.id, &[]).await.unwrap();
    let kari = app.store.caseworker_by_id(kari.id).await.unwrap().unwrap();
    assert!(kari.roles.is_empty());
}

async fn caseworker_sessions_are_touched_and_ended(app: TestApp) {
    let (_, cw) = an_office(&app).await;
    let now = Utc::now().trunc_subsecs(6);
    let session = app
        .store
        .create_caseworker_session(cw, now, now + Duration::hours(8))
        .await
        .unwrap();
    assert_eq!(session.caseworker_id, cw);
    assert!(session.is_live(now, Duration::minutes(30)));
    let read = app.store.caseworker_session(session.id).await.unwrap();
    assert_eq!(read.as_ref(), Some(&session));

    let later = now + Duration::minutes(20);
    app.store
        .touch_caseworker_session(session.id, later)
        .await
        .unwrap();
    let touched = app
        .store
        .caseworker_session(session.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(touched.last_seen_at, later);
    assert!(touched.is_live(now + Duration::minutes(40), Duration::minutes(30)));

    app.store
        .end_caseworker_session(session.id, later)
        .await
        .unwrap();
    let ended = app
        .store
        .caseworker_session(session.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ended.ended_at, Some(later));
    assert!(
        app.store
            .caseworker_session(Uuid::new_v4())
            .await
            .unwrap()
            .is_none()
    );
}

async fn disabling_an_account_ends_its_sessions(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let other = app
        .store
        .create_caseworker(&new_caseworker(o.id, "ola", &[Role::Reader]))
        .await
        .unwrap();
    let now = Utc::now().trunc_subsecs(6);
    let mine = app
        .store
        .create_caseworker_session(cw, now, now + Duration::hours(8))
        .await
        .unwrap();
    let theirs = app
        .store
        .create_caseworker_session(other.id, now, now + Duration::hours(8))
        .await
        .unwrap();

    app.store.disable_caseworker(cw, now).await.unwrap();

    let account = app.store.caseworker_by_id(cw).await.unwrap().unwrap();
    assert_eq!(account.disabled_at, Some(now));
    let mine = app
        .store
        .caseworker_session(mine.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mine.ended_at, Some(now));
    let theirs = app
        .store
        .caseworker_session(theirs.id)
        .await
        .unwrap()
        .unwrap();
    assert!(theirs.ended_at.is_none());
    // Disabling again keeps the first date.
    app.store
        .disable_caseworker(cw, now + Duration::hours(1))
        .await
        .unwrap();
    let account = app.store.caseworker_by_id(cw).await.unwrap().unwrap();
    assert_eq!(account.disabled_at, Some(now));
}

async fn people_are_only_those_of_the_organisation_and_paged_with_a_total(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let other = app.store.create_organisation(&org("4601")).await.unwrap();
    for (n, last) in [(1, "Cc"), (2, "Aa"), (3, "Bb")] {
        person_in(&app, o.id, n, "X", last).await;
    }
    person_in(&app, other.id, 4, "X", "Elsewhere").await;

    let mut filter = PeopleFilter::new(o.id, cw, 2);
    let (page, total) = app.store.people(&filter).await.unwrap();
    assert_eq!(total, 3);
    assert_eq!(
        page.iter()
            .map(|l| l.person.last_name.as_str())
            .collect::<Vec<_>>(),
        ["Aa", "Bb"]
    );
    assert!(
        page.iter()
            .all(|l| l.state == RegistrationState::NoCode && !l.on_worklist)
    );
    filter.offset = 2;
    let (page, total) = app.store.people(&filter).await.unwrap();
    assert_eq!(total, 3);
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].person.last_name, "Cc");

    let only = PeopleFilter {
        person_id: Some(page[0].person.id),
        ..PeopleFilter::new(o.id, cw, 10)
    };
    assert_eq!(listed(&app, &only).await, ["Cc"]);
    let outside = app.store.person_by_duf(&duf(4)).await.unwrap().unwrap();
    let outside = PeopleFilter {
        person_id: Some(outside.id),
        ..PeopleFilter::new(o.id, cw, 10)
    };
    assert_eq!(app.store.people(&outside).await.unwrap().1, 0);
}

async fn people_sort_by_every_key_in_both_directions(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let a = person_in(&app, o.id, 3, "X", "Aa").await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let b = person_in(&app, o.id, 1, "X", "Bb").await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let c = person_in(&app, o.id, 2, "X", "Cc").await;
    set_date_of_birth(&app, &a, Some(Date::new(1990, 1, 1).unwrap())).await;
    set_date_of_birth(&app, &b, None).await;
    set_date_of_birth(&app, &c, Some(Date::new(1980, 1, 1).unwrap())).await;
    let t0 = Utc::now().trunc_subsecs(6);
    complete_registration(&app, &c, t0).await;
    complete_registration(&app, &a, t0 + Duration::hours(1)).await;

    // Empty values sort last both ways; ties go by name.
    let cases = [
        (PeopleSort::Name, ["Aa", "Bb", "Cc"], ["Cc", "Bb", "Aa"]),
        (
            PeopleSort::DufNumber,
            ["Bb", "Cc", "Aa"],
            ["Aa", "Cc", "Bb"],
        ),
        (
            PeopleSort::DateOfBirth,
            ["Cc", "Aa", "Bb"],
            ["Aa", "Cc", "Bb"],
        ),
        (
            PeopleSort::CreatedAt,
            ["Aa", "Bb", "Cc"],
            ["Cc", "Bb", "Aa"],
        ),
        (
            PeopleSort::CompletedAt,
            ["Cc", "Aa", "Bb"],
            ["Aa", "Cc", "Bb"],
        ),
        (PeopleSort::State, ["Aa", "Cc", "Bb"], ["Bb", "Aa", "Cc"]),
    ];
    for (sort, asc, desc) in cases {
        for (order, expected) in [(SortOrder::Asc, asc), (SortOrder::Desc, desc)] {
            let filter = PeopleFilter {
                sort,
                order,
                ..PeopleFilter::new(o.id, cw, 10)
            };
            assert_eq!(listed(&app, &filter).await, expected, "{sort:?} {order:?}");
        }
    }
}

async fn people_filter_by_registration_state(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let t0 = Utc::now().trunc_subsecs(6);
    let _no_code = person_in(&app, o.id, 1, "X", "NoCode").await;
    let code_issued = person_in(&app, o.id, 2, "X", "CodeIssued").await;
    issue(&app, &new_code(&code_issued, 1)).await;
    let in_progress = person_in(&app, o.id, 3, "X", "InProgress").await;
    app.store
        .create_registration(in_progress.id, 1, t0)
        .await
        .unwrap();
    let completed = person_in(&app, o.id, 4, "X", "Completed").await;
    complete_registration(&app, &completed, t0).await;
    let again = person_in(&app, o.id, 5, "X", "CompletedNew").await;
    complete_registration(&app, &again, t0).await;
    app.store
        .create_registration(again.id, 1, t0 + Duration::hours(1))
        .await
        .unwrap();
    let declined = person_in(&app, o.id, 6, "X", "Declined").await;
    app.store
        .record_consent(&Consent {
            person_id: declined.id,
            version: "v".into(),
            decision: ConsentDecision::Decline,
            decided_at: t0,
        })
        .await
        .unwrap();

    let (all, _) = app
        .store
        .people(&PeopleFilter::new(o.id, cw, 10))
        .await
        .unwrap();
    let state_of =
        |last: &str| -> &PersonListing { all.iter().find(|l| l.person.last_name == last).unwrap() };
    assert_eq!(
        state_of("CompletedNew").state,
        RegistrationState::CompletedNewInProgress
    );
    // A new draft does not blank the date of the completed registration.
    assert_eq!(state_of("CompletedNew").completed_at, Some(t0));
    assert_eq!(state_of("InProgress").completed_at, None);

    let cases = [
        (RegistrationState::NoCode, vec!["NoCode"]),
        (RegistrationState::CodeIssued, vec!["CodeIssued"]),
        (RegistrationState::InProgress, vec!["InProgress"]),
        // "Completed" also matches a completed one with a new one started.
        (
            RegistrationState::Completed,
            vec!["Completed", "CompletedNew"],
        ),
        (
            RegistrationState::CompletedNewInProgress,
            vec!["CompletedNew"],
        ),
        (RegistrationState::Declined, vec!["Declined"]),
    ];
    for (state, expected) in cases {
        let filter = PeopleFilter {
            state: Some(state),
            ..PeopleFilter::new(o.id, cw, 10)
        };
        assert_eq!(listed(&app, &filter).await, expected, "{state:?}");
    }
}

async fn people_filter_by_created_and_completed_dates(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let first = person_in(&app, o.id, 1, "X", "First").await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let between = Utc::now();
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let second = person_in(&app, o.id, 2, "X", "Second").await;
    let day = Utc::now().trunc_subsecs(6) + Duration::days(1);
    complete_registration(&app, &first, day).await;
    complete_registration(&app, &second, day + Duration::days(1)).await;

    let base = PeopleFilter::new(o.id, cw, 10);
    let created_from = PeopleFilter {
        created_from: Some(between),
        ..base.clone()
    };
    assert_eq!(listed(&app, &created_from).await, ["Second"]);
    let created_before = PeopleFilter {
        created_before: Some(between),
        ..base.clone()
    };
    assert_eq!(listed(&app, &created_before).await, ["First"]);
    // `from` is inclusive, `before` exclusive.
    let completed_day = PeopleFilter {
        completed_from: Some(day),
        completed_before: Some(day + Duration::days(1)),
        ..base.clone()
    };
    assert_eq!(listed(&app, &completed_day).await, ["First"]);
    let completed_from = PeopleFilter {
        completed_from: Some(day + Duration::days(1)),
        ..base
    };
    assert_eq!(listed(&app, &completed_from).await, ["Second"]);
}

async fn worklist_adds_once_and_removes_per_caseworker(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let colleague = app
        .store
        .create_caseworker(&new_caseworker(o.id, "ola", &[Role::Reader]))
        .await
        .unwrap()
        .id;
    let a = person_in(&app, o.id, 1, "X", "Aa").await;
    let b = person_in(&app, o.id, 2, "X", "Bb").await;
    let now = Utc::now();
    app.store.add_to_worklist(cw, a.id, now).await.unwrap();
    app.store.add_to_worklist(cw, a.id, now).await.unwrap();
    app.store
        .add_to_worklist(colleague, b.id, now)
        .await
        .unwrap();

    let mine = PeopleFilter {
        worklist_only: true,
        ..PeopleFilter::new(o.id, cw, 10)
    };
    let (items, total) = app.store.people(&mine).await.unwrap();
    assert_eq!(total, 1);
    assert_eq!(items[0].person.id, a.id);
    assert!(items[0].on_worklist);
    let (all, _) = app
        .store
        .people(&PeopleFilter::new(o.id, cw, 10))
        .await
        .unwrap();
    let flags: Vec<_> = all.iter().map(|l| l.on_worklist).collect();
    assert_eq!(flags, [true, false], "on_worklist is the caller's own list");

    app.store.remove_from_worklist(cw, a.id).await.unwrap();
    app.store.remove_from_worklist(cw, a.id).await.unwrap();
    assert!(listed(&app, &mine).await.is_empty());
    let theirs = PeopleFilter {
        worklist_only: true,
        ..PeopleFilter::new(o.id, colleague, 10)
    };
    assert_eq!(listed(&app, &theirs).await, ["Bb"]);
}

async fn people_are_searched_by_every_kind(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let muller = person_in(&app, o.id, 1, "Åsa", "Müller").await;
    person_in(&app, o.id, 2, "Ola", "Nordmann").await;
    person_in(&app, o.id, 3, "Per", "Cent%").await;
    app.store
        .update_identity(
            muller.id,
            &IdentityChange {
                first_name: "Åsa".into(),
                last_name: "Müller".into(),
                date_of_birth: Some(Date::new(1990, 1, 31).unwrap()),
                gender: Some(Gender::Female),
                citizenships: vec!["SYR".into()],
                registration_number: Some(RegistrationNumber::parse("104233").unwrap()),
                national_id: Some(NationalId::parse("15076500565").unwrap()),
                details: Default::default(),
                log: crate::helpers::change_log(),
            },
        )
        .await
        .unwrap();
    let search = |matching: PersonMatch| PeopleFilter {
        matching: Some(matching),
        ..PeopleFilter::new(o.id, cw, 10)
    };
    let name = |surname: Option<&str>, first_name: Option<&str>, words: &[&str]| {
        search(PersonMatch::Name {
            surname: surname.map(fold_name),
            first_name: first_name.map(fold_name),
            words: words.iter().map(|w| fold_name(w)).collect(),
        })
    };
    let cases = [
        (
            search(PersonMatch::DufNumber(duf(2).as_str().into())),
            vec!["Nordmann"],
        ),
        (
            search(PersonMatch::RegistrationNumber(
                RegistrationNumber::parse("104233").unwrap(),
            )),
            vec!["Müller"],
        ),
        (
            search(PersonMatch::NationalId(
                NationalId::parse("15076500565").unwrap(),
            )),
            vec!["Müller"],
        ),
        (
            search(PersonMatch::DateOfBirth(Date::new(1990, 1, 31).unwrap())),
            vec!["Müller"],
        ),
        (
            search(PersonMatch::DateOfBirth(Date::new(1990, 2, 1).unwrap())),
            vec![],
        ),
        // Names match folded substrings: no accents, any case.
        (name(Some("MULL"), None, &[]), vec!["Müller"]),
        (name(None, Some("asa"), &[]), vec!["Müller"]),
        (name(Some("muller"), Some("ola"), &[]), vec![]),
        (name(None, None, &["nord", "ola"]), vec!["Nordmann"]),
        (name(None, None, &["ola", "müller"]), vec![]),
        // LIKE wildcards in a name mean themselves.
        (name(Some("%"), None, &[]), vec!["Cent%"]),
        (name(None, None, &["_"]), vec![]),
    ];
    for (filter, expected) in cases {
        assert_eq!(
            listed(&app, &filter).await,
            expected,
            "{:?}",
            filter.matching
        );
        // Uncounted, as the search box asks, a name goes through the
        // names' trigram index instead of LIKE: the same people.
        let uncounted = PeopleFilter {
            count_up_to: Some(0),
            ..filter.clone()
        };
        assert_eq!(
            listed(&app, &uncounted).await,
            expected,
            "{:?} by the index",
            filter.matching
        );
    }
}

/// The organisation's distinct folded names as the name index holds them.
async fn name_keys(app: &TestApp, organisation_id: Uuid) -> Vec<String> {
    let sql = "SELECT key FROM name_keys WHERE organisation_id = $1 ORDER BY key";
    match app.store.engine() {
        Engine::Sqlite => {
            let mut db = sqlx::SqliteConnection::connect(&app.db_url).await.unwrap();
            sqlx::query_scalar(sql)
                .bind(organisation_id)
                .fetch_all(&mut db)
                .await
                .unwrap()
        }
        Engine::Postgres => {
            let mut db = sqlx::PgConnection::connect(&app.db_url).await.unwrap();
            sqlx::query_scalar(sql)
                .bind(organisation_id)
                .fetch_all(&mut db)
                .await
                .unwrap()
        }
    }
}

/// The search box's name search reads the names' trigram index and then
/// the people by name; whatever is typed, it finds exactly the people, in
/// exactly the order, that a `LIKE` over every person finds, also past
/// common names, for short terms, across organisations and after people
/// are renamed or erased.
async fn name_search_by_index_finds_what_like_finds(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let other = app.store.create_organisation(&org("4601")).await.unwrap();
    const LAST: [&str; 9] = [
        "Tesfay",
        "Al-Hassan",
        "Kovalenko",
        "Müller",
        "Ødegård",
        "Ali",
        "Hassan",
        "Nguyễn",
        "Tekle",
    ];
    const FIRST: [&str; 8] = [
        "Yonas",
        "Fatima",
        "Ali",
        "Åse",
        "Hassan",
        "Anna Maria",
        "Selam",
        "Olena",
    ];
    // Skewed, as names are: the first names of each list are common.
    let mut people = Vec::new();
    for i in 0..180u64 {
        let last = LAST[((i * i) % 97) as usize % LAST.len()];
        let first = FIRST[((i * 7) % 23) as usize % FIRST.len()];
        people.push(person_in(&app, o.id, 1000 + i, first, last).await);
    }
    // Another organisation with a name of its own, which must not leak.
    person_in(&app, other.id, 5000, "Ingrid", "Kovacs").await;
    // A rename drops a name no one else bears, and an erasure another.
    let renamed = &people[3];
    set_name(&app, renamed, "Birgitte", "Zapata").await;
    set_name(&app, renamed, "Birgit", "Zapatero").await;
    let erased = person_in(&app, o.id, 9000, "Quentin", "Quist").await;
    app.store.erase_person(erased.id, Utc::now()).await.unwrap();

    let keys = name_keys(&app, o.id).await;
    for gone in ["zapata", "birgitte", "quist", "quentin", "ingrid", "kovacs"] {
        assert!(!keys.iter().any(|k| k == gone), "{gone} left in {keys:?}");
    }
    assert!(keys.iter().any(|k| k == "zapatero"), "{keys:?}");

    let queries: [(Option<&str>, Option<&str>, &[&str]); 16] = [
        (Some("tesfay"), None, &[]),
        (Some("KOV"), None, &[]),
        (Some("hassan"), Some("yonas"), &[]),
        (None, Some("ali"), &[]),
        (None, Some("maria"), &[]),
        (None, None, &["hassan"]),
        (None, None, &["ali", "yonas"]),
        (None, None, &["as"]),
        (None, None, &["a"]),
        (Some("ø"), None, &[]),
        (None, None, &["nguyen"]),
        (None, None, &["zapat"]),
        (None, None, &["zapata"]),
        (None, None, &["kovacs"]),
        (None, None, &["\"ali"]),
        (Some("hassan"), None, &["fat", "ma"]),
    ];
    for (surname, first_name, words) in queries {
        for limit in [1, 7, 51] {
            let like = PeopleFilter {
                matching: Some(PersonMatch::Name {
                    surname: surname.map(fold_name),
                    first_name: first_name.map(fold_name),
                    words: words.iter().map(|w| fold_name(w)).collect(),
                }),
                ..PeopleFilter::new(o.id, cw, limit)
            };
            let index = PeopleFilter {
                count_up_to: Some(0),
                ..like.clone()
            };
            let ids = |items: (Vec<PersonListing>, u64)| -> Vec<Uuid> {
                items.0.into_iter().map(|l| l.person.id).collect()
            };
            let by_like = ids(app.store.people(&like).await.unwrap());
            let by_index = ids(app.store.people(&index).await.unwrap());
            assert_eq!(
                by_index, by_like,
                "{surname:?} {first_name:?} {words:?} limit {limit}"
            );
        }
    }
}

/// Hundreds of people added, renamed and erased at once, all bearing the
/// same few names: afterwards the name index holds exactly the names that
/// people bear (none missing, so everyone is found; none left over), and
/// no write failed (PostgreSQL's name locks never wait on each other).
async fn simultaneous_name_changes_leave_exactly_the_names_in_use(app: TestApp) {
    let (o, _) = an_office(&app).await;
    let mut first = Vec::new();
    for i in 0..100u64 {
        first.push(person_in(&app, o.id, 1000 + i, "Zed", "Alpha").await);
    }
    let mut tasks = Vec::new();
    for (i, p) in first.into_iter().enumerate() {
        let store = app.store.clone();
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                store.erase_person(p.id, Utc::now()).await.map(|_| ())
            } else {
                store
                    .update_identity(
                        p.id,
                        &IdentityChange {
                            first_name: "Ypsilon".into(),
                            last_name: "Beta".into(),
                            date_of_birth: None,
                            gender: None,
                            citizenships: vec![],
                            registration_number: None,
                            national_id: None,
                            details: Default::default(),
                            log: crate::helpers::change_log(),
                        },
                    )
                    .await
                    .map(|_| ())
            }
        }));
    }
    for i in 0..200u64 {
        let store = app.store.clone();
        let organisation_id = o.id;
        tasks.push(tokio::spawn(async move {
            let (first_name, last_name) = if i % 2 == 0 {
                ("Zed", "Alpha")
            } else {
                ("Xi", "Gamma")
            };
            store
                .create_person(&NewPerson {
                    duf_number: duf(5000 + i),
                    organisation_id,
                    first_name: first_name.into(),
                    last_name: last_name.into(),
                })
                .await
                .map(|_| ())
        }));
    }
    for task in tasks {
        task.await.unwrap().expect("a simultaneous write failed");
    }
    let keys = name_keys(&app, o.id).await;
    assert_eq!(keys, ["alpha", "beta", "gamma", "xi", "ypsilon", "zed"]);
}

async fn set_name(app: &TestApp, p: &Person, first: &str, last: &str) {
    app.store
        .update_identity(
            p.id,
            &IdentityChange {
                first_name: first.into(),
                last_name: last.into(),
                date_of_birth: None,
                gender: None,
                citizenships: vec![],
                registration_number: None,
                national_id: None,
                details: Default::default(),
                log: crate::helpers::change_log(),
            },
        )
        .await
        .unwrap();
}

async fn identity_is_replaced_and_a_national_id_belongs_to_one_person(app: TestApp) {
    let (o, _) = an_office(&app).await;
    let a = person_in(&app, o.id, 1, "Amina", "Tesfay").await;
    let b = person_in(&app, o.id, 2, "Ola", "Nordmann").await;
    let change = IdentityChange {
        first_name: "Amína".into(),
        last_name: "Tesfaye".into(),
        date_of_birth: Some(Date::new(1965, 7, 15).unwrap()),
        gender: Some(Gender::Female),
        citizenships: vec!["ERI".into(), "ETH".into()],
        registration_number: Some(RegistrationNumber::parse("104233").unwrap()),
        national_id: Some(NationalId::parse("15076500565").unwrap()),
        details: Default::default(),
        log: crate::helpers::change_log(),
    };
    let updated = app.store.update_identity(a.id, &change).await.unwrap();
    assert_eq!(updated.first_name, "Amína");
    assert_eq!(updated.last_name, "Tesfaye");
    assert_eq!(updated.date_of_birth, change.date_of_birth);
    assert_eq!(updated.gender, Some(Gender::Female));
    assert_eq!(updated.citizenships, ["ERI", "ETH"]);
    assert_eq!(updated.registration_number, change.registration_number);
    assert_eq!(updated.national_id, change.national_id);
    assert_eq!(
        (updated.id, updated.duf_number.clone()),
        (a.id, a.duf_number.clone())
    );
    assert_eq!(app.store.person_by_id(a.id).await.unwrap(), Some(updated));

    let taken = app.store.update_identity(b.id, &change).await;
    assert!(matches!(taken, Err(StoreError::Conflict(_))), "{taken:?}");
    let nobody = app.store.update_identity(Uuid::new_v4(), &change).await;
    assert!(
        matches!(nobody, Err(StoreError::MissingReference)),
        "{nobody:?}"
    );
    let other = IdentityChange {
        national_id: Some(NationalId::parse("02028545692").unwrap()),
        ..change
    };
    app.store.update_identity(b.id, &other).await.unwrap();
}

async fn identity_details_and_history_are_written_with_the_change(app: TestApp) {
    use kartlegg_shared::identity::{IdentityDetails, IdentitySources, ValueSource};
    let (o, _) = an_office(&app).await;
    let a = person_in(&app, o.id, 1, "Amina", "Tesfay").await;
    let b = person_in(&app, o.id, 2, "Ola", "Nordmann").await;
    assert!(
        app.store
            .identity_details(&[a.id, b.id])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(app.store.identity_details(&[]).await.unwrap().is_empty());
    let details = IdentityDetails {
        middle_name: Some("Selam".into()),
        place_of_birth: Some("Asmara".into()),
        preferred_citizenship: Some("ERI".into()),
        sources: IdentitySources {
            name: Some(ValueSource::TravelDocument),
            ..IdentitySources::default()
        },
        ..IdentityDetails::default()
    };
    let change = IdentityChange {
        first_name: "Amina".into(),
        last_name: "Tesfaye".into(),
        date_of_birth: None,
        gender: None,
        citizenships: vec!["ERI".into()],
        registration_number: None,
        national_id: None,
        details: details.clone(),
        log: crate::helpers::change_log(),
    };
    app.store.update_identity(a.id, &change).await.unwrap();
    assert_eq!(
        app.store.identity_details(&[a.id, b.id]).await.unwrap(),
        [(a.id, details.clone())]
    );
    let history = app.store.identity_history(a.id).await.unwrap();
    let mut changed: Vec<&str> = history.iter().map(|h| h.field.as_str()).collect();
    changed.sort_unstable();
    // The source of the name changed too: first_name is in the history.
    assert_eq!(
        changed,
        [
            "citizenships",
            "first_name",
            "last_name",
            "middle_name",
            "place_of_birth"
        ]
    );
    let surname = history.iter().find(|h| h.field == "last_name").unwrap();
    assert_eq!(surname.old_value.as_deref(), Some("Tesfay"));
    assert_eq!(surname.new_value.as_deref(), Some("Tesfaye"));
    assert_eq!(surname.source, Some(ValueSource::TravelDocument));
    assert_eq!(surname.actor, "Kari Nordmann");
    assert_eq!(surname.reason, "Passport shown");
    assert!(app.store.identity_history(b.id).await.unwrap().is_empty());

    // The same values again write no history.
    app.store.update_identity(a.id, &change).await.unwrap();
    assert_eq!(
        app.store.identity_history(a.id).await.unwrap().len(),
        history.len()
    );
}

async fn duplicates_are_linked_once_to_an_active_identity(app: TestApp) {
    let (o, _) = an_office(&app).await;
    let active = person_in(&app, o.id, 1, "Amina", "Tesfay").await;
    let dup = person_in(&app, o.id, 2, "Amina", "Tesfai").await;
    let third = person_in(&app, o.id, 3, "Amina", "Tesfaye").await;
    let log = crate::helpers::change_log();
    let link = app
        .store
        .link_duplicate(active.id, dup.id, &log)
        .await
        .unwrap();
    assert_eq!((link.active_id, link.duplicate_id), (active.id, dup.id));
    assert_eq!(link.duplicate_duf, dup.duf_number);
    assert_eq!(link.active_duf, active.duf_number);
    assert_eq!(link.reason, "Passport shown");

    let conflict = |r: Result<(), StoreError>| match r {
        Err(StoreError::Conflict(what)) => what,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        conflict(
            app.store
                .link_duplicate(third.id, dup.id, &log)
                .await
                .map(|_| ())
        ),
        "already_duplicate"
    );
    assert_eq!(
        conflict(
            app.store
                .link_duplicate(dup.id, third.id, &log)
                .await
                .map(|_| ())
        ),
        "active_is_duplicate"
    );
    assert_eq!(
        conflict(
            app.store
                .link_duplicate(third.id, active.id, &log)
                .await
                .map(|_| ())
        ),
        "has_duplicates"
    );

    assert_eq!(
        app.store.duplicate_links(active.id).await.unwrap(),
        (None, vec![link.clone()])
    );
    assert_eq!(
        app.store.duplicate_links(dup.id).await.unwrap(),
        (Some(link.clone()), vec![])
    );
    assert_eq!(
        app.store.duplicate_links(third.id).await.unwrap(),
        (None, vec![])
    );
    let fields = |id| {
        let store = app.store.clone();
        async move {
            store
                .identity_history(id)
                .await
                .unwrap()
                .into_iter()
                .map(|h| (h.field, h.new_value))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        fields(active.id).await,
        [(
            "duplicates".to_owned(),
            Some(dup.duf_number.as_str().to_owned())
        )]
    );
    assert_eq!(
        fields(dup.id).await,
        [(
            "duplicate_of".to_owned(),
            Some(active.duf_number.as_str().to_owned())
        )]
    );

    // A duplicate can no longer be changed.
    let change = IdentityChange {
        first_name: "Amina".into(),
        last_name: "Tesfay".into(),
        date_of_birth: None,
        gender: None,
        citizenships: vec![],
        registration_number: None,
        national_id: None,
        details: Default::default(),
        log: log.clone(),
    };
    assert_eq!(
        conflict(app.store.update_identity(dup.id, &change).await.map(|_| ())),
        "duplicate"
    );
    // The search finds the active identity through the duplicate's values.
    let hits = app
        .store
        .link_hits(
            o.id,
            &PersonMatch::DufNumber(dup.duf_number.as_str().into()),
            10,
        )
        .await
        .unwrap();
    assert_eq!(
        hits,
        [LinkHit::Duplicate {
            duplicate_id: dup.id,
            duplicate_duf: dup.duf_number.clone(),
            active_id: active.id
        }]
    );
    let elsewhere = app.org("elsewhere").await;
    assert!(
        app.store
            .link_hits(
                elsewhere.id,
                &PersonMatch::DufNumber(dup.duf_number.as_str().into()),
                10
            )
            .await
            .unwrap()
            .is_empty()
    );
}

async fn aliases_are_kept_and_found_by_name_and_date_of_birth(app: TestApp) {
    let (o, _) = an_office(&app).await;
    let p = person_in(&app, o.id, 1, "Amina", "Tesfay").await;
    let new = NewAlias {
        person_id: p.id,
        first_name: "Semira".into(),
        middle_name: None,
        last_name: "Ghebremédhin".into(),
        date_of_birth: Some(Date::new(1988, 2, 1).unwrap()),
        citizenship: Some("SDN".into()),
        log: crate::helpers::change_log(),
    };
    let alias = app.store.add_alias(&new).await.unwrap();
    assert_eq!(alias.person_id, p.id);
    assert_eq!(alias.last_name, "Ghebremédhin");
    assert_eq!(alias.created_by, "Kari Nordmann");
    assert_eq!(
        app.store.aliases(p.id).await.unwrap(),
        std::slice::from_ref(&alias)
    );
    let history = app.store.identity_history(p.id).await.unwrap();
    assert_eq!(history[0].field, "aliases");
    assert_eq!(
        history[0].new_value.as_deref(),
        Some("Ghebremédhin, Semira, 1988-02-01, SDN")
    );

    let by_name = PersonMatch::Name {
        surname: Some(fold_name("ghebremedhin")),
        first_name: None,
        words: vec![],
    };
    let hit = LinkHit::Alias {
        person_id: p.id,
        first_name: "Semira".into(),
        last_name: "Ghebremédhin".into(),
    };
    assert_eq!(
        app.store.link_hits(o.id, &by_name, 10).await.unwrap(),
        std::slice::from_ref(&hit)
    );
    let by_date = PersonMatch::DateOfBirth(Date::new(1988, 2, 1).unwrap());
    assert_eq!(
        app.store.link_hits(o.id, &by_date, 10).await.unwrap(),
        [hit]
    );
    let elsewhere = app.org("elsewhere").await;
    assert!(
        app.store
            .link_hits(elsewhere.id, &by_name, 10)
            .await
            .unwrap()
            .is_empty()
    );

    let nobody = NewAlias {
        person_id: Uuid::new_v4(),
        ..new
    };
    assert!(matches!(
        app.store.add_alias(&nobody).await,
        Err(StoreError::MissingReference)
    ));
}

async fn a_duplicate_link_is_undone_once_with_history_on_both(app: TestApp) {
    let (o, _) = an_office(&app).await;
    let active = person_in(&app, o.id, 1, "Amina", "Tesfay").await;
    let dup = person_in(&app, o.id, 2, "Amina", "Tesfai").await;
    let log = crate::helpers::change_log();
    let link = app
        .store
        .link_duplicate(active.id, dup.id, &log)
        .await
        .unwrap();
    // Only the link as it is: not the other way round.
    assert_eq!(
        app.store
            .unlink_duplicate(dup.id, active.id, &log)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        app.store
            .unlink_duplicate(active.id, dup.id, &log)
            .await
            .unwrap(),
        Some(link)
    );
    assert_eq!(
        app.store.duplicate_links(active.id).await.unwrap(),
        (None, vec![])
    );
    assert_eq!(
        app.store
            .unlink_duplicate(active.id, dup.id, &log)
            .await
            .unwrap(),
        None
    );
    let last = |id| {
        let store = app.store.clone();
        async move {
            let h = store.identity_history(id).await.unwrap().remove(0);
            (h.field, h.old_value, h.new_value)
        }
    };
    assert_eq!(
        last(active.id).await,
        (
            "duplicates".to_owned(),
            Some(dup.duf_number.as_str().to_owned()),
            None
        )
    );
    assert_eq!(
        last(dup.id).await,
        (
            "duplicate_of".to_owned(),
            Some(active.duf_number.as_str().to_owned()),
            None
        )
    );
    // The former duplicate takes an alias again, and the search no longer
    // finds the active identity through it.
    let alias = NewAlias {
        person_id: dup.id,
        first_name: "Amina".into(),
        middle_name: None,
        last_name: "T".into(),
        date_of_birth: None,
        citizenship: None,
        log: log.clone(),
    };
    app.store.add_alias(&alias).await.unwrap();
    assert!(
        app.store
            .link_hits(
                o.id,
                &PersonMatch::DufNumber(dup.duf_number.as_str().into()),
                10
            )
            .await
            .unwrap()
            .is_empty()
    );
}

async fn an_alias_is_removed_only_from_its_person_and_not_from_a_duplicate(app: TestApp) {
    let (o, _) = an_office(&app).await;
    let p = person_in(&app, o.id, 1, "Amina", "Tesfay").await;
    let other = person_in(&app, o.id, 2, "Yonas", "Haile").await;
    let log = crate::helpers::change_log();
    let alias = app
        .store
        .add_alias(&NewAlias {
            person_id: p.id,
            first_name: "Semira".into(),
            middle_name: Some("Selam".into()),
            last_name: "Ghebremédhin".into(),
            date_of_birth: Some(Date::new(1988, 2, 1).unwrap()),
            citizenship: Some("SDN".into()),
            log: log.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        app.store
            .remove_alias(other.id, alias.id, &log)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        app.store.remove_alias(p.id, alias.id, &log).await.unwrap(),
        Some(alias.clone())
    );
    assert!(app.store.aliases(p.id).await.unwrap().is_empty());
    let history = app.store.identity_history(p.id).await.unwrap();
    assert_eq!(history[0].field, "aliases");
    assert_eq!(
        history[0].old_value.as_deref(),
        Some("Ghebremédhin, Semira Selam, 1988-02-01, SDN")
    );
    assert_eq!(history[0].new_value, None);
    let by_name = PersonMatch::Name {
        surname: Some(fold_name("ghebremedhin")),
        first_name: None,
        words: vec![],
    };
    assert!(
        app.store
            .link_hits(o.id, &by_name, 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        app.store.remove_alias(p.id, alias.id, &log).await.unwrap(),
        None
    );

    // A duplicate's aliases stay as they were (§ 15.1).
    let again = app
        .store
        .add_alias(&NewAlias {
            person_id: p.id,
            first_name: "Semira".into(),
            middle_name: None,
            last_name: "G".into(),
            date_of_birth: None,
            citizenship: None,
            log: log.clone(),
        })
        .await
        .unwrap();
    app.store
        .link_duplicate(other.id, p.id, &log)
        .await
        .unwrap();
    assert!(matches!(
        app.store.remove_alias(p.id, again.id, &log).await,
        Err(StoreError::Conflict(what)) if what == "duplicate"
    ));
    assert_eq!(app.store.aliases(p.id).await.unwrap(), [again]);
}

async fn remarks_are_listed_newest_first_with_their_author(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let p = person_in(&app, o.id, 1, "X", "Y").await;
    let other = person_in(&app, o.id, 2, "X", "Z").await;
    let now = Utc::now().trunc_subsecs(6);
    let first = app
        .store
        .add_remark(p.id, cw, "Called, no answer", now)
        .await
        .unwrap();
    assert_eq!(first.author, "Name of kari");
    assert_eq!(first.text, "Called, no answer");
    let second = app
        .store
        .add_remark(p.id, cw, "Came by", now + Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(app.store.remarks(p.id).await.unwrap(), [second, first]);
    assert!(app.store.remarks(other.id).await.unwrap().is_empty());
}

async fn a_together_session_records_its_consent_once_and_ends(app: TestApp) {
    use kartlegg_backend::db::NewTogether;
    use kartlegg_shared::together::{ConsentGiven, Interpreter};
    let (o, cw) = an_office(&app).await;
    let p = person_in(&app, o.id, 1, "X", "Y").await;
    let now = Utc::now().trunc_subsecs(6);
    let interpreter = Interpreter {
        language: "ti".into(),
        name: Some("Selam".into()),
        number: None,
    };
    let new = NewTogether {
        person_id: p.id,
        caseworker_id: cw,
        language: "ti".into(),
        consent_given: ConsentGiven::InPerson,
        consent_version: Some("v1".into()),
        interpreter: Some(interpreter.clone()),
        now,
    };
    // In person: consented with the session, in one transaction.
    let in_person = app.store.start_together(&new).await.unwrap();
    assert_eq!(in_person.consented_at, Some(now));
    assert_eq!(in_person.interpreter, Some(interpreter));
    assert_eq!(
        app.store.together_session(in_person.id).await.unwrap(),
        Some(in_person.clone())
    );
    let consents = app.store.consents(p.id).await.unwrap();
    assert_eq!(consents.len(), 1);
    assert_eq!(
        (consents[0].decision, consents[0].version.as_str()),
        (ConsentDecision::Accept, "v1")
    );
    // Recorded already: a second answer is refused and stores nothing.
    assert!(
        app.store
            .record_together_consent(in_person.id, "v1", ConsentDecision::Decline, now)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(app.store.consents(p.id).await.unwrap().len(), 1);

    // On the screen: no consent until the applicant answers.
    let on_screen = app
        .store
        .start_together(&NewTogether {
            consent_given: ConsentGiven::OnScreen,
            consent_version: None,
            interpreter: None,
            ..new
        })
        .await
        .unwrap();
    assert_eq!(
        (on_screen.consented_at, on_screen.interpreter),
        (None, None)
    );
    let later = now + Duration::minutes(1);
    let declined = app
        .store
        .record_together_consent(on_screen.id, "v1", ConsentDecision::Decline, later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (declined.consented_at, declined.ended_at),
        (None, Some(later))
    );
    assert_eq!(
        app.store.consents(p.id).await.unwrap()[0].decision,
        ConsentDecision::Decline
    );

    assert!(app.store.end_together(in_person.id, later).await.unwrap());
    assert!(
        !app.store.end_together(in_person.id, later).await.unwrap(),
        "ended once"
    );
    assert_eq!(
        app.store
            .together_session(in_person.id)
            .await
            .unwrap()
            .unwrap()
            .ended_at,
        Some(later)
    );
    assert!(
        app.store
            .together_session(Uuid::new_v4())
            .await
            .unwrap()
            .is_none()
    );
}

async fn a_draft_update_stores_each_answers_provenance(app: TestApp) {
    use kartlegg_shared::together::{AnswerProvenance, AnswerSource, Provenance};
    let p = a_person(&app).await;
    let draft = app
        .store
        .create_registration(p.id, 1, Utc::now())
        .await
        .unwrap();
    assert!(draft.provenance.is_empty());
    let staff = AnswerProvenance {
        by: AnswerSource::Staff,
        account_id: Some(Uuid::new_v4().to_string()),
        account: Some("Kari".into()),
        interpreter: None,
    };
    let provenance: Provenance = [
        ("mother_tongue".to_owned(), AnswerProvenance::applicant()),
        ("devices".to_owned(), staff),
    ]
    .into();
    let saved = app
        .store
        .update_draft(&DraftUpdate {
            id: draft.id,
            person_id: p.id,
            expected_revision: 0,
            answers: Answers::new()
                .with("mother_tongue", "tir")
                .with("devices", "phone"),
            saved_sections: vec![],
            complete: false,
            language: None,
            provenance: provenance.clone(),
            now: Utc::now(),
            facts: None,
        })
        .await
        .unwrap();
    assert_eq!(saved.provenance, provenance);
    let read = app.store.latest_registration(p.id).await.unwrap().unwrap();
    assert_eq!(read.provenance, provenance);
}

async fn the_latest_code_says_why_it_ended(app: TestApp) {
    let p = a_person(&app).await;
    assert!(app.store.latest_code(p.id).await.unwrap().is_none());
    let first = issue(&app, &new_code(&p, 1)).await;
    let latest = app.store.latest_code(p.id).await.unwrap().unwrap();
    assert_eq!(latest.created_at, first.created_at);
    assert_eq!(latest.expires_at, first.expires_at);
    assert_eq!((latest.ended_at, latest.end_reason), (None, None));

    let second = issue(&app, &new_code(&p, 2)).await;
    let latest = app.store.latest_code(p.id).await.unwrap().unwrap();
    assert_eq!(latest.created_at, second.created_at);
    assert_eq!(latest.end_reason, None);

    app.store
        .end_applicant_sessions(second.id, Utc::now())
        .await
        .unwrap();
    let latest = app.store.latest_code(p.id).await.unwrap().unwrap();
    assert_eq!(latest.end_reason, Some(CodeEndReason::LoggedOut));
    assert!(latest.ended_at.is_some());

    let mut third = new_code(&p, 3);
    third.created_at += Duration::seconds(1);
    let third = issue(&app, &third).await;
    for _ in 0..2 {
        app.store.reserve_code_try(third.id, 2).await.unwrap();
    }
    app.store
        .end_exhausted_code(third.id, 2, Utc::now())
        .await
        .unwrap();
    let latest = app.store.latest_code(p.id).await.unwrap().unwrap();
    assert_eq!(latest.end_reason, Some(CodeEndReason::TooManyTries));
    assert_eq!(latest.wrong_tries, 2);
}

fn audit_event(at: DateTime<Utc>, action: AuditAction) -> NewAuditEvent {
    NewAuditEvent {
        at,
        actor_id: None,
        actor: "operator".into(),
        organisation_id: None,
        action,
        person_id: None,
        person_organisation_id: None,
        registration_id: None,
        fields: vec![],
        reason: None,
        client_address: None,
        request_id: None,
    }
}

async fn audit_events_are_appended_as_a_keyed_chain(app: TestApp) {
    let key = ChainKey::new(vec![7; 32]);
    assert_eq!(app.store.append_audit(&key, &[]).await.unwrap(), None);
    // Nanoseconds are dropped before hashing: what is hashed is read back.
    let at = Utc::now().trunc_subsecs(6) + Duration::nanoseconds(789);
    let event = NewAuditEvent {
        actor_id: Some(Uuid::new_v4()),
        organisation_id: Some(Uuid::new_v4()),
        person_id: Some(Uuid::new_v4()),
        person_organisation_id: Some(Uuid::new_v4()),
        registration_id: Some(Uuid::new_v4()),
        fields: vec!["identity".into(), "contact".into()],
        reason: Some("Papers shown".into()),
        client_address: Some("192.0.2.1".into()),
        request_id: Some("req-1".into()),
        ..audit_event(at, AuditAction::CorrectIdentity)
    };
    let head = app
        .store
        .append_audit(&key, &[event.clone(), audit_event(at, AuditAction::Login)])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(head.seq, 2);
    let head = app
        .store
        .append_audit(&key, &[audit_event(at, AuditAction::Logout)])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(head.seq, 3);

    let chain = app.store.audit_chain_after(0, 100).await.unwrap();
    assert_eq!(chain.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2, 3]);
    let expected = NewAuditEvent {
        at: at.trunc_subsecs(6),
        ..event
    };
    assert_eq!(chain[0].event, expected);
    let mut prev = GENESIS.to_vec();
    for record in &chain {
        assert_eq!(record.prev_hash, prev);
        let hash = chain_hash(&key, &prev, &canonical(record.seq, &record.event));
        assert_eq!(
            record.hash, hash,
            "event {} is keyed and linked",
            record.seq
        );
        prev = hash;
    }
    assert_eq!(head.hash, prev);
    let tail = app.store.audit_chain_after(1, 1).await.unwrap();
    assert_eq!(tail, chain[1..2]);
}

async fn concurrent_audit_appends_keep_one_unbroken_chain(app: TestApp) {
    let key = ChainKey::new(vec![7; 32]);
    let at = Utc::now();
    let pair = [
        audit_event(at, AuditAction::Search),
        audit_event(at, AuditAction::List),
    ];
    let appends =
        futures_util::future::join_all((0..20).map(|_| app.store.append_audit(&key, &pair))).await;
    assert!(appends.iter().all(|a| a.as_ref().unwrap().is_some()));
    let chain = app.store.audit_chain_after(0, 1000).await.unwrap();
    assert_eq!(
        chain.iter().map(|r| r.seq).collect::<Vec<_>>(),
        (1..=40).collect::<Vec<_>>()
    );
    for pair in chain.windows(2) {
        assert_eq!(pair[1].prev_hash, pair[0].hash);
        // Each append's events stay together.
        if pair[0].seq % 2 == 1 {
            assert_eq!(pair[0].event.action, AuditAction::Search);
            assert_eq!(pair[1].event.action, AuditAction::List);
        }
    }
}

async fn audit_events_are_filtered_newest_first_with_a_total(app: TestApp) {
    let key = ChainKey::new(vec![7; 32]);
    let (mine, theirs, actor, person) = (
        Uuid::new_v4(),
        Uuid::new_v4(),
        Uuid::new_v4(),
        Uuid::new_v4(),
    );
    let t0 = Utc::now().trunc_subsecs(6);
    let events = [
        // 1: by my organisation.
        NewAuditEvent {
            actor_id: Some(actor),
            organisation_id: Some(mine),
            ..audit_event(t0, AuditAction::Login)
        },
        // 2: by another organisation, about my person.
        NewAuditEvent {
            organisation_id: Some(theirs),
            person_id: Some(person),
            person_organisation_id: Some(mine),
            ..audit_event(t0 + Duration::hours(1), AuditAction::OutsideLookup)
        },
        // 3: another organisation's own business.
        NewAuditEvent {
            organisation_id: Some(theirs),
            ..audit_event(t0 + Duration::hours(2), AuditAction::Login)
        },
        // 4: by my organisation, about my person.
        NewAuditEvent {
            actor_id: Some(actor),
            organisation_id: Some(mine),
            person_id: Some(person),
            person_organisation_id: Some(mine),
            ..audit_event(t0 + Duration::hours(3), AuditAction::ReadPerson)
        },
    ];
    app.store.append_audit(&key, &events).await.unwrap();

    let seqs = |filter: AuditFilter| {
        let store = app.store.clone();
        async move {
            let (records, total) = store.audit_events(&filter).await.unwrap();
            (records.iter().map(|r| r.seq).collect::<Vec<_>>(), total)
        }
    };
    let all = AuditFilter {
        limit: 10,
        ..AuditFilter::default()
    };
    assert_eq!(seqs(all.clone()).await, (vec![4, 3, 2, 1], 4));
    let cases = [
        (
            AuditFilter {
                organisation_id: Some(mine),
                ..all.clone()
            },
            vec![4, 2, 1],
        ),
        (
            AuditFilter {
                action: Some(AuditAction::Login),
                ..all.clone()
            },
            vec![3, 1],
        ),
        (
            AuditFilter {
                actor_id: Some(actor),
                ..all.clone()
            },
            vec![4, 1],
        ),
        (
            AuditFilter {
                person_id: Some(person),
                ..all.clone()
            },
            vec![4, 2],
        ),
        // `from` is inclusive, `before` exclusive.
        (
            AuditFilter {
                from: Some(t0 + Duration::hours(1)),
                before: Some(t0 + Duration::hours(3)),
                ..all.clone()
            },
            vec![3, 2],
        ),
    ];
    for (filter, expected) in cases {
        let total = expected.len() as u64;
        assert_eq!(seqs(filter.clone()).await, (expected, total), "{filter:?}");
    }
    let page = AuditFilter {
        limit: 2,
        offset: 1,
        ..all
    };
    assert_eq!(seqs(page.clone()).await, (vec![3, 2], 4));
    let capped = AuditFilter {
        count_up_to: Some(3),
        ..page
    };
    assert_eq!(seqs(capped).await, (vec![3, 2], 3), "counted up to the cap");
}

/// The bulk path stores people and registrations exactly as given, in
/// multi-row statements (more rows than one statement holds), and is all or
/// nothing: a taken DUF-number leaves no one of its batch behind.
async fn people_are_inserted_in_bulk_all_or_nothing(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let now = Utc::now().trunc_subsecs(0);
    let batch: Vec<BulkPerson> = (0..1203)
        .map(|i| kartlegg_backend::population::person(i, 1203, o.id, now))
        .collect();
    assert_eq!(app.store.insert_people_bulk(&batch).await.unwrap(), 1203);
    for b in [&batch[0], &batch[600], &batch[1202]] {
        let found = app
            .store
            .person_by_duf(&b.person.duf_number)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found, b.person);
        let registrations = app.store.registrations(b.person.id).await.unwrap();
        assert_eq!(registrations, b.registrations);
    }
    let mut filter = PeopleFilter::new(o.id, Uuid::new_v4(), 10);
    filter.state = Some(RegistrationState::Completed);
    let (_, total) = app.store.people(&filter).await.unwrap();
    assert_eq!(total, 1203);
    // With their statistics facts, as completions write them.
    let facts = kartlegg_backend::db::FactFilter {
        organisation_id: Some(o.id),
        ..Default::default()
    };
    let per_month = app
        .store
        .completions_per_period(kartlegg_backend::db::Period::Month, &facts)
        .await
        .unwrap();
    assert_eq!(per_month.iter().map(|(_, n)| n).sum::<i64>(), 1203);
    let tongues = app
        .store
        .code_counts("mother_tongue", &facts)
        .await
        .unwrap();
    assert_eq!(tongues.iter().map(|(_, n)| n).sum::<i64>(), 1203);
    assert!(tongues.len() > 3, "{tongues:?}");
    // Searched by its folded name, as one made with `create_person`.
    let accented = batch
        .iter()
        .find(|b| b.person.last_name == "Müller")
        .unwrap();
    let mut filter = PeopleFilter::new(o.id, Uuid::new_v4(), 2000);
    filter.matching = Some(PersonMatch::Name {
        surname: Some("muller".into()),
        first_name: None,
        words: vec![],
    });
    let (found, _) = app.store.people(&filter).await.unwrap();
    assert!(found.iter().any(|l| l.person.id == accented.person.id));

    let again = vec![
        kartlegg_backend::population::person(5000, 6000, o.id, now),
        batch[7].clone(),
    ];
    let refused = app.store.insert_people_bulk(&again).await;
    assert!(
        matches!(refused, Err(StoreError::Conflict(_))),
        "{refused:?}"
    );
    assert!(
        app.store
            .person_by_duf(&again[0].person.duf_number)
            .await
            .unwrap()
            .is_none()
    );
}

/// The export's stream gives every match in the list's order, in chunks,
/// whatever the limit and offset, and stops when nobody reads.
async fn people_are_streamed_in_order_in_chunks(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let now = Utc::now().trunc_subsecs(0);
    let batch: Vec<BulkPerson> = (0..25)
        .map(|i| kartlegg_backend::population::person(i, 25, o.id, now))
        .collect();
    app.store.insert_people_bulk(&batch).await.unwrap();
    // Keyset chunks (name, creation), one streamed query (state, and any
    // sort with a date range): the same rows either way.
    let long_ago = Some(now - Duration::days(20 * 365));
    for (sort, created_from) in [
        (PeopleSort::Name, None),
        (PeopleSort::CreatedAt, None),
        (PeopleSort::State, None),
        (PeopleSort::Name, long_ago),
    ] {
        let filter = PeopleFilter {
            sort,
            order: SortOrder::Desc,
            offset: 3,
            created_from,
            ..PeopleFilter::new(o.id, Uuid::new_v4(), 2)
        };
        let all = PeopleFilter {
            limit: 100,
            offset: 0,
            ..filter.clone()
        };
        let (expected, _) = app.store.people(&all).await.unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::channel(2);
        let store = app.store.clone();
        let task = tokio::spawn(async move { store.people_chunks(&filter, 10, tx).await });
        let mut sizes = Vec::new();
        let mut streamed = Vec::new();
        while let Some(chunk) = rx.recv().await {
            let chunk = chunk.unwrap();
            sizes.push(chunk.len());
            streamed.extend(chunk);
        }
        task.await.unwrap();
        assert_eq!(sizes, [10, 10, 5], "{sort:?}");
        assert_eq!(streamed, expected, "{sort:?}");
    }
    // A reader that goes away ends the query.
    let (tx, mut rx) = tokio::sync::mpsc::channel(1);
    let store = app.store.clone();
    let filter = PeopleFilter::new(o.id, Uuid::new_v4(), 1);
    let task = tokio::spawn(async move { store.people_chunks(&filter, 1, tx).await });
    assert_eq!(rx.recv().await.unwrap().unwrap().len(), 1);
    drop(rx);
    tokio::time::timeout(std::time::Duration::from_secs(5), task)
        .await
        .expect("the query ends")
        .unwrap();
}

/// A count stops at its cap, and a caller that shows no total does not count.
async fn people_are_counted_up_to_a_cap(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let now = Utc::now().trunc_subsecs(0);
    let batch: Vec<BulkPerson> = (0..30)
        .map(|i| kartlegg_backend::population::person(i, 30, o.id, now))
        .collect();
    app.store.insert_people_bulk(&batch).await.unwrap();
    let total = |cap| {
        let filter = PeopleFilter {
            count_up_to: cap,
            ..PeopleFilter::new(o.id, Uuid::new_v4(), 5)
        };
        let store = app.store.clone();
        async move {
            let (page, total) = store.people(&filter).await.unwrap();
            assert_eq!(page.len(), 5);
            total
        }
    };
    assert_eq!(total(None).await, 30);
    assert_eq!(total(Some(100)).await, 30);
    assert_eq!(total(Some(12)).await, 12);
    assert_eq!(total(Some(0)).await, 0);
}

/// Keyset pages, each after the last person of the one before, give the
/// same people in the same order as the whole list, in every sort and both
/// directions: with ties on the key (the same date of birth or state),
/// people without a date of birth or completion, and pages that end inside
/// a tie or among those without.
async fn people_are_paged_after_a_person(app: TestApp) {
    let o = app.store.create_organisation(&org("0301")).await.unwrap();
    let now = Utc::now().trunc_subsecs(0);
    let shared_birthday = Date::new(1990, 6, 1).unwrap();
    let batch: Vec<BulkPerson> = (0..23)
        .map(|i| {
            let mut p = kartlegg_backend::population::person(i, 23, o.id, now);
            p.person.date_of_birth = match i % 4 {
                0 => None,
                1 => Some(shared_birthday),
                _ => p.person.date_of_birth,
            };
            match i % 3 {
                // No registration: no code, no completion.
                0 => {
                    p.registrations.clear();
                    p.facts.clear();
                }
                // Still in progress: a state of its own, no completion.
                1 => {
                    let r = &mut p.registrations[0];
                    r.status = RegistrationStatus::Draft;
                    r.completed_at = None;
                    p.facts.clear();
                }
                _ => {}
            }
            p
        })
        .collect();
    app.store.insert_people_bulk(&batch).await.unwrap();
    for sort in [
        PeopleSort::Name,
        PeopleSort::DufNumber,
        PeopleSort::CreatedAt,
        PeopleSort::DateOfBirth,
        PeopleSort::State,
        PeopleSort::CompletedAt,
    ] {
        for order in [SortOrder::Asc, SortOrder::Desc] {
            let all = PeopleFilter {
                sort,
                order,
                ..PeopleFilter::new(o.id, Uuid::new_v4(), 100)
            };
            let (expected, _) = app.store.people(&all).await.unwrap();
            assert_eq!(expected.len(), 23, "{sort:?} {order:?}: the whole list");
            // The first page by offset and the whole list agree too (the
            // date sorts read their first pages as ranges as well).
            let (first, _) = app
                .store
                .people(&PeopleFilter {
                    limit: 5,
                    ..all.clone()
                })
                .await
                .unwrap();
            assert_eq!(first, expected[..5], "{sort:?} {order:?}: first page");
            let mut walked = Vec::new();
            let mut after = None;
            loop {
                let filter = PeopleFilter {
                    limit: 5,
                    after,
                    ..all.clone()
                };
                let (page, total) = app.store.people(&filter).await.unwrap();
                assert_eq!(total, 23, "the count is of all, not of what follows");
                let Some(last) = page.last() else { break };
                after = Some(last.person.id);
                walked.extend(page);
            }
            assert_eq!(walked, expected, "{sort:?} {order:?}");
        }
    }
    let gone = PeopleFilter {
        after: Some(Uuid::new_v4()),
        ..PeopleFilter::new(o.id, Uuid::new_v4(), 5)
    };
    assert!(app.store.people(&gone).await.unwrap().0.is_empty());
}

async fn a_person_is_erased_with_everything_that_names_them_once(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let p = person_in(&app, o.id, 1, "X", "Y").await;
    let other = person_in(&app, o.id, 2, "X", "Z").await;
    for person in [&p, &other] {
        let code = issue(&app, &new_code(person, 1)).await;
        app.store
            .create_applicant_session(&NewApplicantSession {
                person_id: person.id,
                code_id: code.id,
                created_at: Utc::now(),
                expires_at: Utc::now() + Duration::hours(1),
            })
            .await
            .unwrap();
        app.store
            .record_consent(&Consent {
                person_id: person.id,
                version: "v1".into(),
                decision: ConsentDecision::Accept,
                decided_at: Utc::now(),
            })
            .await
            .unwrap();
        app.store
            .create_registration(person.id, 1, Utc::now())
            .await
            .unwrap();
        app.store
            .add_remark(person.id, cw, "Called", Utc::now())
            .await
            .unwrap();
        app.store
            .add_to_worklist(cw, person.id, Utc::now())
            .await
            .unwrap();
    }

    let erased = app
        .store
        .erase_person(p.id, Utc::now())
        .await
        .unwrap()
        .unwrap();

    assert_eq!(
        erased,
        kartlegg_backend::db::Erased {
            registrations: 1,
            consents: 1,
            login_codes: 1,
            sessions: 1,
            remarks: 1,
            worklist_entries: 1,
            // person.created
            change_events: 1,
        }
    );
    assert!(app.store.person_by_id(p.id).await.unwrap().is_none());
    assert!(
        app.store
            .erase_person(p.id, Utc::now())
            .await
            .unwrap()
            .is_none()
    );
    assert!(app.store.person_by_id(other.id).await.unwrap().is_some());
    assert_eq!(app.store.remarks(other.id).await.unwrap().len(), 1);
    assert_eq!(app.store.registrations(other.id).await.unwrap().len(), 1);
    // The notice with the DUF-number, until it is forgotten.
    let notices = app
        .store
        .change_events_after(
            o.id,
            0,
            &[kartlegg_shared::integration::ChangeEventType::PersonErased],
            10,
        )
        .await
        .unwrap();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].duf_number, p.duf_number);
    assert_eq!(notices[0].person_id, Uuid::nil());
    assert_eq!(
        app.store
            .forget_erasure_notices(notices[0].occurred_at)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        app.store
            .forget_erasure_notices(Utc::now() + Duration::seconds(1))
            .await
            .unwrap(),
        1
    );
}

async fn retention_finds_the_inactive_and_the_old_and_erases_only_what_is_still_due(app: TestApp) {
    let (o, cw) = an_office(&app).await;
    let idle = person_in(&app, o.id, 1, "X", "Y").await;
    let busy = person_in(&app, o.id, 2, "X", "Z").await;
    let reg = app
        .store
        .create_registration(busy.id, 1, Utc::now())
        .await
        .unwrap();
    let later = Utc::now() + Duration::days(1);
    app.store
        .add_remark(busy.id, cw, "Called", later)
        .await
        .unwrap();
    let cutoff = Utc::now() + Duration::hours(1);

    let inactive = app.store.people_inactive_since(cutoff, 10).await.unwrap();
    let old = app
        .store
        .registrations_changed_before(cutoff, 10)
        .await
        .unwrap();

    assert_eq!(inactive.iter().map(|p| p.id).collect::<Vec<_>>(), [idle.id]);
    assert_eq!(inactive[0].duf_number, idle.duf_number);
    assert_eq!(old.len(), 1);
    assert_eq!(
        (old[0].id, old[0].person_id, old[0].number),
        (reg.id, busy.id, 1)
    );
    assert_eq!(old[0].duf_number, busy.duf_number);
    // Not before the cutoff any more: not erased.
    assert!(
        !app.store
            .erase_registration(reg.id, reg.updated_at)
            .await
            .unwrap()
    );
    assert!(app.store.erase_registration(reg.id, cutoff).await.unwrap());
    assert!(!app.store.erase_registration(reg.id, cutoff).await.unwrap());
    assert!(app.store.registrations(busy.id).await.unwrap().is_empty());
    app.store.erase_person(idle.id, Utc::now()).await.unwrap();
    assert!(app.store.kept_answers_of(o.id).await.unwrap().is_empty());
    // Kept answers and forgetting them are in store_contract_integration.rs.
    assert!(
        app.store
            .people_inactive_since(cutoff, 10)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn completed_registrations_of_a_period_come_with_what_the_extract_needs(app: TestApp) {
    let (o, _) = an_office(&app).await;
    let p = person_in(&app, o.id, 1, "X", "Y").await;
    let identity = IdentityChange {
        first_name: "X".into(),
        last_name: "Y".into(),
        date_of_birth: Some(Date::new(1987, 6, 5).unwrap()),
        gender: Some(Gender::Female),
        citizenships: vec!["ERI".into()],
        registration_number: None,
        national_id: None,
        details: Default::default(),
        log: crate::helpers::change_log(),
    };
    app.store.update_identity(p.id, &identity).await.unwrap();
    let draft_only = person_in(&app, o.id, 2, "X", "Z").await;
    app.store
        .create_registration(draft_only.id, 1, Utc::now())
        .await
        .unwrap();
    let draft = app
        .store
        .create_registration(p.id, 1, Utc::now())
        .await
        .unwrap();
    let answers: Answers =
        serde_json::from_value(serde_json::json!({ "mother_tongue": "tir" })).unwrap();
    let now = Utc::now();
    app.store
        .update_draft(&DraftUpdate {
            id: draft.id,
            person_id: p.id,
            expected_revision: 0,
            answers: answers.clone(),
            saved_sections: vec![],
            complete: true,
            language: None,
            provenance: Default::default(),
            now,
            facts: None,
        })
        .await
        .unwrap();

    let found = app
        .store
        .completed_between(now - Duration::hours(1), now + Duration::hours(1))
        .await
        .unwrap();
    let none = app
        .store
        .completed_between(now + Duration::hours(1), now + Duration::hours(2))
        .await
        .unwrap();

    assert_eq!(found.len(), 1);
    assert_eq!(found[0].birth_year, Some(1987));
    assert_eq!(found[0].gender, Some(Gender::Female));
    assert_eq!(found[0].organisation_kind, OrganisationKind::Municipality);
    assert_eq!(found[0].organisation_number, "0301");
    assert_eq!(found[0].answers, answers);
    assert!(none.is_empty());
}

on_both_engines!(
    identity_details_and_history_are_written_with_the_change,
    duplicates_are_linked_once_to_an_active_identity,
    aliases_are_kept_and_found_by_name_and_date_of_birth,
    a_duplicate_link_is_undone_once_with_history_on_both,
    an_alias_is_removed_only_from_its_person_and_not_from_a_duplicate,
    organisation_is_created_and_found_by_number,
    organisation_number_is_unique,
    organisations_are_listed_by_number,
    person_is_created_and_found_by_duf_number,
    duf_number_is_unique,
    person_needs_an_existing_organisation,
    concurrent_writers_all_succeed,
    person_and_organisation_are_found_by_id,
    issuing_a_code_ends_the_earlier_one_and_its_sessions,
    codes_per_day_are_capped_under_concurrency,
    code_tries_are_reserved_atomically,
    a_code_below_the_limit_is_not_ended,
    login_throttle_changes_only_by_compare_and_swap,
    ending_sessions_ends_the_code_and_its_sessions,
    ending_a_persons_sessions_keeps_the_code,
    consents_are_listed_newest_first,
    a_session_is_read_with_the_current_consent,
    a_person_has_at_most_one_draft,
    draft_update_needs_the_current_revision,
    simultaneous_draft_saves_share_commits_and_each_gets_its_own_row,
    completed_registration_cannot_be_updated_and_history_is_newest_first,
    the_store_names_its_engine_and_answers_a_ping,
    caseworker_is_created_with_its_roles_and_found_by_name_and_id,
    roles_are_replaced_and_accounts_listed_per_organisation,
    caseworker_sessions_are_touched_and_ended,
    disabling_an_account_ends_its_sessions,
    people_are_only_those_of_the_organisation_and_paged_with_a_total,
    people_sort_by_every_key_in_both_directions,
    people_filter_by_registration_state,
    people_filter_by_created_and_completed_dates,
    worklist_adds_once_and_removes_per_caseworker,
    people_are_searched_by_every_kind,
    name_search_by_index_finds_what_like_finds,
    simultaneous_name_changes_leave_exactly_the_names_in_use,
    identity_is_replaced_and_a_national_id_belongs_to_one_person,
    remarks_are_listed_newest_first_with_their_author,
    the_latest_code_says_why_it_ended,
    audit_events_are_appended_as_a_keyed_chain,
    concurrent_audit_appends_keep_one_unbroken_chain,
    audit_events_are_filtered_newest_first_with_a_total,
    people_are_inserted_in_bulk_all_or_nothing,
    people_are_streamed_in_order_in_chunks,
    people_are_counted_up_to_a_cap,
    people_are_paged_after_a_person,
    a_person_is_erased_with_everything_that_names_them_once,
    retention_finds_the_inactive_and_the_old_and_erases_only_what_is_still_due,
    completed_registrations_of_a_period_come_with_what_the_extract_needs,
    a_together_session_records_its_consent_once_and_ends,
    a_draft_update_stores_each_answers_provenance,
);

/// The contract suite covers every store method: each method of `Store`
/// `BackOfficeStore`, `IntegrationStore`, `ErasureStore` and `ResearchStore` is called
/// somewhere in these files.
#[test]
fn every_store_method_has_a_contract_test() {
    let traits = [
        (include_str!("../../src/db/mod.rs"), "pub trait Store"),
        (
            include_str!("../../src/db/back_office.rs"),
            "pub trait BackOfficeStore",
        ),
        (
            include_str!("../../src/db/integration.rs"),
            "pub trait IntegrationStore",
        ),
        (
            include_str!("../../src/db/webhooks.rs"),
            "pub trait WebhookStore",
        ),
        (
            include_str!("../../src/db/erasure.rs"),
            "pub trait ErasureStore",
        ),
        (
            include_str!("../../src/db/research.rs"),
            "pub trait ResearchStore",
        ),
    ];
    let this_file = [
        include_str!("store_contract.rs"),
        include_str!("store_contract_integration.rs"),
    ]
    .concat();
    let mut missing = Vec::new();
    for (source, header) in traits {
        let start = source.find(header).expect("the trait is where it was");
        let body = &source[start..];
        let body = &body[..body.find("\n}\n").expect("the trait ends")];
        let methods: Vec<&str> = body
            .split("fn ")
            .skip(1)
            .map(|rest| &rest[..rest.find(['(', '<']).unwrap()])
            .collect();
        assert!(!methods.is_empty(), "no methods found in {header}");
        for method in methods {
            if !this_file.contains(&format!(".{method}(")) {
                missing.push(method);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "store methods without a contract test: {missing:?}"
    );
}
