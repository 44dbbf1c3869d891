//! Deadlines: one thread that cancels the queries whose time is up, for evaluations that run on the thread of
//! their connection, where no timer of the async runtime can fire until they return; and [`Stopped`], the count
//! of the evaluations that a cancellation has stopped.

use oxigraph::sparql::CancellationToken;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How many evaluations have stopped because they were cancelled, each counted once it has returned: a query past
/// its time limit is answered 422, and this count says that its evaluation is over too (in a multi-threaded
/// runtime the answer comes at the limit, before the evaluation sees its token).
#[derive(Debug, Default)]
pub struct Stopped(AtomicU64);

impl Stopped {
    /// The evaluations stopped so far.
    pub fn count(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    /// Counts an evaluation that has returned because its token was cancelled.
    pub fn record(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// The pending deadlines, earliest first, and a counter that keeps their keys unique.
#[derive(Default)]
struct Pending {
    tokens: BTreeMap<(Instant, u64), CancellationToken>,
    next: u64,
}

struct Watchdog {
    pending: Mutex<Pending>,
    changed: Condvar,
}

fn watchdog() -> &'static Watchdog {
    static WATCHDOG: OnceLock<&'static Watchdog> = OnceLock::new();
    WATCHDOG.get_or_init(|| {
        let watchdog: &'static Watchdog =
            Box::leak(Box::new(Watchdog { pending: Mutex::default(), changed: Condvar::new() }));
        std::thread::Builder::new()
            .name("qingpu-kg-deadlines".into())
            .spawn(move || watch(watchdog))
            .expect("the deadline thread starts");
        watchdog
    })
}

/// Cancels each token when its deadline passes; sleeps until the earliest one otherwise.
fn watch(watchdog: &Watchdog) {
    let mut pending = watchdog.pending.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let now = Instant::now();
        while let Some(entry) = pending.tokens.first_entry() {
            if entry.key().0 > now {
                break;
            }
            entry.remove().cancel();
        }
        let wait = pending.tokens.keys().next().map(|(at, _)| at.saturating_duration_since(now));
        pending = match wait {
            Some(wait) => watchdog.changed.wait_timeout(pending, wait).unwrap_or_else(|e| e.into_inner()).0,
            None => watchdog.changed.wait(pending).unwrap_or_else(|e| e.into_inner()),
        };
    }
}

/// A registered deadline; dropping it (when the evaluation ends first) withdraws it.
pub struct Deadline {
    key: (Instant, u64),
}

/// Cancels `token` after `timeout`, unless the returned [`Deadline`] is dropped before.
pub fn after(timeout: Duration, token: CancellationToken) -> Deadline {
    let watchdog = watchdog();
    let at = Instant::now() + timeout;
    let mut pending = watchdog.pending.lock().unwrap_or_else(|e| e.into_inner());
    let key = (at, pending.next);
    pending.next += 1;
    let earliest = pending.tokens.keys().next().is_none_or(|first| key < *first);
    pending.tokens.insert(key, token);
    drop(pending);
    if earliest {
        watchdog.changed.notify_one();
    }
    Deadline { key }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        let mut pending = watchdog().pending.lock().unwrap_or_else(|e| e.into_inner());
        pending.tokens.remove(&self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_cancelled_at_its_deadline_and_not_after_withdrawal() {
        let late = CancellationToken::new();
        let _kept = after(Duration::from_millis(20), late.clone());
        let withdrawn = CancellationToken::new();
        drop(after(Duration::from_millis(10), withdrawn.clone()));
        let waited = Instant::now();
        while !late.is_cancelled() && waited.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(late.is_cancelled(), "the deadline passed without cancelling");
        assert!(!withdrawn.is_cancelled(), "a withdrawn deadline cancelled its token");
    }
}
