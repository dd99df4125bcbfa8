//! Tests of QR scanning on a generated corpus: every variant real screens give, and negatives.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    dead_code
)]

mod corpus;
mod decode;
mod limits;
mod render;
