//! Pages: each owns its data and composes components.
//!
//! The start pages (language, information, login, consent) make up the
//! first-load bundle; the form pages live in a second bundle loaded after
//! login, so the applicant's first load stays small.

pub mod consent;
pub mod form;
pub mod info;
pub mod language;
pub mod login;
pub mod not_found;
pub mod status;
