//! Kartlegg's browser app. Pages own their data; components take signals and
//! callbacks; every user-visible string comes from the translation layer.

pub mod api;
pub mod app;
pub mod caseworker;
pub mod components;
pub mod core;
pub mod dates;
pub mod form;
pub mod i18n;
pub mod pages;
pub mod speech;
pub mod storage;
pub mod translation;
