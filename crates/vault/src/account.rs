//! One account's metadata as the database holds it: everything but the secret.

use std::fmt;

use serde::Serialize;
use vigil_core::OtpParams;

/// An opaque account id (a random UUID); it names the account's keychain item and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AccountId(String);

impl AccountId {
    /// A new random id.
    pub fn random() -> Self {
        Self(uuid::Uuid::new_v4().to_string())
    }

    /// A new random id in the vault tagged `tag` (`TAG-UUID`), so the vault can tell the
    /// keychain items it made from another vault's.
    pub fn random_in(tag: &str) -> Self {
        Self(format!("{tag}-{}", uuid::Uuid::new_v4()))
    }

    /// Wraps an id read back from storage or from a caller.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One account, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    /// Opaque id; also the keychain item's user name.
    pub id: AccountId,
    /// The service, e.g. `Shop`.
    pub issuer: String,
    /// The account at that service, e.g. `alice@example.com`.
    pub label: String,
    /// How codes are made (the HOTP counter included).
    pub params: OtpParams,
    /// Place in the list, from 0.
    pub position: i64,
    /// Pinned on top.
    pub favourite: bool,
    /// The service's activity feed, when linked.
    pub activity: Option<String>,
    /// When it was added, in Unix seconds.
    pub created_at: i64,
    /// The groups it is in (folders, tags), by name, in the order given; empty for none.
    pub groups: Vec<String>,
    /// When a code of it was last copied, in Unix seconds (0: never), for "recently used".
    pub last_used: i64,
    /// The icon it shows.
    pub icon: IconChoice,
}

/// The icon an account shows beside its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub enum IconChoice {
    /// The app matches one by issuer or feed host, else shows the initial.
    #[default]
    Automatic,
    /// The initial on a colour, never an icon.
    Initial,
    /// The icon of this name (the app ignores a name it does not bundle).
    Named(String),
}

impl IconChoice {
    /// From the `icon` column: NULL, `''` or a name.
    pub(crate) fn from_column(value: Option<String>) -> Self {
        match value {
            None => Self::Automatic,
            Some(name) if name.is_empty() => Self::Initial,
            Some(name) => Self::Named(name),
        }
    }

    /// To the `icon` column.
    pub(crate) fn to_column(&self) -> Option<&str> {
        match self {
            Self::Automatic => None,
            Self::Initial => Some(""),
            Self::Named(name) => Some(name),
        }
    }
}

impl Account {
    /// `Issuer (label)`, or whichever of the two exists.
    pub fn display_name(&self) -> String {
        vigil_core::display_name(&self.issuer, &self.label)
    }
}
