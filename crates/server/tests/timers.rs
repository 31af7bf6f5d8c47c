//! Durable timers across nodes: two `crossdesk serve` processes on one database share
//! 1,000 due timers, and each timer fires exactly once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossdesk_db::{Db, NewTimer};
use crossdesk_testkit::{Backend, TestServer, scratch};
use std::path::Path;
use std::time::Duration;

async fn two_servers_fire_each_due_timer_once(backend: Backend) {
    let Some(scratch) = scratch(backend).await else {
        return;
    };
    let db = Db::connect(scratch.url()).await.unwrap();
    #[allow(clippy::disallowed_methods)] // the servers run on the real clock
    let now = chrono::Utc::now();
    for i in 0..1000 {
        let t = NewTimer {
            kind: "sla_check".into(),
            key: format!("sla:{i}"),
            ticket_id: None,
            due_at: now - chrono::Duration::minutes(10) + chrono::Duration::milliseconds(i),
            payload: serde_json::json!({"n": i}),
        };
        assert!(db.schedule_timer(&t).await.unwrap());
    }
    let not_due = NewTimer {
        kind: "survey".into(),
        key: "survey:later".into(),
        ticket_id: None,
        due_at: now + chrono::Duration::days(10),
        payload: serde_json::json!({}),
    };
    db.schedule_timer(&not_due).await.unwrap();

    let bin = Path::new(env!("CARGO_BIN_EXE_crossdesk"));
    let (a, b) = tokio::join!(
        TestServer::start(bin, scratch.url()),
        TestServer::start(bin, scratch.url())
    );
    let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
    while db.pending_timers().await.unwrap() > 1 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timers still pending after 90 s: {}",
            db.pending_timers().await.unwrap()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (by_node, reclaimed) = db.timer_fires().await.unwrap();
    eprintln!("{backend:?}: fired by node {by_node:?}");
    let total: i64 = by_node.iter().map(|(_, n)| n).sum();
    assert_eq!(total, 1000, "{by_node:?}");
    assert_eq!(reclaimed, 0, "no timer was claimed twice");
    assert!(by_node.iter().all(|(node, _)| !node.is_empty()));
    assert_eq!(
        db.pending_timers().await.unwrap(),
        1,
        "the survey is not due yet"
    );
    a.stop().await;
    b.stop().await;
    db.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_fire_each_due_timer_once_on_postgres() {
    two_servers_fire_each_due_timer_once(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_fire_each_due_timer_once_on_sqlite() {
    two_servers_fire_each_due_timer_once(Backend::Sqlite).await;
}
