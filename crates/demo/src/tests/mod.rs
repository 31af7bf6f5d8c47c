//! Contract and realism checks over generated workspaces and traffic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod records;
mod traffic_checks;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::Value;

use crate::traffic::{self, Generated};
use crate::{Scale, Workspace, synthetic_inbound, workspace};

pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 8, 15, 0).unwrap()
}

pub(super) fn demo() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| workspace(42, &Scale::demo(), now()))
}

pub(super) fn demo_traffic() -> &'static Vec<Generated> {
    static T: OnceLock<Vec<Generated>> = OnceLock::new();
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

pub(super) fn of_type<'a>(ws: &'a Workspace, t: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    ws.records().iter().filter(move |r| r["type"] == t)
}

pub(super) fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

pub(super) fn minor(s: &str) -> i64 {
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
