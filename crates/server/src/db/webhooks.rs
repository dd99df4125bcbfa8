//! Queries on `webhook_events`: what the site is told, kept until its webhook answers 2xx and
//! afterwards for polling (`GET /v1/webhook-events`). Claimed like the email queue
//! ([`super::email_queue`]): one `UPDATE … RETURNING` pushes the next attempt past a lease (rows
//! picked `FOR UPDATE SKIP LOCKED` on PostgreSQL), so two instances never send one event at once
//! and a sender that dies mid-send leaves it to be retried when the lease ends.

use sqlx::{AnyConnection, Row};
use vigil_core::activity::WebhookEvent;

use super::Database;

/// A claimed webhook event.
#[derive(Debug, Clone)]
pub struct QueuedWebhook {
    /// The event's id.
    pub id: String,
    /// The JSON body, as stored when it happened.
    pub body: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

impl Database {
    /// Queues an event for the site (due at once), in the transaction that made it happen. The
    /// queue keeps real time (as the sender does), whatever clock the rules run on.
    pub async fn queue_webhook(
        connection: &mut AnyConnection,
        event: &WebhookEvent,
    ) -> Result<(), sqlx::Error> {
        let now = crate::mail_queue::unix_now();
        let body =
            serde_json::to_string(event).map_err(|error| sqlx::Error::Encode(Box::new(error)))?;
        sqlx::query(
            "INSERT INTO webhook_events (id, account_id, kind, body, created_at, next_attempt_at) \
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(&event.id)
        .bind(&event.account)
        .bind(event.kind.as_str())
        .bind(body)
        .bind(now)
        .execute(connection)
        .await?;
        Ok(())
    }

    /// Claims up to `limit` undelivered events due by `now` until `lease_until`, oldest first.
    pub async fn claim_webhooks(
        &self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<QueuedWebhook>, sqlx::Error> {
        let rows = self
            .claim_due(
                "webhook_events",
                "delivered = 0",
                "created_at, id",
                "id, body, attempts, created_at",
                now,
                lease_until,
                limit,
            )
            .await?;
        let mut claimed = rows
            .iter()
            .map(|row| {
                let created_at: i64 = row.try_get("created_at")?;
                let queued = QueuedWebhook {
                    id: row.try_get("id")?,
                    body: row.try_get("body")?,
                    attempts: row.try_get("attempts")?,
                };
                Ok((created_at, queued))
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        // RETURNING keeps no order: oldest first, as they happened.
        claimed.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
        Ok(claimed.into_iter().map(|(_, queued)| queued).collect())
    }

    /// The site answered 2xx: delivered (kept for polling).
    pub async fn webhook_delivered(&self, id: &str, now: i64) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE webhook_events SET delivered = 1, delivered_at = $2, last_error = NULL \
             WHERE id = $1",
        )
        .bind(id)
        .bind(now)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// The site did not take it: next attempt at `next_attempt_at`.
    pub async fn webhook_retry(
        &self,
        id: &str,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), sqlx::Error> {
        self.reschedule("webhook_events", id, next_attempt_at, error)
            .await
    }

    /// Removes the delivered events delivered before `before` (unix seconds); gives how many.
    pub async fn forget_delivered_webhooks(&self, before: i64) -> Result<u64, sqlx::Error> {
        let result =
            sqlx::query("DELETE FROM webhook_events WHERE delivered = 1 AND delivered_at < $1")
                .bind(before)
                .execute(&self.writer)
                .await?;
        Ok(result.rows_affected())
    }

    /// Events not delivered yet.
    pub async fn webhook_backlog(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM webhook_events WHERE delivered = 0")
            .fetch_one(&self.pool)
            .await
    }

    /// Attempts made at one event so far, and whether it was delivered.
    pub async fn webhook_attempts(&self, id: &str) -> Result<Option<(i64, bool)>, sqlx::Error> {
        let row = sqlx::query("SELECT attempts, delivered FROM webhook_events WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok((
                row.try_get("attempts")?,
                row.try_get::<i64, _>("delivered")? != 0,
            ))
        })
        .transpose()
    }

    /// Up to `limit` events after the event `after` (or from the first), oldest first; `None`
    /// when `after` names no event.
    pub async fn webhook_events_after(
        &self,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Option<Vec<WebhookEvent>>, sqlx::Error> {
        let rows = match after {
            None => {
                sqlx::query("SELECT body FROM webhook_events ORDER BY created_at, id LIMIT $1")
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?
            }
            Some(after) => {
                let cursor: Option<i64> =
                    sqlx::query_scalar("SELECT created_at FROM webhook_events WHERE id = $1")
                        .bind(after)
                        .fetch_optional(&self.pool)
                        .await?;
                let Some(created_at) = cursor else {
                    return Ok(None);
                };
                sqlx::query(
                    "SELECT body FROM webhook_events \
                     WHERE created_at > $1 OR (created_at = $1 AND id > $2) \
                     ORDER BY created_at, id LIMIT $3",
                )
                .bind(created_at)
                .bind(after)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?
            }
        };
        rows.iter()
            .map(|row| {
                let body: String = row.try_get("body")?;
                serde_json::from_str(&body).map_err(|error| sqlx::Error::ColumnDecode {
                    index: "body".into(),
                    source: Box::new(error),
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }
}
