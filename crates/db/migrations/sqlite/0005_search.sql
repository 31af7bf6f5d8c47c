-- Search: an FTS5 index over tickets.search_text (our own tokens: lowercased words and CJK
-- bigrams), external content (no second copy of the text), kept in step by triggers so
-- every writer stays correct. Marks count as letters (`categories`) so each of our tokens
-- is one FTS5 token; `remove_diacritics 2` folds accents (the application folds stored
-- and searched tokens the same way, for PostgreSQL's sake). No per-row token counts
-- (`columnsize = 0`): nothing ranks by relevance, the inbox sorts by activity.
CREATE VIRTUAL TABLE tickets_fts USING fts5 (
    search_text,
    content = 'tickets',
    content_rowid = 'id',
    columnsize = 0,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild');

CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF id, search_text ON tickets
WHEN old.id IS NOT new.id OR old.search_text IS NOT new.search_text BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO tickets_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

-- The inbox: open tickets (not resolved or closed), newest activity first. Queries spell
-- the condition exactly like this (constants, not parameters) so the planner can use them.
-- The columns the inbox filters on ride along, so a filtered walk or a capped count reads
-- the index alone (SQLite keeps no statistics to choose by; these make every choice cheap).
CREATE INDEX tickets_open_recent ON tickets (
    last_message_at, id, status, store_id, assignee_id, channel, category, urgency, language)
    WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX tickets_open_store ON tickets (store_id, last_message_at, id)
    WHERE status NOT IN ('resolved', 'closed');
-- The pool (assignee_id IS NULL) and an agent's own tickets.
CREATE INDEX tickets_open_assignee ON tickets (assignee_id, last_message_at, id)
    WHERE status NOT IN ('resolved', 'closed');
-- The earliest running SLA due time of an open ticket (for the breached / at-risk views).
CREATE INDEX tickets_open_due ON tickets (
    min(coalesce(first_response_due_at, 9223372036854775807),
        coalesce(solution_due_at, 9223372036854775807),
        coalesce(hard_due_at, 9223372036854775807)))
    WHERE status NOT IN ('resolved', 'closed');
