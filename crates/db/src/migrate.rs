//! Embedded, append-only migrations: one tree per backend with the same version numbers,
//! applied in order at start, each in its own transaction.

use crate::{Backend, Db, DbError};
use sqlx::{AssertSqlSafe, Row};

/// One schema change.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Version number, unique and increasing.
    pub version: i64,
    /// Short name (the file name without version and extension).
    pub name: &'static str,
    /// The SQL, possibly several statements.
    pub sql: &'static str,
}

/// SQLite's migrations.
pub const MIGRATIONS_SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../migrations/sqlite/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "timers",
        sql: include_str!("../migrations/sqlite/0002_timers.sql"),
    },
    Migration {
        version: 3,
        name: "workflow",
        sql: include_str!("../migrations/sqlite/0003_workflow.sql"),
    },
    Migration {
        version: 4,
        name: "surveys",
        sql: include_str!("../migrations/sqlite/0004_surveys.sql"),
    },
    Migration {
        version: 5,
        name: "search",
        sql: include_str!("../migrations/sqlite/0005_search.sql"),
    },
    Migration {
        version: 6,
        name: "workspace",
        sql: include_str!("../migrations/sqlite/0006_workspace.sql"),
    },
    Migration {
        version: 7,
        name: "translations",
        sql: include_str!("../migrations/sqlite/0007_translations.sql"),
    },
];

/// PostgreSQL's migrations.
pub const MIGRATIONS_POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../migrations/postgres/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "timers",
        sql: include_str!("../migrations/postgres/0002_timers.sql"),
    },
    Migration {
        version: 3,
        name: "workflow",
        sql: include_str!("../migrations/postgres/0003_workflow.sql"),
    },
    Migration {
        version: 4,
        name: "surveys",
        sql: include_str!("../migrations/postgres/0004_surveys.sql"),
    },
    Migration {
        version: 5,
        name: "search",
        sql: include_str!("../migrations/postgres/0005_search.sql"),
    },
    Migration {
        version: 6,
        name: "workspace",
        sql: include_str!("../migrations/postgres/0006_workspace.sql"),
    },
    Migration {
        version: 7,
        name: "translations",
        sql: include_str!("../migrations/postgres/0007_translations.sql"),
    },
];

const LEDGER: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

/// Applies every migration not yet recorded in `schema_migrations`.
#[allow(clippy::disallowed_methods)] // when a migration ran is bookkeeping, not logic
pub(crate) async fn run(db: &Db) -> Result<(), DbError> {
    let migrations = match db.backend() {
        Backend::Sqlite => MIGRATIONS_SQLITE,
        Backend::Postgres => MIGRATIONS_POSTGRES,
    };
    // The write lock makes concurrent starts of several nodes apply each migration once.
    let mut tx = db.begin_write().await?;
    sqlx::raw_sql(LEDGER).execute(&mut *tx).await?;
    let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get::<i64, _>(0))
        .collect::<Result<_, _>>()?;
    for m in migrations.iter().filter(|m| !applied.contains(&m.version)) {
        tracing::info!(version = m.version, name = m.name, "applying migration");
        sqlx::raw_sql(AssertSqlSafe(m.sql))
            .execute(&mut *tx)
            .await
            .map_err(|e| {
                DbError::Other(format!("migration {} ({}) failed: {e}", m.version, m.name))
            })?;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        )
        .bind(m.version)
        .bind(m.name)
        .bind(chrono::Utc::now().timestamp_millis())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_have_the_same_migration_versions() {
        let s: Vec<_> = MIGRATIONS_SQLITE
            .iter()
            .map(|m| (m.version, m.name))
            .collect();
        let p: Vec<_> = MIGRATIONS_POSTGRES
            .iter()
            .map(|m| (m.version, m.name))
            .collect();
        assert_eq!(s, p);
        assert!(
            s.windows(2).all(|w| w[0].0 < w[1].0),
            "versions must increase"
        );
    }
}
