//! Tracking histories: a parcel's route from the warehouse to the door, cut at `now`, ending
//! delivered, in transit, or in one of the exceptions a support team lives with.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

use crate::names::Country;
use crate::tracking::Carrier;
use crate::util::{chance, pick, whole_seconds};

/// How a parcel's story ends (as of the workspace's `now`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Delivered,
    InTransit,
    CustomsHold,
    FailedAttempt,
    Returned,
    Stalled,
    Pickup,
}

/// One tracking checkpoint.
#[derive(Clone, Debug)]
pub(crate) struct Event {
    pub tag: &'static str,
    pub subtag: Option<&'static str>,
    pub message: String,
    pub location: String,
    pub at: DateTime<Utc>,
}

/// Where the parcel goes and what it is.
pub(crate) struct Route<'a> {
    pub carrier: Carrier,
    pub origin: &'static str,
    pub dest: &'a Country,
    pub city: &'a str,
    pub ddp: bool,
    pub placed_at: DateTime<Utc>,
    /// Door-to-door days for this parcel.
    pub transit_days: i64,
}

type Step = (&'static str, Option<&'static str>, String, String, f64);

/// The checkpoints a parcel passes on its way (tag, subtag, message, location, relative gap).
fn route_steps(rng: &mut Rng, r: &Route<'_>) -> Vec<Step> {
    let c = r.carrier.display();
    let dest = format!("{}, {}", r.city, r.dest.code);
    let gateway = format!("{}, {}", r.dest.cities.first().copied().unwrap_or(r.city), r.dest.code);
    let origin = r.origin.to_string();
    let mut s: Vec<Step> = Vec::with_capacity(13);
    if r.carrier.domestic() {
        s.push(("InfoReceived", Some("InfoReceived_001"), "Shipping label created, USPS awaiting item".into(), origin.clone(), 0.0));
        s.push(("InTransit", Some("InTransit_002"), "USPS in possession of item".into(), origin.clone(), 0.6));
        s.push(("InTransit", Some("InTransit_007"), "Departed USPS regional facility".into(), origin, 0.4));
        s.push(("InTransit", Some("InTransit_001"), "In transit to next facility".into(), String::new(), 1.0));
        s.push(("InTransit", Some("InTransit_003"), "Arrived at post office".into(), dest.clone(), 1.0));
        return s;
    }
    s.push(("InfoReceived", Some("InfoReceived_001"), "Shipment information received".into(), origin.clone(), 0.0));
    s.push(("InTransit", Some("InTransit_002"), format!("Parcel accepted at {c} facility"), origin.clone(), 0.7));
    s.push(("InTransit", Some("InTransit_007"), "Departed from sorting center".into(), origin, 0.4));
    let hub = pick(rng, &["Hong Kong, HK", "Shenzhen, CN", "Guangzhou, CN"]).to_string();
    if chance(rng, 0.6) {
        s.push(("InTransit", Some("InTransit_003"), "Arrived at export hub".into(), hub.clone(), 0.8));
    }
    if chance(rng, 0.5) {
        s.push(("InTransit", Some("InTransit_001"), "Export customs cleared".into(), hub.clone(), 0.4));
    }
    s.push(("InTransit", Some("InTransit_001"), pick(rng, &["Flight departed", "Handed over to airline", "Departed from origin airport"]).into(), hub, 1.2));
    s.push(("InTransit", Some("InTransit_004"), "Arrived at destination country".into(), gateway.clone(), 2.5));
    s.push(("InTransit", Some("InTransit_006"), "Import customs clearance started".into(), gateway.clone(), 0.4));
    s.push(("InTransit", Some("InTransit_005"), "Customs clearance completed".into(), gateway.clone(), 1.2));
    if !r.carrier.door_to_door() {
        let msg = format!("Handed over to last-mile carrier {}", r.dest.last_mile);
        s.push(("InTransit", Some("InTransit_001"), msg, gateway, 0.8));
    }
    s.push(("InTransit", Some("InTransit_003"), "Arrived at local delivery facility".into(), dest, 1.5));
    s
}

/// Index of the first step at the destination side (customs or local arrival).
fn customs_step(steps: &[Step]) -> Option<usize> {
    steps.iter().position(|s| s.1 == Some("InTransit_006"))
}

/// Lays out `steps` from `start` so that the last one lands `span` later; cuts at `now`.
fn place(steps: Vec<Step>, start: DateTime<Utc>, span: Duration, rng: &mut Rng) -> Vec<Event> {
    let total: f64 = steps.iter().skip(1).map(|s| s.4).sum::<f64>().max(0.01);
    let span_s = span.num_seconds().max(600) as f64;
    let mut t = start;
    let mut out = Vec::with_capacity(steps.len());
    let mut last_loc = String::new();
    for (i, (tag, subtag, message, location, gap)) in steps.into_iter().enumerate() {
        if i > 0 {
            let jitter = 0.85 + rng.f64() * 0.3;
            t += Duration::seconds((gap / total * span_s * jitter) as i64 + 60);
        }
        let location = if location.is_empty() { last_loc.clone() } else { location };
        last_loc.clone_from(&location);
        out.push(Event { tag, subtag, message, location, at: whole_seconds(t) });
    }
    out
}

fn ev(tag: &'static str, sub: &'static str, msg: impl Into<String>, loc: &str, at: DateTime<Utc>) -> Event {
    Event { tag, subtag: Some(sub), message: msg.into(), location: loc.to_string(), at: whole_seconds(at) }
}

fn hours(rng: &mut Rng, lo: i64, hi: i64) -> Duration {
    Duration::minutes(rng.i64(lo * 60..hi * 60))
}

/// Builds the parcel's history as of `now` for the wanted outcome (which may be downgraded
/// when the parcel is too young for it); returns the outcome actually told.
pub(crate) fn history(rng: &mut Rng, r: &Route<'_>, want: Outcome, now: DateTime<Utc>) -> (Outcome, Vec<Event>) {
    let start = r.placed_at + hours(rng, 2, 26);
    let age = now - r.placed_at;
    let transit = Duration::hours(r.transit_days * 24 + rng.i64(0..20));
    let dest = format!("{}, {}", r.city, r.dest.code);
    let mut outcome = want;
    if r.carrier.domestic() && outcome == Outcome::CustomsHold {
        outcome = Outcome::FailedAttempt;
    }
    if outcome == Outcome::Stalled && age < Duration::days(13) {
        outcome = Outcome::InTransit;
    }
    if outcome != Outcome::InTransit && outcome != Outcome::Stalled && age < transit + Duration::days(2) {
        outcome = Outcome::InTransit;
    }
    let mut steps = route_steps(rng, r);
    let mut events = match outcome {
        Outcome::Stalled => {
            let keep = rng.usize(3..=steps.len().min(7));
            steps.truncate(keep);
            let silent = Duration::days(10) + hours(rng, 0, 24 * 8);
            let last = (now - silent).max(start + Duration::days(2));
            let mut evs = place(steps, start, last - start, rng);
            if let Some(l) = evs.last().cloned() {
                let expiry = l.at + Duration::days(30);
                if expiry < now {
                    evs.push(ev("Expired", "Expired_001", "No tracking updates for 30 days", &l.location, expiry));
                }
            }
            evs
        }
        Outcome::CustomsHold => {
            let cut = customs_step(&steps).map_or(steps.len(), |i| i + 1);
            steps.truncate(cut);
            let mut evs = place(steps, start, transit * 2 / 3, rng);
            if let Some(l) = evs.last().cloned() {
                let (sub, msg) = if r.ddp {
                    ("Exception_004", "Held by customs: documents requested from sender (commercial invoice)")
                } else {
                    ("Exception_006", "Held by customs: import duties and taxes payable by recipient")
                };
                let at = (l.at + hours(rng, 10, 60)).min(now - Duration::hours(3));
                evs.push(ev("Exception", sub, msg, &l.location, at.max(l.at + Duration::minutes(30))));
            }
            evs
        }
        _ => {
            let mut evs = place(steps, start, transit - Duration::hours(30), rng);
            finish(rng, r, outcome, &dest, &mut evs, now);
            evs
        }
    };
    if outcome == Outcome::InTransit {
        events.retain(|e| e.at <= now);
        ensure_three(rng, r, &mut events, now);
        if events.last().is_some_and(|e| e.tag == "Delivered") {
            outcome = Outcome::Delivered;
        }
    }
    // At most 12 checkpoints: drop intermediate hub scans, keep the start and the ending.
    while events.len() > 12 {
        events.remove(3);
    }
    (outcome, events)
}

/// The last mile: out for delivery and how it ended.
fn finish(rng: &mut Rng, r: &Route<'_>, outcome: Outcome, dest: &str, evs: &mut Vec<Event>, now: DateTime<Utc>) {
    let Some(mut t) = evs.last().map(|e| e.at) else { return };
    let carrier = if r.carrier.door_to_door() { r.carrier.display() } else { r.dest.last_mile };
    let ofd = |t| ev("OutForDelivery", "OutForDelivery_001", "Out for delivery", dest, t);
    match outcome {
        Outcome::Delivered | Outcome::InTransit => {
            t += hours(rng, 8, 30);
            if chance(rng, 0.12) && outcome == Outcome::Delivered {
                evs.push(ev("AvailableForPickup", "AvailableForPickup_001", format!("Available for pickup at {}", r.dest.pickup), dest, t));
                t += hours(rng, 6, 72);
                evs.push(ev("Delivered", "Delivered_002", "Collected by recipient", dest, t.min(now)));
                return;
            }
            evs.push(ofd(t));
            t += hours(rng, 2, 9);
            let (sub, msg) = pick(rng, &[
                ("Delivered_001", "Delivered, in/at mailbox"),
                ("Delivered_001", "Delivered, front door/porch"),
                ("Delivered_003", "Delivered, signed for by recipient"),
                ("Delivered_005", "Delivered to neighbour"),
                ("Delivered_001", "Delivered"),
            ]);
            evs.push(ev("Delivered", sub, msg, dest, t));
        }
        Outcome::FailedAttempt => {
            t += hours(rng, 8, 30);
            evs.push(ofd(t));
            t += hours(rng, 2, 9);
            let msg = format!("Delivery attempted by {carrier}: addressee not available, notice left");
            evs.push(ev("AttemptFail", "AttemptFail_002", msg, dest, t));
            if chance(rng, 0.45) {
                t += hours(rng, 20, 30);
                evs.push(ofd(t));
                t += hours(rng, 2, 9);
                evs.push(ev("AttemptFail", "AttemptFail_001", "Second delivery attempt failed", dest, t));
            }
        }
        Outcome::Returned => {
            t += hours(rng, 8, 30);
            evs.push(ofd(t));
            t += hours(rng, 2, 9);
            evs.push(ev("Exception", "Exception_007", "Incorrect or incomplete address, unable to deliver", dest, t));
            t += hours(rng, 48, 120);
            evs.push(ev("Exception", "Exception_010", "Returning to sender", dest, t));
            t += hours(rng, 24 * 7, 24 * 14);
            if t < now {
                evs.push(ev("Exception", "Exception_011", "Returned to sender", r.origin, t));
            }
        }
        Outcome::Pickup => {
            if chance(rng, 0.5) {
                t += hours(rng, 8, 30);
                evs.push(ofd(t));
                t += hours(rng, 2, 9);
                evs.push(ev("AttemptFail", "AttemptFail_002", "Addressee not available", dest, t));
            }
            t += hours(rng, 6, 26);
            let msg = format!("Available for pickup at {}, held for 7 days", r.dest.pickup);
            evs.push(ev("AvailableForPickup", "AvailableForPickup_001", msg, dest, t));
        }
        Outcome::Stalled | Outcome::CustomsHold => {}
    }
    // Never report the future: squeeze the tail before `now` when it overshoots.
    if let Some(last) = evs.last().map(|e| e.at)
        && last > now
        && outcome != Outcome::InTransit
    {
        let shift = last - now + Duration::minutes(rng.i64(30..600));
        for e in evs.iter_mut() {
            e.at = (e.at - shift).max(r.placed_at + Duration::minutes(30));
        }
    }
}

/// A history needs three checkpoints: very young parcels get them squeezed before `now`.
fn ensure_three(rng: &mut Rng, r: &Route<'_>, evs: &mut Vec<Event>, now: DateTime<Utc>) {
    if evs.len() >= 3 {
        return;
    }
    let origin = r.origin;
    let mut fresh = vec![
        ev("Pending", "Pending_001", "Tracking number registered, awaiting first carrier scan", origin, now),
        ev("InfoReceived", "InfoReceived_001", "Shipment information received", origin, now),
        ev("InTransit", "InTransit_002", format!("Parcel accepted at {} facility", r.carrier.display()), origin, now),
    ];
    let first = r.placed_at + Duration::minutes(40);
    let span = (now - first).num_seconds().max(180);
    for (i, e) in fresh.iter_mut().enumerate() {
        let frac = (i as i64 * 2 + 1) * span / 6 + rng.i64(0..60);
        e.at = whole_seconds(first + Duration::seconds(frac.min(span - 1)));
    }
    *evs = fresh;
}
