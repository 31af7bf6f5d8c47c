//! The reference records: contract fields, formats, histories, linked customers.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use super::{demo, keys, minor, now, of_type};
use crate::tracking::s10_valid;

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
