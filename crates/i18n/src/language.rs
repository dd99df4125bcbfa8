//! The languages Vigil speaks, and how one is chosen from what a person's system or browser asks
//! for ("de_DE.UTF-8", "fr-CH", "en-GB,en;q=0.8").

use unic_langid::LanguageIdentifier;

/// A language every message exists in (a test holds each file to English's keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English, the fallback.
    #[default]
    English,
    /// German.
    German,
    /// French.
    French,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 3] = [Language::English, Language::German, Language::French];

    /// The BCP 47 language subtag: what a page's `lang` and the settings store.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
        }
    }

    /// The language a code names (`en`, `de-AT`, `fr_FR.UTF-8`), if Vigil speaks it.
    pub fn from_code(code: &str) -> Option<Self> {
        let tag = parse_tag(code)?;
        Self::ALL
            .into_iter()
            .find(|language| tag.language.as_str() == language.code())
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "Deutsch",
            Language::French => "Français",
        }
    }

    /// The best of Vigil's languages for a list of wanted ones, most wanted first; English when
    /// none matches. POSIX forms (`de_DE.UTF-8`, `C`) are read as BCP 47 tags.
    pub fn negotiate<S: AsRef<str>>(wanted: &[S]) -> Self {
        wanted
            .iter()
            .find_map(|tag| Self::from_code(tag.as_ref()))
            .unwrap_or_default()
    }
}

/// Reads a BCP 47 tag or a POSIX locale name (`de_DE.UTF-8@euro`); `None` for `C`, `POSIX` and
/// anything unreadable.
pub(crate) fn parse_tag(raw: &str) -> Option<LanguageIdentifier> {
    let name = raw.split(['.', '@']).next().unwrap_or_default().trim();
    if name.is_empty() || name.eq_ignore_ascii_case("C") || name.eq_ignore_ascii_case("POSIX") {
        return None;
    }
    name.replace('_', "-").parse().ok()
}

/// The region a locale name gives (`GB` in `en_GB.UTF-8`), upper case.
pub(crate) fn region_of(raw: &str) -> Option<String> {
    parse_tag(raw)?
        .region
        .map(|region| region.as_str().to_owned())
}

/// Accept-Language values (`fr-CH, fr;q=0.9, en;q=0.8`), most wanted first.
pub fn accept_language(header: &str) -> Vec<String> {
    let mut weighted: Vec<(u16, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            if tag.is_empty() || tag == "*" {
                return None;
            }
            let quality = pieces
                .find_map(|piece| piece.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            // `q=0` (and a NaN) means "not this one".
            if quality.is_nan() || quality <= 0.0 {
                return None;
            }
            // Thousandths, so the sort is on integers.
            let quality = (quality.min(1.0) * 1000.0) as u16;
            Some((quality, position, tag.to_owned()))
        })
        .collect();
    weighted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    weighted.into_iter().map(|(_, _, tag)| tag).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_and_bcp47_names_choose_a_language() {
        assert_eq!(Language::negotiate(&["de_DE.UTF-8"]), Language::German);
        assert_eq!(Language::negotiate(&["fr-CH", "en"]), Language::French);
        assert_eq!(
            Language::negotiate(&["nl_NL.UTF-8", "de"]),
            Language::German
        );
        assert_eq!(Language::negotiate(&["C"]), Language::English);
        assert_eq!(Language::negotiate::<&str>(&[]), Language::English);
        assert_eq!(Language::negotiate(&["ja-JP"]), Language::English);
        assert_eq!(
            Language::from_code("fr_FR.UTF-8@euro"),
            Some(Language::French)
        );
        assert_eq!(Language::from_code("xx"), None);
        assert_eq!(region_of("en_GB.UTF-8"), Some("GB".to_owned()));
    }

    #[test]
    fn accept_language_is_read_by_weight() {
        assert_eq!(
            accept_language("en;q=0.5, fr-CH, de;q=0.9, *;q=0.1, nl;q=0"),
            vec!["fr-CH", "de", "en"]
        );
        assert!(accept_language("").is_empty());
        assert_eq!(
            Language::negotiate(&accept_language("de-AT,de;q=0.9")),
            Language::German
        );
    }
}
