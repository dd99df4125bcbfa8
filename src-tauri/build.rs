//! Build script: tauri-build reads tauri.conf.json beside this file and generates the permissions
//! of the app's own commands, named in `commands.list` (the only ones the capability grants);
//! the same list becomes the invoke handler `lib.rs` includes, so a command cannot be granted
//! without being registered, or registered without being granted.

fn main() {
    let paths: Vec<&'static str> = include_str!("commands.list")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    let names: Vec<&'static str> = paths
        .iter()
        .map(|path| path.rsplit("::").next().unwrap_or(path))
        .collect();
    println!("cargo:rerun-if-changed=commands.list");
    let handler = format!(
        "tauri::generate_handler![{}]",
        paths
            .iter()
            .map(|path| format!("crate::commands::{path}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(names.leak())),
    )
    .unwrap_or_else(|error| {
        println!("cargo:warning=tauri-build failed: {error:#}");
        std::process::exit(1);
    });
    // After tauri-build, which empties OUT_DIR.
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(error) = std::fs::write(format!("{out}/invoke_handler.rs"), handler) {
        println!("cargo:warning=cannot write the invoke handler: {error}");
        std::process::exit(1);
    }
}
