//! Renewals: certificates that have expired or run out within the reminder window, per
//! department, with what each holder still needs for re-certification and the next
//! sessions that would suit them (`rules::renewal` decides; this module loads and words).
//! `mail` writes reminders as `.eml` drafts and builds the `mailto:` link for the mail
//! program: Lotse sends no mail itself.

mod mail;

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveDateTime};

use crate::error::Result;
use crate::i18n::{Arg, Lang, fmt_hours_in, fmt_session_in, tr_in};
use crate::model::{
    Certificate, CertificateId, DepartmentId, DepartmentTree, Employee, EmployeeId, Program,
    ProgramId, ProgramTitles, Salutation, SeminarId, SessionId,
};
use crate::rules::{
    Band, CatalogueSeminar, HeldCertificate, Need, OpenSession, Thresholds, due_certificates,
    next_sessions, renewal_needs, suitable_seminars,
};
use crate::service::Database;
use crate::service::settings;
use crate::store::{EmployeeFilter, EmployeeRow, Read, SessionFilter};

pub use mail::{
    Draft, DraftsWritten, MAILTO_MAX, draft_message, drafts_message, mailto_bcc, write_drafts,
};

/// How many sessions a renewal suggests at most.
pub const NEXT_SESSIONS: usize = 3;

/// Which renewals to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenewalFilter {
    /// Days ahead instead of the widest threshold of the settings.
    pub within: Option<u32>,
    /// Holders in this department and its sub-units.
    pub department: Option<DepartmentId>,
    pub program: Option<ProgramId>,
}

/// A session suggested for renewal.
#[derive(Debug, Clone, PartialEq)]
pub struct NextSession {
    pub session: SessionId,
    pub seminar_title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub location: String,
}

/// One certificate due for renewal, with its holder.
#[derive(Debug, Clone, PartialEq)]
pub struct Renewal {
    pub employee: Employee,
    pub department_code: Option<String>,
    pub department_name: Option<String>,
    pub program: ProgramId,
    pub program_code: String,
    pub program_titles: ProgramTitles,
    pub certificate: CertificateId,
    pub serial: String,
    pub issued_on: NaiveDate,
    pub valid_until: NaiveDate,
    /// Days to the last valid day; negative once expired.
    pub days_left: i64,
    pub band: Band,
    /// What re-certification still needs; empty when everything is met.
    pub needs: Vec<Need>,
    /// Soonest first, at most [`NEXT_SESSIONS`].
    pub next_sessions: Vec<NextSession>,
}

impl Renewal {
    /// "Muster, Erika".
    pub fn sort_name(&self) -> String {
        format!("{}, {}", self.employee.last_name, self.employee.first_name)
    }

    /// The program's title for this person in `lang`.
    pub fn program_title(&self, lang: Lang) -> &str {
        self.program_titles
            .for_person(lang, self.employee.salutation)
    }
}

/// The renewals of one day, and the names their texts need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Renewals {
    pub today: NaiveDate,
    pub thresholds: Thresholds,
    /// The widest window in days: the far threshold, or the one asked for.
    pub window: u32,
    /// By department (in the tree's order, without department last), then expiry, then name.
    pub rows: Vec<Renewal>,
    seminar_titles: HashMap<SeminarId, String>,
    program_titles: HashMap<ProgramId, ProgramTitles>,
}

impl Renewals {
    /// How many rows are in each band, in the order of [`Band::ALL`].
    pub fn counts(&self) -> [usize; 4] {
        band_counts(self.rows.iter().map(|r| r.band))
    }

    /// The band's name: "abgelaufen", "≤ 30 Tage".
    pub fn band_label(&self, band: Band, lang: Lang) -> String {
        band_label(band, &self.thresholds, self.window, lang)
    }

    /// What the person still needs, in words: "fehlt: Datenschutz kompakt; 4 von 8 Std.
    /// IT-Sicherheit", or "alles erfüllt – kann verlängert werden".
    pub fn missing_text(&self, row: &Renewal, lang: Lang) -> String {
        if row.needs.is_empty() {
            return tr_in(lang, "renew-complete", &[]);
        }
        let items: Vec<String> = row.needs.iter().map(|n| self.need_text(n, lang)).collect();
        tr_in(
            lang,
            "renew-missing",
            &[("items", Arg::from(items.join("; ")))],
        )
    }

    /// One need in words: a seminar's title, "2 weitere aus: …", "4 von 8 Std. IT-Sicherheit".
    pub fn need_text(&self, need: &Need, lang: Lang) -> String {
        match need {
            Need::Seminar { seminar } => self.seminar_title(*seminar),
            Need::AtLeastN { missing, open } => {
                let mut titles: Vec<String> = open.iter().map(|s| self.seminar_title(*s)).collect();
                titles.sort();
                tr_in(
                    lang,
                    "renew-need-n-of",
                    &[
                        ("n", Arg::from(*missing)),
                        ("seminars", Arg::from(titles.join(", "))),
                    ],
                )
            }
            Need::TopicHours {
                topic,
                hours,
                needed,
            } => tr_in(
                lang,
                "renew-need-hours",
                &[
                    ("hours", Arg::from(fmt_hours_in(lang, *hours))),
                    ("needed", Arg::from(fmt_hours_in(lang, *needed))),
                    ("topic", Arg::from(topic)),
                ],
            ),
            Need::Prerequisite { program } => tr_in(
                lang,
                "renew-need-prerequisite",
                &[(
                    "program",
                    Arg::from(
                        self.program_titles
                            .get(program)
                            .map(|t| t.generic(lang).to_owned())
                            .unwrap_or_else(|| format!("#{program}")),
                    ),
                )],
            ),
        }
    }

    /// The suggested sessions in words, "; " between them; empty when there are none.
    pub fn sessions_text(&self, row: &Renewal, lang: Lang) -> String {
        row.next_sessions
            .iter()
            .map(|s| session_text(s, lang))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn seminar_title(&self, seminar: SeminarId) -> String {
        self.seminar_titles
            .get(&seminar)
            .cloned()
            .unwrap_or_else(|| format!("#{seminar}"))
    }
}

/// A suggested session in words: "Datenschutz kompakt: 05.12.2026, 09:00–12:00".
pub fn session_text(s: &NextSession, lang: Lang) -> String {
    tr_in(
        lang,
        "renew-session",
        &[
            ("seminar", Arg::from(&s.seminar_title)),
            (
                "when",
                Arg::from(fmt_session_in(lang, s.starts_at, s.ends_at)),
            ),
        ],
    )
}

/// The band's name: "abgelaufen", "≤ 30 Tage" (the far band with the window's days).
pub fn band_label(band: Band, thresholds: &Thresholds, window: u32, lang: Lang) -> String {
    let days = match band {
        Band::Expired => return tr_in(lang, "renew-band-expired", &[]),
        Band::Near => thresholds.near,
        Band::Middle => thresholds.middle,
        Band::Far => window,
    };
    tr_in(lang, "renew-band-within", &[("days", Arg::from(days))])
}

/// How many of `bands` are in each band, in the order of [`Band::ALL`].
pub fn band_counts(bands: impl IntoIterator<Item = Band>) -> [usize; 4] {
    let mut counts = [0; 4];
    for band in bands {
        if let Some(i) = Band::ALL.iter().position(|b| *b == band) {
            counts[i] += 1;
        }
    }
    counts
}

/// The bands of everybody's certificates due for renewal on `today` with the thresholds'
/// own window — what the dashboard counts, from data already in memory (`employees` with
/// leavers, every certificate).
pub fn due_bands(
    employees: &[EmployeeRow],
    certificates: &[Certificate],
    thresholds: &Thresholds,
    today: NaiveDate,
) -> [usize; 4] {
    let by_employee = held_by_employee(certificates);
    band_counts(employees.iter().flat_map(|row| {
        let held = by_employee
            .get(&row.employee.id)
            .map_or(&[][..], Vec::as_slice);
        due_certificates(&row.employee, held, thresholds, thresholds.far, today)
            .into_iter()
            .map(|d| d.band)
    }))
}

fn held_by_employee(
    certificates: &[Certificate],
) -> HashMap<EmployeeId, Vec<HeldCertificate<usize>>> {
    let mut by_employee: HashMap<EmployeeId, Vec<HeldCertificate<usize>>> = HashMap::new();
    for (i, c) in certificates.iter().enumerate() {
        by_employee
            .entry(c.employee_id)
            .or_default()
            .push(HeldCertificate {
                key: i,
                facts: c.facts(),
            });
    }
    by_employee
}

/// The renewals on the store's today: the certificates that expired or expire within the
/// window (the far threshold of the settings, or `filter.within`), of people who have
/// not left, in the department and program asked for.
pub fn list(db: &Database, filter: &RenewalFilter) -> Result<Renewals> {
    let store = db.store();
    let today = store.today();
    let thresholds = settings::renewal_thresholds(db)?;
    let window = filter.within.unwrap_or(thresholds.far);
    let employees = store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: false,
    })?;
    let certificates = store.certificates()?;
    let programs: HashMap<ProgramId, Program> =
        store.programs()?.into_iter().map(|p| (p.id, p)).collect();
    let seminars = store.seminars()?;
    let tree = DepartmentTree::new(store.departments()?);
    let within_department = |employee: &Employee| match filter.department {
        None => true,
        Some(wanted) => {
            match (
                employee.department_id.and_then(|d| tree.position(d)),
                tree.position(wanted),
            ) {
                (Some(node), Some(ancestor)) => tree.within(node, ancestor),
                _ => false,
            }
        }
    };
    let by_employee = held_by_employee(&certificates);
    let catalogue: Vec<CatalogueSeminar<'_>> = seminars
        .iter()
        .map(|s| CatalogueSeminar {
            id: s.id,
            topic: &s.topic,
            archived: s.archived,
        })
        .collect();
    let mut upcoming: Option<(Vec<OpenSession>, SessionTexts)> = None;
    let mut rows = Vec::new();
    for row in employees.iter().filter(|r| within_department(&r.employee)) {
        let Some(held) = by_employee.get(&row.employee.id) else {
            continue;
        };
        let due: Vec<_> = due_certificates(&row.employee, held, &thresholds, window, today)
            .into_iter()
            .filter(|d| filter.program.is_none_or(|p| p == d.program))
            .collect();
        if due.is_empty() {
            continue;
        }
        let records = store.training_history(row.employee.id)?;
        let facts: Vec<_> = held.iter().map(|h| h.facts).collect();
        for d in due {
            let (Some(cert), Some(program)) = (certificates.get(d.key), programs.get(&d.program))
            else {
                continue;
            };
            let needs = renewal_needs(program, &row.employee, &records, &facts, d.issued_on, today);
            let done_since: BTreeSet<SeminarId> = records
                .iter()
                .filter(|r| r.ends_at.date() > d.issued_on && r.attendance.status.credits_hours())
                .map(|r| r.seminar_id)
                .collect();
            let wanted = suitable_seminars(&needs, &catalogue, &done_since);
            let next = if wanted.is_empty() {
                Vec::new()
            } else {
                let (open, about) = match &mut upcoming {
                    Some(u) => u,
                    None => upcoming.insert(open_sessions(db, today)?),
                };
                next_sessions(&wanted, open, today, NEXT_SESSIONS)
                    .into_iter()
                    .filter_map(|s| {
                        about.get(&s.id).map(|(title, location)| NextSession {
                            session: s.id,
                            seminar_title: title.clone(),
                            starts_at: s.starts_at,
                            ends_at: s.ends_at,
                            location: location.clone(),
                        })
                    })
                    .collect()
            };
            rows.push(Renewal {
                employee: row.employee.clone(),
                department_code: row.department_code.clone(),
                department_name: row.department_name.clone(),
                program: program.id,
                program_code: program.code.clone(),
                program_titles: program.titles.clone(),
                certificate: cert.id,
                serial: cert.serial.clone(),
                issued_on: d.issued_on,
                valid_until: d.valid_until,
                days_left: d.days_left,
                band: d.band,
                needs,
                next_sessions: next,
            });
        }
    }
    let position = |r: &Renewal| {
        r.employee
            .department_id
            .and_then(|d| tree.position(d))
            .unwrap_or(usize::MAX)
    };
    rows.sort_by(|a, b| {
        position(a)
            .cmp(&position(b))
            .then(a.valid_until.cmp(&b.valid_until))
            .then_with(|| crate::text::cmp_de(&a.sort_name(), &b.sort_name()))
            .then(a.serial.cmp(&b.serial))
    });
    Ok(Renewals {
        today,
        thresholds,
        window,
        rows,
        seminar_titles: seminars.iter().map(|s| (s.id, s.title.clone())).collect(),
        program_titles: programs.into_values().map(|p| (p.id, p.titles)).collect(),
    })
}

/// Per session: its seminar's title and its location.
type SessionTexts = HashMap<SessionId, (String, String)>;

/// The sessions starting after `today` (with or without a free place; `next_sessions`
/// decides), and their seminar's title and location.
fn open_sessions(db: &Database, today: NaiveDate) -> Result<(Vec<OpenSession>, SessionTexts)> {
    let store = db.store();
    let rows = store.session_rows(&SessionFilter {
        seminar: None,
        from: today.succ_opt(),
        to: None,
    })?;
    let mut open = Vec::with_capacity(rows.len());
    let mut about = HashMap::with_capacity(rows.len());
    for r in rows {
        let taken = u32::try_from(r.participants).unwrap_or(u32::MAX);
        open.push(OpenSession {
            id: r.session.id,
            seminar: r.session.seminar_id,
            starts_at: r.session.starts_at,
            ends_at: r.session.ends_at,
            free: r.session.capacity.map(|cap| cap.saturating_sub(taken)),
        });
        about.insert(r.session.id, (r.seminar_title, r.session.location));
    }
    Ok((open, about))
}

/// The greeting's form of address for a salutation, as the texts select on it.
fn salutation_code(s: Salutation) -> &'static str {
    match s {
        Salutation::Female => "female",
        Salutation::Male => "male",
        Salutation::Neutral => "neutral",
    }
}
