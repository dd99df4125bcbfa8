//! Fuzz target: the JSON body of every activity-service endpoint, from arbitrary bytes. The
//! first byte picks the endpoint, the rest is the body. Deserializing and validating never
//! panics, and whatever validates can be stored and shown: a posted event's time formats as
//! RFC 3339 inside a feed `Event` (a year out of range used to break every feed page), its
//! details stay within their bound, and an account's issuer, label and email always draw an
//! enrolment QR code with the longest public URL a service may have.
#![no_main]

use libfuzzer_sys::fuzz_target;
use time::OffsetDateTime;
use vigil_core::activity::validate::{MAX_DETAILS_BYTES, MAX_PUBLIC_URL_BYTES};
use vigil_core::activity::{
    CreateAccount, DecisionRequest, Device, Event, NewEvent, Outcome, VerdictRequest,
    VerifyRequest, mask_reference,
};
use vigil_core::{OtpParams, OtpUri, Secret};

/// The service's clock for the checks (a fixed moment, so runs repeat).
const NOW: i64 = 1_764_050_000;

fuzz_target!(|data: &[u8]| {
    let Some((selector, body)) = data.split_first() else {
        return;
    };
    match selector % 5 {
        0 => create_account(body),
        1 => {
            if let Ok(request) = serde_json::from_slice::<VerifyRequest>(body) {
                if let Ok(ip) = request.validate() {
                    // Stored as parsed, and parsed back the same.
                    if let Some(ip) = ip {
                        assert_eq!(ip.to_string().parse::<std::net::IpAddr>().ok(), Some(ip));
                    }
                }
            }
        }
        2 => new_event(body),
        3 => {
            let _ = serde_json::from_slice::<VerdictRequest>(body);
        }
        _ => {
            if let Ok(request) = serde_json::from_slice::<DecisionRequest>(body) {
                if request.validate().is_ok() {
                    assert!(request.note.chars().count() <= 500);
                }
            }
        }
    }
});

fn create_account(body: &[u8]) {
    let Ok(request) = serde_json::from_slice::<CreateAccount>(body) else {
        return;
    };
    if request.validate().is_err() {
        return;
    }
    // As the service draws it: the default issuer when none, the email as the label when none.
    let issuer = request.issuer.as_deref().unwrap_or("Vigil Demo Shop");
    let label = request.label.as_deref().unwrap_or(&request.email);
    let mut uri = OtpUri::new(issuer, label, Secret::from_bytes(vec![0xa5; 20]), OtpParams::totp());
    let base = format!("https://{}", "a".repeat(MAX_PUBLIC_URL_BYTES - "https://".len()));
    uri.activity = Some(format!("{base}/v1/feed/3f6c2a1e-8d4b-4c3a-9e7f-1a2b3c4d5e6f"));
    let text = uri.to_uri_string();
    if let Err(error) = vigil_core::qr::render_svg(&text) {
        panic!("a valid account's enrolment URI ({} bytes) has no QR code: {error}", text.len());
    }
}

fn new_event(body: &[u8]) {
    let Ok(request) = serde_json::from_slice::<NewEvent>(body) else {
        return;
    };
    let Ok(checked) = request.validate(NOW) else {
        return;
    };
    assert!(checked.details.to_string().len() <= MAX_DETAILS_BYTES);
    let occurred_at = OffsetDateTime::from_unix_timestamp(checked.occurred_at)
        .expect("a validated time is a valid unix time");
    let mut details = checked.details.clone();
    if let Some(reference) = details.get_mut("reference") {
        if let Some(text) = reference.as_str() {
            *reference = serde_json::Value::String(mask_reference(text));
        }
    }
    let event = Event {
        id: "e".into(),
        kind: request.kind,
        occurred_at,
        ip: checked.ip.map(|ip| ip.to_string()),
        country: None,
        city: None,
        user_agent: request.user_agent.clone(),
        device: Device::default(),
        outcome: Some(Outcome::Success),
        details,
        flagged: false,
        reasons: Vec::new(),
        verdict: None,
        count: None,
    };
    let json = serde_json::to_string(&event).expect("a validated event serializes into a feed");
    let back: Event = serde_json::from_str(&json).expect("and a client reads it back");
    assert_eq!(back.occurred_at, occurred_at);
}
