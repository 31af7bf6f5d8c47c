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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
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

type Answer = Result<Vec<IngestOutcome>, Arc<DbError>>;
type Reply = oneshot::Sender<Answer>;

struct Job {
    items: Vec<IngestItem>,
    reply: Reply,
    /// Set when a job of the same stream failed: later jobs of that stream are refused, so
    /// that nothing is threaded without the messages before it.
    stream_failed: Option<Arc<AtomicBool>>,
}

/// Store keys to ids, refreshed from storage when a key is not known yet. A key that was
/// just looked up in vain is not looked up again for a few seconds, so a file full of one
/// unknown store costs one query, not one per line.
#[derive(Debug, Default)]
struct StoreDirectory {
    known: RwLock<HashMap<String, i64>>,
    misses: Mutex<HashMap<String, Instant>>,
}

const MISS_TTL: Duration = Duration::from_secs(5);

impl StoreDirectory {
    fn get(&self, key: &str) -> Option<i64> {
        self.known.read().ok()?.get(key).copied()
    }

    fn recently_missed(&self, key: &str) -> bool {
        self.misses
            .lock()
            .ok()
            .and_then(|m| m.get(key).copied())
            .is_some_and(|at| at.elapsed() < MISS_TTL)
    }

    async fn refresh(&self, db: &Db, wanted: &str) -> Result<(), DbError> {
        let stores = db.stores().await?;
        if let Ok(mut map) = self.known.write() {
            *map = stores.into_iter().map(|s| (s.key, s.id)).collect();
            if let Ok(mut misses) = self.misses.lock() {
                misses.retain(|_, at| at.elapsed() < MISS_TTL);
                if !map.contains_key(wanted) {
                    misses.insert(wanted.to_string(), Instant::now());
                }
            }
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
    /// A streamed file stopped at a batch that could not be stored.
    #[error(
        "stopped at line {line}: {source}; the lines before it are stored, and running the same \
         file again continues (stored lines are skipped as duplicates)"
    )]
    StoppedAt {
        /// The first line of the batch that failed.
        line: u64,
        /// Why.
        source: Arc<DbError>,
    },
}

/// Why a message could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    /// The message is malformed or names an unknown store.
    #[error("{0}")]
    Invalid(#[from] FieldError),
    /// Storage could not be asked (the message may be fine).
    #[error(transparent)]
    Db(#[from] DbError),
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
    pub async fn prepare(&self, value: &Value) -> Result<IngestItem, PrepareError> {
        let inbound = Inbound::parse(value)?;
        self.prepare_parsed(inbound).await
    }

    async fn store_id(&self, key: &str) -> Result<Option<i64>, DbError> {
        if let Some(id) = self.stores.get(key) {
            return Ok(Some(id));
        }
        if self.stores.recently_missed(key) {
            return Ok(None);
        }
        self.stores.refresh(&self.db, key).await?;
        Ok(self.stores.get(key))
    }

    async fn prepare_parsed(&self, inbound: Inbound) -> Result<IngestItem, PrepareError> {
        let store_id = match &inbound.store {
            None => None,
            Some(key) => match self.store_id(key).await? {
                Some(id) => Some(id),
                None => {
                    return Err(FieldError::new(
                        "store",
                        format!("no store with key {key:?}; import it first (crossdesk import)"),
                    )
                    .into());
                }
            },
        };
        let triage = triage_inbound(&inbound, &self.config.triage);
        Ok(IngestItem::new(inbound, triage, store_id))
    }

    /// Validates every message, then stores them all or none. Answers once committed.
    pub async fn submit(&self, values: &[Value]) -> Result<Vec<IngestOutcome>, IntakeError> {
        self.submit_scoped(values, None).await
    }

    /// [`Self::submit`] for a credential limited to `scope` (store ids): threading links
    /// its messages only to orders and open tickets of those stores.
    pub async fn submit_scoped(
        &self,
        values: &[Value],
        scope: Option<Vec<i64>>,
    ) -> Result<Vec<IngestOutcome>, IntakeError> {
        let mut items = Vec::with_capacity(values.len());
        for (i, v) in values.iter().enumerate() {
            let item = self.prepare(v).await.map_err(|e| match e {
                PrepareError::Invalid(error) => IntakeError::Invalid(Rejection {
                    at: i as u64,
                    error,
                }),
                PrepareError::Db(e) => IntakeError::Db(Arc::new(e)),
            })?;
            let mut item = item;
            item.scope = scope.clone();
            items.push(item);
        }
        self.commit(items).await
    }

    /// Hands prepared messages to the writer and waits for the commit.
    pub async fn commit(&self, items: Vec<IngestItem>) -> Result<Vec<IngestOutcome>, IntakeError> {
        self.enqueue(items, None).await?.await
    }

    /// Queues prepared messages at the writer (queue order is commit order) and returns the
    /// wait for their commit.
    async fn enqueue(
        &self,
        items: Vec<IngestItem>,
        stream_failed: Option<Arc<AtomicBool>>,
    ) -> Result<impl Future<Output = Result<Vec<IngestOutcome>, IntakeError>> + use<>, IntakeError>
    {
        let stopped = || {
            IntakeError::Db(Arc::new(DbError::Unavailable(
                "the intake writer has stopped".into(),
            )))
        };
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job {
                items,
                reply,
                stream_failed,
            })
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
    async fn prepare_batch(&self, lines: Vec<(u64, Result<Value, String>)>) -> PreparedBatch {
        let mut batch = PreparedBatch {
            first_line: lines.first().map_or(0, |(n, _)| *n),
            items: Vec::with_capacity(lines.len()),
            rejections: Vec::new(),
            storage: None,
        };
        for (at, value) in lines {
            let prepared = match value {
                Ok(v) => self.prepare(&v).await,
                Err(message) => Err(FieldError::new("$", message).into()),
            };
            match prepared {
                Ok(item) => batch.items.push(item),
                Err(PrepareError::Invalid(error)) => batch.rejections.push(Rejection { at, error }),
                Err(PrepareError::Db(e)) => {
                    batch.storage = Some(e);
                    break;
                }
            }
        }
        batch
    }

    /// Streams a JSONL file through intake in batches, in constant memory. Batches are
    /// prepared (parsed, triaged) in parallel tasks while earlier ones are written, and
    /// reach the writer in file order, so a reply always lands after the message it answers.
    /// Malformed lines are reported to `progress` and skipped. If a batch cannot be stored,
    /// the stream stops there ([`IntakeError::StoppedAt`]) and no later batch is written.
    pub async fn ingest_stream<R: AsyncBufRead + Unpin>(
        &self,
        reader: R,
        progress: &mut dyn Progress,
    ) -> Result<StreamSummary, IntakeError> {
        const IN_FLIGHT: usize = 2;
        type Committing = (
            u64,
            tokio::task::JoinHandle<Result<Vec<IngestOutcome>, IntakeError>>,
        );
        let failed = Arc::new(AtomicBool::new(false));
        let mut lines = JsonLines::new(reader);
        let mut summary = StreamSummary::default();
        let mut preparing: VecDeque<tokio::task::JoinHandle<PreparedBatch>> = VecDeque::new();
        let mut committing: VecDeque<Committing> = VecDeque::new();
        let stopped = |line: u64, e: IntakeError| match e {
            IntakeError::Db(source) => IntakeError::StoppedAt { line, source },
            other => other,
        };
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
                let batch = next.await.map_err(task_failed)?;
                for r in &batch.rejections {
                    progress.rejected(r);
                }
                summary.rejected += batch.rejections.len() as u64;
                if let Some(e) = batch.storage {
                    failed.store(true, Ordering::SeqCst);
                    return Err(IntakeError::StoppedAt {
                        line: batch.first_line,
                        source: Arc::new(e),
                    });
                }
                if batch.items.is_empty() {
                    continue;
                }
                let wait = self.enqueue(batch.items, Some(failed.clone())).await?;
                committing.push_back((batch.first_line, tokio::spawn(wait)));
                while committing.len() > IN_FLIGHT {
                    if let Some((line, c)) = committing.pop_front() {
                        summary.count(
                            c.await
                                .map_err(task_failed)?
                                .map_err(|e| stopped(line, e))?,
                        );
                    }
                }
            }
            if done {
                break;
            }
        }
        while let Some((line, c)) = committing.pop_front() {
            summary.count(
                c.await
                    .map_err(task_failed)?
                    .map_err(|e| stopped(line, e))?,
            );
        }
        Ok(summary)
    }
}

/// One batch of a stream, prepared.
struct PreparedBatch {
    first_line: u64,
    items: Vec<IngestItem>,
    rejections: Vec<Rejection>,
    /// Storage failed while preparing (store lookup): the stream must stop here.
    storage: Option<DbError>,
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
/// cannot fail the others; a job whose stream already failed is refused. Each transaction
/// runs in its own task, so a panic fails its callers, never the writer.
async fn writer(
    db: Db,
    clock: Arc<dyn Clock>,
    config: Arc<AppConfig>,
    mut rx: mpsc::Receiver<Job>,
) {
    let refused = || {
        Arc::new(DbError::Unavailable(
            "an earlier batch of this stream could not be stored".into(),
        ))
    };
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
        let (live, dead): (Vec<Job>, Vec<Job>) = jobs.into_iter().partition(|j| !stream_failed(j));
        for job in dead {
            let _ = job.reply.send(Err(refused()));
        }
        if live.is_empty() {
            continue;
        }
        // Move the items into one batch (no copies); the sizes split it back.
        let mut replies = Vec::with_capacity(live.len());
        let mut all = Vec::with_capacity(size);
        for job in live {
            replies.push((job.items.len(), job.reply, job.stream_failed));
            all.extend(job.items);
        }
        let started = std::time::Instant::now();
        let (mut all, result) = guarded(&db, &config, clock.now(), all).await;
        tracing::debug!(
            messages = all.len(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "group committed"
        );
        match result {
            Ok(mut outcomes) => {
                for (size, reply, _) in replies {
                    let rest = outcomes.split_off(size);
                    let _ = reply.send(Ok(outcomes));
                    outcomes = rest;
                }
            }
            Err(e) if replies.len() == 1 || all.is_empty() => {
                for (_, reply, flag) in replies {
                    mark_failed(flag.as_ref());
                    let _ = reply.send(Err(e.clone()));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, jobs = replies.len(), "group commit failed; retrying jobs one by one");
                for (size, reply, flag) in replies {
                    let rest = all.split_off(size);
                    if flag.as_ref().is_some_and(|f| f.load(Ordering::SeqCst)) {
                        let _ = reply.send(Err(refused()));
                    } else {
                        let (_, result) = guarded(&db, &config, clock.now(), all).await;
                        if result.is_err() {
                            mark_failed(flag.as_ref());
                        }
                        let _ = reply.send(result);
                    }
                    all = rest;
                }
            }
        }
    }
}

fn stream_failed(job: &Job) -> bool {
    job.stream_failed
        .as_ref()
        .is_some_and(|f| f.load(Ordering::SeqCst))
}

fn mark_failed(flag: Option<&Arc<AtomicBool>>) {
    if let Some(f) = flag {
        f.store(true, Ordering::SeqCst);
    }
}

/// Runs one intake transaction in its own task; gives the items back (none after a panic).
async fn guarded(
    db: &Db,
    config: &Arc<AppConfig>,
    now: chrono::DateTime<chrono::Utc>,
    items: Vec<IngestItem>,
) -> (Vec<IngestItem>, Result<Vec<IngestOutcome>, Arc<DbError>>) {
    let (db, config) = (db.clone(), config.clone());
    let task = tokio::spawn(async move {
        let result = db
            .ingest(&items, &config.triage, now)
            .await
            .map_err(Arc::new);
        (items, result)
    });
    match task.await {
        Ok(done) => done,
        Err(e) => {
            tracing::error!(error = %e, "intake transaction panicked");
            (
                Vec::new(),
                Err(Arc::new(DbError::Other(
                    "intake failed unexpectedly".into(),
                ))),
            )
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::SystemClock;
    use crossdesk_db::scratch::ScratchDb;
    use serde_json::json;

    fn item(id: &str, store_id: Option<i64>) -> IngestItem {
        let m = json!({"channel": "twitter", "external_id": id, "author": {"handle": format!("@{id}")},
                       "text": "where is my parcel", "sent_at": "2026-11-20T08:00:00Z"});
        let inbound = Inbound::parse(&m).unwrap();
        let triage = triage_inbound(&inbound, &TriageConfig::default());
        IngestItem::new(inbound, triage, store_id)
    }

    fn job(
        items: Vec<IngestItem>,
        flag: Option<Arc<AtomicBool>>,
    ) -> (Job, oneshot::Receiver<Answer>) {
        let (reply, answer) = oneshot::channel();
        (
            Job {
                items,
                reply,
                stream_failed: flag,
            },
            answer,
        )
    }

    #[tokio::test]
    async fn a_failing_job_in_a_group_fails_alone_and_stops_its_stream() {
        let scratch = ScratchDb::sqlite().unwrap();
        let db = Db::connect(scratch.url()).await.unwrap();
        let stream = Arc::new(AtomicBool::new(false));
        // Queued before the writer starts, so it takes all four as one group. The second
        // names a store that does not exist: the group fails, and the retry one by one
        // must store the others, fail that one, and refuse the next job of its stream.
        let (tx, rx) = mpsc::channel(8);
        let (a, a_answer) = job(vec![item("a", None)], None);
        let (b, b_answer) = job(vec![item("b", Some(4242))], Some(stream.clone()));
        let (c, c_answer) = job(vec![item("c", None)], Some(stream.clone()));
        let (d, d_answer) = job(vec![item("d", None)], None);
        for j in [a, b, c, d] {
            assert!(tx.send(j).await.is_ok());
        }
        drop(tx);
        writer(
            db.clone(),
            Arc::new(SystemClock),
            Arc::new(AppConfig::default()),
            rx,
        )
        .await;
        assert!(
            a_answer.await.unwrap().is_ok(),
            "a job before the bad one is stored"
        );
        assert!(b_answer.await.unwrap().is_err(), "the bad job fails");
        let refused = c_answer.await.unwrap().unwrap_err();
        assert!(refused.to_string().contains("earlier batch"), "{refused}");
        assert!(
            d_answer.await.unwrap().is_ok(),
            "another caller's job is not affected"
        );
        assert!(stream.load(Ordering::SeqCst));
        let messages = db
            .counts()
            .await
            .unwrap()
            .into_iter()
            .find(|(t, _)| *t == "messages")
            .unwrap()
            .1;
        assert_eq!(messages, 2);
    }
}
