//! Integration tests of the `vigil` command: the built binary, a private data directory and a
//! private service name in the real Secret Service (run through `scripts/test`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod accounts;
mod activity;
mod code;
mod errors;
mod export;
mod generate;
mod import;
mod languages;
mod qr;
mod screen;
mod sessions;
mod support;
