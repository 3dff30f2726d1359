//! Reusable components. They take signals and callbacks, never fetch.

pub mod layout;
pub mod nav;
pub mod pictogram;
pub mod question;
pub mod status;
pub mod status_icon;
