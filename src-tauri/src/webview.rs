//! The webview's settings: a lean WebKit for a page that is small, local and long-lived.
//!
//! On Linux (WebKitGTK) the app never needs a page cache for back/forward navigation, WebGL or
//! media, and has no remote resources to cache: turning them off saves tens of megabytes in the
//! WebKit processes (measured by `scripts/measure-app`). The hardware acceleration policy is left
//! alone: forcing it off made the web process crash on a 3840x2160 screen.

use tauri::{Runtime, WebviewWindow};

/// Applies the lean settings to `window`'s webview (does nothing off Linux).
pub fn make_lean<R: Runtime>(window: &WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let _ = window.with_webview(|webview| {
            use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebViewExt};
            let view = webview.inner();
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_enable_page_cache(false);
                settings.set_enable_webgl(false);
                settings.set_enable_media(false);
            }
            if let Some(context) = view.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
