//! The storage conformance suite: every case runs on SQLite and on PostgreSQL (when
//! `CROSSDESK_TEST_POSTGRES` is set; CI requires it), each on its own fresh database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

crossdesk_testkit::conformance!(
    migrations_apply_once_and_reopen_cleanly,
    a_message_becomes_a_ticket_with_an_audit_trail,
    ingesting_the_same_messages_again_adds_nothing,
    repeats_inside_one_batch_are_stored_once,
    a_reply_joins_its_parents_ticket,
    the_same_order_joins_the_open_ticket_and_another_order_opens_one,
    an_order_number_in_a_tweet_ties_the_handle_to_the_buyer,
    merging_customers_moves_their_tickets_with_an_audit_entry,
    a_short_shop_number_in_a_tweet_neither_links_nor_merges,
    a_tracking_number_links_the_order_and_a_high_value_loss_is_a_crisis,
    importing_the_same_records_twice_changes_nothing,
    import_rejects_records_that_point_nowhere_and_keeps_the_rest,
    ticket_lists_filter_and_page_with_cursors,
    customers_are_found_by_any_identity_and_paged,
    two_nodes_fire_a_thousand_due_timers_once_each,
    an_expired_lease_passes_the_timer_on_and_the_late_worker_may_not_fire,
);

mod cases {
    use chrono::{DateTime, Duration, TimeZone, Utc};
    use crossdesk_db::{
        CustomerFilter, Db, ImportOutcome, IngestItem, IngestOutcome, StoreScope, TicketFilter,
    };
    use crossdesk_domain::import::ImportRecord;
    use crossdesk_domain::inbound::Inbound;
    use crossdesk_domain::triage::{TriageConfig, TriageInput, triage};
    use serde_json::{Value, json};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap()
    }

    async fn open(url: &str) -> Db {
        Db::connect(url).await.expect("connect")
    }

    fn reference() -> Vec<ImportRecord> {
        [
            json!({"type": "store", "key": "acme-us", "name": "Acme US", "platform": "amazon", "region": "US",
                   "currency": "USD", "timezone": "America/New_York", "group": "acme", "carriers": ["yunexpress"]}),
            json!({"type": "store", "key": "acme-shop", "name": "Acme Shop", "platform": "shopify",
                   "currency": "EUR", "group": "acme"}),
            json!({"type": "sku", "store": "acme-us", "sku": "K-1", "title": "Kettle", "cost": "8.40", "price": "34.99"}),
            json!({"type": "order", "store": "acme-us", "number": "112-1234567-1234567",
                   "customer": {"email": "jane@example.com", "buyer_id": "A1B2C3", "name": "Jane Doe"},
                   "items": [{"sku": "K-1", "quantity": 1, "price": "34.99"}], "currency": "USD",
                   "incoterm": "DDP", "destination_country": "US", "placed_at": "2026-11-01T10:00:00Z"}),
            json!({"type": "order", "store": "acme-us", "number": "112-7654321-7654321",
                   "customer": {"email": "jane@example.com"}, "items": [{"sku": "K-1", "quantity": 20, "price": "34.99"}],
                   "currency": "USD", "placed_at": "2026-11-05T10:00:00Z"}),
            json!({"type": "shipment", "store": "acme-us", "order_number": "112-7654321-7654321", "carrier": "yunexpress",
                   "tracking_number": "YT2412345678901234", "promised_by": "2026-11-15T00:00:00Z"}),
            json!({"type": "tracking_event", "tracking_number": "YT2412345678901234", "carrier": "yunexpress",
                   "tag": "InTransit", "message": "Departed", "location": "Shenzhen, CN", "at": "2026-11-06T10:00:00Z"}),
            json!({"type": "tracking_event", "tracking_number": "YT2412345678901234", "carrier": "yunexpress",
                   "tag": "Exception", "subtag": "Exception_004", "message": "Parcel lost", "at": "2026-11-12T10:00:00Z"}),
        ]
        .iter()
        .map(|v| ImportRecord::parse(v).unwrap())
        .collect()
    }

    async fn seeded(url: &str) -> Db {
        let db = open(url).await;
        let out = db.import(&reference(), t0()).await.unwrap();
        assert!(out.iter().all(|o| *o == ImportOutcome::Created), "{out:?}");
        db
    }

    async fn item(db: &Db, v: Value) -> IngestItem {
        let inbound = Inbound::parse(&v).unwrap();
        let store_id = match &inbound.store {
            Some(k) => db
                .stores()
                .await
                .unwrap()
                .into_iter()
                .find(|s| &s.key == k)
                .map(|s| s.id),
            None => None,
        };
        let triage = triage(
            &TriageInput {
                text: &inbound.text,
                followers: inbound.author.followers,
                ..Default::default()
            },
            &TriageConfig::default(),
        );
        IngestItem::new(inbound, triage, store_id)
    }

    fn msg(id: &str, channel: &str, author: Value, text: &str, minutes: i64) -> Value {
        json!({"channel": channel, "external_id": id, "store": if channel == "twitter" { Value::Null } else { json!("acme-us") },
               "author": author, "text": text,
               "sent_at": (t0() + Duration::minutes(minutes)).to_rfc3339()})
    }

    async fn ingest(db: &Db, values: Vec<Value>) -> Vec<IngestOutcome> {
        let mut items = Vec::new();
        for v in values {
            items.push(item(db, v).await);
        }
        db.ingest(&items, &TriageConfig::default(), t0())
            .await
            .expect("ingest")
    }

    fn stored(o: &IngestOutcome) -> (i64, i64, bool) {
        match o {
            IngestOutcome::Stored {
                message_id,
                ticket_id,
                ticket_created,
                ..
            } => (*message_id, *ticket_id, *ticket_created),
            other => panic!("expected stored, got {other:?}"),
        }
    }

    async fn count(db: &Db, table: &str) -> i64 {
        db.counts()
            .await
            .unwrap()
            .into_iter()
            .find(|(t, _)| *t == table)
            .unwrap()
            .1
    }

    pub async fn migrations_apply_once_and_reopen_cleanly(url: &str) {
        let db = open(url).await;
        db.close().await;
        let again = open(url).await;
        assert_eq!(count(&again, "tickets").await, 0);
    }

    pub async fn a_message_becomes_a_ticket_with_an_audit_trail(url: &str) {
        let db = seeded(url).await;
        let out = ingest(
            &db,
            vec![msg(
                "m1",
                "amazon",
                json!({"buyer_id": "A1B2C3", "name": "Jane"}),
                "Where is my order? It is 2 weeks late!",
                0,
            )],
        )
        .await;
        let (message, ticket, created) = stored(&out[0]);
        assert!(created);
        let t = db.ticket(ticket).await.unwrap();
        assert_eq!(t.messages.len(), 1);
        assert_eq!(t.messages[0].id, message);
        assert_eq!(t.ticket.status, "new");
        assert_eq!(t.ticket.store.as_deref(), Some("acme-us"));
        // The buyer id belongs to Jane, whose latest order in the store is linked.
        assert_eq!(
            t.ticket.order_number.as_deref(),
            Some("112-7654321-7654321")
        );
        assert!(
            t.customer
                .identities
                .iter()
                .any(|i| i.value == "jane@example.com")
        );
        let kinds: Vec<&str> = t.events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds, ["created", "message_added"]);
        assert_eq!(t.events[1].data["message_id"], json!(message));
        let order = t.order.expect("order panel");
        assert_eq!(order.shipments[0].events.len(), 2);
        assert_eq!(order.shipments[0].status.as_deref(), Some("Exception"));
    }

    pub async fn ingesting_the_same_messages_again_adds_nothing(url: &str) {
        let db = seeded(url).await;
        let batch = || {
            vec![
                msg(
                    "a",
                    "email",
                    json!({"email": "x@example.org"}),
                    "refund please",
                    0,
                ),
                msg(
                    "b",
                    "email",
                    json!({"email": "y@example.org"}),
                    "my parcel is broken",
                    1,
                ),
            ]
        };
        let first = ingest(&db, batch()).await;
        let before = db.counts().await.unwrap();
        let second = ingest(&db, batch()).await;
        assert_eq!(db.counts().await.unwrap(), before);
        for (a, b) in first.iter().zip(&second) {
            let (m, t, _) = stored(a);
            assert_eq!(
                *b,
                IngestOutcome::Duplicate {
                    message_id: m,
                    ticket_id: t
                }
            );
        }
    }

    pub async fn repeats_inside_one_batch_are_stored_once(url: &str) {
        let db = seeded(url).await;
        let m = msg(
            "same",
            "email",
            json!({"email": "x@example.org"}),
            "hello?",
            0,
        );
        let out = ingest(&db, vec![m.clone(), m]).await;
        let (mid, tid, _) = stored(&out[0]);
        assert_eq!(
            out[1],
            IngestOutcome::Duplicate {
                message_id: mid,
                ticket_id: tid
            }
        );
        assert_eq!(count(&db, "messages").await, 1);
    }

    pub async fn a_reply_joins_its_parents_ticket(url: &str) {
        let db = seeded(url).await;
        let first = ingest(
            &db,
            vec![msg(
                "p1",
                "email",
                json!({"email": "new@example.org"}),
                "My parcel never arrived",
                0,
            )],
        )
        .await;
        let (_, ticket, _) = stored(&first[0]);
        let mut reply = msg(
            "p2",
            "email",
            json!({"email": "other@example.org"}),
            "any update??",
            30,
        );
        reply["in_reply_to"] = json!("p1");
        let second = ingest(&db, vec![reply]).await;
        let (_, joined, created) = stored(&second[0]);
        assert_eq!(joined, ticket);
        assert!(!created);
        assert_eq!(db.ticket(ticket).await.unwrap().ticket.message_count, 2);
    }

    pub async fn the_same_order_joins_the_open_ticket_and_another_order_opens_one(url: &str) {
        let db = seeded(url).await;
        let author = json!({"email": "jane@example.com"});
        let mut a = msg("o1", "email", author.clone(), "The kettle does not work", 0);
        a["order_ref"] = json!("112-1234567-1234567");
        let mut b = msg(
            "o2",
            "email",
            author.clone(),
            "Still broken, I want a refund",
            10,
        );
        b["order_ref"] = json!("112-1234567-1234567");
        let mut c = msg(
            "o3",
            "email",
            author,
            "Also order 112-7654321-7654321 is late",
            20,
        );
        c["order_ref"] = Value::Null;
        let out = ingest(&db, vec![a, b, c]).await;
        let (_, t1, _) = stored(&out[0]);
        let (_, t2, _) = stored(&out[1]);
        let (_, t3, created) = stored(&out[2]);
        assert_eq!(t1, t2);
        assert_ne!(t1, t3);
        assert!(created);
        let detail = db.ticket(t1).await.unwrap();
        assert_eq!(detail.ticket.message_count, 2);
        assert_eq!(
            detail.ticket.order_number.as_deref(),
            Some("112-1234567-1234567")
        );
    }

    pub async fn an_order_number_in_a_tweet_ties_the_handle_to_the_buyer(url: &str) {
        let db = seeded(url).await;
        let tweet = msg(
            "tw1",
            "twitter",
            json!({"handle": "@JaneD", "followers": 120}),
            "@AcmeHelp order 112-1234567-1234567 arrived broken!!",
            0,
        );
        let out = ingest(&db, vec![tweet]).await;
        let (_, ticket, _) = stored(&out[0]);
        let t = db.ticket(ticket).await.unwrap();
        let values: Vec<&str> = t
            .customer
            .identities
            .iter()
            .map(|i| i.value.as_str())
            .collect();
        assert!(values.contains(&"@janed"), "{values:?}");
        assert!(values.contains(&"jane@example.com"), "{values:?}");
        assert_eq!(
            t.ticket.order_number.as_deref(),
            Some("112-1234567-1234567")
        );
        assert_eq!(t.ticket.visibility, "public");
    }

    pub async fn merging_customers_moves_their_tickets_with_an_audit_entry(url: &str) {
        let db = seeded(url).await;
        // @janed is unknown: the first tweet opens a ticket for a new customer.
        let first = ingest(
            &db,
            vec![msg(
                "mg1",
                "twitter",
                json!({"handle": "@janed"}),
                "hello, where is my kettle?",
                0,
            )],
        )
        .await;
        let (_, early, _) = stored(&first[0]);
        let before = db.ticket(early).await.unwrap().ticket.customer_id;
        // A later tweet names Jane's order: the handle's customer merges into the buyer.
        let second = ingest(
            &db,
            vec![msg(
                "mg2",
                "twitter",
                json!({"handle": "@janed"}),
                "order 112-1234567-1234567 is broken",
                5,
            )],
        )
        .await;
        let (_, joined, _) = stored(&second[0]);
        assert_eq!(
            joined, early,
            "the follow-up joins the early ticket, which now gets the order"
        );
        let t = db.ticket(early).await.unwrap();
        assert_eq!(
            t.ticket.order_number.as_deref(),
            Some("112-1234567-1234567")
        );
        assert_eq!(
            t.ticket.store.as_deref(),
            Some("acme-us"),
            "a storeless ticket takes its order's store"
        );
        let kinds: Vec<&str> = t.events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            &kinds[..4],
            [
                "created",
                "message_added",
                "customer_merged",
                "message_added"
            ],
            "{kinds:?}"
        );
        assert!(
            kinds[4..].contains(&"order_linked"),
            "changes follow the message that caused them: {kinds:?}"
        );
        assert_ne!(
            t.ticket.customer_id, before,
            "the early ticket moved to the surviving customer"
        );
        let merged = t
            .events
            .iter()
            .find(|e| e.kind == "customer_merged")
            .expect("a customer_merged event");
        assert_eq!(merged.data["before"], json!(before));
        assert_eq!(merged.data["after"], json!(t.ticket.customer_id));
        assert_eq!(merged.actor_kind, "system");
        let detail = db.customer(before, &StoreScope::All).await.unwrap();
        assert_eq!(
            detail.customer.id, t.ticket.customer_id,
            "the merged-away id answers with the survivor"
        );
        assert!(
            detail
                .customer
                .identities
                .iter()
                .any(|i| i.value == "@janed")
        );
    }

    pub async fn a_short_shop_number_in_a_tweet_neither_links_nor_merges(url: &str) {
        let db = seeded(url).await;
        let bob = ImportRecord::parse(&json!({"type": "order", "store": "acme-shop", "number": "#1001",
            "customer": {"email": "bob@example.org"}, "currency": "EUR", "total": "20", "placed_at": "2026-11-02T10:00:00Z"}))
        .unwrap();
        db.import(&[bob], t0()).await.unwrap();
        let out = ingest(
            &db,
            vec![msg(
                "sh1",
                "twitter",
                json!({"handle": "@alice"}),
                "@AcmeShop order #1001 never arrived!!",
                0,
            )],
        )
        .await;
        let (_, ticket, _) = stored(&out[0]);
        let t = db.ticket(ticket).await.unwrap();
        assert_eq!(
            t.ticket.order_id, None,
            "a short number from free text is not evidence without the store"
        );
        let values: Vec<&str> = t
            .customer
            .identities
            .iter()
            .map(|i| i.value.as_str())
            .collect();
        assert_eq!(
            values,
            ["@alice"],
            "alice is not merged into the buyer of someone else's #1001"
        );
        // The same number inside the store's own chat is evidence for that store's order.
        let mut chat = msg(
            "sh2",
            "shopify_chat",
            json!({"email": "bob@example.org"}),
            "where is #1001?",
            1,
        );
        chat["store"] = json!("acme-shop");
        let out = ingest(&db, vec![chat]).await;
        let (_, ticket, _) = stored(&out[0]);
        assert_eq!(
            db.ticket(ticket)
                .await
                .unwrap()
                .ticket
                .order_number
                .as_deref(),
            Some("#1001")
        );
    }

    pub async fn a_tracking_number_links_the_order_and_a_high_value_loss_is_a_crisis(url: &str) {
        let db = seeded(url).await;
        let out = ingest(
            &db,
            vec![msg(
                "tr1",
                "email",
                json!({"email": "someone@example.net"}),
                "My package YT2412345678901234 never arrived, it is lost",
                0,
            )],
        )
        .await;
        let (_, ticket, _) = stored(&out[0]);
        let t = db.ticket(ticket).await.unwrap();
        assert_eq!(
            t.ticket.order_number.as_deref(),
            Some("112-7654321-7654321")
        );
        assert_eq!(t.ticket.category, "logistics.lost");
        // Triage alone says complaint; 20 kettles at 34.99 USD is a loss above the 500 USD line.
        assert_eq!(t.messages[0].urgency, "complaint");
        assert_eq!(t.ticket.urgency, "crisis");
    }

    pub async fn importing_the_same_records_twice_changes_nothing(url: &str) {
        let db = seeded(url).await;
        let before = db.counts().await.unwrap();
        let again = db
            .import(&reference(), t0() + Duration::hours(1))
            .await
            .unwrap();
        assert!(
            again.iter().all(|o| *o == ImportOutcome::Unchanged),
            "{again:?}"
        );
        assert_eq!(db.counts().await.unwrap(), before);
        let mut changed = reference();
        if let ImportRecord::Sku(s) = &mut changed[2] {
            s.price = Some("29.99".into());
        }
        if let ImportRecord::Store(st) = &mut changed[0] {
            st.name = "Acme US (renamed)".into();
        }
        if let ImportRecord::TrackingEvent(ev) = &mut changed[6] {
            ev.location = Some("Guangzhou, CN".into());
        }
        // Same millisecond as the first import: detection must not rely on timestamps.
        let out = db.import(&changed, t0()).await.unwrap();
        let updated: Vec<usize> = out
            .iter()
            .enumerate()
            .filter(|(_, o)| **o == ImportOutcome::Updated)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(updated, [0, 2, 6], "{out:?}");
    }

    pub async fn import_rejects_records_that_point_nowhere_and_keeps_the_rest(url: &str) {
        let db = open(url).await;
        let records: Vec<ImportRecord> = [
            json!({"type": "store", "key": "s1", "platform": "ebay", "currency": "GBP"}),
            json!({"type": "sku", "store": "nope", "sku": "X"}),
            json!({"type": "shipment", "store": "s1", "order_number": "12-34567-89012", "carrier": "dhl", "tracking_number": "1234567890"}),
            json!({"type": "tracking_event", "tracking_number": "LX000000000CN", "tag": "InTransit", "at": "2026-11-01T00:00:00Z"}),
            json!({"type": "sku", "store": "s1", "sku": "X", "title": "Thing"}),
        ]
        .iter()
        .map(|v| ImportRecord::parse(v).unwrap())
        .collect();
        let out = db.import(&records, t0()).await.unwrap();
        assert_eq!(out[0], ImportOutcome::Created);
        let fields: Vec<Option<&str>> = out
            .iter()
            .map(|o| match o {
                ImportOutcome::Rejected(e) => Some(e.field.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            fields,
            [
                None,
                Some("store"),
                Some("order_number"),
                Some("tracking_number"),
                None
            ]
        );
        assert_eq!(out[4], ImportOutcome::Created);
        assert_eq!(count(&db, "skus").await, 1);
    }

    pub async fn ticket_lists_filter_and_page_with_cursors(url: &str) {
        let db = seeded(url).await;
        let mut batch = Vec::new();
        for i in 0..7 {
            batch.push(msg(
                &format!("l{i}"),
                "email",
                json!({"email": format!("c{i}@example.org")}),
                &format!("parcel number {i} stuck in customs, zollgebühren"),
                i,
            ));
        }
        batch.push(msg(
            "l-de",
            "email",
            json!({"email": "de@example.org"}),
            "Vielen Dank, alles super!",
            100,
        ));
        ingest(&db, batch).await;
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = db
                .list_tickets(&TicketFilter {
                    cursor: cursor.clone(),
                    limit: 3,
                    ..Default::default()
                })
                .await
                .unwrap();
            seen.extend(page.items.iter().map(|t| t.id));
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(seen.len(), 8);
        let mut sorted = seen.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 8, "no ticket twice across pages");
        let first = db
            .list_tickets(&TicketFilter {
                limit: 50,
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(
            first.items[0]
                .subject
                .as_deref()
                .unwrap_or_default()
                .starts_with("Vielen Dank"),
            "newest first"
        );
        let hits = db
            .list_tickets(&TicketFilter {
                text: Some("CUSTOMS number".into()),
                limit: 50,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(hits.items.len(), 7);
        let none = db
            .list_tickets(&TicketFilter {
                store: Some("acme-shop".into()),
                limit: 50,
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(none.items.is_empty());
        let new = db
            .list_tickets(&TicketFilter {
                status: vec!["new".into()],
                limit: 50,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(new.items.len(), 8);
    }

    pub async fn customers_are_found_by_any_identity_and_paged(url: &str) {
        let db = seeded(url).await;
        let mut batch = Vec::new();
        for i in 0..5 {
            batch.push(msg(
                &format!("cu{i}"),
                "email",
                json!({"email": format!("buyer{i}@shop.example"), "name": format!("Buyer {i}")}),
                "hello",
                i,
            ));
        }
        ingest(&db, batch).await;
        let jane = db
            .list_customers(&CustomerFilter {
                q: Some("A1B2".into()),
                limit: 10,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(jane.items.len(), 1, "found by the buyer id");
        let values: Vec<&str> = jane.items[0]
            .identities
            .iter()
            .map(|i| i.value.as_str())
            .collect();
        assert!(
            values.contains(&"jane@example.com") && values.contains(&"amazon:A1B2C3"),
            "{values:?}"
        );
        let by_name = db
            .list_customers(&CustomerFilter {
                q: Some("buyer 3".into()),
                limit: 10,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(by_name.items.len(), 1);
        ingest(
            &db,
            vec![msg(
                "cu-es",
                "email",
                json!({"email": "alvaro@correo.example", "name": "Álvaro Núñez"}),
                "hola",
                9,
            )],
        )
        .await;
        let accented = db
            .list_customers(&CustomerFilter {
                q: Some("ÁLVARO NÚ".into()),
                limit: 10,
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            accented.items.len(),
            1,
            "Unicode case folding matches alike on both backends"
        );
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = db
                .list_customers(&CustomerFilter {
                    q: Some("shop.example".into()),
                    cursor,
                    limit: 2,
                    scope: StoreScope::All,
                })
                .await
                .unwrap();
            assert!(page.items.iter().all(|c| c.identities.len() == 1));
            seen.extend(page.items.iter().map(|c| c.id));
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(seen.len(), 5);
    }

    /// Two connections to one database (two nodes) claim and fire 1,000 due timers at the
    /// same time: every timer fires exactly once, and timers not yet due stay.
    pub async fn two_nodes_fire_a_thousand_due_timers_once_each(url: &str) {
        use crossdesk_db::NewTimer;
        let db = open(url).await;
        for i in 0..1000 {
            let t = NewTimer {
                kind: "sla_check".into(),
                key: format!("sla:{i}"),
                ticket_id: None,
                due_at: t0() + Duration::seconds(i),
                payload: json!({"n": i}),
            };
            assert!(db.schedule_timer(&t).await.unwrap());
        }
        // Scheduling a key again schedules nothing.
        let again = NewTimer {
            kind: "sla_check".into(),
            key: "sla:7".into(),
            ticket_id: None,
            due_at: t0(),
            payload: json!({}),
        };
        assert!(!db.schedule_timer(&again).await.unwrap());
        let later = NewTimer {
            kind: "survey".into(),
            key: "survey:1".into(),
            ticket_id: None,
            due_at: t0() + Duration::days(10),
            payload: json!({}),
        };
        assert!(db.schedule_timer(&later).await.unwrap());

        let now = t0() + Duration::hours(1);
        let node = |name: &'static str| {
            let url = url.to_string();
            tokio::spawn(async move {
                let db = Db::connect(&url).await.unwrap();
                let mut fired = Vec::new();
                loop {
                    let batch = db
                        .claim_due_timers(name, now, Duration::minutes(5), 25)
                        .await
                        .unwrap();
                    if batch.is_empty() {
                        break;
                    }
                    for t in batch {
                        assert_eq!(t.attempts, 1, "a live lease is never claimed twice");
                        if db.fire_timer(t.id, name, now).await.unwrap() {
                            fired.push(t.id);
                        }
                    }
                }
                db.close().await;
                fired
            })
        };
        let (a, b) = (node("node-a"), node("node-b"));
        let (a, b) = (a.await.unwrap(), b.await.unwrap());
        let mut all: Vec<i64> = a.iter().chain(&b).copied().collect();
        all.sort_unstable();
        let total = all.len();
        all.dedup();
        assert_eq!(total, 1000, "node a fired {}, node b {}", a.len(), b.len());
        assert_eq!(all.len(), 1000, "no timer fired twice");
        assert_eq!(
            db.pending_timers().await.unwrap(),
            1,
            "the survey is not due"
        );
    }

    /// A node that claims a timer and dies leaves it to another after the lease; if the
    /// first comes back late, it may not fire it.
    pub async fn an_expired_lease_passes_the_timer_on_and_the_late_worker_may_not_fire(url: &str) {
        use crossdesk_db::NewTimer;
        let db = open(url).await;
        let t = NewTimer {
            kind: "auto_close".into(),
            key: "close:1".into(),
            ticket_id: None,
            due_at: t0(),
            payload: json!({"after_days": 7}),
        };
        db.schedule_timer(&t).await.unwrap();
        let lease = Duration::minutes(5);
        let first = db.claim_due_timers("a", t0(), lease, 10).await.unwrap();
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].payload, json!({"after_days": 7}));
        // Inside the lease nobody else gets it.
        let during = t0() + Duration::minutes(4);
        assert!(
            db.claim_due_timers("b", during, lease, 10)
                .await
                .unwrap()
                .is_empty()
        );
        // After it, b does; a's late attempt to fire fails, b's succeeds, once.
        let after = t0() + Duration::minutes(6);
        let second = db.claim_due_timers("b", after, lease, 10).await.unwrap();
        assert_eq!((second.len(), second[0].attempts), (1, 2));
        assert!(!db.fire_timer(first[0].id, "a", after).await.unwrap());
        assert!(db.fire_timer(second[0].id, "b", after).await.unwrap());
        assert!(!db.fire_timer(second[0].id, "b", after).await.unwrap());
        assert!(
            db.claim_due_timers("c", after + Duration::hours(1), lease, 10)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(db.pending_timers().await.unwrap(), 0);
    }
}
