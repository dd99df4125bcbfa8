//! `vigil-server`: reads its configuration (flags, `VIGIL_*` variables, `--config` file), starts
//! the activity service and runs until Ctrl-C or SIGTERM; `check-config` prints the effective
//! configuration instead.

use std::process::ExitCode;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::rand::{SecureRandom, SystemRandom};
use vigil_core::Sensitive;
use vigil_server::config::{LogFormat, ServerCommand};
use vigil_server::{Clock, Config, ConfigError};

/// mimalloc instead of glibc's malloc: the service allocates and frees small buffers on every
/// request from several threads, where glibc's arenas showed as a fifth of the CPU time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    // Flags, variables and the --config file first, so the demo generates only the keys that no
    // source gives.
    let mut config = match Config::from_args(std::env::args_os()) {
        Ok(config) => config,
        Err(ConfigError::Args(error)) => error.exit(),
        Err(error) => {
            eprintln!("vigil-server: {error}");
            return ExitCode::from(2);
        }
    };
    init_logging(config.log_format);
    if config.command == Some(ServerCommand::CheckConfig) {
        print!("{}", vigil_server::config_report::report(&config));
        return if vigil_server::config_report::problems(&config).is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        };
    }
    if config.command == Some(ServerCommand::Reseal) {
        return match vigil_server::reseal::reseal(config).await {
            Ok(counts) => {
                println!(
                    "re-sealed {} secrets and {} documents with the new key ({} already were); \
                     start the service with VIGIL_SECRET_KEY set to the new key",
                    counts.secrets, counts.documents, counts.already_new
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("vigil-server: {error}");
                ExitCode::from(2)
            }
        };
    }
    let mut generated_secret_key = false;
    if config.demo {
        // The demo makes its own random keys when none are given, and prints them once.
        for (slot, name) in [
            (&mut config.site_key, "VIGIL_SITE_KEY"),
            (&mut config.reviewer_key, "VIGIL_REVIEWER_KEY"),
        ] {
            if slot.is_none() {
                let Some(key) = random_key() else {
                    eprintln!("vigil-server: no randomness for the demo keys");
                    return ExitCode::FAILURE;
                };
                println!("{name}={key}");
                *slot = Some(key);
            }
        }
        if config.secret_key.is_none() {
            let mut bytes = [0u8; 32];
            if SystemRandom::new().fill(&mut bytes).is_err() {
                eprintln!("vigil-server: no randomness for the demo secret key");
                return ExitCode::FAILURE;
            }
            let key = Sensitive::new(STANDARD.encode(bytes));
            bytes.fill(0);
            // Printed once, like the other demo keys: this database cannot be read without it.
            println!("VIGIL_SECRET_KEY={}", key.expose());
            config.secret_key = Some(key);
            generated_secret_key = true;
        }
    }
    let server = match vigil_server::start(config, Clock::system()).await {
        Ok(server) => server,
        Err(error) => {
            eprintln!("vigil-server: {error}");
            if generated_secret_key && matches!(error, vigil_server::StartError::SecretKey(_)) {
                eprintln!(
                    "vigil-server: --demo made a new VIGIL_SECRET_KEY; give the one printed when \
                     this database was created, or use another VIGIL_DATA_DIR"
                );
            }
            return ExitCode::from(2);
        }
    };
    println!("vigil-server listening on {}", server.base_url);
    let stop = async {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            let mut term =
                match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                    Ok(term) => term,
                    Err(_) => return,
                };
            tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
        }
        #[cfg(not(unix))]
        {
            let _ = ctrl_c.await;
        }
    };
    stop.await;
    match server.stop().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("vigil-server: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Log lines on standard output, as text or JSON; `RUST_LOG` filters (default `info`).
fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder.with_target(false).init(),
        LogFormat::Json => builder.json().with_current_span(false).init(),
    }
}

fn random_key() -> Option<String> {
    let mut bytes = [0u8; 24];
    SystemRandom::new().fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
