//! Another officer's change on a PostgreSQL server, until it is in this officer's app
//! (issue 13 point 3): `cargo bench --bench listen`.
//!
//! Needs a server: `LOTSE_BENCH_PG` (else `LOTSE_TEST_PG`) names a role that may create
//! databases, e.g. `postgres://lotse@127.0.0.1:5433/postgres`; without one it says so and
//! ends. Generates the sample administration (`LOTSE_BENCH_EMPLOYEES`, default 10,000
//! employees, ~290,000 attendance rows) into a temporary SQLite file and copies it into a
//! new database on the server (as `lotse migrate-to` does). Then
//!
//! - officer B's app runs headless (egui_kittest `Harness`) on that database, the
//!   dashboard showing; officer A is a second `Database` on it, in this process;
//! - `ROUNDS` times, A marks one participant of the biggest past session absent, or
//!   attended again (`service::attendance::set_status`, one transaction); from the moment
//!   A's commit returned, B's UI is stepped (as eframe would when the worker asks for a
//!   repaint, with 1 ms between frames) until B's view models have a new revision and its
//!   worker is idle. B never sends a command: the server's announcement, B's listener
//!   thread and B's worker bring the change;
//! - for comparison, the full reload that the old way (the idle worker asked the server
//!   every 2 s and reloaded everything) did after a colleague's change: B's
//!   "Aktualisieren", from the click until the new view models are drawn.
//!
//! Prints the medians and maxima. No assertion: a figure, not a test.

#[path = "common/app.rs"]
mod app;
use app::{max, median, settle};

use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use lotse::app::{LotseApp, Screen};
use lotse::i18n::Lang;
use lotse::model::AttendanceStatus;
use lotse::service::demo::{DemoOptions, generate};
use lotse::service::{self, Database};
use lotse::store::{FixedClock, Read};

type Res<T> = Result<T, Box<dyn Error>>;

/// Changes timed.
const ROUNDS: usize = 21;
/// Full reloads timed.
const RELOADS: usize = 5;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default()
}

fn open(target: &Path) -> Res<Database> {
    Ok(Database::open(target)?.with_clock(FixedClock::on(today())))
}

fn main() -> Res<()> {
    lotse::i18n::set_language(Lang::De);
    if std::env::var_os("LOTSE_LOG").is_some() {
        lotse::logging::init();
    }
    let Some(admin) = std::env::var("LOTSE_BENCH_PG")
        .or_else(|_| std::env::var("LOTSE_TEST_PG"))
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        println!(
            "listen: no PostgreSQL server — set LOTSE_BENCH_PG=postgres://user@host:port/postgres"
        );
        return Ok(());
    };
    let employees: usize = std::env::var("LOTSE_BENCH_EMPLOYEES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);

    // The sample administration, on the server.
    let started = Instant::now();
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("lotse.sqlite");
    {
        let mut db = open(&file)?;
        generate(&mut db, &DemoOptions { employees, seed: 1 }, &mut |_| true)?;
    }
    let url = service::scratch_database(&admin)?;
    let counts = service::migrate::copy_to(&open(&file)?, Path::new(&url))?;
    println!(
        "data on the server: {} employees, {} attendance rows ({:.1} s to generate and copy)",
        counts.domain.employees,
        open(Path::new(&url))?.store().attendance_count()?,
        started.elapsed().as_secs_f64()
    );

    // Officer A, and the row A changes: a participant of the biggest past session.
    let mut anna = open(Path::new(&url))?;
    let sessions = service::sessions::list(&anna, &Default::default())?;
    let (session, participants) = sessions
        .iter()
        .filter(|s| s.session.ends_at.date() < today())
        .map(|s| (s.session.id, s.participants))
        .max_by_key(|(_, n)| *n)
        .ok_or("no past session")?;
    let roster = service::attendance::roster(&anna, session)?;
    let row = roster
        .iter()
        .find(|r| r.attendance.status == AttendanceStatus::Attended)
        .ok_or("no participant who attended")?;
    let attendance = row.attendance.id;
    println!("the session A changes: {participants} participants");

    // Officer B's app.
    let bernd = open(Path::new(&url))?;
    let load = Instant::now();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(1_000)
        .build_eframe(move |cc| {
            LotseApp::with_database(cc, bernd, Some(Lang::De)).unwrap_or_else(|e| {
                panic!("the app did not start: {}", e.user_message());
            })
        });
    h.state_mut().set_screen(Screen::Dashboard);
    settle(&mut h)?;
    println!(
        "B's app loaded in {:.0} ms",
        load.elapsed().as_secs_f64() * 1000.0
    );

    // A's changes, until B has them.
    let mut commits = Vec::new();
    let mut delays = Vec::new();
    for round in 0..ROUNDS {
        let status = if round % 2 == 0 {
            AttendanceStatus::Absent
        } else {
            AttendanceStatus::Attended
        };
        let revision = h.state().data_revision();
        let commit = Instant::now();
        service::attendance::set_status(&mut anna, session, &[attendance], status, None)?;
        let committed = Instant::now();
        commits.push(ms(committed - commit));
        let deadline = committed + Duration::from_secs(60);
        loop {
            h.step();
            if h.state().data_revision() != revision && !h.state().is_busy() {
                break;
            }
            if Instant::now() > deadline {
                return Err("B did not get A's change within 60 s".into());
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        delays.push(ms(committed.elapsed()));
        settle(&mut h)?;
        // The next change a moment later, as an officer would.
        std::thread::sleep(Duration::from_millis(200));
        settle(&mut h)?;
    }

    // The old way's reload: everything.
    let mut reloads = Vec::new();
    for _ in 0..RELOADS {
        let revision = h.state().data_revision();
        h.get_by_role_and_label(Role::Button, "Aktualisieren")
            .click();
        let start = Instant::now();
        let deadline = start + Duration::from_secs(60);
        loop {
            h.step();
            if h.state().data_revision() != revision && !h.state().is_busy() {
                break;
            }
            if Instant::now() > deadline {
                return Err("no reload within 60 s".into());
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        reloads.push(ms(start.elapsed()));
        settle(&mut h)?;
    }

    println!("\nwall ms (median, max):");
    println!(
        "{:<66}{:>8.1}{:>8.1}",
        "A's attendance save (one transaction, commit)",
        median(&commits),
        max(&commits)
    );
    println!(
        "{:<66}{:>8.1}{:>8.1}",
        format!("from A's commit to B's refreshed view models ({ROUNDS} saves)"),
        median(&delays),
        max(&delays)
    );
    println!(
        "{:<66}{:>8.1}{:>8.1}",
        format!("B's full reload ({RELOADS} times; the old way, after 0–2 s of polling)"),
        median(&reloads),
        max(&reloads)
    );
    println!(
        "old way, from A's commit: 0–2 s (1 s on average) until the poll, then the full reload: \
         ~{:.0} ms on average",
        1000.0 + median(&reloads)
    );
    drop(h);
    drop(anna);
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
