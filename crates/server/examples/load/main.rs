//! Load benchmark (scripts/bench-server) and soak (scripts/soak-server): a tokio + reqwest client
//! against a server started in this process on 127.0.0.1. Stores N events (default 1,000,000)
//! over 1,000 accounts, then measures accepted verifications per second and feed p50/p99 latency
//! (32 concurrent requests), or holds a fixed request rate for a while (the soak). Usage:
//! `load [DATABASE_URL] [EVENTS] [PHASE] [REQUESTS]` with PHASE `all` (the default), `verify` or
//! `feed` (one phase only; REQUESTS, default 4,000, is how many), or
//! `load [DATABASE_URL] [EVENTS] soak SECONDS VERIFICATIONS_PER_S PAGES_PER_S`.

mod soak;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use reqwest::Client;
use ring::rand::{SecureRandom, SystemRandom};
use serde_json::json;
use vigil_core::activity::{ActivityKey, RequestTarget, sign_request};
use vigil_core::{OtpParams, Secret, Sensitive};
use vigil_server::db::{Database, NewAccount};
use vigil_server::{Clock, Config, RunningServer};

/// The service's own allocator (as in `vigil-server`'s main.rs), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SITE_KEY: &str = "bench-site-key-0123456789";
const FEED_ACCOUNTS: usize = 1000;
const VERIFY_ACCOUNTS: usize = 4000;
const CONCURRENCY: usize = 32;
const FEED_REQUESTS: usize = 4000;

/// The TOTP secret of the `n`-th bench account.
fn secret_for(n: usize) -> Secret {
    let mut bytes = [0u8; 20];
    bytes[..8].copy_from_slice(&(n as u64).to_be_bytes());
    Secret::from_bytes(bytes.to_vec())
}

/// The id of the `n`-th bench account.
fn account_id(n: usize) -> String {
    format!("bench-{n:06}")
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// `POST /v1/accounts/{id}/verify` with the account's current code; whether it was accepted.
async fn verify_once(client: &Client, base: &str, account: usize) -> Result<(), String> {
    let code = OtpParams::totp().code_at(&secret_for(account), unix_now());
    let response = client
        .post(format!("{base}/v1/accounts/{}/verify", account_id(account)))
        .bearer_auth(SITE_KEY)
        .json(&json!({"code": code.as_str(), "ip": "193.0.6.139", "user_agent": "bench"}))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    match response.status().as_u16() {
        200 => Ok(()),
        status => Err(format!("verify {status}")),
    }
}

/// A signed `GET /v1/feed/{id}?limit=50` with a fresh nonce, body read.
async fn feed_once(client: &Client, base: &str, account: usize, nonce: &str) -> Result<(), String> {
    let id = account_id(account);
    let path = format!("/v1/feed/{id}?limit=50");
    let key = ActivityKey::derive(&secret_for(account), &id);
    let target = RequestTarget {
        method: "GET",
        origin: base,
        path_and_query: &path,
    };
    let headers =
        sign_request(&key, &target, unix_now() as i64, nonce, b"").map_err(|e| e.to_string())?;
    let mut request = client.get(format!("{base}{path}"));
    for (name, value) in headers.pairs() {
        request = request.header(name, value);
    }
    let response = request.send().await.map_err(|e| e.to_string())?;
    match response.status().as_u16() {
        200 => response
            .bytes()
            .await
            .map(|_| ())
            .map_err(|e| e.to_string()),
        status => Err(format!("feed {status}")),
    }
}

/// Creates accounts `from..to` (each with its own sealed secret).
async fn insert_accounts(
    server: &RunningServer,
    db: &Database,
    from: usize,
    to: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let now = server.state.clock.now();
    for n in from..to {
        let id = account_id(n);
        let sealed_secret = server.state.secret_sealer.seal(&id, &secret_for(n))?;
        db.insert_account(&NewAccount {
            id: &id,
            external_id: &id,
            email: "bench@example.com",
            issuer: "Bench",
            label: &id,
            sealed_secret: &sealed_secret,
            created_at: now,
            locale: None,
        })
        .await?;
    }
    Ok(())
}

/// Stores `events / FEED_ACCOUNTS` events for each feed account, in multi-row inserts (the way a
/// migration would bulk-load).
async fn insert_events(
    server: &RunningServer,
    db: &Database,
    events: usize,
) -> Result<usize, Box<dyn std::error::Error>> {
    let now = server.state.clock.now();
    let per_account = events / FEED_ACCOUNTS;
    let ips = ["193.0.6.139", "81.2.69.142", "8.8.8.8", "133.11.0.1"];
    for a in 0..FEED_ACCOUNTS {
        let id = account_id(a);
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
    Ok(per_account * FEED_ACCOUNTS)
}

/// Runs `requests` calls of `one(n)` with `CONCURRENCY` in flight; the latencies of the
/// successful ones and the elapsed seconds.
async fn closed_loop<F, Fut>(requests: usize, one: F) -> (Vec<Duration>, f64)
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = Result<(), String>> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(std::sync::Mutex::new(Vec::with_capacity(requests)));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (next, latencies, one) = (next.clone(), latencies.clone(), one.clone());
        workers.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= requests {
                    break;
                }
                let sent = Instant::now();
                if one(n).await.is_ok()
                    && let Ok(mut latencies) = latencies.lock()
                {
                    latencies.push(sent.elapsed());
                }
            }
        }));
    }
    for worker in workers {
        let _ = worker.await;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let mut latencies = latencies.lock().map(|l| l.clone()).unwrap_or_default();
    latencies.sort();
    (latencies, elapsed)
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    sorted
        .get(((sorted.len() as f64 - 1.0) * q) as usize)
        .copied()
        .unwrap_or(Duration::ZERO)
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
    let phase = args.get(3).map(String::as_str).unwrap_or("all");
    let number = |i: usize, default: usize| -> Result<usize, Box<dyn std::error::Error>> {
        Ok(args
            .get(i)
            .map(|n| n.parse())
            .transpose()?
            .unwrap_or(default))
    };
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

    let started = Instant::now();
    let verify_accounts = match phase {
        "soak" => soak::accounts_for(number(5, 0)?),
        "verify" => number(4, VERIFY_ACCOUNTS)?,
        _ => VERIFY_ACCOUNTS,
    };
    insert_accounts(&server, &db, 0, FEED_ACCOUNTS + verify_accounts).await?;
    let stored = insert_events(&server, &db, events).await?;
    println!(
        "seeded {stored} events over {FEED_ACCOUNTS} accounts in {:.1} s ({url_kind})",
        started.elapsed().as_secs_f64(),
        url_kind = if url.starts_with("postgres") {
            "postgres"
        } else {
            "sqlite"
        }
    );

    let client = Client::builder().pool_max_idle_per_host(512).build()?;
    let base = server.base_url.clone();

    if phase == "soak" {
        let plan = soak::Plan {
            seconds: number(4, 600)? as u64,
            verifications_per_s: number(5, 0)?,
            pages_per_s: number(6, 0)?,
            first_verify_account: FEED_ACCOUNTS,
            verify_accounts,
            feed_accounts: FEED_ACCOUNTS,
        };
        let report = soak::run(&client, &base, &plan).await;
        server.stop().await?;
        return if report.errors == 0 {
            Ok(())
        } else {
            Err(format!("{} errors", report.errors).into())
        };
    }

    if phase == "all" || phase == "verify" {
        // Accepted verifications per second: each fresh account verifies its current code once.
        let (client, base) = (client.clone(), base.clone());
        let (accepted, elapsed) = closed_loop(verify_accounts, move |n| {
            let (client, base) = (client.clone(), base.clone());
            async move { verify_once(&client, &base, FEED_ACCOUNTS + n).await }
        })
        .await;
        println!(
            "verify: {}/{verify_accounts} accepted in {elapsed:.2} s = {:.0} accepted verifications/s (concurrency {CONCURRENCY})",
            accepted.len(),
            accepted.len() as f64 / elapsed
        );
    }

    if phase == "all" || phase == "feed" {
        // Feed latency: signed GET /v1/feed/{id}?limit=50 on spread accounts.
        let requests = if phase == "feed" {
            number(4, FEED_REQUESTS)?
        } else {
            FEED_REQUESTS
        };
        let (client, base) = (client.clone(), base.clone());
        let (latencies, elapsed) = closed_loop(requests, move |n| {
            let (client, base) = (client.clone(), base.clone());
            async move {
                let nonce = format!("bench-nonce-{n:010}");
                feed_once(&client, &base, (n * 7919) % FEED_ACCOUNTS, &nonce).await
            }
        })
        .await;
        println!(
            "feed: {} pages of 50 in {elapsed:.2} s ({:.0}/s, concurrency {CONCURRENCY}): p50 {:.1} ms, p99 {:.1} ms",
            latencies.len(),
            latencies.len() as f64 / elapsed,
            percentile(&latencies, 0.50).as_secs_f64() * 1000.0,
            percentile(&latencies, 0.99).as_secs_f64() * 1000.0
        );
    }
    server.stop().await?;
    Ok(())
}
