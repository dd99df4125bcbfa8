//! Events, reasons and states in the person's language, for the CLI, the app and the service's
//! emails ("Signed in from Netherlands · Firefox on Linux"). Shared so all say the same thing; the
//! words themselves are in `crates/i18n/locales/*/activity.ftl`. `vigil-activity` re-exports this
//! crate as `vigil_activity::words`; the service depends on it directly (it cannot depend on
//! `vigil-activity`, whose tests depend on the service).

use serde_json::Value;
use vigil_core::activity::{AccountState, Event, EventKind, Outcome, Reason};
use vigil_i18n::{Arg, Words};

/// One line saying what happened.
pub fn summary(words: &Words, event: &Event) -> String {
    let text = |key: &str| event.details.get(key).and_then(Value::as_str).unwrap_or("");
    let place = place(words, event);
    // The message with a place when one is known ("Signed in from Netherlands"), else without.
    let placed = |key: &str, mut args: Vec<(&str, Arg)>| match &place {
        Some(place) => {
            args.push(("place", Arg::from(place.as_str())));
            words.with(&format!("{key}-from"), &args)
        }
        None => words.with(key, &args),
    };
    let with_device = |line: String| match device_words(words, event) {
        Some(device) => words.with(
            "activity-with-device",
            &[("text", line.into()), ("device", device.into())],
        ),
        None => line,
    };
    match event.kind {
        EventKind::SignIn => match event.outcome {
            Some(Outcome::Success) | None => with_device(placed("event-sign-in", vec![])),
            // Repeated failures come as one event with a count.
            Some(_) => {
                let count = event.count.unwrap_or(1).max(1);
                with_device(placed(
                    "event-sign-in-failed",
                    vec![("count", count.into())],
                ))
            }
        },
        EventKind::SignOut => with_device(placed("event-sign-out", vec![])),
        EventKind::OrderPlaced => words.with(
            "event-order",
            &[
                ("reference", text("reference").into()),
                ("amount", text("amount").into()),
                ("currency", text("currency").into()),
            ],
        ),
        EventKind::BookingCreated => words.with(
            "event-booking",
            &[
                ("reference", text("reference").into()),
                ("what", text("what").into()),
                ("when", text("when").into()),
            ],
        ),
        EventKind::EmailChanged => with_device(placed("event-email-changed", vec![])),
        EventKind::PhoneChanged => with_device(placed("event-phone-changed", vec![])),
        EventKind::AddressChanged => with_device(placed("event-address-changed", vec![])),
        EventKind::PasswordChanged => with_device(placed("event-password-changed", vec![])),
        EventKind::PaymentMethodAdded => placed(
            "event-card-added",
            vec![
                ("brand", text("brand").into()),
                ("last4", text("last4").into()),
            ],
        ),
        EventKind::StateChanged => match event.details.get("to").and_then(Value::as_str) {
            Some("active") => words.get("event-account-unlocked"),
            Some(_) => words.get("event-account-locked"),
            None => words.get("event-account-state-changed"),
        },
        EventKind::DocumentReceived => words.get("event-document-received"),
    }
}

/// Where an event came from: the country's name in the person's language, after the city when
/// the service knows it ("Amsterdam, Netherlands").
pub fn place(words: &Words, event: &Event) -> Option<String> {
    place_of(words, event.country.as_deref(), event.city.as_deref())
}

/// A country (ISO 3166-1 alpha-2) in words, after its city when known.
pub fn place_of(words: &Words, country: Option<&str>, city: Option<&str>) -> Option<String> {
    let country = words.country(country?);
    Some(match city.map(str::trim).filter(|city| !city.is_empty()) {
        Some(city) => words.with(
            "activity-place-city",
            &[("city", city.into()), ("country", country.into())],
        ),
        None => country,
    })
}

/// Why a flagged event was flagged, in plain words; `page` is the feed it came from (newest
/// first), to name the earlier sign-in a reason refers to.
pub fn reasons(words: &Words, event: &Event, page: &[Event]) -> Vec<String> {
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
    let here = event.country.as_deref().map(|code| words.country(code));
    let before = earlier
        .and_then(|e| e.country.as_deref())
        .map(|code| words.country(code));
    event
        .reasons
        .iter()
        .map(|reason| match (reason, &here, earlier, &before) {
            (Reason::NewCountryTooSoon, Some(here), Some(earlier), Some(before)) => {
                let minutes = (event.occurred_at - earlier.occurred_at).whole_minutes();
                words.with(
                    "reason-new-country-too-soon",
                    &[
                        ("here", here.into()),
                        ("duration", duration_words(words, minutes).into()),
                        ("before", before.into()),
                    ],
                )
            }
            (Reason::NewCountryTooSoon, ..) => words.get("reason-new-country-too-soon-vague"),
            (Reason::ImpossibleTravelSpeed, Some(here), Some(_), Some(before)) => words.with(
                "reason-impossible-travel",
                &[("here", here.into()), ("before", before.into())],
            ),
            (Reason::ImpossibleTravelSpeed, ..) => words.get("reason-impossible-travel-vague"),
            (Reason::PaymentMethodAfterFlaggedSignIn, ..) => {
                words.get("reason-card-after-flagged-sign-in")
            }
            (Reason::PaymentMethodsInWindow, ..) => words.get("reason-cards-in-window"),
            (Reason::NewCountry, Some(here), ..) => {
                words.with("reason-new-country", &[("here", here.into())])
            }
            (Reason::NewCountry, ..) => words.get("reason-new-country-vague"),
            (Reason::NewDevice, ..) => match device_words(words, event) {
                Some(device) => words.with("reason-new-device", &[("device", device.into())]),
                None => words.get("reason-new-device-vague"),
            },
            (Reason::AccountChangesInWindow, ..) => words.get("reason-account-changes"),
            (Reason::TooManyFailedCodes, ..) => words.get("reason-too-many-failed-codes"),
            (Reason::Other(rule), ..) => {
                words.with("reason-other", &[("rule", rule.replace('_', " ").into())])
            }
        })
        .collect()
}

/// A moment to the minute in UTC, e.g. `2026-11-25 07:10 UTC` (the CLI's machine-friendly form).
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
pub fn device_words(words: &Words, event: &Event) -> Option<String> {
    describe_device(words, &event.device)
}

/// A device's browser and system in words ("Firefox 133 on Windows"), or `None` when unknown.
pub fn describe_device(words: &Words, device: &vigil_core::activity::Device) -> Option<String> {
    match (device.browser.as_deref(), device.os.as_deref()) {
        (Some(browser), Some(os)) => Some(words.with(
            "activity-device",
            &[("browser", browser.into()), ("os", os.into())],
        )),
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (None, None) => None,
    }
}

fn duration_words(words: &Words, minutes: i64) -> String {
    match minutes {
        ..=0 => words.get("duration-under-a-minute"),
        1..=89 => words.with("duration-minutes", &[("count", minutes.into())]),
        _ => words.with("duration-hours", &[("count", ((minutes + 30) / 60).into())]),
    }
}

/// The account's state in words, and what the customer can do (after "Account").
pub fn state_sentence(words: &Words, state: AccountState) -> String {
    words.get(match state {
        AccountState::Active => "state-active",
        AccountState::LockedPendingVerification => "state-locked-pending-verification",
        AccountState::LockedPendingReview => "state-locked-pending-review",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigil_i18n::Language;

    fn english() -> Words {
        Words::new(Language::English, None)
    }
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
            summary(&english(), &event(EventKind::SignIn, serde_json::json!({}))),
            "Signed in from Netherlands · Firefox on Linux"
        );
        let mut failed = event(EventKind::SignIn, serde_json::json!({}));
        failed.outcome = Some(Outcome::InvalidCode);
        assert_eq!(
            summary(&english(), &failed),
            "Failed sign-in from Netherlands · Firefox on Linux"
        );
        failed.count = Some(200);
        assert_eq!(
            summary(&english(), &failed),
            "200 failed sign-ins from Netherlands · Firefox on Linux"
        );
        let order =
            serde_json::json!({"reference": "••••1001", "amount": "49.90", "currency": "EUR"});
        assert_eq!(
            summary(&english(), &event(EventKind::OrderPlaced, order)),
            "Order ••••1001 · 49.90 EUR"
        );
        let locked = serde_json::json!({"from": "active", "to": "locked_pending_review"});
        assert_eq!(
            summary(&english(), &event(EventKind::StateChanged, locked)),
            "Account locked"
        );
        assert!(
            state_sentence(&english(), AccountState::LockedPendingVerification)
                .contains("this was me")
        );
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
            reasons(&english(), &second, &page),
            [
                "Signed in from Netherlands 25 minutes after a sign-in from United States",
                "Another rule: some new rule"
            ]
        );
    }

    #[test]
    fn every_reason_the_service_gives_has_words() {
        let mut event = event(EventKind::SignIn, serde_json::json!({}));
        event.reasons = Reason::KNOWN.to_vec();
        let words = reasons(&english(), &event, &[]);
        assert_eq!(words.len(), Reason::KNOWN.len());
        for (reason, text) in Reason::KNOWN.iter().zip(&words) {
            assert!(!text.contains('_'), "{reason}: {text}");
            assert!(!text.starts_with("Another rule"), "{reason}: {text}");
        }
        assert_eq!(words[7], "Many wrong codes were typed in a row");
        assert_eq!(words[3], "First sign-in on Firefox on Linux in 90 days");
    }
}
