//! `vigil://activity?…` links (from alert emails): the account of this vault linked to the
//! named service account is opened at the named event, and a "This wasn't me" link opens the
//! confirmation. Links arrive as the only argument of a new process, which hands them to the
//! running app (single-instance plugin) or, at a cold start, is the app.

use tauri::{AppHandle, Manager, Runtime};
use vigil_activity::{AppLink, FeedLink};
use vigil_core::activity::Verdict;

use crate::state::{AppState, OpenRequest};

/// What `text` asks the page to open: the account and event, or a sentence saying why not.
pub fn request_for(state: &AppState, text: &str) -> OpenRequest {
    let refused = |message: String| OpenRequest {
        account: String::new(),
        event: None,
        verdict: None,
        message: Some(message),
    };
    let link = match AppLink::parse(text) {
        Ok(link) => link,
        Err(error) => return refused(error.to_string()),
    };
    let feeds = match state.accounts.linked_feeds() {
        Ok(feeds) => feeds,
        Err(error) => return refused(error.message),
    };
    // The accounts linked to that service account: the service's host and the account id must
    // both match (ids are the service's own, so two services may share one). A link from a
    // service too old to name itself is followed only when the id alone is unambiguous.
    let matching: Vec<_> = feeds
        .into_iter()
        .filter(|(account, _)| {
            account
                .activity
                .as_deref()
                .and_then(|text| FeedLink::parse(text).ok())
                .is_some_and(|feed| {
                    feed.account_id() == link.account_id
                        && link
                            .service
                            .as_deref()
                            .is_none_or(|service| feed.host().eq_ignore_ascii_case(service))
                })
        })
        .map(|(account, _)| account)
        .collect();
    match matching.as_slice() {
        [account] => OpenRequest {
            account: account.id.to_string(),
            event: link.event_id,
            verdict: link.verdict.map(Verdict::as_str),
            message: None,
        },
        [] => refused(match &link.service {
            Some(service) => format!(
                "This link is for an account at {service} that is not linked in Vigil. Link the \
                 account first (its menu: Link activity…)."
            ),
            None => "This link is for an account that is not linked in Vigil. Link the account \
                     first (its menu: Link activity…)."
                .to_owned(),
        }),
        _ => refused(
            "This link does not say which service it is from, and several linked accounts could \
             be meant. Open the account's activity from the list instead."
                .to_owned(),
        ),
    }
}

/// Opens each link the app was given.
pub fn open_all<R: Runtime>(app: &AppHandle<R>, urls: &[String]) {
    for url in urls {
        let request = request_for(&app.state::<AppState>(), url);
        crate::alerts::open(app, request);
    }
}

/// The single-instance name: the app's identifier, made per data directory when
/// `VIGIL_DATA_DIR` names one (tests and screenshots run several apps on one session bus).
pub fn instance_id(identifier: &str) -> String {
    match std::env::var_os("VIGIL_DATA_DIR") {
        Some(dir) => {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            dir.hash(&mut hasher);
            format!("{identifier}.d{:016x}", hasher.finish())
        }
        None => identifier.to_owned(),
    }
}
