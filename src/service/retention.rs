//! Retention of leavers: German personnel-file rules (BBG §113 and the states' laws) keep
//! the training records of someone who left for a number of years after the exit date,
//! typically five. After that they are erased — anonymised or deleted, as the settings say.
//!
//! [`due`] lists who is past the period; [`apply`] runs the erasure for each of them, one
//! transaction per person (see `crate::service::privacy`).

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::i18n::{Arg, t, ta};
use crate::model::EmployeeId;
use crate::service::Database;
use crate::service::privacy::ErasureMode;
use crate::store::{LeaverRow, Read};

pub const RETENTION_YEARS: &str = "retention_years";
pub const RETENTION_ACTION: &str = "retention_action";

/// The longest period that can be set, in years.
pub const MAX_YEARS: u32 = 50;

/// What happens to a leaver's data once the period is over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RetentionAction {
    /// Name, e-mail and personnel number are replaced; attendance and certificates stay
    /// (without the person), so that reports keep their totals.
    #[default]
    Anonymise,
    /// The person and everything about them is deleted.
    Delete,
}

impl RetentionAction {
    pub const ALL: [RetentionAction; 2] = [RetentionAction::Anonymise, RetentionAction::Delete];

    /// The code stored in the settings.
    pub fn code(self) -> &'static str {
        match self {
            RetentionAction::Anonymise => "anonymise",
            RetentionAction::Delete => "delete",
        }
    }

    pub fn from_code(code: &str) -> Option<RetentionAction> {
        match code.trim().to_ascii_lowercase().as_str() {
            "anonymise" | "anonymize" => Some(RetentionAction::Anonymise),
            "delete" => Some(RetentionAction::Delete),
            _ => None,
        }
    }

    /// "anonymisieren" / "löschen", for choices and sentences.
    pub fn label(self) -> String {
        t(match self {
            RetentionAction::Anonymise => "retention-action-anonymise",
            RetentionAction::Delete => "retention-action-delete",
        })
    }

    /// The erasure that carries the action out.
    pub fn mode(self) -> ErasureMode {
        match self {
            RetentionAction::Anonymise => ErasureMode::Anonymise,
            RetentionAction::Delete => ErasureMode::Delete,
        }
    }

    /// What the action does to a person's data, in a sentence.
    pub fn explanation(self) -> String {
        t(match self {
            RetentionAction::Anonymise => "retention-action-anonymise-explained",
            RetentionAction::Delete => "retention-action-delete-explained",
        })
    }
}

/// How long leavers' records are kept, and what happens then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// Whole years after the exit date.
    pub years: u32,
    pub action: RetentionAction,
}

impl Default for RetentionPolicy {
    fn default() -> RetentionPolicy {
        RetentionPolicy {
            years: 5,
            action: RetentionAction::Anonymise,
        }
    }
}

impl RetentionPolicy {
    /// The policy in the settings (defaults where unset or unreadable).
    /// The policy as stored now.
    pub fn current(db: &Database) -> Result<RetentionPolicy> {
        RetentionPolicy::load(db.store())
    }

    pub fn load(from: &impl Read) -> Result<RetentionPolicy> {
        let d = RetentionPolicy::default();
        let years = from
            .setting(RETENTION_YEARS)?
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|y| (1..=MAX_YEARS).contains(y))
            .unwrap_or(d.years);
        let action = from
            .setting(RETENTION_ACTION)?
            .and_then(|v| RetentionAction::from_code(&v))
            .unwrap_or(d.action);
        Ok(RetentionPolicy { years, action })
    }

    /// Stores the policy, as one change with its audit entry. A period outside
    /// 1..=[`MAX_YEARS`] is refused.
    pub fn save(&self, db: &mut Database) -> Result<()> {
        let store = db.store_mut();
        if !(1..=MAX_YEARS).contains(&self.years) {
            return Err(Error::Message(ta(
                "retention-years-invalid",
                &[("max", Arg::from(MAX_YEARS))],
            )));
        }
        store.transact(|tx| {
            tx.set_setting(RETENTION_YEARS, Some(&self.years.to_string()))?;
            tx.set_setting(RETENTION_ACTION, Some(self.action.code()))?;
            tx.audit(
                "setting",
                None,
                "edit",
                &format!(
                    "retention of leavers: {} years, {}",
                    self.years,
                    self.action.code()
                ),
            )
        })
    }

    /// The day the period of someone who left on `exit` ends: from then on they are due.
    /// `None` only beyond the calendar's end.
    pub fn due_on(&self, exit: NaiveDate) -> Option<NaiveDate> {
        exit.checked_add_months(Months::new(self.years.saturating_mul(12)))
    }

    /// Whether someone who left on `exit` is due on `today`.
    pub fn is_due(&self, exit: NaiveDate, today: NaiveDate) -> bool {
        self.due_on(exit).is_some_and(|due| due <= today)
    }

    /// The latest exit date that can be due on `today`, with a few days to spare (adding
    /// years to 29 February lands on the 28th): the store is asked for leavers up to it
    /// and [`RetentionPolicy::is_due`] decides exactly.
    fn exit_bound(&self, today: NaiveDate) -> NaiveDate {
        today
            .checked_sub_months(Months::new(self.years.saturating_mul(12)))
            .map_or(NaiveDate::MIN, |d| {
                d.checked_add_days(chrono::Days::new(3)).unwrap_or(d)
            })
    }
}

/// A leaver whose retention period is over.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Due {
    pub employee_id: EmployeeId,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    /// The department's code, if any.
    pub department: Option<String>,
    pub department_name: Option<String>,
    pub exit_date: NaiveDate,
    /// The day the period ended.
    pub due_since: NaiveDate,
    /// Attendance rows and certificates the person has.
    pub attendance: i64,
    pub certificates: i64,
}

impl Due {
    /// "Last, First".
    pub fn name(&self) -> String {
        format!("{}, {}", self.last_name, self.first_name)
    }

    fn from_row(row: LeaverRow, due_since: NaiveDate) -> Due {
        Due {
            employee_id: row.id,
            personnel_number: row.personnel_number,
            first_name: row.first_name,
            last_name: row.last_name,
            department: row.department_code,
            department_name: row.department_name,
            exit_date: row.exit_date,
            due_since,
            attendance: row.attendance,
            certificates: row.certificates,
        }
    }
}

/// The leavers not erased yet whose exit date plus the period in the settings is on or
/// before `today`, the longest due first.
pub fn due(db: &Database, today: NaiveDate) -> Result<Vec<Due>> {
    due_with(db, &RetentionPolicy::current(db)?, today)
}

/// Like [`due`], with `policy` instead of the one in the settings.
pub fn due_with(db: &Database, policy: &RetentionPolicy, today: NaiveDate) -> Result<Vec<Due>> {
    let store = db.store();
    Ok(store
        .leavers_left_by(policy.exit_bound(today))?
        .into_iter()
        .filter_map(|row| {
            let due_since = policy.due_on(row.exit_date)?;
            (due_since <= today).then(|| Due::from_row(row, due_since))
        })
        .collect())
}

/// How many leavers [`due`] lists, without loading them (for the dashboard's reminder).
pub fn due_count(db: &Database, today: NaiveDate) -> Result<usize> {
    let store = db.store();
    let policy = RetentionPolicy::load(store)?;
    Ok(store
        .leaver_exit_dates(policy.exit_bound(today))?
        .into_iter()
        .filter(|exit| policy.is_due(*exit, today))
        .count())
}

/// Someone whose erasure failed, and why (in the user's language).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RetentionFailure {
    pub employee_id: EmployeeId,
    pub personnel_number: String,
    pub name: String,
    pub reason: String,
}

/// What [`apply`] did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RetentionReport {
    pub action: RetentionAction,
    pub years: u32,
    /// People erased, in the order they were.
    pub erased: usize,
    /// Their attendance rows and certificates (anonymised or deleted with them).
    pub attendance: i64,
    pub certificates: i64,
    /// Who was due but not erased because the run stopped (the failed one included).
    pub remaining: usize,
    /// The erasure that failed; the run stopped there.
    pub failed: Option<RetentionFailure>,
}

impl RetentionReport {
    /// "3 ausgeschiedene Beschäftigte wurden anonymisiert (…)." and, after a failure, who
    /// failed and why.
    pub fn describe(&self) -> String {
        let mut text = ta(
            "retention-applied",
            &[
                ("count", Arg::from(self.erased)),
                ("action", Arg::from(self.action.code())),
                ("attendance", Arg::from(self.attendance)),
                ("certificates", Arg::from(self.certificates)),
            ],
        );
        if let Some(f) = &self.failed {
            text.push('\n');
            text.push_str(&ta(
                "retention-failed",
                &[
                    ("name", Arg::from(&f.name)),
                    ("number", Arg::from(&f.personnel_number)),
                    ("reason", Arg::from(&f.reason)),
                    ("remaining", Arg::from(self.remaining)),
                ],
            ));
        }
        text
    }
}

/// Erases everyone [`due`] on `today` as the settings say (anonymise or delete), each
/// person in their own transaction with its audit entries. Stops at the first failure:
/// who was erased before stays erased; the report says who failed and how many are left.
/// A run with nobody due changes nothing.
pub fn apply(db: &mut Database, today: NaiveDate) -> Result<RetentionReport> {
    let policy = RetentionPolicy::load(db.store())?;
    let due = due_with(db, &policy, today)?;
    let mut report = RetentionReport {
        action: policy.action,
        years: policy.years,
        erased: 0,
        attendance: 0,
        certificates: 0,
        remaining: 0,
        failed: None,
    };
    if due.is_empty() {
        return Ok(report);
    }
    for (i, person) in due.iter().enumerate() {
        if let Err(e) = erase_one(db, person.employee_id, policy.action) {
            // The technical cause is logged by `user_message` below; the message itself
            // may name the person.
            log::error!(
                "retention: erasing employee #{} failed after {} of {}",
                person.employee_id,
                i,
                due.len()
            );
            report.remaining = due.len() - i;
            report.failed = Some(RetentionFailure {
                employee_id: person.employee_id,
                personnel_number: person.personnel_number.clone(),
                name: format!("{} {}", person.first_name, person.last_name),
                reason: e.user_message(),
            });
            break;
        }
        report.erased += 1;
        report.attendance += person.attendance;
        report.certificates += person.certificates;
    }
    if report.erased > 0 {
        db.store_mut().transact(|tx| {
            tx.audit(
                "retention",
                None,
                "apply",
                &format!(
                    "retention of leavers ({} years): {} {}",
                    policy.years,
                    report.erased,
                    match policy.action {
                        RetentionAction::Anonymise => "anonymised",
                        RetentionAction::Delete => "deleted",
                    }
                ),
            )
        })?;
    }
    log::info!(
        "retention ({} years, {}): {} of {} due leavers erased{}",
        policy.years,
        policy.action.code(),
        report.erased,
        due.len(),
        if report.failed.is_some() {
            ", stopped at a failure"
        } else {
            ""
        }
    );
    Ok(report)
}

/// One person's erasure, in its own transaction.
fn erase_one(db: &mut Database, employee: EmployeeId, action: RetentionAction) -> Result<()> {
    super::privacy::erase(db, employee, action.mode()).map(|_| ())
}
