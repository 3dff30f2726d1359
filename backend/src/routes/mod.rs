//! One module per resource; each exposes `router()` with its documented
//! handlers.

pub mod health;
