//! Browser and operating system read from a user agent string, for feeds and emails.
//!
//! A short ordered list of markers covers the browsers and systems people use; anything else is
//! `null` rather than a guess.

use vigil_core::activity::Device;

/// Reads the browser (with its major version) and the OS from a user agent.
pub fn device_from_user_agent(user_agent: Option<&str>) -> Device {
    let Some(ua) = user_agent else {
        return Device::default();
    };
    Device {
        browser: browser(ua),
        os: os(ua),
    }
}

/// The device's family, without versions ("Firefox on Windows"): what the `new_device` rule
/// compares. `None` when neither browser nor OS can be read.
pub fn device_family(user_agent: Option<&str>) -> Option<String> {
    let device = device_from_user_agent(user_agent);
    let unversioned = |name: Option<String>| {
        name.map(|name| {
            name.split(' ')
                .filter(|word| !word.starts_with(|c: char| c.is_ascii_digit()))
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    match (unversioned(device.browser), unversioned(device.os)) {
        (None, None) => None,
        (browser, os) => Some(format!(
            "{} on {}",
            browser.as_deref().unwrap_or("?"),
            os.as_deref().unwrap_or("?")
        )),
    }
}

/// "Firefox 133 on Windows", "Safari on iOS 17", or "unknown device".
pub fn describe(device: &Device) -> String {
    match (&device.browser, &device.os) {
        (Some(browser), Some(os)) => format!("{browser} on {os}"),
        (Some(browser), None) => browser.clone(),
        (None, Some(os)) => os.clone(),
        (None, None) => "unknown device".to_owned(),
    }
}

fn version_after(ua: &str, marker: &str) -> Option<String> {
    let start = ua.find(marker)? + marker.len();
    let major: String = ua[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (!major.is_empty()).then_some(major)
}

fn named(name: &str, version: Option<String>) -> Option<String> {
    Some(match version {
        Some(version) => format!("{name} {version}"),
        None => name.to_owned(),
    })
}

fn browser(ua: &str) -> Option<String> {
    // Order matters: Edge and Opera also say Chrome; Chrome also says Safari.
    const MARKERS: &[(&str, &str)] = &[
        ("Edg/", "Edge"),
        ("EdgA/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("curl/", "curl"),
    ];
    for (marker, name) in MARKERS {
        if ua.contains(marker) {
            return named(name, version_after(ua, marker));
        }
    }
    if ua.contains("Safari/") {
        return named("Safari", version_after(ua, "Version/"));
    }
    None
}

fn os(ua: &str) -> Option<String> {
    if ua.contains("Windows NT 10.0") {
        return Some("Windows".to_owned());
    }
    if ua.contains("Windows") {
        return Some("Windows".to_owned());
    }
    if ua.contains("iPhone") || ua.contains("iPad") {
        let version = version_after(ua, " OS ");
        return named("iOS", version);
    }
    if ua.contains("Android") {
        return named("Android", version_after(ua, "Android "));
    }
    if ua.contains("CrOS") {
        return Some("ChromeOS".to_owned());
    }
    if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        return Some("macOS".to_owned());
    }
    if ua.contains("Linux") {
        return Some("Linux".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(ua: &str) -> String {
        describe(&device_from_user_agent(Some(ua)))
    }

    #[test]
    fn common_user_agents_are_read() {
        assert_eq!(
            read(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
            ),
            "Firefox 133 on Windows"
        );
        assert_eq!(
            read(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15"
            ),
            "Safari 17 on macOS"
        );
        assert_eq!(
            read(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
            ),
            "Safari 17 on iOS 17"
        );
        assert_eq!(
            read(
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
            ),
            "Chrome 131 on Android 14"
        );
        assert_eq!(
            read(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
            ),
            "Edge 131 on Windows"
        );
        assert_eq!(
            read(
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
            ),
            "Chrome 131 on Linux"
        );
        assert_eq!(read("something odd"), "unknown device");
        assert_eq!(describe(&device_from_user_agent(None)), "unknown device");
    }

    #[test]
    fn families_leave_out_versions() {
        let firefox_134 =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:134.0) Gecko/20100101 Firefox/134.0";
        assert_eq!(
            device_family(Some(firefox_134)).as_deref(),
            Some("Firefox on Windows")
        );
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(
            device_family(Some(iphone)).as_deref(),
            Some("Safari on iOS")
        );
        assert_eq!(device_family(Some("something else")), None);
        assert_eq!(device_family(None), None);
    }
}
