//! Reports at scale: `cargo bench --bench reports`.
//!
//! Builds the sample administration with `LOTSE_BENCH_EMPLOYEES` employees (default
//! 10,000; about 25 attendance rows each), issues certificates in three waves if the
//! sample data has none (so that there are valid, expiring and expired ones), and then
//! times loading, coverage, the matrix, hours and the exports. Plain `std::time`: one
//! warm-up run, then the median of several.

mod common;

use common::{RUNS, line, measure, ms};

use std::time::Instant;

use chrono::{Datelike, Months, NaiveDate};
use lotse::report::{
    ComplianceOptions, CoverageOptions, ExportFormat, HoursOptions, MatrixColumns, MatrixOptions,
    Measure, compliance, coverage, coverage_pdf, hours, matrix,
};
use lotse::service::Database;
use lotse::service::certificates::{self, IssueOptions};
use lotse::service::demo::{DemoOptions, generate};
use lotse::service::{eligibility, reports};
use lotse::store::{FixedClock, Read};

fn issue_wave(store: &mut Database, on: NaiveDate) -> lotse::Result<usize> {
    let mut issued = 0;
    // Twice, so that a prerequisite issued in the first pass counts in the second.
    let programs = store.store().programs()?;
    for program in programs.iter().chain(&programs) {
        let due: Vec<_> = eligibility::due(store, program, on)?
            .into_iter()
            .map(|s| s.employee.employee.id)
            .collect();
        if due.is_empty() {
            continue;
        }
        issued += certificates::issue(store, program.id, &due, &IssueOptions::on(on), &mut |_| {
            true
        })?
        .len();
    }
    Ok(issued)
}

fn main() -> lotse::Result<()> {
    lotse::i18n::set_language(lotse::i18n::Lang::De);
    let employees: usize = std::env::var("LOTSE_BENCH_EMPLOYEES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    let mut store = Database::open_in_memory()?.with_clock(FixedClock::on(today));

    let start = Instant::now();
    generate(&mut store, &DemoOptions { employees, seed: 1 }, &mut |_| {
        true
    })?;
    let generated = start.elapsed();
    // The sample data issues certificates itself; should it not, issue some that have
    // expired by now, some that expire within 90 days, and some valid ones.
    if store.store().certificate_count()? == 0 {
        let start = Instant::now();
        for months_ago in [26, 22, 0] {
            let on = today
                .checked_sub_months(Months::new(months_ago))
                .unwrap_or(today);
            issue_wave(&mut store, on)?;
        }
        println!("certificates issued in {}", ms(start.elapsed()));
    }
    println!(
        "data: {} employees, {} departments, {} attendance rows, {} certificates, {} programs, {} seminars",
        store.store().employee_count()?,
        store.store().department_count()?,
        store.store().attendance_count()?,
        store.store().certificate_count()?,
        store.store().program_count()?,
        store.store().seminar_count()?
    );
    println!("  sample data generated in {}", ms(generated));
    println!("median of {RUNS} runs after one warm-up:");

    let (t, records) = measure(|| store.store().training_records().map(|r| r.len()));
    line(
        format!(
            "  (for comparison: Database::training_records, {} sorted)",
            records?
        ),
        t,
    );
    let (t, records) = measure(|| store.store().training_records_unordered().map(|r| r.len()));
    line(
        format!("  of which: {} attendance records, unordered", records?),
        t,
    );
    let (t, n) = measure(|| store.store().certificates().map(|r| r.len()));
    line(format!("  of which: {} certificates", n?), t);
    let (t, n) = measure(|| {
        store
            .store()
            .employee_rows(&lotse::store::EmployeeFilter {
                department: None,
                include_leavers: true,
            })
            .map(|r| r.len())
    });
    line(format!("  of which: {} employees", n?), t);
    let (t, data) = measure(|| reports::load(&store));
    let data = data?;
    line("load everything (a handful of bulk queries)", t);

    let options = CoverageOptions::on(today);
    let (t, report) = measure(|| coverage(&data, &options));
    line(
        format!(
            "coverage, {} departments × {} programs",
            report.rows.len(),
            report.programs.len()
        ),
        t,
    );
    for (program, total) in report.programs.iter().zip(&report.total) {
        println!(
            "  {}: {} employees, {} valid, {} expiring, {} expired, {} in progress",
            program.code,
            total.employees,
            total.valid,
            total.expiring,
            total.expired,
            total.in_progress
        );
    }
    let last_year = NaiveDate::from_ymd_opt(today.year() - 1, 12, 31).unwrap_or(today);
    let (t, _) = measure(|| coverage(&data, &CoverageOptions::on(last_year)));
    line(format!("coverage as of {last_year}"), t);
    let (t, _) = measure(|| reports::coverage(&store, &options));
    line(
        "coverage from the database (aggregated per program in SQL + compute)",
        t,
    );
    let (t, n) = measure(|| -> lotse::Result<usize> {
        let programs: Vec<_> = store
            .store()
            .programs()?
            .into_iter()
            .filter(|p| !p.archived)
            .collect();
        let facts = eligibility::DayFacts::load(&store, &programs, today)?;
        let employees = store.store().employee_rows(&lotse::store::EmployeeFilter {
            department: None,
            include_leavers: true,
        })?;
        let mut n = 0;
        for program in &programs {
            for e in employees
                .iter()
                .filter(|e| e.employee.is_employed_on(today))
            {
                n += usize::from(facts.standing(program, e).eligibility.eligible);
            }
        }
        Ok(n)
    });
    line(
        format!(
            "eligibility of everybody in every program (as `eligible --all`): {} eligible",
            n?
        ),
        t,
    );

    // The largest list behind a number: everybody in progress in the last program.
    let last = report.programs.len().saturating_sub(1);
    let (t, behind) = measure(|| report.people(None, last, Measure::InProgress).len());
    line(
        format!("drill-down: the {behind} people behind a number"),
        t,
    );

    let (t, m) = measure(|| matrix(&data, &MatrixOptions::on(today, MatrixColumns::Programs)));
    line(
        format!(
            "matrix, {} employees × {} programs",
            m.rows.len(),
            m.columns.len()
        ),
        t,
    );
    let (t, ms_matrix) =
        measure(|| matrix(&data, &MatrixOptions::on(today, MatrixColumns::Seminars)));
    line(
        format!(
            "matrix, {} employees × {} seminars",
            ms_matrix.rows.len(),
            ms_matrix.columns.len()
        ),
        t,
    );
    let search = MatrixOptions {
        search: "müller".into(),
        ..MatrixOptions::on(today, MatrixColumns::Programs)
    };
    let (t, found) = measure(|| matrix(&data, &search));
    line(
        format!("matrix search \"müller\" ({} rows)", found.rows.len()),
        t,
    );

    let year = today.year() - 1;
    let (t, h) = measure(|| {
        hours(
            &data,
            &HoursOptions {
                year,
                department: None,
            },
        )
    });
    line(
        format!(
            "hours {year}: {} employees, {:.0} h",
            h.employees.len(),
            h.total.hours
        ),
        t,
    );

    let (t, bytes) = measure(|| reports::matrix_bytes(&m, ExportFormat::Xlsx));
    let bytes = bytes?;
    line(
        format!("XLSX of the program matrix ({} KB)", bytes.len() / 1024),
        t,
    );
    let (t, bytes) = measure(|| reports::matrix_bytes(&ms_matrix, ExportFormat::Xlsx));
    let bytes = bytes?;
    line(
        format!("XLSX of the seminar matrix ({} KB)", bytes.len() / 1024),
        t,
    );
    let (t, bytes) = measure(|| reports::matrix_bytes(&m, ExportFormat::Csv));
    let bytes = bytes?;
    line(
        format!("CSV of the program matrix ({} KB)", bytes.len() / 1024),
        t,
    );
    let (t, bytes) = measure(|| reports::coverage_bytes(&report, ExportFormat::Xlsx));
    let bytes = bytes?;
    line(format!("XLSX of coverage ({} KB)", bytes.len() / 1024), t);
    let (t, bytes) = measure(|| coverage_pdf(&report));
    let bytes = bytes?;
    line(format!("PDF of coverage ({} KB)", bytes.len() / 1024), t);

    // The compliance report for audits: the whole administration, then one Dezernat.
    let whole = ComplianceOptions {
        as_of: today,
        department: None,
    };
    let (t, audit) = measure(|| compliance(&data, &whole));
    line(
        format!(
            "compliance report, whole administration ({} holders, {} expired, {} revoked)",
            audit.holders.len(),
            audit.expired.len(),
            audit.revoked.len()
        ),
        t,
    );
    let (t, bytes) = measure(|| reports::compliance_bytes(&audit, ExportFormat::Pdf));
    let bytes = bytes?;
    let pages = lopdf::Document::load_mem(&bytes)
        .map(|d| d.get_pages().len())
        .unwrap_or(0);
    line(
        format!(
            "PDF of the compliance report ({pages} pages, {} KB)",
            bytes.len() / 1024
        ),
        t,
    );
    let (t, bytes) = measure(|| reports::compliance_bytes(&audit, ExportFormat::Xlsx));
    let bytes = bytes?;
    line(
        format!("XLSX of the compliance report ({} KB)", bytes.len() / 1024),
        t,
    );
    if let Some(top) = data.departments.nodes().first() {
        let one = ComplianceOptions {
            as_of: today,
            department: Some(top.department.id),
        };
        let (t, bytes) =
            measure(|| reports::compliance_bytes(&compliance(&data, &one), ExportFormat::Pdf));
        let bytes = bytes?;
        line(
            format!(
                "compliance report of one Dezernat, computed and printed ({} KB)",
                bytes.len() / 1024
            ),
            t,
        );
    }

    // Planning and renewals (issue 14): what `lotse needs` and `lotse renewals` compute,
    // and the app's worker for *Bedarf & Planung* and *Verlängerungen*.
    let programs = store.store().programs()?;
    for program in programs.iter().filter(|p| !p.archived) {
        let (t, needs) = measure(|| lotse::service::needs::load(&store, &program.code, None));
        let needs = needs?;
        line(
            format!(
                "needs of {} over everybody ({} seminars)",
                program.code,
                needs.needs.seminars.len()
            ),
            t,
        );
    }
    let (t, renewals) = measure(|| {
        lotse::service::renewals::list(&store, &lotse::service::renewals::RenewalFilter::default())
    });
    let renewals = renewals?;
    line(
        format!(
            "renewals: expired and due within {} days ({} certificates)",
            renewals.window,
            renewals.rows.len()
        ),
        t,
    );
    Ok(())
}
