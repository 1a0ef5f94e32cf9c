//! Frame cost of the desktop app's screens (issue 11 item 6): `cargo bench --bench frames`.
//!
//! Generates the sample administration (`LOTSE_BENCH_EMPLOYEES`, default 10,000 employees,
//! ~290,000 attendance rows) into a temporary database file, adds `LOTSE_BENCH_AUDIT`
//! audit entries (default 100,000, as after years of use; the sample data writes few), then
//!
//! 1. **cold start**, in a fresh child process (this binary again, so that generating the
//!    data does not count), twice: on a file changed since its last check (SQLite's
//!    `quick_check` runs) and on the same file again (only its hash is compared): from
//!    opening the file (`Database::open`, then `LotseApp::with_database`) until the dashboard shows its data
//!    (`!is_busy()` after a frame). Frames are run the way eframe runs them: one when the
//!    app asks for a repaint. Prints wall time, CPU of the whole process and of the UI
//!    thread, and resident memory (`VmRSS`, peak `VmHWM` from `/proc/self/status`) then.
//! 2. **each screen**, in one headless egui_kittest `Harness` (1400 × 900 points): switched
//!    to with `set_screen` or, for the roster of the session with the most participants and
//!    the Reports screen's matrix, by clicking through the UI; settled until the worker and
//!    the report thread are done; then `FRAMES` frames while nothing changes, and for the
//!    employee list and the audit log also `FRAMES` frames while the mouse wheel scrolls.
//!
//! A timed frame is what eframe does on the CPU for one frame: `App::logic`, `App::ui` in
//! `Context::run_ui`, and tessellating the shapes (not the GL upload and draw, which run
//! on the GPU driver). AccessKit is off, as in the app while no screen reader asks for the
//! tree; the column `a11y cpu` repeats the frames with AccessKit on. CPU is the UI thread's
//! (`/proc/thread-self/schedstat`, Linux), summed over the frames and averaged: the kernel
//! updates it only at scheduler ticks, so single frames cannot be told apart. Wall time per
//! frame is `Instant` (median and maximum).
//! 3. **after a change**, on the roster: one person's attendance marked (alternately
//!    "Nicht erschienen" and "Teilgenommen"), and on the Programs screen one certificate
//!    issued: the wall time from the click until the worker has written and refreshed what
//!    the change concerns and the UI has drawn the new data (roster, standings, dashboard).
//!
//! `LOTSE_BENCH_FRAMES_ON=postgres://…` (or a file) runs sections 2 and 3 on that database
//! as it is (with `LOTSE_BENCH_ONLY=changes` only section 3); `LOTSE_BENCH_FRAMES_COLD=…`
//! runs only the cold start on it. Both write to it (section 3 marks and issues).
//!
//! Goal (issue 11): ≤ 4 ms per frame in release, cold start ≤ 300 ms, ≤ 120 MB resident;
//! ≤ 50 ms from an attendance saved, ≤ 100 ms from a certificate issued, to the updated screens.

#[path = "common/app.rs"]
mod app;
use app::{max, median, settle};

use std::error::Error;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eframe::App as _;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{self, NodeT as _, Queryable};
use lotse::app::{LotseApp, Screen};
use lotse::i18n::Lang;
use lotse::service::Database;
use lotse::service::demo::{DemoOptions, generate};
use lotse::store::{FixedClock, Read};

type Res<T> = Result<T, Box<dyn Error>>;

/// Timed frames per screen and kind.
const FRAMES: usize = 30;
/// The window, in points (pixels per point 1).
const SIZE: [f32; 2] = [1400.0, 900.0];
/// Where the mouse wheel turns: over the table of the central panel.
const POINTER: egui::Pos2 = egui::pos2(800.0, 550.0);
/// Set in the child process: the database file to time the cold start on.
const COLD_ENV: &str = "LOTSE_BENCH_FRAMES_COLD";
/// Sections 2 and 3 on this existing database (a file or a PostgreSQL URL, e.g. the demo
/// copied there with `lotse migrate-to`) instead of generated data; it gets written to.
const ON_ENV: &str = "LOTSE_BENCH_FRAMES_ON";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default()
}

fn open(path: &Path) -> Res<Database> {
    Ok(Database::open(path)?.with_clock(FixedClock::on(today())))
}

fn main() -> Res<()> {
    lotse::i18n::set_language(Lang::De);
    if std::env::var_os("LOTSE_LOG").is_some() {
        lotse::logging::init();
    }
    if let Ok(path) = std::env::var(COLD_ENV) {
        return cold_start(Path::new(&path));
    }
    if let Ok(target) = std::env::var(ON_ENV) {
        // An existing database (a file or a PostgreSQL URL), as it is: no data generated,
        // no cold start (time that with LOTSE_BENCH_FRAMES_COLD); it gets written to.
        return screens_and_changes(Path::new(&target));
    }
    let employees: usize = std::env::var("LOTSE_BENCH_EMPLOYEES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("lotse.sqlite");
    let started = Instant::now();
    {
        let mut store = open(&path)?;
        generate(&mut store, &DemoOptions { employees, seed: 1 }, &mut |_| {
            true
        })?;
    }
    let audit_entries: usize = std::env::var("LOTSE_BENCH_AUDIT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    fill_audit(&path, audit_entries)?;
    {
        let store = open(&path)?;
        println!(
            "data: {} employees, {} attendance rows, {} certificates, {} sessions, \
             {} audit entries (generated in {:.1} s)",
            store.store().employee_count()?,
            store.store().attendance_count()?,
            store.store().certificate_count()?,
            session_count(&path)?,
            audit_count(&path)?,
            started.elapsed().as_secs_f64()
        );
    }

    // 1. Cold start in a fresh process: first on a file changed since its last check (as
    // after a day's work: SQLite's quick_check runs), then on the same file again (its
    // bytes passed the check before: only their hash is compared).
    let mut checked = path.as_os_str().to_owned();
    checked.push("-checked");
    let _ = std::fs::remove_file(std::path::PathBuf::from(checked));
    for case in [
        "file changed since its last check",
        "file unchanged since its last check",
    ] {
        println!("{case}:");
        let out = std::process::Command::new(std::env::current_exe()?)
            .env(COLD_ENV, &path)
            .output()?;
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            eprint!("{}", String::from_utf8_lossy(&out.stderr));
            println!("cold start: the child process failed ({})", out.status);
        }
    }

    screens_and_changes(&path)
}

/// Sections 2 and 3 on the database at `path` (a file or a URL).
fn screens_and_changes(path: &Path) -> Res<()> {
    // 2. The screens.
    let store = open(path)?;
    let mut h = Harness::builder()
        .with_size(SIZE)
        .with_max_steps(1_000)
        .build_eframe(move |cc| {
            LotseApp::with_database(cc, store, Some(Lang::De)).unwrap_or_else(|e| {
                panic!("the app did not start: {}", e.user_message());
            })
        });
    settle(&mut h)?;
    println!(
        "\nms per frame over {FRAMES} frames: UI thread CPU (average), wall time (median, max), \
         UI thread CPU with AccessKit on (average);\nswitch: wall time of the first frame after \
         choosing the screen; nodes: AccessKit nodes on screen"
    );
    println!(
        "{:<34}{:>9}{:>10}{:>10}{:>11}{:>9}{:>7}",
        "screen", "cpu avg", "wall med", "wall max", "a11y cpu", "switch", "nodes"
    );

    let screens = [
        ("dashboard", Screen::Dashboard),
        ("employee list", Screen::Employees),
        ("departments", Screen::Departments),
        ("seminars & sessions", Screen::Seminars),
        ("programs", Screen::Programs),
        ("certificate list", Screen::Certificates),
        ("reports (coverage)", Screen::Reports),
        ("retention", Screen::Retention),
        ("audit log", Screen::Audit),
        ("settings", Screen::Settings),
    ];
    // LOTSE_BENCH_ONLY=changes: only the cold start and section 3.
    let only_changes = std::env::var("LOTSE_BENCH_ONLY").is_ok_and(|v| v == "changes");
    for (name, screen) in screens.into_iter().filter(|_| !only_changes) {
        h.state_mut().set_screen(screen);
        let switch = frames(&mut h, false, false, 0, 1).wall.first().copied();
        settle(&mut h)?;
        report(&mut h, name, false, switch);
        if matches!(screen, Screen::Employees | Screen::Audit) {
            report(&mut h, &format!("{name}, scrolling"), true, None);
        }
    }

    // The matrix: Reports → "Qualifizierungsmatrix".
    if !only_changes {
        h.state_mut().set_screen(Screen::Reports);
        settle(&mut h)?;
    }
    match h
        .query_by_label("Qualifizierungsmatrix")
        .filter(|_| !only_changes)
    {
        Some(tab) => {
            tab.click();
            settle(&mut h)?;
            report(&mut h, "reports: matrix", false, None);
            report(&mut h, "reports: matrix, scrolling", true, None);
        }
        None if only_changes => {}
        None => println!("reports: matrix — not measured (tab not found)"),
    }

    // The roster of the (past, one-day) session with the most participants.
    let session = biggest_session(&open(path)?)?;
    match session {
        Some(session) => match open_roster(&mut h, &session)? {
            true => {
                if !only_changes {
                    report(
                        &mut h,
                        &format!("roster ({} participants)", session.participants),
                        false,
                        None,
                    );
                    report(&mut h, "roster, scrolling", true, None);
                }
                after_changes(&mut h)?;
            }
            false => println!(
                "roster — not measured: could not open the session of {}",
                session.when
            ),
        },
        None => println!("roster — not measured: no past session with participants"),
    }
    Ok(())
}

/// Clicks per kind of change in [`after_changes`].
const CHANGES: usize = 7;

/// After a change (section 3): from a click that changes data to the updated screens
/// (issue 11 item 1). The worker writes, refreshes the view models the change concerns
/// (roster, sessions, standings, dashboard) and the UI draws them. Starts on the open roster.
fn after_changes(h: &mut Harness<'_, LotseApp>) -> Res<()> {
    println!(
        "\nfrom the click to the updated screens and dashboard, wall ms over {CHANGES} clicks \
         (median, max):"
    );
    // One person's attendance: select the first row, then mark it back and forth.
    let Some(first) = h.query_all(kittest::by().role(Role::CheckBox)).find(|n| {
        n.accesskit_node()
            .label()
            .is_some_and(|l| l.ends_with(" auswählen") && !l.starts_with("Alle "))
    }) else {
        println!("attendance of one person saved — not measured (no row to select)");
        return Ok(());
    };
    first.click();
    settle(h)?;
    let mut times = Vec::new();
    for i in 0..CHANGES {
        let label = ["Nicht erschienen", "Teilgenommen"][i % 2];
        times.push(timed_click(h, label)?);
    }
    println!(
        "{:<44}{:>9.1}{:>9.1}",
        "attendance of one person saved",
        median(&times),
        max(&times)
    );

    // Issuing one certificate on the Programs screen: one due person ticked at a time.
    h.state_mut().set_screen(Screen::Programs);
    settle(h)?;
    let mut times = Vec::new();
    for _ in 0..CHANGES {
        if let Some(all) = h.query_by_role_and_label(Role::CheckBox, "Alle Berechtigten auswählen")
            && all.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
        {
            all.click();
            settle(h)?;
        }
        if h.query_by_role_and_label(Role::Button, "1 Zertifikat ausstellen")
            .is_none()
        {
            let Some(person) = h.query_all(kittest::by().role(Role::CheckBox)).find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.ends_with(" auswählen") && !l.starts_with("Alle "))
            }) else {
                break;
            };
            person.click();
            settle(h)?;
        }
        times.push(timed_click(h, "1 Zertifikat ausstellen")?);
    }
    if times.is_empty() {
        println!("one certificate issued — not measured (nobody due in the first program)");
    } else {
        println!(
            "{:<44}{:>9.1}{:>9.1}",
            "one certificate issued",
            median(&times),
            max(&times)
        );
    }
    Ok(())
}

/// Clicks the button `label` and steps the UI without pause until the worker is done and
/// the new data is drawn; returns the wall time in ms.
fn timed_click(h: &mut Harness<'_, LotseApp>, label: &str) -> Res<f64> {
    let revision = h.state().data_revision();
    h.get_by_role_and_label(Role::Button, label).click();
    let start = Instant::now();
    let deadline = start + Duration::from_secs(60);
    loop {
        h.step();
        if h.state().data_revision() != revision && !h.state().is_busy() {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!("“{label}”: no new data within 60 s").into());
        }
    }
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    settle(h)?;
    Ok(elapsed)
}

/// Times `FRAMES` frames of the screen shown (scrolling down with the wheel if `scroll`)
/// and prints one line.
/// `switch`: the wall time of the first frame after the screen was chosen, if measured.
fn report(h: &mut Harness<'_, LotseApp>, name: &str, scroll: bool, switch: Option<f64>) {
    // What is on screen: the nodes of the AccessKit tree (rows, cells, buttons, texts).
    let nodes = h.query_all(kittest::by()).count();
    let before = labels(h);
    let plain = frames(h, scroll, false, 2, FRAMES);
    let mut name = name.to_owned();
    if scroll {
        // A check that the wheel moved the table: other rows are on screen now.
        h.step();
        if labels(h) == before {
            name.push_str(" (did not move!)");
        }
        // Back up, so that the run with AccessKit scrolls over the same rows.
        scroll_back(h);
    }
    let a11y = frames(h, scroll, true, 2, FRAMES);
    let switch = switch.map_or_else(|| "–".to_owned(), |ms| format!("{ms:.2}"));
    println!(
        "{:<34}{:>9.2}{:>10.2}{:>10.2}{:>11.2}{:>9}{:>7}",
        name,
        plain.cpu,
        median(&plain.wall),
        max(&plain.wall),
        a11y.cpu,
        switch,
        nodes
    );
    // Let whatever the frames started (pages of the audit log) finish.
    let _ = settle(h);
}

/// The labels on screen, in tree order.
fn labels(h: &Harness<'_, LotseApp>) -> Vec<String> {
    h.query_all(kittest::by())
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect()
}

/// What `FRAMES` frames cost, in ms.
struct Timed {
    /// The UI thread's CPU time over all frames, divided by their number. (The kernel
    /// updates a running thread's CPU time only at scheduler ticks, every few ms, so single
    /// frames cannot be told apart; the sum over all of them is accurate to a tick.)
    cpu: f64,
    /// Wall time of each frame.
    wall: Vec<f64>,
}

/// Runs `warmup` untimed frames (the first after a change of input may lay out anew), then
/// `count` timed ones on the harness's context, as eframe would.
fn frames(
    h: &mut Harness<'_, LotseApp>,
    scroll: bool,
    accesskit: bool,
    warmup: usize,
    count: usize,
) -> Timed {
    let ctx = h.ctx.clone();
    let mut base = h.input().clone();
    base.events.clear();
    base.predicted_dt = 1.0 / 60.0;
    let mut time = ctx.input(|i| i.time);
    if accesskit {
        ctx.enable_accesskit();
    } else {
        ctx.disable_accesskit();
    }
    let mut frame = eframe::Frame::_new_kittest();
    let app = h.state_mut();
    let mut wall = Vec::with_capacity(count);
    let mut cpu = thread_cpu_ns();
    for i in 0..warmup + count {
        if i == warmup {
            cpu = thread_cpu_ns();
        }
        time += 1.0 / 60.0;
        let mut input = base.clone();
        input.time = Some(time);
        input.events.push(egui::Event::PointerMoved(POINTER));
        if scroll {
            input.events.push(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -120.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::NONE,
            });
        }
        let start = Instant::now();
        app.logic(&ctx, &mut frame);
        let output = ctx.run_ui(input, |ui| app.ui(ui, &mut frame));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
        if i >= warmup {
            wall.push(start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let cpu = thread_cpu_ns().saturating_sub(cpu) as f64 / 1e6 / count.max(1) as f64;
    // The harness reads the AccessKit tree.
    ctx.enable_accesskit();
    Timed { cpu, wall }
}

/// Scrolls the shown table back to the top.
fn scroll_back(h: &mut Harness<'_, LotseApp>) {
    h.event(egui::Event::PointerMoved(POINTER));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0 * (FRAMES + 2) as f32 * 4.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    let _ = settle(h);
}

/// A session to open the roster of.
struct Session {
    /// "03.03.2026", the filter's from and to.
    date: String,
    /// "03.03.2026, 09:00–16:00", its row in the sessions table.
    when: String,
    participants: usize,
}

/// Adds `entries` audit entries in one raw batch (the sample data writes only a few), so
/// that the audit log screen has a long table to scroll, as after years of use.
fn fill_audit(path: &Path, entries: usize) -> Res<()> {
    let mut conn = rusqlite::Connection::open(path)?;
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM employee ORDER BY id LIMIT 300")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Ok(());
    }
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare(
            "INSERT INTO audit (at, actor, entity, entity_id, action, summary, employee_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let start = NaiveDate::from_ymd_opt(2023, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        let kinds = ["attendance", "attendance", "certificate", "employee"];
        for i in 0..entries {
            let at = start + chrono::Duration::minutes(13 * i as i64);
            stmt.execute(rusqlite::params![
                at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                ["anna", "bernd", "carla", "dieter"][i % 4],
                kinds[i % kinds.len()],
                i as i64,
                ["add", "edit", "issue"][i % 3],
                format!("session {}, entry {i}", i / 20),
                ids[i % ids.len()],
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

fn audit_count(path: &Path) -> Res<usize> {
    let conn = rusqlite::Connection::open(path)?;
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM audit", [], |r| r.get(0))?;
    Ok(usize::try_from(n)?)
}

fn session_count(path: &Path) -> Res<usize> {
    let conn = rusqlite::Connection::open(path)?;
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM session", [], |r| r.get(0))?;
    Ok(usize::try_from(n)?)
}

/// The past one-day session with the most participants whose date and times no other
/// session shares (so that its row in the sessions table is unambiguous). Asks the
/// services, so that it works on a file and on a server alike.
fn biggest_session(db: &Database) -> Res<Option<Session>> {
    let rows = lotse::service::sessions::list(db, &Default::default())?;
    let mut times = std::collections::HashMap::new();
    for r in &rows {
        *times
            .entry((r.session.starts_at, r.session.ends_at))
            .or_insert(0usize) += 1;
    }
    let best = rows
        .iter()
        .filter(|r| {
            let s = &r.session;
            s.ends_at.date() < today()
                && s.starts_at.date() == s.ends_at.date()
                && times.get(&(s.starts_at, s.ends_at)) == Some(&1)
                && r.participants > 0
        })
        .max_by_key(|r| (r.participants, std::cmp::Reverse(r.session.id)));
    let Some(best) = best else {
        return Ok(None);
    };
    let s = &best.session;
    let date = lotse::i18n::fmt_date_in(Lang::De, s.starts_at.date());
    Ok(Some(Session {
        when: format!(
            "{date}, {}–{}",
            s.starts_at.format("%H:%M"),
            s.ends_at.format("%H:%M")
        ),
        date,
        participants: usize::try_from(best.participants)?,
    }))
}

/// Seminars → past sessions → from/to the session's day → its row → "Teilnehmerliste
/// öffnen". True when the roster shows.
fn open_roster(h: &mut Harness<'_, LotseApp>, session: &Session) -> Res<bool> {
    h.state_mut().set_screen(Screen::Seminars);
    settle(h)?;
    let Some(past) = h.query_by_label_contains("Vergangene (") else {
        return Ok(false);
    };
    past.click();
    settle(h)?;
    for field in ["von", "bis"] {
        let Some(input) = h.query_by_role_and_label(Role::TextInput, field) else {
            return Ok(false);
        };
        input.focus();
        settle(h)?;
        h.get_by_role_and_label(Role::TextInput, field)
            .type_text(&session.date);
        settle(h)?;
    }
    let Some(row) = h.query_all_by_label(&session.when).next() else {
        return Ok(false);
    };
    row.click();
    settle(h)?;
    let Some(button) = h.query_by_role_and_label(Role::Button, "Teilnehmerliste öffnen") else {
        return Ok(false);
    };
    button.scroll_to_me();
    settle(h)?;
    h.get_by_role_and_label(Role::Button, "Teilnehmerliste öffnen")
        .click();
    settle(h)?;
    Ok(h.query_all_by_label_contains("Plätze:").next().is_some())
}

/// The child process: cold start on `path` to a complete dashboard.
fn cold_start(path: &Path) -> Res<()> {
    let ctx = egui::Context::default();
    // Repaint requests, as eframe's event loop gets them: the earliest time asked for.
    let wake: Arc<(Mutex<Option<Instant>>, Condvar)> = Arc::default();
    {
        let wake = Arc::clone(&wake);
        ctx.set_request_repaint_callback(move |info| {
            let at = Instant::now() + info.delay;
            let (lock, cvar) = &*wake;
            if let Ok(mut next) = lock.lock() {
                *next = Some(next.map_or(at, |n| n.min(at)));
                cvar.notify_one();
            }
        });
    }
    let cpu_process = process_cpu_ms();
    let cpu_thread = thread_cpu_ns();
    let started = Instant::now();
    // Opening the file (and checking it) counts: the user waits for it too. As the app
    // does, the check runs beside the first load.
    let store = Database::open_checking_in_background(path)?.with_clock(FixedClock::on(today()));
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let mut app = LotseApp::with_database(&cc, store, Some(Lang::De))
        .map_err(|e| e.user_message().to_string())?;
    let mut frame = eframe::Frame::_new_kittest();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(SIZE[0], SIZE[1]));
    let mut frames = 0;
    let mut first_frame = None;
    loop {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(started.elapsed().as_secs_f64()),
            predicted_dt: 1.0 / 60.0,
            ..Default::default()
        };
        let frame_start = Instant::now();
        app.logic(&ctx, &mut frame);
        let output = ctx.run_ui(input, |ui| app.ui(ui, &mut frame));
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        frames += 1;
        first_frame.get_or_insert_with(|| started.elapsed());
        if !app.is_busy() && app.data_revision().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(180) {
            return Err("cold start: not done within 180 s".into());
        }
        // Wait for the next repaint the app or its threads ask for (at most 1 s), but no
        // sooner than 1/60 s after this frame began (eframe waits for vsync).
        let (lock, cvar) = &*wake;
        let mut next = lock.lock().map_err(|_| "poisoned")?;
        let limit = Instant::now() + Duration::from_secs(1);
        let vsync = frame_start + Duration::from_micros(16_667);
        loop {
            let until = next.unwrap_or(limit).min(limit).max(vsync);
            let now = Instant::now();
            if now >= until {
                break;
            }
            next = cvar
                .wait_timeout(next, until - now)
                .map_err(|_| "poisoned")?
                .0;
        }
        *next = None;
    }
    let wall = started.elapsed();
    let cpu_thread = (thread_cpu_ns().saturating_sub(cpu_thread)) as f64 / 1e6;
    let cpu_process = process_cpu_ms().saturating_sub(cpu_process);
    println!(
        "  cold start to a complete dashboard: {:.0} ms wall, {} ms CPU (process), {:.0} ms CPU (UI thread), {} frames, first frame after {:.1} ms",
        wall.as_secs_f64() * 1000.0,
        cpu_process,
        cpu_thread,
        frames,
        first_frame.unwrap_or_default().as_secs_f64() * 1000.0
    );
    let (rss, hwm) = memory();
    println!("  resident memory then: VmRSS {rss}, peak VmHWM {hwm}");
    Ok(())
}

/// CPU time of the calling thread in ns (`/proc/thread-self/schedstat`: time on the CPU).
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

/// User + system CPU time of the whole process in ms (`/proc/self/stat`, 100 ticks a second).
fn process_cpu_ms() -> u64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0;
    };
    // The fields after the command name in parentheses: state is field 3, utime 14, stime 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<u64> = rest
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let ticks = fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0);
    ticks * 10
}

/// VmRSS and VmHWM from `/proc/self/status`, as printed there ("123456 kB").
fn memory() -> (String, String) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| {
                let kb: f64 = v
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .unwrap_or(0.0);
                format!("{:.0} MB", kb / 1024.0)
            })
            .unwrap_or_else(|| "n/a".into())
    };
    (field("VmRSS:"), field("VmHWM:"))
}
