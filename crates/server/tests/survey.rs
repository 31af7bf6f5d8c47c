//! The customer's satisfaction survey page, driven against the real binary on both
//! backends with a client that carries no credentials: the signed link opens the form in
//! the ticket's language, a wrong link is a 404 that reveals nothing, a bad answer is a 422
//! naming its field, and the one accepted answer is stored with its ticket event.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossdesk_app::surveys::sign;
use crossdesk_db::Db;
use crossdesk_testkit::{Backend, TestServer, scratch};
use serde_json::{Value, json};
use std::path::Path;

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossdesk"))
}

/// `application/x-www-form-urlencoded` of `pairs`.
fn form(pairs: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_string(),
                b => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

struct Customer {
    base: String,
    http: reqwest::Client,
}

impl Customer {
    async fn get(&self, path: &str) -> (u16, reqwest::header::HeaderMap, String) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        (
            r.status().as_u16(),
            r.headers().clone(),
            r.text().await.unwrap(),
        )
    }

    async fn post(&self, path: &str, pairs: &[(&str, &str)]) -> (u16, String) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(pairs))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }
}

/// Posts one tweet; the new ticket's id, checking the language triage gave it.
async fn ticket(server: &TestServer, id: &str, text: &str, language: &str) -> i64 {
    let (status, out) = server
        .post(
            "/api/v1/inbound",
            &json!({"channel": "twitter", "external_id": id, "author": {"handle": format!("@buyer_{id}")},
                    "text": text, "sent_at": "2026-11-20T08:15:00Z"}),
        )
        .await;
    assert_eq!(status, 201, "{out}");
    let t = out["ticket_id"].as_i64().unwrap();
    let (_, detail) = server.get(&format!("/api/v1/tickets/{t}")).await;
    assert_eq!(detail["ticket"]["language"], language, "{text}");
    t
}

fn radios(html: &str) -> usize {
    html.matches("type=\"radio\"").count()
}

async fn the_survey_link_works_without_login(backend: Backend) {
    let Some(scratch) = scratch(backend).await else {
        return;
    };
    let server = TestServer::start(bin(), scratch.url()).await;
    let zh = ticket(
        &server,
        "1",
        "我的包裹已经三个星期了还没有收到，请帮我查一下",
        "zh",
    )
    .await;
    let de = ticket(
        &server,
        "2",
        "Mein Paket ist seit drei Wochen nicht angekommen, bitte helfen Sie mir",
        "de",
    )
    .await;
    let en = ticket(&server, "3", "My parcel never arrived, please help", "en").await;
    let unsurveyed = ticket(&server, "4", "Where is my order? It is late", "en").await;

    let db = Db::connect(scratch.url()).await.unwrap();
    #[allow(clippy::disallowed_methods)] // the server runs on the real clock
    let now = chrono::Utc::now();
    for t in [zh, de, en] {
        assert!(db.open_survey(t, now).await.unwrap());
    }
    let secret = db.signing_secret().await.unwrap();
    let link = |t: i64| format!("/survey/{t}/{}", sign(&secret, t));
    let customer = Customer {
        base: server.url.clone(),
        http: reqwest::Client::new(),
    };

    // The form, in the ticket's language, with strict headers.
    let (status, headers, html) = customer.get(&link(zh)).await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(radios(&html), 5);
    assert!(html.contains("<html lang=\"zh\">"), "{html}");
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(
        html.contains("您的评分") && html.contains("5 – 非常满意"),
        "{html}"
    );
    assert!(!html.contains("<script"));
    let header = |name: &str| headers.get(name).unwrap().to_str().unwrap().to_string();
    assert!(header("content-type").starts_with("text/html"));
    assert_eq!(
        header("content-security-policy"),
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"
    );
    assert_eq!(header("x-frame-options"), "DENY");
    assert_eq!(header("referrer-policy"), "no-referrer");
    assert_eq!(header("cache-control"), "no-store");
    let (status, _, html) = customer.get(&link(de)).await;
    assert_eq!(status, 200);
    assert_eq!(radios(&html), 5);
    assert!(html.contains("lang=\"de\"") && html.contains("Ihre Bewertung"));
    for n in 1..=5 {
        assert!(
            html.contains(&format!("id=\"rating-{n}\""))
                && html.contains(&format!("for=\"rating-{n}\"")),
            "radio {n} has a label"
        );
    }

    // A wrong link is a 404 that does not tell whether the ticket or survey exists.
    let (status, headers, wrong_sig) = customer
        .get(&format!("/survey/{en}/{}", sign(&secret, zh)))
        .await;
    assert_eq!(status, 404);
    assert!(headers.get("content-security-policy").is_some());
    let (status, _, no_survey) = customer.get(&link(unsurveyed)).await;
    assert_eq!(status, 404);
    let (status, _, no_ticket) = customer.get(&link(999_999)).await;
    assert_eq!(status, 404);
    assert_eq!(wrong_sig, no_survey);
    assert_eq!(wrong_sig, no_ticket);
    for path in [
        format!("/survey/{en}/"),
        format!("/survey/{en}/{}", &sign(&secret, en)[..63]),
        format!("/survey/{en}/{}x", &sign(&secret, en)[..63]),
        "/survey/abc/def".to_string(),
    ] {
        let (status, _, _) = customer.get(&path).await;
        assert_eq!(status, 404, "{path}");
    }
    let (status, _) = customer
        .post(
            &format!("/survey/{en}/{}", sign(&secret, de)),
            &[("rating", "5")],
        )
        .await;
    assert_eq!(status, 404, "an answer through a wrong link");

    // A bad rating is a 422 naming the field; the comment stays in the form, escaped.
    for bad in ["0", "6", "x", ""] {
        let (status, html) = customer
            .post(&link(en), &[("rating", bad), ("comment", "keep <b>me</b>")])
            .await;
        assert_eq!(status, 422, "{bad:?}");
        assert!(html.contains("id=\"rating-error\""), "{html}");
        assert!(html.contains("Rating: please choose a whole number from 1 to 5."));
        assert!(
            html.contains(">\nkeep &lt;b&gt;me&lt;/b&gt;</textarea>"),
            "{html}"
        );
        assert_eq!(radios(&html), 5);
    }
    let (status, html) = customer.post(&link(en), &[("comment", "no rating")]).await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"rating-error\""));
    let (status, html) = customer.post(&link(zh), &[("rating", "9")]).await;
    assert_eq!(status, 422);
    assert!(html.contains("评分：请选择 1 到 5 之间的整数。"), "{html}");
    let long = "x".repeat(2001);
    let (status, html) = customer
        .post(&link(en), &[("rating", "3"), ("comment", &long)])
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"comment-error\""), "{html}");
    assert!(
        html.contains("value=\"3\" required checked"),
        "the rating is kept"
    );
    assert_eq!(db.survey(en).await.unwrap().unwrap().answered_at, None);

    // The answer: thanked, stored, recorded; the comment echoed escaped.
    let comment = "<script>alert(1)</script> fast & friendly";
    let (status, html) = customer
        .post(&link(en), &[("rating", "4"), ("comment", comment)])
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Thank you!"));
    assert!(html.contains("4 – Satisfied"));
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; fast &amp; friendly"),
        "{html}"
    );
    assert!(!html.contains("<script>"));
    let stored = db.survey(en).await.unwrap().unwrap();
    assert_eq!(stored.rating, Some(4));
    assert_eq!(stored.comment.as_deref(), Some(comment));
    assert!(stored.answered_at.is_some());
    let (status, detail) = server.get(&format!("/api/v1/tickets/{en}")).await;
    assert_eq!(status, 200, "{detail}");
    let events: Vec<&Value> = detail["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"].as_str().unwrap().starts_with("survey_"))
        .collect();
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(events[0]["kind"], "survey_sent");
    assert_eq!(events[1]["kind"], "survey_answered");
    assert_eq!(events[1]["data"], json!({"rating": 4, "comment": true}));

    // A second answer is refused and changes nothing; the page now says so.
    let (status, html) = customer
        .post(
            &link(en),
            &[("rating", "1"), ("comment", "changed my mind")],
        )
        .await;
    assert_eq!(status, 409);
    assert!(html.contains("Already answered") && html.contains("4 – Satisfied"));
    assert_eq!(db.survey(en).await.unwrap().unwrap(), stored);
    let (status, html) = customer.post(&link(en), &[("rating", "x")]).await;
    assert_eq!(
        status, 409,
        "an answered survey takes no answer, valid or not"
    );
    assert_eq!(radios(&html), 0);
    let (status, _, html) = customer.get(&link(en)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Already answered"));
    assert_eq!(radios(&html), 0);
    let (_, detail) = server.get(&format!("/api/v1/tickets/{en}")).await;
    let answered = detail["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "survey_answered")
        .count();
    assert_eq!(answered, 1);

    // An Arabic page is written right to left.
    let ar = ticket(&server, "5", "لم يصل طردي حتى الآن، أرجو المساعدة", "ar").await;
    db.open_survey(ar, now).await.unwrap();
    let (status, _, html) = customer.get(&link(ar)).await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_survey_link_works_without_login_on_sqlite() {
    the_survey_link_works_without_login(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_survey_link_works_without_login_on_postgres() {
    the_survey_link_works_without_login(Backend::Postgres).await;
}
