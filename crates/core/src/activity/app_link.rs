//! The `vigil://activity?account=…&event=…&verdict=not_mine` link an alert email carries: it
//! names the service's account and event, and the answer the person meant to give. Opening it
//! only shows the event (and the confirmation); nothing is sent until the person confirms.
//! The service builds it ([`AppLink`]'s `Display`); the app parses it ([`AppLink::parse`]).

use std::fmt;

use url::Url;
use url::form_urlencoded;

use super::Verdict;

/// The longest link accepted.
const MAX_LINK_CHARS: usize = 2048;

/// Why a `vigil://` link is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppLinkError {
    /// Not a `vigil://activity` link.
    #[error("This is not a Vigil activity link: {0}")]
    NotAppLink(String),
    /// A required part is missing or malformed.
    #[error("The Vigil link has no valid {0}")]
    Missing(&'static str),
}

/// A checked `vigil://activity` link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppLink {
    /// The service's account id (the last segment of the account's feed URL).
    pub account_id: String,
    /// The event to show, if the link names one.
    pub event_id: Option<String>,
    /// The answer the link was for ("This wasn't me" in alert emails); the app asks first.
    pub verdict: Option<Verdict>,
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 128
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl AppLink {
    /// Checks `text`: scheme `vigil`, host `activity`, an `account`, and optionally an `event`
    /// and a `verdict` (`mine` or `not_mine`).
    pub fn parse(text: &str) -> Result<Self, AppLinkError> {
        let text = text.trim();
        let shown: String = text.chars().take(80).collect();
        if text.len() > MAX_LINK_CHARS {
            return Err(AppLinkError::NotAppLink(format!("{shown}…")));
        }
        let url = Url::parse(text).map_err(|_| AppLinkError::NotAppLink(shown.clone()))?;
        if url.scheme() != "vigil" || url.host_str() != Some("activity") {
            return Err(AppLinkError::NotAppLink(shown));
        }
        let (mut account_id, mut event_id, mut verdict) = (None, None, None);
        for (key, value) in url.query_pairs() {
            match key.as_ref() {
                "account" => account_id = Some(value.into_owned()),
                "event" => event_id = Some(value.into_owned()),
                "verdict" => verdict = Some(value.into_owned()),
                _ => {}
            }
        }
        let account_id = account_id
            .filter(|id| is_id(id))
            .ok_or(AppLinkError::Missing("account"))?;
        let event_id = match event_id {
            Some(id) if is_id(&id) => Some(id),
            Some(_) => return Err(AppLinkError::Missing("event")),
            None => None,
        };
        let verdict = match verdict {
            Some(text) => Some(Verdict::parse(&text).ok_or(AppLinkError::Missing("answer"))?),
            None => None,
        };
        Ok(Self {
            account_id,
            event_id,
            verdict,
        })
    }
}

impl fmt::Display for AppLink {
    /// The link: `vigil://activity?account=…`, then `&event=…` and `&verdict=…` when set (each
    /// value form-encoded; ids of letters, digits, `-`, `_` and `.` appear as they are).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("account", &self.account_id);
        if let Some(event_id) = &self.event_id {
            query.append_pair("event", event_id);
        }
        if let Some(verdict) = self.verdict {
            query.append_pair("verdict", verdict.as_str());
        }
        write!(f, "vigil://activity?{}", query.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alert_email_link_names_the_account_event_and_answer() {
        let link = AppLink::parse("vigil://activity?account=acc_1f2e&event=ev-42&verdict=not_mine")
            .unwrap();
        assert_eq!(link.account_id, "acc_1f2e");
        assert_eq!(link.event_id.as_deref(), Some("ev-42"));
        assert_eq!(link.verdict, Some(Verdict::NotMine));
        let bare = AppLink::parse("vigil://activity?account=abc").unwrap();
        assert_eq!((bare.event_id, bare.verdict), (None, None));
    }

    #[test]
    fn a_built_link_reads_back_the_same() {
        let link = AppLink {
            account_id: "3f6c2a1e-8d4b-4c3a-9e7f-1a2b3c4d5e6f".into(),
            event_id: Some("9d1c7b52-0a44-4f7e-b3a9-5c2e8f61d0aa".into()),
            verdict: Some(Verdict::NotMine),
        };
        assert_eq!(
            link.to_string(),
            "vigil://activity?account=3f6c2a1e-8d4b-4c3a-9e7f-1a2b3c4d5e6f\
             &event=9d1c7b52-0a44-4f7e-b3a9-5c2e8f61d0aa&verdict=not_mine"
        );
        assert_eq!(AppLink::parse(&link.to_string()).unwrap(), link);
        let bare = AppLink {
            account_id: "acc_1.x".into(),
            event_id: None,
            verdict: None,
        };
        assert_eq!(bare.to_string(), "vigil://activity?account=acc_1.x");
        assert_eq!(AppLink::parse(&bare.to_string()).unwrap(), bare);
        // A value outside the id alphabet is encoded, never able to add a parameter.
        let odd = AppLink {
            account_id: "a&verdict=mine".into(),
            event_id: None,
            verdict: None,
        };
        assert_eq!(
            odd.to_string(),
            "vigil://activity?account=a%26verdict%3Dmine"
        );
    }

    #[test]
    fn other_links_are_refused_with_the_reason() {
        for (text, expected) in [
            (
                "https://activity?account=a",
                "This is not a Vigil activity link",
            ),
            (
                "vigil://settings?account=a",
                "This is not a Vigil activity link",
            ),
            ("not a link", "This is not a Vigil activity link"),
            (
                "vigil://activity?event=e",
                "The Vigil link has no valid account",
            ),
            (
                "vigil://activity?account=a%3Cb",
                "The Vigil link has no valid account",
            ),
            (
                "vigil://activity?account=a&event=",
                "The Vigil link has no valid event",
            ),
            (
                "vigil://activity?account=a&verdict=maybe",
                "The Vigil link has no valid answer",
            ),
        ] {
            let error = AppLink::parse(text).unwrap_err().to_string();
            assert!(error.starts_with(expected), "{text}: {error}");
        }
        let long = format!("vigil://activity?account={}", "a".repeat(3000));
        assert!(AppLink::parse(&long).is_err());
    }
}
