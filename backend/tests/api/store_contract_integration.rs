//! The store contract of the integration API's part (`IntegrationStore`):
//! clients and credentials, tokens, assertion ids, people by DUF-number
//! with versions, registrations by id and Idempotency-Key records, the same
//! on SQLite and PostgreSQL.

use chrono::{Duration, SubsecRound};
use kartlegg_backend::clock::Clock;
use kartlegg_backend::db::{
    IdempotencyClaim, IdentityChange, NewApiClient, NewApiToken, NewClientCredential, PersonUpsert,
    StoreError, UpsertOutcome,
};
use kartlegg_shared::domain::DufNumber;
use kartlegg_shared::integration::{CredentialKind, Scope};
use uuid::Uuid;

use crate::helpers::TestApp;
use crate::on_both_engines;

fn identity(first: &str) -> IdentityChange {
    IdentityChange {
        first_name: first.into(),
        last_name: "Tesfay".into(),
        date_of_birth: None,
        gender: None,
        citizenships: vec!["ERI".into()],
        registration_number: None,
        national_id: None,
        details: Default::default(),
        log: crate::helpers::change_log(),
    }
}

async fn a_client(app: &TestApp, org: &str, name: &str) -> kartlegg_backend::db::ApiClient {
    let org = app.org(org).await;
    app.store
        .create_api_client(&NewApiClient {
            organisation_id: org.id,
            name: name.into(),
            scopes: vec![Scope::PeopleRead, Scope::CodesIssue],
            now: app.clock.now().trunc_subsecs(6),
        })
        .await
        .unwrap()
}

async fn clients_are_created_listed_per_organisation_rescoped_and_disabled(app: TestApp) {
    let a = a_client(&app, "0301", "b system").await;
    let b = a_client(&app, "0301", "a system").await;
    a_client(&app, "4601", "a system").await;
    assert_eq!(a.scopes, [Scope::PeopleRead, Scope::CodesIssue]);
    assert!(matches!(
        app.store
            .create_api_client(&NewApiClient {
                organisation_id: a.organisation_id,
                name: "a system".into(),
                scopes: vec![Scope::PeopleRead],
                now: app.clock.now(),
            })
            .await,
        Err(StoreError::Conflict(_))
    ));
    let listed = app.store.api_clients_of(a.organisation_id).await.unwrap();
    assert_eq!(
        listed.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["a system", "b system"]
    );
    app.store
        .set_api_client_scopes(b.id, &[Scope::FeedRead])
        .await
        .unwrap();
    let now = app.clock.now().trunc_subsecs(6);
    app.store.disable_api_client(a.id, now).await.unwrap();
    let a = app.store.api_client(a.id).await.unwrap().unwrap();
    assert_eq!(a.disabled_at, Some(now));
    let b = app.store.api_client(b.id).await.unwrap().unwrap();
    assert_eq!(b.scopes, [Scope::FeedRead]);
    assert_eq!(b.disabled_at, None);
    assert!(
        app.store
            .api_client(Uuid::new_v4())
            .await
            .unwrap()
            .is_none()
    );
}

async fn credentials_are_added_listed_and_revoked_once(app: TestApp) {
    let client = a_client(&app, "0301", "system").await;
    let now = app.clock.now().trunc_subsecs(6);
    let secret = app
        .store
        .add_client_credential(&NewClientCredential {
            client_id: client.id,
            kind: CredentialKind::Secret,
            secret_hash: Some(vec![1; 32]),
            public_key: None,
            algorithm: None,
            now,
        })
        .await
        .unwrap();
    let key = app
        .store
        .add_client_credential(&NewClientCredential {
            client_id: client.id,
            kind: CredentialKind::PublicKey,
            secret_hash: None,
            public_key: Some("{\"kty\":\"OKP\"}".into()),
            algorithm: Some("EdDSA".into()),
            now: now + Duration::seconds(1),
        })
        .await
        .unwrap();
    let all = app.store.client_credentials(client.id).await.unwrap();
    assert_eq!(all, [secret.clone(), key.clone()]);
    assert!(
        app.store
            .revoke_client_credential(client.id, secret.id, now)
            .await
            .unwrap()
    );
    assert!(
        !app.store
            .revoke_client_credential(client.id, secret.id, now)
            .await
            .unwrap()
    );
    // Another client's credential is not revoked through this one.
    let other = a_client(&app, "0301", "other").await;
    assert!(
        !app.store
            .revoke_client_credential(other.id, key.id, now)
            .await
            .unwrap()
    );
    let all = app.store.client_credentials(client.id).await.unwrap();
    assert_eq!(all[0].revoked_at, Some(now));
    assert_eq!(all[1].revoked_at, None);
}

async fn an_assertion_id_is_accepted_once_until_it_expires(app: TestApp) {
    let client = a_client(&app, "0301", "system").await;
    let now = app.clock.now();
    let until = now + Duration::minutes(5);
    assert!(
        app.store
            .use_assertion_id(client.id, "j1", until, now)
            .await
            .unwrap()
    );
    assert!(
        !app.store
            .use_assertion_id(client.id, "j1", until, now)
            .await
            .unwrap()
    );
    assert!(
        app.store
            .use_assertion_id(client.id, "j2", until, now)
            .await
            .unwrap()
    );
    // Simultaneous uses of one id: exactly one is accepted.
    let tries = (0..50).map(|_| app.store.use_assertion_id(client.id, "j3", until, now));
    let accepted = futures_util::future::join_all(tries)
        .await
        .into_iter()
        .filter(|r| *r.as_ref().unwrap())
        .count();
    assert_eq!(accepted, 1);
}

async fn a_token_is_recorded_with_its_client_and_dies_with_it(app: TestApp) {
    let client = a_client(&app, "0301", "system").await;
    let now = app.clock.now().trunc_subsecs(6);
    let id = Uuid::new_v4();
    app.store
        .record_api_token(&NewApiToken {
            id,
            client_id: client.id,
            scopes: vec![Scope::PeopleRead],
            issued_at: now,
            expires_at: now + Duration::hours(1),
        })
        .await
        .unwrap();
    let token = app.store.api_token(id).await.unwrap().unwrap();
    assert_eq!(token.scopes, [Scope::PeopleRead]);
    assert_eq!(token.client.id, client.id);
    assert_eq!(token.client.last_used_at, Some(now));
    assert_eq!(token.revoked_at, None);
    app.store.disable_api_client(client.id, now).await.unwrap();
    let token = app.store.api_token(id).await.unwrap().unwrap();
    assert_eq!(token.revoked_at, Some(now));
    assert!(token.client.disabled_at.is_some());
    assert!(app.store.api_token(Uuid::new_v4()).await.unwrap().is_none());
}

async fn an_upsert_creates_updates_at_a_version_and_respects_organisations(app: TestApp) {
    let mine = app.org("0301").await;
    let theirs = app.org("4601").await;
    let duf = DufNumber::parse("202400000042").unwrap();
    let upsert = |org: uuid::Uuid, first: &str, expected: Option<i64>| PersonUpsert {
        organisation_id: org,
        duf_number: duf.clone(),
        identity: identity(first),
        expected_version: expected,
        now: app.clock.now(),
    };
    assert_eq!(
        app.store
            .upsert_person(&upsert(mine.id, "A", Some(1)))
            .await
            .unwrap(),
        UpsertOutcome::Stale
    );
    let UpsertOutcome::Created(created) = app
        .store
        .upsert_person(&upsert(mine.id, "A", None))
        .await
        .unwrap()
    else {
        panic!("not created");
    };
    assert_eq!(created.version, 1);
    assert_eq!(created.person.citizenships, ["ERI"]);
    let UpsertOutcome::Updated { before, after } = app
        .store
        .upsert_person(&upsert(mine.id, "B", Some(1)))
        .await
        .unwrap()
    else {
        panic!("not updated");
    };
    assert_eq!(before.first_name, "A");
    assert_eq!((after.person.first_name.as_str(), after.version), ("B", 2));
    assert_eq!(
        app.store
            .upsert_person(&upsert(mine.id, "C", Some(1)))
            .await
            .unwrap(),
        UpsertOutcome::Stale
    );
    assert_eq!(
        app.store
            .upsert_person(&upsert(theirs.id, "D", None))
            .await
            .unwrap(),
        UpsertOutcome::OtherOrganisation
    );
    let read = app.store.versioned_person(&duf).await.unwrap().unwrap();
    assert_eq!((read.person.first_name.as_str(), read.version), ("B", 2));
    // A caseworker's correction counts the version up too.
    app.store
        .update_identity(read.person.id, &identity("E"))
        .await
        .unwrap();
    assert_eq!(
        app.store
            .versioned_person(&duf)
            .await
            .unwrap()
            .unwrap()
            .version,
        3
    );

    // Simultaneous upserts of one new person: one creates, the rest update.
    let other = DufNumber::parse("202400000043").unwrap();
    let tries = (0..20).map(|i| {
        let u = PersonUpsert {
            duf_number: other.clone(),
            ..upsert(mine.id, &format!("N{i}"), None)
        };
        let store = app.store.clone();
        async move { store.upsert_person(&u).await.unwrap() }
    });
    let outcomes = futures_util::future::join_all(tries).await;
    let created = outcomes
        .iter()
        .filter(|o| matches!(o, UpsertOutcome::Created(_)))
        .count();
    assert_eq!(created, 1);
    let last = app.store.versioned_person(&other).await.unwrap().unwrap();
    let updated = outcomes
        .iter()
        .filter(|o| matches!(o, UpsertOutcome::Updated { .. }))
        .count();
    assert_eq!(last.version, 1 + i64::try_from(updated).unwrap());
}

async fn people_after_pages_one_organisation_in_duf_order(app: TestApp) {
    let mine = app.org("0301").await;
    for n in [5, 1, 3, 2, 4] {
        app.person_in("0301", &format!("2024000000{n:02}"), "P", "Q")
            .await;
    }
    app.person_in("4601", "202400000006", "Not", "Mine").await;
    let first = app.store.people_after(mine.id, None, 2).await.unwrap();
    let dufs = |page: &[kartlegg_backend::db::VersionedPerson]| {
        page.iter()
            .map(|p| p.person.duf_number.as_str().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(dufs(&first), ["202400000001", "202400000002"]);
    let rest = app
        .store
        .people_after(mine.id, Some("202400000002"), 10)
        .await
        .unwrap();
    assert_eq!(
        dufs(&rest),
        ["202400000003", "202400000004", "202400000005"]
    );
    assert!(rest.iter().all(|p| p.version == 1));
}

async fn a_registration_is_found_by_id(app: TestApp) {
    let person = app.person_in("0301", "202400000001", "P", "Q").await;
    let draft = app
        .store
        .create_registration(person.id, 1, app.clock.now())
        .await
        .unwrap();
    let found = app
        .store
        .registration_by_id(draft.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, draft);
    assert!(
        app.store
            .registration_by_id(Uuid::new_v4())
            .await
            .unwrap()
            .is_none()
    );
}

async fn an_idempotency_key_is_claimed_once_answered_replayed_and_released(app: TestApp) {
    let client = a_client(&app, "0301", "system").await;
    let now = app.clock.now();
    let forget = now - Duration::hours(24);
    let abandoned = now - Duration::minutes(1);
    let claim = |key: &'static str, print: &'static [u8]| {
        let store = app.store.clone();
        async move {
            store
                .claim_idempotency_key(client.id, key, print, now, forget, abandoned)
                .await
                .unwrap()
        }
    };
    assert_eq!(claim("k1", b"a").await, IdempotencyClaim::Claimed);
    assert_eq!(claim("k1", b"a").await, IdempotencyClaim::InFlight);
    assert_eq!(claim("k1", b"b").await, IdempotencyClaim::Mismatch);
    app.store
        .finish_idempotency_key(client.id, "k1", 201, b"sealed")
        .await
        .unwrap();
    assert_eq!(
        claim("k1", b"a").await,
        IdempotencyClaim::Done {
            status: 201,
            body: b"sealed".to_vec()
        }
    );
    // Released (the work failed): the key can be claimed again.
    assert_eq!(claim("k2", b"a").await, IdempotencyClaim::Claimed);
    app.store
        .release_idempotency_key(client.id, "k2")
        .await
        .unwrap();
    assert_eq!(claim("k2", b"a").await, IdempotencyClaim::Claimed);
    // An answered key is not released by mistake.
    app.store
        .release_idempotency_key(client.id, "k1")
        .await
        .unwrap();
    assert!(matches!(
        claim("k1", b"a").await,
        IdempotencyClaim::Done { .. }
    ));
    // Simultaneous claims of a new key: exactly one wins.
    let tries = (0..50).map(|_| claim("k3", b"a"));
    let won = futures_util::future::join_all(tries)
        .await
        .into_iter()
        .filter(|c| *c == IdempotencyClaim::Claimed)
        .count();
    assert_eq!(won, 1);
    // A day later every key is forgotten.
    let later = now + Duration::hours(25);
    let again = app
        .store
        .claim_idempotency_key(
            client.id,
            "k1",
            b"z",
            later,
            later - Duration::hours(24),
            later,
        )
        .await
        .unwrap();
    assert_eq!(again, IdempotencyClaim::Claimed);
}

async fn kept_answers_are_listed_per_organisation_and_forgotten_one_by_one(app: TestApp) {
    let mine = a_client(&app, "0301", "system").await;
    let theirs = a_client(&app, "4601", "system").await;
    let now = app.clock.now();
    let (forget, abandoned) = (now - Duration::hours(24), now - Duration::minutes(1));
    for (client, key) in [
        (&mine, "k1"),
        (&mine, "k2"),
        (&mine, "open"),
        (&theirs, "k1"),
    ] {
        app.store
            .claim_idempotency_key(client.id, key, b"print", now, forget, abandoned)
            .await
            .unwrap();
        if key != "open" {
            app.store
                .finish_idempotency_key(client.id, key, 201, key.as_bytes())
                .await
                .unwrap();
        }
    }
    let keys = |org: uuid::Uuid| {
        let store = app.store.clone();
        async move {
            let mut kept = store.kept_answers_of(org).await.unwrap();
            kept.sort_by(|a, b| a.key.cmp(&b.key));
            kept.into_iter()
                .map(|k| (k.client_id, k.key, k.fingerprint, k.sealed))
                .collect::<Vec<_>>()
        }
    };
    // Answered keys only, of the organisation's clients.
    assert_eq!(
        keys(mine.organisation_id).await,
        [
            (mine.id, "k1".to_owned(), b"print".to_vec(), b"k1".to_vec()),
            (mine.id, "k2".to_owned(), b"print".to_vec(), b"k2".to_vec()),
        ]
    );

    app.store.forget_kept_answer(mine.id, "k1").await.unwrap();

    assert_eq!(keys(mine.organisation_id).await.len(), 1);
    assert_eq!(keys(theirs.organisation_id).await.len(), 1);
    // Forgotten: the key can be claimed afresh.
    assert_eq!(
        app.store
            .claim_idempotency_key(mine.id, "k1", b"other", now, forget, abandoned)
            .await
            .unwrap(),
        IdempotencyClaim::Claimed
    );
}

async fn change_events_are_read_per_organisation_in_order_and_by_kind(app: TestApp) {
    use kartlegg_shared::integration::ChangeEventType;
    let mine = app.org("0301").await;
    let person = app.person_in("0301", "202400000001", "P", "Q").await;
    app.person_in("4601", "202400000002", "Not", "Mine").await;
    app.store
        .update_identity(person.id, &identity("R"))
        .await
        .unwrap();
    let all = app
        .store
        .change_events_after(mine.id, 0, &[], 10)
        .await
        .unwrap();
    let kinds: Vec<ChangeEventType> = all.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            ChangeEventType::PersonCreated,
            ChangeEventType::PersonChanged
        ]
    );
    assert!(all[0].position < all[1].position);
    assert_eq!(all[0].duf_number.as_str(), "202400000001");
    assert_eq!(all[0].person_id, person.id);
    assert_eq!(all[0].organisation_id, mine.id);
    let after = app
        .store
        .change_events_after(mine.id, all[0].position, &[], 10)
        .await
        .unwrap();
    assert_eq!(after, all[1..]);
    let changed = app
        .store
        .change_events_after(mine.id, 0, &[ChangeEventType::PersonChanged], 10)
        .await
        .unwrap();
    assert_eq!(changed, all[1..]);
    assert_eq!(
        app.store
            .change_events_after(mine.id, 0, &[], 1)
            .await
            .unwrap(),
        all[..1]
    );
}

/// Webhooks: an endpoint gets a delivery of each event of its types and
/// organisation; a lease hands it out once until it runs out; an attempt
/// is logged with its outcome; "send again" and deleting.
async fn webhook_deliveries_are_queued_leased_logged_and_sent_again(app: TestApp) {
    use kartlegg_backend::db::{AttemptOutcome, NewWebhookEndpoint, NextStep};
    use kartlegg_shared::integration::{ChangeEventType, DeliveryState};

    let client = a_client(&app, "0301", "hooks").await;
    let now = app.clock.now().trunc_subsecs(6);
    let id = Uuid::new_v4();
    let endpoint = app
        .store
        .create_webhook_endpoint(&NewWebhookEndpoint {
            id,
            client_id: client.id,
            organisation_id: client.organisation_id,
            url: "https://example.no/hook".into(),
            types: vec![
                ChangeEventType::PersonCreated,
                ChangeEventType::PersonCreated,
            ],
            secret_sealed: vec![1, 2, 3],
            now,
        })
        .await
        .unwrap();
    assert_eq!(endpoint.id, id);
    assert_eq!(endpoint.types, [ChangeEventType::PersonCreated]);
    assert_eq!(
        app.store.webhook_endpoints(client.id).await.unwrap(),
        std::slice::from_ref(&endpoint)
    );
    assert_eq!(
        app.store.webhook_endpoint(client.id, id).await.unwrap(),
        Some(endpoint.clone())
    );
    let stranger = a_client(&app, "4601", "hooks").await;
    assert_eq!(
        app.store.webhook_endpoint(stranger.id, id).await.unwrap(),
        None
    );

    let person = app
        .person_in("0301", "202400005001", "Amina", "Tesfay")
        .await;
    app.person_in("4601", "202400005002", "Yonas", "Haile")
        .await;
    assert_eq!(app.store.pending_webhook_deliveries().await.unwrap(), 1);

    let later = app.clock.now().trunc_subsecs(6) + Duration::seconds(5);
    let leased = app
        .store
        .lease_webhook_deliveries(later, later + Duration::seconds(60), 10)
        .await
        .unwrap();
    assert_eq!(leased.len(), 1);
    assert_eq!(leased[0].event.person_id, person.id);
    assert_eq!(leased[0].secret_sealed, [1, 2, 3]);
    assert_eq!(leased[0].attempts, 0);
    // Held: not handed out again until the lease runs out.
    assert!(
        app.store
            .lease_webhook_deliveries(later, later + Duration::seconds(60), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let expired = later + Duration::seconds(61);
    let again = app
        .store
        .lease_webhook_deliveries(expired, expired + Duration::seconds(60), 10)
        .await
        .unwrap();
    assert_eq!(again.len(), 1);

    let event_id = leased[0].event.id;
    app.store
        .finish_webhook_attempt(&AttemptOutcome {
            endpoint_id: id,
            event_id,
            attempted_at: expired,
            status: Some(500),
            duration_ms: 12,
            error: Some("answered 500".into()),
            next: NextStep::RetryAt(expired + Duration::seconds(30)),
        })
        .await
        .unwrap();
    let failing = app
        .store
        .webhook_endpoint(client.id, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(failing.failing_since, Some(expired));
    app.store
        .finish_webhook_attempt(&AttemptOutcome {
            endpoint_id: id,
            event_id,
            attempted_at: expired + Duration::seconds(30),
            status: Some(200),
            duration_ms: 8,
            error: None,
            next: NextStep::Delivered,
        })
        .await
        .unwrap();
    let deliveries = app.store.webhook_deliveries(id, 10).await.unwrap();
    assert_eq!(deliveries.len(), 1);
    assert_eq!(deliveries[0].state, DeliveryState::Delivered);
    let statuses: Vec<_> = deliveries[0]
        .attempts
        .iter()
        .map(|a| (a.number, a.status))
        .collect();
    assert_eq!(statuses, [(1, Some(500)), (2, Some(200))]);
    assert_eq!(deliveries[0].attempts[0].duration_ms, 12);
    assert_eq!(
        app.store
            .webhook_endpoint(client.id, id)
            .await
            .unwrap()
            .unwrap()
            .failing_since,
        None
    );
    assert_eq!(app.store.pending_webhook_deliveries().await.unwrap(), 0);

    // Send again; twice is refused while pending; an unknown one is none.
    assert_eq!(
        app.store
            .redeliver_webhook(id, event_id, expired)
            .await
            .unwrap(),
        Some(true)
    );
    assert_eq!(
        app.store
            .redeliver_webhook(id, event_id, expired)
            .await
            .unwrap(),
        Some(false)
    );
    assert_eq!(
        app.store
            .redeliver_webhook(id, Uuid::new_v4(), expired)
            .await
            .unwrap(),
        None
    );
    // Another client cannot delete it; deleting takes its deliveries along.
    assert!(
        !app.store
            .delete_webhook_endpoint(stranger.id, id)
            .await
            .unwrap()
    );
    assert!(
        app.store
            .delete_webhook_endpoint(client.id, id)
            .await
            .unwrap()
    );
    assert!(
        !app.store
            .delete_webhook_endpoint(client.id, id)
            .await
            .unwrap()
    );
    assert_eq!(
        app.store.webhook_endpoint(client.id, id).await.unwrap(),
        None
    );
    assert!(
        app.store
            .webhook_deliveries(id, 10)
            .await
            .unwrap()
            .is_empty()
    );
    // A deleted endpoint gets no new deliveries.
    app.person_in("0301", "202400005003", "Selam", "Haile")
        .await;
    assert_eq!(app.store.pending_webhook_deliveries().await.unwrap(), 0);
}

on_both_engines!(
    webhook_deliveries_are_queued_leased_logged_and_sent_again,
    change_events_are_read_per_organisation_in_order_and_by_kind,
    kept_answers_are_listed_per_organisation_and_forgotten_one_by_one,
    clients_are_created_listed_per_organisation_rescoped_and_disabled,
    credentials_are_added_listed_and_revoked_once,
    an_assertion_id_is_accepted_once_until_it_expires,
    a_token_is_recorded_with_its_client_and_dies_with_it,
    an_upsert_creates_updates_at_a_version_and_respects_organisations,
    people_after_pages_one_organisation_in_duf_order,
    a_registration_is_found_by_id,
    an_idempotency_key_is_claimed_once_answered_replayed_and_released,
);
