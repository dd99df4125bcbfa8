//! `vigil export --uris`: a plain export that warns, and round-trips through `vigil add`.

use crate::support::Home;

#[test]
fn export_warns_and_round_trips() {
    let home = Home::new();
    let uris = [
        "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop&algorithm=SHA1&digits=6&period=30",
        "otpauth://hotp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Bank&algorithm=SHA256&digits=8&counter=3",
        "otpauth://steam/Steam:gaben?secret=KRUGS4ZANFZSA5DIMUQHIZLTOQQSA3LF&issuer=Steam&period=30",
    ];
    for uri in uris {
        home.ok(&["add", "--uri", uri]);
    }
    let run = home.run(&["export", "--uris"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("not encrypted"), "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines, uris);

    let other = Home::new();
    for line in &lines {
        other.ok(&["add", "--uri", line]);
    }
    assert_eq!(other.ok(&["export", "--uris"]), run.stdout);
    assert_eq!(
        other.ok(&["code", "shop", "--at", "1700000000"]),
        home.ok(&["code", "shop", "--at", "1700000000"])
    );
}

#[cfg(unix)]
#[test]
fn a_qr_export_is_made_new_and_private_never_over_a_file_or_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    home.ok(&[
        "add",
        "--uri",
        "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop",
    ]);
    let png = home.dir.path().join("shop.png");
    home.ok(&["export", "--qr", "shop", "--out", png.to_str().unwrap()]);
    let mode = std::fs::metadata(&png).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    // A file already there is not overwritten...
    let run = home.run(&["export", "--qr", "shop", "--out", png.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    // ...and a link planted where the export goes is not followed.
    let target = home.dir.path().join("elsewhere.txt");
    std::fs::write(&target, "keep me").unwrap();
    let link = home.dir.path().join("link.png");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let run = home.run(&["export", "--qr", "shop", "--out", link.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
}

#[test]
fn a_change_made_with_vigil_brings_the_automatic_backup_up_to_date() {
    let home = Home::new();
    home.ok(&[
        "add",
        "--uri",
        "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop",
    ]);
    // Backups turned on (as the app's dialog does) for this vault.
    let folder = home.dir.path().join("backups");
    {
        let store = vigil_vault::KeyringStore::new(home.service.clone());
        let mut vault = vigil_vault::Vault::open(home.dir.path(), store).unwrap();
        let settings = vigil_vault::BackupSettings {
            folder: folder.clone(),
            keep: 10,
        };
        let password = vigil_core::Sensitive::new("correct horse".to_owned());
        vault.enable_backups(&settings, Some(&password)).unwrap();
    }
    let count = || std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(count(), 1, "one made when turned on");
    home.ok(&["code", "shop"]);
    assert_eq!(count(), 1, "reading a code changes nothing");
    home.ok(&["rename", "shop", "--issuer", "Shop Ltd"]);
    assert_eq!(count(), 2, "the rename was backed up");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let newest = std::fs::read(files.last().unwrap()).unwrap();
    let password = vigil_core::Sensitive::new("correct horse".to_owned());
    let opened = vigil_core::import::import(&newest, Some(&password), None).unwrap();
    assert_eq!(opened.accounts[0].uri.issuer, "Shop Ltd");

    // A backup that cannot be written is said, and the change stands.
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::write(&folder, "not a folder").unwrap();
    let run = home.run(&["rename", "shop", "--issuer", "Shop Inc"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("the automatic backup was not made"),
        "{}",
        run.stderr
    );
    assert!(home.ok(&["list"]).contains("Shop Inc"));
}
