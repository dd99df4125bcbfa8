//! Tests of the request bodies' bounds: each field's limit, and the fields named in the error.

use serde_json::json;

use super::*;

const NOW: i64 = 1_764_050_000;

fn event(body: serde_json::Value) -> Result<CheckedEvent, FieldError> {
    serde_json::from_value::<NewEvent>(body)
        .unwrap()
        .validate(NOW)
}

#[test]
fn dates_before_1970_or_after_9998_name_occurred_at() {
    for at in [
        "-0001-01-01T00:00:00Z",
        "0000-06-01T00:00:00Z",
        "1969-12-31T23:59:59Z",
    ] {
        let body = json!({"kind": "email_changed", "occurred_at": at});
        let Ok(parsed) = serde_json::from_value::<NewEvent>(body) else {
            continue; // refused by the parser already: a 400 malformed_json
        };
        assert_eq!(
            parsed.validate(NOW).unwrap_err().field,
            "occurred_at",
            "{at}"
        );
    }
    let late = event(json!({"kind": "email_changed", "occurred_at": "2025-11-25T06:19:00Z"}));
    assert_eq!(late.unwrap_err().field, "occurred_at");
    let fine = event(json!({"kind": "email_changed", "occurred_at": "2025-11-25T05:00:00Z"}));
    assert_eq!(fine.unwrap().occurred_at, 1_764_046_800);
}

#[test]
fn ips_are_parsed_and_user_agents_bounded() {
    let checked = event(json!({"kind": "sign_in", "ip": " 2001:DB8::1 "})).unwrap();
    assert_eq!(checked.ip, Some("2001:db8::1".parse().unwrap()));
    let bad = event(json!({"kind": "sign_in", "ip": "not an ip"})).unwrap_err();
    assert_eq!(bad.field, "ip");
    let agent = "x".repeat(MAX_USER_AGENT_CHARS + 1);
    let long = event(json!({"kind": "sign_in", "user_agent": agent})).unwrap_err();
    assert_eq!(long.field, "user_agent");
    let verify = VerifyRequest {
        code: "123456".into(),
        ip: Some("999.1.1.1".into()),
        user_agent: None,
        session: None,
    };
    assert_eq!(verify.validate().unwrap_err().field, "ip");
}

#[test]
fn details_are_flat_small_and_complete() {
    let nested = event(json!({"kind": "email_changed", "details": {"a": {"b": 1}}}));
    assert_eq!(nested.unwrap_err().field, "details.a");
    let long = event(json!({"kind": "email_changed", "details": {"a": "x".repeat(201)}}));
    assert_eq!(long.unwrap_err().field, "details.a");
    let missing = event(json!({"kind": "order_placed", "details": {"reference": "A-1"}}));
    assert_eq!(missing.unwrap_err().field, "details.amount");
    let card = event(json!({"kind": "payment_method_added",
        "details": {"brand": "Visa", "last4": "4242424242424242", "billing_country": "NL"}}));
    assert_eq!(card.unwrap_err().field, "details.last4");
    let service_only = event(json!({"kind": "state_changed"}));
    assert_eq!(service_only.unwrap_err().field, "kind");
}

#[test]
fn enrolment_names_fit_a_qr_code() {
    let mut account = CreateAccount {
        external_id: "c-1".into(),
        email: "ann@example.com".into(),
        issuer: None,
        label: Some("x".repeat(5000)),
        locale: None,
    };
    assert_eq!(account.validate().unwrap_err().field, "label");
    account.label = Some("😀".repeat(MAX_NAME_CHARS)); // 64 characters, 256 bytes
    assert_eq!(account.validate().unwrap_err().field, "label");
    account.label = Some("Ann".into());
    account.issuer = Some("Shop\nInjected".into());
    assert_eq!(account.validate().unwrap_err().field, "issuer");
    account.issuer = None;
    account.email = "no-at-sign".into();
    assert_eq!(account.validate().unwrap_err().field, "email");
    account.email = "ann@example.com".into();
    assert!(account.validate().is_ok());
    account.locale = Some("de<script>".into());
    assert_eq!(account.validate().unwrap_err().field, "locale");
    account.locale = Some("x".repeat(36));
    assert_eq!(account.validate().unwrap_err().field, "locale");
    account.locale = Some("fr_CH.UTF-8".into());
    assert!(account.validate().is_ok());
}

#[test]
fn review_notes_are_bounded() {
    let note = DecisionRequest {
        decision: super::super::Decision::Unlock,
        note: "n".repeat(MAX_NOTE_CHARS + 1),
    };
    assert_eq!(note.validate().unwrap_err().field, "note");
}

#[test]
fn the_longest_valid_account_fits_an_enrolment_qr_code() {
    // Every byte of the issuer and the email percent-encoded; the email is the label.
    let issuer = "é".repeat(MAX_NAME_BYTES / 2);
    let email = format!("{}@{}", "é".repeat(120), "d".repeat(MAX_EMAIL_BYTES - 241));
    let account = CreateAccount {
        external_id: "x".repeat(MAX_EXTERNAL_ID_CHARS),
        email: email.clone(),
        issuer: Some(issuer.clone()),
        label: None,
        locale: None,
    };
    assert_eq!(email.len(), MAX_EMAIL_BYTES);
    assert!(account.validate().is_ok());
    let secret = crate::Secret::from_bytes(vec![7; 20]);
    let mut uri = crate::OtpUri::new(&issuer, &email, secret, crate::OtpParams::totp());
    let base = format!("https://{}", "a".repeat(MAX_PUBLIC_URL_BYTES - 8));
    uri.activity = Some(format!(
        "{base}/v1/feed/3f6c2a1e-8d4b-4c3a-9e7f-1a2b3c4d5e6f"
    ));
    let text = uri.to_uri_string();
    assert!(crate::qr::render_svg(&text).is_ok(), "{} bytes", text.len());
}

#[test]
fn sessions_are_1_to_128_printable_characters_and_sign_outs_name_one() {
    let fine = event(json!({"kind": "sign_in", "session": "s-1/phone"}));
    assert!(fine.is_ok());
    for bad in ["", "   ", "a\u{7}b", &"x".repeat(MAX_SESSION_CHARS + 1)] {
        let error = event(json!({"kind": "sign_in", "session": bad})).unwrap_err();
        assert_eq!(error.field, "session", "{bad:?}");
    }
    assert!(event(json!({"kind": "sign_in", "session": "x".repeat(MAX_SESSION_CHARS)})).is_ok());
    let missing = event(json!({"kind": "sign_out"})).unwrap_err();
    assert_eq!(missing.field, "session");
    assert!(missing.problem.contains("required"));
    let verify = VerifyRequest {
        code: "123456".into(),
        ip: None,
        user_agent: None,
        session: Some("\n".into()),
    };
    assert_eq!(verify.validate().unwrap_err().field, "session");
}
