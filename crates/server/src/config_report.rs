//! `vigil-server check-config`: the effective configuration as `VARIABLE=value` lines (the
//! config file's own form), secrets redacted and passwords cut out of URLs, then every problem
//! the service would refuse to start with.

use clap::CommandFactory;
use serde::Serializer;
use vigil_core::Sensitive;

use crate::config::{Config, SECRET_SETTINGS};

/// What a secret's value is printed as.
pub const REDACTED: &str = "<redacted>";

/// Serialises a secret as [`REDACTED`] (or nothing when unset), never its value.
pub fn redacted<S: Serializer>(
    value: &Option<Sensitive<String>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(_) => serializer.serialize_str(REDACTED),
        None => serializer.serialize_none(),
    }
}

/// One setting as `check-config` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownSetting {
    /// Its variable, e.g. `VIGIL_SMTP_URL`.
    pub variable: String,
    /// Its effective value, redacted; `None` when unset.
    pub value: Option<String>,
}

/// Every setting with a variable, in the order of `--help`, with its effective value.
pub fn effective_settings(config: &Config) -> Vec<ShownSetting> {
    let values = serde_json::to_value(config).unwrap_or_default();
    let command = Config::command();
    command
        .get_arguments()
        .filter_map(|arg| {
            let variable = arg.get_env()?.to_str()?.to_owned();
            let id = arg.get_id().as_str();
            let value = match values.get(id) {
                None | Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::String(text)) => Some(text.clone()),
                Some(other) => Some(other.to_string()),
            };
            let value = value.map(|value| {
                if SECRET_SETTINGS.iter().any(|(secret, _)| *secret == id) {
                    REDACTED.to_owned()
                } else {
                    without_password(&value)
                }
            });
            Some(ShownSetting { variable, value })
        })
        .collect()
}

/// A URL with its password (if any) replaced by [`REDACTED`]; other text as it is.
pub fn without_password(text: &str) -> String {
    match url::Url::parse(text) {
        Ok(mut url) if url.password().is_some() => {
            if url.set_password(Some(REDACTED)).is_err() {
                return REDACTED.to_owned();
            }
            url.to_string()
        }
        _ => text.to_owned(),
    }
}

/// Every reason the service would refuse this configuration (empty: it would start, as far as
/// can be told without opening the database or binding the address).
pub fn problems(config: &Config) -> Vec<String> {
    let mut problems = Vec::new();
    if let Err(error) = config.keys() {
        problems.push(error.to_string());
    }
    if let Err(error) = config.secret_sealer() {
        problems.push(error.to_string());
    }
    if let Err(error) = config.smtp_target() {
        problems.push(error.to_string());
    }
    if let Err(error) = config.webhook_target() {
        problems.push(error.to_string());
    }
    if let Some(url) = &config.public_url
        && let Err(error) = crate::public_url::PublicUrl::parse(url)
    {
        problems.push(error.to_string());
    }
    problems
}

/// The report `check-config` prints: the settings, then the problems as `# problem:` lines.
pub fn report(config: &Config) -> String {
    let mut text = String::new();
    for setting in effective_settings(config) {
        match setting.value {
            Some(value) => text.push_str(&format!("{}={value}\n", setting.variable)),
            None => text.push_str(&format!("# {} is not set\n", setting.variable)),
        }
    }
    if config.smtp_url.as_deref().is_none_or(str::is_empty) && !config.demo {
        text.push_str("# warning: VIGIL_SMTP_URL is not set: emails are only logged, never sent\n");
    }
    for problem in problems(config) {
        text.push_str(&format!("# problem: {problem}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_passwords_are_redacted() {
        let mut config = Config::with_keys("site-key-0123456789", "reviewer-key-0123456789");
        config.secret_key = Some(Sensitive::new("secret-key-text".to_owned()));
        config.database_url = Some("postgres://vigil:db-password@db.example/vigil".to_owned());
        config.smtp_url = Some("smtp://127.0.0.1:25".to_owned());
        config.rules.failures_before_block = 4;
        let text = report(&config);
        for secret in [
            "site-key-0123456789",
            "reviewer-key-0123456789",
            "secret-key-text",
            "db-password",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        assert!(text.contains("VIGIL_SITE_KEY=<redacted>\n"), "{text}");
        assert!(text.contains("VIGIL_SECRET_KEY=<redacted>\n"), "{text}");
        assert!(
            text.contains("VIGIL_DATABASE_URL=postgres://vigil:%3Credacted%3E@db.example/vigil\n")
                || text
                    .contains("VIGIL_DATABASE_URL=postgres://vigil:<redacted>@db.example/vigil\n"),
            "{text}"
        );
        assert!(text.contains("VIGIL_FAILURES_BEFORE_BLOCK=4\n"), "{text}");
        assert!(text.contains("VIGIL_MAX_SPEED_KMH=900.0\n"), "{text}");
        assert!(
            text.contains("# VIGIL_CITY_DATABASE is not set\n"),
            "{text}"
        );
        // The secret key is no valid key: said as a problem.
        assert!(text.contains("# problem: "), "{text}");
    }

    #[test]
    fn every_setting_is_shown() {
        let config = Config::with_keys("site-key-0123456789", "reviewer-key-0123456789");
        let shown = effective_settings(&config);
        let with_variable = Config::command()
            .get_arguments()
            .filter(|arg| arg.get_env().is_some())
            .count();
        assert_eq!(shown.len(), with_variable);
        assert!(shown.len() >= 25, "{shown:?}");
    }
}
