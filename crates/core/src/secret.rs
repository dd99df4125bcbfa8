//! Secrets in memory: redacted when printed, zeroed when dropped.

use std::fmt;

use zeroize::Zeroize;

/// A value that must never be printed or left in memory: `Debug` and `Display` show
/// `[redacted]`, and the value is overwritten with zeros when dropped.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Sensitive<T: Zeroize>(T);

impl<T: Zeroize> Sensitive<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The wrapped value; keep what you derive from it short-lived.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T: Zeroize> Drop for Sensitive<T> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<T: Zeroize> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl<T: Zeroize> fmt::Display for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl<'de, T: Zeroize + serde::Deserialize<'de>> serde::Deserialize<'de> for Sensitive<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self)
    }
}

/// The shared key of an OTP account (the raw bytes, not the base32 text).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Sensitive<Vec<u8>>);

impl Secret {
    /// Wraps raw key bytes.
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        Self(Sensitive::new(bytes))
    }

    /// Decodes base32 leniently: lower case, spaces, dashes and `=` padding are accepted.
    pub fn from_base32(text: &str) -> Result<Self, crate::SecretError> {
        crate::base32::decode_lenient(text)
    }

    /// The raw key bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.expose()
    }

    /// Canonical base32 (upper case, no padding), itself wrapped so it cannot be printed by mistake.
    pub fn to_base32(&self) -> Sensitive<String> {
        Sensitive::new(crate::base32::encode(self.as_bytes()))
    }

    /// Length of the key in bits.
    pub fn bits(&self) -> usize {
        self.as_bytes().len() * 8
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_are_redacted() {
        let secret = Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap();
        let debug = format!("{secret:?}");
        assert!(!debug.contains("JBSWY3DPEHPK3PXP"), "{debug}");
        assert!(!debug.contains("72"), "raw bytes leaked: {debug}");
        assert_eq!(debug, "Secret([redacted])");
        let text = secret.to_base32();
        assert_eq!(format!("{text:?}"), "[redacted]");
        assert_eq!(format!("{text}"), "[redacted]");
        assert_eq!(text.expose(), "JBSWY3DPEHPK3PXP");
        let wrapped = Sensitive::new(String::from("hunter2"));
        assert_eq!(format!("{wrapped:?} {wrapped}"), "[redacted] [redacted]");
    }

    #[test]
    fn zeroize_clears_the_value() {
        // Drop calls zeroize on the inner value; check zeroize itself empties it as Drop relies on.
        let mut bytes = vec![1u8, 2, 3];
        bytes.zeroize();
        assert!(bytes.iter().all(|b| *b == 0));
    }
}
