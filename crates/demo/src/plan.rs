//! What a conversation is about: which customer and order, the parcel's state at that moment,
//! and a complaint category (or crisis) that fits it.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;

use crate::Workspace;
use crate::catalog::Kind;
use crate::customers::Customer;
use crate::histories::Event;
use crate::orders::Order;
use crate::phrases::{Cat, Crisis, Lang};
use crate::util::{chance, weighted};

/// Where a parcel is at a moment, as a complaining buyer sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum State {
    Fresh,
    Moving { late: bool },
    Delivered,
    Customs,
    Failed,
    Returned,
    Stalled,
    Pickup,
}

/// The parcel's state at `t` from its checkpoints, and when the last one was.
pub(crate) fn state_at(
    events: &[Event],
    promised_by: DateTime<Utc>,
    t: DateTime<Utc>,
) -> (State, Option<DateTime<Utc>>) {
    let Some(e) = events.iter().rev().find(|e| e.at <= t) else {
        return (State::Fresh, None);
    };
    let state = match e.tag {
        "Pending" | "InfoReceived" => State::Fresh,
        "InTransit" | "OutForDelivery" if t - e.at > Duration::days(10) => State::Stalled,
        "InTransit" | "OutForDelivery" => State::Moving {
            late: t > promised_by,
        },
        "Delivered" => State::Delivered,
        "AvailableForPickup" => State::Pickup,
        "AttemptFail" => State::Failed,
        "Expired" => State::Stalled,
        _ => match e.subtag {
            Some("Exception_004" | "Exception_006") => State::Customs,
            Some("Exception_007" | "Exception_010" | "Exception_011") => State::Returned,
            _ => State::Failed,
        },
    };
    (state, Some(e.at))
}

/// What buyers write about a parcel in this state (relative weights).
#[rustfmt::skip]
fn categories(state: State, ddp: bool) -> &'static [(Cat, u32)] {
    use Cat::*;
    match (state, ddp) {
        (State::Fresh, _) => &[(ChangeCancel, 12), (Inquiry, 8), (Payment, 5), (Delay, 2), (Praise, 1)],
        (State::Moving { late: false }, _) => &[(Delay, 10), (Inquiry, 6), (ChangeCancel, 3), (Payment, 2), (Service, 1)],
        (State::Moving { late: true }, _) => &[(Delay, 18), (Service, 4), (Refund, 4), (Abuse, 1), (ChangeCancel, 2)],
        (State::Delivered, true) => &[
            (Damaged, 10), (Defective, 12), (NotAsDescribed, 10), (Counterfeit, 3), (Refund, 8), (Lost, 6),
            (Duties, 2), (Praise, 9), (Inquiry, 4), (Service, 4), (Abuse, 2), (Payment, 3),
        ],
        (State::Delivered, false) => &[
            (Damaged, 9), (Defective, 11), (NotAsDescribed, 9), (Counterfeit, 3), (Refund, 7), (Lost, 5),
            (Duties, 10), (Praise, 8), (Inquiry, 4), (Service, 4), (Abuse, 2), (Payment, 3),
        ],
        (State::Customs, true) => &[(Customs, 16), (Delay, 4), (Duties, 3), (Service, 1)],
        (State::Customs, false) => &[(Customs, 10), (Duties, 12), (Delay, 2), (Service, 1)],
        (State::Failed, _) => &[(LastMile, 14), (Delay, 2), (Service, 2)],
        (State::Returned, _) => &[(LastMile, 10), (Refund, 4), (Lost, 2), (Service, 1)],
        (State::Stalled, _) => &[(Lost, 10), (Delay, 10), (Refund, 4), (Service, 3), (Abuse, 1)],
        (State::Pickup, _) => &[(LastMile, 12), (Inquiry, 3)],
    }
}

/// What one conversation is about.
pub(crate) struct Plan {
    pub store: usize,
    pub customer: usize,
    pub order: Option<usize>,
    pub cat: Cat,
    pub crisis: Option<Crisis>,
    pub lang: Lang,
    pub state: State,
    pub last_scan: Option<DateTime<Utc>>,
}

/// The language a buyer writes in this time: their own, sometimes English.
pub(crate) fn lang_for(rng: &mut Rng, c: &Customer) -> Lang {
    if c.lang == Lang::En || chance(rng, 0.8) {
        c.lang
    } else {
        Lang::En
    }
}

/// Plans a conversation starting at `t0`: mostly about an order (problem parcels more often),
/// sometimes a question before buying again.
pub(crate) fn plan(rng: &mut Rng, ws: &Workspace, t0: DateTime<Utc>) -> Plan {
    if chance(rng, 0.03) {
        return presale(rng, ws);
    }
    let Some(oi) = pick_order(rng, ws, t0) else {
        return presale(rng, ws);
    };
    let o = &ws.orders[oi];
    let (state, last_scan) = state_at(&o.shipment.events, o.shipment.promised_by, t0);
    let lang = lang_for(rng, &ws.customers[o.customer]);
    let kind = o
        .items
        .first()
        .and_then(|it| ws.skus[o.store].get(it.sku))
        .map(|s| s.kind);
    let crisis = chance(rng, 0.022).then_some(match (state, kind) {
        (State::Delivered, Some(Kind::Battery)) => Crisis::Battery,
        (State::Delivered, Some(Kind::Mains)) => Crisis::Smoke,
        _ => Crisis::Legal,
    });
    let cat = match crisis {
        Some(Crisis::Battery | Crisis::Smoke) => Cat::Defective,
        Some(Crisis::Legal) => Cat::Refund,
        Some(Crisis::Press) => Cat::Service,
        None => {
            let table = categories(state, o.ddp);
            let w: Vec<u32> = table.iter().map(|x| x.1).collect();
            table.get(weighted(rng, &w)).map_or(Cat::Inquiry, |x| x.0)
        }
    };
    // Nobody calls a parcel late in its first week; they ask when it ships instead.
    let cat = if cat == Cat::Delay && t0 - o.placed_at < Duration::days(8) {
        Cat::Inquiry
    } else {
        cat
    };
    Plan {
        store: o.store,
        customer: o.customer,
        order: Some(oi),
        cat,
        crisis,
        lang,
        state,
        last_scan,
    }
}

/// A question before buying again, from an existing customer of one of the stores.
fn presale(rng: &mut Rng, ws: &Workspace) -> Plan {
    let o = &ws.orders[rng.usize(..ws.orders.len())];
    let lang = lang_for(rng, &ws.customers[o.customer]);
    Plan {
        store: o.store,
        customer: o.customer,
        order: None,
        cat: Cat::Inquiry,
        crisis: None,
        lang,
        state: State::Fresh,
        last_scan: None,
    }
}

/// An order placed before `t0`, half the time one whose parcel has a problem.
fn pick_order(rng: &mut Rng, ws: &Workspace, t0: DateTime<Utc>) -> Option<usize> {
    for _ in 0..10 {
        let oi = if !ws.problems.is_empty() && chance(rng, 0.5) {
            ws.problems[rng.usize(..ws.problems.len())]
        } else {
            rng.usize(..ws.orders.len())
        };
        if ws.orders[oi].placed_at + Duration::hours(1) < t0 {
            return Some(oi);
        }
    }
    None
}

/// Days a buyer counts for this complaint (since the order, the hold, the last scan).
pub(crate) fn days(rng: &mut Rng, plan: &Plan, o: Option<&Order>, t: DateTime<Utc>) -> i64 {
    let since = |x: DateTime<Utc>| (t - x).num_days().max(2);
    match (plan.cat, o, plan.last_scan) {
        (Cat::Customs | Cat::Lost, Some(_), Some(scan)) => since(scan),
        (Cat::Refund, _, _) => rng.i64(4..16),
        (_, Some(o), _) => since(o.placed_at),
        _ => rng.i64(3..20),
    }
}
