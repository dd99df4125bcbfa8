//! Build script: tauri-build reads tauri.conf.json beside this file and generates the permissions
//! of the app's own commands (the only ones the capability grants).

fn main() {
    let commands = &[
        "render_app",
        "codes",
        "copy_code",
        "next_code",
        "add_uri",
        "add_manual",
        "scan_image",
        "scan_screen",
        "scan_clipboard",
        "confirm_add",
        "cancel_add",
        "rename_account",
        "set_favourite",
        "move_account",
        "reorder_accounts",
        "account_qr",
        "remove_account",
        "save_settings",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .unwrap_or_else(|error| {
        println!("cargo:warning=tauri-build failed: {error:#}");
        std::process::exit(1);
    });
}
