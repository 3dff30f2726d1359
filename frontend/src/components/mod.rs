//! Reusable components. They take signals and callbacks, never fetch.

pub mod status;
