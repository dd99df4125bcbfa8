//! An account's feed URL, checked before anything is sent to it.

use std::net::IpAddr;

use url::{Host, Url};

/// Why a feed URL is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// Not a URL at all.
    #[error("The activity link is not a valid URL: {0}")]
    NotUrl(String),
    /// Plain `http://` to a host that is not this computer, or another scheme.
    #[error(
        "The activity link must use https:// (plain http:// is allowed only to this computer): {0}"
    )]
    Insecure(String),
    /// The path does not end in `/v1/feed/{account id}`.
    #[error("The activity link does not name an account's feed (…/v1/feed/ACCOUNT): {0}")]
    NotFeed(String),
    /// User names, passwords or fragments in the link.
    #[error("The activity link must not carry a user name, password or #fragment: {0}")]
    Credentials(String),
}

/// A checked feed URL: where to ask, and which account it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedLink {
    url: Url,
    account_id: String,
}

impl FeedLink {
    /// Checks `text` (the `activity=` parameter of an otpauth URI, or one typed by hand).
    pub fn parse(text: &str) -> Result<Self, LinkError> {
        let text = text.trim();
        let url = Url::parse(text).map_err(|e| LinkError::NotUrl(format!("{text} ({e})")))?;
        let loopback = match url.host() {
            Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
            Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
            Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
            None => false,
        };
        match url.scheme() {
            "https" if url.host().is_some() => {}
            "http" if loopback => {}
            _ => return Err(LinkError::Insecure(text.to_owned())),
        }
        if !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
            return Err(LinkError::Credentials(text.to_owned()));
        }
        let segments: Vec<&str> = url
            .path_segments()
            .map(Iterator::collect)
            .unwrap_or_default();
        let account_id = match segments.as_slice() {
            [.., "v1", "feed", id] if !id.is_empty() => (*id).to_owned(),
            _ => return Err(LinkError::NotFeed(text.to_owned())),
        };
        if url.query().is_some() {
            return Err(LinkError::NotFeed(text.to_owned()));
        }
        Ok(Self { url, account_id })
    }

    /// The service's account id (the last path segment).
    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    /// The host (and port) to show the person: "shop.example" or "127.0.0.1:8080".
    pub fn host(&self) -> String {
        let host = self.url.host_str().unwrap_or_default();
        match self.url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        }
    }

    /// The feed URL as given.
    pub fn as_str(&self) -> &str {
        self.url.as_str()
    }

    /// The URL of `suffix` under the feed (`""`, `/events/ID/verdict`, `/documents`), with
    /// `query` (already encoded) when given.
    pub(crate) fn url_of(&self, suffix: &str, query: Option<&str>) -> Url {
        let mut url = self.url.clone();
        url.set_path(&format!(
            "{}{suffix}",
            self.url.path().trim_end_matches('/')
        ));
        url.set_query(query);
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_and_loopback_http_are_accepted() {
        let link = FeedLink::parse("https://shop.example/v1/feed/abc-123").unwrap();
        assert_eq!(link.account_id(), "abc-123");
        assert_eq!(link.host(), "shop.example");
        let local = FeedLink::parse("http://127.0.0.1:8080/v1/feed/x").unwrap();
        assert_eq!(local.host(), "127.0.0.1:8080");
        assert!(FeedLink::parse("http://[::1]:9/v1/feed/x").is_ok());
        assert!(FeedLink::parse("http://localhost/v1/feed/x").is_ok());
        assert_eq!(
            local.url_of("/events/e1/verdict", None).as_str(),
            "http://127.0.0.1:8080/v1/feed/x/events/e1/verdict"
        );
        assert_eq!(
            local.url_of("", Some("limit=5")).as_str(),
            "http://127.0.0.1:8080/v1/feed/x?limit=5"
        );
    }

    #[test]
    fn unsafe_or_odd_links_are_refused_by_name() {
        for (text, want) in [
            ("http://shop.example/v1/feed/x", "https://"),
            ("ftp://shop.example/v1/feed/x", "https://"),
            ("http://10.0.0.1/v1/feed/x", "https://"),
            ("https://shop.example/account", "…/v1/feed/ACCOUNT"),
            ("https://shop.example/v1/feed/", "…/v1/feed/ACCOUNT"),
            (
                "https://shop.example/v1/feed/x?after=1",
                "…/v1/feed/ACCOUNT",
            ),
            ("https://me:pw@shop.example/v1/feed/x", "user name"),
            ("not a url", "not a valid URL"),
        ] {
            let error = FeedLink::parse(text).unwrap_err().to_string();
            assert!(error.contains(want), "{text}: {error}");
        }
    }
}
