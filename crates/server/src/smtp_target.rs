//! Where emails go (`VIGIL_SMTP_URL`), and the lettre transport for it: `smtp://host:port`
//! (plain), `smtp://user:password@host:587?tls=required` (STARTTLS, required),
//! `?tls=opportunistic`, or `smtps://user:password@host:465` (TLS from the first byte). The
//! relay's certificate is checked against the system's trust store, plus the PEM file of
//! `VIGIL_SMTP_CA_FILE` when set. A password is only ever sent over TLS.

use std::path::Path;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use vigil_core::Sensitive;

use crate::config_report::without_password;

/// Why the SMTP settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SmtpTargetError {
    /// The URL is not one of the accepted forms (the text shown has no password).
    #[error(
        "VIGIL_SMTP_URL must look like smtp://host:port, smtp://user:password@host:587?tls=required or smtps://user:password@host:465 (got '{0}': {1})"
    )]
    Url(String, &'static str),
    /// The CA file cannot be read or holds no certificate.
    #[error("VIGIL_SMTP_CA_FILE {0}: {1}")]
    CaFile(String, String),
    /// lettre refused the TLS settings.
    #[error("the SMTP TLS settings cannot be used: {0}")]
    Tls(String),
}

/// How the connection to the relay is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain text (a relay on the same host or network).
    None,
    /// STARTTLS, refused when the relay does not offer it.
    Required,
    /// STARTTLS when offered (no password allowed: it could go in the clear).
    Opportunistic,
    /// TLS from the first byte (`smtps://`).
    Implicit,
}

/// Where emails go.
#[derive(Debug, Clone)]
pub enum SmtpTarget {
    /// Log each email (subject and recipient only) instead of sending.
    Log,
    /// A relay.
    Server(SmtpServer),
}

/// A relay's address, protection and login.
#[derive(Debug, Clone)]
pub struct SmtpServer {
    /// Host name or address.
    pub host: String,
    /// Port.
    pub port: u16,
    /// The protection.
    pub tls: SmtpTls,
    /// The user name and password, if the relay wants a login.
    pub login: Option<(String, Sensitive<String>)>,
}

impl SmtpTarget {
    /// Parses `VIGIL_SMTP_URL` (unset or empty: log the emails).
    pub fn parse(url: Option<&str>) -> Result<Self, SmtpTargetError> {
        let Some(text) = url.filter(|url| !url.trim().is_empty()) else {
            return Ok(SmtpTarget::Log);
        };
        let bad = |why: &'static str| SmtpTargetError::Url(without_password(text), why);
        let url = url::Url::parse(text.trim()).map_err(|_| bad("not a URL"))?;
        let host = url
            .host_str()
            .filter(|host| !host.is_empty())
            .ok_or_else(|| bad("no host"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let mut tls_parameter = None;
        for (name, value) in url.query_pairs() {
            match name.as_ref() {
                "tls" => tls_parameter = Some(value.into_owned()),
                _ => return Err(bad("the only parameter is tls")),
            }
        }
        let (tls, default_port) = match (url.scheme(), tls_parameter.as_deref()) {
            ("smtp", None | Some("none")) => (SmtpTls::None, 25),
            ("smtp", Some("required")) => (SmtpTls::Required, 587),
            ("smtp", Some("opportunistic")) => (SmtpTls::Opportunistic, 587),
            ("smtps", None) => (SmtpTls::Implicit, 465),
            ("smtp" | "smtps", Some(_)) => {
                return Err(bad(
                    "tls= takes required, opportunistic or none (smtp:// only)",
                ));
            }
            _ => return Err(bad("the scheme must be smtp or smtps")),
        };
        let decode = |part: &str| {
            percent_encoding_decode(part).ok_or_else(|| bad("the login is not valid UTF-8"))
        };
        let login = match url.password() {
            Some(password) => Some((decode(url.username())?, Sensitive::new(decode(password)?))),
            None if !url.username().is_empty() => {
                return Err(bad("a user name without a password"));
            }
            None => None,
        };
        if login.is_some() && matches!(tls, SmtpTls::None | SmtpTls::Opportunistic) {
            return Err(bad(
                "a password is sent only over TLS: use smtps:// or ?tls=required",
            ));
        }
        Ok(SmtpTarget::Server(SmtpServer {
            host,
            port: url.port().unwrap_or(default_port),
            tls,
            login,
        }))
    }
}

/// Percent-decodes a URL's user name or password.
fn percent_encoding_decode(text: &str) -> Option<String> {
    let bytes: Vec<u8> =
        url::form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, value)| value.into_owned().into_bytes())?;
    String::from_utf8(bytes).ok()
}

impl SmtpServer {
    /// The lettre transport: TLS checked against the system's roots and `ca_file`'s.
    pub fn transport(
        &self,
        ca_file: Option<&Path>,
    ) -> Result<AsyncSmtpTransport<Tokio1Executor>, SmtpTargetError> {
        let mut builder =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&self.host).port(self.port);
        if self.tls != SmtpTls::None {
            let mut parameters = TlsParameters::builder(self.host.clone());
            if let Some(path) = ca_file {
                let shown = path.display().to_string();
                let pem = std::fs::read(path)
                    .map_err(|error| SmtpTargetError::CaFile(shown.clone(), error.to_string()))?;
                let certificate = Certificate::from_pem(&pem)
                    .map_err(|error| SmtpTargetError::CaFile(shown, error.to_string()))?;
                parameters = parameters.add_root_certificate(certificate);
            }
            let parameters = parameters
                .build_rustls()
                .map_err(|error| SmtpTargetError::Tls(error.to_string()))?;
            builder = builder.tls(match self.tls {
                SmtpTls::Required => Tls::Required(parameters),
                SmtpTls::Opportunistic => Tls::Opportunistic(parameters),
                _ => Tls::Wrapper(parameters),
            });
        }
        if let Some((user, password)) = &self.login {
            builder =
                builder.credentials(Credentials::new(user.clone(), password.expose().clone()));
        }
        Ok(builder.build())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(url: &str) -> SmtpServer {
        match SmtpTarget::parse(Some(url)).unwrap() {
            SmtpTarget::Server(server) => server,
            SmtpTarget::Log => panic!("{url} is a server"),
        }
    }

    #[test]
    fn the_forms_of_the_url() {
        assert!(matches!(SmtpTarget::parse(None).unwrap(), SmtpTarget::Log));
        assert!(matches!(
            SmtpTarget::parse(Some("")).unwrap(),
            SmtpTarget::Log
        ));
        let plain = server("smtp://mail:2525");
        assert_eq!(
            (plain.host.as_str(), plain.port, plain.tls),
            ("mail", 2525, SmtpTls::None)
        );
        assert!(plain.login.is_none());
        let starttls = server("smtp://alerts%40shop:p%40ss@mail.example?tls=required");
        assert_eq!((starttls.port, starttls.tls), (587, SmtpTls::Required));
        let (user, password) = starttls.login.unwrap();
        assert_eq!(
            (user.as_str(), password.expose().as_str()),
            ("alerts@shop", "p@ss")
        );
        let implicit = server("smtps://u:p@mail.example");
        assert_eq!((implicit.port, implicit.tls), (465, SmtpTls::Implicit));
        assert_eq!(server("smtp://[::1]:25").host, "::1");
    }

    #[test]
    fn bad_urls_are_named_without_their_password() {
        for (url, why) in [
            ("smtp://u:secret-pw@mail:25", "only over TLS"),
            ("smtp://u:secret-pw@mail?tls=opportunistic", "only over TLS"),
            ("smtps://u:secret-pw@mail?tls=required", "tls= takes"),
            ("http://u:secret-pw@mail", "scheme"),
            ("smtp://u:secret-pw@mail?tls=required&x=1", "only parameter"),
            ("smtp://mail:notaport", "not a URL"),
        ] {
            let error = SmtpTarget::parse(Some(url)).unwrap_err().to_string();
            assert!(error.contains(why), "{url}: {error}");
            assert!(!error.contains("secret-pw"), "{error}");
        }
    }
}
