//! Issuer icons: the bundled simple-icons set (`icons/issuers`, CC0), matched to an account by
//! its issuer or its activity feed's host, and searched by name for the account's "Icon…" dialog.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

/// The icons, as `scripts/update-issuer-icons` writes them.
const ICONS_JSON: &str = include_str!("../../icons/issuers/simple-icons.json");

/// One service's icon: a single path on a 24x24 grid, drawn on its brand colour.
#[derive(Debug, Deserialize)]
pub struct IssuerIcon {
    /// The simple-icons name, kept in the vault when a person chooses it.
    pub slug: String,
    /// The service's name, as the "Icon…" dialog shows it.
    pub title: String,
    /// The brand colour, six hex digits without `#`.
    pub hex: String,
    /// Other names the service goes by ("Twitter" for X).
    #[serde(default)]
    aka: Vec<String>,
    /// The SVG path.
    pub path: String,
}

impl IssuerIcon {
    /// The glyph's colour on the brand colour: dark on light brands, white on the rest.
    pub fn glyph(&self) -> &'static str {
        let channel = |i: usize| {
            let value = self
                .hex
                .get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .unwrap_or(0);
            f64::from(value) / 255.0
        };
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
        if luminance > 0.6 {
            "#1b1b1f"
        } else {
            "#ffffff"
        }
    }
}

/// Every icon, and each by the names it matches (slug, title and other names, as [`key`]s).
struct IconSet {
    icons: Vec<IssuerIcon>,
    by_key: HashMap<String, usize>,
}

static SET: LazyLock<IconSet> = LazyLock::new(|| {
    // The file is built into the app and checked by a test; were it damaged, there are no icons
    // and every account shows its initial.
    let icons: Vec<IssuerIcon> = serde_json::from_str(ICONS_JSON).unwrap_or_default();
    let mut by_key = HashMap::new();
    for (index, icon) in icons.iter().enumerate() {
        let names = [&icon.slug, &icon.title].into_iter().chain(&icon.aka);
        for name in names {
            by_key.entry(key(name)).or_insert(index);
        }
    }
    IconSet { icons, by_key }
});

/// A name reduced to its lower-case letters and digits: "Proton Mail" and "protonmail" meet.
fn key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn by_key(name: &str) -> Option<&'static IssuerIcon> {
    let set = &*SET;
    let name = key(name);
    if name.len() < 2 {
        return None;
    }
    set.by_key.get(&name).map(|&i| &set.icons[i])
}

/// The icon for an account of `issuer` whose feed is at `host`: the whole issuer, then its first
/// word ("Google Workspace"), then the host's names from the most significant ("github" in
/// `api.github.com`); none when nothing matches.
pub fn matching(issuer: &str, host: Option<&str>) -> Option<&'static IssuerIcon> {
    if let Some(icon) = by_key(issuer) {
        return Some(icon);
    }
    let first_word = issuer.split_whitespace().next().unwrap_or("");
    if first_word.chars().count() >= 3
        && let Some(icon) = by_key(first_word)
    {
        return Some(icon);
    }
    let host = host?;
    if host.parse::<std::net::IpAddr>().is_ok() || host.starts_with('[') {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    // The last label is the top-level domain ("com"), never a service.
    let names = labels.len().saturating_sub(1);
    labels[..names].iter().rev().find_map(|label| by_key(label))
}

/// The icon of this simple-icons name, if bundled.
pub fn named(slug: &str) -> Option<&'static IssuerIcon> {
    SET.icons.iter().find(|icon| icon.slug == slug)
}

/// Up to `limit` icons whose name contains `query` (all of them, by name, for an empty query),
/// those whose name starts with it first.
pub fn search(query: &str, limit: usize) -> Vec<&'static IssuerIcon> {
    let query = key(query);
    let mut found: Vec<(bool, &IssuerIcon)> = SET
        .icons
        .iter()
        .filter_map(|icon| {
            let title = key(&icon.title);
            let starts = title.starts_with(&query) || icon.slug.starts_with(&query);
            let contains = starts
                || title.contains(&query)
                || icon.aka.iter().any(|a| key(a).contains(&query));
            contains.then_some((!starts, icon))
        })
        .collect();
    found.sort_by_cached_key(|(later, icon)| (*later, icon.title.to_lowercase()));
    found
        .into_iter()
        .take(limit)
        .map(|(_, icon)| icon)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_set_reads_and_stays_small() {
        assert!(SET.icons.len() >= 300, "{} icons", SET.icons.len());
        assert!(ICONS_JSON.len() <= 2 * 1024 * 1024);
        for icon in &SET.icons {
            assert_eq!(icon.hex.len(), 6, "{}", icon.slug);
            assert!(icon.hex.chars().all(|c| c.is_ascii_hexdigit()));
            assert!(!icon.path.is_empty());
        }
    }

    #[test]
    fn issuers_match_by_name_other_name_first_word_or_host() {
        let slug = |issuer, host| matching(issuer, host).map(|i| i.slug.as_str());
        assert_eq!(slug("GitHub", None), Some("github"));
        assert_eq!(slug("github", None), Some("github"));
        assert_eq!(slug("Proton Mail", None), Some("protonmail"));
        assert_eq!(slug("Twitter", None), Some("x"));
        assert_eq!(slug("Google Workspace", None), Some("google"));
        assert_eq!(slug("Company", Some("accounts.google.com")), Some("google"));
        assert_eq!(slug("", Some("gitlab.example.com")), Some("gitlab"));
        assert_eq!(slug("Northern Savings Bank 12", None), None);
        assert_eq!(slug("Shop", Some("127.0.0.1")), None);
        assert_eq!(slug("Shop", Some("com")), None);
        assert_eq!(slug("X", None), None, "one letter matches nothing");
    }

    #[test]
    fn named_and_search_find_icons() {
        assert_eq!(named("github").map(|i| i.title.as_str()), Some("GitHub"));
        assert!(named("not-an-icon").is_none());
        let found = search("git", 50);
        assert_eq!(found.first().map(|i| i.slug.as_str()), Some("gitea"));
        assert!(found.iter().any(|i| i.slug == "github"));
        assert!(found.iter().any(|i| i.slug == "digitalocean"), "contains");
        assert_eq!(search("", 10).len(), 10);
        assert!(search("zzzzqqq", 10).is_empty());
    }

    #[test]
    fn glyphs_contrast_with_the_brand_colour() {
        assert_eq!(named("github").map(IssuerIcon::glyph), Some("#ffffff"));
        // Snapchat's yellow takes a dark glyph.
        assert_eq!(named("snapchat").map(IssuerIcon::glyph), Some("#1b1b1f"));
    }
}
