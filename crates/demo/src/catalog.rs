//! The store group ("acme") and its catalogue: store templates, base products and SKUs.

use fastrand::Rng;
use serde_json::{Value, json};

use crate::util::{Currency, EUR, GBP, JPY, USD, convert, money, retail_price};

/// The brand all demo stores sell under.
pub(crate) const BRAND: &str = "Acme Home";
/// The brand's support account on X.
pub(crate) const BRAND_HELP_HANDLE: &str = "@AcmeHomeHelp";
/// The brand's main account on X.
pub(crate) const BRAND_HANDLE: &str = "@AcmeHome";
/// The store group key.
pub(crate) const GROUP: &str = "acme";

/// A commerce platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Platform {
    Amazon,
    Ebay,
    Aliexpress,
    Shopify,
}

impl Platform {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Platform::Amazon => "amazon",
            Platform::Ebay => "ebay",
            Platform::Aliexpress => "aliexpress",
            Platform::Shopify => "shopify",
        }
    }
}

/// A store template; the first templates are used first.
pub(crate) struct StoreTpl {
    pub key: &'static str,
    pub name: &'static str,
    pub platform: Platform,
    pub region: &'static str,
    pub currency: Currency,
    pub timezone: &'static str,
    pub carriers: &'static [&'static str],
    /// Destination countries with relative weights.
    pub dests: &'static [(&'static str, u32)],
    /// Share of the group's orders.
    pub weight: u32,
    /// First group of Amazon order numbers in this marketplace.
    pub amazon_prefix: &'static [&'static str],
}

pub(crate) static STORE_TEMPLATES: &[StoreTpl] = &[
    StoreTpl {
        key: "acme-us-amzn",
        name: "Acme Home US (Amazon)",
        platform: Platform::Amazon,
        region: "US",
        currency: USD,
        timezone: "America/New_York",
        carriers: &["yunexpress", "usps", "ups"],
        dests: &[("US", 100)],
        weight: 35,
        amazon_prefix: &["111", "112", "113", "114"],
    },
    StoreTpl {
        key: "acme-de-ebay",
        name: "Acme Home DE (eBay)",
        platform: Platform::Ebay,
        region: "DE",
        currency: EUR,
        timezone: "Europe/Berlin",
        carriers: &["4px", "dhl", "yunexpress", "china-post"],
        dests: &[
            ("DE", 70),
            ("AT", 10),
            ("NL", 6),
            ("PL", 6),
            ("FR", 4),
            ("IT", 4),
        ],
        weight: 20,
        amazon_prefix: &[],
    },
    StoreTpl {
        key: "acme-global-shop",
        name: "Acme Home (Shopify, worldwide)",
        platform: Platform::Shopify,
        region: "GLOBAL",
        currency: USD,
        timezone: "UTC",
        carriers: &["yunexpress", "4px", "china-post", "ups"],
        dests: &[
            ("US", 20),
            ("GB", 12),
            ("CA", 5),
            ("AU", 5),
            ("IE", 1),
            ("DE", 6),
            ("FR", 7),
            ("ES", 5),
            ("IT", 4),
            ("NL", 3),
            ("BR", 5),
            ("PT", 1),
            ("PL", 3),
            ("TR", 3),
            ("JP", 6),
            ("KR", 4),
            ("SA", 3),
            ("AE", 3),
            ("TW", 3),
            ("MX", 2),
        ],
        weight: 25,
        amazon_prefix: &[],
    },
    StoreTpl {
        key: "acme-ali",
        name: "Acme Home Official Store (AliExpress)",
        platform: Platform::Aliexpress,
        region: "GLOBAL",
        currency: USD,
        timezone: "Asia/Shanghai",
        carriers: &["cainiao", "china-post", "4px"],
        dests: &[
            ("RU", 16),
            ("BR", 14),
            ("ES", 12),
            ("FR", 8),
            ("PL", 8),
            ("KR", 7),
            ("US", 6),
            ("SA", 5),
            ("TR", 5),
            ("NL", 3),
            ("IT", 4),
            ("JP", 3),
            ("MX", 4),
            ("GB", 2),
            ("DE", 3),
            ("AE", 2),
            ("PT", 2),
        ],
        weight: 20,
        amazon_prefix: &[],
    },
    StoreTpl {
        key: "acme-uk-amzn",
        name: "Acme Home UK (Amazon)",
        platform: Platform::Amazon,
        region: "UK",
        currency: GBP,
        timezone: "Europe/London",
        carriers: &["yunexpress", "china-post", "dhl"],
        dests: &[("GB", 92), ("IE", 8)],
        weight: 20,
        amazon_prefix: &["202", "203", "204", "205", "206"],
    },
    StoreTpl {
        key: "acme-fr-amzn",
        name: "Acme Home FR (Amazon)",
        platform: Platform::Amazon,
        region: "FR",
        currency: EUR,
        timezone: "Europe/Paris",
        carriers: &["yunexpress", "china-post", "dhl"],
        dests: &[("FR", 100)],
        weight: 14,
        amazon_prefix: &["402", "403", "404", "405", "406", "407"],
    },
    StoreTpl {
        key: "acme-jp-amzn",
        name: "Acme Home JP (Amazon)",
        platform: Platform::Amazon,
        region: "JP",
        currency: JPY,
        timezone: "Asia/Tokyo",
        carriers: &["yunexpress", "dhl"],
        dests: &[("JP", 100)],
        weight: 12,
        amazon_prefix: &["249", "250", "503"],
    },
    StoreTpl {
        key: "acme-it-ebay",
        name: "Acme Home IT (eBay)",
        platform: Platform::Ebay,
        region: "IT",
        currency: EUR,
        timezone: "Europe/Rome",
        carriers: &["yunexpress", "4px", "china-post"],
        dests: &[("IT", 90), ("ES", 5), ("FR", 5)],
        weight: 10,
        amazon_prefix: &[],
    },
];

/// A store of the demo workspace (a template, possibly repeated with a suffix).
#[derive(Clone, Debug)]
pub(crate) struct Store {
    pub key: String,
    pub name: String,
    pub tpl: usize,
}

impl Store {
    pub(crate) fn tpl(&self) -> &'static StoreTpl {
        &STORE_TEMPLATES[self.tpl % STORE_TEMPLATES.len()]
    }
}

/// `n` stores: the templates in order, then repeats with a numeric suffix.
pub(crate) fn stores(n: usize) -> Vec<Store> {
    (0..n)
        .map(|i| {
            let tpl = i % STORE_TEMPLATES.len();
            let round = i / STORE_TEMPLATES.len();
            let t = &STORE_TEMPLATES[tpl];
            if round == 0 {
                Store {
                    key: t.key.to_string(),
                    name: t.name.to_string(),
                    tpl,
                }
            } else {
                Store {
                    key: format!("{}-{}", t.key, round + 1),
                    name: format!("{} {}", t.name, round + 1),
                    tpl,
                }
            }
        })
        .collect()
}

/// The store record of the import contract.
pub(crate) fn store_record(s: &Store) -> Value {
    let t = s.tpl();
    json!({
        "type": "store",
        "key": s.key,
        "name": s.name,
        "platform": t.platform.as_str(),
        "region": t.region,
        "currency": t.currency.code,
        "timezone": t.timezone,
        "group": GROUP,
        "carriers": t.carriers,
    })
}

/// What kind of thing a product is (drives which complaints make sense).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Has a lithium battery (swelling, overheating).
    Battery,
    /// Plugs into the mains (smoke, sparks).
    Mains,
    /// Clothing and shoes (sizes).
    Apparel,
    /// Anything else: home, kitchen, accessories.
    Goods,
}

/// A base product; variants multiply it into SKUs.
pub(crate) struct Product {
    pub code: &'static str,
    pub title: &'static str,
    pub usd_cents: i64,
    pub cost_cents: i64,
    pub kind: Kind,
    pub variants: &'static [&'static str],
}

/// A SKU listed in a store.
#[derive(Clone, Debug)]
pub(crate) struct Sku {
    pub code: String,
    pub title: String,
    /// Index into [`crate::products::PRODUCTS`].
    pub product: usize,
    pub kind: Kind,
    /// Price in the store currency's minor units.
    pub price: i64,
    pub cost: i64,
}

/// Variant suffix → title suffix.
fn variant_title(v: &str) -> &'static str {
    match v {
        "BLK" => "Black",
        "WHT" => "White",
        "GRY" => "Grey",
        "NVY" => "Navy",
        "PNK" => "Pink",
        "GRN" => "Sage green",
        "S" => "size S",
        "M" => "size M",
        "L" => "size L",
        "XL" => "size XL",
        "38" => "EU 38",
        "40" => "EU 40",
        "42" => "EU 42",
        "44" => "EU 44",
        "2PK" => "2-pack",
        "3PK" => "3-pack",
        _ => "",
    }
}

/// Every SKU the group sells, in a stable order (base products × variants).
pub(crate) fn sku_pool() -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    for (i, p) in crate::products::PRODUCTS.iter().enumerate() {
        if p.variants.is_empty() {
            out.push((format!("AH-{}", p.code), p.title.to_string(), i));
        }
        for v in p.variants {
            out.push((
                format!("AH-{}-{v}", p.code),
                format!("{}, {}", p.title, variant_title(v)),
                i,
            ));
        }
    }
    out
}

/// The SKUs a store lists: a core shared by every store of the group plus its own picks.
pub(crate) fn store_skus(
    rng: &mut Rng,
    pool: &[(String, String, usize)],
    order: &[usize],
    cur: Currency,
    n: usize,
) -> Vec<Sku> {
    let shared = (n * 3 / 5).min(order.len());
    let mut chosen: Vec<usize> = order[..shared].to_vec();
    let mut rest: Vec<usize> = order[shared..].to_vec();
    rng.shuffle(&mut rest);
    chosen.extend(rest.into_iter().take(n.saturating_sub(shared)));
    chosen.sort_unstable();
    let mut skus: Vec<Sku> = chosen
        .iter()
        .map(|&i| make_sku(rng, &pool[i], cur, 1))
        .collect();
    // Bigger scales than the pool: multi-packs of the shared core.
    let mut pack = 2;
    while skus.len() < n {
        for &i in order.iter().take(n - skus.len()) {
            let mut s = make_sku(rng, &pool[i], cur, pack);
            s.code = format!("{}-{pack}PK", s.code);
            s.title = format!("{}, {pack}-pack", s.title);
            skus.push(s);
        }
        pack += 1;
    }
    skus
}

fn make_sku(
    rng: &mut Rng,
    (code, title, product): &(String, String, usize),
    cur: Currency,
    pack: i64,
) -> Sku {
    let p = &crate::products::PRODUCTS[*product];
    // Prices drift a little between stores (fees differ per marketplace).
    let drift = 95 + rng.i64(0..12);
    let usd = p.usd_cents * pack * drift / 100 * if pack > 1 { 9 } else { 10 } / 10;
    Sku {
        code: code.clone(),
        title: title.clone(),
        product: *product,
        kind: p.kind,
        price: retail_price(usd, cur),
        cost: convert(p.cost_cents * pack, cur),
    }
}

/// The sku record of the import contract.
pub(crate) fn sku_record(store: &Store, sku: &Sku) -> Value {
    let cur = store.tpl().currency;
    json!({
        "type": "sku",
        "store": store.key,
        "sku": sku.code,
        "title": sku.title,
        "cost": money(sku.cost, cur),
        "price": money(sku.price, cur),
    })
}
