//! `Words`: one person's language and region, giving messages, times and country names.

use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentArgs;
use icu_datetime::fieldsets::{self, T};
use icu_datetime::input::{Date, Time};
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_locale_core::Locale;
use icu_locale_core::subtags::Region;

use crate::arg::Arg;
use crate::bundles::bundle;
use crate::language::{Language, region_of};

use icu_calendar::cal::Gregorian;

/// What Vigil says to one person: their language for messages, and their locale (language and
/// region: `en-GB` writes 14:05, `en-US` 2:05 PM) for times and names. Cheap to clone.
#[derive(Clone)]
pub struct Words(Arc<Inner>);

struct Inner {
    language: Language,
    locale: Locale,
    countries: OnceLock<Option<RegionDisplayNames>>,
    clock: OnceLock<Option<NoCalendarFormatter<T>>>,
    day: OnceLock<Option<FixedCalendarDateTimeFormatter<Gregorian, fieldsets::MD>>>,
    weekday: OnceLock<Option<FixedCalendarDateTimeFormatter<Gregorian, fieldsets::MDE>>>,
    full_day: OnceLock<Option<FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>>>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("language", &self.0.language)
            .field("locale", &self.0.locale.to_string())
            .finish()
    }
}

impl Default for Words {
    fn default() -> Self {
        Words::new(Language::English, None)
    }
}

impl Words {
    /// A language, with the region whose conventions times follow (`Some("GB")`).
    pub fn new(language: Language, region: Option<&str>) -> Self {
        let tag = match region {
            Some(region) => format!("{}-{region}", language.code()),
            None => language.code().to_owned(),
        };
        let locale = tag
            .parse::<Locale>()
            .or_else(|_| language.code().parse::<Locale>())
            .unwrap_or(Locale::UNKNOWN);
        Words(Arc::new(Inner {
            language,
            locale,
            countries: OnceLock::new(),
            clock: OnceLock::new(),
            day: OnceLock::new(),
            weekday: OnceLock::new(),
            full_day: OnceLock::new(),
        }))
    }

    /// The words for a locale name as the system or a browser gives it (`de_DE.UTF-8`,
    /// `fr-CH`): its language if Vigil speaks it (else English) and its region.
    pub fn for_locale(name: &str) -> Self {
        let language = Language::negotiate(&[name]);
        let region = region_of(name).filter(|_| Language::from_code(name) == Some(language));
        Words::new(language, region.as_deref())
    }

    /// The system's locale (`LC_ALL`, `LC_MESSAGES`, `LANG` on Linux; the user's settings on
    /// macOS and Windows), or `chosen` (a language code from the settings) over it. A region
    /// is kept only when it belongs to the language shown, so "de" chosen on an `en_US`
    /// system writes German times, not American ones.
    pub fn for_system(chosen: Option<&str>) -> Self {
        let system: Vec<String> = system_locales();
        let chosen = chosen.and_then(Language::from_code);
        let language = chosen.unwrap_or_else(|| Language::negotiate(&system));
        let region = system
            .iter()
            .find(|name| Language::from_code(name) == Some(language))
            .and_then(|name| region_of(name));
        Words::new(language, region.as_deref())
    }

    /// The language messages are in.
    pub fn language(&self) -> Language {
        self.0.language
    }

    /// The language's code, for a page's `lang`.
    pub fn lang(&self) -> &'static str {
        self.0.language.code()
    }

    /// The locale times follow, as a BCP 47 tag (`en-GB`, `de`), for a page's script.
    pub fn locale_tag(&self) -> String {
        self.0.locale.to_string()
    }

    /// Messages for a page's script, as a JSON object (`<` escaped, so it can sit in a
    /// `<script type="application/json">`): each placeable written `{name}` for the script to
    /// fill, and a message that chooses by `$count` as `{"one": …, "other": …}`.
    pub fn for_script(&self, keys: &[&str]) -> String {
        let bundle = bundle(self.0.language);
        let mut out = serde_json::Map::new();
        for key in keys {
            let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
                out.insert((*key).to_owned(), serde_json::Value::from(*key));
                continue;
            };
            let names = crate::placeables::variables(pattern);
            let marked: Vec<(&str, Arg)> = names
                .iter()
                .map(|name| (name.as_str(), Arg::Text(format!("{{{name}}}"))))
                .collect();
            let value = if names.iter().any(|name| name == "count") {
                let one: Vec<(&str, Arg)> = marked
                    .iter()
                    .map(|(name, value)| match *name {
                        "count" => (*name, Arg::Number(1)),
                        _ => (*name, value.clone()),
                    })
                    .collect();
                serde_json::json!({
                    "one": self.with(key, &one),
                    "other": self.with(key, &marked),
                })
            } else {
                serde_json::Value::from(self.with(key, &marked))
            };
            out.insert((*key).to_owned(), value);
        }
        serde_json::Value::Object(out)
            .to_string()
            .replace('<', "\\u003c")
    }

    /// A message without placeables. A missing key gives the key itself (tests keep that
    /// from shipping).
    pub fn get(&self, key: &str) -> String {
        self.with(key, &[])
    }

    /// A message with its placeables' values.
    pub fn with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let bundle = bundle(self.0.language);
        let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.to_fluent());
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// `get`, short for templates: `{{ t.t("search") }}`.
    pub fn t(&self, key: &str) -> String {
        self.get(key)
    }

    /// A message with one placeable, for templates.
    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        self.with(key, &[(name, value.into())])
    }

    /// A message with two placeables, for templates.
    pub fn t2(
        &self,
        key: &str,
        name: &str,
        value: impl Into<Arg>,
        second_name: &str,
        second: impl Into<Arg>,
    ) -> String {
        self.with(key, &[(name, value.into()), (second_name, second.into())])
    }

    /// A country's common name in this language from CLDR ("United Kingdom", "Vereinigtes
    /// Königreich", "Royaume-Uni") for an ISO 3166-1 alpha-2 code; the code itself when CLDR
    /// has no name for it.
    pub fn country(&self, code: &str) -> String {
        let names = self.0.countries.get_or_init(|| {
            RegionDisplayNames::try_new((&self.0.locale).into(), DisplayNamesOptions::default())
                .ok()
        });
        let upper = code.trim().to_ascii_uppercase();
        Region::try_from_str(&upper)
            .ok()
            .and_then(|region| names.as_ref()?.of(region))
            .map(str::to_owned)
            .unwrap_or(upper)
    }

    /// A time of day in the locale's form: "14:05" (de, fr, en-GB) or "2:05 PM" (en-US).
    pub fn clock(&self, time: jiff::civil::Time) -> String {
        let formatter = self
            .0
            .clock
            .get_or_init(|| NoCalendarFormatter::try_new((&self.0.locale).into(), T::hm()).ok());
        let input = Time::try_new(
            time.hour().unsigned_abs(),
            time.minute().unsigned_abs(),
            0,
            0,
        );
        match (formatter, input) {
            (Some(formatter), Ok(input)) => formatter.format(&input).to_string(),
            _ => format!("{:02}:{:02}", time.hour(), time.minute()),
        }
    }

    /// A day and month: "7 Dec" (en-GB), "Dec 7" (en-US), "7. Dez." (de), "7 déc." (fr).
    pub fn day_month(&self, date: jiff::civil::Date) -> String {
        let formatter = self.0.day.get_or_init(|| {
            FixedCalendarDateTimeFormatter::try_new(
                (&self.0.locale).into(),
                fieldsets::MD::medium(),
            )
            .ok()
        });
        match (formatter, gregorian(date)) {
            (Some(formatter), Some(input)) => formatter.format(&input).to_string(),
            _ => date.to_string(),
        }
    }

    /// A weekday, day and month: "Monday 7 December", "Montag, 7. Dezember".
    pub fn weekday_day_month(&self, date: jiff::civil::Date) -> String {
        let formatter = self.0.weekday.get_or_init(|| {
            FixedCalendarDateTimeFormatter::try_new((&self.0.locale).into(), fieldsets::MDE::long())
                .ok()
        });
        match (formatter, gregorian(date)) {
            (Some(formatter), Some(input)) => formatter.format(&input).to_string(),
            _ => date.to_string(),
        }
    }

    /// A whole date: "7 Dec 2026", "07.12.2026".
    pub fn date(&self, date: jiff::civil::Date) -> String {
        let formatter = self.0.full_day.get_or_init(|| {
            FixedCalendarDateTimeFormatter::try_new(
                (&self.0.locale).into(),
                fieldsets::YMD::medium(),
            )
            .ok()
        });
        match (formatter, gregorian(date)) {
            (Some(formatter), Some(input)) => formatter.format(&input).to_string(),
            _ => date.to_string(),
        }
    }
}

/// The date as ICU4X's Gregorian date.
fn gregorian(date: jiff::civil::Date) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(
        i32::from(date.year()),
        date.month().unsigned_abs(),
        date.day().unsigned_abs(),
    )
    .ok()
}

/// The system's locale names, most wanted first (`LC_ALL`, `LC_MESSAGES`, `LANG` on Linux).
fn system_locales() -> Vec<String> {
    sys_locale::get_locales().collect()
}
