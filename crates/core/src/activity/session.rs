//! Sessions: what the site reports (`session` on `sign_in` and `sign_out` events), what it reads
//! back (`GET /v1/accounts/{id}/sessions`), and what the customer sees and ends from the app
//! (`GET /v1/feed/{id}/sessions`, `…/sessions/{session}/end`, `…/secure`). docs/protocol.md,
//! Sessions, is the reference.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{AccountState, Device};

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionState {
    /// Signed in, not ended.
    Active,
    /// The site reported a `sign_out`.
    SignedOut,
    /// The customer ended it from the app (one session, or all with "Secure my account").
    EndedByCustomer,
    /// A reviewer kept the account locked, which ends every session.
    EndedByReview,
}

impl SessionState {
    /// Every state, in the order above.
    pub const ALL: [SessionState; 4] = [
        SessionState::Active,
        SessionState::SignedOut,
        SessionState::EndedByCustomer,
        SessionState::EndedByReview,
    ];

    /// The wire name: `active`, `signed_out`, `ended_by_customer`, `ended_by_review`.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionState::Active => "active",
            SessionState::SignedOut => "signed_out",
            SessionState::EndedByCustomer => "ended_by_customer",
            SessionState::EndedByReview => "ended_by_review",
        }
    }

    /// The inverse of [`SessionState::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == text)
    }
}

/// One session of an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The site's id for it.
    pub id: String,
    /// Where it stands.
    pub state: SessionState,
    /// Browser and OS read from the sign-in's user agent.
    pub device: Device,
    /// The device in words, e.g. `Firefox 133 on Windows` (`unknown device` when unknown).
    pub device_words: String,
    /// The sign-in's IP address, when known.
    pub ip: Option<String>,
    /// ISO 3166-1 alpha-2 country of that IP, when known.
    pub country: Option<String>,
    /// That IP's city in English, when the service has a city database that knows the address;
    /// absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// When it started.
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    /// The last event in it (its sign-in, a code, or another event naming it).
    #[serde(with = "time::serde::rfc3339")]
    pub last_seen_at: OffsetDateTime,
    /// When it ended; `null` while active.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub ended_at: Option<OffsetDateTime>,
    /// The sign-in event that started it, when one did (its id in the feed).
    pub sign_in_event: Option<String>,
    /// Whether that sign-in was flagged or answered "this wasn't me".
    pub flagged: bool,
}

/// `GET /v1/accounts/{id}/sessions` (the site): every session, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountSessions {
    /// The service's account id.
    pub account_id: String,
    /// The account's state.
    pub account_state: AccountState,
    /// The customer asked to secure the account: the site must make them choose a new
    /// password at their next sign-in (cleared by a `password_changed` event).
    pub password_reset_required: bool,
    /// The sessions, newest first (at most 200).
    pub sessions: Vec<Session>,
}

/// `GET /v1/feed/{id}/sessions` (the app): the active sessions, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionList {
    /// The account's state.
    pub account_state: AccountState,
    /// Whether the site will ask for a new password at the next sign-in.
    pub password_reset_required: bool,
    /// The service's clock.
    #[serde(with = "time::serde::rfc3339")]
    pub server_time: OffsetDateTime,
    /// The session the last accepted code came from (active or not), if the site named one.
    pub last_code_session: Option<String>,
    /// The active sessions, newest first (at most 200).
    pub sessions: Vec<Session>,
}

/// Answer to `POST /v1/feed/{id}/sessions/{session}/end`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionEnded {
    /// The session afterwards (`ended_by_customer`, or as it was when it had ended before).
    pub session: Session,
}

/// Answer to `POST /v1/feed/{id}/secure`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountSecured {
    /// The ids of the sessions this ended.
    pub ended_sessions: Vec<String>,
    /// Always `true`: the site asks for a new password at the next sign-in.
    pub password_reset_required: bool,
    /// The account's state afterwards (`locked_pending_review` when a flagged event was
    /// unanswered or answered `not_mine`).
    pub account_state: AccountState,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip_and_match_serde() {
        for state in SessionState::ALL {
            assert_eq!(SessionState::parse(state.as_str()), Some(state));
            assert_eq!(serde_json::to_value(state).unwrap(), state.as_str());
        }
        assert_eq!(SessionState::parse("expired"), None);
    }

    #[test]
    fn a_session_reads_from_its_wire_form() {
        let session: Session = serde_json::from_value(serde_json::json!({
            "id": "s1", "state": "ended_by_customer",
            "device": {"browser": "Firefox 133", "os": "Windows"},
            "device_words": "Firefox 133 on Windows", "ip": "193.0.6.139", "country": "NL",
            "started_at": "2026-11-25T07:10:00Z", "last_seen_at": "2026-11-25T07:20:00Z",
            "ended_at": "2026-11-25T08:00:00Z", "sign_in_event": "e1", "flagged": true
        }))
        .unwrap();
        assert_eq!(session.state, SessionState::EndedByCustomer);
        assert_eq!(session.ended_at.unwrap().hour(), 8);
        // A service without a city database sends no `city`.
        assert_eq!(session.city, None);
        assert!(
            serde_json::to_value(&session)
                .unwrap()
                .get("city")
                .is_none()
        );
    }
}
