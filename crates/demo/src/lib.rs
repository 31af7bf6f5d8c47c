//! Deterministic generator of a realistic crossdesk demo workspace — a store group selling on
//! Amazon, eBay, Shopify and AliExpress with its SKUs, orders, shipments and tracking
//! histories — and of multilingual inbound traffic about it, all as the contract JSON values
//! of DESIGN.md ("Firm contracts").
//!
//! Pure: no I/O, no clock, no ambient randomness. `seed` and `now` are arguments, and the same
//! arguments always give the same output.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! let now = Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap();
//! let ws = crossdesk_demo::workspace(7, &crossdesk_demo::Scale::small(), now);
//! assert!(ws.records().iter().any(|r| r["type"] == "tracking_event"));
//! let msgs = ws.traffic(1, 20, now, chrono::Duration::hours(6));
//! assert_eq!(msgs.len(), 20);
//! ```

mod catalog;
mod channels;
mod customers;
mod histories;
mod names;
mod orders;
mod phrases;
mod plan;
mod products;
mod routes;
mod scene;
mod synthetic;
mod tracking;
mod traffic;
mod util;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;
use serde_json::Value;

use crate::catalog::{Sku, Store};
use crate::customers::Customer;
use crate::histories::Outcome;
use crate::orders::Order;

/// How big a workspace to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    /// Stores in the group (the first four are Amazon US, eBay DE, Shopify worldwide and
    /// AliExpress; more repeat the templates).
    pub stores: usize,
    /// SKUs listed per store (most shared across the group).
    pub skus_per_store: usize,
    /// Orders across all stores over the last 60 days.
    pub orders: usize,
}

impl Scale {
    /// The workspace `crossdesk demo` shows: 4 stores, 80 SKUs each, 3,000 orders.
    pub fn demo() -> Self {
        Self {
            stores: 4,
            skus_per_store: 80,
            orders: 3000,
        }
    }

    /// A small workspace for tests: 3 stores, 10 SKUs each, 60 orders.
    pub fn small() -> Self {
        Self {
            stores: 3,
            skus_per_store: 10,
            orders: 60,
        }
    }
}

/// A generated demo workspace: reference records plus what traffic needs to talk about them.
pub struct Workspace {
    stores: Vec<Store>,
    skus: Vec<Vec<Sku>>,
    customers: Vec<Customer>,
    orders: Vec<Order>,
    /// Orders whose parcel is not simply delivered (traffic talks about them more).
    problems: Vec<usize>,
    records: Vec<Value>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("stores", &self.stores.len())
            .field("customers", &self.customers.len())
            .field("orders", &self.orders.len())
            .field("records", &self.records.len())
            .finish()
    }
}

/// Generates the workspace for `seed` at `scale`, with orders placed in the 60 days before
/// `now` and tracking histories as they stand at `now`.
pub fn workspace(seed: u64, scale: &Scale, now: DateTime<Utc>) -> Workspace {
    let now = util::whole_seconds(now);
    let mut rng = Rng::with_seed(seed);
    let stores = catalog::stores(scale.stores);
    let pool = catalog::sku_pool();
    let mut order: Vec<usize> = (0..pool.len()).collect();
    rng.shuffle(&mut order);
    let skus: Vec<Vec<Sku>> = stores
        .iter()
        .map(|s| {
            catalog::store_skus(
                &mut rng,
                &pool,
                &order,
                s.tpl().currency,
                scale.skus_per_store,
            )
        })
        .collect();
    let book = orders::book(&mut rng, &stores, &skus, scale.orders, now);
    let problems = book
        .orders
        .iter()
        .enumerate()
        .filter(|(_, o)| o.shipment.outcome != Outcome::Delivered)
        .map(|(i, _)| i)
        .collect();

    let records = records(&stores, &skus, &book);
    Workspace {
        stores,
        skus,
        customers: book.customers,
        orders: book.orders,
        problems,
        records,
    }
}

/// The reference records in dependency order.
fn records(stores: &[Store], skus: &[Vec<Sku>], book: &orders::Book) -> Vec<Value> {
    let mut records = Vec::with_capacity(stores.len() * 100 + book.orders.len() * 10);
    records.extend(stores.iter().map(catalog::store_record));
    for (s, list) in stores.iter().zip(skus) {
        records.extend(list.iter().map(|k| catalog::sku_record(s, k)));
    }
    for o in &book.orders {
        let customer = &book.customers[o.customer];
        records.push(orders::order_record(
            o,
            &stores[o.store],
            &skus[o.store],
            customer,
        ));
    }
    for o in &book.orders {
        records.push(orders::shipment_record(o, &stores[o.store]));
    }
    for o in &book.orders {
        records.extend(orders::event_records(&o.shipment));
    }
    records
}

impl Workspace {
    /// Reference records in dependency order: stores, skus, orders, shipments, tracking events.
    pub fn records(&self) -> &[Value] {
        &self.records
    }

    /// `n` inbound messages about this workspace's customers, orders and parcels, sent between
    /// `start` and `start + span`, ordered by `sent_at`. A different `seed` gives a different
    /// batch with different external ids.
    pub fn traffic(&self, seed: u64, n: usize, start: DateTime<Utc>, span: Duration) -> Vec<Value> {
        traffic::generate(self, seed, n, start, span)
            .into_iter()
            .map(|g| g.value)
            .collect()
    }
}

/// `n` synthetic inbound messages with random customers (no workspace), for benchmarks:
/// realistic multilingual texts, unique external ids (`bench-<seed>-<i>`), spread over the
/// week before `now` in ascending order.
pub fn synthetic_inbound(seed: u64, n: usize, now: DateTime<Utc>) -> impl Iterator<Item = Value> {
    synthetic::Synthetic::new(seed, n, now)
}
