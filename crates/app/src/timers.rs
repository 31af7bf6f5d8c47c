//! The timer worker every `crossdesk serve` runs: it claims due timers with a lease, acts on
//! them, and marks them fired; several nodes on one PostgreSQL share the work without firing
//! a timer twice (see `crossdesk_db::timers`).
//!
//! What each kind does:
//! - `sla`: records the warnings and breaches now due and escalates (see
//!   `Db::sla_check`), then schedules the ticket's next check;
//! - `update`: the customer has not heard from us for the update interval;
//! - `auto_close`: closes a ticket resolved 7 days ago without a reply;
//! - `survey`: opens the satisfaction survey 10 days after close and queues its signed link
//!   to the customer.
//!
//! Each action is idempotent (keyed), and the timer is marked fired after it: a node that
//! dies between the two leaves a timer whose second run changes nothing.

use crate::App;
use chrono::Duration;
use crossdesk_db::{DbError, Timer};
use crossdesk_domain::templates::{self, TemplateKind};

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
        if let Err(e) = act(app, &t).await {
            tracing::warn!(id = t.id, kind = %t.kind, error = %e, "timer action failed; it will be retried after its lease");
            continue;
        }
        if app.db().fire_timer(t.id, owner, app.clock().now()).await? {
            tracing::debug!(id = t.id, kind = %t.kind, key = %t.key, "timer fired");
            fired += 1;
        } else {
            tracing::warn!(id = t.id, kind = %t.kind, "lease lost before firing; another node has it");
        }
    }
    Ok(fired)
}

/// Does what a timer is for.
async fn act(app: &App, t: &Timer) -> Result<(), DbError> {
    let now = app.clock().now();
    let Some(ticket) = t.ticket_id else {
        return Ok(());
    };
    match t.kind.as_str() {
        "sla" => {
            let written = app.db().sla_check(ticket, now).await?;
            if !written.is_empty() {
                tracing::info!(ticket, events = ?written, "SLA check");
            }
        }
        "update" => {
            let since = t.payload["since"].as_i64().unwrap_or_default();
            app.db().update_check(ticket, since, now).await?;
        }
        "auto_close" => {
            let resolved_at = t.payload["resolved_at"].as_i64().unwrap_or_default();
            if app.db().auto_close(ticket, resolved_at, now).await? {
                tracing::info!(ticket, "closed 7 days after resolved");
            }
        }
        "survey" => {
            app.db().open_survey(ticket, now).await?;
            let path = app.survey_path(ticket).await?;
            let url = format!("{}{path}", app.config().public_url);
            let detail = app.db().ticket(ticket).await?;
            let mut values = std::collections::BTreeMap::new();
            values.insert(
                "customer".to_string(),
                detail.customer.name.clone().unwrap_or_default(),
            );
            values.insert("survey_url".to_string(), url.clone());
            if let Some(store) = &detail.ticket.store {
                values.insert("store".to_string(), store.clone());
            }
            let body = templates::standard_text(TemplateKind::ClosingNote, &detail.ticket.language)
                .and_then(|text| templates::fill(text, &values).ok())
                .unwrap_or(url);
            app.db()
                .queue_notice(ticket, "survey", &body, &format!("survey:{ticket}"), now)
                .await?;
        }
        other => tracing::debug!(kind = other, "timer kind without an action"),
    }
    Ok(())
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
