//! Storage for the integration API: API clients and their credentials, the
//! access tokens issued to them, the client assertions already used, people
//! written by DUF-number with a version for ETags, and Idempotency-Key
//! records.
//!
//! Both engines run the same SQL here, written once in `integration_impl!`
//! (see the module documentation of `db` for why a macro).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kartlegg_shared::domain::DufNumber;
use kartlegg_shared::integration::{ChangeEventType, CredentialKind, Scope};
use uuid::Uuid;

use super::events::StoredEvent;
use super::rows::PersonRow;
use super::{IdentityChange, Person, StoreError, StoredRegistration};

/// An API client of an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    /// Sorted, without repeats.
    pub scopes: Vec<Scope>,
    pub created_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A new API client.
#[derive(Debug, Clone)]
pub struct NewApiClient {
    pub organisation_id: Uuid,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub now: DateTime<Utc>,
}

/// A client's credential as stored: the hash of a secret, or a public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCredential {
    pub id: Uuid,
    pub client_id: Uuid,
    pub kind: CredentialKind,
    /// SHA-256 of the secret.
    pub secret_hash: Option<Vec<u8>>,
    /// The public key as given: JWK JSON or PEM.
    pub public_key: Option<String>,
    /// The one algorithm the key is accepted with.
    pub algorithm: Option<String>,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A credential to store.
#[derive(Debug, Clone)]
pub struct NewClientCredential {
    pub client_id: Uuid,
    pub kind: CredentialKind,
    pub secret_hash: Option<Vec<u8>>,
    pub public_key: Option<String>,
    pub algorithm: Option<String>,
    pub now: DateTime<Utc>,
}

/// An issued access token's server-side record, with its client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenRecord {
    pub id: Uuid,
    pub client: ApiClient,
    /// The scopes granted to this token (a subset of the client's).
    pub scopes: Vec<Scope>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A new access token's record.
#[derive(Debug, Clone)]
pub struct NewApiToken {
    pub id: Uuid,
    pub client_id: Uuid,
    pub scopes: Vec<Scope>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A person with the version their ETag is made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionedPerson {
    pub person: Person,
    pub version: i64,
}

/// Create or update a person of an organisation by DUF-number.
#[derive(Debug, Clone)]
pub struct PersonUpsert {
    pub organisation_id: Uuid,
    pub duf_number: DufNumber,
    pub identity: IdentityChange,
    /// `If-Match`: change the person only at this version (and never
    /// create one).
    pub expected_version: Option<i64>,
    pub now: DateTime<Utc>,
}

/// What an upsert did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpsertOutcome {
    Created(VersionedPerson),
    /// Updated; `before` is the person as it was.
    Updated {
        before: Box<Person>,
        after: VersionedPerson,
    },
    /// The DUF-number belongs to a person of another organisation. Nothing
    /// about them is returned.
    OtherOrganisation,
    /// `expected_version` no longer matches (or there is no such person).
    Stale,
}

/// Where an Idempotency-Key stands when a request claims it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdempotencyClaim {
    /// The key is new and now this request's: do the work.
    Claimed,
    /// The same request was answered: replay this status and body.
    Done { status: u16, body: Vec<u8> },
    /// The same key is being worked on by another request.
    InFlight,
    /// The key was used with another request body.
    Mismatch,
}

/// The integration API's storage operations (a part of [`super::Store`]).
#[async_trait]
pub trait IntegrationStore {
    /// Registers a client; `Conflict` when the organisation already has
    /// one of that name.
    async fn create_api_client(&self, new: &NewApiClient) -> Result<ApiClient, StoreError>;

    /// The client with this id, enabled or not.
    async fn api_client(&self, id: Uuid) -> Result<Option<ApiClient>, StoreError>;

    /// The organisation's clients, by name.
    async fn api_clients_of(&self, organisation_id: Uuid) -> Result<Vec<ApiClient>, StoreError>;

    /// Replaces a client's scopes.
    async fn set_api_client_scopes(&self, id: Uuid, scopes: &[Scope]) -> Result<(), StoreError>;

    /// Disables a client, revokes its tokens and removes its webhook
    /// endpoints (cancelling their pending deliveries), in one transaction.
    async fn disable_api_client(&self, id: Uuid, now: DateTime<Utc>) -> Result<(), StoreError>;

    /// Adds a credential to a client.
    async fn add_client_credential(
        &self,
        new: &NewClientCredential,
    ) -> Result<ClientCredential, StoreError>;

    /// A client's credentials, revoked ones too, oldest first.
    async fn client_credentials(
        &self,
        client_id: Uuid,
    ) -> Result<Vec<ClientCredential>, StoreError>;

    /// Revokes one of the client's credentials; whether it was live.
    async fn revoke_client_credential(
        &self,
        client_id: Uuid,
        credential_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;

    /// Records a client assertion's `jti` until `expires_at`; `false`,
    /// recording nothing, when the client already used it. Forgets ids
    /// whose assertions expired before `now`. One statement, so two
    /// simultaneous uses cannot both be accepted.
    async fn use_assertion_id(
        &self,
        client_id: Uuid,
        jti: &str,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;

    /// Records an access token and notes the client's use.
    async fn record_api_token(&self, new: &NewApiToken) -> Result<(), StoreError>;

    /// The token with this id and its client.
    async fn api_token(&self, id: Uuid) -> Result<Option<ApiTokenRecord>, StoreError>;

    /// The person with this DUF-number and their version.
    async fn versioned_person(
        &self,
        duf: &DufNumber,
    ) -> Result<Option<VersionedPerson>, StoreError>;

    /// Creates or updates a person of the organisation (see
    /// [`UpsertOutcome`]); an update counts the version up. `Conflict` when
    /// the national identity number belongs to another person.
    async fn upsert_person(&self, upsert: &PersonUpsert) -> Result<UpsertOutcome, StoreError>;

    /// The organisation's people with a DUF-number after `after`, in
    /// DUF-number order, at most `limit`.
    async fn people_after(
        &self,
        organisation_id: Uuid,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<VersionedPerson>, StoreError>;

    /// The registration with this id.
    async fn registration_by_id(&self, id: Uuid) -> Result<Option<StoredRegistration>, StoreError>;

    /// Claims an Idempotency-Key of a client for a request with this
    /// fingerprint (see [`IdempotencyClaim`]). Keys created before
    /// `forget_before` are forgotten first, and claims still without an
    /// answer since `abandoned_before` (their request was cut off) too.
    async fn claim_idempotency_key(
        &self,
        client_id: Uuid,
        key: &str,
        fingerprint: &[u8],
        now: DateTime<Utc>,
        forget_before: DateTime<Utc>,
        abandoned_before: DateTime<Utc>,
    ) -> Result<IdempotencyClaim, StoreError>;

    /// Stores the answer of a claimed key, for replays.
    async fn finish_idempotency_key(
        &self,
        client_id: Uuid,
        key: &str,
        status: u16,
        body: &[u8],
    ) -> Result<(), StoreError>;

    /// Lets a claimed key go without an answer (the work failed), so that
    /// the client can retry it.
    async fn release_idempotency_key(&self, client_id: Uuid, key: &str) -> Result<(), StoreError>;

    /// The organisation's change events after `after` (a position; 0 for
    /// the start), of the `kinds` given (all when empty), in feed order, at
    /// most `limit`.
    async fn change_events_after(
        &self,
        organisation_id: Uuid,
        after: i64,
        kinds: &[ChangeEventType],
        limit: u32,
    ) -> Result<Vec<StoredEvent>, StoreError>;
}

/// The columns of a client, in the order [`ClientRow`] expects.
pub(super) const CLIENT_COLUMNS: &str =
    "id, organisation_id, name, scopes, created_at, disabled_at, last_used_at";

#[derive(sqlx::FromRow)]
pub(super) struct ClientRow {
    id: Uuid,
    organisation_id: Uuid,
    name: String,
    scopes: String,
    created_at: DateTime<Utc>,
    disabled_at: Option<DateTime<Utc>>,
    last_used_at: Option<DateTime<Utc>>,
}

impl TryFrom<ClientRow> for ApiClient {
    type Error = StoreError;
    fn try_from(row: ClientRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            organisation_id: row.organisation_id,
            name: row.name,
            scopes: parse_scopes(&row.scopes)?,
            created_at: row.created_at,
            disabled_at: row.disabled_at,
            last_used_at: row.last_used_at,
        })
    }
}

pub(super) fn parse_scopes(text: &str) -> Result<Vec<Scope>, StoreError> {
    Scope::parse_list(text).ok_or_else(|| StoreError::Corrupt(format!("scopes {text:?}")))
}

/// The columns of a credential, in the order [`CredentialRow`] expects.
pub(super) const CREDENTIAL_COLUMNS: &str =
    "id, client_id, kind, secret_hash, public_key, algorithm, created_at, revoked_at";

#[derive(sqlx::FromRow)]
pub(super) struct CredentialRow {
    id: Uuid,
    client_id: Uuid,
    kind: String,
    secret_hash: Option<Vec<u8>>,
    public_key: Option<String>,
    algorithm: Option<String>,
    created_at: DateTime<Utc>,
    revoked_at: Option<DateTime<Utc>>,
}

impl TryFrom<CredentialRow> for ClientCredential {
    type Error = StoreError;
    fn try_from(row: CredentialRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            client_id: row.client_id,
            kind: credential_kind(&row.kind)?,
            secret_hash: row.secret_hash,
            public_key: row.public_key,
            algorithm: row.algorithm,
            created_at: row.created_at,
            revoked_at: row.revoked_at,
        })
    }
}

pub(super) const fn credential_kind_str(kind: CredentialKind) -> &'static str {
    match kind {
        CredentialKind::Secret => "secret",
        CredentialKind::PublicKey => "public_key",
    }
}

fn credential_kind(text: &str) -> Result<CredentialKind, StoreError> {
    match text {
        "secret" => Ok(CredentialKind::Secret),
        "public_key" => Ok(CredentialKind::PublicKey),
        other => Err(StoreError::Corrupt(format!("credential kind {other:?}"))),
    }
}

/// A token joined with its client (client columns prefixed `c_`).
#[derive(sqlx::FromRow)]
pub(super) struct TokenRow {
    id: Uuid,
    scopes: String,
    expires_at: DateTime<Utc>,
    revoked_at: Option<DateTime<Utc>>,
    c_id: Uuid,
    c_organisation_id: Uuid,
    c_name: String,
    c_scopes: String,
    c_created_at: DateTime<Utc>,
    c_disabled_at: Option<DateTime<Utc>>,
    c_last_used_at: Option<DateTime<Utc>>,
}

impl TryFrom<TokenRow> for ApiTokenRecord {
    type Error = StoreError;
    fn try_from(row: TokenRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            scopes: parse_scopes(&row.scopes)?,
            expires_at: row.expires_at,
            revoked_at: row.revoked_at,
            client: ClientRow {
                id: row.c_id,
                organisation_id: row.c_organisation_id,
                name: row.c_name,
                scopes: row.c_scopes,
                created_at: row.c_created_at,
                disabled_at: row.c_disabled_at,
                last_used_at: row.c_last_used_at,
            }
            .try_into()?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct VersionedPersonRow {
    #[sqlx(flatten)]
    person: PersonRow,
    version: i64,
}

impl TryFrom<VersionedPersonRow> for VersionedPerson {
    type Error = StoreError;
    fn try_from(row: VersionedPersonRow) -> Result<Self, Self::Error> {
        Ok(Self {
            person: row.person.try_into()?,
            version: row.version,
        })
    }
}

macro_rules! integration_impl {
    ($store:ident, $read:ident, $write:ident, $d:path) => {
        mod integration_store {
            use chrono::{DateTime, Utc};
            use kartlegg_shared::domain::DufNumber;
            use kartlegg_shared::integration::{ChangeEventType, Scope};
            use uuid::Uuid;

            use crate::db::events::{EVENT_COLUMNS, EventRow, record_event};
            use crate::db::history::{self, lock_and_read_details, refuse_duplicate, write_identity};
            use crate::db::StoredEvent;
            use crate::db::integration::{
                ApiClient, ApiTokenRecord, CLIENT_COLUMNS, CREDENTIAL_COLUMNS, ClientCredential,
                ClientRow, CredentialRow, IdempotencyClaim, IntegrationStore, NewApiClient,
                NewApiToken, NewClientCredential, PersonUpsert, TokenRow, UpsertOutcome,
                VersionedPerson, VersionedPersonRow, credential_kind_str,
            };
            use crate::db::rows::{
                PERSON_COLUMNS, RegistrationRow, convert_all, naive_from_date, to_json_text,
            };
            use crate::db::{StoreError, StoredRegistration, fold_name};

            const REGISTRATION_COLUMNS: &str = $d.registration_columns;

            impl super::$store {
                async fn versioned_by_duf(
                    &self,
                    duf: &str,
                ) -> Result<Option<VersionedPerson>, StoreError> {
                    let row: Option<VersionedPersonRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {PERSON_COLUMNS}, version FROM people WHERE duf_number = ?"
                    )))
                    .bind(duf)
                    .fetch_optional(&self.$write)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                /// The insert half of an upsert; `Conflict` when the
                /// DUF-number (or national id) was taken meanwhile.
                async fn insert_person(
                    &self,
                    u: &PersonUpsert,
                ) -> Result<VersionedPerson, StoreError> {
                    let i = &u.identity;
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    let row: VersionedPersonRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO people (id, duf_number, organisation_id, first_name, \
                         last_name, created_at, first_name_key, last_name_key, date_of_birth, \
                         gender, citizenships, registration_number, national_id, version) \
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) \
                         RETURNING {PERSON_COLUMNS}, version"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(u.duf_number.as_str())
                    .bind(u.organisation_id)
                    .bind(&i.first_name)
                    .bind(&i.last_name)
                    .bind(u.now)
                    .bind(fold_name(&i.first_name))
                    .bind(fold_name(&i.last_name))
                    .bind(i.date_of_birth.map(naive_from_date).transpose()?)
                    .bind(i.gender.map(|g| g.as_str()))
                    .bind(to_json_text(&i.citizenships)?)
                    .bind(i.registration_number.as_ref().map(|r| r.as_str().to_owned()))
                    .bind(i.national_id.as_ref().map(|n| n.as_str().to_owned()))
                    .fetch_one(&mut *tx)
                    .await?;
                    let created: VersionedPerson = row.try_into()?;
                    let changes = history::changes(None, &history::of_change(i));
                    write_identity!($d, tx, created.person.id, i, &changes);
                    let none: Option<Uuid> = None;
                    record_event!($d, tx, ChangeEventType::PersonCreated, created.person.id, none, u.now);
                    tx.commit().await?;
                    Ok(created)
                }

                /// The update half: only at `version` (the one just read,
                /// or the client's `If-Match`); `None` when it moved on.
                async fn update_person_at(
                    &self,
                    id: Uuid,
                    version: i64,
                    u: &PersonUpsert,
                ) -> Result<Option<VersionedPerson>, StoreError> {
                    let i = &u.identity;
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    let details = lock_and_read_details!($d, tx, id);
                    refuse_duplicate!($d, tx, id);
                    let before: Option<VersionedPersonRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {PERSON_COLUMNS}, version FROM people WHERE id = ? AND version = ?"
                    )))
                    .bind(id)
                    .bind(version)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(before) = before else {
                        return Ok(None);
                    };
                    let before: VersionedPerson = before.try_into()?;
                    let row: Option<VersionedPersonRow> = sqlx::query_as(&$d.sql(&format!(
                        "UPDATE people SET first_name = ?, last_name = ?, first_name_key = ?, \
                         last_name_key = ?, date_of_birth = ?, gender = ?, citizenships = ?, \
                         registration_number = ?, national_id = ?, version = version + 1 \
                         WHERE id = ? AND version = ? RETURNING {PERSON_COLUMNS}, version"
                    )))
                    .bind(&i.first_name)
                    .bind(&i.last_name)
                    .bind(fold_name(&i.first_name))
                    .bind(fold_name(&i.last_name))
                    .bind(i.date_of_birth.map(naive_from_date).transpose()?)
                    .bind(i.gender.map(|g| g.as_str()))
                    .bind(to_json_text(&i.citizenships)?)
                    .bind(i.registration_number.as_ref().map(|r| r.as_str().to_owned()))
                    .bind(i.national_id.as_ref().map(|n| n.as_str().to_owned()))
                    .bind(id)
                    .bind(version)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let updated: Option<VersionedPerson> = row.map(TryInto::try_into).transpose()?;
                    if updated.is_some() {
                        let old = history::of_person(&before.person, &details);
                        let changes = history::changes(Some(&old), &history::of_change(i));
                        write_identity!($d, tx, id, i, &changes);
                        let none: Option<Uuid> = None;
                        record_event!($d, tx, ChangeEventType::PersonChanged, id, none, u.now);
                    }
                    tx.commit().await?;
                    Ok(updated)
                }
            }

            #[async_trait::async_trait]
            impl IntegrationStore for super::$store {
                async fn create_api_client(
                    &self,
                    new: &NewApiClient,
                ) -> Result<ApiClient, StoreError> {
                    let row: ClientRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO api_clients (id, organisation_id, name, scopes, created_at) \
                         VALUES (?, ?, ?, ?, ?) RETURNING {CLIENT_COLUMNS}"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(new.organisation_id)
                    .bind(&new.name)
                    .bind(Scope::join(&new.scopes))
                    .bind(new.now)
                    .fetch_one(&self.$write)
                    .await?;
                    row.try_into()
                }

                async fn api_client(&self, id: Uuid) -> Result<Option<ApiClient>, StoreError> {
                    let row: Option<ClientRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {CLIENT_COLUMNS} FROM api_clients WHERE id = ?"
                    )))
                    .bind(id)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn api_clients_of(
                    &self,
                    organisation_id: Uuid,
                ) -> Result<Vec<ApiClient>, StoreError> {
                    let rows: Vec<ClientRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {CLIENT_COLUMNS} FROM api_clients WHERE organisation_id = ? \
                         ORDER BY name"
                    )))
                    .bind(organisation_id)
                    .fetch_all(&self.$read)
                    .await?;
                    convert_all(rows)
                }

                async fn set_api_client_scopes(
                    &self,
                    id: Uuid,
                    scopes: &[Scope],
                ) -> Result<(), StoreError> {
                    sqlx::query(&$d.sql("UPDATE api_clients SET scopes = ? WHERE id = ?"))
                        .bind(Scope::join(scopes))
                        .bind(id)
                        .execute(&self.$write)
                        .await?;
                    Ok(())
                }

                async fn disable_api_client(
                    &self,
                    id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<(), StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    sqlx::query(&$d.sql(
                        "UPDATE api_clients SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL",
                    ))
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(&$d.sql(
                        "UPDATE api_tokens SET revoked_at = ? WHERE client_id = ? \
                         AND revoked_at IS NULL AND expires_at > ?",
                    ))
                    .bind(now)
                    .bind(id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    // Its webhooks stop too: nothing more is queued or sent.
                    sqlx::query(&$d.sql(
                        "UPDATE webhook_deliveries SET state = 'cancelled', finished_at = ?, \
                         lease_until = NULL WHERE state = 'pending' AND endpoint_id IN \
                         (SELECT id FROM webhook_endpoints WHERE client_id = ?)",
                    ))
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(&$d.sql(
                        "UPDATE webhook_endpoints SET disabled_at = ?, disabled_reason = 'removed' \
                         WHERE client_id = ? AND disabled_at IS NULL",
                    ))
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn add_client_credential(
                    &self,
                    new: &NewClientCredential,
                ) -> Result<ClientCredential, StoreError> {
                    let row: CredentialRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO api_client_credentials (id, client_id, kind, secret_hash, \
                         public_key, algorithm, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) \
                         RETURNING {CREDENTIAL_COLUMNS}"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(new.client_id)
                    .bind(credential_kind_str(new.kind))
                    .bind(new.secret_hash.as_deref())
                    .bind(new.public_key.as_deref())
                    .bind(new.algorithm.as_deref())
                    .bind(new.now)
                    .fetch_one(&self.$write)
                    .await?;
                    row.try_into()
                }

                async fn client_credentials(
                    &self,
                    client_id: Uuid,
                ) -> Result<Vec<ClientCredential>, StoreError> {
                    let rows: Vec<CredentialRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {CREDENTIAL_COLUMNS} FROM api_client_credentials \
                         WHERE client_id = ? ORDER BY created_at, id"
                    )))
                    .bind(client_id)
                    .fetch_all(&self.$read)
                    .await?;
                    convert_all(rows)
                }

                async fn revoke_client_credential(
                    &self,
                    client_id: Uuid,
                    credential_id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<bool, StoreError> {
                    let done = sqlx::query(&$d.sql(
                        "UPDATE api_client_credentials SET revoked_at = ? WHERE id = ? \
                         AND client_id = ? AND revoked_at IS NULL",
                    ))
                    .bind(now)
                    .bind(credential_id)
                    .bind(client_id)
                    .execute(&self.$write)
                    .await?;
                    Ok(done.rows_affected() == 1)
                }

                async fn use_assertion_id(
                    &self,
                    client_id: Uuid,
                    jti: &str,
                    expires_at: DateTime<Utc>,
                    now: DateTime<Utc>,
                ) -> Result<bool, StoreError> {
                    sqlx::query(&$d.sql("DELETE FROM api_assertion_ids WHERE expires_at < ?"))
                        .bind(now)
                        .execute(&self.$write)
                        .await?;
                    // The primary key decides between simultaneous uses.
                    let done = sqlx::query(&$d.sql(
                        "INSERT INTO api_assertion_ids (client_id, jti, expires_at) \
                         VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    ))
                    .bind(client_id)
                    .bind(jti)
                    .bind(expires_at)
                    .execute(&self.$write)
                    .await?;
                    Ok(done.rows_affected() == 1)
                }

                async fn record_api_token(&self, new: &NewApiToken) -> Result<(), StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    sqlx::query(&$d.sql(
                        "INSERT INTO api_tokens (id, client_id, scopes, issued_at, expires_at) \
                         VALUES (?, ?, ?, ?, ?)",
                    ))
                    .bind(new.id)
                    .bind(new.client_id)
                    .bind(Scope::join(&new.scopes))
                    .bind(new.issued_at)
                    .bind(new.expires_at)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(&$d.sql("UPDATE api_clients SET last_used_at = ? WHERE id = ?"))
                        .bind(new.issued_at)
                        .bind(new.client_id)
                        .execute(&mut *tx)
                        .await?;
                    // Expired tokens can never be used again: keep the table small.
                    sqlx::query(&$d.sql("DELETE FROM api_tokens WHERE expires_at < ?"))
                        .bind(new.issued_at)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn api_token(&self, id: Uuid) -> Result<Option<ApiTokenRecord>, StoreError> {
                    let row: Option<TokenRow> = sqlx::query_as(&$d.sql(
                        "SELECT t.id, t.scopes, t.expires_at, t.revoked_at, c.id AS c_id, \
                         c.organisation_id AS c_organisation_id, c.name AS c_name, \
                         c.scopes AS c_scopes, c.created_at AS c_created_at, \
                         c.disabled_at AS c_disabled_at, c.last_used_at AS c_last_used_at \
                         FROM api_tokens t JOIN api_clients c ON c.id = t.client_id \
                         WHERE t.id = ?",
                    ))
                    .bind(id)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn versioned_person(
                    &self,
                    duf: &DufNumber,
                ) -> Result<Option<VersionedPerson>, StoreError> {
                    let row: Option<VersionedPersonRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {PERSON_COLUMNS}, version FROM people WHERE duf_number = ?"
                    )))
                    .bind(duf.as_str())
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn upsert_person(
                    &self,
                    u: &PersonUpsert,
                ) -> Result<UpsertOutcome, StoreError> {
                    // Read, then write conditionally on what was read: a
                    // concurrent writer makes the condition fail, and the
                    // loop reads again (twice at most in practice: after
                    // losing an insert race the row exists).
                    for _ in 0..3 {
                        let current = self.versioned_by_duf(u.duf_number.as_str()).await?;
                        let Some(current) = current else {
                            if u.expected_version.is_some() {
                                return Ok(UpsertOutcome::Stale);
                            }
                            match self.insert_person(u).await {
                                Ok(created) => return Ok(UpsertOutcome::Created(created)),
                                Err(StoreError::Conflict(_)) => {
                                    // The DUF-number was taken meanwhile, or
                                    // the national id is another person's.
                                    if self.versioned_by_duf(u.duf_number.as_str()).await?.is_some() {
                                        continue;
                                    }
                                    return Err(StoreError::Conflict("national_id".into()));
                                }
                                Err(other) => return Err(other),
                            }
                        };
                        if current.person.organisation_id != u.organisation_id {
                            return Ok(UpsertOutcome::OtherOrganisation);
                        }
                        let at = u.expected_version.unwrap_or(current.version);
                        if at != current.version {
                            return Ok(UpsertOutcome::Stale);
                        }
                        match self.update_person_at(current.person.id, at, u).await? {
                            Some(after) => {
                                return Ok(UpsertOutcome::Updated {
                                    before: Box::new(current.person),
                                    after,
                                });
                            }
                            None if u.expected_version.is_some() => {
                                return Ok(UpsertOutcome::Stale);
                            }
                            None => continue,
                        }
                    }
                    Ok(UpsertOutcome::Stale)
                }

                async fn people_after(
                    &self,
                    organisation_id: Uuid,
                    after: Option<&str>,
                    limit: u32,
                ) -> Result<Vec<VersionedPerson>, StoreError> {
                    let rows: Vec<VersionedPersonRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {PERSON_COLUMNS}, version FROM people WHERE organisation_id = ? \
                         AND duf_number > ? ORDER BY duf_number LIMIT ?"
                    )))
                    .bind(organisation_id)
                    .bind(after.unwrap_or(""))
                    .bind(i64::from(limit))
                    .fetch_all(&self.$read)
                    .await?;
                    convert_all(rows)
                }

                async fn registration_by_id(
                    &self,
                    id: Uuid,
                ) -> Result<Option<StoredRegistration>, StoreError> {
                    let row: Option<RegistrationRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {REGISTRATION_COLUMNS} FROM registrations WHERE id = ?"
                    )))
                    .bind(id)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn claim_idempotency_key(
                    &self,
                    client_id: Uuid,
                    key: &str,
                    fingerprint: &[u8],
                    now: DateTime<Utc>,
                    forget_before: DateTime<Utc>,
                    abandoned_before: DateTime<Utc>,
                ) -> Result<IdempotencyClaim, StoreError> {
                    sqlx::query(&$d.sql(
                        "DELETE FROM idempotency_keys WHERE created_at < ? \
                         OR (response_status IS NULL AND created_at < ?)",
                    ))
                    .bind(forget_before)
                    .bind(abandoned_before)
                    .execute(&self.$write)
                    .await?;
                    // The primary key decides which of simultaneous requests
                    // with one key does the work.
                    let claimed = sqlx::query(&$d.sql(
                        "INSERT INTO idempotency_keys (client_id, key, fingerprint, created_at) \
                         VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    ))
                    .bind(client_id)
                    .bind(key)
                    .bind(fingerprint)
                    .bind(now)
                    .execute(&self.$write)
                    .await?;
                    if claimed.rows_affected() == 1 {
                        return Ok(IdempotencyClaim::Claimed);
                    }
                    let row: Option<(Vec<u8>, Option<i32>, Option<Vec<u8>>)> =
                        sqlx::query_as(&$d.sql(
                            "SELECT fingerprint, response_status, response_body \
                             FROM idempotency_keys WHERE client_id = ? AND key = ?",
                        ))
                        .bind(client_id)
                        .bind(key)
                        .fetch_optional(&self.$write)
                        .await?;
                    Ok(match row {
                        // Released between the two statements: the client
                        // may simply retry.
                        None => IdempotencyClaim::InFlight,
                        Some((stored, _, _)) if stored != fingerprint => IdempotencyClaim::Mismatch,
                        Some((_, Some(status), Some(body))) => IdempotencyClaim::Done {
                            status: u16::try_from(status)
                                .map_err(|_| StoreError::Corrupt("response status".into()))?,
                            body,
                        },
                        Some(_) => IdempotencyClaim::InFlight,
                    })
                }

                async fn finish_idempotency_key(
                    &self,
                    client_id: Uuid,
                    key: &str,
                    status: u16,
                    body: &[u8],
                ) -> Result<(), StoreError> {
                    sqlx::query(&$d.sql(
                        "UPDATE idempotency_keys SET response_status = ?, response_body = ? \
                         WHERE client_id = ? AND key = ?",
                    ))
                    .bind(i32::from(status))
                    .bind(body)
                    .bind(client_id)
                    .bind(key)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }

                async fn change_events_after(
                    &self,
                    organisation_id: Uuid,
                    after: i64,
                    kinds: &[ChangeEventType],
                    limit: u32,
                ) -> Result<Vec<StoredEvent>, StoreError> {
                    // The kinds are a closed list of names, bound as values.
                    let all: Vec<&str> = ChangeEventType::ALL.iter().map(|k| k.as_str()).collect();
                    let wanted: Vec<&str> = if kinds.is_empty() {
                        all
                    } else {
                        kinds.iter().map(|k| k.as_str()).collect()
                    };
                    let mut sql = format!(
                        "SELECT {EVENT_COLUMNS} FROM change_events WHERE organisation_id = ? \
                         AND position > ? AND kind IN ("
                    );
                    sql.push_str(&vec!["?"; wanted.len()].join(", "));
                    sql.push_str(") ORDER BY position LIMIT ?");
                    let sql = $d.sql(&sql);
                    let mut query = sqlx::query_as::<_, EventRow>(&sql)
                        .bind(organisation_id)
                        .bind(after);
                    for kind in wanted {
                        query = query.bind(kind);
                    }
                    let rows = query.bind(i64::from(limit)).fetch_all(&self.$read).await?;
                    convert_all(rows)
                }

                async fn release_idempotency_key(
                    &self,
                    client_id: Uuid,
                    key: &str,
                ) -> Result<(), StoreError> {
                    sqlx::query(&$d.sql(
                        "DELETE FROM idempotency_keys WHERE client_id = ? AND key = ? \
                         AND response_status IS NULL",
                    ))
                    .bind(client_id)
                    .bind(key)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }
            }
        }
    };
}

pub(super) use integration_impl;
