//! The Fluent files, built into the binary, and one bundle per language made from them once.

use std::sync::LazyLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

use crate::language::{Language, parse_tag};

/// One area's file in every language, in the order of `Language::ALL`.
pub(crate) struct Area {
    /// The file's name under `locales/<code>/`.
    pub name: &'static str,
    /// Its text in English, German and French.
    pub texts: [&'static str; 3],
}

macro_rules! area {
    ($name:literal) => {
        Area {
            name: $name,
            texts: [
                include_str!(concat!("../locales/en/", $name)),
                include_str!(concat!("../locales/de/", $name)),
                include_str!(concat!("../locales/fr/", $name)),
            ],
        }
    };
}

/// Every area: the app's screens, the activity words every part shares, errors, the CLI, the
/// service's emails and review page.
pub(crate) const AREAS: [Area; 6] = [
    area!("app.ftl"),
    area!("activity.ftl"),
    area!("errors.ftl"),
    area!("cli.ftl"),
    area!("email.ftl"),
    area!("review.ftl"),
];

/// A language's messages, safe to share between threads.
pub(crate) type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 3]> = LazyLock::new(|| Language::ALL.map(build));

/// The bundle of a language.
pub(crate) fn bundle(language: Language) -> &'static Bundle {
    let index = Language::ALL
        .iter()
        .position(|candidate| *candidate == language)
        .unwrap_or(0);
    &BUNDLES[index]
}

fn build(language: Language) -> Bundle {
    let index = Language::ALL
        .iter()
        .position(|candidate| *candidate == language)
        .unwrap_or(0);
    let tag = parse_tag(language.code()).into_iter().collect();
    let mut bundle = FluentBundle::new_concurrent(tag);
    // Vigil's languages are all left to right: no isolation marks around placeables, which
    // would show up in plain-text output (emails, the CLI).
    bundle.set_use_isolating(false);
    for area in &AREAS {
        // A file with a syntax error still gives the messages it could read; the test in
        // `tests` fails on any error, so a release never has one.
        let resource = match FluentResource::try_new(area.texts[index].to_owned()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        // Duplicate ids keep the first; the test fails on them too.
        let _ = bundle.add_resource(resource);
    }
    bundle
}
