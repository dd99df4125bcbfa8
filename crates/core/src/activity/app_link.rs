//! The `vigil://activity?service=…&account=…&event=…&verdict=not_mine` link an alert email
//! carries: it names the service (its host, as the account's feed URL has it), the service's
//! account and event, and the answer the person meant to give. Account ids are the service's
//! own, so two services may use the same one: the service's host tells them apart. Opening it
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
    /// The service's host (and port, when not the scheme's default), as in its feed URLs:
    /// `shop.example` or `127.0.0.1:8080`. Links from services before this field have none.
    pub service: Option<String>,
    /// The service's account id (the last segment of the account's feed URL).
    pub account_id: String,
    /// The event to show, if the link names one.
    pub event_id: Option<String>,
    /// The answer the link was for ("This wasn't me" in alert emails); the app asks first.
    pub verdict: Option<Verdict>,
}

/// Whether `text` can be a host with an optional port (no user, path or query can hide in it).
fn is_service(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 261
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']'))
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 128
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl AppLink {
    /// The `service` of a service whose public URL is `base` (what its feed URLs start with):
    /// the host, and the port when it is not the scheme's default. `None` for a URL without a
    /// host.
    pub fn service_of(base: &str) -> Option<String> {
        let url = Url::parse(base).ok()?;
        let host = url.host_str()?;
        Some(match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        })
    }

    /// Checks `text`: scheme `vigil`, host `activity`, an `account`, and optionally the
    /// `service`, an `event` and a `verdict` (`mine` or `not_mine`).
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
        let (mut service, mut account_id, mut event_id, mut verdict) = (None, None, None, None);
        for (key, value) in url.query_pairs() {
            match key.as_ref() {
                "service" => service = Some(value.to_ascii_lowercase()),
                "account" => account_id = Some(value.into_owned()),
                "event" => event_id = Some(value.into_owned()),
                "verdict" => verdict = Some(value.into_owned()),
                _ => {}
            }
        }
        let service = match service {
            Some(service) if is_service(&service) => Some(service),
            Some(_) => return Err(AppLinkError::Missing("service")),
            None => None,
        };
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
            service,
            account_id,
            event_id,
            verdict,
        })
    }
}

impl fmt::Display for AppLink {
    /// The link: `vigil://activity?service=…&account=…`, then `&event=…` and `&verdict=…` when
    /// set (each value form-encoded; ids of letters, digits, `-`, `_` and `.` appear as they
    /// are).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if let Some(service) = &self.service {
            query.append_pair("service", service);
        }
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
        assert_eq!(link.service, None, "links from older services name none");
        let bare = AppLink::parse("vigil://activity?account=abc").unwrap();
        assert_eq!((bare.event_id, bare.verdict), (None, None));
        let named = AppLink::parse("vigil://activity?service=Shop.Example&account=abc").unwrap();
        assert_eq!(named.service.as_deref(), Some("shop.example"));
        assert_eq!(
            AppLink::service_of("https://shop.example/vigil").as_deref(),
            Some("shop.example")
        );
        assert_eq!(
            AppLink::service_of("http://127.0.0.1:8080").as_deref(),
            Some("127.0.0.1:8080")
        );
    }

    #[test]
    fn a_built_link_reads_back_the_same() {
        let link = AppLink {
            service: Some("shop.example:8443".into()),
            account_id: "3f6c2a1e-8d4b-4c3a-9e7f-1a2b3c4d5e6f".into(),
            event_id: Some("9d1c7b52-0a44-4f7e-b3a9-5c2e8f61d0aa".into()),
            verdict: Some(Verdict::NotMine),
        };
        assert_eq!(
            link.to_string(),
            "vigil://activity?service=shop.example%3A8443\
             &account=3f6c2a1e-8d4b-4c3a-9e7f-1a2b3c4d5e6f\
             &event=9d1c7b52-0a44-4f7e-b3a9-5c2e8f61d0aa&verdict=not_mine"
        );
        assert_eq!(AppLink::parse(&link.to_string()).unwrap(), link);
        let bare = AppLink {
            service: None,
            account_id: "acc_1.x".into(),
            event_id: None,
            verdict: None,
        };
        assert_eq!(bare.to_string(), "vigil://activity?account=acc_1.x");
        assert_eq!(AppLink::parse(&bare.to_string()).unwrap(), bare);
        // A value outside the id alphabet is encoded, never able to add a parameter.
        let odd = AppLink {
            service: None,
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
            (
                "vigil://activity?service=evil.example/path&account=a",
                "The Vigil link has no valid service",
            ),
        ] {
            let error = AppLink::parse(text).unwrap_err().to_string();
            assert!(error.starts_with(expected), "{text}: {error}");
        }
        let long = format!("vigil://activity?account={}", "a".repeat(3000));
        assert!(AppLink::parse(&long).is_err());
    }
}
