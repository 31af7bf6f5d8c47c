//! The test harness: scratch databases on both backends, the real `crossdesk` binary
//! started on one, and a small typed client for its API.
//!
//! Backends: every storage test runs on SQLite; when `CROSSDESK_TEST_POSTGRES` holds a
//! server URL (CI sets it) the same tests also run on PostgreSQL. With
//! `CROSSDESK_REQUIRE_POSTGRES=1` a missing URL is a failure, never a silent skip.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crossdesk_db::scratch::ScratchDb;
use serde_json::Value;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The backends a storage test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite.
    Sqlite,
    /// The PostgreSQL server in `CROSSDESK_TEST_POSTGRES`.
    Postgres,
}

/// The PostgreSQL server URL for tests, if configured; panics when PostgreSQL is required
/// but not configured.
pub fn postgres_url() -> Option<String> {
    match std::env::var("CROSSDESK_TEST_POSTGRES") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("CROSSDESK_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                "CROSSDESK_REQUIRE_POSTGRES=1 but CROSSDESK_TEST_POSTGRES is not set"
            );
            None
        }
    }
}

/// A fresh database on `backend`, or `None` (with a note on stderr) when that backend is not
/// configured here.
pub async fn scratch(backend: Backend) -> Option<ScratchDb> {
    match backend {
        Backend::Sqlite => Some(ScratchDb::sqlite().expect("scratch SQLite database")),
        Backend::Postgres => match postgres_url() {
            Some(url) => Some(
                ScratchDb::postgres(&url)
                    .await
                    .expect("scratch PostgreSQL database (is the server up?)"),
            ),
            None => {
                eprintln!(
                    "note: PostgreSQL not configured (CROSSDESK_TEST_POSTGRES); this case ran on SQLite only"
                );
                None
            }
        },
    }
}

/// Declares one `#[tokio::test]` per backend for each listed case:
/// `conformance!(cases::name, …)` makes `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! conformance {
    ($($case:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let db = $crate::scratch($crate::Backend::Sqlite).await.expect("sqlite");
                    super::cases::$case(db.url()).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    if let Some(db) = $crate::scratch($crate::Backend::Postgres).await {
                        super::cases::$case(db.url()).await;
                    }
                }
            )+
        }
    };
}

/// The real `crossdesk` binary serving on a free port.
pub struct TestServer {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    client: reqwest::Client,
    token: String,
}

/// The e-mail of the admin every test server is started with.
pub const ADMIN: &str = "admin@test.invalid";

/// A client that sends `token` as `Authorization: Bearer`.
pub fn client_with(token: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Ok(v) = reqwest::header::HeaderValue::from_str(&format!("Bearer {token}")) {
        headers.insert(reqwest::header::AUTHORIZATION, v);
    }
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("http client")
}

impl TestServer {
    /// Starts `crossdesk serve` with `--database url` and waits for its address line.
    pub async fn start(bin: &Path, database: &str) -> Self {
        let token = Self::bootstrap(bin, database).await;
        Self::start_with_token(bin, database, token).await
    }

    /// Creates (or updates) the test admin `admin@test.invalid` and issues an API token
    /// for it through the real CLI; the token.
    pub async fn bootstrap(bin: &Path, database: &str) -> String {
        let status = Command::new(bin)
            .args([
                "agent",
                "add",
                "--database",
                database,
                "--email",
                ADMIN,
                "--name",
                "Test admin",
                "--role",
                "admin",
            ])
            .stdout(Stdio::null())
            .status()
            .await
            .expect("run crossdesk agent add");
        assert!(status.success(), "crossdesk agent add failed");
        let out = Command::new(bin)
            .args([
                "token",
                "create",
                "--database",
                database,
                "--agent",
                ADMIN,
                "--name",
                "tests",
                "--scopes",
                "read,write,inbound,admin",
            ])
            .stderr(Stdio::null())
            .output()
            .await
            .expect("run crossdesk token create");
        assert!(out.status.success(), "crossdesk token create failed");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Starts the server; its client sends `token` on every request.
    pub async fn start_with_token(bin: &Path, database: &str, token: String) -> Self {
        Self::start_with_token_and_args(bin, database, token, &[]).await
    }

    /// Like [`TestServer::start`], with more `serve` options (`--translator …`).
    pub async fn start_with_args(bin: &Path, database: &str, args: &[&str]) -> Self {
        let token = Self::bootstrap(bin, database).await;
        Self::start_with_token_and_args(bin, database, token, args).await
    }

    /// Starts the server with more `serve` options; its client sends `token`.
    pub async fn start_with_token_and_args(
        bin: &Path,
        database: &str,
        token: String,
        args: &[&str],
    ) -> Self {
        let mut child = Command::new(bin)
            .args(["serve", "--listen", "127.0.0.1:0", "--database", database])
            .args(args)
            .env(
                "CROSSDESK_LOG",
                std::env::var("TEST_LOG").unwrap_or_else(|_| "error".into()),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("start crossdesk");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let first = tokio::time::timeout(Duration::from_secs(60), lines.next_line())
            .await
            .expect("crossdesk printed its address within 60 s")
            .expect("read stdout")
            .expect("crossdesk exited before printing its address");
        assert!(
            first.starts_with("http://"),
            "first line is the address, got {first:?}"
        );
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Self {
            child,
            url: first,
            client: client_with(&token),
            token,
        }
    }

    /// The admin token the client sends.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// `GET path` as the holder of `token` (`None`: no credential).
    pub async fn get_as(&self, token: Option<&str>, path: &str) -> (u16, Value) {
        let client = token.map_or_else(reqwest::Client::new, client_with);
        let r = client
            .get(format!("{}{path}", self.url))
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// `POST path` with a JSON body as the holder of `token` (`None`: no credential).
    pub async fn post_as(&self, token: Option<&str>, path: &str, body: &Value) -> (u16, Value) {
        let client = token.map_or_else(reqwest::Client::new, client_with);
        let r = client
            .post(format!("{}{path}", self.url))
            .json(body)
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// `POST path` with a JSON body; the status and the JSON answer.
    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let r = self
            .client
            .post(format!("{}{path}", self.url))
            .json(body)
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// `POST path` with a raw body.
    pub async fn post_raw(&self, path: &str, body: &'static str) -> (u16, Value) {
        let r = self
            .client
            .post(format!("{}{path}", self.url))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// `GET path`; the status and the JSON answer.
    pub async fn get(&self, path: &str) -> (u16, Value) {
        let r = self
            .client
            .get(format!("{}{path}", self.url))
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// A client for concurrent use.
    pub fn client(&self) -> reqwest::Client {
        self.client.clone()
    }

    /// Kills the process with SIGKILL (no shutdown, no flush) and waits for it to die.
    pub async fn kill_hard(mut self) {
        self.child.start_kill().expect("kill");
        let _ = self.child.wait().await;
    }

    /// Asks the process to stop (SIGTERM) and waits.
    pub async fn stop(mut self) {
        if let Some(pid) = self.child.id() {
            let _ = Command::new("kill").arg(pid.to_string()).status().await;
        }
        let _ = tokio::time::timeout(Duration::from_secs(20), self.child.wait()).await;
    }
}
