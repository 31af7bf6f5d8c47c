//! The workspace's pages over HTTP, against the real binary: sign-in redirects, the
//! security headers, escaping of customer text, store scope on pages, filter errors, the
//! interface language per agent, and the live stream. (The browser tests drive the same
//! pages in Chromium; these need no browser.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossdesk_testkit::TestServer;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_SECURITY_POLICY, LOCATION, SET_COOKIE};
use serde_json::{Value, json};
use std::path::Path;
use std::time::Duration;

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossdesk"))
}

const STORES: &str = r#"{"type":"store","key":"eu-shop","name":"EU Shop","platform":"shopify","currency":"EUR","group":"eu"}
{"type":"store","key":"us-shop","name":"US Shop","platform":"amazon","currency":"USD","group":"us"}
"#;

const XSS: [&str; 4] = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    "\"><svg onload=alert(3)>",
    "<a href=\"javascript:alert(4)\">click</a>",
];

/// The text an HTML page shows for its character references (enough for these payloads).
fn decode(html: &str) -> String {
    [
        ("&#60;", "<"),
        ("&lt;", "<"),
        ("&#62;", ">"),
        ("&gt;", ">"),
        ("&#34;", "\""),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&#38;", "&"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(html.to_string(), |s, (from, to)| s.replace(from, to))
}

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn now_minus(minutes: i64) -> String {
    #[allow(clippy::disallowed_methods)] // the server runs on the real clock
    let now = chrono::Utc::now();
    (now - chrono::Duration::minutes(minutes)).to_rfc3339()
}

struct Desk {
    server: TestServer,
    http: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl Desk {
    async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("web.db").display());
        let reference = dir.path().join("stores.jsonl");
        std::fs::write(&reference, STORES).unwrap();
        let out = std::process::Command::new(bin())
            .args(["import", reference.to_str().unwrap(), "--database", &url])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let server = TestServer::start(bin(), &url).await;
        Desk {
            server,
            http: no_redirects(),
            _dir: dir,
        }
    }

    async fn agent(&self, email: &str, locale: &str, stores: &[&str], all: bool) {
        let (status, body) = self
            .server
            .client()
            .put(format!("{}/api/v1/agents", self.server.url))
            .json(
                &json!({"email": email, "name": email, "role": "agent", "locale": locale,
                "stores": stores, "all_stores": all, "languages": ["en", "de", "zh"],
                "password": "correct-horse-battery"}),
            )
            .send()
            .await
            .map(|r| (r.status(), r))
            .unwrap();
        assert!(status.is_success(), "{:?}", body.text().await);
    }

    /// Signs in; the `Cookie` header value of the session.
    async fn sign_in(&self, email: &str) -> String {
        let r = self
            .http
            .post(format!("{}/api/v1/session", self.server.url))
            .json(&json!({"email": email, "password": "correct-horse-battery"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let cookie = r.headers().get(SET_COOKIE).unwrap().to_str().unwrap();
        cookie.split(';').next().unwrap().to_string()
    }

    async fn page(
        &self,
        cookie: &str,
        path: &str,
    ) -> (StatusCode, String, reqwest::header::HeaderMap) {
        let r = self
            .http
            .get(format!("{}{path}", self.server.url))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        let (status, headers) = (r.status(), r.headers().clone());
        (status, r.text().await.unwrap(), headers)
    }

    async fn inbound(&self, m: Value) -> i64 {
        let (status, body) = self.server.post("/api/v1/inbound", &m).await;
        assert_eq!(status, 201, "{body}");
        body["ticket_id"].as_i64().unwrap()
    }
}

fn message(id: &str, store: &str, text: &str) -> Value {
    json!({"channel": "email", "external_id": id, "store": store,
        "author": {"email": format!("{id}@example.org"), "name": format!("Buyer {id}")},
        "subject": text, "text": text, "sent_at": now_minus(5)})
}

#[tokio::test]
async fn pages_need_a_session_and_carry_a_strict_policy() {
    let desk = Desk::start().await;
    let r = desk
        .http
        .get(format!("{}/inbox?store=eu-shop", desk.server.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()[LOCATION],
        "/login?next=/inbox%3Fstore%3Deu-shop"
    );
    let r = desk
        .http
        .get(format!("{}/", desk.server.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()[LOCATION], "/login");

    // An API token does not open pages.
    let r = desk
        .server
        .client()
        .get(format!("{}/inbox", desk.server.url))
        .send()
        .await
        .unwrap();
    assert!(r.url().path().starts_with("/login"), "{}", r.url());

    let r = desk
        .http
        .get(format!("{}/login?next=//evil.example/x", desk.server.url))
        .send()
        .await
        .unwrap();
    let csp = r.headers()[CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(r.headers()["x-frame-options"], "DENY");
    let body = r.text().await.unwrap();
    assert!(
        body.contains("data-next=\"/inbox\""),
        "an off-site next is dropped"
    );
    assert!(!body.contains("<script>"), "no inline script");
    for bad in [
        "/%09/evil.example/x",
        "/%0a/x",
        "/%5C/evil.example",
        "https://evil.example",
    ] {
        let r = desk
            .http
            .get(format!("{}/login?next={bad}", desk.server.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{bad}");
        let body = r.text().await.unwrap();
        assert!(
            body.contains("data-next=\"/inbox\""),
            "{bad} is not a place to return to"
        );
    }
    // What the script fetches answers 401 when signed out, not a sign-in page.
    for path in ["/inbox/rows", "/live"] {
        let r = desk
            .http
            .get(format!("{}{path}", desk.server.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
}

#[tokio::test]
async fn customer_text_renders_as_text_everywhere() {
    let desk = Desk::start().await;
    desk.agent("eu@test.invalid", "en", &["eu-shop"], false)
        .await;
    let mut ids = Vec::new();
    for (n, payload) in XSS.iter().enumerate() {
        ids.push(
            desk.inbound(message(&format!("x{n}"), "eu-shop", payload))
                .await,
        );
    }
    let cookie = desk.sign_in("eu@test.invalid").await;
    let (status, inbox, headers) = desk.page(&cookie, "/inbox").await;
    assert_eq!(status, StatusCode::OK, "{inbox}");
    assert!(
        headers[CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );
    for id in &ids {
        assert!(
            inbox.contains(&format!("data-id=\"{id}\"")),
            "ticket {id} listed"
        );
    }
    assert!(!inbox.contains(XSS[0]), "raw in the inbox");
    assert!(
        decode(&inbox).contains(XSS[0]),
        "shown as text in the inbox"
    );
    for (id, payload) in ids.iter().zip(XSS) {
        let (status, page, _) = desk.page(&cookie, &format!("/tickets/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            decode(&page).contains(payload),
            "ticket {id} shows {payload:?} as text"
        );
        assert!(
            !page.contains(payload),
            "ticket {id} carries {payload:?} raw"
        );
    }
    // Every <script> is an external one from this origin.
    for tag in inbox.split("<script").skip(1) {
        assert!(
            tag.trim_start().starts_with("src=\"/assets/app.js\""),
            "{tag}"
        );
    }
}

#[tokio::test]
async fn pages_keep_to_the_agents_stores_and_language() {
    let desk = Desk::start().await;
    desk.agent("eu@test.invalid", "en", &["eu-shop"], false)
        .await;
    desk.agent("zh@test.invalid", "zh", &[], true).await;
    let eu = desk.inbound(message("e1", "eu-shop", "Lampe kaputt")).await;
    let us = desk
        .inbound(message("u1", "us-shop", "Lamp arrived broken"))
        .await;

    let cookie = desk.sign_in("eu@test.invalid").await;
    let (_, inbox, _) = desk.page(&cookie, "/inbox").await;
    assert!(inbox.contains(&format!("data-id=\"{eu}\"")));
    assert!(
        !inbox.contains(&format!("data-id=\"{us}\"")),
        "another store's ticket"
    );
    assert!(!inbox.contains("us-shop"), "another store in the filter");
    let (status, page, _) = desk.page(&cookie, &format!("/tickets/{us}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!page.contains("Lamp arrived broken"));
    let (status, _, _) = desk.page(&cookie, "/admin").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, page, _) = desk.page(&cookie, "/inbox?channel=pigeon").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("channel"), "names the filter");
    let (_, rows, _) = desk.page(&cookie, "/inbox/rows?q=lampe").await;
    assert!(rows.contains(&format!("data-id=\"{eu}\"")), "{rows}");

    let cookie = desk.sign_in("zh@test.invalid").await;
    let (_, inbox, _) = desk.page(&cookie, "/inbox").await;
    assert!(inbox.contains("<html lang=\"zh-CN\">"));
    assert!(inbox.contains("收件箱"));
    assert!(inbox.contains(&format!("data-id=\"{us}\"")));
    let (_, ticket, _) = desk.page(&cookie, &format!("/tickets/{eu}")).await;
    assert!(
        ticket.contains("分诊标签"),
        "the ticket view speaks Chinese"
    );
}

#[tokio::test]
async fn the_live_stream_announces_new_messages_in_scope() {
    let desk = Desk::start().await;
    desk.agent("eu@test.invalid", "en", &["eu-shop"], false)
        .await;
    let cookie = desk.sign_in("eu@test.invalid").await;
    let mut live = desk
        .http
        .get(format!("{}/live", desk.server.url))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    assert!(
        live.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let first = live.chunk().await.unwrap().unwrap();
    assert!(String::from_utf8_lossy(&first).contains("event: ready"));

    let us = desk.inbound(message("u1", "us-shop", "not for eu")).await;
    let eu = desk.inbound(message("e1", "eu-shop", "for eu")).await;
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !seen.contains("event: message") {
        let chunk = tokio::time::timeout_at(deadline, live.chunk())
            .await
            .expect("a message event within 20 s")
            .unwrap()
            .unwrap();
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(seen.contains(&format!("\"ticket\":{eu}")), "{seen}");
    assert!(!seen.contains(&format!("\"ticket\":{us}")), "{seen}");

    // A colleague's status change is announced too (and another store's is not).
    for id in [us, eu] {
        let (status, body) = desk
            .server
            .post(
                &format!("/api/v1/tickets/{id}/status"),
                &json!({"status": "waiting_customer"}),
            )
            .await;
        assert!(status < 300, "{body}");
    }
    while !seen.contains("\"kind\":\"status_changed\"") {
        let chunk = tokio::time::timeout_at(deadline, live.chunk())
            .await
            .expect("a status change within 20 s")
            .unwrap()
            .unwrap();
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    let changes: Vec<&str> = seen
        .split("event: change")
        .skip(1)
        .filter(|c| c.contains("status_changed"))
        .collect();
    assert!(
        changes
            .iter()
            .any(|c| c.contains(&format!("\"ticket\":{eu}"))),
        "{seen}"
    );
    assert!(
        !seen.contains(&format!("\"ticket\":{us}")),
        "another store's ticket: {seen}"
    );
}
