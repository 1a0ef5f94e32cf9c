//! What the benchmarks of the desktop app share (`frames`, `listen`): waiting until the
//! app has done its work and drawn it, and summing up timings.
#![allow(dead_code)]

use std::error::Error;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use lotse::app::LotseApp;

/// Steps the UI until the worker is done (twice in a row), then until it is still.
pub fn settle(h: &mut Harness<'_, LotseApp>) -> Result<(), Box<dyn Error>> {
    let deadline = Instant::now() + Duration::from_secs(180);
    let mut idle = 0;
    while idle < 2 {
        h.step();
        idle = if h.state().is_busy() { 0 } else { idle + 1 };
        if Instant::now() > deadline {
            return Err("the app did not finish its work within 180 s".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    while h.try_run().is_err() {
        if Instant::now() > deadline {
            return Err("the UI did not come to rest".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Ok(())
}

pub fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

pub fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(0.0, f64::max)
}
