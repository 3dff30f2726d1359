//! API clients of an organisation: registering one with its first
//! credential, adding and revoking credentials (rotation keeps two valid
//! for a while), changing scopes and disabling. The caseworker routes, the
//! command line and the tests call these; each change is audited.

use chrono::{DateTime, Utc};
use kartlegg_shared::caseworker::AuditAction;
use kartlegg_shared::integration::{
    ApiClientView, CredentialKind, CredentialView, NewCredential, Scope,
};
use kartlegg_shared::text::{Lines, check_text};
use uuid::Uuid;

use crate::AppState;
use crate::auth::caseworker::RequestMeta;
use crate::auth::client::{KEY_RULE, algorithm_name, generate_secret, parse_public_key};
use crate::db::{
    ApiClient, ClientCredential, NewApiClient, NewAuditEvent, NewClientCredential, StoreError,
};
use crate::dto::api_time;
use crate::error::ApiError;

use kartlegg_shared::integration::CLIENT_NAME_MAX_CHARS as MAX_NAME_CHARS;

/// Who makes a change: an administrator's account, or the operator's
/// command line (no account).
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: Option<Uuid>,
    pub name: String,
    pub meta: RequestMeta,
}

impl Actor {
    fn event(&self, action: AuditAction, client: &ApiClient, at: DateTime<Utc>) -> NewAuditEvent {
        NewAuditEvent {
            at,
            actor_id: self.id,
            actor: self.name.clone(),
            organisation_id: Some(client.organisation_id),
            action,
            person_id: None,
            person_organisation_id: None,
            registration_id: None,
            fields: vec![format!("api_client:{}", client.id)],
            reason: None,
            client_address: self.meta.client_address.clone(),
            request_id: self.meta.request_id.clone(),
        }
    }
}

/// A credential checked and ready to store, with the secret to show once.
struct Checked {
    new: NewClientCredential,
    secret: Option<String>,
}

fn check_credential(
    client_id: Uuid,
    credential: &NewCredential,
    now: DateTime<Utc>,
) -> Result<Checked, ApiError> {
    match credential {
        NewCredential::Secret => {
            let secret = generate_secret().map_err(ApiError::Internal)?;
            Ok(Checked {
                new: NewClientCredential {
                    client_id,
                    kind: CredentialKind::Secret,
                    secret_hash: Some(secret.hash),
                    public_key: None,
                    algorithm: None,
                    now,
                },
                secret: Some(secret.secret),
            })
        }
        NewCredential::PublicKey { key } => {
            let key = parse_public_key(key)
                .ok_or_else(|| ApiError::field("credential.key", "invalid_key", KEY_RULE))?;
            Ok(Checked {
                new: NewClientCredential {
                    client_id,
                    kind: CredentialKind::PublicKey,
                    secret_hash: None,
                    public_key: Some(key.text),
                    algorithm: Some(algorithm_name(key.algorithm).to_owned()),
                    now,
                },
                secret: None,
            })
        }
    }
}

fn check_name(name: &str) -> Result<String, ApiError> {
    let name = name.trim();
    check_text(name, Lines::One).map_err(|e| ApiError::field("name", e.code, e.message))?;
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::field(
            "name",
            "length",
            "Give the client a name of 1 to 100 characters",
        ));
    }
    Ok(name.to_owned())
}

fn check_scopes(scopes: &[Scope]) -> Result<Vec<Scope>, ApiError> {
    let mut scopes = scopes.to_vec();
    scopes.sort_unstable();
    scopes.dedup();
    if scopes.is_empty() {
        return Err(ApiError::field(
            "scopes",
            "required",
            "Choose at least one scope",
        ));
    }
    Ok(scopes)
}

/// Registers a client of `organisation_id` with its first credential; the
/// secret, when the credential is one, is returned to be shown once.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    organisation_id: Uuid,
    name: &str,
    scopes: &[Scope],
    credential: &NewCredential,
) -> Result<(ApiClientView, Option<String>), ApiError> {
    let now = state.clock.now();
    let name = check_name(name);
    let scopes = check_scopes(scopes);
    // Every field's error at once.
    let (name, scopes) = match (name, scopes) {
        (Ok(n), Ok(s)) => (n, s),
        (n, s) => {
            let errors = [n.err(), s.err()]
                .into_iter()
                .flatten()
                .flat_map(|e| match e {
                    ApiError::Validation(errors) => errors,
                    _ => Vec::new(),
                })
                .collect();
            return Err(ApiError::Validation(errors));
        }
    };
    // Checked before the client exists, so a bad key creates nothing.
    let checked = check_credential(Uuid::nil(), credential, now)?;
    let client = state
        .store
        .create_api_client(&NewApiClient {
            organisation_id,
            name,
            scopes,
            now,
        })
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => ApiError::field(
                "name",
                "taken",
                "The organisation already has a client with this name",
            ),
            other => other.into(),
        })?;
    state
        .store
        .add_client_credential(&NewClientCredential {
            client_id: client.id,
            ..checked.new
        })
        .await?;
    state
        .record_audit(&[actor.event(AuditAction::ApiClientCreated, &client, now)])
        .await?;
    Ok((view(state, &client).await?, checked.secret))
}

/// Adds a credential to a client (the first step of a rotation: the old
/// one stays valid until it is revoked).
pub async fn add_credential(
    state: &AppState,
    actor: &Actor,
    client: &ApiClient,
    credential: &NewCredential,
) -> Result<(ApiClientView, Option<String>), ApiError> {
    let now = state.clock.now();
    let checked = check_credential(client.id, credential, now)?;
    state.store.add_client_credential(&checked.new).await?;
    state
        .record_audit(&[actor.event(AuditAction::ApiClientChanged, client, now)])
        .await?;
    Ok((view(state, client).await?, checked.secret))
}

/// Revokes one credential of a client (the end of a rotation); 404 when
/// the client has no such live credential.
pub async fn revoke_credential(
    state: &AppState,
    actor: &Actor,
    client: &ApiClient,
    credential_id: Uuid,
) -> Result<ApiClientView, ApiError> {
    let now = state.clock.now();
    if !state
        .store
        .revoke_client_credential(client.id, credential_id, now)
        .await?
    {
        return Err(ApiError::NotFound);
    }
    state
        .record_audit(&[actor.event(AuditAction::ApiClientChanged, client, now)])
        .await?;
    view(state, client).await
}

/// Replaces a client's scopes.
pub async fn set_scopes(
    state: &AppState,
    actor: &Actor,
    client: &ApiClient,
    scopes: &[Scope],
) -> Result<ApiClientView, ApiError> {
    let scopes = check_scopes(scopes)?;
    state
        .store
        .set_api_client_scopes(client.id, &scopes)
        .await?;
    state
        .record_audit(&[actor.event(AuditAction::ApiClientChanged, client, state.clock.now())])
        .await?;
    let client = ApiClient {
        scopes,
        ..client.clone()
    };
    view(state, &client).await
}

/// Disables a client: its tokens stop working at once.
pub async fn disable(
    state: &AppState,
    actor: &Actor,
    client: &ApiClient,
) -> Result<ApiClientView, ApiError> {
    let now = state.clock.now();
    state.store.disable_api_client(client.id, now).await?;
    state
        .record_audit(&[actor.event(AuditAction::ApiClientDisabled, client, now)])
        .await?;
    let client = state
        .store
        .api_client(client.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    view(state, &client).await
}

/// The client with this id if it belongs to `organisation_id`; 404 for
/// another organisation's, as for none.
pub async fn of_organisation(
    state: &AppState,
    organisation_id: Uuid,
    id: Uuid,
) -> Result<ApiClient, ApiError> {
    state
        .store
        .api_client(id)
        .await?
        .filter(|c| c.organisation_id == organisation_id)
        .ok_or(ApiError::NotFound)
}

/// A client as its administrator sees it, with its credentials.
pub async fn view(state: &AppState, client: &ApiClient) -> Result<ApiClientView, ApiError> {
    let credentials = state.store.client_credentials(client.id).await?;
    Ok(ApiClientView {
        id: client.id.to_string(),
        name: client.name.clone(),
        scopes: client.scopes.clone(),
        created_at: api_time(client.created_at),
        disabled_at: client.disabled_at.map(api_time),
        last_used_at: client.last_used_at.map(api_time),
        credentials: credentials.iter().map(credential_view).collect(),
    })
}

fn credential_view(c: &ClientCredential) -> CredentialView {
    CredentialView {
        id: c.id.to_string(),
        kind: c.kind,
        algorithm: c.algorithm.clone(),
        created_at: api_time(c.created_at),
        revoked_at: c.revoked_at.map(api_time),
    }
}
