//! Parsing `--database` URLs: the one place outside the backends that names them.

use crate::DbError;
use crate::backend::Backend;

/// A database URL whose scheme was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    backend: Backend,
    url: String,
}

impl DatabaseUrl {
    /// Recognises `sqlite://PATH`, `sqlite:PATH`, `sqlite::memory:`, `postgres://…` and
    /// `postgresql://…`; refuses anything else. A bare path is taken as a SQLite file.
    pub fn parse(url: &str) -> Result<Self, DbError> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self {
                backend: Backend::Postgres,
                url: url.to_string(),
            });
        }
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            if path.is_empty() {
                return Err(DbError::Config(
                    "sqlite URL needs a path, e.g. sqlite://./crossdesk.db".into(),
                ));
            }
            return Ok(Self {
                backend: Backend::Sqlite,
                url: format!("sqlite:{path}"),
            });
        }
        if url.contains("://") {
            let scheme = url.split("://").next().unwrap_or_default();
            return Err(DbError::Config(format!(
                "unsupported database scheme {scheme:?}; use sqlite://PATH or postgres://USER@HOST/DB"
            )));
        }
        if url.is_empty() {
            return Err(DbError::Config("empty database URL".into()));
        }
        Ok(Self {
            backend: Backend::Sqlite,
            url: format!("sqlite:{url}"),
        })
    }

    /// The backend this URL selects.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The URL as the driver wants it.
    pub fn as_str(&self) -> &str {
        &self.url
    }
}

/// The URL with its password replaced by `***`, for logs and errors.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_string();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_select_backends() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://./x.db")
                .map(|u| u.backend())
                .ok(),
            Some(Backend::Sqlite)
        );
        assert_eq!(
            DatabaseUrl::parse("./x.db")
                .map(|u| u.as_str().to_string())
                .ok(),
            Some("sqlite:./x.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("postgres://u@h/db")
                .map(|u| u.backend())
                .ok(),
            Some(Backend::Postgres)
        );
        assert!(DatabaseUrl::parse("mysql://u@h/db").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite:./x.db"), "sqlite:./x.db");
    }
}
