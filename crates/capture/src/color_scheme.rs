//! The desktop's light or dark preference, as the portal's Settings interface gives it
//! (`org.freedesktop.appearance` `color-scheme`), for a theme that follows the system.

use crate::CaptureError;

/// Whether the desktop asks applications for a dark or a light look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorScheme {
    /// No preference (the portal's 0): the application chooses.
    NoPreference,
    /// Prefer dark (1).
    PreferDark,
    /// Prefer light (2).
    PreferLight,
}

impl ColorScheme {
    /// The portal's number: 0 no preference, 1 prefer dark, 2 prefer light; any other number
    /// (a later version's) is read as no preference, as the portal's description asks.
    pub fn from_portal_value(value: u32) -> Self {
        match value {
            1 => Self::PreferDark,
            2 => Self::PreferLight,
            _ => Self::NoPreference,
        }
    }
}

/// The portal's namespace and key of the setting.
#[cfg(all(unix, not(target_os = "macos")))]
const SETTING: (&str, &str) = ("org.freedesktop.appearance", "color-scheme");

/// The desktop's colour scheme, read once from the portal's Settings interface; an error when
/// the session has no portal (or the portal does not know the setting), in which case the
/// application keeps to its own or the webview's notion of the system's preference. It blocks
/// for one D-Bus round trip: async callers use [`ColorSchemeWatch`].
#[cfg(all(unix, not(target_os = "macos")))]
pub fn desktop_color_scheme() -> Result<ColorScheme, CaptureError> {
    crate::portal::block_on(async { ColorSchemeWatch::subscribe().await?.current().await })
}

/// The desktop's colour scheme now and each change it announces from then on (the portal
/// Settings' `SettingChanged` signal for `org.freedesktop.appearance` `color-scheme`), so a
/// theme that follows the system changes with it. Its futures run on any async runtime (zbus
/// drives the connection on its own thread).
#[cfg(all(unix, not(target_os = "macos")))]
pub struct ColorSchemeWatch {
    /// The portal's Settings interface.
    settings: ashpd::desktop::settings::Settings,
    /// The portal's announcements, as numbers.
    values: std::pin::Pin<
        Box<dyn futures_util::Stream<Item = Result<u32, ashpd::Error>> + Send + 'static>,
    >,
}

#[cfg(all(unix, not(target_os = "macos")))]
impl ColorSchemeWatch {
    /// Starts listening; an error when the session has no portal Settings. Read
    /// [`current`](Self::current) after this, so no change falls between the two.
    pub async fn subscribe() -> Result<Self, CaptureError> {
        let connection = crate::portal::connect_to("org.freedesktop.portal.Settings")
            .await
            .map_err(CaptureError::NoPortal)?;
        let settings = ashpd::desktop::settings::Settings::with_connection(connection)
            .await
            .map_err(|e| CaptureError::Portal(e.to_string()))?;
        let values = settings
            .receive_setting_changed_with_args::<u32>(SETTING.0, SETTING.1)
            .await
            .map_err(|e| CaptureError::Portal(e.to_string()))?;
        Ok(Self {
            settings,
            values: Box::pin(values),
        })
    }

    /// The colour scheme now.
    pub async fn current(&self) -> Result<ColorScheme, CaptureError> {
        let value = self
            .settings
            .read::<u32>(SETTING.0, SETTING.1)
            .await
            .map_err(|e| CaptureError::Portal(e.to_string()))?;
        Ok(ColorScheme::from_portal_value(value))
    }

    /// The next scheme the desktop announces; `None` once the session bus is gone. An
    /// announcement whose value is not a number is passed over.
    pub async fn next_change(&mut self) -> Option<ColorScheme> {
        use futures_util::StreamExt;
        loop {
            if let Ok(value) = self.values.next().await? {
                return Some(ColorScheme::from_portal_value(value));
            }
        }
    }
}

/// Not built for this platform: there is no desktop portal.
#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn desktop_color_scheme() -> Result<ColorScheme, CaptureError> {
    Err(CaptureError::NoPortal(
        "this system has no desktop portal".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::ColorScheme;

    #[test]
    fn portal_values_name_a_scheme() {
        assert_eq!(ColorScheme::from_portal_value(0), ColorScheme::NoPreference);
        assert_eq!(ColorScheme::from_portal_value(1), ColorScheme::PreferDark);
        assert_eq!(ColorScheme::from_portal_value(2), ColorScheme::PreferLight);
        assert_eq!(ColorScheme::from_portal_value(3), ColorScheme::NoPreference);
    }
}
