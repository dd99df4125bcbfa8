//! Events and states in plain words, for the CLI and the app ("Signed in from NL · Firefox on
//! Linux"). Shared so both say the same thing.

use serde_json::Value;
use vigil_core::activity::{AccountState, Event, EventKind, Outcome, Reason};

/// One line saying what happened.
pub fn summary(event: &Event) -> String {
    let text = |key: &str| event.details.get(key).and_then(Value::as_str).unwrap_or("");
    let place = event
        .country
        .as_deref()
        .map(|country| format!(" from {}", country_name(country)))
        .unwrap_or_default();
    let device = device_words(event)
        .map(|device| format!(" · {device}"))
        .unwrap_or_default();
    match event.kind {
        EventKind::SignIn => match event.outcome {
            Some(Outcome::Success) | None => format!("Signed in{place}{device}"),
            // Repeated failures come as one event with a count.
            Some(_) => match event.count {
                Some(count) if count > 1 => format!("{count} failed sign-ins{place}{device}"),
                _ => format!("Failed sign-in{place}{device}"),
            },
        },
        EventKind::SignOut => format!("Signed out{place}{device}"),
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

/// A country's English name from its ISO 3166-1 alpha-2 code (the code itself when unknown).
pub fn country_name(code: &str) -> String {
    isocountry::CountryCode::for_alpha2_caseless(code)
        .map_or_else(|_| code.to_owned(), |country| country.name().to_owned())
}

/// Why a flagged event was flagged, in plain words; `page` is the feed it came from (newest
/// first), to name the earlier sign-in a reason refers to.
pub fn reasons(event: &Event, page: &[Event]) -> Vec<String> {
    let earlier = page
        .iter()
        .filter(|e| {
            e.kind == EventKind::SignIn
                && e.id != event.id
                && e.occurred_at <= event.occurred_at
                && matches!(e.outcome, Some(Outcome::Success) | None)
                && e.country.is_some()
                && e.country != event.country
        })
        .max_by_key(|e| e.occurred_at);
    let here = event.country.as_deref().map(country_name);
    event
        .reasons
        .iter()
        .map(|reason| match (reason, &here, earlier) {
            (Reason::NewCountryTooSoon, Some(here), Some(before)) => {
                let minutes = (event.occurred_at - before.occurred_at).whole_minutes();
                format!(
                    "Signed in from {here} {} after a sign-in from {}",
                    duration_words(minutes),
                    before
                        .country
                        .as_deref()
                        .map(country_name)
                        .unwrap_or_default()
                )
            }
            (Reason::NewCountryTooSoon, _, _) => {
                "Signed in from a new country soon after a sign-in from another".to_owned()
            }
            (Reason::ImpossibleTravelSpeed, Some(here), Some(before)) => format!(
                "Signed in from {here} too soon after a sign-in from {} to have travelled there",
                before
                    .country
                    .as_deref()
                    .map(country_name)
                    .unwrap_or_default()
            ),
            (Reason::ImpossibleTravelSpeed, _, _) => {
                "Two sign-ins too far apart for the time between them".to_owned()
            }
            (Reason::PaymentMethodAfterFlaggedSignIn, _, _) => {
                "A card was added within a day of a sign-in that looked unusual".to_owned()
            }
            (Reason::PaymentMethodsInWindow, _, _) => {
                "A third card was added within a day".to_owned()
            }
            (Reason::NewCountry, Some(here), _) => {
                format!("First sign-in from {here} in 90 days")
            }
            (Reason::NewDevice, _, _) => match device_words(event) {
                Some(device) => format!("First sign-in on {device} in 90 days"),
                None => "First sign-in on this device in 90 days".to_owned(),
            },
            (Reason::AccountChangesInWindow, _, _) => {
                "Email, phone, address or password changed several times within a day".to_owned()
            }
            (Reason::TooManyFailedCodes, _, _) => "Many wrong codes were typed in a row".to_owned(),
            (Reason::NewCountry | Reason::Other(_), _, _) => reason.as_str().replace('_', " "),
        })
        .collect()
}

/// A moment to the minute in UTC, e.g. `2026-11-25 07:10 UTC`.
pub fn utc_minute(at: time::OffsetDateTime) -> String {
    let at = at.checked_to_offset(time::UtcOffset::UTC).unwrap_or(at);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// "Firefox 133 on Windows", "Firefox", or `None` when the device is unknown.
pub fn device_words(event: &Event) -> Option<String> {
    match (event.device.browser.as_deref(), event.device.os.as_deref()) {
        (Some(browser), Some(os)) => Some(format!("{browser} on {os}")),
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (None, None) => None,
    }
}

fn duration_words(minutes: i64) -> String {
    match minutes {
        ..=0 => "less than a minute".to_owned(),
        1 => "a minute".to_owned(),
        2..=89 => format!("{minutes} minutes"),
        _ => format!("{} hours", (minutes + 30) / 60),
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
            "Signed in from Netherlands · Firefox on Linux"
        );
        let mut failed = event(EventKind::SignIn, serde_json::json!({}));
        failed.outcome = Some(Outcome::InvalidCode);
        assert_eq!(
            summary(&failed),
            "Failed sign-in from Netherlands · Firefox on Linux"
        );
        failed.count = Some(200);
        assert_eq!(
            summary(&failed),
            "200 failed sign-ins from Netherlands · Firefox on Linux"
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
        assert_eq!(
            country_name("GB"),
            "United Kingdom of Great Britain and Northern Ireland"
        );
        assert_eq!(country_name("XX"), "XX");
        assert_eq!(
            utc_minute(time::macros::datetime!(2026-11-25 08:10 +01:00)),
            "2026-11-25 07:10 UTC"
        );
    }

    #[test]
    fn reasons_name_the_earlier_sign_in() {
        let mut first = event(EventKind::SignIn, serde_json::json!({}));
        first.country = Some("US".into());
        first.occurred_at -= time::Duration::minutes(25);
        let mut second = event(EventKind::SignIn, serde_json::json!({}));
        second.id = "e2".into();
        second.flagged = true;
        second.reasons = vec![
            Reason::NewCountryTooSoon,
            Reason::Other("some_new_rule".into()),
        ];
        let page = vec![second.clone(), first];
        assert_eq!(
            reasons(&second, &page),
            [
                "Signed in from Netherlands 25 minutes after a sign-in from United States of America",
                "some new rule"
            ]
        );
    }

    #[test]
    fn every_reason_the_service_gives_has_words() {
        let mut event = event(EventKind::SignIn, serde_json::json!({}));
        event.reasons = Reason::KNOWN.to_vec();
        let words = reasons(&event, &[]);
        assert_eq!(words.len(), Reason::KNOWN.len());
        for (reason, text) in Reason::KNOWN.iter().zip(&words) {
            assert!(!text.contains('_'), "{reason}: {text}");
            assert_ne!(text, &reason.as_str().replace('_', " "), "{reason}");
        }
        assert_eq!(words[7], "Many wrong codes were typed in a row");
        assert_eq!(words[3], "First sign-in on Firefox on Linux in 90 days");
    }
}
