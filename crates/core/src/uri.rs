//! `otpauth://` URIs (Google's Key Uri Format), parsed leniently and emitted canonically.

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use crate::{Algorithm, OtpKind, OtpParams, Secret, SecretError};

/// Characters left as they are when emitting: RFC 3986 unreserved.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// An account as an `otpauth://` URI carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtpUri {
    /// The service, e.g. `Shop` (may be empty when the URI names none).
    pub issuer: String,
    /// The account at that service, e.g. `alice@example.com`.
    pub label: String,
    /// The shared key.
    pub secret: Secret,
    /// How codes are made.
    pub params: OtpParams,
    /// The service's activity feed (`activity=`), a Vigil extension other apps ignore.
    pub activity: Option<String>,
    /// Parameters this crate does not interpret (`image`, `color`...), kept in order.
    pub extra: Vec<(String, String)>,
}

/// What is wrong with an otpauth URI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UriError {
    /// The text does not start with `otpauth://`.
    #[error("not an otpauth URI")]
    NotOtpauth,
    /// The type after `otpauth://` is not `totp`, `hotp` or `steam`.
    #[error("unsupported OTP type '{0}'")]
    UnsupportedType(String),
    /// The secret is missing or not base32.
    #[error("{0}")]
    Secret(#[from] SecretError),
    /// `digits` is not a number from 1 to 10.
    #[error("digits must be 1-10 (got '{0}')")]
    Digits(String),
    /// `period` is not a whole number of seconds, at least 1.
    #[error("period must be at least 1 second (got '{0}')")]
    Period(String),
    /// `counter` is not a whole number.
    #[error("counter must be a whole number (got '{0}')")]
    Counter(String),
    /// `algorithm` is not SHA1, SHA256 or SHA512.
    #[error("unsupported algorithm '{0}' (use SHA1, SHA256 or SHA512)")]
    Algorithm(String),
    /// Percent-encoding that does not decode to UTF-8 text.
    #[error("the {0} is not valid percent-encoded UTF-8")]
    Encoding(&'static str),
}

impl OtpUri {
    /// A TOTP account with the usual parameters.
    pub fn new(issuer: &str, label: &str, secret: Secret, params: OtpParams) -> Self {
        Self {
            issuer: issuer.to_owned(),
            label: label.to_owned(),
            secret,
            params,
            activity: None,
            extra: Vec::new(),
        }
    }

    /// Parses an `otpauth://TYPE/LABEL?PARAMS` URI. Lenient where real URIs vary (case of the
    /// scheme and type, base32 spelling, missing parameters, unknown parameters), strict where a
    /// mistake would give wrong codes.
    pub fn parse(text: &str) -> Result<Self, UriError> {
        let text = text.trim();
        let rest = strip_prefix_ignore_case(text, "otpauth://").ok_or(UriError::NotOtpauth)?;
        let (kind_text, rest) = rest.split_once('/').unwrap_or((rest, ""));
        let mut kind = OtpKind::parse(kind_text)
            .ok_or_else(|| UriError::UnsupportedType(kind_text.to_owned()))?;
        let (label_text, query) = rest.split_once('?').unwrap_or((rest, ""));
        let label_text = rest_without_fragment(label_text);
        let query = rest_without_fragment(query);
        let (prefix, label) = split_label(label_text)?;
        let mut secret = None;
        let mut issuer = None;
        let mut algorithm = Algorithm::Sha1;
        let mut digits = None;
        let mut period = 30u64;
        let mut counter = 0u64;
        let mut activity = None;
        let mut extra = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(raw_key, true).ok_or(UriError::Encoding("query"))?;
            let value = decode(raw, true).ok_or(UriError::Encoding("query"))?;
            match key.to_ascii_lowercase().as_str() {
                "secret" => secret = Some(Secret::from_base32(&value)?),
                "issuer" => issuer = Some(value.trim().to_owned()),
                "algorithm" => {
                    algorithm = Algorithm::parse(&value).ok_or(UriError::Algorithm(value))?
                }
                "digits" => {
                    digits = Some(
                        value
                            .parse::<u8>()
                            .ok()
                            .filter(|d| (1..=10).contains(d))
                            .ok_or(UriError::Digits(value))?,
                    )
                }
                "period" => {
                    period = value
                        .parse::<u64>()
                        .ok()
                        .filter(|p| *p >= 1)
                        .ok_or(UriError::Period(value))?
                }
                "counter" => {
                    counter = value.parse::<u64>().map_err(|_| UriError::Counter(value))?
                }
                "encoder" if value.eq_ignore_ascii_case("steam") => kind = OtpKind::Steam,
                "activity" => activity = Some(value),
                _ => extra.push((key, value)),
            }
        }
        let secret = secret.ok_or(UriError::Secret(SecretError::Missing))?;
        let issuer = match (issuer, prefix) {
            (Some(issuer), _) if !issuer.is_empty() => issuer,
            (_, Some(prefix)) => prefix,
            (Some(empty), None) => empty,
            (None, None) => String::new(),
        };
        // Parameters that mean nothing for the kind are dropped (`OtpParams::for_kind`).
        let digits = digits.unwrap_or(6);
        let params = OtpParams::for_kind(kind, algorithm, digits, period, counter);
        Ok(Self {
            issuer,
            label,
            secret,
            params,
            activity,
            extra,
        })
    }

    /// The canonical URI: `otpauth://totp/Issuer:label?secret=…&issuer=…&algorithm=…&digits=…&period=…`
    /// (`counter` for HOTP; Steam as `otpauth://steam/` without digits), then `activity` and the
    /// extra parameters. `OtpUri::parse(&uri.to_uri_string())` gives `uri` back.
    ///
    /// The result holds the secret: wrap or zero it as you would the secret itself.
    pub fn to_uri_string(&self) -> String {
        let mut out = format!("otpauth://{}/", self.params.kind.as_str());
        // An empty issuer still gets its separator when the label holds a colon, so the label
        // is not split on re-parsing.
        if !self.issuer.is_empty() || self.label.contains(':') {
            out.push_str(&encode(&self.issuer));
            out.push(':');
        }
        out.push_str(&encode(&self.label));
        out.push_str("?secret=");
        out.push_str(self.secret.to_base32().expose());
        if !self.issuer.is_empty() {
            out.push_str("&issuer=");
            out.push_str(&encode(&self.issuer));
        }
        if self.params.kind != OtpKind::Steam {
            out.push_str("&algorithm=");
            out.push_str(self.params.algorithm.as_str());
            out.push_str(&format!("&digits={}", self.params.digits));
        }
        match self.params.kind {
            OtpKind::Hotp => out.push_str(&format!("&counter={}", self.params.counter)),
            OtpKind::Totp | OtpKind::Steam => {
                out.push_str(&format!("&period={}", self.params.period))
            }
        }
        if let Some(activity) = &self.activity {
            out.push_str("&activity=");
            out.push_str(&encode(activity));
        }
        for (key, value) in &self.extra {
            out.push('&');
            out.push_str(&encode(key));
            out.push('=');
            out.push_str(&encode(value));
        }
        out
    }

    /// `Issuer (label)`, or whichever of the two exists: how people name an account.
    pub fn display_name(&self) -> String {
        display_name(&self.issuer, &self.label)
    }
}

/// `Issuer (label)`, or whichever of the two is not empty.
pub fn display_name(issuer: &str, label: &str) -> String {
    match (issuer.is_empty(), label.is_empty()) {
        (false, false) => format!("{issuer} ({label})"),
        (false, true) => issuer.to_owned(),
        (true, false) => label.to_owned(),
        (true, true) => "(unnamed account)".to_owned(),
    }
}

impl fmt::Display for OtpUri {
    /// Shows the account, never the secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_name())
    }
}

/// Splits `Issuer:account`. A literal `:` separates; only when there is none does a `%3A` (which
/// the Key Uri Format also allows) separate. Emitting writes a literal `:` and encodes the colons
/// inside the parts, so every emitted URI splits back the same way.
fn split_label(raw: &str) -> Result<(Option<String>, String), UriError> {
    let label_error = || UriError::Encoding("label");
    if let Some((prefix, account)) = raw.split_once(':') {
        let prefix = decode(prefix, false).ok_or_else(label_error)?;
        let account = decode(account, false).ok_or_else(label_error)?;
        return Ok((Some(prefix.trim().to_owned()), account.trim().to_owned()));
    }
    let full = decode(raw, false).ok_or_else(label_error)?;
    Ok(match full.split_once(':') {
        Some((prefix, account)) => (Some(prefix.trim().to_owned()), account.trim().to_owned()),
        None => (None, full.trim().to_owned()),
    })
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn rest_without_fragment(text: &str) -> &str {
    text.split_once('#').map_or(text, |(before, _)| before)
}

/// Percent-decodes; in query values a `+` is a space, as form encoders write it.
fn decode(text: &str, plus_is_space: bool) -> Option<String> {
    let text = if plus_is_space {
        text.replace('+', " ")
    } else {
        text.to_owned()
    };
    percent_decode_str(&text)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> OtpUri {
        OtpUri::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn error(text: &str) -> String {
        OtpUri::parse(text).unwrap_err().to_string()
    }

    #[test]
    fn parses_the_key_uri_format_example() {
        let uri =
            parse("otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example");
        assert_eq!(uri.issuer, "Example");
        assert_eq!(uri.label, "alice@google.com");
        assert_eq!(uri.params, OtpParams::totp());
        assert_eq!(uri.secret.bits(), 80);
    }

    #[test]
    fn issuer_parameter_wins_over_prefix() {
        let uri = parse("otpauth://totp/Old%20Name:bob?secret=JBSWY3DPEHPK3PXP&issuer=New+Name");
        assert_eq!(uri.issuer, "New Name");
        assert_eq!(uri.label, "bob");
        let uri = parse("otpauth://totp/Prefix%3A%20carol%40example.com?secret=JBSWY3DPEHPK3PXP");
        assert_eq!(
            (uri.issuer.as_str(), uri.label.as_str()),
            ("Prefix", "carol@example.com")
        );
        let uri = parse("otpauth://totp/just-a-label?secret=JBSWY3DPEHPK3PXP");
        assert_eq!(
            (uri.issuer.as_str(), uri.label.as_str()),
            ("", "just-a-label")
        );
    }

    #[test]
    fn defaults_and_all_parameters() {
        let uri = parse(
            "OTPAUTH://TOTP/A:b?secret=jbsw y3dp-ehpk3pxp====&algorithm=sha512&digits=8&period=60",
        );
        assert_eq!(uri.params.algorithm, Algorithm::Sha512);
        assert_eq!(uri.params.digits, 8);
        assert_eq!(uri.params.period, 60);
        let hotp = parse("otpauth://hotp/A:b?secret=JBSWY3DPEHPK3PXP&counter=42");
        assert_eq!(hotp.params, OtpParams::hotp(42));
        let ten = parse("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=10&period=1");
        assert_eq!((ten.params.digits, ten.params.period), (10, 1));
    }

    #[test]
    fn steam_both_ways() {
        let a = parse("otpauth://steam/Steam:gaben?secret=JBSWY3DPEHPK3PXP");
        let b = parse("otpauth://totp/Steam:gaben?secret=JBSWY3DPEHPK3PXP&encoder=steam");
        assert_eq!(a.params, OtpParams::steam());
        assert_eq!(a, b);
    }

    #[test]
    fn unknown_parameters_are_kept_and_ignored() {
        let uri = parse(
            "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&image=https%3A%2F%2Fx.test%2Fi.png&foo",
        );
        assert_eq!(
            uri.extra,
            vec![
                ("image".into(), "https://x.test/i.png".into()),
                ("foo".into(), String::new())
            ]
        );
        let activity = parse(
            "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&activity=https%3A%2F%2Fshop.test%2Fv1%2Ffeed%2F1",
        );
        assert_eq!(
            activity.activity.as_deref(),
            Some("https://shop.test/v1/feed/1")
        );
    }

    #[test]
    fn errors_name_the_problem() {
        assert_eq!(error("otpauth://totp/A:b?issuer=A"), "missing secret");
        assert_eq!(
            error("otpauth://totp/A:b?secret=JBS1WY3D"),
            "secret is not base32 (character '1' at 4)"
        );
        assert_eq!(
            error("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=11"),
            "digits must be 1-10 (got '11')"
        );
        assert!(
            error("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&digits=0")
                .starts_with("digits must be 1-10")
        );
        assert_eq!(
            error("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&period=0"),
            "period must be at least 1 second (got '0')"
        );
        assert_eq!(
            error("otpauth://xotp/A:b?secret=JBSWY3DPEHPK3PXP"),
            "unsupported OTP type 'xotp'"
        );
        assert_eq!(error("https://example.com/"), "not an otpauth URI");
        assert_eq!(error(""), "not an otpauth URI");
        assert!(error("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&algorithm=MD5").contains("MD5"));
        assert!(error("otpauth://totp/A%ff:b?secret=JBSWY3DPEHPK3PXP").contains("label"));
    }

    #[test]
    fn round_trips() {
        for text in [
            "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example",
            "otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=7&digits=8&algorithm=SHA256",
            "otpauth://steam/Steam:gaben?secret=JBSWY3DPEHPK3PXP",
            "otpauth://totp/%E6%97%A5%E6%9C%AC:%20x%26y%3Dz?secret=GEZDGNBV&period=45",
            "otpauth://totp/no-issuer?secret=GEZDGNBVGY&image=a%20b&activity=http%3A%2F%2F127.0.0.1%3A8080%2Ff",
            // Found by fuzzing: parameters that mean nothing for the kind.
            "otpauth://totp/A:b?secret=HXDMVJECJJWSRB3H&counter=2&digits=8",
            "otpauth://hotp/A:b?secret=HXDMVJECJJWSRB3H&period=60&counter=3",
            "otpauth://steam/A:b?secret=HXDMVJECJJWSRB3H&algorithm=SHA256&digits=7",
            // Found by fuzzing: colons inside the issuer and the label.
            "otpauth://totp/ACME%20Co%3AX:john%3Adoe?secret=HXDMVJECJJWSRB3H&issuer=ACME%20Co%3AX",
            "otpauth://totp/:a%3Ab?secret=HXDMVJECJJWSRB3H",
            // Found by fuzzing: an unknown parameter whose name needs percent-encoding.
            "otpauth://hotp/Bank:me?secret=JBSWY3DPEH&counter=7&algorite@google.com?secr%0Eet=hm=SHA256",
        ] {
            let first = parse(text);
            let emitted = first.to_uri_string();
            let second = parse(&emitted);
            assert_eq!(first, second, "{text} -> {emitted}");
            assert_eq!(emitted, second.to_uri_string());
        }
        let canonical = parse("otpauth://totp/Shop:alice?secret=jbswy3dpehpk3pxp").to_uri_string();
        assert_eq!(
            canonical,
            "otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop&algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn display_never_shows_the_secret() {
        let uri = parse("otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP");
        assert_eq!(uri.to_string(), "Shop (alice)");
        assert!(!format!("{uri:?}").contains("JBSWY3DPEHPK3PXP"));
    }
}
