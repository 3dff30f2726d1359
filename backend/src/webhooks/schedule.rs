//! What follows an attempt: the retry schedule and when to give up or
//! disable the endpoint. Pure, so its rules are tested without a receiver.

use chrono::{DateTime, Duration, Utc};
use kartlegg_shared::integration::WebhookDisabledReason;

use super::outbound::Sent;
use crate::db::NextStep;

/// A delivery is retried this long after its event; then it is given up.
/// At least the 24 hours receivers are promised, and as long as the
/// endpoint may fail before it is disabled.
pub const RETRY_PERIOD: Duration = Duration::days(3);

/// An endpoint whose every attempt failed for this long is disabled.
pub const FAILING_LIMIT: Duration = Duration::days(3);

/// The wait before attempt `n + 1` after `n` failed ones: 5 s, 30 s, 2 min,
/// 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, then every 8 h; about 16 hours to
/// the tenth attempt and 17 attempts over the three days.
fn base_delay(failed: i32) -> Duration {
    match failed {
        ..=1 => Duration::seconds(5),
        2 => Duration::seconds(30),
        3 => Duration::minutes(2),
        4 => Duration::minutes(5),
        5 => Duration::minutes(15),
        6 => Duration::minutes(30),
        7 => Duration::hours(1),
        8 => Duration::hours(2),
        9 => Duration::hours(4),
        _ => Duration::hours(8),
    }
}

/// The wait with jitter: between 80 % and 120 % of the base, so that the
/// retries of many deliveries that failed together (a receiver's outage)
/// do not all come back at the same second. `jitter` is in 0..1.
pub fn retry_delay(failed: i32, jitter: f64) -> Duration {
    let base = base_delay(failed).num_milliseconds() as f64;
    Duration::milliseconds((base * (0.8 + 0.4 * jitter.clamp(0.0, 1.0))) as i64)
}

/// The facts an attempt's outcome depends on.
#[derive(Debug, Clone, Copy)]
pub struct Attempted {
    pub now: DateTime<Utc>,
    /// When the delivery was queued (with its event).
    pub queued_at: DateTime<Utc>,
    /// Failed attempts before this one.
    pub failed_before: i32,
    /// Since when the endpoint fails, if it does.
    pub failing_since: Option<DateTime<Utc>>,
    /// In 0..1.
    pub jitter: f64,
}

/// What becomes of the delivery after an attempt that came to `sent`.
pub fn next_step(sent: &Sent, a: Attempted) -> NextStep {
    match sent {
        Sent::Answered(status) if (200..300).contains(status) => return NextStep::Delivered,
        Sent::Answered(410) => return NextStep::DisableEndpoint(WebhookDisabledReason::Gone),
        // Any other status, a timeout, a refused or failed connection: the
        // receiver did not take it, so it is tried again.
        _ => {}
    }
    if a.failing_since
        .is_some_and(|since| a.now - since >= FAILING_LIMIT)
    {
        return NextStep::DisableEndpoint(WebhookDisabledReason::Failing);
    }
    if a.now - a.queued_at >= RETRY_PERIOD {
        return NextStep::GiveUp;
    }
    NextStep::RetryAt(a.now + retry_delay(a.failed_before + 1, a.jitter))
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Utc};
    use kartlegg_shared::integration::WebhookDisabledReason;

    use super::{Attempted, RETRY_PERIOD, next_step, retry_delay};
    use crate::db::NextStep;
    use crate::webhooks::outbound::Sent;

    fn attempted(failed_before: i32) -> Attempted {
        let now = Utc::now();
        Attempted {
            now,
            queued_at: now,
            failed_before,
            failing_since: None,
            jitter: 0.5,
        }
    }

    #[test]
    fn a_2xx_delivers_and_410_disables_the_endpoint() {
        assert_eq!(
            next_step(&Sent::Answered(204), attempted(3)),
            NextStep::Delivered
        );
        assert_eq!(
            next_step(&Sent::Answered(410), attempted(0)),
            NextStep::DisableEndpoint(WebhookDisabledReason::Gone)
        );
    }

    #[test]
    fn failures_are_retried_later_and_later() {
        let mut last = Duration::zero();
        for failed in 0..12 {
            let a = attempted(failed);
            let NextStep::RetryAt(at) = next_step(&Sent::Answered(503), a) else {
                panic!("not retried after {failed} failures");
            };
            let wait = at - a.now;
            assert!(wait >= last, "attempt {failed}: {wait} < {last}");
            last = wait;
        }
        let a = attempted(0);
        assert!(matches!(
            next_step(&Sent::Failed("timed out".into()), a),
            NextStep::RetryAt(at) if at - a.now == Duration::seconds(5)
        ));
    }

    #[test]
    fn the_schedule_keeps_trying_for_more_than_a_day() {
        let mut total = Duration::zero();
        let mut attempts = 1;
        while total < Duration::hours(24) {
            total += retry_delay(attempts, 0.0);
            attempts += 1;
        }
        assert!(total < RETRY_PERIOD);
        assert!(
            attempts <= 14,
            "{attempts} attempts before a day has passed"
        );
    }

    #[test]
    fn jitter_stays_within_a_fifth_of_the_wait() {
        let low = retry_delay(7, 0.0);
        let high = retry_delay(7, 1.0);
        assert_eq!(low, Duration::minutes(48));
        assert_eq!(high, Duration::minutes(72));
    }

    #[test]
    fn three_days_of_failing_disable_the_endpoint_and_an_old_delivery_is_given_up() {
        let mut a = attempted(16);
        a.failing_since = Some(a.now - Duration::days(3));
        assert_eq!(
            next_step(&Sent::Answered(500), a),
            NextStep::DisableEndpoint(WebhookDisabledReason::Failing)
        );
        let mut a = attempted(16);
        a.failing_since = Some(a.now - Duration::hours(1));
        a.queued_at = a.now - RETRY_PERIOD;
        assert_eq!(next_step(&Sent::Answered(500), a), NextStep::GiveUp);
    }
}
