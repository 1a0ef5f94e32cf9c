//! Programs, eligibility and certificates on the worker thread: the commands the
//! Programs and Certificates screens send, their handler, and the view models those
//! screens draw from (loaded with every reload of [`super::data::Data`]).
//!
//! It also holds [`CertScreens`], the state of every screen and window of this area, so
//! that the shell routes the worker's answers to them in one place.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use chrono::NaiveDate;
use egui::{Color32, Ui};

use super::certificates::CertificatesState;
use super::data::Data;
use super::issue::IssueDialog;
use super::print::PrintState;
use super::programs::ProgramsState;
use super::verify::VerifyState;
use super::widgets::Notices;
use super::worker::{Event, Outcome, Ticket, Worker};
use crate::error::{Error, Result};
use crate::model::{
    CertificateId, EmployeeId, Program, ProgramId, ProgramInput, Seminar, SeminarId,
};
use crate::rules::{CertificateStatus, Eligibility};
use crate::service::certificates::{
    self as certs, Correction, IssueOptions, Issued, Printable, Verification,
};
use crate::service::eligibility::{DayFacts, Names};
use crate::service::settings::{self, CertificateSettings};
use crate::service::{self};
use crate::store::{CertificateFilter, EmployeeFilter, Read, Store};
use crate::text::{collation_key, fold_search};

/// What the screens of this area ask the worker to do.
pub(crate) enum CertCommand {
    AddProgram(ProgramInput),
    UpdateProgram(ProgramId, ProgramInput),
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
    /// Decode the current logo for the preview thumbnail.
    LoadLogoPreview,
}

impl CertCommand {
    /// Whether the command may change the database (the view models are reloaded after it).
    pub fn changes_data(&self) -> bool {
        !matches!(
            self,
            CertCommand::Verify(_) | CertCommand::LoadPrintables(_) | CertCommand::LoadLogoPreview
        )
    }
}

/// The texts of the certificate settings a user edits.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CertificateTexts {
    pub signatory_name: String,
    pub signatory_title: String,
    pub wording_de: String,
    pub wording_en: String,
}

/// What a finished command of this area produced.
pub(crate) enum CertOutcome {
    Done,
    ProgramSaved(ProgramId),
    Issued(Vec<Issued>),
    Corrected(Issued),
    Verified(Box<Verification>),
    Printables(Vec<Printable>),
    /// The logo as pixels, with its SHA-256; `None` when there is none.
    LogoPreview(Option<(String, Arc<egui::ColorImage>)>),
}

/// Runs `command` on the worker's `store`; long commands report their progress for
/// `ticket` through `events` and wake the UI through `ctx`.
pub(crate) fn run(
    store: &mut Store,
    command: CertCommand,
    ticket: Ticket,
    events: &Sender<Event>,
    ctx: &egui::Context,
) -> Result<Outcome> {
    let outcome = match command {
        CertCommand::AddProgram(input) => {
            CertOutcome::ProgramSaved(service::programs::add(store, &input)?)
        }
        CertCommand::UpdateProgram(id, input) => {
            service::programs::update(store, id, &input)?;
            CertOutcome::ProgramSaved(id)
        }
        CertCommand::SetProgramArchived(id, archived) => {
            service::programs::set_archived(store, id, archived)?;
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
                store,
                program,
                &employees,
                &options,
                &mut progress,
            )?)
        }
        CertCommand::Correct(id, correction) => {
            CertOutcome::Corrected(certs::correct(store, id, &correction)?)
        }
        CertCommand::Revoke { id, on, reason } => {
            certs::revoke(store, id, on, &reason)?;
            CertOutcome::Done
        }
        CertCommand::Verify(code) => {
            let today = store.today();
            CertOutcome::Verified(Box::new(certs::verify(store, &code, today)?))
        }
        CertCommand::LoadPrintables(ids) => {
            let mut list = Vec::with_capacity(ids.len());
            for id in ids {
                let cert = store.certificate(id)?.ok_or_else(|| Error::NotFound {
                    what: format!("certificate {id}"),
                })?;
                list.push(cert);
            }
            CertOutcome::Printables(certs::printables(store, list)?)
        }
        CertCommand::SaveSettings(texts) => {
            let mut current = CertificateSettings::load(store)?;
            current.signatory_name = texts.signatory_name;
            current.signatory_title = texts.signatory_title;
            current.wording_de = texts.wording_de;
            current.wording_en = texts.wording_en;
            settings::save_certificate_settings(store, &current)?;
            CertOutcome::Done
        }
        CertCommand::SetLogoFile(path) => {
            let bytes = std::fs::read(&path).map_err(|e| Error::file(&path, e))?;
            certs::set_logo(store, Some(&bytes))?;
            CertOutcome::Done
        }
        CertCommand::RemoveLogo => {
            certs::set_logo(store, None)?;
            CertOutcome::Done
        }
        CertCommand::LoadLogoPreview => {
            let logo = CertificateSettings::load(store)?.logo;
            let preview = match logo {
                Some((_mime, bytes)) => {
                    let logo = crate::certificate::Logo::from_bytes(bytes)?;
                    let sha = logo.sha256();
                    Some((sha, Arc::new(logo_pixels(&logo)?)))
                }
                None => None,
            };
            CertOutcome::LogoPreview(preview)
        }
    };
    Ok(Outcome::Certs(outcome))
}

/// The logo decoded (at most 900 pixels on its longer side) into egui's pixels.
fn logo_pixels(logo: &crate::certificate::Logo) -> Result<egui::ColorImage> {
    use printpdf::{RawImageData, RawImageFormat};
    let raw = logo.decode()?;
    let RawImageData::U8(px) = raw.pixels else {
        return Err(Error::Message(crate::i18n::t("cert-error-logo-format")));
    };
    let size = [raw.width, raw.height];
    let pixels: Vec<Color32> = match raw.data_format {
        RawImageFormat::R8 => px.iter().map(|&g| Color32::from_gray(g)).collect(),
        RawImageFormat::RG8 => px
            .chunks_exact(2)
            .map(|p| Color32::from_rgba_unmultiplied(p[0], p[0], p[0], p[1]))
            .collect(),
        RawImageFormat::RGBA8 => px
            .chunks_exact(4)
            .map(|p| Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3]))
            .collect(),
        _ => px
            .chunks_exact(3)
            .map(|p| Color32::from_rgb(p[0], p[1], p[2]))
            .collect(),
    };
    if pixels.len() != size[0] * size[1] {
        return Err(Error::Message(crate::i18n::t("cert-error-logo-format")));
    }
    Ok(egui::ColorImage::new(size, pixels))
}

/// The view models of this area, as loaded after the last change.
#[derive(Debug, Clone, Default)]
pub(crate) struct CertData {
    /// Every program, archived ones included, by code.
    pub programs: Vec<ProgramView>,
    /// Every certificate, newest first.
    pub certificates: Vec<CertView>,
    /// Every seminar, archived ones included, by code.
    pub seminars: Vec<Seminar>,
    /// The seminars' distinct topics.
    pub topics: Vec<String>,
    /// Seminar and program titles for requirement texts.
    pub names: Names,
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
    /// SHA-256 of the logo file, when one is set.
    pub logo_sha: Option<String>,
}

/// A program with everyone's standing in it.
#[derive(Debug, Clone)]
pub(crate) struct ProgramView {
    pub program: Program,
    /// Every employee, leavers included, in name order (empty for archived programs).
    pub standings: Vec<StandingView>,
    /// Active employees who are eligible and hold no valid certificate.
    pub due: usize,
    /// Employees holding a valid certificate of the program today.
    pub certified: usize,
    index: HashMap<EmployeeId, usize>,
}

impl ProgramView {
    pub fn standing(&self, employee: EmployeeId) -> Option<&StandingView> {
        self.index.get(&employee).map(|&i| &self.standings[i])
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
    /// On the store's today.
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

/// Loads the view models of this area on `today`.
pub(crate) fn load(store: &Store, today: NaiveDate) -> Result<CertData> {
    let programs = store.programs()?;
    let seminars = store.seminars()?;
    let topics = store.seminar_topics()?;
    let names = Names::load(store)?;
    // Attendance facts aggregated in SQL per program (not every training record).
    let facts = DayFacts::load(store, &programs, today)?;
    let employees = store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    let program_views = programs
        .into_iter()
        .map(|program| {
            let standings: Vec<StandingView> = if program.archived {
                Vec::new()
            } else {
                employees
                    .iter()
                    .map(|row| {
                        let s = facts.standing(&program, row);
                        StandingView {
                            employee: row.employee.id,
                            active: row.employee.is_active_on(today),
                            eligibility: s.eligibility,
                            valid: s.valid_certificate.map(|c| HeldCertificate {
                                status: c.status(today),
                                serial: c.serial,
                                valid_until: c.valid_until,
                            }),
                        }
                    })
                    .collect()
            };
            let due = standings.iter().filter(|s| s.is_due()).count();
            let certified = standings
                .iter()
                .filter(|s| s.active && s.valid.is_some())
                .count();
            let index = standings
                .iter()
                .enumerate()
                .map(|(i, s)| (s.employee, i))
                .collect();
            ProgramView {
                program,
                standings,
                due,
                certified,
                index,
            }
        })
        .collect();
    let rows = store.certificate_rows(&CertificateFilter::default())?;
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
    let stored = CertificateSettings::load(store)?;
    // The same fingerprint as `Logo::sha256`, without copying the file.
    let logo_sha = stored.logo.as_ref().map(|(_, bytes)| {
        use sha2::Digest as _;
        sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    });
    Ok(CertData {
        programs: program_views,
        certificates,
        seminars,
        topics,
        names,
        settings: SettingsView {
            texts: CertificateTexts {
                signatory_name: stored.signatory_name,
                signatory_title: stored.signatory_title,
                wording_de: stored.wording_de,
                wording_en: stored.wording_en,
            },
            logo_sha,
        },
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
        if let Some((program, employee)) = super::progress::take_issue_request(ui.ctx()) {
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
