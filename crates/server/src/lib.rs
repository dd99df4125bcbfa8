//! Vigil's reference activity service: enrolment, TOTP verification, events, takeover rules,
//! locks, emails, the signed feed the app reads, and review.
//!
//! `main.rs` parses the configuration and calls [`start`]; the integration tests call [`start`]
//! in-process with their own [`Clock`] and talk to it over HTTP on 127.0.0.1, through the
//! `testing` module (feature `testing`, which other crates' dev-dependencies turn on).

pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod device;
pub mod email;
pub mod error;
pub mod geo;
pub mod listener;
pub mod private_files;
pub mod public_url;
pub mod request_limits;
pub mod routes;
pub mod rules;
pub mod sealed_secret;
#[cfg(feature = "testing")]
pub mod testing;

use std::net::SocketAddr;
use std::sync::Arc;

use std::time::Duration;

use ring::hmac;
use ring::rand::SystemRandom;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use clock::Clock;
pub use config::{Config, ConfigError};

use crate::db::Database;
use crate::email::Mailer;
use crate::geo::Geo;
use crate::listener::LimitedListener;
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
    /// The listen address cannot be bound.
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// The address.
        address: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
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
    /// The shared state (tests read the database through it).
    pub state: Arc<AppState>,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<Result<(), std::io::Error>>,
}

impl RunningServer {
    /// Stops accepting requests, finishes those under way, and returns.
    pub async fn stop(mut self) -> Result<(), std::io::Error> {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        self.task
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))?
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
    let (site_key, reviewer_key) = config.keys()?;
    let (site_key_hash, reviewer_key_hash) = (key_hash(site_key), key_hash(reviewer_key));
    let secret_sealer = config.secret_sealer()?;
    let smtp = config.smtp_target()?;
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
    let state = Arc::new(AppState {
        db,
        clock,
        site_key_hash,
        reviewer_key_hash,
        compare_key,
        review_form_token: routes::review_form_token(&reviewer_key_hash),
        request_limits: RequestLimits::new(timeout, config.max_requests_in_flight),
        secret_sealer,
        mailer: Mailer::new(&smtp, &config.smtp_from),
        geo,
        rules: config.rules.clone(),
        public_url,
        issuer: config.issuer.clone(),
    });
    if config.demo {
        demo::seed(&state, config.demo_uris.as_deref())
            .await
            .map_err(StartError::Demo)?;
    }
    spawn_nonce_sweeper(state.clone());
    let (shutdown, shutdown_signal) = oneshot::channel::<()>();
    let app = routes::router(state.clone());
    // A silent connection is closed after twice the request timeout, so a request whose body
    // stalls is answered 408 by the request limit first.
    let listener = LimitedListener::new(listener, config.max_connections, timeout * 2);
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = shutdown_signal.await;
            })
            .await
    });
    tracing::info!(%address, database = db_kind(&database_url), "vigil-server listening");
    Ok(RunningServer {
        address,
        base_url: format!("http://{address}"),
        state,
        shutdown: Some(shutdown),
        task,
    })
}

fn db_kind(url: &str) -> &'static str {
    if url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    }
}

/// Forgets nonces once they can no longer pass the timestamp check, every minute.
fn spawn_nonce_sweeper(state: Arc<AppState>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            let before = state.clock.now() - vigil_core::activity::NONCE_WINDOW_SECONDS;
            if let Err(error) = state.db.forget_nonces(before).await {
                tracing::warn!(%error, "nonce sweep failed");
            }
        }
    });
}
