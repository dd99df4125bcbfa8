-- The activity service's schema, written in the SQL that SQLite and PostgreSQL share (TEXT,
-- BIGINT, ON CONFLICT): the same file migrates both. Times are unix seconds; JSON is TEXT.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    external_id TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    issuer TEXT NOT NULL,
    label TEXT NOT NULL,
    secret TEXT NOT NULL,
    state TEXT NOT NULL,
    state_reason TEXT,
    created_at BIGINT NOT NULL,
    enrolled BIGINT NOT NULL DEFAULT 0,
    last_step BIGINT NOT NULL DEFAULT -1,
    failed_streak BIGINT NOT NULL DEFAULT 0,
    blocked_until BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    ip TEXT,
    country TEXT,
    user_agent TEXT,
    outcome TEXT,
    details TEXT NOT NULL,
    flagged BIGINT NOT NULL DEFAULT 0,
    resolved BIGINT NOT NULL DEFAULT 1,
    reasons TEXT NOT NULL,
    verdict TEXT
);
CREATE INDEX events_feed ON events (account_id, occurred_at, id);
CREATE INDEX events_kind ON events (account_id, kind, occurred_at);
CREATE TABLE nonces (
    account_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, nonce)
);
CREATE INDEX nonces_seen ON nonces (seen_at);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    data TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX documents_account ON documents (account_id);
CREATE TABLE alerts_sent (
    account_id TEXT NOT NULL,
    rule TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, rule)
);
