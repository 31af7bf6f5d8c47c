//! The web workspace in a real browser: the real binary on a scratch SQLite database, seeded
//! through its CLI and API, then the scenarios in `e2e/*.test.mjs` driven by headless Chromium
//! through playwright-core under `node --test` (sign-in, inbox filters and search, the ticket
//! view with its panels, a templated reply, a refused public reply, a corrected label, live
//! rows, the Chinese interface, hostile text, screenshots). The inbox file, with its live
//! rows, runs on PostgreSQL too when `CROSSDESK_TEST_POSTGRES` names a server.
//!
//! Needs `/usr/bin/chromium` (Debian's `chromium` and `fonts-noto-cjk`) and
//! `npm ci --prefix e2e`. Without them the test says it skipped, unless
//! `CROSSDESK_REQUIRE_BROWSER` or `CI` is set (`.ci/run` sets both), where it fails.
//! `CROSSDESK_E2E_ONLY=xss` runs only the files whose names contain `xss`; screenshots go to
//! `e2e/artifacts/` or `CROSSDESK_E2E_ARTIFACTS`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossdesk_testkit::{ADMIN, Backend, TestServer, client_with, scratch};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::process::Command;

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossdesk"))
}

const ADMIN_PASSWORD: &str = "admin-password-for-e2e";
const ZH_EMAIL: &str = "li.na@test.invalid";
const ZH_PASSWORD: &str = "zh-password-for-e2e";
const DE_ORDER: &str = "12-34567-89012";
const DE_TRACKING: &str = "JJD000390007";
const US_ORDER: &str = "111-2223334-4445556";
const DE_TEXT: &str = "Mein Paket hängt seit zwei Wochen im Zoll fest. Wann kommt meine Schreibtischlampe endlich an?";
const ZH_TEXT: &str = "我的包裹已经三个星期了还没到，物流信息一直没有更新，请尽快处理！";
/// A phrase of the German `info_request` template.
const DE_TEMPLATE_PHRASE: &str = "vielen Dank für Ihre Nachricht";
/// Says only the search ticket.
const SEARCH_WORD: &str = "quokka";
/// Says only the first hostile ticket.
const XSS_WORD: &str = "xylophone";
const XSS_SUBJECT: &str = r#"<b class="xss">Refund</b> <img src=x onerror=alert(5)>"#;
const XSS_TEXTS: [&str; 4] = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    r#""><svg onload=alert(3)>"#,
    r#"<a href="javascript:alert(4)">javascript:alert(4)</a>"#,
];
const XSS_NAME: &str = "<img src=x onerror=alert(6)>Eve";

/// Stores on three platforms; orders with shipments and a tracking history.
const REFERENCE: &str = r#"{"type":"store","key":"acme-de","name":"Acme DE","platform":"ebay","currency":"EUR","group":"acme","timezone":"Europe/Berlin"}
{"type":"store","key":"acme-us","name":"Acme US","platform":"amazon","currency":"USD","group":"acme","timezone":"America/New_York"}
{"type":"store","key":"acme-cn","name":"Acme Global","platform":"aliexpress","currency":"USD","group":"acme"}
{"type":"store","key":"acme-shop","name":"Acme Shop","platform":"shopify","currency":"EUR","group":"acme"}
{"type":"sku","store":"acme-de","sku":"LAMP-01","title":"Desk lamp","cost":"11.00","price":"39.90"}
{"type":"order","store":"acme-de","number":"12-34567-89012","customer":{"buyer_id":"max_m","name":"Max Mustermann"},"items":[{"sku":"LAMP-01","quantity":1,"price":"39.90"}],"currency":"EUR","incoterm":"DAP","destination_country":"DE","placed_at":"2026-11-01T10:00:00Z"}
{"type":"shipment","store":"acme-de","order_number":"12-34567-89012","carrier":"dhl","tracking_number":"JJD000390007","warehouse":"Shenzhen","promised_by":"2026-11-10T00:00:00Z"}
{"type":"tracking_event","tracking_number":"JJD000390007","carrier":"dhl","tag":"InfoReceived","message":"Shipment information received","location":"Shenzhen, CN","at":"2026-11-02T08:00:00Z"}
{"type":"tracking_event","tracking_number":"JJD000390007","carrier":"dhl","tag":"InTransit","message":"Departed the origin facility","location":"Hong Kong, HK","at":"2026-11-04T16:30:00Z"}
{"type":"tracking_event","tracking_number":"JJD000390007","carrier":"dhl","tag":"Exception","subtag":"Exception_011","message":"Held by customs","location":"Leipzig, DE","at":"2026-11-08T09:00:00Z"}
{"type":"order","store":"acme-us","number":"111-2223334-4445556","customer":{"buyer_id":"amzn_ruth","name":"Ruth Baker"},"items":[{"sku":"TANK-20","quantity":1,"price":"89.00"}],"currency":"USD","incoterm":"DDP","destination_country":"US","placed_at":"2026-11-03T10:00:00Z"}
{"type":"shipment","store":"acme-us","order_number":"111-2223334-4445556","carrier":"ups","tracking_number":"1Z999AA10123456784","promised_by":"2026-11-12T00:00:00Z"}
{"type":"tracking_event","tracking_number":"1Z999AA10123456784","carrier":"ups","tag":"Delivered","message":"Delivered, front door","location":"Austin, US","at":"2026-11-09T15:00:00Z"}
"#;

/// The Chromium the tests drive.
fn chromium() -> PathBuf {
    std::env::var_os("CROSSDESK_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

fn e2e_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../e2e")
}

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.trim().is_empty() && v != "0" && v != "false")
}

/// Whether everything the browser tests need is here. When something is missing: a failure if
/// `CROSSDESK_REQUIRE_BROWSER` or `CI` is set, else a note and `false` (a fresh clone without
/// a browser still passes `cargo test`).
fn browser_ready() -> bool {
    let mut missing = Vec::new();
    if !chromium().is_file() {
        missing.push(format!(
            "{} (apt-get install chromium fonts-noto-cjk)",
            chromium().display()
        ));
    }
    if !e2e_dir().join("node_modules/playwright-core").is_dir() {
        missing.push("e2e/node_modules (npm ci --prefix e2e)".to_string());
    }
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .map_or(true, |o| !o.status.success())
    {
        missing.push("node (Node.js 20 or later)".to_string());
    }
    if missing.is_empty() {
        return true;
    }
    assert!(
        !(flag("CROSSDESK_REQUIRE_BROWSER") || flag("CI")),
        "the browser tests are required here (CROSSDESK_REQUIRE_BROWSER or CI is set) but these are missing: {}",
        missing.join("; ")
    );
    eprintln!(
        "skipped: browser tests need /usr/bin/chromium and npm ci --prefix e2e (missing: {})",
        missing.join("; ")
    );
    false
}

/// Runs the CLI on `url` with `stdin`, asserting success.
async fn cli(args: &[&str], url: &str, stdin: &str) -> String {
    let mut child = Command::new(bin())
        .args(args)
        .args(["--database", url])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run crossdesk");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).await.unwrap();
    drop(input);
    let out = child.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "crossdesk {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A timestamp `minutes_ago` minutes ago (the server runs on the real clock).
fn recent(minutes_ago: i64) -> String {
    #[allow(clippy::disallowed_methods)]
    let now = chrono::Utc::now();
    (now - chrono::Duration::minutes(minutes_ago))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

struct Seeder {
    http: reqwest::Client,
    base: String,
}

impl Seeder {
    async fn send(&self, method: reqwest::Method, path: &str, body: &Value) -> Value {
        let r = self
            .http
            .request(method.clone(), format!("{}{path}", self.base))
            .json(body)
            .send()
            .await
            .expect("request");
        let status = r.status();
        let answer: Value = r.json().await.unwrap_or(Value::Null);
        assert!(
            status.is_success(),
            "{method} {path}: {status} {answer}\n{body}"
        );
        answer
    }

    async fn get(&self, path: &str) -> Value {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request");
        let status = r.status();
        let answer: Value = r.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "GET {path}: {status} {answer}");
        answer
    }

    /// Posts one inbound message; the ticket it landed on.
    async fn inbound(&self, m: Value, new_ticket: bool) -> i64 {
        let r = self
            .send(reqwest::Method::POST, "/api/v1/inbound", &m)
            .await;
        assert_eq!(r["result"], "stored", "{m}: {r}");
        assert_eq!(r["ticket_created"], new_ticket, "{m}: {r}");
        r["ticket_id"].as_i64().unwrap()
    }
}

/// Seeds the scenario through the API; what the browser tests need to know about it.
async fn seed(api: &Seeder) -> Value {
    // The monitor shows public posts that name a watched term.
    api.send(
        reqwest::Method::PUT,
        "/api/v1/watch-terms",
        &json!([{"name": "Acme", "kind": "brand"}]),
    )
    .await;
    let de = api
        .inbound(
            json!({"channel": "ebay", "external_id": "de-1", "store": "acme-de",
                   "author": {"buyer_id": "max_m"}, "text": DE_TEXT, "order_ref": DE_ORDER,
                   "sent_at": recent(50)}),
            true,
        )
        .await;
    let us = api
        .inbound(
            json!({"channel": "amazon", "external_id": "us-1", "store": "acme-us",
                   "author": {"buyer_id": "amzn_ruth"}, "order_ref": US_ORDER,
                   "text": "My aquarium tank arrived cracked and leaked all over the floor. I want a replacement.",
                   "sent_at": recent(45)}),
            true,
        )
        .await;
    let tweet = api
        .inbound(
            json!({"channel": "twitter", "external_id": "tw-1",
                   "author": {"handle": "@angry_ann", "name": "Ann", "followers": 15000},
                   "text": "Ordered from Acme three weeks ago and my parcel is still not here. Worst shop ever!!",
                   "sent_at": recent(40)}),
            true,
        )
        .await;
    let zh = api
        .inbound(
            json!({"channel": "aliexpress", "external_id": "zh-1", "store": "acme-cn",
                   "author": {"buyer_id": "cn_buyer_8", "name": "王小明"}, "text": ZH_TEXT,
                   "sent_at": recent(35)}),
            true,
        )
        .await;
    let es = api
        .inbound(
            json!({"channel": "email", "external_id": "es-1", "store": "acme-shop",
                   "author": {"email": "lucia@example.org", "name": "Lucía Fernández"},
                   "subject": "Reembolso pendiente",
                   "text": "Hola, pedí un reembolso hace diez días y todavía no lo he recibido. ¿Pueden revisarlo?",
                   "sent_at": recent(30)}),
            true,
        )
        .await;
    let search = api
        .inbound(
            json!({"channel": "webchat", "external_id": "chat-1", "store": "acme-shop",
                   "author": {"email": "quentin@example.org", "name": "Quentin"},
                   "text": format!("Does the {SEARCH_WORD} plush come in a larger size?"),
                   "sent_at": recent(25)}),
            true,
        )
        .await;
    let xss = api
        .inbound(
            json!({"channel": "email", "external_id": "xss-1", "store": "acme-shop",
                   "author": {"email": "mallory@example.org", "name": "Mallory"},
                   "subject": XSS_SUBJECT, "text": format!("{XSS_WORD} {}", XSS_TEXTS[0]),
                   "sent_at": recent(20)}),
            true,
        )
        .await;
    for (i, text) in XSS_TEXTS.iter().enumerate().skip(1) {
        let again = api
            .inbound(
                json!({"channel": "email", "external_id": format!("xss-{}", i + 1),
                       "store": "acme-shop", "in_reply_to": "xss-1",
                       "author": {"email": "mallory@example.org", "name": "Mallory"},
                       "subject": format!("Re: {XSS_SUBJECT}"), "text": text,
                       "sent_at": recent(19 - i64::try_from(i).unwrap())}),
                false,
            )
            .await;
        assert_eq!(again, xss, "the hostile replies thread onto one ticket");
    }
    let xss2 = api
        .inbound(
            json!({"channel": "webchat", "external_id": "xss-chat", "store": "acme-shop",
                   "author": {"email": "eve@example.org", "name": XSS_NAME},
                   "text": XSS_TEXTS[2], "sent_at": recent(10)}),
            true,
        )
        .await;

    // The zh agent: the Chinese interface, every store.
    api.send(
        reqwest::Method::PUT,
        "/api/v1/agents",
        &json!({"email": ZH_EMAIL, "name": "李娜 Li Na", "role": "agent",
                "languages": ["zh", "en"], "locale": "zh", "all_stores": true,
                "password": ZH_PASSWORD}),
    )
    .await;

    let tickets = json!({"de": de, "us": us, "tweet": tweet, "zh": zh, "es": es,
                         "search": search, "xss": xss, "xss2": xss2});
    let detail = api.get(&format!("/api/v1/tickets/{de}")).await;
    assert_eq!(
        detail["ticket"]["order_number"], DE_ORDER,
        "{}",
        detail["ticket"]
    );
    let de_customer = detail["customer"]["name"]
        .as_str()
        .unwrap_or_else(|| {
            panic!(
                "the eBay buyer is the order's named customer: {}",
                detail["customer"]
            )
        })
        .to_string();
    let us_detail = api.get(&format!("/api/v1/tickets/{us}")).await;
    assert_eq!(
        us_detail["ticket"]["order_number"], US_ORDER,
        "{}",
        us_detail["ticket"]
    );
    // A seeded ticket nobody was assigned (its row offers `Claim`), if routing left one.
    let mut unassigned = Value::Null;
    for id in tickets.as_object().unwrap().values() {
        let d = api.get(&format!("/api/v1/tickets/{id}")).await;
        if d["ticket"]["assignee_id"].is_null() {
            unassigned = id.clone();
            break;
        }
    }

    json!({
        "tickets": tickets,
        "unassigned": unassigned,
        "live_store": "acme-shop",
        "search_word": SEARCH_WORD,
        "de_text": DE_TEXT,
        "de_customer": de_customer,
        "de_order": DE_ORDER,
        "de_tracking": DE_TRACKING,
        "de_tracking_events": ["Shipment information received", "Departed the origin facility", "Held by customs"],
        "de_template_phrase": DE_TEMPLATE_PHRASE,
        "us_order": US_ORDER,
        "zh_text": ZH_TEXT,
        "zh_subject_start": "我的包裹",
        "xss": {
            "ticket": xss,
            "ticket2": xss2,
            "subject": XSS_SUBJECT,
            "texts": XSS_TEXTS,
            "search": XSS_WORD,
            "first_line2": XSS_TEXTS[2],
            "author_name2": XSS_NAME,
        },
    })
}

/// The test files to run, sorted: those whose names contain `only` and
/// `CROSSDESK_E2E_ONLY`.
fn test_files(only: &str) -> Vec<String> {
    let also = std::env::var("CROSSDESK_E2E_ONLY").unwrap_or_default();
    let mut files: Vec<String> = std::fs::read_dir(e2e_dir())
        .expect("e2e/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".test.mjs") && n.contains(only) && n.contains(also.as_str()))
        .collect();
    files.sort();
    files
}

/// One browser run at a time (two cores; the live updates wait on the server).
static BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Seeds a scratch database on `backend`, serves it, and runs the `e2e/` files whose names
/// contain `only` against it; screenshots go to the artifacts folder (`/sub` when given).
async fn run_in_browser(backend: Backend, only: &str, sub: &str) {
    if !browser_ready() {
        return;
    }
    let files = test_files(only);
    if files.is_empty() {
        eprintln!("note: no e2e/*.test.mjs matches CROSSDESK_E2E_ONLY here");
        return;
    }
    let Some(db) = scratch(backend).await else {
        return;
    };
    let _one_at_a_time = BROWSER.lock().await;
    let url = db.url();
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference.jsonl");
    std::fs::write(&reference, REFERENCE).unwrap();
    let out = cli(&["import", reference.to_str().unwrap()], url, "").await;
    assert!(out.contains("created"), "{out}");

    let token = TestServer::bootstrap(bin(), url).await;
    cli(&["agent", "password", ADMIN], url, ADMIN_PASSWORD).await;
    let server = TestServer::start_with_token(bin(), url, token.clone()).await;
    let seeder = Seeder {
        http: client_with(&token),
        base: server.url.clone(),
    };
    let seeded = seed(&seeder).await;

    let artifacts = std::env::var_os("CROSSDESK_E2E_ARTIFACTS")
        .map_or_else(|| e2e_dir().join("artifacts"), PathBuf::from)
        .join(sub);
    std::fs::create_dir_all(&artifacts).unwrap();
    let run = Command::new("node")
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .args(&files)
        .current_dir(e2e_dir())
        .env("CROSSDESK_URL", &server.url)
        .env("CROSSDESK_TOKEN", &token)
        .env("CROSSDESK_ADMIN_EMAIL", ADMIN)
        .env("CROSSDESK_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("CROSSDESK_ZH_EMAIL", ZH_EMAIL)
        .env("CROSSDESK_ZH_PASSWORD", ZH_PASSWORD)
        .env("CROSSDESK_E2E_ARTIFACTS", &artifacts)
        .env("CROSSDESK_E2E_SEED", seeded.to_string())
        .env("CROSSDESK_CHROMIUM", chromium())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(300), run)
        .await
        .expect("the browser tests finished within 5 minutes")
        .expect("run node");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{report}");
    server.stop().await;
    assert!(
        out.status.success(),
        "the browser tests on {backend:?} failed ({}); screenshots in {}:\n{report}",
        out.status,
        artifacts.display()
    );
}

/// Every scenario, on SQLite.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_workspace_works_in_a_real_browser() {
    run_in_browser(Backend::Sqlite, ".test.mjs", "").await;
}

/// The inbox, with its live rows, on PostgreSQL when configured.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_inbox_works_in_a_real_browser_on_postgres() {
    run_in_browser(Backend::Postgres, "inbox", "postgres").await;
}
