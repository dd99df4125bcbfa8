//! Where the person is signed in at a linked account's service: the list (read live, signed
//! like the feed), "Sign out" of one device, "Secure my account", and the overview's count of
//! signed-in devices.

use askama::Template;
use serde::Serialize;
use tauri::State;
use vigil_core::activity::SessionState;
use vigil_vault::AccountId;

use crate::activity::service_of;
use crate::error::AppError;
use crate::state::AppState;
use crate::sync::sync_feed;

/// What "Sign out" or "Secure my account" did.
#[derive(Debug, Serialize)]
pub struct SessionsOutcome {
    /// The sessions part of the pane afterwards.
    pub html: String,
    /// A sentence saying what happened.
    pub message: String,
}

/// The sessions part of account `id`'s pane, read from its service now; a service that cannot
/// be reached gives the part with the reason instead of an error.
async fn sessions_html(state: &AppState, id: &AccountId) -> Result<String, AppError> {
    let (account, link, secret) = state.accounts.linked(id)?;
    let service = service_of(&account, &link);
    let client = state.feeds.client()?;
    let t = state.settings.words();
    let view = match client.sessions(&link, &secret).await {
        Ok(list) => state.activity.sessions(&t, id.as_str(), &service, &list),
        Err(error) => state.activity.sessions_problem(
            &t,
            id.as_str(),
            &service,
            t.with(
                "sessions-unreadable",
                &[("error", crate::error::localized(&t, &error.into()).into())],
            ),
        ),
    };
    Ok(view.render()?)
}

/// "Where you're signed in" for account `id`.
#[tauri::command]
pub async fn account_sessions(state: State<'_, AppState>, id: String) -> Result<String, AppError> {
    sessions_html(&state, &AccountId::new(id)).await
}

/// Signs account `id` out of `session` at its service (the page asked first).
#[tauri::command]
pub async fn end_session(
    state: State<'_, AppState>,
    id: String,
    session: String,
) -> Result<SessionsOutcome, AppError> {
    let id = AccountId::new(id);
    let (account, link, secret) = state.accounts.linked(&id)?;
    let client = state.feeds.client()?;
    let ended = client.end_session(&link, &secret, &session).await?;
    drop(secret);
    let _ = sync_feed(&state, &id).await;
    Ok(SessionsOutcome {
        html: sessions_html(&state, &id).await?,
        message: state.settings.words().with(
            "session-ended",
            &[
                (
                    "device",
                    vigil_activity::words::describe_device(
                        &state.settings.words(),
                        &ended.session.device,
                    )
                    .unwrap_or(ended.session.device_words)
                    .into(),
                ),
                ("service", service_of(&account, &link).into()),
            ],
        ),
    })
}

/// "Secure my account": the service signs out every device, asks for a new password at the next
/// sign-in, and locks the account for review when a flagged event is unanswered or not yours.
#[tauri::command]
pub async fn secure_account(
    state: State<'_, AppState>,
    id: String,
) -> Result<SessionsOutcome, AppError> {
    let id = AccountId::new(id);
    let (account, link, secret) = state.accounts.linked(&id)?;
    let client = state.feeds.client()?;
    let secured = client.secure(&link, &secret).await?;
    drop(secret);
    let _ = sync_feed(&state, &id).await;
    let service = service_of(&account, &link);
    let t = state.settings.words();
    let signed_out = t.with(
        "secured-signed-out",
        &[("count", secured.ended_sessions.len().into())],
    );
    let mut message = t.with(
        "secured",
        &[
            ("signed_out", signed_out.into()),
            ("service", service.as_str().into()),
        ],
    );
    if secured.account_state.is_locked() {
        message.push(' ');
        message.push_str(&t.with("secured-locked", &[("service", service.into())]));
    }
    Ok(SessionsOutcome {
        html: sessions_html(&state, &id).await?,
        message,
    })
}

/// "3 devices are signed in to your accounts", over every linked account whose service
/// answers; `None` when none does.
#[tauri::command]
pub async fn devices_signed_in(state: State<'_, AppState>) -> Result<Option<String>, AppError> {
    let feeds = state.accounts.linked_feeds()?;
    let client = state.feeds.client()?;
    let (mut devices, mut answered) = (0, 0);
    for (account, _) in feeds {
        let Ok((_, link, secret)) = state.accounts.linked(&account.id) else {
            continue;
        };
        if let Ok(list) = client.sessions(&link, &secret).await {
            answered += 1;
            devices += list
                .sessions
                .iter()
                .filter(|s| s.state == SessionState::Active)
                .count();
        }
    }
    let t = state.settings.words();
    Ok((answered > 0).then(|| t.with("devices-signed-in", &[("count", devices.into())])))
}
