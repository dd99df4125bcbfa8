//! `vigil code --uri`: codes without a vault, checked against oathtool.

use crate::support::{Home, oathtool_totp};

const URI: &str = "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop";

#[test]
fn code_of_a_uri_matches_oathtool() {
    let home = Home::new();
    for at in [0u64, 59, 1_111_111_109, 1_700_000_000, 20_000_000_000] {
        let ours = home.ok(&["code", "--uri", URI, "--at", &at.to_string()]);
        assert_eq!(
            ours.trim(),
            oathtool_totp("JBSWY3DPEHPK3PXP", at, &[]),
            "at {at}"
        );
    }
    let sha256 = "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA256&digits=8&period=60";
    let ours = home.ok(&["code", "--uri", sha256, "--at", "1234567890"]);
    let theirs = oathtool_totp(
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        1_234_567_890,
        &["--totp=sha256", "--digits=8", "--time-step-size=60s"],
    );
    assert_eq!(ours.trim(), theirs);
    // It needed no vault.
    assert!(std::fs::read_dir(home.dir.path()).unwrap().next().is_none());
}

#[test]
fn code_of_a_hotp_uri_and_steam() {
    let home = Home::new();
    // RFC 4226 Appendix D, counter 1: the key is the ASCII "12345678901234567890" in base32.
    let hotp = "otpauth://hotp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=1";
    assert_eq!(home.ok(&["code", "--uri", hotp]).trim(), "287082");
    let steam = home.ok(&[
        "code",
        "--uri",
        "otpauth://steam/Steam:me?secret=JBSWY3DPEHPK3PXP",
        "--at",
        "0",
    ]);
    assert_eq!(steam.trim().len(), 5);
}

#[test]
fn a_uri_of_dash_is_read_from_standard_input() {
    let home = Home::new();
    let run = home.with_stdin(&["code", "--uri", "-", "--at", "59"], &format!("{URI}\n"));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        oathtool_totp("JBSWY3DPEHPK3PXP", 59, &[])
    );
    let run = home.with_stdin(&["add", "--uri", "-"], URI);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "Added Shop (alice)");
    let run = home.with_stdin(&["add", "--uri", "-"], "");
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("standard input, but it was empty"),
        "{}",
        run.stderr
    );
}
