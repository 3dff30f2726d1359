//! The applicant's app, in two bundles: the start bundle (language,
//! information, login, consent: the first load, `src/main.rs`) and the
//! form bundle fetched after login (`src/bin/form.rs`). Its fourteen
//! languages' texts are `frontend/locales/<lang>.ftl`.

pub mod api;
pub mod app;
pub mod components;
pub mod dates;
pub mod form;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod speech;
pub mod storage;
pub mod together;
pub mod translation;
