//! The timer worker every `crossdesk serve` runs: it claims due timers with a lease, acts on
//! them, and marks them fired; several nodes on one PostgreSQL share the work without firing
//! a timer twice (see `crossdesk_db::timers`).
//!
//! The actions per kind (SLA checks, follow-ups, auto-close, surveys) arrive with the rest
//! of the workflow; until then a timer of any kind fires with no action beyond the record
//! of who fired it and when.

use crate::App;
use chrono::Duration;
use crossdesk_db::DbError;

/// How long a claim holds before another node may take the timer.
pub const LEASE: Duration = Duration::seconds(60);
/// Timers claimed per round.
const BATCH: i64 = 100;

/// Claims and fires the timers due now; returns how many fired.
pub async fn tick(app: &App, owner: &str) -> Result<usize, DbError> {
    let claimed = app
        .db()
        .claim_due_timers(owner, app.clock().now(), LEASE, BATCH)
        .await?;
    let mut fired = 0;
    for t in claimed {
        if app.db().fire_timer(t.id, owner, app.clock().now()).await? {
            tracing::debug!(id = t.id, kind = %t.kind, key = %t.key, "timer fired");
            fired += 1;
        } else {
            tracing::warn!(id = t.id, kind = %t.kind, "lease lost before firing; another node has it");
        }
    }
    Ok(fired)
}

/// Runs the worker until the runtime stops: a round at once while there is work, else one
/// every `poll`.
pub fn start(app: App, owner: String, poll: std::time::Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match tick(&app, &owner).await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "timer round failed; retrying"),
            }
            tokio::time::sleep(poll).await;
        }
    })
}
