//! Durable timers: SLA checks, follow-ups, auto-close and surveys live in the `timers`
//! table, so they survive restarts. Any number of nodes poll [`Db::claim_due_timers`]:
//! on PostgreSQL the claim locks rows with `FOR UPDATE SKIP LOCKED`, so two nodes never take
//! the same timer; on SQLite the single writer serialises claims. A claim is a lease: a node
//! that dies leaves its timers to be claimed again after the lease. [`Db::fire_timer`]
//! succeeds once per timer, for the holder of a live lease, so each timer fires once.

use crate::backend::Backend;
use crate::sql::{RowExt, ms, time};
use crate::{Db, DbError};
use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

/// A timer to schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTimer {
    /// What fires (`sla_check`, `follow_up`, `auto_close`, `survey`…).
    pub kind: String,
    /// Idempotency key: scheduling the same key again does nothing.
    pub key: String,
    /// The ticket it concerns, if any.
    pub ticket_id: Option<i64>,
    /// When it is due.
    pub due_at: DateTime<Utc>,
    /// What the worker needs, as JSON.
    pub payload: serde_json::Value,
}

/// A claimed timer.
#[derive(Debug, Clone, PartialEq)]
pub struct Timer {
    /// Its id.
    pub id: i64,
    /// What fires.
    pub kind: String,
    /// Its idempotency key.
    pub key: String,
    /// The ticket it concerns, if any.
    pub ticket_id: Option<i64>,
    /// When it was due.
    pub due_at: DateTime<Utc>,
    /// What the worker needs.
    pub payload: serde_json::Value,
    /// How many times it has been claimed (1 on the first claim).
    pub attempts: i64,
}

impl Db {
    /// Schedules a timer; `false` when one with the same key exists already.
    pub async fn schedule_timer(&self, t: &NewTimer) -> Result<bool, DbError> {
        let done = sqlx::query(
            "INSERT INTO timers (kind, key, ticket_id, due_at, payload) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (key) DO NOTHING",
        )
        .bind(t.kind.as_str())
        .bind(t.key.as_str())
        .bind(t.ticket_id)
        .bind(ms(t.due_at))
        .bind(t.payload.to_string())
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Claims up to `limit` timers due at `now` that nobody holds, for `owner`, until
    /// `now + lease`. Oldest first.
    pub async fn claim_due_timers(
        &self,
        owner: &str,
        now: DateTime<Utc>,
        lease: Duration,
        limit: i64,
    ) -> Result<Vec<Timer>, DbError> {
        let lock = match self.backend() {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE timers SET lease_owner = $1, lease_until = $2, attempts = attempts + 1
             WHERE id IN (SELECT id FROM timers
                          WHERE fired_at IS NULL AND due_at <= $3
                            AND (lease_until IS NULL OR lease_until <= $3)
                          ORDER BY due_at, id LIMIT $4 {lock})
             RETURNING id, kind, key, ticket_id, due_at, payload, attempts"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(owner)
            .bind(ms(now + lease))
            .bind(ms(now))
            .bind(limit)
            .fetch_all(self.writer())
            .await?;
        let mut out = rows
            .iter()
            .map(|r| {
                Ok(Timer {
                    id: r.int(0)?,
                    kind: r.text(1)?,
                    key: r.text(2)?,
                    ticket_id: r.opt_int(3)?,
                    due_at: time(r.int(4)?),
                    payload: serde_json::from_str(&r.text(5)?).unwrap_or(serde_json::Value::Null),
                    attempts: r.int(6)?,
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        out.sort_by_key(|t| (t.due_at, t.id));
        Ok(out)
    }

    /// Marks a claimed timer fired; `true` only for the holder of a live lease on a timer
    /// not yet fired. A worker whose lease ran out (and whose timer another node took) gets
    /// `false` and must not act.
    pub async fn fire_timer(
        &self,
        id: i64,
        owner: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        let done = sqlx::query(
            "UPDATE timers SET fired_at = $1, fired_by = $2, lease_owner = NULL, lease_until = NULL
             WHERE id = $3 AND fired_at IS NULL AND lease_owner = $2 AND lease_until > $1",
        )
        .bind(ms(now))
        .bind(owner)
        .bind(id)
        .execute(self.writer())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// How many timers each node fired, and how many were claimed more than once.
    pub async fn timer_fires(&self) -> Result<(Vec<(String, i64)>, i64), DbError> {
        let rows = sqlx::query(
            "SELECT fired_by, COUNT(*) FROM timers WHERE fired_at IS NOT NULL
             GROUP BY fired_by ORDER BY fired_by",
        )
        .fetch_all(self.reader())
        .await?;
        let by_node = rows
            .iter()
            .map(|r| Ok((r.opt_text(0)?.unwrap_or_default(), r.int(1)?)))
            .collect::<Result<Vec<_>, DbError>>()?;
        let row = sqlx::query("SELECT COUNT(*) FROM timers WHERE attempts > 1")
            .fetch_one(self.reader())
            .await?;
        Ok((by_node, row.try_get(0)?))
    }

    /// Timers not yet fired.
    pub async fn pending_timers(&self) -> Result<i64, DbError> {
        let row = sqlx::query("SELECT COUNT(*) FROM timers WHERE fired_at IS NULL")
            .fetch_one(self.reader())
            .await?;
        Ok(row.try_get(0)?)
    }
}
