//! What both apps (the applicant's and the back office's) stand on: the
//! HTTP client and its problem decoding, the Fluent catalog with its
//! fallback, the questionnaire and code lists as the API serves them,
//! answers as text, the page's focus, and the common components (a fetch's
//! frame, the table and pager, the confirmation dialog), which say their
//! words through the app's `Words`.
//! Nothing here knows an app's pages or texts.

pub mod answers;
pub mod confirm;
pub mod content;
pub mod http;
pub mod i18n;
pub mod loaded;
pub mod page;
pub mod table;
pub mod words;
