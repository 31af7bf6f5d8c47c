//! The workspace features end to end, against the real binary on both backends: agents
//! correct triage labels (the ticket, the message and the audit trail change together, the
//! correction is exported in the shape training reads), save inbox views of their own, and
//! watch brands in public social posts — always within their stores.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, Utc};
use crossdesk_testkit::TestServer;
use reqwest::Method;
use serde_json::{Value, json};
use std::path::Path;

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossdesk"))
}

/// Two stores in two groups.
const REFERENCE: &str = r#"{"type":"store","key":"eu-shop","name":"EU Shop","platform":"shopify","currency":"EUR","group":"eu"}
{"type":"store","key":"us-shop","name":"US Shop","platform":"amazon","currency":"USD","group":"us"}
"#;

/// Not a ticket, view or message in the scenario.
const NOWHERE: i64 = 987_654;

struct Resp {
    status: u16,
    body: Value,
}

impl Resp {
    fn field(&self) -> &str {
        self.body["error"]["field"].as_str().unwrap_or_default()
    }

    fn message(&self) -> &str {
        self.body["error"]["message"].as_str().unwrap_or_default()
    }
}

/// A caller holding one API token.
struct Who {
    base: String,
    token: String,
    http: reqwest::Client,
}

impl Who {
    async fn call(&self, method: Method, path: &str, body: Option<&Value>) -> Resp {
        let mut r = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header("authorization", format!("Bearer {}", self.token));
        if let Some(b) = body {
            r = r.json(b);
        }
        let r = r.send().await.expect("request");
        let status = r.status().as_u16();
        let text = r.text().await.expect("body");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Resp { status, body }
    }

    async fn get(&self, path: &str) -> Resp {
        self.call(Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: &Value) -> Resp {
        self.call(Method::POST, path, Some(body)).await
    }

    async fn put(&self, path: &str, body: &Value) -> Resp {
        self.call(Method::PUT, path, Some(body)).await
    }

    async fn delete(&self, path: &str) -> Resp {
        self.call(Method::DELETE, path, None).await
    }
}

struct World {
    server: TestServer,
    admin: Who,
    /// An agent of the EU group.
    eu: Who,
    eu_id: i64,
    /// An agent of the US store.
    us: Who,
    /// A lead of the EU group.
    lead: Who,
}

/// A timestamp `minutes_ago` before now (the server runs on the real clock).
fn recent(minutes_ago: i64) -> String {
    #[allow(clippy::disallowed_methods)]
    let now = Utc::now();
    (now - Duration::minutes(minutes_ago)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(bin())
        .args(args)
        .output()
        .expect("run crossdesk")
}

async fn setup(url: &str) -> World {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference.jsonl");
    std::fs::write(&reference, REFERENCE).unwrap();
    let out = cli(&["import", reference.to_str().unwrap(), "--database", url]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = TestServer::start(bin(), url).await;
    let who = |token: &str| Who {
        base: server.url.clone(),
        token: token.to_string(),
        http: reqwest::Client::new(),
    };
    let admin = who(server.token());
    let mut tokens = Vec::new();
    let mut ids = Vec::new();
    for spec in [
        json!({"email": "eu@test.invalid", "name": "Eu Agent", "role": "agent", "groups": ["eu"]}),
        json!({"email": "us@test.invalid", "name": "Us Agent", "role": "agent", "stores": ["us-shop"]}),
        json!({"email": "lead@test.invalid", "name": "Eu Lead", "role": "lead", "groups": ["eu"]}),
    ] {
        let r = admin.put("/api/v1/agents", &spec).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let id = r.body["id"].as_i64().unwrap();
        let r = admin
            .post(
                "/api/v1/tokens",
                &json!({"name": "tests", "scopes": ["read", "write", "inbound"], "agent_id": id}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        tokens.push(r.body["token"].as_str().unwrap().to_string());
        ids.push(id);
    }
    World {
        eu: who(&tokens[0]),
        eu_id: ids[0],
        us: who(&tokens[1]),
        lead: who(&tokens[2]),
        admin,
        server,
    }
}

/// Posts one inbound message as the admin; its `(ticket_id, message_id)`.
async fn inbound(w: &World, m: Value) -> (i64, i64) {
    let r = w.admin.post("/api/v1/inbound", &m).await;
    assert_eq!(r.status, 201, "{}", r.body);
    (
        r.body["ticket_id"].as_i64().unwrap(),
        r.body["message_id"].as_i64().unwrap(),
    )
}

async fn detail(w: &World, ticket: i64) -> Value {
    let r = w.admin.get(&format!("/api/v1/tickets/{ticket}")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body
}

fn events_of<'a>(d: &'a Value, kind: &str) -> Vec<&'a Value> {
    d["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == kind)
        .collect()
}

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

/// A category other than `current`.
fn other_category(current: &str) -> &'static str {
    if current == "logistics.lost" {
        "logistics.customs"
    } else {
        "logistics.lost"
    }
}

mod cases {
    use super::*;

    /// A correction changes the ticket and the message it came from, records who did it,
    /// keeps a correction that the API and the CLI export in the shape training reads; the
    /// same value again writes nothing; a crisis gets the crisis clock.
    pub async fn corrected_labels_change_the_ticket_and_are_exported(url: &str) {
        let w = setup(url).await;
        let (ticket, message) = inbound(
            &w,
            json!({"channel": "email", "external_id": "e1", "store": "eu-shop",
                "author": {"email": "eva@example.org", "name": "Eva"}, "subject": "Order",
                "text": "My parcel has still not arrived after three weeks, where is it?",
                "sent_at": recent(30)}),
        )
        .await;
        let before = detail(&w, ticket).await;
        let old = before["ticket"]["category"].as_str().unwrap().to_string();
        let new = other_category(&old);

        let r =
            w.eu.post(
                &format!("/api/v1/tickets/{ticket}/labels"),
                &json!({"category": new, "language": "de"}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["id"], ticket);
        assert_eq!(r.body["category"], new);
        assert_eq!(r.body["language"], "de");
        assert_eq!(r.body["urgency"], before["ticket"]["urgency"]);

        let after = detail(&w, ticket).await;
        assert_eq!(after["ticket"]["category"], new);
        let m = &after["messages"][0];
        assert_eq!(m["id"], message);
        assert_eq!(
            (m["category"].as_str(), m["language"].as_str()),
            (Some(new), Some("de"))
        );
        let corrected = events_of(&after, "labels_corrected");
        assert_eq!(corrected.len(), 1, "{}", after["events"]);
        let e = corrected[0];
        assert_eq!(e["actor_id"], w.eu_id);
        assert_eq!(
            e["actor_kind"], "integration",
            "an API token acts as an integration"
        );
        assert_eq!(e["data"]["category"]["from"], old.as_str());
        assert_eq!(e["data"]["category"]["to"], new);
        assert_eq!(e["data"]["category"]["message_id"], message);
        assert_eq!(e["data"]["language"]["to"], "de");
        assert!(e["data"].get("urgency").is_none(), "{}", e["data"]);

        // The same values again: 200, nothing written.
        let r =
            w.eu.post(
                &format!("/api/v1/tickets/{ticket}/labels"),
                &json!({"category": new}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["updated_at"], after["ticket"]["updated_at"]);
        let again = detail(&w, ticket).await;
        assert_eq!(events_of(&again, "labels_corrected").len(), 1);

        // The export: admins and leads of the store, not agents, not other stores' leads.
        let r = w.admin.get("/api/v1/label-corrections").await;
        assert_eq!(r.status, 200, "{}", r.body);
        let items = r.body["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{}", r.body);
        let x = &items[0];
        assert_eq!(x["message_id"], message);
        assert_eq!(x["ticket_id"], ticket);
        assert_eq!(x["category"], new);
        assert_eq!(x["language"], "de");
        assert_eq!(x["urgency"], before["ticket"]["urgency"]);
        assert_eq!(x["channel"], "email");
        assert_eq!(x["text"], m["text"]);
        assert_eq!(x["corrected"], json!(["category", "language"]));
        assert_eq!(x["corrections"].as_array().unwrap().len(), 2);
        assert_eq!(w.lead.get("/api/v1/label-corrections").await.body, r.body);
        let r = w.eu.get("/api/v1/label-corrections").await;
        assert_eq!(r.status, 403, "{}", r.body);
        // `since` is inclusive, to the millisecond.
        let since = |t: DateTime<Utc>| {
            format!(
                "/api/v1/label-corrections?since={}",
                t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
            )
        };
        let at = time(&x["corrected_at"]);
        let r = w.admin.get(&since(at)).await;
        assert_eq!(
            (r.status, r.body["items"].as_array().map(Vec::len)),
            (200, Some(1))
        );
        let r = w.admin.get(&since(at + Duration::milliseconds(1))).await;
        assert_eq!((r.status, r.body["items"].clone()), (200, json!([])));
        let r = w
            .admin
            .get("/api/v1/label-corrections?since=yesterday")
            .await;
        assert_eq!((r.status, r.field()), (422, "since"), "{}", r.body);

        // The command line writes the same records as JSON lines that `eval triage` reads.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("corrections.jsonl");
        let out = cli(&[
            "triage",
            "corrections",
            "--database",
            url,
            "--out",
            file.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines, vec![x.clone()]);
        let out = cli(&["eval", "triage", file.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "eval triage reads the export: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );

        // A crisis: the crisis targets (a first answer within 30 minutes, around the clock).
        let r =
            w.eu.post(
                &format!("/api/v1/tickets/{ticket}/labels"),
                &json!({"urgency": "crisis"}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["urgency"], "crisis");
        assert_eq!(
            time(&r.body["first_response_due_at"]),
            time(&r.body["first_message_at"]) + Duration::minutes(30),
            "{}",
            r.body
        );
        let d = detail(&w, ticket).await;
        assert_eq!(d["messages"][0]["urgency"], "crisis");
        assert_eq!(events_of(&d, "labels_corrected").len(), 2);
        let r = w.admin.get("/api/v1/label-corrections").await;
        assert_eq!(r.body["items"][0]["urgency"], "crisis");
        assert_eq!(
            r.body["items"][0]["corrected"],
            json!(["category", "language", "urgency"])
        );
        w.server.stop().await;
    }

    /// Another store's agent gets the answer a missing ticket gets; bad input names its
    /// field and changes nothing.
    pub async fn label_corrections_keep_to_scope_and_name_the_field(url: &str) {
        let w = setup(url).await;
        let (ticket, _) = inbound(
            &w,
            json!({"channel": "email", "external_id": "e1", "store": "eu-shop",
                "author": {"email": "eva@example.org"}, "text": "The lamp arrived broken",
                "sent_at": recent(20)}),
        )
        .await;
        let before = detail(&w, ticket).await;
        let new = other_category(before["ticket"]["category"].as_str().unwrap());
        let body = json!({"category": new});
        let foreign =
            w.us.post(&format!("/api/v1/tickets/{ticket}/labels"), &body)
                .await;
        let missing =
            w.us.post(&format!("/api/v1/tickets/{NOWHERE}/labels"), &body)
                .await;
        assert_eq!(
            (foreign.status, missing.status),
            (404, 404),
            "{}",
            foreign.body
        );
        assert_eq!(
            foreign.body, missing.body,
            "out of scope answers as not there"
        );
        let path = format!("/api/v1/tickets/{ticket}/labels");
        for (body, field) in [
            (json!({"category": "logistics"}), "category"),
            (json!({"urgency": "urgent"}), "urgency"),
            (json!({"language": "deutsch"}), "language"),
            (json!({}), "$"),
            (json!({"category": new, "colour": "red"}), "colour"),
        ] {
            let r = w.eu.post(&path, &body).await;
            assert_eq!((r.status, r.field()), (422, field), "{body}: {}", r.body);
        }
        let r =
            w.eu.post("/api/v1/tickets/abc/labels", &json!({"category": new}))
                .await;
        assert_eq!((r.status, r.field()), (422, "id"), "{}", r.body);
        let after = detail(&w, ticket).await;
        assert_eq!(after["ticket"], before["ticket"]);
        assert_eq!(after["messages"], before["messages"]);
        assert!(events_of(&after, "labels_corrected").is_empty());
        // The EU agent may.
        let r = w.eu.post(&path, &json!({"category": new})).await;
        assert_eq!(
            (r.status, &r.body["category"]),
            (200, &json!(new)),
            "{}",
            r.body
        );
        w.server.stop().await;
    }

    /// Views are each agent's own: listed, replaced by name, deleted only by their owner;
    /// a query holds inbox filters only, and there are at most 50.
    pub async fn saved_views_belong_to_their_agent(url: &str) {
        let w = setup(url).await;
        let r =
            w.eu.post(
                "/api/v1/views",
                &json!({"name": "EU crises", "query": "?store=eu-shop&urgency=crisis"}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let id = r.body["id"].as_i64().unwrap();
        assert_eq!(r.body["name"], "EU crises");
        assert_eq!(r.body["query"], "store=eu-shop&urgency=crisis");
        time(&r.body["created_at"]);
        let view = r.body.clone();
        assert_eq!(w.eu.get("/api/v1/views").await.body, json!([view]));
        assert_eq!(w.us.get("/api/v1/views").await.body, json!([]));

        let r = w.us.delete(&format!("/api/v1/views/{id}")).await;
        assert_eq!(r.status, 404, "{}", r.body);
        assert_eq!(
            w.us.delete(&format!("/api/v1/views/{NOWHERE}")).await.body,
            r.body
        );
        assert_eq!(w.eu.get("/api/v1/views").await.body, json!([view]));

        // The same name again replaces its query.
        let r =
            w.eu.post(
                "/api/v1/views",
                &json!({"name": "EU crises", "query": "store=eu-shop&urgency=crisis&sla=breached"}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["id"], id);
        assert_eq!(r.body["query"], "store=eu-shop&urgency=crisis&sla=breached");
        // Another agent may use the same name.
        let r =
            w.us.post(
                "/api/v1/views",
                &json!({"name": "EU crises", "query": "q=refund"}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_ne!(r.body["id"], id);

        for (body, field, says) in [
            (
                json!({"name": "x", "query": "urgency=crisis&sort=new"}),
                "query",
                "\"sort\"",
            ),
            (
                json!({"name": "x", "query": "urgency=panic"}),
                "query",
                "urgency",
            ),
            (json!({"name": "x", "query": "q=a&q=b"}), "query", "twice"),
            (json!({"name": "  ", "query": ""}), "name", "1 to 80"),
            (
                json!({"name": "n".repeat(81), "query": ""}),
                "name",
                "1 to 80",
            ),
            (
                json!({"name": "x", "query": "", "shared": true}),
                "shared",
                "",
            ),
            (json!({"query": ""}), "name", ""),
        ] {
            let r = w.eu.post("/api/v1/views", &body).await;
            assert_eq!((r.status, r.field()), (422, field), "{body}: {}", r.body);
            assert!(r.message().contains(says), "{body}: {}", r.body);
        }

        let r = w.eu.delete(&format!("/api/v1/views/{id}")).await;
        assert_eq!(r.status, 204, "{}", r.body);
        assert_eq!(w.eu.get("/api/v1/views").await.body, json!([]));
        assert_eq!(
            w.us.get("/api/v1/views")
                .await
                .body
                .as_array()
                .unwrap()
                .len(),
            1
        );

        for i in 0..50 {
            let r =
                w.eu.post(
                    "/api/v1/views",
                    &json!({"name": format!("view {i:02}"), "query": "status=all"}),
                )
                .await;
            assert_eq!(r.status, 201, "{i}: {}", r.body);
        }
        let r =
            w.eu.post(
                "/api/v1/views",
                &json!({"name": "one too many", "query": ""}),
            )
            .await;
        assert_eq!((r.status, r.field()), (422, "name"), "{}", r.body);
        let r =
            w.eu.post(
                "/api/v1/views",
                &json!({"name": "view 07", "query": "status=new"}),
            )
            .await;
        assert_eq!(
            r.status, 200,
            "replacing still works at the limit: {}",
            r.body
        );
        let list = w.eu.get("/api/v1/views").await.body;
        assert_eq!(list.as_array().unwrap().len(), 50);
        assert_eq!(list[0]["name"], "view 00", "listed by name");
        w.server.stop().await;
    }

    /// Admins set the watch terms (validated whole); the feed holds public social posts that
    /// name one, newest first, in the caller's stores — not private messages, not other
    /// channels, not posts naming nothing watched.
    pub async fn the_monitor_shows_watched_public_posts_in_scope(url: &str) {
        let w = setup(url).await;
        assert_eq!(w.eu.get("/api/v1/watch-terms").await.body, json!([]));
        let r = w.eu.get("/api/v1/monitor/posts").await;
        assert_eq!(
            (r.status, &r.body["items"]),
            (200, &json!([])),
            "{}",
            r.body
        );

        let terms = json!([
            {"name": "Acme Home", "kind": "brand", "aliases": ["AcmeHomeHelp"]},
            {"name": "Anker", "kind": "competitor", "exact": true},
        ]);
        let r = w.eu.put("/api/v1/watch-terms", &terms).await;
        assert_eq!(r.status, 403, "{}", r.body);
        for (body, field) in [
            (
                json!([{"name": "Acme", "kind": "brand"}, {"name": "  ", "kind": "brand"}]),
                "[1].name",
            ),
            (json!([{"name": "Acme", "kind": "rival"}]), "[0].kind"),
            (
                json!([{"name": "Acme", "kind": "brand", "colour": "red"}]),
                "[0].colour",
            ),
            (
                json!([{"name": "Acme", "kind": "brand", "aliases": ["", "x"]}]),
                "[0].aliases[0]",
            ),
            (
                json!([{"name": "Acme", "kind": "brand"}, {"name": "ACME", "kind": "product"}]),
                "[1].name",
            ),
            (json!({"name": "Acme", "kind": "brand"}), "$"),
        ] {
            let r = w.admin.put("/api/v1/watch-terms", &body).await;
            assert_eq!((r.status, r.field()), (422, field), "{body}: {}", r.body);
        }
        assert_eq!(w.admin.get("/api/v1/watch-terms").await.body, json!([]));
        let r = w.admin.put("/api/v1/watch-terms", &terms).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let stored = json!([
            {"name": "Acme Home", "kind": "brand", "aliases": ["AcmeHomeHelp"], "exact": false},
            {"name": "Anker", "kind": "competitor", "aliases": [], "exact": true},
        ]);
        assert_eq!(r.body, stored);
        assert_eq!(w.eu.get("/api/v1/watch-terms").await.body, stored);

        let tweet = |id: &str, store: Option<&str>, visibility: &str, text: &str, ago: i64| {
            json!({"channel": "twitter", "external_id": id, "store": store, "visibility": visibility,
                "author": {"handle": format!("@user_{id}"), "name": "Some One", "followers": 1200},
                "text": text, "sent_at": recent(ago)})
        };
        // Oldest first: a storeless post, an EU post, a US post.
        let (_, storeless) = inbound(
            &w,
            tweet(
                "p1",
                None,
                "public",
                "@AcmeHomeHelp my kettle from acme home stopped working",
                40,
            ),
        )
        .await;
        let (eu_ticket, eu_post) = inbound(
            &w,
            tweet(
                "p2",
                Some("eu-shop"),
                "public",
                "Honestly #Anker chargers never did this to me",
                30,
            ),
        )
        .await;
        let (_, us_post) = inbound(
            &w,
            tweet(
                "p3",
                Some("us-shop"),
                "public",
                "Acme Home, where is my order?",
                20,
            ),
        )
        .await;
        // Not in the feed: naming nothing watched, private, not social.
        inbound(
            &w,
            tweet(
                "p4",
                Some("eu-shop"),
                "public",
                "What a lovely day for a walk",
                10,
            ),
        )
        .await;
        inbound(
            &w,
            tweet(
                "p5",
                Some("eu-shop"),
                "private",
                "Acme Home, my order number is 1234",
                9,
            ),
        )
        .await;
        inbound(
            &w,
            json!({"channel": "email", "external_id": "m1", "store": "eu-shop",
                "author": {"email": "eva@example.org"}, "text": "Dear Acme Home team, Anker is better",
                "sent_at": recent(8)}),
        )
        .await;

        let ids = |r: &Resp| -> Vec<i64> {
            r.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["message_id"].as_i64().unwrap())
                .collect()
        };
        let all = w.admin.get("/api/v1/monitor/posts").await;
        assert_eq!(all.status, 200, "{}", all.body);
        assert_eq!(ids(&all), vec![us_post, eu_post, storeless], "{}", all.body);
        assert_eq!(all.body["next_before"], Value::Null);
        let p = &all.body["items"][1];
        assert_eq!(p["ticket_id"], eu_ticket);
        assert_eq!(p["channel"], "twitter");
        assert_eq!(p["store"], "eu-shop");
        assert_eq!(p["author_handle"], "@user_p2");
        assert_eq!(p["author_name"], "Some One");
        assert_eq!(p["followers"], 1200);
        assert_eq!(p["text"], "Honestly #Anker chargers never did this to me");
        for key in ["sent_at", "language", "urgency", "category"] {
            assert!(p[key].is_string(), "{key}: {p}");
        }
        assert_eq!(p["matches"][0]["term"], "Anker");
        assert_eq!(p["matches"][0]["kind"], "competitor");
        assert_eq!(p["matches"][0]["matched"], "Anker");
        assert_eq!(p["matches"][0]["hashtag"], true);
        let terms_of = |i: usize| -> Vec<String> {
            all.body["items"][i]["matches"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["term"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            terms_of(2),
            ["Acme Home", "Acme Home"],
            "the handle and the name"
        );

        // Each agent sees their stores' posts; a storeless post only with every store.
        assert_eq!(ids(&w.eu.get("/api/v1/monitor/posts").await), vec![eu_post]);
        assert_eq!(ids(&w.us.get("/api/v1/monitor/posts").await), vec![us_post]);

        // Paging.
        let first = w.admin.get("/api/v1/monitor/posts?limit=2").await;
        assert_eq!(ids(&first), vec![us_post, eu_post]);
        assert_eq!(first.body["next_before"], eu_post);
        let rest = w
            .admin
            .get(&format!("/api/v1/monitor/posts?limit=2&before={eu_post}"))
            .await;
        assert_eq!(ids(&rest), vec![storeless], "{}", rest.body);
        assert_eq!(rest.body["next_before"], Value::Null);
        for (q, field) in [
            ("limit=0", "limit"),
            ("limit=201", "limit"),
            ("before=abc", "before"),
            (&*format!("before={NOWHERE}"), "before"),
        ] {
            let r = w.admin.get(&format!("/api/v1/monitor/posts?{q}")).await;
            assert_eq!((r.status, r.field()), (422, field), "{q}: {}", r.body);
        }

        // New terms apply to the next request.
        let r = w
            .admin
            .put(
                "/api/v1/watch-terms",
                &json!([{"name": "walk", "kind": "product"}]),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let r = w.eu.get("/api/v1/monitor/posts").await;
        assert_eq!(r.body["items"].as_array().unwrap().len(), 1, "{}", r.body);
        assert_eq!(r.body["items"][0]["text"], "What a lovely day for a walk");
        w.server.stop().await;
    }
}

crossdesk_testkit::conformance!(
    corrected_labels_change_the_ticket_and_are_exported,
    label_corrections_keep_to_scope_and_name_the_field,
    saved_views_belong_to_their_agent,
    the_monitor_shows_watched_public_posts_in_scope,
);
