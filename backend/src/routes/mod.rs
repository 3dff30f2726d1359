//! One module per resource; each exposes `router()` with its documented
//! handlers.

pub mod applicant;
pub mod health;
pub mod questionnaire;
pub mod registration;
