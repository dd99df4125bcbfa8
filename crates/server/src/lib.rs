//! Vigil's reference activity service: enrolment, TOTP verification, events, takeover rules,
//! locks, emails, the signed feed the app reads, and review.
//!
//! `main.rs` parses the configuration and calls [`start`]; the integration tests call [`start`]
//! in-process with their own [`Clock`] and talk to it over HTTP on 127.0.0.1, through the
//! `testing` module (feature `testing`, which other crates' dev-dependencies turn on).

pub mod access_log;
pub mod clock;
pub mod config;
pub mod config_report;
pub mod db;
pub mod demo;
pub mod device;
pub mod email;
pub mod error;
pub mod geo;
pub mod listener;
pub mod mail_queue;
pub mod metrics;
pub mod private_files;
pub mod public_url;
pub mod request_limits;
pub mod reseal;
pub mod routes;
pub mod rules;
pub mod sealed_secret;
pub mod smtp_target;
#[cfg(feature = "testing")]
pub mod testing;
pub mod webhooks;

use std::net::SocketAddr;
use std::sync::Arc;

use std::time::Duration;

use ring::hmac;
use ring::rand::SystemRandom;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use clock::Clock;
pub use config::{Config, ConfigError, SmtpTarget};

use crate::db::Database;
use crate::geo::Geo;
use crate::listener::LimitedListener;
use crate::mail_queue::{Mailer, RetryPolicy};
use crate::request_limits::RequestLimits;
use crate::routes::{AppState, key_hash};

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The configuration is incomplete or wrong.
    #[error("{0}")]
    Config(#[from] ConfigError),
    /// The database cannot be opened or migrated.
    #[error("cannot open the database: {0}")]
    Database(#[from] sqlx::Error),
    /// The server secret key does not open the stored secrets, or they cannot be sealed.
    #[error("{0}")]
    SecretKey(#[from] db::SecretKeyCheckError),
    /// The city database cannot be opened.
    #[error("{0}")]
    Geo(#[from] geo::GeoError),
    /// The bundled user agent rules do not compile (a broken `scripts/update-ua-regexes` update).
    #[error("{0}")]
    UserAgentRules(String),
    /// The listen address cannot be bound.
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// The address.
        address: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The webhook sender's HTTP client cannot be set up.
    #[error("cannot set up the webhook client: {0}")]
    WebhookClient(String),
    /// The demo data could not be written.
    #[error("demo: {0}")]
    Demo(String),
}

/// A running service.
#[derive(Debug)]
pub struct RunningServer {
    /// The address it listens on.
    pub address: SocketAddr,
    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub base_url: String,
    /// The address of `/metrics`, when `metrics_listen` is set.
    pub metrics_address: Option<SocketAddr>,
    /// The shared state (tests read the database through it).
    pub state: Arc<AppState>,
    shutdown: Option<watch::Sender<bool>>,
    task: JoinHandle<Result<(), std::io::Error>>,
    metrics_task: Option<JoinHandle<Result<(), std::io::Error>>>,
    sender: Option<JoinHandle<()>>,
    webhook_sender: Option<JoinHandle<()>>,
}

impl RunningServer {
    /// Stops accepting requests, finishes those under way, and returns.
    pub async fn stop(mut self) -> Result<(), std::io::Error> {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(true);
        }
        let served = self
            .task
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        if let Some(sender) = self.sender.take() {
            sender
                .await
                .map_err(|e| std::io::Error::other(e.to_string()))?;
        }
        if let Some(webhooks) = self.webhook_sender.take() {
            webhooks
                .await
                .map_err(|e| std::io::Error::other(e.to_string()))?;
        }
        if let Some(metrics) = self.metrics_task.take() {
            metrics
                .await
                .map_err(|e| std::io::Error::other(e.to_string()))??;
        }
        served
    }

    /// Runs until the task ends (the binary: until Ctrl-C or SIGTERM).
    pub async fn wait(self) -> Result<(), std::io::Error> {
        self.task
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))?
    }
}

/// Opens the database, binds the listener and serves in a background task.
pub async fn start(mut config: Config, clock: Clock) -> Result<RunningServer, StartError> {
    config.load_file()?;
    for name in &config.unknown_file_names {
        tracing::warn!(file = ?config.config, name, "not a setting; ignored");
    }
    let (site_key, reviewer_key) = config.keys()?;
    let (site_key_hash, reviewer_key_hash) = (key_hash(site_key), key_hash(reviewer_key));
    let secret_sealer = config.secret_sealer()?;
    let smtp = config.smtp_target()?;
    let webhook_target = config.webhook_target()?;
    let database_url = config.database_url()?;
    private_files::prepare_sqlite_file(&database_url).map_err(|source| {
        StartError::Config(ConfigError::File {
            path: database_url.clone().into(),
            source,
        })
    })?;
    let db = Database::open(&database_url).await?;
    let sealed = db
        .seal_plaintext_secrets_and_check_key(&secret_sealer)
        .await?;
    if sealed > 0 {
        tracing::info!(sealed, "encrypted TOTP secrets stored in plain text before");
    }
    let geo = Geo::open(config.city_database.as_deref())?;
    device::prepare().map_err(|error| StartError::UserAgentRules(error.to_string()))?;
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Listen {
            address: config.listen,
            source,
        })?;
    let address = listener.local_addr().map_err(|source| StartError::Listen {
        address: config.listen,
        source,
    })?;
    let public_url = config.public_url(address)?;
    let compare_key = hmac::Key::generate(hmac::HMAC_SHA256, &SystemRandom::new())
        .map_err(|_| StartError::Demo("no randomness".into()))?;
    let timeout = Duration::from_secs(config.request_timeout_seconds.max(1));
    let mailer = Mailer::new(
        &smtp,
        config.smtp_ca_file.as_deref(),
        &config.smtp_from,
        db.clone(),
        RetryPolicy::from_seconds(config.email_retry_seconds, config.email_retry_max_seconds),
    )
    .map_err(ConfigError::from)?;
    let webhook_wake = webhooks::WebhookWake::default();
    let webhook_sender = match webhook_target {
        Some(target) => Some(
            webhooks::WebhookSender::new(
                target,
                db.clone(),
                webhook_wake.clone(),
                RetryPolicy::from_seconds(
                    config.webhook_retry_seconds,
                    config.webhook_retry_max_seconds,
                ),
            )
            .map_err(|error| StartError::WebhookClient(error.to_string()))?,
        ),
        None => None,
    };
    let state = Arc::new(AppState {
        db,
        clock,
        site_key_hash,
        reviewer_key_hash,
        compare_key,
        review_form_token: routes::review_form_token(&reviewer_key_hash),
        request_limits: RequestLimits::new(timeout, config.max_requests_in_flight),
        secret_sealer,
        mailer,
        geo,
        rules: config.rules.clone(),
        public_url,
        issuer: config.issuer.clone(),
        metrics: metrics::Metrics::new(),
        webhooks: webhook_wake,
    });
    if config.demo {
        demo::seed(&state, config.demo_uris.as_deref())
            .await
            .map_err(StartError::Demo)?;
    }
    let (shutdown, shutdown_signal) = watch::channel(false);
    if matches!(smtp, SmtpTarget::Log) && !config.demo {
        tracing::warn!(
            "VIGIL_SMTP_URL is not set: NO EMAIL WILL BE SENT (alerts, locks and digests are only \
             logged); set it to the mail relay outside --demo"
        );
    }
    let sender = tokio::spawn(state.mailer.clone().run_sender(shutdown_signal.clone()));
    let webhook_task =
        webhook_sender.map(|sender| tokio::spawn(sender.run(shutdown_signal.clone())));
    spawn_sweeper(
        state.clone(),
        config.webhook_keep_days,
        shutdown_signal.clone(),
    );
    let metrics_listener = match config.metrics_listen {
        Some(address) => Some(
            TcpListener::bind(address)
                .await
                .map_err(|source| StartError::Listen { address, source })?,
        ),
        None => None,
    };
    let metrics_address = match &metrics_listener {
        Some(listener) => Some(listener.local_addr().map_err(|source| StartError::Listen {
            address: config.listen,
            source,
        })?),
        None => None,
    };
    let metrics_task = metrics_listener.map(|listener| {
        let app = routes::metrics_router(state.clone());
        let stopped = stop_signal(shutdown_signal.clone());
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(stopped)
                .await
        })
    });
    let app = routes::router(state.clone());
    // A silent connection is closed after twice the request timeout, so a request whose body
    // stalls is answered 408 by the request limit first.
    let listener = LimitedListener::new(listener, config.max_connections, timeout * 2);
    let stopped = stop_signal(shutdown_signal);
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(stopped)
            .await
    });
    if let Some(metrics_address) = metrics_address {
        tracing::info!(%metrics_address, "metrics at /metrics");
    }
    tracing::info!(%address, database = db_kind(&database_url), "vigil-server listening");
    Ok(RunningServer {
        address,
        base_url: format!("http://{address}"),
        metrics_address,
        state,
        shutdown: Some(shutdown),
        task,
        metrics_task,
        sender: Some(sender),
        webhook_sender: webhook_task,
    })
}

/// Resolves once `stop` was asked for (or the `RunningServer` dropped).
async fn stop_signal(mut signal: watch::Receiver<bool>) {
    let _ = signal.wait_for(|stop| *stop).await;
}

fn db_kind(url: &str) -> &'static str {
    if url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    }
}

/// Forgets nonces once they can no longer pass the timestamp check, and delivered webhook events
/// older than `webhook_keep_days`, at start and every minute, until the service stops (so the
/// state, and its database connections, go with it).
fn spawn_sweeper(state: Arc<AppState>, webhook_keep_days: u64, stop: watch::Receiver<bool>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        let stopped = stop_signal(stop);
        tokio::pin!(stopped);
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = &mut stopped => return,
            }
            let before = state.clock.now() - vigil_core::activity::NONCE_WINDOW_SECONDS;
            if let Err(error) = state.db.forget_nonces(before).await {
                tracing::warn!(%error, "nonce sweep failed");
            }
            let keep = i64::try_from(webhook_keep_days.saturating_mul(86_400)).unwrap_or(i64::MAX);
            let delivered_before = state.clock.now().saturating_sub(keep);
            if let Err(error) = state.db.forget_delivered_webhooks(delivered_before).await {
                tracing::warn!(%error, "webhook sweep failed");
            }
        }
    });
}
