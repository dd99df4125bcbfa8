//! Adding, listing, using, renaming and removing accounts through `vigil` on the real keychain.

use std::process::Command;

use crate::support::{Home, oathtool_totp};

#[test]
fn add_list_code_rename_remove() {
    let home = Home::new();
    let out = home.ok(&[
        "add",
        "--uri",
        "otpauth://totp/Shop:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Shop",
    ]);
    assert_eq!(out.trim(), "Added Shop (alice@example.com)");
    home.ok(&[
        "add",
        "--uri",
        "otpauth://hotp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0",
    ]);

    let list = home.ok(&["list"]);
    assert!(
        list.contains("Shop") && list.contains("alice@example.com") && list.contains("totp"),
        "{list}"
    );
    assert!(list.contains("Bank") && list.contains("hotp"), "{list}");
    assert!(!list.contains("JBSWY3DPEHPK3PXP"));

    let json: serde_json::Value = serde_json::from_str(&home.ok(&["list", "--json"])).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["issuer"], "Shop");
    assert_eq!(rows[0]["digits"], 6);
    assert_eq!(rows[0]["period"], 30);
    assert_eq!(rows[1]["type"], "hotp");
    assert_eq!(rows[0]["secret"], "ok");
    assert!(!json.to_string().contains("JBSWY3DPEHPK3PXP"));

    // The secret really is in the Secret Service.
    let id = rows[0]["id"].as_str().unwrap();
    let lookup = Command::new("secret-tool")
        .args(["lookup", "service", &home.service, "username", id])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&lookup.stdout), "JBSWY3DPEHPK3PXP");

    let code = home.ok(&["code", "shop", "--at", "1700000000"]);
    assert_eq!(
        code.trim(),
        oathtool_totp("JBSWY3DPEHPK3PXP", 1_700_000_000, &[])
    );

    // HOTP: the current counter's code, then --next advances (RFC 4226 vectors).
    assert_eq!(home.ok(&["code", "bank"]).trim(), "755224");
    assert_eq!(home.ok(&["code", "bank", "--next"]).trim(), "287082");
    assert_eq!(home.ok(&["code", "bank"]).trim(), "287082");

    let out = home.ok(&["rename", "alice", "--issuer", "Shop Ltd"]);
    assert_eq!(
        out.trim(),
        "Renamed Shop (alice@example.com) to Shop Ltd (alice@example.com)"
    );
    assert!(home.ok(&["list"]).contains("Shop Ltd"));

    let refused = home.run(&["remove", "Shop Ltd"]);
    assert_eq!(refused.status, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("without --yes"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        home.ok(&["remove", "Shop Ltd", "--yes"]).trim(),
        "Removed Shop Ltd (alice@example.com)"
    );
    let lookup = Command::new("secret-tool")
        .args(["lookup", "service", &home.service, "username", id])
        .output()
        .unwrap();
    assert!(lookup.stdout.is_empty());
    assert!(!home.ok(&["list"]).contains("Shop"));
}

#[test]
fn duplicates_are_refused_naming_the_account() {
    let home = Home::new();
    let uri = "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP";
    home.ok(&["add", "--uri", uri]);
    let again = home.run(&[
        "add",
        "--uri",
        "otpauth://totp/shop:alice?secret=jbsw-y3dp-ehpk-3pxp",
    ]);
    assert_eq!(again.status, 2);
    assert_eq!(
        again.stderr.trim(),
        "vigil: Shop (alice) is already in Vigil with the same secret"
    );
}

#[test]
fn google_export_adds_every_account() {
    let home = Home::new();
    let export = "otpauth-migration://offline?data=CjUKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACj37ZWXBA%3D%3D";
    let out = home.ok(&["add", "--uri", export]);
    assert!(out.contains("Added Example (alice@google.com)"), "{out}");
    assert!(out.contains("1 added, 0 skipped"), "{out}");
    let again = home.ok(&["add", "--uri", export]);
    assert!(again.contains("0 added, 1 skipped"), "{again}");
}

#[test]
fn two_processes_at_once_stay_consistent() {
    let home = Home::new();
    home.ok(&["list"]);
    let children: Vec<_> = (0..2)
        .map(|p| {
            let script: Vec<String> = (0..6)
                .map(|i| {
                    // Distinct secrets for every account of both processes.
                    let secret = data_encoding_like(&format!("p{p}a{i}xxxxx"));
                    format!("otpauth://totp/P{p}:a{i}?secret={secret}")
                })
                .collect();
            script
                .iter()
                .map(|uri| home.command(&["add", "--uri", uri]))
                .collect::<Vec<_>>()
        })
        .collect();
    std::thread::scope(|scope| {
        for commands in children {
            scope.spawn(move || {
                for mut command in commands {
                    let output = command.output().unwrap();
                    assert!(
                        output.status.success(),
                        "{}",
                        String::from_utf8_lossy(&output.stderr)
                    );
                }
            });
        }
    });
    let json: serde_json::Value = serde_json::from_str(&home.ok(&["list", "--json"])).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 12);
    assert!(rows.iter().all(|r| r["secret"] == "ok"));
}

/// Base32 of short ASCII text (enough for distinct test secrets).
fn data_encoding_like(text: &str) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = String::new();
    for byte in text.bytes() {
        bits = (bits << 8) | u32::from(byte);
        count += 8;
        while count >= 5 {
            count -= 5;
            out.push(char::from(ALPHABET[((bits >> count) & 31) as usize]));
        }
    }
    if count > 0 {
        out.push(char::from(ALPHABET[((bits << (5 - count)) & 31) as usize]));
    }
    out
}

#[test]
fn names_with_terminal_controls_are_printed_escaped() {
    let home = Home::new();
    // ESC ] 0 ; … BEL would retitle the terminal; U+202E would reverse what follows.
    home.ok(&[
        "add",
        "--uri",
        "otpauth://totp/Evil%1B%5D0%3Bpwned%07:bob%E2%80%AEgnp?secret=JBSWY3DPEHPK3PXP",
    ]);
    let list = home.ok(&["list"]);
    assert!(
        !list.contains('\u{1b}') && !list.contains('\u{7}'),
        "{list:?}"
    );
    assert!(!list.contains('\u{202e}'), "{list:?}");
    assert!(list.contains("Evil\\u{1b}]0;pwned\\u{7}"), "{list}");
    assert!(list.contains("bob\\u{202e}gnp"), "{list}");
    // JSON keeps the names as they are, escaped the JSON way.
    let json = home.ok(&["list", "--json"]);
    assert!(json.contains("Evil\\u001b]0;pwned\\u0007"), "{json}");
}
