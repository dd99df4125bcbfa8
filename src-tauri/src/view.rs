//! What the page shows, as askama templates (HTML-escaped) over view models made from the vault.

use askama::Template;
use vigil_vault::{Account, Unlocked};

use crate::settings::Settings;

/// The whole app body: header, the account list (or the empty state), and the dialogs.
#[derive(Template)]
#[template(path = "pages/main.html")]
pub struct MainPage {
    /// Rows in list order, favourites first.
    pub rows: Vec<AccountRow>,
    /// Accounts whose secret is missing from the keychain.
    pub orphans: usize,
    /// The settings, for the page's theme and the settings dialog.
    pub settings: Settings,
    /// This app's version (About, Settings).
    pub version: &'static str,
    /// The largest document the activity protocol accepts, in bytes (the page checks it first).
    pub document_limit: usize,
}

/// The account list alone (`partials/_accounts.html`, which the main page includes): what the
/// commands that change accounts send back, so the page redraws only the list.
#[derive(Template)]
#[template(path = "partials/_accounts.html")]
pub struct AccountsSection {
    /// Rows in list order, pinned first.
    pub rows: Vec<AccountRow>,
    /// Accounts whose secret is missing from the keychain.
    pub orphans: usize,
}

/// A full-window message when the vault cannot be used.
#[derive(Template)]
#[template(path = "pages/error.html")]
pub struct ErrorPage {
    /// What happened, in plain words.
    pub message: String,
    /// What to do about it.
    pub advice: &'static str,
}

/// One account as a row shows it; no secret, no code (codes arrive separately, as text).
/// Rows are in display order: favourites first, then by position.
pub struct AccountRow {
    /// Opaque id.
    pub id: String,
    /// The service.
    pub issuer: String,
    /// The account at the service.
    pub label: String,
    /// The round badge with the issuer's initial.
    pub badge: Badge,
    /// HOTP rows have a "next code" button instead of a countdown.
    pub counter_based: bool,
    /// The secret is missing from the keychain.
    pub orphan: bool,
    /// Pinned to the top of the list.
    pub favourite: bool,
    /// Linked to an activity feed.
    pub linked: bool,
    /// Lower-case issuer and label, for type-to-search.
    pub search: String,
}

/// A round badge: the first letter or digit of the issuer (or label) on a colour derived from it.
pub struct Badge {
    /// The letter.
    pub initial: String,
    /// One of twelve hues (0-11, 30 degrees apart), stable for a name.
    pub hue_class: u32,
}

impl Badge {
    /// The badge of an account named `issuer` / `label`.
    pub fn new(issuer: &str, label: &str) -> Self {
        let name = if issuer.trim().is_empty() {
            label
        } else {
            issuer
        };
        let initial = name
            .chars()
            .find(|c| c.is_alphanumeric())
            .map_or('?', |c| c);
        Self {
            initial: initial.to_uppercase().collect(),
            hue_class: hue(name) / 30,
        }
    }
}

impl AccountRow {
    fn new(account: &Account, orphan: bool) -> Self {
        Self {
            id: account.id.to_string(),
            issuer: account.issuer.clone(),
            label: account.label.clone(),
            badge: Badge::new(&account.issuer, &account.label),
            counter_based: !account.params.kind.is_timed(),
            orphan,
            favourite: account.favourite,
            linked: account.activity.is_some(),
            search: format!("{} {}", account.issuer, account.label).to_lowercase(),
        }
    }
}

impl MainPage {
    /// Only the account list of this page.
    pub fn accounts(self) -> AccountsSection {
        AccountsSection {
            rows: self.rows,
            orphans: self.orphans,
        }
    }

    /// The page for an unlocked vault.
    pub fn new(unlocked: &Unlocked, settings: Settings) -> Self {
        // The vault gives the accounts in display order (pinned first).
        let rows = unlocked
            .accounts
            .iter()
            .map(|a| AccountRow::new(a, unlocked.orphans.contains(&a.id)))
            .collect();
        Self {
            rows,
            orphans: unlocked.orphans.len(),
            settings,
            version: env!("CARGO_PKG_VERSION"),
            document_limit: vigil_core::MAX_DOCUMENT_BYTES,
        }
    }
}

/// A stable hue from a name (FNV-1a), so a service keeps its colour.
fn hue(name: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in name.to_lowercase().bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % 360
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use vigil_core::OtpParams;
    use vigil_vault::AccountId;

    fn account(id: &str, issuer: &str, label: &str) -> Account {
        Account {
            id: AccountId::new(id),
            issuer: issuer.into(),
            label: label.into(),
            params: OtpParams::totp(),
            position: 0,
            favourite: false,
            activity: None,
            created_at: 0,
            groups: Vec::new(),
        }
    }

    #[test]
    fn outside_text_is_escaped() {
        let unlocked = Unlocked {
            accounts: vec![account(
                "a1",
                "<script>alert(1)</script>",
                "x\" onmouseover=\"evil()",
            )],
            secrets: HashMap::new(),
            orphans: vec![],
        };
        let html = MainPage::new(&unlocked, Settings::default())
            .render()
            .unwrap();
        assert!(!html.contains("<script>alert(1)</script>"), "{html}");
        assert!(
            html.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
                || html.contains("&lt;script&gt;"),
            "{html}"
        );
        assert!(!html.contains("\" onmouseover=\"evil()"), "{html}");
    }

    #[test]
    fn empty_state_and_rows_snapshot() {
        let empty = Unlocked {
            accounts: vec![],
            secrets: HashMap::new(),
            orphans: vec![],
        };
        let html = MainPage::new(&empty, Settings::default()).render().unwrap();
        assert!(html.contains("Add your first account"), "{html}");
        let unlocked = Unlocked {
            accounts: vec![
                account("a1", "Shop", "alice@example.com"),
                account("a2", "Bank", "bob"),
            ],
            secrets: HashMap::new(),
            orphans: vec![AccountId::new("a2")],
        };
        let html = MainPage::new(&unlocked, Settings::default())
            .render()
            .unwrap();
        let row = html.split("data-id=\"a1\"").nth(1).unwrap();
        assert!(row.contains("Shop") && row.contains("alice@example.com"));
        assert!(
            html.contains("secret is missing from the keychain"),
            "{html}"
        );
        assert_eq!(hue("Shop"), hue("shop"));
    }

    #[test]
    fn a_change_to_the_accounts_redraws_only_the_list() {
        let unlocked = Unlocked {
            accounts: vec![account("a1", "Shop", "alice@example.com")],
            secrets: HashMap::new(),
            orphans: vec![],
        };
        let page = MainPage::new(&unlocked, Settings::default());
        let whole = page.render().unwrap();
        let section = page.accounts().render().unwrap();
        assert!(
            section
                .trim_start()
                .starts_with("<section class=\"accounts\""),
            "{section}"
        );
        assert!(section.contains("data-id=\"a1\""));
        assert!(!section.contains("<dialog"), "the dialogs stay on the page");
        assert!(
            whole.contains(section.trim()),
            "the page holds the same list"
        );
    }
}
