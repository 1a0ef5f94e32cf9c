//! The *Protokoll* screen driven through the accessibility tree (egui_kittest, headless)
//! over a database with 100,000 audit entries: the count, filtering by a person, scrolling
//! (pages load as rows come into view), the link from the employee page, an export.

#![cfg(feature = "gui")]

mod common_ui;

use common_ui::{click_button, has_text, has_text_containing, settle, temp_db, type_into};
use std::path::Path;

use chrono::{Duration, NaiveDate};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lotse::app::{LotseApp, Screen};
use lotse::model::{EmployeeId, EmployeeInput, Salutation};
use lotse::service::Database;
use lotse::service::{self, audit as log};
use lotse::store::{AuditFilter, FixedClock};

const ENTRIES: usize = 100_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
}

fn open_store(path: &Path) -> Database {
    Database::open(path)
        .expect("open store")
        .with_clock(FixedClock::on(today()))
}

/// Three employees (through the service) and [`ENTRIES`] more audit entries in one raw
/// batch, every third about Bärbel Müller (1002).
fn fill(path: &Path) -> Vec<EmployeeId> {
    let mut store = open_store(path);
    let mut ids = Vec::new();
    for (pnr, first, last) in [
        ("1001", "Anna", "Weiß"),
        ("1002", "Bärbel", "Müller"),
        ("1003", "Sören", "Özdemir"),
    ] {
        ids.push(
            service::employees::add(
                &mut store,
                &EmployeeInput {
                    personnel_number: pnr.into(),
                    first_name: first.into(),
                    last_name: last.into(),
                    salutation: Salutation::Neutral,
                    ..Default::default()
                },
            )
            .expect("add"),
        );
    }
    drop(store);
    let mut conn = rusqlite::Connection::open(path).expect("open");
    let tx = conn.transaction().expect("tx");
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO audit (at, actor, entity, entity_id, action, summary, employee_id)
                 VALUES (?1, ?2, 'attendance', ?3, ?4, ?5, ?6)",
            )
            .expect("prepare");
        let start = NaiveDate::from_ymd_opt(2024, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("start");
        for i in 0..ENTRIES {
            let at = start + Duration::minutes(7 * i as i64);
            stmt.execute(rusqlite::params![
                at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                ["anna", "bernd", "carla"][i % 3],
                i as i64,
                ["add", "edit"][i % 2],
                format!("entry {i}"),
                ids[i % 3].0,
            ])
            .expect("insert");
        }
    }
    tx.commit().expect("commit");
    ids
}

fn app(path: &Path) -> Harness<'static, LotseApp> {
    common_ui::harness(open_store(path), [1280.0, 800.0])
}

/// The ids of the newest `n` entries `filter` admits, straight from the service.
fn newest(path: &Path, filter: &AuditFilter, n: usize) -> Vec<i64> {
    let store = open_store(path);
    log::page(&store, filter, None, n)
        .expect("page")
        .iter()
        .map(|r| r.id)
        .collect()
}

#[test]
fn the_audit_screen_counts_filters_by_a_person_and_loads_pages_while_scrolling() {
    let (_dir, path) = temp_db();
    let ids = fill(&path);
    let mut h = app(&path);

    click_button(&mut h, "Protokoll");
    assert_eq!(h.state().screen(), Screen::Audit);
    assert_eq!(h.state().audit_count(), Some(100_003));
    assert!(has_text(&h, "100.003 Einträge"));
    // One page loaded, not the whole log.
    assert_eq!(h.state().audit_loaded(), log::PAGE_SIZE);
    assert!(has_text(&h, "entry 99999"));
    assert!(has_text(&h, "Teilnahme"));

    // Filter by a person: search, then pick her.
    type_into(&mut h, "Person", "Müller");
    click_button(&mut h, "1002 Müller, Bärbel");
    let baerbel = AuditFilter {
        employee_id: Some(ids[1].0),
        ..AuditFilter::default()
    };
    let expected = log::count(&open_store(&path), &baerbel).expect("count");
    assert_eq!(expected, 33_334);
    assert_eq!(h.state().audit_count(), Some(expected));
    assert!(has_text(&h, "33.334 Einträge"));
    assert_eq!(
        h.state().audit_loaded_ids(),
        newest(&path, &baerbel, log::PAGE_SIZE)
    );
    assert!(has_text(&h, "1002 Müller, Bärbel"));

    // Scroll with the mouse wheel over the table: rows come into view, more pages load.
    let before = h.state().audit_loaded();
    for _ in 0..6 {
        h.event(egui::Event::PointerMoved(egui::pos2(700.0, 500.0)));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -10.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        settle(&mut h);
    }
    assert!(
        h.state().audit_loaded() > before,
        "scrolling loaded nothing more ({before})"
    );

    // Far down at once (as dragging the scroll bar): loads up to there, every entry once.
    h.state_mut().scroll_audit_to(30_000);
    settle(&mut h);
    let loaded = h.state().audit_loaded_ids();
    assert!(loaded.len() > 30_000, "{}", loaded.len());
    assert_eq!(loaded, newest(&path, &baerbel, loaded.len()));
    // The rows around there are drawn.
    let row = &log::page(&open_store(&path), &baerbel, None, 30_001).expect("page")[30_000];
    assert!(has_text(&h, &row.summary), "{} not shown", row.summary);

    // Export what the filter admits (not just what is loaded).
    let out = path.with_file_name("baerbel.csv");
    h.state_mut().export_audit_to(out.clone());
    settle(&mut h);
    let text = std::fs::read_to_string(&out).expect("export written");
    assert_eq!(text.lines().count(), 1 + 33_334);
    assert!(h.state().notice().is_some_and(|n| n.contains("33334")));

    // Reset: the whole log again, from the top.
    click_button(&mut h, "Filter zurücksetzen");
    assert_eq!(h.state().audit_count(), Some(100_003));
    assert_eq!(h.state().audit_loaded(), log::PAGE_SIZE);
}

#[test]
fn the_employee_page_links_to_their_changes() {
    let (_dir, path) = temp_db();
    let ids = fill(&path);
    let mut h = app(&path);
    click_button(&mut h, "Beschäftigte");
    h.get_by_label("Özdemir").click();
    settle(&mut h);
    h.get_by_role_and_label(Role::Link, "Änderungen anzeigen")
        .scroll_to_me();
    settle(&mut h);
    h.get_by_role_and_label(Role::Link, "Änderungen anzeigen")
        .click();
    settle(&mut h);
    assert_eq!(h.state().screen(), Screen::Audit);
    let soeren = AuditFilter {
        employee_id: Some(ids[2].0),
        ..AuditFilter::default()
    };
    assert_eq!(h.state().audit_count(), Some(33_334));
    assert_eq!(
        h.state().audit_loaded_ids(),
        newest(&path, &soeren, log::PAGE_SIZE)
    );
    assert!(has_text_containing(&h, "1003 Özdemir, Sören"));
}
