//! Orders and their shipments: who bought what in which store, and where the parcel is now.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;
use serde_json::{Value, json};

use crate::catalog::{Platform, Sku, Store};
use crate::customers::{Customer, CustomerFactory};
use crate::histories::{Event, Outcome, history};
use crate::names::{COUNTRIES, country_index};
use crate::routes::Route;
use crate::tracking::Carrier;
use crate::util::{chance, digits, money, rfc3339, weighted, whole_seconds};

/// One line of an order.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    /// Index into the store's SKU list.
    pub sku: usize,
    pub quantity: i64,
    pub price: i64,
}

/// The parcel of an order.
#[derive(Clone, Debug)]
pub(crate) struct Shipment {
    pub carrier: Carrier,
    pub tracking: String,
    pub warehouse: &'static str,
    pub promised_by: DateTime<Utc>,
    pub outcome: Outcome,
    pub events: Vec<Event>,
}

/// An order placed in one of the group's stores.
#[derive(Clone, Debug)]
pub(crate) struct Order {
    pub store: usize,
    pub customer: usize,
    pub number: String,
    pub items: Vec<Item>,
    pub total: i64,
    pub ddp: bool,
    pub placed_at: DateTime<Utc>,
    pub shipment: Shipment,
}

/// Everything the order generator produces.
pub(crate) struct Book {
    pub customers: Vec<Customer>,
    pub orders: Vec<Order>,
}

/// Generates `n` orders over the 60 days before `now` across `stores`.
pub(crate) fn book(
    rng: &mut Rng,
    stores: &[Store],
    skus: &[Vec<Sku>],
    n: usize,
    now: DateTime<Utc>,
) -> Book {
    let mut factory = CustomerFactory::new();
    let mut customers: Vec<Customer> = Vec::new();
    let mut by_country: Vec<Vec<usize>> = vec![Vec::new(); COUNTRIES.len()];
    let mut numbers: HashSet<String> = HashSet::new();
    let mut trackings: HashSet<String> = HashSet::new();
    let mut shopify_next: Vec<u32> = vec![1001; stores.len()];
    let weights: Vec<u32> = stores.iter().map(|s| s.tpl().weight).collect();

    let window = Duration::days(60) - Duration::hours(18);
    let mut times: Vec<DateTime<Utc>> = (0..n)
        .map(|_| {
            whole_seconds(
                now - Duration::hours(18) - Duration::seconds(rng.i64(0..window.num_seconds())),
            )
        })
        .collect();
    times.sort_unstable();

    let mut orders = Vec::with_capacity(n);
    for (i, placed_at) in times.into_iter().enumerate() {
        if stores.is_empty() {
            break;
        }
        // Every store gets orders even at tiny scales.
        let s = if i < stores.len() {
            i
        } else {
            weighted(rng, &weights)
        };
        let tpl = stores[s].tpl();
        let dest_weights: Vec<u32> = tpl.dests.iter().map(|d| d.1).collect();
        let dest_code = tpl
            .dests
            .get(weighted(rng, &dest_weights))
            .map_or("US", |d| d.0);
        let dest = country_index(dest_code).unwrap_or(0);
        let customer = match by_country[dest].len() {
            k if k > 0 && chance(rng, 0.22) => by_country[dest][rng.usize(..k)],
            _ => {
                customers.push(factory.make(rng, dest));
                by_country[dest].push(customers.len() - 1);
                customers.len() - 1
            }
        };
        let number = loop {
            let candidate =
                order_number(rng, tpl.platform, tpl.amazon_prefix, &mut shopify_next[s]);
            if numbers.insert(candidate.clone()) {
                break candidate;
            }
        };
        let items = items(rng, &skus[s]);
        let total = items.iter().map(|it| it.price * it.quantity).sum();
        let ddp = if COUNTRIES[dest].ddp_market {
            chance(rng, 0.85)
        } else {
            chance(rng, 0.3)
        };
        let shipment = shipment(
            rng,
            stores,
            s,
            &customers[customer],
            ddp,
            placed_at,
            now,
            &mut trackings,
        );
        orders.push(Order {
            store: s,
            customer,
            number,
            items,
            total,
            ddp,
            placed_at,
            shipment,
        });
    }
    Book { customers, orders }
}

fn order_number(rng: &mut Rng, platform: Platform, prefixes: &[&str], next: &mut u32) -> String {
    match platform {
        Platform::Amazon => {
            let p = crate::util::pick(rng, prefixes);
            let p = if p.is_empty() { "111" } else { p };
            format!("{p}-{}-{}", digits(rng, 7), digits(rng, 7))
        }
        Platform::Ebay => format!(
            "{:02}-{}-{}",
            rng.u8(10..28),
            digits(rng, 5),
            digits(rng, 5)
        ),
        Platform::Aliexpress => {
            format!("{}{}", crate::util::pick(rng, &["8", "3"]), digits(rng, 15))
        }
        Platform::Shopify => {
            let n = *next;
            *next += 1;
            format!("#{n}")
        }
    }
}

fn items(rng: &mut Rng, skus: &[Sku]) -> Vec<Item> {
    if skus.is_empty() {
        return Vec::new();
    }
    let count = match rng.u8(0..100) {
        0..75 => 1,
        75..95 => 2,
        _ => 3,
    }
    .min(skus.len());
    let mut picked: Vec<usize> = Vec::with_capacity(count);
    while picked.len() < count {
        let k = rng.usize(..skus.len());
        if !picked.contains(&k) {
            picked.push(k);
        }
    }
    picked
        .into_iter()
        .map(|k| {
            let quantity = match rng.u8(0..100) {
                0..86 => 1,
                86..97 => 2,
                _ => 3,
            };
            Item {
                sku: k,
                quantity,
                price: skus[k].price,
            }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn shipment(
    rng: &mut Rng,
    stores: &[Store],
    s: usize,
    customer: &Customer,
    ddp: bool,
    placed_at: DateTime<Utc>,
    now: DateTime<Utc>,
    trackings: &mut HashSet<String>,
) -> Shipment {
    let tpl = stores[s].tpl();
    let dest = &COUNTRIES[customer.country];
    let usable: Vec<Carrier> = tpl
        .carriers
        .iter()
        .filter_map(|c| Carrier::parse(c))
        .filter(|c| !c.domestic() || dest.code == "US")
        .collect();
    let cw: Vec<u32> = (0..usable.len())
        .map(|i| [6, 3, 2, 1].get(i).copied().unwrap_or(1))
        .collect();
    let carrier = usable
        .get(weighted(rng, &cw))
        .copied()
        .unwrap_or(Carrier::YunExpress);
    let tracking = loop {
        let t = carrier.tracking_number(rng);
        if trackings.insert(t.clone()) {
            break t;
        }
    };
    let (warehouse, origin) = carrier.warehouse(rng);
    let (lo, hi) = carrier.transit_days();
    let transit_days = rng.i64(lo..=hi);
    let promised_by = whole_seconds(placed_at + Duration::days(hi + 3));
    let age = now - placed_at;
    let want = if age < Duration::days(transit_days + 2) {
        if age > Duration::days(16) && chance(rng, 0.15) {
            Outcome::Stalled
        } else {
            Outcome::InTransit
        }
    } else {
        [
            Outcome::Delivered,
            Outcome::CustomsHold,
            Outcome::FailedAttempt,
            Outcome::Returned,
            Outcome::Stalled,
            Outcome::Pickup,
        ][weighted(rng, &[78, 6, 4, 3, 5, 4])]
    };
    let route = Route {
        carrier,
        origin,
        dest,
        city: customer.city,
        ddp,
        placed_at,
        transit_days,
    };
    let (outcome, events) = history(rng, &route, want, now);
    Shipment {
        carrier,
        tracking,
        warehouse,
        promised_by,
        outcome,
        events,
    }
}

/// The order record of the import contract.
pub(crate) fn order_record(o: &Order, store: &Store, skus: &[Sku], c: &Customer) -> Value {
    let tpl = store.tpl();
    let cur = tpl.currency;
    let buyer_id = match tpl.platform {
        Platform::Amazon => Some(c.amazon_id.as_str()),
        Platform::Ebay => Some(c.ebay_id.as_str()),
        Platform::Aliexpress => Some(c.aliexpress_id.as_str()),
        Platform::Shopify => None,
    };
    let items: Vec<Value> = o
        .items
        .iter()
        .map(|it| {
            let code = skus.get(it.sku).map_or("", |s| s.code.as_str());
            json!({"sku": code, "quantity": it.quantity, "price": money(it.price, cur)})
        })
        .collect();
    json!({
        "type": "order",
        "store": store.key,
        "number": o.number,
        "customer": {"email": c.email, "handle": c.handle, "buyer_id": buyer_id, "name": c.name},
        "items": items,
        "currency": cur.code,
        "total": money(o.total, cur),
        "incoterm": if o.ddp { "DDP" } else { "DAP" },
        "destination_country": COUNTRIES[c.country].code,
        "placed_at": rfc3339(o.placed_at),
    })
}

/// The shipment record of the import contract.
pub(crate) fn shipment_record(o: &Order, store: &Store) -> Value {
    let sh = &o.shipment;
    json!({
        "type": "shipment",
        "store": store.key,
        "order_number": o.number,
        "carrier": sh.carrier.slug(),
        "tracking_number": sh.tracking,
        "warehouse": sh.warehouse,
        "promised_by": rfc3339(sh.promised_by),
    })
}

/// The tracking_event records of a shipment, oldest first.
pub(crate) fn event_records(sh: &Shipment) -> impl Iterator<Item = Value> + '_ {
    sh.events.iter().map(move |e| {
        json!({
            "type": "tracking_event",
            "tracking_number": sh.tracking,
            "carrier": sh.carrier.slug(),
            "tag": e.tag,
            "subtag": e.subtag,
            "message": e.message,
            "location": e.location,
            "at": rfc3339(e.at),
        })
    })
}
