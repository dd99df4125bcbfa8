//! Screenshots of the real app window (WebKitGTK under Xvfb, through WebDriver) for the README and
//! for looking at: the list, issuer icons, the app lock, a hundred long names, exporting a
//! backup, automatic backups, adding, a backup's password, the typed form, an export preview, the row menu, settings,
//! dark theme, the empty state and the keychain error, at each size in `VIGIL_SHOT_SIZES`
//! (default `1280x800 1024x1366`); then the activity views, list, adding and settings in German
//! and French (`-de`, `-fr`). `VIGIL_SHOTS_ONLY=activity` or `languages` takes only those. Run by
//! `scripts/screenshots`, which sets up the display.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use vigil_core::{OtpParams, OtpUri, Secret, migration};
use vigil_e2e::support::{App, KeychainService};
use vigil_server::Clock;
use vigil_server::testing::LocalService;

const DEMO: &[&str] = &[
    "otpauth://totp/Shop:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Shop",
    "otpauth://totp/Bank:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&digits=8&algorithm=SHA256",
    "otpauth://totp/Travel%20Co:alice.smith?secret=KRUGS4ZANFZSA5DIMUQHIZLTOQQSA3LF&issuer=Travel%20Co&period=60",
    "otpauth://hotp/VPN:alice?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=VPN&counter=0",
    "otpauth://steam/Steam:alice_games?secret=ONSWG4TFOQQHO2DBOQQGS4ZAORUGKIDBNZZXOZLS&issuer=Steam",
    "otpauth://totp/GitHub:alice-dev?secret=NBSWY3DPEB3W64TMMQQQ&issuer=GitHub",
];

async fn shoot(app: &App, out: &Path, name: &str, size: (u32, u32)) {
    tokio::time::sleep(Duration::from_millis(700)).await;
    let png = app.client.screenshot().await.unwrap();
    let path = out.join(format!("{name}-{}x{}.png", size.0, size.1));
    std::fs::write(&path, png).unwrap();
    println!("{}", path.display());
}

async fn close_dialogs(app: &App) {
    app.js(
        "document.querySelectorAll('dialog[open]').forEach((d) => d.close());",
        vec![],
    )
    .await;
}

async fn full_app(out: &Path, size: (u32, u32)) {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("shots");
    let app = App::start_with(dir.path(), &service.0, size, &[]).await;
    for uri in DEMO {
        app.add_by_uri(uri).await;
        app.find("#list .row").await;
    }
    app.text_until("#list .row:nth-child(6) .issuer", |t| t == "GitHub")
        .await;
    // Two groups, so the list shows its group filter beside the order.
    for (issuer, groups) in [("Bank", "Money"), ("Shop", "Money, Shopping")] {
        app.row_menu(issuer, "edit").await;
        let field = app.find("#edit-groups").await;
        field.send_keys(groups).await.unwrap();
        app.click("#edit-form button[type=submit]").await;
        app.text_until("#toast", |t| t == "Saved").await;
    }
    app.row_menu("Bank", "pin").await;
    app.text_until("#list .row:nth-child(1) .issuer", |t| t.contains("Bank"))
        .await;
    app.js("document.activeElement.blur();", vec![]).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    shoot(&app, out, "list", size).await;

    app.row_menu("Shop", "copy").await;
    app.js(
        "document.querySelector('#list .row:nth-child(3) .more').click();",
        vec![],
    )
    .await;
    shoot(&app, out, "menu", size).await;
    close_dialogs(&app).await;

    // An account's icon: the bundled icons found by name.
    app.row_menu("GitHub", "icon").await;
    app.find("#icon-list .icon-choice").await;
    app.find("#icon-search")
        .await
        .send_keys("git")
        .await
        .unwrap();
    app.text_until("#icon-list li:nth-child(3) .icon-choice", |t| !t.is_empty())
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    shoot(&app, out, "icons", size).await;
    close_dialogs(&app).await;

    // Export a backup, with the message for two passwords that differ.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=export]").await;
    for (field, text) in [
        ("#export-password", "correct horse"),
        ("#export-again", "correct horsy"),
    ] {
        app.find(field).await.send_keys(text).await.unwrap();
    }
    app.click("#export-form button[type=submit]").await;
    app.text_until("#export-error", |t| !t.is_empty()).await;
    shoot(&app, out, "export", size).await;
    close_dialogs(&app).await;

    // Automatic backups, turned on (one made at once).
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=backups]").await;
    let folder = dir.path().join("Vigil backups").display().to_string();
    for (field, text) in [
        ("#backups-folder", folder.as_str()),
        ("#backups-password", "correct horse"),
        ("#backups-again", "correct horse"),
    ] {
        let input = app.find(field).await;
        input.clear().await.unwrap();
        input.send_keys(text).await.unwrap();
    }
    app.click("#backups-form button[type=submit]").await;
    app.text_until("#backups-state", |t| t.starts_with("On."))
        .await;
    shoot(&app, out, "backups", size).await;
    close_dialogs(&app).await;

    app.click("#add-button").await;
    shoot(&app, out, "add", size).await;
    // An encrypted backup chosen: its password is asked.
    let backup = dir.path().join("aegis-backup.json");
    let accounts: Vec<vigil_core::import::ImportedAccount> = DEMO
        .iter()
        .map(|text| vigil_core::import::ImportedAccount {
            uri: OtpUri::parse(text).unwrap(),
            groups: Vec::new(),
        })
        .collect();
    let vault = vigil_core::export::aegis::write_encrypted(
        &accounts,
        &vigil_core::Sensitive::new("demo".to_owned()),
        &mut rand_core::OsRng,
        vigil_core::export::aegis::ScryptParams::AEGIS,
    )
    .unwrap();
    std::fs::write(&backup, vault).unwrap();
    app.find("#backup-input")
        .await
        .send_keys(&backup.display().to_string())
        .await
        .unwrap();
    app.text_until("#backup-password-what", |t| !t.is_empty())
        .await;
    shoot(&app, out, "import-password", size).await;
    app.click("#backup-password-form [data-action=back]").await;
    app.click("[data-action=manual]").await;
    app.find("#m-issuer")
        .await
        .send_keys("Forum")
        .await
        .unwrap();
    app.find("#m-secret")
        .await
        .send_keys("JBSW 1Y3D")
        .await
        .unwrap();
    app.click("#manual-form details summary").await;
    app.click("#manual-form button[type=submit]").await;
    app.text_until("#e-secret", |t| !t.is_empty()).await;
    shoot(&app, out, "add-key", size).await;
    close_dialogs(&app).await;

    let exported: Vec<OtpUri> = [
        ("Forum", "dana"),
        ("Mailer", "carol@example.com"),
        ("Cloud", "ops"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (issuer, label))| {
        OtpUri::new(
            issuer,
            label,
            Secret::from_bytes(vec![i as u8 + 9; 20]),
            OtpParams::totp(),
        )
    })
    .collect();
    let export = migration::encode(&exported, 3).unwrap().remove(0);
    app.add_by_uri(&export).await;
    app.text_until(".preview-title", |t| !t.is_empty()).await;
    shoot(&app, out, "preview", size).await;
    close_dialogs(&app).await;

    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=about]").await;
    shoot(&app, out, "about", size).await;
    close_dialogs(&app).await;

    // The app lock: its dialog (passwords that differ), then the locked window.
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    app.click("[data-action=open-lock]").await;
    for (field, text) in [
        ("#lock-password", "open sesame"),
        ("#lock-again", "open sesamy"),
    ] {
        app.find(field).await.send_keys(text).await.unwrap();
    }
    app.click("#lock-save").await;
    app.text_until("#lock-error", |t| !t.is_empty()).await;
    shoot(&app, out, "app-lock-settings", size).await;
    let again = app.find("#lock-again").await;
    again.clear().await.unwrap();
    again.send_keys("open sesame").await.unwrap();
    app.click("#lock-save").await;
    app.text_until("#toast", |t| t == "The app lock is on")
        .await;
    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=lock]").await;
    app.text_until(".lock h1", |t| !t.is_empty()).await;
    shoot(&app, out, "app-locked", size).await;
    app.find("#app-password")
        .await
        .send_keys("open sesame")
        .await
        .unwrap();
    app.click("#unlock-app-form button[type=submit]").await;
    app.find("#list .row").await;

    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=settings]").await;
    shoot(&app, out, "settings", size).await;
    app.click("#settings-form input[value=dark]").await;
    app.click("#settings-form button[type=submit]").await;
    app.text_until("#toast", |t| t == "Settings saved").await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    shoot(&app, out, "list-dark", size).await;
    app.stop().await;
}

/// A hundred accounts with long names (issuers of about 25 characters, e-mail labels).
async fn long_names(out: &Path, size: (u32, u32)) {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("shots-long");
    {
        let mut vault = vigil_vault::Vault::open_keychain(&vigil_vault::VaultLocation {
            data_dir: dir.path().to_path_buf(),
            keychain_service: service.0.clone(),
        })
        .unwrap();
        for i in 0..100u8 {
            let uri = OtpUri::new(
                &format!("Northern Savings Bank {i}"),
                &format!("customer.name.{i}@example-mail.com"),
                Secret::from_bytes(vec![i.wrapping_add(1); 20]),
                OtpParams::totp(),
            );
            vault.add(&uri).unwrap();
        }
    }
    let app = App::start_with(dir.path(), &service.0, size, &[]).await;
    app.text_until("#list .row:nth-child(100) .issuer", |t| !t.is_empty())
        .await;
    app.js("document.activeElement.blur();", vec![]).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    shoot(&app, out, "long-names", size).await;
    app.stop().await;
}

async fn empty_and_error(out: &Path, size: (u32, u32)) {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("shots-empty");
    let app = App::start_with(dir.path(), &service.0, size, &[]).await;
    app.text_until(".empty h1", |t| !t.is_empty()).await;
    app.js("document.activeElement.blur();", vec![]).await;
    shoot(&app, out, "empty", size).await;
    app.stop().await;

    let bus = [("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")];
    let app = App::start_with(dir.path(), &service.0, size, &bus).await;
    app.text_until(".fatal h1", |t| !t.is_empty()).await;
    shoot(&app, out, "error", size).await;
    app.stop().await;
}

/// The activity views against a real `vigil-server --demo` on 127.0.0.1: a customer's feed, a
/// locked account with its flagged sign-in, and the overview.
async fn activity(out: &Path, size: (u32, u32), lang: Option<&str>) {
    let locale = lang.map(|lang| format!("{lang}.UTF-8"));
    let suffix = lang
        .map(|lang| format!("-{}", &lang[..2]))
        .unwrap_or_default();
    let name = |shot: &str| format!("{shot}{suffix}");
    let mut env = vec![("VIGIL_ACTIVITY_SECONDS", "2")];
    if let Some(locale) = &locale {
        env.extend([("LANG", locale.as_str()), ("LC_ALL", locale.as_str())]);
    }
    let server = LocalService::start_with(Clock::system(), |config, dir| {
        config.demo = true;
        config.demo_uris = Some(dir.join("demo-uris.txt"));
    })
    .await;
    let uris = std::fs::read_to_string(server.dir.path().join("demo-uris.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("shots-activity");
    let app = App::start_with(dir.path(), &service.0, size, &env).await;
    for uri in DEMO.iter().take(2).copied().chain(uris.lines()) {
        app.add_by_uri(uri).await;
        if uri.contains("activity=") {
            app.click("#preview-form button[type=submit]").await;
        }
        app.find("#list .row").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    app.find("#list .row.attention").await;
    app.js("document.activeElement.blur();", vec![]).await;
    shoot(&app, out, &name("attention"), size).await;
    app.js(
        "const row = Array.from(document.querySelectorAll('#list .row')).find((r) => r.dataset.linked === 'true' && r.dataset.label.startsWith('bob'));
         row.querySelector('.activity-button').click();",
        vec![],
    )
    .await;
    app.text_until(".activity .updated", |t| !t.is_empty() && !t.ends_with('…'))
        .await;
    shoot(&app, out, &name("locked"), size).await;
    let bob_event = app
        .js(
            "return document.querySelector('.activity .flagged-card').dataset.event;",
            vec![],
        )
        .await;
    let bob_account = uris
        .lines()
        .filter_map(|line| vigil_core::OtpUri::parse(line).ok())
        .find(|uri| uri.label.starts_with("bob"))
        .and_then(|uri| uri.activity)
        .and_then(|feed| feed.rsplit('/').next().map(str::to_owned))
        .unwrap();
    app.js(
        "const row = Array.from(document.querySelectorAll('#list .row')).find((r) => r.dataset.linked === 'true' && r.dataset.label.startsWith('alice@'));
         row.querySelector('.activity-button').click();",
        vec![],
    )
    .await;
    app.text_until(".activity h2", |t| !t.is_empty()).await;
    app.text_until(".activity .updated", |t| !t.is_empty() && !t.ends_with('…'))
        .await;
    // The sessions part arrives after the pane.
    app.find(".activity .sessions").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    shoot(&app, out, &name("activity"), size).await;
    if lang.is_some() {
        // The list and the dialogs in this language too.
        app.click("[data-action=close-activity]").await;
        app.js("document.activeElement.blur();", vec![]).await;
        shoot(&app, out, &name("list"), size).await;
        app.click("#add-button").await;
        shoot(&app, out, &name("add"), size).await;
        app.click("[data-action=manual]").await;
        app.find("#m-secret")
            .await
            .send_keys("JBSW 1Y3D")
            .await
            .unwrap();
        app.click("#manual-form details summary").await;
        app.click("#manual-form button[type=submit]").await;
        app.text_until("#e-secret", |t| !t.is_empty()).await;
        shoot(&app, out, &name("add-key"), size).await;
        close_dialogs(&app).await;
        app.click("#menu-button").await;
        app.click("#app-menu [data-menu=settings]").await;
        shoot(&app, out, &name("settings"), size).await;
        close_dialogs(&app).await;
        app.stop().await;
        server.stop().await;
        return;
    }

    // The link of an alert email ("This wasn't me"), opened while the app runs.
    let link = format!(
        "vigil://activity?account={bob_account}&event={}&verdict=not_mine",
        bob_event.as_str().unwrap()
    );
    let status = std::process::Command::new(std::env::var("VIGIL_APP_BIN").unwrap())
        .arg(link)
        .env("VIGIL_DATA_DIR", dir.path())
        .env("VIGIL_KEYCHAIN_SERVICE", &service.0)
        .status()
        .unwrap();
    assert!(status.success());
    app.find("#not-mine-dialog[open]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    shoot(&app, out, "email-link", size).await;
    close_dialogs(&app).await;

    // The service's clock 2 minutes ahead of this computer's: the banner over the list.
    server.clock.advance(120);
    app.text_until("#clock-banner", |t| !t.is_empty()).await;
    app.js("document.activeElement.blur();", vec![]).await;
    shoot(&app, out, "clock", size).await;
    app.stop().await;
    server.stop().await;
}

#[tokio::main]
async fn main() {
    let out = PathBuf::from(
        std::env::var("VIGIL_SHOTS_DIR").unwrap_or_else(|_| "docs/screenshots".into()),
    );
    std::fs::create_dir_all(&out).unwrap();
    let sizes = std::env::var("VIGIL_SHOT_SIZES").unwrap_or_else(|_| "1280x800 1024x1366".into());
    for size in sizes.split_whitespace() {
        let (w, h) = size.split_once('x').expect("sizes look like 1280x800");
        let size = (w.parse().unwrap(), h.parse().unwrap());
        if std::env::var("VIGIL_SHOTS_ONLY").is_err() {
            full_app(&out, size).await;
            long_names(&out, size).await;
            empty_and_error(&out, size).await;
        }
        if std::env::var("VIGIL_SHOTS_ONLY").as_deref() != Ok("languages") {
            activity(&out, size, None).await;
        }
        // German and French: the activity views, the list, adding and settings.
        for lang in ["de_DE", "fr_FR"] {
            activity(&out, size, Some(lang)).await;
        }
    }
}
