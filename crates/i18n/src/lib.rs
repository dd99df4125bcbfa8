//! Vigil's words in the person's language: English, German and French from Fluent files, with
//! times in the locale's 12- or 24-hour form and country names from CLDR (ICU4X).
//!
//! - [`Language`]: the languages spoken, and choosing one from a system locale, a setting or
//!   an `Accept-Language` header ([`accept_language`]).
//! - [`Words`]: messages (`get`, `with`, and `t`/`t1`/`t2` for templates), `clock`,
//!   `day_month`, `weekday_day_month`, `date` and `country`.
//! - [`messages`]: a Fluent file's message ids with the variables each uses (the tests hold the
//!   languages together with it).
//! - [`Arg`]: a placeable's value, text or a number (plural forms choose by numbers).
//!
//! The `.ftl` files under `locales/` are built into the binary: no file is read at run time.
//! Every key of English exists in German and French with the same placeables, and every key
//! the code asks for exists (tests in `tests/`).

mod arg;
mod bundles;
mod language;
mod placeables;
mod words;

pub use arg::Arg;
pub use language::{Language, accept_language};
pub use placeables::messages;
pub use words::Words;

/// Every `.ftl` file: (language, file name, text), for the tests that hold them together.
pub fn sources() -> impl Iterator<Item = (Language, &'static str, &'static str)> {
    bundles::AREAS.iter().flat_map(|area| {
        Language::ALL
            .into_iter()
            .zip(area.texts)
            .map(move |(language, text)| (language, area.name, text))
    })
}
