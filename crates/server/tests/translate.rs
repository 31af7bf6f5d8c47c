//! Machine translation end to end: the real binary started with `--translator` against a
//! stand-in translator on loopback that speaks DeepL's `/v2/translate` (with its
//! `DeepL-Auth-Key` header) and LibreTranslate's `/translate` (with `api_key` in the body),
//! and checks every request it gets against the protocol. Translations are kept once per
//! message and language, stay inside the caller's stores, and upstream failures come back
//! as 502 naming their cause.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use crossdesk_testkit::TestServer;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::{Arc, Mutex};

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossdesk"))
}

// ---- the stand-in translator -----------------------------------------------------------

/// One request the stand-in received.
#[derive(Debug, Clone)]
struct Seen {
    path: &'static str,
    authorization: Option<String>,
    body: Value,
}

#[derive(Default)]
struct StandInState {
    /// The key it accepts.
    key: Mutex<String>,
    /// When set, every request fails with this status (429, 456, 529…).
    fail: Mutex<Option<u16>>,
    /// Protocol violations found (the test asserts there are none).
    violations: Mutex<Vec<String>>,
    seen: Mutex<Vec<Seen>>,
}

/// DeepL and LibreTranslate on one loopback port, faking translations as `[TARGET] text`.
struct StandIn {
    url: String,
    state: Arc<StandInState>,
}

impl StandIn {
    async fn start(key: &str) -> Self {
        let state = Arc::new(StandInState::default());
        *state.key.lock().unwrap() = key.to_string();
        let app = axum::Router::new()
            .route("/v2/translate", post(deepl))
            .route("/translate", post(libre))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, state }
    }

    fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    fn fail_with(&self, status: Option<u16>) {
        *self.state.fail.lock().unwrap() = status;
    }

    fn accept_key(&self, key: &str) {
        *self.state.key.lock().unwrap() = key.to_string();
    }

    fn assert_no_violations(&self) {
        let v = self.state.violations.lock().unwrap();
        assert!(v.is_empty(), "protocol violations: {v:?}");
    }
}

/// A crude, deterministic language guess: German umlauts, Spanish ñ/¿, else English.
fn detect(text: &str) -> &'static str {
    if text.contains(['ä', 'ö', 'ü', 'ß']) {
        "de"
    } else if text.contains(['ñ', '¿', '¡']) {
        "es"
    } else {
        "en"
    }
}

fn record(
    state: &StandInState,
    path: &'static str,
    headers: &HeaderMap,
    body: &Value,
) -> (String, Option<u16>) {
    let authorization = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if !headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
    {
        state
            .violations
            .lock()
            .unwrap()
            .push(format!("{path}: not sent as JSON"));
    }
    state.seen.lock().unwrap().push(Seen {
        path,
        authorization,
        body: body.clone(),
    });
    (
        state.key.lock().unwrap().clone(),
        *state.fail.lock().unwrap(),
    )
}

fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap()
}

/// DeepL API `POST /v2/translate` as the OpenAPI spec describes it.
async fn deepl(
    State(state): State<Arc<StandInState>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let (key, fail) = record(&state, "/v2/translate", &headers, &body);
    let violation = |m: String| state.violations.lock().unwrap().push(m);
    // The only accepted authentication since 2026-01-15; `auth_key` in the body is refused.
    if body.get("auth_key").is_some()
        || headers.get("authorization").and_then(|v| v.to_str().ok())
            != Some(format!("DeepL-Auth-Key {key}").as_str())
    {
        return (
            StatusCode::FORBIDDEN,
            Json(json!({"message": "Authorization failed. Please supply a valid `DeepL-Auth-Key` via the `Authorization` header."})),
        )
            .into_response();
    }
    if let Some(code) = fail {
        let message = match code {
            456 => "Quota for this billing period has been exceeded, message: Quota Exceeded",
            429 | 529 => "Too many requests. Please wait and resend your request.",
            _ => "Internal server error",
        };
        return (status(code), Json(json!({"message": message}))).into_response();
    }
    let Some(texts) = body["text"].as_array().filter(|t| !t.is_empty()) else {
        violation(format!("text is not a non-empty array: {body}"));
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"message": "Parameter 'text' not specified."})),
        )
            .into_response();
    };
    let target = body["target_lang"].as_str().unwrap_or_default().to_string();
    // English, Portuguese and Chinese need a variant as a target; codes are upper case.
    if target.is_empty()
        || ["EN", "PT", "ZH"].contains(&target.as_str())
        || target != target.to_ascii_uppercase()
    {
        violation(format!("target_lang {target:?} is not a DeepL target"));
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"message": "Value for 'target_lang' not supported."})),
        )
            .into_response();
    }
    let translations: Vec<Value> = texts
        .iter()
        .map(|t| {
            let t = t.as_str().unwrap_or_default();
            json!({"detected_source_language": detect(t).to_ascii_uppercase(),
                   "text": format!("[{target}] {t}")})
        })
        .collect();
    (
        [("x-trace-id", "standin-trace-1")],
        Json(json!({"translations": translations})),
    )
        .into_response()
}

/// LibreTranslate `POST /translate` with `api_key` in the body.
async fn libre(
    State(state): State<Arc<StandInState>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let (key, fail) = record(&state, "/translate", &headers, &body);
    if body["api_key"].as_str() != Some(key.as_str()) {
        return (
            StatusCode::FORBIDDEN,
            Json(json!({"error": "Invalid API key. Visit https://portal.libretranslate.com to get an API key"})),
        )
            .into_response();
    }
    if let Some(code) = fail {
        return (
            status(code),
            Json(json!({"error": "Slowdown: 10 per 1 minute"})),
        )
            .into_response();
    }
    let (Some(q), Some(target)) = (body["q"].as_str(), body["target"].as_str()) else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "Invalid request: missing q parameter"})),
        )
            .into_response();
    };
    if body["source"] != "auto" || body["format"] != "text" {
        state
            .violations
            .lock()
            .unwrap()
            .push(format!("source/format: {body}"));
    }
    Json(json!({"translatedText": format!("[{target}] {q}"),
                "detectedLanguage": {"confidence": 90.0, "language": detect(q)}}))
    .into_response()
}

// ---- the desk ----------------------------------------------------------------------------

const STORES: &str = r#"{"type":"store","key":"eu-shop","name":"EU Shop","platform":"shopify","currency":"EUR","group":"eu"}
{"type":"store","key":"us-shop","name":"US Shop","platform":"amazon","currency":"USD","group":"us"}
"#;
const PASSWORD: &str = "correct-horse-battery";
const GERMAN: &str =
    "Mein Paket hängt seit zwei Wochen beim Zoll fest. Ich möchte mein Geld zurück.";
const SPANISH: &str = "¿Dónde está mi pedido? Llegó roto y nadie responde.";

fn recent() -> String {
    #[allow(clippy::disallowed_methods)] // the server runs on the real clock
    let now = chrono::Utc::now();
    (now - chrono::Duration::minutes(5)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Imports the two stores, then starts the server with `args`.
async fn desk(url: &str, args: &[&str]) -> TestServer {
    let dir = tempfile::tempdir().unwrap();
    let stores = dir.path().join("stores.jsonl");
    std::fs::write(&stores, STORES).unwrap();
    let out = std::process::Command::new(bin())
        .args(["import", stores.to_str().unwrap(), "--database", url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    TestServer::start_with_args(bin(), url, args).await
}

/// A customer e-mail into `store`; (message id, ticket id).
async fn inbound(server: &TestServer, id: &str, store: &str, text: &str) -> (i64, i64) {
    let (status, body) = server
        .post(
            "/api/v1/inbound",
            &json!({"channel": "email", "external_id": id, "store": store,
                    "author": {"email": format!("{id}@example.org")}, "subject": "Order",
                    "text": text, "sent_at": recent()}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    (
        body["message_id"].as_i64().unwrap(),
        body["ticket_id"].as_i64().unwrap(),
    )
}

/// Creates an agent (with a password) scoped to `stores`, in interface language `locale`.
async fn agent(server: &TestServer, email: &str, locale: &str, stores: &[&str]) {
    let r = server
        .client()
        .put(format!("{}/api/v1/agents", server.url))
        .json(
            &json!({"email": email, "name": email, "role": "agent", "locale": locale,
                      "stores": stores, "languages": ["en", "zh"], "password": PASSWORD}),
        )
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{:?}", r.text().await);
}

/// A signed-in web session: the cookie and the CSRF token.
struct Session {
    cookie: String,
    csrf: String,
}

async fn sign_in(server: &TestServer, email: &str) -> Session {
    let r = reqwest::Client::new()
        .post(format!("{}/api/v1/session", server.url))
        .json(&json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    let body: Value = r.json().await.unwrap();
    Session {
        cookie,
        csrf: body["csrf_token"].as_str().unwrap().to_string(),
    }
}

impl Session {
    async fn translate(&self, server: &TestServer, message: i64, body: &str) -> (u16, Value) {
        let r = reqwest::Client::new()
            .post(format!(
                "{}/api/v1/messages/{message}/translation",
                server.url
            ))
            .header("cookie", &self.cookie)
            .header("x-csrf-token", &self.csrf)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
    }

    async fn page(&self, server: &TestServer, path: &str) -> String {
        let r = reqwest::Client::new()
            .get(format!("{}{path}", server.url))
            .header("cookie", &self.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
        r.text().await.unwrap()
    }
}

async fn translate(server: &TestServer, message: i64, target: &str) -> (u16, Value) {
    server
        .post(
            &format!("/api/v1/messages/{message}/translation"),
            &json!({ "target": target }),
        )
        .await
}

mod cases {
    use super::*;

    pub async fn deepl_translates_a_message_once_per_language(url: &str) {
        let standin = StandIn::start("standin-key:fx").await;
        let server = desk(
            url,
            &[
                "--translator",
                "deepl",
                "--translator-url",
                &standin.url,
                "--translator-key",
                "standin-key:fx",
            ],
        )
        .await;
        let (m, ticket) = inbound(&server, "de-1", "eu-shop", GERMAN).await;

        let (status, first) = translate(&server, m, "zh").await;
        assert_eq!(status, 200, "{first}");
        assert_eq!(
            first,
            json!({"message_id": m, "target": "zh", "text": format!("[ZH-HANS] {GERMAN}"),
                   "source_language": "de", "provider": "deepl", "cached": false})
        );
        let seen = standin.seen();
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert_eq!(seen[0].path, "/v2/translate");
        assert_eq!(
            seen[0].authorization.as_deref(),
            Some("DeepL-Auth-Key standin-key:fx")
        );
        assert_eq!(
            seen[0].body,
            json!({"text": [GERMAN], "target_lang": "ZH-HANS"})
        );

        // Asked again, in another spelling of the same language: kept, not re-billed.
        let (status, again) = translate(&server, m, "ZH").await;
        assert_eq!(status, 200, "{again}");
        assert_eq!(again["cached"], true);
        assert_eq!(again["text"], first["text"]);
        assert_eq!(standin.seen().len(), 1, "the stand-in was asked again");

        // English and Brazilian Portuguese need DeepL's variants.
        let (_, en) = translate(&server, m, "en").await;
        assert_eq!(en["text"], format!("[EN-US] {GERMAN}"));
        assert_eq!(en["cached"], false);
        let (_, pt) = translate(&server, m, "pt").await;
        assert_eq!(pt["text"], format!("[PT-BR] {GERMAN}"));
        let (_, es) = translate(&server, m, "es-419").await;
        assert_eq!(es["target"], "es-419");
        assert_eq!(es["text"], format!("[ES-419] {GERMAN}"));
        assert_eq!(standin.seen().len(), 4);

        // Without a target: the caller's interface language (the admin's is English).
        let (status, default) = server
            .post_raw(&format!("/api/v1/messages/{m}/translation"), "")
            .await;
        assert_eq!(status, 200, "{default}");
        assert_eq!(
            (&default["target"], &default["cached"]),
            (&json!("en"), &json!(true))
        );

        // A Chinese-speaking agent of the store, signed in: Chinese by default; the page
        // has a translate button on the customer's message and says where texts go.
        agent(&server, "wang@test.invalid", "zh", &["eu-shop"]).await;
        let wang = sign_in(&server, "wang@test.invalid").await;
        let (status, zh) = wang.translate(&server, m, "{}").await;
        assert_eq!(status, 200, "{zh}");
        assert_eq!((&zh["target"], &zh["cached"]), (&json!("zh"), &json!(true)));
        let page = wang.page(&server, &format!("/tickets/{ticket}")).await;
        assert!(
            page.contains(&format!(
                r#"<button type="button" class="translate small" data-id="{m}">翻译</button>"#
            )),
            "{page}"
        );
        assert!(
            page.contains(r#"id="translate-hint">翻译 → 中文 · deepl<"#),
            "{page}"
        );
        assert!(!page.contains("未配置翻译服务"), "{page}");

        // Bad targets name the field; nothing is sent.
        for bad in [json!({"target": "english"}), json!({"target": "zh-<b>"})] {
            let (status, body) = server
                .post(&format!("/api/v1/messages/{m}/translation"), &bad)
                .await;
            assert_eq!(status, 422, "{body}");
            assert_eq!(body["error"]["field"], "target", "{body}");
        }
        let (status, body) = server
            .post(
                &format!("/api/v1/messages/{m}/translation"),
                &json!({"target": "de", "source": "fr"}),
            )
            .await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(standin.seen().len(), 4);
        standin.assert_no_violations();
    }

    pub async fn translations_stay_inside_the_store_scope(url: &str) {
        let standin = StandIn::start("k").await;
        let server = desk(
            url,
            &[
                "--translator",
                "deepl",
                "--translator-url",
                &standin.url,
                "--translator-key",
                "k",
            ],
        )
        .await;
        let (eu, _) = inbound(&server, "eu-1", "eu-shop", GERMAN).await;
        let (us, _) = inbound(&server, "us-1", "us-shop", "Where is my parcel?").await;
        // Cached first, so that a leak could not hide behind a failing upstream.
        assert_eq!(translate(&server, eu, "zh").await.0, 200);

        agent(&server, "us@test.invalid", "en", &["us-shop"]).await;
        let us_agent = sign_in(&server, "us@test.invalid").await;
        let (status, body) = us_agent.translate(&server, eu, r#"{"target":"zh"}"#).await;
        assert_eq!(status, 404, "{body}");
        assert_eq!(body["error"]["code"], "not_found");
        let (status, nowhere) = us_agent
            .translate(&server, 987_654, r#"{"target":"zh"}"#)
            .await;
        assert_eq!(status, 404, "{nowhere}");
        assert_eq!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .replace(&eu.to_string(), "N"),
            nowhere["error"]["message"]
                .as_str()
                .unwrap()
                .replace("987654", "N"),
            "an out-of-scope message is answered as a missing one"
        );
        let (status, own) = us_agent.translate(&server, us, r#"{"target":"de"}"#).await;
        assert_eq!(status, 200, "{own}");
        assert_eq!(own["text"], "[DE] Where is my parcel?");
        assert_eq!(own["source_language"], "en");

        // A credential without `read` may not translate.
        let (status, body) = server
            .post(
                "/api/v1/tokens",
                &json!({"name": "intake", "scopes": ["inbound"]}),
            )
            .await;
        assert!(status == 200 || status == 201, "{body}");
        let token = body["token"].as_str().unwrap();
        let (status, body) = server
            .post_as(
                Some(token),
                &format!("/api/v1/messages/{us}/translation"),
                &json!({"target": "de"}),
            )
            .await;
        assert_eq!(status, 403, "{body}");
        assert_eq!(standin.seen().len(), 2);
        standin.assert_no_violations();
    }

    pub async fn upstream_failures_are_502_naming_the_cause(url: &str) {
        let standin = StandIn::start("k").await;
        let server = desk(
            url,
            &[
                "--translator",
                "deepl",
                "--translator-url",
                &standin.url,
                "--translator-key",
                "k",
            ],
        )
        .await;
        let (m, _) = inbound(&server, "de-1", "eu-shop", GERMAN).await;

        standin.fail_with(Some(456));
        let (status, body) = translate(&server, m, "en").await;
        assert_eq!(status, 502, "{body}");
        assert_eq!(body["error"]["code"], "translator_quota_exceeded");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains("quota exceeded (456)"), "{message}");
        assert!(
            message.contains("Quota for this billing period"),
            "{message}"
        );

        for code in [429, 529] {
            standin.fail_with(Some(code));
            let (status, body) = translate(&server, m, "en").await;
            assert_eq!(status, 502, "{body}");
            assert_eq!(body["error"]["code"], "translator_rate_limited", "{body}");
            assert!(
                body["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("Too many requests"),
                "{body}"
            );
        }
        standin.fail_with(Some(500));
        let (status, body) = translate(&server, m, "en").await;
        assert_eq!(status, 502, "{body}");
        assert_eq!(body["error"]["code"], "translator_failed", "{body}");
        assert!(body["error"]["message"].as_str().unwrap().contains("500"));

        standin.fail_with(None);
        standin.accept_key("another-key");
        let (status, body) = translate(&server, m, "en").await;
        assert_eq!(status, 502, "{body}");
        assert_eq!(body["error"]["code"], "translator_auth_failed");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("DeepL-Auth-Key"),
            "{body}"
        );

        // Failures are not kept: once the service answers, the message is translated.
        standin.accept_key("k");
        let (status, body) = translate(&server, m, "en").await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["cached"], false);
        assert_eq!(body["text"], format!("[EN-US] {GERMAN}"));
        assert_eq!(standin.seen().len(), 6);
        standin.assert_no_violations();
    }

    pub async fn libretranslate_sends_the_api_key_in_the_body(url: &str) {
        let standin = StandIn::start("lt-key-1").await;
        let server = desk(
            url,
            &[
                "--translator",
                "libretranslate",
                "--translator-url",
                &format!("{}/", standin.url),
                "--translator-key",
                "lt-key-1",
            ],
        )
        .await;
        let (m, _) = inbound(&server, "es-1", "us-shop", SPANISH).await;
        let (status, body) = translate(&server, m, "en").await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            body,
            json!({"message_id": m, "target": "en", "text": format!("[en] {SPANISH}"),
                   "source_language": "es", "provider": "libretranslate", "cached": false})
        );
        let seen = standin.seen();
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].path, "/translate");
        assert_eq!(seen[0].authorization, None, "the key goes in the body");
        assert_eq!(
            seen[0].body,
            json!({"q": SPANISH, "source": "auto", "target": "en", "format": "text",
                   "api_key": "lt-key-1"})
        );
        assert_eq!(translate(&server, m, "en").await.1["cached"], true);
        assert_eq!(standin.seen().len(), 1);

        // LibreTranslate's `{"error"}` bodies come through.
        standin.fail_with(Some(429));
        let (status, body) = translate(&server, m, "zh").await;
        assert_eq!(status, 502, "{body}");
        assert_eq!(body["error"]["code"], "translator_rate_limited");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("Slowdown"),
            "{body}"
        );
        standin.fail_with(None);
        standin.accept_key("lt-key-2");
        let (status, body) = translate(&server, m, "zh").await;
        assert_eq!(status, 502, "{body}");
        assert_eq!(body["error"]["code"], "translator_auth_failed");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("Invalid API key"),
            "{body}"
        );
        standin.assert_no_violations();
    }
}

crossdesk_testkit::conformance!(
    deepl_translates_a_message_once_per_language,
    translations_stay_inside_the_store_scope,
    upstream_failures_are_502_naming_the_cause,
    libretranslate_sends_the_api_key_in_the_body,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_translator_the_api_answers_503_and_the_page_says_so() {
    let db = crossdesk_testkit::scratch(crossdesk_testkit::Backend::Sqlite)
        .await
        .unwrap();
    let server = desk(db.url(), &[]).await;
    let (m, ticket) = inbound(&server, "de-1", "eu-shop", GERMAN).await;
    let (status, body) = translate(&server, m, "en").await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["error"]["code"], "translator_unavailable");
    // Scope and existence still come first.
    assert_eq!(translate(&server, 987_654, "en").await.0, 404);

    agent(&server, "eva@test.invalid", "en", &["eu-shop"]).await;
    let eva = sign_in(&server, "eva@test.invalid").await;
    let page = eva.page(&server, &format!("/tickets/{ticket}")).await;
    assert!(
        page.contains("No translator is configured"),
        "the page says texts are shown as written"
    );
    assert!(!page.contains(r#"class="translate small""#), "{page}");
}

#[test]
fn translator_options_are_checked_at_start_naming_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("t.db").display());
    for (args, env, named) in [
        (vec!["--translator", "deepl"], None, "--translator-key"),
        (
            vec![
                "--translator",
                "libretranslate",
                "--translator-url",
                "ftp://x",
            ],
            None,
            "--translator-url",
        ),
        (vec!["--translator-key", "k"], None, "--translator-key"),
        (
            vec![],
            Some(("CROSSDESK_TRANSLATOR", "google")),
            "--translator",
        ),
        (
            vec![],
            Some(("CROSSDESK_TRANSLATOR_URL", "http://127.0.0.1:9")),
            "--translator-url",
        ),
    ] {
        for command in ["serve", "demo"] {
            let mut c = std::process::Command::new(bin());
            c.arg(command)
                .args(["--database", &database, "--listen", "127.0.0.1:0"])
                .args(&args)
                .env_remove("CROSSDESK_TRANSLATOR")
                .env_remove("CROSSDESK_TRANSLATOR_URL")
                .env_remove("CROSSDESK_TRANSLATOR_KEY");
            if let Some((k, v)) = env {
                c.env(k, v);
            }
            let out = c.output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{command} {args:?} started");
            assert!(
                stderr.contains(named),
                "{command} {args:?}: {stderr} does not name {named}"
            );
        }
    }
}
