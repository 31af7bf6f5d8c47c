//! The concrete facts a conversation's messages mention: the product as the buyer calls it,
//! amounts in the right currency, the carrier by the name the buyer uses, who to @mention.

use chrono::{DateTime, Utc};
use fastrand::Rng;

use crate::Workspace;
use crate::catalog::{BRAND, BRAND_HANDLE, BRAND_HELP_HANDLE, Kind, Platform};
use crate::customers::Customer;
use crate::names::{COUNTRIES, Country};
use crate::orders::Order;
use crate::phrases::{Cat, Ctx};
use crate::plan::{Plan, State, days};
use crate::products::PRODUCTS;
use crate::util::{Currency, chance};

/// Owned facts behind a [`Ctx`].
pub(crate) struct Scene<'w> {
    pub customer: &'w Customer,
    pub order: Option<&'w Order>,
    item: String,
    kind: Kind,
    amount: i64,
    currency: &'static str,
    carrier: &'static str,
    mention: String,
    sign: &'w str,
    delivered: Option<bool>,
}

impl<'w> Scene<'w> {
    pub(crate) fn new(rng: &mut Rng, ws: &'w Workspace, plan: &Plan) -> Self {
        let customer = &ws.customers[plan.customer];
        let order = plan.order.map(|i| &ws.orders[i]);
        let tpl = ws.stores[plan.store].tpl();
        let sku = order
            .and_then(|o| o.items.first())
            .and_then(|it| ws.skus[plan.store].get(it.sku));
        let country = &COUNTRIES[customer.country];
        let (amount, currency) = amount(rng, plan.cat, order, tpl.currency, country.currency);
        let mention = match (tpl.platform, rng.u8(0..10)) {
            (Platform::Amazon, 0..=1) => format!("{BRAND_HELP_HANDLE} @AmazonHelp"),
            (_, 2) => BRAND_HANDLE.to_string(),
            _ => BRAND_HELP_HANDLE.to_string(),
        };
        let sign = if chance(rng, 0.5) {
            customer.first.as_str()
        } else {
            customer.name.as_str()
        };
        Scene {
            customer,
            order,
            item: spoken_title(sku.map_or("order", |s| PRODUCTS[s.product].title)),
            kind: sku.map_or(Kind::Goods, |s| s.kind),
            amount,
            currency,
            carrier: order.map_or("", |o| carrier_name(plan, o, country)),
            mention,
            sign,
            delivered: order.map(|_| plan.state == State::Delivered),
        }
    }

    /// The context for a message sent at `t`.
    pub(crate) fn ctx(&self, rng: &mut Rng, plan: &Plan, t: DateTime<Utc>) -> Ctx<'_> {
        Ctx {
            order: self.order.map(|o| o.number.as_str()),
            tracking: self
                .order
                .filter(|_| plan.state != State::Fresh)
                .map(|o| o.shipment.tracking.as_str()),
            days: days(rng, plan, self.order, t),
            amount: self.amount,
            currency: self.currency,
            item: &self.item,
            kind: self.kind,
            carrier: self.carrier,
            city: self.customer.city,
            phone: &self.customer.phone,
            name: self.sign,
            mention: &self.mention,
            brand: BRAND,
            delivered: self.delivered,
        }
    }
}

/// The carrier as the buyer names it: the national post for last-mile trouble (in the
/// buyer's own language), else the shipping carrier.
fn carrier_name(plan: &Plan, o: &Order, country: &Country) -> &'static str {
    let sh = o.shipment.carrier;
    if plan.cat != Cat::LastMile || sh.door_to_door() {
        return sh.display();
    }
    match (plan.lang == country.lang, country.code) {
        (true, "RU") => "Почта России",
        (true, "JP") => "日本郵便",
        (true, "KR") => "CJ대한통운",
        (true, "TW") => "中華郵政",
        (true, "SA") => "سبل",
        (true, "AE") => "بريد الإمارات",
        _ => country.last_mile,
    }
}

/// The money a message mentions: the order total, or a duty in the buyer's local currency.
fn amount(
    rng: &mut Rng,
    cat: Cat,
    order: Option<&Order>,
    store: Currency,
    local: &'static str,
) -> (i64, &'static str) {
    let total = order.map_or(2999, |o| o.total);
    if cat != Cat::Duties {
        return (total, store.code);
    }
    // A duty of 15–25 % of the order, charged at the door in local money.
    let usd_cents =
        total * 100 / store.per_usd_x100.max(1) * if store.decimals == 0 { 100 } else { 1 };
    let local_minor = usd_cents * rng.i64(15..26) / 100 * per_usd_x100(local) / 100;
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
