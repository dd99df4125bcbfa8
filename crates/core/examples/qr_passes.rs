//! Runs every decoding pass on its own on each picture of the QR corpus and prints which reads
//! what and in how long: how the passes' order was chosen. Usage:
//! `cargo run --release --example qr_passes [NAME_FILTER]`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    dead_code
)]

#[path = "../tests/qr/corpus.rs"]
mod corpus;

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    for sample in corpus::corpus() {
        if !sample.name.contains(&filter) {
            continue;
        }
        let grey = image::load_from_memory(&sample.bytes).unwrap().to_luma8();
        let started = std::time::Instant::now();
        let decoded = vigil_core::qr::decode(&sample.bytes).unwrap();
        let verdict = if sample.expected.is_empty() {
            if decoded.texts.is_empty() {
                "ok"
            } else {
                "FALSE READ"
            }
        } else if decoded.texts.len() == sample.expected.len()
            && sample.expected.iter().all(|t| decoded.texts.contains(t))
        {
            "ok"
        } else {
            "MISSED"
        };
        println!(
            "{}: {verdict} by {:?} in {:?} (seen: {})",
            sample.name,
            decoded.pass,
            started.elapsed(),
            decoded.code_seen
        );
        for (pass, texts, time) in vigil_core::qr::every_pass(&grey) {
            let right = texts.iter().filter(|t| sample.expected.contains(t)).count();
            let wrong = texts.len() - right;
            println!("    {pass:40} {right} right {wrong} wrong {time:?}");
        }
    }
}
