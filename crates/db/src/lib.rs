//! crossdesk storage: one interface ([`Db`]) over two backends, SQLite (the default, embedded)
//! and PostgreSQL (to scale out). The same SQL serves both through sqlx's `Any` driver;
//! what differs (connection setup, write locking, id reservation) lives in `backend/`.
//!
//! No sqlx type crosses this crate's API: callers see domain types, the read models in
//! [`views`] and [`DbError`].

mod accounts;
mod backend;
mod bench;
mod customers;
mod error;
mod import;
mod ingest;
mod live;
mod migrate;
mod queries;
pub mod scratch;
mod search;
mod sql;
mod surveys;
mod timers;
mod translations;
mod url;
pub mod views;
mod workflow;
mod workspace;

pub use accounts::{AgentView, Credential, StoreScope, TeamView, TokenView};
pub use backend::Backend;
pub use bench::BulkTicket;
pub use error::DbError;
pub use import::{ImportOutcome, ImportStats};
pub use ingest::{IngestItem, IngestOutcome};
pub use live::{ChangeTick, MessageTick};
pub use migrate::{MIGRATIONS_POSTGRES, MIGRATIONS_SQLITE, Migration};
pub use queries::{
    AT_RISK_WITHIN, CustomerFilter, Page, SlaState, TicketCounts, TicketFilter, decode_cursor,
};
pub use surveys::{SURVEY_COMMENT_MAX_CHARS, SurveyAnswer};
pub use timers::{NewTimer, Timer};
pub use translations::{MessageText, Translation};
pub use url::{DatabaseUrl, redact};
pub use workflow::{AUTO_CLOSE_AFTER, Actor, NewReply, OutboxView, ReplyDone, SURVEY_AFTER};
pub use workspace::{
    CorrectedLabel, CorrectionView, LabelChanged, LabelCorrection, SavedView, SocialPost,
    WatchMatch,
};

use sqlx::{Any, Transaction};
use sqlx::{AnyConnection, AnyPool};
use std::sync::Arc;

/// A handle on the database: cheap to clone, shared by every use case.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    backend: Backend,
    /// Readers (SQLite) or every connection (PostgreSQL).
    read: AnyPool,
    /// The single SQLite writer connection; the same pool as `read` on PostgreSQL.
    write: AnyPool,
    url: String,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.inner.backend)
            .field("url", &self.inner.url)
            .finish()
    }
}

impl Db {
    /// Opens the database named by `url` (`sqlite://PATH`, `sqlite::memory:`,
    /// `postgres://…`), creating a SQLite file if missing, and applies pending migrations.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        let parsed = DatabaseUrl::parse(url)?;
        let (read, write) = backend::open(&parsed).await?;
        let db = Self {
            inner: Arc::new(Inner {
                backend: parsed.backend(),
                read,
                write,
                url: redact(url),
            }),
        };
        migrate::run(&db).await?;
        Ok(db)
    }

    /// Which backend this is.
    pub fn backend(&self) -> Backend {
        self.inner.backend
    }

    /// The URL with any password removed, for logs.
    pub fn display_url(&self) -> &str {
        &self.inner.url
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), DbError> {
        sqlx::query("SELECT 1").execute(&self.inner.read).await?;
        Ok(())
    }

    /// Closes every connection, waiting for running queries.
    pub async fn close(&self) {
        self.inner.write.close().await;
        self.inner.read.close().await;
    }

    pub(crate) fn reader(&self) -> &AnyPool {
        &self.inner.read
    }

    /// The pool that writes (the single connection on SQLite).
    pub(crate) fn writer(&self) -> &AnyPool {
        &self.inner.write
    }

    /// Starts a write transaction that holds the backend's write lock (see
    /// [`backend::begin_write`]).
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>, DbError> {
        backend::begin_write(self.inner.backend, &self.inner.write).await
    }

    pub(crate) async fn reserve_ids(
        &self,
        conn: &mut AnyConnection,
        table: &'static str,
        n: usize,
    ) -> Result<Vec<i64>, DbError> {
        backend::reserve_ids(self.inner.backend, conn, table, n).await
    }
}

/// The benchmark's baselines: the rows intake writes for `items` (a customer, an identity, a
/// ticket, the message and two ticket events per message) with no lookups and no threading,
/// in one transaction. `bulk == false`: one single-row `INSERT` per row (a bare loop);
/// `bulk == true`: the same rows with multi-row `INSERT`s, as intake writes them.
pub async fn baseline_insert(
    db: &Db,
    items: &[IngestItem],
    now: chrono::DateTime<chrono::Utc>,
    bulk: bool,
) -> Result<(), DbError> {
    use sql::{Val, insert_rows};
    let now = now.timestamp_millis();
    let mut tables: [Vec<Vec<Val>>; 5] = Default::default();
    for (i, it) in items.iter().enumerate() {
        let id = i as i64 + 1;
        let m = &it.inbound;
        tables[0].push(vec![
            Val::from(id),
            Val::from(m.author.name.clone()),
            Val::from(now),
            Val::from(now),
        ]);
        let who = m
            .author
            .email
            .clone()
            .or(m.author.handle.clone())
            .or(m.author.buyer_id.clone())
            .unwrap_or_default();
        tables[1].push(vec![
            Val::from("email"),
            Val::from(format!("{who}#{id}")),
            Val::from(id),
            Val::from(now),
        ]);
        let sent = m.sent_at.timestamp_millis();
        tables[2].push(vec![
            Val::from(id),
            Val::from(it.store_id),
            Val::from(id),
            Val::from(None::<i64>),
            Val::from(m.channel.as_str()),
            Val::from(m.visibility.as_str()),
            Val::from(it.derived.headline.clone()),
            Val::from("new"),
            Val::from(it.triage.category.as_str()),
            Val::from(it.triage.urgency.as_str()),
            Val::from(it.triage.language.as_str()),
            Val::from(f64::from(it.triage.sentiment)),
            Val::from(1i64),
            Val::from(sent),
            Val::from(sent),
            Val::from(now),
            Val::from(now),
            Val::from(it.derived.search.clone()),
        ]);
        tables[3].push(it.message_row(id, id, Some(id), now));
        for kind in ["created", "message_added"] {
            tables[4].push(vec![
                Val::from(id),
                Val::from(now),
                Val::from("customer"),
                Val::from(id),
                Val::from(kind),
                Val::from("{}"),
            ]);
        }
    }
    const COLUMNS: [(&str, &[&str]); 5] = [
        ("customers", &["id", "name", "created_at", "updated_at"]),
        (
            "identities",
            &["kind", "value", "customer_id", "created_at"],
        ),
        ("tickets", ingest::TICKET_COLUMNS_INSERT),
        ("messages", ingest::MESSAGE_COLUMNS),
        ("ticket_events", ingest::EVENT_COLUMNS),
    ];
    let mut tx = db.begin_write().await?;
    if bulk {
        for ((table, columns), rows) in COLUMNS.iter().zip(tables) {
            insert_rows(&mut tx, db.backend(), table, columns, rows, "").await?;
        }
    } else {
        // Row by row, message by message, as a naive importer would.
        let mut iters: Vec<_> = tables.into_iter().map(Vec::into_iter).collect();
        for _ in items {
            for (t, (table, columns)) in COLUMNS.iter().enumerate() {
                let per_message = if t == 4 { 2 } else { 1 };
                for row in iters[t].by_ref().take(per_message) {
                    insert_rows(&mut tx, db.backend(), table, columns, vec![row], "").await?;
                }
            }
        }
    }
    tx.commit().await?;
    Ok(())
}
