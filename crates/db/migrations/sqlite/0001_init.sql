-- crossdesk schema v1 (SQLite). Times are Unix milliseconds (UTC); money is integer minor units.
CREATE TABLE store_groups (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE stores (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    platform TEXT NOT NULL,
    region TEXT,
    currency TEXT NOT NULL,
    timezone TEXT,
    group_id BIGINT REFERENCES store_groups (id),
    carriers TEXT NOT NULL DEFAULT '[]',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT,
    merged_into BIGINT REFERENCES customers (id),
    -- Lowercased name and identity values, maintained by the application (Unicode-aware
    -- lowercase, so that both backends match alike).
    search_text TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE identities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    created_at BIGINT NOT NULL,
    UNIQUE (kind, value)
);
CREATE INDEX identities_customer ON identities (customer_id);

CREATE TABLE customer_merges (
    id INTEGER PRIMARY KEY,
    from_customer BIGINT NOT NULL REFERENCES customers (id),
    into_customer BIGINT NOT NULL REFERENCES customers (id),
    reason TEXT NOT NULL,
    at BIGINT NOT NULL
);

CREATE TABLE skus (
    id INTEGER PRIMARY KEY,
    store_id BIGINT NOT NULL REFERENCES stores (id),
    sku TEXT NOT NULL,
    title TEXT NOT NULL,
    cost TEXT,
    price TEXT,
    UNIQUE (store_id, sku)
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    store_id BIGINT NOT NULL REFERENCES stores (id),
    number TEXT NOT NULL,
    customer_id BIGINT REFERENCES customers (id),
    currency TEXT NOT NULL,
    total_minor BIGINT NOT NULL,
    total_usd_cents BIGINT NOT NULL,
    incoterm TEXT,
    destination_country TEXT,
    placed_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (store_id, number)
);
CREATE INDEX orders_number ON orders (number);
CREATE INDEX orders_customer ON orders (customer_id, placed_at);

CREATE TABLE line_items (
    id INTEGER PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    sku TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    price_minor BIGINT NOT NULL,
    UNIQUE (order_id, position)
);

CREATE TABLE shipments (
    id INTEGER PRIMARY KEY,
    store_id BIGINT NOT NULL REFERENCES stores (id),
    order_id BIGINT NOT NULL REFERENCES orders (id),
    carrier TEXT NOT NULL,
    tracking_number TEXT NOT NULL UNIQUE,
    warehouse TEXT,
    promised_by BIGINT,
    status TEXT,
    status_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX shipments_order ON shipments (order_id);

CREATE TABLE tracking_events (
    id INTEGER PRIMARY KEY,
    shipment_id BIGINT NOT NULL REFERENCES shipments (id),
    tag TEXT NOT NULL,
    subtag TEXT,
    message TEXT NOT NULL,
    location TEXT,
    at BIGINT NOT NULL,
    UNIQUE (shipment_id, at, tag, message)
);

CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    store_id BIGINT REFERENCES stores (id),
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    order_id BIGINT REFERENCES orders (id),
    channel TEXT NOT NULL,
    visibility TEXT NOT NULL,
    subject TEXT,
    status TEXT NOT NULL,
    category TEXT NOT NULL,
    urgency TEXT NOT NULL,
    language TEXT NOT NULL,
    sentiment DOUBLE PRECISION NOT NULL,
    assignee_id BIGINT,
    message_count BIGINT NOT NULL,
    first_message_at BIGINT NOT NULL,
    last_message_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    search_text TEXT NOT NULL
);
CREATE INDEX tickets_recent ON tickets (last_message_at, id);
CREATE INDEX tickets_status ON tickets (status, last_message_at, id);
CREATE INDEX tickets_store ON tickets (store_id, last_message_at, id);
CREATE INDEX tickets_customer ON tickets (customer_id, status);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    customer_id BIGINT REFERENCES customers (id),
    channel TEXT NOT NULL,
    external_id TEXT NOT NULL,
    direction TEXT NOT NULL,
    kind TEXT NOT NULL,
    visibility TEXT NOT NULL,
    author_handle TEXT,
    author_name TEXT,
    author_email TEXT,
    author_buyer_id TEXT,
    author_followers BIGINT,
    subject TEXT,
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    category TEXT NOT NULL,
    urgency TEXT NOT NULL,
    sentiment DOUBLE PRECISION NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    pii BIGINT NOT NULL,
    entities TEXT NOT NULL,
    attachments TEXT NOT NULL,
    in_reply_to TEXT,
    order_ref TEXT,
    sent_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    UNIQUE (channel, external_id)
);
CREATE INDEX messages_ticket ON messages (ticket_id, sent_at);

CREATE TABLE ticket_events (
    id INTEGER PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    at BIGINT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id BIGINT,
    kind TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);
