//! A crash loses nothing acknowledged: messages are posted concurrently, the server is
//! killed with SIGKILL mid-stream and restarted, and every message that got a 2xx is
//! stored exactly once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossdesk_testkit::{Backend, TestServer, scratch};
use serde_json::json;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossdesk"))
}

fn message(i: usize) -> serde_json::Value {
    json!({"channel": "twitter", "external_id": format!("crash-{i}"), "author": {"handle": format!("@buyer{}", i % 37)},
           "text": format!("@AcmeHelp problem number {i}: the parcel has not arrived yet"),
           "sent_at": "2026-11-20T08:15:00Z"})
}

async fn kill_mid_stream(backend: Backend) {
    let Some(db) = scratch(backend).await else {
        return;
    };
    let server = TestServer::start(bin(), db.url()).await;
    let (status, body) = server
        .post(
            "/api/v1/inbound",
            &json!({"channel": "twitter", "external_id": "warm",
        "author": {"handle": "@w"}, "text": "hello", "sent_at": "2026-11-20T08:15:00Z"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");

    let acked: Arc<Mutex<Vec<String>>> = Arc::default();
    let attempted = 2_000usize;
    let mut workers = Vec::new();
    for w in 0..8 {
        let client = server.client();
        let url = format!("{}/api/v1/inbound", server.url);
        let acked = acked.clone();
        workers.push(tokio::spawn(async move {
            for i in (w..attempted).step_by(8) {
                match client
                    .post(&url)
                    .json(&message(i))
                    .timeout(Duration::from_secs(10))
                    .send()
                    .await
                {
                    Ok(r) if r.status().is_success() => {
                        acked.lock().unwrap().push(format!("crash-{i}"))
                    }
                    _ => return,
                }
            }
        }));
    }
    // Let a few hundred land, then pull the plug.
    loop {
        tokio::time::sleep(Duration::from_millis(20)).await;
        if acked.lock().unwrap().len() >= 300 {
            break;
        }
    }
    server.kill_hard().await;
    for w in workers {
        let _ = w.await;
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() >= 300 && acked.len() < attempted,
        "killed mid-stream ({} acknowledged)",
        acked.len()
    );

    let server = TestServer::start(bin(), db.url()).await;
    let mut stored = 0;
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/tickets?limit=500&cursor={c}"),
            None => "/api/v1/tickets?limit=500".to_string(),
        };
        let (_, page) = server.get(&path).await;
        stored += page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["message_count"].as_i64().unwrap())
            .sum::<i64>();
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    let stored = stored - 1; // the warm-up message
    assert!(
        stored as usize >= acked.len(),
        "every acknowledged message survived: {stored} stored, {} acknowledged",
        acked.len()
    );
    assert!(
        (stored as usize) <= acked.len() + 8,
        "at most the in-flight ones beyond the acknowledged"
    );
    for id in &acked {
        let i: usize = id.trim_start_matches("crash-").parse().unwrap();
        let (status, body) = server.post("/api/v1/inbound", &message(i)).await;
        assert_eq!(
            (status, body["result"].as_str()),
            (200, Some("duplicate")),
            "{id} is stored exactly once"
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_stream_loses_no_acknowledged_message_on_sqlite() {
    kill_mid_stream(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_stream_loses_no_acknowledged_message_on_postgres() {
    kill_mid_stream(Backend::Postgres).await;
}
