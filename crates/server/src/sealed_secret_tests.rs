//! Unit tests of sealing TOTP secrets: round trip, wrong key, wrong account, tampering, key text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use vigil_core::Secret;

use super::*;

const ACCOUNT: &str = "5f0c3a52-8d7e-4f43-9a51-0c2b1e6f9d10";

fn sealer(fill: u8) -> SecretSealer {
    SecretSealer::from_key_bytes(&[fill; SECRET_KEY_LEN]).unwrap()
}

fn secret() -> Secret {
    Secret::from_bytes((1..=20).collect())
}

#[test]
fn sealing_round_trips_and_hides_the_secret() {
    let sealer = sealer(7);
    let secret = secret();
    let sealed = sealer.seal(ACCOUNT, &secret).unwrap();
    assert!(sealed.starts_with(SEALED_PREFIX_V1), "{sealed}");
    let base32 = secret.to_base32().expose().clone();
    assert!(!sealed.contains(&base32), "{sealed}");
    assert!(!sealed.to_lowercase().contains(&base32.to_lowercase()));
    let raw = URL_SAFE_NO_PAD.decode(&sealed[3..]).unwrap();
    assert_eq!(raw.len(), 12 + 20 + 16);
    assert!(!raw.windows(20).any(|w| w == secret.as_bytes()));
    assert_eq!(sealer.open(ACCOUNT, &sealed).unwrap(), secret);
}

#[test]
fn every_seal_draws_a_fresh_nonce() {
    let sealer = sealer(7);
    let first = sealer.seal(ACCOUNT, &secret()).unwrap();
    let second = sealer.seal(ACCOUNT, &secret()).unwrap();
    assert_ne!(first, second);
    assert_ne!(first[3..19], second[3..19], "same nonce twice");
}

#[test]
fn another_key_cannot_open() {
    let sealed = sealer(7).seal(ACCOUNT, &secret()).unwrap();
    assert_eq!(
        sealer(8).open(ACCOUNT, &sealed),
        Err(SealError::Unauthentic)
    );
}

#[test]
fn a_sealed_secret_cannot_move_to_another_account() {
    let sealer = sealer(7);
    let sealed = sealer.seal(ACCOUNT, &secret()).unwrap();
    assert_eq!(
        sealer.open("another-account", &sealed),
        Err(SealError::Unauthentic)
    );
}

#[test]
fn tampering_is_detected() {
    let sealer = sealer(7);
    let sealed = sealer.seal(ACCOUNT, &secret()).unwrap();
    let raw = URL_SAFE_NO_PAD.decode(&sealed[3..]).unwrap();
    // Flip one bit in turn in the nonce, the ciphertext and the tag.
    for index in [0, 12, 20, raw.len() - 1] {
        let mut altered = raw.clone();
        altered[index] ^= 1;
        let text = format!("v1:{}", URL_SAFE_NO_PAD.encode(&altered));
        assert_eq!(
            sealer.open(ACCOUNT, &text),
            Err(SealError::Unauthentic),
            "{index}"
        );
    }
    let truncated = format!("v1:{}", URL_SAFE_NO_PAD.encode(&raw[..20]));
    assert_eq!(sealer.open(ACCOUNT, &truncated), Err(SealError::Malformed));
    assert_eq!(sealer.open(ACCOUNT, "v1:@@@"), Err(SealError::Malformed));
    assert_eq!(
        sealer.open(ACCOUNT, "AEBAGBAFAYDQQCIKBMGA2DQPCAIREEYU"),
        Err(SealError::UnknownFormat)
    );
    assert_eq!(
        sealer.open(ACCOUNT, &sealed.replacen("v1:", "v2:", 1)),
        Err(SealError::UnknownFormat)
    );
}

#[test]
fn key_text_is_hex_or_base64_of_32_bytes() {
    let bytes: Vec<u8> = (0..32).map(|i| i * 7 + 3).collect();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let by_bytes = SecretSealer::from_key_bytes(&bytes).unwrap();
    let sealed = by_bytes.seal(ACCOUNT, &secret()).unwrap();
    for text in [
        hex.clone(),
        hex.to_uppercase(),
        STANDARD.encode(&bytes),
        URL_SAFE_NO_PAD.encode(&bytes),
        format!(" {}\n", STANDARD.encode(&bytes)),
    ] {
        let sealer = SecretSealer::from_key_text(&text).unwrap();
        assert_eq!(sealer.open(ACCOUNT, &sealed).unwrap(), secret(), "{text}");
    }
    assert_eq!(
        SecretSealer::from_key_text("not a key!").unwrap_err(),
        SecretKeyError::Malformed
    );
    assert_eq!(
        SecretSealer::from_key_text(&STANDARD.encode([1u8; 16])).unwrap_err(),
        SecretKeyError::WrongLength(16)
    );
    assert!(SecretSealer::from_key_text(&hex[..62]).is_err());
    assert_eq!(
        SecretSealer::from_key_text("").unwrap_err(),
        SecretKeyError::WrongLength(0)
    );
    assert_eq!(format!("{by_bytes:?}"), "SecretSealer([redacted])");
}
