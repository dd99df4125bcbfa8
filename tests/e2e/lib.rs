//! End-to-end tests of the desktop app live in `e2e/main.rs`; run them with `scripts/test-e2e`.
