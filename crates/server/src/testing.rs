//! The one test harness for every crate that talks to the service (feature `testing`, off in the
//! release binaries): a throwaway service in this process on a port the system picks on
//! 127.0.0.1, SQLite in a temporary directory, and the site's calls (enrol, sign in with a code,
//! post events) and the app's signed calls made as the real callers make them.
//!
//! The server's own tests build their per-backend and SMTP harness on [`LocalService`]; the
//! activity client's, the CLI's and the app's end-to-end tests, and the screenshots, use it as is.

// Test-only code (never built without the `testing` feature): a failed step of a test's setup
// is the test's failure, so it panics with the reason instead of returning errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod webhook_receiver;

use std::path::Path;

pub use reqwest::{Client, Method, Response};
use serde_json::{Value, json};
use tempfile::TempDir;
use vigil_core::activity::{ActivityKey, RequestTarget, sign_request};
use vigil_core::{OtpParams, OtpUri, Secret, Sensitive};

use crate::{Clock, Config, RunningServer};

/// The site's bearer key.
pub const SITE_KEY: &str = "site-key-for-tests-0123456789";
/// The reviewer's bearer key.
pub const REVIEWER_KEY: &str = "reviewer-key-for-tests-012345";
/// The server secret key that seals the TOTP secrets (32 bytes in hex).
pub const SECRET_KEY: &str = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";
/// The user agent of the site's sign-ins.
pub const FIREFOX: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/// A loopback port free at the moment of asking.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The test configuration: the keys above, a port the system picks on 127.0.0.1, SQLite in
/// `dir`, and [`SECRET_KEY`] for the secrets at rest.
pub fn config(dir: &Path) -> Config {
    let mut config = Config::with_keys(SITE_KEY, REVIEWER_KEY);
    config.listen = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
    config.database_url = Some(format!(
        "sqlite://{}?mode=rwc",
        dir.join("server.db").display()
    ));
    config.secret_key = Some(Sensitive::new(SECRET_KEY.to_owned()));
    config
}

/// An account the site created: its id, and its enrolment URI parsed and as the service wrote it.
#[derive(Debug)]
pub struct Enrolled {
    /// The service's account id (the last part of its feed URL).
    pub id: String,
    /// The enrolment URI.
    pub uri: OtpUri,
    /// The enrolment URI's text, as the app would scan it.
    pub text: String,
}

/// A running service and an HTTP client to call it as the site, the reviewer or the app.
pub struct LocalService {
    /// The server (`None` once a test stopped it by hand).
    pub server: Option<RunningServer>,
    /// Its base URL, e.g. `http://127.0.0.1:41234`.
    pub base: String,
    /// The HTTP client the calls go through.
    pub client: Client,
    /// The service's clock (tests move it forward).
    pub clock: Clock,
    /// The directory the SQLite database is in.
    pub dir: TempDir,
}

impl LocalService {
    /// A service with the test configuration on the system clock.
    pub async fn start() -> LocalService {
        Self::start_with(Clock::system(), |_, _| {}).await
    }

    /// A service on `clock`, with the test configuration changed by `adjust` (which is given
    /// the service's directory, e.g. for the `--demo` URIs file).
    pub async fn start_with(clock: Clock, adjust: impl FnOnce(&mut Config, &Path)) -> LocalService {
        let dir = tempfile::tempdir().unwrap();
        let mut config = config(dir.path());
        adjust(&mut config, dir.path());
        Self::start_in(dir, config, clock).await
    }

    /// A service with this configuration, whose files are in `dir`.
    pub async fn start_in(dir: TempDir, config: Config, clock: Clock) -> LocalService {
        let server = crate::start(config, clock.clone()).await.unwrap();
        LocalService {
            base: server.base_url.clone(),
            server: Some(server),
            client: Client::new(),
            clock,
            dir,
        }
    }

    /// Stops the server (if running) and starts a new one with `config`, on the same clock.
    pub async fn restart(&mut self, config: Config) {
        if let Some(server) = self.server.take() {
            server.stop().await.unwrap();
        }
        let server = crate::start(config, self.clock.clone()).await.unwrap();
        self.base = server.base_url.clone();
        self.server = Some(server);
    }

    /// Stops the server: it no longer answers.
    pub async fn stop(mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await.unwrap();
        }
    }

    /// The URL of `path` at the service.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A call as the site (its bearer key), with an optional JSON body.
    pub async fn site(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        self.bearer(SITE_KEY, method, path, body).await
    }

    /// A call as the reviewer (its bearer key), with an optional JSON body.
    pub async fn reviewer(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        self.bearer(REVIEWER_KEY, method, path, body).await
    }

    async fn bearer(&self, key: &str, method: Method, path: &str, body: Option<Value>) -> Response {
        let mut request = self.client.request(method, self.url(path)).bearer_auth(key);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.unwrap()
    }

    /// Creates an account with a random external id and email; returns its id and secret.
    pub async fn enrol(&self) -> (String, Secret) {
        let external = uuid::Uuid::new_v4().to_string();
        let enrolled = self
            .enrol_with(
                json!({"external_id": external, "email": format!("{external}@example.com")}),
            )
            .await;
        (enrolled.id, enrolled.uri.secret)
    }

    /// Creates an account from the site's `POST /v1/accounts` body (external id, email, and
    /// optionally issuer and label).
    pub async fn enrol_with(&self, body: Value) -> Enrolled {
        let response = self.site(Method::POST, "/v1/accounts", Some(body)).await;
        let status = response.status();
        let body: Value = response.json().await.unwrap();
        assert_eq!(status, 201, "{body}");
        let text = body["otpauth_uri"].as_str().unwrap().to_owned();
        Enrolled {
            id: body["account_id"].as_str().unwrap().to_owned(),
            uri: OtpUri::parse(&text).unwrap(),
            text,
        }
    }

    /// The code of `secret` `offset_steps` periods from the service's time.
    pub fn code(&self, secret: &Secret, offset_steps: i64) -> String {
        let at = (self.clock.now() + offset_steps * 30) as u64;
        OtpParams::totp().code_at(secret, at).as_str().to_owned()
    }

    /// The site checks a code the person typed, signing in from `ip` with Firefox.
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

    /// The site reports an event; returns the status and the JSON answer.
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

    /// The account's state as the site sees it.
    pub async fn state(&self, id: &str) -> String {
        let body: Value = self
            .site(Method::GET, &format!("/v1/accounts/{id}"), None)
            .await
            .json()
            .await
            .unwrap();
        body["state"].as_str().unwrap().to_owned()
    }

    /// A request signed as the app signs it, at the server's clock, for the service's public
    /// URL (its origin, and `path` under its prefix, as a proxy in front of it would see it).
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
        let public = &self.server.as_ref().unwrap().state.public_url;
        let public_path = public.public_path(path);
        let target = RequestTarget {
            method,
            origin: public.origin(),
            path_and_query: &public_path,
        };
        let headers =
            sign_request(&key, &target, self.clock.now() + time_offset, &nonce, body).unwrap();
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

    /// The account's whole feed (up to 200 events), read as the app reads it.
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

    /// The app answers `event` with `verdict`; returns the status and the JSON answer.
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
