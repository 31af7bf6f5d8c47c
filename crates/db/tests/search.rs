//! Full-text search and the inbox filters: every case runs on SQLite and on PostgreSQL
//! (when `CROSSDESK_TEST_POSTGRES` is set), each against the same expected tickets, so
//! the two backends find the same.
#![allow(clippy::unwrap_used, clippy::expect_used)]

crossdesk_testkit::conformance!(
    words_match_whole_all_of_them_and_the_last_as_a_prefix,
    accents_fold_alike_and_cjk_bigrams_match,
    order_numbers_match_with_or_without_dashes,
    query_syntax_in_user_input_is_plain_text,
    the_index_follows_replies_that_add_words,
    open_statuses_channel_and_sla_states_filter_with_capped_counts,
    a_common_word_and_a_rare_one_find_the_same_newest_first,
);

mod cases {
    use chrono::{DateTime, Duration, TimeZone, Utc};
    use crossdesk_db::{
        Actor, BulkTicket, Db, ImportOutcome, IngestItem, IngestOutcome, SlaState, StoreScope,
        TicketFilter,
    };
    use crossdesk_domain::import::ImportRecord;
    use crossdesk_domain::inbound::Inbound;
    use crossdesk_domain::model::TicketStatus;
    use crossdesk_domain::triage::{TriageConfig, TriageInput, triage};
    use serde_json::{Value, json};
    use std::collections::BTreeSet;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap()
    }

    async fn seeded(url: &str) -> Db {
        let db = Db::connect(url).await.expect("connect");
        let stores: Vec<ImportRecord> = [
            json!({"type": "store", "key": "acme-us", "name": "Acme US", "platform": "amazon",
                   "currency": "USD", "group": "acme"}),
            json!({"type": "store", "key": "acme-de", "name": "Acme DE", "platform": "ebay",
                   "currency": "EUR", "group": "acme"}),
        ]
        .iter()
        .map(|v| ImportRecord::parse(v).unwrap())
        .collect();
        let out = db.import(&stores, t0()).await.unwrap();
        assert!(out.iter().all(|o| *o == ImportOutcome::Created), "{out:?}");
        db
    }

    /// One message per ticket (each from its own customer), `minutes` after t0.
    fn msg(id: &str, channel: &str, store: &str, text: &str, minutes: i64) -> Value {
        let author = if channel == "email" {
            json!({"email": format!("{id}@example.org"), "name": format!("Buyer {id}")})
        } else {
            json!({"buyer_id": format!("B-{id}"), "name": format!("Buyer {id}")})
        };
        json!({"channel": channel, "external_id": id, "store": store, "author": author,
               "text": text, "sent_at": (t0() + Duration::minutes(minutes)).to_rfc3339()})
    }

    /// Ingests the messages; the ticket id of each, in order.
    async fn ingest(db: &Db, values: Vec<Value>) -> Vec<i64> {
        let stores = db.stores().await.unwrap();
        let mut items = Vec::new();
        for v in values {
            let inbound = Inbound::parse(&v).unwrap();
            let store_id = stores
                .iter()
                .find(|s| Some(&s.key) == inbound.store.as_ref())
                .map(|s| s.id);
            let verdict = triage(
                &TriageInput {
                    text: &inbound.text,
                    ..Default::default()
                },
                &TriageConfig::default(),
            );
            items.push(IngestItem::new(inbound, verdict, store_id));
        }
        db.ingest(&items, &TriageConfig::default(), t0())
            .await
            .unwrap()
            .iter()
            .map(|o| match o {
                IngestOutcome::Stored { ticket_id, .. } => *ticket_id,
                other => panic!("expected stored, got {other:?}"),
            })
            .collect()
    }

    async fn ids(db: &Db, f: TicketFilter) -> BTreeSet<i64> {
        let page = db
            .list_tickets(&TicketFilter {
                limit: 500,
                ..f.clone()
            })
            .await
            .unwrap();
        let found: BTreeSet<i64> = page.items.iter().map(|t| t.id).collect();
        // The count agrees with the list.
        let (n, capped) = db.count_tickets_capped(&f, 1000).await.unwrap();
        assert_eq!((n, capped), (found.len() as i64, false), "count of {f:?}");
        assert_eq!(db.count_tickets(&f).await.unwrap().total, n);
        found
    }

    async fn search(db: &Db, q: &str) -> BTreeSet<i64> {
        ids(
            db,
            TicketFilter {
                text: Some(q.into()),
                ..Default::default()
            },
        )
        .await
    }

    fn set(ids: &[i64]) -> BTreeSet<i64> {
        ids.iter().copied().collect()
    }

    pub async fn words_match_whole_all_of_them_and_the_last_as_a_prefix(url: &str) {
        let db = seeded(url).await;
        let t = ingest(
            &db,
            vec![
                msg(
                    "e1",
                    "email",
                    "acme-us",
                    "I want a refund, the parcel never arrived",
                    0,
                ),
                msg(
                    "e2",
                    "email",
                    "acme-us",
                    "Refunded twice? Please check my account",
                    1,
                ),
                msg("e3", "email", "acme-us", "The parcel is damaged", 2),
                msg("e4", "email", "acme-us", "Where is my order", 3),
            ],
        )
        .await;
        assert_eq!(
            search(&db, "refund").await,
            set(&[t[0], t[1]]),
            "prefix of the last word"
        );
        assert_eq!(search(&db, "REFUN").await, set(&[t[0], t[1]]));
        assert_eq!(
            search(&db, "refund parcel").await,
            set(&[t[0]]),
            "every word"
        );
        assert_eq!(search(&db, "parcel refund").await, set(&[t[0]]));
        assert_eq!(search(&db, "parcel").await, set(&[t[0], t[2]]));
        assert_eq!(
            search(&db, "parce refund").await,
            set(&[]),
            "only the last is a prefix"
        );
        assert_eq!(
            search(&db, "Buyer e4").await,
            set(&[t[3]]),
            "the customer's name"
        );
        assert_eq!(
            search(&db, "e3@example.org").await,
            set(&[t[2]]),
            "the e-mail"
        );
        assert_eq!(search(&db, "nothing-like-this").await, set(&[]));
        // A word too long to index is skipped; the rest of the message is found.
        let long = ingest(
            &db,
            vec![msg(
                "e5",
                "email",
                "acme-us",
                &format!("{} wombat", "x".repeat(3000)),
                4,
            )],
        )
        .await;
        assert_eq!(search(&db, "wombat").await, set(&long));
        assert_eq!(search(&db, &"x".repeat(3000)).await, set(&[]));
        // Too short to be a prefix: matched whole.
        assert_eq!(search(&db, "or").await, set(&[]));
        let mut all = set(&t);
        all.extend(long);
        assert_eq!(
            search(&db, "!!! ... ?").await,
            all,
            "no letters or digits: no text filter"
        );
        assert_eq!(search(&db, "").await, all);
    }

    pub async fn accents_fold_alike_and_cjk_bigrams_match(url: &str) {
        let db = seeded(url).await;
        let t = ingest(
            &db,
            vec![
                msg(
                    "d1",
                    "email",
                    "acme-de",
                    "Die Lieferung ist verspätet, bitte Rückerstattung",
                    0,
                ),
                msg("d2", "email", "acme-de", "Größe passt nicht, Umtausch?", 1),
                msg("c1", "email", "acme-us", "我要退款，包裹没到", 2),
                msg("c2", "email", "acme-us", "退货流程是什么", 3),
                msg(
                    "f1",
                    "email",
                    "acme-us",
                    "Colis endommagé, remboursement svp",
                    4,
                ),
            ],
        )
        .await;
        assert_eq!(search(&db, "Lieferung").await, set(&[t[0]]));
        assert_eq!(search(&db, "lieferung verspätet").await, set(&[t[0]]));
        assert_eq!(
            search(&db, "verspatet").await,
            set(&[t[0]]),
            "without the umlaut"
        );
        assert_eq!(search(&db, "VERSPÄT").await, set(&[t[0]]), "prefix with it");
        assert_eq!(search(&db, "ruckerstattung").await, set(&[t[0]]));
        assert_eq!(search(&db, "größe").await, set(&[t[1]]));
        assert_eq!(
            search(&db, "grosse").await,
            set(&[]),
            "ß is a letter of its own"
        );
        assert_eq!(search(&db, "endommage").await, set(&[t[4]]));
        assert_eq!(
            search(&db, "退款").await,
            set(&[t[2]]),
            "a two-character word"
        );
        assert_eq!(
            search(&db, "我要退款").await,
            set(&[t[2]]),
            "a run: all its bigrams"
        );
        assert_eq!(
            search(&db, "退").await,
            set(&[t[2], t[3]]),
            "one character: a prefix"
        );
        assert_eq!(search(&db, "退货").await, set(&[t[3]]));
        assert_eq!(search(&db, "退款 包裹").await, set(&[t[2]]));
        assert_eq!(search(&db, "退款 退货").await, set(&[]));
    }

    pub async fn order_numbers_match_with_or_without_dashes(url: &str) {
        let db = seeded(url).await;
        let t = ingest(
            &db,
            vec![
                msg(
                    "o1",
                    "amazon",
                    "acme-us",
                    "Order 114-3941689-8772232 arrived broken",
                    0,
                ),
                msg(
                    "o2",
                    "amazon",
                    "acme-us",
                    "Order 114-3941689-0000001 is late",
                    1,
                ),
                msg(
                    "o3",
                    "ebay",
                    "acme-de",
                    "Tracking LX123-456-CN shows nothing",
                    2,
                ),
            ],
        )
        .await;
        assert_eq!(search(&db, "114-3941689-8772232").await, set(&[t[0]]));
        assert_eq!(search(&db, "11439416898772232").await, set(&[t[0]]));
        assert_eq!(
            search(&db, "114-3941689").await,
            set(&[t[0], t[1]]),
            "a prefix"
        );
        assert_eq!(search(&db, "lx123456cn").await, set(&[t[2]]));
        assert_eq!(search(&db, "LX123-456-CN").await, set(&[t[2]]));
    }

    pub async fn query_syntax_in_user_input_is_plain_text(url: &str) {
        let db = seeded(url).await;
        let t = ingest(
            &db,
            vec![
                msg(
                    "q1",
                    "email",
                    "acme-us",
                    "refund or exchange, near the deadline",
                    0,
                ),
                msg("q2", "email", "acme-us", "an exchange please", 1),
            ],
        )
        .await;
        for q in [
            "refund\" OR \"exchange",
            "refund OR exchange",
            "NEAR(refund exchange)",
            "refund*",
            "\"refund\"",
            "*",
            "\"",
            "refund AND NOT x",
            "search_text:refund",
            "'refund' | 'x'",
            "refund \\ exchange",
            "refund:*",
            "(refund",
        ] {
            let found = search(&db, q).await;
            assert!(found.is_subset(&set(&t)), "{q:?} → {found:?}");
        }
        // The words of an FTS5 or tsquery expression are just words.
        assert_eq!(search(&db, "refund OR exchange").await, set(&[t[0]]));
        assert_eq!(search(&db, "NEAR(refund exchange)").await, set(&[t[0]]));
        assert_eq!(search(&db, "\"exchange\"").await, set(&[t[0], t[1]]));
        assert_eq!(search(&db, "*").await, set(&t));
    }

    pub async fn the_index_follows_replies_that_add_words(url: &str) {
        let db = seeded(url).await;
        let first = ingest(
            &db,
            vec![msg("r1", "email", "acme-us", "My kettle arrived broken", 0)],
        )
        .await;
        assert_eq!(search(&db, "compensation").await, set(&[]));
        // The same customer writes again: the message joins the open ticket.
        let mut again = msg(
            "r2",
            "email",
            "acme-us",
            "Still broken, I want compensation",
            5,
        );
        again["author"] = json!({"email": "r1@example.org", "name": "Buyer r1"});
        again["in_reply_to"] = json!("r1");
        let second = ingest(&db, vec![again]).await;
        assert_eq!(second, first, "joined the ticket");
        assert_eq!(search(&db, "compensation").await, set(&first));
        assert_eq!(search(&db, "kettle compensation").await, set(&first));
    }

    pub async fn open_statuses_channel_and_sla_states_filter_with_capped_counts(url: &str) {
        let db = seeded(url).await;
        let mut batch = Vec::new();
        for i in 0..9 {
            let channel = if i % 3 == 0 { "amazon" } else { "email" };
            batch.push(msg(
                &format!("s{i}"),
                channel,
                "acme-us",
                &format!("parcel {i} has not arrived"),
                i * 10,
            ));
        }
        let t = ingest(&db, batch).await;
        // Two done, one waiting on the customer.
        for (id, to) in [
            (t[0], TicketStatus::Resolved),
            (t[1], TicketStatus::Resolved),
            (t[2], TicketStatus::WaitingCustomer),
        ] {
            db.change_status(id, TicketStatus::Open, Actor::SYSTEM, None, t0())
                .await
                .unwrap();
            db.change_status(id, to, Actor::SYSTEM, None, t0())
                .await
                .unwrap();
        }
        db.change_status(t[1], TicketStatus::Closed, Actor::SYSTEM, None, t0())
            .await
            .unwrap();

        let open_statuses: Vec<String> = ["solution_proposed", "new", "waiting_customer", "open"]
            .map(String::from)
            .to_vec();
        let open = ids(
            &db,
            TicketFilter {
                status: open_statuses.clone(),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(open, set(&t[2..]), "every open status");
        let new_or_open = ids(
            &db,
            TicketFilter {
                status: vec!["new".into(), "open".into()],
                ..Default::default()
            },
        )
        .await;
        assert_eq!(new_or_open, set(&t[3..]));

        // Newest first, paged with cursors, over the open view.
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = db
                .list_tickets(&TicketFilter {
                    status: open_statuses.clone(),
                    cursor: cursor.clone(),
                    limit: 2,
                    ..Default::default()
                })
                .await
                .unwrap();
            seen.extend(page.items.iter().map(|x| x.id));
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        let mut newest_first: Vec<i64> = t[2..].to_vec();
        newest_first.reverse();
        assert_eq!(seen, newest_first);

        let amazon = ids(
            &db,
            TicketFilter {
                channel: Some("amazon".into()),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(amazon, set(&[t[0], t[3], t[6]]));

        // SLA states, from the due times intake set, at a few moments.
        let all = db
            .list_tickets(&TicketFilter {
                limit: 500,
                ..Default::default()
            })
            .await
            .unwrap()
            .items;
        let due = |x: &crossdesk_db::views::TicketSummary| {
            [x.first_response_due_at, x.solution_due_at, x.hard_due_at]
                .into_iter()
                .flatten()
                .min()
        };
        let clocks: Vec<DateTime<Utc>> = all
            .iter()
            .filter(|x| !matches!(x.status.as_str(), "resolved" | "closed"))
            .filter_map(due)
            .collect();
        assert!(!clocks.is_empty(), "intake starts SLA clocks");
        let earliest = *clocks.iter().min().unwrap();
        let moments = [
            t0(),
            earliest - Duration::minutes(30),
            earliest + Duration::minutes(5),
            earliest + Duration::hours(3),
            t0() + Duration::days(30),
        ];
        for now in moments {
            let expect = |state: SlaState| -> BTreeSet<i64> {
                all.iter()
                    .filter(|x| !matches!(x.status.as_str(), "resolved" | "closed"))
                    .filter(|x| match due(x) {
                        None => false,
                        Some(d) => match state {
                            SlaState::Breached => d < now,
                            SlaState::AtRisk => d >= now && d < now + Duration::hours(1),
                            SlaState::OnTrack => d >= now + Duration::hours(1),
                        },
                    })
                    .map(|x| x.id)
                    .collect()
            };
            let mut union = BTreeSet::new();
            for state in SlaState::ALL {
                let found = ids(
                    &db,
                    TicketFilter {
                        sla: Some((state, now)),
                        ..Default::default()
                    },
                )
                .await;
                assert_eq!(found, expect(state), "{state:?} at {now}");
                assert!(union.is_disjoint(&found));
                union.extend(found);
            }
        }
        let at_risk = ids(
            &db,
            TicketFilter {
                sla: Some((SlaState::AtRisk, earliest - Duration::minutes(30))),
                ..Default::default()
            },
        )
        .await;
        assert!(
            !at_risk.is_empty(),
            "something is at risk half an hour before the first due time"
        );
        let breached_later = ids(
            &db,
            TicketFilter {
                sla: Some((SlaState::Breached, t0() + Duration::days(30))),
                ..Default::default()
            },
        )
        .await;
        assert!(
            !breached_later.is_empty()
                && !breached_later.contains(&t[0])
                && !breached_later.contains(&t[2]),
            "done and waiting tickets are never breached: {breached_later:?}"
        );

        // Capped counts.
        let parcels = TicketFilter {
            text: Some("parcel".into()),
            ..Default::default()
        };
        assert_eq!(
            db.count_tickets_capped(&parcels, 5).await.unwrap(),
            (5, true)
        );
        assert_eq!(
            db.count_tickets_capped(&parcels, 9).await.unwrap(),
            (9, false)
        );
        assert_eq!(
            db.count_tickets_capped(&parcels, 100).await.unwrap(),
            (9, false)
        );
        assert_eq!(
            db.count_tickets_capped(&parcels, 0).await.unwrap(),
            (0, true)
        );
    }

    /// Enough tickets that a word in most of them counts as common (SQLite then walks the
    /// inbox index instead of sorting the matches): both plans give the same pages.
    pub async fn a_common_word_and_a_rare_one_find_the_same_newest_first(url: &str) {
        let db = seeded(url).await;
        let stores = db.stores().await.unwrap();
        let customers = db
            .bulk_insert_customers(&["Bulk Buyer".to_string()], t0())
            .await
            .unwrap();
        let n = 6_000usize;
        let mut rows = Vec::new();
        for i in 0..n {
            // Activity in an order unrelated to the ids; a third closed; some rare words.
            let minutes = ((i * 7919) % n) as i64;
            let at = t0() + Duration::minutes(minutes);
            let mut text = String::from("parcel refund");
            if i % 500 == 0 {
                text.push_str(" zebra");
            }
            rows.push(BulkTicket {
                store_id: Some(stores[i % 2].id),
                customer_id: customers[0],
                channel: "email".into(),
                visibility: "private".into(),
                subject: None,
                status: if i % 3 == 0 { "closed" } else { "open" }.into(),
                category: "logistics.delay".into(),
                urgency: "complaint".into(),
                language: "en".into(),
                sentiment: 0.0,
                assignee_id: None,
                message_count: 1,
                first_message_at: at,
                last_message_at: at,
                search_text: text,
                first_response_due_at: None,
                first_responded_at: None,
                solution_due_at: None,
                hard_due_at: None,
                resolved_at: None,
                closed_at: None,
            });
        }
        db.bulk_insert_tickets(&rows, t0()).await.unwrap();
        let open_statuses: Vec<String> = ["new", "open", "waiting_customer", "solution_proposed"]
            .map(String::from)
            .to_vec();
        // The matching open rows (by index in `rows`), newest activity first; every
        // ticket has its own minute, so the order is the order of times.
        let expected = |word: &str, store: Option<i64>| -> Vec<i64> {
            let mut v: Vec<(i64, i64)> = rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.status == "open" && r.search_text.contains(word))
                .filter(|(_, r)| store.is_none_or(|s| r.store_id == Some(s)))
                .map(|(i, r)| (r.last_message_at.timestamp_millis(), i as i64))
                .collect();
            v.sort_unstable_by(|a, b| b.cmp(a));
            v.into_iter().map(|(_, i)| i).collect()
        };
        for (word, store) in [
            ("refund", None),
            ("refun", None),
            ("zebra", None),
            ("refund", Some(stores[1].id)),
            ("zebra", Some(stores[0].id)),
        ] {
            let f = TicketFilter {
                text: Some(word.into()),
                status: open_statuses.clone(),
                scope: match store {
                    Some(s) => StoreScope::Stores(vec![s]),
                    None => StoreScope::All,
                },
                limit: 50,
                ..Default::default()
            };
            let page = db.list_tickets(&f).await.unwrap();
            let want = expected(word, store);
            let got_times: Vec<i64> = page
                .items
                .iter()
                .map(|t| t.last_message_at.timestamp_millis())
                .collect();
            let want_times: Vec<i64> = want
                .iter()
                .take(50)
                .map(|&i| rows[i as usize].last_message_at.timestamp_millis())
                .collect();
            assert_eq!(got_times, want_times, "{word} in {store:?}: newest first");
            let (count, capped) = db.count_tickets_capped(&f, 10_000).await.unwrap();
            assert_eq!(
                (count, capped),
                (want.len() as i64, false),
                "{word} in {store:?}"
            );
        }
    }
}
