//! PostgreSQL: a shared connection pool, advisory locks for work that must be serialised
//! across nodes, and ids drawn from the tables' identity sequences.

use crate::DbError;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AssertSqlSafe, Connection, Row, Transaction};
use sqlx::{AnyConnection, AnyPool};
use std::str::FromStr;
use std::time::Duration;

/// Advisory-lock key that serialises intake and reference import ("cdsk" in ASCII).
const WRITE_LOCK: i64 = 0x6364_736b;

pub(super) async fn open(url: &str) -> Result<(AnyPool, AnyPool), DbError> {
    let options = AnyConnectOptions::from_str(url)?;
    // One direct attempt first: a pool only says "timed out", this says why (refused,
    // authentication, unknown database) and says it at once.
    let probe = AnyConnection::connect_with(&options).await.map_err(|e| {
        DbError::Unavailable(format!(
            "cannot connect to PostgreSQL at {}: {e}",
            crate::redact(url)
        ))
    })?;
    probe.close().await?;
    let pool = AnyPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(30))
        .connect_with(options)
        .await
        .map_err(|e| {
            DbError::Unavailable(format!(
                "cannot connect to PostgreSQL at {}: {e}",
                crate::redact(url)
            ))
        })?;
    Ok((pool.clone(), pool))
}

pub(super) async fn begin_locked(pool: &AnyPool) -> Result<Transaction<'static, Any>, DbError> {
    // READ COMMITTED whatever the server default: the snapshot of each statement must be
    // taken after the lock is held, so the lookups see what the previous holder committed.
    let mut tx = pool
        .begin_with("BEGIN ISOLATION LEVEL READ COMMITTED")
        .await?;
    // `pg_advisory_xact_lock` returns void, which the Any driver cannot decode: count it.
    sqlx::query("SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock($1)) AS l")
        .bind(WRITE_LOCK)
        .fetch_one(&mut *tx)
        .await?;
    Ok(tx)
}

pub(super) async fn reserve_ids(
    conn: &mut AnyConnection,
    table: &'static str,
    n: usize,
) -> Result<Vec<i64>, DbError> {
    let sql = format!(
        "SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, $1)"
    );
    let rows = sqlx::query(AssertSqlSafe(sql))
        .bind(n as i64)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|r| r.try_get::<i64, _>(0).map_err(DbError::from))
        .collect()
}
