//! What reaches the person outside the account pane, end to end against a real `vigil-server`:
//! the clock banner and corrected codes when the service's clock differs, a desktop
//! notification (shown by a real notification server, dunst) whose click opens the flagged
//! event, and a `vigil://` link from an alert email opening the event and asking before it locks.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use vigil_core::OtpUri;
use vigil_server::Clock;
use vigil_server::testing::{Enrolled, LocalService};

use crate::support::{App, KeychainService};

/// A new account at the service, named `email` at `issuer`.
async fn enrol(server: &LocalService, email: &str, issuer: &str) -> Enrolled {
    server
        .enrol_with(json!({"external_id": email, "email": email, "issuer": issuer, "label": email}))
        .await
}

/// Adds `uri` in the app, accepting the offer to link its activity.
async fn add_linked(app: &App, uri: &OtpUri, issuer: &str) {
    app.add_by_uri(&uri.to_uri_string()).await;
    app.text_until(".link-pick", |t| !t.is_empty()).await;
    app.click("#preview-form button[type=submit]").await;
    app.text_until(
        &format!("#list .row[data-issuer=\"{issuer}\"] .issuer"),
        |t| t == issuer,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clock_minutes_off_shows_a_banner_and_codes_follow_the_service() {
    let clock = Clock::system();
    let server = LocalService::start_with(clock.clone(), |_, _| {}).await;
    let host = server.base.trim_start_matches("http://").to_owned();
    // The service's clock (and so every service) is 2 minutes ahead of this computer's.
    clock.advance(120);
    let Enrolled {
        id: account, uri, ..
    } = enrol(&server, "carol@example.com", "Clockwork").await;

    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("clock");
    let app = App::start_with(
        dir.path(),
        &service.0,
        (1280, 800),
        &[("VIGIL_ACTIVITY_SECONDS", "2")],
    )
    .await;
    add_linked(&app, &uri, "Clockwork").await;

    let banner = app.text_until("#clock-banner", |t| !t.is_empty()).await;
    assert_eq!(
        banner,
        format!(
            "This computer’s clock is 2 minutes behind ({host} says so). Vigil shows codes for \
             the right time at the linked services; set the clock to fix it everywhere."
        )
    );
    // The code on screen is the one for the service's time, and the service accepts it.
    let shown = app
        .assert_code_shifted(
            "#list .row[data-issuer=Clockwork] .code",
            &uri.params,
            &uri.secret,
            120,
        )
        .await;
    assert_eq!(
        server
            .verify(&account, &shown.replace(' ', ""), "8.8.8.8")
            .await
            .status(),
        200
    );
    // An account not linked to that service keeps this computer's time.
    let mail = OtpUri::parse(
        "otpauth://totp/Mail:carol@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Mail",
    )
    .unwrap();
    app.add_by_uri(&mail.to_uri_string()).await;
    app.assert_code(
        "#list .row[data-issuer=Mail] .code",
        &mail.params,
        &mail.secret,
    )
    .await;

    // With correction off, the codes follow this computer's clock and the banner says so.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    app.click("#s-clock").await;
    app.click("#settings-form button[type=submit]").await;
    app.text_until("#clock-banner", |t| t.contains("so codes may be refused"))
        .await;
    app.assert_code_shifted(
        "#list .row[data-issuer=Clockwork] .code",
        &uri.params,
        &uri.secret,
        0,
    )
    .await;
    app.stop().await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hostile_service_an_hour_off_moves_no_code_and_unlinking_forgets_it() {
    // An honest service, and a hostile one whose clock is an hour ahead.
    let honest = LocalService::start().await;
    let clock = Clock::system();
    let hostile = LocalService::start_with(clock.clone(), |_, _| {}).await;
    clock.advance(3600);
    let hostile_host = hostile.base.trim_start_matches("http://").to_owned();
    let bank = enrol(&honest, "dave@example.com", "Bank").await.uri;
    let evil = enrol(&hostile, "dave@example.com", "Evil").await.uri;
    let mail = OtpUri::parse(
        "otpauth://totp/Mail:dave@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Mail",
    )
    .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("hostile-clock");
    let app = App::start_with(
        dir.path(),
        &service.0,
        (1280, 800),
        &[("VIGIL_ACTIVITY_SECONDS", "2")],
    )
    .await;
    add_linked(&app, &bank, "Bank").await;
    add_linked(&app, &evil, "Evil").await;
    app.add_by_uri(&mail.to_uri_string()).await;
    app.text_until("#list .row[data-issuer=Mail] .issuer", |t| t == "Mail")
        .await;

    // The hostile reading is shown as a warning, and corrects nothing: not its own account's
    // codes (an hour is beyond the bound), not the other linked account's, not the unlinked one's.
    let banner = app
        .text_until("#clock-banner", |t| t.contains(&hostile_host))
        .await;
    assert_eq!(
        banner,
        format!(
            "{hostile_host} says this computer’s clock is 1 hour behind. That is too far to be \
             likely, so Vigil does not correct codes for it: check this computer’s clock."
        )
    );
    for (issuer, uri) in [("Bank", &bank), ("Evil", &evil), ("Mail", &mail)] {
        app.assert_code(
            &format!("#list .row[data-issuer={issuer}] .code"),
            &uri.params,
            &uri.secret,
        )
        .await;
    }

    // Unlinking the hostile account forgets its reading: the banner goes.
    app.row_menu("Evil", "unlink").await;
    app.text_until("#clock-banner", str::is_empty).await;
    app.stop().await;
    hostile.stop().await;
    honest.stop().await;
}

/// dunst, the notification server, on this test's session bus and display.
struct Notifications(Child);

impl Notifications {
    async fn start() -> Notifications {
        let running = Notifications(
            Command::new("dunst")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("dunst is installed by scripts/setup-system"),
        );
        for _ in 0..80 {
            if dunstctl(&["count", "displayed"]).is_some() {
                return running;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        panic!("dunst did not start");
    }

    /// Waits until `count` notifications are on screen.
    async fn wait_displayed(&self, count: usize) {
        let mut last = None;
        for _ in 0..80 {
            last = dunstctl(&["count", "displayed"]);
            if last.as_deref() == Some(&count.to_string()) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        panic!("expected {count} notifications on screen, dunst says {last:?}");
    }

    /// Summaries and bodies of the notifications closed so far.
    fn history(&self) -> Vec<(String, String)> {
        let text = dunstctl(&["history"]).unwrap_or_default();
        let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        json["data"][0]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| {
                (
                    n["summary"]["data"].as_str().unwrap_or("").to_owned(),
                    n["body"]["data"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    }
}

impl Drop for Notifications {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn dunstctl(args: &[&str]) -> Option<String> {
    let output = Command::new("dunstctl").args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notification_and_an_email_link_open_the_flagged_event() {
    let notifications = Notifications::start().await;
    let server = LocalService::start().await;
    let Enrolled {
        id: account, uri, ..
    } = enrol(&server, "dave@example.com", "Bank").await;

    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("alerts");
    let app = App::start_with(
        dir.path(),
        &service.0,
        (1280, 800),
        &[("VIGIL_ACTIVITY_SECONDS", "1")],
    )
    .await;
    add_linked(&app, &uri, "Bank").await;

    // Two countries minutes apart: the service flags the second sign-in and locks. The app's
    // next background read shows one notification, naming the account and the reason.
    assert_eq!(
        server
            .verify(&account, &server.code(&uri.secret, 0), "8.8.8.8")
            .await
            .status(),
        200
    );
    assert_eq!(
        server
            .verify(&account, &server.code(&uri.secret, 1), "193.0.6.139")
            .await
            .status(),
        200
    );
    notifications.wait_displayed(1).await;

    // Clicking it brings up the account's activity with that event picked out.
    dunstctl(&["action", "0"]).unwrap();
    let event = app
        .js(
            "const wait = (resolve) => { const card = document.querySelector('.activity .flagged-card.highlight');
               if (card) resolve(card.dataset.event); else setTimeout(() => wait(resolve), 200); };
             return await new Promise(wait);",
            vec![],
        )
        .await;
    let event = event.as_str().unwrap().to_owned();
    assert!(!event.is_empty());
    let title = app.text_until("#activity-title", |t| !t.is_empty()).await;
    assert_eq!(title, "Bank", "the pane is headed by the service");
    let under = app
        .text_until(".activity-head .quiet-text", |t| !t.is_empty())
        .await;
    assert!(
        under.starts_with("dave@example.com · activity from 127.0.0.1"),
        "{under}"
    );
    dunstctl(&["close"]).unwrap();
    notifications.wait_displayed(0).await;
    let shown = notifications.history();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, "Bank locked your account");
    assert!(
        shown[0].1.starts_with("Signed in from Netherlands")
            && shown[0].1.ends_with("Account: dave@example.com at Bank."),
        "{}",
        shown[0].1
    );

    // The alert email's link, opened while the app runs: a second start hands it over and
    // exits, and the app opens the event and asks before locking.
    app.click(".activity [data-action=close-activity]").await;
    let binary = std::env::var("VIGIL_APP_BIN").unwrap();
    let host = server.base.trim_start_matches("http://").to_owned();
    let link =
        format!("vigil://activity?service={host}&account={account}&event={event}&verdict=not_mine");
    let open_link = |link: String| {
        let mut second = Command::new(&binary)
            .arg(link)
            .env("VIGIL_DATA_DIR", dir.path())
            .env("VIGIL_KEYCHAIN_SERVICE", &service.0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        async move {
            for _ in 0..120 {
                if let Some(status) = second.try_wait().unwrap() {
                    return status;
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            let _ = second.kill();
            panic!("the second start did not hand the link over and exit");
        }
    };
    assert!(open_link(link).await.success());
    app.find("#not-mine-dialog[open]").await;
    let picked = app
        .js(
            "const card = document.querySelector('.activity .highlight'); return card ? card.dataset.event : null;",
            vec![],
        )
        .await;
    assert_eq!(picked, json!(event));
    app.click("#not-mine-confirm").await;
    app.text_until("#toast", |t| {
        t.starts_with("Your account at Bank is locked.")
    })
    .await;

    // A link for an account this vault does not have says so, and changes nothing; so does
    // one from another service that happens to use the same account id.
    assert!(
        open_link("vigil://activity?account=someone-else&event=e1".into())
            .await
            .success()
    );
    app.text_until("#toast", |t| {
        t.starts_with("This link is for an account that is not linked in Vigil.")
    })
    .await;
    assert!(
        open_link(format!(
            "vigil://activity?service=other.example&account={account}&event={event}&verdict=not_mine"
        ))
        .await
        .success()
    );
    app.text_until("#toast", |t| {
        t.starts_with("This link is for an account at other.example that is not linked in Vigil.")
    })
    .await;
    app.stop().await;

    // A link that starts the app: it opens at the (now answered) event.
    let link = format!("vigil://activity?account={account}&event={event}");
    let app = App::start_with_args(dir.path(), &service.0, (1280, 800), &[], &[&link]).await;
    app.find(".activity .event.highlight").await;
    let picked = app
        .js(
            "return document.querySelector('.activity .highlight').dataset.event;",
            vec![],
        )
        .await;
    assert_eq!(picked, json!(event));
    assert_eq!(app.count("#not-mine-dialog[open]").await, 0);
    app.stop().await;
    server.stop().await;
}

/// The X11 id of the app's window while it is shown (`xdotool`), if it is: the shown window
/// named Vigil that is window-sized (the tray icon may be a small window of the same name).
fn shown_window() -> Option<u32> {
    let output = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^Vigil$"])
        .output()
        .ok()?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.trim().parse::<u32>().ok())
        .find(|id| {
            let geometry = Command::new("xdotool")
                .args(["getwindowgeometry", &id.to_string()])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
                .unwrap_or_default();
            geometry
                .split("Geometry: ")
                .nth(1)
                .and_then(|g| g.split('x').next())
                .and_then(|w| w.trim().parse::<u32>().ok())
                .is_some_and(|width| width >= 300)
        })
}

/// Closes `window` as a window manager's close button does: a WM_DELETE_WINDOW message.
fn ask_to_close(window: u32) {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt, EventMask};
    let (conn, _) = x11rb::connect(None).unwrap();
    let atom = |name: &str| {
        conn.intern_atom(false, name.as_bytes())
            .unwrap()
            .reply()
            .unwrap()
            .atom
    };
    let (protocols, delete) = (atom("WM_PROTOCOLS"), atom("WM_DELETE_WINDOW"));
    let message = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
    conn.send_event(false, window, EventMask::NO_EVENT, message)
        .unwrap();
    conn.flush().unwrap();
}

/// Waits (up to 20 s) until the window is shown (`true`) or hidden (`false`).
async fn window_until(shown: bool) {
    for _ in 0..80 {
        if shown_window().is_some() == shown {
            return;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!(
        "the window never became {}",
        if shown { "shown" } else { "hidden" }
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closed_window_keeps_alerts_coming_and_the_alert_opens_it_at_the_event() {
    let notifications = Notifications::start().await;
    let server = LocalService::start().await;
    let Enrolled {
        id: account, uri, ..
    } = enrol(&server, "erin@example.com", "Bank").await;
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("background");
    let app = App::start_with(
        dir.path(),
        &service.0,
        (1280, 800),
        &[("VIGIL_ACTIVITY_SECONDS", "1")],
    )
    .await;
    add_linked(&app, &uri, "Bank").await;
    window_until(true).await;

    // A linked account: closing the window only hides it, and Vigil keeps reading the feed.
    // (Asked again while it shows: a close asked before the window is ready is not seen.)
    for _ in 0..40 {
        let Some(window) = shown_window() else { break };
        ask_to_close(window);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    window_until(false).await;
    assert_eq!(
        server
            .verify(&account, &server.code(&uri.secret, 0), "8.8.8.8")
            .await
            .status(),
        200
    );
    assert_eq!(
        server
            .verify(&account, &server.code(&uri.secret, 1), "193.0.6.139")
            .await
            .status(),
        200
    );
    notifications.wait_displayed(1).await;
    assert!(
        shown_window().is_none(),
        "the alert came with the window closed"
    );

    // Clicking the alert opens the window at the event.
    dunstctl(&["action", "0"]).unwrap();
    window_until(true).await;
    app.js(
        "const wait = (resolve) => { const card = document.querySelector('.activity .flagged-card.highlight');
           if (card) resolve(card.dataset.event); else setTimeout(() => wait(resolve), 200); };
         return await new Promise(wait);",
        vec![],
    )
    .await;
    assert_eq!(
        app.text_until("#activity-title", |t| !t.is_empty()).await,
        "Bank"
    );
    dunstctl(&["close"]).unwrap();
    app.stop().await;
}
