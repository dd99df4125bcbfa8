//! `vigil import` and `vigil export --aegis`: Vigil's encrypted backup round-trips, other
//! formats import with per-entry problems named, and every bad file or password stores nothing.

use crate::support::Home;

const SHOP: &str = "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop";
const BANK: &str = "otpauth://hotp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Bank&algorithm=SHA256&digits=8&counter=3";

/// A Home with Shop and Bank.
fn two_accounts() -> Home {
    let home = Home::new();
    home.ok(&["add", "--uri", SHOP]);
    home.ok(&["add", "--uri", BANK]);
    home
}

#[test]
fn an_encrypted_backup_round_trips_and_a_second_import_skips_duplicates() {
    let home = two_accounts();
    let backup = home.dir.path().join("vigil-backup.json");
    let path = backup.to_str().unwrap();
    let run = home.with_stdin(
        &["export", "--aegis", "--out", path, "--password-stdin"],
        "correct horse\n",
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Wrote 2 accounts"), "{}", run.stdout);
    let written = std::fs::read_to_string(&backup).unwrap();
    assert!(!written.contains("JBSWY3DPEHPK3PXP"), "never in the clear");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Not over an existing file.
    let again = home.with_stdin(
        &["export", "--aegis", "--out", path, "--password-stdin"],
        "correct horse\n",
    );
    assert_eq!(again.status, 2, "{}", again.stderr);

    let other = Home::new();
    let run = other.with_stdin(&["import", path, "--password-stdin"], "correct horse\n");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("2 added, 0 skipped, 0 left out (from a aegis backup)"),
        "{}",
        run.stdout
    );
    for account in ["shop", "bank"] {
        assert_eq!(
            other.ok(&["code", account, "--at", "1700000000"]),
            home.ok(&["code", account, "--at", "1700000000"])
        );
    }
    // Again: both are already there, named, and nothing is added twice.
    let run = other.with_stdin(&["import", path, "--password-stdin"], "correct horse\n");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Skipped Shop (alice): already in Vigil"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("0 added, 2 skipped"), "{}", run.stdout);
}

#[test]
fn a_wrong_or_missing_password_stores_nothing_and_says_how() {
    let home = two_accounts();
    let backup = home.dir.path().join("backup.json");
    let path = backup.to_str().unwrap();
    home.with_stdin(
        &["export", "--aegis", "--out", path, "--password-stdin"],
        "right\n",
    );
    let other = Home::new();
    let run = other.with_stdin(&["import", path, "--password-stdin"], "wrong\n");
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.to_lowercase().contains("wrong password"),
        "{}",
        run.stderr
    );
    // Without a terminal or --password-stdin: exit 2, saying how to give it.
    let run = other.with_stdin(&["import", path], "");
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is encrypted") && run.stderr.contains("--password-stdin"),
        "{}",
        run.stderr
    );
    assert_eq!(other.ok(&["list", "--json"]).trim(), "[]");
}

#[test]
fn otpauth_lines_import_with_bad_lines_named_and_dry_run_stores_nothing() {
    let home = Home::new();
    let file = home.dir.path().join("accounts.txt");
    std::fs::write(
        &file,
        format!("# exported\n{SHOP}\notpauth://totp/Broken?secret=not-base32!\n{BANK}\n"),
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let run = home.run(&["import", path, "--dry-run", "--json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["format"], "uris");
    assert_eq!(json["dry_run"], true);
    assert_eq!(
        json["added"],
        serde_json::json!(["Shop (alice)", "Bank (bob)"])
    );
    assert_eq!(json["left_out"][0]["name"], "line 3");
    assert_eq!(
        home.ok(&["list", "--json"]).trim(),
        "[]",
        "a dry run stores nothing"
    );

    let run = home.run(&["import", path]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Left out line 3"), "{}", run.stdout);
    assert!(
        run.stdout.contains("2 added, 0 skipped, 1 left out"),
        "{}",
        run.stdout
    );
}

#[test]
fn files_that_are_not_backups_are_refused_by_name() {
    let home = Home::new();
    let file = home.dir.path().join("notes.json");
    std::fs::write(&file, r#"{"shopping": ["milk"]}"#).unwrap();
    let run = home.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("notes.json"), "{}", run.stderr);

    // A format that does not match the content.
    let run = home.run(&["import", file.to_str().unwrap(), "--format", "2fas"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let run = home.run(&["import", file.to_str().unwrap(), "--format", "nonsense"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("unknown format 'nonsense'"),
        "{}",
        run.stderr
    );

    // A huge file is refused before it is read.
    let huge = home.dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(64 * 1024 * 1024)
        .unwrap();
    let run = home.run(&["import", huge.to_str().unwrap()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("too large"), "{}", run.stderr);
    assert_eq!(home.ok(&["list", "--json"]).trim(), "[]");
}

#[test]
fn groups_are_kept_through_import_export_and_reimport_and_list_filters_by_them() {
    let home = Home::new();
    let file = home.dir.path().join("aegis-plain.json");
    std::fs::write(
        &file,
        r#"{"version": 1, "header": {"slots": null, "params": null}, "db": {"version": 3,
            "entries": [
              {"type": "totp", "uuid": "8f1d0c7e-0000-4000-8000-000000000001", "name": "alice",
               "issuer": "Shop", "note": "", "favorite": false, "icon": null,
               "info": {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA1", "digits": 6, "period": 30},
               "groups": ["5b2f6c1a-0000-4000-8000-00000000000a"]},
              {"type": "totp", "uuid": "8f1d0c7e-0000-4000-8000-000000000002", "name": "bob",
               "issuer": "Bank", "note": "", "favorite": false, "icon": null,
               "info": {"secret": "GEZDGNBVGY3TQOJQ", "algo": "SHA1", "digits": 6, "period": 30},
               "groups": []}],
            "groups": [{"uuid": "5b2f6c1a-0000-4000-8000-00000000000a", "name": "Work"}]}}"#,
    )
    .unwrap();
    let run = home.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let work = home.ok(&["list", "--group", "work", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&work).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{work}");
    assert_eq!(rows[0]["issuer"], "Shop");
    assert_eq!(rows[0]["groups"], serde_json::json!(["Work"]));
    assert!(
        home.ok(&["list", "--group", "Home"])
            .contains("No account is in the group Home")
    );

    // Through Vigil's encrypted backup and back, the group stays.
    let backup = home.dir.path().join("backup.json");
    let path = backup.to_str().unwrap();
    let run = home.with_stdin(
        &["export", "--aegis", "--out", path, "--password-stdin"],
        "pw\n",
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let other = Home::new();
    let run = other.with_stdin(&["import", path, "--password-stdin"], "pw\n");
    assert_eq!(run.status, 0, "{}", run.stderr);
    let rows: serde_json::Value =
        serde_json::from_str(&other.ok(&["list", "--group", "Work", "--json"])).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["issuer"], "Shop");
}
