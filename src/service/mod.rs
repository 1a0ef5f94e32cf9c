//! The operations a user performs. Each is one transaction with its audit entry,
//! used by both the desktop app and the command line.

pub mod attendance;
pub mod audit;
pub mod backup;
pub mod certificates;
pub mod check;
mod conflict;
pub mod demo;
pub mod departments;
pub mod eligibility;
pub mod employees;
pub mod import_attendance;
pub mod import_employees;
pub mod invitations;
pub mod live;
pub mod migrate;
pub mod needs;
pub mod places;
pub mod planning;
pub mod privacy;
pub mod programs;
pub mod renewals;
pub mod reports;
pub mod retention;
pub mod seminars;
pub mod sessions;
pub mod settings;

mod database;

pub use crate::store::{display_url, scratch_database, url_has_password};
pub use database::{Database, Listener, server_url};
