//! Integration tests of the vault against the real Secret Service (run them through
//! `scripts/test`, which starts a private gnome-keyring on a private session bus).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod concurrency;
mod keychain;
mod support;
