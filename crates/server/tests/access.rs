//! Access control end to end, against the real binary on both backends: an agent scoped to
//! some stores never sees or changes another store's ticket, customer or order through any
//! route (with an API token and with a web session alike), and a 404 for a ticket outside
//! the scope is the same as for one that does not exist. Then the credentials themselves:
//! tokens, revocation, sessions with their cookie and CSRF token, permissions, and what is
//! kept of the secrets at rest.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossdesk_testkit::TestServer;
use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::Path;

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossdesk"))
}

const EU_EMAIL: &str = "eu@test.invalid";
const EU_PASSWORD: &str = "eu-password-123";
const US_EMAIL: &str = "us@test.invalid";
const US_PASSWORD: &str = "us-password-456";
const US_ORDER: &str = "111-2223334-4445556";
/// Not a ticket, customer or anything else in the scenario.
const NOWHERE: i64 = 987_654;

/// How a request proves who sends it.
#[derive(Debug, Clone, Default)]
struct Cred {
    label: &'static str,
    bearer: Option<String>,
    /// `crossdesk_session=…` as sent in `Cookie`.
    cookie: Option<String>,
    /// Sent as `X-CSRF-Token`.
    csrf: Option<String>,
    /// Sent verbatim as `Authorization`.
    raw: Option<String>,
}

impl Cred {
    fn none() -> Self {
        Self {
            label: "no credential",
            ..Self::default()
        }
    }

    fn bearer(label: &'static str, token: &str) -> Self {
        Self {
            label,
            bearer: Some(token.to_string()),
            ..Self::default()
        }
    }

    /// The same session without its CSRF header.
    fn without_csrf(&self) -> Self {
        Self {
            csrf: None,
            ..self.clone()
        }
    }
}

struct Resp {
    status: u16,
    headers: HeaderMap,
    body: Value,
}

impl Resp {
    fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or_default()
    }

    fn field(&self) -> &str {
        self.body["error"]["field"].as_str().unwrap_or_default()
    }
}

/// A bare HTTP client: every request carries exactly the credential it is given.
struct Api {
    base: String,
    http: reqwest::Client,
}

impl Api {
    async fn call(
        &self,
        cred: &Cred,
        method: Method,
        path: &str,
        body: Option<&Value>,
        headers: &[(&str, &str)],
    ) -> Resp {
        let mut r = self.http.request(method, format!("{}{path}", self.base));
        if let Some(t) = &cred.bearer {
            r = r.header("authorization", format!("Bearer {t}"));
        }
        if let Some(c) = &cred.cookie {
            r = r.header("cookie", c);
        }
        if let Some(c) = &cred.csrf {
            r = r.header("x-csrf-token", c);
        }
        if let Some(a) = &cred.raw {
            r = r.header("authorization", a);
        }
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        if let Some(b) = body {
            r = r.json(b);
        }
        let r = r.send().await.expect("request");
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let text = r.text().await.expect("body");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Resp {
            status,
            headers,
            body,
        }
    }

    async fn get(&self, cred: &Cred, path: &str) -> Resp {
        self.call(cred, Method::GET, path, None, &[]).await
    }

    async fn post(&self, cred: &Cred, path: &str, body: &Value) -> Resp {
        self.call(cred, Method::POST, path, Some(body), &[]).await
    }

    async fn put(&self, cred: &Cred, path: &str, body: &Value) -> Resp {
        self.call(cred, Method::PUT, path, Some(body), &[]).await
    }

    async fn delete(&self, cred: &Cred, path: &str) -> Resp {
        self.call(cred, Method::DELETE, path, None, &[]).await
    }

    /// Signs in; the answer and, when it worked, the session as a credential.
    async fn log_in(&self, label: &'static str, email: &str, password: &str) -> (Resp, Cred) {
        let r = self
            .post(
                &Cred::none(),
                "/api/v1/session",
                &json!({"email": email, "password": password}),
            )
            .await;
        let cookie = r
            .headers
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::to_string);
        let cred = Cred {
            label,
            cookie,
            csrf: r.body["csrf_token"].as_str().map(str::to_string),
            ..Cred::default()
        };
        (r, cred)
    }

    /// The ids of every ticket `cred` can list, following the cursor `limit` at a time.
    async fn all_ticket_ids(&self, cred: &Cred, query: &str, limit: u32) -> Vec<i64> {
        let mut ids = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..50 {
            let mut path = format!("/api/v1/tickets?limit={limit}");
            if !query.is_empty() {
                path.push('&');
                path.push_str(query);
            }
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let r = self.get(cred, &path).await;
            assert_eq!(r.status, 200, "{} {path}: {}", cred.label, r.body);
            ids.extend(
                r.body["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t["id"].as_i64().unwrap()),
            );
            match r.body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => return ids,
            }
        }
        panic!("pagination did not end");
    }
}

fn set(ids: &[i64]) -> BTreeSet<i64> {
    ids.iter().copied().collect()
}

fn ids_of(list: &Value) -> BTreeSet<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect()
}

/// Asserts that `a` (about `a_id`) is the very answer `b` (about `b_id`) is, but for the id
/// named in the message: a 404 that does not tell whether the thing exists.
fn same_not_found(what: &str, a: &Resp, a_id: i64, b: &Resp, b_id: i64) {
    assert_eq!(a.status, 404, "{what}: {}", a.body);
    assert_eq!(b.status, 404, "{what} (nonexistent): {}", b.body);
    assert_eq!(a.code(), "not_found", "{what}: {}", a.body);
    let normal = |v: &Value, id: i64| {
        let mut v = v.clone();
        if let Some(m) = v["error"]["message"].as_str() {
            v["error"]["message"] = json!(m.replace(&id.to_string(), "{id}"));
        }
        v
    };
    assert_eq!(
        normal(&a.body, a_id),
        normal(&b.body, b_id),
        "{what}: the answer for an out-of-scope id differs from a nonexistent one"
    );
}

/// Runs the CLI on `url`, asserting success; its stdout.
fn cli(args: &[&str], url: &str) -> String {
    let out = std::process::Command::new(bin())
        .args(args)
        .args(["--database", url])
        .output()
        .expect("run crossdesk");
    assert!(
        out.status.success(),
        "crossdesk {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Two store groups with one store each, orders in both; one customer buys in both.
const REFERENCE: &str = r#"{"type":"store","key":"eu-shop","name":"EU Shop","platform":"shopify","currency":"EUR","group":"eu"}
{"type":"store","key":"us-shop","name":"US Shop","platform":"amazon","currency":"USD","group":"us"}
{"type":"order","store":"eu-shop","number":"EU-1001","customer":{"email":"eva@example.org","name":"Eva"},"items":[{"sku":"LAMP","quantity":1,"price":"49.90"}],"currency":"EUR","placed_at":"2026-11-01T10:00:00Z"}
{"type":"order","store":"eu-shop","number":"EU-2002","customer":{"email":"both@example.org","name":"Bo"},"items":[{"sku":"TANK","quantity":1,"price":"89.00"}],"currency":"EUR","placed_at":"2026-11-02T10:00:00Z"}
{"type":"order","store":"us-shop","number":"111-2223334-4445556","customer":{"email":"uma@example.org","name":"Uma"},"items":[{"sku":"TANK","quantity":1,"price":"99.00"}],"currency":"USD","placed_at":"2026-11-03T10:00:00Z"}
{"type":"order","store":"us-shop","number":"US-2002","customer":{"email":"both@example.org","name":"Bo"},"items":[{"sku":"LAMP","quantity":2,"price":"59.00"}],"currency":"USD","placed_at":"2026-11-04T10:00:00Z"}
"#;

/// The scenario's tickets.
#[derive(Debug, Clone, Copy)]
struct Tickets {
    /// eu-shop, Eva, order EU-1001, says "zebrafish".
    e1: i64,
    /// eu-shop, Bo, order EU-2002, says "zebrafish".
    e2: i64,
    /// eu-shop, Erik, no order, no "zebrafish".
    e3: i64,
    /// us-shop, Uma, the Amazon order, says "zebrafish".
    u1: i64,
    /// us-shop, Bo, order US-2002, says "zebrafish".
    u2: i64,
    /// A tweet without a store, says "zebrafish".
    social: i64,
}

#[derive(Debug, Clone, Copy)]
struct Customers {
    eva: i64,
    bo: i64,
    erik: i64,
    uma: i64,
    fan: i64,
}

struct World {
    server: TestServer,
    api: Api,
    admin: Cred,
    eu_token: Cred,
    eu_token_id: i64,
    eu_session: Cred,
    us_token: Cred,
    eu_agent: i64,
    us_agent: i64,
    t: Tickets,
    c: Customers,
}

/// A timestamp a few minutes ago, so that no SLA timer comes due during the test.
fn recent(minutes_ago: i64) -> String {
    #[allow(clippy::disallowed_methods)] // the server runs on the real clock
    let now = chrono::Utc::now();
    (now - chrono::Duration::minutes(minutes_ago))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn email(id: &str, store: &str, from: &str, text: &str, order: Option<&str>, ago: i64) -> Value {
    json!({"channel": "email", "external_id": id, "store": store, "author": {"email": from},
           "subject": "Order question", "text": text, "order_ref": order, "sent_at": recent(ago)})
}

async fn setup(url: &str) -> World {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference.jsonl");
    std::fs::write(&reference, REFERENCE).unwrap();
    let out = cli(&["import", reference.to_str().unwrap()], url);
    assert!(out.contains("6 created"), "{out}");

    let server = TestServer::start(bin(), url).await;
    let api = Api {
        base: server.url.clone(),
        http: reqwest::Client::new(),
    };
    let admin = Cred::bearer("admin", server.token());

    let ticket = async |m: Value| {
        let r = api.post(&admin, "/api/v1/inbound", &m).await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["ticket_created"], true, "{m}");
        r.body["ticket_id"].as_i64().unwrap()
    };
    let e1 = ticket(email(
        "e1",
        "eu-shop",
        "eva@example.org",
        "Meine zebrafish Lampe ist nicht angekommen",
        Some("EU-1001"),
        30,
    ))
    .await;
    let e2 = ticket(email(
        "e2",
        "eu-shop",
        "both@example.org",
        "The zebrafish tank is cracked",
        Some("EU-2002"),
        29,
    ))
    .await;
    let e3 = ticket(email(
        "e3",
        "eu-shop",
        "erik@example.org",
        "How long does delivery to Sweden take?",
        None,
        28,
    ))
    .await;
    let u1 = ticket(email(
        "u1",
        "us-shop",
        "uma@example.org",
        "My zebrafish tank arrived broken",
        Some(US_ORDER),
        27,
    ))
    .await;
    let u2 = ticket(email(
        "u2",
        "us-shop",
        "both@example.org",
        "The zebrafish lamps flicker",
        Some("US-2002"),
        26,
    ))
    .await;
    let social = ticket(json!({"channel": "twitter", "external_id": "t1",
        "author": {"handle": "@zebra_fan", "followers": 12},
        "text": "@shop where is my zebrafish stuff??", "sent_at": recent(25)}))
    .await;
    let t = Tickets {
        e1,
        e2,
        e3,
        u1,
        u2,
        social,
    };

    // What the admin sees: the links the scenario relies on.
    let detail = async |id: i64| {
        let r = api.get(&admin, &format!("/api/v1/tickets/{id}")).await;
        assert_eq!(r.status, 200, "{}", r.body);
        r.body
    };
    let (d1, d2, d3, du1, du2, ds) = (
        detail(e1).await,
        detail(e2).await,
        detail(e3).await,
        detail(u1).await,
        detail(u2).await,
        detail(social).await,
    );
    for (d, store, order) in [
        (&d1, json!("eu-shop"), json!("EU-1001")),
        (&d2, json!("eu-shop"), json!("EU-2002")),
        (&d3, json!("eu-shop"), Value::Null),
        (&du1, json!("us-shop"), json!(US_ORDER)),
        (&du2, json!("us-shop"), json!("US-2002")),
        (&ds, Value::Null, Value::Null),
    ] {
        assert_eq!(d["ticket"]["store"], store, "{}", d["ticket"]);
        assert_eq!(d["ticket"]["order_number"], order, "{}", d["ticket"]);
    }
    let customer = |d: &Value| d["ticket"]["customer_id"].as_i64().unwrap();
    let c = Customers {
        eva: customer(&d1),
        bo: customer(&d2),
        erik: customer(&d3),
        uma: customer(&du1),
        fan: customer(&ds),
    };
    assert_eq!(
        customer(&du2),
        c.bo,
        "Bo is one customer across both stores"
    );

    // The two agents, through the API.
    let agent = async |spec: Value| {
        let r = api.put(&admin, "/api/v1/agents", &spec).await;
        assert_eq!(r.status, 200, "{}", r.body);
        r.body["id"].as_i64().unwrap()
    };
    let eu_agent = agent(
        json!({"email": EU_EMAIL, "name": "Eu Agent", "role": "agent",
        "languages": ["de", "en"], "groups": ["eu"], "password": EU_PASSWORD}),
    )
    .await;
    let us_agent = agent(
        json!({"email": US_EMAIL, "name": "Us Agent", "role": "agent",
        "languages": ["en"], "stores": ["us-shop"], "password": US_PASSWORD}),
    )
    .await;
    let issue = async |agent: i64, scopes: Value| {
        let r = api
            .post(
                &admin,
                "/api/v1/tokens",
                &json!({"name": "integration", "scopes": scopes, "agent_id": agent}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        (
            r.body["id"].as_i64().unwrap(),
            r.body["token"].as_str().unwrap().to_string(),
        )
    };
    let (eu_token_id, eu_secret) = issue(eu_agent, json!(["read", "write", "inbound"])).await;
    let (_, us_secret) = issue(us_agent, json!(["read", "write", "inbound"])).await;
    let (r, eu_session) = api.log_in("EU session", EU_EMAIL, EU_PASSWORD).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(eu_session.cookie.is_some() && eu_session.csrf.is_some());

    World {
        server,
        api,
        admin,
        eu_token: Cred::bearer("EU token", &eu_secret),
        eu_token_id,
        eu_session,
        us_token: Cred::bearer("US token", &us_secret),
        eu_agent,
        us_agent,
        t,
        c,
    }
}

/// What must not change on a ticket an out-of-scope caller tried to touch: its messages,
/// status, assignee, the events people made, and its outbox (as the admin sees them).
async fn untouched_state(w: &World, ticket: i64) -> Value {
    let d = w
        .api
        .get(&w.admin, &format!("/api/v1/tickets/{ticket}"))
        .await;
    assert_eq!(d.status, 200, "{}", d.body);
    let o = w
        .api
        .get(&w.admin, &format!("/api/v1/tickets/{ticket}/outbox"))
        .await;
    assert_eq!(o.status, 200, "{}", o.body);
    let events: Vec<Value> = d.body["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["actor_kind"] != "system")
        .cloned()
        .collect();
    json!({
        "messages": d.body["messages"],
        "message_count": d.body["ticket"]["message_count"],
        "status": d.body["ticket"]["status"],
        "assignee_id": d.body["ticket"]["assignee_id"],
        "events": events,
        "outbox": o.body,
    })
}

/// The number of messages on a ticket and its outbox rows, as the admin sees them.
async fn counts(w: &World, ticket: i64) -> (usize, Vec<Value>) {
    let d = w
        .api
        .get(&w.admin, &format!("/api/v1/tickets/{ticket}"))
        .await;
    let o = w
        .api
        .get(&w.admin, &format!("/api/v1/tickets/{ticket}/outbox"))
        .await;
    (
        d.body["messages"].as_array().unwrap().len(),
        o.body.as_array().unwrap().clone(),
    )
}

mod cases {
    use super::*;

    /// Lists, counts, search, pagination, ticket detail, every workflow route, customers,
    /// orders, stores and inbound: the EU agent sees and changes EU tickets only, with a
    /// token and with a session alike; the US agent likewise for theirs.
    pub async fn a_store_scope_holds_on_every_route(url: &str) {
        let w = setup(url).await;
        let (api, t, c) = (&w.api, w.t, w.c);
        let eu = set(&[t.e1, t.e2, t.e3]);
        let us = set(&[t.u1, t.u2]);
        let zebra_eu = set(&[t.e1, t.e2]);

        // The admin sees every ticket, and the search word is on all but one of them.
        let all = api.all_ticket_ids(&w.admin, "", 50).await;
        assert_eq!(set(&all), set(&[t.e1, t.e2, t.e3, t.u1, t.u2, t.social]));
        let zebra = api.all_ticket_ids(&w.admin, "q=zebrafish", 50).await;
        assert_eq!(set(&zebra), set(&[t.e1, t.e2, t.u1, t.u2, t.social]));
        let admin_counts = api.get(&w.admin, "/api/v1/tickets/counts").await;
        assert_eq!(admin_counts.body["total"], 6, "{}", admin_counts.body);
        // An admin's cursor that points past the US tickets, to hand to the EU agent.
        let first_two = api.get(&w.admin, "/api/v1/tickets?limit=2").await;
        let admin_cursor = first_two.body["next_cursor"].as_str().unwrap().to_string();

        let me = api.get(&w.eu_token, "/api/v1/me").await;
        assert_eq!(me.status, 200, "{}", me.body);
        assert_eq!(me.body["stores"], json!(["eu-shop"]), "{}", me.body);

        for cred in [&w.eu_token, &w.eu_session] {
            let who = cred.label;
            // 1. Lists: only EU tickets, never the storeless one; a store filter or a search
            // does not widen the scope, and neither does any page of the cursor.
            let r = api.get(cred, "/api/v1/tickets").await;
            assert_eq!(r.status, 200, "{who}: {}", r.body);
            assert_eq!(ids_of(&r.body["items"]), eu, "{who}: {}", r.body);
            assert!(
                r.body["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|t| t["store"] == "eu-shop"),
                "{who}"
            );
            for query in ["store=us-shop", "store=us-shop&q=zebrafish", "store=nope"] {
                let r = api.get(cred, &format!("/api/v1/tickets?{query}")).await;
                assert_eq!(r.status, 200, "{who} {query}: {}", r.body);
                assert_eq!(r.body["items"], json!([]), "{who} {query}");
                assert!(r.body["next_cursor"].is_null(), "{who} {query}");
            }
            let r = api.get(cred, "/api/v1/tickets?store=eu-shop").await;
            assert_eq!(ids_of(&r.body["items"]), eu, "{who}");
            let r = api.get(cred, "/api/v1/tickets?q=zebrafish").await;
            assert_eq!(ids_of(&r.body["items"]), zebra_eu, "{who}: {}", r.body);
            let r = api
                .get(cred, &format!("/api/v1/tickets?customer={}", c.bo))
                .await;
            assert_eq!(ids_of(&r.body["items"]), set(&[t.e2]), "{who}");
            let r = api
                .get(cred, &format!("/api/v1/tickets?customer={}", c.uma))
                .await;
            assert_eq!(r.body["items"], json!([]), "{who}");
            let paged = api.all_ticket_ids(cred, "", 1).await;
            assert_eq!(
                paged.len(),
                3,
                "{who}: one page each, no repeats: {paged:?}"
            );
            assert_eq!(set(&paged), eu, "{who}");
            let paged = api.all_ticket_ids(cred, "q=zebrafish", 1).await;
            assert_eq!(set(&paged), zebra_eu, "{who}");
            let r = api
                .get(cred, &format!("/api/v1/tickets?cursor={admin_cursor}"))
                .await;
            assert_eq!(r.status, 200, "{who}");
            assert!(
                ids_of(&r.body["items"]).is_subset(&eu),
                "{who}: a foreign cursor stays in scope: {}",
                r.body
            );

            // 2. Counts.
            let (bo, uma) = (
                format!("?customer={}", c.bo),
                format!("?customer={}", c.uma),
            );
            for (query, total) in [
                ("", 3),
                ("?q=zebrafish", 2),
                ("?store=us-shop", 0),
                ("?store=us-shop&q=zebrafish", 0),
                (bo.as_str(), 1),
                (uma.as_str(), 0),
            ] {
                let r = api
                    .get(cred, &format!("/api/v1/tickets/counts{query}"))
                    .await;
                assert_eq!(r.status, 200, "{who} {query}: {}", r.body);
                assert_eq!(r.body["total"], total, "{who} {query}: {}", r.body);
                let by_status: i64 = r.body["by_status"]
                    .as_object()
                    .unwrap()
                    .values()
                    .map(|v| v.as_i64().unwrap())
                    .sum();
                assert_eq!(by_status, total, "{who} {query}: {}", r.body);
            }

            // 3. Ticket detail: a 404 exactly like a nonexistent ticket's.
            let nowhere = api.get(cred, &format!("/api/v1/tickets/{NOWHERE}")).await;
            for id in [t.u1, t.u2, t.social] {
                let r = api.get(cred, &format!("/api/v1/tickets/{id}")).await;
                same_not_found(&format!("{who} GET ticket {id}"), &r, id, &nowhere, NOWHERE);
            }
            let r = api.get(cred, &format!("/api/v1/tickets/{}", t.e1)).await;
            assert_eq!(r.status, 200, "{who}: {}", r.body);
            assert_eq!(r.body["order"]["order"]["number"], "EU-1001", "{who}");

            // 4. Every workflow route: 404, the same as for a nonexistent ticket, and
            // nothing written.
            let before = untouched_state(&w, t.u1).await;
            let before_social = untouched_state(&w, t.social).await;
            assert_eq!(
                before["outbox"],
                json!([]),
                "{who}: nothing queued for the US ticket"
            );
            let attempts: Vec<(Method, &str, Option<Value>)> = vec![
                (
                    Method::POST,
                    "replies",
                    Some(json!({"text": "We are on it", "visibility": "private"})),
                ),
                (
                    Method::POST,
                    "replies",
                    Some(json!({"text": "internal", "note": true})),
                ),
                (Method::POST, "status", Some(json!({"status": "open"}))),
                (
                    Method::POST,
                    "status",
                    Some(json!({"status": "closed", "confirmed": true})),
                ),
                (Method::POST, "claim", None),
                (
                    Method::POST,
                    "assign",
                    Some(json!({"agent_id": w.eu_agent})),
                ),
                (Method::POST, "assign", Some(json!({"agent_id": null}))),
                (Method::GET, "outbox", None),
            ];
            for (method, route, body) in &attempts {
                let none = api
                    .call(
                        cred,
                        method.clone(),
                        &format!("/api/v1/tickets/{NOWHERE}/{route}"),
                        body.as_ref(),
                        &[("idempotency-key", "scope-probe")],
                    )
                    .await;
                for id in [t.u1, t.social] {
                    let r = api
                        .call(
                            cred,
                            method.clone(),
                            &format!("/api/v1/tickets/{id}/{route}"),
                            body.as_ref(),
                            &[("idempotency-key", "scope-probe")],
                        )
                        .await;
                    same_not_found(
                        &format!("{who} {method} {route} on ticket {id}"),
                        &r,
                        id,
                        &none,
                        NOWHERE,
                    );
                }
            }
            assert_eq!(
                untouched_state(&w, t.u1).await,
                before,
                "{who}: nothing written on the US ticket"
            );
            assert_eq!(
                untouched_state(&w, t.social).await,
                before_social,
                "{who}: nothing written on the storeless ticket"
            );

            // 5. Customers: only those with a ticket or an order in scope; a customer's
            // history shows only the EU part.
            let r = api.get(cred, "/api/v1/customers").await;
            assert_eq!(r.status, 200, "{who}: {}", r.body);
            assert_eq!(
                ids_of(&r.body["items"]),
                set(&[c.eva, c.bo, c.erik]),
                "{who}: {}",
                r.body
            );
            for q in ["uma", "zebra_fan"] {
                let r = api.get(cred, &format!("/api/v1/customers?q={q}")).await;
                assert_eq!(r.body["items"], json!([]), "{who} q={q}: {}", r.body);
            }
            let r = api.get(cred, "/api/v1/customers?limit=1").await;
            let cursor = r.body["next_cursor"].as_str().unwrap().to_string();
            let r = api
                .get(cred, &format!("/api/v1/customers?limit=50&cursor={cursor}"))
                .await;
            assert!(
                ids_of(&r.body["items"]).is_subset(&set(&[c.eva, c.bo, c.erik])),
                "{who}"
            );
            let nowhere = api.get(cred, &format!("/api/v1/customers/{NOWHERE}")).await;
            for id in [c.uma, c.fan] {
                let r = api.get(cred, &format!("/api/v1/customers/{id}")).await;
                same_not_found(
                    &format!("{who} GET customer {id}"),
                    &r,
                    id,
                    &nowhere,
                    NOWHERE,
                );
            }
            let r = api.get(cred, &format!("/api/v1/customers/{}", c.bo)).await;
            assert_eq!(r.status, 200, "{who}: {}", r.body);
            assert_eq!(
                ids_of(&r.body["tickets"]),
                set(&[t.e2]),
                "{who}: {}",
                r.body
            );
            let orders: Vec<&str> = r.body["orders"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["number"].as_str().unwrap())
                .collect();
            assert_eq!(orders, ["EU-2002"], "{who}: {}", r.body);
            let r = api
                .get(cred, &format!("/api/v1/customers/{}", c.erik))
                .await;
            assert_eq!(r.status, 200, "{who}: a customer with a ticket only");

            // 6. Orders and stores.
            let r = api.get(cred, "/api/v1/stores").await;
            assert_eq!(r.status, 200, "{who}: {}", r.body);
            let keys: Vec<&str> = r
                .body
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["key"].as_str().unwrap())
                .collect();
            assert_eq!(keys, ["eu-shop"], "{who}");
            let missing = api.get(cred, "/api/v1/stores/eu-shop/orders/EU-9999").await;
            assert_eq!(missing.status, 404);
            for path in [
                format!("/api/v1/stores/us-shop/orders/{US_ORDER}"),
                "/api/v1/stores/us-shop/orders/US-2002".to_string(),
                format!("/api/v1/orders?store=us-shop&number={US_ORDER}"),
            ] {
                let r = api.get(cred, &path).await;
                assert_eq!(r.status, 404, "{who} {path}: {}", r.body);
                assert_eq!(r.code(), "not_found", "{who} {path}");
                assert_eq!(r.body["error"]["field"], missing.body["error"]["field"]);
                assert!(
                    !r.body.to_string().contains("Uma") && !r.body.to_string().contains("uma@"),
                    "{who} {path}"
                );
            }
            let r = api
                .get(cred, "/api/v1/orders?store=eu-shop&number=EU-1001")
                .await;
            assert_eq!(r.status, 200, "{who}: {}", r.body);
            let r = api.get(cred, "/api/v1/stores/eu-shop/orders/EU-2002").await;
            assert_eq!(r.status, 200, "{who}: {}", r.body);

            // 7. Inbound: only to the credential's stores, never without a store; a refused
            // array stores nothing.
            let (us_messages, _) = counts(&w, t.u1).await;
            let r = api
                .post(
                    cred,
                    "/api/v1/inbound",
                    &email(
                        "x-us",
                        "us-shop",
                        "uma@example.org",
                        "injected",
                        Some(US_ORDER),
                        1,
                    ),
                )
                .await;
            assert_eq!(
                (r.status, r.code()),
                (403, "forbidden"),
                "{who}: {}",
                r.body
            );
            assert_eq!(r.field(), "store", "{who}");
            let r = api
                .post(
                    cred,
                    "/api/v1/inbound",
                    &json!({"channel": "twitter", "external_id": "x-social",
                            "author": {"handle": "@zebra_fan"}, "text": "injected", "sent_at": recent(1)}),
                )
                .await;
            assert_eq!(
                (r.status, r.code()),
                (403, "forbidden"),
                "{who}: {}",
                r.body
            );
            assert_eq!(r.field(), "store", "{who}");
            let r = api
                .post(
                    cred,
                    "/api/v1/inbound",
                    &json!([
                        email("x-eu", "eu-shop", "eva@example.org", "fine", None, 1),
                        email("x-us2", "us-shop", "uma@example.org", "injected", None, 1)
                    ]),
                )
                .await;
            assert_eq!(r.status, 403, "{who}: {}", r.body);
            assert_eq!(r.field(), "[1].store", "{who}");
            assert_eq!(counts(&w, t.u1).await.0, us_messages, "{who}");
            let after = api.get(&w.admin, "/api/v1/tickets/counts").await;
            assert_eq!(after.body["total"], 6, "{who}: nothing stored");
            let r = api
                .get(&w.admin, &format!("/api/v1/tickets/{}", t.e1))
                .await;
            assert_eq!(
                r.body["messages"].as_array().unwrap().len(),
                1,
                "{who}: the valid half of the refused array was not stored"
            );
        }

        // The US agent, the other way round.
        let r = api.get(&w.us_token, "/api/v1/tickets").await;
        assert_eq!(ids_of(&r.body["items"]), us, "{}", r.body);
        let r = api
            .get(&w.us_token, "/api/v1/tickets/counts?q=zebrafish")
            .await;
        assert_eq!(r.body["total"], 2, "{}", r.body);
        let r = api
            .get(&w.us_token, &format!("/api/v1/tickets/{}", t.e1))
            .await;
        assert_eq!(r.status, 404, "{}", r.body);
        let r = api
            .get(&w.us_token, &format!("/api/v1/customers/{}", c.bo))
            .await;
        assert_eq!(ids_of(&r.body["tickets"]), set(&[t.u2]), "{}", r.body);
        let r = api
            .get(&w.us_token, "/api/v1/stores/eu-shop/orders/EU-1001")
            .await;
        assert_eq!(r.status, 404, "{}", r.body);
        let r = api
            .post(
                &w.us_token,
                &format!("/api/v1/tickets/{}/replies", t.e1),
                &json!({"text": "hi"}),
            )
            .await;
        assert_eq!(r.status, 404, "{}", r.body);

        w.server.stop().await;
    }

    /// The EU agent works EU tickets: a private reply lands in the outbox; a public reply
    /// carrying personal data is refused and writes nothing; an `Idempotency-Key` makes a
    /// retry harmless.
    pub async fn an_agent_works_tickets_in_scope(url: &str) {
        let w = setup(url).await;
        let (api, t) = (&w.api, w.t);
        for (cred, ticket) in [(&w.eu_token, t.e1), (&w.eu_session, t.e3)] {
            let who = cred.label;
            let path = format!("/api/v1/tickets/{ticket}/replies");
            let (messages, outbox) = counts(&w, ticket).await;

            let r = api
                .post(
                    cred,
                    &path,
                    &json!({"text": "Danke, wir prüfen das.", "visibility": "private"}),
                )
                .await;
            assert_eq!(r.status, 201, "{who}: {}", r.body);
            let message = r.body["message_id"].as_i64().unwrap();
            let o = api
                .get(cred, &format!("/api/v1/tickets/{ticket}/outbox"))
                .await;
            assert_eq!(o.status, 200, "{who}: {}", o.body);
            let rows = o.body.as_array().unwrap();
            assert_eq!(rows.len(), outbox.len() + 1, "{who}: {}", o.body);
            let row = rows
                .iter()
                .find(|x| x["message_id"] == message)
                .expect("the reply's outbox row");
            assert_eq!(row["status"], "pending", "{who}");
            assert_eq!(row["visibility"], "private", "{who}");
            assert_eq!(row["id"], r.body["outbox_id"], "{who}");
            let (messages, outbox) = (messages + 1, rows.clone());
            assert_eq!(counts(&w, ticket).await.0, messages, "{who}");

            for text in [
                "Your order 112-1234567-1234567 is on its way",
                "Please write to eva@example.org with a photo",
            ] {
                let r = api
                    .post(cred, &path, &json!({"text": text, "visibility": "public"}))
                    .await;
                assert_eq!(r.status, 422, "{who} {text:?}: {}", r.body);
                assert_eq!(r.code(), "pii_in_public_reply", "{who}");
                assert_eq!(r.field(), "text", "{who}");
                assert_eq!(
                    counts(&w, ticket).await,
                    (messages, outbox.clone()),
                    "{who}: nothing written"
                );
            }

            let key = format!("retry-{}", cred.label.replace(' ', "-"));
            let body = json!({"text": "We have asked the carrier.", "visibility": "private"});
            let headers = [("idempotency-key", key.as_str())];
            let first = api
                .call(cred, Method::POST, &path, Some(&body), &headers)
                .await;
            assert_eq!(first.status, 201, "{who}: {}", first.body);
            let again = api
                .call(cred, Method::POST, &path, Some(&body), &headers)
                .await;
            assert_eq!(again.status, 200, "{who}: {}", again.body);
            assert_eq!(again.body["message_id"], first.body["message_id"], "{who}");
            assert_eq!(again.body["outbox_id"], first.body["outbox_id"], "{who}");
            assert_eq!(again.body["created"], false, "{who}");
            let (m, rows) = counts(&w, ticket).await;
            assert_eq!(m, messages + 1, "{who}: one message for two posts");
            assert_eq!(
                rows.iter()
                    .filter(|x| x["message_id"] == first.body["message_id"])
                    .count(),
                1,
                "{who}: one outbox row"
            );
            assert_eq!(rows.len(), outbox.len() + 1, "{who}");
        }
        // Status changes and claims work in scope too.
        let r = api
            .call(
                &w.eu_token,
                Method::POST,
                &format!("/api/v1/tickets/{}/status", t.e2),
                Some(&json!({"status": "open"})),
                &[],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let r = api
            .post(
                &w.eu_token,
                &format!("/api/v1/tickets/{}/claim", t.e2),
                &json!({}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let r = api
            .get(&w.admin, &format!("/api/v1/tickets/{}", t.e2))
            .await;
        assert_eq!(r.body["ticket"]["assignee_id"], w.eu_agent);
        assert_eq!(r.body["ticket"]["status"], "open");
        w.server.stop().await;
    }

    /// A message the EU agent's inbound token posts to eu-shop as a reply (`in_reply_to`) to
    /// the US ticket's message is refused naming `in_reply_to`: threading would put it on
    /// the US ticket. Nothing is written and no id is named.
    pub async fn inbound_reply_to_a_foreign_message_stays_in_scope(url: &str) {
        let w = setup(url).await;
        let (api, t) = (&w.api, w.t);
        let before = untouched_state(&w, t.u1).await;
        let mut m = email(
            "probe-reply",
            "eu-shop",
            "eva@example.org",
            "re: your message",
            None,
            1,
        );
        m["in_reply_to"] = json!("u1");
        let r = api.post(&w.eu_token, "/api/v1/inbound", &m).await;
        let after = untouched_state(&w, t.u1).await;
        w.server.stop().await;
        assert_eq!(r.status, 403, "{}", r.body);
        assert_eq!(r.body["error"]["field"], "in_reply_to");
        assert!(r.body.get("ticket_id").is_none());
        assert_eq!(after, before, "the US ticket is untouched");
    }

    /// The same for the storeless tweet: an eu-shop tweet replying to it is refused, since
    /// the EU agent cannot see the storeless ticket it would join.
    pub async fn inbound_reply_to_a_storeless_message_stays_in_scope(url: &str) {
        let w = setup(url).await;
        let (api, t) = (&w.api, w.t);
        let before = untouched_state(&w, t.social).await;
        let r = api
            .post(
                &w.eu_token,
                "/api/v1/inbound",
                &json!({"channel": "twitter", "external_id": "probe-tweet", "store": "eu-shop",
                        "author": {"handle": "@someone_else"}, "text": "me too", "in_reply_to": "t1",
                        "sent_at": recent(1)}),
            )
            .await;
        let after = untouched_state(&w, t.social).await;
        w.server.stop().await;
        assert_eq!(r.status, 403, "{}", r.body);
        assert_eq!(r.body["error"]["field"], "in_reply_to");
        assert_eq!(after, before, "the storeless ticket is untouched");
    }

    /// An external id already used by a message of another store is refused naming
    /// `external_id`, without naming that message or its ticket.
    pub async fn inbound_reused_external_id_names_no_foreign_ticket(url: &str) {
        let w = setup(url).await;
        let (api, t) = (&w.api, w.t);
        let before = untouched_state(&w, t.u1).await;
        let r = api
            .post(
                &w.eu_token,
                "/api/v1/inbound",
                &email("u1", "eu-shop", "eva@example.org", "same id", None, 1),
            )
            .await;
        let after = untouched_state(&w, t.u1).await;
        let seen = match r.body["ticket_id"].as_i64() {
            Some(id) => {
                api.get(&w.eu_token, &format!("/api/v1/tickets/{id}"))
                    .await
                    .status
            }
            None => 0,
        };
        w.server.stop().await;
        assert_eq!(after, before, "the US ticket is untouched");
        assert_eq!(r.status, 403, "{}", r.body);
        assert_eq!(r.body["error"]["field"], "external_id");
        assert_eq!(seen, 0, "no ticket is named: {}", r.body);
    }

    /// Credentials: none, garbage and revoked tokens are refused on every route; sessions
    /// carry an HttpOnly SameSite cookie and need the CSRF header on changes; signing out or
    /// changing the password ends them; a deactivated agent's credentials stop working.
    pub async fn credentials_sessions_and_csrf(url: &str) {
        let w = setup(url).await;
        let (api, t) = (&w.api, w.t);
        let e1 = t.e1;
        let routes: Vec<(Method, String, Option<Value>)> = vec![
            (Method::GET, "/api/v1/tickets".into(), None),
            (Method::GET, "/api/v1/tickets/counts".into(), None),
            (Method::GET, format!("/api/v1/tickets/{e1}"), None),
            (Method::GET, format!("/api/v1/tickets/{NOWHERE}"), None),
            (
                Method::POST,
                format!("/api/v1/tickets/{e1}/replies"),
                Some(json!({"text": "hi"})),
            ),
            (
                Method::POST,
                format!("/api/v1/tickets/{e1}/status"),
                Some(json!({"status": "open"})),
            ),
            (
                Method::POST,
                format!("/api/v1/tickets/{e1}/assign"),
                Some(json!({"agent_id": null})),
            ),
            (Method::POST, format!("/api/v1/tickets/{e1}/claim"), None),
            (Method::GET, format!("/api/v1/tickets/{e1}/outbox"), None),
            (Method::GET, "/api/v1/customers".into(), None),
            (Method::GET, "/api/v1/customers/1".into(), None),
            (Method::GET, "/api/v1/stores".into(), None),
            (
                Method::GET,
                "/api/v1/stores/eu-shop/orders/EU-1001".into(),
                None,
            ),
            (
                Method::GET,
                "/api/v1/orders?store=eu-shop&number=EU-1001".into(),
                None,
            ),
            (
                Method::POST,
                "/api/v1/inbound".into(),
                Some(email("anon", "eu-shop", "a@example.org", "hi", None, 1)),
            ),
            (Method::GET, "/api/v1/me".into(), None),
            (Method::GET, "/api/v1/tokens".into(), None),
            (
                Method::POST,
                "/api/v1/tokens".into(),
                Some(json!({"name": "x", "scopes": ["read"]})),
            ),
            (Method::GET, "/api/v1/agents".into(), None),
            (Method::DELETE, "/api/v1/session".into(), None),
        ];
        let (revoked_id, revoked) = {
            let r = api
                .post(
                    &w.admin,
                    "/api/v1/tokens",
                    &json!({"name": "soon revoked", "scopes": ["read", "write"], "agent_id": w.us_agent}),
                )
                .await;
            assert_eq!(r.status, 201, "{}", r.body);
            (
                r.body["id"].as_i64().unwrap(),
                Cred::bearer("revoked token", r.body["token"].as_str().unwrap()),
            )
        };
        let r = api.get(&revoked, "/api/v1/tickets").await;
        assert_eq!(r.status, 200, "works until revoked");
        let r = api
            .delete(&w.eu_token, &format!("/api/v1/tokens/{revoked_id}"))
            .await;
        assert_eq!(r.status, 404, "an agent revokes only their own: {}", r.body);
        let r = api
            .delete(&w.admin, &format!("/api/v1/tokens/{revoked_id}"))
            .await;
        assert_eq!(r.status, 204, "{}", r.body);
        let r = api
            .delete(&w.admin, &format!("/api/v1/tokens/{revoked_id}"))
            .await;
        assert_eq!(r.status, 404, "already revoked: {}", r.body);

        let raw = |label: &'static str, header: &str| Cred {
            label,
            raw: Some(header.to_string()),
            ..Cred::default()
        };
        let wrong_cookie = Cred {
            label: "unknown session cookie",
            cookie: Some("crossdesk_session=0123456789abcdef".into()),
            csrf: Some("0123456789abcdef".into()),
            ..Cred::default()
        };
        let refused = [
            Cred::none(),
            Cred::bearer("garbage bearer", "garbage"),
            Cred::bearer(
                "well-formed unknown token",
                &format!("cdk_{}", "0".repeat(64)),
            ),
            Cred::bearer("empty bearer", ""),
            raw("basic auth", "Basic YWRtaW46YWRtaW4="),
            wrong_cookie,
            revoked,
        ];
        let (before, _) = counts(&w, e1).await;
        for cred in &refused {
            for (method, path, body) in &routes {
                let r = api
                    .call(cred, method.clone(), path, body.as_ref(), &[])
                    .await;
                assert_eq!(
                    (r.status, r.code()),
                    (401, "unauthenticated"),
                    "{} {method} {path}: {}",
                    cred.label,
                    r.body
                );
            }
        }
        assert_eq!(counts(&w, e1).await.0, before, "nothing written");

        // Signing in.
        let (bad, none) = api.log_in("bad", EU_EMAIL, "not-the-password").await;
        assert_eq!((bad.status, bad.code()), (401, "bad_login"), "{}", bad.body);
        assert!(none.cookie.is_none(), "no cookie for a failed sign-in");
        let (unknown, _) = api
            .log_in("unknown", "nobody@test.invalid", EU_PASSWORD)
            .await;
        assert_eq!(unknown.status, 401);
        assert_eq!(
            unknown.body, bad.body,
            "one answer whether or not the account exists"
        );
        let (empty, _) = api.log_in("empty", EU_EMAIL, "").await;
        assert_eq!(empty.status, 401, "{}", empty.body);

        let (ok, session) = api.log_in("session", EU_EMAIL, EU_PASSWORD).await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        let cookie = ok.headers["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.starts_with("crossdesk_session="), "{cookie}");
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
        assert!(cookie.contains("Path=/"), "{cookie}");
        let csrf = ok.body["csrf_token"].as_str().unwrap().to_string();
        assert!(csrf.len() >= 32, "{csrf}");
        assert!(
            !cookie.contains(&csrf),
            "the CSRF token is not the cookie's secret"
        );
        assert_eq!(ok.body["agent"]["email"], EU_EMAIL);
        assert!(ok.body["agent"].get("password").is_none());
        assert!(ok.body["agent"].get("password_hash").is_none());
        assert!(!ok.body.to_string().contains("$argon2"), "{}", ok.body);

        // With the cookie: reads work without the CSRF header.
        let bare = session.without_csrf();
        let me = api.get(&bare, "/api/v1/me").await;
        assert_eq!(me.status, 200, "{}", me.body);
        assert_eq!(me.body["csrf_token"], csrf);
        assert_eq!(me.body["stores"], json!(["eu-shop"]));
        let r = api.get(&bare, "/api/v1/tickets").await;
        assert_eq!(ids_of(&r.body["items"]), set(&[t.e1, t.e2, t.e3]));
        // Changes need the header, and the right one.
        let reply = format!("/api/v1/tickets/{e1}/replies");
        let body = json!({"text": "Wir kümmern uns darum."});
        let r = api.post(&bare, &reply, &body).await;
        assert_eq!((r.status, r.code()), (403, "csrf"), "{}", r.body);
        let wrong = Cred {
            csrf: Some("f".repeat(csrf.len())),
            ..session.clone()
        };
        let r = api.post(&wrong, &reply, &body).await;
        assert_eq!((r.status, r.code()), (403, "csrf"), "{}", r.body);
        let other = api.log_in("other session", EU_EMAIL, EU_PASSWORD).await.1;
        let crossed = Cred {
            csrf: other.csrf.clone(),
            ..session.clone()
        };
        let r = api.post(&crossed, &reply, &body).await;
        assert_eq!(
            (r.status, r.code()),
            (403, "csrf"),
            "another session's CSRF token: {}",
            r.body
        );
        assert_eq!(
            counts(&w, e1).await.0,
            before,
            "nothing written without CSRF"
        );
        let r = api.post(&session, &reply, &body).await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(counts(&w, e1).await.0, before + 1);

        // Signing out needs the header too; then the cookie is dead, the other session not.
        let r = api.delete(&bare, "/api/v1/session").await;
        assert_eq!((r.status, r.code()), (403, "csrf"), "{}", r.body);
        let r = api.delete(&session, "/api/v1/session").await;
        assert_eq!(r.status, 204, "{}", r.body);
        let cleared = r.headers["set-cookie"].to_str().unwrap();
        assert!(cleared.contains("Max-Age=0"), "{cleared}");
        for cred in [&bare, &session] {
            let r = api.get(cred, "/api/v1/tickets").await;
            assert_eq!((r.status, r.code()), (401, "unauthenticated"), "{}", r.body);
            let r = api.post(cred, &reply, &body).await;
            assert_eq!(r.status, 401, "{}", r.body);
        }
        let r = api.get(&other, "/api/v1/me").await;
        assert_eq!(r.status, 200, "signing out ends only that session");

        // A new password ends every session of the agent (tokens stay). Changing one's own
        // takes a session and the current password: a token (even an inbound-only one) or
        // an unattended session cannot take the account over.
        let path = format!("/api/v1/agents/{}/password", w.eu_agent);
        let r = api
            .post(&w.eu_token, &path, &json!({"password": "taken-over-123"}))
            .await;
        assert_eq!((r.status, r.code()), (403, "forbidden"), "{}", r.body);
        let r = api
            .post(&other, &path, &json!({"password": "taken-over-123"}))
            .await;
        assert_eq!(
            (r.status, r.field()),
            (422, "current_password"),
            "{}",
            r.body
        );
        let r = api
            .post(
                &other,
                &path,
                &json!({"password": "short", "current_password": EU_PASSWORD}),
            )
            .await;
        assert_eq!((r.status, r.field()), (422, "password"), "{}", r.body);
        let r = api
            .post(
                &other,
                &path,
                &json!({"password": "a-new-password-789", "current_password": EU_PASSWORD}),
            )
            .await;
        assert_eq!(r.status, 204, "{}", r.body);
        let r = api.get(&other, "/api/v1/me").await;
        assert_eq!(r.status, 401, "sessions end with a new password");
        let r = api.get(&w.eu_session, "/api/v1/me").await;
        assert_eq!(r.status, 401, "every session");
        let (r, _) = api.log_in("old password", EU_EMAIL, EU_PASSWORD).await;
        assert_eq!(r.status, 401);
        let (r, _) = api
            .log_in("new password", EU_EMAIL, "a-new-password-789")
            .await;
        assert_eq!(r.status, 200);
        let r = api.get(&w.eu_token, "/api/v1/me").await;
        assert_eq!(r.status, 200, "tokens stay");

        // A deactivated agent: neither token nor session nor sign-in works.
        let (r, us_session) = api.log_in("US session", US_EMAIL, US_PASSWORD).await;
        assert_eq!(r.status, 200);
        let r = api
            .put(
                &w.admin,
                "/api/v1/agents",
                &json!({"email": US_EMAIL, "name": "Us Agent", "role": "agent",
                        "stores": ["us-shop"], "active": false}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["id"], w.us_agent);
        for cred in [&w.us_token, &us_session] {
            let r = api.get(cred, "/api/v1/tickets").await;
            assert_eq!(r.status, 401, "{}: {}", cred.label, r.body);
        }
        let (r, _) = api.log_in("inactive", US_EMAIL, US_PASSWORD).await;
        assert_eq!(r.status, 401, "{}", r.body);
        w.server.stop().await;
    }

    /// Permissions: a read-only token reads but never writes; an agent cannot mint an admin
    /// token, act for another agent or administer; and what is kept of the secrets at rest
    /// (only hashes: argon2id for passwords, never the token).
    pub async fn permissions_and_secrets_at_rest(url: &str) {
        let w = setup(url).await;
        let (api, t) = (&w.api, w.t);
        let e1 = t.e1;

        // A read-only token (the agent mints it for themself with a session).
        let r = api
            .post(
                &w.eu_session,
                "/api/v1/tokens",
                &json!({"name": "dashboard", "scopes": ["read"]}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let read_id = r.body["id"].as_i64().unwrap();
        let read_only = Cred::bearer("read-only token", r.body["token"].as_str().unwrap());
        assert!(r.body["token"].as_str().unwrap().starts_with("cdk_"));
        let r = api.get(&read_only, "/api/v1/tickets").await;
        assert_eq!(
            ids_of(&r.body["items"]),
            set(&[t.e1, t.e2, t.e3]),
            "{}",
            r.body
        );
        let r = api
            .get(&read_only, &format!("/api/v1/tickets/{e1}/outbox"))
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let (before, outbox) = counts(&w, e1).await;
        for (path, body) in [
            ("replies", json!({"text": "hello"})),
            ("replies", json!({"text": "note", "note": true})),
            ("status", json!({"status": "open"})),
            ("assign", json!({"agent_id": w.eu_agent})),
            ("claim", json!({})),
        ] {
            let r = api
                .post(&read_only, &format!("/api/v1/tickets/{e1}/{path}"), &body)
                .await;
            assert_eq!(
                (r.status, r.code()),
                (403, "forbidden"),
                "read-only {path}: {}",
                r.body
            );
        }
        let r = api
            .post(
                &read_only,
                "/api/v1/inbound",
                &email("ro", "eu-shop", "eva@example.org", "hi", None, 1),
            )
            .await;
        assert_eq!((r.status, r.code()), (403, "forbidden"), "{}", r.body);
        let r = api
            .post(
                &read_only,
                "/api/v1/tokens",
                &json!({"name": "escalate", "scopes": ["read", "write"]}),
            )
            .await;
        assert_eq!(
            (r.status, r.code()),
            (403, "forbidden"),
            "a token never mints more than it holds: {}",
            r.body
        );
        let a = api.get(&w.admin, &format!("/api/v1/tickets/{e1}")).await;
        assert_eq!(a.body["messages"].as_array().unwrap().len(), before);
        assert_eq!(a.body["ticket"]["assignee_id"], Value::Null);
        assert_eq!(counts(&w, e1).await, (before, outbox), "nothing written");

        // An agent cannot administer, nor act for anyone else.
        for cred in [&w.eu_session, &w.eu_token] {
            let who = cred.label;
            let r = api
                .post(
                    cred,
                    "/api/v1/tokens",
                    &json!({"name": "root", "scopes": ["read", "admin"]}),
                )
                .await;
            assert!(
                matches!(r.status, 403 | 422),
                "{who}: an admin-scoped token: {}",
                r.body
            );
            let r = api
                .post(
                    cred,
                    "/api/v1/tokens",
                    &json!({"name": "as admin", "scopes": ["read"], "agent_id": 1}),
                )
                .await;
            assert_eq!(
                (r.status, r.code()),
                (403, "forbidden"),
                "{who}: {}",
                r.body
            );
            let r = api
                .post(
                    cred,
                    "/api/v1/tokens",
                    &json!({"name": "as US", "scopes": ["read"], "agent_id": w.us_agent}),
                )
                .await;
            assert_eq!(r.status, 403, "{who}: {}", r.body);
            let r = api
                .put(
                    cred,
                    "/api/v1/agents",
                    &json!({"email": EU_EMAIL, "name": "Eu Agent", "role": "admin", "all_stores": true}),
                )
                .await;
            assert_eq!(
                (r.status, r.code()),
                (403, "forbidden"),
                "{who}: {}",
                r.body
            );
            let r = api
                .post(
                    cred,
                    &format!("/api/v1/agents/{}/password", w.us_agent),
                    &json!({"password": "hijacked-password"}),
                )
                .await;
            assert_eq!(
                (r.status, r.code()),
                (403, "forbidden"),
                "{who}: {}",
                r.body
            );
            let r = api
                .put(
                    cred,
                    "/api/v1/teams",
                    &json!({"key": "cs-eu", "name": "CS EU"}),
                )
                .await;
            assert_eq!(r.status, 403, "{who}: {}", r.body);
            let r = api
                .put(
                    cred,
                    "/api/v1/sla-policies",
                    &json!({"scope": "global", "channel": "email", "urgency": "complaint"}),
                )
                .await;
            assert_eq!(r.status, 403, "{who}: {}", r.body);
            let r = api.delete(cred, "/api/v1/sla-policies/1").await;
            assert_eq!(r.status, 403, "{who}: {}", r.body);
            let r = api.get(cred, "/api/v1/tokens").await;
            assert_eq!(r.status, 200, "{who}: {}", r.body);
            assert!(
                r.body
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|k| k["agent_id"] == w.eu_agent),
                "{who}: an agent lists only their own tokens: {}",
                r.body
            );
        }
        let r = api.get(&w.admin, "/api/v1/agents").await;
        let eu = r
            .body
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["email"] == EU_EMAIL)
            .unwrap()
            .clone();
        assert_eq!(eu["role"], "agent", "still an agent: {eu}");
        assert_eq!(eu["all_stores"], false);
        assert_eq!(eu["groups"], json!(["eu"]));
        // The admin may not give an agent more than their role holds either.
        let r = api
            .post(
                &w.admin,
                "/api/v1/tokens",
                &json!({"name": "too much", "scopes": ["admin"], "agent_id": w.eu_agent}),
            )
            .await;
        assert_eq!((r.status, r.field()), (422, "scopes"), "{}", r.body);
        // The agent revokes their own token.
        let r = api
            .delete(&w.eu_session, &format!("/api/v1/tokens/{read_id}"))
            .await;
        assert_eq!(r.status, 204, "{}", r.body);
        let r = api.get(&read_only, "/api/v1/tickets").await;
        assert_eq!(r.status, 401, "{}", r.body);

        // The roster never shows a password or its hash.
        let r = api.get(&w.eu_token, "/api/v1/agents").await;
        assert_eq!(r.status, 200, "{}", r.body);
        for a in r.body.as_array().unwrap() {
            let keys: Vec<&String> = a.as_object().unwrap().keys().collect();
            assert!(
                keys.iter()
                    .all(|k| !k.contains("hash")
                        && (*k == "has_password" || !k.contains("password"))),
                "{keys:?}"
            );
        }
        let agents = r.body.to_string();
        assert!(!agents.contains("$argon2"), "{agents}");
        assert!(!agents.contains(EU_PASSWORD), "{agents}");
        let eu = r
            .body
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["email"] == EU_EMAIL)
            .unwrap();
        assert_eq!(eu["has_password"], true);
        let admin = r
            .body
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["email"] == crossdesk_testkit::ADMIN)
            .unwrap();
        assert_eq!(admin["has_password"], false, "the CLI admin has none");

        // At rest: argon2id password hashes; tokens only as SHA-256 hashes.
        let db = crossdesk_db::Db::connect(url).await.unwrap();
        let (id, hash) = db.login_lookup(EU_EMAIL).await.unwrap().unwrap();
        assert_eq!(id, w.eu_agent);
        let hash = hash.expect("a password hash");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains(EU_PASSWORD));
        assert!(crossdesk_app::auth::verify_password(EU_PASSWORD, &hash));
        let tokens = db.tokens(None).await.unwrap();
        assert!(tokens.len() >= 4, "{tokens:?}");
        let listed = serde_json::to_string(&tokens).unwrap();
        let secret = w.eu_token.bearer.clone().unwrap();
        let secret_part = &secret["cdk_".len()..];
        assert!(!listed.contains(secret_part), "{listed}");
        let listed = api.get(&w.admin, "/api/v1/tokens").await.body.to_string();
        assert!(!listed.contains(secret_part), "{listed}");
        assert!(!listed.contains(w.server.token()), "{listed}");
        #[allow(clippy::disallowed_methods)] // the server runs on the real clock
        let now = chrono::Utc::now();
        assert!(
            db.token(&secret, now).await.unwrap().is_none(),
            "the token itself is not what is stored"
        );
        let found = db
            .token(&crossdesk_app::auth::token_hash(&secret), now)
            .await
            .unwrap()
            .expect("stored as its SHA-256 hash");
        assert_eq!(found.agent_id, w.eu_agent);
        assert_eq!(found.token_id, Some(w.eu_token_id));
        drop(db);
        w.server.stop().await;
    }
    /// What the review found, kept fixed: sign-in only as JSON (no login CSRF from a
    /// form), tokens are not minted by tokens, an agent cannot take a colleague's ticket by
    /// assigning it to themself, and an idempotency key is per ticket.
    pub async fn review_findings_stay_fixed(url: &str) {
        let w = setup(url).await;
        let (api, t) = (&w.api, w.t);
        let r = api
            .call(
                &Cred::none(),
                Method::POST,
                "/api/v1/session",
                None,
                &[("content-type", "text/plain")],
            )
            .await;
        assert_eq!(r.status, 415, "{}", r.body);
        let r = api
            .post(
                &w.eu_token,
                "/api/v1/tokens",
                &json!({"name": "child", "scopes": ["read"]}),
            )
            .await;
        assert_eq!((r.status, r.code()), (403, "forbidden"), "{}", r.body);
        let r = api
            .post(
                &w.eu_session,
                "/api/v1/tokens",
                &json!({"name": "from a session", "scopes": ["read"]}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        // Assigned to the admin; the EU agent may not take it by assigning it to themself.
        let r = api
            .post(
                &w.admin,
                &format!("/api/v1/tickets/{}/assign", t.e3),
                &json!({"agent_id": 1}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let r = api
            .post(
                &w.eu_token,
                &format!("/api/v1/tickets/{}/assign", t.e3),
                &json!({"agent_id": w.eu_agent}),
            )
            .await;
        assert_eq!(r.status, 409, "{}", r.body);
        // The same Idempotency-Key on two tickets is two replies.
        let a = api
            .call(
                &w.eu_token,
                Method::POST,
                &format!("/api/v1/tickets/{}/replies", t.e1),
                Some(&json!({"text": "Looking into it."})),
                &[("idempotency-key", "k-1")],
            )
            .await;
        let b = api
            .call(
                &w.eu_token,
                Method::POST,
                &format!("/api/v1/tickets/{}/replies", t.e2),
                Some(&json!({"text": "Looking into it."})),
                &[("idempotency-key", "k-1")],
            )
            .await;
        assert_eq!((a.status, b.status), (201, 201), "{} {}", a.body, b.body);
        assert_ne!(a.body["message_id"], b.body["message_id"]);
        w.server.stop().await;
    }
}

crossdesk_testkit::conformance!(
    review_findings_stay_fixed,
    a_store_scope_holds_on_every_route,
    an_agent_works_tickets_in_scope,
    inbound_reply_to_a_foreign_message_stays_in_scope,
    inbound_reply_to_a_storeless_message_stays_in_scope,
    inbound_reused_external_id_names_no_foreign_ticket,
    credentials_sessions_and_csrf,
    permissions_and_secrets_at_rest,
);
