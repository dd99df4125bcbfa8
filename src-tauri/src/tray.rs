//! The tray icon and running in the background: a menu (Open Vigil, Pause alerts, Quit) beside
//! the clock, and a closed window that only hides while "Keep running in the background" is on
//! (on by default once an account is linked), so alerts keep coming. `--hidden` (how "Start at
//! login" starts Vigil) opens no window.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::menu::{CheckMenuItem, Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime, WindowEvent};

use crate::state::AppState;

/// Whether alerts are paused from the tray (until unpaused or Vigil restarts).
#[derive(Default)]
pub struct AlertsPaused(AtomicBool);

/// Whether the tray icon carries the attention mark now.
#[derive(Default)]
struct Marked(AtomicBool);

impl AlertsPaused {
    /// True while the person paused alerts.
    pub fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Makes the tray icon and its menu. Without a tray on this desktop nothing is shown, and the
/// app works as before.
pub fn start<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    app.manage(AlertsPaused::default());
    app.manage(Marked::default());
    let t = app.state::<AppState>().settings.words();
    let open = MenuItem::with_id(app, "open", t.get("tray-open"), true, None::<&str>)?;
    let pause =
        CheckMenuItem::with_id(app, "pause", t.get("tray-pause"), true, false, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", t.get("tray-quit"), true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&open, &pause, &separator, &quit])?;
    let mut tray = TrayIconBuilder::with_id("vigil")
        .tooltip("Vigil")
        .menu(&menu)
        .on_menu_event(move |app, event| match event.id().as_ref() {
            "open" => {
                crate::alerts::bring_forward(app);
            }
            "pause" => {
                let paused = app.state::<AlertsPaused>();
                let now = !paused.get();
                paused.0.store(now, Ordering::Relaxed);
                let _ = pause.set_checked(now);
            }
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}

/// Puts the attention mark (a red dot) on the tray icon while a linked account has a flagged
/// event to answer or is locked, and takes it off after; the tooltip says why.
pub fn mark_attention<R: Runtime>(app: &AppHandle<R>, needs_a_look: bool) {
    let (Some(marked), Some(tray)) = (app.try_state::<Marked>(), app.tray_by_id("vigil")) else {
        return;
    };
    if marked.0.swap(needs_a_look, Ordering::Relaxed) == needs_a_look {
        return;
    }
    let Some(icon) = app.default_window_icon() else {
        return;
    };
    let icon = if needs_a_look {
        with_dot(icon)
    } else {
        icon.clone().to_owned()
    };
    let _ = tray.set_icon(Some(icon));
    let words = app.state::<AppState>().settings.words();
    let _ = tray.set_tooltip(Some(if needs_a_look {
        words.get("tray-attention")
    } else {
        "Vigil".to_owned()
    }));
}

/// `icon` with a red dot in its top right corner, a third of its width across.
fn with_dot(icon: &tauri::image::Image<'_>) -> tauri::image::Image<'static> {
    let (width, height) = (icon.width(), icon.height());
    let mut rgba = icon.rgba().to_vec();
    let radius = f64::from(width) / 6.0;
    let (cx, cy) = (f64::from(width) - radius - 1.0, radius + 1.0);
    for y in 0..height {
        for x in 0..width {
            let (dx, dy) = (f64::from(x) + 0.5 - cx, f64::from(y) + 0.5 - cy);
            if dx * dx + dy * dy <= radius * radius {
                let at = usize::try_from((y * width + x) * 4).unwrap_or(usize::MAX);
                if let Some(pixel) = rgba.get_mut(at..at + 4) {
                    pixel.copy_from_slice(&[0xd9, 0x30, 0x25, 0xff]);
                }
            }
        }
    }
    tauri::image::Image::new_owned(rgba, width, height)
}

/// A close of the main window hides it instead while Vigil keeps running in the background.
pub fn on_window_event<R: Runtime>(window: &tauri::Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event
        && window.label() == "main"
        && keeps_running(&window.app_handle().state::<AppState>())
    {
        api.prevent_close();
        let _ = window.hide();
    }
}

/// Whether closing the window leaves Vigil running: the setting, or by default whether an
/// account is linked (alerts are only for linked accounts).
pub fn keeps_running(state: &AppState) -> bool {
    let any_linked = state
        .accounts
        .linked_feeds()
        .is_ok_and(|linked| !linked.is_empty());
    state.settings.get().keeps_running(any_linked)
}

/// Whether this start asked for no window (`--hidden`, as the login item starts Vigil).
pub fn started_hidden() -> bool {
    std::env::args()
        .skip(1)
        .any(|argument| argument == "--hidden")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_attention_mark_is_a_red_dot_in_the_top_right_corner() {
        let plain = tauri::image::Image::new_owned(vec![0; 24 * 24 * 4], 24, 24);
        let marked = super::with_dot(&plain);
        let pixel = |x: u32, y: u32| {
            let at = ((y * 24 + x) * 4) as usize;
            marked.rgba()[at..at + 4].to_vec()
        };
        assert_eq!(pixel(19, 4), [0xd9, 0x30, 0x25, 0xff], "red in the corner");
        assert_eq!(pixel(2, 20), [0, 0, 0, 0], "the rest unchanged");
        assert_eq!((marked.width(), marked.height()), (24, 24));
    }
}
