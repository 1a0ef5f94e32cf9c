//! The compliance report for audits: for the whole administration or one department (its
//! sub-units included), on a day — coverage per program and department, who holds which
//! certificate until when, whose certificate has run out without a new one, and which
//! certificates were revoked; with who generated it and when.

use std::cmp::Ordering;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::coverage::{CoverageFigures, CoverageOptions, CoverageReport, Measure, coverage};
use super::data::{ReportData, employed_on};
use super::export::{Cell, Sheet, coverage_sheet, status_label, status_tone};
use crate::i18n::{Arg, fmt_date, fmt_datetime, t, ta};
use crate::model::{DepartmentId, EmployeeId, natural_cmp};
use crate::rules::{CertificateFacts, CertificateStatus, certificate_status};

/// What the report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComplianceOptions {
    pub as_of: NaiveDate,
    /// Only this department and its sub-units; `None` = the whole administration.
    pub department: Option<DepartmentId>,
}

/// One certificate in one of the report's lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplianceLine {
    pub employee_id: EmployeeId,
    pub personnel_number: String,
    pub last_name: String,
    pub first_name: String,
    pub department_code: Option<String>,
    pub department_name: Option<String>,
    /// The program's position in [`CoverageReport::programs`] of the report.
    pub program: usize,
    pub serial: String,
    pub issued_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    /// On the report's day.
    pub status: CertificateStatus,
    pub revoked_on: Option<NaiveDate>,
    pub revocation_reason: Option<String>,
}

/// The figures of one program over the report's scope.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ComplianceSummary {
    pub figures: CoverageFigures,
    /// Certificates of the program revoked on or before the day (leavers' included).
    pub revoked: u32,
}

/// The report: plain values, ready to print or to write as a workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplianceReport {
    pub as_of: NaiveDate,
    pub organisation: String,
    /// The department reported on ("code name"), `None` for the whole administration.
    pub scope: Option<String>,
    /// Who generated the report (the database user) and when.
    pub generated_by: String,
    pub generated_at: NaiveDateTime,
    #[serde(skip)]
    pub pdfa: bool,
    /// Coverage per department and program (every program not archived).
    pub coverage: CoverageReport,
    /// Per program of `coverage.programs`.
    pub summary: Vec<ComplianceSummary>,
    /// Valid certificates (expiring ones included) of the people employed on the day.
    pub holders: Vec<ComplianceLine>,
    /// People employed on the day whose latest certificate of a program has expired and
    /// who hold no valid one: that latest certificate.
    pub expired: Vec<ComplianceLine>,
    /// Certificates revoked on or before the day.
    pub revoked: Vec<ComplianceLine>,
}

/// Computes the compliance report from `data` (loaded with its attendance).
pub fn compliance(data: &ReportData, options: &ComplianceOptions) -> ComplianceReport {
    let coverage = coverage(
        data,
        &CoverageOptions {
            as_of: options.as_of,
            department: options.department,
            program: None,
        },
    );
    let as_of = options.as_of;
    let scope_root = options
        .department
        .and_then(|d| data.departments.position(d));
    let scope = scope_root.map(|pos| {
        let d = &data.departments.nodes()[pos].department;
        format!("{} {}", d.code, d.name)
    });
    let programs: Vec<_> = coverage.programs.iter().map(|p| p.id).collect();
    let mut holders = Vec::new();
    let mut expired = Vec::new();
    let mut revoked = Vec::new();
    let mut revoked_count = vec![0u32; programs.len()];
    for (i, row) in data.employees.iter().enumerate() {
        if options.department.is_some() && !data.in_department(i, scope_root) {
            continue;
        }
        let employed = employed_on(&row.employee, as_of);
        let line = |program: usize,
                    facts: &CertificateFacts,
                    serial: &str,
                    reason: Option<&String>,
                    status| {
            ComplianceLine {
                employee_id: row.employee.id,
                personnel_number: row.employee.personnel_number.clone(),
                last_name: row.employee.last_name.clone(),
                first_name: row.employee.first_name.clone(),
                department_code: row.department_code.clone(),
                department_name: row.department_name.clone(),
                program,
                serial: serial.to_owned(),
                issued_on: facts.issued_on,
                valid_until: facts.valid_until,
                status,
                revoked_on: facts.revoked_on,
                revocation_reason: reason.cloned(),
            }
        };
        for (j, program) in programs.iter().enumerate() {
            let mut best_valid = None;
            // The latest expired certificate, kept while no valid one is found.
            let mut latest_expired = None;
            for (facts, text) in data
                .certificate_lines_of(i)
                .filter(|(f, _)| f.program_id == *program)
            {
                let status = certificate_status(facts, as_of);
                match status {
                    CertificateStatus::Revoked => {
                        revoked_count[j] += 1;
                        revoked.push(line(
                            j,
                            facts,
                            &text.serial,
                            text.revocation_reason.as_ref(),
                            status,
                        ));
                    }
                    CertificateStatus::Valid | CertificateStatus::Expiring if employed => {
                        // One per person and program: the one that lasts longest (a
                        // correction, made later, wins a tie with its original).
                        let lasts = |f: &CertificateFacts| f.valid_until.unwrap_or(NaiveDate::MAX);
                        if best_valid.is_none_or(|(f, _, _)| lasts(f) <= lasts(facts)) {
                            best_valid = Some((facts, &text.serial, status));
                        }
                    }
                    CertificateStatus::Expired
                        if employed
                            && latest_expired.is_none_or(|(f, _): (&CertificateFacts, _)| {
                                f.issued_on < facts.issued_on
                            }) =>
                    {
                        latest_expired = Some((facts, &text.serial));
                    }
                    _ => {}
                }
            }
            match (best_valid, latest_expired) {
                (Some((facts, serial, status)), _) => {
                    holders.push(line(j, facts, serial, None, status));
                }
                (None, Some((facts, serial))) => {
                    expired.push(line(j, facts, serial, None, CertificateStatus::Expired));
                }
                (None, None) => {}
            }
        }
    }
    // Per program, then by department, then in name order (the order of `employees`).
    let order = |a: &ComplianceLine, b: &ComplianceLine| -> Ordering {
        a.program.cmp(&b.program).then_with(|| {
            match (&a.department_code, &b.department_code) {
                (Some(x), Some(y)) => natural_cmp(x, y),
                // The people without a department last, as in coverage.
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        })
    };
    holders.sort_by(order);
    expired.sort_by(order);
    revoked.sort_by(|a, b| {
        a.program
            .cmp(&b.program)
            .then_with(|| a.revoked_on.cmp(&b.revoked_on))
            .then_with(|| natural_cmp(&a.serial, &b.serial))
    });
    let summary = coverage
        .total
        .iter()
        .zip(revoked_count)
        .map(|(figures, revoked)| ComplianceSummary {
            figures: *figures,
            revoked,
        })
        .collect();
    ComplianceReport {
        as_of,
        organisation: data.organisation.clone(),
        scope,
        generated_by: data.prepared_by.clone(),
        generated_at: data.prepared_at,
        pdfa: data.pdfa,
        coverage,
        summary,
        holders,
        expired,
        revoked,
    }
}

/// "Erstellt am 06.12.2026 um 21:40 Uhr von m.krueger" in the current language.
pub fn generated_text(report: &ComplianceReport) -> String {
    ta(
        "compliance-generated",
        &[
            ("date", Arg::from(fmt_date(report.generated_at.date()))),
            (
                "time",
                Arg::from(report.generated_at.format("%H:%M").to_string()),
            ),
            ("user", Arg::from(report.generated_by.as_str())),
        ],
    )
}

/// The scope in words: "Gesamte Verwaltung" or "Organisationseinheit 30 Bürgeramt mit
/// ihren Untereinheiten".
pub fn scope_text(report: &ComplianceReport) -> String {
    match &report.scope {
        None => t("compliance-scope-all"),
        Some(d) => ta("report-pdf-scope", &[("department", Arg::from(d.as_str()))]),
    }
}

/// The report as a workbook: what it is, the summary per program, coverage per
/// department, and the three lists.
pub fn compliance_sheets(report: &ComplianceReport) -> Vec<Sheet> {
    let about = Sheet {
        name: t("compliance-sheet-about"),
        headers: vec![t("compliance-col-item"), t("compliance-col-value")],
        widths: vec![24.0, 70.0],
        rows: vec![
            vec![
                Cell::text(t("compliance-title")),
                Cell::text(scope_text(report)),
            ],
            vec![
                Cell::text(t("compliance-col-organisation")),
                Cell::text(report.organisation.trim()),
            ],
            vec![
                Cell::text(t("report-col-as-of")),
                Cell::date(Some(report.as_of)),
            ],
            vec![
                Cell::text(t("compliance-col-generated-at")),
                Cell::text(fmt_datetime(report.generated_at)),
            ],
            vec![
                Cell::text(t("compliance-col-generated-by")),
                Cell::text(&report.generated_by),
            ],
        ],
    };
    let programs = &report.coverage.programs;
    let summary = Sheet {
        name: t("compliance-sheet-summary"),
        headers: vec![
            t("report-col-program-code"),
            t("report-col-program"),
            Measure::Employees.label(),
            Measure::Valid.label(),
            t("report-col-coverage"),
            Measure::Expiring.label(),
            Measure::Expired.label(),
            Measure::InProgress.label(),
            t("compliance-col-revoked"),
        ],
        widths: vec![10.0, 28.0, 13.0, 13.0, 13.0, 13.0, 13.0, 13.0, 13.0],
        rows: report
            .summary
            .iter()
            .zip(programs)
            .map(|(s, p)| {
                let f = &s.figures;
                vec![
                    Cell::text(&p.code),
                    Cell::text(&p.title),
                    Cell::int(f.employees),
                    Cell::int(f.valid),
                    Cell::percent(f.coverage_percent()),
                    Cell::int(f.expiring),
                    Cell::int(f.expired),
                    Cell::int(f.in_progress),
                    Cell::int(s.revoked),
                ]
            })
            .collect(),
    };
    let list = |name: &str, lines: &[ComplianceLine], with_revocation: bool| {
        let mut headers = vec![
            t("report-col-program-code"),
            t("report-col-department-code"),
            t("report-col-department"),
            t("field-personnel-number"),
            t("field-last-name"),
            t("field-first-name"),
            t("report-col-serial"),
            t("report-col-issued-on"),
            t("report-col-valid-until"),
            t("report-col-status"),
        ];
        let mut widths = vec![10.0, 9.0, 30.0, 12.0, 20.0, 16.0, 16.0, 12.0, 12.0, 22.0];
        if with_revocation {
            headers.extend([t("report-col-revoked-on"), t("compliance-col-reason")]);
            widths.extend([12.0, 40.0]);
        }
        let rows = lines
            .iter()
            .map(|l| {
                let mut cells = vec![
                    Cell::text(programs.get(l.program).map_or("", |p| p.code.as_str())),
                    Cell::opt_text(l.department_code.as_deref()),
                    Cell::opt_text(l.department_name.as_deref()),
                    Cell::text(&l.personnel_number),
                    Cell::text(&l.last_name),
                    Cell::text(&l.first_name),
                    Cell::text(&l.serial),
                    Cell::date(Some(l.issued_on)),
                    Cell::date(l.valid_until),
                    Cell::text(status_label(l.status)).with_tone(status_tone(l.status)),
                ];
                if with_revocation {
                    cells.push(Cell::date(l.revoked_on));
                    cells.push(Cell::opt_text(l.revocation_reason.as_deref()));
                }
                cells
            })
            .collect();
        Sheet {
            name: name.to_owned(),
            headers,
            widths,
            rows,
        }
    };
    vec![
        about,
        summary,
        coverage_sheet(&report.coverage),
        list(&t("compliance-sheet-holders"), &report.holders, false),
        list(&t("compliance-sheet-expired"), &report.expired, false),
        list(&t("compliance-sheet-revoked"), &report.revoked, true),
    ]
}
