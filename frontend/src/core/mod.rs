//! What both apps (the applicant's and the back office's) stand on: the
//! HTTP client and its problem decoding, the Fluent catalog with its
//! fallback, and the questionnaire and code lists as the API serves them.
//! Nothing here knows an app's pages or texts.

pub mod content;
pub mod http;
pub mod i18n;
