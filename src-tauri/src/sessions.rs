//! "Where you're signed in": an account's active sessions at its service, as its pane shows them
//! (device in words, place, IP, when it started and was last seen, the one the last code came
//! from), with "Sign out" for each and "Secure my account".

use askama::Template;
use time::OffsetDateTime;
use vigil_activity::words;
use vigil_core::activity::{Session, SessionList, SessionState};
use vigil_i18n::Words;

use crate::activity::ActivityContext;

/// The sessions part of an account's pane.
#[derive(Template)]
#[template(path = "partials/_sessions.html")]
pub struct SessionsView {
    /// The account's id in the vault.
    pub id: String,
    /// The service, for the buttons' labels.
    pub service: String,
    /// The active sessions, newest first.
    pub sessions: Vec<SessionView>,
    /// The site asks for a new password at the next sign-in.
    pub password_reset_required: bool,
    /// Why the list could not be read (the service is down, or has no sessions).
    pub problem: Option<String>,
    /// The part's words.
    pub t: Words,
}

/// One signed-in device.
pub struct SessionView {
    /// The site's id for it (sent back to end it).
    pub id: String,
    /// "Firefox 133 on Windows".
    pub device: String,
    /// "Netherlands · 81.2.69.142".
    pub place: String,
    /// "Signed in 14:05, 18 Nov · last seen 14:30, 18 Nov".
    pub when: String,
    /// The last accepted code came from this session.
    pub last_code: bool,
    /// Its sign-in was flagged (or answered "this wasn't me").
    pub flagged: bool,
}

impl ActivityContext {
    /// The view of `list` (active sessions only).
    pub fn sessions(&self, t: &Words, id: &str, service: &str, list: &SessionList) -> SessionsView {
        let now = OffsetDateTime::now_utc();
        let sessions = list
            .sessions
            .iter()
            .filter(|s| s.state == SessionState::Active)
            .map(|s| self.session_view(t, s, list.last_code_session.as_deref(), now))
            .collect();
        SessionsView {
            id: id.to_owned(),
            service: service.to_owned(),
            sessions,
            password_reset_required: list.password_reset_required,
            problem: None,
            t: t.clone(),
        }
    }

    /// The view when the list could not be read.
    pub fn sessions_problem(
        &self,
        t: &Words,
        id: &str,
        service: &str,
        problem: String,
    ) -> SessionsView {
        SessionsView {
            id: id.to_owned(),
            service: service.to_owned(),
            sessions: Vec::new(),
            password_reset_required: false,
            problem: Some(problem),
            t: t.clone(),
        }
    }

    fn session_view(
        &self,
        t: &Words,
        s: &Session,
        last_code: Option<&str>,
        now: OffsetDateTime,
    ) -> SessionView {
        let place = [
            words::place_of(t, s.country.as_deref(), s.city.as_deref()),
            s.ip.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        SessionView {
            id: s.id.clone(),
            device: words::describe_device(t, &s.device).unwrap_or_else(|| t.get("device-unknown")),
            place: if place.is_empty() {
                t.get("place-unknown")
            } else {
                place
            },
            when: t.with(
                "session-when",
                &[
                    ("started", self.moment(t, s.started_at, now).into()),
                    ("seen", self.moment(t, s.last_seen_at, now).into()),
                ],
            ),
            last_code: last_code == Some(s.id.as_str()),
            flagged: s.flagged,
        }
    }
}
