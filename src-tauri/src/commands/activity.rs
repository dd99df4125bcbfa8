//! Account activity: the pane of one linked account (cached, then refreshed), the overview of
//! what needs attention, answers to flagged events, documents, and linking. Network calls go
//! through `vigil-activity`, signed with the key derived from the account's secret, which is read
//! from the keychain cache only for that request.

use serde::Serialize;
use tauri::State;
use vigil_activity::history::append_older;
use vigil_activity::{FeedLink, MAX_DOCUMENT_BYTES, words};
use vigil_core::activity::Verdict;
use vigil_vault::AccountId;

use crate::activity::{Attention, page_of, service_of};
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, OpenRequest};
use crate::sync::sync_feed;

/// The list's marks, a counter that changes whenever any feed changed, the clock banner, and
/// what a notification or link asked to open.
#[derive(Debug, Serialize)]
pub struct ActivityStatus {
    /// Changes whenever a feed was read or answered.
    pub version: u64,
    /// Linked accounts with something to look at.
    pub attention: Vec<Attention>,
    /// The sentence about this computer's clock, when it is off.
    pub clock: Option<String>,
    /// The sentence about a failed automatic backup, when the last one failed.
    pub backup: Option<String>,
    /// The desktop's light or dark setting (`light`, `dark`), when it says one.
    pub desktop_theme: Option<&'static str>,
    /// An account or event to open now (given once).
    pub open: Option<OpenRequest>,
    /// A newer Vigil found by the check at start, waiting for the person's answer.
    pub update: Option<crate::update::UpdateOffer>,
}

/// What an answer or a document did.
#[derive(Debug, Serialize)]
pub struct AnswerOutcome {
    /// The account's pane afterwards.
    pub html: String,
    /// A sentence saying what happened.
    pub message: String,
}

fn pane(state: &AppState, id: &AccountId) -> Result<String, AppError> {
    let vault = state.accounts.vault()?;
    let account = vault.account(id)?;
    let text = account.activity.clone().unwrap_or_default();
    let link = FeedLink::parse(&text)?;
    let cached = vault.cached_feed(id)?;
    let problem = state.feeds.problem(id);
    Ok(askama::Template::render(&state.activity.pane(
        &state.settings.words(),
        &account,
        &link,
        cached.as_ref(),
        problem.as_deref(),
    ))?)
}

/// The account's activity pane from the cache (instant, and offline).
#[tauri::command]
pub fn account_activity(state: State<'_, AppState>, id: String) -> Result<String, AppError> {
    pane(&state, &AccountId::new(id))
}

/// Reads the account's feed now, then gives its pane (with a calm message if that failed).
#[tauri::command]
pub async fn refresh_activity(state: State<'_, AppState>, id: String) -> Result<String, AppError> {
    let id = AccountId::new(id);
    let _ = sync_feed(&state, &id).await;
    pane(&state, &id)
}

/// Reads the page of events older than the cached ones (`after=` the cached cursor), adds it to
/// the cache, and gives the pane.
#[tauri::command]
pub async fn older_activity(state: State<'_, AppState>, id: String) -> Result<String, AppError> {
    let id = AccountId::new(id);
    let (_, link, secret) = state.accounts.linked(&id)?;
    let cached = state.accounts.vault()?.cached_feed(&id)?;
    let Some((cached, page)) = cached.and_then(|c| page_of(&c).map(|page| (c, page))) else {
        return pane(&state, &id);
    };
    let Some(after) = page.next.clone() else {
        return pane(&state, &id);
    };
    let client = state.feeds.client()?;
    let older = client.feed(&link, &secret, Some(&after), 100).await?;
    drop(secret);
    let merged = append_older(page, older.page);
    let json = serde_json::to_string(&merged)
        .map_err(|e| AppError::new(ErrorCode::Activity, e.to_string()))?;
    state
        .accounts
        .vault()?
        .save_feed(&id, &json, cached.fetched_at)?;
    state.activity.bump();
    pane(&state, &id)
}

/// What needs attention across every linked account (from the cache).
#[tauri::command]
pub fn activity_overview(state: State<'_, AppState>) -> Result<String, AppError> {
    let feeds = state.accounts.linked_feeds()?;
    Ok(askama::Template::render(
        &state.activity.overview(&state.settings.words(), &feeds),
    )?)
}

/// The list's marks, and whether anything changed since the page last looked.
#[tauri::command]
pub fn activity_status(
    state: State<'_, AppState>,
    updates: State<'_, crate::update::UpdateState>,
    desktop: State<'_, crate::theme::DesktopTheme>,
) -> Result<ActivityStatus, AppError> {
    let feeds = state.accounts.linked_feeds()?;
    Ok(ActivityStatus {
        version: state
            .activity
            .version
            .load(std::sync::atomic::Ordering::Relaxed),
        attention: crate::activity::attention(&feeds),
        clock: state.clock_banner(),
        backup: super::backups::backup_problem(&state),
        desktop_theme: desktop.current(),
        open: state.feeds.take_open_request(),
        update: updates.offered(),
    })
}

/// "This was me" (`mine`) or "This wasn't me" (`not_mine`) for one event.
#[tauri::command]
pub async fn answer_event(
    state: State<'_, AppState>,
    id: String,
    event_id: String,
    verdict: String,
) -> Result<AnswerOutcome, AppError> {
    let verdict = Verdict::parse(&verdict).ok_or_else(|| {
        AppError::keyed(
            ErrorCode::InvalidField,
            "error-the-answer-must-be-mine",
            &[],
        )
    })?;
    let id = AccountId::new(id);
    let (account, link, secret) = state.accounts.linked(&id)?;
    let client = state.feeds.client()?;
    let recorded = client.verdict(&link, &secret, &event_id, verdict).await?;
    drop(secret);
    let _ = sync_feed(&state, &id).await;
    let service = service_of(&account, &link);
    let t = state.settings.words();
    let message = match (verdict, recorded.account_state.is_locked()) {
        (Verdict::NotMine, _) => t.with("answer-not-mine", &[("service", service.into())]),
        (Verdict::Mine, true) => t.get("answer-mine-locked"),
        (Verdict::Mine, false) => t.with("answer-mine-active", &[("service", service.into())]),
    };
    Ok(AnswerOutcome {
        html: pane(&state, &id)?,
        message,
    })
}

/// "The file is too large (the limit is 10 MB)", from the protocol's limit.
pub fn too_large() -> String {
    crate::error::current_words().with(
        "js-file-too-large",
        &[("limit", (MAX_DOCUMENT_BYTES / (1024 * 1024)).into())],
    )
}

/// Sends a document (PDF, PNG or JPEG, at most 10 MB; base64, as the page read it from the
/// chosen file) for the service to review.
#[tauri::command]
pub async fn send_document(
    state: State<'_, AppState>,
    id: String,
    data: String,
) -> Result<AnswerOutcome, AppError> {
    if data.len() > MAX_DOCUMENT_BYTES / 3 * 4 + 8 {
        return Err(AppError::said(ErrorCode::BadDocument, too_large()));
    }
    let bytes = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, data.trim())
        .map_err(|_| AppError::keyed(ErrorCode::BadDocument, "error-the-file-could-not-be", &[]))?;
    let id = AccountId::new(id);
    let (_, link, secret) = state.accounts.linked(&id)?;
    let client = state.feeds.client()?;
    let received = client.document(&link, &secret, bytes).await?;
    drop(secret);
    let _ = sync_feed(&state, &id).await;
    Ok(AnswerOutcome {
        html: pane(&state, &id)?,
        message: state.settings.words().with(
            "document-sent",
            &[(
                "state",
                words::state_sentence(&state.settings.words(), received.account_state).into(),
            )],
        ),
    })
}

/// Links an account to a feed URL (checked first); returns the page body.
#[tauri::command]
pub fn link_account(
    state: State<'_, AppState>,
    id: String,
    url: String,
) -> Result<String, AppError> {
    let link = FeedLink::parse(&url)?;
    let id = AccountId::new(id);
    state
        .accounts
        .vault()?
        .set_activity(&id, Some(link.as_str()))?;
    // A reading from the service linked before is not this one's.
    state.record_clock(&id, None);
    state.activity.wake();
    Ok(askama::Template::render(&state.refresh()?.accounts())?)
}

/// Unlinks an account (its cached feed and its service's clock reading are forgotten); returns
/// the page body.
#[tauri::command]
pub fn unlink_account(state: State<'_, AppState>, id: String) -> Result<String, AppError> {
    let id = AccountId::new(id);
    // The vault forgets the cached feed with the link.
    state.accounts.vault()?.set_activity(&id, None)?;
    state.record_clock(&id, None);
    state.activity.bump();
    Ok(askama::Template::render(&state.refresh()?.accounts())?)
}
