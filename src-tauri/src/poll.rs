//! Reading every linked feed in the background while the app runs: every 60 s by default
//! (`VIGIL_ACTIVITY_SECONDS` changes it), each account backing off after failures (doubling, at
//! most 15 minutes) so a service that is down is not hammered. What a read brings that is new
//! (flagged events, locks) becomes desktop notifications when they are on.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use tauri::{AppHandle, Manager, Runtime};
use vigil_vault::AccountId;

use crate::notifier::Notifier;
use crate::state::AppState;

/// The longest wait after repeated failures.
const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);

/// Starts the background reader.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let every = std::env::var("VIGIL_ACTIVITY_SECONDS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|&seconds| seconds > 0)
        .map_or(Duration::from_secs(60), Duration::from_secs);
    tauri::async_runtime::spawn(async move {
        let mut backoff: HashMap<AccountId, (Instant, Duration)> = HashMap::new();
        loop {
            let state = app.state::<AppState>();
            let linked: Vec<AccountId> = state
                .accounts
                .linked_feeds()
                .map(|feeds| feeds.into_iter().map(|(account, _)| account.id).collect())
                .unwrap_or_default();
            for id in linked {
                if backoff
                    .get(&id)
                    .is_some_and(|(until, _)| Instant::now() < *until)
                {
                    continue;
                }
                match crate::sync::sync_feed(&state, &id).await {
                    Ok(alerts) => {
                        backoff.remove(&id);
                        #[cfg(desktop)]
                        let paused = app
                            .try_state::<crate::tray::AlertsPaused>()
                            .is_some_and(|paused| paused.get());
                        #[cfg(not(desktop))]
                        let paused = false;
                        if state.settings.get().notifications && !paused {
                            // While the app lock is locked, notifications name nothing.
                            let locked = state.lock.is_locked();
                            for alert in alerts {
                                let alert = if locked {
                                    alert.discreet(&state.settings.words())
                                } else {
                                    alert
                                };
                                app.state::<Notifier>().show(alert);
                            }
                        }
                    }
                    Err(_) => {
                        let wait = backoff
                            .get(&id)
                            .map_or(every, |(_, wait)| (*wait * 2).min(MAX_BACKOFF));
                        backoff.insert(id, (Instant::now() + wait, wait));
                    }
                }
            }
            #[cfg(desktop)]
            if let Ok(feeds) = state.accounts.linked_feeds() {
                let needs_a_look = crate::activity::attention(&feeds)
                    .iter()
                    .any(|mark| mark.flagged > 0 || mark.locked);
                crate::tray::mark_attention(&app, needs_a_look);
            }
            tokio::select! {
                () = tokio::time::sleep(every) => {}
                () = state.activity.wake_up.notified() => {}
            }
        }
    });
}
