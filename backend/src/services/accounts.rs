//! Caseworker accounts: the rules for a new account (username, display
//! name, password, roles, second factor), the same from the API, the
//! command line and the demo data.

use kartlegg_shared::caseworker::{DISPLAY_NAME_MAX_CHARS, Role};
use kartlegg_shared::fields::Username;
use kartlegg_shared::password::check_password;
use kartlegg_shared::problem::FieldError;
use kartlegg_shared::text::{Lines, check_text};
use uuid::Uuid;

use crate::auth::password::{hash_password, new_totp_secret};
use crate::db::{Caseworker, NewCaseworker, StoreError};
use crate::error::ApiError;

/// A new account's values, from the API or the command line.
#[derive(Debug)]
pub struct NewAccount<'a> {
    pub organisation_id: Uuid,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password: &'a str,
    pub roles: &'a [Role],
    pub totp: bool,
}

/// Validates and creates an account; returns it with its TOTP secret when
/// one was set up. For the API, `kartlegg user add` and the demo data.
pub async fn create(
    store: &dyn crate::db::Store,
    new: NewAccount<'_>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(Caseworker, Option<Vec<u8>>), ApiError> {
    let display_name = new
        .display_name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut errors = Vec::new();
    let username = Username::parse(new.username)
        .map_err(|e| errors.push(FieldError::new("username", e.code, e.message)))
        .map_or_else(|()| String::new(), Username::into_string);
    if let Err(e) = check_text(new.display_name, Lines::One) {
        errors.push(FieldError::new("display_name", e.code, e.message));
    } else if display_name.is_empty() || new.display_name.chars().count() > DISPLAY_NAME_MAX_CHARS {
        errors.push(FieldError::new(
            "display_name",
            "invalid_name",
            "A display name has 1 to 100 characters",
        ));
    }
    // Checked against the username as sent, also when it was refused above.
    if let Err(e) = check_password(new.password, new.username) {
        errors.push(FieldError::new("password", e.code, e.message));
    }
    if new.roles.is_empty() {
        errors.push(FieldError::new(
            "roles",
            "roles_required",
            "Give the account at least one role",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let password = new.password.to_owned();
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(ApiError::Internal)?;
    let secret = if new.totp {
        Some(new_totp_secret().map_err(ApiError::Internal)?)
    } else {
        None
    };
    let account = store
        .create_caseworker(&NewCaseworker {
            organisation_id: new.organisation_id,
            username,
            display_name,
            password_hash,
            totp_secret: secret.clone(),
            roles: new.roles.to_vec(),
            now,
        })
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => ApiError::Conflict("This username is taken".into()),
            other => other.into(),
        })?;
    Ok((account, secret))
}
