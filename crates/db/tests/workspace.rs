//! The workspace in storage, on SQLite and on PostgreSQL (when `CROSSDESK_TEST_POSTGRES` is
//! set): a label correction relabels the message the ticket's label came from and is read
//! back with the latest value winning; the monitor's window is the newest public posts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

crossdesk_testkit::conformance!(
    a_correction_relabels_the_message_the_label_came_from,
    the_latest_correction_wins_in_the_export,
    the_monitor_window_is_the_newest_public_posts,
);

mod cases {
    use chrono::{DateTime, Duration, TimeZone, Utc};
    use crossdesk_db::{Actor, Db, IngestItem, IngestOutcome, LabelCorrection, StoreScope};
    use crossdesk_domain::inbound::Inbound;
    use crossdesk_domain::model::{ActorKind, Category, Channel, Urgency};
    use crossdesk_domain::triage::{TriageConfig, TriageInput, triage};
    use serde_json::{Value, json};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap()
    }

    const AGENT: Actor = Actor {
        kind: ActorKind::Agent,
        agent: None,
    };

    /// Takes in one message; its `(ticket, message)`.
    async fn ingest(db: &Db, v: Value) -> (i64, i64) {
        let inbound = Inbound::parse(&v).unwrap();
        let triage = triage(
            &TriageInput {
                text: &inbound.text,
                ..Default::default()
            },
            &TriageConfig::default(),
        );
        let out = db
            .ingest(
                &[IngestItem::new(inbound, triage, None)],
                &TriageConfig::default(),
                t0(),
            )
            .await
            .expect("ingest");
        match &out[0] {
            IngestOutcome::Stored {
                ticket_id,
                message_id,
                ..
            } => (*ticket_id, *message_id),
            other => panic!("expected stored, got {other:?}"),
        }
    }

    fn tweet(id: &str, handle: &str, text: &str, minutes: i64, visibility: &str) -> Value {
        json!({"channel": "twitter", "external_id": id, "author": {"handle": handle},
               "visibility": visibility, "text": text,
               "sent_at": (t0() + Duration::minutes(minutes)).to_rfc3339()})
    }

    pub async fn a_correction_relabels_the_message_the_label_came_from(url: &str) {
        let db = Db::connect(url).await.unwrap();
        let (t, first) = ingest(
            &db,
            tweet("1", "@eva", "hello, a question about you", 0, "private"),
        )
        .await;
        let (t2, second) = ingest(
            &db,
            tweet(
                "2",
                "@eva",
                "my parcel is lost, it never arrived and tracking shows nothing",
                1,
                "private",
            ),
        )
        .await;
        assert_eq!(t2, t, "the second message joins the ticket");
        let d = db.ticket(t).await.unwrap();
        let label = |id: i64| {
            d.messages
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.category.clone())
                .unwrap()
        };
        assert_ne!(label(first), d.ticket.category, "{:?}", d.messages);
        assert_eq!(
            label(second),
            d.ticket.category,
            "the strongest message labels it"
        );
        let to = if d.ticket.category == "logistics.delay" {
            Category::LogisticsCustoms
        } else {
            Category::LogisticsDelay
        };
        let changed = db
            .correct_labels(
                t,
                &LabelCorrection {
                    category: Some(to),
                    urgency: Some(Urgency::parse(&d.ticket.urgency).unwrap()),
                    language: None,
                },
                AGENT,
                t0() + Duration::hours(1),
            )
            .await
            .unwrap();
        assert_eq!(changed.len(), 1, "the urgency was already so: {changed:?}");
        assert_eq!(changed[0].message_id, second);
        assert_eq!(changed[0].from, d.ticket.category);
        let after = db.ticket(t).await.unwrap();
        assert_eq!(after.ticket.category, to.as_str());
        let by_id = |id: i64| after.messages.iter().find(|m| m.id == id).unwrap();
        assert_eq!(by_id(second).category, to.as_str());
        assert_eq!(
            by_id(first).category,
            label(first),
            "the other message keeps its label"
        );
        assert_eq!(
            after.ticket.updated_at,
            t0() + Duration::hours(1),
            "the ticket changed then"
        );
        // Nothing to change: nothing written.
        let again = db
            .correct_labels(
                t,
                &LabelCorrection {
                    category: Some(to),
                    ..Default::default()
                },
                AGENT,
                t0() + Duration::hours(2),
            )
            .await
            .unwrap();
        assert!(again.is_empty());
        let last = db.ticket(t).await.unwrap();
        assert_eq!(last.ticket.updated_at, t0() + Duration::hours(1));
        assert_eq!(
            last.events
                .iter()
                .filter(|e| e.kind == "labels_corrected")
                .count(),
            1
        );
        assert!(matches!(
            db.correct_labels(987_654, &LabelCorrection::default(), AGENT, t0())
                .await,
            Err(crossdesk_db::DbError::NotFound)
        ));
    }

    pub async fn the_latest_correction_wins_in_the_export(url: &str) {
        let db = Db::connect(url).await.unwrap();
        let (t, m) = ingest(
            &db,
            tweet(
                "1",
                "@eva",
                "where is my parcel, three weeks now",
                0,
                "public",
            ),
        )
        .await;
        let correct = |category: Category, at: i64| {
            let db = db.clone();
            async move {
                db.correct_labels(
                    t,
                    &LabelCorrection {
                        category: Some(category),
                        ..Default::default()
                    },
                    AGENT,
                    t0() + Duration::minutes(at),
                )
                .await
                .unwrap()
            }
        };
        let first = if db.ticket(t).await.unwrap().ticket.category == "billing.refund" {
            Category::LogisticsLost
        } else {
            Category::BillingRefund
        };
        correct(first, 10).await;
        correct(Category::LogisticsCustoms, 20).await;
        let all = db
            .corrected_labels(None, &StoreScope::All, None)
            .await
            .unwrap();
        assert_eq!(all.len(), 1);
        let x = &all[0];
        assert_eq!(x.message_id, m);
        assert_eq!(x.category, "logistics.customs");
        assert_eq!(x.corrected, ["category"]);
        assert_eq!(x.corrected_at, t0() + Duration::minutes(20));
        let tos: Vec<&str> = x.corrections.iter().map(|c| c.to.as_str()).collect();
        assert_eq!(tos, [first.as_str(), "logistics.customs"]);
        let since = |m: i64| Some(t0() + Duration::minutes(m));
        assert_eq!(
            db.corrected_labels(since(20), &StoreScope::All, None)
                .await
                .unwrap()
                .len(),
            1,
            "since is inclusive"
        );
        assert!(
            db.corrected_labels(since(21), &StoreScope::All, None)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            db.corrected_labels(None, &StoreScope::Stores(vec![1]), None)
                .await
                .unwrap()
                .is_empty(),
            "a storeless ticket is outside a store scope"
        );
        assert!(
            db.corrected_labels(None, &StoreScope::Stores(vec![]), None)
                .await
                .unwrap()
                .is_empty()
        );
    }

    pub async fn the_monitor_window_is_the_newest_public_posts(url: &str) {
        let db = Db::connect(url).await.unwrap();
        let mut public = Vec::new();
        for i in 0..5 {
            let (_, m) = ingest(
                &db,
                tweet(
                    &format!("p{i}"),
                    &format!("@fan{i}"),
                    "love it",
                    i64::from(i) * 10,
                    "public",
                ),
            )
            .await;
            public.push(m);
        }
        ingest(&db, tweet("dm", "@fan9", "a private note", 100, "private")).await;
        let social = [Channel::Twitter];
        let ids = |posts: Vec<crossdesk_db::SocialPost>| -> Vec<i64> {
            posts.iter().map(|p| p.message_id).collect()
        };
        let newest = db
            .recent_public_posts(&social, &StoreScope::All, None, 3)
            .await
            .unwrap();
        assert_eq!(ids(newest), [public[4], public[3], public[2]]);
        let older = db
            .recent_public_posts(&social, &StoreScope::All, Some(public[2]), 3)
            .await
            .unwrap();
        assert_eq!(ids(older), [public[1], public[0]]);
        assert!(
            db.recent_public_posts(&social, &StoreScope::Stores(vec![1]), None, 3)
                .await
                .unwrap()
                .is_empty(),
            "storeless posts need every store"
        );
        assert!(
            db.recent_public_posts(&[Channel::Email], &StoreScope::All, None, 3)
                .await
                .unwrap()
                .is_empty()
        );
    }
}
