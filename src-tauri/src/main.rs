//! The `vigil-app` binary: runs the desktop app ([`vigil_app::run`]).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    vigil_app::run()
}
