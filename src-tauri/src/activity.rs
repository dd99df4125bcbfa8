//! Account activity in the app: the pane of one linked account (its state, flagged events with
//! "This was me" / "This wasn't me", the rest grouped by day) made from the feed cached in the
//! vault, and the overview of everything flagged. Times are shown in the computer's time zone
//! (`jiff`'s reading of the system's), with the offset it had at that moment: a sign-in in July
//! shows summer time even when read in winter.

use std::sync::atomic::{AtomicU64, Ordering};

use askama::Template;
use time::{OffsetDateTime, UtcOffset};
use vigil_activity::{FeedLink, words};
use vigil_core::activity::{AccountState, Event, EventKind, FeedPage, Verdict};
use vigil_i18n::Words;
use vigil_vault::{Account, CachedFeed};

/// What the activity views need besides the vault.
pub struct ActivityContext {
    /// The computer's time zone (its rules, so each moment gets its own offset).
    pub zone: jiff::tz::TimeZone,
    /// Bumped whenever a feed is read or answered, so the page knows to redraw.
    pub version: AtomicU64,
    /// Wakes the background reader early (an account was just linked).
    pub wake_up: tokio::sync::Notify,
}

impl ActivityContext {
    /// Reads the system's time zone (`TZ`, else `/etc/localtime`; UTC when neither can be read).
    pub fn new() -> Self {
        Self {
            zone: jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC),
            version: AtomicU64::new(0),
            wake_up: tokio::sync::Notify::new(),
        }
    }

    /// Asks the background reader to read the feeds now.
    pub fn wake(&self) {
        self.wake_up.notify_one();
    }

    /// Marks that something changed.
    pub fn bump(&self) {
        self.version.fetch_add(1, Ordering::Relaxed);
    }
}

/// One account's activity pane.
#[derive(Template)]
#[template(path = "partials/_activity.html")]
pub struct ActivityPane {
    /// The account's id in the vault.
    pub id: String,
    /// The service as the pane's heading names it: the issuer (the host without one).
    pub service: String,
    /// The account at the service (its label).
    pub label: String,
    /// The service's host.
    pub host: String,
    /// The state, when a feed has been read.
    pub state: Option<StateView>,
    /// Flagged events without an answer, newest first.
    pub flagged: Vec<EventView>,
    /// Everything else, grouped by day.
    pub days: Vec<DayView>,
    /// "Updated 2 minutes ago" or "Could not reach …: showing activity from 10:42".
    pub footer: String,
    /// The last fetch failed.
    pub stale: bool,
    /// No feed has been read yet.
    pub empty: bool,
    /// The service has older events than the cached ones ("Show older activity").
    pub more: bool,
    /// The pane's words.
    pub t: Words,
}

/// The account's state as the banner shows it.
pub struct StateView {
    /// Locked either way.
    pub locked: bool,
    /// Waiting for a reviewer.
    pub in_review: bool,
    /// The banner's sentence.
    pub text: String,
}

/// A day of events.
pub struct DayView {
    /// "Today", "Yesterday", "Monday 18 November".
    pub title: String,
    /// Its events, newest first.
    pub events: Vec<EventView>,
}

/// One event as a row shows it.
pub struct EventView {
    /// The service's event id.
    pub id: String,
    /// `sign-in`, `order`, `booking`, `change`, `lock`: the icon's class.
    pub icon: &'static str,
    /// "Signed in from Netherlands · Firefox on Linux".
    pub summary: String,
    /// "14:05" (or "14:05, 18 Nov" in the flagged cards).
    pub time: String,
    /// Behind "Details": the IP address and the raw user agent.
    pub detail: String,
    /// Why it was flagged, in words.
    pub reasons: Vec<String>,
    /// A failed sign-in or a lock.
    pub warning: bool,
    /// The customer's answer, in words.
    pub verdict: Option<String>,
    /// The account it happened to, and its name (in the overview; empty in an account's pane).
    pub account: (String, String),
}

/// The pane when no account is selected: everything flagged and every lock across linked
/// accounts, then their recent activity together, newest first, by day.
#[derive(Template)]
#[template(path = "partials/_overview.html")]
pub struct Overview {
    /// Accounts with something to look at: (account id, name, flagged events).
    pub accounts: Vec<(String, String, Vec<EventView>)>,
    /// Linked accounts that are locked, with their banner text.
    pub locked: Vec<(String, String, String)>,
    /// The latest events of every linked account, each naming its account.
    pub days: Vec<DayView>,
    /// The pane's words.
    pub t: Words,
}

/// How many events the overview's "Recent activity" shows.
const OVERVIEW_EVENTS: usize = 40;

/// How the list marks an account: flagged events to answer, or a lock.
#[derive(Debug, serde::Serialize)]
pub struct Attention {
    /// The account's id.
    pub id: String,
    /// Unanswered flagged events.
    pub flagged: usize,
    /// The account is locked.
    pub locked: bool,
}

/// The account's name as questions say it.
pub fn name_of(t: &Words, account: &Account) -> String {
    match (account.issuer.is_empty(), account.label.is_empty()) {
        (false, false) => t.with(
            "js-name-at",
            &[
                ("label", account.label.as_str().into()),
                ("issuer", account.issuer.as_str().into()),
            ],
        ),
        (true, _) => account.label.clone(),
        (false, true) => account.issuer.clone(),
    }
}

/// The service's name for sentences: the account's issuer, or the feed's host without one.
pub fn service_of(account: &Account, link: &FeedLink) -> String {
    if account.issuer.is_empty() {
        link.host()
    } else {
        account.issuer.clone()
    }
}

/// The cached page of a feed, if it parses.
pub fn page_of(cached: &CachedFeed) -> Option<FeedPage> {
    serde_json::from_str(&cached.json).ok()
}

fn icon(event: &Event) -> &'static str {
    match event.kind {
        EventKind::SignIn => "sign-in",
        EventKind::OrderPlaced => "order",
        EventKind::BookingCreated => "booking",
        EventKind::StateChanged => "lock",
        EventKind::DocumentReceived => "document",
        _ => "change",
    }
}

impl ActivityContext {
    /// `at` in the computer's time zone; a date that cannot be moved there (at the very end of
    /// the representable range: a hostile feed, or a cache from before the client refused such
    /// pages) stays as it was rather than panic.
    fn local(&self, at: OffsetDateTime) -> OffsetDateTime {
        jiff::Timestamp::from_second(at.unix_timestamp())
            .ok()
            .map(|instant| self.zone.to_offset(instant).seconds())
            .and_then(|seconds| UtcOffset::from_whole_seconds(seconds).ok())
            .and_then(|offset| at.checked_to_offset(offset))
            .unwrap_or(at)
    }

    /// The time of day of `at` in the locale's form ("14:05", "2:05 PM").
    fn clock(&self, t: &Words, at: OffsetDateTime) -> String {
        let at = self.local(at);
        t.clock(jiff::civil::time(
            at.hour().cast_signed(),
            at.minute().cast_signed(),
            0,
            0,
        ))
    }

    /// The local day of `at`, as the locale writes days ("7 Dec", "7. Dez.").
    fn day_of(&self, at: OffsetDateTime) -> Option<jiff::civil::Date> {
        let day = self.local(at).date();
        jiff::civil::Date::new(
            i16::try_from(day.year()).ok()?,
            i8::try_from(u8::from(day.month())).ok()?,
            day.day().cast_signed(),
        )
        .ok()
    }

    /// "today at 14:05", "yesterday at 09:12" or "14:05, 18 Nov": a moment in a sentence.
    pub(crate) fn moment(&self, t: &Words, at: OffsetDateTime, now: OffsetDateTime) -> String {
        let (day, today) = (self.local(at).date(), self.local(now).date());
        let clock = self.clock(t, at);
        if day == today {
            t.with("moment-today", &[("clock", clock.into())])
        } else if today.previous_day() == Some(day) {
            t.with("moment-yesterday", &[("clock", clock.into())])
        } else {
            self.clock_and_day(t, at)
        }
    }

    /// "14:05, 18 Nov".
    fn clock_and_day(&self, t: &Words, at: OffsetDateTime) -> String {
        let day = self
            .day_of(at)
            .map(|day| t.day_month(day))
            .unwrap_or_default();
        t.with(
            "moment-day",
            &[("clock", self.clock(t, at).into()), ("day", day.into())],
        )
    }

    fn day_title(&self, t: &Words, at: OffsetDateTime, now: OffsetDateTime) -> String {
        let (day, today) = (self.local(at).date(), self.local(now).date());
        if day == today {
            t.get("today")
        } else if today.previous_day() == Some(day) {
            t.get("yesterday")
        } else {
            self.day_of(at)
                .map(|day| t.weekday_day_month(day))
                .unwrap_or_else(|| day.to_string())
        }
    }

    fn event_view(&self, t: &Words, event: &Event, page: &[Event], with_day: bool) -> EventView {
        let mut detail = Vec::new();
        if let Some(ip) = &event.ip {
            detail.push(ip.clone());
        }
        if let Some(agent) = &event.user_agent {
            detail.push(agent.chars().take(320).collect());
        }
        let time = if with_day {
            self.clock_and_day(t, event.occurred_at)
        } else {
            self.clock(t, event.occurred_at)
        };
        EventView {
            id: event.id.clone(),
            icon: icon(event),
            summary: words::summary(t, event),
            time,
            detail: detail.join(" · "),
            reasons: if event.flagged {
                words::reasons(t, event, page)
            } else {
                Vec::new()
            },
            warning: event.kind == EventKind::StateChanged
                || (event.kind == EventKind::SignIn
                    && !matches!(
                        event.outcome,
                        Some(vigil_core::activity::Outcome::Success) | None
                    )),
            verdict: match event.verdict {
                Some(Verdict::Mine) => Some(t.get("verdict-mine")),
                Some(Verdict::NotMine) => Some(t.get("verdict-not-mine")),
                None => None,
            },
            account: (String::new(), String::new()),
        }
    }

    /// Adds `view` to the day of `at` (events come newest first).
    fn push_by_day(
        &self,
        t: &Words,
        days: &mut Vec<DayView>,
        at: OffsetDateTime,
        now: OffsetDateTime,
        view: EventView,
    ) {
        let title = self.day_title(t, at, now);
        match days.last_mut() {
            Some(day) if day.title == title => day.events.push(view),
            _ => days.push(DayView {
                title,
                events: vec![view],
            }),
        }
    }

    /// The pane of one linked account, from its cached feed (if any).
    pub fn pane(
        &self,
        t: &Words,
        account: &Account,
        link: &FeedLink,
        cached: Option<&CachedFeed>,
        problem: Option<&str>,
    ) -> ActivityPane {
        let now = OffsetDateTime::now_utc();
        let service = service_of(account, link);
        let page = cached.and_then(page_of);
        let mut pane = ActivityPane {
            id: account.id.to_string(),
            service: service.clone(),
            label: account.label.clone(),
            host: link.host(),
            state: None,
            flagged: Vec::new(),
            days: Vec::new(),
            footer: String::new(),
            stale: problem.is_some(),
            empty: page.is_none(),
            more: page.as_ref().is_some_and(|p| p.next.is_some()),
            t: t.clone(),
        };
        let fetched_at = cached
            .and_then(|c| OffsetDateTime::from_unix_timestamp(c.fetched_at).ok())
            .unwrap_or(now);
        pane.footer = match (problem, &page) {
            (Some(problem), Some(_)) => t.with(
                "activity-stale",
                &[
                    ("problem", problem.into()),
                    ("clock", self.clock(t, fetched_at).into()),
                ],
            ),
            (Some(problem), None) => problem.to_owned(),
            (None, Some(_)) => updated_words(t, (now - fetched_at).whole_minutes()),
            (None, None) => t.with("activity-reading", &[("host", link.host().into())]),
        };
        let Some(page) = page else {
            return pane;
        };
        pane.state = Some(StateView {
            locked: page.account_state.is_locked(),
            in_review: page.account_state == AccountState::LockedPendingReview,
            text: match page.account_state {
                AccountState::Active => t.with(
                    "state-banner-active",
                    &[("service", service.as_str().into())],
                ),
                // After "This wasn't me" only the service's review unlocks (protocol v2).
                AccountState::LockedPendingVerification
                    if page
                        .events
                        .iter()
                        .any(|e| e.verdict == Some(Verdict::NotMine)) =>
                {
                    t.with(
                        "state-banner-not-mine",
                        &[("service", service.as_str().into())],
                    )
                }
                AccountState::LockedPendingVerification => t.with(
                    "state-banner-verify",
                    &[("service", service.as_str().into())],
                ),
                AccountState::LockedPendingReview => t.with(
                    "state-banner-review",
                    &[("service", service.as_str().into())],
                ),
            },
        });
        for event in &page.events {
            if event.awaits_answer() {
                pane.flagged
                    .push(self.event_view(t, event, &page.events, true));
                continue;
            }
            let view = self.event_view(t, event, &page.events, false);
            self.push_by_day(t, &mut pane.days, event.occurred_at, now, view);
        }
        pane
    }

    /// Every unanswered flagged event and every lock across `feeds` (account, cached feed).
    pub fn overview(&self, t: &Words, feeds: &[(Account, Option<CachedFeed>)]) -> Overview {
        let mut overview = Overview {
            accounts: Vec::new(),
            locked: Vec::new(),
            days: Vec::new(),
            t: t.clone(),
        };
        let pages: Vec<(&Account, FeedPage)> = feeds
            .iter()
            .filter_map(|(account, cached)| Some((account, cached.as_ref().and_then(page_of)?)))
            .collect();
        let mut recent: Vec<(&Account, &Event, &[Event])> = pages
            .iter()
            .flat_map(|(account, page)| {
                page.events
                    .iter()
                    .filter(|e| !e.awaits_answer())
                    .map(move |e| (*account, e, page.events.as_slice()))
            })
            .collect();
        recent.sort_by_key(|(_, event, _)| std::cmp::Reverse(event.occurred_at));
        let now = OffsetDateTime::now_utc();
        for (account, event, page) in recent.into_iter().take(OVERVIEW_EVENTS) {
            let mut view = self.event_view(t, event, page, false);
            view.account = (account.id.to_string(), name_of(t, account));
            self.push_by_day(t, &mut overview.days, event.occurred_at, now, view);
        }
        for (account, page) in &pages {
            let account = *account;
            let flagged: Vec<EventView> = page
                .events
                .iter()
                .filter(|e| e.awaits_answer())
                .map(|e| self.event_view(t, e, &page.events, true))
                .collect();
            if !flagged.is_empty() {
                overview
                    .accounts
                    .push((account.id.to_string(), name_of(t, account), flagged));
            } else if page.account_state.is_locked() {
                overview.locked.push((
                    account.id.to_string(),
                    name_of(t, account),
                    t.with(
                        "account-state",
                        &[("state", words::state_sentence(t, page.account_state).into())],
                    ),
                ));
            }
        }
        overview
    }
}

/// What the list marks on each linked account.
pub fn attention(feeds: &[(Account, Option<CachedFeed>)]) -> Vec<Attention> {
    feeds
        .iter()
        .filter_map(|(account, cached)| {
            let page = cached.as_ref().and_then(page_of)?;
            Some(Attention {
                id: account.id.to_string(),
                flagged: page.events.iter().filter(|e| e.awaits_answer()).count(),
                locked: page.account_state.is_locked(),
            })
        })
        .collect()
}

fn updated_words(t: &Words, minutes: i64) -> String {
    match minutes {
        ..=0 => t.get("updated-now"),
        1..=59 => t.with("updated-minutes", &[("count", minutes.into())]),
        _ => t.with("updated-hours", &[("count", (minutes / 60).into())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigil_core::OtpParams;
    use vigil_vault::AccountId;

    fn account() -> Account {
        Account {
            id: AccountId::new("a1"),
            issuer: "Shop <b>".into(),
            label: "alice".into(),
            params: OtpParams::totp(),
            position: 0,
            favourite: false,
            activity: Some("https://shop.example/v1/feed/x".into()),
            created_at: 0,
            groups: Vec::new(),
            last_used: 0,
            icon: vigil_vault::IconChoice::Automatic,
        }
    }

    #[test]
    fn times_take_the_offset_of_their_own_moment() {
        let context = ActivityContext {
            zone: jiff::tz::TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap(),
            ..ActivityContext::new()
        };
        let at = |text: &str| {
            OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).unwrap()
        };
        let british = Words::for_locale("en_GB.UTF-8");
        assert_eq!(
            context.clock(&british, at("2026-07-01T12:00:00Z")),
            "14:00",
            "summer"
        );
        assert_eq!(
            context.clock(&british, at("2026-01-15T12:00:00Z")),
            "13:00",
            "winter"
        );
        // The night the clocks go back: 00:30 and 01:30 UTC are both 02:30 there.
        assert_eq!(context.clock(&british, at("2026-10-25T00:30:00Z")), "02:30");
        assert_eq!(context.clock(&british, at("2026-10-25T01:30:00Z")), "02:30");
        // The locale's form: 12 hours in American English, 24 in German.
        let american = context.clock(
            &Words::for_locale("en_US.UTF-8"),
            at("2026-07-01T12:00:00Z"),
        );
        assert!(
            american.starts_with("2:00") && american.ends_with("PM"),
            "{american}"
        );
        let german = Words::for_locale("de_DE.UTF-8");
        assert_eq!(context.clock(&german, at("2026-07-01T12:00:00Z")), "14:00");
        assert_eq!(
            context.moment(
                &german,
                at("2026-07-01T12:00:00Z"),
                at("2026-07-01T18:00:00Z")
            ),
            "heute um 14:00"
        );
    }

    #[test]
    fn a_cached_date_at_the_end_of_the_range_renders_without_panic() {
        let feed = serde_json::json!({
            "account_state": "active", "state_reason": null,
            "server_time": "2026-11-25T07:00:00Z", "next": null,
            "events": [{
                "id": "e1", "kind": "sign_in", "occurred_at": "9999-12-31T23:59:59-23:59",
                "ip": null, "country": "NL", "user_agent": null,
                "device": {"browser": null, "os": null}, "outcome": "success",
                "details": {}, "flagged": true, "reasons": [], "verdict": null
            }]
        });
        let cached = CachedFeed {
            json: feed.to_string(),
            fetched_at: 1_764_054_000,
        };
        for zone in [
            jiff::tz::TimeZone::UTC,
            jiff::tz::TimeZone::fixed(jiff::tz::offset(14)),
        ] {
            let context = ActivityContext {
                zone,
                ..ActivityContext::new()
            };
            let link = FeedLink::parse("https://shop.example/v1/feed/x").unwrap();
            let html = context
                .pane(&Words::default(), &account(), &link, Some(&cached), None)
                .render()
                .unwrap();
            assert!(html.contains("Signed in from Netherlands"), "{html}");
            let overview = context
                .overview(&Words::default(), &[(account(), Some(cached.clone()))])
                .render()
                .unwrap();
            assert!(overview.contains("This wasn’t me"));
        }
    }

    #[test]
    fn hostile_feed_text_renders_as_text() {
        let long_agent = format!("Mozilla/5.0 {}", "A".repeat(5000));
        let feed = serde_json::json!({
            "account_state": "locked_pending_verification",
            "state_reason": "<script>alert(1)</script>",
            "server_time": "2026-11-25T07:00:00Z",
            "next": null,
            "events": [{
                "id": "e\"1", "kind": "sign_in", "occurred_at": "2026-11-25T06:59:00Z",
                "ip": "<img src=x onerror=alert(2)>", "country": "NL",
                "user_agent": long_agent,
                "device": {"browser": "<script>alert(3)</script>", "os": "\u{202E}sgnirts"},
                "outcome": "success", "details": {}, "flagged": true,
                "reasons": ["<b>new</b>_rule"], "verdict": null
            }, {
                "id": "e2", "kind": "order_placed", "occurred_at": "2026-11-24T06:59:00Z",
                "ip": null, "country": null, "user_agent": null,
                "device": {"browser": null, "os": null}, "outcome": null,
                "details": {"reference": "<img onerror=x>", "amount": "1", "currency": "EUR"},
                "flagged": false, "reasons": [], "verdict": null
            }]
        });
        let cached = CachedFeed {
            json: feed.to_string(),
            fetched_at: 1_764_054_000,
        };
        let context = ActivityContext::new();
        let link = FeedLink::parse("https://shop.example/v1/feed/x").unwrap();
        let html = context
            .pane(&Words::default(), &account(), &link, Some(&cached), None)
            .render()
            .unwrap();
        for raw in [
            "<script>",
            "<img",
            "<b>",
            "onerror=alert(2)>",
            "data-event=\"e\"1\"",
        ] {
            assert!(!html.contains(raw), "{raw} reached the page raw");
        }
        assert!(html.contains("&#60;img src=x onerror=alert(2)&#62;") || html.contains("&lt;img"));
        assert!(
            !html.contains(&"A".repeat(400)),
            "very long user agents are cut"
        );
        assert!(
            html.contains("Your account at Shop &#60;b&#62; is locked")
                || html.contains("Shop &lt;b&gt;")
        );
        let overview = context
            .overview(&Words::default(), &[(account(), Some(cached))])
            .render()
            .unwrap();
        assert!(!overview.contains("<script>") && !overview.contains("<b>"));
        assert!(overview.contains("This wasn’t me"));
        assert!(
            overview.contains("Recent activity")
                && overview.contains("data-action=\"open-activity\""),
            "the other events show under Recent activity, naming their account"
        );
    }
}
