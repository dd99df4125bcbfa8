//! Queries on `sessions` (the site's sessions of an account) and `account_security` (whether
//! the customer secured the account and the site must ask for a new password).

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use vigil_core::activity::SessionState;

use super::Database;

/// A session as stored, with what its sign-in event says of it.
#[derive(Debug, Clone)]
pub struct SessionRow {
    /// The site's id for it.
    pub id: String,
    /// Whose.
    pub account_id: String,
    /// Where it stands.
    pub state: SessionState,
    /// The sign-in's user agent.
    pub user_agent: Option<String>,
    /// The sign-in's IP.
    pub ip: Option<String>,
    /// Its country.
    pub country: Option<String>,
    /// Its city, as the sign-in event stored it.
    pub city: Option<String>,
    /// Unix seconds.
    pub started_at: i64,
    /// The last event in it.
    pub last_seen_at: i64,
    /// When it ended.
    pub ended_at: Option<i64>,
    /// The sign-in event that started it.
    pub sign_in_event_id: Option<String>,
    /// Whether that event is flagged or answered `not_mine`.
    pub flagged: bool,
}

/// What starting a session stores.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    /// The site's id for it.
    pub id: &'a str,
    /// Whose.
    pub account_id: &'a str,
    /// The sign-in's user agent, IP and country.
    pub user_agent: Option<&'a str>,
    /// The sign-in's IP.
    pub ip: Option<&'a str>,
    /// Its country.
    pub country: Option<&'a str>,
    /// When it started.
    pub started_at: i64,
    /// The sign-in event.
    pub sign_in_event_id: &'a str,
    /// Whether it started with an accepted code (then it is the last code's session).
    pub by_code: bool,
}

const COLUMNS: &str = "s.id, s.account_id, s.state, s.user_agent, s.ip, s.country, e.city, \
     s.started_at, s.last_seen_at, s.ended_at, s.sign_in_event_id, \
     CASE WHEN e.flagged = 1 OR e.verdict = 'not_mine' THEN 1 ELSE 0 END AS flagged";

const FROM: &str =
    "sessions s LEFT JOIN events e ON e.id = s.sign_in_event_id AND e.account_id = s.account_id";

fn session_from_row(row: &AnyRow) -> Result<SessionRow, sqlx::Error> {
    let state: String = row.try_get("state")?;
    Ok(SessionRow {
        id: row.try_get("id")?,
        account_id: row.try_get("account_id")?,
        state: SessionState::parse(&state).ok_or_else(|| sqlx::Error::ColumnDecode {
            index: "state".into(),
            source: format!("unknown session state {state}").into(),
        })?,
        user_agent: row.try_get("user_agent")?,
        ip: row.try_get("ip")?,
        country: row.try_get("country")?,
        city: row.try_get("city")?,
        started_at: row.try_get("started_at")?,
        last_seen_at: row.try_get("last_seen_at")?,
        ended_at: row.try_get("ended_at")?,
        sign_in_event_id: row.try_get("sign_in_event_id")?,
        flagged: row.try_get::<i64, _>("flagged")? != 0,
    })
}

/// [`Database::start_session`]'s statement, `$1` to `$8` in [`NewSession`]'s order (`$8` the
/// time a code came from it, if one did).
pub(super) const START_SESSION_SQL: &str = "INSERT INTO sessions (account_id, id, state, \
     user_agent, ip, country, started_at, last_seen_at, sign_in_event_id, code_verified_at) \
     VALUES ($1, $2, 'active', $3, $4, $5, $6, $6, $7, $8)";

/// [`Database::touch_session`]'s statement: `$1` the account, `$2` the session, `$3` the time,
/// `$4` 1 when a code came from it.
pub(super) const TOUCH_SESSION_SQL: &str = "UPDATE sessions SET \
     last_seen_at = CASE WHEN last_seen_at < $3 THEN $3 ELSE last_seen_at END, \
     code_verified_at = CASE WHEN $4 = 1 THEN $3 ELSE code_verified_at END \
     WHERE account_id = $1 AND id = $2";

/// A session's state (`$1` the account, `$2` the session).
pub(super) const SESSION_STATE_SQL: &str =
    "SELECT state FROM sessions WHERE account_id = $1 AND id = $2";

impl Database {
    /// One session of an account.
    pub async fn session(
        connection: &mut AnyConnection,
        account_id: &str,
        id: &str,
    ) -> Result<Option<SessionRow>, sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM {FROM} WHERE s.account_id = $1 AND s.id = $2"
        ));
        let row = sqlx::query(sql)
            .bind(account_id)
            .bind(id)
            .fetch_optional(connection)
            .await?;
        row.as_ref().map(session_from_row).transpose()
    }

    /// An account's sessions, newest first (only the active ones with `active_only`).
    pub async fn sessions(
        &self,
        account_id: &str,
        active_only: bool,
        limit: i64,
    ) -> Result<Vec<SessionRow>, sqlx::Error> {
        let only = if active_only {
            " AND s.state = 'active'"
        } else {
            ""
        };
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM {FROM} WHERE s.account_id = $1{only} \
             ORDER BY s.started_at DESC, s.id DESC LIMIT $2"
        ));
        let rows = sqlx::query(sql)
            .bind(account_id)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(session_from_row).collect()
    }

    /// Starts a session (active).
    pub async fn start_session(
        connection: &mut AnyConnection,
        session: &NewSession<'_>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(START_SESSION_SQL)
            .bind(session.account_id)
            .bind(session.id)
            .bind(session.user_agent)
            .bind(session.ip)
            .bind(session.country)
            .bind(session.started_at)
            .bind(session.sign_in_event_id)
            .bind(session.by_code.then_some(session.started_at))
            .execute(connection)
            .await?;
        Ok(())
    }

    /// Records activity in a session at `at` (and, with `by_code`, that a code came from it).
    pub async fn touch_session(
        connection: &mut AnyConnection,
        account_id: &str,
        id: &str,
        at: i64,
        by_code: bool,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(TOUCH_SESSION_SQL)
            .bind(account_id)
            .bind(id)
            .bind(at)
            .bind(i64::from(by_code))
            .execute(connection)
            .await?;
        Ok(())
    }

    /// Ends a session if it is active; `true` when this ended it.
    pub async fn end_session(
        connection: &mut AnyConnection,
        account_id: &str,
        id: &str,
        state: SessionState,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let result = sqlx::query(
            "UPDATE sessions SET state = $3, ended_at = $4 \
             WHERE account_id = $1 AND id = $2 AND state = 'active'",
        )
        .bind(account_id)
        .bind(id)
        .bind(state.as_str())
        .bind(now)
        .execute(connection)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Ends every active session of an account; returns their ids.
    pub async fn end_active_sessions(
        connection: &mut AnyConnection,
        account_id: &str,
        state: SessionState,
        now: i64,
    ) -> Result<Vec<String>, sqlx::Error> {
        let mut ids: Vec<String> = sqlx::query_scalar(
            "UPDATE sessions SET state = $2, ended_at = $3 \
             WHERE account_id = $1 AND state = 'active' RETURNING id",
        )
        .bind(account_id)
        .bind(state.as_str())
        .bind(now)
        .fetch_all(connection)
        .await?;
        ids.sort();
        Ok(ids)
    }

    /// The session the last accepted code came from, if the site named one.
    pub async fn last_code_session(&self, account_id: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT id FROM sessions WHERE account_id = $1 AND code_verified_at IS NOT NULL \
             ORDER BY code_verified_at DESC, id DESC LIMIT 1",
        )
        .bind(account_id)
        .fetch_optional(&self.pool)
        .await
    }

    /// Whether the site must ask for a new password (the customer secured the account).
    pub async fn password_reset_required(
        connection: &mut AnyConnection,
        account_id: &str,
    ) -> Result<bool, sqlx::Error> {
        let flag: Option<i64> = sqlx::query_scalar(
            "SELECT password_reset_required FROM account_security WHERE account_id = $1",
        )
        .bind(account_id)
        .fetch_optional(connection)
        .await?;
        Ok(flag.unwrap_or(0) != 0)
    }

    /// Marks the account secured: a new password is required.
    pub async fn require_password_reset(
        connection: &mut AnyConnection,
        account_id: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO account_security (account_id, password_reset_required, secured_at) \
             VALUES ($1, 1, $2) ON CONFLICT (account_id) DO UPDATE \
             SET password_reset_required = 1, secured_at = excluded.secured_at",
        )
        .bind(account_id)
        .bind(now)
        .execute(connection)
        .await?;
        Ok(())
    }

    /// The site reported a new password: no reset is required any more.
    pub async fn clear_password_reset(
        connection: &mut AnyConnection,
        account_id: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE account_security SET password_reset_required = 0 WHERE account_id = $1",
        )
        .bind(account_id)
        .execute(connection)
        .await?;
        Ok(())
    }

    /// Flagged events not answered (and not cleared), or answered `not_mine`: securing the
    /// account with any of them locks it pending review.
    pub async fn suspicious_event_count(
        connection: &mut AnyConnection,
        account_id: &str,
    ) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM events WHERE account_id = $1 AND flagged = 1 \
             AND ((verdict IS NULL AND resolved = 0) OR verdict = 'not_mine')",
        )
        .bind(account_id)
        .fetch_one(connection)
        .await
    }
}
