//! Moving a Lotse database to another place: from a SQLite file into an empty PostgreSQL
//! database when several officers are to work on it, or from a server back into a file.

use std::path::Path;

use crate::error::Result;
use crate::service::Database;
pub use crate::store::CopyCounts;

/// Copies everything in `db` into the empty database at `target` (a file, created if
/// missing, or a `postgres://` URL), in one transaction, and checks that both hold the
/// same number of rows of every kind. The target records the copy in its audit log.
pub fn copy_to(db: &Database, target: &Path) -> Result<CopyCounts> {
    let mut to = Database::open(target)?;
    let counts = db.store().copy_into(to.store_mut())?;
    let source = match db.store().server_url() {
        Some(url) => url.to_owned(),
        None => db
            .path()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default(),
    };
    to.store_mut().transact(|tx| {
        tx.audit(
            "database",
            None,
            "copy",
            &format!(
                "copied from {source}: {} employees, {} attendance, {} certificates, {} audit entries",
                counts.domain.employees,
                counts.domain.attendance,
                counts.domain.certificates,
                counts.audit
            ),
        )
    })?;
    log::info!("database copied ({} employees)", counts.domain.employees);
    Ok(counts)
}

/// Creates the roles `lotse_officer` (read and write) and `lotse_reader` (read only) on
/// the server and grants them their rights; run by the database's owner.
pub fn setup_roles(db: &Database) -> Result<()> {
    db.store().setup_roles()?;
    log::info!("roles lotse_officer and lotse_reader set up");
    Ok(())
}
