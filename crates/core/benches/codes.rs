//! Benchmark: codes for 1,000 accounts, as the app computes them every period.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use vigil_core::{Algorithm, OtpParams, Secret};

fn codes_for_1000_accounts(c: &mut Criterion) {
    let accounts: Vec<(Secret, OtpParams)> = (0..1000u32)
        .map(|i| {
            let algorithm = match i % 3 {
                0 => Algorithm::Sha1,
                1 => Algorithm::Sha256,
                _ => Algorithm::Sha512,
            };
            let secret = Secret::from_bytes(i.to_be_bytes().repeat(5));
            (
                secret,
                OtpParams {
                    algorithm,
                    ..OtpParams::totp()
                },
            )
        })
        .collect();
    c.bench_function("codes for 1000 accounts", |b| {
        b.iter(|| {
            for (secret, params) in &accounts {
                black_box(params.code_at(secret, black_box(1_700_000_000)));
            }
        })
    });
}

criterion_group!(benches, codes_for_1000_accounts);
criterion_main!(benches);
