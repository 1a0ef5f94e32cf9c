//! Programs, eligibility and certificates on the worker thread: the commands the
//! Programs and Certificates screens send, their handler, and the view models those
//! screens draw from (rebuilt, part by part, when what they show changed).
//!
//! It also holds [`CertScreens`], the state of every screen and window of this area, so
//! that the shell routes the worker's answers to them in one place.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use chrono::NaiveDate;
use egui::Ui;

use crate::app::certificates::issue::IssueDialog;
use crate::app::certificates::print::PrintState;
use crate::app::certificates::programs::ProgramsState;
use crate::app::certificates::screen::CertificatesState;
use crate::app::certificates::verify::VerifyState;
use crate::app::data::Data;
use crate::app::widgets::Notices;
use crate::app::worker::{Event, Outcome, Ticket, Worker};
use crate::error::Result;
use crate::model::{
    CertificateId, EmployeeId, Program, ProgramId, ProgramInput, Seminar, SeminarId,
};
use crate::model::{Changes, EmployeeRow, People};
use crate::rules::{CertificateStatus, Eligibility};
use crate::service::Database;
use crate::service::certificates::{
    self as certs, Correction, IssueOptions, Issued, Printable, Verification,
};
use crate::service::eligibility::Names;
use crate::service::live::{Live, Updated};
use crate::service::settings::{self, CertificateSettings};
use crate::service::{self};
use crate::text::{collation_key, fold_search};

/// What the screens of this area ask the worker to do.
pub(crate) enum CertCommand {
    AddProgram(ProgramInput),
    /// Save a program the editor loaded at `version` (refused if it changed since).
    UpdateProgram {
        id: ProgramId,
        version: i64,
        input: ProgramInput,
    },
    SetProgramArchived(ProgramId, bool),
    /// Issue certificates of `program` to `employees`, all or none; `cancel` stops it
    /// (nothing is written then).
    Issue {
        program: ProgramId,
        employees: Vec<EmployeeId>,
        options: IssueOptions,
        cancel: Arc<AtomicBool>,
    },
    Correct(CertificateId, Correction),
    Revoke {
        id: CertificateId,
        on: NaiveDate,
        reason: String,
    },
    /// Check a code as typed.
    Verify(String),
    /// Load snapshots and logos of these certificates for printing (in this order).
    LoadPrintables(Vec<CertificateId>),
    /// Save the signatory and the wording (organisation and place stay as stored).
    SaveSettings(CertificateTexts),
    /// Read a PNG or JPEG file and make it the logo of certificates issued from now on.
    SetLogoFile(PathBuf),
    RemoveLogo,
    /// Print certificates and reports as PDF/A-2b (on) or plain PDF.
    SetPdfa(bool),
    /// Decode the current logo for the preview thumbnail.
    LoadLogoPreview,
    /// The active signing key's id.
    SigningKey,
    /// Write the public keys, the check page or the revocation list to a file.
    ExportSigning(crate::app::settings::signing::SigningExport, PathBuf),
}

pub(crate) use crate::service::settings::CertificateTexts;

/// What a finished command of this area produced.
pub(crate) enum CertOutcome {
    Done,
    ProgramSaved(ProgramId),
    Issued(Vec<Issued>),
    Corrected(Issued),
    /// What the check found, and the key that signed a signed payload.
    Verified(Box<Verification>, Option<String>),
    Printables(Vec<Printable>),
    /// The logo as pixels, with its SHA-256; `None` when there is none.
    LogoPreview(Option<(String, Arc<egui::ColorImage>)>),
    /// The active signing key's id, `None` before the first.
    SigningKey(Option<String>),
    /// Written: how many keys or revoked certificates the file holds.
    SigningExported(usize),
}

/// Runs `command` on the worker's `database`; long commands report their progress for
/// `ticket` through `events` and wake the UI through `ctx`.
pub(crate) fn run(
    database: &mut Database,
    command: CertCommand,
    ticket: Ticket,
    events: &Sender<Event>,
    ctx: &egui::Context,
) -> Result<Outcome> {
    let outcome = match command {
        CertCommand::AddProgram(input) => {
            CertOutcome::ProgramSaved(service::programs::add(database, &input)?)
        }
        CertCommand::UpdateProgram { id, version, input } => {
            service::programs::update_checked(database, id, version, &input)?;
            CertOutcome::ProgramSaved(id)
        }
        CertCommand::SetProgramArchived(id, archived) => {
            service::programs::set_archived(database, id, archived)?;
            CertOutcome::ProgramSaved(id)
        }
        CertCommand::Issue {
            program,
            employees,
            options,
            cancel,
        } => {
            let mut last_sent = -1.0_f32;
            let mut progress = |fraction: f32| {
                if fraction - last_sent >= 0.01 || fraction >= 1.0 {
                    last_sent = fraction;
                    let _ = events.send(Event::Progress(ticket, fraction));
                    ctx.request_repaint();
                }
                !cancel.load(Ordering::Relaxed)
            };
            CertOutcome::Issued(certs::issue(
                database,
                program,
                &employees,
                &options,
                &mut progress,
            )?)
        }
        CertCommand::Correct(id, correction) => {
            CertOutcome::Corrected(certs::correct(database, id, &correction)?)
        }
        CertCommand::Revoke { id, on, reason } => {
            certs::revoke(database, id, on, &reason)?;
            CertOutcome::Done
        }
        CertCommand::SigningKey => {
            CertOutcome::SigningKey(certs::signing::active_key_id(database)?)
        }
        CertCommand::ExportSigning(what, path) => {
            use crate::app::settings::signing::SigningExport;
            CertOutcome::SigningExported(match what {
                SigningExport::Keys => certs::signing::export_public_keys(database, &path)?,
                SigningExport::Page => {
                    certs::signing::export_verify_page(database, &path)?;
                    1
                }
                SigningExport::Revocations => certs::signing::export_revocations(database, &path)?,
            })
        }
        CertCommand::Verify(code) => {
            let today = database.today();
            let checked = certs::signing::check(database, &code, today)?;
            CertOutcome::Verified(Box::new(checked.verification), checked.signed_by)
        }
        CertCommand::LoadPrintables(ids) => {
            let list = certs::by_ids(database, &ids)?;
            CertOutcome::Printables(certs::printables(database, list)?)
        }
        CertCommand::SaveSettings(texts) => {
            settings::save_certificate_texts(database, &texts)?;
            CertOutcome::Done
        }
        CertCommand::SetLogoFile(path) => {
            certs::set_logo_file(database, &path)?;
            CertOutcome::Done
        }
        CertCommand::RemoveLogo => {
            certs::set_logo(database, None)?;
            CertOutcome::Done
        }
        CertCommand::SetPdfa(on) => {
            settings::set_pdfa(database, on)?;
            CertOutcome::Done
        }
        CertCommand::LoadLogoPreview => {
            let preview = certs::logo_preview(database)?.map(|(sha, px)| {
                let image =
                    egui::ColorImage::from_rgba_unmultiplied([px.width, px.height], &px.rgba);
                (sha, Arc::new(image))
            });
            CertOutcome::LogoPreview(preview)
        }
    };
    Ok(Outcome::Certs(outcome))
}

/// The view models of this area, as loaded after the last change.
#[derive(Debug, Clone, Default)]
pub(crate) struct CertData {
    /// Every program, archived ones included, by code.
    pub programs: Arc<Vec<ProgramView>>,
    /// Every certificate, newest first.
    pub certificates: Arc<Vec<CertView>>,
    /// Every seminar, archived ones included, by code.
    pub seminars: Arc<Vec<Seminar>>,
    /// The seminars' distinct topics.
    pub topics: Arc<Vec<String>>,
    /// Seminar and program titles for requirement texts.
    pub names: Arc<Names>,
    pub settings: SettingsView,
}

impl CertData {
    pub fn program(&self, id: ProgramId) -> Option<&ProgramView> {
        self.programs.iter().find(|p| p.program.id == id)
    }

    pub fn seminar(&self, id: SeminarId) -> Option<&Seminar> {
        self.seminars.iter().find(|s| s.id == id)
    }

    pub fn certificate(&self, id: CertificateId) -> Option<&CertView> {
        self.certificates.iter().find(|c| c.id == id)
    }
}

/// The certificate settings as stored (the logo only as its fingerprint).
#[derive(Debug, Clone, Default)]
pub(crate) struct SettingsView {
    pub texts: CertificateTexts,
    /// SHA-256 of the logo certificates are printed with (the default one while none
    /// is chosen).
    pub logo_sha: Option<String>,
    /// Whether that is Lotse's default logo.
    pub logo_default: bool,
    /// Certificates and reports are printed as PDF/A-2b.
    pub pdfa: bool,
}

/// A program with everyone's standing in it.
#[derive(Debug, Clone)]
pub(crate) struct ProgramView {
    pub program: Program,
    /// Every employee, leavers included, in name order (empty for archived programs);
    /// shared between refreshes, so that one person's change copies no one else's.
    pub standings: Vec<Arc<StandingView>>,
    /// Active employees who are eligible and hold no valid certificate.
    pub due: usize,
    /// Employees holding a valid certificate of the program today.
    pub certified: usize,
    index: HashMap<EmployeeId, usize>,
}

impl ProgramView {
    pub fn standing(&self, employee: EmployeeId) -> Option<&StandingView> {
        self.index.get(&employee).map(|&i| &*self.standings[i])
    }

    /// The neutral title in the current language.
    pub fn title(&self) -> &str {
        self.program.titles.generic(crate::i18n::language())
    }
}

/// One employee's standing in one program, today.
#[derive(Debug, Clone)]
pub(crate) struct StandingView {
    pub employee: EmployeeId,
    pub eligibility: Eligibility,
    /// Their valid certificate of the program, if any.
    pub valid: Option<HeldCertificate>,
    pub active: bool,
}

impl StandingView {
    /// Active, eligible, and without a valid certificate: someone to issue to.
    pub fn is_due(&self) -> bool {
        self.active && self.eligibility.eligible && self.valid.is_none()
    }
}

/// A valid certificate as the eligibility list names it.
#[derive(Debug, Clone)]
pub(crate) struct HeldCertificate {
    pub serial: String,
    pub valid_until: Option<NaiveDate>,
    pub status: CertificateStatus,
}

/// One certificate as the list shows it.
#[derive(Debug, Clone)]
pub(crate) struct CertView {
    pub id: CertificateId,
    pub serial: String,
    pub program_id: ProgramId,
    pub program_code: String,
    pub employee_id: EmployeeId,
    pub personnel_number: String,
    pub first_name: String,
    pub last_name: String,
    pub issued_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    /// On the database's today.
    pub status: CertificateStatus,
    pub revoked_on: Option<NaiveDate>,
    pub revocation_reason: Option<String>,
    pub superseded_by: Option<String>,
    /// Serial, personnel number, names and program code, folded.
    pub search_key: String,
    /// Last and first name as [`collation_key`]s: sorts like every other list of people.
    pub name_key: (String, String),
}

impl CertView {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
            .trim()
            .to_owned()
    }
}

/// What [`build`] may reuse of the previous [`CertData`].
pub(crate) struct Reuse<'a> {
    pub previous: &'a CertData,
    /// What changed since it was built.
    pub changes: &'a Changes,
    pub updated: Updated,
}

/// Builds the view models of this area from `live` (reading only the certificate list
/// and the certificate settings from `database`, and those only when they changed).
pub(crate) fn build(
    database: &Database,
    live: &Live,
    reuse: Option<Reuse<'_>>,
) -> Result<CertData> {
    let today = live.today();
    let changed = |f: fn(&Reuse<'_>) -> bool| reuse.as_ref().is_none_or(f);
    let programs =
        if let Some((r, people)) = reuse.as_ref().and_then(|r| few_people(r).map(|p| (r, p))) {
            Arc::new(patched_program_views(live, &r.previous.programs, people))
        } else if changed(|r| {
            r.updated.standings || r.updated.people || r.updated.catalogue || r.updated.certificates
        }) {
            Arc::new(program_views(live))
        } else {
            reuse
                .as_ref()
                .map(|r| Arc::clone(&r.previous.programs))
                .unwrap_or_default()
        };
    let certificates = if changed(|r| r.changes.certificates || r.changes.employees) {
        Arc::new(certificate_views(database, today)?)
    } else {
        reuse
            .as_ref()
            .map(|r| Arc::clone(&r.previous.certificates))
            .unwrap_or_default()
    };
    let (seminars, topics, names) = match &reuse {
        // Titles are in the user's language, a setting.
        Some(r) if !r.updated.catalogue && !r.changes.settings => (
            Arc::clone(&r.previous.seminars),
            Arc::clone(&r.previous.topics),
            Arc::clone(&r.previous.names),
        ),
        _ => {
            let lang = crate::i18n::language();
            let names = Names {
                seminars: live
                    .seminars
                    .iter()
                    .map(|s| (s.id, s.title.clone()))
                    .collect(),
                programs: live
                    .programs
                    .iter()
                    .map(|p| (p.id, p.titles.generic(lang).to_owned()))
                    .collect(),
            };
            (
                Arc::new(live.seminars.clone()),
                Arc::new(service::seminars::topics(&live.seminars)),
                Arc::new(names),
            )
        }
    };
    let settings = match &reuse {
        Some(r) if !r.changes.settings => r.previous.settings.clone(),
        _ => settings_view(database)?,
    };
    Ok(CertData {
        programs,
        certificates,
        seminars,
        topics,
        names,
        settings,
    })
}

/// The people whose standings alone changed — their attendance or certificates, nothing
/// about the programs, the catalogue or the staff list — when they are few.
fn few_people<'a>(r: &'a Reuse<'_>) -> Option<&'a std::collections::BTreeSet<EmployeeId>> {
    let c = r.changes;
    let only_theirs = (c.attendance || c.certificates)
        && !(c.employees || c.departments || c.programs || c.seminars || c.sessions)
        && !r.updated.people
        && !r.updated.catalogue;
    match &c.people {
        People::Some(ids) if only_theirs && ids.len() <= 500 => Some(ids),
        _ => None,
    }
}

/// One employee's standing in `program` on the day of `live`.
fn standing_view(live: &Live, program: &Program, row: &EmployeeRow) -> Arc<StandingView> {
    let today = live.today();
    let (eligibility, valid) = live.facts.eligibility(program, &row.employee);
    Arc::new(StandingView {
        employee: row.employee.id,
        active: row.employee.is_active_on(today),
        eligibility,
        valid: valid.map(|c| HeldCertificate {
            status: c.status(today),
            serial: c.serial.clone(),
            valid_until: c.valid_until,
        }),
    })
}

impl ProgramView {
    fn new(program: Program, standings: Vec<Arc<StandingView>>) -> ProgramView {
        let index = standings
            .iter()
            .enumerate()
            .map(|(i, s)| (s.employee, i))
            .collect();
        let mut view = ProgramView {
            program,
            standings,
            due: 0,
            certified: 0,
            index,
        };
        view.count();
        view
    }

    fn count(&mut self) {
        self.due = self.standings.iter().filter(|s| s.is_due()).count();
        self.certified = self
            .standings
            .iter()
            .filter(|s| s.active && s.valid.is_some())
            .count();
    }
}

/// Every program with everyone's standing in it (none for archived programs).
fn program_views(live: &Live) -> Vec<ProgramView> {
    live.programs
        .iter()
        .map(|program| {
            let standings = if program.archived {
                Vec::new()
            } else {
                live.employees
                    .iter()
                    .map(|row| standing_view(live, program, row))
                    .collect()
            };
            ProgramView::new(program.clone(), standings)
        })
        .collect()
}

/// `previous` with the standings of `people` computed anew (the others are shared).
fn patched_program_views(
    live: &Live,
    previous: &[ProgramView],
    people: &std::collections::BTreeSet<EmployeeId>,
) -> Vec<ProgramView> {
    let rows: Vec<&EmployeeRow> = live
        .employees
        .iter()
        .filter(|r| people.contains(&r.employee.id))
        .collect();
    previous
        .iter()
        .map(|view| {
            let mut view = view.clone();
            if !view.program.archived {
                for row in &rows {
                    if let Some(&i) = view.index.get(&row.employee.id) {
                        view.standings[i] = standing_view(live, &view.program, row);
                    }
                }
                view.count();
            }
            view
        })
        .collect()
}

/// Every certificate as the list shows it, newest first.
fn certificate_views(database: &Database, today: NaiveDate) -> Result<Vec<CertView>> {
    let rows = service::certificates::all(database)?;
    let serials: HashMap<CertificateId, String> = rows
        .iter()
        .map(|r| (r.certificate.id, r.certificate.serial.clone()))
        .collect();
    let mut certificates: Vec<CertView> = rows
        .into_iter()
        .map(|mut r| {
            // A certificate whose holder was erased (DSGVO) carries no name.
            if r.first_name.trim().is_empty() && r.last_name.trim().is_empty() {
                r.last_name = crate::i18n::t("privacy-erased-person");
            }
            let c = r.certificate;
            let search_key = fold_search(&format!(
                "{} {} {} {} {}",
                c.serial, r.personnel_number, r.first_name, r.last_name, r.program_code
            ));
            CertView {
                status: c.status(today),
                superseded_by: c.superseded_by.and_then(|id| serials.get(&id).cloned()),
                name_key: (collation_key(&r.last_name), collation_key(&r.first_name)),
                search_key,
                id: c.id,
                serial: c.serial,
                program_id: c.program_id,
                program_code: r.program_code,
                employee_id: c.employee_id,
                personnel_number: r.personnel_number,
                first_name: r.first_name,
                last_name: r.last_name,
                issued_on: c.issued_on,
                valid_until: c.valid_until,
                revoked_on: c.revoked_on,
                revocation_reason: c.revocation_reason,
            }
        })
        .collect();
    certificates.sort_by(|a, b| {
        b.issued_on
            .cmp(&a.issued_on)
            .then_with(|| a.program_code.cmp(&b.program_code))
            .then_with(|| b.serial.cmp(&a.serial))
    });
    Ok(certificates)
}

/// The certificate settings as stored, the logo only as its fingerprint.
fn settings_view(database: &Database) -> Result<SettingsView> {
    let stored = CertificateSettings::current(database)?;
    // The same fingerprint as `Logo::sha256`, without copying the file.
    let logo_sha = {
        use sha2::Digest as _;
        Some(
            sha2::Sha256::digest(stored.printed_logo().1)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>(),
        )
    };
    let logo_default = stored.logo.is_none();
    Ok(SettingsView {
        texts: CertificateTexts {
            signatory_name: stored.signatory_name,
            signatory_title: stored.signatory_title,
            wording_de: stored.wording_de,
            wording_en: stored.wording_en,
        },
        logo_sha,
        logo_default,
        pdfa: settings::pdfa(database)?,
    })
}

/// The state of every screen and window of this area.
#[derive(Default)]
pub(crate) struct CertScreens {
    pub programs: ProgramsState,
    pub certificates: CertificatesState,
    pub issue: Option<IssueDialog>,
    pub print: PrintState,
    pub verify: VerifyState,
}

impl CertScreens {
    /// Takes the progress of a command this area sent.
    pub fn on_progress(&mut self, ticket: Ticket, fraction: f32) {
        self.programs.on_progress(ticket, fraction);
        if let Some(dialog) = &mut self.issue {
            dialog.on_progress(ticket, fraction);
        }
    }

    /// Picks up the answer to a command this area sent; returns it if it is not ours.
    pub fn on_finished(
        &mut self,
        ticket: Ticket,
        result: Result<Outcome>,
        data: Option<&Data>,
        notices: &mut Notices,
    ) -> Option<Result<Outcome>> {
        let result = self.programs.on_finished(ticket, result, data, notices)?;
        let result = self.certificates.on_finished(ticket, result, notices)?;
        let result = self.verify.on_finished(ticket, result)?;
        let result = self.print.on_finished(ticket, result)?;
        match &mut self.issue {
            Some(dialog) => dialog.on_finished(ticket, result, notices),
            None => Some(result),
        }
    }

    /// Draws the windows of this area (issue, print, verify, correct, revoke) over any
    /// screen, and takes what the employee page asked for.
    pub fn windows_ui(&mut self, ui: &mut Ui, data: &Data, worker: &mut Worker) {
        if let Some((program, employee)) =
            crate::app::certificates::progress::take_issue_request(ui.ctx())
        {
            self.issue = Some(IssueDialog::new(program, employee, data));
        }
        if let Some(dialog) = &mut self.issue {
            let keep = dialog.ui(ui, data, worker, &mut self.print);
            if !keep {
                self.issue = None;
            }
        }
        self.certificates
            .windows_ui(ui, data, worker, &mut self.print);
        self.verify.window_ui(ui, worker);
        self.print.window_ui(ui, worker);
    }

    /// True while a print job renders.
    pub fn is_printing(&self) -> bool {
        self.print.is_running()
    }
}

/// A cancel flag for a new long command.
pub(crate) fn cancel_flag() -> Arc<AtomicBool> {
    Arc::new(AtomicBool::new(false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AttendanceStatus;
    use crate::service::certificates::IssueOptions;
    use crate::service::demo::{DemoOptions, generate};

    /// One change made through a service.
    type Step = Box<dyn Fn(&mut Database) -> Result<()>>;

    /// Standings and counts as text, to compare two builds.
    fn fingerprint(data: &CertData) -> String {
        data.programs
            .iter()
            .map(|p| {
                format!(
                    "{} {} {} {:?}",
                    p.program.code, p.due, p.certified, p.standings
                )
            })
            .collect()
    }

    #[test]
    fn one_persons_change_patches_the_standings_a_full_build_would_give() -> Result<()> {
        // The sample data is made relative to the database's today (the system clock here).
        let mut database = Database::open_in_memory()?;
        let today = database.today();
        generate(
            &mut database,
            &DemoOptions {
                employees: 150,
                seed: 3,
            },
            &mut |_| true,
        )?;
        database.take_changes();
        let mut live = Live::load(&database)?;
        let mut previous = build(&database, &live, None)?;

        // Everyone due in a program gets a certificate, one at a time; then one roster
        // row is marked absent and attended again.
        let program = live.programs.iter().find(|p| !p.archived).cloned();
        let due: Vec<EmployeeId> = previous
            .programs
            .iter()
            .flat_map(|p| {
                p.standings
                    .iter()
                    .filter(|s| s.is_due())
                    .map(|s| s.employee)
            })
            .take(2)
            .collect();
        let mut steps: Vec<Step> = Vec::new();
        for id in due {
            let program = previous
                .programs
                .iter()
                .find(|p| p.standing(id).is_some_and(StandingView::is_due))
                .map(|p| p.program.id);
            steps.push(Box::new(move |database: &mut Database| {
                if let Some(program) = program {
                    certs::issue(
                        database,
                        program,
                        &[id],
                        &IssueOptions::on(today),
                        &mut |_| true,
                    )?;
                }
                Ok(())
            }));
        }
        let session = service::sessions::list(&database, &Default::default())?
            .into_iter()
            .find(|s| s.participants > 0 && s.session.ends_at.date() < today)
            .map(|s| s.session.id);
        if let Some(session) = session {
            let row = service::attendance::roster(&database, session)?[0]
                .attendance
                .id;
            for status in [AttendanceStatus::Absent, AttendanceStatus::Attended] {
                steps.push(Box::new(move |database: &mut Database| {
                    service::attendance::set_status(database, session, &[row], status, None)?;
                    Ok(())
                }));
            }
        }
        assert!(
            program.is_some() && steps.len() >= 3,
            "the demo has work to do"
        );
        for step in steps {
            step(&mut database)?;
            let changes = database.take_changes();
            let updated = live.update(&database, &changes)?;
            assert!(
                few_people(&Reuse {
                    previous: &previous,
                    changes: &changes,
                    updated,
                })
                .is_some()
            );
            let patched = build(
                &database,
                &live,
                Some(Reuse {
                    previous: &previous,
                    changes: &changes,
                    updated,
                }),
            )?;
            let full = build(&database, &Live::load(&database)?, None)?;
            assert_eq!(fingerprint(&patched), fingerprint(&full));
            assert_eq!(patched.certificates.len(), full.certificates.len());
            previous = patched;
        }
        Ok(())
    }
}
