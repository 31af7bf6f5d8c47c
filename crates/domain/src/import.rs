//! The reference-data import contract (`crossdesk import FILE.jsonl`): stores, SKUs, orders,
//! shipments and tracking events, one record per line with a `type`.

use crate::FieldError;
use crate::inbound::{normalize_email, normalize_handle};
use crate::model::{Incoterm, Platform, TrackingStatus};
use crate::money::{Money, parse_currency};
use crate::wire::Obj;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

const KEY_CHARS: usize = 128;

/// A store: one seller account on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreRecord {
    /// Stable key used everywhere else (`acme-us`).
    pub key: String,
    /// Display name.
    pub name: String,
    /// Where it sells.
    pub platform: Platform,
    /// Market region (ISO country or region code).
    pub region: Option<String>,
    /// The store's currency.
    pub currency: String,
    /// IANA time zone of the store's market.
    pub timezone: Option<String>,
    /// Key of the store group it belongs to (linked stores sharing customers and SKUs).
    pub group: Option<String>,
    /// Carriers it ships with, preferred first.
    pub carriers: Vec<String>,
}

/// A product sold in a store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkuRecord {
    /// Store key.
    pub store: String,
    /// The SKU code.
    pub sku: String,
    /// Product title.
    pub title: String,
    /// Unit cost (store currency, decimal text).
    pub cost: Option<String>,
    /// Unit price (store currency, decimal text).
    pub price: Option<String>,
}

/// The buyer named on an order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderCustomer {
    /// E-mail, lowercased.
    pub email: Option<String>,
    /// Social handle, normalised.
    pub handle: Option<String>,
    /// Marketplace buyer id.
    pub buyer_id: Option<String>,
    /// Name.
    pub name: Option<String>,
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItemRecord {
    /// SKU code.
    pub sku: String,
    /// Units.
    pub quantity: u32,
    /// Unit price in the order currency, minor units.
    pub price_minor: i64,
}

/// An order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRecord {
    /// Store key.
    pub store: String,
    /// The platform's order number.
    pub number: String,
    /// Who bought.
    pub customer: OrderCustomer,
    /// What was bought.
    pub items: Vec<LineItemRecord>,
    /// Order total.
    pub total: Money,
    /// Who pays duties.
    pub incoterm: Option<Incoterm>,
    /// ISO country code of the destination.
    pub destination_country: Option<String>,
    /// When it was placed.
    pub placed_at: DateTime<Utc>,
}

/// A parcel sent for an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentRecord {
    /// Store key.
    pub store: String,
    /// The order's number in that store.
    pub order_number: String,
    /// Carrier slug (`yunexpress`, `usps`).
    pub carrier: String,
    /// Tracking number, uppercase without spaces.
    pub tracking_number: String,
    /// Warehouse it left from.
    pub warehouse: Option<String>,
    /// Delivery promised to the buyer by.
    pub promised_by: Option<DateTime<Utc>>,
}

/// A carrier scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackingEventRecord {
    /// Tracking number of the shipment.
    pub tracking_number: String,
    /// Carrier slug.
    pub carrier: Option<String>,
    /// Aggregator status tag.
    pub tag: TrackingStatus,
    /// Aggregator sub-status (`Exception_011`).
    pub subtag: Option<String>,
    /// The carrier's text.
    pub message: String,
    /// Where it happened.
    pub location: Option<String>,
    /// When it happened.
    pub at: DateTime<Utc>,
}

/// One line of an import file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportRecord {
    /// A store.
    Store(StoreRecord),
    /// A SKU.
    Sku(SkuRecord),
    /// An order.
    Order(OrderRecord),
    /// A shipment.
    Shipment(ShipmentRecord),
    /// A tracking event.
    TrackingEvent(TrackingEventRecord),
}

impl ImportRecord {
    /// The record's `type` name.
    pub fn kind(&self) -> &'static str {
        match self {
            ImportRecord::Store(_) => "store",
            ImportRecord::Sku(_) => "sku",
            ImportRecord::Order(_) => "order",
            ImportRecord::Shipment(_) => "shipment",
            ImportRecord::TrackingEvent(_) => "tracking_event",
        }
    }

    /// Parses and validates one record.
    pub fn parse(value: &Value) -> Result<Self, FieldError> {
        let o = Obj::root(value)?;
        let kind = o.req_str("type", 32)?;
        match kind.as_str() {
            "store" => parse_store(&o).map(ImportRecord::Store),
            "sku" => parse_sku(&o).map(ImportRecord::Sku),
            "order" => parse_order(&o).map(ImportRecord::Order),
            "shipment" => parse_shipment(&o).map(ImportRecord::Shipment),
            "tracking_event" => parse_tracking_event(&o).map(ImportRecord::TrackingEvent),
            other => Err(FieldError::new(
                "type",
                format!(
                    "unknown record type {other:?}; expected one of: store, sku, order, shipment, tracking_event"
                ),
            )),
        }
    }
}

fn currency(o: &Obj<'_>, key: &str) -> Result<String, FieldError> {
    let text = o.req_str(key, 8)?;
    parse_currency(&text).map_err(|e| FieldError::new(o.path(key), e.to_string()))
}

fn decimal_check(o: &Obj<'_>, key: &str) -> Result<Option<String>, FieldError> {
    match o.opt_decimal(key)? {
        None => Ok(None),
        Some(text) => {
            // Reference prices are in the store's currency, which is not known here; check
            // the shape with the widest precision and keep the text.
            Money::parse(&text, "BHD").map_err(|_| {
                FieldError::new(
                    o.path(key),
                    format!("expected a decimal amount such as \"59.90\", got {text:?}"),
                )
            })?;
            Ok(Some(text))
        }
    }
}

fn parse_store(o: &Obj<'_>) -> Result<StoreRecord, FieldError> {
    let key = o.req_str("key", KEY_CHARS)?;
    if !key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    {
        return Err(FieldError::new(
            "key",
            "use letters, digits, '-', '_' or '.' only (it appears in URLs)",
        ));
    }
    let mut carriers = Vec::new();
    for (i, c) in o.array("carriers")?.iter().enumerate() {
        match c.as_str().map(str::trim) {
            Some(s) if !s.is_empty() => carriers.push(s.to_ascii_lowercase()),
            _ => {
                return Err(FieldError::new(
                    format!("carriers[{i}]"),
                    "expected a carrier slug string",
                ));
            }
        }
    }
    Ok(StoreRecord {
        name: o.opt_str("name", 256)?.unwrap_or_else(|| key.clone()),
        key,
        platform: o
            .opt_enum("platform", Platform::parse, Platform::expected)?
            .ok_or_else(|| FieldError::new("platform", "is required"))?,
        region: o.opt_str("region", 16)?.map(|r| r.to_ascii_uppercase()),
        currency: currency(o, "currency")?,
        timezone: o.opt_str("timezone", 64)?,
        group: o.opt_str("group", KEY_CHARS)?,
        carriers,
    })
}

fn parse_sku(o: &Obj<'_>) -> Result<SkuRecord, FieldError> {
    Ok(SkuRecord {
        store: o.req_str("store", KEY_CHARS)?,
        sku: o.req_str("sku", KEY_CHARS)?,
        title: o.opt_str("title", 1_000)?.unwrap_or_default(),
        cost: decimal_check(o, "cost")?,
        price: decimal_check(o, "price")?,
    })
}

fn parse_order(o: &Obj<'_>) -> Result<OrderRecord, FieldError> {
    let store = o.req_str("store", KEY_CHARS)?;
    let number = o.req_str("number", 64)?;
    let currency = currency(o, "currency")?;
    let customer = match o.opt_obj("customer")? {
        None => OrderCustomer::default(),
        Some(c) => OrderCustomer {
            email: match c.opt_str("email", 320)? {
                None => None,
                Some(e) => Some(normalize_email(&e).ok_or_else(|| {
                    FieldError::new(c.path("email"), format!("not an e-mail address: {e:?}"))
                })?),
            },
            handle: match c.opt_str("handle", 64)? {
                None => None,
                Some(h) => Some(normalize_handle(&h).ok_or_else(|| {
                    FieldError::new(c.path("handle"), format!("not a handle: {h:?}"))
                })?),
            },
            buyer_id: c.opt_str("buyer_id", 256)?,
            name: c.opt_str("name", 512)?,
        },
    };
    let mut items = Vec::new();
    for (i, item) in o.array("items")?.iter().enumerate() {
        let it = o.element("items", i, item)?;
        let quantity = it.opt_u64("quantity")?.unwrap_or(1);
        let quantity = u32::try_from(quantity)
            .ok()
            .filter(|q| *q > 0)
            .ok_or_else(|| {
                FieldError::new(it.path("quantity"), "expected a whole number from 1")
            })?;
        let price = match it.opt_decimal("price")? {
            None => 0,
            Some(text) => {
                Money::parse(&text, &currency)
                    .map_err(|e| FieldError::new(it.path("price"), e.to_string()))?
                    .minor
            }
        };
        items.push(LineItemRecord {
            sku: it.req_str("sku", KEY_CHARS)?,
            quantity,
            price_minor: price,
        });
    }
    let total = match o.opt_decimal("total")? {
        Some(text) => {
            Money::parse(&text, &currency).map_err(|e| FieldError::new("total", e.to_string()))?
        }
        None if !items.is_empty() => Money {
            minor: items
                .iter()
                .map(|i| i.price_minor * i64::from(i.quantity))
                .sum(),
            currency: currency.clone(),
        },
        None => {
            return Err(FieldError::new(
                "total",
                "is required when there are no items",
            ));
        }
    };
    Ok(OrderRecord {
        store,
        number,
        customer,
        items,
        total,
        incoterm: o.opt_enum("incoterm", Incoterm::parse, Incoterm::expected)?,
        destination_country: o
            .opt_str("destination_country", 8)?
            .map(|c| c.to_ascii_uppercase()),
        placed_at: o.req_time("placed_at")?,
    })
}

/// Uppercases a tracking number and drops spaces and dashes.
pub fn normalize_tracking_number(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

fn tracking_number(o: &Obj<'_>) -> Result<String, FieldError> {
    let t = normalize_tracking_number(&o.req_str("tracking_number", 64)?);
    if t.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(t)
    } else {
        Err(FieldError::new(
            "tracking_number",
            "use letters and digits only",
        ))
    }
}

fn parse_shipment(o: &Obj<'_>) -> Result<ShipmentRecord, FieldError> {
    Ok(ShipmentRecord {
        store: o.req_str("store", KEY_CHARS)?,
        order_number: o.req_str("order_number", 64)?,
        carrier: o.req_str("carrier", 64)?.to_ascii_lowercase(),
        tracking_number: tracking_number(o)?,
        warehouse: o.opt_str("warehouse", 128)?,
        promised_by: o.opt_time("promised_by")?,
    })
}

fn parse_tracking_event(o: &Obj<'_>) -> Result<TrackingEventRecord, FieldError> {
    Ok(TrackingEventRecord {
        tracking_number: tracking_number(o)?,
        carrier: o.opt_str("carrier", 64)?.map(|c| c.to_ascii_lowercase()),
        tag: o
            .opt_enum("tag", TrackingStatus::parse, TrackingStatus::expected)?
            .ok_or_else(|| FieldError::new("tag", "is required"))?,
        subtag: o.opt_str("subtag", 64)?,
        message: o.opt_str("message", 2_000)?.unwrap_or_default(),
        location: o.opt_str("location", 256)?,
        at: o.req_time("at")?,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_order_with_items_parses_into_minor_units() {
        let v = json!({"type": "order", "store": "acme-de", "number": "302-1234567-1234567",
            "customer": {"email": "Max@Example.DE", "name": "Max"},
            "items": [{"sku": "K-1", "quantity": 2, "price": "19.90"}],
            "currency": "eur", "incoterm": "DDP", "destination_country": "de",
            "placed_at": "2026-11-01T10:00:00Z"});
        let ImportRecord::Order(o) = ImportRecord::parse(&v).unwrap() else {
            panic!("not an order")
        };
        assert_eq!(o.total.minor, 3980);
        assert_eq!(o.total.currency, "EUR");
        assert_eq!(o.customer.email.as_deref(), Some("max@example.de"));
        assert_eq!(o.destination_country.as_deref(), Some("DE"));
    }

    #[test]
    fn bad_records_name_their_field() {
        let cases = [
            (json!({"type": "planet"}), "type"),
            (json!({"no_type": 1}), "type"),
            (
                json!({"type": "store", "key": "a b", "platform": "amazon", "currency": "USD"}),
                "key",
            ),
            (
                json!({"type": "store", "key": "a", "platform": "etsyy", "currency": "USD"}),
                "platform",
            ),
            (
                json!({"type": "store", "key": "a", "platform": "ebay", "currency": "dollars"}),
                "currency",
            ),
            (
                json!({"type": "order", "store": "a", "number": "1", "currency": "USD",
                "items": [{"sku": "x", "quantity": 0}], "placed_at": "2026-11-01T10:00:00Z"}),
                "items[0].quantity",
            ),
            (
                json!({"type": "order", "store": "a", "number": "1", "currency": "USD", "total": "1,5",
                "placed_at": "2026-11-01T10:00:00Z"}),
                "total",
            ),
            (
                json!({"type": "shipment", "store": "a", "order_number": "1", "carrier": "ups",
                "tracking_number": "1Z/99"}),
                "tracking_number",
            ),
            (
                json!({"type": "tracking_event", "tracking_number": "LX1", "tag": "Lost",
                "at": "2026-11-01T10:00:00Z"}),
                "tag",
            ),
            (
                json!({"type": "sku", "store": "a", "sku": "b", "cost": "cheap"}),
                "cost",
            ),
        ];
        for (value, field) in cases {
            let err = ImportRecord::parse(&value).unwrap_err();
            assert_eq!(err.field, field, "{value} → {err}");
        }
    }

    #[test]
    fn tracking_numbers_are_normalised() {
        assert_eq!(normalize_tracking_number(" lx 123-456 cn"), "LX123456CN");
    }
}
