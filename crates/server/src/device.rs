//! Browser and operating system read from a user agent string, for feeds and emails.
//!
//! The reading is uap-core's `regexes.yaml` (vendored in `crates/server/data/uap-core/`, Apache-2.0,
//! refreshed by `scripts/update-ua-regexes`) run by the `ua-parser` crate. The rules are compiled
//! once, by [`prepare`] at start (or the first reading), never per request. Anything the rules do
//! not name is `null` rather than a guess.
//!
//! Versions are kept only where a user agent still tells the truth: the browser's major version,
//! iOS's and a non-reduced Android's. Chrome's reduced user agent says "Android 10; K" on every
//! Android, Windows 10 and 11 both say "Windows NT 10.0", and every current browser on a Mac says
//! macOS 10.15: those read as "Android", "Windows" and "macOS".

use std::sync::{Arc, LazyLock};

use quick_cache::sync::Cache;
use ua_parser::{os, user_agent};
use vigil_core::activity::Device;

/// uap-core's rules, as `scripts/update-ua-regexes` vendored them.
const UAP_CORE_RULES: &str = include_str!("../data/uap-core/regexes.yaml");

/// Only this many bytes of a user agent are read: real ones are far shorter, and it bounds the
/// work a huge header can cause.
pub const MAX_READ_BYTES: usize = 1024;

/// How many distinct user agents' readings are kept: a feed page reads 50 user agents, mostly
/// the same few browsers, and a reading by the rules costs about 20 µs against well under 1 µs
/// from here. Bounded (at most this many keys of at most [`MAX_READ_BYTES`] each).
const READINGS_KEPT: usize = 4096;

/// The vendored rules cannot be turned into a parser (a broken `regexes.yaml` update).
#[derive(Debug, thiserror::Error)]
pub enum UserAgentRulesError {
    /// `regexes.yaml` is not YAML of uap-core's shape.
    #[error("the bundled user agent rules cannot be read: {0}")]
    Read(String),
    /// A rule's regular expression or replacement does not compile.
    #[error("the bundled user agent rules do not compile: {0}")]
    Compile(String),
}

/// The browser and OS extractors (the device extractor is not needed and not built).
struct UserAgentParser {
    browsers: user_agent::Extractor<'static>,
    systems: os::Extractor<'static>,
}

impl UserAgentParser {
    fn from_rules(rules: &str) -> Result<Self, UserAgentRulesError> {
        let regexes: ua_parser::Regexes<'static> = serde_saphyr::from_str(rules)
            .map_err(|error| UserAgentRulesError::Read(error.to_string()))?;
        let compile = |error: ua_parser::Error| UserAgentRulesError::Compile(error.to_string());
        let browsers = user_agent::Builder::new()
            .push_all(regexes.user_agent_parsers)
            .map_err(compile)?
            .build()
            .map_err(|error| compile(error.into()))?;
        let systems = os::Builder::new()
            .push_all(regexes.os_parsers)
            .map_err(|error| compile(error.into()))?
            .build()
            .map_err(|error| compile(error.into()))?;
        Ok(Self { browsers, systems })
    }
}

static PARSER: LazyLock<Result<UserAgentParser, UserAgentRulesError>> =
    LazyLock::new(|| UserAgentParser::from_rules(UAP_CORE_RULES));

/// Readings by (bounded) user agent.
static READINGS: LazyLock<Cache<String, Arc<Reading>>> =
    LazyLock::new(|| Cache::new(READINGS_KEPT));

/// Compiles the rules now (the service calls it at start, so no request pays for it); an error
/// means the vendored rules are broken, and every device then reads as unknown.
pub fn prepare() -> Result<(), &'static UserAgentRulesError> {
    PARSER.as_ref().map(|_| ())
}

/// What the rules read, before it is put in words.
#[derive(Debug, Default, PartialEq, Eq)]
struct Reading {
    /// The browser's product name ("Chrome", "Safari").
    browser: Option<String>,
    /// Its major version, when the user agent has one.
    browser_major: Option<String>,
    /// The operating system's name ("Android", "macOS").
    os: Option<String>,
    /// Its version, when the user agent tells the real one.
    os_version: Option<String>,
}

/// The first [`MAX_READ_BYTES`] of `ua`, cut at a character boundary.
fn bounded(ua: &str) -> &str {
    &ua[..ua.floor_char_boundary(MAX_READ_BYTES)]
}

/// The reading of `ua`: from [`READINGS`] when it was read before, else by the rules (and kept).
fn read(ua: &str) -> Arc<Reading> {
    let ua = bounded(ua);
    if let Some(reading) = READINGS.get(ua) {
        return reading;
    }
    let reading = Arc::new(read_by_rules(ua));
    READINGS.insert(ua.to_owned(), reading.clone());
    reading
}

fn read_by_rules(ua: &str) -> Reading {
    let Ok(parser) = PARSER.as_ref() else {
        return Reading::default();
    };
    let mut reading = Reading::default();
    if let Some(browser) = parser.browsers.extract(ua) {
        reading.browser = browser_name(&browser.family).map(str::to_owned);
        if reading.browser.is_some() {
            reading.browser_major = browser.major.map(str::to_owned);
        }
    }
    if let Some(system) = parser.systems.extract(ua) {
        let (name, version) = os_name(ua, &system.os, system.major.as_deref());
        reading.os = name.map(str::to_owned);
        reading.os_version = version.map(str::to_owned);
    }
    reading
}

/// uap-core's browser family as people name the product: the "Mobile" variants are the same
/// browser (the OS already says it is a phone). `None` for uap-core's "Other".
fn browser_name(family: &str) -> Option<&str> {
    Some(match family {
        "Other" | "" => return None,
        "Chrome Mobile" | "Chrome Mobile iOS" => "Chrome",
        "Firefox Mobile" | "Firefox iOS" => "Firefox",
        "Mobile Safari" => "Safari",
        "Edge Mobile" => "Edge",
        "Opera Mobile" => "Opera",
        other => other,
    })
}

/// Whether `ua` is Chrome's reduced form for Android, which names Android 10 and the model "K"
/// whatever the real ones are.
fn is_reduced_android(ua: &str) -> bool {
    ua.contains("; Android 10; K)")
}

/// uap-core's OS family and major version as the service words them, with the version left out
/// where user agents freeze it.
fn os_name<'a>(
    ua: &str,
    family: &'a str,
    major: Option<&'a str>,
) -> (Option<&'a str>, Option<&'a str>) {
    match family {
        "Other" | "" => (None, None),
        "Mac OS X" => (Some("macOS"), None),
        "Chrome OS" => (Some("ChromeOS"), None),
        "Windows" => (Some("Windows"), major.filter(|major| *major != "10")),
        "Android" if is_reduced_android(ua) => (Some("Android"), None),
        "Android" | "iOS" => (Some(family), major),
        other => (Some(other), None),
    }
}

fn with_version(name: Option<String>, version: Option<String>) -> Option<String> {
    match (name, version) {
        (Some(name), Some(version)) => Some(format!("{name} {version}")),
        (name, _) => name,
    }
}

/// Reads the browser (with its major version) and the OS from a user agent.
pub fn device_from_user_agent(user_agent: Option<&str>) -> Device {
    let Some(ua) = user_agent else {
        return Device::default();
    };
    let reading = read(ua);
    Device {
        browser: with_version(reading.browser.clone(), reading.browser_major.clone()),
        os: with_version(reading.os.clone(), reading.os_version.clone()),
    }
}

/// The device's family, without versions ("Firefox on Windows"): what the `new_device` rule
/// compares. `None` when neither browser nor OS can be read.
pub fn device_family(user_agent: Option<&str>) -> Option<String> {
    let reading = read(user_agent?);
    match (reading.browser.as_deref(), reading.os.as_deref()) {
        (None, None) => None,
        (browser, os) => Some(format!(
            "{} on {}",
            browser.unwrap_or("?"),
            os.unwrap_or("?")
        )),
    }
}

/// "Firefox 133 on Windows", "Safari 17 on iOS 17", or "unknown device".
pub fn describe(device: &Device) -> String {
    match (&device.browser, &device.os) {
        (Some(browser), Some(os)) => format!("{browser} on {os}"),
        (Some(browser), None) => browser.clone(),
        (None, Some(os)) => os.clone(),
        (None, None) => "unknown device".to_owned(),
    }
}

#[cfg(test)]
#[path = "device_tests.rs"]
mod tests;
