//! End-to-end tests: the built `vigil-app` in its real webview (WebKitGTK under Xvfb), driven by
//! WebDriver through `tauri-driver`, on a private real Secret Service. Run with `scripts/test-e2e`,
//! which builds the app, starts the services and sets `VIGIL_APP_BIN`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod a11y;
mod accounts;
mod activity;
mod alerts;
mod app_lock;
mod backups;
mod codes;
mod enrol;
mod keychain;
mod language;
mod sessions;

use vigil_e2e::support;
