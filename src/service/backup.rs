//! Backups: taken automatically (when the app closes, after the first change of a day,
//! before migrations, restores and repairs) or by hand, checked before they count,
//! thinned by age, listed with what they hold, and restored.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::error::{Error, Result};
use crate::service::Database;
use crate::store::{self, BackupName, Read, Store, backup_file, list_backups, new_backup_path};
pub use crate::store::{BackupContent, BackupReason, StorageLocation};

pub const KEEP_ALL_DAYS: &str = "backup_keep_all_days";
pub const KEEP_DAILY_DAYS: &str = "backup_keep_daily_days";
pub const KEEP_WEEKLY_WEEKS: &str = "backup_keep_weekly_weeks";
pub const KEEP_MONTHLY_MONTHS: &str = "backup_keep_monthly_months";

/// How many backups are kept as they age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thinning {
    /// Every backup younger than this many days.
    pub all_days: u32,
    /// One a day for this many days.
    pub daily_days: u32,
    /// One a week for this many weeks.
    pub weekly_weeks: u32,
    /// One a month for this many months.
    pub monthly_months: u32,
}

impl Default for Thinning {
    fn default() -> Thinning {
        Thinning {
            all_days: 2,
            daily_days: 14,
            weekly_weeks: 8,
            monthly_months: 12,
        }
    }
}

impl Thinning {
    /// The policy in the settings (defaults where unset).
    pub fn load(from: &impl Read) -> Result<Thinning> {
        let d = Thinning::default();
        let get = |key: &str, default: u32| -> Result<u32> {
            Ok(from
                .setting(key)?
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(default))
        };
        Ok(Thinning {
            all_days: get(KEEP_ALL_DAYS, d.all_days)?,
            daily_days: get(KEEP_DAILY_DAYS, d.daily_days)?,
            weekly_weeks: get(KEEP_WEEKLY_WEEKS, d.weekly_weeks)?,
            monthly_months: get(KEEP_MONTHLY_MONTHS, d.monthly_months)?,
        })
    }

    /// Stores the policy, as one change with its audit entry.
    pub fn save(&self, db: &mut Database) -> Result<()> {
        let store = db.store_mut();
        if self.all_days == 0 && self.daily_days == 0 {
            return Err(Error::Message(crate::i18n::t("backup-thinning-invalid")));
        }
        store.transact(|tx| {
            for (key, value) in [
                (KEEP_ALL_DAYS, self.all_days),
                (KEEP_DAILY_DAYS, self.daily_days),
                (KEEP_WEEKLY_WEEKS, self.weekly_weeks),
                (KEEP_MONTHLY_MONTHS, self.monthly_months),
            ] {
                tx.set_setting(key, Some(&value.to_string()))?;
            }
            tx.audit("setting", None, "edit", "backup thinning")
        })
    }

    /// Which of `backups` (any order) to delete at `now`: every backup younger than
    /// `all_days` stays; of the older ones the newest of each day stays for `daily_days`,
    /// of each ISO week for `weekly_weeks`, of each month for `monthly_months`; the rest
    /// goes. The newest backup always stays.
    pub fn to_delete(&self, backups: &[BackupName], now: NaiveDateTime) -> Vec<PathBuf> {
        let mut sorted: Vec<&BackupName> = backups.iter().collect();
        sorted.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
        let mut days: HashSet<NaiveDate> = HashSet::new();
        let mut weeks: HashSet<(i32, u32)> = HashSet::new();
        let mut months: HashSet<(i32, u32)> = HashSet::new();
        let mut delete = Vec::new();
        for (i, b) in sorted.into_iter().enumerate() {
            let age = now - b.taken_at;
            let day = b.taken_at.date();
            let week = (day.iso_week().year(), day.iso_week().week());
            let month = (day.year(), day.month());
            let age_days = age.num_days();
            let keep = i == 0
                || age < chrono::Duration::days(i64::from(self.all_days))
                || (age_days < i64::from(self.daily_days) && days.insert(day))
                || (age_days < i64::from(self.weekly_weeks) * 7 && weeks.insert(week))
                || (months_between(day, now.date()) < i64::from(self.monthly_months)
                    && months.insert(month));
            // A kept backup also stands for its day, week and month.
            if keep {
                days.insert(day);
                weeks.insert(week);
                months.insert(month);
            } else {
                delete.push(b.path.clone());
            }
        }
        delete
    }
}

/// Whole calendar months from `from` to `to` (0 within the same month).
fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    i64::from(to.year() - from.year()) * 12 + i64::from(to.month()) - i64::from(from.month())
}

/// A backup as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub taken_at: NaiveDateTime,
    pub reason: Option<BackupReason>,
    pub size: u64,
    /// What it holds, or `None` when it cannot be read (damaged, not Lotse's, too new).
    pub content: Option<BackupContent>,
}

/// The folder the backups of the database at `db` go to.
pub fn folder(db: &Path) -> PathBuf {
    store::backup_dir(db)
}

/// The backups of the database at `db`, newest first, with size and content.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>> {
    Ok(list_backups(db)?
        .into_iter()
        .map(|b| {
            let size = std::fs::metadata(&b.path).map(|m| m.len()).unwrap_or(0);
            let content = store::backup_content(&b.path).ok();
            BackupInfo {
                path: b.path,
                taken_at: b.taken_at,
                reason: b.reason,
                size,
                content,
            }
        })
        .collect())
}

/// What a backup run did.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupDone {
    pub path: PathBuf,
    pub content: BackupContent,
    /// Older backups removed by thinning.
    pub removed: Vec<PathBuf>,
}

/// Takes a backup of the database at `db` into its backups folder at `now` (through a
/// connection of its own, so it can run beside the app's), checks it, and only then thins
/// the older ones by `thinning`. `progress` gets 0.0..=1.0 and returns false to cancel.
pub fn take(
    db: &Path,
    reason: BackupReason,
    now: NaiveDateTime,
    thinning: Thinning,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<BackupDone> {
    let dest = new_backup_path(db, now, reason)?;
    let content = backup_file(db, &dest, progress)?;
    log::info!(
        "backup taken: {} ({} bytes)",
        dest.display(),
        std::fs::metadata(&dest).map(|m| m.len()).unwrap_or(0)
    );
    let removed = thin(db, thinning, now)?;
    Ok(BackupDone {
        path: dest,
        content,
        removed,
    })
}

/// Takes a backup of the open `store` (file-backed) into its backups folder: see [`take`].
pub fn take_of(
    db: &Database,
    reason: BackupReason,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<BackupDone> {
    let store = db.store();
    let db = store_path(store)?;
    take(
        &db,
        reason,
        store.clock().now(),
        Thinning::load(store)?,
        progress,
    )
}

/// Writes a backup of `store` to `dest` (anywhere, not thinned).
pub fn write_to(
    db: &Database,
    dest: &Path,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<BackupContent> {
    let store = db.store();
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(Error::file(
            dir,
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
    }
    let content = store.backup_to(dest, progress)?;
    log::info!("backup written to {}", dest.display());
    Ok(content)
}

/// Deletes the backups that `thinning` no longer keeps at `now`; returns them.
pub fn thin(db: &Path, thinning: Thinning, now: NaiveDateTime) -> Result<Vec<PathBuf>> {
    let backups = list_backups(db)?;
    let delete = thinning.to_delete(&backups, now);
    for path in &delete {
        std::fs::remove_file(path).map_err(|e| Error::file(path, e))?;
    }
    if !delete.is_empty() {
        log::info!("thinning removed {} old backups", delete.len());
    }
    Ok(delete)
}

/// Whether the database at `db` has no backup from `today` yet: the first change of a day
/// then takes one.
pub fn daily_due(db: &Path, today: NaiveDate) -> bool {
    list_backups(db)
        .map(|b| {
            b.first()
                .is_none_or(|newest| newest.taken_at.date() < today)
        })
        .unwrap_or(false)
}

/// Takes the day's backup if none was taken today. For the command line after a change;
/// the app does the same on its background thread.
pub fn daily_if_due(db: &Database) -> Result<Option<BackupDone>> {
    let Some(file) = db.path() else {
        return Ok(None);
    };
    if !daily_due(&file, db.today()) {
        return Ok(None);
    }
    take_of(db, BackupReason::Daily, &mut |_| true).map(Some)
}

/// The newest backup of `db` that passes its check.
pub fn newest_good(db: &Path) -> Option<PathBuf> {
    list_backups(db)
        .ok()?
        .into_iter()
        .find(|b| store::verify_backup(&b.path).is_ok())
        .map(|b| b.path)
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The backup of the state before the restore (to undo it).
    pub undo: Option<PathBuf>,
    /// Where a damaged file was moved aside.
    pub kept_damaged: Option<PathBuf>,
    pub content: BackupContent,
}

/// Restores `backup` into the open `store`: the current state is backed up first (so the
/// restore can be undone), then the backup's content replaces it, in one step that other
/// connections see whole. A file that is not a Lotse database, or a newer one, is refused.
pub fn restore(
    db: &mut Database,
    backup: &Path,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Restored> {
    store::verify_backup(backup)?;
    let undo = match db.path() {
        Some(_) => Some(take_of(db, BackupReason::BeforeRestore, &mut |p| progress(p * 0.5))?.path),
        None => None,
    };
    let store = db.store_mut();
    let content = store.restore_from(backup, &mut |p| progress(0.5 + p * 0.5))?;
    store.transact(|tx| tx.audit("database", None, "restore", &backup_label(backup)))?;
    log::info!("restored {}", backup.display());
    Ok(Restored {
        undo,
        kept_damaged: None,
        content,
    })
}

/// Restores `backup` into the database file at `db` when it is not open: opens it if it
/// can be opened and restores as [`restore`] does; a damaged or missing file is replaced
/// by the backup (the damaged one kept as `….corrupt-DATE`).
pub fn restore_file(db: &Path, backup: &Path) -> Result<Restored> {
    store::verify_backup(backup)?;
    if db.exists() {
        match Database::open(db) {
            Ok(mut database) => return restore(&mut database, backup, &mut |_| true),
            Err(Error::Damaged { .. } | Error::Corrupt(_)) => {}
            Err(e) => return Err(e),
        }
    }
    let today = chrono::Local::now().date_naive();
    let kept_damaged = store::replace_file(db, backup, today)?;
    let mut store = Store::open(db)?;
    store.transact(|tx| tx.audit("database", None, "restore", &backup_label(backup)))?;
    let content = store.content()?;
    log::info!(
        "replaced a damaged or missing database by {}",
        backup.display()
    );
    Ok(Restored {
        undo: None,
        kept_damaged,
        content,
    })
}

/// Where the open database's file lies: a local disk, a network share, a cloud folder.
pub fn location(db: &Database) -> StorageLocation {
    let store = db.store();
    store.location()
}

/// What the backup section of the settings shows.
#[derive(Debug, Clone)]
pub struct Overview {
    pub backups: Vec<BackupInfo>,
    pub thinning: Thinning,
    /// Where the database file lies (a network share or a cloud folder gets a warning).
    pub location: StorageLocation,
    /// The folder the backups go to.
    pub folder: PathBuf,
}

/// The backups of the open database, the thinning policy, where the file lies and
/// where backups go.
pub fn overview(db: &Database) -> Result<Overview> {
    let store = db.store();
    let (backups, folder) = match store.path() {
        Some(db) => (list(db)?, folder(db)),
        None => (Vec::new(), PathBuf::new()),
    };
    Ok(Overview {
        backups,
        thinning: Thinning::load(store)?,
        location: location(db),
        folder,
    })
}

/// When the backup at `backup` of the database `db` was taken, as its file name says;
/// `None` for a file not named the way Lotse names backups.
pub fn taken_at(db: &Path, backup: &Path) -> Option<NaiveDateTime> {
    store::parse_name(db, backup).map(|name| name.taken_at)
}

/// Why a backup was taken, in the user's language ("beim Beenden").
pub fn reason_label(reason: Option<BackupReason>) -> String {
    match reason {
        Some(r) => crate::i18n::t(&format!("backup-reason-{}", r.code())),
        None => String::new(),
    }
}

fn backup_label(backup: &Path) -> String {
    backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn store_path(store: &Store) -> Result<PathBuf> {
    if let Some(url) = store.server_url() {
        return Err(Error::Message(crate::i18n::ta(
            "backup-on-server",
            &[("url", crate::i18n::Arg::from(url))],
        )));
    }
    store
        .path()
        .map(Path::to_path_buf)
        .ok_or_else(|| Error::Message(crate::i18n::t("backup-needs-file")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn names(times: &[NaiveDateTime]) -> Vec<BackupName> {
        times
            .iter()
            .map(|t| BackupName {
                path: PathBuf::from(t.format("%Y-%m-%d_%H%M").to_string()),
                taken_at: *t,
                reason: Some(BackupReason::Daily),
            })
            .collect()
    }

    fn kept(thinning: Thinning, times: &[NaiveDateTime], now: NaiveDateTime) -> Vec<String> {
        let all = names(times);
        let delete: HashSet<PathBuf> = thinning.to_delete(&all, now).into_iter().collect();
        let mut kept: Vec<String> = all
            .into_iter()
            .filter(|b| !delete.contains(&b.path))
            .map(|b| b.path.to_string_lossy().into_owned())
            .collect();
        kept.sort();
        kept
    }

    #[test]
    fn the_last_two_days_stay_whole() {
        let now = at("2026-12-06 18:00");
        let times = [
            at("2026-12-06 09:00"),
            at("2026-12-06 12:00"),
            at("2026-12-05 09:00"),
            at("2026-12-05 17:00"),
            at("2026-12-04 19:00"),
        ];
        assert_eq!(kept(Thinning::default(), &times, now).len(), 5);
    }

    #[test]
    fn one_a_day_then_a_week_then_a_month() {
        let now = at("2026-12-06 12:00");
        // Three backups a day, every day, for 500 days.
        let mut times = Vec::new();
        for d in 0..500 {
            for h in [8, 12, 17] {
                times.push(now - chrono::Duration::days(d) - chrono::Duration::hours(12 - h));
            }
        }
        let kept = kept(Thinning::default(), &times, now);
        let kept_times: Vec<NaiveDateTime> = kept
            .iter()
            .map(|s| NaiveDateTime::parse_from_str(s, "%Y-%m-%d_%H%M").unwrap())
            .collect();
        // Within 2 days: all of them.
        let recent = kept_times
            .iter()
            .filter(|t| now - **t < chrono::Duration::days(2))
            .count();
        assert_eq!(
            recent,
            times
                .iter()
                .filter(|t| now - **t < chrono::Duration::days(2))
                .count()
        );
        // Between 2 and 14 days: one a day.
        let mut daily: Vec<NaiveDate> = kept_times
            .iter()
            .filter(|t| {
                let age = (now - **t).num_days();
                (2..14).contains(&age)
            })
            .map(|t| t.date())
            .collect();
        let n = daily.len();
        daily.dedup();
        assert_eq!(daily.len(), n, "one a day");
        assert!(n >= 11, "{n} daily backups");
        // Nothing older than 12 months.
        assert!(
            kept_times
                .iter()
                .all(|t| months_between(t.date(), now.date()) < 12)
        );
        // Older than 8 weeks: one a month at most.
        let mut monthly: Vec<(i32, u32)> = kept_times
            .iter()
            .filter(|t| (now - **t).num_days() >= 8 * 7)
            .map(|t| (t.year(), t.month()))
            .collect();
        let m = monthly.len();
        monthly.dedup();
        assert_eq!(monthly.len(), m, "one a month");
        assert!(m >= 9, "{m} monthly backups");
        // Between 14 days and 8 weeks: one a week at most.
        let mut weekly: Vec<(i32, u32)> = kept_times
            .iter()
            .filter(|t| (14..56).contains(&(now - **t).num_days()))
            .map(|t| (t.iso_week().year(), t.iso_week().week()))
            .collect();
        // One a week, but for a month's first backup that the monthly rule keeps.
        let w = weekly.len();
        weekly.dedup();
        assert!(
            w - weekly.len() <= 2,
            "one a week: {w} in {} weeks",
            weekly.len()
        );
        assert!((5..=8).contains(&weekly.len()), "{w} weekly backups");
        // The total stays small.
        assert!(kept.len() < 2 * 3 + 14 + 8 + 12 + 3, "{} kept", kept.len());
    }

    #[test]
    fn the_newest_backup_always_stays() {
        let now = at("2026-12-06 12:00");
        let times = [at("2023-01-01 12:00"), at("2022-01-01 12:00")];
        assert_eq!(
            kept(Thinning::default(), &times, now),
            vec!["2023-01-01_1200"]
        );
    }

    #[test]
    fn a_smaller_policy_keeps_fewer() {
        let now = at("2026-12-06 12:00");
        let times: Vec<NaiveDateTime> = (0..60).map(|d| now - chrono::Duration::days(d)).collect();
        let small = Thinning {
            all_days: 1,
            daily_days: 3,
            weekly_weeks: 0,
            monthly_months: 0,
        };
        assert_eq!(kept(small, &times, now).len(), 3);
        assert!(kept(Thinning::default(), &times, now).len() > 3);
    }
}
