//! Desktop notifications for what a background feed read brought: one for each new flagged
//! event (saying the account and the reason) and one for a new lock. Clicking one opens the
//! event in the window.
//!
//! Shown with `notify-rust` rather than tauri's notification plugin: on the desktop the plugin
//! drops the notification's handle, so a click cannot be answered (ARCHITECTURE.md).

use tauri::{AppHandle, Manager, Runtime};
use vigil_activity::sync::News;
#[cfg(test)]
use vigil_activity::sync::news;
use vigil_activity::words;
use vigil_core::activity::FeedPage;
use vigil_vault::AccountId;

use crate::state::{AppState, OpenRequest};

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
    alerts_for(account, name, service, &news(previous, current), current)
}

/// The notifications for `news` in `current`: one per new flagged event (its reason in words),
/// and a lock; a lock that comes with new flagged events is said in the first of them rather
/// than in a notification of its own. `name` names the account ("alice@example.com at Shop") and
/// `service` its service.
pub fn alerts_for(
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
            let reasons = words::reasons(event, &current.events);
            let why = reasons
                .first()
                .cloned()
                .unwrap_or_else(|| words::summary(event));
            Alert {
                account: account.clone(),
                event: Some(event.id.clone()),
                title: format!("Was this you? {service}"),
                body: format!("{why}. Account: {name}."),
            }
        })
        .collect();
    if news.newly_locked {
        let locked = format!("{service} locked your account");
        match alerts.first_mut() {
            Some(first) => first.title = locked,
            None => alerts.push(Alert {
                account: account.clone(),
                event: None,
                title: locked,
                body: format!(
                    "{name} is {}.",
                    words::state_sentence(current.account_state)
                ),
            }),
        }
    }
    alerts
}

/// Text for a notification body: servers may read it as markup, so `&`, `<` and `>` are escaped.
fn plain(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Shows `alert`; a click brings the window forward with the event open. Failures (no
/// notification service) are ignored: the list's marks still say it.
#[cfg(desktop)]
pub fn show<R: Runtime>(app: &AppHandle<R>, alert: Alert) {
    let app = app.clone();
    // Waiting for the click blocks, so each notification gets a thread until it closes.
    let _ = std::thread::Builder::new()
        .name("notification".into())
        .spawn(move || {
            let mut notification = notify_rust::Notification::new();
            notification
                .appname("Vigil")
                .summary(&alert.title)
                .body(&plain(&alert.body))
                .action("default", "Open");
            let Ok(handle) = notification.show() else {
                return;
            };
            #[cfg(all(unix, not(target_os = "macos")))]
            handle.wait_for_action(|action| {
                if action == "default" {
                    open(
                        &app,
                        OpenRequest {
                            account: alert.account.to_string(),
                            event: alert.event.clone(),
                            verdict: None,
                            message: None,
                        },
                    );
                }
            });
            #[cfg(not(all(unix, not(target_os = "macos"))))]
            drop((handle, app));
        });
}

/// On mobile the list's marks say it (notifications there need the platform's own service).
#[cfg(mobile)]
pub fn show<R: Runtime>(_app: &AppHandle<R>, _alert: Alert) {}

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
    fn bodies_cannot_carry_markup() {
        assert_eq!(plain("<b>x</b> & y"), "&lt;b&gt;x&lt;/b&gt; &amp; y");
    }
}
