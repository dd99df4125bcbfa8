//! One read of a linked account's feed, around `vigil_activity::sync::absorb`: read it with the
//! account's key, merge it into the cached page and save it, note the service's clock reading,
//! remember a failure in words for the pane's footer, and give what is new enough to notify.
//! The background reader (`poll.rs`) and the commands that refresh a pane both call this.

use vigil_activity::ActivityError;
use vigil_activity::sync::absorb;
use vigil_vault::AccountId;

use crate::activity::{name_of, page_of, service_of};
use crate::alerts::{Alert, alerts_for};
use crate::state::AppState;

/// Reads one account's feed and caches it; gives the notifications it calls for, or why it
/// could not be read (a sentence for the pane's footer).
pub async fn sync_feed(state: &AppState, id: &AccountId) -> Result<Vec<Alert>, String> {
    let t = state.settings.words();
    let (account, link, secret) = state.accounts.linked(id).map_err(|e| e.message)?;
    let client = state.feeds.client().map_err(|e| e.message)?;
    let result = client.feed(&link, &secret, None, 100).await;
    drop(secret);
    let mut changed = false;
    let outcome = match result {
        Ok(fetch) => {
            state.record_clock(id, fetch.clock_offset.map(|offset| (offset, link.host())));
            let mut vault = state.accounts.vault().map_err(|e| e.message)?;
            let cached = vault
                .cached_feed(id)
                .ok()
                .flatten()
                .and_then(|cached| page_of(&cached));
            let absorbed = absorb(cached, fetch.page);
            changed = absorbed.changed;
            let json = serde_json::to_string(&absorbed.page).map_err(|e| e.to_string())?;
            vault
                .save_feed(id, &json, vigil_activity::clock::unix_seconds())
                .map_err(|e| e.to_string())?;
            Ok(alerts_for(
                &t,
                id,
                &name_of(&t, &account),
                &service_of(&account, &link),
                &absorbed.news,
                &absorbed.page,
            ))
        }
        Err(ActivityError::Refused { message, host, .. }) => Err(t.with(
            "feed-refused",
            &[("host", host.into()), ("message", message.into())],
        )),
        Err(ActivityError::Unreachable { host, .. } | ActivityError::Timeout { host }) => {
            Err(t.with("feed-unreachable", &[("host", host.into())]))
        }
        Err(other) => Err(crate::error::localized(&t, &other.into())),
    };
    // The page redraws what is open when the counter moves: only for news, not every read.
    if state.feeds.set_problem(id, outcome.as_ref().err().cloned()) || changed {
        state.activity.bump();
    }
    outcome
}
