//! The store contract: every operation behaves the same on SQLite and on
//! PostgreSQL.

use chrono::{Duration, Utc};
use kartlegg_backend::db::{
    Consent, DraftUpdate, LoginCodeRecord, LoginThrottle, NewApplicantSession, NewLoginCode,
    NewOrganisation, NewPerson, OrganisationKind, Person, StoreError,
};
use kartlegg_shared::api::{ConsentDecision, RegistrationStatus};
use kartlegg_shared::domain::DufNumber;
use kartlegg_shared::questionnaire::Answers;

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
        .unwrap();
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
    let touched = app.store.applicant_session(s1.id).await.unwrap().unwrap();
    assert!(touched.last_seen_at > s1.last_seen_at);

    app.store
        .end_applicant_sessions(code.id, now)
        .await
        .unwrap();

    for id in [s1.id, s2.id] {
        let s = app.store.applicant_session(id).await.unwrap().unwrap();
        assert!(s.ended_at.is_some());
    }
    assert!(app.store.current_login_code(p.id).await.unwrap().is_none());
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
        now: Utc::now(),
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
        now: Utc::now(),
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

on_both_engines!(
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
    consents_are_listed_newest_first,
    a_person_has_at_most_one_draft,
    draft_update_needs_the_current_revision,
    completed_registration_cannot_be_updated_and_history_is_newest_first,
);
