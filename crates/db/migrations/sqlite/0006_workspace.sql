-- Workspace: agents' label corrections (kept to retrain triage), saved inbox views, and the
-- names the social monitor watches for.

-- One row per label an agent corrected: the message whose label it was, the value before and
-- after, and the language of the message's text (after the correction).
CREATE TABLE label_corrections (
    id INTEGER PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    message_id BIGINT NOT NULL REFERENCES messages (id),
    agent_id BIGINT REFERENCES agents (id),
    -- category | urgency | language
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    language TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX label_corrections_at ON label_corrections (at, message_id);
CREATE INDEX label_corrections_message ON label_corrections (message_id, id);

-- An agent's named inbox filters: `query` is the inbox's URL query string.
CREATE TABLE saved_views (
    id INTEGER PRIMARY KEY,
    agent_id BIGINT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (agent_id, name)
);

-- Brand watch: the configured terms in their listed order (the list is replaced whole).
CREATE TABLE watch_terms (
    id INTEGER PRIMARY KEY,
    position BIGINT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    -- brand | product | competitor
    kind TEXT NOT NULL,
    -- JSON list of other spellings.
    aliases TEXT NOT NULL DEFAULT '[]',
    exact BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL
);

-- The monitor's walk: the newest public customer posts of a channel.
CREATE INDEX messages_public_in ON messages (channel, sent_at, id)
    WHERE visibility = 'public' AND direction = 'in';
