//! The audit log's integrity: each event's canonical form, the hash chain
//! over it, and the verification that walks the chain. Events are written
//! by the store (`BackOfficeStore::append_audit`) under a lock, so that
//! `seq` counts without gaps and each event links to the one before.
//!
//! An event's hash is SHA-256 over the previous event's hash and the
//! event's canonical form (a JSON array in a fixed order, with a version
//! tag). Changing any stored value of an event breaks its hash; removing or
//! inserting one breaks the sequence or the next event's link. Removing the
//! newest events is only visible against a copy of the latest hash kept
//! elsewhere, which is why the verification reports it.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::{AuditEventRecord, NewAuditEvent};

/// The link before the first event.
pub const GENESIS: [u8; 32] = [0; 32];

/// The result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Events checked (up to the break, if any).
    pub events_checked: u64,
    /// The first event at which the chain breaks.
    pub first_broken_seq: Option<i64>,
    /// The newest event's hash, to keep outside the database.
    pub head: Vec<u8>,
}

/// The time as the canonical form writes it: microseconds, the precision
/// both engines keep, so that what is read back hashes the same.
pub fn canonical_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// The bytes that are hashed for an event at position `seq`.
pub fn canonical(seq: i64, event: &NewAuditEvent) -> Vec<u8> {
    let id = |u: Option<Uuid>| u.map(|u| u.to_string());
    let value = json!([
        "kartlegg-audit-v1",
        seq,
        canonical_time(event.at),
        id(event.actor_id),
        event.actor,
        id(event.organisation_id),
        event.action.as_str(),
        id(event.person_id),
        id(event.person_organisation_id),
        id(event.registration_id),
        event.fields,
        event.reason,
        event.client_address,
        event.request_id,
    ]);
    // Serialising a JSON value cannot fail.
    serde_json::to_vec(&value).unwrap_or_default()
}

/// SHA-256 over the previous hash and the canonical form.
pub fn chain_hash(prev_hash: &[u8], canonical: &[u8]) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash);
    hasher.update(canonical);
    hasher.finalize().to_vec()
}

/// Walks events in `seq` order, continuing from `state` (start with
/// [`Verifier::new`]); stops at the first break.
#[derive(Debug, Clone)]
pub struct Verifier {
    expected_seq: i64,
    prev_hash: Vec<u8>,
    checked: u64,
    broken: Option<i64>,
}

impl Default for Verifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Verifier {
    /// At the start of the chain.
    pub fn new() -> Self {
        Self {
            expected_seq: 1,
            prev_hash: GENESIS.to_vec(),
            checked: 0,
            broken: None,
        }
    }

    /// Checks the next events; false once the chain is broken.
    pub fn feed(&mut self, events: &[AuditEventRecord]) -> bool {
        for record in events {
            if self.broken.is_some() {
                return false;
            }
            let ok = record.seq == self.expected_seq
                && record.prev_hash == self.prev_hash
                && record.hash
                    == chain_hash(&record.prev_hash, &canonical(record.seq, &record.event));
            if !ok {
                self.broken = Some(record.seq.min(self.expected_seq));
                return false;
            }
            self.expected_seq += 1;
            self.prev_hash.clone_from(&record.hash);
            self.checked += 1;
        }
        self.broken.is_none()
    }

    /// The outcome so far.
    pub fn finish(self) -> Verification {
        Verification {
            events_checked: self.checked,
            first_broken_seq: self.broken,
            head: self.prev_hash,
        }
    }

    /// The seq after which to read the next events.
    pub fn last_seq(&self) -> i64 {
        self.expected_seq - 1
    }
}

/// Verifies the whole chain in the store, reading it in pages.
pub async fn verify_chain(
    store: &dyn crate::db::Store,
) -> Result<Verification, crate::db::StoreError> {
    const PAGE: i64 = 1000;
    let mut verifier = Verifier::new();
    loop {
        let events = store.audit_chain_after(verifier.last_seq(), PAGE).await?;
        let done = events.len() < usize::try_from(PAGE).unwrap_or(usize::MAX);
        if !verifier.feed(&events) || done {
            return Ok(verifier.finish());
        }
    }
}
