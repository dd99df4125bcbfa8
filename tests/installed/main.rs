//! Tests of Vigil as a customer installed it: the `.deb` from `scripts/bundle`, installed with
//! `apt-get install`. Run by `scripts/test-install`, which builds and installs the package, sets
//! `VIGIL_APP_BIN=/usr/bin/vigil-app`, `VIGIL_DIST` (the bundles) and `VIGIL_TEST_UPDATES` (a
//! loopback server offering the next version, signed and tampered), then removes the package.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod app;
mod files;
mod update;

use std::process::Command;

/// What a command printed; panics naming the command when it fails.
pub fn run(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not start: {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The installed package's version (`dpkg-query`).
pub fn installed_version() -> String {
    run("dpkg-query", &["-W", "-f", "${Version}", "vigil"])
}
