//! Tests of request signing: fixed vectors computed independently (Python's `hmac`/`hashlib`),
//! the worked example of docs/protocol.md, and every way a signature is refused.

use super::*;

const ACCOUNT: &str = "3f6c2a1e-8d4b-4c3a-9e7f-1a2b3c4d5e6f";
const NONCE: &str = "q8Jr2vLx9TzWm4Ke";
const TIME: i64 = 1_764_050_000;

fn key() -> ActivityKey {
    ActivityKey::derive(&Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap(), ACCOUNT)
}

fn hex(bytes: &[u8]) -> String {
    hex_lower(bytes)
}

#[test]
fn derived_key_matches_the_fixed_vector() {
    assert_eq!(
        hex(key().as_bytes()),
        "199365d48297a2a5e514e0b647f2c779cd88e109f64abd5ad8251eb7904a7234"
    );
    // The account id is the salt: another account gets another key from the same secret.
    let other = ActivityKey::derive(&Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap(), "other");
    assert_ne!(other.as_bytes(), key().as_bytes());
}

const ORIGIN: &str = "https://shop.example";

/// A target at the worked example's service (public URL `https://shop.example/vigil`).
fn at<'a>(method: &'a str, path: &'a str) -> RequestTarget<'a> {
    RequestTarget {
        method,
        origin: ORIGIN,
        path_and_query: path,
    }
}

#[test]
fn get_request_matches_the_worked_example() {
    let path = format!("/vigil/v1/feed/{ACCOUNT}?limit=20");
    assert_eq!(
        string_to_sign(&at("get", &path), "1764050000", NONCE, b""),
        format!(
            "v2\nGET\nhttps://shop.example\n{path}\n1764050000\n{NONCE}\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
    );
    let headers = sign_request(&key(), &at("GET", &path), TIME, NONCE, b"").unwrap();
    assert_eq!(
        headers.signature,
        "BwydBXBxVMhgb02NYiHzooZd9XvNBaeO7xAXyNta3KM"
    );
    assert_eq!(headers.timestamp, "1764050000");
    assert_eq!(headers.version, "v2");
    assert_eq!(
        verify_request(&key(), &at("GET", &path), &headers, b"", TIME + 10),
        Ok(TIME)
    );
}

#[test]
fn post_request_with_a_body_matches_the_fixed_vector() {
    let path =
        format!("/vigil/v1/feed/{ACCOUNT}/events/9d1c7b52-0a44-4f7e-b3a9-5c2e8f61d0aa/verdict");
    let body = br#"{"verdict":"not_mine"}"#;
    let headers = sign_request(&key(), &at("POST", &path), TIME, NONCE, body).unwrap();
    assert_eq!(
        headers.signature,
        "apJ7KC0ecy4HryMhCMZOVg6JF_GnwYAjtv9-dZZNssc"
    );
    assert!(verify_request(&key(), &at("POST", &path), &headers, body, TIME).is_ok());
}

#[test]
fn a_signature_for_another_origin_or_prefix_is_refused() {
    let path = format!("/vigil/v1/feed/{ACCOUNT}?limit=20");
    let attacker = RequestTarget {
        origin: "https://attacker.example",
        ..at("GET", &path)
    };
    let headers = sign_request(&key(), &attacker, TIME, NONCE, b"").unwrap();
    // Python's hmac gives the same value for the attacker's origin.
    assert_eq!(
        headers.signature,
        "RoKrU5uB5jk6zJCsQumQ34XRLnuteCBHq-C_1_Ik1vw"
    );
    assert_eq!(
        verify_request(&key(), &at("GET", &path), &headers, b"", TIME),
        Err(SigningError::BadSignature)
    );
    let unprefixed = format!("/v1/feed/{ACCOUNT}?limit=20");
    let headers = sign_request(&key(), &at("GET", &unprefixed), TIME, NONCE, b"").unwrap();
    assert_eq!(
        verify_request(&key(), &at("GET", &path), &headers, b"", TIME),
        Err(SigningError::BadSignature)
    );
    // The origin is compared as the WHATWG serialises it: case and a default port do not matter.
    let url = url::Url::parse("HTTPS://Shop.Example:443/vigil/v1/feed/x").unwrap();
    assert_eq!(origin_of(&url), ORIGIN);
}

#[test]
fn the_old_unversioned_form_is_refused() {
    let path = format!("/vigil/v1/feed/{ACCOUNT}?limit=20");
    let mut headers = sign_request(&key(), &at("GET", &path), TIME, NONCE, b"").unwrap();
    for version in ["", "v1", "v3"] {
        headers.version = version.into();
        assert_eq!(
            verify_request(&key(), &at("GET", &path), &headers, b"", TIME),
            Err(SigningError::UnsupportedVersion(version.into()))
        );
    }
}

#[test]
fn any_change_to_the_request_breaks_the_signature() {
    let path = format!("/v1/feed/{ACCOUNT}?limit=20");
    let headers = sign_request(&key(), &at("GET", &path), TIME, NONCE, b"").unwrap();
    let bad = Err(SigningError::BadSignature);
    assert_eq!(
        verify_request(&key(), &at("POST", &path), &headers, b"", TIME),
        bad
    );
    let other_path = format!("/v1/feed/{ACCOUNT}?limit=21");
    assert_eq!(
        verify_request(&key(), &at("GET", &other_path), &headers, b"", TIME),
        bad
    );
    assert_eq!(
        verify_request(&key(), &at("GET", &path), &headers, b"x", TIME),
        bad
    );
    let mut other_nonce = headers.clone();
    other_nonce.nonce = "q8Jr2vLx9TzWm4Kf".into();
    assert_eq!(
        verify_request(&key(), &at("GET", &path), &other_nonce, b"", TIME),
        bad
    );
    let mut other_time = headers.clone();
    other_time.timestamp = (TIME + 1).to_string();
    assert_eq!(
        verify_request(&key(), &at("GET", &path), &other_time, b"", TIME),
        bad
    );
    let mut garbage = headers.clone();
    garbage.signature = "not base64!".into();
    assert_eq!(
        verify_request(&key(), &at("GET", &path), &garbage, b"", TIME),
        bad
    );
    let wrong_key = ActivityKey::from_bytes([7; 32]);
    assert_eq!(
        verify_request(&wrong_key, &at("GET", &path), &headers, b"", TIME),
        bad
    );
}

#[test]
fn clock_skew_over_300_seconds_is_refused() {
    let target = at("GET", "/v1/feed/x");
    let headers = sign_request(&key(), &target, TIME, NONCE, b"").unwrap();
    assert!(verify_request(&key(), &target, &headers, b"", TIME + 300).is_ok());
    assert!(verify_request(&key(), &target, &headers, b"", TIME - 300).is_ok());
    assert_eq!(
        verify_request(&key(), &target, &headers, b"", TIME + 301),
        Err(SigningError::ClockSkew { skew: -301 })
    );
    assert_eq!(
        verify_request(&key(), &target, &headers, b"", TIME - 301),
        Err(SigningError::ClockSkew { skew: 301 })
    );
    let mut bad = headers.clone();
    bad.timestamp = "yesterday".into();
    assert_eq!(
        verify_request(&key(), &target, &bad, b"", TIME),
        Err(SigningError::BadTimestamp)
    );
}

#[test]
fn nonces_must_be_16_to_64_url_safe_characters() {
    let target = at("GET", "/");
    for nonce in [
        "short",
        "with space inside!!",
        &"a".repeat(65),
        "ünïcödé-ünïcödé-1",
    ] {
        assert_eq!(
            sign_request(&key(), &target, TIME, nonce, b""),
            Err(SigningError::BadNonce),
            "{nonce}"
        );
    }
    for nonce in ["a".repeat(16), "A-_z09".repeat(10) + "abcd"] {
        assert!(
            sign_request(&key(), &target, TIME, &nonce, b"").is_ok(),
            "{nonce}"
        );
    }
    assert_eq!(nonce_from_bytes(&[0xff; 16]), "_____________________w");
}

#[test]
fn the_key_is_redacted_in_debug() {
    let text = format!("{:?}", key());
    assert!(!text.contains("199"), "{text}");
    assert!(text.contains("[redacted]"), "{text}");
}
