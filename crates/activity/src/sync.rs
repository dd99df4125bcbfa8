//! What one read of a feed means for the cache and the person, as plain functions the app's
//! background reader and the CLI can share: [`absorb`] merges the newest page over the cached one
//! (keeping older cached events, [`crate::history::merge_newest`]), says whether anything but the
//! service's clock changed, and finds the [`News`]: flagged events that wait for an answer and were
//! not flagged before, and a lock that is new.

use std::collections::HashSet;

use vigil_core::activity::{Event, FeedPage};

use crate::history::merge_newest;

/// A read, absorbed into the cache.
#[derive(Debug, Clone, PartialEq)]
pub struct Absorbed {
    /// The page to cache now.
    pub page: FeedPage,
    /// Whether it differs from the cached page in more than `server_time` (so a view redraws).
    pub changed: bool,
    /// What is new enough to tell the person.
    pub news: News,
}

/// What a read brought that the cached page did not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct News {
    /// Flagged events waiting for an answer that were not flagged in the cached page, newest
    /// first.
    pub flagged: Vec<Event>,
    /// The account is locked now and was not before.
    pub newly_locked: bool,
}

impl News {
    /// Nothing to tell.
    pub fn is_empty(&self) -> bool {
        self.flagged.is_empty() && !self.newly_locked
    }
}

/// Absorbs `fetched` (the newest page just read) into `cached` (the page cached before it).
pub fn absorb(cached: Option<FeedPage>, fetched: FeedPage) -> Absorbed {
    let page = merge_newest(fetched, cached.clone());
    // Only the service's time differs between two reads of an unchanged feed.
    let changed = cached.as_ref().is_none_or(|before| {
        FeedPage {
            server_time: page.server_time,
            ..before.clone()
        } != page
    });
    let news = news(cached.as_ref(), &page);
    Absorbed {
        page,
        changed,
        news,
    }
}

/// What `current` brings that `previous` did not: each flagged event not answered and not flagged
/// before, and a lock.
pub fn news(previous: Option<&FeedPage>, current: &FeedPage) -> News {
    let known: HashSet<&str> = previous
        .map(|page| {
            page.events
                .iter()
                .filter(|e| e.flagged)
                .map(|e| e.id.as_str())
                .collect()
        })
        .unwrap_or_default();
    News {
        flagged: current
            .events
            .iter()
            .filter(|e| e.awaits_answer() && !known.contains(e.id.as_str()))
            .cloned()
            .collect(),
        newly_locked: current.account_state.is_locked()
            && previous.is_none_or(|page| !page.account_state.is_locked()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigil_core::activity::AccountState;

    fn page(state: AccountState, server_time: &str, events: serde_json::Value) -> FeedPage {
        serde_json::from_value(serde_json::json!({
            "account_state": state, "state_reason": null,
            "server_time": server_time, "events": events, "next": null,
        }))
        .unwrap()
    }

    fn sign_in(id: &str, flagged: bool, verdict: Option<&str>) -> serde_json::Value {
        serde_json::json!({
            "id": id, "kind": "sign_in", "occurred_at": "2026-11-25T07:30:00Z",
            "ip": "193.0.6.139", "country": "NL", "user_agent": null,
            "device": {"browser": "Firefox", "os": "Linux"}, "outcome": "success",
            "details": {}, "flagged": flagged,
            "reasons": if flagged { vec!["new_country_too_soon"] } else { vec![] },
            "verdict": verdict,
        })
    }

    #[test]
    fn a_read_that_only_moves_the_service_clock_is_no_change() {
        let events = serde_json::json!([sign_in("e1", false, None)]);
        let before = page(AccountState::Active, "2026-11-25T08:00:00Z", events.clone());
        let again = page(AccountState::Active, "2026-11-25T08:01:00Z", events);
        let absorbed = absorb(Some(before.clone()), again);
        assert!(!absorbed.changed);
        assert!(absorbed.news.is_empty());
        let first = absorb(None, before);
        assert!(first.changed, "a first read is a change");
    }

    #[test]
    fn news_is_each_new_unanswered_flagged_event_and_a_new_lock() {
        let before = page(
            AccountState::Active,
            "2026-11-25T08:00:00Z",
            serde_json::json!([sign_in("e1", true, None), sign_in("e0", false, None)]),
        );
        let after = page(
            AccountState::LockedPendingVerification,
            "2026-11-25T08:01:00Z",
            serde_json::json!([
                sign_in("e3", true, Some("mine")),
                sign_in("e2", true, None),
                sign_in("e1", true, None),
                sign_in("e0", false, None)
            ]),
        );
        let absorbed = absorb(Some(before), after.clone());
        assert!(absorbed.changed);
        let ids: Vec<&str> = absorbed
            .news
            .flagged
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["e2"], "known and answered events are not news");
        assert!(absorbed.news.newly_locked);
        // Still locked at the next read: not news again.
        let next = news(Some(&after), &after);
        assert!(next.is_empty(), "{next:?}");
    }
}
