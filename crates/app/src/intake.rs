//! Intake: inbound messages are validated, triaged, resolved to their store and stored on
//! threaded tickets. Requests from many callers share one writer that commits them in
//! groups (group commit): each caller is answered only after its messages are committed.

use crate::jsonl::JsonLines;
use crate::{AppConfig, Clock};
use crossdesk_db::{Db, DbError, IngestItem, IngestOutcome};
use crossdesk_domain::FieldError;
use crossdesk_domain::inbound::Inbound;
use crossdesk_domain::triage::{Triage, TriageConfig, TriageInput, triage};
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, RwLock};
use tokio::io::AsyncBufRead;
use tokio::sync::{mpsc, oneshot};

/// Most messages committed in one transaction.
pub const MAX_BATCH: usize = 1_000;

/// Triage of an inbound message, before its order is known.
pub fn triage_inbound(m: &Inbound, config: &TriageConfig) -> Triage {
    triage(
        &TriageInput {
            text: &m.text,
            subject: m.subject.as_deref(),
            channel: Some(m.channel),
            visibility: Some(m.visibility),
            order_value_usd: None,
            followers: m.author.followers,
            lang_hint: m.lang.as_deref(),
        },
        config,
    )
}

type Reply = oneshot::Sender<Result<Vec<IngestOutcome>, Arc<DbError>>>;

struct Job {
    items: Vec<IngestItem>,
    reply: Reply,
}

/// Store keys to ids, refreshed from storage when a key is not known yet.
#[derive(Debug, Default)]
struct StoreDirectory(RwLock<HashMap<String, i64>>);

impl StoreDirectory {
    fn get(&self, key: &str) -> Option<i64> {
        self.0.read().ok()?.get(key).copied()
    }

    async fn refresh(&self, db: &Db) -> Result<(), DbError> {
        let stores = db.stores().await?;
        if let Ok(mut map) = self.0.write() {
            *map = stores.into_iter().map(|s| (s.key, s.id)).collect();
        }
        Ok(())
    }
}

/// A rejected message: its position in the request or file and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{error}")]
pub struct Rejection {
    /// Index in the request (0-based) or line number in a file (1-based).
    pub at: u64,
    /// The field and the reason.
    pub error: FieldError,
}

/// What can go wrong when submitting messages.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    /// A message is malformed or names an unknown store; nothing was stored.
    #[error("{0}")]
    Invalid(Rejection),
    /// Storage failed; nothing was stored.
    #[error(transparent)]
    Db(#[from] Arc<DbError>),
}

/// The intake service: cheap to clone.
#[derive(Clone)]
pub struct IntakeHandle {
    db: Db,
    config: Arc<AppConfig>,
    stores: Arc<StoreDirectory>,
    jobs: mpsc::Sender<Job>,
}

impl IntakeHandle {
    /// Starts the writer task.
    pub fn start(db: Db, clock: Arc<dyn Clock>, config: Arc<AppConfig>) -> Self {
        let (jobs, rx) = mpsc::channel(256);
        tokio::spawn(writer(db.clone(), clock, config.clone(), rx));
        Self {
            db,
            config,
            stores: Arc::default(),
            jobs,
        }
    }

    /// Validates, triages and resolves the store of one message.
    pub async fn prepare(&self, value: &Value) -> Result<IngestItem, FieldError> {
        let inbound = Inbound::parse(value)?;
        self.prepare_parsed(inbound).await
    }

    async fn store_id(&self, key: &str) -> Result<Option<i64>, DbError> {
        if let Some(id) = self.stores.get(key) {
            return Ok(Some(id));
        }
        self.stores.refresh(&self.db).await?;
        Ok(self.stores.get(key))
    }

    async fn prepare_parsed(&self, inbound: Inbound) -> Result<IngestItem, FieldError> {
        let store_id = match &inbound.store {
            None => None,
            Some(key) => match self.store_id(key).await {
                Ok(Some(id)) => Some(id),
                Ok(None) => {
                    return Err(FieldError::new(
                        "store",
                        format!("no store with key {key:?}; import it first (crossdesk import)"),
                    ));
                }
                Err(e) => {
                    return Err(FieldError::new(
                        "store",
                        format!("could not look the store up: {e}"),
                    ));
                }
            },
        };
        let triage = triage_inbound(&inbound, &self.config.triage);
        Ok(IngestItem::new(inbound, triage, store_id))
    }

    /// Validates every message, then stores them all or none. Answers once committed.
    pub async fn submit(&self, values: &[Value]) -> Result<Vec<IngestOutcome>, IntakeError> {
        let mut items = Vec::with_capacity(values.len());
        for (i, v) in values.iter().enumerate() {
            let item = self.prepare(v).await.map_err(|error| {
                IntakeError::Invalid(Rejection {
                    at: i as u64,
                    error,
                })
            })?;
            items.push(item);
        }
        self.commit(items).await
    }

    /// Hands prepared messages to the writer and waits for the commit.
    pub async fn commit(&self, items: Vec<IngestItem>) -> Result<Vec<IngestOutcome>, IntakeError> {
        self.enqueue(items).await?.await
    }

    /// Queues prepared messages at the writer (queue order is commit order) and returns the
    /// wait for their commit.
    async fn enqueue(
        &self,
        items: Vec<IngestItem>,
    ) -> Result<impl Future<Output = Result<Vec<IngestOutcome>, IntakeError>> + use<>, IntakeError>
    {
        let stopped = || {
            IntakeError::Db(Arc::new(DbError::Unavailable(
                "the intake writer has stopped".into(),
            )))
        };
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { items, reply })
            .await
            .map_err(|_| stopped())?;
        Ok(async move {
            answer
                .await
                .map_err(|_| stopped())?
                .map_err(IntakeError::Db)
        })
    }

    /// Prepares one batch of lines: parse, validate, resolve the store, triage, derive.
    async fn prepare_batch(
        &self,
        lines: Vec<(u64, Result<Value, String>)>,
    ) -> (Vec<IngestItem>, Vec<Rejection>) {
        let mut items = Vec::with_capacity(lines.len());
        let mut rejections = Vec::new();
        for (at, value) in lines {
            let prepared = match value {
                Ok(v) => self.prepare(&v).await,
                Err(message) => Err(FieldError::new("$", message)),
            };
            match prepared {
                Ok(item) => items.push(item),
                Err(error) => rejections.push(Rejection { at, error }),
            }
        }
        (items, rejections)
    }

    /// Streams a JSONL file through intake in batches, in constant memory. Batches are
    /// prepared (parsed, triaged) in parallel tasks while earlier ones are written, and
    /// reach the writer in file order, so a reply always lands after the message it answers.
    /// Malformed lines are reported to `progress` and skipped.
    pub async fn ingest_stream<R: AsyncBufRead + Unpin>(
        &self,
        reader: R,
        progress: &mut dyn Progress,
    ) -> Result<StreamSummary, IntakeError> {
        const IN_FLIGHT: usize = 2;
        type Prepared = tokio::task::JoinHandle<(Vec<IngestItem>, Vec<Rejection>)>;
        let mut lines = JsonLines::new(reader);
        let mut summary = StreamSummary::default();
        let mut preparing: VecDeque<Prepared> = VecDeque::new();
        let mut committing: VecDeque<
            tokio::task::JoinHandle<Result<Vec<IngestOutcome>, IntakeError>>,
        > = VecDeque::new();
        let mut raw = Vec::with_capacity(MAX_BATCH);
        loop {
            let line = lines
                .next()
                .await
                .map_err(|e| Arc::new(DbError::Other(format!("reading input failed: {e}"))))?;
            let done = line.is_none();
            if let Some(line) = line {
                summary.lines += 1;
                progress.advance(line.offset);
                raw.push((line.number, line.value));
            }
            if raw.len() >= MAX_BATCH || (done && !raw.is_empty()) {
                let this = self.clone();
                let batch = std::mem::replace(&mut raw, Vec::with_capacity(MAX_BATCH));
                preparing.push_back(tokio::spawn(async move { this.prepare_batch(batch).await }));
            }
            while preparing.len() > IN_FLIGHT || (done && !preparing.is_empty()) {
                let Some(next) = preparing.pop_front() else {
                    break;
                };
                let (items, rejections) = next.await.map_err(task_failed)?;
                for r in &rejections {
                    progress.rejected(r);
                }
                summary.rejected += rejections.len() as u64;
                if items.is_empty() {
                    continue;
                }
                let wait = self.enqueue(items).await?;
                committing.push_back(tokio::spawn(wait));
                while committing.len() > IN_FLIGHT {
                    if let Some(c) = committing.pop_front() {
                        summary.count(c.await.map_err(task_failed)??);
                    }
                }
            }
            if done {
                break;
            }
        }
        while let Some(c) = committing.pop_front() {
            summary.count(c.await.map_err(task_failed)??);
        }
        Ok(summary)
    }
}

fn task_failed(e: tokio::task::JoinError) -> IntakeError {
    IntakeError::Db(Arc::new(DbError::Other(format!("intake task failed: {e}"))))
}

/// Receives progress from long intake and import runs.
pub trait Progress {
    /// `bytes` of the input have been read.
    fn advance(&mut self, bytes: u64);
    /// A record was rejected.
    fn rejected(&mut self, rejection: &Rejection);
}

/// Totals of a streamed intake.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct StreamSummary {
    /// Non-blank lines read.
    pub lines: u64,
    /// New messages stored.
    pub stored: u64,
    /// Messages already stored before.
    pub duplicates: u64,
    /// Tickets opened.
    pub tickets_created: u64,
    /// Lines refused.
    pub rejected: u64,
}

impl StreamSummary {
    fn count(&mut self, outcomes: Vec<IngestOutcome>) {
        for o in outcomes {
            match o {
                IngestOutcome::Stored { ticket_created, .. } => {
                    self.stored += 1;
                    self.tickets_created += u64::from(ticket_created);
                }
                IngestOutcome::Duplicate { .. } => self.duplicates += 1,
            }
        }
    }
}

/// The group-commit loop: takes every job waiting, commits them in one transaction and
/// answers each. If a group fails, its jobs are retried one by one so that one bad job
/// cannot fail the others.
async fn writer(
    db: Db,
    clock: Arc<dyn Clock>,
    config: Arc<AppConfig>,
    mut rx: mpsc::Receiver<Job>,
) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        let mut size = jobs[0].items.len();
        while size < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => {
                    size += job.items.len();
                    jobs.push(job);
                }
                Err(_) => break,
            }
        }
        if jobs.len() == 1 {
            let job = jobs.remove(0);
            let started = std::time::Instant::now();
            let result = db
                .ingest(&job.items, &config.triage, clock.now())
                .await
                .map_err(Arc::new);
            tracing::debug!(
                messages = job.items.len(),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "committed"
            );
            let _ = job.reply.send(result);
            continue;
        }
        // Move the items into one batch (no copies); the lengths split it back.
        let (replies, batches): (Vec<Reply>, Vec<Vec<IngestItem>>) =
            jobs.into_iter().map(|j| (j.reply, j.items)).unzip();
        let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
        let mut all: Vec<IngestItem> = batches.into_iter().flatten().collect();
        match db.ingest(&all, &config.triage, clock.now()).await {
            Ok(mut outcomes) => {
                for (reply, size) in replies.into_iter().zip(sizes) {
                    let rest = outcomes.split_off(size);
                    let _ = reply.send(Ok(outcomes));
                    outcomes = rest;
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, jobs = sizes.len(), "group commit failed; retrying jobs one by one");
                for (reply, size) in replies.into_iter().zip(sizes) {
                    let rest = all.split_off(size);
                    let result = db
                        .ingest(&all, &config.triage, clock.now())
                        .await
                        .map_err(Arc::new);
                    all = rest;
                    let _ = reply.send(result);
                }
            }
        }
    }
}
