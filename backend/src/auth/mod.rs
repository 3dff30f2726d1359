//! Authentication. Applicants log in with DUF-number and a one-time code
//! ([`code`], [`login`]) and get a server-side session carried by a signed
//! token ([`token`]) in a cookie or a Bearer header; handlers name the
//! session they need with the [`applicant`] extractors. Caseworkers log in
//! with username, password and an optional TOTP code ([`caseworker`],
//! [`password`]) and get a session of the same kind with its own audience;
//! their failed logins slow down per account and address ([`backoff`]).

pub mod applicant;
pub mod backoff;
pub mod caseworker;
pub mod client;
pub mod code;
pub mod login;
pub mod password;
pub mod throttle;
pub mod token;

pub use applicant::{ApplicantSession, ConsentedApplicant};
pub use caseworker::CaseworkerSession;
