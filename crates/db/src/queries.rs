//! Read queries for the API and the workspace: ticket lists with filters and cursor
//! pagination, ticket details, customers, orders and stores.

use crate::search;
use crate::sql::{RowExt, Val, query_with, time};
use crate::views::*;
use crate::{Backend, Db, DbError, StoreScope};
use chrono::{DateTime, Utc};
use crossdesk_domain::model::TicketStatus;
use crossdesk_domain::money::Money;
use sqlx::any::AnyRow;

/// A page of results and the cursor of the next page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// This page.
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// How many tickets a filter selects.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketCounts {
    /// All of them.
    pub total: i64,
    /// Per status.
    pub by_status: std::collections::BTreeMap<String, i64>,
    /// Per urgency.
    pub by_urgency: std::collections::BTreeMap<String, i64>,
    /// Per channel.
    pub by_channel: std::collections::BTreeMap<String, i64>,
}

/// Where an open ticket stands against its SLA clocks at a moment (the inbox's `sla`
/// filter). Resolved and closed tickets are in none of these; neither is an open ticket
/// with no running clock (waiting on the customer, or every target met).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlaState {
    /// A running clock's due time has passed.
    Breached,
    /// Not breached, and the earliest due time is within [`AT_RISK_WITHIN`].
    AtRisk,
    /// A clock runs and nothing is due within [`AT_RISK_WITHIN`].
    OnTrack,
}

/// How close its earliest due time puts an open ticket at risk.
pub const AT_RISK_WITHIN: chrono::TimeDelta = chrono::TimeDelta::hours(1);

impl SlaState {
    /// Every state, in display order.
    pub const ALL: [SlaState; 3] = [SlaState::Breached, SlaState::AtRisk, SlaState::OnTrack];

    /// The wire name: `breached`, `at_risk`, `on_track`.
    pub fn as_str(self) -> &'static str {
        match self {
            SlaState::Breached => "breached",
            SlaState::AtRisk => "at_risk",
            SlaState::OnTrack => "on_track",
        }
    }

    /// Parses the wire name; `None` when it is not one of [`Self::ALL`].
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Which tickets to list. Every field narrows the list.
///
/// `status` holding exactly the open statuses (every status but `resolved` and `closed`,
/// in any order) is the inbox's default view and is served from an index of open tickets.
#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    /// Statuses (any of).
    pub status: Vec<String>,
    /// Store key.
    pub store: Option<String>,
    /// Channel (`email`, `amazon`, …).
    pub channel: Option<String>,
    /// Open tickets in this SLA state at this moment (the caller's clock, so that a page
    /// and its count agree and tests can fix it).
    pub sla: Option<(SlaState, DateTime<Utc>)>,
    /// Category.
    pub category: Option<String>,
    /// Urgency.
    pub urgency: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// Assignee: `Some(None)` for unassigned, `Some(Some(id))` for one agent.
    pub assignee: Option<Option<i64>>,
    /// Customer.
    pub customer_id: Option<i64>,
    /// Words that must all appear in the ticket's messages, subject or customer (the
    /// last one may be the start of a word); no letters or digits: no text filter.
    pub text: Option<String>,
    /// The stores the caller may see.
    pub scope: StoreScope,
    /// Continue after this cursor.
    pub cursor: Option<String>,
    /// Page size (1–500).
    pub limit: u32,
}

/// Which customers to list.
#[derive(Debug, Clone, Default)]
pub struct CustomerFilter {
    /// Part of a name, handle, e-mail or buyer id.
    pub q: Option<String>,
    /// The stores the caller may see: a customer is listed when they have a ticket or an
    /// order in one of them.
    pub scope: StoreScope,
    /// Continue after this cursor.
    pub cursor: Option<String>,
    /// Page size (1–500).
    pub limit: u32,
}

/// Decodes a ticket cursor (`<last_message_at ms>.<id>`); `None` when malformed.
pub fn decode_cursor(cursor: &str) -> Option<(i64, i64)> {
    let (a, b) = cursor.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

pub(crate) const SUMMARY_SELECT: &str = "SELECT t.id, s.key, t.customer_id, c.name, t.order_id, o.number, t.channel, \
    t.visibility, t.subject, t.status, t.category, t.urgency, t.language, t.sentiment, t.assignee_id, \
    t.message_count, t.first_message_at, t.last_message_at, t.created_at, t.updated_at, tm.key, \
    t.first_response_due_at, t.first_responded_at, t.solution_due_at, t.hard_due_at, t.escalated_at \
    FROM tickets t LEFT JOIN stores s ON s.id = t.store_id LEFT JOIN customers c ON c.id = t.customer_id \
    LEFT JOIN orders o ON o.id = t.order_id LEFT JOIN teams tm ON tm.id = t.team_id";

pub(crate) fn summary(r: &AnyRow) -> Result<TicketSummary, DbError> {
    Ok(TicketSummary {
        id: r.int(0)?,
        store: r.opt_text(1)?,
        customer_id: r.int(2)?,
        customer_name: r.opt_text(3)?,
        order_id: r.opt_int(4)?,
        order_number: r.opt_text(5)?,
        channel: r.text(6)?,
        visibility: r.text(7)?,
        subject: r.opt_text(8)?,
        status: r.text(9)?,
        category: r.text(10)?,
        urgency: r.text(11)?,
        language: r.text(12)?,
        sentiment: r.real(13)?,
        assignee_id: r.opt_int(14)?,
        message_count: r.int(15)?,
        first_message_at: time(r.int(16)?),
        last_message_at: time(r.int(17)?),
        created_at: time(r.int(18)?),
        updated_at: time(r.int(19)?),
        team: r.opt_text(20)?,
        first_response_due_at: r.opt_int(21)?.map(time),
        first_responded_at: r.opt_int(22)?.map(time),
        solution_due_at: r.opt_int(23)?.map(time),
        hard_due_at: r.opt_int(24)?.map(time),
        escalated_at: r.opt_int(25)?.map(time),
    })
}

/// Builds a WHERE clause with numbered parameters.
#[derive(Default)]
struct Where {
    clauses: Vec<String>,
    values: Vec<Val>,
}

impl Where {
    fn push(&mut self, clause: &str, values: Vec<Val>) {
        let mut c = clause.to_string();
        for v in values {
            self.values.push(v);
            c = c.replacen('?', &format!("${}", self.values.len()), 1);
        }
        self.clauses.push(c);
    }

    /// Limits `column` to the stores of `scope`.
    fn scope(&mut self, column: &str, scope: &StoreScope) {
        match scope {
            StoreScope::All => {}
            StoreScope::Stores(ids) if ids.is_empty() => self.push("1 = 0", vec![]),
            StoreScope::Stores(ids) => {
                let marks = vec!["?"; ids.len()].join(", ");
                self.push(
                    &format!("{column} IN ({marks})"),
                    ids.iter().map(|&i| Val::from(i)).collect(),
                );
            }
        }
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn money_text(minor: i64, currency: &str) -> String {
    Money {
        minor,
        currency: currency.to_string(),
    }
    .amount_text()
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The condition that selects open tickets, spelt exactly like the partial indexes'
/// (constants, so that both planners can match them).
const OPEN: &str = "t.status NOT IN ('resolved', 'closed')";

/// Whether `statuses` are exactly the open ones (in any order, repeats allowed).
fn is_open_set(statuses: &[String]) -> bool {
    let open = || {
        TicketStatus::ALL
            .iter()
            .filter(|s| !matches!(s, TicketStatus::Resolved | TicketStatus::Closed))
    };
    statuses.iter().all(|s| open().any(|o| o.as_str() == s))
        && open().all(|o| statuses.iter().any(|s| s == o.as_str()))
}

/// The earliest running SLA due time of a ticket, spelt exactly like the index
/// `tickets_open_due` (SQLite's `min` is NULL when any argument is, `LEAST` skips NULLs).
fn next_due(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => {
            "min(coalesce(t.first_response_due_at, 9223372036854775807), \
             coalesce(t.solution_due_at, 9223372036854775807), \
             coalesce(t.hard_due_at, 9223372036854775807))"
        }
        Backend::Postgres => "LEAST(t.first_response_due_at, t.solution_due_at, t.hard_due_at)",
    }
}

/// The WHERE clause of a ticket filter (its cursor aside).
fn ticket_where(backend: Backend, f: &TicketFilter, text: Option<&TextMatch>) -> Where {
    let mut w = Where::default();
    let open = is_open_set(&f.status);
    if open || f.sla.is_some() {
        w.push(OPEN, vec![]);
    }
    if !f.status.is_empty() && !open {
        let marks = vec!["?"; f.status.len()].join(", ");
        w.push(
            &format!("t.status IN ({marks})"),
            f.status.iter().map(|s| Val::from(s.as_str())).collect(),
        );
    }
    if let Some(store) = &f.store {
        w.push(
            "t.store_id = (SELECT id FROM stores WHERE key = ?)",
            vec![Val::from(store.as_str())],
        );
    }
    if let Some(v) = &f.channel {
        w.push("t.channel = ?", vec![Val::from(v.as_str())]);
    }
    if let Some(v) = &f.category {
        w.push("t.category = ?", vec![Val::from(v.as_str())]);
    }
    if let Some(v) = &f.urgency {
        w.push("t.urgency = ?", vec![Val::from(v.as_str())]);
    }
    if let Some(v) = &f.language {
        w.push("t.language = ?", vec![Val::from(v.as_str())]);
    }
    match f.assignee {
        Some(None) => w.push("t.assignee_id IS NULL", vec![]),
        Some(Some(id)) => w.push("t.assignee_id = ?", vec![Val::from(id)]),
        None => {}
    }
    if let Some(c) = f.customer_id {
        w.push("t.customer_id = ?", vec![Val::from(c)]);
    }
    if let Some((state, now)) = f.sla {
        let now_ms = now.timestamp_millis();
        let soon = (now + AT_RISK_WITHIN).timestamp_millis();
        let due = next_due(backend);
        // On SQLite "no clock" is the sentinel; on PostgreSQL, NULL (no comparison holds).
        match state {
            SlaState::Breached => w.push(&format!("{due} < ?"), vec![Val::from(now_ms)]),
            SlaState::AtRisk => w.push(
                &format!("{due} >= ? AND {due} < ?"),
                vec![Val::from(now_ms), Val::from(soon)],
            ),
            SlaState::OnTrack => w.push(
                &format!("{due} >= ? AND {due} < 9223372036854775807"),
                vec![Val::from(soon)],
            ),
        }
    }
    match text {
        Some(TextMatch::Tokens { expression, common }) => w.push(
            search::condition(backend, *common),
            vec![Val::from(expression.as_str())],
        ),
        Some(TextMatch::Nothing) => w.push("1 = 0", vec![]),
        None => {}
    }
    w.scope("t.store_id", &f.scope);
    w
}

/// A filter's text, ready to match.
enum TextMatch {
    /// Words to match.
    Tokens {
        /// The FTS5 query or `tsquery`.
        expression: String,
        /// Whether it matches many tickets (see [`search::condition`]).
        common: bool,
    },
    /// A word no ticket can hold.
    Nothing,
}

impl Db {
    /// The text filter of `f`, if it has one with letters or digits.
    async fn text_match(&self, f: &TicketFilter) -> Result<Option<TextMatch>, DbError> {
        let Some(text) = &f.text else {
            return Ok(None);
        };
        let Some(tokens) = search::query_tokens(text) else {
            return Ok(Some(TextMatch::Nothing));
        };
        if tokens.is_empty() {
            return Ok(None);
        }
        let expression = search::match_expression(self.backend(), &tokens);
        let common = match self.backend() {
            Backend::Sqlite => {
                let n = query_with(search::probe_sqlite(), vec![Val::from(expression.as_str())])
                    .fetch_one(self.reader())
                    .await?
                    .int(0)?;
                n >= search::COMMON_MATCHES
            }
            Backend::Postgres => false,
        };
        Ok(Some(TextMatch::Tokens { expression, common }))
    }

    /// Lists tickets, most recently active first.
    pub async fn list_tickets(&self, f: &TicketFilter) -> Result<Page<TicketSummary>, DbError> {
        let text = self.text_match(f).await?;
        let mut w = ticket_where(self.backend(), f, text.as_ref());
        if let Some((at, id)) = f.cursor.as_deref().and_then(decode_cursor) {
            // A row value, so that both planners seek the index to the cursor.
            w.push(
                "(t.last_message_at, t.id) < (?, ?)",
                vec![Val::from(at), Val::from(id)],
            );
        }
        let limit = f.limit.clamp(1, 500) as i64;
        let sql = format!(
            "{SUMMARY_SELECT}{} ORDER BY t.last_message_at DESC, t.id DESC LIMIT {}",
            w.sql(),
            limit + 1
        );
        let rows = query_with(sql, w.values).fetch_all(self.reader()).await?;
        let mut items = rows.iter().map(summary).collect::<Result<Vec<_>, _>>()?;
        let next_cursor = if items.len() as i64 > limit {
            items.truncate(limit as usize);
            items
                .last()
                .map(|t| format!("{}.{}", t.last_message_at.timestamp_millis(), t.id))
        } else {
            None
        };
        Ok(Page { items, next_cursor })
    }

    /// Counts the tickets a filter selects (its cursor and limit aside), in total and by
    /// status, urgency and channel.
    pub async fn count_tickets(&self, f: &TicketFilter) -> Result<TicketCounts, DbError> {
        let text = self.text_match(f).await?;
        let w = ticket_where(self.backend(), f, text.as_ref());
        let sql = format!(
            "SELECT t.status, t.urgency, t.channel, COUNT(*) FROM tickets t{} GROUP BY t.status, t.urgency, t.channel",
            w.sql()
        );
        let mut counts = TicketCounts::default();
        for r in query_with(sql, w.values).fetch_all(self.reader()).await? {
            let n = r.int(3)?;
            counts.total += n;
            *counts.by_status.entry(r.text(0)?).or_default() += n;
            *counts.by_urgency.entry(r.text(1)?).or_default() += n;
            *counts.by_channel.entry(r.text(2)?).or_default() += n;
        }
        Ok(counts)
    }

    /// Counts the tickets a filter selects (its cursor and limit aside), stopping at `cap`:
    /// `(n, false)` when exactly `n` match, `(cap, true)` when more than `cap` do (shown as
    /// "10,000+"), so a page over a million tickets never counts them all.
    pub async fn count_tickets_capped(
        &self,
        f: &TicketFilter,
        cap: i64,
    ) -> Result<(i64, bool), DbError> {
        let cap = cap.max(0);
        let text = self.text_match(f).await?;
        let w = ticket_where(self.backend(), f, text.as_ref());
        let sql = format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM tickets t{} LIMIT {}) capped",
            w.sql(),
            cap + 1
        );
        let n = query_with(sql, w.values)
            .fetch_one(self.reader())
            .await?
            .int(0)?;
        Ok(if n > cap { (cap, true) } else { (n, false) })
    }

    /// The store of a ticket (`None` for a storeless one); [`DbError::NotFound`] when there
    /// is no such ticket.
    pub async fn ticket_store(&self, id: i64) -> Result<Option<i64>, DbError> {
        query_with(
            "SELECT store_id FROM tickets WHERE id = $1".into(),
            vec![Val::from(id)],
        )
        .fetch_optional(self.reader())
        .await?
        .ok_or(DbError::NotFound)?
        .opt_int(0)
    }

    /// The store of the ticket holding message `(channel, external_id)`: `None` when no
    /// such message exists, `Some(None)` for a storeless ticket.
    pub async fn message_store(
        &self,
        channel: &str,
        external_id: &str,
    ) -> Result<Option<Option<i64>>, DbError> {
        query_with(
            "SELECT t.store_id FROM messages m JOIN tickets t ON t.id = m.ticket_id \
             WHERE m.channel = $1 AND m.external_id = $2"
                .into(),
            vec![Val::from(channel), Val::from(external_id)],
        )
        .fetch_optional(self.reader())
        .await?
        .map(|r| r.opt_int(0))
        .transpose()
    }

    /// A store's id by key.
    pub async fn store_id(&self, key: &str) -> Result<Option<i64>, DbError> {
        query_with(
            "SELECT id FROM stores WHERE key = $1".into(),
            vec![Val::from(key)],
        )
        .fetch_optional(self.reader())
        .await?
        .map(|r| r.int(0))
        .transpose()
    }

    /// Counts tickets per status (for inbox tabs).
    pub async fn count_tickets_by_status(&self) -> Result<Vec<(String, i64)>, DbError> {
        let rows =
            sqlx::query("SELECT status, COUNT(*) FROM tickets GROUP BY status ORDER BY status")
                .fetch_all(self.reader())
                .await?;
        rows.iter().map(|r| Ok((r.text(0)?, r.int(1)?))).collect()
    }

    /// One ticket with its customer, order, messages and events.
    pub async fn ticket(&self, id: i64) -> Result<TicketDetail, DbError> {
        let row = query_with(
            format!("{SUMMARY_SELECT} WHERE t.id = $1"),
            vec![Val::from(id)],
        )
        .fetch_optional(self.reader())
        .await?
        .ok_or(DbError::NotFound)?;
        let ticket = summary(&row)?;
        let customer = self.customer_view(ticket.customer_id).await?;
        let order = match ticket.order_id {
            Some(o) => Some(self.order_by_id(o).await?),
            None => None,
        };
        let messages = query_with(
            "SELECT id, channel, external_id, direction, kind, visibility, author_handle, author_name, author_email, \
             author_buyer_id, author_followers, subject, text, language, category, urgency, sentiment, confidence, pii, \
             entities, attachments, in_reply_to, order_ref, sent_at, received_at \
             FROM messages WHERE ticket_id = $1 ORDER BY sent_at, id"
                .into(),
            vec![Val::from(id)],
        )
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| {
            Ok(MessageView {
                id: r.int(0)?,
                channel: r.text(1)?,
                external_id: r.text(2)?,
                direction: r.text(3)?,
                kind: r.text(4)?,
                visibility: r.text(5)?,
                author: AuthorView {
                    handle: r.opt_text(6)?,
                    name: r.opt_text(7)?,
                    email: r.opt_text(8)?,
                    buyer_id: r.opt_text(9)?,
                    followers: r.opt_int(10)?,
                },
                subject: r.opt_text(11)?,
                text: r.text(12)?,
                language: r.text(13)?,
                category: r.text(14)?,
                urgency: r.text(15)?,
                sentiment: r.real(16)?,
                confidence: r.real(17)?,
                pii: r.int(18)? != 0,
                entities: serde_json::from_str(&r.text(19)?).unwrap_or_default(),
                attachments: serde_json::from_str(&r.text(20)?).unwrap_or_default(),
                in_reply_to: r.opt_text(21)?,
                order_ref: r.opt_text(22)?,
                sent_at: time(r.int(23)?),
                received_at: time(r.int(24)?),
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
        let events = query_with(
            "SELECT id, at, actor_kind, actor_id, kind, data FROM ticket_events WHERE ticket_id = $1 ORDER BY id".into(),
            vec![Val::from(id)],
        )
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| {
            Ok(EventView {
                id: r.int(0)?,
                at: time(r.int(1)?),
                actor_kind: r.text(2)?,
                actor_id: r.opt_int(3)?,
                kind: r.text(4)?,
                data: serde_json::from_str(&r.text(5)?).unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
        Ok(TicketDetail {
            ticket,
            customer,
            order,
            messages,
            events,
        })
    }

    async fn customer_view(&self, id: i64) -> Result<CustomerView, DbError> {
        let row = query_with(
            "SELECT id, name, created_at FROM customers WHERE id = $1".into(),
            vec![Val::from(id)],
        )
        .fetch_optional(self.reader())
        .await?
        .ok_or(DbError::NotFound)?;
        let identities = query_with(
            "SELECT kind, value FROM identities WHERE customer_id = $1 ORDER BY kind, value".into(),
            vec![Val::from(id)],
        )
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| {
            Ok(IdentityView {
                kind: r.text(0)?,
                value: r.text(1)?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
        Ok(CustomerView {
            id: row.int(0)?,
            name: row.opt_text(1)?,
            identities,
            created_at: time(row.int(2)?),
        })
    }

    /// Lists customers (merged-away customers excluded), newest first.
    pub async fn list_customers(&self, f: &CustomerFilter) -> Result<Page<CustomerView>, DbError> {
        let mut w = Where::default();
        w.push("c.merged_into IS NULL", vec![]);
        if let StoreScope::Stores(ids) = &f.scope {
            let marks = vec!["?"; ids.len().max(1)].join(", ");
            let mut values: Vec<Val> = ids.iter().map(|&i| Val::from(i)).collect();
            if values.is_empty() {
                values.push(Val::from(-1i64));
            }
            let twice = values.iter().chain(values.iter()).cloned().collect();
            w.push(
                &format!(
                    "(EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.store_id IN ({marks})) \
                     OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.store_id IN ({marks})))"
                ),
                twice,
            );
        }
        if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let pattern = format!("%{}%", escape_like(&q.to_lowercase()));
            w.push("c.search_text LIKE ? ESCAPE '\\'", vec![Val::from(pattern)]);
        }
        if let Some(id) = f.cursor.as_deref().and_then(|c| c.parse::<i64>().ok()) {
            w.push("c.id < ?", vec![Val::from(id)]);
        }
        let limit = f.limit.clamp(1, 500) as i64;
        let sql = format!(
            "SELECT c.id, c.name, c.created_at FROM customers c{} ORDER BY c.id DESC LIMIT {}",
            w.sql(),
            limit + 1
        );
        let rows = query_with(sql, w.values).fetch_all(self.reader()).await?;
        let more = rows.len() as i64 > limit;
        let mut items = rows
            .iter()
            .take(limit as usize)
            .map(|r| {
                Ok(CustomerView {
                    id: r.int(0)?,
                    name: r.opt_text(1)?,
                    identities: Vec::new(),
                    created_at: time(r.int(2)?),
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        if !items.is_empty() {
            // One query for every identity on the page, not one per customer.
            let marks = (1..=items.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let ids = items.iter().map(|c| Val::from(c.id)).collect();
            let sql = format!(
                "SELECT customer_id, kind, value FROM identities WHERE customer_id IN ({marks}) ORDER BY kind, value"
            );
            for r in query_with(sql, ids).fetch_all(self.reader()).await? {
                let owner = r.int(0)?;
                if let Some(c) = items.iter_mut().find(|c| c.id == owner) {
                    c.identities.push(IdentityView {
                        kind: r.text(1)?,
                        value: r.text(2)?,
                    });
                }
            }
        }
        let next_cursor = if more {
            items.last().map(|c| c.id.to_string())
        } else {
            None
        };
        Ok(Page { items, next_cursor })
    }

    /// A customer with their orders and tickets across every store. A merged-away id
    /// answers with the customer it was merged into.
    /// Only what lies in `scope` is shown; a customer with nothing in it is not found.
    pub async fn customer(&self, id: i64, scope: &StoreScope) -> Result<CustomerDetail, DbError> {
        let mut id = id;
        for _ in 0..16 {
            let row = query_with(
                "SELECT merged_into FROM customers WHERE id = $1".into(),
                vec![Val::from(id)],
            )
            .fetch_optional(self.reader())
            .await?
            .ok_or(DbError::NotFound)?;
            match row.opt_int(0)? {
                Some(into) => id = into,
                None => break,
            }
        }
        let customer = self.customer_view(id).await?;
        let mut w = Where::default();
        w.push("o.customer_id = ?", vec![Val::from(id)]);
        w.scope("o.store_id", scope);
        let orders = query_with(
            format!(
                "{ORDER_SELECT}{} ORDER BY o.placed_at DESC LIMIT 200",
                w.sql()
            ),
            w.values,
        )
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(order_summary)
        .collect::<Result<Vec<_>, _>>()?;
        let tickets = self
            .list_tickets(&TicketFilter {
                customer_id: Some(id),
                limit: 200,
                scope: scope.clone(),
                ..Default::default()
            })
            .await?
            .items;
        if *scope != StoreScope::All && orders.is_empty() && tickets.is_empty() {
            return Err(DbError::NotFound);
        }
        Ok(CustomerDetail {
            customer,
            orders,
            tickets,
        })
    }

    /// An order by store key and number, with items, shipments and tracking.
    pub async fn order(&self, store: &str, number: &str) -> Result<OrderView, DbError> {
        let row = query_with(
            format!("{ORDER_SELECT} WHERE s.key = $1 AND o.number = $2"),
            vec![Val::from(store), Val::from(number)],
        )
        .fetch_optional(self.reader())
        .await?
        .ok_or(DbError::NotFound)?;
        self.order_details(order_summary(&row)?).await
    }

    async fn order_by_id(&self, id: i64) -> Result<OrderView, DbError> {
        let row = query_with(
            format!("{ORDER_SELECT} WHERE o.id = $1"),
            vec![Val::from(id)],
        )
        .fetch_optional(self.reader())
        .await?
        .ok_or(DbError::NotFound)?;
        self.order_details(order_summary(&row)?).await
    }

    async fn order_details(&self, order: OrderSummary) -> Result<OrderView, DbError> {
        let items = query_with(
            "SELECT li.sku, k.title, li.quantity, li.price_minor FROM line_items li \
             JOIN orders o ON o.id = li.order_id LEFT JOIN skus k ON k.store_id = o.store_id AND k.sku = li.sku \
             WHERE li.order_id = $1 ORDER BY li.position"
                .into(),
            vec![Val::from(order.id)],
        )
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| {
            Ok(LineItemView {
                sku: r.text(0)?,
                title: r.opt_text(1)?,
                quantity: r.int(2)?,
                price: money_text(r.int(3)?, &order.currency),
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
        let mut shipments = Vec::new();
        for r in query_with(
            "SELECT id, carrier, tracking_number, warehouse, promised_by, status, status_at FROM shipments \
             WHERE order_id = $1 ORDER BY id"
                .into(),
            vec![Val::from(order.id)],
        )
        .fetch_all(self.reader())
        .await?
        {
            let id = r.int(0)?;
            let events = query_with(
                "SELECT tag, subtag, message, location, at FROM tracking_events WHERE shipment_id = $1 ORDER BY at, id".into(),
                vec![Val::from(id)],
            )
            .fetch_all(self.reader())
            .await?
            .iter()
            .map(|e| {
                Ok(TrackingEventView {
                    tag: e.text(0)?,
                    subtag: e.opt_text(1)?,
                    message: e.text(2)?,
                    location: e.opt_text(3)?,
                    at: time(e.int(4)?),
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
            shipments.push(ShipmentView {
                id,
                carrier: r.text(1)?,
                tracking_number: r.text(2)?,
                warehouse: r.opt_text(3)?,
                promised_by: r.opt_int(4)?.map(time),
                status: r.opt_text(5)?,
                status_at: r.opt_int(6)?.map(time),
                events,
            });
        }
        Ok(OrderView {
            order,
            items,
            shipments,
        })
    }

    /// Every store, by key.
    pub async fn stores(&self) -> Result<Vec<StoreView>, DbError> {
        sqlx::query(
            "SELECT s.id, s.key, s.name, s.platform, s.region, s.currency, s.timezone, g.key, s.carriers \
             FROM stores s LEFT JOIN store_groups g ON g.id = s.group_id ORDER BY s.key",
        )
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| {
            Ok(StoreView {
                id: r.int(0)?,
                key: r.text(1)?,
                name: r.text(2)?,
                platform: r.text(3)?,
                region: r.opt_text(4)?,
                currency: r.text(5)?,
                timezone: r.opt_text(6)?,
                group: r.opt_text(7)?,
                carriers: serde_json::from_str(&r.text(8)?).unwrap_or_default(),
            })
        })
        .collect()
    }

    /// Row counts of the main tables, for `crossdesk report` and readiness output.
    pub async fn counts(&self) -> Result<Vec<(&'static str, i64)>, DbError> {
        let mut out = Vec::new();
        for table in [
            "stores",
            "skus",
            "orders",
            "shipments",
            "tracking_events",
            "customers",
            "tickets",
            "messages",
            "ticket_events",
        ] {
            let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(self.reader())
                .await?;
            out.push((table, row.int(0)?));
        }
        Ok(out)
    }
}

const ORDER_SELECT: &str = "SELECT o.id, s.key, o.number, o.customer_id, o.currency, o.total_minor, o.incoterm, \
    o.destination_country, o.placed_at FROM orders o JOIN stores s ON s.id = o.store_id";

fn order_summary(r: &AnyRow) -> Result<OrderSummary, DbError> {
    let currency = r.text(4)?;
    Ok(OrderSummary {
        id: r.int(0)?,
        store: r.text(1)?,
        number: r.text(2)?,
        customer_id: r.opt_int(3)?,
        total: money_text(r.int(5)?, &currency),
        currency,
        incoterm: r.opt_text(6)?,
        destination_country: r.opt_text(7)?,
        placed_at: time(r.int(8)?),
    })
}
