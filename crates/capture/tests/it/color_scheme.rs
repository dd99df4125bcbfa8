//! `desktop_color_scheme` and `ColorSchemeWatch`: the stand-in portal's Settings
//! `color-scheme` and its announced changes, and a clear error when no portal is there.

use std::time::Duration;

use vigil_capture::{CaptureError, ColorScheme, ColorSchemeWatch, desktop_color_scheme};

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

/// The next announced scheme; a broken subscription fails the test instead of hanging it.
async fn next_change(changes: &mut ColorSchemeWatch) -> Option<ColorScheme> {
    let next = std::pin::pin!(changes.next_change());
    let hang_guard = std::pin::pin!(async_io::Timer::after(Duration::from_secs(60)));
    match futures_util::future::select(next, hang_guard).await {
        futures_util::future::Either::Left((scheme, _)) => scheme,
        futures_util::future::Either::Right(_) => panic!("no change announced within a minute"),
    }
}

#[test]
fn color_scheme_changes_follow_the_portal() {
    let desktop = SharedDesktop::take();
    let portal = StandInPortal::start(&desktop, ScreenshotAnswer::Refuse(1), 0);
    async_io::block_on(async {
        let mut changes = ColorSchemeWatch::subscribe().await.unwrap();
        assert_eq!(changes.current().await, Ok(ColorScheme::NoPreference));
        portal.set_color_scheme(1);
        assert_eq!(
            next_change(&mut changes).await,
            Some(ColorScheme::PreferDark)
        );
        // Another setting's change is not a colour scheme.
        portal.announce("org.freedesktop.appearance", "contrast", 1);
        portal.set_color_scheme(2);
        assert_eq!(
            next_change(&mut changes).await,
            Some(ColorScheme::PreferLight)
        );
        assert_eq!(changes.current().await, Ok(ColorScheme::PreferLight));
    });
    assert_eq!(desktop_color_scheme(), Ok(ColorScheme::PreferLight));
}

#[test]
fn without_a_portal_changes_cannot_be_followed() {
    let desktop = SharedDesktop::take();
    assert!(!desktop.portal_present());
    let error = async_io::block_on(ColorSchemeWatch::subscribe())
        .err()
        .unwrap();
    assert!(matches!(error, CaptureError::NoPortal(_)), "{error:?}");
}
