//! Configuration: command-line flags, each also read from a `VIGIL_*` environment variable, and an
//! optional `NAME=value` file (`--config`) for what neither gives.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;
use vigil_core::Sensitive;

use crate::sealed_secret::{SecretKeyError, SecretSealer};

/// Why the service cannot start with the configuration it was given.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A required key is missing; the service never falls back to a default key.
    #[error(
        "{0} is not set: give it in the environment, as --{1}, or in the --config file (no default key is used)"
    )]
    MissingKey(&'static str, &'static str),
    /// A key is too short to be a secret.
    #[error("{0} must be at least 16 characters long")]
    WeakKey(&'static str),
    /// The `--config` file cannot be read.
    #[error("cannot read the config file {path}: {source}")]
    File {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line of the config file is not `NAME=value`.
    #[error("{path}:{line}: expected NAME=value")]
    FileSyntax {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
    },
    /// `VIGIL_SECRET_KEY` is not 32 bytes in hex or base64.
    #[error("{0}")]
    SecretKey(#[from] SecretKeyError),
    /// `VIGIL_SMTP_URL` is not `smtp://host:port`.
    #[error("VIGIL_SMTP_URL must look like smtp://host:port (got '{0}')")]
    SmtpUrl(String),
    /// There is no data directory for the default SQLite database.
    #[error("no data directory for the default database: set VIGIL_DATABASE_URL or VIGIL_DATA_DIR")]
    NoDataDir,
}

/// Every setting of `vigil-server`.
#[derive(Parser, Debug, Clone)]
#[command(
    name = "vigil-server",
    version,
    about = "Vigil's reference activity service"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "VIGIL_SERVER_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// `sqlite://path` or `postgres://…` (default: vigil-server.db in the data directory).
    #[arg(long, env = "VIGIL_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Directory of the default SQLite database (default: ~/.local/share/vigil-server).
    #[arg(long, env = "VIGIL_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// The key the site's backend sends as `Authorization: Bearer …`.
    #[arg(long, env = "VIGIL_SITE_KEY", hide_env_values = true)]
    pub site_key: Option<String>,
    /// The key reviewers send (and type as the password of the /review page).
    #[arg(long, env = "VIGIL_REVIEWER_KEY", hide_env_values = true)]
    pub reviewer_key: Option<String>,
    /// 32 random bytes (64 hex digits or base64) that encrypt the TOTP secrets in the database.
    #[arg(long, env = "VIGIL_SECRET_KEY", hide_env_values = true, value_parser = sensitive_text)]
    pub secret_key: Option<Sensitive<String>>,
    /// `smtp://host:port`; unset: emails are logged instead of sent.
    #[arg(long, env = "VIGIL_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The From address of emails.
    #[arg(
        long,
        env = "VIGIL_SMTP_FROM",
        default_value = "Vigil alerts <alerts@vigil.invalid>"
    )]
    pub smtp_from: String,
    /// The public base URL of this service, used in `activity=` URLs (default: http://LISTEN).
    #[arg(long, env = "VIGIL_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// The issuer shown in authenticators when the site gives none.
    #[arg(long, env = "VIGIL_ISSUER", default_value = "Vigil Demo Shop")]
    pub issuer: String,
    /// An optional MaxMind-format city database, for the travel-speed rule.
    #[arg(long, env = "VIGIL_CITY_DATABASE")]
    pub city_database: Option<PathBuf>,
    /// A file of `NAME=value` lines (e.g. `VIGIL_SITE_KEY=…`) for settings not given otherwise.
    #[arg(long, env = "VIGIL_CONFIG")]
    pub config: Option<PathBuf>,
    /// Start with demo accounts and a realistic history (and generated keys if none are set).
    #[arg(long)]
    pub demo: bool,
    /// With --demo: write the demo accounts' otpauth URIs to this file (one a line).
    #[arg(long, env = "VIGIL_DEMO_URIS")]
    pub demo_uris: Option<PathBuf>,
    /// The takeover rules' thresholds.
    #[command(flatten)]
    pub rules: RuleSettings,
}

/// The rules' thresholds (defaults as issue 5 fixes them).
#[derive(clap::Args, Debug, Clone)]
pub struct RuleSettings {
    /// Two sign-ins from different countries less than this many minutes apart lock the account.
    #[arg(long, env = "VIGIL_TRAVEL_WINDOW_MINUTES", default_value_t = 120)]
    pub travel_window_minutes: i64,
    /// A country confirmed "mine" within this many days does not trigger the travel rule.
    #[arg(long, env = "VIGIL_CONFIRMED_COUNTRY_DAYS", default_value_t = 90)]
    pub confirmed_country_days: i64,
    /// With a city database: a speed above this between two sign-ins is flagged.
    #[arg(long, env = "VIGIL_MAX_SPEED_KMH", default_value_t = 900.0)]
    pub max_speed_kmh: f64,
    /// Window of the payment-method rule, in hours.
    #[arg(long, env = "VIGIL_PAYMENT_WINDOW_HOURS", default_value_t = 24)]
    pub payment_window_hours: i64,
    /// The number of payment methods within the window that locks the account.
    #[arg(long, env = "VIGIL_PAYMENT_METHODS_TO_LOCK", default_value_t = 3)]
    pub payment_methods_to_lock: i64,
    /// Window of the account-changes rule, in hours.
    #[arg(long, env = "VIGIL_CHANGES_WINDOW_HOURS", default_value_t = 24)]
    pub changes_window_hours: i64,
    /// Distinct changes (email, phone, address, password) within the window that need a review.
    #[arg(long, env = "VIGIL_CHANGES_TO_REVIEW", default_value_t = 3)]
    pub changes_to_review: i64,
    /// Failed codes in a row before a temporary block.
    #[arg(long, env = "VIGIL_FAILURES_BEFORE_BLOCK", default_value_t = 5)]
    pub failures_before_block: i64,
    /// Longest temporary block, in minutes.
    #[arg(long, env = "VIGIL_MAX_BLOCK_MINUTES", default_value_t = 15)]
    pub max_block_minutes: i64,
    /// Failed codes in a row that lock the account pending verification.
    #[arg(long, env = "VIGIL_FAILURES_TO_LOCK", default_value_t = 100)]
    pub failures_to_lock: i64,
    /// At most one alert per rule per account within this many minutes.
    #[arg(long, env = "VIGIL_ALERT_INTERVAL_MINUTES", default_value_t = 60)]
    pub alert_interval_minutes: i64,
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self {
            travel_window_minutes: 120,
            confirmed_country_days: 90,
            max_speed_kmh: 900.0,
            payment_window_hours: 24,
            payment_methods_to_lock: 3,
            changes_window_hours: 24,
            changes_to_review: 3,
            failures_before_block: 5,
            max_block_minutes: 15,
            failures_to_lock: 100,
            alert_interval_minutes: 60,
        }
    }
}

/// Where emails go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmtpTarget {
    /// Log each email (subject and recipient only) instead of sending.
    Log,
    /// Plain SMTP to this host and port.
    Server {
        /// Host name or address.
        host: String,
        /// Port.
        port: u16,
    },
}

impl Config {
    /// A configuration with defaults and the given keys, for tests and embedding.
    pub fn with_keys(site_key: &str, reviewer_key: &str) -> Self {
        let mut config = Config::parse_from(["vigil-server"]);
        config.site_key = Some(site_key.to_owned());
        config.reviewer_key = Some(reviewer_key.to_owned());
        config
    }

    /// A throwaway service for tests, examples and demos in one process: the given keys, a port
    /// the system picks on 127.0.0.1, SQLite in `dir`, and `secret_key` (64 hex digits) for the
    /// secrets at rest.
    pub fn local(
        dir: &std::path::Path,
        site_key: &str,
        reviewer_key: &str,
        secret_key: &str,
    ) -> Self {
        let mut config = Self::with_keys(site_key, reviewer_key);
        config.listen = SocketAddr::from(([127, 0, 0, 1], 0));
        config.database_url = Some(format!(
            "sqlite://{}?mode=rwc",
            dir.join("server.db").display()
        ));
        config.secret_key = Some(Sensitive::new(secret_key.to_owned()));
        config
    }

    /// Fills unset settings from the `--config` file, if any.
    pub fn load_file(&mut self) -> Result<(), ConfigError> {
        let Some(path) = self.config.clone() else {
            return Ok(());
        };
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::File {
            path: path.clone(),
            source,
        })?;
        let mut values: HashMap<String, String> = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = line.split_once('=').ok_or(ConfigError::FileSyntax {
                path: path.clone(),
                line: index + 1,
            })?;
            values.insert(name.trim().to_owned(), value.trim().to_owned());
        }
        let fill = |slot: &mut Option<String>, name: &str| {
            if slot.is_none() {
                *slot = values.get(name).cloned();
            }
        };
        fill(&mut self.site_key, "VIGIL_SITE_KEY");
        fill(&mut self.reviewer_key, "VIGIL_REVIEWER_KEY");
        if self.secret_key.is_none() {
            self.secret_key = values.get("VIGIL_SECRET_KEY").cloned().map(Sensitive::new);
        }
        fill(&mut self.smtp_url, "VIGIL_SMTP_URL");
        fill(&mut self.public_url, "VIGIL_PUBLIC_URL");
        fill(&mut self.database_url, "VIGIL_DATABASE_URL");
        Ok(())
    }

    /// The site and reviewer keys, refused when missing or short.
    pub fn keys(&self) -> Result<(&str, &str), ConfigError> {
        let site = self
            .site_key
            .as_deref()
            .ok_or(ConfigError::MissingKey("VIGIL_SITE_KEY", "site-key"))?;
        let reviewer = self.reviewer_key.as_deref().ok_or(ConfigError::MissingKey(
            "VIGIL_REVIEWER_KEY",
            "reviewer-key",
        ))?;
        if site.len() < 16 {
            return Err(ConfigError::WeakKey("VIGIL_SITE_KEY"));
        }
        if reviewer.len() < 16 {
            return Err(ConfigError::WeakKey("VIGIL_REVIEWER_KEY"));
        }
        Ok((site, reviewer))
    }

    /// The sealer of TOTP secrets, from the server secret key; refused when missing or malformed.
    pub fn secret_sealer(&self) -> Result<SecretSealer, ConfigError> {
        let text = self
            .secret_key
            .as_ref()
            .map(|key| key.expose().trim())
            .filter(|key| !key.is_empty())
            .ok_or(ConfigError::MissingKey("VIGIL_SECRET_KEY", "secret-key"))?;
        Ok(SecretSealer::from_key_text(text)?)
    }

    /// The database URL, defaulting to a SQLite file in the data directory (created if needed).
    pub fn database_url(&self) -> Result<String, ConfigError> {
        if let Some(url) = &self.database_url {
            return Ok(url.clone());
        }
        let dir = match &self.data_dir {
            Some(dir) => dir.clone(),
            None => directories::ProjectDirs::from("", "", "vigil-server")
                .map(|dirs| dirs.data_dir().to_path_buf())
                .ok_or(ConfigError::NoDataDir)?,
        };
        std::fs::create_dir_all(&dir).map_err(|source| ConfigError::File {
            path: dir.clone(),
            source,
        })?;
        Ok(format!(
            "sqlite://{}?mode=rwc",
            dir.join("vigil-server.db").display()
        ))
    }

    /// Where emails go.
    pub fn smtp_target(&self) -> Result<SmtpTarget, ConfigError> {
        let Some(url) = self.smtp_url.as_deref().filter(|url| !url.is_empty()) else {
            return Ok(SmtpTarget::Log);
        };
        let bad = || ConfigError::SmtpUrl(url.to_owned());
        let rest = url.strip_prefix("smtp://").ok_or_else(bad)?;
        let (host, port) = rest
            .trim_end_matches('/')
            .rsplit_once(':')
            .ok_or_else(bad)?;
        let port = port.parse().map_err(|_| bad())?;
        if host.is_empty() {
            return Err(bad());
        }
        Ok(SmtpTarget::Server {
            host: host.to_owned(),
            port,
        })
    }

    /// The base of `activity=` URLs, without a trailing slash.
    pub fn public_url(&self, bound: SocketAddr) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{bound}"),
        }
    }
}

/// Parses a flag or variable into a value that is never printed (`Config` derives `Debug`).
fn sensitive_text(text: &str) -> Result<Sensitive<String>, std::convert::Infallible> {
    Ok(Sensitive::new(text.to_owned()))
}
