//! The desktop's own light or dark setting (xdg-desktop-portal's `color-scheme`, through
//! `vigil_capture::ColorSchemeWatch`), followed while the app runs, for the "like the system"
//! theme: the page reads it with the status it polls. Without a portal nothing is known and the
//! webview's `prefers-color-scheme` decides, as before.

use std::sync::atomic::{AtomicU8, Ordering};

use tauri::{AppHandle, Runtime};
#[cfg(all(unix, not(target_os = "macos")))]
use vigil_capture::ColorScheme;

/// What the desktop last said: 0 nothing (or no preference), 1 dark, 2 light.
#[derive(Default)]
pub struct DesktopTheme(AtomicU8);

impl DesktopTheme {
    /// `dark` or `light` when the desktop says one.
    pub fn current(&self) -> Option<&'static str> {
        match self.0.load(Ordering::Relaxed) {
            1 => Some("dark"),
            2 => Some("light"),
            _ => None,
        }
    }
}

/// Follows the desktop's setting in the background (nothing happens without a portal).
pub fn follow_desktop<R: Runtime>(app: AppHandle<R>) {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        // On a thread of its own: the watch is not `Sync`, so its future cannot move between the
        // runtime's threads.
        let spawned = std::thread::Builder::new()
            .name("vigil-theme".into())
            .spawn(move || {
                tauri::async_runtime::block_on(follow(app));
            });
        if let Err(error) = spawned {
            eprintln!("vigil-app: the desktop's theme cannot be followed: {error}");
        }
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    let _ = app;
}

/// Stores the desktop's setting now and at each change.
#[cfg(all(unix, not(target_os = "macos")))]
async fn follow<R: Runtime>(app: AppHandle<R>) {
    {
        use tauri::Manager;
        let Ok(mut watch) = vigil_capture::ColorSchemeWatch::subscribe().await else {
            return;
        };
        let store = |scheme: ColorScheme| {
            let value = match scheme {
                ColorScheme::PreferDark => 1,
                ColorScheme::PreferLight => 2,
                ColorScheme::NoPreference => 0,
            };
            app.state::<DesktopTheme>()
                .0
                .store(value, Ordering::Relaxed);
        };
        if let Ok(scheme) = watch.current().await {
            store(scheme);
        }
        while let Some(scheme) = watch.next_change().await {
            store(scheme);
        }
    }
}
