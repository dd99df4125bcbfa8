//! Start-up and per-parse cost of the user agent reading (crates/server/BENCH.md, "User agent
//! parsing"): compiles uap-core's rules once, then reads a mix of current user agents many times.
//! Usage: `cargo run --release -p vigil-server --example ua_parse [rounds]` (default 20,000).

use std::hint::black_box;
use std::time::Instant;

use vigil_server::device::{describe, device_family, device_from_user_agent, prepare};

const USER_AGENTS: &[&str] = &[
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "curl/8.5.0",
    "something odd",
];

fn main() {
    let rounds: u32 = std::env::args()
        .nth(1)
        .and_then(|text| text.parse().ok())
        .unwrap_or(20_000);
    let started = Instant::now();
    if let Err(error) = prepare() {
        println!("the rules do not compile: {error}");
        return;
    }
    let start_up = started.elapsed();
    println!("start-up (read and compile uap-core's rules): {start_up:.2?}");
    for ua in USER_AGENTS {
        println!("  {:<40} {ua}", describe(&device_from_user_agent(Some(ua))));
    }
    let started = Instant::now();
    for _ in 0..rounds {
        for ua in USER_AGENTS {
            black_box(device_from_user_agent(black_box(Some(ua))));
        }
    }
    let parses = f64::from(rounds) * USER_AGENTS.len() as f64;
    let per_parse = started.elapsed().as_secs_f64() / parses;
    println!(
        "device_from_user_agent: {:.1} µs per user agent (mean of {parses} over the mix above)",
        per_parse * 1e6
    );
    let started = Instant::now();
    for _ in 0..rounds {
        for ua in USER_AGENTS {
            black_box(device_family(black_box(Some(ua))));
        }
    }
    let per_family = started.elapsed().as_secs_f64() / parses;
    println!("device_family: {:.1} µs per user agent", per_family * 1e6);
    let huge = "x".repeat(1_000_000);
    let started = Instant::now();
    for _ in 0..100 {
        black_box(device_from_user_agent(black_box(Some(&huge))));
    }
    println!(
        "a 1 MB garbage user agent (read up to its first 1,024 bytes): {:.1} µs",
        started.elapsed().as_secs_f64() / 100.0 * 1e6
    );
}
