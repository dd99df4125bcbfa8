//! Crash safety (issue 19, point 8): the service binary is killed with SIGKILL in the middle of
//! a load of verifications (32 at once, every code sent twice), then started again on the same
//! database: every verification the client saw accepted is stored with its sign-in event, and no
//! time step was accepted twice, before or after the restart.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};
use sqlx::any::AnyPoolOptions;
use vigil_core::{OtpParams, OtpUri, Secret};
use vigil_server::testing::{FIREFOX, REVIEWER_KEY, SECRET_KEY, SITE_KEY, free_port};

use crate::support::fresh_postgres_database;

/// The service's process, killed (SIGKILL) when dropped, also when a test fails.
struct Service(Child);

impl Service {
    fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The binary on `port` with `database_url`; returns once it answers.
async fn start_binary(database_url: &str, port: u16) -> Service {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vigil-server"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("VIGIL_") {
            command.env_remove(name);
        }
    }
    let mut child = command
        .env("VIGIL_SERVER_LISTEN", format!("127.0.0.1:{port}"))
        .env("VIGIL_DATABASE_URL", database_url)
        .env("VIGIL_SITE_KEY", SITE_KEY)
        .env("VIGIL_REVIEWER_KEY", REVIEWER_KEY)
        .env("VIGIL_SECRET_KEY", SECRET_KEY)
        .env("VIGIL_MAX_REQUESTS_IN_FLIGHT", "256")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    for _ in 0..200 {
        if let Ok(response) = client
            .get(format!("http://127.0.0.1:{port}/readyz"))
            .send()
            .await
            && response.status() == 200
        {
            return Service(child);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the service did not start");
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// One answered verification.
struct Answer {
    account: String,
    code: String,
    status: u16,
    event_id: Option<String>,
}

async fn crash_case(database_url: String) {
    let port = free_port();
    let mut child = start_binary(&database_url, port).await;
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let mut accounts: Vec<(String, Secret)> = Vec::new();
    for n in 0..300 {
        let body: Value = client
            .post(format!("{base}/v1/accounts"))
            .bearer_auth(SITE_KEY)
            .json(
                &json!({"external_id": format!("crash-{n}"), "email": format!("c{n}@example.com")}),
            )
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let uri = OtpUri::parse(body["otpauth_uri"].as_str().unwrap()).unwrap();
        accounts.push((body["account_id"].as_str().unwrap().to_owned(), uri.secret));
    }
    // Every account's current code, sent twice by different workers; killed after 150 answers.
    let jobs: Arc<Vec<(String, String)>> = Arc::new(
        accounts
            .iter()
            .flat_map(|(id, secret)| {
                let code = OtpParams::totp().code_at(secret, now()).as_str().to_owned();
                [(id.clone(), code.clone()), (id.clone(), code)]
            })
            .collect(),
    );
    let next = Arc::new(AtomicUsize::new(0));
    let answered = Arc::new(AtomicUsize::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..32 {
        let (jobs, next, answered, client, base) = (
            jobs.clone(),
            next.clone(),
            answered.clone(),
            client.clone(),
            base.clone(),
        );
        workers.spawn(async move {
            let mut answers = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::SeqCst);
                let Some((account, code)) = jobs.get(index).cloned() else {
                    return answers;
                };
                let sent = client
                    .post(format!("{base}/v1/accounts/{account}/verify"))
                    .bearer_auth(SITE_KEY)
                    .json(&json!({"code": code, "ip": "8.8.8.8", "user_agent": FIREFOX}))
                    .send()
                    .await;
                let Ok(response) = sent else { continue };
                let status = response.status().as_u16();
                let Ok(body) = response.json::<Value>().await else {
                    continue;
                };
                answered.fetch_add(1, Ordering::SeqCst);
                answers.push(Answer {
                    account,
                    code,
                    status,
                    event_id: body["event_id"].as_str().map(str::to_owned),
                });
            }
        });
    }
    while answered.load(Ordering::SeqCst) < 150 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.kill(); // SIGKILL, in the middle of the load
    let mut answers = Vec::new();
    while let Some(done) = workers.join_next().await {
        answers.extend(done.unwrap());
    }
    assert!(
        answers.len() < jobs.len(),
        "the kill came in the middle of the load"
    );
    let accepted: Vec<&Answer> = answers.iter().filter(|a| a.status == 200).collect();
    assert!(!accepted.is_empty());
    // No code was accepted twice before the crash.
    let mut per_code: HashMap<(&str, &str), usize> = HashMap::new();
    for answer in &accepted {
        *per_code
            .entry((answer.account.as_str(), answer.code.as_str()))
            .or_default() += 1;
    }
    assert!(
        per_code.values().all(|count| *count == 1),
        "a step accepted twice"
    );

    // After the restart: each accepted verification is stored, with its event...
    let _restarted = start_binary(&database_url, port).await;
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(2)
        .connect(&database_url)
        .await
        .unwrap();
    for answer in &accepted {
        let event_id = answer.event_id.as_deref().unwrap();
        let (account, outcome): (String, Option<String>) =
            sqlx::query_as("SELECT account_id, outcome FROM events WHERE id = $1")
                .bind(event_id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(account, answer.account);
        assert_eq!(outcome.as_deref(), Some("success"));
        let last_step: i64 = sqlx::query_scalar("SELECT last_step FROM accounts WHERE id = $1")
            .bind(&answer.account)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert!(last_step > 0);
        // ...and its code is refused again.
        let again = client
            .post(format!("{base}/v1/accounts/{}/verify", answer.account))
            .bearer_auth(SITE_KEY)
            .json(&json!({"code": answer.code, "ip": "8.8.8.8", "user_agent": FIREFOX}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            again.status(),
            409,
            "a step accepted twice across the crash"
        );
    }
    // Exactly one success event per accepted code: none lost, none doubled.
    let successes: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM events WHERE kind = 'sign_in' AND outcome = 'success'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(successes >= accepted.len() as i64);
    let doubled: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT account_id FROM events WHERE kind = 'sign_in' \
         AND outcome = 'success' GROUP BY account_id HAVING COUNT(*) > 1) AS twice",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(doubled, 0, "an account signed in twice with one code");
    pool.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_mid_load_loses_no_accepted_verification_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    crash_case(format!(
        "sqlite://{}",
        dir.path().join("crash.db").display()
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_mid_load_loses_no_accepted_verification_on_postgres() {
    if let Some(url) = fresh_postgres_database().await {
        crash_case(url).await;
    }
}
