//! Satisfaction surveys in storage, on SQLite and on PostgreSQL (when
//! `CROSSDESK_TEST_POSTGRES` is set): opening is idempotent, an answer is taken once, both
//! leave a ticket event, and every node reads the same signing secret.
#![allow(clippy::unwrap_used, clippy::expect_used)]

crossdesk_testkit::conformance!(
    opening_a_survey_twice_opens_it_once_with_one_event,
    a_survey_speaks_the_language_of_its_ticket,
    a_survey_for_a_missing_ticket_is_not_found,
    an_answer_is_stored_once_with_its_event,
    an_answer_without_a_survey_changes_nothing,
    an_empty_comment_is_stored_as_none,
    out_of_bounds_answers_are_refused_by_storage_too,
    two_nodes_agree_on_one_signing_secret,
);

mod cases {
    use chrono::{DateTime, Duration, TimeZone, Utc};
    use crossdesk_db::{Db, IngestItem, IngestOutcome, SURVEY_COMMENT_MAX_CHARS, SurveyAnswer};
    use crossdesk_domain::inbound::Inbound;
    use crossdesk_domain::triage::{TriageConfig, TriageInput, triage};
    use serde_json::{Value, json};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap()
    }

    async fn open(url: &str) -> Db {
        Db::connect(url).await.expect("connect")
    }

    /// A ticket opened by one tweet; its id.
    async fn ticket(db: &Db, id: &str, text: &str) -> i64 {
        let v = json!({"channel": "twitter", "external_id": id, "author": {"handle": format!("@buyer_{id}")},
                       "text": text, "sent_at": t0().to_rfc3339()});
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
            IngestOutcome::Stored { ticket_id, .. } => *ticket_id,
            other => panic!("expected stored, got {other:?}"),
        }
    }

    async fn events(db: &Db, ticket: i64, kind: &str) -> Vec<Value> {
        db.ticket(ticket)
            .await
            .unwrap()
            .events
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| json!({"actor_kind": e.actor_kind, "actor_id": e.actor_id, "data": e.data, "at": e.at}))
            .collect()
    }

    pub async fn opening_a_survey_twice_opens_it_once_with_one_event(url: &str) {
        let db = open(url).await;
        let t = ticket(&db, "1", "Where is my parcel? It has been three weeks.").await;
        assert_eq!(db.survey(t).await.unwrap(), None);
        let sent = t0() + Duration::days(10);
        assert!(db.open_survey(t, sent).await.unwrap());
        assert!(!db.open_survey(t, sent + Duration::hours(1)).await.unwrap());
        let s = db.survey(t).await.unwrap().expect("survey");
        assert_eq!(s.ticket_id, t);
        assert_eq!(s.sent_at, sent, "the second opening changed nothing");
        assert_eq!((s.rating, s.comment, s.answered_at), (None, None, None));
        let ev = events(&db, t, "survey_sent").await;
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0]["actor_kind"], "system");
        assert_eq!(ev[0]["data"]["language"], "en");
    }

    pub async fn a_survey_speaks_the_language_of_its_ticket(url: &str) {
        let db = open(url).await;
        let t = ticket(&db, "2", "我的包裹已经三个星期了还没有收到，请帮我查一下").await;
        let language = db.ticket(t).await.unwrap().ticket.language;
        assert_eq!(language, "zh");
        db.open_survey(t, t0()).await.unwrap();
        assert_eq!(db.survey(t).await.unwrap().unwrap().language, "zh");
    }

    pub async fn a_survey_for_a_missing_ticket_is_not_found(url: &str) {
        let db = open(url).await;
        let err = db.open_survey(4242, t0()).await.unwrap_err();
        assert!(matches!(err, crossdesk_db::DbError::NotFound), "{err:?}");
        assert_eq!(db.survey(4242).await.unwrap(), None);
    }

    pub async fn an_answer_is_stored_once_with_its_event(url: &str) {
        let db = open(url).await;
        let t = ticket(&db, "3", "The kettle arrived broken, I want a refund").await;
        db.open_survey(t, t0()).await.unwrap();
        let at = t0() + Duration::days(11);
        let out = db
            .answer_survey(t, 4, Some("  Quick refund, thanks!  "), at)
            .await
            .unwrap();
        assert_eq!(out, SurveyAnswer::Saved);
        let again = db
            .answer_survey(t, 1, Some("changed my mind"), at + Duration::hours(1))
            .await
            .unwrap();
        assert_eq!(again, SurveyAnswer::AlreadyAnswered);
        let s = db.survey(t).await.unwrap().unwrap();
        assert_eq!(s.rating, Some(4));
        assert_eq!(s.comment.as_deref(), Some("Quick refund, thanks!"));
        assert_eq!(s.answered_at, Some(at));
        let ev = events(&db, t, "survey_answered").await;
        assert_eq!(ev.len(), 1, "one answer, one event: {ev:?}");
        assert_eq!(ev[0]["actor_kind"], "customer");
        let customer = db.ticket(t).await.unwrap().ticket.customer_id;
        assert_eq!(ev[0]["actor_id"], customer);
        assert_eq!(ev[0]["data"], json!({"rating": 4, "comment": true}));
    }

    pub async fn an_answer_without_a_survey_changes_nothing(url: &str) {
        let db = open(url).await;
        let t = ticket(&db, "4", "Where is my order?").await;
        let out = db.answer_survey(t, 5, None, t0()).await.unwrap();
        assert_eq!(out, SurveyAnswer::NoSurvey);
        assert_eq!(db.survey(t).await.unwrap(), None);
        assert!(events(&db, t, "survey_answered").await.is_empty());
        let out = db.answer_survey(999_999, 5, None, t0()).await.unwrap();
        assert_eq!(out, SurveyAnswer::NoSurvey);
    }

    pub async fn an_empty_comment_is_stored_as_none(url: &str) {
        let db = open(url).await;
        let t = ticket(&db, "5", "Package never arrived").await;
        db.open_survey(t, t0()).await.unwrap();
        let out = db.answer_survey(t, 2, Some("   "), t0()).await.unwrap();
        assert_eq!(out, SurveyAnswer::Saved);
        let s = db.survey(t).await.unwrap().unwrap();
        assert_eq!((s.rating, s.comment), (Some(2), None));
        let ev = events(&db, t, "survey_answered").await;
        assert_eq!(ev[0]["data"], json!({"rating": 2, "comment": false}));
    }

    pub async fn out_of_bounds_answers_are_refused_by_storage_too(url: &str) {
        let db = open(url).await;
        let t = ticket(&db, "6", "Wrong size delivered").await;
        db.open_survey(t, t0()).await.unwrap();
        for rating in [0, 6] {
            assert!(db.answer_survey(t, rating, None, t0()).await.is_err());
        }
        let long = "é".repeat(SURVEY_COMMENT_MAX_CHARS + 1);
        assert!(db.answer_survey(t, 3, Some(&long), t0()).await.is_err());
        let longest = "é".repeat(SURVEY_COMMENT_MAX_CHARS);
        assert_eq!(
            db.answer_survey(t, 3, Some(&longest), t0()).await.unwrap(),
            SurveyAnswer::Saved,
            "the limit counts characters, not bytes"
        );
    }

    pub async fn two_nodes_agree_on_one_signing_secret(url: &str) {
        let (a, b) = (open(url).await, open(url).await);
        let (sa, sb) = tokio::join!(a.signing_secret(), b.signing_secret());
        let (sa, sb) = (sa.unwrap(), sb.unwrap());
        assert_eq!(sa.len(), 32);
        assert_eq!(sa, sb);
        assert_eq!(a.signing_secret().await.unwrap(), sa, "the secret is kept");
        a.close().await;
        assert_eq!(open(url).await.signing_secret().await.unwrap(), sa);
    }
}
