//! A folder batch: one PDF per certificate, rendered on every core.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::render_one;
use crate::certificate::{CertificateSnapshot, Logo, RenderOptions};
use crate::error::{Error, Result};

/// Why [`render_each`] stopped before the end.
#[derive(Debug)]
pub struct BatchStop {
    /// The certificate whose PDF could not be made or handed on (the first such, by
    /// position); `None` when the batch was cancelled.
    pub failed: Option<usize>,
    /// What went wrong ([`Error::Cancelled`] when cancelled).
    pub cause: Error,
}

/// Renders each certificate into a PDF of its own, on every core, and hands it to
/// `done(position, bytes)` (on the thread that rendered it) — to be written, for example.
/// `progress` is called on the caller's thread with how many are done so far; when it
/// returns false, no further certificate is started and the batch ends as cancelled.
/// The first failure also stops the batch: certificates already started are finished,
/// and `done` is never called for the failed one.
pub fn render_each(
    certs: &[(&CertificateSnapshot, Option<&Logo>)],
    options: &RenderOptions,
    done: &(dyn Fn(usize, Vec<u8>) -> Result<()> + Sync),
    progress: &mut dyn FnMut(usize) -> bool,
) -> std::result::Result<(), BatchStop> {
    let n = certs.len();
    let threads = std::thread::available_parallelism()
        .map(|p| p.get())
        .unwrap_or(1)
        .clamp(1, 8)
        .min(n.max(1));
    let next = AtomicUsize::new(0);
    let finished = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let failure: Mutex<Option<(usize, Error)>> = Mutex::new(None);

    // Takes the next certificate; false when there is none left or the batch stopped.
    let step = || -> bool {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some((snapshot, logo)) = certs.get(i) else {
            return false;
        };
        match render_one(snapshot, *logo, options).and_then(|bytes| done(i, bytes)) {
            Ok(()) => {
                finished.fetch_add(1, Ordering::Relaxed);
            }
            Err(cause) => {
                stop.store(true, Ordering::Relaxed);
                if let Ok(mut first) = failure.lock()
                    && first.as_ref().is_none_or(|(at, _)| *at > i)
                {
                    *first = Some((i, cause));
                }
            }
        }
        true
    };

    let mut cancelled = false;
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(|| while step() {});
        }
        while step() {
            if !progress(finished.load(Ordering::Relaxed)) {
                stop.store(true, Ordering::Relaxed);
                cancelled = true;
            }
        }
    });
    let failed = failure.into_inner().ok().flatten();
    if let Some((at, cause)) = failed {
        return Err(BatchStop {
            failed: Some(at),
            cause,
        });
    }
    if cancelled {
        return Err(BatchStop {
            failed: None,
            cause: Error::Cancelled,
        });
    }
    progress(finished.load(Ordering::Relaxed));
    Ok(())
}
