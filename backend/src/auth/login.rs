//! Issuing codes and logging in with them. Every way a login can fail
//! (unknown DUF-number, wrong, expired or ended code, a value that cannot be
//! a code) is answered the same, and costs about the same work, so that an
//! answer reveals nothing about whom a DUF-number belongs to.

use chrono::{DateTime, Duration, Utc};
use kartlegg_shared::domain::DufNumber;
use uuid::Uuid;

use super::code::{LoginCode, code_hash, code_matches};
use super::token::{self, Keys};
use crate::db::{ApplicantSessionRecord, NewApplicantSession, NewLoginCode, Person, Store};
use crate::error::ApiError;
use crate::metrics::{LoginKind, LoginOutcome};
use crate::state::AppState;

/// Tries per code, counted before each is checked; the fifth wrong one
/// ends the code. A right one gives its try back.
///
/// Together with [`MAX_CODES_PER_DAY`] this bounds what an attacker with
/// unlimited addresses and concurrency can do against one DUF-number: a
/// code has [`CODE_DIGITS`](super::code::CODE_DIGITS) = 8 random digits
/// (10⁸ values), and within any day at most 5 + 1 codes can be live for a
/// person (those issued that day, and one from before), each checked
/// against at most 5 wrong guesses. So at most 6 × 5 = 30 guesses a day
/// are ever checked, and P(success) ≤ 30 / 10⁸ = 3 × 10⁻⁷ < 10⁻⁶ per
/// DUF-number per day. Nothing else limits a DUF-number, so nothing an
/// attacker does can keep a person with a freshly issued code out.
pub const MAX_WRONG_CODES: i64 = 5;

/// Codes that may be issued for one person within [`CODE_DAY`]; the cap
/// that keeps the bound above.
pub const MAX_CODES_PER_DAY: i64 = 5;

/// The window of [`MAX_CODES_PER_DAY`].
pub const CODE_DAY: Duration = Duration::hours(24);

/// How long a failed login takes at least. The work of a failure differs a
/// little with whether the DUF-number has a live code (a write on the code
/// or not): tens of microseconds, measurable with enough tries. Every
/// failure is answered no sooner than this after the request came in, so
/// the answer's timing says nothing.
pub const FAILURE_FLOOR: std::time::Duration = std::time::Duration::from_millis(150);

/// A code just issued: shown once to staff, then only its hash exists.
#[derive(Debug)]
pub struct IssuedCode {
    pub code: LoginCode,
    pub expires_at: DateTime<Utc>,
}

/// Why no code was issued.
#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    /// The person has had [`MAX_CODES_PER_DAY`] codes in the last day.
    #[error(
        "This person has been given {MAX_CODES_PER_DAY} codes in the last 24 hours; a new one can be issued when the oldest is a day old"
    )]
    TooManyToday,
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl From<IssueError> for ApiError {
    fn from(error: IssueError) -> Self {
        match error {
            // Staff see the limit as a conflict with what was done today;
            // a new code can be issued once the oldest is a day old.
            IssueError::TooManyToday => Self::Conflict(error.to_string()),
            IssueError::Other(e) => Self::Internal(e),
        }
    }
}

/// Issues a fresh code for `person`, ending any earlier one and every
/// session opened with it: whoever held the old code is out.
pub async fn issue_code(
    store: &dyn Store,
    keys: &Keys,
    person: &Person,
    now: DateTime<Utc>,
    ttl: Duration,
) -> Result<IssuedCode, IssueError> {
    let code = LoginCode::generate()?;
    let record = store
        .issue_login_code(
            &NewLoginCode {
                person_id: person.id,
                code_hash: code_hash(&keys.code, &person.duf_number, code.digits()),
                created_at: now,
                expires_at: now + ttl,
            },
            MAX_CODES_PER_DAY,
            now - CODE_DAY,
        )
        .await
        .map_err(anyhow::Error::from)?
        .ok_or(IssueError::TooManyToday)?;
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

/// Checks a DUF-number and code as typed and opens a session. Every
/// failure is the same 401, answered no sooner than [`FAILURE_FLOOR`].
pub async fn log_in(state: &AppState, duf: &str, code: &str) -> Result<NewLogin, ApiError> {
    let started = tokio::time::Instant::now();
    let result = try_log_in(state, duf, code).await;
    if let Some(outcome) = LoginOutcome::of(&result) {
        state.metrics.login(LoginKind::Applicant, outcome);
    }
    if matches!(result, Err(ApiError::Unauthorized)) {
        tokio::time::sleep_until(started + FAILURE_FLOOR).await;
    }
    result
}

async fn try_log_in(state: &AppState, duf: &str, code: &str) -> Result<NewLogin, ApiError> {
    let (Ok(duf), Some(code)) = (DufNumber::parse(duf), LoginCode::parse(code)) else {
        // Cannot be anyone's DUF-number and code: the same answer as a wrong one.
        return Err(ApiError::Unauthorized);
    };
    let store = state.store.as_ref();
    let keys = state.keys.as_ref();
    let now = state.clock.now();

    let person = store.person_by_duf(&duf).await?;
    // Unknown DUF-numbers go through the same reads, hash and write
    // (against an id no row has).
    let person_id = person.as_ref().map_or(Uuid::nil(), |p| p.id);
    let current = store.current_login_code(person_id).await?;
    let usable = current.filter(|c| c.is_usable(now));
    let code_id = usable.as_ref().map_or(Uuid::nil(), |c| c.id);
    // The try is counted before the code is checked: of any number of
    // simultaneous tries, at most MAX_WRONG_CODES are ever checked.
    let reserved = store.reserve_code_try(code_id, MAX_WRONG_CODES).await?;
    let stored_hash = usable.as_ref().map_or(&[0u8; 32][..], |c| &c.code_hash[..]);
    let matches = code_matches(&keys.code, &duf, code.digits(), stored_hash);

    match (person, usable, reserved) {
        (Some(person), Some(current), Some(_)) if matches => {
            store.refund_code_try(current.id).await?;
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
        _ => {
            store
                .end_exhausted_code(code_id, MAX_WRONG_CODES, now)
                .await?;
            Err(ApiError::Unauthorized)
        }
    }
}
