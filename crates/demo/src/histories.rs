//! Tracking histories: a parcel's route cut at `now`, ending delivered, in transit, or in one
//! of the exceptions a support team lives with (customs hold, failed attempt, returned to
//! sender, no scan for 10+ days, waiting at a pickup point).

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

use crate::routes::{Route, customs_step, ev, hours, place};
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

/// Builds the parcel's history as of `now` for the wanted outcome (downgraded to in transit
/// when the parcel is too young for it); returns the outcome actually told.
pub(crate) fn history(
    rng: &mut Rng,
    r: &Route<'_>,
    want: Outcome,
    now: DateTime<Utc>,
) -> (Outcome, Vec<Event>) {
    let start = r.placed_at + hours(rng, 2, 26);
    let age = now - r.placed_at;
    let transit = Duration::hours(r.transit_days * 24 + rng.i64(0..20));
    let want = match want {
        Outcome::CustomsHold if r.carrier.domestic() => Outcome::FailedAttempt,
        w => w,
    };
    let mut outcome = match want {
        Outcome::Stalled if age < Duration::days(16) => Outcome::InTransit,
        Outcome::Stalled | Outcome::InTransit => want,
        _ if age < transit + Duration::days(2) => Outcome::InTransit,
        w => w,
    };
    let mut events = match outcome {
        Outcome::Stalled => stalled(rng, r, start, transit, now),
        Outcome::CustomsHold => customs_hold(rng, r, start, transit, now),
        _ => {
            let steps = r.steps(rng);
            let mut evs = place(steps, start, transit - Duration::hours(30), rng);
            finish(rng, r, outcome, &mut evs, now);
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

/// Normal progress up to some checkpoint, then silence for 10+ days (and the aggregator's
/// `Expired` once 30 days pass).
fn stalled(
    rng: &mut Rng,
    r: &Route<'_>,
    start: DateTime<Utc>,
    transit: Duration,
    now: DateTime<Utc>,
) -> Vec<Event> {
    let mut steps = r.steps(rng);
    let full = steps.len().max(1) as i32;
    let keep = rng.usize(3..=steps.len().min(7));
    steps.truncate(keep);
    let natural = transit * keep as i32 / full;
    let latest = now - Duration::days(10) - hours(rng, 0, 24 * 3);
    let span = natural.min(latest - start).max(Duration::hours(12));
    let mut evs = place(steps, start, span, rng);
    if let Some(l) = evs.last().cloned() {
        let expiry = l.at + Duration::days(30);
        if expiry < now {
            evs.push(ev(
                "Expired",
                "Expired_001",
                "No tracking updates for 30 days",
                &l.location,
                expiry,
            ));
        }
    }
    evs
}

/// Arrived in the destination country and held by customs: documents under DDP, unpaid
/// duties under DAP.
fn customs_hold(
    rng: &mut Rng,
    r: &Route<'_>,
    start: DateTime<Utc>,
    transit: Duration,
    now: DateTime<Utc>,
) -> Vec<Event> {
    let mut steps = r.steps(rng);
    let cut = customs_step(&steps).map_or(steps.len(), |i| i + 1);
    steps.truncate(cut);
    let mut evs = place(steps, start, transit * 2 / 3, rng);
    if let Some(l) = evs.last().cloned() {
        let (sub, msg) = if r.ddp {
            (
                "Exception_004",
                "Held by customs: documents requested from sender (commercial invoice)",
            )
        } else {
            (
                "Exception_006",
                "Held by customs: import duties and taxes payable by recipient",
            )
        };
        let at = (l.at + hours(rng, 10, 60)).min(now - Duration::hours(3));
        evs.push(ev(
            "Exception",
            sub,
            msg,
            &l.location,
            at.max(l.at + Duration::minutes(30)),
        ));
    }
    evs
}

/// The last mile: out for delivery and how it ended; never reports the future.
fn finish(
    rng: &mut Rng,
    r: &Route<'_>,
    outcome: Outcome,
    evs: &mut Vec<Event>,
    now: DateTime<Utc>,
) {
    let Some(t) = evs.last().map(|e| e.at) else {
        return;
    };
    let t = t + hours(rng, 8, 30);
    match outcome {
        Outcome::Delivered | Outcome::InTransit => delivered(rng, r, outcome, evs, t, now),
        Outcome::FailedAttempt => failed(rng, r, evs, t),
        Outcome::Returned => returned(rng, r, evs, t, now),
        Outcome::Pickup => pickup(rng, r, evs, t),
        Outcome::Stalled | Outcome::CustomsHold => {}
    }
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

fn out_for_delivery(r: &Route<'_>, t: DateTime<Utc>) -> Event {
    ev(
        "OutForDelivery",
        "OutForDelivery_001",
        "Out for delivery",
        &r.destination(),
        t,
    )
}

fn delivered(
    rng: &mut Rng,
    r: &Route<'_>,
    outcome: Outcome,
    evs: &mut Vec<Event>,
    t: DateTime<Utc>,
    now: DateTime<Utc>,
) {
    let dest = r.destination();
    if outcome == Outcome::Delivered && chance(rng, 0.12) {
        let msg = format!("Available for pickup at {}", r.dest.pickup);
        evs.push(ev(
            "AvailableForPickup",
            "AvailableForPickup_001",
            msg,
            &dest,
            t,
        ));
        let collected = (t + hours(rng, 6, 72)).min(now);
        evs.push(ev(
            "Delivered",
            "Delivered_002",
            "Collected by recipient",
            &dest,
            collected,
        ));
        return;
    }
    evs.push(out_for_delivery(r, t));
    let (sub, msg) = pick(
        rng,
        &[
            ("Delivered_001", "Delivered, in/at mailbox"),
            ("Delivered_001", "Delivered, front door/porch"),
            ("Delivered_003", "Delivered, signed for by recipient"),
            ("Delivered_005", "Delivered to neighbour"),
            ("Delivered_001", "Delivered"),
        ],
    );
    evs.push(ev("Delivered", sub, msg, &dest, t + hours(rng, 2, 9)));
}

fn failed(rng: &mut Rng, r: &Route<'_>, evs: &mut Vec<Event>, mut t: DateTime<Utc>) {
    let dest = r.destination();
    let carrier = if r.carrier.door_to_door() {
        r.carrier.display()
    } else {
        r.dest.last_mile
    };
    evs.push(out_for_delivery(r, t));
    t += hours(rng, 2, 9);
    let msg = format!("Delivery attempted by {carrier}: addressee not available, notice left");
    evs.push(ev("AttemptFail", "AttemptFail_002", msg, &dest, t));
    if chance(rng, 0.45) {
        t += hours(rng, 20, 30);
        evs.push(out_for_delivery(r, t));
        t += hours(rng, 2, 9);
        evs.push(ev(
            "AttemptFail",
            "AttemptFail_001",
            "Second delivery attempt failed",
            &dest,
            t,
        ));
    }
}

fn returned(
    rng: &mut Rng,
    r: &Route<'_>,
    evs: &mut Vec<Event>,
    mut t: DateTime<Utc>,
    now: DateTime<Utc>,
) {
    let dest = r.destination();
    evs.push(out_for_delivery(r, t));
    t += hours(rng, 2, 9);
    evs.push(ev(
        "Exception",
        "Exception_007",
        "Incorrect or incomplete address, unable to deliver",
        &dest,
        t,
    ));
    t += hours(rng, 48, 120);
    evs.push(ev(
        "Exception",
        "Exception_010",
        "Returning to sender",
        &dest,
        t,
    ));
    t += hours(rng, 24 * 7, 24 * 14);
    if t < now {
        evs.push(ev(
            "Exception",
            "Exception_011",
            "Returned to sender",
            r.origin,
            t,
        ));
    }
}

fn pickup(rng: &mut Rng, r: &Route<'_>, evs: &mut Vec<Event>, mut t: DateTime<Utc>) {
    let dest = r.destination();
    if chance(rng, 0.5) {
        evs.push(out_for_delivery(r, t));
        t += hours(rng, 2, 9);
        evs.push(ev(
            "AttemptFail",
            "AttemptFail_002",
            "Addressee not available",
            &dest,
            t,
        ));
    }
    t += hours(rng, 6, 26);
    let msg = format!("Available for pickup at {}, held for 7 days", r.dest.pickup);
    evs.push(ev(
        "AvailableForPickup",
        "AvailableForPickup_001",
        msg,
        &dest,
        t,
    ));
}

/// A history needs three checkpoints: very young parcels get them squeezed before `now`.
fn ensure_three(rng: &mut Rng, r: &Route<'_>, evs: &mut Vec<Event>, now: DateTime<Utc>) {
    if evs.len() >= 3 {
        return;
    }
    let o = r.origin;
    let accepted = format!("Parcel accepted at {} facility", r.carrier.display());
    let mut fresh = vec![
        ev(
            "Pending",
            "Pending_001",
            "Tracking number registered, awaiting first carrier scan",
            o,
            now,
        ),
        ev(
            "InfoReceived",
            "InfoReceived_001",
            "Shipment information received",
            o,
            now,
        ),
        ev("InTransit", "InTransit_002", accepted, o, now),
    ];
    let first = r.placed_at + Duration::minutes(40);
    let span = (now - first).num_seconds().max(180);
    for (i, e) in fresh.iter_mut().enumerate() {
        let frac = (i as i64 * 2 + 1) * span / 6 + rng.i64(0..60);
        e.at = whole_seconds(first + Duration::seconds(frac.min(span - 1)));
    }
    *evs = fresh;
}
