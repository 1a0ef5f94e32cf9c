//! What the benchmarks share: timing a closure and printing a result line.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// Timed runs after the warm-up.
pub const RUNS: usize = 7;

/// Runs `f` once to warm up, then `RUNS` times; returns the median and the last result.
pub fn measure<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut last = f();
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        last = f();
        times.push(start.elapsed());
    }
    times.sort();
    (times[RUNS / 2], last)
}

/// "12.3 ms", right-aligned.
pub fn ms(d: Duration) -> String {
    format!("{:>9.2} ms", d.as_secs_f64() * 1000.0)
}

/// One result line: what was timed, and the median.
pub fn line(what: impl AsRef<str>, t: Duration) {
    println!("{:<56}{}", what.as_ref(), ms(t));
}
