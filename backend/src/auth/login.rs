//! Issuing codes and logging in with them. Every way a login can fail
//! (unknown DUF-number, wrong, expired or ended code, a value that cannot be
//! a code) is answered the same, and costs about the same work, so that an
//! answer reveals nothing about whom a DUF-number belongs to.

use chrono::{DateTime, Duration, Utc};
use kartlegg_shared::domain::DufNumber;
use uuid::Uuid;

use super::code::{LoginCode, code_hash, code_matches, keyed_hash};
use super::token::{self, Keys};
use crate::db::{ApplicantSessionRecord, NewApplicantSession, NewLoginCode, Person, Store};
use crate::error::ApiError;
use crate::state::AppState;

/// The wrong code that ends a person's current code.
pub const MAX_WRONG_CODES: i64 = 5;
/// Failed logins per DUF-number within [`FAILED_LOGIN_WINDOW_SECS`] after
/// which further attempts are refused (429) until the oldest ages out.
pub const MAX_FAILED_LOGINS: usize = 10;
/// The window of the failed-login limit: an hour.
pub const FAILED_LOGIN_WINDOW_SECS: i64 = 3600;

/// A code just issued: shown once to staff, then only its hash exists.
#[derive(Debug)]
pub struct IssuedCode {
    pub code: LoginCode,
    pub expires_at: DateTime<Utc>,
}

/// Issues a fresh code for `person`, ending any earlier one.
pub async fn issue_code(
    store: &dyn Store,
    keys: &Keys,
    person: &Person,
    now: DateTime<Utc>,
    ttl: Duration,
) -> anyhow::Result<IssuedCode> {
    let code = LoginCode::generate()?;
    let record = store
        .issue_login_code(&NewLoginCode {
            person_id: person.id,
            code_hash: code_hash(&keys.code, &person.duf_number, code.digits()),
            created_at: now,
            expires_at: now + ttl,
        })
        .await?;
    Ok(IssuedCode {
        code,
        expires_at: record.expires_at,
    })
}

/// A successful login.
#[derive(Debug)]
pub struct NewLogin {
    pub person: Person,
    pub session: ApplicantSessionRecord,
    /// The signed session token.
    pub token: String,
}

/// Checks a DUF-number and code as typed and opens a session.
pub async fn log_in(state: &AppState, duf: &str, code: &str) -> Result<NewLogin, ApiError> {
    let (Ok(duf), Some(code)) = (DufNumber::parse(duf), LoginCode::parse(code)) else {
        // Cannot be anyone's DUF-number and code: the same answer as a wrong one.
        return Err(ApiError::Unauthorized);
    };
    let store = state.store.as_ref();
    let keys = state.keys.as_ref();
    let now = state.clock.now();
    let throttle_key = keyed_hash(&keys.duf, &[duf.as_str().as_bytes()]);
    let window_start = now.timestamp() - FAILED_LOGIN_WINDOW_SECS;

    let failures = store
        .failed_logins_since(&throttle_key, window_start)
        .await?;
    if failures.len() >= MAX_FAILED_LOGINS {
        // Allowed again once failures drop below the limit: when the one
        // that made the limit leaves the window.
        let pivot = failures[failures.len() - MAX_FAILED_LOGINS];
        let retry_after = pivot + FAILED_LOGIN_WINDOW_SECS + 1 - now.timestamp();
        return Err(ApiError::TooManyRequests {
            retry_after_secs: u64::try_from(retry_after.max(1)).unwrap_or(1),
        });
    }

    let person = store.person_by_duf(&duf).await?;
    // Unknown DUF-numbers go through the same reads, hash and writes
    // (against an id no row has) so that they take about as long.
    let person_id = person.as_ref().map_or(Uuid::nil(), |p| p.id);
    let current = store.current_login_code(person_id).await?;
    let stored_hash = current
        .as_ref()
        .map_or(&[0u8; 32][..], |c| &c.code_hash[..]);
    let matches = code_matches(&keys.code, &duf, code.digits(), stored_hash);
    let usable = current.as_ref().filter(|c| c.is_usable(now));

    match (person, usable) {
        (Some(person), Some(current)) if matches => {
            let expires_at = now + state.config.session_max;
            let session = store
                .create_applicant_session(&NewApplicantSession {
                    person_id: person.id,
                    code_id: current.id,
                    created_at: now,
                    expires_at,
                })
                .await?;
            let token =
                token::sign(keys, session.id, now, expires_at).map_err(ApiError::Internal)?;
            Ok(NewLogin {
                person,
                session,
                token,
            })
        }
        (_, usable) => {
            let wrong_code_of = usable.map_or(Uuid::nil(), |c| c.id);
            store
                .record_wrong_code(wrong_code_of, MAX_WRONG_CODES, now)
                .await?;
            store
                .record_failed_login(&throttle_key, now.timestamp(), window_start)
                .await?;
            Err(ApiError::Unauthorized)
        }
    }
}
