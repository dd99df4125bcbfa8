//! Automatic backups in the real window: turned on in their dialog (the password twice), one
//! made at once, another after each change (by the app's background task, with the password
//! from the real keychain), the newest kept, and a failure shown on the page.

use std::path::{Path, PathBuf};

use crate::accounts::{BANK, MAIL, SHOP};
use crate::support::{App, KeychainService};

/// The automatic backups in `folder`, oldest first.
fn backups(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == "json"));
    found.sort();
    found
}

/// Waits (up to a minute) until `folder` holds a backup with `count` accounts; gives its path.
async fn backup_with(folder: &Path, count: usize) -> PathBuf {
    for _ in 0..600 {
        if let Some(newest) = backups(folder).pop() {
            let bytes = std::fs::read(&newest).unwrap();
            let password = vigil_core::Sensitive::new("correct horse".to_owned());
            let opened = vigil_core::import::import(&bytes, Some(&password), None).unwrap();
            if opened.accounts.len() == count {
                return newest;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no backup with {count} accounts in {}", folder.display());
}

#[tokio::test]
async fn automatic_backups_follow_every_change_keep_the_newest_and_a_failure_shows() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let folder = elsewhere.path().join("Vigil backups");
    let service = KeychainService::new("auto-backup");
    let app = App::start_with(
        dir.path(),
        &service.0,
        (1280, 800),
        &[("VIGIL_BACKUP_SECONDS", "1")],
    )
    .await;
    app.add_by_uri(SHOP).await;
    app.text_until("#list .row .issuer", |t| t == "Shop").await;

    app.click("#menu-button").await;
    app.click("#app-menu [data-menu=backups]").await;
    app.text_until("#backups-save", |t| t == "Turn on").await;
    let typed = |css: &'static str, text: String| {
        let app = &app;
        async move {
            let field = app.find(css).await;
            field.clear().await.unwrap();
            field.send_keys(&text).await.unwrap();
        }
    };
    typed("#backups-folder", folder.display().to_string()).await;
    typed("#backups-keep", "2".into()).await;
    typed("#backups-password", "correct horse".into()).await;
    typed("#backups-again", "correct horsy".into()).await;
    app.click("#backups-form button[type=submit]").await;
    app.text_until("#backups-error", |t| {
        t == "The two passwords differ; type the same one twice"
    })
    .await;
    assert!(backups(&folder).is_empty(), "nothing written");
    typed("#backups-password", "correct horse".into()).await;
    typed("#backups-again", "correct horse".into()).await;
    app.click("#backups-form button[type=submit]").await;
    app.text_until("#backups-state", |t| {
        t.starts_with("On. The last backup was made")
    })
    .await;
    let first = backup_with(&folder, 1).await;
    assert!(
        !std::fs::read_to_string(&first)
            .unwrap()
            .contains("JBSWY3DPEHPK3PXP"),
        "encrypted"
    );
    app.click("#backups-dialog [data-action=close]").await;

    // Each change is backed up in the background; only the newest two stay.
    app.add_by_uri(BANK).await;
    app.text_until("#list", |t| t.contains("Bank")).await;
    backup_with(&folder, 2).await;
    app.add_by_uri(MAIL).await;
    app.text_until("#list", |t| t.contains("Mail")).await;
    backup_with(&folder, 3).await;
    let kept = backups(&folder);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(!kept.contains(&first), "the oldest was removed");

    // The folder becomes unusable: the next change's backup fails, and the page says so.
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::write(&folder, "not a folder").unwrap();
    app.row_menu("Mail", "delete").await;
    app.click("#delete-confirm").await;
    let banner = app
        .text_until("#backup-banner-text", |t| {
            t.starts_with("The automatic backup failed")
        })
        .await;
    assert!(banner.contains("Vigil backups"), "{banner}");
    app.click("#backup-banner [data-action=open-backups]").await;
    app.text_until("#backups-failure", |t| {
        t.starts_with("The last backup failed")
    })
    .await;
    app.stop().await;
}
