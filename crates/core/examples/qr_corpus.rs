//! Writes the QR test corpus to a directory, with `expected.tsv` (file, 4k flag, texts), for
//! `scripts/bench-qr`. Usage: `cargo run --release --example qr_corpus -- DIR`.

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
    let dir = std::env::args().nth(1).expect("usage: qr_corpus DIR");
    std::fs::create_dir_all(&dir).unwrap();
    let mut index = String::new();
    for sample in corpus::corpus() {
        std::fs::write(std::path::Path::new(&dir).join(sample.name), &sample.bytes).unwrap();
        let flag = if sample.screenshot_4k { "4k" } else { "-" };
        index.push_str(&format!(
            "{}\t{}\t{}\n",
            sample.name,
            flag,
            sample.expected.join("\u{1f}")
        ));
    }
    std::fs::write(std::path::Path::new(&dir).join("expected.tsv"), index).unwrap();
}
