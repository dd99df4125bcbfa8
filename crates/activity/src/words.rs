//! Events and states in plain words, for the CLI and the app ("Signed in from NL · Firefox on
//! Linux"). Shared so both say the same thing.

use serde_json::Value;
use vigil_core::activity::{AccountState, Event, EventKind, Outcome};

/// One line saying what happened.
pub fn summary(event: &Event) -> String {
    let text = |key: &str| event.details.get(key).and_then(Value::as_str).unwrap_or("");
    let place = event
        .country
        .as_deref()
        .map(|country| format!(" from {country}"))
        .unwrap_or_default();
    let device = match (event.device.browser.as_deref(), event.device.os.as_deref()) {
        (Some(browser), Some(os)) => format!(" · {browser} on {os}"),
        (Some(one), None) | (None, Some(one)) => format!(" · {one}"),
        (None, None) => String::new(),
    };
    match event.kind {
        EventKind::SignIn => match event.outcome {
            Some(Outcome::Success) | None => format!("Signed in{place}{device}"),
            Some(_) => format!("Failed sign-in{place}{device}"),
        },
        EventKind::OrderPlaced => format!(
            "Order {} · {} {}",
            text("reference"),
            text("amount"),
            text("currency")
        ),
        EventKind::BookingCreated => {
            format!(
                "Booking {} · {} · {}",
                text("reference"),
                text("what"),
                text("when")
            )
        }
        EventKind::EmailChanged => format!("Email address changed{place}{device}"),
        EventKind::PhoneChanged => format!("Phone number changed{place}{device}"),
        EventKind::AddressChanged => format!("Postal address changed{place}{device}"),
        EventKind::PasswordChanged => format!("Password changed{place}{device}"),
        EventKind::PaymentMethodAdded => format!(
            "Card added: {} ending {}{place}",
            text("brand"),
            text("last4")
        ),
        EventKind::StateChanged => match event.details.get("to").and_then(Value::as_str) {
            Some("active") => "Account unlocked".to_owned(),
            Some(_) => "Account locked".to_owned(),
            None => "Account state changed".to_owned(),
        },
        EventKind::DocumentReceived => "Document received for review".to_owned(),
    }
}

/// The account's state in words, and what the customer can do.
pub fn state_sentence(state: AccountState) -> &'static str {
    match state {
        AccountState::Active => "active",
        AccountState::LockedPendingVerification => {
            "locked: confirm the flagged activity (this was me), or send a document for review"
        }
        AccountState::LockedPendingReview => "locked: the service is reviewing it",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigil_core::activity::Device;

    fn event(kind: EventKind, details: Value) -> Event {
        serde_json::from_value(serde_json::json!({
            "id": "e1", "kind": kind, "occurred_at": "2026-11-25T07:10:00Z", "ip": "193.0.6.139",
            "country": "NL", "user_agent": null, "device": Device { browser: Some("Firefox".into()), os: Some("Linux".into()) },
            "outcome": if kind == EventKind::SignIn { Some("success") } else { None },
            "details": details, "flagged": false, "reasons": [], "verdict": null
        }))
        .unwrap()
    }

    #[test]
    fn events_read_as_sentences() {
        assert_eq!(
            summary(&event(EventKind::SignIn, serde_json::json!({}))),
            "Signed in from NL · Firefox on Linux"
        );
        let order =
            serde_json::json!({"reference": "••••1001", "amount": "49.90", "currency": "EUR"});
        assert_eq!(
            summary(&event(EventKind::OrderPlaced, order)),
            "Order ••••1001 · 49.90 EUR"
        );
        let locked = serde_json::json!({"from": "active", "to": "locked_pending_review"});
        assert_eq!(
            summary(&event(EventKind::StateChanged, locked)),
            "Account locked"
        );
        assert!(state_sentence(AccountState::LockedPendingVerification).contains("this was me"));
    }
}
