//! What the page shows, as askama templates (HTML-escaped) over view models made from the vault.

use askama::Template;
use vigil_vault::{Account, IconChoice, Unlocked};

use crate::issuer_icons::{self, IssuerIcon};

use crate::settings::{LanguageChoice, Settings, SortOrder};
use vigil_i18n::Words;

/// The messages the page script shows (toasts, dialog texts it fills in, what screen readers
/// hear), sent with the page in its language (`Words::for_script`).
pub const SCRIPT_KEYS: &[&str] = &[
    "the-service",
    "activity-of",
    "js-activity-of-flagged",
    "js-activity-of-locked",
    "js-end-session-text",
    "js-secure-title",
    "js-event-gone",
    "js-update-available",
    "js-file-too-large",
    "js-lock-summary-start",
    "js-lock-summary-idle",
    "js-lock-state-start",
    "js-lock-state-idle",
    "js-lock-state-off",
    "js-lock-hint-on",
    "js-lock-hint-off",
    "js-off",
    "js-on",
    "save",
    "turn-on",
    "js-code-left",
    "js-code",
    "js-copied",
    "js-copied-code",
    "js-name-at",
    "js-backup-what",
    "js-too-large-scan",
    "js-too-large-backup",
    "js-unpin",
    "menu-pin",
    "js-delete-text",
    "js-qr-text",
    "js-link-text",
    "js-backups-off",
    "js-backups-last-file",
    "js-backups-last",
    "js-backups-none",
    "js-backups-summary-last",
    "js-backups-failed",
    "js-backups-hint-on",
    "js-backups-hint-off",
    "later",
    "not-now",
    "close",
    "js-update-offer",
    "js-update-checking",
    "js-update-newest",
    "js-update-installing",
    "js-update-installed",
    "js-lock-turned-off",
    "js-lock-turned-on",
    "js-backups-turned-off",
    "js-backups-turned-on",
    "js-backed-up",
    "js-keep-range",
    "js-tick-one",
    "js-linked",
    "js-saved",
    "js-seconds-range",
    "js-settings-saved",
];

/// The whole app body: header, the account list (or the empty state), and the dialogs.
#[derive(Template)]
#[template(path = "pages/main.html")]
pub struct MainPage {
    /// Rows in list order, favourites first.
    pub rows: Vec<AccountRow>,
    /// Accounts whose secret is missing from the keychain.
    pub orphans: usize,
    /// Every group an account is in, sorted, for the list's group filter.
    pub groups: Vec<String>,
    /// The list's orders, the one in use selected.
    pub sort_choices: Vec<SortChoice>,
    /// The list is in the person's own order (rows can be dragged and moved).
    pub custom_order: bool,
    /// The settings, for the page's theme and the settings dialog.
    pub settings: Settings,
    /// Closing the window leaves Vigil running (the setting, or its default).
    pub keep_running: bool,
    /// The app lock is on ("Lock Vigil" in the menu).
    pub lock_on: bool,
    /// This app's version (About, Settings).
    pub version: &'static str,
    /// The largest document the activity protocol accepts, in bytes (the page checks it first).
    pub document_limit: usize,
    /// What the page says, in the person's language.
    pub t: Words,
    /// The languages the settings offer besides the system's.
    pub languages: Vec<LanguageOption>,
}

/// One language the settings offer.
pub struct LanguageOption {
    /// `en`, `de` or `fr`: the form's value.
    pub code: &'static str,
    /// Its name in itself ("Deutsch").
    pub name: &'static str,
    /// The one chosen.
    pub selected: bool,
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
    /// Every group an account is in, sorted.
    pub groups: Vec<String>,
    /// The list's orders, the one in use selected.
    pub sort_choices: Vec<SortChoice>,
    /// The list is in the person's own order.
    pub custom_order: bool,
    /// What the list says, in the person's language.
    pub t: Words,
}

/// One order the list's sort menu offers.
pub struct SortChoice {
    /// `custom`, `name`, `issuer` or `recent`.
    pub value: &'static str,
    /// The key of the words shown.
    pub words: &'static str,
    /// The order in use.
    pub selected: bool,
}

/// A full-window message when the vault cannot be used.
#[derive(Template)]
#[template(path = "pages/error.html")]
pub struct ErrorPage {
    /// What happened, in plain words.
    pub message: String,
    /// What to do about it.
    pub advice: String,
    /// The button that asks the keychain to unlock (or to create its default collection), when
    /// that is the way out; the page also tries again by itself every few seconds then.
    pub unlock: Option<String>,
    /// The page's words.
    pub t: Words,
}

/// The app lock's page: a password field and nothing else.
#[derive(Template)]
#[template(path = "pages/lock.html")]
pub struct LockPage {
    /// The page's words.
    pub t: Words,
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
    /// The groups it is in, one per line, for the group filter.
    pub groups: String,
}

/// A round badge: the service's icon on its brand colour when one is bundled and chosen (or
/// matched), else the first letter or digit of the issuer (or label) on a colour derived from it.
pub struct Badge {
    /// The letter.
    pub initial: String,
    /// One of twelve hues (0-11, 30 degrees apart), stable for a name.
    pub hue_class: u32,
    /// The icon drawn instead of the letter.
    pub icon: Option<&'static IssuerIcon>,
}

impl Badge {
    /// The badge an account shows: its chosen icon, or one matched by issuer and feed host.
    pub fn of(account: &Account) -> Self {
        let mut badge = Self::letter(&account.issuer, &account.label);
        badge.icon = match &account.icon {
            IconChoice::Automatic => {
                let host = account
                    .activity
                    .as_deref()
                    .and_then(|url| url::Url::parse(url).ok())
                    .and_then(|url| url.host_str().map(str::to_owned));
                issuer_icons::matching(&account.issuer, host.as_deref())
            }
            IconChoice::Initial => None,
            IconChoice::Named(slug) => issuer_icons::named(slug),
        };
        badge
    }

    /// The badge of an account about to be added, named `issuer` / `label`.
    pub fn new(issuer: &str, label: &str) -> Self {
        Self {
            icon: issuer_icons::matching(issuer, None),
            ..Self::letter(issuer, label)
        }
    }

    /// The initial alone.
    pub fn letter(issuer: &str, label: &str) -> Self {
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
            icon: None,
        }
    }
}

impl AccountRow {
    fn new(account: &Account, orphan: bool) -> Self {
        Self {
            id: account.id.to_string(),
            issuer: account.issuer.clone(),
            label: account.label.clone(),
            badge: Badge::of(account),
            counter_based: !account.params.kind.is_timed(),
            orphan,
            favourite: account.favourite,
            linked: account.activity.is_some(),
            search: format!("{} {}", account.issuer, account.label).to_lowercase(),
            groups: account.groups.join("\n"),
        }
    }
}

impl MainPage {
    /// The page script's messages (JSON; see `SCRIPT_KEYS`), made only when the whole page is
    /// drawn, not for each redraw of the list.
    pub fn script_words(&self) -> String {
        self.t.for_script(SCRIPT_KEYS)
    }

    /// Only the account list of this page.
    pub fn accounts(self) -> AccountsSection {
        AccountsSection {
            rows: self.rows,
            orphans: self.orphans,
            groups: self.groups,
            sort_choices: self.sort_choices,
            custom_order: self.custom_order,
            t: self.t,
        }
    }

    /// The page for an unlocked vault, its list in the order the settings say.
    pub fn new(unlocked: &Unlocked, settings: Settings, lock_on: bool, t: Words) -> Self {
        let rows = sorted(&unlocked.accounts, settings.sort)
            .into_iter()
            .map(|a| AccountRow::new(a, unlocked.orphans.contains(&a.id)))
            .collect();
        let mut groups: Vec<String> = unlocked
            .accounts
            .iter()
            .flat_map(|a| a.groups.iter().cloned())
            .collect();
        groups.sort_by_cached_key(|g| (g.to_lowercase(), g.clone()));
        groups.dedup();
        let sort_choices = SortOrder::ALL
            .iter()
            .map(|(order, words)| SortChoice {
                value: order.as_str(),
                words,
                selected: *order == settings.sort,
            })
            .collect();
        Self {
            rows,
            orphans: unlocked.orphans.len(),
            groups,
            sort_choices,
            custom_order: settings.sort == SortOrder::Custom,
            keep_running: settings
                .keeps_running(unlocked.accounts.iter().any(|a| a.activity.is_some())),
            settings,
            lock_on,
            version: env!("CARGO_PKG_VERSION"),
            document_limit: vigil_core::MAX_DOCUMENT_BYTES,
            languages: LanguageChoice::CHOSEN
                .iter()
                .map(|(choice, language)| LanguageOption {
                    code: choice.as_str(),
                    name: language.own_name(),
                    selected: *choice == settings.language,
                })
                .collect(),
            t,
        }
    }
}

/// The accounts in `order`; pinned ones first in every order. The vault gives them in the
/// person's own order (pinned first), which breaks ties.
fn sorted(accounts: &[Account], order: SortOrder) -> Vec<&Account> {
    let mut list: Vec<&Account> = accounts.iter().collect();
    let key = |text: &str| text.to_lowercase();
    match order {
        SortOrder::Custom => {}
        SortOrder::Name => {
            list.sort_by_cached_key(|a| (!a.favourite, key(&a.label), key(&a.issuer)))
        }
        SortOrder::Issuer => {
            list.sort_by_cached_key(|a| (!a.favourite, key(&a.issuer), key(&a.label)))
        }
        SortOrder::Recent => {
            list.sort_by_key(|a| (!a.favourite, std::cmp::Reverse(a.last_used)));
        }
    }
    list
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
    #[test]
    fn the_script_gets_every_message_it_asks_for() {
        let script = include_str!("../../ui/static/app.js");
        let mut asked: Vec<&str> = script
            .match_indices("word(\"")
            .filter_map(|(at, _)| script[at + 6..].split('"').next())
            .collect();
        // Keys chosen by the script ("js-activity-of-flagged" in a ternary) and built from a
        // template (`js-lock-summary-${idle}`).
        asked.extend(
            script
                .split('"')
                .filter(|piece| piece.starts_with("js-") && !piece.contains(' ')),
        );
        for idle in ["start", "idle"] {
            assert!(script.contains("`js-lock-summary-${idle}`"));
            assert!(SCRIPT_KEYS.contains(&format!("js-lock-summary-{idle}").as_str()));
            assert!(SCRIPT_KEYS.contains(&format!("js-lock-state-{idle}").as_str()));
        }
        assert!(asked.len() > 40, "the script's keys are found");
        for key in asked {
            assert!(
                SCRIPT_KEYS.contains(&key),
                "app.js asks for {key}, not sent"
            );
        }
        let english = Words::default();
        for key in SCRIPT_KEYS {
            assert_ne!(english.get(key), *key, "{key} is not in en/app.ftl");
        }
        // The JSON is safe inside <script>, and placeholders and plurals are as the script
        // reads them.
        let german = Words::new(vigil_i18n::Language::German, None).for_script(SCRIPT_KEYS);
        assert!(!german.contains('<'));
        let words: serde_json::Value = serde_json::from_str(&german).unwrap();
        assert_eq!(words["js-copied-code"], "Code von {name} kopiert");
        assert!(
            words["js-code-left"]["one"]
                .as_str()
                .unwrap()
                .contains("1 Sekunde")
        );
        assert!(
            words["js-code-left"]["other"]
                .as_str()
                .unwrap()
                .contains("{count} Sekunden")
        );
    }

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
            last_used: 0,
            icon: IconChoice::Automatic,
        }
    }

    #[test]
    fn the_list_sorts_as_chosen_with_pinned_accounts_first() {
        let mut accounts = vec![
            account("a1", "Shop", "anna"),
            account("a2", "bank", "Yann"),
            account("a3", "Airline", "xavier"),
            account("a4", "Mail", "walter"),
        ];
        accounts[0].last_used = 50;
        accounts[2].last_used = 90;
        accounts[3].favourite = true;
        accounts[1].groups = vec!["Work".into(), "Money".into()];
        accounts[2].groups = vec!["work".into(), "Work".into()];
        let unlocked = Unlocked {
            accounts,
            secrets: HashMap::new(),
            orphans: vec![],
        };
        let order = |sort: SortOrder| -> Vec<String> {
            let settings = Settings {
                sort,
                ..Settings::default()
            };
            MainPage::new(&unlocked, settings, false, Words::default())
                .rows
                .iter()
                .map(|r| r.id.clone())
                .collect()
        };
        assert_eq!(order(SortOrder::Custom), ["a1", "a2", "a3", "a4"]);
        assert_eq!(order(SortOrder::Issuer), ["a4", "a3", "a2", "a1"]);
        assert_eq!(order(SortOrder::Name), ["a4", "a1", "a3", "a2"]);
        assert_eq!(order(SortOrder::Recent), ["a4", "a3", "a1", "a2"]);
        let page = MainPage::new(&unlocked, Settings::default(), false, Words::default());
        assert_eq!(page.groups, ["Money", "Work", "work"]);
        assert!(page.custom_order);
        let html = page.render().unwrap();
        assert!(html.contains("data-groups=\"Work\nMoney\""), "{html}");
        assert!(
            html.contains("<option value=\"Money\">Money</option>"),
            "{html}"
        );
        assert!(
            html.contains("<option value=\"custom\" selected>"),
            "{html}"
        );
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
        let html = MainPage::new(&unlocked, Settings::default(), false, Words::default())
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
        let html = MainPage::new(&empty, Settings::default(), false, Words::default())
            .render()
            .unwrap();
        assert!(html.contains("Add your first account"), "{html}");
        let unlocked = Unlocked {
            accounts: vec![
                account("a1", "Shop", "alice@example.com"),
                account("a2", "Bank", "bob"),
            ],
            secrets: HashMap::new(),
            orphans: vec![AccountId::new("a2")],
        };
        let html = MainPage::new(&unlocked, Settings::default(), false, Words::default())
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
        let page = MainPage::new(&unlocked, Settings::default(), false, Words::default());
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
