//! Streaming intake keeps file order across batches: a reply whose parent sits in an
//! earlier batch joins the parent's ticket, whatever order the batches are prepared in.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossdesk_app::intake::{MAX_BATCH, Progress, Rejection};
use crossdesk_app::{App, AppConfig, Db, SystemClock};
use crossdesk_db::TicketFilter;
use crossdesk_db::scratch::ScratchDb;
use serde_json::json;
use std::sync::Arc;

#[derive(Default)]
struct Collect(Vec<Rejection>);

impl Progress for Collect {
    fn advance(&mut self, _: u64) {}
    fn rejected(&mut self, r: &Rejection) {
        self.0.push(r.clone());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_in_later_batches_join_the_ticket_opened_in_an_earlier_one() {
    let scratch = ScratchDb::sqlite().unwrap();
    let app = App::new(
        Db::connect(scratch.url()).await.unwrap(),
        Arc::new(SystemClock),
        AppConfig::default(),
    );
    let total = MAX_BATCH * 3 + 17;
    let mut file = String::new();
    for i in 0..total {
        // Each author writes once; every 500th message is instead a reply to message 3,
        // written by someone else, so only `in_reply_to` can put it on message 3's ticket.
        let mut m = json!({"channel": "twitter", "external_id": format!("s{i}"), "author": {"handle": format!("@a{i}")},
                           "text": format!("message {i}: where is my parcel"), "sent_at": "2026-11-20T08:00:00Z"});
        if i > 3 && i % 500 == 0 {
            m["in_reply_to"] = json!("s3");
        }
        if i == 1234 {
            file.push_str("{\"broken\": \n");
        }
        file.push_str(&m.to_string());
        file.push('\n');
    }
    let mut progress = Collect::default();
    let summary = app
        .intake()
        .ingest_stream(file.as_bytes(), &mut progress)
        .await
        .unwrap();
    assert_eq!(summary.stored as usize, total);
    assert_eq!(summary.rejected, 1);
    assert_eq!(
        progress.0[0].at, 1235,
        "the broken line keeps its line number"
    );
    let replies = (4..total).filter(|i| i % 500 == 0).count();
    assert_eq!(summary.tickets_created as usize, total - replies);
    let page = app
        .list_tickets(&TicketFilter {
            text: Some("@a3".into()),
            limit: 500,
            ..Default::default()
        })
        .await
        .unwrap();
    let parent = page
        .items
        .iter()
        .find(|t| t.subject.as_deref() == Some("message 3: where is my parcel"))
        .unwrap();
    assert_eq!(parent.message_count as usize, 1 + replies);
}
