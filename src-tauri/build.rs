//! Build script: tauri-build reads tauri.conf.json beside this file and generates the permissions
//! of the app's own commands, named in `commands.list` (the only ones the capability grants).

fn main() {
    let commands: Vec<&'static str> = include_str!("commands.list")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands.leak())),
    )
    .unwrap_or_else(|error| {
        println!("cargo:warning=tauri-build failed: {error:#}");
        std::process::exit(1);
    });
}
