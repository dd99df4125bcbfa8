//! The Fluent files held together: each parses, German and French have exactly English's keys
//! with the same placeables, and the formatting of times and names follows the locale.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};

use vigil_i18n::{Language, Words, messages, sources};

/// Message id → the variables its value and attributes use.
type Keys = BTreeMap<String, BTreeSet<String>>;

fn keys_of(language: Language) -> Keys {
    let mut keys = Keys::new();
    for (candidate, name, text) in sources() {
        if candidate != language {
            continue;
        }
        let parsed = match messages(text) {
            Ok(parsed) => parsed,
            Err(errors) => panic!("{}/{name} does not parse: {errors}", language.code()),
        };
        for (id, variables) in parsed {
            assert!(
                keys.insert(id.clone(), variables.into_iter().collect())
                    .is_none(),
                "{}/{name}: {id} is defined twice",
                language.code()
            );
        }
    }
    keys
}

#[test]
fn every_key_exists_in_every_language_with_the_same_placeholders() {
    let english = keys_of(Language::English);
    assert!(english.len() > 1, "English has its messages");
    for language in [Language::German, Language::French] {
        let other = keys_of(language);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.code());
        assert!(
            extra.is_empty(),
            "{} has keys English lacks: {extra:?}",
            language.code()
        );
        for (key, variables) in &english {
            assert_eq!(
                &other[key],
                variables,
                "{}: {key} must use the placeholders English uses",
                language.code()
            );
        }
    }
}

#[test]
fn messages_are_chosen_by_language() {
    assert_eq!(Words::new(Language::English, None).get("search"), "Search");
    assert_eq!(Words::new(Language::German, None).get("search"), "Suchen");
    assert_eq!(
        Words::new(Language::French, None).get("search"),
        "Rechercher"
    );
    assert_eq!(Words::for_locale("de_AT.UTF-8").lang(), "de");
    // A key nobody wrote shows as itself rather than failing.
    assert_eq!(Words::default().get("no-such-key"), "no-such-key");
}

#[test]
fn times_follow_the_locale_hour_cycle() {
    let afternoon = jiff::civil::time(14, 5, 0, 0);
    assert_eq!(Words::for_locale("en_GB.UTF-8").clock(afternoon), "14:05");
    assert_eq!(Words::for_locale("de_DE.UTF-8").clock(afternoon), "14:05");
    assert_eq!(Words::for_locale("fr_FR.UTF-8").clock(afternoon), "14:05");
    let american = Words::for_locale("en_US.UTF-8").clock(afternoon);
    assert!(
        american.starts_with("2:05") && american.ends_with("PM"),
        "{american}"
    );
    let day = jiff::civil::date(2026, 12, 7);
    assert_eq!(Words::for_locale("de_DE").day_month(day), "7. Dez.");
    assert_eq!(Words::for_locale("en_GB").day_month(day), "7 Dec");
    assert_eq!(Words::for_locale("en_US").day_month(day), "Dec 7");
    assert_eq!(Words::for_locale("fr_FR").day_month(day), "7 déc.");
    assert!(
        Words::for_locale("de_DE")
            .weekday_day_month(day)
            .contains("Montag")
    );
}

#[test]
fn countries_have_short_common_names() {
    assert_eq!(
        Words::new(Language::English, None).country("GB"),
        "United Kingdom"
    );
    assert_eq!(
        Words::new(Language::German, None).country("gb"),
        "Vereinigtes Königreich"
    );
    assert_eq!(
        Words::new(Language::French, None).country("GB"),
        "Royaume-Uni"
    );
    assert_eq!(
        Words::new(Language::German, None).country("NL"),
        "Niederlande"
    );
    assert_eq!(
        Words::new(Language::English, None).country("US"),
        "United States"
    );
    // Unknown codes are shown as they came.
    assert_eq!(Words::default().country("QQ"), "QQ");
    assert_eq!(Words::default().country("<b>"), "<B>");
}

/// Every file under `dir` (recursively) whose name ends with one of `endings`.
fn files_under(dir: &std::path::Path, endings: &[&str], into: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, endings, into);
        } else if endings
            .iter()
            .any(|ending| path.to_string_lossy().ends_with(ending))
        {
            into.push(path);
        }
    }
}

/// The string literals right after each of `calls` in `text` (`t.t("search")` → `search`).
fn keys_after(text: &str, calls: &[&str]) -> Vec<String> {
    let mut keys = Vec::new();
    for call in calls {
        for (at, _) in text.match_indices(call) {
            let rest = text[at + call.len()..].trim_start();
            let Some(rest) = rest.strip_prefix('"') else {
                continue;
            };
            if let Some(end) = rest.find('"') {
                let key = &rest[..end];
                if !key.is_empty()
                    && key.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                    })
                {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_asks_for_exists() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let english = keys_of(Language::English);
    let mut files = Vec::new();
    for dir in [
        "ui",
        "src-tauri/src",
        "crates/activity/src",
        "crates/cli/src",
        "crates/server/src",
        "crates/server/templates",
    ] {
        files_under(
            &root.join(dir),
            &[".rs", ".html", ".js", ".txt"],
            &mut files,
        );
    }
    assert!(
        files.len() > 20,
        "the sources are found from {}",
        root.display()
    );
    // Templates call `t.t("key")`, `t.t1("key", …)`, `t.t2("key", …)`; Rust `words.get("key")`,
    // `words.with("key", …)` and `t.get/with`; the page script `word("key", …)`; errors
    // `AppError::keyed(code, "key", …)`.
    let calls = [
        "t.t(",
        "t.t1(",
        "t.t2(",
        "t.get(",
        "t.with(",
        "words.get(",
        "words.with(",
        "word(",
        "words().get(",
        "words().with(",
    ];
    let mut asked = 0;
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let mut keys = keys_after(&text, &calls);
        // `AppError::keyed(ErrorCode::X, "key", …)`.
        for (at, _) in text.match_indices("AppError::keyed(") {
            if let Some(key) = text[at..].split('"').nth(1) {
                keys.push(key.to_owned());
            }
        }
        for key in keys {
            asked += 1;
            assert!(
                english.contains_key(&key),
                "{} asks for `{key}`, which en/*.ftl lacks",
                file.display()
            );
        }
    }
    assert!(asked > 200, "the code's keys are found ({asked})");
    // The typed key form's problems are named by core (`field-…`), worded by the app.
    let manual = std::fs::read_to_string(root.join("crates/core/src/manual.rs")).unwrap();
    let fields: Vec<&str> = manual
        .split('"')
        .filter(|piece| piece.starts_with("field-") && !piece.contains(' '))
        .collect();
    assert!(fields.len() >= 10, "{fields:?}");
    for key in fields {
        assert!(
            english.contains_key(key),
            "manual.rs names `{key}`, which en/*.ftl lacks"
        );
    }
}
