//! One-time codes: HOTP (RFC 4226), TOTP (RFC 6238) and Steam Guard, on `ring`'s HMAC.
//!
//! totp-rs (the design card's choice) has no HOTP and its checked constructor refuses the 80-bit
//! secrets real sites issue; the dynamic truncation of RFC 4226 is a few lines over `ring::hmac`,
//! so one engine covers all three kinds and any digits 1-10 (see ARCHITECTURE.md). totp-rs stays
//! as an independent oracle in this module's tests.

use std::fmt;

use ring::hmac;
use serde::{Deserialize, Serialize};

use crate::Secret;

/// The characters Steam Guard codes are written with.
pub const STEAM_ALPHABET: &[u8; 26] = b"23456789BCDFGHJKMNPQRTVWXY";

/// The HMAC behind the codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Algorithm {
    /// HMAC-SHA-1, what nearly every site uses.
    #[default]
    Sha1,
    /// HMAC-SHA-256.
    Sha256,
    /// HMAC-SHA-512.
    Sha512,
}

impl Algorithm {
    /// The name used in otpauth URIs: `SHA1`, `SHA256`, `SHA512`.
    pub fn as_str(self) -> &'static str {
        match self {
            Algorithm::Sha1 => "SHA1",
            Algorithm::Sha256 => "SHA256",
            Algorithm::Sha512 => "SHA512",
        }
    }

    /// Parses `SHA1`, `sha-256`, `SHA512` and the like.
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_uppercase().replace('-', "").as_str() {
            "SHA1" => Some(Algorithm::Sha1),
            "SHA256" => Some(Algorithm::Sha256),
            "SHA512" => Some(Algorithm::Sha512),
            _ => None,
        }
    }

    fn ring(self) -> hmac::Algorithm {
        match self {
            Algorithm::Sha1 => hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
            Algorithm::Sha256 => hmac::HMAC_SHA256,
            Algorithm::Sha512 => hmac::HMAC_SHA512,
        }
    }
}

/// Which kind of code an account produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OtpKind {
    /// Time-based (RFC 6238).
    Totp,
    /// Counter-based (RFC 4226).
    Hotp,
    /// Steam Guard: TOTP written with five characters of [`STEAM_ALPHABET`].
    Steam,
}

impl OtpKind {
    /// `totp`, `hotp` or `steam`.
    pub fn as_str(self) -> &'static str {
        match self {
            OtpKind::Totp => "totp",
            OtpKind::Hotp => "hotp",
            OtpKind::Steam => "steam",
        }
    }

    /// The inverse of [`OtpKind::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "totp" => Some(OtpKind::Totp),
            "hotp" => Some(OtpKind::Hotp),
            "steam" => Some(OtpKind::Steam),
            _ => None,
        }
    }

    /// Whether codes change with time (TOTP and Steam) rather than with a counter.
    pub fn is_timed(self) -> bool {
        !matches!(self, OtpKind::Hotp)
    }
}

/// Everything about an account's codes except its secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OtpParams {
    /// TOTP, HOTP or Steam.
    pub kind: OtpKind,
    /// The HMAC.
    pub algorithm: Algorithm,
    /// Digits per code, 1 to 10 (Steam: always 5 characters).
    pub digits: u8,
    /// Seconds per TOTP step, at least 1.
    pub period: u64,
    /// The HOTP counter of the code currently shown (unused for timed kinds).
    pub counter: u64,
}

impl Default for OtpParams {
    fn default() -> Self {
        Self::totp()
    }
}

impl OtpParams {
    /// The usual TOTP: SHA-1, 6 digits, 30 seconds.
    pub fn totp() -> Self {
        Self {
            kind: OtpKind::Totp,
            algorithm: Algorithm::Sha1,
            digits: 6,
            period: 30,
            counter: 0,
        }
    }

    /// HOTP, SHA-1, 6 digits, from `counter`.
    pub fn hotp(counter: u64) -> Self {
        Self {
            kind: OtpKind::Hotp,
            counter,
            ..Self::totp()
        }
    }

    /// Steam Guard: SHA-1, 5 characters, 30 seconds.
    pub fn steam() -> Self {
        Self {
            kind: OtpKind::Steam,
            digits: 5,
            ..Self::totp()
        }
    }

    /// The parameters of `kind`, keeping only what means something for it, so equal accounts
    /// compare equal and round-trip: Steam is always SHA-1 with 5 characters, TOTP has no
    /// counter, HOTP no period.
    pub fn for_kind(
        kind: OtpKind,
        algorithm: Algorithm,
        digits: u8,
        period: u64,
        counter: u64,
    ) -> Self {
        match kind {
            OtpKind::Steam => Self {
                period,
                ..Self::steam()
            },
            OtpKind::Totp => Self {
                algorithm,
                digits,
                period,
                ..Self::totp()
            },
            OtpKind::Hotp => Self {
                algorithm,
                digits,
                ..Self::hotp(counter)
            },
        }
    }

    /// The TOTP time step for `unix_time` (0 for HOTP).
    pub fn step(&self, unix_time: u64) -> u64 {
        if self.kind.is_timed() {
            unix_time / self.period.max(1)
        } else {
            0
        }
    }

    /// Seconds until the code changes (0 for HOTP, which changes only when asked).
    pub fn seconds_left(&self, unix_time: u64) -> u64 {
        if self.kind.is_timed() {
            let period = self.period.max(1);
            period - unix_time % period
        } else {
            0
        }
    }

    /// The code shown at `unix_time` (for HOTP, the code of the current counter).
    pub fn code_at(&self, secret: &Secret, unix_time: u64) -> Code {
        let counter = if self.kind.is_timed() {
            self.step(unix_time)
        } else {
            self.counter
        };
        self.code_for_counter(secret, counter)
    }

    /// The code for one moving factor: the HOTP counter or the TOTP step.
    pub fn code_for_counter(&self, secret: &Secret, counter: u64) -> Code {
        let value = truncate(self.algorithm, secret.as_bytes(), counter);
        match self.kind {
            OtpKind::Steam => Code::new(steam_text(value), self.kind),
            OtpKind::Totp | OtpKind::Hotp => {
                let digits = u32::from(self.digits.clamp(1, 10));
                let modulus = 10u64.pow(digits);
                let text = format!("{:0width$}", value % modulus, width = digits as usize);
                Code::new(text, self.kind)
            }
        }
    }
}

/// RFC 4226 section 5.3: HMAC over the big-endian counter, then dynamic truncation to 31 bits.
fn truncate(algorithm: Algorithm, key: &[u8], counter: u64) -> u64 {
    let key = hmac::Key::new(algorithm.ring(), key);
    let tag = hmac::sign(&key, &counter.to_be_bytes());
    let mac = tag.as_ref();
    // Every HMAC here is at least 20 bytes long, so `offset + 3` (at most 18) is in range.
    let offset = usize::from(mac[mac.len() - 1] & 0x0f);
    let word = [
        mac[offset] & 0x7f,
        mac[offset + 1],
        mac[offset + 2],
        mac[offset + 3],
    ];
    u64::from(u32::from_be_bytes(word))
}

fn steam_text(mut value: u64) -> String {
    let base = STEAM_ALPHABET.len() as u64;
    let mut text = String::with_capacity(5);
    for _ in 0..5 {
        text.push(char::from(STEAM_ALPHABET[(value % base) as usize]));
        value /= base;
    }
    text
}

/// One code, ready to show or copy.
#[derive(Clone, PartialEq, Eq)]
pub struct Code {
    text: String,
    kind: OtpKind,
}

impl Code {
    fn new(text: String, kind: OtpKind) -> Self {
        Self { text, kind }
    }

    /// The code as typed: `123456`, `8WKGV`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The code grouped for reading: `123 456`, `1234 5678`, `12 345 678 9`... Steam is not grouped.
    pub fn grouped(&self) -> String {
        if self.kind == OtpKind::Steam {
            return self.text.clone();
        }
        let chars: Vec<char> = self.text.chars().collect();
        let group = match chars.len() {
            0..=4 => return self.text.clone(),
            8 => 4,
            _ => 3,
        };
        chars
            .chunks(group)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Code([redacted])")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii_secret(text: &str) -> Secret {
        Secret::from_bytes(text.as_bytes().to_vec())
    }

    const SEED20: &str = "12345678901234567890";
    const SEED32: &str = "12345678901234567890123456789012";
    const SEED64: &str = "1234567890123456789012345678901234567890123456789012345678901234";

    #[test]
    fn rfc4226_appendix_d() {
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        let secret = ascii_secret(SEED20);
        for (counter, want) in expected.iter().enumerate() {
            let params = OtpParams::hotp(counter as u64);
            assert_eq!(
                params.code_at(&secret, 0).as_str(),
                *want,
                "counter {counter}"
            );
        }
    }

    #[test]
    fn rfc6238_appendix_b() {
        let rows: [(u64, &str, &str, &str); 6] = [
            (59, "94287082", "46119246", "90693936"),
            (1111111109, "07081804", "68084774", "25091201"),
            (1111111111, "14050471", "67062674", "99943326"),
            (1234567890, "89005924", "91819424", "93441116"),
            (2000000000, "69279037", "90698825", "38618901"),
            (20000000000, "65353130", "77737706", "47863826"),
        ];
        for (time, sha1, sha256, sha512) in rows {
            for (algorithm, seed, want) in [
                (Algorithm::Sha1, SEED20, sha1),
                (Algorithm::Sha256, SEED32, sha256),
                (Algorithm::Sha512, SEED64, sha512),
            ] {
                let params = OtpParams {
                    algorithm,
                    digits: 8,
                    ..OtpParams::totp()
                };
                let code = params.code_at(&ascii_secret(seed), time);
                assert_eq!(code.as_str(), want, "{algorithm:?} at {time}");
            }
        }
    }

    #[test]
    fn year_2603_works() {
        // 2603-01-01 is about 20.1e9 seconds after the epoch, well past 32 bits.
        let params = OtpParams::totp();
        let secret = ascii_secret(SEED20);
        let code = params.code_at(&secret, 20_098_000_000);
        assert_eq!(code.as_str().len(), 6);
        assert_eq!(params.step(20_098_000_000), 669_933_333);
    }

    #[test]
    fn every_digit_count_from_1_to_10() {
        let secret = ascii_secret(SEED20);
        // RFC 4226 counter 0 truncates to 1284755224; each length is its last digits.
        for digits in 1..=10u8 {
            let params = OtpParams {
                digits,
                ..OtpParams::hotp(0)
            };
            let code = params.code_at(&secret, 0);
            let full = "1284755224";
            assert_eq!(
                code.as_str(),
                &full[10 - usize::from(digits)..],
                "{digits} digits"
            );
        }
    }

    #[test]
    fn steam_vectors() {
        // Independent vectors: totp-rs's Steam implementation over the same moments.
        let secret = Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap();
        let oracle = totp_rs::TOTP::new_steam(secret.as_bytes().to_vec());
        for time in [0u64, 59, 1_111_111_109, 1_700_000_000, 20_000_000_000] {
            let ours = OtpParams::steam().code_at(&secret, time);
            assert_eq!(ours.as_str(), oracle.generate(time), "at {time}");
            assert!(ours.as_str().bytes().all(|b| STEAM_ALPHABET.contains(&b)));
            assert_eq!(ours.as_str().len(), 5);
        }
    }

    #[test]
    fn agrees_with_totp_rs_on_eighty_bit_secrets() {
        let secret = Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap();
        for (algorithm, theirs) in [
            (Algorithm::Sha1, totp_rs::Algorithm::SHA1),
            (Algorithm::Sha256, totp_rs::Algorithm::SHA256),
            (Algorithm::Sha512, totp_rs::Algorithm::SHA512),
        ] {
            for (digits, period) in [(6u8, 30u64), (7, 60), (8, 15)] {
                let oracle = totp_rs::TOTP::new_unchecked(
                    theirs,
                    usize::from(digits),
                    0,
                    period,
                    secret.as_bytes().to_vec(),
                );
                let params = OtpParams {
                    algorithm,
                    digits,
                    period,
                    ..OtpParams::totp()
                };
                for time in [0u64, 1, 29, 30, 1_700_000_123, 4_102_444_800] {
                    assert_eq!(
                        params.code_at(&secret, time).as_str(),
                        oracle.generate(time)
                    );
                }
            }
        }
    }

    #[test]
    fn rolls_over_exactly_at_the_boundary() {
        let params = OtpParams {
            period: 1,
            ..OtpParams::totp()
        };
        let secret = ascii_secret(SEED20);
        assert_ne!(params.code_at(&secret, 100), params.code_at(&secret, 101));
        let params = OtpParams::totp();
        assert_eq!(params.code_at(&secret, 60), params.code_at(&secret, 89));
        assert_ne!(params.code_at(&secret, 89), params.code_at(&secret, 90));
        assert_eq!(params.seconds_left(89), 1);
        assert_eq!(params.seconds_left(90), 30);
    }

    #[test]
    fn groups_for_reading() {
        let secret = ascii_secret(SEED20);
        let six = OtpParams::hotp(0).code_at(&secret, 0);
        assert_eq!(six.grouped(), "755 224");
        let eight = OtpParams {
            digits: 8,
            ..OtpParams::hotp(0)
        }
        .code_at(&secret, 0);
        assert_eq!(eight.grouped(), "8475 5224");
        assert_eq!(format!("{six:?}"), "Code([redacted])");
    }
}
