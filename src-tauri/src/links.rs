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
    let account = feeds
        .into_iter()
        .map(|(account, _)| account)
        .find(|account| {
            account
                .activity
                .as_deref()
                .and_then(|text| FeedLink::parse(text).ok())
                .is_some_and(|feed| feed.account_id() == link.account_id)
        });
    match account {
        Some(account) => OpenRequest {
            account: account.id.to_string(),
            event: link.event_id,
            verdict: link.verdict.map(Verdict::as_str),
            message: None,
        },
        None => refused(
            "This link is for an account that is not linked in Vigil. Link the account first \
             (its menu: Link activity…)."
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
