//! Contract and realism checks over generated workspaces and traffic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::Value;

use crate::phrases::{Cat, Lang};
use crate::tracking::s10_valid;
use crate::{Scale, Workspace, synthetic_inbound, traffic, workspace};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 8, 15, 0).unwrap()
}

fn demo() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| workspace(42, &Scale::demo(), now()))
}

fn demo_traffic() -> &'static Vec<traffic::Generated> {
    static T: OnceLock<Vec<traffic::Generated>> = OnceLock::new();
    T.get_or_init(|| {
        traffic::generate(
            demo(),
            9,
            3000,
            now() - Duration::days(3),
            Duration::days(3),
        )
    })
}

fn of_type<'a>(ws: &'a Workspace, t: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    ws.records().iter().filter(move |r| r["type"] == t)
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

fn minor(s: &str) -> i64 {
    match s.split_once('.') {
        Some((a, b)) => a.parse::<i64>().unwrap() * 100 + b.parse::<i64>().unwrap(),
        None => s.parse::<i64>().unwrap(),
    }
}

#[test]
fn the_same_seed_gives_the_same_workspace_and_traffic() {
    let a = workspace(5, &Scale::small(), now());
    let b = workspace(5, &Scale::small(), now());
    assert_eq!(a.records(), b.records());
    let span = Duration::hours(12);
    assert_eq!(
        a.traffic(3, 200, now(), span),
        b.traffic(3, 200, now(), span)
    );
    let s1: Vec<Value> = synthetic_inbound(8, 300, now()).collect();
    let s2: Vec<Value> = synthetic_inbound(8, 300, now()).collect();
    assert_eq!(s1, s2);
    let c = workspace(6, &Scale::small(), now());
    assert_ne!(a.records(), c.records());
    assert_ne!(a.traffic(3, 50, now(), span), a.traffic(4, 50, now(), span));
}

#[test]
fn the_demo_scale_has_a_store_group_on_several_platforms() {
    let ws = demo();
    let stores: Vec<&Value> = of_type(ws, "store").collect();
    assert!(stores.len() >= 3);
    let platforms: BTreeSet<&str> = stores
        .iter()
        .map(|s| s["platform"].as_str().unwrap())
        .collect();
    assert!(platforms.len() >= 3, "{platforms:?}");
    let groups: BTreeSet<&str> = stores
        .iter()
        .map(|s| s["group"].as_str().unwrap())
        .collect();
    assert_eq!(groups.len(), 1);
    let currencies: BTreeSet<&str> = stores
        .iter()
        .map(|s| s["currency"].as_str().unwrap())
        .collect();
    assert!(currencies.len() >= 2);
    assert!(of_type(ws, "sku").count() >= 300);
    assert!(of_type(ws, "order").count() >= 3000);
    assert!(of_type(ws, "shipment").count() >= 3000);
}

#[test]
fn every_record_has_exactly_the_contract_fields() {
    let expected: HashMap<&str, BTreeSet<&str>> = [
        (
            "store",
            vec![
                "type", "key", "name", "platform", "region", "currency", "timezone", "group",
                "carriers",
            ],
        ),
        (
            "sku",
            vec!["type", "store", "sku", "title", "cost", "price"],
        ),
        (
            "order",
            vec![
                "type",
                "store",
                "number",
                "customer",
                "items",
                "currency",
                "total",
                "incoterm",
                "destination_country",
                "placed_at",
            ],
        ),
        (
            "shipment",
            vec![
                "type",
                "store",
                "order_number",
                "carrier",
                "tracking_number",
                "warehouse",
                "promised_by",
            ],
        ),
        (
            "tracking_event",
            vec![
                "type",
                "tracking_number",
                "carrier",
                "tag",
                "subtag",
                "message",
                "location",
                "at",
            ],
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.into_iter().collect()))
    .collect();
    let mut seen_types = Vec::new();
    for r in demo().records() {
        let t = r["type"].as_str().unwrap();
        if seen_types.last() != Some(&t) {
            seen_types.push(t);
        }
        assert_eq!(keys(r), expected[t], "{r}");
        if t == "order" {
            assert_eq!(
                keys(&r["customer"]),
                ["buyer_id", "email", "handle", "name"]
                    .into_iter()
                    .collect()
            );
            for it in r["items"].as_array().unwrap() {
                assert_eq!(keys(it), ["price", "quantity", "sku"].into_iter().collect());
            }
        }
    }
    // Dependency order: each type appears in one block, in this order.
    assert_eq!(
        seen_types,
        ["store", "sku", "order", "shipment", "tracking_event"]
    );
}

#[test]
fn order_totals_equal_the_sum_of_their_items_and_skus_exist() {
    let ws = demo();
    let skus: HashSet<(&str, &str)> = of_type(ws, "sku")
        .map(|s| (s["store"].as_str().unwrap(), s["sku"].as_str().unwrap()))
        .collect();
    for o in of_type(ws, "order") {
        let store = o["store"].as_str().unwrap();
        let sum: i64 = o["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|it| {
                assert!(skus.contains(&(store, it["sku"].as_str().unwrap())), "{it}");
                minor(it["price"].as_str().unwrap()) * it["quantity"].as_i64().unwrap()
            })
            .sum();
        assert_eq!(sum, minor(o["total"].as_str().unwrap()), "{o}");
        assert!(matches!(o["incoterm"].as_str(), Some("DDP" | "DAP")));
        let placed = DateTime::parse_from_rfc3339(o["placed_at"].as_str().unwrap()).unwrap();
        assert!(placed < now() && placed > now() - Duration::days(61));
    }
}

#[test]
fn order_numbers_follow_each_platform_format() {
    let ws = demo();
    let platform: HashMap<&str, &str> = of_type(ws, "store")
        .map(|s| (s["key"].as_str().unwrap(), s["platform"].as_str().unwrap()))
        .collect();
    let shape = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect()
    };
    let mut numbers = HashSet::new();
    for o in of_type(ws, "order") {
        let n = o["number"].as_str().unwrap();
        assert!(numbers.insert(n), "duplicate {n}");
        match platform[o["store"].as_str().unwrap()] {
            "amazon" => assert_eq!(shape(n), "999-9999999-9999999"),
            "ebay" => assert_eq!(shape(n), "99-99999-99999"),
            "aliexpress" => assert_eq!(shape(n), "9".repeat(16)),
            _ => assert!(n.starts_with('#') && n[1..].parse::<u32>().unwrap() >= 1001),
        }
    }
}

#[test]
fn tracking_numbers_are_real_formats_and_s10_check_digits_hold() {
    let ws = demo();
    let mut carriers = BTreeMap::new();
    for s in of_type(ws, "shipment") {
        let t = s["tracking_number"].as_str().unwrap();
        let c = s["carrier"].as_str().unwrap();
        *carriers.entry(c).or_insert(0) += 1;
        match c {
            "china-post" => assert!(s10_valid(t) && t.ends_with("CN"), "{t}"),
            "yunexpress" => assert!(t.starts_with("YT") && t.len() == 18),
            "cainiao" => assert!(t.starts_with("LP") && t.len() == 16),
            "ups" => assert!(t.starts_with("1Z") && t.len() == 18),
            "dhl" => assert!(t.len() == 10 && t.bytes().all(|b| b.is_ascii_digit())),
            "4px" => assert!(t.starts_with("4PX")),
            "usps" => assert_eq!(t.len(), 22),
            other => panic!("unknown carrier {other}"),
        }
    }
    assert!(carriers.contains_key("china-post"), "{carriers:?}");
}

#[test]
fn tracking_histories_are_ordered_and_end_in_a_realistic_mix() {
    let ws = demo();
    let mut by_number: HashMap<&str, Vec<&Value>> = HashMap::new();
    for e in of_type(ws, "tracking_event") {
        by_number
            .entry(e["tracking_number"].as_str().unwrap())
            .or_default()
            .push(e);
    }
    let shipments = of_type(ws, "shipment").count();
    assert_eq!(by_number.len(), shipments);
    let mut last_tags: BTreeMap<String, usize> = BTreeMap::new();
    let mut tags = BTreeSet::new();
    let mut silent = 0;
    for evs in by_number.values() {
        assert!((3..=12).contains(&evs.len()), "{} events", evs.len());
        let times: Vec<DateTime<Utc>> = evs
            .iter()
            .map(|e| e["at"].as_str().unwrap().parse::<DateTime<Utc>>().unwrap())
            .collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]), "{evs:?}");
        assert!(*times.last().unwrap() <= now());
        for e in evs {
            tags.insert(e["tag"].as_str().unwrap());
        }
        let last = evs.last().unwrap();
        let key = match last["subtag"].as_str() {
            Some(s) if last["tag"] == "Exception" => s.to_string(),
            _ => last["tag"].as_str().unwrap().to_string(),
        };
        if last["tag"] == "InTransit" && now() - *times.last().unwrap() > Duration::days(10) {
            silent += 1;
        }
        *last_tags.entry(key).or_default() += 1;
    }
    let share = |k: &str| last_tags.get(k).copied().unwrap_or(0) as f64 / shipments as f64;
    assert!((0.5..0.72).contains(&share("Delivered")), "{last_tags:?}");
    assert!(
        share("InTransit") + share("OutForDelivery") + share("InfoReceived") + share("Pending")
            > 0.15,
        "{last_tags:?}"
    );
    for needed in [
        "Exception_004",
        "Exception_006",
        "AttemptFail",
        "AvailableForPickup",
    ] {
        assert!(
            last_tags.contains_key(needed),
            "no history ends in {needed}: {last_tags:?}"
        );
    }
    assert!(last_tags.contains_key("Exception_010") || last_tags.contains_key("Exception_011"));
    assert!(
        silent > 0 || last_tags.contains_key("Expired"),
        "no parcel silent for 10+ days"
    );
    for tag in [
        "Pending",
        "InfoReceived",
        "InTransit",
        "OutForDelivery",
        "AttemptFail",
        "Delivered",
        "AvailableForPickup",
        "Exception",
    ] {
        assert!(tags.contains(tag), "tag {tag} never used");
    }
}

#[test]
fn some_customers_order_in_several_linked_stores() {
    let ws = demo();
    let mut stores_by_email: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for o in of_type(ws, "order") {
        stores_by_email
            .entry(o["customer"]["email"].as_str().unwrap())
            .or_default()
            .insert(o["store"].as_str().unwrap());
    }
    assert!(stores_by_email.values().filter(|s| s.len() > 1).count() >= 10);
    let countries: BTreeSet<&str> = of_type(ws, "order")
        .map(|o| o["destination_country"].as_str().unwrap())
        .collect();
    assert!(countries.len() >= 15, "{countries:?}");
}

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
