//! The store contract: every operation behaves the same on SQLite and on
//! PostgreSQL.

use kartlegg_backend::db::{NewOrganisation, NewPerson, OrganisationKind, StoreError};
use kartlegg_shared::domain::DufNumber;

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

on_both_engines!(
    organisation_is_created_and_found_by_number,
    organisation_number_is_unique,
    organisations_are_listed_by_number,
    person_is_created_and_found_by_duf_number,
    duf_number_is_unique,
    person_needs_an_existing_organisation,
    concurrent_writers_all_succeed,
);
