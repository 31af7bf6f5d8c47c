-- Satisfaction surveys: one per ticket, sent after it closes and answered once through a
-- signed link. `settings` holds values every node on one database shares, such as the
-- secret that signs survey links (key `signing_secret`, hex).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE surveys (
    ticket_id BIGINT PRIMARY KEY REFERENCES tickets (id),
    -- The ticket's language when the survey was sent: the page speaks it.
    language TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    -- 1..5; NULL until answered.
    rating BIGINT,
    comment TEXT,
    answered_at BIGINT
);
