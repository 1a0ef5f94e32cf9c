//! Programs, eligibility, issuing, printing and verifying certificates on the command line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde_json::json;

use super::{Format, io, print_list};
use crate::certificate::{Orientation, RenderOptions, format_code};
use crate::error::{Error, Result};
use crate::i18n::{self, Arg, fmt_date, fmt_opt_date, t, ta};
use crate::model::{EmployeeId, Program};
use crate::service::Database;
use crate::service::certificates::{self as certs, IssueOptions, PrintTarget, Verification};
use crate::service::eligibility::{self, Names};
use crate::store::{CertificateFilter, EmployeeFilter, Read};

#[derive(Debug, Subcommand)]
pub enum ProgramsCommand {
    /// List the certification programs with their requirements.
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct EligibleArgs {
    /// Only this program (code).
    #[arg(long, value_name = "CODE")]
    pub program: Option<String>,
    /// Every active employee with their progress, not only those due a certificate.
    #[arg(long)]
    pub all: bool,
    /// The day to check (YYYY-MM-DD or dd.mm.yyyy; default today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct IssueArgs {
    /// The program (code).
    #[arg(long, value_name = "CODE")]
    pub program: String,
    /// Personnel numbers of the employees.
    #[arg(long, value_name = "PNR", num_args = 1.., required_unless_present = "all_eligible", conflicts_with = "all_eligible")]
    pub employee: Vec<String>,
    /// Everyone eligible who holds no valid certificate of the program.
    #[arg(long)]
    pub all_eligible: bool,
    /// Issue date (default today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Signatory for this batch (default from the settings).
    #[arg(long, value_name = "NAME")]
    pub signatory_name: Option<String>,
    #[arg(long, value_name = "TITLE")]
    pub signatory_title: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CertificatesCommand {
    /// List issued certificates.
    List {
        /// Only holders in this department (code) and its sub-units.
        #[arg(long, value_name = "CODE")]
        department: Option<String>,
        #[arg(long, value_name = "CODE")]
        program: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct PrintArgs {
    /// Serial numbers (e.g. DL-2026-0007).
    #[arg(
        value_name = "SERIAL",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub serials: Vec<String>,
    /// Every currently valid certificate.
    #[arg(long)]
    pub all: bool,
    /// A .pdf file (one page per certificate) or a folder (one PDF per certificate).
    #[arg(short, long, value_name = "FILE.pdf|DIR")]
    pub output: PathBuf,
    /// A4 landscape instead of portrait.
    #[arg(long)]
    pub landscape: bool,
    /// Archival PDF/A-2b (for the E-Akte): yes or no; without it, as the settings say.
    #[arg(long, value_name = "yes|no")]
    pub pdfa: Option<YesNo>,
}

/// An answer on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}

fn program_by_code(db: &Database, code: &str) -> Result<Program> {
    let store = db.store();
    store
        .program_by_code(code)?
        .ok_or_else(|| Error::Message(ta("cli-unknown-program", &[("code", Arg::from(code))])))
}

fn parse_day(text: Option<&str>, db: &Database) -> Result<chrono::NaiveDate> {
    let store = db.store();
    match text {
        None => Ok(store.today()),
        Some(s) => i18n::parse_date(s)
            .ok_or_else(|| Error::Message(ta("cli-bad-date", &[("value", Arg::from(s))]))),
    }
}

fn iso(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn list_programs(db: &Database, format: Format, out: &mut impl Write) -> Result<ExitCode> {
    let store = db.store();
    let names = Names::load(db)?;
    let lang = i18n::language();
    let programs = store.programs()?;
    let headers = [
        t("cli-code"),
        t("cli-title"),
        t("cli-validity"),
        t("cli-requirements"),
    ];
    let describe = |p: &Program| -> Vec<String> {
        p.requirements
            .iter()
            .map(|r| eligibility::rule_text(r, &names))
            .collect()
    };
    let validity = |p: &Program| match p.validity_months {
        Some(m) => ta("cli-months", &[("months", Arg::from(m))]),
        None => t("cli-no-expiry"),
    };
    let rows: Vec<Vec<String>> = programs
        .iter()
        .map(|p| {
            vec![
                p.code.clone(),
                p.titles.generic(lang).to_owned(),
                validity(p),
                describe(p).join("; "),
            ]
        })
        .collect();
    let json_rows = programs
        .iter()
        .map(|p| {
            json!({
                "code": p.code,
                "title": p.titles.generic(lang),
                "title_de_male": p.titles.de_male,
                "title_de_female": p.titles.de_female,
                "title_de_neutral": p.titles.de_neutral,
                "title_en": p.titles.en,
                "validity_months": p.validity_months,
                "archived": p.archived,
                "requirements": describe(p),
            })
        })
        .collect();
    print_list(format, &headers, &rows, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn eligible(db: &Database, args: &EligibleArgs, out: &mut impl Write) -> Result<ExitCode> {
    let store = db.store();
    let as_of = parse_day(args.as_of.as_deref(), db)?;
    let programs = match &args.program {
        Some(code) => vec![program_by_code(db, code)?],
        None => store
            .programs()?
            .into_iter()
            .filter(|p| !p.archived)
            .collect(),
    };
    let names = Names::load(db)?;
    let facts = eligibility::DayFacts::load(db, &programs, as_of)?;
    // Everyone on the payroll that day: leavers of later days included, later joiners not.
    let employees = store.employee_rows(&EmployeeFilter {
        department: None,
        include_leavers: true,
    })?;
    let mut rows = Vec::new();
    let mut json_rows = Vec::new();
    for program in &programs {
        for e in employees
            .iter()
            .filter(|e| e.employee.is_employed_on(as_of))
        {
            let s = facts.standing(program, e);
            if !args.all && !s.is_due() {
                continue;
            }
            let missing = eligibility::missing_texts(&s.eligibility, &names);
            let status = if s.valid_certificate.is_some() {
                t("cli-certified")
            } else if s.eligibility.eligible {
                t("cli-eligible")
            } else {
                ta(
                    "cli-progress",
                    &[
                        ("met", Arg::from(s.eligibility.met_count())),
                        ("total", Arg::from(s.eligibility.requirements.len())),
                    ],
                )
            };
            // Only what the format prints: at 10,000 employees the other half would
            // double the memory.
            if args.format != Format::Json {
                rows.push(vec![
                    e.employee.personnel_number.clone(),
                    format!("{}, {}", e.employee.last_name, e.employee.first_name),
                    e.department_code.clone().unwrap_or_default(),
                    program.code.clone(),
                    status,
                    missing.join("; "),
                ]);
                continue;
            }
            json_rows.push(json!({
                "personnel_number": e.employee.personnel_number,
                "name": format!("{} {}", e.employee.first_name, e.employee.last_name),
                "department": e.department_code,
                "program": program.code,
                "eligible": s.eligibility.eligible,
                "certified": s.valid_certificate.is_some(),
                "requirements_met": s.eligibility.met_count(),
                "requirements": s.eligibility.requirements.len(),
                "missing": missing,
            }));
        }
    }
    let headers = [
        t("field-personnel-number"),
        t("cli-name"),
        t("field-department"),
        t("cli-program"),
        t("cli-status"),
        t("cli-missing"),
    ];
    print_list(args.format, &headers, &rows, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn issue(db: &mut Database, args: &IssueArgs, out: &mut impl Write) -> Result<ExitCode> {
    let store = db.store();
    let program = program_by_code(db, &args.program)?;
    let issued_on = parse_day(args.date.as_deref(), db)?;
    let employees: Vec<EmployeeId> = if args.all_eligible {
        eligibility::due(db, &program, issued_on)?
            .iter()
            .map(|s| s.employee.employee.id)
            .collect()
    } else {
        args.employee
            .iter()
            .map(|pnr| {
                store
                    .employee_by_personnel_number(pnr)?
                    .map(|e| e.id)
                    .ok_or_else(|| {
                        Error::Message(ta("cli-unknown-employee", &[("number", Arg::from(pnr))]))
                    })
            })
            .collect::<Result<_>>()?
    };
    if employees.is_empty() {
        writeln!(out, "{}", t("cli-nobody-due")).map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    let options = IssueOptions {
        issued_on,
        signatory_name: args.signatory_name.clone(),
        signatory_title: args.signatory_title.clone(),
    };
    let issued = certs::issue(db, program.id, &employees, &options, &mut |_| true)?;
    for i in &issued {
        writeln!(out, "{}", i.serial).map_err(io)?;
    }
    writeln!(
        out,
        "{}",
        ta("cli-issued", &[("count", Arg::from(issued.len()))])
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

pub fn list_certificates(
    db: &Database,
    department: Option<&str>,
    program: Option<&str>,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let store = db.store();
    let program = program.map(|c| program_by_code(db, c)).transpose()?;
    let in_department: Option<std::collections::HashSet<EmployeeId>> = match department {
        Some(code) => {
            let dept = store.department_by_code(code)?.ok_or_else(|| {
                Error::invalid(crate::model::Invalid::UnknownDepartment(code.to_owned()))
            })?;
            Some(
                store
                    .employee_rows(&EmployeeFilter {
                        department: Some(dept.id),
                        include_leavers: true,
                    })?
                    .into_iter()
                    .map(|r| r.employee.id)
                    .collect(),
            )
        }
        None => None,
    };
    let today = store.today();
    let rows: Vec<_> = store
        .certificate_rows(&CertificateFilter {
            program: program.map(|p| p.id),
            employee: None,
        })?
        .into_iter()
        .filter(|r| {
            in_department
                .as_ref()
                .is_none_or(|set| set.contains(&r.certificate.employee_id))
        })
        .collect();
    let status_of = |r: &crate::store::CertificateRow| {
        use crate::rules::CertificateStatus as S;
        match r.certificate.status(today) {
            S::Valid | S::Expiring => "valid",
            other => other.code(),
        }
    };
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let c = &r.certificate;
            vec![
                c.serial.clone(),
                r.program_code.clone(),
                r.personnel_number.clone(),
                format!("{} {}", r.first_name, r.last_name),
                fmt_date(c.issued_on),
                fmt_opt_date(c.valid_until),
                t(&format!("cli-cert-status-{}", status_of(r))),
                format_code(&c.code),
            ]
        })
        .collect();
    let json_rows = rows
        .iter()
        .map(|r| {
            let c = &r.certificate;
            json!({
                "serial": c.serial,
                "program": r.program_code,
                "personnel_number": r.personnel_number,
                "name": format!("{} {}", r.first_name, r.last_name),
                "issued_on": iso(c.issued_on),
                "valid_until": c.valid_until.map(iso),
                "status": status_of(r),
                "code": format_code(&c.code),
            })
        })
        .collect();
    let headers = [
        t("cli-serial"),
        t("cli-program"),
        t("field-personnel-number"),
        t("cli-name"),
        t("cli-issued-on"),
        t("cli-valid-until"),
        t("cli-status"),
        t("cli-code-label"),
    ];
    print_list(format, &headers, &table, json_rows, out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn print(db: &Database, args: &PrintArgs, out: &mut impl Write) -> Result<ExitCode> {
    let store = db.store();
    let today = store.today();
    let certificates = if args.all {
        store
            .certificates()?
            .into_iter()
            .filter(|c| c.status(today).is_valid())
            .collect()
    } else {
        certs::by_serials(db, &args.serials)?
    };
    let items = certs::printables(db, certificates)?;
    let options = RenderOptions {
        lang: i18n::language(),
        orientation: if args.landscape {
            Orientation::Landscape
        } else {
            Orientation::Portrait
        },
        pdfa: match args.pdfa {
            Some(answer) => answer == YesNo::Yes,
            None => crate::service::settings::pdfa(db)?,
        },
    };
    let written = certs::print(
        &items,
        &options,
        &PrintTarget::from_path(&args.output),
        &mut |_| true,
    )?;
    writeln!(
        out,
        "{}",
        ta(
            "cli-printed",
            &[
                ("count", Arg::from(items.len())),
                ("files", Arg::from(written.len())),
                ("path", Arg::from(args.output.display().to_string())),
            ]
        )
    )
    .map_err(io)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints what a code verifies to; exit code 0 only for a genuine, currently valid certificate.
pub fn verify(db: &Database, code: &str, out: &mut impl Write) -> Result<ExitCode> {
    let store = db.store();
    let checked = certs::signing::check(db, code, store.today())?;
    let v = checked.verification;
    writeln!(out, "{}: {}", t("cli-status"), v.status_text()).map_err(io)?;
    if let Some(key) = &checked.signed_by {
        writeln!(
            out,
            "{}",
            ta("sign-signature-valid", &[("key", Arg::from(key))])
        )
        .map_err(io)?;
    }
    if let Verification::Genuine {
        snapshot,
        revoked_on,
        revocation_reason,
        superseded_by,
        ..
    } = &v
    {
        let lang = i18n::language();
        let s = snapshot.as_ref();
        let mut fields = vec![
            (t("cli-serial"), s.serial.clone()),
            (t("cli-code-label"), format_code(&s.code)),
            (t("cli-name"), {
                // A certificate whose holder was erased (DSGVO) carries no name.
                let name = s.full_name();
                if name.is_empty() {
                    t("privacy-erased-person")
                } else {
                    name
                }
            }),
            (t("cli-title"), s.title(lang).to_owned()),
            (t("cli-organisation"), s.organisation.clone()),
            (t("cli-place"), s.place.clone()),
            (t("cli-issued-on"), fmt_date(s.issued_on)),
            (
                t("cli-valid-until"),
                s.valid_until
                    .map(fmt_date)
                    .unwrap_or_else(|| t("cli-no-expiry")),
            ),
            (
                t("cli-signatory"),
                format!("{}, {}", s.signatory_name, s.signatory_title),
            ),
            (t("cli-total-hours"), i18n::fmt_hours(s.total_hours)),
        ];
        for sem in &s.seminars {
            fields.push((
                t("cli-seminar"),
                ta(
                    "cli-seminar-line",
                    &[
                        ("title", Arg::from(&sem.title)),
                        ("date", Arg::from(fmt_date(sem.date))),
                        ("hours", Arg::from(i18n::fmt_hours(sem.hours))),
                    ],
                ),
            ));
        }
        if let Some(on) = revoked_on {
            fields.push((
                t("cli-revoked-on"),
                format!(
                    "{} – {}",
                    fmt_date(*on),
                    revocation_reason.clone().unwrap_or_default()
                ),
            ));
        }
        if let Some(serial) = superseded_by {
            fields.push((t("cli-superseded-by"), serial.clone()));
        }
        let width = fields
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        for (k, v) in fields {
            writeln!(out, "{k:<width$}  {v}").map_err(io)?;
        }
    }
    Ok(if v.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
