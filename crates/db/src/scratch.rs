//! Throw-away databases for tests and benchmarks: a file in a temporary directory for
//! SQLite, a freshly created database on the server for PostgreSQL, removed on drop.

use crate::{Backend, DatabaseUrl, DbError};
use sqlx::{AnyConnection, AssertSqlSafe, Connection};

/// A temporary database; its URL stays valid until this is dropped (PostgreSQL databases
/// are dropped in a background thread, SQLite files with their directory).
#[derive(Debug)]
pub struct ScratchDb {
    url: String,
    admin: Option<(String, String)>,
    _dir: Option<TempDir>,
}

#[derive(Debug)]
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl ScratchDb {
    /// A fresh SQLite database file.
    pub fn sqlite() -> Result<Self, DbError> {
        let dir =
            std::env::temp_dir().join(format!("crossdesk-{}-{:x}", std::process::id(), nonce()));
        std::fs::create_dir_all(&dir).map_err(|e| DbError::Config(format!("temp dir: {e}")))?;
        let url = format!("sqlite://{}", dir.join("scratch.db").display());
        Ok(Self {
            url,
            admin: None,
            _dir: Some(TempDir(dir)),
        })
    }

    /// A fresh, empty database on the PostgreSQL server that `server_url` points at.
    pub async fn postgres(server_url: &str) -> Result<Self, DbError> {
        let parsed = DatabaseUrl::parse(server_url)?;
        if parsed.backend() != Backend::Postgres {
            return Err(DbError::Config(format!(
                "not a PostgreSQL URL: {}",
                crate::redact(server_url)
            )));
        }
        sqlx::any::install_default_drivers();
        let name = format!("crossdesk_t_{}_{:x}", std::process::id(), nonce());
        let mut conn = AnyConnection::connect(server_url).await?;
        sqlx::raw_sql(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await?;
        conn.close().await?;
        let url = with_database(server_url, &name);
        Ok(Self {
            url,
            admin: Some((server_url.to_string(), name)),
            _dir: None,
        })
    }

    /// A scratch database of the same kind as `url`.
    pub async fn like(url: &str) -> Result<Self, DbError> {
        match DatabaseUrl::parse(url)?.backend() {
            Backend::Sqlite => Self::sqlite(),
            Backend::Postgres => Self::postgres(url).await,
        }
    }

    /// Its URL.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        if let Some((server, name)) = self.admin.take() {
            // Drop may run inside or outside a runtime: use a thread with its own.
            let _ = std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                rt.block_on(async {
                    if let Ok(mut conn) = AnyConnection::connect(&server).await {
                        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                        let _ = sqlx::raw_sql(AssertSqlSafe(sql)).execute(&mut conn).await;
                    }
                });
            })
            .join();
        }
    }
}

#[allow(clippy::disallowed_methods)] // a unique name, not a time
fn nonce() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    t ^ (COUNTER.fetch_add(1, Ordering::Relaxed) << 48)
}

/// Replaces the database name (the URL path) of a PostgreSQL URL.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    format!("{}/{name}{query}", &base[..host_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5432/test", "x"),
            "postgres://u@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://h/test?sslmode=disable", "x"),
            "postgres://h/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    }
}
