//! The server's harness: a [`LocalService`] per test on each database backend, optionally with a
//! real SMTP server, restartable on the same database.

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::time::Duration;

use vigil_server::testing::{LocalService, free_port};
use vigil_server::{Clock, Config};

/// The databases to run each test on.
#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    Postgres(String),
}

/// SQLite, and a PostgreSQL database of the test's own when `VIGIL_TEST_POSTGRES_URL` is set
/// (the service's queue and sweeps work on whole tables, so tests must not share one).
pub async fn backends() -> Vec<Backend> {
    let mut list = vec![Backend::Sqlite];
    if let Some(url) = fresh_postgres_database().await {
        list.push(Backend::Postgres(url));
    }
    list
}

/// A new, empty database on the test PostgreSQL server, if there is one; its URL.
pub async fn fresh_postgres_database() -> Option<String> {
    use sqlx::Connection;
    let url = std::env::var("VIGIL_TEST_POSTGRES_URL").ok()?;
    if url.is_empty() {
        return None;
    }
    let name = format!("vigil_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&url).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let (base, query) = url.split_once('?').unwrap_or((&url, ""));
    let server = &base[..base.rfind('/').unwrap()];
    Some(if query.is_empty() {
        format!("{server}/{name}")
    } else {
        format!("{server}/{name}?{query}")
    })
}

/// A real SMTP server (aiosmtpd) storing every message in a Maildir.
pub struct Smtp {
    pub port: u16,
    pub maildir: PathBuf,
    _child: Option<tokio::process::Child>,
}

impl Smtp {
    /// Reads a Maildir another server (the TLS tests' own) writes.
    pub fn reader(maildir: PathBuf) -> Smtp {
        Smtp {
            port: 0,
            maildir,
            _child: None,
        }
    }

    pub async fn start(dir: &std::path::Path) -> Smtp {
        Self::start_on(dir, free_port()).await
    }

    /// A server on this port (e.g. one the service was told of while nothing listened there).
    pub async fn start_on(dir: &std::path::Path, port: u16) -> Smtp {
        let maildir = dir.join("maildir");
        let child = tokio::process::Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .kill_on_drop(true)
            .spawn()
            .expect("python3-aiosmtpd is installed (scripts/setup-system)");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Smtp {
            port,
            maildir,
            _child: Some(child),
        }
    }

    /// Every message received so far (raw RFC 5322 text, quoted-printable decoded loosely).
    pub fn messages(&self) -> Vec<String> {
        let mut messages = Vec::new();
        for sub in ["new", "cur"] {
            if let Ok(entries) = std::fs::read_dir(self.maildir.join(sub)) {
                for entry in entries.flatten() {
                    if let Ok(text) = std::fs::read_to_string(entry.path()) {
                        messages.push(readable(&text));
                    }
                }
            }
        }
        messages
    }

    /// Waits until `count` messages whose text contains `needle` arrived, and returns them.
    pub async fn wait_for(&self, needle: &str, count: usize) -> Vec<String> {
        for _ in 0..100 {
            let found: Vec<String> = self
                .messages()
                .into_iter()
                .filter(|m| m.contains(needle))
                .collect();
            if found.len() >= count {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "no {count} email(s) containing {needle:?}; got {:#?}",
            self.messages()
        );
    }
}

/// A [`LocalService`] on one backend (the site's and the app's calls are its methods), with the
/// SMTP server its emails go to, if any.
pub struct Harness {
    pub service: LocalService,
    pub backend: Backend,
    pub smtp: Option<Smtp>,
}

impl Deref for Harness {
    type Target = LocalService;
    fn deref(&self) -> &LocalService {
        &self.service
    }
}

impl DerefMut for Harness {
    fn deref_mut(&mut self) -> &mut LocalService {
        &mut self.service
    }
}

/// The test configuration on `backend`, sending emails to the SMTP server on `smtp_port`.
pub fn config_for(backend: &Backend, dir: &std::path::Path, smtp_port: Option<u16>) -> Config {
    let mut config = vigil_server::testing::config(dir);
    if let Backend::Postgres(url) = backend {
        config.database_url = Some(url.clone());
    }
    config.smtp_url = smtp_port.map(|port| format!("smtp://127.0.0.1:{port}"));
    config
}

impl Harness {
    pub async fn start(backend: Backend) -> Harness {
        Self::start_with(backend, false).await
    }

    pub async fn start_with(backend: Backend, with_smtp: bool) -> Harness {
        Self::start_configured(backend, with_smtp, |_| {}).await
    }

    /// Starts with the usual test configuration changed by `adjust` (not kept across `restart`).
    pub async fn start_configured(
        backend: Backend,
        with_smtp: bool,
        adjust: impl FnOnce(&mut Config),
    ) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let smtp = if with_smtp {
            Some(Smtp::start(dir.path()).await)
        } else {
            None
        };
        let mut config = config_for(&backend, dir.path(), smtp.as_ref().map(|s| s.port));
        adjust(&mut config);
        Harness {
            service: LocalService::start_in(dir, config, Clock::system()).await,
            backend,
            smtp,
        }
    }

    /// Stops the server and starts a new one on the same database.
    pub async fn restart(&mut self) {
        let config = config_for(
            &self.backend,
            self.service.dir.path(),
            self.smtp.as_ref().map(|s| s.port),
        );
        self.service.restart(config).await;
    }
}

/// Runs an `async fn(Backend)` once per backend as one test.
#[macro_export]
macro_rules! each_backend {
    ($name:ident, $body:path) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            for backend in $crate::support::backends().await {
                $body(backend).await;
            }
        }
    };
}

/// A code that is none of the three the service accepts now.
pub fn wrong_code(h: &Harness, secret: &vigil_core::Secret) -> String {
    let accepted = [h.code(secret, -1), h.code(secret, 0), h.code(secret, 1)];
    (0u32..)
        .map(|n| format!("{n:06}"))
        .find(|candidate| !accepted.contains(candidate))
        .unwrap()
}

/// Writes a config file as an operator must: readable by its owner only (others are refused).
pub fn write_private(path: &std::path::Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

pub use vigil_server::testing::webhook_receiver::{WEBHOOK_SECRET, WebhookReceiver, with_webhooks};

/// The site's sessions of an account (`GET /v1/accounts/{id}/sessions`).
pub async fn site_sessions(h: &Harness, id: &str) -> serde_json::Value {
    let response = h
        .site(
            vigil_server::testing::Method::GET,
            &format!("/v1/accounts/{id}/sessions"),
            None,
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The state of one session as the site sees it.
pub async fn session_state(h: &Harness, id: &str, session: &str) -> String {
    let sessions = site_sessions(h, id).await;
    sessions["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == session)
        .unwrap_or_else(|| panic!("no session {session}: {sessions}"))["state"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A raw message as a reader sees it: RFC 2047 encoded words (the subject) and quoted-printable
/// bodies decoded, so tests can look for words in any language.
fn readable(raw: &str) -> String {
    let joined = raw
        .replace("?=\r\n =?", "?==?")
        .replace("?=\n =?", "?==?")
        .replace("?= =?", "?==?");
    let mut words = String::new();
    let mut rest = joined.as_str();
    while let Some(start) = rest.find("=?") {
        words.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let decoded = after.split_once("?=").and_then(|(word, tail)| {
            let mut parts = word.splitn(3, '?');
            let (_charset, encoding, text) = (parts.next()?, parts.next()?, parts.next()?);
            let bytes = match encoding {
                "b" | "B" => {
                    use base64::Engine;
                    base64::engine::general_purpose::STANDARD
                        .decode(text)
                        .ok()?
                }
                "q" | "Q" => quoted_printable(&text.replace('_', " ")),
                _ => return None,
            };
            Some((String::from_utf8_lossy(&bytes).into_owned(), tail))
        });
        match decoded {
            Some((text, tail)) => {
                words.push_str(&text);
                rest = tail;
            }
            None => {
                words.push_str("=?");
                rest = after;
            }
        }
    }
    words.push_str(rest);
    let unwrapped = words.replace("=\r\n", "").replace("=\n", "");
    String::from_utf8_lossy(&quoted_printable(&unwrapped)).into_owned()
}

/// `=XX` escapes as bytes; anything else as it is.
fn quoted_printable(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|pair| {
                pair.iter()
                    .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(b))
            })
            .and_then(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (other, _) => {
                out.push(other);
                i += 1;
            }
        }
    }
    out
}
