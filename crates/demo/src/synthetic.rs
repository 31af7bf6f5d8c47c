//! Benchmark traffic: the same text generators with random buyers and no workspace behind them.

use chrono::{DateTime, Duration, Utc};
use fastrand::Rng;
use serde_json::Value;

use crate::catalog::{BRAND, BRAND_HELP_HANDLE, Kind, Platform, STORE_TEMPLATES};
use crate::channels::{Ch, Envelope, author, message, photos};
use crate::customers::CustomerFactory;
use crate::names::COUNTRIES;
use crate::phrases::{Cat, Crisis, Ctx, compose};
use crate::plan::lang_for;
use crate::products::PRODUCTS;
use crate::scene::spoken_title;
use crate::tracking::Carrier;
use crate::util::{chance, digits, mix, pick, retail_price, weighted, whole_seconds};

/// Relative weights of destination countries (index-aligned with `COUNTRIES`), English-heavy.
const COUNTRY_WEIGHTS: &[(&str, u32)] = &[
    ("US", 30),
    ("CA", 4),
    ("GB", 12),
    ("IE", 1),
    ("AU", 4),
    ("DE", 8),
    ("AT", 1),
    ("FR", 6),
    ("ES", 5),
    ("MX", 2),
    ("IT", 4),
    ("BR", 5),
    ("PT", 1),
    ("PL", 3),
    ("NL", 3),
    ("TR", 2),
    ("JP", 3),
    ("KR", 2),
    ("RU", 3),
    ("SA", 2),
    ("AE", 1),
    ("TW", 1),
];

/// Carriers whose tracking numbers appear in benchmark texts.
const CARRIERS: &[Carrier] = &[
    Carrier::YunExpress,
    Carrier::Cainiao,
    Carrier::ChinaPost,
    Carrier::FourPx,
    Carrier::Dhl,
];

/// Relative weights of categories in benchmark traffic.
const CAT_WEIGHTS: [u32; 16] = [18, 6, 8, 6, 6, 9, 7, 2, 9, 4, 3, 5, 5, 2, 7, 5];

/// Iterator over synthetic inbound messages.
pub(crate) struct Synthetic {
    rng: Rng,
    factory: CustomerFactory,
    seed: u64,
    i: usize,
    n: usize,
    start: DateTime<Utc>,
    step_ms: i64,
    weights: Vec<u32>,
}

impl Synthetic {
    pub(crate) fn new(seed: u64, n: usize, now: DateTime<Utc>) -> Self {
        let window = Duration::days(7);
        let weights = COUNTRIES
            .iter()
            .map(|c| {
                COUNTRY_WEIGHTS
                    .iter()
                    .find(|w| w.0 == c.code)
                    .map_or(1, |w| w.1)
            })
            .collect();
        Self {
            rng: Rng::with_seed(mix(seed, 0x5E17)),
            factory: CustomerFactory::new(),
            seed,
            i: 0,
            n,
            start: now - window,
            step_ms: window.num_milliseconds() / n.max(1) as i64,
            weights,
        }
    }

    fn make(&mut self) -> Value {
        let rng = &mut self.rng;
        let i = self.i;
        let country = weighted(rng, &self.weights);
        let c = self.factory.make(rng, country);
        let lang = lang_for(rng, &c);
        let cat = Cat::ALL
            .get(weighted(rng, &CAT_WEIGHTS))
            .copied()
            .unwrap_or(Cat::Delay);
        let product = &PRODUCTS[rng.usize(..PRODUCTS.len())];
        let crisis = chance(rng, 0.01).then_some(match product.kind {
            Kind::Battery => Crisis::Battery,
            Kind::Mains => Crisis::Smoke,
            _ => Crisis::Legal,
        });
        let tpl = &STORE_TEMPLATES[rng.usize(..STORE_TEMPLATES.len())];
        let options = Ch::options(
            tpl.platform,
            c.handle.is_some(),
            matches!(cat, Cat::Abuse | Cat::Service),
        );
        let w: Vec<u32> = options.iter().map(|o| o.1).collect();
        let ch = options.get(weighted(rng, &w)).map_or(Ch::Email, |o| o.0);
        let order = order_shaped(rng, tpl.platform);
        let carrier = pick(rng, CARRIERS);
        let tracking = carrier.tracking_number(rng);
        let item = spoken_title(product.title);
        let ctx = Ctx {
            order: chance(rng, 0.5).then_some(order.as_str()),
            tracking: chance(rng, 0.4).then_some(tracking.as_str()),
            days: rng.i64(2..35),
            amount: retail_price(product.usd_cents, tpl.currency),
            currency: tpl.currency.code,
            item: &item,
            kind: product.kind,
            carrier: carrier.display(),
            city: c.city,
            phone: &c.phone,
            name: &c.first,
            mention: BRAND_HELP_HANDLE,
            brand: BRAND,
            delivered: None,
        };
        let text = compose(rng, lang, cat, crisis, ch.style(), &ctx);
        let attachments = if cat.photo_evidence() && chance(rng, 0.4) {
            photos(rng, mix(self.seed, i as u64))
        } else {
            Value::Array(Vec::new())
        };
        let jitter = rng.i64(0..self.step_ms.max(1));
        let sent_at =
            whole_seconds(self.start + Duration::milliseconds(self.step_ms * i as i64 + jitter));
        let store = if ch == Ch::Twitter && chance(rng, 0.5) {
            None
        } else {
            Some(tpl.key)
        };
        let author = author(ch, &c, tpl.platform);
        let id = format!("bench-{}-{i}", self.seed);
        message(Envelope {
            ch,
            id,
            store,
            author,
            text,
            sent_at,
            in_reply_to: None,
            order_ref: None,
            attachments,
        })
    }
}

impl Iterator for Synthetic {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
        if self.i >= self.n {
            return None;
        }
        let v = self.make();
        self.i += 1;
        Some(v)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.n - self.i;
        (left, Some(left))
    }
}

/// An order-number-shaped string for a platform.
fn order_shaped(rng: &mut Rng, platform: Platform) -> String {
    match platform {
        Platform::Amazon => format!(
            "{}-{}-{}",
            pick(rng, &["111", "112", "113", "114", "202", "305"]),
            digits(rng, 7),
            digits(rng, 7)
        ),
        Platform::Ebay => format!(
            "{:02}-{}-{}",
            rng.u8(10..28),
            digits(rng, 5),
            digits(rng, 5)
        ),
        Platform::Aliexpress => format!("8{}", digits(rng, 15)),
        Platform::Shopify => format!("#{}", rng.u32(1001..40_000)),
    }
}
