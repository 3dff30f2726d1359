//! The applicant half of [`super::Store`], written once for both engines:
//! organisations and people, login codes and throttles, sessions, consent
//! and registrations. Each engine module expands `applicant_impl!` over
//! its own store; the SQL is the same but for what [`super::dialect`]
//! names.

/// Expands to `impl Store for $store` in a module of its own. `$read` and
/// `$write` name the pools for reads and writes (the same pool on
/// PostgreSQL); `$db` is the sqlx database; `$d` is the engine's
/// [`super::dialect::Dialect`]. The module also holds `save_drafts`, the
/// batch writer the engine's [`super::group_commit::GroupCommit`] calls.
macro_rules! applicant_impl {
    ($store:ident, $db:ty, $read:ident, $write:ident, $d:path) => {
        pub(super) mod applicant_store {
            use async_trait::async_trait;
            use chrono::{DateTime, Utc};
            use kartlegg_shared::api::{CONSENT_VERSION, RegistrationStatus};
            use kartlegg_shared::caseworker::CodeEndReason;
            use kartlegg_shared::domain::DufNumber;
            use uuid::Uuid;

            use kartlegg_shared::integration::ChangeEventType;

            use crate::db::events::record_event;
            use crate::db::facts::insert_facts;
            use crate::db::rows::{
                ConsentRow, LOGIN_CODE_COLUMNS, LoginCodeRow, OrganisationRow, PERSON_COLUMNS,
                PersonRow, RegistrationRow, SESSION_COLUMNS, SessionReadRow, SessionRow, convert_all, decision_str,
                status_str, to_json_text,
            };
            use crate::db::{
                ApplicantSessionRead, ApplicantSessionRecord, Consent, DraftUpdate, Engine, LoginCodeRecord,
                LoginThrottle, NewApplicantSession, NewLoginCode, NewOrganisation, NewPerson,
                Organisation, Person, PreparedSave, Store, StoreError, StoredRegistration,
                fold_name,
            };

            /// Writes a batch of draft saves in one transaction (group
            /// commit), one result per save in order: the row as saved, or
            /// `Stale` for a save whose revision was taken (by another
            /// save, possibly earlier in the same batch, exactly as if they
            /// had come one after another). The rows come back without the
            /// answers, parts and provenance, which the caller has: reading back and
            /// parsing what was just written would cost the one writer time.
            pub(in crate::db) async fn save_drafts(
                pool: sqlx::Pool<$db>,
                saves: Vec<PreparedSave>,
            ) -> Vec<Result<RegistrationRow, StoreError>> {
                let sql = format!(
                    "UPDATE registrations SET revision = revision + 1, answers = ?{JSON}, \
                     saved_sections = ?{JSON}, updated_at = ?, \
                     language = COALESCE(?, language), provenance = ?{JSON} \
                     WHERE id = ? AND person_id = ? AND status = 'draft' AND revision = ? \
                     RETURNING id, person_id, number, status, questionnaire_version, revision, \
                     '{{}}' AS answers, '[]' AS saved_sections, created_at, updated_at, \
                     completed_at, language, '{{}}' AS provenance"
                );
                let sql = $d.sql(&sql);
                match save_together(&pool, &sql, &saves).await {
                    Ok(rows) => rows,
                    // A save that fails the whole transaction must not fail
                    // the others with it: each is written on its own.
                    Err(_) if saves.len() > 1 => {
                        let mut rows = Vec::with_capacity(saves.len());
                        for save in &saves {
                            rows.push(save_alone(&pool, &sql, save).await);
                        }
                        rows
                    }
                    Err(error) => vec![Err(error)],
                }
            }

            async fn save_together(
                pool: &sqlx::Pool<$db>,
                sql: &str,
                saves: &[PreparedSave],
            ) -> Result<Vec<Result<RegistrationRow, StoreError>>, StoreError> {
                let mut tx = pool.begin_with($d.begin_write).await?;
                let mut rows = Vec::with_capacity(saves.len());
                for save in saves {
                    rows.push(save_one(&mut tx, sql, save).await?.ok_or(StoreError::Stale));
                }
                tx.commit().await?;
                Ok(rows)
            }

            async fn save_alone(
                pool: &sqlx::Pool<$db>,
                sql: &str,
                save: &PreparedSave,
            ) -> Result<RegistrationRow, StoreError> {
                let mut tx = pool.begin_with($d.begin_write).await?;
                let row = save_one(&mut tx, sql, save).await?;
                tx.commit().await?;
                row.ok_or(StoreError::Stale)
            }

            async fn save_one(
                tx: &mut sqlx::Transaction<'_, $db>,
                sql: &str,
                save: &PreparedSave,
            ) -> Result<Option<RegistrationRow>, StoreError> {
                Ok(sqlx::query_as(sql)
                    .bind(&save.answers)
                    .bind(&save.saved_sections)
                    .bind(save.now)
                    .bind(save.language.as_deref())
                    .bind(&save.provenance)
                    .bind(save.id)
                    .bind(save.person_id)
                    .bind(save.expected_revision)
                    .fetch_optional(&mut **tx)
                    .await?)
            }

            const REGISTRATION_COLUMNS: &str = $d.registration_columns;
            const JSON: &str = $d.json_cast;

            #[async_trait]
            impl Store for super::$store {
                fn engine(&self) -> Engine {
                    $d.engine
                }

                fn pool_use(&self) -> Vec<crate::db::PoolUse> {
                    let of = |name, pool: &sqlx::Pool<_>| crate::db::PoolUse {
                        name,
                        size: pool.size(),
                        idle: pool.num_idle(),
                    };
                    let mut pools = vec![of(stringify!($write), &self.$write)];
                    // SQLite reads through a pool of its own; PostgreSQL has one.
                    if stringify!($read) != stringify!($write) {
                        pools.push(of(stringify!($read), &self.$read));
                    }
                    pools
                }

                fn save_commits(&self) -> crate::db::group_commit::CommitStats {
                    self.saves.stats().clone()
                }

                async fn ping(&self) -> Result<(), StoreError> {
                    sqlx::query("SELECT 1").execute(&self.$read).await?;
                    Ok(())
                }

                async fn create_organisation(
                    &self,
                    new: &NewOrganisation,
                ) -> Result<Organisation, StoreError> {
                    let row: OrganisationRow = sqlx::query_as(
                        &$d.sql("INSERT INTO organisations (id, number, name, kind, created_at) \
                         VALUES (?, ?, ?, ?, ?) RETURNING id, number, name, kind, created_at"),
                    )
                    .bind(Uuid::new_v4())
                    .bind(&new.number)
                    .bind(&new.name)
                    .bind(new.kind.as_str())
                    .bind(Utc::now())
                    .fetch_one(&self.$write)
                    .await?;
                    row.try_into()
                }

                async fn organisation_by_number(
                    &self,
                    number: &str,
                ) -> Result<Option<Organisation>, StoreError> {
                    let row: Option<OrganisationRow> = sqlx::query_as(
                        &$d.sql("SELECT id, number, name, kind, created_at FROM organisations \
                                 WHERE number = ?"),
                    )
                    .bind(number)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn list_organisations(&self) -> Result<Vec<Organisation>, StoreError> {
                    let rows: Vec<OrganisationRow> = sqlx::query_as(
                        &$d.sql("SELECT id, number, name, kind, created_at FROM organisations \
                                 ORDER BY number"),
                    )
                    .fetch_all(&self.$read)
                    .await?;
                    convert_all(rows)
                }

                async fn create_person(&self, new: &NewPerson) -> Result<Person, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    let row: PersonRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO people (id, duf_number, organisation_id, first_name, \
                             last_name, created_at, first_name_key, last_name_key) VALUES (?, ?, \
                             ?, ?, ?, ?, ?, ?) RETURNING {PERSON_COLUMNS}"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(new.duf_number.as_str())
                    .bind(new.organisation_id)
                    .bind(&new.first_name)
                    .bind(&new.last_name)
                    .bind(Utc::now())
                    .bind(fold_name(&new.first_name))
                    .bind(fold_name(&new.last_name))
                    .fetch_one(&mut *tx)
                    .await?;
                    let person: Person = row.try_into()?;
                    let none: Option<Uuid> = None;
                    record_event!($d, tx, ChangeEventType::PersonCreated, person.id, none, person.created_at);
                    tx.commit().await?;
                    Ok(person)
                }

                async fn person_by_duf(
                    &self,
                    duf: &DufNumber,
                ) -> Result<Option<Person>, StoreError> {
                    let row: Option<PersonRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {PERSON_COLUMNS} FROM people WHERE duf_number = ?"
                    )))
                    .bind(duf.as_str())
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn person_by_id(&self, id: Uuid) -> Result<Option<Person>, StoreError> {
                    let row: Option<PersonRow> = sqlx::query_as(
                        &$d.sql(&format!("SELECT {PERSON_COLUMNS} FROM people WHERE id = ?")),
                    )
                    .bind(id)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn organisation_by_id(
                    &self,
                    id: Uuid,
                ) -> Result<Option<Organisation>, StoreError> {
                    let row: Option<OrganisationRow> = sqlx::query_as(&$d.sql(
                        "SELECT id, number, name, kind, created_at FROM organisations WHERE id = ?",
                    ))
                    .bind(id)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn issue_login_code(
                    &self,
                    new: &NewLoginCode,
                    max_recent: i64,
                    recent_since: DateTime<Utc>,
                ) -> Result<Option<LoginCodeRecord>, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    // Serialise issues for one person: the count below and the insert
                    // must see the same rows.
                    if let Some(lock) = $d.lock_person {
                        sqlx::query(&$d.sql(lock))
                            .bind(new.person_id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    let (recent,): (i64,) = sqlx::query_as(&$d.sql(
                        "SELECT COUNT(*) FROM login_codes WHERE person_id = ? AND created_at >= ?",
                    ))
                    .bind(new.person_id)
                    .bind(recent_since)
                    .fetch_one(&mut *tx)
                    .await?;
                    if recent >= max_recent {
                        return Ok(None);
                    }
                    sqlx::query(&$d.sql(
                        "UPDATE login_codes SET ended_at = ?, end_reason = ? \
                         WHERE person_id = ? AND ended_at IS NULL",
                    ))
                    .bind(new.created_at)
                    .bind(CodeEndReason::Replaced.as_str())
                    .bind(new.person_id)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        &$d.sql("UPDATE applicant_sessions SET ended_at = ? WHERE person_id = ? \
                                 AND ended_at IS NULL"),
                    )
                    .bind(new.created_at)
                    .bind(new.person_id)
                    .execute(&mut *tx)
                    .await?;
                    let row: LoginCodeRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO login_codes (id, person_id, code_hash, created_at, \
                         expires_at) VALUES (?, ?, ?, ?, ?) RETURNING {LOGIN_CODE_COLUMNS}"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(new.person_id)
                    .bind(&new.code_hash)
                    .bind(new.created_at)
                    .bind(new.expires_at)
                    .fetch_one(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    row.try_into().map(Some)
                }

                async fn current_login_code(
                    &self,
                    person_id: Uuid,
                ) -> Result<Option<LoginCodeRecord>, StoreError> {
                    let row: Option<LoginCodeRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {LOGIN_CODE_COLUMNS} FROM login_codes \
                         WHERE person_id = ? AND ended_at IS NULL"
                    )))
                    .bind(person_id)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn reserve_code_try(
                    &self,
                    code_id: Uuid,
                    max_tries: i64,
                ) -> Result<Option<i64>, StoreError> {
                    let tries: Option<(i64,)> = sqlx::query_as(
                        &$d.sql("UPDATE login_codes SET wrong_tries = wrong_tries + 1 WHERE id = ? \
                         AND ended_at IS NULL AND wrong_tries < ? RETURNING wrong_tries"),
                    )
                    .bind(code_id)
                    .bind(max_tries)
                    .fetch_optional(&self.$write)
                    .await?;
                    Ok(tries.map(|(t,)| t))
                }

                async fn refund_code_try(&self, code_id: Uuid) -> Result<(), StoreError> {
                    sqlx::query(
                        &$d.sql("UPDATE login_codes SET wrong_tries = wrong_tries - 1 WHERE id = ? \
                                 AND wrong_tries > 0"),
                    )
                    .bind(code_id)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }

                async fn end_exhausted_code(
                    &self,
                    code_id: Uuid,
                    max_tries: i64,
                    now: DateTime<Utc>,
                ) -> Result<(), StoreError> {
                    sqlx::query(&$d.sql(
                        "UPDATE login_codes SET ended_at = ?, end_reason = ? \
                         WHERE id = ? AND ended_at IS NULL AND wrong_tries >= ?",
                    ))
                    .bind(now)
                    .bind(CodeEndReason::TooManyTries.as_str())
                    .bind(code_id)
                    .bind(max_tries)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }

                async fn login_throttle(
                    &self,
                    key: &[u8],
                ) -> Result<Option<LoginThrottle>, StoreError> {
                    // From the writer: a compare-and-swap must start from the newest row.
                    let row: Option<(i64, i64, i64)> = sqlx::query_as(
                        &$d.sql("SELECT failures, last_failure_at, next_try_at FROM \
                                 login_throttles WHERE key = ?"),
                    )
                    .bind(key)
                    .fetch_optional(&self.$write)
                    .await?;
                    Ok(
                        row.map(|(failures, last_failure_at, next_try_at)| LoginThrottle {
                            failures,
                            last_failure_at,
                            next_try_at,
                        }),
                    )
                }

                async fn swap_login_throttle(
                    &self,
                    key: &[u8],
                    expected: Option<&LoginThrottle>,
                    new: &LoginThrottle,
                    forget_before: i64,
                ) -> Result<bool, StoreError> {
                    let done =
                        match expected {
                            None => {
                                sqlx::query(&$d.sql("DELETE FROM login_throttles WHERE \
                                                     last_failure_at < ?"))
                                    .bind(forget_before)
                                    .execute(&self.$write)
                                    .await?;
                                sqlx::query(
                                    &$d.sql("INSERT INTO login_throttles (key, failures, \
                                 last_failure_at, next_try_at) VALUES (?, ?, ?, ?) ON CONFLICT \
                                 (key) DO NOTHING"),
                                )
                                .bind(key)
                                .bind(new.failures)
                                .bind(new.last_failure_at)
                                .bind(new.next_try_at)
                                .execute(&self.$write)
                                .await?
                            }
                            Some(old) => sqlx::query(
                                &$d.sql("UPDATE login_throttles SET failures = ?, last_failure_at \
                                 = ?, next_try_at = ? WHERE key = ? AND failures = ? AND \
                                 last_failure_at = ? AND next_try_at = ?"),
                            )
                            .bind(new.failures)
                            .bind(new.last_failure_at)
                            .bind(new.next_try_at)
                            .bind(key)
                            .bind(old.failures)
                            .bind(old.last_failure_at)
                            .bind(old.next_try_at)
                            .execute(&self.$write)
                            .await?,
                        };
                    Ok(done.rows_affected() == 1)
                }

                async fn clear_login_throttle(&self, key: &[u8]) -> Result<(), StoreError> {
                    sqlx::query(&$d.sql("DELETE FROM login_throttles WHERE key = ?"))
                        .bind(key)
                        .execute(&self.$write)
                        .await?;
                    Ok(())
                }

                async fn create_applicant_session(
                    &self,
                    new: &NewApplicantSession,
                ) -> Result<ApplicantSessionRecord, StoreError> {
                    let row: SessionRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO applicant_sessions \
                         (id, person_id, code_id, created_at, last_seen_at, expires_at) \
                         VALUES (?, ?, ?, ?, ?, ?) RETURNING {SESSION_COLUMNS}"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(new.person_id)
                    .bind(new.code_id)
                    .bind(new.created_at)
                    .bind(new.created_at)
                    .bind(new.expires_at)
                    .fetch_one(&self.$write)
                    .await?;
                    row.try_into()
                }

                async fn applicant_session(
                    &self,
                    id: Uuid,
                ) -> Result<Option<ApplicantSessionRead>, StoreError> {
                    // The consent is the newest decision on the current
                    // declaration, as `has_consented` reads a person's list.
                    let row: Option<SessionReadRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {SESSION_COLUMNS}, COALESCE((SELECT c.decision = 'accept' \
                         FROM consents c WHERE c.person_id = applicant_sessions.person_id \
                         AND c.version = ? ORDER BY c.seq DESC LIMIT 1), FALSE) AS consented \
                         FROM applicant_sessions WHERE id = ?"
                    )))
                    .bind(CONSENT_VERSION)
                    .bind(id)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn touch_applicant_session(
                    &self,
                    id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<(), StoreError> {
                    sqlx::query(
                        &$d.sql("UPDATE applicant_sessions SET last_seen_at = ? WHERE id = ?"),
                    )
                    .bind(now)
                    .bind(id)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }

                async fn end_applicant_sessions(
                    &self,
                    code_id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<(), StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    sqlx::query(
                        &$d.sql("UPDATE applicant_sessions SET ended_at = ? WHERE code_id = ? AND \
                                 ended_at IS NULL"),
                    )
                    .bind(now)
                    .bind(code_id)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        &$d.sql("UPDATE login_codes SET ended_at = ?, end_reason = ? WHERE id = ? \
                                 AND ended_at IS NULL"),
                    )
                    .bind(now)
                    .bind(CodeEndReason::LoggedOut.as_str())
                    .bind(code_id)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn end_person_sessions(
                    &self,
                    person_id: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<u64, StoreError> {
                    let ended = sqlx::query(
                        &$d.sql("UPDATE applicant_sessions SET ended_at = ? WHERE person_id = ? \
                                 AND ended_at IS NULL"),
                    )
                    .bind(now)
                    .bind(person_id)
                    .execute(&self.$write)
                    .await?;
                    Ok(ended.rows_affected())
                }

                async fn record_consent(&self, consent: &Consent) -> Result<(), StoreError> {
                    sqlx::query(
                        &$d.sql("INSERT INTO consents (person_id, version, decision, decided_at) \
                                 VALUES (?, ?, ?, ?)"),
                    )
                    .bind(consent.person_id)
                    .bind(&consent.version)
                    .bind(decision_str(consent.decision))
                    .bind(consent.decided_at)
                    .execute(&self.$write)
                    .await?;
                    Ok(())
                }

                async fn consents(&self, person_id: Uuid) -> Result<Vec<Consent>, StoreError> {
                    let rows: Vec<ConsentRow> = sqlx::query_as(&$d.sql(
                        "SELECT person_id, version, decision, decided_at FROM consents \
                         WHERE person_id = ? ORDER BY seq DESC",
                    ))
                    .bind(person_id)
                    .fetch_all(&self.$read)
                    .await?;
                    convert_all(rows)
                }

                async fn create_registration(
                    &self,
                    person_id: Uuid,
                    questionnaire_version: u32,
                    now: DateTime<Utc>,
                ) -> Result<StoredRegistration, StoreError> {
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    // A draft after a completed registration is news to the
                    // systems that hold the completed one; a first draft is not.
                    let after_completed: bool = sqlx::query_scalar(&$d.sql(
                        "SELECT EXISTS (SELECT 1 FROM registrations WHERE person_id = ? \
                         AND status = 'completed')",
                    ))
                    .bind(person_id)
                    .fetch_one(&mut *tx)
                    .await?;
                    let row: RegistrationRow = sqlx::query_as(&$d.sql(&format!(
                        "INSERT INTO registrations (id, person_id, number, status, \
                         questionnaire_version, revision, answers, saved_sections, created_at, \
                         updated_at) VALUES (?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM \
                         registrations WHERE person_id = ?), 'draft', ?, 0, '{{}}'{JSON}, \
                         '[]'{JSON}, ?, ?) RETURNING {REGISTRATION_COLUMNS}"
                    )))
                    .bind(Uuid::new_v4())
                    .bind(person_id)
                    .bind(person_id)
                    .bind(i64::from(questionnaire_version))
                    .bind(now)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?;
                    let created: StoredRegistration = row.try_into()?;
                    if after_completed {
                        record_event!($d, tx, ChangeEventType::RegistrationStarted, person_id, Some(created.id), now);
                    }
                    tx.commit().await?;
                    Ok(created)
                }

                async fn latest_registration(
                    &self,
                    person_id: Uuid,
                ) -> Result<Option<StoredRegistration>, StoreError> {
                    let row: Option<RegistrationRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {REGISTRATION_COLUMNS} FROM registrations \
                         WHERE person_id = ? ORDER BY number DESC LIMIT 1"
                    )))
                    .bind(person_id)
                    .fetch_optional(&self.$read)
                    .await?;
                    row.map(TryInto::try_into).transpose()
                }

                async fn registrations(
                    &self,
                    person_id: Uuid,
                ) -> Result<Vec<StoredRegistration>, StoreError> {
                    let rows: Vec<RegistrationRow> = sqlx::query_as(&$d.sql(&format!(
                        "SELECT {REGISTRATION_COLUMNS} FROM registrations \
                         WHERE person_id = ? ORDER BY number DESC"
                    )))
                    .bind(person_id)
                    .fetch_all(&self.$read)
                    .await?;
                    convert_all(rows)
                }

                async fn update_draft(
                    &self,
                    update: &DraftUpdate,
                ) -> Result<StoredRegistration, StoreError> {
                    if !update.complete {
                        // A draft save writes no event: it joins the next
                        // group commit. The JSON is made here, on the
                        // caller's task, so that the committer only writes.
                        let save = PreparedSave {
                            id: update.id,
                            person_id: update.person_id,
                            expected_revision: update.expected_revision,
                            answers: to_json_text(&update.answers)?,
                            saved_sections: to_json_text(&update.saved_sections)?,
                            language: update.language.clone(),
                            provenance: to_json_text(&update.provenance)?,
                            now: update.now,
                        };
                        let row = self.saves.submit(update.person_id.as_u128(), save).await??;
                        let saved: StoredRegistration = row.try_into()?;
                        return Ok(StoredRegistration {
                            answers: update.answers.clone(),
                            saved_sections: update.saved_sections.clone(),
                            provenance: update.provenance.clone(),
                            ..saved
                        });
                    }
                    // A completion writes its event and facts in its own
                    // transaction.
                    let mut tx = self.$write.begin_with($d.begin_write).await?;
                    let row: Option<RegistrationRow> = sqlx::query_as(&$d.sql(&format!(
                        "UPDATE registrations SET revision = revision + 1, answers = ?{JSON}, \
                         saved_sections = ?{JSON}, updated_at = ?, status = ?, completed_at = ?, \
                         language = COALESCE(?, language), provenance = ?{JSON} \
                         WHERE id = ? AND person_id = ? AND status = 'draft' AND revision = ? \
                         RETURNING {REGISTRATION_COLUMNS}"
                    )))
                    .bind(to_json_text(&update.answers)?)
                    .bind(to_json_text(&update.saved_sections)?)
                    .bind(update.now)
                    .bind(status_str(RegistrationStatus::Completed))
                    .bind(update.now)
                    .bind(update.language.as_deref())
                    .bind(to_json_text(&update.provenance)?)
                    .bind(update.id)
                    .bind(update.person_id)
                    .bind(update.expected_revision)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let saved: StoredRegistration = row.ok_or(StoreError::Stale)?.try_into()?;
                    record_event!($d, tx, ChangeEventType::RegistrationCompleted, update.person_id, Some(saved.id), update.now);
                    if let Some(facts) = &update.facts {
                        insert_facts!($d, tx, saved.id, facts);
                    }
                    tx.commit().await?;
                    Ok(saved)
                }
            }
        }
    };
}

pub(super) use applicant_impl;
