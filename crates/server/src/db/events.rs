//! Queries on the `events` table: recording, the feed, and what the rules ask.

use sqlx::{AnyConnection, Row};
use vigil_core::activity::{AccountState, EventKind, Outcome, Reason, Verdict};

use super::Database;
use super::sqlite_readers::parse_stored;

/// An event as stored.
#[derive(Debug, Clone)]
pub struct EventRow {
    /// Its id.
    pub id: String,
    /// Whose.
    pub account_id: String,
    /// What happened.
    pub kind: EventKind,
    /// When (unix seconds).
    pub occurred_at: i64,
    /// When the service recorded it.
    pub recorded_at: i64,
    /// Client IP.
    pub ip: Option<String>,
    /// Country of the IP.
    pub country: Option<String>,
    /// City of the IP (English), when the city database knows it.
    pub city: Option<String>,
    /// Client user agent.
    pub user_agent: Option<String>,
    /// Sign-in outcome.
    pub outcome: Option<Outcome>,
    /// Details as JSON text.
    pub details: String,
    /// Flagged by a rule.
    pub flagged: bool,
    /// A flagged event the customer or a reviewer cleared.
    pub resolved: bool,
    /// Why flagged (or why the risk is raised).
    pub reasons: Vec<Reason>,
    /// The customer's answer.
    pub verdict: Option<Verdict>,
    /// How many attempts the event stands for (repeated failed sign-ins are one event).
    pub count: i64,
}

/// What recording an event stores.
#[derive(Debug, Clone)]
pub struct NewEventRow {
    /// Its id.
    pub id: String,
    /// Whose.
    pub account_id: String,
    /// What happened.
    pub kind: EventKind,
    /// When.
    pub occurred_at: i64,
    /// Now.
    pub recorded_at: i64,
    /// Client IP.
    pub ip: Option<String>,
    /// Country of the IP.
    pub country: Option<String>,
    /// City of the IP (English), when the city database knows it.
    pub city: Option<String>,
    /// User agent.
    pub user_agent: Option<String>,
    /// Sign-in outcome.
    pub outcome: Option<Outcome>,
    /// Details JSON.
    pub details: serde_json::Value,
}

/// A feed page as read: the account's state and the events, as of one moment.
#[derive(Debug, Clone)]
pub struct FeedRows {
    /// Where the account stands.
    pub state: AccountState,
    /// Why.
    pub state_reason: Option<String>,
    /// The events, newest first.
    pub events: Vec<EventRow>,
}

/// Where a feed page starts: after this event, in newest-first order.
#[derive(Debug, Clone)]
pub struct FeedCursor {
    /// The last event's time.
    pub occurred_at: i64,
    /// The last event's id.
    pub id: String,
}

const COLUMNS: &str = "id, account_id, kind, occurred_at, recorded_at, ip, country, city, \
     user_agent, outcome, details, flagged, resolved, reasons, verdict, repeat_count";

/// [`Database::insert_event`]'s statement, `$1` to `$11` in [`NewEventRow`]'s order.
pub(super) const INSERT_EVENT_SQL: &str = "INSERT INTO events (id, account_id, kind, \
     occurred_at, recorded_at, ip, country, city, user_agent, outcome, details, flagged, \
     resolved, reasons) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, 1, '[]')";

/// [`Database::flag_event`]'s statement: `$1` the event, `$2` the reasons (JSON), `$3` 1 to flag.
pub(super) const FLAG_EVENT_SQL: &str = "UPDATE events SET reasons = $2, \
     flagged = CASE WHEN $3 = 1 THEN 1 ELSE flagged END, \
     resolved = CASE WHEN $3 = 1 THEN 0 ELSE resolved END WHERE id = $1";

/// [`Database::successful_sign_in_countries`]'s statement (`$1` the account, `$2` the event left out).
pub(super) const SIGN_IN_COUNTRIES_SQL: &str = "SELECT DISTINCT country FROM events \
     WHERE account_id = $1 AND kind = 'sign_in' AND outcome = 'success' AND id <> $2";

/// [`Database::country_confirmed`]'s statement (`$1` the account, `$2` the country, `$3` since).
pub(super) const COUNTRY_CONFIRMED_SQL: &str = "SELECT COUNT(*) FROM events \
     WHERE account_id = $1 AND country = $2 AND verdict = 'mine' AND kind = 'sign_in' \
     AND outcome = 'success' AND occurred_at >= $3";

/// [`Database::events_between`]'s statement: `$1` the account, `$2`..`$3` the times. The kinds
/// are the enum's own fixed names, never caller text.
pub(super) fn events_between_sql(kinds: &[EventKind]) -> String {
    let kinds_sql = kinds
        .iter()
        .map(|kind| format!("'{}'", kind.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "SELECT {COLUMNS} FROM events WHERE account_id = $1 AND kind IN ({kinds_sql}) \
         AND occurred_at >= $2 AND occurred_at <= $3 \
         ORDER BY occurred_at DESC, id DESC LIMIT 1000"
    )
}

/// An event from a row of either driver (`AnyRow`, or `PgRow` for the feed).
fn event_from_row<R>(row: &R) -> Result<EventRow, sqlx::Error>
where
    R: Row,
    for<'r> &'r str: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let decode = |column: &str, value: String| sqlx::Error::ColumnDecode {
        index: column.into(),
        source: format!("unknown value {value}").into(),
    };
    let kind: String = row.try_get("kind")?;
    let outcome: Option<String> = row.try_get("outcome")?;
    let verdict: Option<String> = row.try_get("verdict")?;
    let reasons: String = row.try_get("reasons")?;
    Ok(EventRow {
        id: row.try_get("id")?,
        account_id: row.try_get("account_id")?,
        kind: EventKind::parse(&kind).ok_or_else(|| decode("kind", kind.clone()))?,
        occurred_at: row.try_get("occurred_at")?,
        recorded_at: row.try_get("recorded_at")?,
        ip: row.try_get("ip")?,
        country: row.try_get("country")?,
        city: row.try_get("city")?,
        user_agent: row.try_get("user_agent")?,
        outcome: match outcome {
            Some(text) => Some(Outcome::parse(&text).ok_or_else(|| decode("outcome", text))?),
            None => None,
        },
        details: row.try_get("details")?,
        flagged: row.try_get::<i64, _>("flagged")? != 0,
        resolved: row.try_get::<i64, _>("resolved")? != 0,
        reasons: serde_json::from_str(&reasons).unwrap_or_default(),
        verdict: match verdict {
            Some(text) => Some(Verdict::parse(&text).ok_or_else(|| decode("verdict", text))?),
            None => None,
        },
        count: row.try_get("repeat_count")?,
    })
}

/// An event from a rusqlite row holding [`COLUMNS`], in their order, from column `at` on.
pub(super) fn event_from_sqlite(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<EventRow> {
    let reasons: String = row.get(at + 13)?;
    let outcome: Option<String> = row.get(at + 9)?;
    let verdict: Option<String> = row.get(at + 14)?;
    Ok(EventRow {
        id: row.get(at)?,
        account_id: row.get(at + 1)?,
        kind: parse_stored(at + 2, "kind", row.get(at + 2)?, EventKind::parse)?,
        occurred_at: row.get(at + 3)?,
        recorded_at: row.get(at + 4)?,
        ip: row.get(at + 5)?,
        country: row.get(at + 6)?,
        city: row.get(at + 7)?,
        user_agent: row.get(at + 8)?,
        outcome: outcome
            .map(|text| parse_stored(at + 9, "outcome", text, Outcome::parse))
            .transpose()?,
        details: row.get(at + 10)?,
        flagged: row.get::<_, i64>(at + 11)? != 0,
        resolved: row.get::<_, i64>(at + 12)? != 0,
        reasons: serde_json::from_str(&reasons).unwrap_or_default(),
        verdict: verdict
            .map(|text| parse_stored(at + 14, "verdict", text, Verdict::parse))
            .transpose()?,
        count: row.get(at + 15)?,
    })
}

/// The feed page's statement: the account's one row joined to the page (no events: one row of
/// NULLs beside it); `$3`/`$4` (the cursor) only when `after`. `?N` on rusqlite, `$N` on sqlx.
fn feed_sql(after: bool, mark: char) -> String {
    let after = if after {
        format!("AND (occurred_at < {mark}3 OR (occurred_at = {mark}3 AND id < {mark}4))")
    } else {
        String::new()
    };
    format!(
        "SELECT a.state AS account_state, a.state_reason AS account_state_reason, e.* \
         FROM accounts a LEFT JOIN (SELECT {COLUMNS} FROM events WHERE account_id = {mark}1 \
         {after} ORDER BY occurred_at DESC, id DESC LIMIT {mark}2) e ON 1 = 1 \
         WHERE a.id = {mark}1 ORDER BY e.occurred_at DESC, e.id DESC"
    )
}

/// A feed page read on a rusqlite connection (see [`Database::feed`]).
fn feed_on_sqlite(
    connection: &rusqlite::Connection,
    account_id: &str,
    cursor: Option<&FeedCursor>,
    limit: i64,
) -> rusqlite::Result<Option<FeedRows>> {
    let mut statement = connection.prepare_cached(&feed_sql(cursor.is_some(), '?'))?;
    let mut rows = match cursor {
        Some(cursor) => statement.query(rusqlite::params![
            account_id,
            limit,
            cursor.occurred_at,
            cursor.id
        ])?,
        None => statement.query(rusqlite::params![account_id, limit])?,
    };
    let mut page: Option<FeedRows> = None;
    while let Some(row) = rows.next()? {
        let page = match &mut page {
            Some(page) => page,
            None => page.insert(FeedRows {
                state: parse_stored(0, "state", row.get(0)?, AccountState::parse)?,
                state_reason: row.get(1)?,
                events: Vec::with_capacity(usize::try_from(limit).unwrap_or(0)),
            }),
        };
        if !matches!(row.get_ref(2)?, rusqlite::types::ValueRef::Null) {
            page.events.push(event_from_sqlite(row, 2)?);
        }
    }
    Ok(page)
}

/// A feed page from the rows of [`feed_sql`] of either driver; `None` without rows (no account).
fn feed_from_rows<R>(rows: &[R]) -> Result<Option<FeedRows>, sqlx::Error>
where
    R: Row,
    for<'r> &'r str: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let state: String = first.try_get("account_state")?;
    let state = AccountState::parse(&state).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: "state".into(),
        source: format!("unknown state {state}").into(),
    })?;
    let state_reason = first.try_get("account_state_reason")?;
    let mut events = Vec::with_capacity(rows.len());
    for row in rows {
        if row.try_get::<Option<String>, _>("id")?.is_some() {
            events.push(event_from_row(row)?);
        }
    }
    Ok(Some(FeedRows {
        state,
        state_reason,
        events,
    }))
}

impl Database {
    /// Records an event (not flagged).
    pub async fn insert_event(
        connection: &mut AnyConnection,
        event: &NewEventRow,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(INSERT_EVENT_SQL)
            .bind(&event.id)
            .bind(&event.account_id)
            .bind(event.kind.as_str())
            .bind(event.occurred_at)
            .bind(event.recorded_at)
            .bind(event.ip.as_deref())
            .bind(event.country.as_deref())
            .bind(event.city.as_deref())
            .bind(event.user_agent.as_deref())
            .bind(event.outcome.map(Outcome::as_str))
            .bind(event.details.to_string())
            .execute(connection)
            .await?;
        Ok(())
    }

    /// Records a failed sign-in (wrong, replayed or refused code), or counts it in the event of
    /// the same outcome from the same IP within the last `window` seconds that is not flagged,
    /// so repeated failures cannot push the events the customer must answer out of the feed.
    /// Returns the id of the event that holds it. Call with the account's row locked.
    pub async fn record_failed_sign_in(
        connection: &mut AnyConnection,
        event: &NewEventRow,
        window: i64,
    ) -> Result<String, sqlx::Error> {
        let outcome = event.outcome.map(Outcome::as_str).unwrap_or("");
        let counted: Option<String> = sqlx::query_scalar(
            "UPDATE events SET repeat_count = repeat_count + 1 WHERE id = (\
               SELECT id FROM events WHERE account_id = $1 AND kind = 'sign_in' \
               AND outcome = $2 AND COALESCE(ip, '') = $3 AND flagged = 0 \
               AND occurred_at >= $4 ORDER BY occurred_at DESC, id DESC LIMIT 1) \
             RETURNING id",
        )
        .bind(&event.account_id)
        .bind(outcome)
        .bind(event.ip.as_deref().unwrap_or(""))
        .bind(event.occurred_at - window)
        .fetch_optional(&mut *connection)
        .await?;
        if let Some(id) = counted {
            return Ok(id);
        }
        Self::insert_event(connection, event).await?;
        Ok(event.id.clone())
    }

    /// Flags an event with its reasons (unresolved until the customer or a reviewer clears it),
    /// or only records raised-risk reasons when `flag` is false.
    pub async fn flag_event(
        connection: &mut AnyConnection,
        event_id: &str,
        reasons: &[Reason],
        flag: bool,
    ) -> Result<(), sqlx::Error> {
        let reasons = serde_json::to_string(reasons).unwrap_or_else(|_| "[]".into());
        sqlx::query(FLAG_EVENT_SQL)
            .bind(event_id)
            .bind(reasons)
            .bind(i64::from(flag))
            .execute(connection)
            .await?;
        Ok(())
    }

    /// Records a verdict; `not_mine` flags the event and leaves it unresolved, `mine` resolves it.
    pub async fn set_verdict(
        connection: &mut AnyConnection,
        event_id: &str,
        verdict: Verdict,
    ) -> Result<(), sqlx::Error> {
        let sql = match verdict {
            Verdict::Mine => "UPDATE events SET verdict = 'mine', resolved = 1 WHERE id = $1",
            Verdict::NotMine => {
                "UPDATE events SET verdict = 'not_mine', flagged = 1, resolved = 0 WHERE id = $1"
            }
        };
        sqlx::query(sql).bind(event_id).execute(connection).await?;
        Ok(())
    }

    /// Marks every flagged event of an account resolved (a reviewer unlocked it).
    pub async fn resolve_all(
        connection: &mut AnyConnection,
        account_id: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE events SET resolved = 1 WHERE account_id = $1 AND flagged = 1")
            .bind(account_id)
            .execute(connection)
            .await?;
        Ok(())
    }

    /// Flagged events not yet cleared.
    pub async fn unresolved_count(
        connection: &mut AnyConnection,
        account_id: &str,
    ) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM events WHERE account_id = $1 AND flagged = 1 AND resolved = 0",
        )
        .bind(account_id)
        .fetch_one(connection)
        .await
    }

    /// One event of an account.
    pub async fn event(
        connection: &mut AnyConnection,
        account_id: &str,
        event_id: &str,
    ) -> Result<Option<EventRow>, sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM events WHERE account_id = $1 AND id = $2"
        ));
        let row = sqlx::query(sql)
            .bind(account_id)
            .bind(event_id)
            .fetch_optional(connection)
            .await?;
        row.as_ref().map(event_from_row).transpose()
    }

    /// A feed page, newest first: up to `limit` events after `cursor`, with the account's state
    /// read by the same statement, so both are as of one moment (a rule commits a flagged event
    /// and its lock together); `None` when there is no such account.
    pub async fn feed(
        &self,
        account_id: &str,
        cursor: Option<&FeedCursor>,
        limit: i64,
    ) -> Result<Option<FeedRows>, sqlx::Error> {
        if let Some(readers) = &self.readers {
            let (account_id, cursor) = (account_id.to_owned(), cursor.cloned());
            return readers
                .read(move |connection| {
                    feed_on_sqlite(connection, &account_id, cursor.as_ref(), limit)
                })
                .await;
        }
        let sql = feed_sql(cursor.is_some(), '$');
        if let Some(postgres) = &self.postgres_reads {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(account_id)
                .bind(limit);
            if let Some(cursor) = cursor {
                query = query.bind(cursor.occurred_at).bind(&cursor.id);
            }
            return feed_from_rows(&query.fetch_all(postgres).await?);
        }
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(account_id)
            .bind(limit);
        if let Some(cursor) = cursor {
            query = query.bind(cursor.occurred_at).bind(&cursor.id);
        }
        feed_from_rows(&query.fetch_all(&self.pool).await?)
    }

    /// Events of some kinds within `[from, to]`, newest first.
    pub async fn events_between(
        connection: &mut AnyConnection,
        account_id: &str,
        kinds: &[EventKind],
        from: i64,
        to: i64,
    ) -> Result<Vec<EventRow>, sqlx::Error> {
        // The kinds are the enum's own fixed names, never caller text.
        let rows = sqlx::query(sqlx::AssertSqlSafe(events_between_sql(kinds)))
            .bind(account_id)
            .bind(from)
            .bind(to)
            .fetch_all(connection)
            .await?;
        rows.iter().map(event_from_row).collect()
    }

    /// Successful sign-ins of an account other than `except`, ever (up to `limit`, newest first).
    pub async fn successful_sign_in_countries(
        connection: &mut AnyConnection,
        account_id: &str,
        except: &str,
    ) -> Result<Vec<Option<String>>, sqlx::Error> {
        sqlx::query_scalar(SIGN_IN_COUNTRIES_SQL)
            .bind(account_id)
            .bind(except)
            .fetch_all(connection)
            .await
    }

    /// Whether the customer answered `mine` to a successful sign-in from `country` since
    /// `since` (a `mine` on a failed attempt confirms nothing: the attempt did not get in).
    pub async fn country_confirmed(
        connection: &mut AnyConnection,
        account_id: &str,
        country: &str,
        since: i64,
    ) -> Result<bool, sqlx::Error> {
        let count: i64 = sqlx::query_scalar(COUNTRY_CONFIRMED_SQL)
            .bind(account_id)
            .bind(country)
            .bind(since)
            .fetch_one(connection)
            .await?;
        Ok(count > 0)
    }

    /// Flagged events and events answered `not_mine`: a reviewer's evidence.
    pub async fn evidence(&self, account_id: &str) -> Result<Vec<EventRow>, sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM events WHERE account_id = $1 \
             AND (flagged = 1 OR verdict = 'not_mine' OR kind = 'state_changed') \
             ORDER BY occurred_at DESC, id DESC LIMIT 100"
        ));
        let rows = sqlx::query(sql)
            .bind(account_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(event_from_row).collect()
    }

    /// Sign-ins, orders and bookings since `since`, newest first (for the digest).
    pub async fn digest_events(
        &self,
        account_id: &str,
        since: i64,
    ) -> Result<Vec<EventRow>, sqlx::Error> {
        let sql = sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM events WHERE account_id = $1 AND occurred_at >= $2 \
             AND kind IN ('sign_in', 'order_placed', 'booking_created') \
             ORDER BY occurred_at DESC, id DESC LIMIT 500"
        ));
        let rows = sqlx::query(sql)
            .bind(account_id)
            .bind(since)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(event_from_row).collect()
    }
}
