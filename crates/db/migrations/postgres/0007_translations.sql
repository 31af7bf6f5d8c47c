-- Machine translations of messages, kept so that a message is translated once per target
-- language (translation services bill by the character). `target` is the language code as
-- asked for (`en`, `zh`, `pt-BR`…); `source_language` is what the service detected.
CREATE TABLE translations (
    message_id BIGINT NOT NULL REFERENCES messages (id),
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    source_language TEXT,
    -- deepl | libretranslate
    provider TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (message_id, target)
);
