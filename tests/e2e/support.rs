//! Starting the app under `tauri-driver` with a private vault, and waiting for things on screen.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};

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
    /// Starts the app on the vault in `data_dir` (keychain service `service`).
    pub async fn start(data_dir: &std::path::Path, service: &str) -> App {
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
            .env("VIGIL_WINDOW_SIZE", "1280x800")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver must be installed (cargo install tauri-driver --locked)");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": binary }),
        );
        capabilities.insert("browserName".into(), serde_json::json!("wry"));
        let url = format!("http://127.0.0.1:{port}");
        // tauri-driver needs a moment to listen; retry the session for up to 30 s.
        let mut last_error = String::new();
        for _ in 0..60 {
            match ClientBuilder::native()
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => return App { client, driver },
                Err(error) => last_error = error.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        panic!("could not start a WebDriver session: {last_error}");
    }

    /// Waits (up to 20 s) for an element and returns it.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
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

    /// Ends the session and the app.
    pub async fn stop(mut self) {
        let _ = self.client.close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A private keychain service name, cleared with `secret-tool` when dropped.
pub struct Service(pub String);

impl Service {
    pub fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        Service(format!("vigil-e2e-{name}-{nanos}"))
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = Command::new("secret-tool")
            .args(["clear", "service", &self.0])
            .status();
    }
}
