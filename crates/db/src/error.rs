//! The storage error: what callers can act on, never a driver type.

/// What went wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The row asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A uniqueness or reference rule was broken.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The database cannot be reached or is overloaded; retrying later may work.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// The URL or configuration is wrong.
    #[error("invalid database configuration: {0}")]
    Config(String),
    /// Input that refers to something that does not exist (an unknown store key), naming the
    /// field.
    #[error("{field}: {message}")]
    Invalid {
        /// The field at fault.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// Anything else (a bug or corrupt data).
    #[error("database error: {0}")]
    Other(String),
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(d) if d.is_unique_violation() || d.is_foreign_key_violation() => {
                DbError::Conflict(d.message().to_string())
            }
            sqlx::Error::Database(d) if is_busy(d.code().as_deref()) => {
                DbError::Unavailable(d.message().to_string())
            }
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => DbError::Unavailable(e.to_string()),
            sqlx::Error::Configuration(_) => DbError::Config(e.to_string()),
            _ => DbError::Other(e.to_string()),
        }
    }
}

/// SQLite busy/locked codes and PostgreSQL's serialization, deadlock and shutdown classes.
fn is_busy(code: Option<&str>) -> bool {
    matches!(
        code,
        Some("5" | "6" | "517" | "40001" | "40P01" | "57P01" | "57P03" | "53300")
    )
}
