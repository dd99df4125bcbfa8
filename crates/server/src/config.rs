//! Configuration, one source of truth: the clap definitions below. Every setting is a
//! command-line flag, a `VIGIL_*` environment variable and a `NAME=value` line of the `--config`
//! file. Flags win over the environment, the environment over the file, the file over the
//! defaults; the file is read through the same clap definitions, so a new setting needs nothing
//! here. Secrets (the site, reviewer and secret keys) are refused as flags (other users see a
//! command line), and a config file other users may read or write is refused.

use std::collections::{BTreeSet, HashMap};
use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::parser::ValueSource;
use clap::{Arg, CommandFactory, FromArgMatches, Parser, Subcommand};
use vigil_core::Sensitive;

use crate::public_url::PublicUrl;
use crate::sealed_secret::{SecretKeyError, SecretSealer};
pub use crate::smtp_target::SmtpTarget;

/// Why the service cannot start with the configuration it was given.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A required key is missing; the service never falls back to a default key.
    #[error(
        "{0} is not set: give it in the environment or in the --config file (no default key is used)"
    )]
    MissingKey(&'static str, &'static str),
    /// A secret was given as a command-line flag, which every user of the machine can read.
    #[error(
        "--{0} is refused on the command line (other users can read it): set {1} in the environment or in the --config file"
    )]
    SecretAsFlag(&'static str, &'static str),
    /// The config file holds secrets but other users may read or change it.
    #[error(
        "the config file {path} is open to other users (mode {mode:04o}); it holds secrets: chmod o-rwx it"
    )]
    FileOpenToOthers {
        /// The file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
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
    /// A value in the config file is not valid for its setting.
    #[error("{path}: {message}")]
    FileValue {
        /// The file.
        path: PathBuf,
        /// clap's sentence, naming the setting's flag and the value.
        message: String,
    },
    /// The command line (or a `VIGIL_*` variable) is wrong, or asks for `--help`/`--version`:
    /// `clap::Error::exit` prints it as clap does.
    #[error("{0}")]
    Args(#[from] clap::Error),
    /// `VIGIL_SECRET_KEY` is not 32 bytes in hex or base64.
    #[error("{0}")]
    SecretKey(#[from] SecretKeyError),
    /// `VIGIL_SMTP_URL` or `VIGIL_SMTP_CA_FILE` cannot be used.
    #[error("{0}")]
    Smtp(#[from] crate::smtp_target::SmtpTargetError),
    /// A URL with a password was given as a command-line flag.
    #[error(
        "--{0} with a password is refused on the command line (other users can read it): set {1} in the environment or in the --config file"
    )]
    PasswordAsFlag(&'static str, &'static str),
    /// `VIGIL_SITE_WEBHOOK_URL` or `VIGIL_WEBHOOK_SECRET` cannot be used.
    #[error("{0}")]
    Webhook(#[from] crate::webhooks::WebhookConfigError),
    /// `VIGIL_PUBLIC_URL` is not a usable base URL.
    #[error("{0}")]
    PublicUrl(#[from] crate::public_url::PublicUrlError),
    /// There is no data directory for the default SQLite database.
    #[error("no data directory for the default database: set VIGIL_DATABASE_URL or VIGIL_DATA_DIR")]
    NoDataDir,
}

/// Every setting of `vigil-server`.
#[derive(Parser, Debug, Clone, serde::Serialize)]
#[command(
    name = "vigil-server",
    version,
    about = "Vigil's reference activity service"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "VIGIL_SERVER_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Address of the Prometheus `/metrics` endpoint (with `/healthz` and `/readyz`), apart
    /// from the public one; unset: no metrics endpoint.
    #[arg(long, env = "VIGIL_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    /// Log lines as `text` (for a terminal) or `json` (one object a line, for a collector).
    #[arg(long, env = "VIGIL_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// `sqlite://path` or `postgres://…` (default: vigil-server.db in the data directory);
    /// PostgreSQL over TLS with `?sslmode=verify-full` (the system's trust store) and
    /// `&sslrootcert=/path/ca.pem`. With a password: environment or config file only.
    #[arg(long, env = "VIGIL_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// Directory of the default SQLite database (default: ~/.local/share/vigil-server).
    #[arg(long, env = "VIGIL_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// The key the site's backend sends as `Authorization: Bearer …` (environment or config
    /// file only).
    #[arg(long, env = "VIGIL_SITE_KEY", hide_env_values = true)]
    pub site_key: Option<String>,
    /// The key reviewers send, and type as the password of the /review page (environment or
    /// config file only).
    #[arg(long, env = "VIGIL_REVIEWER_KEY", hide_env_values = true)]
    pub reviewer_key: Option<String>,
    /// 32 random bytes (64 hex digits or base64) that encrypt the TOTP secrets in the database
    /// (environment or config file only).
    #[arg(long, env = "VIGIL_SECRET_KEY", hide_env_values = true, value_parser = sensitive_text)]
    #[serde(serialize_with = "crate::config_report::redacted")]
    pub secret_key: Option<Sensitive<String>>,
    /// For `reseal` only: the key that replaces VIGIL_SECRET_KEY (environment or config file
    /// only).
    #[arg(long, env = "VIGIL_NEW_SECRET_KEY", hide_env_values = true, value_parser = sensitive_text)]
    #[serde(serialize_with = "crate::config_report::redacted")]
    pub new_secret_key: Option<Sensitive<String>>,
    /// The mail relay: `smtp://host:port`, `smtp://user:password@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:password@host:465`; unset: emails are logged instead of sent.
    /// With a password: environment or config file only.
    #[arg(long, env = "VIGIL_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// A PEM file of CA certificates trusted for the relay, besides the system's.
    #[arg(long, env = "VIGIL_SMTP_CA_FILE")]
    pub smtp_ca_file: Option<PathBuf>,
    /// Seconds before the first retry of an email the relay did not take (doubled after each
    /// further failure).
    #[arg(long, env = "VIGIL_EMAIL_RETRY_SECONDS", default_value_t = 30)]
    pub email_retry_seconds: u64,
    /// The longest wait between two attempts at an email, in seconds.
    #[arg(long, env = "VIGIL_EMAIL_RETRY_MAX_SECONDS", default_value_t = 3600)]
    pub email_retry_max_seconds: u64,
    /// The From address of emails.
    #[arg(
        long,
        env = "VIGIL_SMTP_FROM",
        default_value = "Vigil alerts <alerts@vigil.invalid>"
    )]
    pub smtp_from: String,
    /// Where the site is told at once of ended sessions, locks, unlocks and secured accounts
    /// (POSTed JSON, signed with VIGIL_WEBHOOK_SECRET): https://, or http:// only to this
    /// machine (127.0.0.1, ::1, localhost); unset: the site polls GET /v1/webhook-events.
    #[arg(long, env = "VIGIL_SITE_WEBHOOK_URL")]
    pub site_webhook_url: Option<String>,
    /// The key webhooks are signed with (HMAC-SHA256, at least 16 characters; environment or
    /// config file only).
    #[arg(long, env = "VIGIL_WEBHOOK_SECRET", hide_env_values = true, value_parser = sensitive_text)]
    #[serde(serialize_with = "crate::config_report::redacted")]
    pub webhook_secret: Option<Sensitive<String>>,
    /// Seconds before the first retry of a webhook the site did not take (doubled after each
    /// further failure).
    #[arg(long, env = "VIGIL_WEBHOOK_RETRY_SECONDS", default_value_t = 10)]
    pub webhook_retry_seconds: u64,
    /// The longest wait between two attempts at a webhook, in seconds.
    #[arg(long, env = "VIGIL_WEBHOOK_RETRY_MAX_SECONDS", default_value_t = 3600)]
    pub webhook_retry_max_seconds: u64,
    /// Days a delivered webhook event is kept for sites that poll, then removed (undelivered
    /// ones are kept until delivered).
    #[arg(long, env = "VIGIL_WEBHOOK_KEEP_DAYS", default_value_t = 30)]
    pub webhook_keep_days: u64,
    /// The public base URL of this service, used in `activity=` URLs (default: http://LISTEN).
    #[arg(long, env = "VIGIL_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// The issuer shown in authenticators when the site gives none.
    #[arg(long, env = "VIGIL_ISSUER", default_value = "Vigil Demo Shop")]
    pub issuer: String,
    /// An optional MaxMind-format city database, for the travel-speed rule.
    #[arg(long, env = "VIGIL_CITY_DATABASE")]
    pub city_database: Option<PathBuf>,
    /// A file of `NAME=value` lines (e.g. `VIGIL_SITE_KEY=…`) for settings not given otherwise;
    /// refused when other users may read it.
    #[arg(long, env = "VIGIL_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Start with demo accounts and a realistic history (and generated keys if none are set).
    #[arg(long)]
    pub demo: bool,
    /// With --demo: write the demo accounts' otpauth URIs to this file (one a line).
    #[arg(long, env = "VIGIL_DEMO_URIS")]
    pub demo_uris: Option<PathBuf>,
    /// The longest a request may take, its body included, in seconds (a connection silent for
    /// twice this long is closed).
    #[arg(long, env = "VIGIL_REQUEST_TIMEOUT_SECONDS", default_value_t = 30)]
    pub request_timeout_seconds: u64,
    /// Open connections at most; more wait to be accepted.
    #[arg(long, env = "VIGIL_MAX_CONNECTIONS", default_value_t = 512)]
    pub max_connections: usize,
    /// Requests handled at once at most; more are answered 503 at once.
    #[arg(long, env = "VIGIL_MAX_REQUESTS_IN_FLIGHT", default_value_t = 128)]
    pub max_requests_in_flight: usize,
    /// The takeover rules' thresholds.
    #[command(flatten)]
    #[serde(flatten)]
    pub rules: RuleSettings,
    /// What to do instead of serving, if anything (a subcommand, added by [`Config::from_args`]
    /// so the config file's pass through these definitions has none).
    #[arg(skip)]
    #[serde(skip)]
    pub command: Option<ServerCommand>,
    /// Whether the `--config` file was read into these settings already.
    #[arg(skip)]
    #[serde(skip)]
    file_read: bool,
    /// Names in the config file that are no setting (logged once logging is set up).
    #[arg(skip)]
    #[serde(skip)]
    pub unknown_file_names: Vec<String>,
}

/// How log lines are written.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object a line.
    Json,
}

/// What `vigil-server` does instead of serving.
#[derive(clap::Subcommand, Debug, Clone, PartialEq, Eq)]
pub enum ServerCommand {
    /// Prints the effective configuration (every setting and where defaults apply), secrets
    /// redacted, and checks it; exits 2 when the service would refuse it.
    CheckConfig,
    /// Key rotation, with every instance stopped: re-seals every TOTP secret and document from
    /// VIGIL_SECRET_KEY to VIGIL_NEW_SECRET_KEY (all or nothing); then start with the new key.
    Reseal,
}

/// The rules' thresholds (defaults as issue 5 fixes them; the clap defaults are the only ones).
#[derive(clap::Args, Debug, Clone, serde::Serialize)]
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

impl Config {
    /// A configuration with defaults and the given keys, for tests and embedding.
    pub fn with_keys(site_key: &str, reviewer_key: &str) -> Self {
        let mut config = Config::parse_from(["vigil-server"]);
        config.site_key = Some(site_key.to_owned());
        config.reviewer_key = Some(reviewer_key.to_owned());
        config
    }

    /// The settings from a command line (`args` starts with the program's name): each from its
    /// flag, else its `VIGIL_*` variable, else the `--config` file, else its default.
    pub fn from_args<I, T>(args: I) -> Result<Self, ConfigError>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let matches =
            ServerCommand::augment_subcommands(Self::command()).try_get_matches_from(args)?;
        for (id, variable) in SECRET_SETTINGS {
            if matches.value_source(id) == Some(ValueSource::CommandLine) {
                return Err(ConfigError::SecretAsFlag(flag_of(id), variable));
            }
        }
        for (id, flag, variable) in [
            ("database_url", "database-url", "VIGIL_DATABASE_URL"),
            ("smtp_url", "smtp-url", "VIGIL_SMTP_URL"),
        ] {
            let with_password = matches
                .get_one::<String>(id)
                .and_then(|text| url::Url::parse(text).ok())
                .is_some_and(|url| url.password().is_some());
            if with_password && matches.value_source(id) == Some(ValueSource::CommandLine) {
                return Err(ConfigError::PasswordAsFlag(flag, variable));
            }
        }
        let mut config = Self::from_arg_matches(&matches)?;
        if matches.subcommand_name().is_some() {
            config.command = Some(ServerCommand::from_arg_matches(&matches)?);
        }
        config.read_file(|arg| {
            matches!(
                matches.value_source(arg.get_id().as_str()),
                Some(ValueSource::CommandLine | ValueSource::EnvVariable)
            )
        })?;
        Ok(config)
    }

    /// Reads the `--config` file, if any and not read yet, into the settings whose variable is
    /// not set in the environment. For a `Config` built in code (there is no command line), the
    /// file's lines replace the fields it names; [`Config::from_args`] has read it already.
    pub fn load_file(&mut self) -> Result<(), ConfigError> {
        self.read_file(|arg| {
            arg.get_env()
                .is_some_and(|name| std::env::var_os(name).is_some())
        })
    }

    /// Fills every setting the file names and `given` says no stronger source gave, by passing
    /// the file's values through the settings' own flags (so they are checked and converted the
    /// same way). Names the file has but no setting takes are logged and ignored.
    fn read_file(&mut self, given: impl Fn(&Arg) -> bool) -> Result<(), ConfigError> {
        let Some(path) = self.config.clone() else {
            return Ok(());
        };
        if self.file_read {
            return Ok(());
        }
        let values = read_values(&path)?;
        let command = Self::command();
        let mut args: Vec<OsString> = vec![command.get_name().into()];
        let mut known = BTreeSet::new();
        for arg in command.get_arguments() {
            let (Some(name), Some(long)) = (arg.get_env().and_then(|n| n.to_str()), arg.get_long())
            else {
                continue;
            };
            known.insert(name);
            // The file cannot name another file.
            if name == CONFIG_VARIABLE || given(arg) {
                continue;
            }
            if let Some(value) = values.get(name) {
                args.push(format!("--{long}={value}").into());
            }
        }
        self.unknown_file_names = values
            .keys()
            .filter(|name| !known.contains(name.as_str()))
            .cloned()
            .collect();
        self.unknown_file_names.sort();
        // Without defaults or variables, only what the file gives is present in the matches, and
        // only that is updated.
        let file_value = |error: clap::Error| ConfigError::FileValue {
            path: path.clone(),
            message: clap_sentence(&error),
        };
        let matches = command
            .mut_args(|arg| arg.env(None).default_value(None))
            .try_get_matches_from(args)
            .map_err(file_value)?;
        // A flag without a variable (`--demo`) cannot come from the file, but clap gives every
        // flag an implicit `false` that the update would copy.
        let (demo, command) = (self.demo, self.command.clone());
        let unknown = std::mem::take(&mut self.unknown_file_names);
        self.update_from_arg_matches(&matches).map_err(file_value)?;
        self.demo = demo;
        self.command = command;
        self.unknown_file_names = unknown;
        self.file_read = true;
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

    /// The database URL, defaulting to a SQLite file in the data directory (created 0700 if
    /// needed).
    /// A `sqlite://path` URL without a `mode` opens the file read-write and creates it (as the
    /// README's form promises; SQLite alone would refuse a missing file).
    pub fn database_url(&self) -> Result<String, ConfigError> {
        if let Some(url) = &self.database_url {
            return Ok(with_sqlite_create_mode(url));
        }
        let dir = match &self.data_dir {
            Some(dir) => dir.clone(),
            None => directories::ProjectDirs::from("", "", "vigil-server")
                .map(|dirs| dirs.data_dir().to_path_buf())
                .ok_or(ConfigError::NoDataDir)?,
        };
        crate::private_files::create_private_dir(&dir).map_err(|source| ConfigError::File {
            path: dir.clone(),
            source,
        })?;
        Ok(format!(
            "sqlite://{}?mode=rwc",
            dir.join("vigil-server.db").display()
        ))
    }

    /// Where webhooks go (`None`: nowhere, the site polls), checked with their secret.
    pub fn webhook_target(&self) -> Result<Option<crate::webhooks::WebhookTarget>, ConfigError> {
        Ok(crate::webhooks::WebhookTarget::parse(
            self.site_webhook_url.as_deref(),
            self.webhook_secret.as_ref(),
        )?)
    }

    /// Where emails go.
    pub fn smtp_target(&self) -> Result<SmtpTarget, ConfigError> {
        Ok(SmtpTarget::parse(self.smtp_url.as_deref())?)
    }

    /// The public URL: the base of `activity=` URLs and what signed requests must be signed
    /// for (default `http://` + the bound address).
    pub fn public_url(&self, bound: SocketAddr) -> Result<PublicUrl, ConfigError> {
        match &self.public_url {
            Some(url) => Ok(PublicUrl::parse(url)?),
            None => Ok(PublicUrl::parse(&format!("http://{bound}"))?),
        }
    }
}

/// `url` with `mode=rwc` added when it is a SQLite URL naming no mode.
fn with_sqlite_create_mode(url: &str) -> String {
    let is_sqlite = url.starts_with("sqlite:");
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let memory = path.ends_with(":memory:");
    if !is_sqlite || memory || query.split('&').any(|pair| pair.starts_with("mode=")) {
        return url.to_owned();
    }
    if query.is_empty() {
        format!("{path}?mode=rwc")
    } else {
        format!("{path}?{query}&mode=rwc")
    }
}

/// The variable of `--config` itself.
const CONFIG_VARIABLE: &str = "VIGIL_CONFIG";

/// The secret settings (clap id, variable): never flags, never printed.
pub const SECRET_SETTINGS: [(&str, &str); 5] = [
    ("site_key", "VIGIL_SITE_KEY"),
    ("reviewer_key", "VIGIL_REVIEWER_KEY"),
    ("secret_key", "VIGIL_SECRET_KEY"),
    ("new_secret_key", "VIGIL_NEW_SECRET_KEY"),
    ("webhook_secret", "VIGIL_WEBHOOK_SECRET"),
];

/// The flag of a secret setting, for its error.
fn flag_of(id: &str) -> &'static str {
    match id {
        "site_key" => "site-key",
        "reviewer_key" => "reviewer-key",
        "new_secret_key" => "new-secret-key",
        "webhook_secret" => "webhook-secret",
        _ => "secret-key",
    }
}

/// Refuses a config file other users may read or write (it holds the keys).
fn check_private(path: &Path) -> Result<(), ConfigError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let metadata = std::fs::metadata(path).map_err(|source| ConfigError::File {
            path: path.to_owned(),
            source,
        })?;
        let mode = metadata.permissions().mode() & 0o7777;
        if mode & 0o007 != 0 {
            return Err(ConfigError::FileOpenToOthers {
                path: path.to_owned(),
                mode,
            });
        }
    }
    Ok(())
}

/// The `NAME=value` lines of a config file (blank lines and `#` comments skipped).
fn read_values(path: &Path) -> Result<HashMap<String, String>, ConfigError> {
    check_private(path)?;
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::File {
        path: path.to_owned(),
        source,
    })?;
    let mut values = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, value) = line
            .split_once('=')
            .ok_or_else(|| ConfigError::FileSyntax {
                path: path.to_owned(),
                line: index + 1,
            })?;
        values.insert(name.trim().to_owned(), value.trim().to_owned());
    }
    Ok(values)
}

/// clap's error as one sentence, without its `error: ` prefix and usage lines.
fn clap_sentence(error: &clap::Error) -> String {
    let text = error.to_string();
    let first = text.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}

/// Parses a flag or variable into a value that is never printed (`Config` derives `Debug`).
fn sensitive_text(text: &str) -> Result<Sensitive<String>, std::convert::Infallible> {
    Ok(Sensitive::new(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A config file with `text` in a fresh directory.
    fn config_file(text: &str) -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vigil-server.conf");
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        (dir, path.display().to_string())
    }

    #[test]
    fn secrets_are_refused_as_flags() {
        for (flag, variable) in [
            ("--site-key=site-key-0123456789", "VIGIL_SITE_KEY"),
            (
                "--reviewer-key=reviewer-key-0123456789",
                "VIGIL_REVIEWER_KEY",
            ),
            ("--secret-key=00", "VIGIL_SECRET_KEY"),
            (
                "--webhook-secret=whsec-0123456789abcdef",
                "VIGIL_WEBHOOK_SECRET",
            ),
        ] {
            let error = Config::from_args(["vigil-server", flag])
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("refused on the command line") && error.contains(variable),
                "{error}"
            );
        }
        // The same keys from the file are taken.
        let (_dir, path) = config_file("VIGIL_SITE_KEY=site-key-0123456789\n");
        let config = Config::from_args(["vigil-server", "--config", &path]).unwrap();
        assert_eq!(config.site_key.as_deref(), Some("site-key-0123456789"));
    }

    #[test]
    fn urls_with_a_password_are_refused_as_flags() {
        for (flag, variable) in [
            (
                "--database-url=postgres://vigil:pw@db/vigil",
                "VIGIL_DATABASE_URL",
            ),
            ("--smtp-url=smtps://user:pw@mail", "VIGIL_SMTP_URL"),
        ] {
            let error = Config::from_args(["vigil-server", flag])
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("refused on the command line") && error.contains(variable),
                "{error}"
            );
            assert!(!error.contains("pw@"), "{error}");
        }
        // Without a password they are fine as flags.
        let config =
            Config::from_args(["vigil-server", "--database-url=postgres://vigil@db/vigil"])
                .unwrap();
        assert_eq!(
            config.database_url.as_deref(),
            Some("postgres://vigil@db/vigil")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_config_file_other_users_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, path) = config_file("VIGIL_SITE_KEY=site-key-0123456789\n");
        for mode in [0o644, 0o604, 0o602] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            let error = Config::from_args(["vigil-server", "--config", &path])
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("open to other users") && error.contains(&format!("{mode:04o}")),
                "{error}"
            );
        }
        // Group-readable (root:service 0640) is fine.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        Config::from_args(["vigil-server", "--config", &path]).unwrap();
    }

    #[test]
    fn a_sqlite_url_without_a_mode_creates_the_file() {
        let mut config = Config::with_keys("site-key-0123456789", "reviewer-key-0123456789");
        for (given, effective) in [
            (
                "sqlite:///var/lib/v/db.sqlite",
                "sqlite:///var/lib/v/db.sqlite?mode=rwc",
            ),
            (
                "sqlite://db.sqlite?cache=shared",
                "sqlite://db.sqlite?cache=shared&mode=rwc",
            ),
            ("sqlite://db.sqlite?mode=ro", "sqlite://db.sqlite?mode=ro"),
            ("sqlite::memory:", "sqlite::memory:"),
            ("postgres://vigil@db/vigil", "postgres://vigil@db/vigil"),
        ] {
            config.database_url = Some(given.to_owned());
            assert_eq!(config.database_url().unwrap(), effective);
        }
    }

    #[test]
    fn the_config_file_works_after_a_subcommand() {
        let (_dir, path) = config_file("VIGIL_FAILURES_BEFORE_BLOCK=3\n");
        let config =
            Config::from_args(["vigil-server", "check-config", "--config", &path]).unwrap();
        assert_eq!(config.command, Some(ServerCommand::CheckConfig));
        assert_eq!(config.rules.failures_before_block, 3);
    }

    #[test]
    fn every_setting_in_the_file_takes_effect() {
        let (_dir, path) = config_file(
            "# thresholds\nVIGIL_MAX_SPEED_KMH=500\n\n VIGIL_FAILURES_TO_LOCK = 7\n\
             VIGIL_ISSUER=File Shop\nVIGIL_SERVER_LISTEN=127.0.0.1:9999\nVIGIL_SITE_KEY=k\n\
             VIGIL_NOT_A_SETTING=1\n",
        );
        let config = Config::from_args(["vigil-server", "--config", &path]).unwrap();
        assert_eq!(config.rules.max_speed_kmh, 500.0);
        assert_eq!(config.rules.failures_to_lock, 7);
        assert_eq!(config.issuer, "File Shop");
        assert_eq!(config.listen, "127.0.0.1:9999".parse().unwrap());
        assert_eq!(config.site_key.as_deref(), Some("k"));
        // What the file does not name keeps its default.
        assert_eq!(config.rules.travel_window_minutes, 120);
        assert_eq!(config.smtp_from, "Vigil alerts <alerts@vigil.invalid>");
    }

    #[test]
    fn a_flag_wins_over_the_file() {
        let (_dir, path) = config_file("VIGIL_MAX_SPEED_KMH=500\nVIGIL_ISSUER=File Shop\n");
        let config = Config::from_args([
            "vigil-server",
            "--max-speed-kmh",
            "800",
            "--config",
            &path,
            "--issuer=Flag Shop",
        ])
        .unwrap();
        assert_eq!(config.rules.max_speed_kmh, 800.0);
        assert_eq!(config.issuer, "Flag Shop");
    }

    #[test]
    fn a_bad_file_names_the_file_and_the_setting() {
        let (_dir, path) = config_file("VIGIL_MAX_SPEED_KMH=fast\n");
        let error = Config::from_args(["vigil-server", "--config", &path])
            .unwrap_err()
            .to_string();
        assert!(error.starts_with(&path), "{error}");
        assert!(
            error.contains("'fast'") && error.contains("--max-speed-kmh"),
            "{error}"
        );
        let (_dir, path) = config_file("VIGIL_ISSUER=Shop\nno equals sign\n");
        let error = Config::from_args(["vigil-server", "--config", &path])
            .unwrap_err()
            .to_string();
        assert_eq!(error, format!("{path}:2: expected NAME=value"));
    }

    #[test]
    fn a_config_built_in_code_reads_its_file_once_and_keeps_demo() {
        let (_dir, path) =
            config_file("VIGIL_CHANGES_TO_REVIEW=2\nVIGIL_SMTP_URL=smtp://mail:25\n");
        let mut config = Config::with_keys("site-key-0123456789", "reviewer-key-0123456789");
        config.demo = true;
        config.config = Some(path.into());
        config.load_file().unwrap();
        assert_eq!(config.rules.changes_to_review, 2);
        assert_eq!(config.smtp_url.as_deref(), Some("smtp://mail:25"));
        assert!(config.demo);
        assert_eq!(config.site_key.as_deref(), Some("site-key-0123456789"));
        // Read once: what code sets afterwards stays.
        config.rules.changes_to_review = 5;
        config.load_file().unwrap();
        assert_eq!(config.rules.changes_to_review, 5);
    }

    #[test]
    fn every_setting_but_demo_has_a_variable_the_file_can_name() {
        let command = Config::command();
        let without: Vec<_> = command
            .get_arguments()
            .filter(|arg| arg.get_env().is_none())
            .map(|arg| arg.get_id().as_str().to_owned())
            .collect();
        assert_eq!(without, ["demo"]);
    }
}
