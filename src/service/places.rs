//! Which database Lotse opens when none is named (`--db`, `LOTSE_DB`): the one the user
//! last opened in the app ("Andere Datenbank öffnen …"), remembered in `database.txt` in
//! the user's data directory, else the default file `lotse.sqlite` there. A password is
//! never remembered: a server URL that carries one is refused.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::t;
use crate::service::{display_url, server_url};

/// The file in the data directory that names the chosen database.
const CHOSEN: &str = "database.txt";

/// The user's data directory (Linux: `~/.local/share/lotse/`, Windows:
/// `%APPDATA%\Lotse\Lotse\data\`), where the default file and the choice live.
pub fn data_dir() -> Option<PathBuf> {
    crate::store::default_db_path().and_then(|p| p.parent().map(Path::to_path_buf))
}

/// The default database file, `lotse.sqlite` in the data directory.
pub fn default_file() -> Option<PathBuf> {
    crate::store::default_db_path()
}

/// How a screen names a database: the file's name, or the server's URL (without a
/// password, should it carry one).
pub fn name_of(target: &Path) -> String {
    match server_url(target) {
        Some(url) => display_url(url),
        None => target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| target.display().to_string()),
    }
}

/// The database to open when none is named: the chosen one, else the default file.
pub fn default_target() -> Option<PathBuf> {
    data_dir()
        .and_then(|dir| chosen_in(&dir))
        .or_else(crate::store::default_db_path)
}

/// The database chosen in the app, as remembered in `dir`; `None` when none was (or the
/// note cannot be read: then the default file is opened, as before any choice).
pub fn chosen_in(dir: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(dir.join(CHOSEN)).ok()?;
    let target = text.lines().next()?.trim();
    (!target.is_empty() && !has_password(Path::new(target))).then(|| PathBuf::from(target))
}

/// Remembers `target` in `dir` as the database to open next time; the default file
/// itself is remembered by forgetting any other choice. A URL with a password is refused
/// (whoever reads the note would read the password).
pub fn remember_in(dir: &Path, target: &Path) -> Result<()> {
    if has_password(target) {
        return Err(Error::Message(t("app-open-password-in-url")));
    }
    let note = dir.join(CHOSEN);
    if crate::store::default_db_path().is_some_and(|default| default == target) {
        return match std::fs::remove_file(&note) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::file(note, e)),
            _ => Ok(()),
        };
    }
    let line = format!("{}\n", target.display());
    crate::files::write_private(&note, line.as_bytes())
}

/// Whether `target` is a server URL that carries a password.
pub fn has_password(target: &Path) -> bool {
    server_url(target).is_some_and(crate::service::url_has_password)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_is_remembered_and_a_password_never() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(chosen_in(dir.path()), None);
        let file = dir.path().join("amt.sqlite");
        remember_in(dir.path(), &file).unwrap();
        assert_eq!(chosen_in(dir.path()), Some(file));
        let url = PathBuf::from("postgres://anna@db.kreis.local/lotse");
        remember_in(dir.path(), &url).unwrap();
        assert_eq!(chosen_in(dir.path()), Some(url.clone()));
        let with_password = PathBuf::from("postgres://anna:geheim@db.kreis.local/lotse");
        assert!(has_password(&with_password) && !has_password(&url));
        assert!(remember_in(dir.path(), &with_password).is_err());
        assert_eq!(chosen_in(dir.path()), Some(url), "the earlier choice stays");
        let text = std::fs::read_to_string(dir.path().join(CHOSEN)).unwrap();
        assert!(!text.contains("geheim"));
        // A note someone wrote by hand with a password is not used.
        std::fs::write(dir.path().join(CHOSEN), "postgres://anna:geheim@h/db\n").unwrap();
        assert_eq!(chosen_in(dir.path()), None);
    }
}
