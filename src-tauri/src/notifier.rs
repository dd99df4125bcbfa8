//! The one task that shows desktop notifications and answers their clicks.
//!
//! On Linux and the BSDs it speaks the freedesktop Notifications interface over one session-bus
//! connection: it sends each [`Alert`] with `Notify` (replacing that account's previous
//! notification, so a busy account never stacks up notifications) and listens to
//! `ActionInvoked` and `NotificationClosed` for all of them, so however many alerts come there is
//! one connection and one waiting task. A click brings the window forward with the event open.
//! Elsewhere `notify-rust` shows them without waiting for clicks. Tauri's notification plugin is
//! not used: on the desktop it drops the notification's handle, so a click cannot be answered.

use tauri::{AppHandle, Runtime};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use crate::alerts::Alert;

/// Where alerts are sent to be shown; managed by the app, cheap to use from any thread.
pub struct Notifier {
    sender: UnboundedSender<Alert>,
}

impl Notifier {
    /// Starts the task that shows alerts.
    pub fn start<R: Runtime>(app: AppHandle<R>) -> Notifier {
        let (sender, receiver) = unbounded_channel();
        tauri::async_runtime::spawn(run(app, receiver));
        Notifier { sender }
    }

    /// Shows `alert` (failures, such as no notification service, are ignored: the list's marks
    /// still say it).
    pub fn show(&self, alert: Alert) {
        let _ = self.sender.send(alert);
    }
}

/// Text for a notification body: servers may read it as markup, so `&`, `<` and `>` are escaped.
fn plain(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(all(unix, not(target_os = "macos"), not(mobile)))]
async fn run<R: Runtime>(app: AppHandle<R>, mut alerts: UnboundedReceiver<Alert>) {
    use std::collections::{HashMap, VecDeque};

    use futures_util::StreamExt;
    use vigil_vault::AccountId;

    use crate::state::OpenRequest;

    /// The notifications answered at most: older ones are forgotten (their clicks do nothing).
    const REMEMBERED: usize = 64;

    let Ok((bus, signals)) = FreedesktopBus::connect().await else {
        // No session bus: nothing can be shown; keep taking alerts so senders never block.
        while alerts.recv().await.is_some() {}
        return;
    };
    let mut signals = signals.fuse();
    // The notification shown for each account, and what each shown notification opens.
    let mut by_account: HashMap<AccountId, u32> = HashMap::new();
    let mut opens: VecDeque<(u32, Alert)> = VecDeque::new();
    loop {
        tokio::select! {
            alert = alerts.recv() => {
                let Some(alert) = alert else { return };
                let replaces = by_account.get(&alert.account).copied().unwrap_or(0);
                if let Ok(id) = bus.notify(&alert, replaces).await {
                    by_account.insert(alert.account.clone(), id);
                    opens.retain(|(shown, _)| *shown != id);
                    opens.push_back((id, alert));
                    if opens.len() > REMEMBERED {
                        opens.pop_front();
                    }
                }
            }
            Some(message) = signals.next() => {
                let Ok(message) = message else { continue };
                let header = message.header();
                match header.member().map(|m| m.as_str()) {
                    Some("ActionInvoked") => {
                        let Ok((id, action)) = message.body().deserialize::<(u32, String)>() else {
                            continue;
                        };
                        let clicked = opens.iter().find(|(shown, _)| *shown == id);
                        if let (Some((_, alert)), "default") = (clicked, action.as_str()) {
                            crate::alerts::open(
                                &app,
                                OpenRequest {
                                    account: alert.account.to_string(),
                                    event: alert.event.clone(),
                                    verdict: None,
                                    message: None,
                                },
                            );
                        }
                    }
                    Some("NotificationClosed") => {
                        if let Ok((id, _reason)) = message.body().deserialize::<(u32, u32)>() {
                            opens.retain(|(shown, _)| *shown != id);
                            by_account.retain(|_, shown| *shown != id);
                        }
                    }
                    _ => {}
                }
            }
            else => return,
        }
    }
}

/// One session-bus connection to the desktop's notification server.
#[cfg(all(unix, not(target_os = "macos"), not(mobile)))]
struct FreedesktopBus {
    connection: zbus::Connection,
}

#[cfg(all(unix, not(target_os = "macos"), not(mobile)))]
impl FreedesktopBus {
    const NAME: &'static str = "org.freedesktop.Notifications";
    const PATH: &'static str = "/org/freedesktop/Notifications";

    /// Connects, with the stream of the notification server's signals.
    async fn connect() -> zbus::Result<(FreedesktopBus, zbus::MessageStream)> {
        let connection = zbus::Connection::session().await?;
        let rule = zbus::MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .interface(Self::NAME)?
            .path(Self::PATH)?
            .build();
        let signals = zbus::MessageStream::for_match_rule(rule, &connection, Some(64)).await?;
        Ok((FreedesktopBus { connection }, signals))
    }

    /// Shows `alert`, replacing notification `replaces` (0: none); gives the new one's id.
    async fn notify(&self, alert: &Alert, replaces: u32) -> zbus::Result<u32> {
        let open = crate::error::current_words().get("notification-open");
        let hints: std::collections::HashMap<&str, zbus::zvariant::Value<'_>> =
            std::collections::HashMap::from([("desktop-entry", "Vigil".into())]);
        let reply = self
            .connection
            .call_method(
                Some(Self::NAME),
                Self::PATH,
                Some(Self::NAME),
                "Notify",
                &(
                    "Vigil",
                    replaces,
                    "",
                    alert.title.as_str(),
                    plain(&alert.body),
                    vec!["default", open.as_str()],
                    hints,
                    -1_i32,
                ),
            )
            .await?;
        reply.body().deserialize::<u32>()
    }
}

#[cfg(not(all(unix, not(target_os = "macos"), not(mobile))))]
async fn run<R: Runtime>(app: AppHandle<R>, mut alerts: UnboundedReceiver<Alert>) {
    drop(app);
    while let Some(alert) = alerts.recv().await {
        #[cfg(desktop)]
        let _ = tauri::async_runtime::spawn_blocking(move || {
            let _ = notify_rust::Notification::new()
                .appname("Vigil")
                .summary(&alert.title)
                .body(&plain(&alert.body))
                .show();
        })
        .await;
        #[cfg(mobile)]
        drop(alert);
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn bodies_cannot_carry_markup() {
        assert_eq!(plain("<b>x</b> & y"), "&lt;b&gt;x&lt;/b&gt; &amp; y");
    }
}
