//! The `vigil://activity?account=…&event=…&verdict=not_mine` link an alert email carries: it
//! names the service's account and event, and the answer the person meant to give. Opening it
//! only shows the event (and the confirmation); nothing is sent until the person confirms.

use url::Url;
use vigil_core::activity::Verdict;

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
