//! The HTTP API, driven against the real binary on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossdesk_testkit::{Backend, TestServer, scratch};
use serde_json::{Value, json};
use std::path::Path;

fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossdesk"))
}

fn message(id: &str, text: &str) -> Value {
    json!({"channel": "twitter", "external_id": id, "author": {"handle": "@buyer_one", "followers": 10},
           "text": text, "sent_at": "2026-11-20T08:15:00Z"})
}

async fn intake_contract(backend: Backend) {
    let Some(db) = scratch(backend).await else {
        return;
    };
    let server = TestServer::start(bin(), db.url()).await;

    let (status, first) = server
        .post(
            "/api/v1/inbound",
            &message("1", "@AcmeHelp my parcel is stuck in customs!!"),
        )
        .await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["result"], "stored");
    assert_eq!(first["ticket_created"], true);
    let (status, dup) = server
        .post(
            "/api/v1/inbound",
            &message("1", "@AcmeHelp my parcel is stuck in customs!!"),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(dup["result"], "duplicate");
    assert_eq!(dup["message_id"], first["message_id"]);

    let ticket = first["ticket_id"].as_i64().unwrap();
    let (status, detail) = server.get(&format!("/api/v1/tickets/{ticket}")).await;
    assert_eq!(status, 200);
    assert_eq!(detail["messages"].as_array().unwrap().len(), 1);
    assert_eq!(detail["ticket"]["visibility"], "public");
    assert!(!detail["events"].as_array().unwrap().is_empty());
    let customer = detail["ticket"]["customer_id"].as_i64().unwrap();
    let (status, c) = server.get(&format!("/api/v1/customers/{customer}")).await;
    assert_eq!(status, 200);
    assert_eq!(c["customer"]["identities"][0]["value"], "@buyer_one");
    assert_eq!(c["tickets"].as_array().unwrap().len(), 1);

    // An array is all or nothing, and the error names the element and field.
    let batch = json!([message("2", "hello"), {"channel": "twitter", "external_id": "3", "author": {"handle": "@x"},
                        "text": "hi", "sent_at": "last tuesday"}]);
    let (status, err) = server.post("/api/v1/inbound", &batch).await;
    assert_eq!(status, 422);
    assert_eq!(err["error"]["field"], "[1].sent_at");
    assert_eq!(err["error"]["code"], "invalid_input");
    let (_, list) = server.get("/api/v1/tickets").await;
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        1,
        "nothing of the refused array was stored"
    );

    let (status, err) = server.post_raw("/api/v1/inbound", "{not json").await;
    assert_eq!(status, 400);
    assert_eq!(err["error"]["code"], "invalid_json");
    let (status, err) = server.post("/api/v1/inbound", &json!({"channel": "amazon", "external_id": "9",
        "store": "ghost", "author": {"buyer_id": "B"}, "text": "x", "sent_at": "2026-11-20T08:15:00Z"})).await;
    assert_eq!(status, 422);
    assert_eq!(err["error"]["field"], "store");

    let (status, ok) = server
        .post(
            "/api/v1/inbound",
            &json!([message("2", "hello"), message("3", "any news?")]),
        )
        .await;
    assert_eq!(status, 200, "{ok}");
    assert_eq!(ok["results"].as_array().unwrap().len(), 2);
    assert_eq!(
        ok["results"][1]["ticket_id"], ok["results"][0]["ticket_id"],
        "the same buyer's follow-up joins the open ticket"
    );
    server.stop().await;
}

#[tokio::test]
async fn intake_is_idempotent_atomic_and_names_bad_fields_on_sqlite() {
    intake_contract(Backend::Sqlite).await;
}

#[tokio::test]
async fn intake_is_idempotent_atomic_and_names_bad_fields_on_postgres() {
    intake_contract(Backend::Postgres).await;
}

#[tokio::test]
async fn filters_are_validated_and_the_openapi_document_lists_every_route() {
    let db = scratch(Backend::Sqlite).await.unwrap();
    let server = TestServer::start(bin(), db.url()).await;
    for (query, field) in [
        ("urgency=meh", "urgency"),
        ("status=open,nope", "status"),
        ("limit=0", "limit"),
        ("cursor=abc", "cursor"),
        ("category=logistics", "category"),
        ("assignee=bob", "assignee"),
    ] {
        let (status, err) = server.get(&format!("/api/v1/tickets?{query}")).await;
        assert_eq!(status, 422, "{query}");
        assert_eq!(err["error"]["field"], field, "{query}");
    }
    let (status, err) = server.get("/api/v1/tickets?status=new&status=open").await;
    assert_eq!(
        (status, err["error"]["field"].as_str()),
        (400, Some("status")),
        "axum's own rejections are JSON too: {err}"
    );
    let (status, err) = server.post("/api/v1/tickets", &json!({})).await;
    assert_eq!(
        (status, err["error"]["code"].as_str()),
        (405, Some("method_not_allowed"))
    );
    let (status, _) = server
        .get("/api/v1/tickets?status=new,open&urgency=crisis&q=customs&limit=10")
        .await;
    assert_eq!(status, 200);
    let (status, err) = server.get("/api/v1/tickets/999").await;
    assert_eq!(status, 404);
    assert_eq!(err["error"]["code"], "not_found");
    let (status, err) = server.get("/api/v1/orders?store=acme").await;
    assert_eq!(
        (status, err["error"]["field"].as_str()),
        (422, Some("number"))
    );
    let (status, spec) = server.get("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    for path in [
        "/api/v1/inbound",
        "/api/v1/tickets",
        "/api/v1/tickets/{id}",
        "/api/v1/customers",
        "/api/v1/customers/{id}",
        "/api/v1/stores/{store}/orders/{number}",
        "/healthz",
        "/readyz",
    ] {
        assert!(spec["paths"].get(path).is_some(), "{path} documented");
    }
    let (status, ready) = server.get("/readyz").await;
    assert_eq!((status, ready["database"].as_str()), (200, Some("sqlite")));
    server.stop().await;
}
