//! Lenient base32 for OTP secrets: what people paste, not only what RFC 4648 allows.

use data_encoding::{BASE32_NOPAD, Encoding};

use crate::Secret;

/// Why a base32 secret was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// The secret was empty (after removing spaces, dashes and padding).
    #[error("missing secret")]
    Missing,
    /// A character outside the base32 alphabet; `position` counts characters from 1 in the text
    /// as given.
    #[error("secret is not base32 (character '{character}' at {position})")]
    NotBase32 {
        /// The offending character.
        character: char,
        /// Its position, counted from 1.
        position: usize,
    },
    /// A length no base32 encoder produces (1, 3 or 6 characters past a multiple of 8).
    #[error("secret has an impossible base32 length ({0} characters)")]
    BadLength(usize),
}

/// Base32 as RFC 4648 but not insisting that unused trailing bits are zero (some sites emit them).
fn lenient_encoding() -> Encoding {
    let mut spec = BASE32_NOPAD.specification();
    spec.check_trailing_bits = false;
    // The specification above is a constant that data-encoding accepts; fall back to the strict
    // encoding should a future version refuse it.
    spec.encoding().unwrap_or_else(|_| BASE32_NOPAD.clone())
}

/// Decodes a secret leniently: case-insensitive; spaces, tabs, dashes and `=` anywhere are ignored.
pub(crate) fn decode_lenient(text: &str) -> Result<Secret, SecretError> {
    let mut cleaned = zeroize::Zeroizing::new(String::with_capacity(text.len()));
    for (index, character) in text.chars().enumerate() {
        match character {
            ' ' | '\t' | '\n' | '\r' | '-' | '=' => continue,
            'a'..='z' | 'A'..='Z' | '2'..='7' => cleaned.push(character.to_ascii_uppercase()),
            _ => {
                return Err(SecretError::NotBase32 {
                    character,
                    position: index + 1,
                });
            }
        }
    }
    if cleaned.is_empty() {
        return Err(SecretError::Missing);
    }
    let bytes = lenient_encoding()
        .decode(cleaned.as_bytes())
        .map_err(|_| SecretError::BadLength(cleaned.len()))?;
    Ok(Secret::from_bytes(bytes))
}

/// Canonical form: upper case, no padding.
pub(crate) fn encode(bytes: &[u8]) -> String {
    BASE32_NOPAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(text: &str) -> Vec<u8> {
        decode_lenient(text).unwrap().as_bytes().to_vec()
    }

    #[test]
    fn accepts_what_people_paste() {
        let canonical = bytes("JBSWY3DPEHPK3PXP");
        assert_eq!(canonical, b"Hello!\xde\xad\xbe\xef");
        assert_eq!(bytes("jbswy3dpehpk3pxp"), canonical);
        assert_eq!(bytes("jbsw y3dp ehpk 3pxp"), canonical);
        assert_eq!(bytes("JBSW-Y3DP-EHPK-3PXP"), canonical);
        assert_eq!(bytes("GEZDGNBV"), b"12345");
        assert_eq!(bytes("GEZDGNBVGY======"), b"123456");
        assert_eq!(bytes("GEZDGNBVGY"), b"123456");
    }

    #[test]
    fn eighty_bit_secrets_work() {
        assert_eq!(decode_lenient("JBSWY3DPEHPK3PXP").unwrap().bits(), 80);
    }

    #[test]
    fn names_the_bad_character() {
        let error = decode_lenient("JBS1WY3D").unwrap_err();
        assert_eq!(
            error.to_string(),
            "secret is not base32 (character '1' at 4)"
        );
        assert_eq!(decode_lenient(" = - ").unwrap_err(), SecretError::Missing);
        assert_eq!(
            decode_lenient("").unwrap_err().to_string(),
            "missing secret"
        );
        assert_eq!(
            decode_lenient("ABC").unwrap_err(),
            SecretError::BadLength(3)
        );
    }

    #[test]
    fn round_trips() {
        let secret = decode_lenient("jbswy3dpehpk3pxp").unwrap();
        assert_eq!(encode(secret.as_bytes()), "JBSWY3DPEHPK3PXP");
    }
}
