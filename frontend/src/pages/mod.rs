//! Pages: each owns its data and composes components.

pub mod home;
pub mod not_found;
