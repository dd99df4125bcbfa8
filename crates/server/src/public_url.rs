//! The service's public URL (`VIGIL_PUBLIC_URL`): the base of `activity=` links, and what a
//! signed request must name (its origin and path prefix) to be accepted here, so a request
//! signed for another service cannot be replayed to this one.

use url::Url;
use vigil_core::activity::origin_of;
use vigil_core::activity::validate::MAX_PUBLIC_URL_BYTES;

/// Why a public URL cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublicUrlError {
    /// Not an absolute `http://` or `https://` URL with a host.
    #[error("VIGIL_PUBLIC_URL must be an http:// or https:// URL with a host (got '{0}')")]
    NotHttp(String),
    /// A user name, password, query or fragment, which a base URL cannot carry.
    #[error(
        "VIGIL_PUBLIC_URL must not carry a user name, password, query or #fragment (got '{0}')"
    )]
    Extra(String),
    /// Longer than [`MAX_PUBLIC_URL_BYTES`], which would not fit enrolment QR codes.
    #[error("VIGIL_PUBLIC_URL must be at most {MAX_PUBLIC_URL_BYTES} bytes")]
    TooLong,
}

/// A checked public URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    base: String,
    origin: String,
    prefix: String,
}

impl PublicUrl {
    /// Parses `https://shop.example/vigil` (a trailing slash is dropped).
    pub fn parse(text: &str) -> Result<Self, PublicUrlError> {
        let text = text.trim().trim_end_matches('/');
        if text.len() > MAX_PUBLIC_URL_BYTES {
            return Err(PublicUrlError::TooLong);
        }
        let url = Url::parse(text).map_err(|_| PublicUrlError::NotHttp(text.to_owned()))?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(PublicUrlError::NotHttp(text.to_owned()));
        }
        if !url.username().is_empty()
            || url.password().is_some()
            || url.query().is_some()
            || url.fragment().is_some()
        {
            return Err(PublicUrlError::Extra(text.to_owned()));
        }
        let origin = origin_of(&url);
        let prefix = url.path().trim_end_matches('/').to_owned();
        Ok(Self {
            base: format!("{origin}{prefix}"),
            origin,
            prefix,
        })
    }

    /// The base of links, without a trailing slash: `https://shop.example/vigil`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// What requests are signed for: `https://shop.example`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The path a request had at the public URL, for a path this service received (a proxy
    /// removed the prefix): `/v1/feed/ID` → `/vigil/v1/feed/ID`.
    pub fn public_path(&self, received: &str) -> String {
        format!("{}{received}", self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_and_prefix_are_split() {
        let url = PublicUrl::parse("HTTPS://Shop.Example:443/vigil/").unwrap();
        assert_eq!(url.base(), "https://shop.example/vigil");
        assert_eq!(url.origin(), "https://shop.example");
        assert_eq!(
            url.public_path("/v1/feed/a?limit=2"),
            "/vigil/v1/feed/a?limit=2"
        );
        let bare = PublicUrl::parse("http://127.0.0.1:8080").unwrap();
        assert_eq!(bare.public_path("/v1/feed/a"), "/v1/feed/a");
        assert!(matches!(
            PublicUrl::parse("ftp://x"),
            Err(PublicUrlError::NotHttp(_))
        ));
        assert!(matches!(
            PublicUrl::parse("https://x/?a=1"),
            Err(PublicUrlError::Extra(_))
        ));
    }
}
