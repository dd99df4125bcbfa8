//! Queries on `email_queue`: emails waiting for the relay. A sender claims due rows with one
//! `UPDATE … RETURNING` that pushes their next attempt past a lease (on PostgreSQL the rows are
//! picked `FOR UPDATE SKIP LOCKED`, and the `UPDATE` re-checks that they are still due), so two
//! instances never send the same row at once, and a sender that dies mid-send leaves the row to
//! be retried once its lease ends.

use sqlx::Row;

use super::Database;
use crate::email::OutgoingEmail;

/// A claimed email.
#[derive(Debug, Clone)]
pub struct QueuedEmail {
    /// The row's id.
    pub id: String,
    /// The email.
    pub email: OutgoingEmail,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

impl Database {
    /// Queues an email, due at once.
    pub async fn queue_email(&self, email: &OutgoingEmail, now: i64) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO email_queue \
             (id, recipient, subject, text_body, html_body, queued_at, next_attempt_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(&email.to)
        .bind(&email.subject)
        .bind(&email.text)
        .bind(&email.html)
        .bind(now)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Claims up to `limit` due emails until `lease_until`, oldest due first.
    pub async fn claim_emails(
        &self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<QueuedEmail>, sqlx::Error> {
        let rows = self
            .claim_due(
                "email_queue",
                "failed = 0",
                "next_attempt_at",
                "id, recipient, subject, text_body, html_body, attempts",
                now,
                lease_until,
                limit,
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(QueuedEmail {
                    id: row.try_get("id")?,
                    email: OutgoingEmail {
                        to: row.try_get("recipient")?,
                        subject: row.try_get("subject")?,
                        text: row.try_get("text_body")?,
                        html: row.try_get("html_body")?,
                    },
                    attempts: row.try_get("attempts")?,
                })
            })
            .collect()
    }

    /// The relay took the email: it leaves the queue.
    pub async fn email_sent(&self, id: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM email_queue WHERE id = $1")
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// The relay could not take it now: next attempt at `next_attempt_at`.
    pub async fn email_retry(
        &self,
        id: &str,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), sqlx::Error> {
        self.reschedule("email_queue", id, next_attempt_at, error)
            .await
    }

    /// The relay refused it for good (e.g. no such recipient): kept, marked failed.
    pub async fn email_failed(&self, id: &str, error: &str) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE email_queue SET failed = 1, last_error = $2 WHERE id = $1")
            .bind(id)
            .bind(error)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Emails waiting to be sent (not failed for good).
    pub async fn email_queue_depth(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM email_queue WHERE failed = 0")
            .fetch_one(&self.pool)
            .await
    }
}
