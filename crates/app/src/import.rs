//! Reference import use case: a JSONL file of stores, SKUs, orders, shipments and tracking
//! events, streamed in batches; bad lines are reported and skipped, good ones kept.

use crate::App;
use crate::intake::{Progress, Rejection};
use crate::jsonl::JsonLines;
use crossdesk_db::{DbError, ImportOutcome, ImportStats};
use crossdesk_domain::FieldError;
use crossdesk_domain::import::ImportRecord;
use tokio::io::AsyncBufRead;

const BATCH: usize = 500;

impl App {
    /// Imports reference records from a JSONL stream.
    pub async fn import_stream<R: AsyncBufRead + Unpin>(
        &self,
        reader: R,
        progress: &mut dyn Progress,
    ) -> Result<ImportStats, DbError> {
        let mut lines = JsonLines::new(reader);
        let mut stats = ImportStats::default();
        let mut batch: Vec<(u64, ImportRecord)> = Vec::with_capacity(BATCH);
        loop {
            let line = lines
                .next()
                .await
                .map_err(|e| DbError::Other(format!("reading input failed: {e}")))?;
            let done = line.is_none();
            if let Some(line) = line {
                progress.advance(line.offset);
                let parsed = line
                    .value
                    .map_err(|m| FieldError::new("$", m))
                    .and_then(|v| ImportRecord::parse(&v));
                match parsed {
                    Ok(record) => batch.push((line.number, record)),
                    Err(error) => {
                        stats.rejected += 1;
                        progress.rejected(&Rejection {
                            at: line.number,
                            error,
                        });
                    }
                }
            }
            if batch.len() >= BATCH || (done && !batch.is_empty()) {
                let records: Vec<ImportRecord> = batch.iter().map(|(_, r)| r.clone()).collect();
                let outcomes = self.db().import(&records, self.clock().now()).await?;
                for ((number, _), outcome) in batch.drain(..).zip(outcomes) {
                    if let ImportOutcome::Rejected(error) = &outcome {
                        progress.rejected(&Rejection {
                            at: number,
                            error: error.clone(),
                        });
                    }
                    stats.add(&outcome);
                }
            }
            if done {
                return Ok(stats);
            }
        }
    }

    /// Imports already-built records (the demo's workspace), in batches.
    pub async fn import_records(&self, records: &[ImportRecord]) -> Result<ImportStats, DbError> {
        let mut stats = ImportStats::default();
        for chunk in records.chunks(BATCH) {
            for outcome in self.db().import(chunk, self.clock().now()).await? {
                stats.add(&outcome);
            }
        }
        Ok(stats)
    }
}
