//! Tests of the user agent reading with real, current user agent strings.

use super::*;

fn words(ua: &str) -> String {
    describe(&device_from_user_agent(Some(ua)))
}

const CHROME_ANDROID_REDUCED: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const SAMSUNG_REDUCED: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36";
const SAMSUNG_FULL: &str = "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36";
const FIREFOX_WINDOWS: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const EDGE_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const CHROME_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";
const SAFARI_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const CHROME_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX_MAC: &str =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0";
const FIREFOX_LINUX: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const FIREFOX_ANDROID: &str =
    "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";
const CHROME_CHROMEOS: &str = "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX_WINDOWS_7: &str =
    "Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0";

#[test]
fn the_bundled_rules_compile() {
    assert!(prepare().is_ok(), "{:?}", prepare().err());
}

#[test]
fn current_browsers_are_read_without_frozen_os_versions() {
    for (ua, expected) in [
        (CHROME_ANDROID_REDUCED, "Chrome 131 on Android"),
        (SAMSUNG_REDUCED, "Samsung Internet 27 on Android"),
        (SAMSUNG_FULL, "Samsung Internet 26 on Android 14"),
        (FIREFOX_WINDOWS, "Firefox 133 on Windows"),
        (EDGE_WINDOWS, "Edge 131 on Windows"),
        (SAFARI_IPHONE, "Safari 17 on iOS 17"),
        (CHROME_IPHONE, "Chrome 131 on iOS 17"),
        (SAFARI_MAC, "Safari 17 on macOS"),
        (CHROME_MAC, "Chrome 131 on macOS"),
        (FIREFOX_MAC, "Firefox 133 on macOS"),
        (FIREFOX_LINUX, "Firefox 133 on Linux"),
        (FIREFOX_ANDROID, "Firefox 133 on Android 14"),
        (CHROME_CHROMEOS, "Chrome 131 on ChromeOS"),
        (FIREFOX_WINDOWS_7, "Firefox 115 on Windows 7"),
    ] {
        assert_eq!(words(ua), expected, "{ua}");
    }
}

#[test]
fn the_structured_device_keeps_browser_and_os_apart() {
    assert_eq!(
        device_from_user_agent(Some(CHROME_ANDROID_REDUCED)),
        Device {
            browser: Some("Chrome 131".into()),
            os: Some("Android".into()),
        }
    );
}

#[test]
fn tools_and_bots_are_named_without_an_os() {
    assert_eq!(words("curl/8.5.0"), "curl 8");
    let googlebot = device_from_user_agent(Some(
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    ));
    assert_eq!(googlebot.browser.as_deref(), Some("Googlebot 2"));
    assert_eq!(googlebot.os, None);
}

#[test]
fn empty_garbage_and_huge_user_agents_read_as_unknown() {
    let huge_ascii = "x".repeat(1_000_000);
    // Two-byte characters, so the cut at MAX_READ_BYTES falls inside one.
    let huge_multibyte = format!("M{}", "é".repeat(600_000));
    for ua in [
        "",
        "something odd",
        "\u{0}\u{1}\u{fffd}(((;;;",
        &huge_ascii,
        &huge_multibyte,
    ] {
        assert_eq!(device_from_user_agent(Some(ua)), Device::default());
        assert_eq!(device_family(Some(ua)), None);
    }
    assert_eq!(describe(&device_from_user_agent(None)), "unknown device");
    assert_eq!(device_family(None), None);
}

#[test]
fn a_real_user_agent_after_a_huge_padding_is_not_read() {
    let padded = format!("{}{FIREFOX_WINDOWS}", " ".repeat(MAX_READ_BYTES));
    assert_eq!(device_from_user_agent(Some(&padded)), Device::default());
}

#[test]
fn families_leave_out_versions() {
    let firefox_134 =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:134.0) Gecko/20100101 Firefox/134.0";
    assert_eq!(
        device_family(Some(firefox_134)).as_deref(),
        Some("Firefox on Windows")
    );
    assert_eq!(
        device_family(Some(SAFARI_IPHONE)).as_deref(),
        Some("Safari on iOS")
    );
    assert_eq!(
        device_family(Some(SAMSUNG_FULL)).as_deref(),
        Some("Samsung Internet on Android")
    );
    assert_eq!(
        device_family(Some(FIREFOX_WINDOWS_7)).as_deref(),
        Some("Firefox on Windows")
    );
    // Chrome on the same phone before and after UA reduction is the same device.
    let chrome_android_14 = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    assert_eq!(
        device_family(Some(chrome_android_14)),
        device_family(Some(CHROME_ANDROID_REDUCED))
    );
    assert_eq!(
        device_family(Some("curl/8.5.0")).as_deref(),
        Some("curl on ?")
    );
}
