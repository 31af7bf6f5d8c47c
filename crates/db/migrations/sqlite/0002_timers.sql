-- Durable timers: SLA checks, follow-ups, auto-close, surveys. A timer is claimed with a
-- lease (owner, until); the claimant marks it fired; an expired lease is claimable again.
CREATE TABLE timers (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    -- Scheduling the same key twice schedules it once.
    key TEXT NOT NULL UNIQUE,
    ticket_id BIGINT REFERENCES tickets (id),
    due_at BIGINT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    lease_owner TEXT,
    lease_until BIGINT,
    attempts BIGINT NOT NULL DEFAULT 0,
    fired_at BIGINT,
    fired_by TEXT
);
CREATE INDEX timers_pending ON timers (due_at, id) WHERE fired_at IS NULL;
