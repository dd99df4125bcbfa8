//! Why the service flagged an event or raised its risk: the rule ids of `reasons` in events and
//! risks. The service writes them; the app and the CLI word them (`vigil_activity::words`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A rule id, as `reasons` carry it on the wire (snake_case strings).
///
/// An id this version does not know (a newer service's rule) is kept as [`Reason::Other`], so
/// clients read feeds from services newer than themselves.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Reason {
    /// `new_country_too_soon`: two sign-ins from different countries within the travel window.
    NewCountryTooSoon,
    /// `impossible_travel_speed`: two sign-ins too far apart for the time between them.
    ImpossibleTravelSpeed,
    /// `new_country`: a sign-in from a country not seen on the account in 90 days, outside the
    /// travel window: flagged (shown, notified, emailed) but it locks nothing on its own.
    NewCountry,
    /// `new_device`: a sign-in from a device (browser family and operating system) not seen on
    /// the account in 90 days: flagged like `new_country`, and it locks nothing on its own.
    NewDevice,
    /// `payment_method_after_flagged_sign_in`: a payment method added soon after a flagged sign-in.
    PaymentMethodAfterFlaggedSignIn,
    /// `payment_methods_in_24h`: too many payment methods added within the payment window.
    PaymentMethodsInWindow,
    /// `account_changes_in_24h`: email, phone, address and password changed within the window.
    AccountChangesInWindow,
    /// `too_many_failed_codes`: so many wrong codes in a row that the account was locked.
    TooManyFailedCodes,
    /// An id this version does not know, as sent.
    Other(String),
}

impl Reason {
    /// Every id this version knows, in the order above.
    pub const KNOWN: [Reason; 8] = [
        Reason::NewCountryTooSoon,
        Reason::ImpossibleTravelSpeed,
        Reason::NewCountry,
        Reason::NewDevice,
        Reason::PaymentMethodAfterFlaggedSignIn,
        Reason::PaymentMethodsInWindow,
        Reason::AccountChangesInWindow,
        Reason::TooManyFailedCodes,
    ];

    /// The wire id, e.g. `new_country_too_soon`.
    pub fn as_str(&self) -> &str {
        match self {
            Reason::NewCountryTooSoon => "new_country_too_soon",
            Reason::ImpossibleTravelSpeed => "impossible_travel_speed",
            Reason::NewCountry => "new_country",
            Reason::NewDevice => "new_device",
            Reason::PaymentMethodAfterFlaggedSignIn => "payment_method_after_flagged_sign_in",
            Reason::PaymentMethodsInWindow => "payment_methods_in_24h",
            Reason::AccountChangesInWindow => "account_changes_in_24h",
            Reason::TooManyFailedCodes => "too_many_failed_codes",
            Reason::Other(id) => id,
        }
    }

    /// The reason a wire id names ([`Reason::Other`] when this version does not know it).
    pub fn parse(id: &str) -> Self {
        Self::KNOWN
            .into_iter()
            .find(|known| known.as_str() == id)
            .unwrap_or_else(|| Reason::Other(id.to_owned()))
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        Ok(Reason::parse(&id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_wire_strings_both_ways() {
        for reason in Reason::KNOWN {
            let json = serde_json::to_string(&reason).unwrap();
            assert_eq!(json, format!("\"{}\"", reason.as_str()));
            assert_eq!(serde_json::from_str::<Reason>(&json).unwrap(), reason);
            assert_eq!(Reason::parse(reason.as_str()), reason);
        }
        assert_eq!(
            serde_json::to_value(vec![
                Reason::PaymentMethodsInWindow,
                Reason::AccountChangesInWindow
            ])
            .unwrap(),
            serde_json::json!(["payment_methods_in_24h", "account_changes_in_24h"])
        );
    }

    #[test]
    fn a_newer_services_id_is_kept_as_sent() {
        let reasons: Vec<Reason> =
            serde_json::from_str(r#"["new_country","some_new_rule"]"#).unwrap();
        assert_eq!(
            reasons,
            [Reason::NewCountry, Reason::Other("some_new_rule".into())]
        );
        assert_eq!(
            serde_json::to_string(&reasons).unwrap(),
            r#"["new_country","some_new_rule"]"#
        );
        assert_eq!(reasons[1].to_string(), "some_new_rule");
    }
}
