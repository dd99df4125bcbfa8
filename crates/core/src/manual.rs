//! Accounts typed by hand: the fields of an "enter the key" form, checked one by one so each
//! message can stand beside its field.

use serde::Deserialize;

use crate::{Algorithm, OtpKind, OtpParams, OtpUri, Secret, Sensitive};

/// What a person typed, as text, exactly as a form sends it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ManualEntry {
    /// The service ("Shop"); optional.
    pub issuer: String,
    /// The account at the service ("alice@example.com"); required.
    pub label: String,
    /// The secret key in base32 (spaces, dashes and lower case allowed); redacted and zeroed.
    pub secret: Sensitive<String>,
    /// `totp` (default), `hotp` or `steam`.
    pub kind: String,
    /// `SHA1` (default), `SHA256` or `SHA512`.
    pub algorithm: String,
    /// 1-10 (6 by default; Steam is always 5 characters).
    pub digits: String,
    /// Seconds per code, at least 1 (30 by default).
    pub period: String,
    /// HOTP's counter (0 by default).
    pub counter: String,
}

/// One problem with one field of a [`ManualEntry`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// The field's name, as in [`ManualEntry`] (`label`, `secret`, `digits`, …).
    pub field: &'static str,
    /// What is wrong, in English words for the person ("The secret key is not base32 …").
    pub message: String,
    /// The same as a message id of the front ends' translations (`field-secret-not-base32`).
    pub key: &'static str,
    /// The values the message names (`character`, `position`), for the translations.
    pub args: Vec<(&'static str, String)>,
}

impl ManualEntry {
    /// The account these fields describe, or every field's problem at once.
    pub fn to_otp_uri(&self) -> Result<OtpUri, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, key, args: Vec<(&'static str, String)>, message: String| {
            errors.push(FieldError {
                field,
                message,
                key,
                args,
            })
        };

        let label = self.label.trim();
        if label.is_empty() {
            fail(
                "label",
                "field-label-missing",
                Vec::new(),
                "Enter the account name, such as your email address".into(),
            );
        }
        let secret = match Secret::from_base32(self.secret.expose()) {
            Ok(secret) if secret.bits() < 80 => {
                fail(
                    "secret",
                    "field-secret-short",
                    Vec::new(),
                    "This secret key is too short: sites give at least 16 characters".into(),
                );
                None
            }
            Ok(secret) => Some(secret),
            Err(error) => {
                let text = error.to_string();
                let message = match text.strip_prefix("secret ") {
                    Some(rest) => format!("The secret key {rest}"),
                    None => "Enter the secret key the site shows beside its QR code".into(),
                };
                let (key, args) = match error {
                    crate::SecretError::Missing => ("field-secret-missing", Vec::new()),
                    crate::SecretError::NotBase32 {
                        character,
                        position,
                    } => (
                        "field-secret-not-base32",
                        vec![
                            ("character", character.to_string()),
                            ("position", position.to_string()),
                        ],
                    ),
                    crate::SecretError::BadLength(length) => {
                        ("field-secret-length", vec![("length", length.to_string())])
                    }
                };
                fail("secret", key, args, message);
                None
            }
        };
        let kind_text = text_or(&self.kind, "totp");
        let kind = OtpKind::parse(kind_text).unwrap_or_else(|| {
            fail(
                "kind",
                "field-kind-unknown",
                vec![("kind", kind_text.to_owned())],
                format!("Unknown type '{kind_text}' (use TOTP, HOTP or Steam)"),
            );
            OtpKind::Totp
        });
        let mut params = match kind {
            OtpKind::Totp => OtpParams::totp(),
            OtpKind::Hotp => OtpParams::hotp(0),
            OtpKind::Steam => OtpParams::steam(),
        };
        let algorithm = text_or(&self.algorithm, "SHA1");
        match Algorithm::parse(algorithm) {
            Some(parsed) => params.algorithm = parsed,
            None => fail(
                "algorithm",
                "field-algorithm-unknown",
                vec![("algorithm", algorithm.to_owned())],
                format!("Unknown algorithm '{algorithm}' (use SHA1, SHA256 or SHA512)"),
            ),
        }
        if kind != OtpKind::Steam {
            match text_or(&self.digits, "6").parse::<u8>() {
                Ok(digits @ 1..=10) => params.digits = digits,
                _ => fail(
                    "digits",
                    "field-digits",
                    Vec::new(),
                    "Digits must be a number from 1 to 10".into(),
                ),
            }
        }
        if kind.is_timed() {
            match text_or(&self.period, "30").parse::<u64>() {
                Ok(period) if period >= 1 => params.period = period,
                _ => fail(
                    "period",
                    "field-period",
                    Vec::new(),
                    "The period must be a whole number of seconds, at least 1".into(),
                ),
            }
        } else {
            match text_or(&self.counter, "0").parse::<u64>() {
                Ok(counter) => params.counter = counter,
                Err(_) => fail(
                    "counter",
                    "field-counter",
                    Vec::new(),
                    "The counter must be a whole number, 0 or more".into(),
                ),
            }
        }
        match secret {
            Some(secret) if errors.is_empty() => {
                Ok(OtpUri::new(self.issuer.trim(), label, secret, params))
            }
            _ => Err(errors),
        }
    }
}

fn text_or<'a>(text: &'a str, default: &'a str) -> &'a str {
    match text.trim() {
        "" => default,
        given => given,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(label: &str, secret: &str) -> ManualEntry {
        ManualEntry {
            issuer: " Shop ".into(),
            label: label.into(),
            secret: Sensitive::new(secret.into()),
            ..ManualEntry::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn defaults_make_the_usual_totp() {
        let uri = entry("alice@example.com", "jbsw y3dp-ehpk 3pxp")
            .to_otp_uri()
            .unwrap();
        assert_eq!(uri.issuer, "Shop");
        assert_eq!(uri.label, "alice@example.com");
        assert_eq!(uri.params, OtpParams::totp());
        assert_eq!(uri.secret.to_base32().expose(), "JBSWY3DPEHPK3PXP");
    }

    #[test]
    fn advanced_fields_are_used() {
        let mut hotp = entry("bob", "JBSWY3DPEHPK3PXP");
        hotp.kind = "HOTP".into();
        hotp.algorithm = "sha256".into();
        hotp.digits = "8".into();
        hotp.counter = "42".into();
        let uri = hotp.to_otp_uri().unwrap();
        assert_eq!(uri.params.kind, OtpKind::Hotp);
        assert_eq!(uri.params.algorithm, Algorithm::Sha256);
        assert_eq!((uri.params.digits, uri.params.counter), (8, 42));

        let mut steam = entry("gabe", "JBSWY3DPEHPK3PXP");
        steam.kind = "steam".into();
        steam.digits = "not looked at".into();
        assert_eq!(steam.to_otp_uri().unwrap().params, OtpParams::steam());
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let mut bad = entry("  ", "JBSW1Y3D");
        bad.digits = "11".into();
        bad.period = "0".into();
        bad.algorithm = "MD5".into();
        let errors = bad.to_otp_uri().unwrap_err();
        assert_eq!(
            fields(&errors),
            ["label", "secret", "algorithm", "digits", "period"]
        );
        assert_eq!(
            errors[1].message,
            "The secret key is not base32 (character '1' at 5)"
        );
        assert!(errors[2].message.contains("'MD5'"), "{errors:?}");
        assert!(!format!("{bad:?}").contains("JBSW1Y3D"));
    }

    #[test]
    fn missing_and_short_secrets_are_explained() {
        let errors = entry("a", "").to_otp_uri().unwrap_err();
        assert_eq!(fields(&errors), ["secret"]);
        assert!(
            errors[0].message.starts_with("Enter the secret key"),
            "{errors:?}"
        );
        let errors = entry("a", "ABCD").to_otp_uri().unwrap_err();
        assert!(errors[0].message.contains("too short"), "{errors:?}");
        let mut hotp = entry("a", "JBSWY3DPEHPK3PXP");
        hotp.kind = "hotp".into();
        hotp.counter = "-1".into();
        assert_eq!(fields(&hotp.to_otp_uri().unwrap_err()), ["counter"]);
    }
}
