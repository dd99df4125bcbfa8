//! Load benchmark (scripts/bench-server): a bounded tokio + reqwest client against a server on
//! 127.0.0.1. Stores N events (default 1,000,000) over 1,000 accounts, then measures accepted
//! verifications per second and feed p50/p99 latency. Usage:
//! `cargo run --release -p vigil-server --example load -- [DATABASE_URL] [EVENTS]`

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use reqwest::Client;
use ring::rand::{SecureRandom, SystemRandom};
use serde_json::json;
use vigil_core::activity::{ActivityKey, RequestTarget, sign_request};
use vigil_core::{OtpParams, Secret, Sensitive};
use vigil_server::db::NewAccount;
use vigil_server::{Clock, Config};

const SITE_KEY: &str = "bench-site-key-0123456789";
const FEED_ACCOUNTS: usize = 1000;
const VERIFY_ACCOUNTS: usize = 4000;
const CONCURRENCY: usize = 32;
const FEED_REQUESTS: usize = 4000;

fn secret_for(n: usize) -> Secret {
    let mut bytes = [0u8; 20];
    bytes[..8].copy_from_slice(&(n as u64).to_be_bytes());
    Secret::from_bytes(bytes.to_vec())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = tempfile::tempdir()?;
    let url = args
        .get(1)
        .filter(|url| !url.is_empty())
        .cloned()
        .unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("bench.db").display()
            )
        });
    let events: usize = args
        .get(2)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let mut config = Config::with_keys(SITE_KEY, "bench-reviewer-key-012345");
    // The database is a throwaway one: a fresh server secret key each run seals its secrets.
    let mut secret_key = [0u8; 32];
    SystemRandom::new()
        .fill(&mut secret_key)
        .map_err(|_| "no randomness for the secret key")?;
    config.secret_key = Some(Sensitive::new(
        secret_key.iter().map(|b| format!("{b:02x}")).collect(),
    ));
    config.listen = "127.0.0.1:0".parse()?;
    config.database_url = Some(url.clone());
    let server = vigil_server::start(config, Clock::system()).await?;
    let db = server.state.db.clone();
    let now = server.state.clock.now();

    // Seed: accounts, then events in multi-row inserts (the way a migration would bulk-load).
    let started = Instant::now();
    let mut ids = Vec::new();
    for n in 0..FEED_ACCOUNTS + VERIFY_ACCOUNTS {
        let id = format!("bench-{n:06}");
        let sealed_secret = server.state.secret_sealer.seal(&id, &secret_for(n))?;
        db.insert_account(&NewAccount {
            id: &id,
            external_id: &id,
            email: "bench@example.com",
            issuer: "Bench",
            label: &id,
            sealed_secret: &sealed_secret,
            created_at: now,
        })
        .await?;
        ids.push(id);
    }
    let per_account = events / FEED_ACCOUNTS;
    let ips = ["193.0.6.139", "81.2.69.142", "8.8.8.8", "133.11.0.1"];
    for (a, id) in ids.iter().take(FEED_ACCOUNTS).enumerate() {
        let mut tx = db.pool().begin().await?;
        for chunk in (0..per_account).collect::<Vec<_>>().chunks(100) {
            let mut sql = String::from(
                "INSERT INTO events (id, account_id, kind, occurred_at, recorded_at, ip, country, \
                 user_agent, outcome, details, flagged, resolved, reasons) VALUES ",
            );
            for (i, e) in chunk.iter().enumerate() {
                if i > 0 {
                    sql.push(',');
                }
                let t = now - (*e as i64) * 600;
                let ip = ips[(a + e) % ips.len()];
                let (kind, outcome, details) = if e % 5 == 0 {
                    (
                        "order_placed",
                        "NULL",
                        format!(
                            "{{\"reference\":\"ORD-{a}-{e}\",\"amount\":\"9.99\",\"currency\":\"EUR\"}}"
                        ),
                    )
                } else {
                    ("sign_in", "'success'", "{}".to_owned())
                };
                sql.push_str(&format!(
                    "('e-{a}-{e}', '{id}', '{kind}', {t}, {t}, '{ip}', 'NL', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0', {outcome}, '{details}', 0, 1, '[]')"
                ));
            }
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    println!(
        "seeded {} events over {FEED_ACCOUNTS} accounts in {:.1} s ({url_kind})",
        per_account * FEED_ACCOUNTS,
        started.elapsed().as_secs_f64(),
        url_kind = if url.starts_with("postgres") {
            "postgres"
        } else {
            "sqlite"
        }
    );

    let client = Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()?;
    let base = server.base_url.clone();

    // Accepted verifications per second: each account verifies its current code once.
    let next = Arc::new(AtomicUsize::new(0));
    let accepted = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (client, base, next, accepted) =
            (client.clone(), base.clone(), next.clone(), accepted.clone());
        workers.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= VERIFY_ACCOUNTS {
                    break;
                }
                let account = FEED_ACCOUNTS + n;
                let unix = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0);
                let code = OtpParams::totp().code_at(&secret_for(account), unix);
                let response = client
                    .post(format!("{base}/v1/accounts/bench-{account:06}/verify"))
                    .bearer_auth(SITE_KEY)
                    .json(
                        &json!({"code": code.as_str(), "ip": "193.0.6.139", "user_agent": "bench"}),
                    )
                    .send()
                    .await;
                if matches!(response, Ok(r) if r.status() == 200) {
                    accepted.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for worker in workers {
        worker.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let accepted = accepted.load(Ordering::Relaxed);
    println!(
        "verify: {accepted}/{VERIFY_ACCOUNTS} accepted in {elapsed:.2} s = {:.0} accepted verifications/s (concurrency {CONCURRENCY})",
        accepted as f64 / elapsed
    );

    // Feed latency: signed GET /v1/feed/{id}?limit=50 on random accounts.
    let next = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(tokio::sync::Mutex::new(Vec::with_capacity(FEED_REQUESTS)));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (client, base, next, latencies) = (
            client.clone(),
            base.clone(),
            next.clone(),
            latencies.clone(),
        );
        workers.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= FEED_REQUESTS {
                    break;
                }
                let account = (n * 7919) % FEED_ACCOUNTS;
                let id = format!("bench-{account:06}");
                let path = format!("/v1/feed/{id}?limit=50");
                let key = ActivityKey::derive(&secret_for(account), &id);
                let unix = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs() as i64)
                    .unwrap_or(0);
                let nonce = format!("bench-nonce-{n:010}");
                let target = RequestTarget {
                    method: "GET",
                    origin: &base,
                    path_and_query: &path,
                };
                let Ok(headers) = sign_request(&key, &target, unix, &nonce, b"") else {
                    continue;
                };
                let mut request = client.get(format!("{base}{path}"));
                for (name, value) in headers.pairs() {
                    request = request.header(name, value);
                }
                let sent = Instant::now();
                let ok = match request.send().await {
                    Ok(r) if r.status() == 200 => r.bytes().await.is_ok(),
                    _ => false,
                };
                if ok {
                    latencies.lock().await.push(sent.elapsed());
                }
            }
        }));
    }
    for worker in workers {
        worker.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let mut latencies = latencies.lock().await.clone();
    latencies.sort();
    let pick = |q: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or(Duration::ZERO)
    };
    println!(
        "feed: {} pages of 50 in {elapsed:.2} s ({:.0}/s, concurrency {CONCURRENCY}): p50 {:.1} ms, p99 {:.1} ms",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        pick(0.50).as_secs_f64() * 1000.0,
        pick(0.99).as_secs_f64() * 1000.0
    );
    server.stop().await?;
    Ok(())
}
