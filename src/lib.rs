//! Lotse: a desktop staff-training tracker for public administrations.
//!
//! The library holds everything; `main.rs` only parses the command line and starts
//! the app or a command. Dependencies point downwards:
//! `app`, `cli` → `service` → `store`, `rules`, `import`, `report` → `model`.

pub mod app;
pub mod certificate;
pub mod cli;
pub mod error;
pub mod files;
pub mod i18n;
pub mod import;
pub mod logging;
pub mod model;
pub mod report;
pub mod rules;
pub mod service;
pub mod store;

pub use error::{Error, Result};
