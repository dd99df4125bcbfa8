-- Emails wait here until the relay takes them (issue 19, point 3): a relay that is down or
-- refuses for a while gets them later, also after a restart, from any instance. A row is
-- deleted once sent; a relay's permanent refusal marks it failed (kept for the operator).
CREATE TABLE email_queue (
    id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    queued_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    failed BIGINT NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX email_queue_due ON email_queue (failed, next_attempt_at);
