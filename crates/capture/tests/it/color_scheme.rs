//! `desktop_color_scheme`: the stand-in portal's Settings `color-scheme`, and a clear error when
//! no portal is there.

use vigil_capture::{CaptureError, ColorScheme, desktop_color_scheme};

use crate::stand_in_portal::{ScreenshotAnswer, SharedDesktop, StandInPortal};

#[test]
fn the_color_scheme_is_the_portal_setting() {
    let desktop = SharedDesktop::take();
    for (value, scheme) in [
        (0, ColorScheme::NoPreference),
        (1, ColorScheme::PreferDark),
        (2, ColorScheme::PreferLight),
        (9, ColorScheme::NoPreference),
    ] {
        let _portal = StandInPortal::start(&desktop, ScreenshotAnswer::Refuse(1), value);
        assert_eq!(desktop_color_scheme(), Ok(scheme), "color-scheme {value}");
    }
}

#[test]
fn without_a_portal_the_color_scheme_is_an_error() {
    let desktop = SharedDesktop::take();
    assert!(!desktop.portal_present());
    let error = desktop_color_scheme().unwrap_err();
    assert!(matches!(error, CaptureError::NoPortal(_)), "{error:?}");
}
