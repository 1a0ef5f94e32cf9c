//! Lotse: a desktop staff-training tracker for public administrations.
//!
//! The library holds everything; `main.rs` only parses the command line and starts
//! the app or a command. The app (`app`) is built only with the default feature `gui`.
//! See ARCHITECTURE.md for the layers and the code map. Dependencies point downwards:
//! `app`, `cli` → `service` → `store`, `rules`, `import`, `report` → `model`.

#[cfg(feature = "gui")]
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
pub mod text;

pub use error::{Error, Result};
