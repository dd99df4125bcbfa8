//! What the importers share: reading loosely typed JSON fields and turning an entry's fields into
//! an [`OtpUri`], with the reason when they do not make an account Vigil can use.

use serde_json::Value;

use crate::{Algorithm, OtpKind, OtpParams, OtpUri, Secret};

/// `bytes` as a JSON value, or `None` when they are not JSON.
pub(crate) fn json(bytes: &[u8]) -> Option<Value> {
    serde_json::from_slice(bytes).ok()
}

/// A string field (`None` when missing, null or not a string).
pub(crate) fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// A string field, or `""`.
pub(crate) fn text_or_empty<'a>(value: &'a Value, key: &str) -> &'a str {
    text(value, key).unwrap_or("")
}

/// A whole-number field, also when the app wrote it as a string (`"6"`).
pub(crate) fn int(value: &Value, key: &str) -> Option<i64> {
    match value.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// An array field, or an empty slice.
pub(crate) fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// An entry's fields as the backup gives them, before checking.
pub(crate) struct EntryFields<'a> {
    pub issuer: &'a str,
    pub label: &'a str,
    pub kind: OtpKind,
    /// `None`: SHA-1.
    pub algorithm: Option<&'a str>,
    /// `None`: 6 (5 for Steam).
    pub digits: Option<i64>,
    /// `None`: 30.
    pub period: Option<i64>,
    /// `None`: 0.
    pub counter: Option<i64>,
}

impl EntryFields<'_> {
    /// Checks the fields and builds the account; the error says what is wrong, never the secret.
    pub(crate) fn into_uri(self, secret: Secret) -> Result<OtpUri, String> {
        if secret.as_bytes().is_empty() {
            return Err("has no secret".to_owned());
        }
        let algorithm = match self.algorithm.map(str::trim).filter(|a| !a.is_empty()) {
            None => Algorithm::Sha1,
            Some(text) => Algorithm::parse(text)
                .ok_or_else(|| format!("uses the unsupported algorithm {text}"))?,
        };
        let digits = match self.digits {
            None => 6,
            Some(d) => u8::try_from(d)
                .ok()
                .filter(|d| (1..=10).contains(d))
                .ok_or_else(|| format!("has {d} digits (Vigil shows 1 to 10)"))?,
        };
        let period = match self.period {
            None => 30,
            Some(p) => u64::try_from(p)
                .ok()
                .filter(|p| *p >= 1)
                .ok_or_else(|| format!("has a period of {p} seconds (at least 1 is needed)"))?,
        };
        let counter = match self.counter {
            None => 0,
            Some(c) => u64::try_from(c).map_err(|_| format!("has a negative counter ({c})"))?,
        };
        let params = OtpParams::for_kind(self.kind, algorithm, digits, period, counter);
        Ok(OtpUri::new(
            self.issuer.trim(),
            self.label.trim(),
            secret,
            params,
        ))
    }
}

/// A base32 secret, with a reason (never the secret) when it is not one.
pub(crate) fn base32_secret(text: &str) -> Result<Secret, String> {
    Secret::from_base32(text).map_err(|e| format!("its {e}"))
}

/// The kind an app's type name means (`totp`, `HOTP`, `Steam`), or the problem for kinds Vigil
/// cannot compute (mOTP, Yandex) and unknown ones.
pub(crate) fn kind(type_name: &str) -> Result<OtpKind, String> {
    match type_name.trim().to_ascii_lowercase().as_str() {
        "" | "totp" => Ok(OtpKind::Totp),
        "hotp" => Ok(OtpKind::Hotp),
        "steam" => Ok(OtpKind::Steam),
        "motp" => Err("uses mOTP, which Vigil cannot compute".to_owned()),
        "yandex" | "yaotp" => Err("uses Yandex OTP, which Vigil cannot compute".to_owned()),
        other => Err(format!("has the unknown OTP type '{other}'")),
    }
}

/// What Bitwarden and Proton store as the code: an `otpauth://` URI, `steam://SECRET`, or a bare
/// base32 secret (TOTP with the usual parameters). `issuer` and `label` fill what a URI lacks.
pub(crate) fn totp_value(value: &str, issuer: &str, label: &str) -> Result<OtpUri, String> {
    let value = value.trim();
    let lower = value
        .get(..10)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if lower.starts_with("otpauth://") {
        let mut uri =
            OtpUri::parse(value).map_err(|e| format!("its otpauth URI is not valid: {e}"))?;
        if uri.issuer.is_empty() {
            issuer.trim().clone_into(&mut uri.issuer);
        }
        if uri.label.is_empty() {
            label.trim().clone_into(&mut uri.label);
        }
        return Ok(uri);
    }
    let (kind, secret) = match lower.get(..8) {
        Some("steam://") => (OtpKind::Steam, value.get(8..).unwrap_or("")),
        _ => (OtpKind::Totp, value),
    };
    let secret = base32_secret(secret)?;
    EntryFields {
        issuer,
        label,
        kind,
        algorithm: None,
        digits: None,
        period: None,
        counter: None,
    }
    .into_uri(secret)
}

/// Standard base64, padding optional, ASCII whitespace ignored; `None` when it is not base64.
pub(crate) fn base64(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    use base64::engine::DecodePaddingMode;
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    LENIENT.decode(compact.as_bytes()).ok()
}

/// The error for a file that is not `format`: [`ImportError::Corrupt`] when it starts like JSON
/// but does not parse (a truncated or damaged export), else [`ImportError::FormatMismatch`].
pub(crate) fn not_this_format(format: &'static str, bytes: &[u8]) -> super::ImportError {
    let starts_like_json = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{' || *b == b'[');
    match serde_json::from_slice::<Value>(bytes) {
        Err(e) if starts_like_json => super::ImportError::corrupt(
            format,
            format!(
                "the JSON is cut short or malformed (line {}, column {})",
                e.line(),
                e.column()
            ),
        ),
        _ => super::ImportError::FormatMismatch { format },
    }
}

/// Overwrites every string in `value` (the secrets) before it is dropped.
pub(crate) fn zeroize_strings(value: &mut Value) {
    use zeroize::Zeroize;
    match value {
        Value::String(text) => text.zeroize(),
        Value::Array(items) => items.iter_mut().for_each(zeroize_strings),
        Value::Object(map) => map.values_mut().for_each(zeroize_strings),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}
