-- Sessions (issue 18): the site's sessions as its sign_in and sign_out events (and accepted
-- codes) name them, the customer's "Secure my account", and the webhook events for the site,
-- kept until delivered (retried with backoff, also after a restart) and listed for polling.
CREATE TABLE sessions (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    id TEXT NOT NULL,
    state TEXT NOT NULL,
    user_agent TEXT,
    ip TEXT,
    country TEXT,
    started_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    ended_at BIGINT,
    sign_in_event_id TEXT,
    code_verified_at BIGINT,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX sessions_by_start ON sessions (account_id, started_at);
CREATE TABLE account_security (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id),
    password_reset_required BIGINT NOT NULL DEFAULT 0,
    secured_at BIGINT
);
CREATE TABLE webhook_events (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    delivered BIGINT NOT NULL DEFAULT 0,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    delivered_at BIGINT,
    last_error TEXT
);
CREATE INDEX webhook_events_due ON webhook_events (delivered, next_attempt_at);
CREATE INDEX webhook_events_order ON webhook_events (created_at, id);
