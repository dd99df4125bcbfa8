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
