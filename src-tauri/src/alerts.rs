//! What a background feed read brought, as desktop notifications: one for each new flagged
//! event (saying the account and the reason) and one for a new lock, at most
//! [`MAX_ALERTS_PER_READ`] per read (more become one: "5 events at Shop need a look"); and
//! opening the event in the window when one is clicked. `notifier.rs` shows them.

use tauri::{AppHandle, Manager, Runtime};
use vigil_activity::sync::News;
#[cfg(test)]
use vigil_activity::sync::news;
use vigil_activity::words;
use vigil_core::activity::FeedPage;
use vigil_i18n::Words;
use vigil_vault::AccountId;

use crate::state::{AppState, OpenRequest};

/// More new flagged events than this in one read make one notification that counts them.
pub const MAX_ALERTS_PER_READ: usize = 3;

/// One notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// The account it is about.
    pub account: AccountId,
    /// The event to open when it is clicked (none for a lock without a new flagged event).
    pub event: Option<String>,
    /// The first line.
    pub title: String,
    /// The text under it.
    pub body: String,
}

impl Alert {
    /// The alert without the account's name or what happened, for while the app lock is on and
    /// locked: a notification shows on the desktop for anyone to read. Clicking it still opens
    /// the event, once Vigil is unlocked.
    pub fn discreet(self, t: &Words) -> Self {
        Self {
            title: t.get("alert-discreet-title"),
            body: t.get("alert-discreet-body"),
            ..self
        }
    }
}

/// What `current` brings that `previous` (the cached page before this read) did not, as
/// notifications ([`alerts_for`] of [`vigil_activity::sync::news`]; the tests' way in).
#[cfg(test)]
pub fn alerts(
    account: &AccountId,
    name: &str,
    service: &str,
    previous: Option<&FeedPage>,
    current: &FeedPage,
) -> Vec<Alert> {
    alerts_for(
        &Words::default(),
        account,
        name,
        service,
        &news(previous, current),
        current,
    )
}

/// The notifications for `news` in `current`: one per new flagged event (its reason in words),
/// and a lock; a lock that comes with new flagged events is said in the first of them rather
/// than in a notification of its own. `name` names the account ("alice@example.com at Shop") and
/// `service` its service.
pub fn alerts_for(
    t: &Words,
    account: &AccountId,
    name: &str,
    service: &str,
    news: &News,
    current: &FeedPage,
) -> Vec<Alert> {
    let mut alerts: Vec<Alert> = news
        .flagged
        .iter()
        .map(|event| {
            let reasons = words::reasons(t, event, &current.events);
            let why = reasons
                .first()
                .cloned()
                .unwrap_or_else(|| words::summary(t, event));
            Alert {
                account: account.clone(),
                event: Some(event.id.clone()),
                title: t.with("alert-was-this-you", &[("service", service.into())]),
                body: t.with("alert-body", &[("why", why.into()), ("name", name.into())]),
            }
        })
        .collect();
    if alerts.len() > MAX_ALERTS_PER_READ {
        let count = alerts.len();
        let newest = alerts.swap_remove(0);
        let why = news
            .flagged
            .first()
            .map(|event| {
                words::reasons(t, event, &current.events)
                    .first()
                    .cloned()
                    .unwrap_or_else(|| words::summary(t, event))
            })
            .unwrap_or_default();
        alerts = vec![Alert {
            title: t.with(
                "alert-many",
                &[("count", count.into()), ("service", service.into())],
            ),
            body: t.with(
                "alert-many-body",
                &[("why", why.into()), ("name", name.into())],
            ),
            ..newest
        }];
    }
    if news.newly_locked {
        let locked = t.with("alert-locked", &[("service", service.into())]);
        match alerts.first_mut() {
            Some(first) => first.title = locked,
            None => alerts.push(Alert {
                account: account.clone(),
                event: None,
                title: locked,
                body: t.with(
                    "alert-locked-body",
                    &[
                        ("name", name.into()),
                        (
                            "state",
                            words::state_sentence(t, current.account_state).into(),
                        ),
                    ],
                ),
            }),
        }
    }
    alerts
}

/// Brings the window forward and asks the page to open `request` (it reads it with the
/// activity status, which this makes it ask for at once).
pub fn open<R: Runtime>(app: &AppHandle<R>, request: OpenRequest) {
    app.state::<AppState>().feeds.set_open_request(request);
    if let Some(window) = bring_forward(app) {
        let _ = window.eval("window.vigilOpenRequested && window.vigilOpenRequested()");
    }
}

/// Unminimises, shows and focuses the main window; gives it, if there is one.
pub fn bring_forward<R: Runtime>(app: &AppHandle<R>) -> Option<tauri::WebviewWindow<R>> {
    let window = app.get_webview_window("main")?;
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
    Some(window)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigil_core::activity::AccountState;

    fn page(state: AccountState, events: serde_json::Value) -> FeedPage {
        serde_json::from_value(serde_json::json!({
            "account_state": state, "state_reason": null,
            "server_time": "2026-11-25T08:00:00Z", "events": events, "next": null,
        }))
        .unwrap()
    }

    fn sign_in(id: &str, country: &str, flagged: bool, verdict: Option<&str>) -> serde_json::Value {
        let minute = if flagged { 50 } else { 30 };
        serde_json::json!({
            "id": id, "kind": "sign_in", "occurred_at": format!("2026-11-25T07:{minute}:00Z"),
            "ip": "193.0.6.139", "country": country, "user_agent": null,
            "device": {"browser": "Firefox", "os": "Linux"}, "outcome": "success",
            "details": {}, "flagged": flagged,
            "reasons": if flagged { vec!["new_country_too_soon"] } else { vec![] },
            "verdict": verdict,
        })
    }

    #[test]
    fn a_discreet_alert_names_nothing_and_still_opens_the_event() {
        let alert = Alert {
            account: vigil_vault::AccountId::new("a1"),
            event: Some("e1".into()),
            title: "Shop: sign-in from Brazil".into(),
            body: "alice@example.com · Chrome on Android".into(),
        }
        .discreet(&Words::default());
        assert_eq!(alert.event.as_deref(), Some("e1"));
        assert_eq!(alert.account.as_str(), "a1");
        for text in [&alert.title, &alert.body] {
            assert!(!text.contains("Shop") && !text.contains("alice") && !text.contains("Brazil"));
        }
    }

    #[test]
    fn a_new_flagged_event_and_its_lock_make_one_notification() {
        let id = AccountId::new("a1");
        let before = page(
            AccountState::Active,
            serde_json::json!([sign_in("e1", "US", false, None)]),
        );
        let after = page(
            AccountState::LockedPendingVerification,
            serde_json::json!([
                sign_in("e2", "NL", true, None),
                sign_in("e1", "US", false, None)
            ]),
        );
        let alerts = alerts(&id, "alice at Shop", "Shop", Some(&before), &after);
        assert_eq!(alerts.len(), 1, "{alerts:#?}");
        assert_eq!(alerts[0].event.as_deref(), Some("e2"));
        assert_eq!(alerts[0].title, "Shop locked your account");
        assert!(
            alerts[0].body.starts_with("Signed in from Netherlands")
                && alerts[0].body.ends_with("Account: alice at Shop."),
            "{}",
            alerts[0].body
        );
    }

    #[test]
    fn nothing_new_means_no_notification_and_answered_events_stay_quiet() {
        let id = AccountId::new("a1");
        let flagged = page(
            AccountState::LockedPendingVerification,
            serde_json::json!([sign_in("e2", "NL", true, None)]),
        );
        assert!(alerts(&id, "n", "Shop", Some(&flagged), &flagged).is_empty());
        let answered = page(
            AccountState::Active,
            serde_json::json!([sign_in("e3", "BR", true, Some("mine"))]),
        );
        assert!(alerts(&id, "n", "Shop", Some(&flagged), &answered).is_empty());
        // A second flagged event while already locked: one notification, not about the lock.
        let more = page(
            AccountState::LockedPendingVerification,
            serde_json::json!([
                sign_in("e4", "BR", true, None),
                sign_in("e2", "NL", true, None)
            ]),
        );
        let second = alerts(&id, "n", "Shop", Some(&flagged), &more);
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].title, "Was this you? Shop");
    }

    #[test]
    fn a_lock_without_a_flagged_event_is_said_on_its_own() {
        let id = AccountId::new("a1");
        let active = page(AccountState::Active, serde_json::json!([]));
        let locked = page(AccountState::LockedPendingReview, serde_json::json!([]));
        let alerts = alerts(&id, "alice at Shop", "Shop", Some(&active), &locked);
        assert_eq!(alerts.len(), 1);
        assert_eq!(alerts[0].event, None);
        assert_eq!(
            alerts[0].body,
            "alice at Shop is locked: the service is reviewing it."
        );
    }

    #[test]
    fn many_flagged_events_in_one_read_make_one_notification_that_counts_them() {
        let id = AccountId::new("a1");
        let before = page(AccountState::Active, serde_json::json!([]));
        let events: Vec<serde_json::Value> = (0..100)
            .map(|n| sign_in(&format!("e{n}"), "NL", true, None))
            .collect();
        let flood = page(AccountState::Active, serde_json::Value::Array(events));
        let alerts = alerts(&id, "alice at Shop", "Shop", Some(&before), &flood);
        assert_eq!(alerts.len(), 1, "{alerts:#?}");
        assert_eq!(alerts[0].title, "100 events at Shop need a look");
        assert_eq!(alerts[0].event.as_deref(), Some("e0"), "the newest opens");
        assert!(
            alerts[0].body.starts_with("The newest: Signed in from")
                && alerts[0].body.ends_with(". Account: alice at Shop."),
            "{}",
            alerts[0].body
        );
        // Up to the cap, each has its own.
        let few = page(
            AccountState::Active,
            serde_json::json!([
                sign_in("e1", "NL", true, None),
                sign_in("e2", "BR", true, None),
                sign_in("e3", "US", true, None)
            ]),
        );
        assert_eq!(
            super::alerts(&id, "n", "Shop", Some(&before), &few).len(),
            3
        );
    }
}
