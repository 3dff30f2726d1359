//! Caseworker logins slow down instead of locking (NIST SP 800-63B
//! §5.2.2): per account and per client address, every try is counted
//! before the password is checked, the first few failures are free, and
//! after them each try must wait twice as long as the one before, up to a
//! ceiling. Only after [`ACCOUNT.lock_after`](Policy::lock_after) (100)
//! consecutive failures is an account held, until an administrator clears
//! it or a day passes without a try. A success clears the account's count.
//!
//! The count lives in the database and is changed only by
//! compare-and-swap ([`Store::swap_login_throttle`]), so simultaneous tries
//! are each counted and at most the allowed number is ever checked: 100
//! wrong passwords at once check about `free + 1`, not 100.

use chrono::{DateTime, Utc};

use crate::db::{LoginThrottle, Store, StoreError};

/// How one kind of key slows down.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Consecutive failures that cost no waiting.
    pub free: i64,
    /// The longest wait between two tries, in seconds.
    pub max_delay_secs: i64,
    /// Failures after which tries are refused until cleared; `None`: never.
    pub lock_after: Option<i64>,
    /// A key with no failure for this long starts again from zero.
    pub forget_after_secs: i64,
}

/// A day: how long a quiet key is remembered.
const DAY_SECS: i64 = 24 * 3600;

/// One account: 5 free failures, then 1 s, 2 s, 4 s … up to 15 minutes
/// between tries, and a hold after 100 (NIST's ceiling). Reaching 100 takes
/// an attacker about 22 hours of steady trying, during which the account's
/// owner, who knows the password, is delayed at most 15 minutes.
pub const ACCOUNT: Policy = Policy {
    free: 5,
    max_delay_secs: 15 * 60,
    lock_after: Some(100),
    forget_after_secs: DAY_SECS,
};

/// One client address: more free failures (many caseworkers may share an
/// office's address) and never a hold, since an address is not an account.
pub const ADDRESS: Policy = Policy {
    free: 20,
    max_delay_secs: 15 * 60,
    lock_after: None,
    forget_after_secs: DAY_SECS,
};

/// Why a try was refused before anything was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Try again in this many seconds.
    Wait(u64),
    /// Held until an administrator clears the account, or until it has
    /// been quiet for a day: this many seconds from now.
    Held(u64),
}

impl From<Refusal> for crate::error::ApiError {
    /// A refused try is 429 with the wait in `Retry-After` (at least 1 s).
    fn from(refusal: Refusal) -> Self {
        let (Refusal::Wait(secs) | Refusal::Held(secs)) = refusal;
        Self::TooManyRequests {
            retry_after_secs: secs.max(1),
        }
    }
}

impl Policy {
    /// The wait after the `failures`-th consecutive failure.
    pub fn delay_after(&self, failures: i64) -> i64 {
        let over = failures - self.free;
        if over <= 0 {
            return 0;
        }
        // 2^(over-1) seconds; past 2^20 the ceiling has long been reached.
        let doubling = 1i64 << (over - 1).min(20);
        doubling.min(self.max_delay_secs)
    }

    /// The throttle after counting one more try at `now`, or why the try is
    /// refused. Pure, so that the schedule is tested without a database.
    pub fn next(
        &self,
        current: Option<&LoginThrottle>,
        now: i64,
    ) -> Result<LoginThrottle, Refusal> {
        let current = current.filter(|t| now - t.last_failure_at < self.forget_after_secs);
        let failures = current.map_or(0, |t| t.failures);
        if let Some(t) = current
            && self.lock_after.is_some_and(|limit| failures >= limit)
        {
            let left = t.last_failure_at + self.forget_after_secs - now;
            return Err(Refusal::Held(u64::try_from(left).unwrap_or(1)));
        }
        if let Some(t) = current
            && t.next_try_at > now
        {
            return Err(Refusal::Wait(
                u64::try_from(t.next_try_at - now).unwrap_or(1),
            ));
        }
        let failures = failures + 1;
        Ok(LoginThrottle {
            failures,
            last_failure_at: now,
            next_try_at: now + self.delay_after(failures),
        })
    }
}

/// How many times a try re-reads after losing a race before it gives up
/// (refused, with a one-second wait: safe, and rare outside an attack).
const MAX_RACES: usize = 16;

/// Counts a try under `key` before it is checked. `Ok` means the caller
/// may check it; a success must then [`Store::clear_login_throttle`].
pub async fn reserve(
    store: &dyn Store,
    policy: &Policy,
    key: &[u8],
    now: DateTime<Utc>,
) -> Result<Result<(), Refusal>, StoreError> {
    let now = now.timestamp();
    for _ in 0..MAX_RACES {
        let current = store.login_throttle(key).await?;
        let next = match policy.next(current.as_ref(), now) {
            Ok(next) => next,
            Err(refusal) => return Ok(Err(refusal)),
        };
        // A row older than the forgetting window is replaced like any
        // other: the swap compares with what was read.
        if store
            .swap_login_throttle(key, current.as_ref(), &next, now - policy.forget_after_secs)
            .await?
        {
            return Ok(Ok(()));
        }
    }
    Ok(Err(Refusal::Wait(1)))
}

/// Gives back the try of a login whose password was right: an address is
/// slowed by its failures, not by its colleagues' successful logins. The
/// wait the try may have started is shortened to what the remaining
/// failures ask for.
pub async fn refund(store: &dyn Store, policy: &Policy, key: &[u8]) -> Result<(), StoreError> {
    for _ in 0..MAX_RACES {
        let Some(current) = store.login_throttle(key).await? else {
            return Ok(());
        };
        let failures = (current.failures - 1).max(0);
        let refunded = LoginThrottle {
            failures,
            last_failure_at: current.last_failure_at,
            next_try_at: current
                .next_try_at
                .min(current.last_failure_at + policy.delay_after(failures)),
        };
        if store
            .swap_login_throttle(key, Some(&current), &refunded, i64::MIN)
            .await?
        {
            return Ok(());
        }
    }
    // Lost every race: the try stays counted, which errs on the safe side.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_free_then_double_up_to_the_ceiling() {
        let delays: Vec<i64> = (1..=12).map(|n| ACCOUNT.delay_after(n)).collect();
        assert_eq!(delays, [0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64]);
        assert_eq!(ACCOUNT.delay_after(15), 512);
        assert_eq!(ACCOUNT.delay_after(16), 900);
        assert_eq!(ACCOUNT.delay_after(99), 900);
    }

    #[test]
    fn a_try_during_the_wait_is_refused_with_the_time_left() {
        let t = LoginThrottle {
            failures: 8,
            last_failure_at: 1000,
            next_try_at: 1004,
        };
        assert_eq!(ACCOUNT.next(Some(&t), 1001), Err(Refusal::Wait(3)));
        let after = ACCOUNT.next(Some(&t), 1004).unwrap();
        assert_eq!(after.failures, 9);
        assert_eq!(after.next_try_at, 1004 + 8);
    }

    #[test]
    fn an_account_is_held_only_after_a_hundred_failures_and_an_address_never() {
        let at = |failures| LoginThrottle {
            failures,
            last_failure_at: 0,
            next_try_at: 0,
        };
        assert!(ACCOUNT.next(Some(&at(99)), 10).is_ok());
        assert_eq!(
            ACCOUNT.next(Some(&at(100)), 10),
            Err(Refusal::Held(DAY_SECS as u64 - 10))
        );
        assert!(ADDRESS.next(Some(&at(100_000)), 10).is_ok());
    }

    #[test]
    fn a_quiet_day_forgets_the_failures() {
        let t = LoginThrottle {
            failures: 100,
            last_failure_at: 0,
            next_try_at: 900,
        };
        assert_eq!(ACCOUNT.next(Some(&t), DAY_SECS - 1), Err(Refusal::Held(1)));
        assert_eq!(ACCOUNT.next(Some(&t), DAY_SECS).unwrap().failures, 1);
    }

    #[test]
    fn reaching_the_hold_takes_an_attacker_most_of_a_day() {
        let waited: i64 = (1..100).map(|n| ACCOUNT.delay_after(n)).sum();
        assert!(waited > 20 * 3600, "{waited} s");
    }
}
