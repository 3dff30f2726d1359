//! Authentication. Applicants log in with DUF-number and a one-time code
//! ([`code`], [`login`]) and get a server-side session carried by a signed
//! token ([`token`]) in a cookie or a Bearer header; handlers name the
//! session they need with the [`applicant`] extractors.

pub mod applicant;
pub mod code;
pub mod login;
pub mod throttle;
pub mod token;

pub use applicant::{ApplicantSession, ConsentedApplicant};
