//! Kept answers of `Idempotency-Key` requests (the HTTP side is
//! `routes::integration::idempotency`): how a request is fingerprinted, how
//! an answer is sealed for its client and key and opened again, and which
//! kept answers are about a person, so that an erasure forgets them.

use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::ApiError;

/// The additional data a kept answer is bound to: it opens only for the
/// same client and key.
fn bound_to(client: uuid::Uuid, key: &str) -> Vec<u8> {
    [client.as_bytes().as_slice(), key.as_bytes()].concat()
}

/// Encrypts an answer to keep.
pub fn seal(
    state: &AppState,
    client: uuid::Uuid,
    key: &str,
    plain: &[u8],
) -> Result<Vec<u8>, ApiError> {
    crate::sealed::seal(&state.keys.replay, &bound_to(client, key), plain)
        .map_err(|e| ApiError::Internal(e.context("sealing a kept answer")))
}

/// Decrypts a kept answer; `None` if it was not sealed for this client
/// and key with this server's key.
pub fn open(state: &AppState, client: uuid::Uuid, key: &str, sealed: &[u8]) -> Option<Vec<u8>> {
    crate::sealed::open(&state.keys.replay, &bound_to(client, key), sealed)
}

/// The fingerprint `once` gives a request of `operation` with `body`.
pub fn fingerprint(operation: &str, body: &[u8]) -> Vec<u8> {
    Sha256::new()
        .chain_update(operation.as_bytes())
        .chain_update([0])
        .chain_update(body)
        .finalize()
        .to_vec()
}

/// Whether a kept answer is about the person with this DUF-number: the
/// answer to issuing them a code (its fingerprint is that of the
/// operation, which has no body), or any answer that names the
/// DUF-number (a batch import's). An erasure forgets these.
pub fn about_person(state: &AppState, kept: &crate::db::KeptAnswer, duf: &str) -> bool {
    if kept.fingerprint == fingerprint(&format!("people/{duf}/codes"), &[]) {
        return true;
    }
    open(state, kept.client_id, &kept.key, &kept.sealed)
        .is_some_and(|plain| plain.windows(duf.len()).any(|w| w == duf.as_bytes()))
}
