//! Integration tests of `vigil-capture`: the screen through a stand-in Screenshot portal on the
//! test's own session bus, and over X11 (Xvfb) when no portal is there; the desktop's colour
//! scheme through the stand-in's Settings interface. Run them through `scripts/test`, or
//! `scripts/with-keyring scripts/with-xvfb 1600x1000 cargo test -p vigil-capture` (a private
//! session bus and X display).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod color_scheme;
mod screen;
mod stand_in_portal;
