//! Tests of the importers: for each format a fixture built in the test from the format's published
//! description (JSON built here, encrypted here with RustCrypto crates), then detection, errors,
//! limits, the encrypted Aegis export's round trip and an independent decryption in Python.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    dead_code
)]

mod aegis;
mod andotp;
mod bitwarden;
mod common;
mod detection;
mod ente;
mod export;
mod freeotp;
mod proton;
mod stratum;
mod twofas;
mod uris;
