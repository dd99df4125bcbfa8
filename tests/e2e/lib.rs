//! The end-to-end harness: start the built app under `tauri-driver` on a private vault and
//! keychain, and find things in its window. The tests are in `e2e/main.rs` (run them with
//! `scripts/test-e2e`); `examples/screenshots.rs` uses the same harness for the README's pictures.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

pub mod support;
