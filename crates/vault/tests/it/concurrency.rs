//! Several vault handles (as the app and the CLI would be) changing one vault at once.

use std::collections::HashSet;

use vigil_core::Secret;

use crate::support::{TestVault, uri};

#[test]
fn concurrent_writers_stay_consistent() {
    let test = TestVault::new();
    test.open();
    std::thread::scope(|scope| {
        for writer in 0..3u8 {
            let test = &test;
            scope.spawn(move || {
                let mut vault = test.open();
                for i in 0..8u8 {
                    let mut account =
                        uri(&format!("W{writer}"), &format!("a{i}"), "JBSWY3DPEHPK3PXP");
                    account.secret = Secret::from_bytes(vec![writer, i, 1, 2, 3, 4, 5, 6, 7, 8]);
                    vault.add(&account).unwrap();
                }
            });
        }
    });
    let vault = test.open();
    let accounts = vault.accounts().unwrap();
    assert_eq!(accounts.len(), 24);
    let positions: HashSet<i64> = accounts.iter().map(|a| a.position).collect();
    assert_eq!(positions.len(), 24, "positions must be unique");
    let unlocked = vault.unlock().unwrap();
    assert!(unlocked.orphans.is_empty());
    assert_eq!(test.item_count(), 24);
}

#[test]
fn concurrent_counter_advances_are_not_lost() {
    let test = TestVault::new();
    let mut hotp = uri("Bank", "token", "JBSWY3DPEHPK3PXP");
    hotp.params = vigil_core::OtpParams::hotp(0);
    let id = test.open().add(&hotp).unwrap().id;
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let (test, id) = (&test, &id);
            scope.spawn(move || {
                let mut vault = test.open();
                for _ in 0..10 {
                    vault.advance_counter(id).unwrap();
                }
            });
        }
    });
    assert_eq!(test.open().account(&id).unwrap().params.counter, 40);
}
