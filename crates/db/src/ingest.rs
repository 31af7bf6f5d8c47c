//! Batch intake: a batch of triaged inbound messages becomes stored messages on threaded
//! tickets, with customers resolved and every ticket change written as a ticket event, in
//! one transaction. Lookups are set-based (a handful of statements per batch, not per
//! message); the decisions are the domain's (`threading::place`, `threading::absorb`).

use crate::customers::{Claim, CustomerBook};
use crate::sql::{RowExt, Val, insert_rows, ms, parse_stored, query_with, select_in, time};
use crate::{Db, DbError};
use chrono::{DateTime, Utc};
use crossdesk_domain::inbound::Inbound;
use crossdesk_domain::model::{
    ActorKind, Category, Channel, Direction, IdentityKind, MessageKind, TicketStatus, Urgency,
};
use crossdesk_domain::text::search_text;
use crossdesk_domain::threading::{
    EventDraft, EventKind, OpenTicket, OrderLink, Placement, PlacementFacts, TicketState, absorb,
    place,
};
use crossdesk_domain::triage::{Triage, TriageConfig, urgency_for_order_value};
use serde_json::json;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// A message ready to be stored: validated, triaged, its store resolved, and the values
/// derived from it alone (search tokens, subject line, JSON columns) computed up front, on
/// the caller's task, so the single writer only does what needs the database.
#[derive(Debug, Clone)]
pub struct IngestItem {
    /// The message.
    pub inbound: Inbound,
    /// Triage's verdict on it.
    pub triage: Triage,
    /// The id of `inbound.store`, resolved by the caller.
    pub store_id: Option<i64>,
    /// The stores a store-scoped credential may reach: threading links only orders and
    /// joins only tickets of these (`None`: any store).
    pub scope: Option<Vec<i64>>,
    pub(crate) derived: Derived,
}

#[derive(Debug, Clone)]
pub(crate) struct Derived {
    pub(crate) search: String,
    pub(crate) headline: String,
    pub(crate) entities: String,
    pub(crate) attachments: String,
}

impl IngestItem {
    /// The `messages` row for this item, in [`MESSAGE_COLUMNS`] order.
    pub(crate) fn message_row(
        &self,
        id: i64,
        ticket_id: i64,
        customer_id: Option<i64>,
        now_ms: i64,
    ) -> Vec<Val> {
        let (m, t) = (&self.inbound, &self.triage);
        vec![
            Val::from(id),
            Val::from(ticket_id),
            Val::from(customer_id),
            Val::from(m.channel.as_str()),
            Val::from(m.external_id.as_str()),
            Val::from(Direction::Inbound.as_str()),
            Val::from(MessageKind::Reply.as_str()),
            Val::from(m.visibility.as_str()),
            Val::from(m.author.handle.clone()),
            Val::from(m.author.name.clone()),
            Val::from(m.author.email.clone()),
            Val::from(m.author.buyer_id.clone()),
            Val::from(m.author.followers.map(|f| f.min(i64::MAX as u64) as i64)),
            Val::from(m.subject.clone()),
            Val::from(m.text.as_str()),
            Val::from(t.language.as_str()),
            Val::from(t.category.as_str()),
            Val::from(t.urgency.as_str()),
            Val::from(f64::from(t.sentiment)),
            Val::from(f64::from(t.confidence)),
            Val::from(i64::from(t.pii)),
            Val::from(self.derived.entities.clone()),
            Val::from(self.derived.attachments.clone()),
            Val::from(m.in_reply_to.clone()),
            Val::from(m.order_ref.clone()),
            Val::from(ms(m.sent_at)),
            Val::from(now_ms),
        ]
    }

    /// Prepares a message for [`Db::ingest`].
    pub fn new(inbound: Inbound, triage: Triage, store_id: Option<i64>) -> Self {
        let m = &inbound;
        let derived = Derived {
            // Folded like the search index folds (see `search`).
            search: crate::search::fold(&search_text(&[
                m.subject.as_deref().unwrap_or_default(),
                &m.text,
                m.author.handle.as_deref().unwrap_or_default(),
                m.author.name.as_deref().unwrap_or_default(),
                m.author.email.as_deref().unwrap_or_default(),
                m.order_ref.as_deref().unwrap_or_default(),
            ])),
            headline: m.subject.clone().unwrap_or_else(|| headline(&m.text)),
            entities: serde_json::to_string(&triage.entities).unwrap_or_else(|_| "{}".into()),
            attachments: serde_json::to_string(&m.attachments).unwrap_or_else(|_| "[]".into()),
        };
        Self {
            inbound,
            triage,
            store_id,
            scope: None,
            derived,
        }
    }
}

/// What intake did with one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum IngestOutcome {
    /// Stored on a ticket.
    Stored {
        /// The new message.
        message_id: i64,
        /// Its ticket.
        ticket_id: i64,
        /// The customer it was attributed to.
        customer_id: i64,
        /// Whether the ticket was opened by this message.
        ticket_created: bool,
    },
    /// Already stored earlier (same channel and external id); nothing changed.
    Duplicate {
        /// The message stored earlier.
        message_id: i64,
        /// Its ticket.
        ticket_id: i64,
    },
}

#[derive(Debug, Clone)]
struct OrderRow {
    id: i64,
    store_id: i64,
    number: String,
    customer_id: Option<i64>,
    usd_cents: i64,
}

/// A ticket touched by the batch: stored (positive id) or new (negative temporary id).
#[derive(Debug)]
struct TicketWork {
    id: i64,
    state: TicketState,
    customer_id: i64,
    store_id: Option<i64>,
    added: i64,
    last_message_at: DateTime<Utc>,
    sentiment: f64,
    search: String,
    created: Option<NewTicket>,
    changed: bool,
}

#[derive(Debug)]
struct NewTicket {
    channel: &'static str,
    visibility: &'static str,
    subject: String,
    language: String,
    first_message_at: DateTime<Utc>,
    author: Option<String>,
}

struct Event {
    ticket: i64,
    actor: ActorKind,
    actor_customer: Option<i64>,
    draft: EventDraft,
}

fn claims_of(m: &Inbound) -> Vec<Claim> {
    let mut claims = Vec::with_capacity(3);
    if let Some(h) = &m.author.handle {
        claims.push(Claim::new(IdentityKind::Handle, h.clone()));
    }
    if let Some(e) = &m.author.email {
        claims.push(Claim::new(IdentityKind::Email, e.clone()));
    }
    if let Some(b) = &m.author.buyer_id {
        claims.push(Claim::new(
            IdentityKind::BuyerId,
            format!("{}:{b}", m.buyer_platform()),
        ));
    }
    claims
}

fn ticket_state_row(
    row: &sqlx::any::AnyRow,
) -> Result<(OpenTicket, TicketWork, TicketStatus), DbError> {
    // Columns: id, customer_id, store_id, order_id, status, category, urgency,
    // last_message_at, sentiment.
    let status = parse_stored(&row.text(4)?, TicketStatus::parse, "ticket status")?;
    let state = TicketState {
        status,
        category: parse_stored(&row.text(5)?, Category::parse, "category")?,
        urgency: parse_stored(&row.text(6)?, Urgency::parse, "urgency")?,
        order_id: row.opt_int(3)?,
    };
    let open = OpenTicket {
        id: row.int(0)?,
        store_id: row.opt_int(2)?,
        order_id: state.order_id,
        last_message_at: time(row.int(7)?),
    };
    let work = TicketWork {
        id: open.id,
        state,
        customer_id: row.int(1)?,
        store_id: open.store_id,
        added: 0,
        last_message_at: open.last_message_at,
        sentiment: row.real(8)?,
        search: String::new(),
        created: None,
        changed: false,
    };
    Ok((open, work, status))
}

/// Columns intake writes to `tickets`, in row order.
pub(crate) const TICKET_COLUMNS_INSERT: &[&str] = &[
    "id",
    "store_id",
    "customer_id",
    "order_id",
    "channel",
    "visibility",
    "subject",
    "status",
    "category",
    "urgency",
    "language",
    "sentiment",
    "message_count",
    "first_message_at",
    "last_message_at",
    "created_at",
    "updated_at",
    "search_text",
];

/// Columns intake writes to `messages`, in row order.
pub(crate) const MESSAGE_COLUMNS: &[&str] = &[
    "id",
    "ticket_id",
    "customer_id",
    "channel",
    "external_id",
    "direction",
    "kind",
    "visibility",
    "author_handle",
    "author_name",
    "author_email",
    "author_buyer_id",
    "author_followers",
    "subject",
    "text",
    "language",
    "category",
    "urgency",
    "sentiment",
    "confidence",
    "pii",
    "entities",
    "attachments",
    "in_reply_to",
    "order_ref",
    "sent_at",
    "received_at",
];

/// Columns intake writes to `ticket_events`, in row order.
pub(crate) const EVENT_COLUMNS: &[&str] =
    &["ticket_id", "at", "actor_kind", "actor_id", "kind", "data"];

const TICKET_COLUMNS: &str =
    "id, customer_id, store_id, order_id, status, category, urgency, last_message_at, sentiment";

impl Db {
    /// Stores a batch of triaged messages, threading each onto a ticket. Idempotent on
    /// `(channel, external_id)`: a message seen before comes back as
    /// [`IngestOutcome::Duplicate`] and changes nothing. All or nothing: on error, nothing
    /// of the batch is written.
    #[tracing::instrument(skip_all, fields(batch = items.len()))]
    pub async fn ingest(
        &self,
        items: &[IngestItem],
        config: &TriageConfig,
        now: DateTime<Utc>,
    ) -> Result<Vec<IngestOutcome>, DbError> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        let mut tx = self.begin_write().await?;
        let outcomes = self.ingest_in(&mut tx, items, config, now).await?;
        tx.commit().await?;
        Ok(outcomes)
    }

    async fn ingest_in(
        &self,
        conn: &mut AnyConnection,
        items: &[IngestItem],
        config: &TriageConfig,
        now: DateTime<Utc>,
    ) -> Result<Vec<IngestOutcome>, DbError> {
        let now_ms = ms(now);
        let self_backend = self.backend();
        let for_update = self_backend.for_update();

        // 1. Messages already stored: duplicates, and the parents of replies.
        let mut keys: Vec<Vec<Val>> = Vec::new();
        for it in items {
            let ch = it.inbound.channel.as_str();
            keys.push(vec![
                Val::from(ch),
                Val::from(it.inbound.external_id.as_str()),
            ]);
            if let Some(parent) = &it.inbound.in_reply_to {
                keys.push(vec![Val::from(ch), Val::from(parent.as_str())]);
            }
        }
        let stored: HashMap<(String, String), (i64, i64)> = select_in(
            conn,
            self_backend,
            "SELECT m.channel, m.external_id, m.id, m.ticket_id FROM messages m \
             JOIN (VALUES {}) AS k ON m.channel = k.column1 AND m.external_id = k.column2",
            keys,
            |r| Ok(((r.text(0)?, r.text(1)?), (r.int(2)?, r.int(3)?))),
        )
        .await?
        .into_iter()
        .collect();

        // 2. Customers.
        let claims: Vec<Vec<Claim>> = items.iter().map(|it| claims_of(&it.inbound)).collect();
        let mut book = CustomerBook::load(conn, self_backend, claims.iter().flatten()).await?;
        let mut first_of: HashMap<(&str, &str), usize> = HashMap::new();
        let mut customer = vec![0i64; items.len()];
        for (i, it) in items.iter().enumerate() {
            let key = (it.inbound.channel.as_str(), it.inbound.external_id.as_str());
            let dup = stored.contains_key(&(key.0.to_string(), key.1.to_string()))
                || first_of.contains_key(&key);
            if !dup {
                first_of.insert(key, i);
                customer[i] = book.claim(&claims[i], it.inbound.author.name.as_deref());
            }
        }

        // 3. Orders the messages name, by number or by tracking number.
        let mut groups: HashMap<i64, Option<i64>> = HashMap::new();
        for r in sqlx::query("SELECT id, group_id FROM stores")
            .fetch_all(&mut *conn)
            .await?
        {
            groups.insert(r.int(0)?, r.opt_int(1)?);
        }
        let mut numbers: Vec<Vec<Val>> = Vec::new();
        let mut trackings: Vec<Vec<Val>> = Vec::new();
        for it in items {
            numbers.extend(
                it.inbound
                    .order_ref
                    .iter()
                    .map(|n| vec![Val::from(n.as_str())]),
            );
            numbers.extend(
                it.triage
                    .entities
                    .order_numbers
                    .iter()
                    .map(|n| vec![Val::from(n.as_str())]),
            );
            trackings.extend(
                it.triage
                    .entities
                    .tracking_numbers
                    .iter()
                    .map(|n| vec![Val::from(n.as_str())]),
            );
        }
        let order_cols = "id, store_id, number, customer_id, total_usd_cents";
        let order_row = |r: &sqlx::any::AnyRow| {
            Ok(OrderRow {
                id: r.int(0)?,
                store_id: r.int(1)?,
                number: r.text(2)?,
                customer_id: r.opt_int(3)?,
                usd_cents: r.int(4)?,
            })
        };
        let mut by_number: HashMap<String, Vec<OrderRow>> = HashMap::new();
        for o in select_in(
            conn,
            self_backend,
            &format!("SELECT {order_cols} FROM orders WHERE number IN ({{}})"),
            numbers,
            order_row,
        )
        .await?
        {
            by_number.entry(o.number.clone()).or_default().push(o);
        }
        let mut by_tracking: HashMap<String, OrderRow> = HashMap::new();
        let tracked: Vec<(String, OrderRow)> = select_in(conn, self_backend,
            "SELECT s.tracking_number, o.id, o.store_id, o.number, o.customer_id, o.total_usd_cents \
             FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.tracking_number IN ({})",
            trackings,
            |r| {
                Ok((r.text(0)?, OrderRow {
                    id: r.int(1)?,
                    store_id: r.int(2)?,
                    number: r.text(3)?,
                    customer_id: r.opt_int(4)?,
                    usd_cents: r.int(5)?,
                }))
            },
        )
        .await?;
        by_tracking.extend(tracked);
        let group_of = |store: i64| groups.get(&store).copied().flatten();
        let mut evidence: Vec<Option<OrderRow>> = vec![None; items.len()];
        for (i, it) in items.iter().enumerate() {
            if customer[i] == 0 {
                continue;
            }
            // (order, strong): strong evidence identifies one order beyond doubt — the
            // channel's own order reference, a tracking number, or a long marketplace number;
            // a short shop number such as `#1001` from free text is not.
            let mut candidates: Vec<(&OrderRow, bool)> = Vec::new();
            if let Some(n) = &it.inbound.order_ref {
                candidates.extend(by_number.get(n).into_iter().flatten().map(|o| (o, true)));
            }
            for n in &it.triage.entities.order_numbers {
                let long = n.chars().filter(char::is_ascii_digit).count() >= 10;
                candidates.extend(by_number.get(n).into_iter().flatten().map(|o| (o, long)));
            }
            candidates.extend(
                it.triage
                    .entities
                    .tracking_numbers
                    .iter()
                    .filter_map(|t| by_tracking.get(t))
                    .map(|o| (o, true)),
            );
            if let Some(scope) = &it.scope {
                candidates.retain(|(o, _)| scope.contains(&o.store_id));
            }
            let rank = |o: &OrderRow, strong: bool| match it.store_id {
                Some(s) if s == o.store_id => Some(0),
                Some(s)
                    if strong && group_of(s).is_some() && group_of(s) == group_of(o.store_id) =>
                {
                    Some(1)
                }
                None if strong => Some(2),
                _ => None,
            };
            let mut ranked: Vec<(u8, i64, &OrderRow, bool)> = candidates
                .into_iter()
                .filter_map(|(o, strong)| rank(o, strong).map(|r| (r, o.id, o, strong)))
                .collect();
            ranked.sort_by_key(|(r, id, _, strong)| (*r, !*strong, *id));
            let best = ranked.first().map(|(r, ..)| *r);
            let mut at_best = ranked.iter().filter(|(r, ..)| Some(*r) == best);
            let Some(&(_, _, order, strong)) = at_best.next() else {
                continue;
            };
            if at_best.any(|(_, id, ..)| *id != order.id) {
                continue; // two different orders match equally well: link neither
            }
            // Only strong evidence ties the writer to the order's buyer (and merges them).
            if strong && let Some(owner) = order.customer_id {
                customer[i] = book.merge(customer[i], owner, &format!("order {}", order.number));
            }
            evidence[i] = Some(order.clone());
        }

        // 4. The tickets and latest orders of the customers involved.
        let mut customers: Vec<i64> = customer
            .iter()
            .map(|&c| book.find(c))
            .chain(book.merged_away())
            .filter(|&c| c > 0)
            .collect();
        customers.sort_unstable();
        customers.dedup();
        let id_keys = |ids: &[i64]| ids.iter().map(|&c| vec![Val::from(c)]).collect::<Vec<_>>();
        let mut open: HashMap<i64, Vec<OpenTicket>> = HashMap::new();
        let mut tickets: HashMap<i64, TicketWork> = HashMap::new();
        let mut status_of: HashMap<i64, TicketStatus> = HashMap::new();
        let rows = select_in(conn, self_backend,
            &format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE status <> 'closed' AND customer_id IN ({{}}){for_update}"),
            id_keys(&customers),
            ticket_state_row,
        )
        .await?;
        for (o, work, status) in rows {
            open.entry(book.find(work.customer_id)).or_default().push(o);
            status_of.insert(work.id, status);
            tickets.insert(work.id, work);
        }
        let mut parents: Vec<i64> = items
            .iter()
            .filter_map(|it| {
                let p = it.inbound.in_reply_to.as_ref()?;
                stored
                    .get(&(it.inbound.channel.as_str().to_string(), p.clone()))
                    .map(|(_, t)| *t)
            })
            .filter(|t| !tickets.contains_key(t))
            .collect();
        parents.sort_unstable();
        parents.dedup();
        for (_, work, status) in select_in(
            conn,
            self_backend,
            &format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE id IN ({{}}){for_update}"),
            id_keys(&parents),
            ticket_state_row,
        )
        .await?
        {
            status_of.insert(work.id, status);
            tickets.insert(work.id, work);
        }
        let mut latest: HashMap<(i64, i64), (i64, i64)> = HashMap::new();
        for (c, s, placed, id) in select_in(
            conn,
            self_backend,
            "SELECT customer_id, store_id, placed_at, id FROM orders WHERE customer_id IN ({})",
            id_keys(&customers),
            |r| Ok((r.int(0)?, r.int(1)?, r.int(2)?, r.int(3)?)),
        )
        .await?
        {
            let e = latest.entry((book.find(c), s)).or_insert((placed, id));
            if (placed, id) > *e {
                *e = (placed, id);
            }
        }

        let status_before = status_of.clone();
        let urgency_before: HashMap<i64, Urgency> = tickets
            .iter()
            .map(|(id, w)| (*id, w.state.urgency))
            .collect();

        // 5. Place each message.
        let mut outcomes: Vec<Option<IngestOutcome>> = vec![None; items.len()];
        let mut message_ticket: HashMap<(&str, &str), i64> = HashMap::new();
        let mut new_tickets: Vec<i64> = Vec::new();
        let mut messages: Vec<(usize, i64, i64, bool, i64)> = Vec::new();
        let mut events: Vec<Event> = Vec::new();
        // Message ids up front, so each `message_added` event is written where it happened.
        let mut message_ids = self
            .reserve_ids(conn, "messages", first_of.len())
            .await?
            .into_iter();
        for (i, it) in items.iter().enumerate() {
            let m = &it.inbound;
            let key = (m.channel.as_str(), m.external_id.as_str());
            if let Some(&(message_id, ticket_id)) =
                stored.get(&(key.0.to_string(), key.1.to_string()))
            {
                outcomes[i] = Some(IngestOutcome::Duplicate {
                    message_id,
                    ticket_id,
                });
                continue;
            }
            if first_of.get(&key) != Some(&i) {
                continue; // a repeat within the batch; resolved after ids are known
            }
            let c = book.find(customer[i]);
            let parent = m.in_reply_to.as_ref().and_then(|p| {
                let t = stored
                    .get(&(key.0.to_string(), p.clone()))
                    .map(|(_, t)| *t)
                    .or_else(|| message_ticket.get(&(key.0, p.as_str())).copied())?;
                Some((t, status_of.get(&t).copied().unwrap_or(TicketStatus::Open)))
            });
            let order = evidence[i].as_ref();
            let in_scope: Vec<OpenTicket> = open
                .get(&c)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .filter(|t| match &it.scope {
                    None => true,
                    Some(scope) => t.store_id.is_some_and(|s| scope.contains(&s)),
                })
                .cloned()
                .collect();
            let facts = PlacementFacts {
                store_id: it.store_id,
                evidence: order.map(|o| OrderLink {
                    order_id: o.id,
                    store_id: o.store_id,
                }),
                parent,
                open_tickets: &in_scope,
                latest_order: it
                    .store_id
                    .and_then(|s| latest.get(&(c, s)))
                    .map(|(_, id)| *id),
            };
            let placement = place(&facts);
            let order_usd = |order_id: Option<i64>| {
                order
                    .filter(|o| Some(o.id) == order_id)
                    .map(|o| o.usd_cents as f64 / 100.0)
            };
            let tokens = &it.derived.search;
            let Some(message_id) = message_ids.next() else {
                return Err(DbError::Other("fewer message ids than messages".into()));
            };
            let added = |ticket: i64| Event {
                ticket,
                actor: ActorKind::Customer,
                actor_customer: Some(c),
                draft: EventDraft {
                    kind: EventKind::MessageAdded,
                    data: json!({"message_id": message_id, "channel": m.channel, "direction": Direction::Inbound,
                        "visibility": m.visibility, "category": it.triage.category, "urgency": it.triage.urgency}),
                },
            };
            // A storeless (social) ticket takes the store of the order it gets linked to.
            let order_store = |order_id: Option<i64>| {
                order.filter(|o| Some(o.id) == order_id).map(|o| o.store_id)
            };
            let ticket_id = match placement {
                Placement::Join {
                    ticket_id,
                    link_order,
                } => {
                    let Some(work) = tickets.get_mut(&ticket_id) else {
                        return Err(DbError::Other(format!(
                            "ticket {ticket_id} vanished during intake"
                        )));
                    };
                    let urgency = urgency_for_order_value(
                        it.triage.category,
                        it.triage.urgency,
                        order_usd(link_order.or(work.state.order_id)),
                        config,
                    );
                    let (next, drafts) =
                        absorb(&work.state, it.triage.category, urgency, link_order);
                    work.state = next;
                    work.store_id = work.store_id.or(order_store(link_order));
                    work.added += 1;
                    work.last_message_at = work.last_message_at.max(m.sent_at);
                    work.sentiment = f64::from(it.triage.sentiment);
                    work.search.push(' ');
                    work.search.push_str(tokens);
                    work.changed = true;
                    status_of.insert(ticket_id, work.state.status);
                    if let Some(list) = open.get_mut(&c)
                        && let Some(t) = list.iter_mut().find(|t| t.id == ticket_id)
                    {
                        t.order_id = work.state.order_id;
                        t.last_message_at = work.last_message_at;
                    }
                    events.push(added(ticket_id));
                    events.extend(drafts.into_iter().map(|draft| Event {
                        ticket: ticket_id,
                        actor: ActorKind::System,
                        actor_customer: None,
                        draft,
                    }));
                    ticket_id
                }
                Placement::New { order_id } => {
                    let temp = -(new_tickets.len() as i64) - 1;
                    new_tickets.push(temp);
                    let urgency = urgency_for_order_value(
                        it.triage.category,
                        it.triage.urgency,
                        order_usd(order_id),
                        config,
                    );
                    let store_id = it.store_id.or(order_store(order_id));
                    let state = TicketState {
                        status: TicketStatus::New,
                        category: it.triage.category,
                        urgency,
                        order_id,
                    };
                    events.push(Event {
                        ticket: temp,
                        actor: ActorKind::Customer,
                        actor_customer: Some(c),
                        draft: EventDraft {
                            kind: EventKind::Created,
                            data: json!({"after": {
                                "status": state.status, "category": state.category, "urgency": state.urgency,
                                "channel": m.channel, "store_id": store_id, "order_id": order_id,
                            }}),
                        },
                    });
                    events.push(added(temp));
                    open.entry(c).or_default().push(OpenTicket {
                        id: temp,
                        store_id,
                        order_id,
                        last_message_at: m.sent_at,
                    });
                    status_of.insert(temp, TicketStatus::New);
                    tickets.insert(
                        temp,
                        TicketWork {
                            id: temp,
                            state,
                            customer_id: c,
                            store_id,
                            added: 1,
                            last_message_at: m.sent_at,
                            sentiment: f64::from(it.triage.sentiment),
                            search: tokens.clone(),
                            created: Some(NewTicket {
                                channel: m.channel.as_str(),
                                visibility: m.visibility.as_str(),
                                subject: it.derived.headline.clone(),
                                language: it.triage.language.clone(),
                                first_message_at: m.sent_at,
                                author: m.author.name.clone(),
                            }),
                            changed: true,
                        },
                    );
                    temp
                }
            };
            message_ticket.insert(key, ticket_id);
            messages.push((
                i,
                ticket_id,
                c,
                matches!(placement, Placement::New { .. }),
                message_id,
            ));
        }

        // 6. Ids: customers, tickets, messages.
        let resolved = book.flush(self, conn, now_ms).await?;
        let ticket_ids = self.reserve_ids(conn, "tickets", new_tickets.len()).await?;
        let real: HashMap<i64, i64> = new_tickets.iter().copied().zip(ticket_ids).collect();
        let ticket_id = |t: i64| {
            if t < 0 {
                real.get(&t).copied().unwrap_or(t)
            } else {
                t
            }
        };

        // 7. The workflow of new tickets (routing, SLA clocks, first check), then tickets,
        //    messages, events and timers.
        let mut facts: Vec<crate::workflow::TicketFacts> = tickets
            .values()
            .filter(|w| w.changed)
            .filter_map(|w| {
                let created = w.created.as_ref()?;
                Some(crate::workflow::TicketFacts {
                    id: ticket_id(w.id),
                    store_id: w.store_id,
                    channel: Channel::parse(created.channel).unwrap_or(Channel::Other),
                    category: w.state.category,
                    urgency: w.state.urgency,
                    language: created.language.clone(),
                    assignee: None,
                    started: created.first_message_at,
                    public: created.visibility
                        == crossdesk_domain::model::Visibility::Public.as_str(),
                    customer_name: created.author.clone(),
                })
            })
            .collect();
        facts.sort_by_key(|t| t.id);
        let plans: HashMap<i64, crate::workflow::NewTicketPlan> = self
            .plan_new_tickets(conn, &facts, now)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut timer_rows = Vec::new();
        let mut plan_events = Vec::new();
        let mut new_rows = Vec::new();
        for work in tickets.values().filter(|w| w.changed) {
            let Some(created) = &work.created else {
                query_with(
                    "UPDATE tickets SET status = $1, category = $2, urgency = $3, order_id = $4, \
                     message_count = message_count + $5, \
                     last_message_at = CASE WHEN last_message_at > $6 THEN last_message_at ELSE $6 END, \
                     sentiment = $7, updated_at = $8, search_text = substr(search_text || $9, 1, 8000), \
                     store_id = COALESCE(store_id, $11) WHERE id = $10"
                        .into(),
                    vec![
                        Val::from(work.state.status.as_str()),
                        Val::from(work.state.category.as_str()),
                        Val::from(work.state.urgency.as_str()),
                        Val::from(work.state.order_id),
                        Val::from(work.added),
                        Val::from(ms(work.last_message_at)),
                        Val::from(work.sentiment),
                        Val::from(now_ms),
                        Val::from(work.search.clone()),
                        Val::from(work.id),
                        Val::from(work.store_id),
                    ],
                )
                .execute(&mut *conn)
                .await?;
                continue;
            };
            let mut search = work.search.clone();
            search.truncate(floor_char_boundary(&search, 8000));
            new_rows.push(vec![
                Val::from(ticket_id(work.id)),
                Val::from(work.store_id),
                Val::from(resolved.id(work.customer_id)),
                Val::from(work.state.order_id),
                Val::from(created.channel),
                Val::from(created.visibility),
                Val::from(created.subject.clone()),
                Val::from(work.state.status.as_str()),
                Val::from(work.state.category.as_str()),
                Val::from(work.state.urgency.as_str()),
                Val::from(created.language.clone()),
                Val::from(work.sentiment),
                Val::from(work.added),
                Val::from(ms(created.first_message_at)),
                Val::from(ms(work.last_message_at)),
                Val::from(now_ms),
                Val::from(now_ms),
                Val::from(search),
            ]);
            let Some(row) = new_rows.last_mut() else {
                return Err(DbError::Other("a ticket row vanished".into()));
            };
            match plans.get(&ticket_id(work.id)) {
                Some(p) => {
                    row.extend([
                        Val::from(p.assignee),
                        Val::from(p.team),
                        Val::from(Some(p.clocks.sla.clone())),
                        Val::from(p.clocks.first_response_due),
                        Val::from(p.clocks.solution_due),
                        Val::from(p.clocks.hard_due),
                    ]);
                    if let Some((key, due)) = &p.clocks.next_check {
                        timer_rows.push(vec![
                            Val::from("sla"),
                            Val::from(key.clone()),
                            Val::from(p.id),
                            Val::from(ms(*due)),
                            Val::from("{}"),
                        ]);
                    }
                    for (kind, data) in &p.events {
                        plan_events.push(vec![
                            Val::from(p.id),
                            Val::from(now_ms),
                            Val::from(ActorKind::System.as_str()),
                            Val::from(None::<i64>),
                            Val::from(*kind),
                            Val::from(data.to_string()),
                        ]);
                    }
                }
                None => row.extend([
                    Val::from(None::<i64>),
                    Val::from(None::<i64>),
                    Val::from(None::<String>),
                    Val::from(None::<i64>),
                    Val::from(None::<i64>),
                    Val::from(None::<i64>),
                ]),
            }
        }
        new_rows.sort_by_key(|r| match r[0] {
            Val::Int(id) => id,
            _ => 0,
        });
        let columns: Vec<&str> = TICKET_COLUMNS_INSERT
            .iter()
            .chain(crate::workflow::PLAN_COLUMNS)
            .copied()
            .collect();
        insert_rows(conn, self_backend, "tickets", &columns, new_rows, "").await?;
        insert_rows(
            conn,
            self_backend,
            "timers",
            &["kind", "key", "ticket_id", "due_at", "payload"],
            timer_rows,
            " ON CONFLICT (key) DO NOTHING",
        )
        .await?;

        let mut message_rows = Vec::with_capacity(messages.len());
        for (i, t, c, created, message_id) in &messages {
            let it = &items[*i];
            let (t, c) = (ticket_id(*t), resolved.id(*c));
            outcomes[*i] = Some(IngestOutcome::Stored {
                message_id: *message_id,
                ticket_id: t,
                customer_id: c,
                ticket_created: *created,
            });
            message_rows.push(it.message_row(*message_id, t, Some(c), now_ms));
        }
        insert_rows(
            conn,
            self_backend,
            "messages",
            MESSAGE_COLUMNS,
            message_rows,
            "",
        )
        .await?;
        let event_rows = events
            .into_iter()
            .map(|e| {
                vec![
                    Val::from(ticket_id(e.ticket)),
                    Val::from(now_ms),
                    Val::from(e.actor.as_str()),
                    Val::from(e.actor_customer.map(|c| resolved.id(c))),
                    Val::from(e.draft.kind.as_str()),
                    Val::from(e.draft.data.to_string()),
                ]
            })
            .collect();
        let mut event_rows: Vec<Vec<Val>> = event_rows;
        event_rows.extend(plan_events);
        insert_rows(
            conn,
            self_backend,
            "ticket_events",
            EVENT_COLUMNS,
            event_rows,
            "",
        )
        .await?;
        let mut auto: Vec<(&i64, &String)> = plans
            .iter()
            .filter_map(|(id, p)| p.auto_reply.as_ref().map(|t| (id, t)))
            .collect();
        auto.sort();
        for (id, text) in auto {
            crate::workflow::write_auto_reply(conn, *id, text, now).await?;
        }

        // 8. A customer's reply resumes a waiting ticket's clock or reopens a resolved one.
        let moved: Vec<(i64, TicketStatus, TicketStatus, bool)> = tickets
            .values()
            .filter(|w| w.changed && w.created.is_none())
            .filter_map(|w| {
                let became_crisis = w.state.urgency == Urgency::Crisis
                    && urgency_before.get(&w.id) != Some(&Urgency::Crisis);
                status_before
                    .get(&w.id)
                    .map(|&b| (w.id, b, w.state.status, became_crisis))
            })
            .collect();
        self.customer_wrote(conn, &moved, now).await?;

        // Repeats within the batch point at the first copy.
        for (i, it) in items.iter().enumerate() {
            if outcomes[i].is_none() {
                let key = (it.inbound.channel.as_str(), it.inbound.external_id.as_str());
                if let Some(Some(IngestOutcome::Stored {
                    message_id,
                    ticket_id,
                    ..
                })) = first_of.get(&key).map(|&f| outcomes[f])
                {
                    outcomes[i] = Some(IngestOutcome::Duplicate {
                        message_id,
                        ticket_id,
                    });
                }
            }
        }
        outcomes
            .into_iter()
            .map(|o| {
                o.ok_or_else(|| DbError::Other("a message was neither stored nor found".into()))
            })
            .collect()
    }
}

/// A ticket subject from a message body: its first line that is not a bare greeting
/// ("Hello,", "Hola buenas,", "您好！"), at most 120 characters.
fn headline(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let greeting = |l: &str| {
        l.chars().count() <= 30
            && l.ends_with([',', '!', '！', '，', ':', '、'])
            && l.split_whitespace().count() <= 4
    };
    let line = lines
        .iter()
        .find(|l| !greeting(l))
        .or(lines.first())
        .copied()
        .unwrap_or_default();
    let mut s: String = line.chars().take(120).collect();
    if line.chars().count() > 120 {
        s.push('…');
    }
    s
}

/// The largest char boundary at or below `max`.
fn floor_char_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    (0..=max)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::headline;

    #[test]
    fn headlines_skip_greetings_and_stay_short() {
        assert_eq!(
            headline("Hola buenas,\n\nMi pedido no ha llegado."),
            "Mi pedido no ha llegado."
        );
        assert_eq!(headline("您好！\n我的包裹还没到"), "我的包裹还没到");
        assert_eq!(headline("Hello!"), "Hello!");
        assert_eq!(headline(&"x".repeat(130)).chars().count(), 121);
    }
}
