//! Orders and their shipments: who bought what in which store, and where the parcel is now.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;
use serde_json::{Value, json};

use crate::catalog::{Platform, Sku, Store, StoreTpl};
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
    let mut b = Booker {
        factory: CustomerFactory::new(),
        customers: Vec::new(),
        by_country: vec![Vec::new(); COUNTRIES.len()],
        numbers: HashSet::new(),
        trackings: HashSet::new(),
        shopify_next: vec![1001; stores.len()],
        now,
    };
    let weights: Vec<u32> = stores.iter().map(|s| s.tpl().weight).collect();
    let mut orders = Vec::with_capacity(n);
    for (i, placed_at) in order_times(rng, n, now).into_iter().enumerate() {
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
        let customer = b.customer_for(rng, country_index(dest_code).unwrap_or(0));
        let number = b.number(rng, s, stores[s].tpl());
        let items = items(rng, &skus[s]);
        let total = items.iter().map(|it| it.price * it.quantity).sum();
        let ddp = chance(
            rng,
            if COUNTRIES[b.customers[customer].country].ddp_market {
                0.85
            } else {
                0.3
            },
        );
        let shipment = b.shipment(rng, stores[s].tpl().carriers, customer, ddp, placed_at);
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
    Book {
        customers: b.customers,
        orders,
    }
}

/// `n` order times between 60 days and 18 hours before `now`, oldest first.
fn order_times(rng: &mut Rng, n: usize, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let window = (Duration::days(60) - Duration::hours(18)).num_seconds();
    let latest = now - Duration::hours(18);
    let mut times: Vec<DateTime<Utc>> = (0..n)
        .map(|_| whole_seconds(latest - Duration::seconds(rng.i64(0..window))))
        .collect();
    times.sort_unstable();
    times
}

/// The order book being written: customers, and the numbers already used.
struct Booker {
    factory: CustomerFactory,
    customers: Vec<Customer>,
    by_country: Vec<Vec<usize>>,
    numbers: HashSet<String>,
    trackings: HashSet<String>,
    shopify_next: Vec<u32>,
    now: DateTime<Utc>,
}

impl Booker {
    /// A returning customer from that country (about one order in five), else a new one.
    fn customer_for(&mut self, rng: &mut Rng, dest: usize) -> usize {
        let known = &self.by_country[dest];
        if !known.is_empty() && chance(rng, 0.22) {
            return known[rng.usize(..known.len())];
        }
        self.customers.push(self.factory.make(rng, dest));
        self.by_country[dest].push(self.customers.len() - 1);
        self.customers.len() - 1
    }

    fn number(&mut self, rng: &mut Rng, s: usize, tpl: &StoreTpl) -> String {
        loop {
            let candidate = order_number(
                rng,
                tpl.platform,
                tpl.amazon_prefix,
                &mut self.shopify_next[s],
            );
            if self.numbers.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    /// The parcel: a carrier of the store (USPS only inside the US), and its history.
    fn shipment(
        &mut self,
        rng: &mut Rng,
        carriers: &[&str],
        customer: usize,
        ddp: bool,
        placed_at: DateTime<Utc>,
    ) -> Shipment {
        let c = &self.customers[customer];
        let dest = &COUNTRIES[c.country];
        let usable: Vec<Carrier> = carriers
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
            if self.trackings.insert(t.clone()) {
                break t;
            }
        };
        let (warehouse, origin) = carrier.warehouse(rng);
        let (lo, hi) = carrier.transit_days();
        let transit_days = rng.i64(lo..=hi);
        let promised_by = whole_seconds(placed_at + Duration::days(hi + 3));
        let want = wanted_outcome(rng, self.now - placed_at, transit_days);
        let route = Route {
            carrier,
            origin,
            dest,
            city: c.city,
            ddp,
            placed_at,
            transit_days,
        };
        let (outcome, events) = history(rng, &route, want, self.now);
        Shipment {
            carrier,
            tracking,
            warehouse,
            promised_by,
            outcome,
            events,
        }
    }
}

/// How the parcel's story should end given its age: young parcels travel (a few go silent),
/// older ones are mostly delivered, some in an exception.
fn wanted_outcome(rng: &mut Rng, age: Duration, transit_days: i64) -> Outcome {
    if age < Duration::days(transit_days + 2) {
        return if age > Duration::days(16) && chance(rng, 0.15) {
            Outcome::Stalled
        } else {
            Outcome::InTransit
        };
    }
    const ENDINGS: [Outcome; 6] = [
        Outcome::Delivered,
        Outcome::CustomsHold,
        Outcome::FailedAttempt,
        Outcome::Returned,
        Outcome::Stalled,
        Outcome::Pickup,
    ];
    ENDINGS[weighted(rng, &[78, 6, 4, 3, 5, 4])]
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
