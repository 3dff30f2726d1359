//! An endpoint's signing secret: 256 random bits, shown to the client once
//! as `whsec_` and base64 (the Standard Webhooks form), kept sealed
//! (`crate::sealed`) and bound to its endpoint.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use uuid::Uuid;

use crate::AppState;

/// A new secret: its raw bytes and the `whsec_…` form shown to the client.
pub fn generate() -> anyhow::Result<(Vec<u8>, String)> {
    let mut key = vec![0u8; 32];
    getrandom::getrandom(&mut key).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let shown = format!("whsec_{}", STANDARD.encode(&key));
    Ok((key, shown))
}

/// Seals the secret of the endpoint `endpoint_id`.
pub fn seal(state: &AppState, endpoint_id: Uuid, key: &[u8]) -> anyhow::Result<Vec<u8>> {
    crate::sealed::seal(&state.keys.webhook, endpoint_id.as_bytes(), key)
}

/// The secret of the endpoint `endpoint_id`, if it was sealed for it.
pub fn open(state: &AppState, endpoint_id: Uuid, sealed: &[u8]) -> Option<Vec<u8>> {
    crate::sealed::open(&state.keys.webhook, endpoint_id.as_bytes(), sealed)
}
