//! SQLite run like a server database: WAL, `synchronous=FULL` (an acknowledged message
//! survives power loss too; group commit makes that one fsync per batch), a busy timeout,
//! foreign keys, one writer connection and a pool of readers.

use crate::DbError;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool};
use sqlx::{AssertSqlSafe, Executor, Row};
use std::str::FromStr;
use std::time::Duration;

const PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
    PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; \
    PRAGMA cache_size = -65536;";

fn pool_options(max: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(PRAGMAS).await?;
                Ok(())
            })
        })
}

pub(super) async fn open(url: &str) -> Result<(AnyPool, AnyPool), DbError> {
    let path = url.trim_start_matches("sqlite:");
    if path.contains(":memory:") || path.contains("mode=memory") {
        // Each in-memory connection is its own database: one connection serves all.
        let options = AnyConnectOptions::from_str(url)?;
        let pool = pool_options(1).connect_with(options).await?;
        return Ok((pool.clone(), pool));
    }
    let file = path.split('?').next().unwrap_or(path);
    if let Some(parent) = std::path::Path::new(file).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|e| {
            DbError::Config(format!("cannot create directory {}: {e}", parent.display()))
        })?;
    }
    let sep = if url.contains('?') { '&' } else { '?' };
    let options = AnyConnectOptions::from_str(&format!("{url}{sep}mode=rwc"))?;
    let write = pool_options(1)
        .connect_with(options.clone())
        .await
        .map_err(|e| DbError::Unavailable(format!("cannot open SQLite database {file}: {e}")))?;
    let read = pool_options(8)
        .min_connections(1)
        .connect_with(options)
        .await?;
    Ok((read, write))
}

pub(super) async fn reserve_ids(
    conn: &mut AnyConnection,
    table: &'static str,
    n: usize,
) -> Result<Vec<i64>, DbError> {
    // Only one writer exists at a time (BEGIN IMMEDIATE), so the ids above the maximum are free.
    let sql = format!("SELECT COALESCE(MAX(id), 0) FROM {table}");
    let row = sqlx::query(AssertSqlSafe(sql))
        .fetch_one(&mut *conn)
        .await?;
    let max: i64 = row.try_get(0)?;
    Ok((1..=n as i64).map(|i| max + i).collect())
}
