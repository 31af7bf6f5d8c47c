//! Inbound traffic about a workspace: conversations of real customers about their orders,
//! with the complaint fitting the parcel's state, follow-ups in the same thread, the same
//! buyer trying another channel, crisis-grade messages and the odd journalist.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;
use serde_json::Value;

use crate::Workspace;
use crate::catalog::{BRAND, BRAND_HANDLE, BRAND_HELP_HANDLE, Platform};
use crate::channels::{Ch, Envelope, Ids, author, message, photos};
use crate::customers::Customer;
use crate::histories::Event;
use crate::names::COUNTRIES;
use crate::orders::Order;
use crate::phrases::{Cat, Crisis, Ctx, Lang, Text, again, compose, follow_up};
use crate::util::{chance, mix, offset_within, pick, weighted, whole_seconds};

/// A generated message with what the generator meant (the labels are read by tests).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Generated {
    pub value: Value,
    pub cat: Cat,
    pub lang: Lang,
    pub crisis: bool,
}

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
fn categories(state: State, ddp: bool) -> &'static [(Cat, u32)] {
    use Cat::*;
    match (state, ddp) {
        (State::Fresh, _) => &[
            (ChangeCancel, 12),
            (Inquiry, 8),
            (Payment, 5),
            (Delay, 2),
            (Praise, 1),
        ],
        (State::Moving { late: false }, _) => &[
            (Delay, 10),
            (Inquiry, 6),
            (ChangeCancel, 3),
            (Payment, 2),
            (Service, 1),
        ],
        (State::Moving { late: true }, _) => &[
            (Delay, 18),
            (Service, 4),
            (Refund, 4),
            (Abuse, 1),
            (ChangeCancel, 2),
        ],
        (State::Delivered, true) => &[
            (Damaged, 10),
            (Defective, 12),
            (NotAsDescribed, 10),
            (Counterfeit, 3),
            (Refund, 8),
            (Lost, 6),
            (Duties, 2),
            (Praise, 9),
            (Inquiry, 4),
            (Service, 4),
            (Abuse, 2),
            (Payment, 3),
        ],
        (State::Delivered, false) => &[
            (Damaged, 9),
            (Defective, 11),
            (NotAsDescribed, 9),
            (Counterfeit, 3),
            (Refund, 7),
            (Lost, 5),
            (Duties, 10),
            (Praise, 8),
            (Inquiry, 4),
            (Service, 4),
            (Abuse, 2),
            (Payment, 3),
        ],
        (State::Customs, true) => &[(Customs, 16), (Delay, 4), (Duties, 3), (Service, 1)],
        (State::Customs, false) => &[(Customs, 10), (Duties, 12), (Delay, 2), (Service, 1)],
        (State::Failed, _) => &[(LastMile, 14), (Delay, 2), (Service, 2)],
        (State::Returned, _) => &[(LastMile, 10), (Refund, 4), (Lost, 2), (Service, 1)],
        (State::Stalled, _) => &[
            (Lost, 10),
            (Delay, 10),
            (Refund, 4),
            (Service, 3),
            (Abuse, 1),
        ],
        (State::Pickup, _) => &[(LastMile, 12), (Inquiry, 3)],
    }
}

/// What one conversation is about.
struct Plan {
    store: usize,
    customer: usize,
    order: Option<usize>,
    cat: Cat,
    crisis: Option<Crisis>,
    lang: Lang,
    state: State,
    last_scan: Option<DateTime<Utc>>,
}

/// The language a buyer writes in this time: their own, sometimes English.
pub(crate) fn lang_for(rng: &mut Rng, c: &Customer) -> Lang {
    if c.lang == Lang::En || chance(rng, 0.8) {
        c.lang
    } else {
        Lang::En
    }
}

/// The `n` messages of a workspace's traffic, ordered by `sent_at`.
pub(crate) fn generate(
    ws: &Workspace,
    seed: u64,
    n: usize,
    start: DateTime<Utc>,
    span: Duration,
) -> Vec<Generated> {
    let mut rng = Rng::with_seed(mix(seed, 0x7A_FF1C));
    let mut ids = Ids::new(mix(seed, 0x1D5));
    let start = whole_seconds(start);
    let span = span.max(Duration::minutes(10));
    let end = start + span;
    let mut out: Vec<(DateTime<Utc>, usize, Generated)> = Vec::with_capacity(n);
    if ws.orders.is_empty() || ws.customers.is_empty() {
        return Vec::new();
    }
    while out.len() < n {
        let t0 = whole_seconds(start + offset_within(&mut rng, span * 9 / 10));
        if chance(&mut rng, 0.002) {
            press(&mut rng, &mut ids, t0, &mut out);
            continue;
        }
        let plan = plan(&mut rng, ws, t0);
        conversation(&mut rng, ws, &mut ids, &plan, t0, end, n, &mut out);
    }
    out.sort_by_key(|a| (a.0, a.1));
    out.into_iter().map(|(_, _, g)| g).collect()
}

fn plan(rng: &mut Rng, ws: &Workspace, t0: DateTime<Utc>) -> Plan {
    // A question before buying again, from an existing customer of one of the stores.
    let presale = |rng: &mut Rng| {
        let o = &ws.orders[rng.usize(..ws.orders.len())];
        let customer = o.customer;
        let lang = lang_for(rng, &ws.customers[customer]);
        Plan {
            store: o.store,
            customer,
            order: None,
            cat: Cat::Inquiry,
            crisis: None,
            lang,
            state: State::Fresh,
            last_scan: None,
        }
    };
    if chance(rng, 0.03) {
        return presale(rng);
    }
    let mut pick_order = None;
    for _ in 0..10 {
        let oi = if !ws.problems.is_empty() && chance(rng, 0.5) {
            ws.problems[rng.usize(..ws.problems.len())]
        } else {
            rng.usize(..ws.orders.len())
        };
        if ws.orders[oi].placed_at + Duration::hours(1) < t0 {
            pick_order = Some(oi);
            break;
        }
    }
    let Some(oi) = pick_order else {
        return presale(rng);
    };
    let o = &ws.orders[oi];
    let (state, last_scan) = state_at(&o.shipment.events, o.shipment.promised_by, t0);
    let lang = lang_for(rng, &ws.customers[o.customer]);
    let kind = o
        .items
        .first()
        .and_then(|it| ws.skus[o.store].get(it.sku))
        .map(|s| s.kind);
    let crisis = if chance(rng, 0.022) {
        match (state, kind) {
            (State::Delivered, Some(crate::catalog::Kind::Battery)) => Some(Crisis::Battery),
            (State::Delivered, Some(crate::catalog::Kind::Mains)) => Some(Crisis::Smoke),
            _ => Some(Crisis::Legal),
        }
    } else {
        None
    };
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

/// Days a buyer counts for this complaint.
fn days(rng: &mut Rng, plan: &Plan, o: Option<&Order>, t: DateTime<Utc>) -> i64 {
    let since = |x: DateTime<Utc>| (t - x).num_days().max(2);
    match (plan.cat, o) {
        (Cat::Customs | Cat::Lost, Some(_)) if plan.last_scan.is_some() => {
            plan.last_scan.map_or(3, since)
        }
        (Cat::Refund, _) => rng.i64(4..16),
        (_, Some(o)) => since(o.placed_at),
        _ => rng.i64(3..20),
    }
}

#[allow(clippy::too_many_arguments)]
fn conversation(
    rng: &mut Rng,
    ws: &Workspace,
    ids: &mut Ids,
    plan: &Plan,
    t0: DateTime<Utc>,
    end: DateTime<Utc>,
    n: usize,
    out: &mut Vec<(DateTime<Utc>, usize, Generated)>,
) {
    let c = &ws.customers[plan.customer];
    let order = plan.order.map(|i| &ws.orders[i]);
    let store_idx = plan.store;
    let store = &ws.stores[store_idx];
    let platform = store.tpl().platform;
    let loud =
        matches!(plan.cat, Cat::Abuse | Cat::Service | Cat::Counterfeit) || plan.crisis.is_some();
    let options = Ch::options(platform, c.handle.is_some(), loud);
    let first_ch = choose(rng, &options, None).unwrap_or(Ch::Email);

    let item_title = order
        .and_then(|o| o.items.first())
        .and_then(|it| ws.skus[store_idx].get(it.sku))
        .map(|s| crate::products::PRODUCTS[s.product].title)
        .unwrap_or("order");
    let item = spoken_title(item_title);
    let kind = order
        .and_then(|o| o.items.first())
        .and_then(|it| ws.skus[store_idx].get(it.sku))
        .map_or(crate::catalog::Kind::Goods, |s| s.kind);
    let country = &COUNTRIES[c.country];
    let (amount, currency) = amount(
        rng,
        plan.cat,
        order,
        store.tpl().currency.code,
        country.currency,
        store.tpl().currency,
    );
    let carrier = order.map_or("", |o| {
        let sh = &o.shipment.carrier;
        if plan.cat == Cat::LastMile && !sh.door_to_door() {
            // Buyers name their national post in their own language.
            match (plan.lang == country.lang, country.code) {
                (true, "RU") => "Почта России",
                (true, "JP") => "日本郵便",
                (true, "KR") => "CJ대한통운",
                (true, "TW") => "中華郵政",
                (true, "SA") => "سبل",
                (true, "AE") => "بريد الإمارات",
                _ => country.last_mile,
            }
        } else {
            sh.display()
        }
    });
    let mention = match (platform, rng.u8(0..10)) {
        (Platform::Amazon, 0..=1) => format!("{BRAND_HELP_HANDLE} @AmazonHelp"),
        (_, 2) => BRAND_HANDLE.to_string(),
        _ => BRAND_HELP_HANDLE.to_string(),
    };
    let first_name = if chance(rng, 0.5) {
        c.first.as_str()
    } else {
        c.name.as_str()
    };
    let mut ctx = Ctx {
        order: order.map(|o| o.number.as_str()),
        tracking: match (order, plan.state) {
            (Some(o), s) if s != State::Fresh => Some(o.shipment.tracking.as_str()),
            _ => None,
        },
        days: days(rng, plan, order, t0),
        amount,
        currency,
        item: &item,
        kind,
        carrier,
        city: c.city,
        phone: &c.phone,
        name: first_name,
        mention: &mention,
        brand: BRAND,
        delivered: order.map(|_| plan.state == State::Delivered),
    };

    let mut ch = first_ch;
    let mut t = t0;
    let mut subject: Option<String> = None;
    let mut parent: Option<String> = None;
    let follow_ups = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3][rng.usize(..12)];
    for step in 0..=follow_ups {
        if out.len() >= n {
            return;
        }
        let switch = step > 0 && chance(rng, 0.25);
        if switch {
            match choose(rng, &options, Some(ch)) {
                Some(next) => {
                    ch = next;
                    parent = None;
                    subject = None;
                }
                None => continue,
            }
        }
        ctx.days = days(rng, plan, order, t);
        let text: Text = match (step, switch) {
            (0, _) => compose(rng, plan.lang, plan.cat, plan.crisis, ch.style(), &ctx),
            (_, true) => again(rng, plan.lang, plan.cat, ch.style(), &ctx),
            _ => follow_up(
                rng,
                plan.lang,
                plan.cat,
                ch.style(),
                &ctx,
                subject.as_deref(),
            ),
        };
        if subject.is_none() {
            subject.clone_from(&text.subject);
        }
        let k = out.len() as u64;
        let id = ids.next(ch, k, t);
        let evidence = plan.cat.photo_evidence()
            || matches!(plan.crisis, Some(Crisis::Battery | Crisis::Smoke));
        let attachments = if step == 0 && evidence && chance(rng, 0.5) {
            photos(rng, mix(k, t.timestamp() as u64))
        } else {
            Value::Array(Vec::new())
        };
        let store_key = if ch == Ch::Twitter && chance(rng, 0.5) {
            None
        } else {
            Some(store.key.as_str())
        };
        let order_ref = if ch.marketplace() && chance(rng, 0.85) {
            ctx.order
        } else {
            None
        };
        let value = message(Envelope {
            ch,
            id: id.clone(),
            store: store_key,
            author: author(ch, c, platform),
            text,
            sent_at: t,
            in_reply_to: parent.clone(),
            order_ref,
            attachments,
        });
        out.push((
            t,
            out.len(),
            Generated {
                value,
                cat: plan.cat,
                lang: plan.lang,
                crisis: plan.crisis.is_some(),
            },
        ));
        parent = Some(id);
        let gap = Duration::minutes(20 + (rng.f64().powi(2) * 60.0 * 48.0) as i64);
        t = whole_seconds(t + gap);
        if t >= end {
            return;
        }
    }
}

/// Picks a channel by weight, other than `not`.
fn choose(rng: &mut Rng, options: &[(Ch, u32)], not: Option<Ch>) -> Option<Ch> {
    let opts: Vec<(Ch, u32)> = options
        .iter()
        .copied()
        .filter(|(c, w)| *w > 0 && Some(*c) != not)
        .collect();
    let w: Vec<u32> = opts.iter().map(|x| x.1).collect();
    if opts.is_empty() {
        return None;
    }
    opts.get(weighted(rng, &w)).map(|x| x.0)
}

/// The money a message mentions: order total, or a duty in the buyer's local currency.
fn amount(
    rng: &mut Rng,
    cat: Cat,
    order: Option<&Order>,
    store_code: &'static str,
    local: &'static str,
    store_cur: crate::util::Currency,
) -> (i64, &'static str) {
    let total = order.map_or(2999, |o| o.total);
    if cat != Cat::Duties {
        return (total, store_code);
    }
    // A duty of 15–25 % of the order, charged at the door in local money.
    let usd_cents =
        total * 100 / store_cur.per_usd_x100.max(1) * if store_cur.decimals == 0 { 100 } else { 1 };
    let pct = rng.i64(15..26);
    let local_minor = usd_cents * pct / 100 * per_usd_x100(local) / 100;
    if crate::phrases::decimals(local) == 0 {
        (local_minor / 100, local)
    } else {
        (local_minor, local)
    }
}

/// Units of a local currency per US dollar, times 100.
fn per_usd_x100(code: &str) -> i64 {
    match code {
        "EUR" => 92,
        "GBP" => 79,
        "JPY" => 15_000,
        "BRL" => 540,
        "PLN" => 400,
        "TRY" => 3_400,
        "RUB" => 9_200,
        "KRW" => 138_000,
        "SAR" => 375,
        "AED" => 367,
        "TWD" => 3_200,
        "CAD" => 137,
        "AUD" => 152,
        "MXN" => 1_800,
        _ => 100,
    }
}

/// A product title as a buyer says it mid-sentence: "Gooseneck pour-over kettle with
/// temperature control" → "gooseneck pour-over kettle".
pub(crate) fn spoken_title(title: &str) -> String {
    let short = title.split(',').next().unwrap_or(title);
    let short = short.split(" with ").next().unwrap_or(short).trim();
    let mut cs = short.chars();
    match (cs.next(), short.chars().nth(1)) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(cs).collect()
        }
        _ => short.to_string(),
    }
}

/// A journalist asking the brand for comment in public.
fn press(
    rng: &mut Rng,
    ids: &mut Ids,
    t: DateTime<Utc>,
    out: &mut Vec<(DateTime<Utc>, usize, Generated)>,
) {
    let (handle, name, lang) = pick(
        rng,
        &[
            ("@jen_reports", "Jennifer Walsh", Lang::En),
            ("@mkeller_tech", "Miriam Keller", Lang::De),
            ("@lucia_periodista", "Lucía Ortega", Lang::Es),
            ("@dan_consumerdesk", "Dan Whitaker", Lang::En),
            ("@claire_enquete", "Claire Morel", Lang::Fr),
        ],
    );
    let ctx = Ctx {
        order: None,
        tracking: None,
        days: 2,
        amount: 0,
        currency: "USD",
        item: "power bank",
        kind: crate::catalog::Kind::Battery,
        carrier: "",
        city: "",
        phone: "",
        name,
        mention: BRAND_HANDLE,
        brand: BRAND,
        delivered: None,
    };
    let text = compose(
        rng,
        lang,
        Cat::Service,
        Some(Crisis::Press),
        crate::phrases::Style::Tweet,
        &ctx,
    );
    let k = out.len() as u64;
    let author = serde_json::json!({
        "handle": handle, "name": name, "email": null, "buyer_id": null, "followers": rng.u32(28_000..160_000),
    });
    let value = message(Envelope {
        ch: Ch::Twitter,
        id: ids.next(Ch::Twitter, k, t),
        store: None,
        author,
        text,
        sent_at: t,
        in_reply_to: None,
        order_ref: None,
        attachments: Value::Array(Vec::new()),
    });
    out.push((
        t,
        out.len(),
        Generated {
            value,
            cat: Cat::Service,
            lang,
            crisis: true,
        },
    ));
}
