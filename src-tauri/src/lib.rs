//! Vigil's desktop app: a Tauri 2 window whose HTML comes from askama templates in `ui/`, over
//! the same vault as the `vigil` command. `main.rs` calls [`run`]; on iOS, Tauri's mobile entry
//! point does (desktop-only parts, such as the single instance, notifications and updates, are
//! behind `cfg(desktop)`).
//!
//! The main types: [`state::AppState`] (the vault, opened once, or why it could not be),
//! [`error::AppError`] (the one `{code, message}` error that crosses IPC), the commands in
//! [`commands`], the template structs in [`view`], and [`update::UpdateState`] (a release found
//! by the updater, waiting for the person's yes).

mod activity;
mod alerts;
mod app_lock;
mod backups;
mod clipboard;
mod commands;
mod error;
mod issuer_icons;
mod links;
mod notifier;
mod poll;
mod sessions;
mod settings;
mod state;
mod sync;
mod theme;
#[cfg(desktop)]
mod tray;
mod update;
mod view;
mod webview;

use std::process::ExitCode;

/// The iOS entry point (Tauri's `mobile_entry_point`): runs the app.
#[cfg(mobile)]
#[tauri::mobile_entry_point]
pub fn mobile_main() {
    let _ = run();
}

/// Builds and runs the app until its window closes.
pub fn run() -> ExitCode {
    let state = state::AppState::open(activity::ActivityContext::new());
    let context = tauri::generate_context!();
    let instance = links::instance_id(&context.config().identifier);
    let builder = tauri::Builder::default();
    // A second start (a `vigil://` link) hands its arguments to this app and exits; the
    // deep-link plugin reads them, and this brings the window forward.
    #[cfg(desktop)]
    let builder = builder
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance)
                .callback(|app, _arguments, _directory| {
                    alerts::bring_forward(app);
                })
                .build(),
        )
        .plugin(tauri_plugin_updater::Builder::new().build())
        // The window's size and place are kept (not whether it shows: a start is never hidden
        // because the last window was).
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec!["--hidden"]),
        ))
        .on_window_event(tray::on_window_event);
    #[cfg(mobile)]
    let _ = instance;
    let result = builder
        .plugin(tauri_plugin_deep_link::init())
        .manage(state)
        .manage(update::UpdateState::default())
        .manage(theme::DesktopTheme::default())
        .setup(|app| {
            if let Some(window) = tauri::Manager::get_webview_window(app, "main") {
                webview::make_lean(&window);
            }
            {
                use tauri_plugin_deep_link::DeepLinkExt;
                let handle = app.handle().clone();
                app.deep_link().on_open_url(move |event| {
                    let urls: Vec<String> = event.urls().iter().map(|u| u.to_string()).collect();
                    links::open_all(&handle, &urls);
                });
                if let Ok(Some(urls)) = app.deep_link().get_current() {
                    let urls: Vec<String> = urls.iter().map(|u| u.to_string()).collect();
                    links::open_all(app.handle(), &urls);
                }
            }
            tauri::Manager::manage(app, notifier::Notifier::start(app.handle().clone()));
            #[cfg(desktop)]
            {
                if let Err(error) = tray::start(app.handle()) {
                    eprintln!("vigil-app: no tray icon: {error}");
                }
                if tray::started_hidden()
                    && let Some(window) = tauri::Manager::get_webview_window(app, "main")
                {
                    let _ = window.hide();
                }
            }
            poll::start(app.handle().clone());
            theme::follow_desktop(app.handle().clone());
            backups::start();
            app_lock::watch_idle(app.handle().clone());
            update::check_at_start(app.handle().clone());
            // VIGIL_WINDOW_SIZE=WIDTHxHEIGHT sizes the window (screenshots, tests).
            if let Some((width, height)) = std::env::var("VIGIL_WINDOW_SIZE")
                .ok()
                .and_then(|v| {
                    v.split_once('x')
                        .map(|(w, h)| (w.parse::<f64>(), h.parse::<f64>()))
                })
                .and_then(|(w, h)| Some((w.ok()?, h.ok()?)))
                && let Some(window) = tauri::Manager::get_webview_window(app, "main")
            {
                let _ = window.set_size(tauri::LogicalSize::new(width, height));
                let _ = window.set_position(tauri::LogicalPosition::new(0.0, 0.0));
            }
            Ok(())
        })
        // Every command in commands.list: build.rs writes the handler from that list. While the
        // app is locked only the lock page's commands are let through.
        .invoke_handler(app_lock::guarded(include!(concat!(
            env!("OUT_DIR"),
            "/invoke_handler.rs"
        ))))
        .run(context);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("vigil-app: {error}");
            ExitCode::FAILURE
        }
    }
}
