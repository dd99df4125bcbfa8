//! Starting the app under `tauri-driver` with a private vault, and waiting for things on screen.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use vigil_core::{OtpParams, Secret};

/// Unix seconds now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// One running app: its tauri-driver, the WebDriver session, and its private data directory.
pub struct App {
    pub client: Client,
    driver: Child,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl App {
    /// Starts the app on the vault in `data_dir` (keychain service `service`), 1280x800.
    pub async fn start(data_dir: &std::path::Path, service: &str) -> App {
        Self::start_with(data_dir, service, (1280, 800), &[]).await
    }

    /// Starts the app with its window `size` and extra environment variables.
    pub async fn start_with(
        data_dir: &std::path::Path,
        service: &str,
        size: (u32, u32),
        env: &[(&str, &str)],
    ) -> App {
        Self::start_with_args(data_dir, service, size, env, &[]).await
    }

    /// Like [`App::start_with`], with command-line arguments for the app (a `vigil://` link).
    pub async fn start_with_args(
        data_dir: &std::path::Path,
        service: &str,
        size: (u32, u32),
        env: &[(&str, &str)],
        args: &[&str],
    ) -> App {
        let binary = std::env::var("VIGIL_APP_BIN")
            .expect("VIGIL_APP_BIN must name the built vigil-app: run scripts/test-e2e");
        let (port, native) = (free_port(), free_port());
        let driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("VIGIL_DATA_DIR", data_dir)
            .env("VIGIL_KEYCHAIN_SERVICE", service)
            .env("VIGIL_WINDOW_SIZE", format!("{}x{}", size.0, size.1))
            // English unless a test asks for another language, whatever this machine's is.
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .env_remove("LC_MESSAGES")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("tauri-driver must be installed (cargo install tauri-driver --locked)");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": binary, "args": args }),
        );
        capabilities.insert("browserName".into(), serde_json::json!("wry"));
        let url = format!("http://127.0.0.1:{port}");
        // tauri-driver needs a moment to listen; retry the session for up to 30 s.
        let mut last_error = String::new();
        for _ in 0..60 {
            // An app that never shows its window (it handed over to another and exited) must
            // not hang the session forever.
            let mut builder = ClientBuilder::native();
            builder.capabilities(capabilities.clone());
            match tokio::time::timeout(Duration::from_secs(60), builder.connect(&url)).await {
                Ok(Ok(client)) => return App { client, driver },
                Ok(Err(error)) => last_error = error.to_string(),
                Err(_) => panic!("the WebDriver session did not start in 60 s"),
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        panic!("could not start a WebDriver session: {last_error}");
    }

    /// Waits (up to 20 s) for an element and returns it. A page that redraws the element while
    /// it is being found (a stale element) is asked again.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        let mut last = String::new();
        for _ in 0..200 {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => return element,
                Err(error) => last = error.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{css} never appeared: {last}")
    }

    /// Waits (up to 20 s) until `css`'s text satisfies `test`; returns that text.
    pub async fn text_until(&self, css: &str, test: impl Fn(&str) -> bool) -> String {
        let mut last = String::new();
        for _ in 0..80 {
            let script =
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;";
            if let Ok(value) = self
                .client
                .execute(script, vec![serde_json::json!(css)])
                .await
                && let Some(text) = value.as_str()
            {
                last = text.trim().to_owned();
                if test(&last) {
                    return last;
                }
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let page = self.client.source().await.unwrap_or_default();
        let tail: String = page
            .chars()
            .rev()
            .take(1500)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        panic!("{css} never showed the expected text; last: {last:?}; page ends: {tail}");
    }

    /// Waits for the code in `css` and checks it is the code `params` and `secret` make at that
    /// moment (computed independently by vigil-core); returns it.
    pub async fn assert_code(&self, css: &str, params: &OtpParams, secret: &Secret) -> String {
        self.assert_code_shifted(css, params, secret, 0).await
    }

    /// Like [`App::assert_code`], for a clock `shift` seconds from this computer's.
    pub async fn assert_code_shifted(
        &self,
        css: &str,
        params: &OtpParams,
        secret: &Secret,
        shift: i64,
    ) -> String {
        let before = now().saturating_add_signed(shift - 1);
        let shown = self
            .text_until(css, |t| {
                t.chars().any(|c| c.is_ascii_alphanumeric()) && t != "Copied"
            })
            .await;
        let expected: Vec<String> = (before..=now().saturating_add_signed(shift + 1))
            .map(|t| params.code_at(secret, t).grouped())
            .collect();
        assert!(
            expected.contains(&shown),
            "shown {shown:?}, expected one of {expected:?}"
        );
        shown
    }

    /// Clicks the element `css` (waiting for it first).
    /// (WebKitWebDriver misplaces pointer clicks in a page zoomed by CSS, as on 4K screens;
    /// there the element's own click is used.)
    pub async fn click(&self, css: &str) {
        if let Err(error) = self.find(css).await.click().await {
            let clicked = self
                .js(
                    "const e = document.querySelector(arguments[0]); if (e) e.click(); return !!e;",
                    vec![serde_json::json!(css)],
                )
                .await;
            assert_eq!(
                clicked,
                serde_json::json!(true),
                "could not click {css}: {error}"
            );
        }
    }

    /// Gives the file input `css` the file at `path` (finding the input again if the page
    /// redrew it in between).
    pub async fn choose_file(&self, css: &str, path: &std::path::Path) {
        let mut last = String::new();
        for _ in 0..5 {
            match self
                .find(css)
                .await
                .send_keys(&path.display().to_string())
                .await
            {
                Ok(()) => return,
                Err(error) => last = error.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("could not choose {} in {css}: {last}", path.display());
    }

    /// Runs `script` in the page with `args`; returns its value.
    pub async fn js(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The accessibility problems axe-core finds on the page as it is now (every rule of WCAG 2.2
    /// A and AA and axe's best practices, any impact), one line each: rule, impact, elements.
    /// axe-core is injected from `VIGIL_AXE_JS` (scripts/test-e2e fetches it); it is never part
    /// of the app.
    pub async fn axe(&self) -> Vec<String> {
        let path = std::env::var("VIGIL_AXE_JS")
            .expect("VIGIL_AXE_JS must name axe.min.js: run scripts/test-e2e");
        let source = std::fs::read_to_string(&path).unwrap();
        let installed = self
            .js(
                &format!("{source}\n;return typeof window.axe === 'object';"),
                vec![],
            )
            .await;
        assert_eq!(installed, serde_json::json!(true), "axe-core did not load");
        let found = self
            .js(
                "return window.axe.run(document, {
                   runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                   resultTypes: ['violations'],
                 }).then((r) => r.violations.map((v) =>
                   `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));",
                vec![],
            )
            .await;
        serde_json::from_value(found).unwrap()
    }

    /// How many elements match `css` right now.
    pub async fn count(&self, css: &str) -> usize {
        let value = self
            .js(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![serde_json::json!(css)],
            )
            .await;
        value.as_u64().unwrap_or(0) as usize
    }

    /// Adds an account by pasting its otpauth link into the add dialog.
    pub async fn add_by_uri(&self, uri: &str) {
        self.click("#add-button").await;
        self.find("#add-uri").await.send_keys(uri).await.unwrap();
        self.click("#uri-form button[type=submit]").await;
    }

    /// Opens the row menu of the first row whose issuer is `issuer` and picks `item`
    /// (`copy`, `pin`, `up`, `down`, `edit`, `qr`, `delete`).
    pub async fn row_menu(&self, issuer: &str, item: &str) {
        let opened = self
            .js(
                "const row = Array.from(document.querySelectorAll('#list .row'))
                   .find((r) => r.dataset.issuer === arguments[0]);
                 if (!row) return false;
                 row.querySelector('.more').click();
                 return true;",
                vec![serde_json::json!(issuer)],
            )
            .await;
        assert_eq!(opened, serde_json::json!(true), "no row for {issuer}");
        self.click(&format!("#row-menu [data-menu={item}]")).await;
    }

    /// The issuers of the rows, in list order.
    pub async fn issuers(&self) -> Vec<String> {
        let value = self
            .js(
                "return Array.from(document.querySelectorAll('#list .row')).map((r) => r.dataset.issuer);",
                vec![],
            )
            .await;
        serde_json::from_value(value).unwrap_or_default()
    }

    /// Ends the session and the app. The driver, WebKitWebDriver and the app share a process
    /// group (see `start_with_args`): the whole group is stopped and waited for, so an app that
    /// stays running (in the background, or slow to exit) never meets the next test's start on
    /// the same vault (which would hand over to it and exit).
    pub async fn stop(mut self) {
        let _ = self.client.close().await;
        let group = format!("-{}", self.driver.id());
        let signal = |name: &str| {
            Command::new("kill")
                .args([name, "--", &group])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        signal("-TERM");
        for _ in 0..50 {
            if !signal("-0") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        signal("-KILL");
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A private keychain service name, cleared with `secret-tool` when dropped.
pub struct KeychainService(pub String);

impl KeychainService {
    pub fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        KeychainService(format!("vigil-e2e-{name}-{nanos}"))
    }
}

impl Drop for KeychainService {
    fn drop(&mut self) {
        let _ = Command::new("secret-tool")
            .args(["clear", "service", &self.0])
            .status();
    }
}
