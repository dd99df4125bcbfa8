//! A right, fresh code accepted in one trip to SQLite's writer thread
//! ([`crate::db::Database::write_on_sqlite_thread`]): the same steps, statements and rules as the
//! sqlx transaction in `site::accept_fresh_code`, which runs instead on PostgreSQL and whenever
//! this declines.

use std::pin::pin;
use std::task::{Context, Poll, Waker};

use crate::db::{NewEventRow, NewSession, Written};
use crate::error::ApiError;
use crate::rules::{self, Assessment};

use super::SharedState;

/// The output of a future that is ready at its first poll; `None` if it is not. The rules'
/// reads on the writer thread ([`crate::db::SqliteWrites`]) are synchronous behind `async fn`,
/// so [`rules::assess_sign_in`] over them never waits.
fn ready<F: Future>(future: F) -> Option<F::Output> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// Accepts `step` for the event's account and records `event` (a successful sign-in from
/// `source`, in `session` if named) in one transaction on the writer thread, with the sign-in
/// rules' marks. Declines (nothing written) wherever the sqlx path has more to do or to say:
/// the step taken meanwhile, the account no longer active, the source blocked, a rule asking
/// for a lock, or a session that ended.
pub(super) async fn accept_on_sqlite_thread(
    state: &SharedState,
    event: &NewEventRow,
    source: &str,
    step: i64,
    session: Option<&str>,
) -> Result<Written<Assessment>, ApiError> {
    let (state, event) = (state.clone(), event.clone());
    let (source, session) = (source.to_owned(), session.map(str::to_owned));
    let written = state
        .db
        .clone()
        .write_on_sqlite_thread(move |writes| {
            let account_id = event.account_id.as_str();
            if writes.accept_step_returning(account_id, step)?.is_none()
                || !writes.clear_attempts_unless_blocked(account_id, &source, event.occurred_at)?
            {
                return Ok(None);
            }
            writes.insert_event(&event)?;
            let Some(assessment) = ready(rules::assess_sign_in(
                writes,
                &state.rules,
                &state.geo,
                &event,
            )) else {
                return Ok(None);
            };
            let assessment = assessment?;
            if assessment.lock.is_some() {
                return Ok(None);
            }
            if let Some((reasons, flag)) = assessment.marks() {
                writes.flag_event(&event.id, reasons, flag)?;
            }
            if let Some(session) = session.as_deref() {
                match writes.session_active(account_id, session)? {
                    Some(false) => return Ok(None),
                    Some(true) => {
                        writes.touch_session(account_id, session, event.occurred_at, true)?
                    }
                    None => writes.start_session(&NewSession {
                        id: session,
                        account_id,
                        user_agent: event.user_agent.as_deref(),
                        ip: event.ip.as_deref(),
                        country: event.country.as_deref(),
                        started_at: event.occurred_at,
                        sign_in_event_id: &event.id,
                        by_code: true,
                    })?,
                }
            }
            Ok(Some(assessment))
        })
        .await?;
    Ok(written)
}
