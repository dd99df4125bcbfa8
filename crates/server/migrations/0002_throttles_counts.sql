-- Failed codes are throttled per account and source (smart lockout): one bucket for the places
-- the customer signed in from before, one per unfamiliar place. Repeated failed sign-ins are
-- one event with a count. Documents keep their TEXT column (now sealed, `v1:` + base64url).
CREATE TABLE failure_buckets (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    source TEXT NOT NULL,
    failed_streak BIGINT NOT NULL DEFAULT 0,
    blocked_until BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, source)
);
ALTER TABLE events ADD COLUMN repeat_count BIGINT NOT NULL DEFAULT 1;
