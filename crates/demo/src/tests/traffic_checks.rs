//! Inbound traffic: the contract, languages and categories, threading, benchmark traffic.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use super::{demo, demo_traffic, keys, now, of_type};
use crate::phrases::{Cat, Lang};
use crate::synthetic_inbound;

#[test]
fn traffic_covers_languages_categories_and_crises() {
    let msgs = demo_traffic();
    assert_eq!(msgs.len(), 3000);
    let langs: BTreeSet<Lang> = msgs.iter().map(|m| m.lang).collect();
    assert!(langs.len() >= 10, "{langs:?}");
    let cats: BTreeSet<Cat> = msgs.iter().map(|m| m.cat).collect();
    for c in Cat::ALL {
        assert!(cats.contains(&c), "no {} message", c.as_str());
    }
    let english = msgs.iter().filter(|m| m.lang == Lang::En).count() as f64 / msgs.len() as f64;
    assert!((0.35..0.65).contains(&english), "English share {english}");
    assert!(msgs.iter().filter(|m| m.crisis).count() >= 10);
    let texts: HashSet<&str> = msgs
        .iter()
        .map(|m| m.value["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.len() as f64 > msgs.len() as f64 * 0.85,
        "only {} distinct texts",
        texts.len()
    );
    let viral = msgs
        .iter()
        .filter(|m| {
            m.value["author"]["followers"]
                .as_u64()
                .is_some_and(|f| f >= 20_000)
        })
        .count();
    assert!(viral > 0);
}

#[test]
fn traffic_respects_the_inbound_contract() {
    let fields: BTreeSet<&str> = [
        "channel",
        "external_id",
        "store",
        "visibility",
        "author",
        "subject",
        "text",
        "sent_at",
        "in_reply_to",
        "order_ref",
        "lang",
        "attachments",
    ]
    .into_iter()
    .collect();
    let start = now() - Duration::days(3);
    let mut seen: HashMap<String, (&Value, DateTime<Utc>)> = HashMap::new();
    let mut last = start;
    for m in demo_traffic() {
        let v = &m.value;
        assert_eq!(keys(v), fields);
        let ch = v["channel"].as_str().unwrap();
        let sent: DateTime<Utc> = v["sent_at"].as_str().unwrap().parse().unwrap();
        assert!(sent >= start && sent < now() && sent >= last);
        last = sent;
        assert!(!v["text"].as_str().unwrap().is_empty());
        let author = &v["author"];
        assert_eq!(
            keys(author),
            ["buyer_id", "email", "followers", "handle", "name"]
                .into_iter()
                .collect()
        );
        match ch {
            "twitter" => {
                assert_eq!(v["visibility"], "public");
                assert!(author["handle"].as_str().unwrap().starts_with('@'));
                assert!(author["followers"].is_u64());
            }
            _ => {
                assert_eq!(v["visibility"], "private");
                assert!(v["store"].is_string(), "{v}");
            }
        }
        match ch {
            "amazon" | "ebay" | "aliexpress" => assert!(author["buyer_id"].is_string()),
            "email" | "shopify_chat" | "webchat" => assert!(author["email"].is_string()),
            _ => {}
        }
        assert_eq!(v["subject"].is_string(), ch == "email", "{v}");
        if let Some(parent) = v["in_reply_to"].as_str() {
            let (p, at) = seen
                .get(parent)
                .expect("in_reply_to refers to an earlier message");
            assert!(*at < sent);
            assert_eq!(p["author"], v["author"]);
            assert_eq!(p["channel"], v["channel"]);
        }
        let id = v["external_id"].as_str().unwrap().to_string();
        assert!(
            seen.insert(id, (v, sent)).is_none(),
            "duplicate external_id"
        );
    }
    assert!(
        seen.values()
            .filter(|(v, _)| v["in_reply_to"].is_string())
            .count()
            > 100
    );
}

#[test]
fn marketplace_messages_identify_the_orders_customer() {
    let ws = demo();
    let buyers: HashMap<&str, &str> = of_type(ws, "order")
        .filter_map(|o| Some((o["number"].as_str()?, o["customer"]["buyer_id"].as_str()?)))
        .collect();
    let mut checked = 0;
    for m in demo_traffic() {
        if let (Some(num), Some(buyer)) = (
            m.value["order_ref"].as_str(),
            m.value["author"]["buyer_id"].as_str(),
        ) {
            assert_eq!(buyers[num], buyer);
            checked += 1;
        }
    }
    assert!(checked > 300);
}

#[test]
fn synthetic_inbound_is_fast_shaped_and_unique() {
    let n = 5000;
    let msgs: Vec<Value> = synthetic_inbound(77, n, now()).collect();
    assert_eq!(msgs.len(), n);
    let ids: HashSet<&str> = msgs
        .iter()
        .map(|m| m["external_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), n);
    assert!(ids.contains("bench-77-0"));
    let texts: HashSet<&str> = msgs.iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert!(texts.len() > n * 8 / 10);
    assert!(
        msgs.iter()
            .all(|m| m["channel"] == "twitter" || m["store"].is_string())
    );
}

#[test]
fn no_placeholder_or_context_tag_leaks_into_a_text() {
    let synthetic: Vec<Value> = synthetic_inbound(3, 3000, now()).collect();
    let texts = demo_traffic()
        .iter()
        .map(|m| &m.value)
        .chain(synthetic.iter());
    for v in texts {
        let t = v["text"].as_str().unwrap();
        assert!(!t.contains('{') && !t.contains('}'), "{t}");
        for tag in ["A|", "E|", "M|", "D|", "N|", "O|", "P|"] {
            assert!(!t.contains(tag), "{t}");
        }
        if let Some(s) = v["subject"].as_str() {
            assert!(!s.contains('{'), "{s}");
        }
    }
}

#[test]
fn public_posts_rarely_carry_order_numbers() {
    let ws = demo();
    let numbers: Vec<&str> = of_type(ws, "order")
        .map(|o| o["number"].as_str().unwrap())
        .collect();
    let tweets: Vec<&str> = demo_traffic()
        .iter()
        .filter(|m| m.value["channel"] == "twitter")
        .map(|m| m.value["text"].as_str().unwrap())
        .collect();
    assert!(tweets.len() > 100);
    let leaking = tweets
        .iter()
        .filter(|t| numbers.iter().any(|n| t.contains(n)))
        .count();
    assert!(
        (leaking as f64) < tweets.len() as f64 * 0.12,
        "{leaking} of {}",
        tweets.len()
    );
}
