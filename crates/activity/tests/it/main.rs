//! The activity client against a real `vigil-server` on 127.0.0.1 (SQLite in a temp dir), and
//! against small loopback servers that misbehave: down, silent, garbage, oversized.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod failures;
mod feed;
mod sessions;
