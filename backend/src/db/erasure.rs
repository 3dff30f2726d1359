//! Storage for erasure: a person erased on request or when their retention
//! period ends, a registration erased when its own ends, and what the
//! retention job finds due.
//!
//! What an erasure deletes and what it keeps is decided here, in one
//! transaction per person, so that nothing of theirs is left half-erased:
//! the person's row, login codes, applicant sessions, consents,
//! registrations (with their answers), remarks and worklist entries go,
//! and so do the person's earlier change events (each held the DUF-number).
//! One `person.erased` change event is written in their place, with the
//! DUF-number: it is the integration key subscribed systems need to find
//! and delete their own copy, and the only personal value left. It names
//! no person id (the nil UUID), so that it cannot be joined to the audit
//! log's earlier events about the person, whose ids the hash chain keeps.
//! The statistics' facts (migration 0011) name no one and stay.
//!
//! Both engines run the same SQL here, written once in `erasure_impl!`
//! (see the module documentation of `db` for why a macro).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kartlegg_shared::domain::DufNumber;
use uuid::Uuid;

use super::StoreError;

/// How many rows of each kind an erasure deleted: no personal data, so the
/// audit event and the operator's output can carry it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erased {
    pub registrations: u64,
    pub consents: u64,
    pub login_codes: u64,
    pub sessions: u64,
    pub remarks: u64,
    pub worklist_entries: u64,
    pub change_events: u64,
}

impl Erased {
    /// As the audit event's field list: `kind:count`.
    pub fn fields(&self) -> Vec<String> {
        [
            ("registrations", self.registrations),
            ("consents", self.consents),
            ("login_codes", self.login_codes),
            ("sessions", self.sessions),
            ("remarks", self.remarks),
            ("worklist_entries", self.worklist_entries),
            ("change_events", self.change_events),
        ]
        .into_iter()
        .map(|(kind, n)| format!("{kind}:{n}"))
        .collect()
    }
}

/// A person the retention job would erase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuePerson {
    pub id: Uuid,
    pub duf_number: DufNumber,
    pub organisation_id: Uuid,
    pub created_at: DateTime<Utc>,
}

/// A registration the retention job would erase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRegistration {
    pub id: Uuid,
    pub person_id: Uuid,
    pub organisation_id: Uuid,
    pub duf_number: DufNumber,
    /// The person's first, second, … registration.
    pub number: i64,
    /// Its last change (the completion, for a completed one).
    pub updated_at: DateTime<Utc>,
}

/// An answer kept for an Idempotency-Key replay (sealed: see
/// `services::kept_answers`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAnswer {
    pub client_id: Uuid,
    pub key: String,
    /// SHA-256 of the operation and the request body.
    pub fingerprint: Vec<u8>,
    pub sealed: Vec<u8>,
}

/// Erasure's storage operations (a part of [`super::Store`]).
#[async_trait]
pub trait ErasureStore {
    /// Erases the person and everything that names them, and writes the
    /// `person.erased` change event, in one transaction; `None`, changing
    /// nothing, when there is no such person (already erased).
    async fn erase_person(
        &self,
        person_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Option<Erased>, StoreError>;

    /// Up to `limit` people with no activity at or after `cutoff`: created
    /// before it, and no registration saved, code issued, session used,
    /// consent answered, remark written or change event (an identity
    /// change) since. Oldest first.
    async fn people_inactive_since(
        &self,
        cutoff: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<DuePerson>, StoreError>;

    /// Up to `limit` registrations last changed before `cutoff`, oldest
    /// first.
    async fn registrations_changed_before(
        &self,
        cutoff: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<DueRegistration>, StoreError>;

    /// Deletes the registration if it still was last changed before
    /// `cutoff` (its facts stay); whether it did.
    async fn erase_registration(&self, id: Uuid, cutoff: DateTime<Utc>)
    -> Result<bool, StoreError>;

    /// Deletes `person.erased` change events that occurred before
    /// `cutoff`: the DUF-number is kept only as long as systems need to
    /// learn of the erasure. How many it deleted.
    async fn forget_erasure_notices(&self, cutoff: DateTime<Utc>) -> Result<u64, StoreError>;

    /// The answers kept for the replays of the organisation's API clients:
    /// an erasure finds those about the person (they may hold a code or
    /// the identity) and forgets them.
    async fn kept_answers_of(&self, organisation_id: Uuid) -> Result<Vec<KeptAnswer>, StoreError>;

    /// Forgets a client's key and its kept answer: a retry with it does the
    /// work again (and finds no one).
    async fn forget_kept_answer(&self, client_id: Uuid, key: &str) -> Result<(), StoreError>;
}

#[derive(sqlx::FromRow)]
pub(super) struct DuePersonRow {
    id: Uuid,
    duf_number: String,
    organisation_id: Uuid,
    created_at: DateTime<Utc>,
}

impl TryFrom<DuePersonRow> for DuePerson {
    type Error = StoreError;
    fn try_from(row: DuePersonRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            duf_number: DufNumber::parse(&row.duf_number)
                .map_err(|_| StoreError::Corrupt("DUF-number".into()))?,
            organisation_id: row.organisation_id,
            created_at: row.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct DueRegistrationRow {
    id: Uuid,
    person_id: Uuid,
    organisation_id: Uuid,
    duf_number: String,
    number: i64,
    updated_at: DateTime<Utc>,
}

impl TryFrom<DueRegistrationRow> for DueRegistration {
    type Error = StoreError;
    fn try_from(row: DueRegistrationRow) -> Result<Self, Self::Error> {
        Ok(Self {
            id: row.id,
            person_id: row.person_id,
            organisation_id: row.organisation_id,
            duf_number: DufNumber::parse(&row.duf_number)
                .map_err(|_| StoreError::Corrupt("DUF-number".into()))?,
            number: row.number,
            updated_at: row.updated_at,
        })
    }
}

/// Expands to `impl ErasureStore for $store`; `$read` and `$write` name
/// the pools for reads and writes, `$d` is the engine's dialect.
macro_rules! erasure_impl {
    ($store:ident, $read:ident, $write:ident, $d:path) => {
        mod erasure_store {
            use chrono::{DateTime, Utc};
            use kartlegg_shared::integration::ChangeEventType;
            use uuid::Uuid;

            use crate::db::StoreError;
            use crate::db::erasure::{
                DuePerson, DuePersonRow, DueRegistration, DueRegistrationRow, Erased,
                ErasureStore, KeptAnswer,
            };

            #[async_trait::async_trait]
            impl ErasureStore for super::$store {
                async fn erase_person(
                    &self,
                    person_id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<Option<Erased>, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    // Two instances' retention jobs (or a job and a
                    // counsellor) may erase the same person at once: the
                    // second waits here and then finds no one, instead of
                    // writing a second `person.erased` event.
                    if let Some(lock) = $d.lock_person {
                        sqlx::query(&$d.sql(lock))
                            .bind(person_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    let found: Option<(String, Uuid)> = sqlx::query_as(&$d.sql(
                        "SELECT duf_number, organisation_id FROM people WHERE id = ?",
                    ))
                    .bind(person_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some((duf_number, organisation_id)) = found else {
                        return Ok(None);
                    };
                    let mut erased = Erased::default();
                    let mut delete = async |sql: &str| -> Result<u64, StoreError> {
                        Ok(sqlx::query(&$d.sql(sql))
                            .bind(person_id)
                            .execute(&mut *tx)
                            .await?
                            .rows_affected())
                    };
                    // Sessions before the codes they were opened with.
                    erased.sessions =
                        delete("DELETE FROM applicant_sessions WHERE person_id = ?").await?;
                    erased.login_codes =
                        delete("DELETE FROM login_codes WHERE person_id = ?").await?;
                    erased.consents = delete("DELETE FROM consents WHERE person_id = ?").await?;
                    erased.registrations =
                        delete("DELETE FROM registrations WHERE person_id = ?").await?;
                    erased.remarks = delete("DELETE FROM remarks WHERE person_id = ?").await?;
                    erased.worklist_entries =
                        delete("DELETE FROM worklist_entries WHERE person_id = ?").await?;
                    // Registering together: the applicant's language and
                    // the interpreter (the table cascades too; said here so
                    // that what an erasure removes reads in one place).
                    delete("DELETE FROM together_sessions WHERE person_id = ?").await?;
                    // Each held the DUF-number; a system still behind reads
                    // the erasure below instead, which is all it needs.
                    // Their webhook deliveries (and attempts) go with them.
                    delete(
                        "DELETE FROM webhook_deliveries WHERE event_id IN \
                         (SELECT id FROM change_events WHERE person_id = ?)",
                    )
                    .await?;
                    erased.change_events =
                        delete("DELETE FROM change_events WHERE person_id = ?").await?;
                    delete("DELETE FROM people WHERE id = ?").await?;
                    if let Some(lock) = $d.lock_events {
                        sqlx::query(lock).execute(&mut *tx).await?;
                    }
                    let notice = Uuid::new_v4();
                    sqlx::query(&$d.sql(
                        "INSERT INTO change_events (id, kind, organisation_id, duf_number, \
                         person_id, registration_id, occurred_at) VALUES (?, ?, ?, ?, ?, NULL, ?)",
                    ))
                    .bind(notice)
                    .bind(ChangeEventType::PersonErased.as_str())
                    .bind(organisation_id)
                    .bind(duf_number)
                    .bind(Uuid::nil())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    // Told to the organisation's webhooks too.
                    sqlx::query(&$d.sql(&format!("{}?", crate::db::events::FAN_OUT)))
                        .bind(notice)
                        .bind(now)
                        .bind(now)
                        .bind(ChangeEventType::PersonErased.as_str())
                        .bind(organisation_id)
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    Ok(Some(erased))
                }

                async fn people_inactive_since(
                    &self,
                    cutoff: DateTime<Utc>,
                    limit: i64,
                ) -> Result<Vec<DuePerson>, StoreError> {
                    let rows: Vec<DuePersonRow> = sqlx::query_as(&$d.sql(
                        "SELECT p.id, p.duf_number, p.organisation_id, p.created_at FROM people p \
                         WHERE p.created_at < ? \
                         AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id \
                         AND r.updated_at >= ?) \
                         AND NOT EXISTS (SELECT 1 FROM login_codes l WHERE l.person_id = p.id \
                         AND l.created_at >= ?) \
                         AND NOT EXISTS (SELECT 1 FROM applicant_sessions s WHERE s.person_id = \
                         p.id AND s.last_seen_at >= ?) \
                         AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = p.id \
                         AND c.decided_at >= ?) \
                         AND NOT EXISTS (SELECT 1 FROM remarks m WHERE m.person_id = p.id \
                         AND m.created_at >= ?) \
                         AND NOT EXISTS (SELECT 1 FROM change_events e WHERE e.person_id = p.id \
                         AND e.occurred_at >= ?) \
                         ORDER BY p.created_at, p.id LIMIT ?",
                    ))
                    .bind(cutoff)
                    .bind(cutoff)
                    .bind(cutoff)
                    .bind(cutoff)
                    .bind(cutoff)
                    .bind(cutoff)
                    .bind(cutoff)
                    .bind(limit)
                    .fetch_all(&self.$read)
                    .await?;
                    rows.into_iter().map(TryInto::try_into).collect()
                }

                async fn registrations_changed_before(
                    &self,
                    cutoff: DateTime<Utc>,
                    limit: i64,
                ) -> Result<Vec<DueRegistration>, StoreError> {
                    let rows: Vec<DueRegistrationRow> = sqlx::query_as(&$d.sql(
                        "SELECT r.id, r.person_id, p.organisation_id, p.duf_number, r.number, \
                         r.updated_at FROM registrations r JOIN people p ON p.id = r.person_id \
                         WHERE r.updated_at < ? ORDER BY r.updated_at, r.id LIMIT ?",
                    ))
                    .bind(cutoff)
                    .bind(limit)
                    .fetch_all(&self.$read)
                    .await?;
                    rows.into_iter().map(TryInto::try_into).collect()
                }

                async fn erase_registration(
                    &self,
                    id: Uuid,
                    cutoff: DateTime<Utc>,
                ) -> Result<bool, StoreError> {
                    // The condition is checked again here: a save since the
                    // job listed it makes the registration current again.
                    let done = sqlx::query(&$d.sql(
                        "DELETE FROM registrations WHERE id = ? AND updated_at < ?",
                    ))
                    .bind(id)
                    .bind(cutoff)
                    .execute(&self.$write)
                    .await?;
                    Ok(done.rows_affected() == 1)
                }

                async fn forget_erasure_notices(
                    &self,
                    cutoff: DateTime<Utc>,
                ) -> Result<u64, StoreError> {
                    sqlx::query(&$d.sql(
                        "DELETE FROM webhook_deliveries WHERE event_id IN (SELECT id FROM \
                         change_events WHERE kind = ? AND occurred_at < ?)",
                    ))
                    .bind(ChangeEventType::PersonErased.as_str())
                    .bind(cutoff)
                    .execute(&self.$write)
                    .await?;
                    let done = sqlx::query(&$d.sql(
                        "DELETE FROM change_events WHERE kind = ? AND occurred_at < ?",
                    ))
                    .bind(ChangeEventType::PersonErased.as_str())
                    .bind(cutoff)
                    .execute(&self.$write)
                    .await?;
                    Ok(done.rows_affected())
                }

                async fn kept_answers_of(
                    &self,
                    organisation_id: Uuid,
                ) -> Result<Vec<KeptAnswer>, StoreError> {
                    let rows: Vec<(Uuid, String, Vec<u8>, Vec<u8>)> = sqlx::query_as(&$d.sql(
                        "SELECT k.client_id, k.key, k.fingerprint, k.response_body FROM \
                         idempotency_keys k JOIN api_clients c ON c.id = k.client_id WHERE \
                         c.organisation_id = ? AND k.response_body IS NOT NULL",
                    ))
                    .bind(organisation_id)
                    .fetch_all(&self.$write)
                    .await?;
                    Ok(rows
                        .into_iter()
                        .map(|(client_id, key, fingerprint, sealed)| KeptAnswer {
                            client_id,
                            key,
                            fingerprint,
                            sealed,
                        })
                        .collect())
                }

                async fn forget_kept_answer(
                    &self,
                    client_id: Uuid,
                    key: &str,
                ) -> Result<(), StoreError> {
                    sqlx::query(&$d.sql(
                        "DELETE FROM idempotency_keys WHERE client_id = ? AND key = ?",
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

pub(super) use erasure_impl;
