//! Accessibility: axe-core (WCAG 2.2 A/AA and best practices, every impact) on every screen of
//! the real window: empty, the list, its menus and dialogs, the activity pane with a flagged
//! sign-in, the app lock and the keychain error. The report per screen is printed (run with
//! `--nocapture` to read it); any violation fails.

use serde_json::json;
use vigil_server::testing::LocalService;

use crate::accounts::{BANK, SHOP};
use crate::support::{App, KeychainService};

/// Runs axe on the screen as it is and records what it found under `name`.
async fn check(app: &App, name: &str, report: &mut Vec<(String, Vec<String>)>) {
    // A toast fading in or out is half transparent for 150 ms: wait until it is either shown or
    // gone, as a person reads it.
    for _ in 0..40 {
        let opacity = app
            .js(
                "const t = document.getElementById('toast');
                 return t ? getComputedStyle(t).opacity : '0';",
                vec![],
            )
            .await;
        if opacity == json!("0") || opacity == json!("1") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let found = app.axe().await;
    println!("axe {name}: {} violations", found.len());
    for line in &found {
        println!("  {line}");
    }
    report.push((name.to_owned(), found));
}

async fn close_dialogs(app: &App) {
    app.js(
        "document.querySelectorAll('dialog[open]').forEach((d) => d.close());",
        vec![],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_axe_core() {
    let server = LocalService::start().await;
    let created = server
        .enrol_with(json!({"external_id": "alice", "email": "alice@example.com", "issuer": "Travel Co", "label": "alice@example.com"}))
        .await;
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("a11y");
    let app = App::start_with(
        dir.path(),
        &service.0,
        (1280, 800),
        &[("VIGIL_ACTIVITY_SECONDS", "2")],
    )
    .await;
    let mut report = Vec::new();
    app.text_until(".empty h1", |t| !t.is_empty()).await;
    check(&app, "empty", &mut report).await;
    app.click("#add-button").await;
    app.find("#add-dialog[open]").await;
    check(&app, "add", &mut report).await;
    close_dialogs(&app).await;

    app.add_by_uri(SHOP).await;
    app.find("#list .row").await;
    app.add_by_uri(BANK).await;
    app.add_by_uri("otpauth://totp/GitHub:octo?secret=NBSWY3DPEB3W64TMMQQQ&issuer=GitHub")
        .await;
    app.text_until("#list .row:nth-child(3) .issuer", |t| t == "GitHub")
        .await;
    check(&app, "list", &mut report).await;

    // A screen reader hears a row's code and seconds on demand: its description (read on
    // focus) and Space (through the live region); "Copied" comes through the live region too.
    let shown = app
        .text_until("#list .row:nth-child(1) .code", |t| {
            t.chars().any(|c| c.is_ascii_digit())
        })
        .await;
    let row = app.find("#list .row:nth-child(1)").await;
    app.js(
        "arguments[0].focus();",
        vec![serde_json::to_value(&row).unwrap()],
    )
    .await;
    let described = app
        .js(
            "return arguments[0].getAttribute('aria-describedby');",
            vec![serde_json::to_value(&row).unwrap()],
        )
        .await;
    assert_eq!(described, json!("row-code"));
    let said = app
        .text_until("#row-code", |t| t.starts_with("Code "))
        .await;
    let seconds = said.rsplit(", ").next().unwrap_or("");
    assert!(seconds.ends_with("left"), "{said}");
    row.send_keys(" ").await.unwrap();
    let heard = app
        .text_until("#announce", |t| t.starts_with("Code "))
        .await;
    let digits: String = heard
        .chars()
        .take_while(|c| *c != ',')
        .filter(char::is_ascii_digit)
        .collect();
    let previous_or_now: String = shown.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(digits.len(), previous_or_now.len(), "{heard} / {shown}");
    row.send_keys("\u{E007}").await.unwrap(); // Enter copies
    app.text_until("#announce", |t| {
        t == "Copied the code of alice@example.com at Shop"
    })
    .await;

    app.row_menu("Shop", "edit").await;
    app.find("#edit-dialog[open]").await;
    check(&app, "edit", &mut report).await;
    close_dialogs(&app).await;
    app.row_menu("GitHub", "icon").await;
    app.find("#icon-list .icon-choice").await;
    check(&app, "icon", &mut report).await;
    close_dialogs(&app).await;
    app.js(
        "document.querySelector('#list .row .more').click();",
        vec![],
    )
    .await;
    app.find("#row-menu[open]").await;
    check(&app, "row menu", &mut report).await;
    close_dialogs(&app).await;
    app.click("#menu-button").await;
    app.find("#app-menu[open]").await;
    check(&app, "app menu", &mut report).await;
    close_dialogs(&app).await;
    for (item, dialog) in [
        ("settings", "settings-dialog"),
        ("backups", "backups-dialog"),
        ("export", "export-dialog"),
        ("about", "about-dialog"),
    ] {
        app.click("#menu-button").await;
        app.click(&format!("#app-menu [data-menu={item}]")).await;
        app.find(&format!("#{dialog}[open]")).await;
        check(&app, item, &mut report).await;
        close_dialogs(&app).await;
    }
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    app.click("[data-action=open-lock]").await;
    app.find("#lock-dialog[open]").await;
    check(&app, "app lock settings", &mut report).await;
    close_dialogs(&app).await;

    // A linked account with a flagged sign-in: the activity pane.
    app.add_by_uri(&created.text).await;
    app.text_until(".link-pick", |t| !t.is_empty()).await;
    app.click("#preview-form button[type=submit]").await;
    app.text_until("#list .row[data-linked=true] .issuer", |t| t == "Travel Co")
        .await;
    for (ip, offset) in [("8.8.8.8", 0), ("193.0.6.139", 1)] {
        server
            .verify(&created.id, &server.code(&created.uri.secret, offset), ip)
            .await;
    }
    app.find("#list .row.attention").await;
    app.find(".overview").await;
    check(&app, "overview", &mut report).await;
    app.click("#list .row.attention .activity-button").await;
    app.text_until(".activity[data-account] h2", |t| !t.is_empty())
        .await;
    check(&app, "activity", &mut report).await;

    // The app lock's page.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    app.click("[data-action=open-lock]").await;
    for field in ["#lock-password", "#lock-again"] {
        app.find(field)
            .await
            .send_keys("open sesame")
            .await
            .unwrap();
    }
    app.click("#lock-save").await;
    app.text_until("#toast", |t| t == "The app lock is on")
        .await;
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=lock]").await;
    app.find("#unlock-app-form").await;
    check(&app, "app locked", &mut report).await;
    app.stop().await;

    // The keychain error.
    let bus = [("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")];
    let app = App::start_with(dir.path(), &service.0, (1280, 800), &bus).await;
    app.text_until(".fatal h1", |t| !t.is_empty()).await;
    check(&app, "keychain error", &mut report).await;
    app.stop().await;

    let failing: Vec<String> = report
        .iter()
        .filter(|(_, found)| !found.is_empty())
        .map(|(name, found)| format!("{name}:\n  {}", found.join("\n  ")))
        .collect();
    assert!(
        failing.is_empty(),
        "axe-core violations:\n{}",
        failing.join("\n")
    );
}
