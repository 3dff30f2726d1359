//! Webhooks: each change event is pushed to the client endpoints that want
//! its type, by a background worker reading the delivery queue that the
//! event's own transaction filled (`db/webhooks.rs`).
//!
//! - Signed as Standard Webhooks says (`webhook-id`, `webhook-timestamp`,
//!   `webhook-signature`, HMAC-SHA256), with the `standardwebhooks` crate,
//!   so receivers verify with any of its libraries; `webhook-id` is the
//!   event's id, the same on every attempt, for the receiver to
//!   deduplicate by.
//! - Retried with exponential backoff and jitter for three days
//!   ([`schedule`]); 2xx ends it, 410 disables the endpoint, and three days
//!   of failing disable it too.
//! - Sent only to public addresses, checked after name resolution
//!   ([`outbound`]), with timeouts and a cap on what is read back.
//!
//! The queue is written by hand rather than with a job-queue crate:
//! deliveries must be inserted in the same transaction as the change and
//! its event (the outbox), through the store's own SQL on both engines.
//! `apalis` and its kin keep their own tables and enqueue through their
//! own connection, so an event could commit without its job; and they
//! would bring a second migration set. The lease is one `UPDATE … WHERE …
//! IN (SELECT … FOR UPDATE SKIP LOCKED)` (see `db/webhooks.rs`).

pub mod address;
pub mod outbound;
pub mod schedule;
pub mod secret;
pub mod worker;

use std::time::Duration;

use crate::config::defaults;

/// How the worker delivers.
#[derive(Debug, Clone)]
pub struct WorkerSettings {
    /// Allow receivers on loopback, private and link-local addresses, and
    /// plain `http://` (tests and closed networks only).
    pub allow_private: bool,
    /// The longest one attempt may take, connecting included.
    pub timeout: Duration,
    /// How long a taken delivery stays with this instance; after that
    /// another instance may take it (this one was killed or is stuck).
    pub lease: Duration,
    /// Deliveries taken at once, and sent concurrently.
    pub batch: u32,
    /// How often to look for due deliveries when nothing was signalled
    /// (retries coming due, events written by other instances).
    pub poll: Duration,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        Self {
            allow_private: false,
            timeout: Duration::from_secs(defaults::WEBHOOK_TIMEOUT_SECS),
            lease: Duration::from_secs(defaults::WEBHOOK_LEASE_SECS),
            batch: 32,
            poll: Duration::from_secs(1),
        }
    }
}
