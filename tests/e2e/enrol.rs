//! Adding accounts from pictures (a chosen file), Google Authenticator exports (after a preview),
//! another authenticator's encrypted backup (its password asked, then a preview) and the typed
//! form, in the real window.

use vigil_core::qr::render_png;
use vigil_core::{OtpParams, OtpUri, Secret, migration};

use crate::accounts::SHOP;
use crate::support::{App, KeychainService};

/// Writes `bytes` to `name` in `dir` and returns the path as text.
fn file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// Chooses `path` in the add dialog's file chooser.
async fn choose(app: &App, path: &str) {
    app.click("#add-button").await;
    app.find("#file-input").await.send_keys(path).await.unwrap();
}

#[tokio::test]
async fn an_image_file_adds_its_account_and_a_picture_without_a_code_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let pictures = tempfile::tempdir().unwrap();
    let service = KeychainService::new("image");
    let app = App::start(dir.path(), &service.0).await;

    // A PNG of a white square: no QR code.
    let blank = {
        let mut png = Vec::new();
        image::GrayImage::from_pixel(300, 300, image::Luma([255]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        png
    };
    choose(&app, &file(pictures.path(), "blank.png", &blank)).await;
    let message = app.text_until("#add-error", |t| !t.is_empty()).await;
    assert_eq!(message, "No QR code found in this picture");
    // Not an image at all.
    app.find("#file-input")
        .await
        .send_keys(&file(pictures.path(), "notes.png", b"not a picture"))
        .await
        .unwrap();
    app.text_until("#add-error", |t| t.starts_with("This file is not an image"))
        .await;
    app.click("#add-choose [data-action=close]").await;
    assert_eq!(app.count("#list .row").await, 0);

    // The QR code of an account adds it at once, with the right code.
    let png = render_png(SHOP).unwrap();
    choose(&app, &file(pictures.path(), "shop.png", &png)).await;
    app.text_until(".row .issuer", |t| t == "Shop").await;
    let uri = OtpUri::parse(SHOP).unwrap();
    app.assert_code(".row .code", &uri.params, &uri.secret)
        .await;
    app.stop().await;
}

#[tokio::test]
async fn an_encrypted_backup_asks_its_password_then_previews_with_duplicates_marked() {
    use vigil_core::Sensitive;
    use vigil_core::export::aegis::{ScryptParams, write_encrypted};
    use vigil_core::import::ImportedAccount;

    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let service = KeychainService::new("backup");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri(SHOP).await;
    app.text_until("#list .row .issuer", |t| t == "Shop").await;

    let bank = OtpUri::new(
        "Bank",
        "bob@example.com",
        Secret::from_bytes(vec![9; 20]),
        OtpParams::totp(),
    );
    let accounts = vec![
        ImportedAccount {
            uri: OtpUri::parse(SHOP).unwrap(),
            groups: Vec::new(),
        },
        ImportedAccount {
            uri: bank,
            groups: vec!["Money".to_owned()],
        },
    ];
    let vault = write_encrypted(
        &accounts,
        &Sensitive::new("correct horse".to_owned()),
        &mut rand_core::OsRng,
        ScryptParams::AEGIS,
    )
    .unwrap();
    let path = file(files.path(), "aegis-backup.json", vault.as_bytes());

    app.click("#add-button").await;
    app.find("#backup-input")
        .await
        .send_keys(&path)
        .await
        .unwrap();
    let what = app
        .text_until("#backup-password-what", |t| !t.is_empty())
        .await;
    assert_eq!(what, "This is an Aegis backup, encrypted with a password.");
    // A wrong password says so, and the file waits for another try.
    app.find("#backup-password")
        .await
        .send_keys("battery staple")
        .await
        .unwrap();
    app.click("#backup-password-form button[type=submit]").await;
    app.text_until("#e-backup-password", |t| t.starts_with("Wrong password"))
        .await;
    assert_eq!(app.count("#list .row").await, 1, "nothing added");
    app.find("#backup-password")
        .await
        .send_keys("correct horse")
        .await
        .unwrap();
    app.click("#backup-password-form button[type=submit]").await;
    let title = app.text_until(".preview-title", |t| !t.is_empty()).await;
    assert_eq!(title, "2 accounts from an Aegis backup");
    // Shop is already in Vigil: marked and left unticked.
    assert_eq!(app.count("#preview-form input[name=pick]:checked").await, 1);
    let listed = app
        .text_until(".preview-list", |t| t.contains("Bank"))
        .await;
    assert_eq!(listed.matches("already in Vigil").count(), 1, "{listed}");
    app.click("#preview-form button[type=submit]").await;
    app.text_until("#toast", |t| t == "Added 1 account").await;
    assert_eq!(app.issuers().await, ["Shop", "Bank"]);
    // The backup's folder came along, in the vault every front end reads.
    let vault = vigil_vault::Vault::open_keychain(&vigil_vault::VaultLocation {
        data_dir: dir.path().to_path_buf(),
        keychain_service: service.0.clone(),
    })
    .unwrap();
    let bank = vault
        .accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.issuer == "Bank")
        .unwrap();
    assert_eq!(bank.groups, ["Money"]);

    // A file that is no backup says what Vigil reads.
    let notes = file(files.path(), "notes.json", br#"{"shopping": ["milk"]}"#);
    app.click("#add-button").await;
    app.find("#backup-input")
        .await
        .send_keys(&notes)
        .await
        .unwrap();
    app.text_until("#add-error", |t| {
        t.starts_with("This file is not a backup Vigil can read.")
    })
    .await;
    app.stop().await;
}

#[tokio::test]
async fn an_encrypted_backup_is_exported_after_the_password_twice_and_opens_again() {
    let dir = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let service = KeychainService::new("export-backup");
    let folder = exports.path().display().to_string();
    let app = App::start_with(
        dir.path(),
        &service.0,
        (1280, 800),
        &[("VIGIL_EXPORT_DIR", folder.as_str())],
    )
    .await;
    app.add_by_uri(SHOP).await;
    app.text_until("#list .row .issuer", |t| t == "Shop").await;

    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=export]").await;
    let typed = |css: &'static str, text: &'static str| {
        let app = &app;
        async move {
            let field = app.find(css).await;
            field.clear().await.unwrap();
            field.send_keys(text).await.unwrap();
        }
    };
    typed("#export-password", "correct horse").await;
    typed("#export-again", "correct horsy").await;
    app.click("#export-form button[type=submit]").await;
    app.text_until("#export-error", |t| {
        t == "The two passwords differ; type the same one twice"
    })
    .await;
    assert_eq!(
        std::fs::read_dir(exports.path()).unwrap().count(),
        0,
        "nothing written"
    );
    typed("#export-again", "correct horse").await;
    app.click("#export-form button[type=submit]").await;
    let toast = app.text_until("#toast", |t| t.starts_with("Saved")).await;
    let written: Vec<_> = std::fs::read_dir(exports.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1);
    assert_eq!(
        toast,
        format!("Saved 1 account to {}", written[0].display())
    );
    // Encrypted (no secret in the clear), and it opens with the password.
    let bytes = std::fs::read(&written[0]).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("JBSWY3DPEHPK3PXP"));
    let opened = vigil_core::import::import(
        &bytes,
        Some(&vigil_core::Sensitive::new("correct horse".to_owned())),
        None,
    )
    .unwrap();
    assert_eq!(opened.accounts.len(), 1);
    assert_eq!(
        opened.accounts[0].uri.secret,
        OtpUri::parse(SHOP).unwrap().secret
    );
    app.stop().await;
}

#[tokio::test]
async fn a_google_export_is_previewed_then_adds_what_was_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let pictures = tempfile::tempdir().unwrap();
    let service = KeychainService::new("export");
    let app = App::start(dir.path(), &service.0).await;
    let accounts: Vec<OtpUri> = ["Alpha", "Beta", "Gamma"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            OtpUri::new(
                name,
                "me@example.com",
                Secret::from_bytes(vec![i as u8 + 1; 20]),
                OtpParams::totp(),
            )
        })
        .collect();
    let uris = migration::encode(&accounts, 7).unwrap();
    let png = render_png(&uris[0]).unwrap();
    choose(&app, &file(pictures.path(), "export.png", &png)).await;
    let title = app.text_until(".preview-title", |t| !t.is_empty()).await;
    assert_eq!(title, "3 accounts from a Google Authenticator export");
    assert_eq!(app.count("#preview-form input[name=pick]:checked").await, 3);
    // Nothing is added before the person confirms.
    assert_eq!(app.count("#list .row").await, 0);
    // Untick Beta, then add.
    app.js(
        "document.querySelectorAll('#preview-form input[name=pick]')[1].click();",
        vec![],
    )
    .await;
    app.click("#preview-form button[type=submit]").await;
    app.text_until("#toast", |t| t == "Added 2 accounts").await;
    assert_eq!(app.issuers().await, ["Alpha", "Gamma"]);

    // The same export again: the two already added are marked and left unticked.
    choose(&app, &file(pictures.path(), "export.png", &png)).await;
    app.text_until(".preview-title", |t| !t.is_empty()).await;
    assert_eq!(app.count("#preview-form input[name=pick]:checked").await, 1);
    let listed = app
        .text_until(".preview-list", |t| t.contains("already in Vigil"))
        .await;
    assert_eq!(listed.matches("already in Vigil").count(), 2, "{listed}");
    app.click("#preview-form button[type=submit]").await;
    app.text_until("#toast", |t| t == "Added 1 account").await;
    assert_eq!(app.issuers().await, ["Alpha", "Gamma", "Beta"]);
    app.stop().await;
}

#[tokio::test]
async fn the_typed_form_checks_each_field_then_adds_the_account() {
    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("manual");
    let app = App::start(dir.path(), &service.0).await;
    app.click("#add-button").await;
    app.click("[data-action=manual]").await;
    app.find("#m-issuer")
        .await
        .send_keys("Forum")
        .await
        .unwrap();
    app.find("#m-secret")
        .await
        .send_keys("JBSW1Y3D")
        .await
        .unwrap();
    app.click("#manual-form button[type=submit]").await;
    let label_error = app.text_until("#e-label", |t| !t.is_empty()).await;
    assert_eq!(
        label_error,
        "Enter the account name, such as your email address"
    );
    let secret_error = app.text_until("#e-secret", |t| !t.is_empty()).await;
    assert_eq!(
        secret_error,
        "The secret key is not base32 (character '1' at 5)"
    );
    assert_eq!(app.count("#list .row").await, 0);

    // Fix both; choose 8 digits in the advanced part.
    app.find("#m-label").await.send_keys("dana").await.unwrap();
    let secret = app.find("#m-secret").await;
    secret.clear().await.unwrap();
    secret.send_keys("jbsw y3dp ehpk 3pxp").await.unwrap();
    app.click("#manual-form details summary").await;
    let digits = app.find("#m-digits").await;
    digits.clear().await.unwrap();
    digits.send_keys("8").await.unwrap();
    app.click("#manual-form button[type=submit]").await;
    app.text_until(".row .issuer", |t| t == "Forum").await;
    let mut params = OtpParams::totp();
    params.digits = 8;
    let secret = Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap();
    let shown = app.assert_code(".row .code", &params, &secret).await;
    assert_eq!(shown.len(), 9, "8 digits grouped as 4 + 4: {shown}");
    app.stop().await;
}
