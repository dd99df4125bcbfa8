//! Request signing for the activity feed: HKDF-SHA256 key derivation and HMAC-SHA256 signatures.
//!
//! key = HKDF-SHA256(ikm = the raw TOTP secret, salt = the account id in UTF-8,
//! info = `vigil-activity-v1`), 32 bytes. The signature (version `v2`) is base64url (no padding)
//! of HMAC-SHA256(key, `v2` \n METHOD \n origin \n path-and-query \n timestamp \n nonce \n
//! hex(SHA-256(body))): the origin (scheme, host and port) and the whole public path bind a
//! signature to the service it was made for, so it cannot be replayed to another one.
//! Everything cryptographic is `ring`'s; this file only arranges the bytes.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::{digest, hkdf, hmac};

use crate::{Secret, Sensitive};

/// The HKDF `info` string that binds derived keys to this protocol version.
pub const SIGNING_INFO: &[u8] = b"vigil-activity-v1";
/// The signature version this protocol makes and accepts (`Vigil-Signature-Version`).
pub const SIGNATURE_VERSION: &str = "v2";
/// Header carrying the signature version; a request without it is the old (v1) form, refused.
pub const HEADER_VERSION: &str = "Vigil-Signature-Version";
/// Header carrying the request time in unix seconds.
pub const HEADER_TIMESTAMP: &str = "Vigil-Timestamp";
/// Header carrying the request's nonce (16 to 64 URL-safe characters).
pub const HEADER_NONCE: &str = "Vigil-Nonce";
/// Header carrying the base64url signature.
pub const HEADER_SIGNATURE: &str = "Vigil-Signature";
/// A request whose timestamp is further than this from the server's clock is refused.
pub const MAX_CLOCK_SKEW_SECONDS: i64 = 300;
/// A nonce seen within this many seconds is refused as a replay (the server keeps them this long).
pub const NONCE_WINDOW_SECONDS: i64 = 600;

/// Why a request could not be signed or its signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    /// One of the three `Vigil-*` headers is absent.
    #[error("the {0} header is missing")]
    MissingHeader(&'static str),
    /// `Vigil-Timestamp` is not a whole number of seconds.
    #[error("the Vigil-Timestamp header is not a unix time in seconds")]
    BadTimestamp,
    /// The timestamp is more than [`MAX_CLOCK_SKEW_SECONDS`] away from the server's clock.
    #[error(
        "the request time is {skew} s away from the server's clock (at most {MAX_CLOCK_SKEW_SECONDS} s allowed)"
    )]
    ClockSkew {
        /// Request time minus server time, in seconds.
        skew: i64,
    },
    /// The nonce is not 16 to 64 characters of `A-Z a-z 0-9 - _`.
    #[error("the nonce must be 16 to 64 URL-safe characters (A-Z, a-z, 0-9, '-', '_')")]
    BadNonce,
    /// The signature does not match the request.
    #[error("the request signature does not match")]
    BadSignature,
    /// The request is signed in another version than [`SIGNATURE_VERSION`] (no
    /// `Vigil-Signature-Version` header is the old v1 form, which did not sign the host).
    #[error(
        "the request is signed with signature version {0}; this service accepts only {SIGNATURE_VERSION} (update the app)"
    )]
    UnsupportedVersion(String),
}

/// The 32-byte key that signs an account's feed requests; redacted in `Debug`, zeroed on drop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityKey(Sensitive<[u8; 32]>);

impl ActivityKey {
    /// Derives the key from an account's TOTP secret and the service's account id.
    pub fn derive(secret: &Secret, account_id: &str) -> Self {
        let salt = hkdf::Salt::new(hkdf::HKDF_SHA256, account_id.as_bytes());
        let prk = salt.extract(secret.as_bytes());
        let mut bytes = [0u8; 32];
        // HKDF_SHA256 as the output length asks for exactly 32 bytes, far below HKDF's limit of
        // 255 * 32 bytes, so `expand` and `fill` cannot fail (a unit test pins the output).
        if let Ok(okm) = prk.expand(&[SIGNING_INFO], hkdf::HKDF_SHA256) {
            let _ = okm.fill(&mut bytes);
        }
        Self(Sensitive::new(bytes))
    }

    /// Wraps 32 raw key bytes (for tests and for clients that stored a derived key).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Sensitive::new(bytes))
    }

    /// The raw key bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        self.0.expose()
    }

    fn hmac_key(&self) -> hmac::Key {
        hmac::Key::new(hmac::HMAC_SHA256, self.as_bytes())
    }
}

/// Where a signed request goes, as the client addresses it: the method, the service's origin
/// (`https://shop.example`, see [`origin_of`]) and the path and query as sent, including any
/// prefix of the service's public URL (`/vigil/v1/feed/ID?limit=20`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestTarget<'a> {
    /// The HTTP method (any case; signed in upper case).
    pub method: &'a str,
    /// Scheme, host and port (the port only when not the scheme's default), lower case.
    pub origin: &'a str,
    /// The path and query exactly as sent.
    pub path_and_query: &'a str,
}

/// The origin of a URL as it is signed: `scheme://host[:port]`, lower case, the port only when
/// it is not the scheme's default (the WHATWG serialisation, so both ends agree).
pub fn origin_of(url: &url::Url) -> String {
    url.origin().ascii_serialization()
}

/// The four header values of a signed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedHeaders {
    /// `Vigil-Signature-Version`: [`SIGNATURE_VERSION`].
    pub version: String,
    /// `Vigil-Timestamp`: unix seconds.
    pub timestamp: String,
    /// `Vigil-Nonce`.
    pub nonce: String,
    /// `Vigil-Signature`: base64url without padding.
    pub signature: String,
}

impl SignedHeaders {
    /// The headers as `(name, value)` pairs, ready to add to a request.
    pub fn pairs(&self) -> [(&'static str, &str); 4] {
        [
            (HEADER_VERSION, self.version.as_str()),
            (HEADER_TIMESTAMP, self.timestamp.as_str()),
            (HEADER_NONCE, self.nonce.as_str()),
            (HEADER_SIGNATURE, self.signature.as_str()),
        ]
    }
}

/// The exact text that is signed: the version `v2`, method (upper case), origin, path and
/// query, timestamp, nonce and the lowercase hex SHA-256 of the body, joined by `\n`.
pub fn string_to_sign(
    target: &RequestTarget<'_>,
    timestamp: &str,
    nonce: &str,
    body: &[u8],
) -> String {
    let body_hash = hex_lower(digest::digest(&digest::SHA256, body).as_ref());
    format!(
        "{SIGNATURE_VERSION}\n{}\n{}\n{}\n{timestamp}\n{nonce}\n{body_hash}",
        target.method.to_ascii_uppercase(),
        target.origin.to_ascii_lowercase(),
        target.path_and_query,
    )
}

/// Signs a request made at `unix_time` with `nonce` (see [`nonce_from_bytes`]).
pub fn sign_request(
    key: &ActivityKey,
    target: &RequestTarget<'_>,
    unix_time: i64,
    nonce: &str,
    body: &[u8],
) -> Result<SignedHeaders, SigningError> {
    check_nonce(nonce)?;
    let timestamp = unix_time.to_string();
    let text = string_to_sign(target, &timestamp, nonce, body);
    let tag = hmac::sign(&key.hmac_key(), text.as_bytes());
    Ok(SignedHeaders {
        version: SIGNATURE_VERSION.to_owned(),
        timestamp,
        nonce: nonce.to_owned(),
        signature: URL_SAFE_NO_PAD.encode(tag.as_ref()),
    })
}

/// Checks what can be checked before the body is read: the version, the timestamp against the
/// server's clock (`now`, unix seconds) and the nonce's shape. Returns the request's timestamp.
pub fn check_headers(headers: &SignedHeaders, now: i64) -> Result<i64, SigningError> {
    if headers.version.trim() != SIGNATURE_VERSION {
        return Err(SigningError::UnsupportedVersion(
            headers.version.trim().chars().take(16).collect(),
        ));
    }
    let timestamp: i64 = headers
        .timestamp
        .trim()
        .parse()
        .map_err(|_| SigningError::BadTimestamp)?;
    let skew = timestamp.saturating_sub(now);
    if skew.saturating_abs() > MAX_CLOCK_SKEW_SECONDS {
        return Err(SigningError::ClockSkew { skew });
    }
    check_nonce(&headers.nonce)?;
    Ok(timestamp)
}

/// Checks a request's headers ([`check_headers`]) and its signature over the target the
/// service expects (its own origin and public path), in constant time. Nonce reuse is the
/// caller's check: it needs storage. Returns the request's timestamp.
pub fn verify_request(
    key: &ActivityKey,
    target: &RequestTarget<'_>,
    headers: &SignedHeaders,
    body: &[u8],
    now: i64,
) -> Result<i64, SigningError> {
    let timestamp = check_headers(headers, now)?;
    let tag = URL_SAFE_NO_PAD
        .decode(headers.signature.trim())
        .map_err(|_| SigningError::BadSignature)?;
    let text = string_to_sign(target, headers.timestamp.trim(), &headers.nonce, body);
    hmac::verify(&key.hmac_key(), text.as_bytes(), &tag).map_err(|_| SigningError::BadSignature)?;
    Ok(timestamp)
}

/// A nonce made from random bytes the caller supplies (16 bytes give 22 characters).
pub fn nonce_from_bytes(random: &[u8; 16]) -> String {
    URL_SAFE_NO_PAD.encode(random)
}

fn check_nonce(nonce: &str) -> Result<(), SigningError> {
    let ok = (16..=64).contains(&nonce.len())
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(SigningError::BadNonce)
    }
}

fn hex_lower(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

#[cfg(test)]
#[path = "signing_tests.rs"]
mod tests;
