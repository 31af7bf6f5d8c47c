//! What differs between the backends: opening connections, taking the write lock and
//! reserving row ids. Everything else is shared SQL.

mod postgres;
mod sqlite;

use crate::{DatabaseUrl, DbError};
use sqlx::{Any, Transaction};
use sqlx::{AnyConnection, AnyPool};

/// The database engine behind a [`crate::Db`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file (default).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Backend {
    /// Lowercase name for logs and benchmark output.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    /// Appends the `n`th (1-based) placeholder of a generated statement whose parameters are
    /// used once each, in order. SQLite gets anonymous `?`: sqlx resolves named `$N`
    /// parameters through `sqlite3_bind_parameter_name`, a linear scan per parameter, which
    /// makes a 27,000-parameter multi-row insert quadratic. PostgreSQL gets `$N`.
    pub(crate) fn push_placeholder(self, sql: &mut String, n: usize) {
        match self {
            Backend::Sqlite => sql.push('?'),
            Backend::Postgres => {
                sql.push('$');
                sql.push_str(&n.to_string());
            }
        }
    }

    /// A row-lock suffix for `SELECT`s whose rows a write transaction will update.
    pub(crate) fn for_update(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }
}

/// Opens the reader and writer pools.
pub(crate) async fn open(url: &DatabaseUrl) -> Result<(AnyPool, AnyPool), DbError> {
    sqlx::any::install_default_drivers();
    match url.backend() {
        Backend::Sqlite => sqlite::open(url.as_str()).await,
        Backend::Postgres => postgres::open(url.as_str()).await,
    }
}

/// Begins a transaction that may write. On SQLite it takes the database's write lock at
/// once (`BEGIN IMMEDIATE`) so that reads inside it never have to upgrade; on PostgreSQL it
/// takes a transaction-scoped advisory lock, which serialises intake and import across
/// nodes (threading reads then writes customers and tickets).
pub(crate) async fn begin_write(
    backend: Backend,
    pool: &AnyPool,
) -> Result<Transaction<'static, Any>, DbError> {
    match backend {
        Backend::Sqlite => Ok(pool.begin_with("BEGIN IMMEDIATE").await?),
        Backend::Postgres => postgres::begin_locked(pool).await,
    }
}

/// Reserves `n` fresh ids of `table`'s primary key inside a write transaction.
pub(crate) async fn reserve_ids(
    backend: Backend,
    conn: &mut AnyConnection,
    table: &'static str,
    n: usize,
) -> Result<Vec<i64>, DbError> {
    if n == 0 {
        return Ok(Vec::new());
    }
    match backend {
        Backend::Sqlite => sqlite::reserve_ids(conn, table, n).await,
        Backend::Postgres => postgres::reserve_ids(conn, table, n).await,
    }
}
