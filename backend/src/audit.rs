//! The audit log's integrity: each event's canonical form, the keyed hash
//! chain over it, the signed checkpoints of the chain's head kept outside
//! the database, and the verification that checks both. Events are written
//! by the store (`BackOfficeStore::append_audit`) under a lock, so that
//! `seq` counts without gaps and each event links to the one before;
//! handlers go through [`AuditLog::append`], which also writes checkpoints.
//!
//! An event's hash is HMAC-SHA256, keyed with [`ChainKey`], over the
//! previous event's hash and the event's canonical form (a JSON array in a
//! fixed order, with a version tag). The key is derived from the server's
//! signing key and never stored in the database, so someone who can write
//! the database file (and drop its append-only triggers) can change, remove
//! or renumber events but cannot recompute hashes that verify: a changed
//! event, a removed one (renumbered or not) and a reordering all break the
//! chain at the first event touched.
//!
//! What a chain alone cannot show is that its newest events were deleted:
//! what is left is still a valid chain. Therefore the head (its `seq` and
//! hash) is written, signed with a key derived from the chain key, to an
//! append-only checkpoint file beside the database and to the log, every
//! `checkpoint_every` events and at every verification. Verification then
//! requires each checkpointed event to exist with the checkpointed hash,
//! which a truncated chain cannot satisfy. Events after the last checkpoint
//! can still be cut unseen; a smaller interval narrows that window, and the
//! log lines (shipped elsewhere) survive a wiped checkpoint file.
//!
//! The table's `hash` column keeps its name and size (32 bytes) and now
//! holds the keyed link; the migrations' comments, which sqlx checksums
//! freeze, still describe the unkeyed link of before. A chain written
//! before the key is taken over once by [`AuditLog::adopt_legacy`].

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, SecondsFormat, Utc};
use hmac::{Hmac, Mac};
use kartlegg_shared::caseworker::ChainFailure;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::{AuditEventRecord, NewAuditEvent, Store, StoreError};

/// The link before the first event.
pub const GENESIS: [u8; 32] = [0; 32];

/// How many events may pass between two checkpoints by default.
pub const DEFAULT_CHECKPOINT_EVERY: u64 = 100;

/// The key of the chain's HMAC. It is derived from the signing key (see
/// `Keys::derive`) rather than kept in a file of its own: one secret to
/// back up and rotate, and the derivation's distinct label keeps it
/// independent of the token and code keys. Its bytes never print.
#[derive(Clone)]
pub struct ChainKey(Vec<u8>);

impl ChainKey {
    /// A key from derived bytes.
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    fn mac(&self, label: &[u8]) -> Hmac<Sha256> {
        // HMAC takes a key of any length, so this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        mac.update(label);
        mac
    }
}

impl fmt::Debug for ChainKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ChainKey(…)")
    }
}

/// The newest event of the chain: its position and hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainHead {
    pub seq: i64,
    pub hash: Vec<u8>,
}

/// The result of a verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Events checked (up to the break, if any).
    pub events_checked: u64,
    /// The first event at which the chain breaks: a wrong hash, link or
    /// sequence number, a checkpointed event with another hash, or (for a
    /// truncated chain) the first missing event.
    pub first_broken_seq: Option<i64>,
    /// Why the verification failed; `None` when it passed.
    pub failure: Option<ChainFailure>,
    /// The newest event checked (0 for an empty chain).
    pub head_seq: i64,
    /// The newest event's hash.
    pub head: Vec<u8>,
    /// The newest checkpoint compared against, if any.
    pub checkpoint_seq: Option<i64>,
}

impl Verification {
    /// True when nothing was found wrong.
    pub fn intact(&self) -> bool {
        self.failure.is_none()
    }
}

/// The time as the canonical form writes it: microseconds, the precision
/// both engines keep, so that what is read back hashes the same.
pub fn canonical_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// The bytes that are hashed for an event at position `seq`: a JSON array
/// in a fixed order. Serialised from a tuple, which gives the very bytes of
/// the `json!` array it replaces (see the test) without building a JSON
/// tree for each of a million events on verification.
pub fn canonical(seq: i64, event: &NewAuditEvent) -> Vec<u8> {
    let id = |u: Option<Uuid>| u.map(|u| u.to_string());
    let value = (
        "kartlegg-audit-v1",
        seq,
        canonical_time(event.at),
        id(event.actor_id),
        &event.actor,
        id(event.organisation_id),
        event.action.as_str(),
        id(event.person_id),
        id(event.person_organisation_id),
        id(event.registration_id),
        &event.fields,
        &event.reason,
        &event.client_address,
        &event.request_id,
    );
    // Strings, numbers and lists only: serialising them cannot fail.
    serde_json::to_vec(&value).unwrap_or_default()
}

/// HMAC-SHA256, keyed with the chain key, over the previous hash and the
/// canonical form (each length-prefixed, under a version label).
pub fn chain_hash(key: &ChainKey, prev_hash: &[u8], canonical: &[u8]) -> Vec<u8> {
    let mut mac = key.mac(b"kartlegg-audit-chain-v2");
    for part in [prev_hash, canonical] {
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part);
    }
    mac.finalize().into_bytes().to_vec()
}

/// The unkeyed SHA-256 link of chains written before the key: anyone can
/// compute it, so it is accepted only up to a signed `legacy` checkpoint
/// (see [`AuditLog::adopt_legacy`]), which pins that prefix.
pub fn legacy_chain_hash(prev_hash: &[u8], canonical: &[u8]) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash);
    hasher.update(canonical);
    hasher.finalize().to_vec()
}

/// Walks events in `seq` order, continuing from its state; stops at the
/// first break.
#[derive(Debug, Clone)]
pub struct Verifier {
    key: ChainKey,
    /// Events up to this seq may carry the unkeyed link.
    legacy_until: i64,
    /// Hashes the checkpoints pin, by seq.
    pinned: BTreeMap<i64, Vec<u8>>,
    expected_seq: i64,
    prev_hash: Vec<u8>,
    checked: u64,
    broken: Option<(i64, ChainFailure)>,
}

impl Verifier {
    /// At the start of the chain.
    pub fn new(key: ChainKey) -> Self {
        Self {
            key,
            legacy_until: 0,
            pinned: BTreeMap::new(),
            expected_seq: 1,
            prev_hash: GENESIS.to_vec(),
            checked: 0,
            broken: None,
        }
    }

    /// Also requires these events to have these hashes.
    #[must_use]
    pub fn pinned(mut self, pinned: BTreeMap<i64, Vec<u8>>, legacy_until: i64) -> Self {
        self.pinned = pinned;
        self.legacy_until = legacy_until;
        self
    }

    /// Checks the next events; false once the chain is broken.
    pub fn feed(&mut self, events: &[AuditEventRecord]) -> bool {
        let hashes = self.hashes().check(events);
        self.feed_hashed(events, &hashes)
    }

    /// The part of the check that needs no walk: whether each event's own
    /// hash is right for its content and its stored link. It holds no state
    /// of the walk, so pages can be hashed on other threads while the walk
    /// goes on ([`walk`]).
    pub fn hashes(&self) -> HashCheck {
        HashCheck {
            key: self.key.clone(),
            legacy_until: self.legacy_until,
        }
    }

    /// Checks the next events, whose own hashes `hashes` (from
    /// [`HashCheck::check`], one per event) found right or not, for their
    /// place in the chain: the sequence number, the link to the one before
    /// and the checkpoints. False once the chain is broken.
    pub fn feed_hashed(&mut self, events: &[AuditEventRecord], hashes: &[bool]) -> bool {
        for (record, &hash_ok) in events.iter().zip(hashes) {
            if self.broken.is_some() {
                return false;
            }
            let ok =
                record.seq == self.expected_seq && record.prev_hash == self.prev_hash && hash_ok;
            if !ok {
                self.broken = Some((record.seq.min(self.expected_seq), ChainFailure::BrokenLink));
                return false;
            }
            if self
                .pinned
                .get(&record.seq)
                .is_some_and(|pinned| *pinned != record.hash)
            {
                self.broken = Some((record.seq, ChainFailure::CheckpointMismatch));
                return false;
            }
            self.expected_seq += 1;
            self.prev_hash.clone_from(&record.hash);
            self.checked += 1;
        }
        self.broken.is_none()
    }

    /// The outcome: also broken when a pinned event was never reached (the
    /// chain was cut below a checkpoint).
    pub fn finish(self) -> Verification {
        let head_seq = self.expected_seq - 1;
        let checkpoint_seq = self.pinned.keys().next_back().copied();
        let broken = self.broken.or_else(|| {
            checkpoint_seq
                .filter(|&c| c > head_seq)
                .map(|_| (head_seq + 1, ChainFailure::Truncated))
        });
        Verification {
            events_checked: self.checked,
            first_broken_seq: broken.map(|(seq, _)| seq),
            failure: broken.map(|(_, failure)| failure),
            head_seq,
            head: self.prev_hash,
            checkpoint_seq,
        }
    }

    /// The seq after which to read the next events.
    pub fn last_seq(&self) -> i64 {
        self.expected_seq - 1
    }
}

/// Recomputes events' hashes: the costly, per-event half of a
/// verification, apart so that it can run on several threads.
#[derive(Debug, Clone)]
pub struct HashCheck {
    key: ChainKey,
    legacy_until: i64,
}

impl HashCheck {
    /// For each event, whether its hash is the keyed link of its content
    /// and stored previous hash (or, up to the adopted legacy head, the
    /// unkeyed one).
    pub fn check(&self, events: &[AuditEventRecord]) -> Vec<bool> {
        events
            .iter()
            .map(|record| {
                let canonical = canonical(record.seq, &record.event);
                record.hash == chain_hash(&self.key, &record.prev_hash, &canonical)
                    || (record.seq <= self.legacy_until
                        && record.hash == legacy_chain_hash(&record.prev_hash, &canonical))
            })
            .collect()
    }
}

/// What a checkpoint line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CheckpointKind {
    /// The head of the keyed chain.
    Head,
    /// The head of a chain written before the key, adopted as it was.
    Legacy,
}

impl CheckpointKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Head => "head",
            Self::Legacy => "legacy",
        }
    }
}

/// One signed checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Checkpoint {
    kind: CheckpointKind,
    seq: i64,
    hash: Vec<u8>,
    at: String,
}

/// The append-only file of checkpoints, one line each:
/// `v1 <kind> <seq> <hash hex> <time> <mac hex>`, the MAC keyed with a key
/// derived from the chain key over all the fields before it. A line that
/// does not parse or whose MAC is wrong fails the verification: the file is
/// as much evidence as the table.
#[derive(Debug)]
struct CheckpointFile {
    path: PathBuf,
    /// Serialises appends from concurrent requests.
    lock: Mutex<()>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

impl Checkpoint {
    fn body(&self) -> String {
        format!(
            "v1 {} {} {} {}",
            self.kind.as_str(),
            self.seq,
            hex(&self.hash),
            self.at
        )
    }

    fn signed(&self, key: &ChainKey) -> String {
        let mut mac = key.mac(b"kartlegg-audit-checkpoint-v1");
        mac.update(self.body().as_bytes());
        format!("{} {}", self.body(), hex(&mac.finalize().into_bytes()))
    }

    fn parse(line: &str, key: &ChainKey) -> Option<Self> {
        let parts: Vec<&str> = line.split(' ').collect();
        let ["v1", kind, seq, hash, at, mac] = parts.as_slice() else {
            return None;
        };
        let checkpoint = Self {
            kind: match *kind {
                "head" => CheckpointKind::Head,
                "legacy" => CheckpointKind::Legacy,
                _ => return None,
            },
            seq: seq.parse().ok().filter(|s| *s >= 1)?,
            hash: unhex(hash).filter(|h| h.len() == 32)?,
            at: (*at).to_owned(),
        };
        let mut expected = key.mac(b"kartlegg-audit-checkpoint-v1");
        expected.update(checkpoint.body().as_bytes());
        expected.verify_slice(&unhex(mac)?).ok()?;
        Some(checkpoint)
    }
}

impl CheckpointFile {
    /// The checkpoints in the file; `Err` names the first bad line.
    fn read(&self, key: &ChainKey) -> Result<Vec<Checkpoint>, usize> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            // Unreadable counts as tampered with: the file must be there.
            Err(_) => return Err(0),
        };
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| Checkpoint::parse(line.trim(), key).ok_or(i + 1))
            .collect()
    }

    fn append(&self, line: &str) -> std::io::Result<()> {
        let _guard = self
            .lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(dir) = self.path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        file.write_all(format!("{line}\n").as_bytes())?;
        file.sync_data()
    }
}

/// The audit log as handlers, the verification endpoint and the command
/// line use it: appends with checkpoints, and the verification.
#[derive(Debug)]
pub struct AuditLog {
    key: ChainKey,
    checkpoints: CheckpointFile,
    every: u64,
}

impl AuditLog {
    /// The log keyed with `key`, checkpointing into `checkpoint_file` at
    /// least every `every` events (at least 1).
    pub fn new(key: ChainKey, checkpoint_file: PathBuf, every: u64) -> Self {
        Self {
            key,
            checkpoints: CheckpointFile {
                path: checkpoint_file,
                lock: Mutex::new(()),
            },
            every: every.max(1),
        }
    }

    /// Where the checkpoints go.
    pub fn checkpoint_file(&self) -> &Path {
        &self.checkpoints.path
    }

    /// The chain key, for a store call that needs it directly.
    pub fn key(&self) -> &ChainKey {
        &self.key
    }

    /// Appends events, and a checkpoint when they cross a multiple of the
    /// interval. The events are committed before the checkpoint is written,
    /// so a checkpoint that cannot be written is logged, not answered with
    /// an error: the request's record exists, and the next checkpoint (at
    /// the latest the next verification's) covers it.
    pub async fn append(
        &self,
        store: &dyn Store,
        events: &[NewAuditEvent],
    ) -> Result<(), StoreError> {
        let Some(head) = store.append_audit(&self.key, events).await? else {
            return Ok(());
        };
        let every = i64::try_from(self.every).unwrap_or(i64::MAX);
        let before = head.seq - i64::try_from(events.len()).unwrap_or(i64::MAX);
        if head.seq / every > before / every {
            self.checkpoint(CheckpointKind::Head, &head);
        }
        Ok(())
    }

    /// Writes a checkpoint to the file and the log (sequence number and
    /// hash only: no personal data).
    fn checkpoint(&self, kind: CheckpointKind, head: &ChainHead) {
        let line = Checkpoint {
            kind,
            seq: head.seq,
            hash: head.hash.clone(),
            at: canonical_time(Utc::now()),
        }
        .signed(&self.key);
        match self.checkpoints.append(&line) {
            Ok(()) => tracing::info!(checkpoint = %line, "audit chain checkpoint"),
            Err(e) => tracing::error!(
                checkpoint = %line,
                file = %self.checkpoints.path.display(),
                error = %e,
                "could not write the audit chain checkpoint"
            ),
        }
    }

    /// Verifies the whole chain in the store against the checkpoints, and,
    /// when it is intact, checkpoints its head, so that events removed from
    /// the top after this run are found by the next one.
    pub async fn verify(&self, store: &dyn Store) -> Result<Verification, StoreError> {
        let checkpoints = match self.checkpoints.read(&self.key) {
            Ok(checkpoints) => checkpoints,
            Err(line) => {
                tracing::warn!(line, "a checkpoint line is not one this server signed");
                return Ok(Verification {
                    events_checked: 0,
                    first_broken_seq: None,
                    failure: Some(ChainFailure::CheckpointInvalid),
                    head_seq: 0,
                    head: GENESIS.to_vec(),
                    checkpoint_seq: None,
                });
            }
        };
        let legacy_until = checkpoints
            .iter()
            .filter(|c| c.kind == CheckpointKind::Legacy)
            .map(|c| c.seq)
            .max()
            .unwrap_or(0);
        let mut pinned = BTreeMap::new();
        for c in &checkpoints {
            // Two lines for one seq with different hashes: one of them lies.
            if pinned
                .insert(c.seq, c.hash.clone())
                .is_some_and(|h| h != c.hash)
            {
                return Ok(Verification {
                    events_checked: 0,
                    first_broken_seq: Some(c.seq),
                    failure: Some(ChainFailure::CheckpointMismatch),
                    head_seq: 0,
                    head: GENESIS.to_vec(),
                    checkpoint_seq: Some(c.seq),
                });
            }
        }
        let result = walk(
            store,
            Verifier::new(self.key.clone()).pinned(pinned, legacy_until),
        )
        .await?;
        if result.intact() && result.head_seq > 0 && result.checkpoint_seq < Some(result.head_seq) {
            self.checkpoint(
                CheckpointKind::Head,
                &ChainHead {
                    seq: result.head_seq,
                    hash: result.head.clone(),
                },
            );
        }
        Ok(result)
    }

    /// Takes over a chain written before the key (plain SHA-256 links):
    /// when the file has adopted nothing yet and the stored chain verifies
    /// with such links (and any keyed ones after them), writes a signed `legacy` checkpoint at its head, which
    /// pins every event up to it; new events then continue the chain with
    /// keyed links. This is an operator's act (`kartlegg audit adopt`), not
    /// something the server does on its own: done automatically, deleting
    /// the checkpoint file and restarting would launder a rewritten chain.
    /// Returns the adopted head, `None` when there was nothing to adopt.
    pub async fn adopt_legacy(&self, store: &dyn Store) -> anyhow::Result<Option<ChainHead>> {
        let checkpoints = self
            .checkpoints
            .read(&self.key)
            .map_err(|line| anyhow::anyhow!("line {line} of the checkpoint file is not valid"))?;
        anyhow::ensure!(
            checkpoints.iter().all(|c| c.kind != CheckpointKind::Legacy),
            "the checkpoint file {} has adopted a chain already",
            self.checkpoints.path.display()
        );
        // Any event may be unkeyed here, but the head checkpoints written
        // since the upgrade must still hold.
        let pinned = checkpoints.into_iter().map(|c| (c.seq, c.hash)).collect();
        let result = walk(
            store,
            Verifier::new(self.key.clone()).pinned(pinned, i64::MAX),
        )
        .await?;
        anyhow::ensure!(
            result.intact(),
            "the stored chain breaks at event {}: it cannot be adopted",
            result.first_broken_seq.unwrap_or_default()
        );
        if result.head_seq == 0 {
            return Ok(None);
        }
        let head = ChainHead {
            seq: result.head_seq,
            hash: result.head,
        };
        self.checkpoint(CheckpointKind::Legacy, &head);
        Ok(Some(head))
    }
}

/// Feeds the whole chain to `verifier`, reading it in pages.
async fn walk(store: &dyn Store, mut verifier: Verifier) -> Result<Verification, StoreError> {
    use futures_util::{StreamExt, TryStreamExt};
    const PAGE: i64 = 5000;
    // Pages are read ahead, a few at once, each on its own connection, and
    // each page's hashes recomputed on a blocking thread, so that reading
    // (SQLite decodes rows on the caller's side), hashing and walking the
    // links use every core; the walk itself takes the pages in order.
    // Sequence numbers have no gaps in an intact chain, so page `k` is the
    // `PAGE` events after `start + k * PAGE`. Where events are missing, a
    // page reaches into the next one's range and the walk stops at the gap;
    // only the chain's end makes a page short.
    const AHEAD: usize = 3;
    let start = verifier.last_seq();
    let hashes = verifier.hashes();
    let pages = futures_util::stream::iter(0_i64..)
        .map(|k| {
            let hashes = hashes.clone();
            async move {
                let events = store.audit_chain_after(start + k * PAGE, PAGE).await?;
                let checked = tokio::task::spawn_blocking(move || {
                    let ok = hashes.check(&events);
                    (events, ok)
                })
                .await
                .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
                Ok::<_, StoreError>(checked)
            }
        })
        .buffered(AHEAD);
    futures_util::pin_mut!(pages);
    while let Some((events, ok)) = pages.try_next().await? {
        let full = events.len() == usize::try_from(PAGE).unwrap_or(0);
        if !verifier.feed_hashed(&events, &ok) || !full {
            break;
        }
    }
    Ok(verifier.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn key(byte: u8) -> ChainKey {
        ChainKey::new(vec![byte; 32])
    }

    #[test]
    fn a_checkpoint_line_round_trips_and_refuses_another_key_or_an_edit() {
        let checkpoint = Checkpoint {
            kind: CheckpointKind::Head,
            seq: 42,
            hash: vec![9; 32],
            at: canonical_time(Utc::now()),
        };
        let line = checkpoint.signed(&key(1));
        assert_eq!(Checkpoint::parse(&line, &key(1)), Some(checkpoint));
        assert_eq!(Checkpoint::parse(&line, &key(2)), None);
        let edited = line.replacen(" 42 ", " 41 ", 1);
        assert_eq!(Checkpoint::parse(&edited, &key(1)), None);
    }

    #[test]
    fn the_canonical_form_is_the_json_array_it_always_was() {
        let id = |u: Option<Uuid>| u.map(|u| u.to_string());
        let full = NewAuditEvent {
            at: Utc::now(),
            actor_id: Some(Uuid::new_v4()),
            actor: "Åse \"Ø\" \\ 😀".to_owned(),
            organisation_id: Some(Uuid::new_v4()),
            action: kartlegg_shared::caseworker::AuditAction::Export,
            person_id: Some(Uuid::new_v4()),
            person_organisation_id: Some(Uuid::new_v4()),
            registration_id: Some(Uuid::new_v4()),
            fields: vec!["name".to_owned(), "a\nb".to_owned()],
            reason: Some("why\u{7}".to_owned()),
            client_address: Some("127.0.0.1".to_owned()),
            request_id: Some("r-1".to_owned()),
        };
        let bare = NewAuditEvent {
            actor_id: None,
            organisation_id: None,
            person_id: None,
            person_organisation_id: None,
            registration_id: None,
            fields: Vec::new(),
            reason: None,
            client_address: None,
            request_id: None,
            ..full.clone()
        };
        for (seq, event) in [(1, full), (i64::MAX, bare)] {
            let before = serde_json::to_vec(&json!([
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
            ]))
            .unwrap();
            assert_eq!(canonical(seq, &event), before);
        }
    }

    #[test]
    fn the_keyed_link_differs_from_the_plain_one_and_between_keys() {
        let canonical = b"[\"kartlegg-audit-v1\",1]";
        let keyed = chain_hash(&key(1), &GENESIS, canonical);
        assert_ne!(keyed, legacy_chain_hash(&GENESIS, canonical));
        assert_ne!(keyed, chain_hash(&key(2), &GENESIS, canonical));
        assert_eq!(keyed.len(), 32);
    }

    #[test]
    fn the_chain_key_never_prints() {
        assert_eq!(format!("{:?}", key(7)), "ChainKey(…)");
    }
}
