//! The test harness: a server per test on a free loopback port, a controllable clock, helpers
//! for the site's calls and the app's signed calls, and a real SMTP server.

use std::path::PathBuf;
use std::time::Duration;

use reqwest::{Client, Method, Response};
use serde_json::{Value, json};
use tempfile::TempDir;
use vigil_core::activity::{ActivityKey, sign_request};
use vigil_core::{OtpParams, OtpUri, Secret, Sensitive};
use vigil_server::{Clock, Config, RunningServer};

pub const SITE_KEY: &str = "site-key-for-tests-0123456789";
pub const REVIEWER_KEY: &str = "reviewer-key-for-tests-012345";
/// The server secret key that seals the TOTP secrets (32 bytes in hex).
pub const SECRET_KEY: &str = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";
pub const FIREFOX: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/// The databases to run each test on.
#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    Postgres(String),
}

pub fn backends() -> Vec<Backend> {
    let mut list = vec![Backend::Sqlite];
    if let Ok(url) = std::env::var("VIGIL_TEST_POSTGRES_URL")
        && !url.is_empty()
    {
        list.push(Backend::Postgres(url));
    }
    list
}

/// A real SMTP server (aiosmtpd) storing every message in a Maildir.
pub struct Smtp {
    pub port: u16,
    pub maildir: PathBuf,
    _child: tokio::process::Child,
}

impl Smtp {
    pub async fn start(dir: &std::path::Path) -> Smtp {
        let port = free_port();
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
            _child: child,
        }
    }

    /// Every message received so far (raw RFC 5322 text, quoted-printable decoded loosely).
    pub fn messages(&self) -> Vec<String> {
        let mut messages = Vec::new();
        for sub in ["new", "cur"] {
            if let Ok(entries) = std::fs::read_dir(self.maildir.join(sub)) {
                for entry in entries.flatten() {
                    if let Ok(text) = std::fs::read_to_string(entry.path()) {
                        messages.push(
                            text.replace("=\r\n", "")
                                .replace("=\n", "")
                                .replace("=3D", "="),
                        );
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

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub struct Harness {
    pub server: Option<RunningServer>,
    pub base: String,
    pub client: Client,
    pub clock: Clock,
    pub dir: TempDir,
    pub backend: Backend,
    pub smtp: Option<Smtp>,
}

pub fn config_for(backend: &Backend, dir: &std::path::Path, smtp_port: Option<u16>) -> Config {
    let mut config = Config::with_keys(SITE_KEY, REVIEWER_KEY);
    config.secret_key = Some(Sensitive::new(SECRET_KEY.to_owned()));
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.database_url = Some(match backend {
        Backend::Sqlite => format!("sqlite://{}?mode=rwc", dir.join("server.db").display()),
        Backend::Postgres(url) => url.clone(),
    });
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
        let clock = Clock::system();
        let server = vigil_server::start(config, clock.clone()).await.unwrap();
        Harness {
            base: server.base_url.clone(),
            server: Some(server),
            client: Client::new(),
            clock,
            dir,
            backend,
            smtp,
        }
    }

    /// Stops the server and starts a new one on the same database.
    pub async fn restart(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await.unwrap();
        }
        let config = config_for(
            &self.backend,
            self.dir.path(),
            self.smtp.as_ref().map(|s| s.port),
        );
        let server = vigil_server::start(config, self.clock.clone())
            .await
            .unwrap();
        self.base = server.base_url.clone();
        self.server = Some(server);
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn site(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(SITE_KEY);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.unwrap()
    }

    pub async fn reviewer(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(REVIEWER_KEY);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.unwrap()
    }

    /// Creates an account; returns its id and secret.
    pub async fn enrol(&self) -> (String, Secret) {
        let external = uuid::Uuid::new_v4().to_string();
        let response = self
            .site(
                Method::POST,
                "/v1/accounts",
                Some(json!({"external_id": external, "email": format!("{external}@example.com")})),
            )
            .await;
        assert_eq!(response.status(), 201);
        let body: Value = response.json().await.unwrap();
        let uri = OtpUri::parse(body["otpauth_uri"].as_str().unwrap()).unwrap();
        (body["account_id"].as_str().unwrap().to_owned(), uri.secret)
    }

    pub fn code(&self, secret: &Secret, offset_steps: i64) -> String {
        let at = (self.clock.now() + offset_steps * 30) as u64;
        OtpParams::totp().code_at(secret, at).as_str().to_owned()
    }

    pub async fn verify(&self, id: &str, code: &str, ip: &str) -> Response {
        self.site(
            Method::POST,
            &format!("/v1/accounts/{id}/verify"),
            Some(json!({"code": code, "ip": ip, "user_agent": FIREFOX})),
        )
        .await
    }

    /// Signs in with the current code after moving the clock a step on (so codes never repeat).
    pub async fn sign_in(&self, id: &str, secret: &Secret, ip: &str) -> Value {
        self.clock.advance(30);
        let response = self.verify(id, &self.code(secret, 0), ip).await;
        let status = response.status();
        let body: Value = response.json().await.unwrap();
        assert_eq!(status, 200, "{body}");
        body
    }

    pub async fn event(&self, id: &str, body: Value) -> (u16, Value) {
        let response = self
            .site(
                Method::POST,
                &format!("/v1/accounts/{id}/events"),
                Some(body),
            )
            .await;
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    pub async fn state(&self, id: &str) -> String {
        let body: Value = self
            .site(Method::GET, &format!("/v1/accounts/{id}"), None)
            .await
            .json()
            .await
            .unwrap();
        body["state"].as_str().unwrap().to_owned()
    }

    /// A request signed as the app signs it, at the server's clock.
    #[allow(clippy::too_many_arguments)]
    pub async fn signed(
        &self,
        secret: &Secret,
        id: &str,
        method: &str,
        path: &str,
        body: &[u8],
        time_offset: i64,
        nonce: Option<&str>,
    ) -> Response {
        let key = ActivityKey::derive(secret, id);
        let nonce = nonce
            .map(str::to_owned)
            .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
        let headers = sign_request(
            &key,
            method,
            path,
            self.clock.now() + time_offset,
            &nonce,
            body,
        )
        .unwrap();
        let mut request = self
            .client
            .request(
                Method::from_bytes(method.as_bytes()).unwrap(),
                self.url(path),
            )
            .body(body.to_vec());
        for (name, value) in headers.pairs() {
            request = request.header(name, value);
        }
        request.send().await.unwrap()
    }

    pub async fn feed(&self, secret: &Secret, id: &str) -> Value {
        let response = self
            .signed(
                secret,
                id,
                "GET",
                &format!("/v1/feed/{id}?limit=200"),
                b"",
                0,
                None,
            )
            .await;
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }

    pub async fn verdict(
        &self,
        secret: &Secret,
        id: &str,
        event: &str,
        verdict: &str,
    ) -> (u16, Value) {
        let body = json!({"verdict": verdict}).to_string();
        let response = self
            .signed(
                secret,
                id,
                "POST",
                &format!("/v1/feed/{id}/events/{event}/verdict"),
                body.as_bytes(),
                0,
                None,
            )
            .await;
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }
}

/// Runs an `async fn(Backend)` once per backend as one test.
#[macro_export]
macro_rules! each_backend {
    ($name:ident, $body:path) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            for backend in $crate::support::backends() {
                $body(backend).await;
            }
        }
    };
}
