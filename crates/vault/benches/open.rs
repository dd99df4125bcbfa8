//! Benchmark: open a vault of 500 accounts from the real keychain until every code is ready,
//! through the batch read and one item at a time. Needs a running Secret Service (see
//! `scripts/bench`); it fills the keychain service `vigil-bench-500` once and reuses it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use vigil_core::{OtpParams, OtpUri, Secret};
use vigil_vault::{KeyringStore, SecretStore, Vault};

const SERVICE: &str = "vigil-bench-500";

fn prepare() -> (tempfile::TempDir, Vault) {
    let store = KeyringStore::new(SERVICE);
    let dir = tempfile::tempdir().unwrap();
    let mut vault = Vault::open(dir.path(), store.clone()).unwrap();
    for i in 0..500u32 {
        let secret = Secret::from_bytes([i.to_be_bytes(), [7; 4], [9; 4], [1; 4], [2; 4]].concat());
        let uri = OtpUri::new(&format!("Issuer {i}"), "bench", secret, OtpParams::totp());
        vault.add(&uri).unwrap();
    }
    (dir, vault)
}

fn open_500(c: &mut Criterion) {
    let (dir, vault) = prepare();
    let mut group = c.benchmark_group("open a vault of 500 accounts");
    group.sample_size(10);
    group.bench_function("batch read (one search, 4 connections)", |b| {
        b.iter(|| {
            let vault = Vault::open(dir.path(), KeyringStore::new(SERVICE)).unwrap();
            let unlocked = vault.unlock().unwrap();
            assert_eq!(unlocked.secrets.len(), 500);
            for account in &unlocked.accounts {
                black_box(
                    account
                        .params
                        .code_at(&unlocked.secrets[&account.id], 1_700_000_000),
                );
            }
        })
    });
    group.bench_function("one item at a time (keyring Entry)", |b| {
        b.iter(|| {
            let store = KeyringStore::new(SERVICE);
            for account in vault.accounts().unwrap() {
                let secret = store.get(account.id.as_str()).unwrap().unwrap();
                black_box(account.params.code_at(&secret, 1_700_000_000));
            }
        })
    });
    group.finish();
    for account in vault.accounts().unwrap() {
        let _ = KeyringStore::new(SERVICE).delete(account.id.as_str());
    }
}

criterion_group!(benches, open_500);
criterion_main!(benches);
