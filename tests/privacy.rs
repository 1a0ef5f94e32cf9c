//! DSGVO: the Art. 15 export and the Art. 17 erasure of one employee — the schema walk,
//! no byte of the person left in the file, its -wal or its backups, certificates that
//! still verify without a name, and reports of past years that keep their totals.

mod common;
mod common_pdf;

use std::io::Read;
use std::path::{Path, PathBuf};

use common::{city_in, d};
use lotse::i18n::Lang;
use lotse::model::{
    AttendanceInput, AttendanceStatus, DepartmentInput, EmployeeId, EmployeeInput, Salutation,
};
use lotse::report::{CoverageOptions, HoursOptions};
use lotse::service::Database;
use lotse::service::certificates::{self, IssueOptions, Verification};
use lotse::service::privacy::{self, ErasureMode, Names, PERSONAL_DATA};
use lotse::service::{self, backup};
use lotse::store::{BackupReason, CertificateFilter, FixedClock, Read as _};

const PNR: &str = "PN-ZQX-4711";
const FIRST: &str = "Xaverine";
const LAST: &str = "Quappendorf";
const EMAIL: &str = "xaverine.quappendorf@stadt.example";
const JOB: &str = "Oberzauberin";
const SECRETS: [&str; 5] = [PNR, FIRST, LAST, EMAIL, JOB];

// ---------------------------------------------------------------------------------------
// The schema walk

#[test]
fn every_table_and_column_of_the_schema_is_declared() {
    let store = Database::open_scratch().unwrap();
    let schema = store.store().schema_columns().unwrap();
    let mut problems = Vec::new();
    for col in &schema {
        match privacy::declaration(&col.table) {
            None => problems.push(format!(
                "table `{}` is in the schema but not in privacy::PERSONAL_DATA",
                col.table
            )),
            Some(decl) => {
                if !decl.columns.iter().any(|(c, _)| *c == col.column) {
                    problems.push(format!(
                        "column `{}.{}` is in the schema but not in privacy::PERSONAL_DATA",
                        col.table, col.column
                    ));
                }
            }
        }
    }
    for decl in PERSONAL_DATA {
        if !schema.iter().any(|c| c.table == decl.table) {
            problems.push(format!(
                "table `{}` is declared but not in the schema",
                decl.table
            ));
        }
        for (column, _) in decl.columns {
            if !schema
                .iter()
                .any(|c| c.table == decl.table && c.column == *column)
            {
                problems.push(format!(
                    "column `{}.{column}` is declared but not in the schema",
                    decl.table
                ));
            }
        }
        // A table that names a person through employee_id must have that column.
        if matches!(
            decl.names,
            Names::ByEmployeeId | Names::SnapshotWithNames | Names::AuditText
        ) && !decl.columns.iter().any(|(c, _)| *c == "employee_id")
        {
            problems.push(format!("table `{}` has no employee_id", decl.table));
        }
        if let Names::NoPerson(reason) = decl.names {
            assert!(!reason.is_empty(), "{}: give a reason", decl.table);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------
// A person with traces everywhere

struct Setup {
    _dir: tempfile::TempDir,
    db: PathBuf,
    store: Database,
    person: EmployeeId,
    valid_code: String,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lotse.sqlite");
    let c = city_in(Database::open(&db).unwrap(), 3, 2);
    let mut store = c.store;
    let department = service::departments::add(
        &mut store,
        &DepartmentInput {
            code: "ZAU".into(),
            name: "Zauberei".into(),
            parent_id: None,
        },
    )
    .unwrap();
    let person = service::employees::add(
        &mut store,
        &EmployeeInput {
            personnel_number: PNR.into(),
            first_name: FIRST.into(),
            last_name: LAST.into(),
            salutation: Salutation::Female,
            email: EMAIL.into(),
            department_id: Some(department),
            job_title: JOB.into(),
            entry_date: Some(d("2015-04-01")),
            exit_date: None,
        },
    )
    .unwrap();
    // Attendance at both sessions of the program, with notes that name her.
    store
        .store_mut()
        .transact(|tx| {
            for session in [1, 2] {
                let id = tx.insert_attendance(&AttendanceInput {
                    session_id: lotse::model::SessionId(session),
                    employee_id: person,
                    status: AttendanceStatus::Attended,
                    hours: 4.0,
                    note: format!("{FIRST} {LAST} kam zu spät, Rückfrage an {EMAIL}"),
                })?;
                tx.audit(
                    "attendance",
                    Some(id.0),
                    "add",
                    &format!("session {session}, personnel number {PNR}: attended"),
                )?;
            }
            Ok(())
        })
        .unwrap();
    // A certificate, revoked with a reason naming her, and a valid one after it.
    let first = certificates::issue(
        &mut store,
        c.program,
        &[person],
        &IssueOptions::on(d("2026-11-20")),
        &mut |_| true,
    )
    .unwrap();
    certificates::revoke(
        &mut store,
        first[0].id,
        d("2026-11-20"),
        &format!("Name falsch geschrieben: {LAST}"),
    )
    .unwrap();
    let second = certificates::issue(
        &mut store,
        c.program,
        &[person],
        &IssueOptions::on(d("2026-11-21")),
        &mut |_| true,
    )
    .unwrap();
    let valid_code = store
        .store()
        .certificate(second[0].id)
        .unwrap()
        .unwrap()
        .code
        .clone();
    Setup {
        _dir: dir,
        db,
        store,
        person,
        valid_code,
    }
}

fn read_all(path: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Ok(mut f) = std::fs::File::open(path) {
        f.read_to_end(&mut bytes).unwrap();
    }
    bytes
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Every secret string found in the file (UTF-8 or UTF-16).
fn leaks(path: &Path) -> Vec<String> {
    let bytes = read_all(path);
    SECRETS
        .iter()
        .filter(|s| contains(&bytes, s.as_bytes()) || contains(&bytes, &utf16(s)))
        .map(|s| format!("{s} in {}", path.display()))
        .collect()
}

fn side(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

#[test]
fn the_plan_says_what_goes_and_which_backups_hold_the_person() {
    let s = setup();
    let taken = backup::take_of(&s.store, BackupReason::Manual, &mut |_| true).unwrap();
    let plan = privacy::plan_erasure(&s.store, s.person, ErasureMode::Anonymise).unwrap();
    assert_eq!(plan.attendance, 2);
    assert_eq!(plan.notes, 2);
    assert_eq!(plan.certificates, 2);
    // add, 2 attendance, issue, revoke, issue.
    assert!(plan.audit_entries >= 6, "{plan:?}");
    assert!(plan.keeps_placeholder);
    assert!(!plan.already_erased);
    assert_eq!(plan.backups.len(), 1);
    assert_eq!(plan.backups[0].path, taken.path);
    let ages_out = plan.backups[0].ages_out.expect("the schedule removes it");
    assert!(ages_out > plan.backups[0].taken_at);
    // Default schedule: kept as a monthly backup for 12 months at most.
    assert!(ages_out < plan.backups[0].taken_at + chrono::Duration::days(14 * 31));
    lotse::i18n::set_thread_language(Lang::De);
    let text = privacy::plan_lines(&plan).join("\n");
    assert!(text.contains("2 Teilnahmen bleiben anonym"), "{text}");
    assert!(text.contains("Sicherung"), "{text}");

    let delete = privacy::plan_erasure(&s.store, s.person, ErasureMode::Delete).unwrap();
    assert!(
        delete.keeps_placeholder,
        "certificates keep the placeholder"
    );
}

#[test]
fn anonymising_leaves_no_byte_of_the_person_in_the_file_wal_or_backups() {
    let mut s = setup();
    let taken = backup::take_of(&s.store, BackupReason::Manual, &mut |_| true).unwrap();
    assert!(
        !leaks(&taken.path).is_empty(),
        "the backup holds her before"
    );
    assert!(
        !leaks(&s.db).is_empty() || !leaks(&side(&s.db, "-wal")).is_empty(),
        "the database holds her before"
    );

    let report =
        privacy::erase_with_backups(&mut s.store, s.person, ErasureMode::Anonymise, true).unwrap();
    assert_eq!(report.attendance, 2);
    assert_eq!(report.notes, 2);
    assert_eq!(report.certificates, 2);
    assert!(report.kept_placeholder);
    assert_eq!(report.backups_erased, vec![taken.path.clone()]);
    assert!(report.backups_failed.is_empty());
    assert!(!report.wal_busy);

    // While the store is open …
    let mut found = leaks(&s.db);
    found.extend(leaks(&side(&s.db, "-wal")));
    found.extend(leaks(&taken.path));
    assert!(found.is_empty(), "{found:?}");

    // The placeholder.
    let e = s.store.store().employee(s.person).unwrap().unwrap();
    assert!(e.personnel_number.starts_with("gelöscht-"), "{e:?}");
    assert_eq!(e.first_name, privacy::ERASED_MARKER);
    assert_eq!(e.email, None);
    assert_eq!(e.job_title, None);
    assert_eq!(e.salutation, Salutation::Neutral);
    assert_eq!(e.entry_date, Some(d("2015-04-01")));
    assert!(e.department_id.is_some());
    assert!(privacy::is_placeholder(&e));
    let history = s.store.store().training_history(s.person).unwrap();
    assert_eq!(history.len(), 2);
    assert!(history.iter().all(|r| r.attendance.note.is_empty()));
    assert!(history.iter().all(|r| r.attendance.hours == 4.0));

    // The certificate still verifies: genuine, valid, holder erased, no name.
    let v = certificates::verify(&s.store, &s.valid_code, d("2026-11-21")).unwrap();
    match &v {
        Verification::Genuine {
            holder_erased,
            snapshot,
            ..
        } => {
            assert!(*holder_erased);
            assert_eq!(snapshot.full_name(), "");
            assert_eq!(snapshot.title_de, "Digitallots:in");
        }
        other => panic!("{other:?}"),
    }
    assert!(v.is_valid());
    lotse::i18n::set_thread_language(Lang::De);
    assert!(
        v.status_text().contains("Inhaber:in gelöscht"),
        "{}",
        v.status_text()
    );
    // `lotse check` finds every certificate intact.
    let check = service::check::check(&s.store).unwrap();
    assert!(check.is_ok(), "{:?}", check.findings);
    // Printing is refused with a clear message.
    let certs = s
        .store
        .store()
        .certificate_rows(&CertificateFilter {
            program: None,
            employee: Some(s.person),
        })
        .unwrap()
        .into_iter()
        .map(|r| r.certificate)
        .filter(|c| c.revoked_on.is_none())
        .collect::<Vec<_>>();
    let err = certificates::printables(&s.store, certs)
        .err()
        .expect("refused");
    assert!(err.user_message().contains("gelöscht"), "{err}");
    // The erasure is audited, without the data.
    let entries = s.store.store().audit_entries(3).unwrap();
    assert!(entries.iter().any(|e| e.action == "erase"), "{entries:?}");
    // A second anonymisation is refused.
    assert!(privacy::erase(&mut s.store, s.person, ErasureMode::Anonymise).is_err());

    // … and once closed.
    drop(s.store);
    let mut found = leaks(&s.db);
    found.extend(leaks(&side(&s.db, "-wal")));
    assert!(found.is_empty(), "{found:?}");
    // The backup is still a sound Lotse database.
    lotse::store::verify_backup(&taken.path).unwrap();
}

#[test]
fn deleting_removes_attendance_and_keeps_a_placeholder_only_for_certificates() {
    let mut s = setup();
    let report = privacy::erase(&mut s.store, s.person, ErasureMode::Delete).unwrap();
    assert_eq!(report.attendance, 2);
    assert!(report.kept_placeholder, "she holds certificates");
    assert!(
        s.store
            .store()
            .training_history(s.person)
            .unwrap()
            .is_empty()
    );
    assert!(service::check::check(&s.store).unwrap().is_ok());
    drop(s.store);
    let mut found = leaks(&s.db);
    found.extend(leaks(&side(&s.db, "-wal")));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_employee_created_by_mistake_is_deleted_entirely() {
    let mut s = setup();
    let mistake = service::employees::add(
        &mut s.store,
        &EmployeeInput {
            personnel_number: "TYPO-1".into(),
            first_name: "Tippfehler".into(),
            last_name: "Falsch".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let plan = privacy::plan_erasure(&s.store, mistake, ErasureMode::Delete).unwrap();
    assert!(!plan.keeps_placeholder);
    let report = privacy::erase(&mut s.store, mistake, ErasureMode::Delete).unwrap();
    assert!(!report.kept_placeholder);
    assert_eq!(s.store.store().employee(mistake).unwrap(), None);
    let bytes = read_all(&s.db);
    assert!(!contains(&bytes, b"TYPO-1"));
    assert!(!contains(&bytes, b"Tippfehler"));
    let entries = s.store.store().audit_entries(1).unwrap();
    assert_eq!(entries[0].action, "erase");
}

// ---------------------------------------------------------------------------------------
// Art. 15 export

#[test]
fn the_export_holds_summary_data_csv_and_certificates() {
    let s = setup();
    let dest = s.db.parent().unwrap().join("auskunft.zip");
    let report = privacy::export(&s.store, s.person, &dest, Lang::De).unwrap();
    assert_eq!(report.attendance, 2);
    assert_eq!(report.certificates, 2);
    assert_eq!(report.pdfs, 2, "the revoked one is reprinted too");
    assert!(report.audit_entries >= 6);
    let file = std::fs::File::open(&dest).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "auskunft.html",
            "daten.json",
            "protokoll.csv",
            "stammdaten.csv",
            "teilnahmen.csv",
            "urkunden/DL-2026-0001.pdf",
            "urkunden/DL-2026-0002.pdf",
            "zertifikate.csv",
        ]
    );
    let text = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let html = text(&mut zip, "auskunft.html");
    for expected in [
        FIRST,
        LAST,
        PNR,
        EMAIL,
        "Zweck und Rechtsgrundlage",
        "§ 26 BDSG",
        "DL-2026-0001",
        "widerrufen",
        "E-Akte in der Praxis",
    ] {
        assert!(html.contains(expected), "{expected} missing in the summary");
    }
    let json: serde_json::Value = serde_json::from_str(&text(&mut zip, "daten.json")).unwrap();
    assert_eq!(json["person"]["personnel_number"], PNR);
    assert_eq!(json["attendance"].as_array().unwrap().len(), 2);
    assert_eq!(json["certificates"].as_array().unwrap().len(), 2);
    let csv = text(&mut zip, "teilnahmen.csv");
    assert!(csv.starts_with('\u{feff}'), "BOM");
    assert!(csv.lines().next().unwrap().contains(';'));
    assert!(csv.contains("E-Akte in der Praxis"));
    let audit = text(&mut zip, "protokoll.csv");
    assert!(audit.contains(&format!("personnel number {PNR}")));
    let mut pdf = Vec::new();
    zip.by_name("urkunden/DL-2026-0002.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    common_pdf::assert_pdfa(&pdf);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&dest).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

// ---------------------------------------------------------------------------------------
// Reports of past years

#[test]
fn reports_of_2024_keep_their_totals_after_anonymising_leavers() {
    let mut store = Database::open_scratch()
        .unwrap()
        .with_clock(FixedClock::on(d("2025-06-30")));
    service::demo::generate(
        &mut store,
        &service::demo::DemoOptions {
            employees: 120,
            seed: 3,
        },
        &mut |_| true,
    )
    .unwrap();
    let coverage = |s: &Database| {
        service::reports::coverage(s, &CoverageOptions::on(d("2024-12-31"))).unwrap()
    };
    let hours = |s: &Database| {
        service::reports::hours(
            s,
            &HoursOptions {
                year: 2024,
                department: None,
            },
        )
        .unwrap()
    };
    let cov_before = coverage(&store);
    let hours_before = hours(&store);
    // Leavers who trained in 2024.
    let leavers: Vec<EmployeeId> = hours_before
        .employees
        .iter()
        .filter(|e| e.hours > 0.0)
        .map(|e| e.employee_id)
        .filter(|id| {
            store
                .store()
                .employee(*id)
                .unwrap()
                .is_some_and(|e| e.exit_date.is_some_and(|x| x <= d("2025-06-30")))
        })
        .take(3)
        .collect();
    assert!(
        !leavers.is_empty(),
        "the demo has leavers who trained in 2024"
    );
    for id in &leavers {
        privacy::erase(&mut store, *id, ErasureMode::Anonymise).unwrap();
    }
    let cov_after = coverage(&store);
    let hours_after = hours(&store);
    assert_eq!(cov_after.total, cov_before.total);
    let rows = |r: &lotse::report::CoverageReport| {
        r.rows
            .iter()
            .map(|row| (row.code.clone(), row.figures.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&cov_after), rows(&cov_before));
    assert_eq!(hours_after.total, hours_before.total);
    let hrows = |r: &lotse::report::HoursReport| {
        r.departments
            .iter()
            .map(|row| (row.code.clone(), row.figures))
            .collect::<Vec<_>>()
    };
    assert_eq!(hrows(&hours_after), hrows(&hours_before));
}

// ---------------------------------------------------------------------------------------
// The thinning schedule

#[test]
fn backups_age_out_under_the_thinning_schedule() {
    let thinning = backup::Thinning::default();
    let now = d("2026-11-21").and_hms_opt(12, 0, 0).unwrap();
    let b = |day: &str| lotse::store::BackupName {
        path: PathBuf::from(format!("/b/lotse_{day}.sqlite")),
        taken_at: d(day).and_hms_opt(9, 0, 0).unwrap(),
        reason: None,
    };
    let backups = vec![b("2026-11-21"), b("2026-11-20"), b("2026-10-31")];
    let out = privacy::ages_out(&thinning, &backups, now);
    assert_eq!(out.len(), 3);
    assert!(out.iter().all(Option::is_some), "{out:?}");
    // With a backup every day, one of November's days goes after the daily window …
    let november = out[1].unwrap();
    assert!(november > now + chrono::Duration::days(10), "{november}");
    assert!(november < now + chrono::Duration::days(60), "{november}");
    // … while the last of October stands for its month for 12 months, not more.
    let october = out[2].unwrap();
    assert!(october > now + chrono::Duration::days(300), "{october}");
    assert!(october < now + chrono::Duration::days(400), "{october}");
}

// ---------------------------------------------------------------------------------------
// The app: the confirmation shows the plan, then the erasure runs on the worker

#[cfg(feature = "gui")]
mod common_ui;

#[cfg(feature = "gui")]
#[test]
fn the_app_erases_after_a_confirmation_that_shows_the_plan() {
    use common_ui::{click_button, has_text_containing, settle, temp_db};
    use egui_kittest::kittest::Queryable;
    let (_dir, path) = temp_db();
    {
        // One person with an attendance: only the erasure can remove her.
        let mut c = city_in(Database::open(&path).unwrap(), 1, 1);
        service::employees::update(
            &mut c.store,
            c.employees[0],
            &EmployeeInput {
                personnel_number: "5150".into(),
                first_name: "Hildegunde".into(),
                last_name: "Zwirbelmeier".into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let store = Database::open(&path)
        .unwrap()
        .with_clock(FixedClock::on(d("2026-11-21")));
    let mut h = common_ui::harness(store, [1280.0, 800.0]);
    click_button(&mut h, "Beschäftigte");
    h.get_by_label("Zwirbelmeier").click();
    settle(&mut h);
    h.get_by_label("Löschen…").click();
    settle(&mut h);
    assert!(has_text_containing(
        &h,
        "Löschung von Hildegunde Zwirbelmeier"
    ));
    assert!(has_text_containing(
        &h,
        "kann deshalb nur nach Art. 17 DSGVO gelöscht werden"
    ));
    assert!(has_text_containing(&h, "anonymer Platzhalter"));
    common_ui::click(&mut h, egui::accesskit::Role::RadioButton, "löschen");
    settle(&mut h);
    assert!(has_text_containing(&h, "Der Datensatz wird ganz gelöscht."));
    click_button(&mut h, "Endgültig löschen");
    settle(&mut h);
    let store = Database::open(&path).unwrap();
    assert!(
        store
            .store()
            .employee_by_personnel_number("5150")
            .unwrap()
            .is_none()
    );
    assert!(!has_text_containing(&h, "Zwirbelmeier"));
}

#[cfg(feature = "gui")]
#[test]
fn the_app_deletes_a_person_without_records_after_a_confirmation() {
    use common_ui::{click_button, has_text_containing, settle, temp_db};
    use egui_kittest::kittest::Queryable;
    let (_dir, path) = temp_db();
    {
        let mut store = Database::open(&path).unwrap();
        service::employees::add(
            &mut store,
            &EmployeeInput {
                personnel_number: "5151".into(),
                first_name: "Irrtum".into(),
                last_name: "Versehentlich".into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let store = Database::open(&path)
        .unwrap()
        .with_clock(FixedClock::on(d("2026-11-21")));
    let mut h = common_ui::harness(store, [1280.0, 800.0]);
    click_button(&mut h, "Beschäftigte");
    h.get_by_label("Versehentlich").click();
    settle(&mut h);
    h.get_by_label("Löschen…").click();
    settle(&mut h);
    // No erasure: a plain delete, said in so many words.
    assert!(has_text_containing(
        &h,
        "Zu Irrtum Versehentlich (5151) gibt es keine Teilnahmen und keine Zertifikate"
    ));
    assert!(!has_text_containing(&h, "Endgültig löschen"));
    click_button(&mut h, "Datensatz löschen");
    settle(&mut h);
    assert!(has_text_containing(
        &h,
        "Irrtum Versehentlich (5151) wurde gelöscht."
    ));
    let store = Database::open(&path).unwrap();
    assert!(
        store
            .store()
            .employee_by_personnel_number("5151")
            .unwrap()
            .is_none()
    );
    let entries = store.store().audit_entries(1).unwrap();
    assert_eq!(entries[0].action, "delete");
}

// ---------------------------------------------------------------------------------------
// Deleting a person entered by mistake (no records)

#[test]
fn a_person_without_records_is_deleted_and_the_audit_entries_stay() {
    let mut s = setup();
    let mistake = service::employees::add(
        &mut s.store,
        &EmployeeInput {
            personnel_number: "TYPO-2".into(),
            first_name: "Tippfehler".into(),
            last_name: "Falsch".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let before = s.store.store().audit_entries(1000).unwrap().len();
    service::employees::delete(&mut s.store, mistake).unwrap();
    assert_eq!(s.store.store().employee(mistake).unwrap(), None);
    let entries = s.store.store().audit_entries(1000).unwrap();
    assert_eq!(entries.len(), before + 1, "the entries about her stay");
    assert_eq!(entries[0].action, "delete");
    assert_eq!(entries[0].entity, "employee");
    assert!(!entries[0].summary.contains("Tippfehler") && !entries[0].summary.contains("Falsch"));
    assert!(
        entries
            .iter()
            .any(|e| e.action == "add" && e.summary.contains("TYPO-2"))
    );
    assert!(service::check::check(&s.store).unwrap().is_ok());
}

#[test]
fn a_person_with_records_is_not_deleted_and_nothing_changes() {
    let mut s = setup();
    let audit_before = s.store.store().audit_entries(1000).unwrap();
    let records = service::employees::records(&s.store, s.person).unwrap();
    assert!(records.any());
    let err = service::employees::delete(&mut s.store, s.person).unwrap_err();
    let message = err.user_message();
    assert!(message.contains("2 Teilnahmen"), "{message}");
    assert!(message.contains("Art. 17 DSGVO"), "{message}");
    assert!(message.contains("Es wurde nichts verändert."), "{message}");
    let person = s.store.store().employee(s.person).unwrap().unwrap();
    assert_eq!(person.personnel_number, PNR);
    assert_eq!(s.store.store().training_history(s.person).unwrap().len(), 2);
    assert_eq!(s.store.store().audit_entries(1000).unwrap(), audit_before);
}
