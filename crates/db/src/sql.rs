//! Small helpers over sqlx for the shared SQL: bind values, multi-row inserts, row reads
//! and time conversion.

use crate::{Backend, DbError};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, AssertSqlSafe, Row};

/// A value to bind, owned so rows can be built before the statement.
#[derive(Debug, Clone)]
pub(crate) enum Val {
    Int(i64),
    OptInt(Option<i64>),
    Text(String),
    OptText(Option<String>),
    Real(f64),
}

impl From<i64> for Val {
    fn from(v: i64) -> Self {
        Val::Int(v)
    }
}
impl From<Option<i64>> for Val {
    fn from(v: Option<i64>) -> Self {
        Val::OptInt(v)
    }
}
impl From<String> for Val {
    fn from(v: String) -> Self {
        Val::Text(v)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Self {
        Val::Text(v.to_string())
    }
}
impl From<Option<String>> for Val {
    fn from(v: Option<String>) -> Self {
        Val::OptText(v)
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Self {
        Val::Real(v)
    }
}

pub(crate) type AnyQuery<'q> = Query<'q, Any, AnyArguments>;

/// Binds one value.
pub(crate) fn bind(q: AnyQuery<'_>, v: Val) -> AnyQuery<'_> {
    match v {
        Val::Int(i) => q.bind(i),
        Val::OptInt(i) => q.bind(i),
        Val::Text(s) => q.bind(s),
        Val::OptText(s) => q.bind(s),
        Val::Real(f) => q.bind(f),
    }
}

/// A statement with its values, bound in order.
pub(crate) fn query_with(sql: String, values: Vec<Val>) -> AnyQuery<'static> {
    values
        .into_iter()
        .fold(sqlx::query(AssertSqlSafe(sql)), bind)
}

/// Most bind parameters per statement (SQLite allows 32,766; PostgreSQL 65,535).
const MAX_PARAMS: usize = 30_000;
const MAX_ROWS: usize = 1_000;

/// Inserts `rows` into `table` with multi-row `VALUES`, in as few statements as the
/// parameter limits allow. `suffix` is appended to each statement (e.g. `ON CONFLICT …`).
pub(crate) async fn insert_rows(
    conn: &mut AnyConnection,
    backend: Backend,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Val>>,
    suffix: &str,
) -> Result<(), DbError> {
    if rows.is_empty() {
        return Ok(());
    }
    let per = (MAX_PARAMS / columns.len()).clamp(1, MAX_ROWS);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Val>> = rows.by_ref().take(per).collect();
        let mut sql = String::with_capacity(64 + chunk.len() * columns.len() * 6);
        sql.push_str("INSERT INTO ");
        sql.push_str(table);
        sql.push_str(" (");
        sql.push_str(&columns.join(", "));
        sql.push_str(") VALUES ");
        let mut n = 0;
        for (r, row) in chunk.iter().enumerate() {
            debug_assert_eq!(row.len(), columns.len());
            if r > 0 {
                sql.push(',');
            }
            sql.push('(');
            for c in 0..row.len() {
                if c > 0 {
                    sql.push(',');
                }
                n += 1;
                backend.push_placeholder(&mut sql, n);
            }
            sql.push(')');
        }
        sql.push_str(suffix);
        let values = chunk.into_iter().flatten().collect();
        query_with(sql, values).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Unix milliseconds.
pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

/// A time from Unix milliseconds.
pub(crate) fn time(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// Typed column reads that turn driver errors into [`DbError`].
pub(crate) trait RowExt {
    fn int(&self, i: usize) -> Result<i64, DbError>;
    fn opt_int(&self, i: usize) -> Result<Option<i64>, DbError>;
    fn text(&self, i: usize) -> Result<String, DbError>;
    fn opt_text(&self, i: usize) -> Result<Option<String>, DbError>;
    fn real(&self, i: usize) -> Result<f64, DbError>;
}

impl RowExt for AnyRow {
    fn int(&self, i: usize) -> Result<i64, DbError> {
        Ok(self.try_get(i)?)
    }
    fn opt_int(&self, i: usize) -> Result<Option<i64>, DbError> {
        Ok(self.try_get(i)?)
    }
    fn text(&self, i: usize) -> Result<String, DbError> {
        Ok(self.try_get(i)?)
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>, DbError> {
        Ok(self.try_get(i)?)
    }
    fn real(&self, i: usize) -> Result<f64, DbError> {
        Ok(self.try_get(i)?)
    }
}

/// Parses a stored enum name, reporting corrupt data as [`DbError::Other`].
pub(crate) fn parse_stored<T>(
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    what: &str,
) -> Result<T, DbError> {
    parse(value).ok_or_else(|| DbError::Other(format!("stored {what} {value:?} is not known")))
}

/// Runs `SELECT … WHERE <column or tuple> IN (<keys>) …` in chunks and maps each row.
/// `sql` contains `{}` where the list goes; each key is one value or a tuple of values.
pub(crate) async fn select_in<T>(
    conn: &mut AnyConnection,
    backend: Backend,
    sql: &str,
    keys: Vec<Vec<Val>>,
    mut map: impl FnMut(&AnyRow) -> Result<T, DbError>,
) -> Result<Vec<T>, DbError> {
    let mut out = Vec::new();
    let arity = keys.first().map_or(1, Vec::len).max(1);
    let mut keys = keys.into_iter().peekable();
    while keys.peek().is_some() {
        let chunk: Vec<Vec<Val>> = keys.by_ref().take(900 / arity).collect();
        let mut n = 0;
        let list = chunk
            .iter()
            .map(|key| {
                let items: Vec<String> = key
                    .iter()
                    .map(|_| {
                        n += 1;
                        let mut p = String::new();
                        backend.push_placeholder(&mut p, n);
                        p
                    })
                    .collect();
                if arity == 1 {
                    items.join("")
                } else {
                    format!("({})", items.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let values = chunk.into_iter().flatten().collect();
        for row in query_with(sql.replacen("{}", &list, 1), values)
            .fetch_all(&mut *conn)
            .await?
        {
            out.push(map(&row)?);
        }
    }
    Ok(out)
}
