//! The store contract: every operation behaves the same on SQLite and on
//! PostgreSQL.

use chrono::{Duration, Utc};
use kartlegg_backend::db::{
    Consent, DraftUpdate, NewApplicantSession, NewLoginCode, NewOrganisation, NewPerson,
    OrganisationKind, Person, StoreError,
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

async fn issuing_a_code_ends_the_earlier_one(app: TestApp) {
    let p = a_person(&app).await;
    let first = app.store.issue_login_code(&new_code(&p, 1)).await.unwrap();
    let second = app.store.issue_login_code(&new_code(&p, 2)).await.unwrap();
    let current = app.store.current_login_code(p.id).await.unwrap().unwrap();
    assert_eq!(current.id, second.id);
    assert_eq!(current.code_hash, vec![2; 32]);
    assert_ne!(first.id, second.id);
}

async fn wrong_codes_end_the_code_at_the_limit(app: TestApp) {
    let p = a_person(&app).await;
    let code = app.store.issue_login_code(&new_code(&p, 1)).await.unwrap();
    for _ in 0..4 {
        app.store
            .record_wrong_code(code.id, 5, Utc::now())
            .await
            .unwrap();
    }
    let after_four = app.store.current_login_code(p.id).await.unwrap().unwrap();
    assert_eq!(after_four.wrong_tries, 4);
    app.store
        .record_wrong_code(code.id, 5, Utc::now())
        .await
        .unwrap();
    assert!(app.store.current_login_code(p.id).await.unwrap().is_none());
}

async fn failed_logins_are_counted_per_key_and_forgotten(app: TestApp) {
    for at in [100, 200, 300] {
        app.store.record_failed_login(b"k1", at, 0).await.unwrap();
    }
    app.store.record_failed_login(b"k2", 250, 0).await.unwrap();
    assert_eq!(
        app.store.failed_logins_since(b"k1", 150).await.unwrap(),
        [200, 300]
    );
    app.store
        .record_failed_login(b"k1", 400, 250)
        .await
        .unwrap();
    assert_eq!(
        app.store.failed_logins_since(b"k1", 0).await.unwrap(),
        [300, 400]
    );
    assert_eq!(
        app.store.failed_logins_since(b"k2", 0).await.unwrap(),
        [250]
    );
}

async fn ending_sessions_ends_the_code_and_its_sessions(app: TestApp) {
    let p = a_person(&app).await;
    let code = app.store.issue_login_code(&new_code(&p, 1)).await.unwrap();
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
    issuing_a_code_ends_the_earlier_one,
    wrong_codes_end_the_code_at_the_limit,
    failed_logins_are_counted_per_key_and_forgotten,
    ending_sessions_ends_the_code_and_its_sessions,
    consents_are_listed_newest_first,
    a_person_has_at_most_one_draft,
    draft_update_needs_the_current_revision,
    completed_registration_cannot_be_updated_and_history_is_newest_first,
);
