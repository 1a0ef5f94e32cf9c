//! Reports — coverage per department (rolled up over two levels), the matrix, training
//! hours, and the CSV / XLSX / PDF files, plus the command line — on the hand-built
//! administration of `tests/common_reports` (its table says who has what).

mod common_pdf;
mod common_reports;

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Data, DataType};
use chrono::NaiveDate;
use lotse::i18n::{Lang, set_thread_language};
use lotse::model::{DepartmentInput, EmployeeInput};
use lotse::report::{
    CertificateState, CoverageFigures, CoverageLine, CoverageOptions, CoverageReport, ExportFormat,
    HoursOptions, Matrix, MatrixCell, MatrixColumns, MatrixOptions, Measure, ReportData,
    SeminarState, Tone, coverage, coverage_pdf, hours, matrix,
};
use lotse::service::Database;
use lotse::service::reports::{self, ExportKind};
use lotse::store::{CertificateFilter, Read};
use lotse::{Error, service};

use common_reports::*;

/// Figures: employees, valid, expiring, expired, in progress, eligible.
fn f(
    employees: u32,
    valid: u32,
    expiring: u32,
    expired: u32,
    in_progress: u32,
    eligible: u32,
) -> CoverageFigures {
    CoverageFigures {
        employees,
        valid,
        expiring,
        expired,
        in_progress,
        eligible,
    }
}

fn figures(report: &CoverageReport, department: &str, program: &str) -> CoverageFigures {
    let row = report
        .rows
        .iter()
        .find(|r| r.code == department)
        .unwrap_or_else(|| panic!("no row {department}"));
    let j = report
        .programs
        .iter()
        .position(|p| p.code == program)
        .unwrap();
    row.figures[j]
}

fn total(report: &CoverageReport, program: &str) -> CoverageFigures {
    let j = report
        .programs
        .iter()
        .position(|p| p.code == program)
        .unwrap();
    report.total[j]
}

fn report_on(s: &Scenario, day: &str) -> CoverageReport {
    let data = reports::load(&s.store).unwrap();
    coverage(&data, &CoverageOptions::on(d(day)))
}

fn names(people: &[&lotse::report::CoveragePerson]) -> Vec<String> {
    people.iter().map(|p| p.last_name.clone()).collect()
}

#[test]
fn the_scenario_has_what_the_table_says() {
    let s = scenario();
    // P03 holds the original and its correction; P05's is revoked.
    let rows = s
        .store
        .store()
        .certificate_rows(&CertificateFilter::default())
        .unwrap();
    assert_eq!(rows.len(), 9);
    let of = |key: &str| {
        rows.iter()
            .filter(|r| r.certificate.employee_id == s.people[key])
            .count()
    };
    assert_eq!(of("P03"), 2);
    assert!(
        rows.iter()
            .any(|r| r.certificate.revoked_on == Some(d("2026-05-01")))
    );
    assert!(
        rows.iter()
            .any(|r| r.certificate.superseded_on == Some(d("2026-01-10")))
    );
}

#[test]
fn coverage_on_the_day_rolls_up_over_two_levels() {
    set_thread_language(Lang::De);
    let s = scenario();
    let r = report_on(&s, A);
    let codes: Vec<&str> = r.rows.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["I", "10", "10.1", "10.2", "20", "II", "60", ""]);
    let depths: Vec<usize> = r.rows.iter().map(|r| r.depth).collect();
    assert_eq!(depths, [0, 1, 2, 2, 1, 0, 1, 0]);
    // Krüger has no department: the last line is hers.
    let last = r.rows.last().unwrap();
    assert_eq!(last.department_id, None);
    assert_eq!(last.name, "ohne Organisationseinheit");
    assert_eq!(r.rows[2].parent, Some(1));
    assert!(r.rows[1].has_children && !r.rows[2].has_children);
    let programs: Vec<&str> = r.programs.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(programs, ["DCM", "DL"]);

    // DL on 21.11.2026:
    // 10.1: Albers valid and expiring (last day today), Brandt expired yesterday; Brandt
    //       still meets both requirements, so he is also in progress and eligible.
    assert_eq!(figures(&r, "10.1", "DL"), f(2, 1, 1, 1, 1, 1));
    // 10.2: Cordes valid until 15.06.2027 (counted once despite the correction);
    //       Dahl meets both requirements without a certificate.
    assert_eq!(figures(&r, "10.2", "DL"), f(2, 1, 0, 0, 1, 1));
    // 10: its own Ernst (revoked, meets both: in progress, not expired) — Fischer has left
    //     and is not counted — plus 10.1 and 10.2.
    assert_eq!(figures(&r, "10", "DL"), f(5, 2, 1, 1, 3, 3));
    // 20: Güneş expires tomorrow (expiring); Hoffmann has nothing.
    assert_eq!(figures(&r, "20", "DL"), f(2, 1, 1, 0, 0, 0));
    // I = 10 + 20.
    assert_eq!(figures(&r, "I", "DL"), f(7, 3, 2, 1, 3, 3));
    // 60: Illner meets both; Jansen joins in 2027 and is not counted.
    assert_eq!(figures(&r, "60", "DL"), f(1, 0, 0, 0, 1, 1));
    assert_eq!(figures(&r, "II", "DL"), f(1, 0, 0, 0, 1, 1));
    // Everybody: I + II + Krüger (no department, valid).
    assert_eq!(total(&r, "DL"), f(9, 4, 2, 1, 4, 4));

    // DCM: only Albers holds one (no expiry). In progress: whoever holds a valid DL
    // (Cordes, Güneş, Krüger) or attended DCM-201 (Dahl); Hoffmann's partial attendance
    // does not count, Brandt's and Ernst's DL are not valid.
    assert_eq!(figures(&r, "10.1", "DCM"), f(2, 1, 0, 0, 0, 0));
    assert_eq!(figures(&r, "10.2", "DCM"), f(2, 0, 0, 0, 2, 0));
    assert_eq!(figures(&r, "10", "DCM"), f(5, 1, 0, 0, 2, 0));
    assert_eq!(figures(&r, "20", "DCM"), f(2, 0, 0, 0, 1, 0));
    assert_eq!(figures(&r, "I", "DCM"), f(7, 1, 0, 0, 3, 0));
    assert_eq!(figures(&r, "60", "DCM"), f(1, 0, 0, 0, 0, 0));
    assert_eq!(figures(&r, "II", "DCM"), f(1, 0, 0, 0, 0, 0));
    assert_eq!(total(&r, "DCM"), f(9, 1, 0, 0, 4, 0));

    // Coverage in per cent, one decimal: 3/7, 2/5, 1/2, 0/1, 4/9, 1/7.
    assert_eq!(figures(&r, "I", "DL").coverage_percent(), 42.9);
    assert_eq!(figures(&r, "10", "DL").coverage_percent(), 40.0);
    assert_eq!(figures(&r, "10.1", "DL").coverage_percent(), 50.0);
    assert_eq!(figures(&r, "60", "DL").coverage_percent(), 0.0);
    assert_eq!(total(&r, "DL").coverage_percent(), 44.4);
    assert_eq!(figures(&r, "I", "DCM").coverage_percent(), 14.3);
    assert_eq!(CoverageFigures::default().coverage_percent(), 0.0);
}

#[test]
fn the_people_behind_the_numbers() {
    set_thread_language(Lang::De);
    let s = scenario();
    let r = report_on(&s, A);
    let dl = r.programs.iter().position(|p| p.code == "DL").unwrap();
    let row = |code: &str| r.row_of(s.departments[code]);
    assert_eq!(
        names(&r.people(row("I"), dl, Measure::Expiring)),
        ["Albers", "Güneş"]
    );
    assert_eq!(
        names(&r.people(row("10"), dl, Measure::InProgress)),
        ["Brandt", "Dahl", "Ernst"]
    );
    assert_eq!(
        names(&r.people(row("10.1"), dl, Measure::Expired)),
        ["Brandt"]
    );
    assert_eq!(
        names(&r.people(None, dl, Measure::Valid)),
        ["Albers", "Cordes", "Güneş", "Krüger"]
    );
    assert_eq!(
        names(&r.people(row("10"), dl, Measure::Employees)),
        ["Albers", "Brandt", "Cordes", "Dahl", "Ernst"],
        "the leaver is nowhere"
    );
    assert_eq!(
        names(&r.people(None, dl, Measure::Eligible)),
        ["Brandt", "Dahl", "Ernst", "Illner"]
    );
    assert_eq!(
        names(&r.people(r.row_of_line(CoverageLine::Unassigned), dl, Measure::Valid)),
        ["Krüger"]
    );
    // Every count matches its list.
    for (i, row) in r.rows.iter().enumerate() {
        for m in Measure::ALL {
            assert_eq!(
                r.people(Some(i), dl, m).len() as u32,
                row.figures[dl].get(m),
                "{} {m:?}",
                row.code
            );
        }
    }
    let albers = r.people.iter().find(|p| p.last_name == "Albers").unwrap();
    assert_eq!(
        albers.standings[dl].certificate,
        CertificateState::Expiring { until: d(A) }
    );
}

#[test]
fn coverage_as_of_a_past_date() {
    let s = scenario();
    let r = report_on(&s, B);
    // On 31.12.2025: nothing was expiring within 90 days yet; Ernst's certificate was not
    // yet revoked; Fischer had not yet left; Cordes held the original and (issued on the
    // same day) its correction — one person.
    assert_eq!(figures(&r, "10.1", "DL"), f(2, 2, 0, 0, 0, 0));
    assert_eq!(figures(&r, "10.2", "DL"), f(2, 1, 0, 0, 1, 1));
    assert_eq!(figures(&r, "10", "DL"), f(6, 5, 0, 0, 1, 1));
    assert_eq!(figures(&r, "20", "DL"), f(2, 1, 0, 0, 0, 0));
    assert_eq!(figures(&r, "I", "DL"), f(8, 6, 0, 0, 1, 1));
    assert_eq!(figures(&r, "60", "DL"), f(1, 0, 0, 0, 1, 1));
    assert_eq!(figures(&r, "II", "DL"), f(1, 0, 0, 0, 1, 1));
    assert_eq!(total(&r, "DL"), f(10, 7, 0, 0, 2, 2));
    assert_eq!(total(&r, "DL").coverage_percent(), 70.0);
    // DCM: Albers; in progress everybody else with a valid DL (Brandt, Cordes, Ernst,
    // Fischer, Güneş, Krüger) and Dahl with DCM-201.
    assert_eq!(total(&r, "DCM"), f(10, 1, 0, 0, 7, 0));

    // The day after A, Albers' certificate has expired too.
    let next = report_on(&s, "2026-11-22");
    assert_eq!(figures(&next, "10.1", "DL"), f(2, 0, 0, 2, 2, 2));
}

#[test]
fn the_top_lines_add_up_to_the_total() {
    set_thread_language(Lang::De);
    let mut s = scenario();
    // A second person without a department, and one who has left (not counted).
    for (number, last) in [("P12", "Lorenz"), ("P13", "Mertens")] {
        service::employees::add(
            &mut s.store,
            &EmployeeInput {
                personnel_number: number.into(),
                first_name: "Lena".into(),
                last_name: last.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let mertens = s
        .store
        .store()
        .employee_by_personnel_number("P13")
        .unwrap()
        .unwrap();
    service::employees::set_exit(&mut s.store, mertens.id, Some(d("2026-01-31"))).unwrap();
    let r = report_on(&s, A);
    let last = r.rows.last().unwrap();
    assert_eq!(last.department_id, None);
    assert_eq!(last.name, "ohne Organisationseinheit");
    for (j, program) in r.programs.iter().enumerate() {
        let mut sum = CoverageFigures::default();
        for row in r.rows.iter().filter(|row| row.depth == 0) {
            let g = row.figures[j];
            sum = f(
                sum.employees + g.employees,
                sum.valid + g.valid,
                sum.expiring + g.expiring,
                sum.expired + g.expired,
                sum.in_progress + g.in_progress,
                sum.eligible + g.eligible,
            );
        }
        assert_eq!(sum, r.total[j], "{}", program.code);
    }
    // Krüger and Lorenz; Mertens has left.
    assert_eq!(last.figures[0].employees, 2);
    assert_eq!(
        names(&r.people(Some(r.rows.len() - 1), 0, Measure::Employees)),
        ["Krüger", "Lorenz"]
    );

    // Filtered to a department, nobody without one is in the report.
    let data = reports::load(&s.store).unwrap();
    let filtered = coverage(
        &data,
        &CoverageOptions {
            department: Some(s.departments["II"]),
            ..CoverageOptions::on(d(A))
        },
    );
    assert!(filtered.rows.iter().all(|r| r.department_id.is_some()));

    // Nobody without a department: no such line.
    let mut all_placed = scenario();
    service::employees::update(
        &mut all_placed.store,
        all_placed.people["P11"],
        &EmployeeInput {
            personnel_number: "P11".into(),
            first_name: "Karl".into(),
            last_name: "Krüger".into(),
            department_id: Some(all_placed.departments["60"]),
            ..Default::default()
        },
    )
    .unwrap();
    let r = report_on(&all_placed, A);
    assert!(r.rows.iter().all(|r| r.department_id.is_some()));
}

#[test]
fn filters_by_department_and_program() {
    let s = scenario();
    let data = reports::load(&s.store).unwrap();
    let r = coverage(
        &data,
        &CoverageOptions {
            as_of: d(A),
            department: Some(s.departments["10"]),
            program: Some(s.dl),
        },
    );
    let codes: Vec<&str> = r.rows.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["10", "10.1", "10.2"]);
    assert_eq!(r.rows[0].depth, 0);
    assert_eq!(r.programs.len(), 1);
    assert_eq!(
        r.total,
        vec![f(5, 2, 1, 1, 3, 3)],
        "the total is the selection's"
    );
    assert_eq!(r.people.len(), 5);
    let dcm_only = coverage(
        &data,
        &CoverageOptions {
            program: Some(s.dcm),
            ..CoverageOptions::on(d(A))
        },
    );
    let programs: Vec<&str> = dcm_only.programs.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(programs, ["DCM"]);
    assert_eq!(dcm_only.total, vec![f(9, 1, 0, 0, 4, 0)]);
}

fn cell<'m>(m: &'m Matrix, last_name: &str, column: &str) -> &'m MatrixCell {
    let row = m.rows.iter().find(|r| r.last_name == last_name).unwrap();
    let col = m.columns.iter().position(|c| c.code == column).unwrap();
    &row.cells[col]
}

#[test]
fn the_matrix_of_programs_and_of_seminars() {
    set_thread_language(Lang::De);
    let s = scenario();
    let data = reports::load(&s.store).unwrap();
    let m = matrix(&data, &MatrixOptions::on(d(A), MatrixColumns::Programs));
    let names: Vec<&str> = m.rows.iter().map(|r| r.last_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Albers", "Brandt", "Cordes", "Dahl", "Ernst", "Güneş", "Hoffmann", "Illner", "Krüger"
        ]
    );
    let label = |who, col| cell(&m, who, col).label();
    assert_eq!(label("Albers", "DL"), "läuft ab am 21.11.2026");
    assert_eq!(label("Albers", "DCM"), "gültig (unbefristet)");
    assert_eq!(
        label("Brandt", "DL"),
        "abgelaufen am 20.11.2026 (erneut berechtigt)"
    );
    assert_eq!(label("Cordes", "DL"), "gültig bis 15.06.2027");
    assert_eq!(label("Cordes", "DCM"), "in Arbeit 1/2");
    assert_eq!(label("Dahl", "DL"), "berechtigt (2/2)");
    assert_eq!(label("Hoffmann", "DL"), "–");
    assert_eq!(cell(&m, "Albers", "DL").tone(), Tone::Warning);
    assert_eq!(cell(&m, "Brandt", "DL").tone(), Tone::Bad);
    assert_eq!(cell(&m, "Cordes", "DL").tone(), Tone::Good);
    assert_eq!(
        cell(&m, "Ernst", "DL").tone(),
        Tone::Progress,
        "revoked, requirements met"
    );
    assert_eq!(cell(&m, "Hoffmann", "DCM").tone(), Tone::Neutral);
    let hoffmann = m.rows.iter().find(|r| r.last_name == "Hoffmann").unwrap();
    let col = m.columns.iter().position(|c| c.code == "DL").unwrap();
    assert_eq!(
        hoffmann.cells[col].accessible_text(hoffmann, &m.columns[col]),
        "Hoffmann, Hans, Digitallots:in: kein Zertifikat, keine Anforderung erfüllt"
    );

    let sem = matrix(&data, &MatrixOptions::on(d(A), MatrixColumns::Seminars));
    let cols: Vec<&str> = sem.columns.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(cols, ["DCM-201", "DF-101", "DF-102"]);
    assert_eq!(
        *cell(&sem, "Dahl", "DF-102"),
        MatrixCell::Seminar(SeminarState::Attended {
            on: d("2025-05-05"),
            partial: false
        })
    );
    assert_eq!(
        *cell(&sem, "Hoffmann", "DF-101"),
        MatrixCell::Seminar(SeminarState::Registered {
            on: d("2026-12-10")
        })
    );
    assert_eq!(
        cell(&sem, "Hoffmann", "DF-101").label(),
        "angemeldet (10.12.2026)"
    );
    assert_eq!(cell(&sem, "Hoffmann", "DCM-201").tone(), Tone::Progress);
    assert_eq!(
        *cell(&sem, "Illner", "DCM-201"),
        MatrixCell::Seminar(SeminarState::None)
    );
    assert_eq!(
        cell(&sem, "Albers", "DF-101").label(),
        "teilgenommen am 15.01.2024"
    );
    // The day before the 2025 session, Dahl was signed up for DF-102, not yet through it.
    let early = matrix(
        &data,
        &MatrixOptions::on(d("2025-05-04"), MatrixColumns::Seminars),
    );
    assert_eq!(
        *cell(&early, "Dahl", "DF-102"),
        MatrixCell::Seminar(SeminarState::Registered {
            on: d("2025-05-05")
        })
    );

    // Department filter (with sub-units) and search.
    let hauptamt = matrix(
        &data,
        &MatrixOptions {
            department: Some(s.departments["10"]),
            ..MatrixOptions::on(d(A), MatrixColumns::Programs)
        },
    );
    assert_eq!(hauptamt.rows.len(), 5);
    let found = matrix(
        &data,
        &MatrixOptions {
            search: "GÜNEŞ".into(),
            ..MatrixOptions::on(d(A), MatrixColumns::Programs)
        },
    );
    assert_eq!(found.rows.len(), 1);
    assert_eq!(found.rows[0].personnel_number, "P07");
}

#[test]
fn training_hours_per_employee_and_department() {
    let s = scenario();
    let data = reports::load(&s.store).unwrap();
    let h = hours(
        &data,
        &HoursOptions {
            year: 2024,
            department: None,
        },
    );
    let dept = |code: &str| {
        h.departments
            .iter()
            .find(|r| r.code == code)
            .unwrap()
            .figures
    };
    // 2024: DF-101 and DF-102 (4 h each) for Albers, Brandt, Cordes, Ernst, Fischer, Güneş,
    // Illner, Krüger; DF-101 for Dahl; DCM-201 (8 h) for Albers and Dahl, 3 h partial for
    // Hoffmann; Illner absent (nothing).
    // 10.1: Albers 16 h (3 sessions) + Brandt 8 h (2).
    assert_eq!(
        (
            dept("10.1").employees,
            dept("10.1").sessions,
            dept("10.1").hours
        ),
        (2, 5, 24.0)
    );
    // 10.2: Cordes 8 h (2) + Dahl 12 h (2).
    assert_eq!((dept("10.2").sessions, dept("10.2").hours), (4, 20.0));
    // 10: Ernst 8 + Fischer 8 (he left in 2026 but trained in 2024) + 24 + 20.
    assert_eq!(
        (
            dept("10").employees,
            dept("10").trained,
            dept("10").sessions,
            dept("10").hours
        ),
        (6, 6, 13, 60.0)
    );
    assert_eq!(dept("10").hours_per_employee(), 10.0);
    // 20: Güneş 8 h (2) + Hoffmann 3 h (1 partial).
    assert_eq!((dept("20").sessions, dept("20").hours), (3, 11.0));
    assert_eq!(
        (dept("I").employees, dept("I").sessions, dept("I").hours),
        (8, 16, 71.0)
    );
    // 60: Illner 8 h; Jansen was not employed in 2024.
    assert_eq!((dept("60").employees, dept("60").hours), (1, 8.0));
    assert_eq!(
        (
            h.total.employees,
            h.total.trained,
            h.total.sessions,
            h.total.hours
        ),
        (10, 10, 20, 87.0)
    );
    let hoffmann = h
        .employees
        .iter()
        .find(|e| e.last_name == "Hoffmann")
        .unwrap();
    assert_eq!(
        (
            hoffmann.hours,
            hoffmann.attended,
            hoffmann.partial,
            hoffmann.seminars
        ),
        (3.0, 0, 1, 1)
    );
    let albers = h
        .employees
        .iter()
        .find(|e| e.last_name == "Albers")
        .unwrap();
    assert_eq!(
        (albers.hours, albers.attended, albers.seminars),
        (16.0, 3, 3)
    );

    // 2025: only Dahl's DF-102 repeat.
    let h25 = hours(
        &data,
        &HoursOptions {
            year: 2025,
            department: Some(s.departments["10"]),
        },
    );
    assert_eq!(h25.departments.len(), 3);
    assert_eq!(
        (h25.total.employees, h25.total.trained, h25.total.hours),
        (6, 1, 4.0)
    );
    assert_eq!(h25.employees_of(2).len(), 2, "10.2: Cordes and Dahl");
}

/// The serial day number Excel stores for a date.
fn excel_day(date: NaiveDate) -> f64 {
    (date - d("1899-12-30")).num_days() as f64
}

/// The day number of a date cell; `None` for any other cell.
fn serial(c: &Data) -> Option<f64> {
    match c {
        Data::DateTime(dt) => Some(dt.as_f64()),
        _ => None,
    }
}

fn text(c: &Data) -> String {
    match c {
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn xlsx_read_back_matches_the_report() {
    set_thread_language(Lang::De);
    let s = scenario();
    let (bytes, rows) = reports::export_bytes(
        &s.store,
        &ExportKind::Coverage(CoverageOptions::on(d(A))),
        ExportFormat::Xlsx,
    )
    .unwrap();
    assert_eq!(rows, 8 * 2 + 2);
    let sheets = read_xlsx(bytes);
    assert_eq!(sheets.len(), 1);
    let (name, range) = &sheets[0];
    assert_eq!(name, "Abdeckung 21.11.2026");
    let all: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = all[0].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "OE-Kürzel",
            "Organisationseinheit",
            "Programm",
            "Bezeichnung",
            "Beschäftigte",
            "Gültig",
            "Davon ablaufend",
            "Abgelaufen",
            "In Arbeit",
            "Abdeckung (%)",
            "Stichtag"
        ]
    );
    assert_eq!(all.len(), 1 + 8 * 2 + 2);
    let unassigned = all
        .iter()
        .find(|r| text(&r[1]) == "ohne Organisationseinheit" && text(&r[2]) == "DL")
        .unwrap();
    assert_eq!(unassigned[4].get_float(), Some(1.0));
    let line = all
        .iter()
        .find(|r| text(&r[0]) == "10" && text(&r[2]) == "DL")
        .unwrap();
    assert_eq!(text(&line[1]), "Hauptamt");
    assert_eq!(text(&line[3]), "Digitallots:in");
    let numbers: Vec<f64> = line[4..10].iter().map(|c| c.get_float().unwrap()).collect();
    assert_eq!(numbers, [5.0, 2.0, 1.0, 1.0, 3.0, 40.0]);
    assert!(matches!(line[10], Data::DateTime(_)), "{:?}", line[10]);
    assert_eq!(serial(&line[10]), Some(excel_day(d(A))));
    let last = all.last().unwrap();
    assert_eq!(text(&last[1]), "Gesamte Verwaltung");
    assert_eq!(text(&last[2]), "DL");
    assert_eq!(last[5].get_float(), Some(4.0));

    // The matrix: states in words.
    let (bytes, rows) = reports::export_bytes(
        &s.store,
        &ExportKind::Matrix(MatrixOptions::on(d(A), MatrixColumns::Programs)),
        ExportFormat::Xlsx,
    )
    .unwrap();
    assert_eq!(rows, 9);
    let sheets = read_xlsx(bytes);
    let all: Vec<&[Data]> = sheets[0].1.rows().collect();
    let header: Vec<String> = all[0].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "Personalnummer",
            "Nachname",
            "Vorname",
            "OE-Kürzel",
            "DCM Digital- und Changemanager:in",
            "DL Digitallots:in"
        ]
    );
    let albers = all.iter().find(|r| text(&r[1]) == "Albers").unwrap();
    assert_eq!(text(&albers[5]), "läuft ab am 21.11.2026");
    assert_eq!(text(&albers[3]), "10.1");

    // Certificates: dates are dates, statuses in words.
    let (bytes, rows) = reports::export_bytes(
        &s.store,
        &ExportKind::Certificates { as_of: d(A) },
        ExportFormat::Xlsx,
    )
    .unwrap();
    assert_eq!(rows, 9);
    let sheets = read_xlsx(bytes);
    let all: Vec<&[Data]> = sheets[0].1.rows().collect();
    let statuses: BTreeSet<String> = all[1..].iter().map(|r| text(&r[8])).collect();
    assert_eq!(
        statuses,
        [
            "abgelaufen",
            "ersetzt",
            "gültig",
            "gültig, läuft bald ab",
            "widerrufen"
        ]
        .map(String::from)
        .into()
    );
    let brandt = all.iter().find(|r| text(&r[3]) == "Brandt").unwrap();
    assert_eq!(serial(&brandt[7]), Some(excel_day(d("2026-11-20"))));
}

fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    set_thread_language(Lang::De);
    let mut s = scenario();
    let evil = "=HYPERLINK(\"http://evil.example\";\"Klick\")";
    service::employees::add(
        &mut s.store,
        &EmployeeInput {
            personnel_number: "@42".into(),
            first_name: "+Eva".into(),
            last_name: evil.into(),
            department_id: Some(s.departments["60"]),
            ..Default::default()
        },
    )
    .unwrap();
    for kind in [
        ExportKind::Employees { as_of: d(A) },
        ExportKind::Matrix(MatrixOptions::on(d(A), MatrixColumns::Programs)),
    ] {
        let (bytes, _) = reports::export_bytes(&s.store, &kind, ExportFormat::Csv).unwrap();
        let rows = parse_csv(&bytes);
        let line = rows.iter().find(|r| r[0].contains("42")).unwrap();
        assert_eq!(line[0], "'@42");
        assert_eq!(line[1], format!("'{evil}"));
        assert_eq!(line[2], "'+Eva");
        for cell in rows.iter().flatten() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} could run as a formula"
            );
        }
        // German Excel: umlauts intact, dates and decimals as written in German.
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("Güneş"));
        assert!(text.contains("\r\n"));
    }
    let (bytes, _) = reports::export_bytes(
        &s.store,
        &ExportKind::Coverage(CoverageOptions::on(d(A))),
        ExportFormat::Csv,
    )
    .unwrap();
    let rows = parse_csv(&bytes);
    let line = rows.iter().find(|r| r[0] == "I" && r[2] == "DL").unwrap();
    assert_eq!(&line[4..], ["7", "3", "2", "1", "3", "42,9", "21.11.2026"]);
    // The new colleague in 60 counts as an employee there, with nothing yet.
    let line = rows.iter().find(|r| r[0] == "60" && r[2] == "DL").unwrap();
    assert_eq!(&line[4..], ["2", "0", "0", "0", "1", "0,0", "21.11.2026"]);
}

#[test]
fn the_pdf_has_every_department_page_numbers_and_breaks() {
    set_thread_language(Lang::De);
    let s = scenario();
    let r = report_on(&s, A);
    let bytes = coverage_pdf(&r).unwrap();
    common_pdf::assert_pdfa(&bytes);
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    // Two program tables fill the first page; the legend goes on the second.
    assert_eq!(doc.get_pages().len(), 2);
    let text = doc.extract_text(&[1, 2]).unwrap();
    for needle in [
        "Stadt Porta Westfalica",
        "Stand: 21.11.2026",
        "Digitallots:in (DL)",
        "10.1",
        "Personal",
        "Gesamte Verwaltung",
        "ohne Organisationseinheit",
        "44,4 %",
        "Seite 1 von 2",
        "Seite 2 von 2",
        "So lesen Sie diesen Bericht",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in {text}");
    }
    assert!(
        bytes.len() < 120_000,
        "fonts are subset: {} bytes",
        bytes.len()
    );

    // A long list breaks onto further pages, each numbered.
    let mut big = s;
    for i in 0..60 {
        service::departments::add(
            &mut big.store,
            &DepartmentInput {
                code: format!("60.{i}"),
                name: format!(
                    "Sachgebiet {i} mit einem recht langen Namen, der umbrochen werden muss"
                ),
                parent_id: Some(big.departments["60"]),
            },
        )
        .unwrap();
    }
    let r = report_on(&big, A);
    let bytes = coverage_pdf(&r).unwrap();
    common_pdf::qpdf_check(&bytes);
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let pages = doc.get_pages().len();
    assert!(pages >= 4, "{pages} pages");
    let last = doc.extract_text(&[pages as u32]).unwrap();
    assert!(
        last.contains(&format!("Seite {pages} von {pages}")),
        "{last}"
    );
    let second = doc.extract_text(&[2]).unwrap();
    assert!(second.contains("(Fortsetzung)"), "{second}");
}

#[test]
fn report_data_is_send_and_clone() {
    fn assert_send<T: Send + Clone>() {}
    assert_send::<ReportData>();
    assert_send::<CoverageReport>();
    assert_send::<Matrix>();
    assert_send::<lotse::report::HoursReport>();
}

#[test]
fn a_pdf_of_a_list_is_refused_with_a_message() {
    set_thread_language(Lang::De);
    let s = scenario();
    let dir = tempfile::tempdir().unwrap();
    let err = reports::export_to(
        &s.store,
        &ExportKind::Certificates { as_of: d(A) },
        &dir.path().join("zertifikate.pdf"),
    )
    .unwrap_err();
    assert!(
        matches!(err, Error::Message(ref m) if m.contains(".xlsx")),
        "{err:?}"
    );
    assert!(!dir.path().join("zertifikate.pdf").exists());
    let ok = reports::export_to(
        &s.store,
        &ExportKind::Coverage(CoverageOptions::on(d(A))),
        &dir.path().join("abdeckung.pdf"),
    )
    .unwrap();
    assert_eq!(ok.format, ExportFormat::Pdf);
    assert!(
        std::fs::read(dir.path().join("abdeckung.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    common_pdf::qpdf_check_file(&dir.path().join("abdeckung.pdf"));
}

// ---- the command line ----

fn lotse(db: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("lotse").unwrap();
    cmd.env_remove("LOTSE_DB")
        .env("LOTSE_LANG", "de")
        .env("LOTSE_TODAY", A)
        .arg("--db")
        .arg(db);
    cmd
}

fn file_scenario(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("lotse.sqlite");
    let s = build(Database::open(&path).unwrap());
    drop(s);
    path
}

#[test]
fn report_coverage_as_json_has_exactly_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = file_scenario(dir.path());
    let out = lotse(&db)
        .args([
            "report",
            "coverage",
            "--format",
            "json",
            "--as-of",
            "2026-11-21",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rows.len(),
        8 * 2,
        "one row per department (and those without one) and program"
    );
    for row in &rows {
        let keys: BTreeSet<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            BTreeSet::from([
                "department",
                "program",
                "employees",
                "valid",
                "expiring",
                "expired",
                "in_progress",
                "coverage_percent"
            ])
        );
    }
    let ten = rows
        .iter()
        .find(|r| r["department"] == "10" && r["program"] == "DL")
        .unwrap();
    // The top lines add up to the total, with the line of those without a department.
    let unassigned = rows
        .iter()
        .find(|r| r["department"].is_null() && r["program"] == "DL")
        .unwrap();
    assert_eq!(unassigned["employees"], 1);
    let top_sum: u64 = rows
        .iter()
        .filter(|r| {
            r["program"] == "DL"
                && (r["department"].is_null()
                    || ["I", "II"].contains(&r["department"].as_str().unwrap()))
        })
        .map(|r| r["employees"].as_u64().unwrap())
        .sum();
    assert_eq!(top_sum, 9);
    assert_eq!(
        *ten,
        serde_json::json!({
            "department": "10", "program": "DL", "employees": 5, "valid": 2, "expiring": 1,
            "expired": 1, "in_progress": 3, "coverage_percent": 40.0
        })
    );

    // Filters and a German date; a past as-of date.
    let out = lotse(&db)
        .args([
            "report",
            "coverage",
            "--format",
            "json",
            "--department",
            "10",
            "--program",
            "dl",
            "--as-of",
            "31.12.2025",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = rows
        .iter()
        .map(|r| r["department"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["10", "10.1", "10.2"]);
    assert_eq!(rows[0]["valid"], 5);
    assert_eq!(rows[0]["coverage_percent"], 83.3);

    // The table names the day and shows the total.
    let out = lotse(&db).args(["report", "coverage"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("Stand: 21.11.2026"), "{table}");
    assert!(table.contains("Gesamte Verwaltung"));
    assert!(table.contains("44,4 %"));
    assert!(table.contains("ohne Organisationseinheit"), "{table}");

    // The top lines, the one of those without a department included, add up to the
    // total, in every program.
    let out = lotse(&db)
        .args(["report", "coverage", "--format", "csv"])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for program in ["DL", "DCM"] {
        let employees = |name: &dyn Fn(&str) -> bool| -> u32 {
            lines
                .iter()
                .filter(|l| &l[2] == program && name(&l[1]))
                .map(|l| l[3].parse::<u32>().unwrap())
                .sum()
        };
        let unassigned = employees(&|n| n == "ohne Organisationseinheit");
        assert_eq!(unassigned, 1, "{program}");
        let top = employees(&|n| !n.starts_with(' ') && n != "Gesamte Verwaltung");
        assert_eq!(top, employees(&|n| n == "Gesamte Verwaltung"), "{program}");
        assert_eq!(top, 9, "{program}");
    }
}

#[test]
fn report_errors_are_localised_and_fail() {
    let dir = tempfile::tempdir().unwrap();
    let db = file_scenario(dir.path());
    let out = lotse(&db)
        .args(["report", "coverage", "--department", "XY"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("XY"), "{err}");
    let out = lotse(&db)
        .args(["report", "coverage", "--as-of", "gestern"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("kein Datum"));
    let out = lotse(&db)
        .args(["export", "matrix", "-o"])
        .arg(dir.path().join("m.pdf"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"));
}

#[test]
fn export_commands_write_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = file_scenario(dir.path());
    for (what, file) in [
        ("coverage", "abdeckung.xlsx"),
        ("coverage", "abdeckung.csv"),
        ("coverage", "abdeckung.pdf"),
        ("matrix", "matrix.xlsx"),
        ("certificates", "zertifikate.csv"),
        ("employees", "personal.xlsx"),
        ("hours", "stunden.xlsx"),
    ] {
        let path = dir.path().join(file);
        let out = lotse(&db)
            .args(["export", what, "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{what} {file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("exportiert"));
        assert!(std::fs::metadata(&path).unwrap().len() > 100, "{file}");
        if file.ends_with(".pdf") {
            common_pdf::assert_pdfa(&std::fs::read(&path).unwrap());
        }
    }
    let out = lotse(&db)
        .args([
            "export",
            "matrix",
            "--columns",
            "seminars",
            "--department",
            "10",
            "-o",
        ])
        .arg(dir.path().join("seminare.xlsx"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let sheets = read_xlsx(std::fs::read(dir.path().join("seminare.xlsx")).unwrap());
    assert_eq!(sheets[0].1.height(), 1 + 5);
}
