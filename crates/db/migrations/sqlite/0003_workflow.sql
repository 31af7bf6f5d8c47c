-- Teams, agents and their access; sessions and API tokens (stored hashed); SLA policies;
-- the SLA clocks and routing of each ticket; the outbox of replies to send.
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    -- IANA zone of the business hours.
    timezone TEXT NOT NULL DEFAULT 'UTC',
    -- JSON: {"mon": [["09:00","18:00"]], …}; '{}' means around the clock.
    hours TEXT NOT NULL DEFAULT '{}',
    -- JSON list of ISO dates.
    holidays TEXT NOT NULL DEFAULT '[]',
    -- JSON list of the categories the team handles; '[]' means every category.
    categories TEXT NOT NULL DEFAULT '[]',
    -- off | out_of_hours: answer new private messages outside the hours automatically.
    auto_reply TEXT NOT NULL DEFAULT 'off',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE agents (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    -- agent | lead | specialist | admin
    role TEXT NOT NULL,
    team_id BIGINT REFERENCES teams (id),
    -- JSON lists: languages answered in, categories handled (skills).
    languages TEXT NOT NULL DEFAULT '[]',
    categories TEXT NOT NULL DEFAULT '[]',
    -- Interface language (en, zh).
    locale TEXT NOT NULL DEFAULT 'en',
    -- argon2id PHC string; NULL: cannot log in with a password.
    password_hash TEXT,
    max_open BIGINT NOT NULL DEFAULT 25,
    on_call BIGINT NOT NULL DEFAULT 0,
    -- 1: sees every store (admins always do).
    all_stores BIGINT NOT NULL DEFAULT 0,
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The stores and store groups an agent may see.
CREATE TABLE agent_scopes (
    id INTEGER PRIMARY KEY,
    agent_id BIGINT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    store_id BIGINT REFERENCES stores (id),
    group_id BIGINT REFERENCES store_groups (id),
    UNIQUE (agent_id, store_id, group_id)
);
CREATE INDEX agent_scopes_agent ON agent_scopes (agent_id);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    -- SHA-256 of the cookie's token, hex.
    token_hash TEXT NOT NULL UNIQUE,
    agent_id BIGINT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    -- The CSRF token the pages echo in a header (not a credential on its own).
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    -- SHA-256 of the token, hex.
    token_hash TEXT NOT NULL UNIQUE,
    -- The agent the token acts as: it sees that agent's stores, never more.
    agent_id BIGINT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    -- JSON list of permissions: read, write, inbound, admin.
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    last_used_at BIGINT,
    revoked_at BIGINT
);

-- SLA targets, in minutes, for a scope (default, team, group or store; the most specific
-- wins), a channel class (social, marketplace, direct, any) and an urgency (or any).
CREATE TABLE sla_policies (
    id INTEGER PRIMARY KEY,
    scope_kind TEXT NOT NULL,
    scope_key TEXT NOT NULL DEFAULT '',
    channel_class TEXT NOT NULL,
    urgency TEXT NOT NULL,
    first_response_mins BIGINT NOT NULL,
    first_response_target_mins BIGINT,
    -- always | business
    calendar TEXT NOT NULL,
    hard_limit_mins BIGINT,
    solution_mins BIGINT NOT NULL,
    update_mins BIGINT NOT NULL,
    escalate_mins BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (scope_kind, scope_key, channel_class, urgency)
);

-- The workflow's view of a ticket.
ALTER TABLE tickets ADD COLUMN team_id BIGINT REFERENCES teams (id);
ALTER TABLE tickets ADD COLUMN sla TEXT;
ALTER TABLE tickets ADD COLUMN first_response_due_at BIGINT;
ALTER TABLE tickets ADD COLUMN first_responded_at BIGINT;
ALTER TABLE tickets ADD COLUMN solution_due_at BIGINT;
ALTER TABLE tickets ADD COLUMN solution_at BIGINT;
ALTER TABLE tickets ADD COLUMN hard_due_at BIGINT;
ALTER TABLE tickets ADD COLUMN escalated_at BIGINT;
ALTER TABLE tickets ADD COLUMN resolved_at BIGINT;
ALTER TABLE tickets ADD COLUMN closed_at BIGINT;
CREATE INDEX tickets_assignee ON tickets (assignee_id, status);

-- Everything crossdesk sends goes through here first; a connector sends each row once.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    ticket_id BIGINT REFERENCES tickets (id),
    message_id BIGINT REFERENCES messages (id),
    -- reply | auto_reply | survey
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    visibility TEXT NOT NULL,
    -- JSON: who receives it (handle, e-mail, buyer id, the message answered).
    recipient TEXT NOT NULL,
    body TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    -- pending | sending | sent | failed
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_pending ON outbox (status, id);
CREATE INDEX outbox_ticket ON outbox (ticket_id);
