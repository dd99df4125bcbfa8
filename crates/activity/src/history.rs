//! The cached feed grows incrementally: each read asks only for the newest page and keeps the
//! older events already cached below it; "show older" asks for the page `after=` the oldest cached
//! one and appends it. Both keep one newest-first list without repeats.

use std::collections::HashSet;

use vigil_core::activity::FeedPage;

/// At most this many events are kept per account.
pub const MAX_CACHED_EVENTS: usize = 1000;

/// The newest page read now, with the older events of `cached` (the previous read) below it.
/// `next` stays the cursor after the oldest event kept.
pub fn merge_newest(newest: FeedPage, cached: Option<FeedPage>) -> FeedPage {
    let (Some(cached), Some(oldest)) = (cached, newest.events.last().map(|e| e.occurred_at)) else {
        return newest;
    };
    if newest.next.is_none() {
        // The newest page holds every event there is.
        return newest;
    }
    let seen: HashSet<&str> = newest.events.iter().map(|e| e.id.as_str()).collect();
    let older: Vec<_> = cached
        .events
        .into_iter()
        .filter(|e| !seen.contains(e.id.as_str()) && e.occurred_at <= oldest)
        .collect();
    if older.is_empty() {
        return newest;
    }
    let mut merged = newest;
    merged.events.extend(older);
    if merged.events.len() > MAX_CACHED_EVENTS {
        // Cut: older pages are asked for again from the newest page's cursor (repeats dropped).
        merged.events.truncate(MAX_CACHED_EVENTS);
    } else {
        merged.next = cached.next;
    }
    merged
}

/// `cached` with `older` (the page `after=` its cursor) appended; `next` becomes `older`'s.
pub fn append_older(cached: FeedPage, older: FeedPage) -> FeedPage {
    let mut merged = cached;
    let seen: HashSet<String> = merged.events.iter().map(|e| e.id.clone()).collect();
    merged
        .events
        .extend(older.events.into_iter().filter(|e| !seen.contains(&e.id)));
    merged.events.truncate(MAX_CACHED_EVENTS);
    merged.next = if merged.events.len() >= MAX_CACHED_EVENTS {
        None
    } else {
        older.next
    };
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(ids: &[(&str, u32)], next: Option<&str>) -> FeedPage {
        let events: Vec<_> = ids
            .iter()
            .map(|(id, minute)| {
                serde_json::json!({
                    "id": id, "kind": "sign_in", "occurred_at": format!("2026-11-25T07:{minute:02}:00Z"),
                    "ip": null, "country": null, "user_agent": null, "device": {"browser": null, "os": null},
                    "outcome": "success", "details": {}, "flagged": false, "reasons": [], "verdict": null,
                })
            })
            .collect();
        serde_json::from_value(serde_json::json!({
            "account_state": "active", "state_reason": null, "server_time": "2026-11-25T08:00:00Z",
            "events": events, "next": next,
        }))
        .unwrap()
    }

    fn ids(page: &FeedPage) -> Vec<&str> {
        page.events.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn a_new_read_keeps_the_older_cached_events_and_their_cursor() {
        let cached = page(&[("c", 30), ("b", 20), ("a", 10)], Some("cursor-a"));
        let newest = page(&[("d", 40), ("c", 30)], Some("cursor-c"));
        let merged = merge_newest(newest, Some(cached));
        assert_eq!(ids(&merged), ["d", "c", "b", "a"]);
        assert_eq!(merged.next.as_deref(), Some("cursor-a"));
    }

    #[test]
    fn a_complete_newest_page_replaces_the_cache() {
        let cached = page(&[("b", 20), ("a", 10)], Some("cursor-a"));
        let newest = page(&[("c", 30), ("b", 20)], None);
        let merged = merge_newest(newest, Some(cached));
        assert_eq!(ids(&merged), ["c", "b"]);
        assert_eq!(merged.next, None);
    }

    #[test]
    fn older_pages_are_appended_without_repeats() {
        let cached = page(&[("c", 30), ("b", 20)], Some("cursor-b"));
        let older = page(&[("b", 20), ("a", 10)], None);
        let merged = append_older(cached, older);
        assert_eq!(ids(&merged), ["c", "b", "a"]);
        assert_eq!(merged.next, None);
    }
}
