//! Whether the app is locked (the optional app lock): locked at start when the lock is on, by
//! hand, or after the idle minutes; opened by the password. Commands other than the lock page's
//! are refused while locked (see `crate::app_lock::guarded`).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use super::lock;

/// The lock's state in this run.
pub struct AppLock {
    /// The lock is on (its hash is in the keychain), as last read or set.
    on: AtomicBool,
    /// The window shows the lock page; codes, names and activity are hidden.
    locked: AtomicBool,
    /// The last key press, click or scroll the page reported.
    last_seen: Mutex<Instant>,
    /// Wrong passwords since the last right one (each waits a little longer).
    failures: AtomicU32,
    /// Whether the keychain said if the lock is on (it may be locked at start).
    known: AtomicBool,
}

impl AppLock {
    /// The state at start: locked when the lock is on; `None` when the keychain could not say
    /// (then [`AppLock::learn`] is called once it can, before anything is shown).
    pub fn starting(on: Option<bool>) -> Self {
        Self {
            on: AtomicBool::new(on == Some(true)),
            locked: AtomicBool::new(on == Some(true)),
            last_seen: Mutex::new(Instant::now()),
            failures: AtomicU32::new(0),
            known: AtomicBool::new(on.is_some()),
        }
    }

    /// Whether the keychain has said if the lock is on.
    pub fn is_known(&self) -> bool {
        self.known.load(Ordering::SeqCst)
    }

    /// What the keychain said, the first time it could: a lock that is on locks.
    pub fn learn(&self, on: bool) {
        if !self.known.swap(true, Ordering::SeqCst) {
            self.on.store(on, Ordering::SeqCst);
            self.locked.store(on, Ordering::SeqCst);
        }
    }

    /// The lock is on.
    pub fn is_on(&self) -> bool {
        self.on.load(Ordering::SeqCst)
    }

    /// Records that the lock was turned on or off (turning it on does not lock at once).
    pub fn set_on(&self, on: bool) {
        self.on.store(on, Ordering::SeqCst);
        if !on {
            self.locked.store(false, Ordering::SeqCst);
        }
        self.seen();
    }

    /// The window shows the lock page.
    pub fn is_locked(&self) -> bool {
        self.locked.load(Ordering::SeqCst)
    }

    /// Locks (when the lock is on); true if this locked it.
    pub fn lock(&self) -> bool {
        self.is_on() && !self.locked.swap(true, Ordering::SeqCst)
    }

    /// Opens after the right password.
    pub fn open(&self) {
        self.failures.store(0, Ordering::SeqCst);
        self.locked.store(false, Ordering::SeqCst);
        self.seen();
    }

    /// Counts a wrong password; gives how long to wait before saying so (0 s for the first
    /// three, then one more second each time, up to 10 s), so guessing is slow.
    pub fn wrong_password(&self) -> Duration {
        let failures = self.failures.fetch_add(1, Ordering::SeqCst) + 1;
        Duration::from_secs(u64::from(failures.saturating_sub(3).min(10)))
    }

    /// The person did something in the window.
    pub fn seen(&self) {
        *lock(&self.last_seen) = Instant::now();
    }

    /// Whether it is time to lock: on, open, and nothing done for `idle_minutes` minutes of
    /// `minute` (never for 0).
    pub fn idle_for(&self, idle_minutes: u32, minute: Duration) -> bool {
        idle_minutes > 0
            && self.is_on()
            && !self.is_locked()
            && lock(&self.last_seen).elapsed() >= minute * idle_minutes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_that_is_on_starts_locked_and_opens() {
        let state = AppLock::starting(Some(true));
        assert!(state.is_locked());
        state.open();
        assert!(!state.is_locked());
        assert!(state.lock());
        assert!(!state.lock(), "already locked");
        state.set_on(false);
        assert!(!state.is_locked(), "turning it off opens it");
        assert!(!state.lock(), "an off lock never locks");
    }

    #[test]
    fn a_keychain_that_could_not_say_is_asked_later_once() {
        let state = AppLock::starting(None);
        assert!(!state.is_known() && !state.is_locked());
        state.learn(true);
        assert!(state.is_known() && state.is_locked());
        state.open();
        state.learn(false);
        assert!(state.is_on(), "only the first answer counts");
    }

    #[test]
    fn idle_time_and_wrong_passwords() {
        let state = AppLock::starting(Some(false));
        let minute = Duration::from_secs(60);
        assert!(!state.idle_for(0, minute));
        state.set_on(true);
        assert!(!state.idle_for(5, minute), "just seen");
        *lock(&state.last_seen) = Instant::now() - Duration::from_secs(301);
        assert!(state.idle_for(5, minute));
        assert!(!state.idle_for(0, minute), "0 never locks by itself");
        let waits: Vec<u64> = (0..16).map(|_| state.wrong_password().as_secs()).collect();
        assert_eq!(waits, [0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10]);
        state.open();
        assert_eq!(state.wrong_password().as_secs(), 0);
    }
}
