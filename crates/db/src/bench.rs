//! Load generation for `crossdesk bench inbox`: customers and tickets written as given, in
//! big multi-row `INSERT`s, without intake (no threading, messages or events). The
//! search index is kept by the same triggers and indexes as for every other writer.

use crate::sql::{Val, insert_rows, ms};
use crate::{Db, DbError};
use chrono::{DateTime, Utc};

/// One ticket row, every column given.
#[derive(Debug, Clone)]
pub struct BulkTicket {
    /// Store id.
    pub store_id: Option<i64>,
    /// Customer id (see [`Db::bulk_insert_customers`]).
    pub customer_id: i64,
    /// Channel.
    pub channel: String,
    /// `public` or `private`.
    pub visibility: String,
    /// Subject or first line.
    pub subject: Option<String>,
    /// Status.
    pub status: String,
    /// Category.
    pub category: String,
    /// Urgency.
    pub urgency: String,
    /// Language code.
    pub language: String,
    /// Sentiment, -1 to 1.
    pub sentiment: f64,
    /// Assigned agent.
    pub assignee_id: Option<i64>,
    /// Messages on the ticket.
    pub message_count: i64,
    /// First message.
    pub first_message_at: DateTime<Utc>,
    /// Latest message.
    pub last_message_at: DateTime<Utc>,
    /// Search text as [`crossdesk_domain::text::search_text`] makes it (folded here, as
    /// intake folds it).
    pub search_text: String,
    /// First-response due time (running clock).
    pub first_response_due_at: Option<DateTime<Utc>>,
    /// First answer sent.
    pub first_responded_at: Option<DateTime<Utc>>,
    /// Solution due time (running clock).
    pub solution_due_at: Option<DateTime<Utc>>,
    /// The platform's own answer limit (running clock).
    pub hard_due_at: Option<DateTime<Utc>>,
    /// Resolved at.
    pub resolved_at: Option<DateTime<Utc>>,
    /// Closed at.
    pub closed_at: Option<DateTime<Utc>>,
}

const TICKET_COLUMNS: &[&str] = &[
    "store_id",
    "customer_id",
    "channel",
    "visibility",
    "subject",
    "status",
    "category",
    "urgency",
    "language",
    "sentiment",
    "assignee_id",
    "message_count",
    "first_message_at",
    "last_message_at",
    "created_at",
    "updated_at",
    "search_text",
    "first_response_due_at",
    "first_responded_at",
    "solution_due_at",
    "hard_due_at",
    "resolved_at",
    "closed_at",
];

impl Db {
    /// Inserts one customer per name in one transaction; their ids, in order.
    pub async fn bulk_insert_customers(
        &self,
        names: &[String],
        now: DateTime<Utc>,
    ) -> Result<Vec<i64>, DbError> {
        let now = ms(now);
        let mut tx = self.begin_write().await?;
        let ids = self.reserve_ids(&mut tx, "customers", names.len()).await?;
        let rows = ids
            .iter()
            .zip(names)
            .map(|(&id, name)| {
                vec![
                    Val::from(id),
                    Val::from(name.as_str()),
                    Val::from(name.to_lowercase()),
                    Val::from(now),
                    Val::from(now),
                ]
            })
            .collect();
        insert_rows(
            &mut tx,
            self.backend(),
            "customers",
            &["id", "name", "search_text", "created_at", "updated_at"],
            rows,
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// Inserts `tickets` in one transaction.
    pub async fn bulk_insert_tickets(
        &self,
        tickets: &[BulkTicket],
        now: DateTime<Utc>,
    ) -> Result<(), DbError> {
        let now = ms(now);
        let rows = tickets
            .iter()
            .map(|t| {
                vec![
                    Val::from(t.store_id),
                    Val::from(t.customer_id),
                    Val::from(t.channel.as_str()),
                    Val::from(t.visibility.as_str()),
                    Val::from(t.subject.clone()),
                    Val::from(t.status.as_str()),
                    Val::from(t.category.as_str()),
                    Val::from(t.urgency.as_str()),
                    Val::from(t.language.as_str()),
                    Val::from(t.sentiment),
                    Val::from(t.assignee_id),
                    Val::from(t.message_count),
                    Val::from(ms(t.first_message_at)),
                    Val::from(ms(t.last_message_at)),
                    Val::from(now),
                    Val::from(now),
                    Val::from(crate::search::fold(&t.search_text)),
                    Val::from(t.first_response_due_at.map(ms)),
                    Val::from(t.first_responded_at.map(ms)),
                    Val::from(t.solution_due_at.map(ms)),
                    Val::from(t.hard_due_at.map(ms)),
                    Val::from(t.resolved_at.map(ms)),
                    Val::from(t.closed_at.map(ms)),
                ]
            })
            .collect();
        let mut tx = self.begin_write().await?;
        insert_rows(&mut tx, self.backend(), "tickets", TICKET_COLUMNS, rows, "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Refreshes the planner's statistics after a bulk load (PostgreSQL: `ANALYZE`, as
    /// autovacuum would do a little later). SQLite keeps none: its inbox queries are written
    /// and indexed to be cheap without them.
    pub async fn refresh_statistics(&self) -> Result<(), DbError> {
        if self.backend() == crate::Backend::Postgres {
            sqlx::query("ANALYZE tickets, customers")
                .execute(self.writer())
                .await?;
        }
        Ok(())
    }

    /// The benchmark's yardstick: the inbox's page query (same columns and joins) by
    /// primary key alone, the cheapest page the schema serves; the number of rows read.
    pub async fn baseline_page(&self, limit: u32) -> Result<usize, DbError> {
        let sql = format!(
            "{} ORDER BY t.id DESC LIMIT {}",
            crate::queries::SUMMARY_SELECT,
            limit.clamp(1, 500) + 1
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.reader())
            .await?;
        let items = rows
            .iter()
            .map(crate::queries::summary)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(items.len())
    }
}
