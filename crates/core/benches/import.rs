//! Benchmark: importing a 1,000-account encrypted Aegis vault with Aegis's own scrypt cost
//! (N = 2^15, r = 8, p = 1), as a person restoring a large backup waits for it. The goal is under
//! 2 s, dominated by the one key derivation.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use vigil_core::export::aegis::{ScryptParams, write_encrypted};
use vigil_core::import::{Format, ImportedAccount, import};
use vigil_core::{Algorithm, OtpParams, OtpUri, Secret, Sensitive};

fn vault_of_1000_accounts(password: &Sensitive<String>) -> Option<String> {
    let accounts: Vec<ImportedAccount> = (0..1000u32)
        .map(|i| {
            let algorithm = match i % 3 {
                0 => Algorithm::Sha1,
                1 => Algorithm::Sha256,
                _ => Algorithm::Sha512,
            };
            let params = OtpParams {
                algorithm,
                ..OtpParams::totp()
            };
            let secret = Secret::from_bytes(i.to_be_bytes().repeat(5));
            ImportedAccount {
                uri: OtpUri::new(
                    &format!("Service {i}"),
                    &format!("user{i}@example.com"),
                    secret,
                    params,
                ),
                groups: vec![format!("Group {}", i % 10)],
            }
        })
        .collect();
    write_encrypted(
        &accounts,
        password,
        &mut rand_core::OsRng,
        ScryptParams::AEGIS,
    )
    .ok()
}

fn import_1000_account_aegis_vault(c: &mut Criterion) {
    let password = Sensitive::new("benchmark password".to_owned());
    let Some(vault) = vault_of_1000_accounts(&password) else {
        eprintln!("could not write the vault to import");
        return;
    };
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("encrypted Aegis vault, 1000 accounts, scrypt N=2^15", |b| {
        b.iter(|| {
            let imported = import(
                black_box(vault.as_bytes()),
                Some(&password),
                Some(Format::Aegis),
            );
            assert!(imported.is_ok_and(|i| i.accounts.len() == 1000));
        })
    });
    group.finish();
}

criterion_group!(benches, import_1000_account_aegis_vault);
criterion_main!(benches);
