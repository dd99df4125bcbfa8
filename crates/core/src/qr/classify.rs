//! What a QR code holds: an account, a Google Authenticator export, or something else.

use crate::OtpUri;
use crate::migration::{self, MigrationBatch};

/// One QR code found in a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The text the QR code holds (it may hold a secret: do not log it).
    pub text: String,
    /// What that text is.
    pub payload: Payload,
}

/// What a QR code's text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// An `otpauth://` enrolment: one account.
    Account(OtpUri),
    /// A Google Authenticator export: all its accounts, and which of how many QR codes it was.
    Export(MigrationBatch),
    /// Not an enrolment, or a broken one; the message says which, in words for the person.
    NotEnrolment(String),
}

impl Found {
    /// The accounts this QR code brings (none for [`Payload::NotEnrolment`]).
    pub fn accounts(&self) -> &[OtpUri] {
        match &self.payload {
            Payload::Account(uri) => std::slice::from_ref(uri),
            Payload::Export(batch) => &batch.accounts,
            Payload::NotEnrolment(_) => &[],
        }
    }
}

/// Classifies the text of one QR code.
pub fn classify(text: &str) -> Found {
    classify_as(text, "This QR code is")
}

/// Classifies text from elsewhere (the clipboard): messages start with `subject`, e.g.
/// "The clipboard holds".
pub fn classify_as(text: &str, subject: &str) -> Found {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let payload = if lower.starts_with("otpauth://") {
        match OtpUri::parse(trimmed) {
            Ok(uri) => Payload::Account(uri),
            Err(error) => Payload::NotEnrolment(format!(
                "{subject} an authenticator code that cannot be used: {error}"
            )),
        }
    } else if lower.starts_with("otpauth-migration://") {
        match migration::decode(trimmed) {
            Ok(batch) => Payload::Export(batch),
            Err(error) => Payload::NotEnrolment(format!(
                "{subject} a Google Authenticator export that cannot be read: {error}"
            )),
        }
    } else {
        Payload::NotEnrolment(format!(
            "{subject} {}, not an authenticator enrolment code",
            describe_other(trimmed)
        ))
    };
    Found {
        text: text.to_owned(),
        payload,
    }
}

fn describe_other(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let shown = shorten(text, 60);
    if lower.starts_with("http://") || lower.starts_with("https://") {
        format!("a web link ({shown})")
    } else if lower.starts_with("wifi:") {
        "a Wi-Fi network".to_owned()
    } else if lower.starts_with("mailto:") {
        format!("an email address ({shown})")
    } else if lower.starts_with("begin:vcard") {
        "a contact card".to_owned()
    } else if text.is_empty() {
        "empty".to_owned()
    } else {
        format!("text ({shown})")
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_each_kind() {
        let account = classify("otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP");
        assert!(matches!(account.payload, Payload::Account(_)));
        assert_eq!(account.accounts().len(), 1);
        let link = classify("https://example.com/login");
        assert_eq!(
            link.payload,
            Payload::NotEnrolment(
                "This QR code is a web link (https://example.com/login), not an authenticator enrolment code"
                    .into()
            )
        );
        assert!(link.accounts().is_empty());
        let broken = classify("otpauth://totp/Shop:alice?issuer=Shop");
        assert_eq!(
            broken.payload,
            Payload::NotEnrolment(
                "This QR code is an authenticator code that cannot be used: missing secret".into()
            )
        );
        let text = classify("hello");
        assert!(matches!(text.payload, Payload::NotEnrolment(m) if m.contains("text (hello)")));
        let wifi = classify("WIFI:S:home;T:WPA;P:pw;;");
        assert!(matches!(wifi.payload, Payload::NotEnrolment(m) if m.contains("Wi-Fi")));
    }
}
