//! Exit statuses and messages: 0 success, 2 bad input or usage, 1 other failures.

use crate::support::Home;

#[test]
fn bad_uris_exit_2_naming_the_problem() {
    let home = Home::new();
    for (uri, message) in [
        ("otpauth://totp/A:b?issuer=A", "missing secret"),
        (
            "otpauth://totp/A:b?secret=JBS1WY3D",
            "secret is not base32 (character '1' at 4)",
        ),
        (
            "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=12",
            "digits must be 1-10",
        ),
        (
            "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&period=0",
            "period must be at least 1 second",
        ),
        (
            "otpauth://xotp/A:b?secret=JBSWY3DPEHPK3PXP",
            "unsupported OTP type 'xotp'",
        ),
        ("https://example.com/", "not an otpauth URI"),
    ] {
        for command in [["code", "--uri", uri], ["add", "--uri", uri]] {
            let run = home.run(&command);
            assert_eq!(run.status, 2, "{command:?}: {}", run.stderr);
            assert!(run.stderr.contains(message), "{command:?}: {}", run.stderr);
            assert!(run.stdout.is_empty());
        }
    }
    assert!(home.ok(&["list", "--json"]).trim() == "[]");
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let home = Home::new();
    assert_eq!(home.run(&["frobnicate"]).status, 2);
    assert_eq!(home.run(&["code"]).status, 2);
    assert_eq!(home.run(&["rename", "x"]).status, 2);
    for sub in ["code", "add", "list", "remove", "rename", "export", "scan"] {
        let run = home.run(&[sub, "--help"]);
        assert_eq!(run.status, 0, "{sub}");
        assert!(run.stdout.contains("Usage: vigil"), "{sub}: {}", run.stdout);
    }
    assert_eq!(home.run(&["--help"]).status, 0);
}

#[test]
fn no_match_and_ambiguous_queries_exit_2_with_candidates() {
    let home = Home::new();
    home.ok(&[
        "add",
        "--uri",
        "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP",
    ]);
    home.ok(&[
        "add",
        "--uri",
        "otpauth://totp/Shopping:bob?secret=GEZDGNBVGY3TQOJQ",
    ]);
    let none = home.run(&["code", "nothing"]);
    assert_eq!(none.status, 2);
    assert!(none.stderr.contains("no account matches 'nothing'"));
    let many = home.run(&["code", "o"]);
    assert_eq!(many.status, 2);
    assert!(
        many.stderr.contains("matches 2 accounts"),
        "{}",
        many.stderr
    );
    assert!(many.stderr.contains("Shop:alice") && many.stderr.contains("Shopping:bob"));
    // An exact issuer wins over a partial match.
    assert_eq!(home.run(&["code", "shop"]).status, 0);
}

#[test]
fn no_keychain_exits_1_with_one_clear_message_and_loses_nothing() {
    let home = Home::new();
    home.ok(&[
        "add",
        "--uri",
        "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP",
    ]);
    let mut command = home.command(&[
        "add",
        "--uri",
        "otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQ",
    ]);
    command.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/vigil-test-bus",
    );
    let run = crate::support::Run::from(command.output().unwrap());
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("vigil: The system keychain is not available: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .trim_end()
            .ends_with("start a Secret Service such as gnome-keyring")
    );
    let mut code = home.command(&["code", "shop"]);
    code.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/vigil-test-bus",
    );
    assert_eq!(code.output().unwrap().status.code(), Some(1));
    let list = home.ok(&["list"]);
    assert!(list.contains("Shop") && !list.contains("Bank"), "{list}");
}
