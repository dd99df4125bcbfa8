//! The activity side of the app's state: the HTTP client for activity services, why each feed
//! could not be read last time, and what a notification or a `vigil://` link asked the page to
//! open.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;
use vigil_activity::ActivityClient;
use vigil_vault::AccountId;

use super::lock;
use crate::error::{AppError, ErrorCode};

/// An account (and event) for the page to open: from a notification click or a `vigil://` link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenRequest {
    /// The account's id in the vault (empty when the link named no account of this vault).
    pub account: String,
    /// The event to show, if any.
    pub event: Option<String>,
    /// `not_mine` when the link was for "This wasn't me": the page asks to confirm.
    pub verdict: Option<&'static str>,
    /// A sentence to show instead (the link could not be used).
    pub message: Option<String>,
}

/// The activity client, feed problems and the page's open request.
pub struct Feeds {
    client: Result<ActivityClient, String>,
    problems: Mutex<HashMap<AccountId, String>>,
    open_request: Mutex<Option<OpenRequest>>,
}

impl Default for Feeds {
    fn default() -> Self {
        Self {
            client: ActivityClient::new(Duration::from_secs(15)).map_err(|e| e.to_string()),
            problems: Mutex::new(HashMap::new()),
            open_request: Mutex::new(None),
        }
    }
}

impl Feeds {
    /// The client for activity services.
    pub fn client(&self) -> Result<ActivityClient, AppError> {
        self.client
            .clone()
            .map_err(|e| AppError::new(ErrorCode::Activity, e))
    }

    /// Remembers (or clears) why the account's feed could not be read; whether that changed.
    pub fn set_problem(&self, id: &AccountId, problem: Option<String>) -> bool {
        let mut problems = lock(&self.problems);
        let before = match problem.clone() {
            Some(problem) => problems.insert(id.clone(), problem),
            None => problems.remove(id),
        };
        before != problem
    }

    /// Why the account's feed could not be read last time, if it could not.
    pub fn problem(&self, id: &AccountId) -> Option<String> {
        lock(&self.problems).get(id).cloned()
    }

    /// Asks the page to open an account or event.
    pub fn set_open_request(&self, request: OpenRequest) {
        *lock(&self.open_request) = Some(request);
    }

    /// What the page was asked to open (taken: asked once).
    pub fn take_open_request(&self) -> Option<OpenRequest> {
        lock(&self.open_request).take()
    }
}
