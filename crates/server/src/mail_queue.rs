//! Sending emails through the queue in the database: [`Mailer::send`] stores the email (or, with
//! no SMTP relay configured, only logs it), and one sender task per instance hands due emails
//! to the relay with lettre, retrying with exponential backoff while the relay is down or
//! refuses for now, so an email survives a relay outage and a restart. A permanent refusal
//! (a 5xx answer) marks the email failed instead of retrying it forever, except a refused login
//! (53x: wrong password, TLS required), which is a configuration error: the email stays queued,
//! logged as an error, until the configuration is corrected.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use tokio::sync::{Notify, watch};

use crate::db::{Database, QueuedEmail};
use crate::email::{OutgoingEmail, build_message};
use crate::smtp_target::{SmtpTarget, SmtpTargetError};

/// How long a claimed email is left to its sender before another may retry it, in seconds
/// (longer than lettre's 60-second SMTP timeout).
const LEASE_SECONDS: i64 = 180;
/// Emails claimed at once.
const BATCH: i64 = 16;

/// When to try again after failures.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// The wait after the first failure, doubled after each further one.
    pub first: Duration,
    /// The longest wait.
    pub longest: Duration,
}

impl RetryPolicy {
    /// A policy from settings in seconds (the first wait at least 1 s, the longest at least the
    /// first).
    pub fn from_seconds(first: u64, longest: u64) -> Self {
        let first = first.max(1);
        Self {
            first: Duration::from_secs(first),
            longest: Duration::from_secs(longest.max(first)),
        }
    }

    /// How often a sender looks at its queue when nothing wakes it: the first wait, held to
    /// 1-10 s.
    pub fn poll_interval(&self) -> Duration {
        self.first
            .clamp(Duration::from_secs(1), Duration::from_secs(10))
    }

    /// The wait after `attempts` failed attempts (at least one).
    pub fn delay(&self, attempts: i64) -> Duration {
        let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        self.first
            .saturating_mul(2u32.saturating_pow(doublings))
            .min(self.longest)
    }
}

/// Queues emails and sends them.
#[derive(Clone)]
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Option<Mailbox>,
    db: Database,
    wake: Arc<Notify>,
    retry: RetryPolicy,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("smtp", &self.transport.is_some())
            .finish()
    }
}

/// Unix seconds now (the queues keep real time, whatever clock the rules run on).
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Mailer {
    /// A mailer for the configured target, queueing in `db`.
    pub fn new(
        target: &SmtpTarget,
        ca_file: Option<&std::path::Path>,
        from: &str,
        db: Database,
        retry: RetryPolicy,
    ) -> Result<Self, SmtpTargetError> {
        let transport = match target {
            SmtpTarget::Log => None,
            SmtpTarget::Server(server) => Some(server.transport(ca_file)?),
        };
        Ok(Self {
            transport,
            from: from.parse().ok(),
            db,
            wake: Arc::new(Notify::new()),
            retry,
        })
    }

    /// Queues an email for the sender (or logs it when no relay is configured). A queue that
    /// cannot be written is logged as an error: that email is lost.
    pub async fn send(&self, email: OutgoingEmail) {
        if self.transport.is_none() {
            tracing::info!(to = %email.to, subject = %email.subject, "email (no SMTP configured)");
            return;
        }
        match self.db.queue_email(&email, unix_now()).await {
            Ok(()) => self.wake.notify_one(),
            Err(error) => {
                tracing::error!(to = %email.to, %error, "email not queued, so not sent")
            }
        }
    }

    /// The sender: runs until `stop` turns true, sending due emails as they come.
    pub async fn run_sender(self, mut stop: watch::Receiver<bool>) {
        let Some(transport) = self.transport.clone() else {
            return;
        };
        let poll = self.retry.poll_interval();
        loop {
            if *stop.borrow() {
                return;
            }
            let now = unix_now();
            let claimed = match self.db.claim_emails(now, now + LEASE_SECONDS, BATCH).await {
                Ok(claimed) => claimed,
                Err(error) => {
                    tracing::warn!(%error, "email queue not read");
                    Vec::new()
                }
            };
            let full = claimed.len() as i64 == BATCH;
            for queued in claimed {
                self.deliver(&transport, queued).await;
            }
            if !full {
                wait_for_work(&self.wake, poll, &mut stop).await;
            }
        }
    }

    /// One attempt at one email, and what the queue keeps of it.
    async fn deliver(&self, transport: &AsyncSmtpTransport<Tokio1Executor>, queued: QueuedEmail) {
        let email = &queued.email;
        let outcome = match build_message(self.from.clone(), email) {
            Err(error) => self.db.email_failed(&queued.id, &error).await.map(|()| {
                tracing::error!(to = %email.to, %error, "email cannot be built; not retried");
            }),
            Ok(message) => match transport.send(message).await {
                Ok(_) => self.db.email_sent(&queued.id).await.map(|()| {
                    tracing::info!(to = %email.to, subject = %email.subject, "email sent");
                }),
                Err(error) if error.is_permanent() && !login_refused(&error) => {
                    let text = error.to_string();
                    self.db.email_failed(&queued.id, &text).await.map(|()| {
                        tracing::error!(to = %email.to, error = %text, "email refused by the relay; not retried");
                    })
                }
                Err(error) => {
                    let delay = self.retry.delay(queued.attempts);
                    let text = error.to_string();
                    let next = unix_now() + delay.as_secs() as i64;
                    let login = login_refused(&error);
                    self.db
                        .email_retry(&queued.id, next, &text)
                        .await
                        .map(|()| {
                            if login {
                                tracing::error!(
                                    to = %email.to,
                                    error = %text,
                                    attempts = queued.attempts,
                                    retry_in_seconds = delay.as_secs(),
                                    "the SMTP relay refused the login: check the user and \
                                     password of VIGIL_SMTP_URL; the email stays queued"
                                );
                                return;
                            }
                            tracing::warn!(
                                to = %email.to,
                                error = %text,
                                attempts = queued.attempts,
                                retry_in_seconds = delay.as_secs(),
                                "email not sent; will retry"
                            );
                        })
                }
            },
        };
        if let Err(error) = outcome {
            tracing::warn!(%error, "email queue not updated");
        }
    }
}

/// Whether the relay refused our login or our security settings (a 53x answer: 530
/// authentication or STARTTLS required, 534 mechanism too weak, 535 wrong credentials, 538
/// encryption required): a refusal of the configuration, not of the email, which is kept and
/// retried so that it goes once the configuration is corrected.
fn login_refused(error: &lettre::transport::smtp::Error) -> bool {
    use lettre::transport::smtp::response::{Category, Severity};
    error.status().is_some_and(|code| {
        code.severity == Severity::PermanentNegativeCompletion
            && code.category == Category::Unspecified3
    })
}

/// A sender's pause between two looks at its queue: until woken, `poll` passed, or `stop`.
pub async fn wait_for_work(wake: &Notify, poll: Duration, stop: &mut watch::Receiver<bool>) {
    tokio::select! {
        _ = wake.notified() => {}
        _ = tokio::time::sleep(poll) => {}
        _ = stop.changed() => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delay_doubles_up_to_the_longest() {
        let retry = RetryPolicy {
            first: Duration::from_secs(30),
            longest: Duration::from_secs(3600),
        };
        let delays: Vec<u64> = (1..=9).map(|n| retry.delay(n).as_secs()).collect();
        assert_eq!(delays, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(retry.delay(i64::MAX).as_secs(), 3600);
    }
}
