//! The soak (scripts/soak-server): verifications and feed pages sent at fixed rates (open loop,
//! in 10 ms slices) for a while; every answer that is not a 200 is an error; the process's
//! resident memory (VmRSS of /proc/self/status: server and client run in this process) is
//! sampled every 10 s. Latencies go into a fixed histogram so the client's own memory stays flat.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use reqwest::Client;
use tokio::sync::Semaphore;

use super::{feed_once, verify_once};

/// Requests in flight at most (below the server's default 128 handled at once); a request that
/// finds none free is counted as not sent (an error: the server fell behind the rate).
const MAX_IN_FLIGHT: usize = 120;
/// The histogram's resolution and range (0.1 ms steps up to 2 s).
const BUCKET_MICROS: u64 = 100;
const BUCKETS: usize = 20_000;

/// What the soak sends.
pub struct Plan {
    /// How long.
    pub seconds: u64,
    /// Verifications per second.
    pub verifications_per_s: usize,
    /// Feed pages per second.
    pub pages_per_s: usize,
    /// The first of the accounts that verify.
    pub first_verify_account: usize,
    /// How many accounts verify in turn ([`accounts_for`]).
    pub verify_accounts: usize,
    /// Accounts `0..feed_accounts` have a history to page through.
    pub feed_accounts: usize,
}

/// How the soak went.
pub struct Report {
    /// Answers other than 200, transport errors and requests not sent for lack of a slot.
    pub errors: u64,
}

/// Accounts needed to verify at `rate` per second: an account comes round again after 35 s, in
/// a later 30-second TOTP step, so each of its codes is accepted.
pub fn accounts_for(rate: usize) -> usize {
    (rate * 35).max(100)
}

/// Counts and latencies of one kind of request.
struct Tally {
    ok: AtomicU64,
    errors: AtomicU64,
    histogram: Vec<AtomicU64>,
    first_error: std::sync::Mutex<Option<String>>,
}

impl Tally {
    fn new() -> Self {
        Self {
            ok: AtomicU64::new(0),
            errors: AtomicU64::new(0),
            histogram: (0..BUCKETS).map(|_| AtomicU64::new(0)).collect(),
            first_error: std::sync::Mutex::new(None),
        }
    }

    fn record(&self, result: Result<(), String>, took: Duration) {
        match result {
            Ok(()) => {
                self.ok.fetch_add(1, Ordering::Relaxed);
                let bucket = (took.as_micros() as u64 / BUCKET_MICROS).min(BUCKETS as u64 - 1);
                self.histogram[bucket as usize].fetch_add(1, Ordering::Relaxed);
            }
            Err(error) => {
                self.errors.fetch_add(1, Ordering::Relaxed);
                if let Ok(mut first) = self.first_error.lock() {
                    first.get_or_insert(error);
                }
            }
        }
    }

    /// The latency below which a share `q` of the successful requests fell, in ms.
    fn percentile_ms(&self, q: f64) -> f64 {
        let total = self.ok.load(Ordering::Relaxed);
        let wanted = (total as f64 * q).ceil() as u64;
        let mut seen = 0;
        for (i, bucket) in self.histogram.iter().enumerate() {
            seen += bucket.load(Ordering::Relaxed);
            if seen >= wanted.max(1) {
                return (i as u64 + 1) as f64 * BUCKET_MICROS as f64 / 1000.0;
            }
        }
        f64::INFINITY
    }
}

/// The process's resident memory in kB.
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmRSS:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse().ok())
        })
        .unwrap_or(0)
}

/// Sends at the plan's rates until its time is up, printing a sample every 10 s.
pub async fn run(client: &Client, base: &str, plan: &Plan) -> Report {
    println!(
        "soak: {} s at {} verifications/s and {} feed pages/s (open loop, at most {MAX_IN_FLIGHT} in flight)",
        plan.seconds, plan.verifications_per_s, plan.pages_per_s
    );
    let verify = Arc::new(Tally::new());
    let feed = Arc::new(Tally::new());
    let not_sent = Arc::new(AtomicU64::new(0));
    let slots = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    let slice = Duration::from_millis(10);
    let mut ticker = tokio::time::interval(slice);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let started = Instant::now();
    let end = started + Duration::from_secs(plan.seconds);
    let mut next_sample = started + Duration::from_secs(10);
    let (mut verifications, mut pages) = (0usize, 0usize);
    let mut rss_samples = vec![rss_kb()];
    println!("t=0 s RSS {} kB", rss_samples[0]);
    let mut slices = 0u64;
    loop {
        ticker.tick().await;
        let now = Instant::now();
        if now >= end {
            break;
        }
        slices += 1;
        // Owed by the end of this slice, so the rates hold however the slices fall.
        let due = |rate: usize| (rate as u64 * slices / 100) as usize;
        while verifications < due(plan.verifications_per_s) {
            let account = plan.first_verify_account + verifications % plan.verify_accounts;
            verifications += 1;
            let Ok(permit) = slots.clone().try_acquire_owned() else {
                not_sent.fetch_add(1, Ordering::Relaxed);
                continue;
            };
            let (client, base, tally) = (client.clone(), base.to_owned(), verify.clone());
            tokio::spawn(async move {
                let sent = Instant::now();
                let result = verify_once(&client, &base, account).await;
                tally.record(result, sent.elapsed());
                drop(permit);
            });
        }
        while pages < due(plan.pages_per_s) {
            let n = pages;
            pages += 1;
            let Ok(permit) = slots.clone().try_acquire_owned() else {
                not_sent.fetch_add(1, Ordering::Relaxed);
                continue;
            };
            let (client, base, tally) = (client.clone(), base.to_owned(), feed.clone());
            let account = (n * 7919) % plan.feed_accounts;
            tokio::spawn(async move {
                let sent = Instant::now();
                let nonce = format!("soak-nonce-{n:012}");
                let result = feed_once(&client, &base, account, &nonce).await;
                tally.record(result, sent.elapsed());
                drop(permit);
            });
        }
        if now >= next_sample {
            next_sample += Duration::from_secs(10);
            let rss = rss_kb();
            rss_samples.push(rss);
            println!(
                "t={} s RSS {rss} kB; verifications {} ok / {} errors; pages {} ok / {} errors; not sent {}",
                started.elapsed().as_secs(),
                verify.ok.load(Ordering::Relaxed),
                verify.errors.load(Ordering::Relaxed),
                feed.ok.load(Ordering::Relaxed),
                feed.errors.load(Ordering::Relaxed),
                not_sent.load(Ordering::Relaxed),
            );
        }
    }
    // Let the requests in flight finish.
    let _ = slots.acquire_many(MAX_IN_FLIGHT as u32).await;
    let elapsed = started.elapsed().as_secs_f64();
    let errors = verify.errors.load(Ordering::Relaxed)
        + feed.errors.load(Ordering::Relaxed)
        + not_sent.load(Ordering::Relaxed);
    let min = rss_samples.iter().min().copied().unwrap_or(0);
    let max = rss_samples.iter().max().copied().unwrap_or(0);
    println!(
        "soak done in {elapsed:.0} s: verifications {} ok ({:.0}/s, p50 {:.1} ms, p99 {:.1} ms), pages {} ok ({:.0}/s, p50 {:.1} ms, p99 {:.1} ms); errors {errors} (verify {}, feed {}, not sent {}); RSS min {min} kB, max {max} kB over {} samples",
        verify.ok.load(Ordering::Relaxed),
        verify.ok.load(Ordering::Relaxed) as f64 / elapsed,
        verify.percentile_ms(0.5),
        verify.percentile_ms(0.99),
        feed.ok.load(Ordering::Relaxed),
        feed.ok.load(Ordering::Relaxed) as f64 / elapsed,
        feed.percentile_ms(0.5),
        feed.percentile_ms(0.99),
        verify.errors.load(Ordering::Relaxed),
        feed.errors.load(Ordering::Relaxed),
        not_sent.load(Ordering::Relaxed),
        rss_samples.len(),
    );
    for tally in [&verify, &feed] {
        if let Ok(first) = tally.first_error.lock()
            && let Some(error) = first.as_ref()
        {
            println!("first error: {error}");
        }
    }
    Report { errors }
}
