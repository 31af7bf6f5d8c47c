//! Reference-data import: stores, SKUs, orders (with their customers), shipments and
//! tracking events, upserted by natural key so that importing a file twice changes nothing.

use crate::customers::{Claim, CustomerBook};
use crate::sql::{RowExt, Val, ms, query_with};
use crate::{Db, DbError};
use chrono::{DateTime, Utc};
use crossdesk_domain::FieldError;
use crossdesk_domain::import::{
    ImportRecord, OrderRecord, ShipmentRecord, SkuRecord, StoreRecord, TrackingEventRecord,
};
use crossdesk_domain::model::IdentityKind;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// What import did with one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new row.
    Created,
    /// An existing row took new values.
    Updated,
    /// Already there with the same values.
    Unchanged,
    /// Refused (for example, a shipment for an order that does not exist).
    Rejected(FieldError),
}

/// Counts of outcomes, for progress lines and summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportStats {
    /// New rows.
    pub created: u64,
    /// Changed rows.
    pub updated: u64,
    /// Rows that were already current.
    pub unchanged: u64,
    /// Refused records.
    pub rejected: u64,
}

impl ImportStats {
    /// Counts one outcome.
    pub fn add(&mut self, outcome: &ImportOutcome) {
        match outcome {
            ImportOutcome::Created => self.created += 1,
            ImportOutcome::Updated => self.updated += 1,
            ImportOutcome::Unchanged => self.unchanged += 1,
            ImportOutcome::Rejected(_) => self.rejected += 1,
        }
    }
}

#[derive(Debug, Clone)]
struct StoreRef {
    id: i64,
    platform: String,
}

struct Batch<'a> {
    db: &'a Db,
    now: i64,
    stores: HashMap<String, Option<StoreRef>>,
    orders: HashMap<(i64, String), Option<i64>>,
    shipments: HashMap<String, Option<i64>>,
}

impl Db {
    /// Imports a batch of reference records in one transaction. Records that cannot be
    /// applied are rejected individually; the others are kept.
    #[tracing::instrument(skip_all, fields(batch = records.len()))]
    pub async fn import(
        &self,
        records: &[ImportRecord],
        now: DateTime<Utc>,
    ) -> Result<Vec<ImportOutcome>, DbError> {
        let mut tx = self.begin_write().await?;
        let mut batch = Batch {
            db: self,
            now: ms(now),
            stores: HashMap::new(),
            orders: HashMap::new(),
            shipments: HashMap::new(),
        };
        let customers = batch.resolve_customers(&mut tx, records).await?;
        let mut out = Vec::with_capacity(records.len());
        for (i, record) in records.iter().enumerate() {
            let outcome = match record {
                ImportRecord::Store(r) => batch.store(&mut tx, r).await?,
                ImportRecord::Sku(r) => batch.sku(&mut tx, r).await?,
                ImportRecord::Order(r) => {
                    batch.order(&mut tx, r, customers.get(&i).copied()).await?
                }
                ImportRecord::Shipment(r) => batch.shipment(&mut tx, r).await?,
                ImportRecord::TrackingEvent(r) => batch.tracking_event(&mut tx, r).await?,
            };
            out.push(outcome);
        }
        tx.commit().await?;
        Ok(out)
    }
}

fn unknown_store(key: &str) -> ImportOutcome {
    ImportOutcome::Rejected(FieldError::new(
        "store",
        format!("no store with key {key:?}; import its store record first"),
    ))
}

impl Batch<'_> {
    async fn store_ref(
        &mut self,
        conn: &mut AnyConnection,
        key: &str,
    ) -> Result<Option<StoreRef>, DbError> {
        if let Some(s) = self.stores.get(key) {
            return Ok(s.clone());
        }
        let row = query_with(
            "SELECT id, platform FROM stores WHERE key = $1".into(),
            vec![Val::from(key)],
        )
        .fetch_optional(&mut *conn)
        .await?;
        let s = match row {
            Some(r) => Some(StoreRef {
                id: r.int(0)?,
                platform: r.text(1)?,
            }),
            None => None,
        };
        self.stores.insert(key.to_string(), s.clone());
        Ok(s)
    }

    /// Resolves the customers of every order in the batch first, so that orders can point at
    /// them; an order presenting several identities ties them to one customer.
    async fn resolve_customers(
        &mut self,
        conn: &mut AnyConnection,
        records: &[ImportRecord],
    ) -> Result<HashMap<usize, i64>, DbError> {
        let mut platforms: HashMap<&str, String> = HashMap::new();
        let mut wanted: Vec<(usize, &OrderRecord, Vec<Claim>)> = Vec::new();
        for (i, r) in records.iter().enumerate() {
            match r {
                ImportRecord::Store(s) => {
                    platforms.insert(&s.key, s.platform.as_str().to_string());
                }
                ImportRecord::Order(o) => {
                    let platform = match platforms.get(o.store.as_str()) {
                        Some(p) => Some(p.clone()),
                        None => self.store_ref(conn, &o.store).await?.map(|s| s.platform),
                    };
                    let Some(platform) = platform else { continue };
                    let mut claims = Vec::new();
                    if let Some(e) = &o.customer.email {
                        claims.push(Claim::new(IdentityKind::Email, e.clone()));
                    }
                    if let Some(h) = &o.customer.handle {
                        claims.push(Claim::new(IdentityKind::Handle, h.clone()));
                    }
                    if let Some(b) = &o.customer.buyer_id {
                        claims.push(Claim::new(IdentityKind::BuyerId, format!("{platform}:{b}")));
                    }
                    if !claims.is_empty() {
                        wanted.push((i, o, claims));
                    }
                }
                _ => {}
            }
        }
        if wanted.is_empty() {
            return Ok(HashMap::new());
        }
        let mut book = CustomerBook::load(
            conn,
            self.db.backend(),
            wanted.iter().flat_map(|(_, _, c)| c),
        )
        .await?;
        let handed: Vec<(usize, i64)> = wanted
            .iter()
            .map(|(i, o, claims)| (*i, book.claim(claims, o.customer.name.as_deref())))
            .collect();
        let found: Vec<(usize, i64)> = handed.iter().map(|(i, c)| (*i, book.find(*c))).collect();
        let resolved = book.flush(self.db, conn, self.now).await?;
        Ok(found
            .into_iter()
            .map(|(i, c)| (i, resolved.id(c)))
            .collect())
    }

    async fn store(
        &mut self,
        conn: &mut AnyConnection,
        r: &StoreRecord,
    ) -> Result<ImportOutcome, DbError> {
        let group_id = match &r.group {
            None => None,
            Some(key) => {
                query_with(
                    "INSERT INTO store_groups (key, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING".into(),
                    vec![Val::from(key.as_str()), Val::from(key.as_str()), Val::from(self.now)],
                )
                .execute(&mut *conn)
                .await?;
                let row = query_with(
                    "SELECT id FROM store_groups WHERE key = $1".into(),
                    vec![Val::from(key.as_str())],
                )
                .fetch_one(&mut *conn)
                .await?;
                Some(row.int(0)?)
            }
        };
        let carriers = serde_json::to_string(&r.carriers).unwrap_or_else(|_| "[]".into());
        let values = vec![
            Val::from(r.name.as_str()),
            Val::from(r.platform.as_str()),
            Val::from(r.region.clone()),
            Val::from(r.currency.as_str()),
            Val::from(r.timezone.clone()),
            Val::from(group_id),
            Val::from(carriers),
        ];
        let existing = query_with(
            "SELECT id FROM stores WHERE key = $1 AND name = $2 AND platform = $3 AND region IS NOT DISTINCT FROM $4 \
             AND currency = $5 AND timezone IS NOT DISTINCT FROM $6 AND group_id IS NOT DISTINCT FROM $7 AND carriers = $8"
                .into(),
            std::iter::once(Val::from(r.key.as_str())).chain(values.clone()).collect(),
        )
        .fetch_optional(&mut *conn)
        .await?;
        if existing.is_some() {
            return Ok(ImportOutcome::Unchanged);
        }
        let existed = query_with(
            "SELECT id FROM stores WHERE key = $1".into(),
            vec![Val::from(r.key.as_str())],
        )
        .fetch_optional(&mut *conn)
        .await?
        .is_some();
        let mut all = vec![Val::from(r.key.as_str())];
        all.extend(values);
        all.push(Val::from(self.now));
        query_with(
            "INSERT INTO stores (key, name, platform, region, currency, timezone, group_id, carriers, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
             ON CONFLICT (key) DO UPDATE SET name = $2, platform = $3, region = $4, currency = $5, timezone = $6, \
             group_id = $7, carriers = $8, updated_at = $9"
                .into(),
            all,
        )
        .execute(&mut *conn)
        .await?;
        self.stores.remove(&r.key);
        Ok(if existed {
            ImportOutcome::Updated
        } else {
            ImportOutcome::Created
        })
    }

    async fn sku(
        &mut self,
        conn: &mut AnyConnection,
        r: &SkuRecord,
    ) -> Result<ImportOutcome, DbError> {
        let Some(store) = self.store_ref(conn, &r.store).await? else {
            return Ok(unknown_store(&r.store));
        };
        let values = vec![
            Val::from(store.id),
            Val::from(r.sku.as_str()),
            Val::from(r.title.as_str()),
            Val::from(r.cost.clone()),
            Val::from(r.price.clone()),
        ];
        let same = query_with(
            "SELECT id FROM skus WHERE store_id = $1 AND sku = $2 AND title = $3 \
             AND cost IS NOT DISTINCT FROM $4 AND price IS NOT DISTINCT FROM $5"
                .into(),
            values.clone(),
        )
        .fetch_optional(&mut *conn)
        .await?;
        if same.is_some() {
            return Ok(ImportOutcome::Unchanged);
        }
        let existed = query_with(
            "SELECT id FROM skus WHERE store_id = $1 AND sku = $2".into(),
            vec![Val::from(store.id), Val::from(r.sku.as_str())],
        )
        .fetch_optional(&mut *conn)
        .await?
        .is_some();
        query_with(
            "INSERT INTO skus (store_id, sku, title, cost, price) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (store_id, sku) DO UPDATE SET title = $3, cost = $4, price = $5"
                .into(),
            values,
        )
        .execute(&mut *conn)
        .await?;
        Ok(if existed {
            ImportOutcome::Updated
        } else {
            ImportOutcome::Created
        })
    }

    async fn order(
        &mut self,
        conn: &mut AnyConnection,
        r: &OrderRecord,
        customer: Option<i64>,
    ) -> Result<ImportOutcome, DbError> {
        let Some(store) = self.store_ref(conn, &r.store).await? else {
            return Ok(unknown_store(&r.store));
        };
        let values = vec![
            Val::from(customer),
            Val::from(r.total.currency.as_str()),
            Val::from(r.total.minor),
            Val::from(r.total.usd_cents()),
            Val::from(r.incoterm.map(|i| i.as_str().to_string())),
            Val::from(r.destination_country.clone()),
            Val::from(ms(r.placed_at)),
        ];
        let items = serde_json::to_string(&r.items).unwrap_or_default();
        let existing = query_with(
            "SELECT id, customer_id, currency, total_minor, total_usd_cents, incoterm, destination_country, placed_at \
             FROM orders WHERE store_id = $1 AND number = $2"
                .into(),
            vec![Val::from(store.id), Val::from(r.number.as_str())],
        )
        .fetch_optional(&mut *conn)
        .await?;
        let (id, outcome) = match existing {
            Some(row) => {
                let id = row.int(0)?;
                let stored_items = line_items_json(conn, id).await?;
                let same = row.opt_int(1)? == customer
                    && row.text(2)? == r.total.currency
                    && row.int(3)? == r.total.minor
                    && row.opt_text(5)? == r.incoterm.map(|i| i.as_str().to_string())
                    && row.opt_text(6)? == r.destination_country
                    && row.int(7)? == ms(r.placed_at)
                    && stored_items == items;
                if same {
                    self.orders.insert((store.id, r.number.clone()), Some(id));
                    return Ok(ImportOutcome::Unchanged);
                }
                let mut v = values;
                v.push(Val::from(self.now));
                v.push(Val::from(id));
                query_with(
                    "UPDATE orders SET customer_id = $1, currency = $2, total_minor = $3, total_usd_cents = $4, \
                     incoterm = $5, destination_country = $6, placed_at = $7, updated_at = $8 WHERE id = $9"
                        .into(),
                    v,
                )
                .execute(&mut *conn)
                .await?;
                query_with(
                    "DELETE FROM line_items WHERE order_id = $1".into(),
                    vec![Val::from(id)],
                )
                .execute(&mut *conn)
                .await?;
                (id, ImportOutcome::Updated)
            }
            None => {
                let mut v = vec![Val::from(store.id), Val::from(r.number.as_str())];
                v.extend(values);
                v.push(Val::from(self.now));
                let row = query_with(
                    "INSERT INTO orders (store_id, number, customer_id, currency, total_minor, total_usd_cents, incoterm, \
                     destination_country, placed_at, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id"
                        .into(),
                    v,
                )
                .fetch_one(&mut *conn)
                .await?;
                (row.int(0)?, ImportOutcome::Created)
            }
        };
        let rows = r
            .items
            .iter()
            .enumerate()
            .map(|(pos, it)| {
                vec![
                    Val::from(id),
                    Val::from(pos as i64),
                    Val::from(it.sku.as_str()),
                    Val::from(i64::from(it.quantity)),
                    Val::from(it.price_minor),
                ]
            })
            .collect();
        crate::sql::insert_rows(
            conn,
            self.db.backend(),
            "line_items",
            &["order_id", "position", "sku", "quantity", "price_minor"],
            rows,
            "",
        )
        .await?;
        self.orders.insert((store.id, r.number.clone()), Some(id));
        Ok(outcome)
    }

    async fn shipment(
        &mut self,
        conn: &mut AnyConnection,
        r: &ShipmentRecord,
    ) -> Result<ImportOutcome, DbError> {
        let Some(store) = self.store_ref(conn, &r.store).await? else {
            return Ok(unknown_store(&r.store));
        };
        let key = (store.id, r.order_number.clone());
        let order_id = match self.orders.get(&key) {
            Some(id) => *id,
            None => {
                let row = query_with(
                    "SELECT id FROM orders WHERE store_id = $1 AND number = $2".into(),
                    vec![Val::from(store.id), Val::from(r.order_number.as_str())],
                )
                .fetch_optional(&mut *conn)
                .await?;
                let id = row.map(|r| r.int(0)).transpose()?;
                self.orders.insert(key, id);
                id
            }
        };
        let Some(order_id) = order_id else {
            return Ok(ImportOutcome::Rejected(FieldError::new(
                "order_number",
                format!(
                    "no order {:?} in store {:?}; import the order first",
                    r.order_number, r.store
                ),
            )));
        };
        let values = vec![
            Val::from(store.id),
            Val::from(order_id),
            Val::from(r.carrier.as_str()),
            Val::from(r.tracking_number.as_str()),
            Val::from(r.warehouse.clone()),
            Val::from(r.promised_by.map(ms)),
        ];
        let same = query_with(
            "SELECT id FROM shipments WHERE store_id = $1 AND order_id = $2 AND carrier = $3 AND tracking_number = $4 \
             AND warehouse IS NOT DISTINCT FROM $5 AND promised_by IS NOT DISTINCT FROM $6"
                .into(),
            values.clone(),
        )
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(row) = same {
            self.shipments
                .insert(r.tracking_number.clone(), Some(row.int(0)?));
            return Ok(ImportOutcome::Unchanged);
        }
        let existed = query_with(
            "SELECT id FROM shipments WHERE tracking_number = $1".into(),
            vec![Val::from(r.tracking_number.as_str())],
        )
        .fetch_optional(&mut *conn)
        .await?
        .is_some();
        let mut v = values;
        v.push(Val::from(self.now));
        let row = query_with(
            "INSERT INTO shipments (store_id, order_id, carrier, tracking_number, warehouse, promised_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
             ON CONFLICT (tracking_number) DO UPDATE SET store_id = $1, order_id = $2, carrier = $3, warehouse = $5, \
             promised_by = $6, updated_at = $7 RETURNING id"
                .into(),
            v,
        )
        .fetch_one(&mut *conn)
        .await?;
        self.shipments
            .insert(r.tracking_number.clone(), Some(row.int(0)?));
        Ok(if existed {
            ImportOutcome::Updated
        } else {
            ImportOutcome::Created
        })
    }

    async fn tracking_event(
        &mut self,
        conn: &mut AnyConnection,
        r: &TrackingEventRecord,
    ) -> Result<ImportOutcome, DbError> {
        let shipment = match self.shipments.get(&r.tracking_number) {
            Some(id) => *id,
            None => {
                let row = query_with(
                    "SELECT id FROM shipments WHERE tracking_number = $1".into(),
                    vec![Val::from(r.tracking_number.as_str())],
                )
                .fetch_optional(&mut *conn)
                .await?;
                let id = row.map(|r| r.int(0)).transpose()?;
                self.shipments.insert(r.tracking_number.clone(), id);
                id
            }
        };
        let Some(shipment) = shipment else {
            return Ok(ImportOutcome::Rejected(FieldError::new(
                "tracking_number",
                format!(
                    "no shipment with tracking number {:?}; import the shipment first",
                    r.tracking_number
                ),
            )));
        };
        let at = ms(r.at);
        let inserted = query_with(
            "INSERT INTO tracking_events (shipment_id, tag, subtag, message, location, at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (shipment_id, at, tag, message) DO NOTHING"
                .into(),
            vec![
                Val::from(shipment),
                Val::from(r.tag.as_str()),
                Val::from(r.subtag.clone()),
                Val::from(r.message.as_str()),
                Val::from(r.location.clone()),
                Val::from(at),
            ],
        )
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if inserted == 0 {
            // The same scan: refresh what the carrier may have corrected.
            let changed = query_with(
                "UPDATE tracking_events SET subtag = $1, location = $2 WHERE shipment_id = $3 AND at = $4 \
                 AND tag = $5 AND message = $6 \
                 AND (subtag IS DISTINCT FROM $1 OR location IS DISTINCT FROM $2)"
                    .into(),
                vec![
                    Val::from(r.subtag.clone()),
                    Val::from(r.location.clone()),
                    Val::from(shipment),
                    Val::from(at),
                    Val::from(r.tag.as_str()),
                    Val::from(r.message.as_str()),
                ],
            )
            .execute(&mut *conn)
            .await?
            .rows_affected();
            return Ok(if changed > 0 {
                ImportOutcome::Updated
            } else {
                ImportOutcome::Unchanged
            });
        }
        query_with(
            "UPDATE shipments SET status = $1, status_at = $2, updated_at = $3 \
             WHERE id = $4 AND (status_at IS NULL OR status_at <= $2)"
                .into(),
            vec![
                Val::from(r.tag.as_str()),
                Val::from(at),
                Val::from(self.now),
                Val::from(shipment),
            ],
        )
        .execute(&mut *conn)
        .await?;
        Ok(ImportOutcome::Created)
    }
}

async fn line_items_json(conn: &mut AnyConnection, order_id: i64) -> Result<String, DbError> {
    let rows = query_with(
        "SELECT sku, quantity, price_minor FROM line_items WHERE order_id = $1 ORDER BY position"
            .into(),
        vec![Val::from(order_id)],
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        items.push(crossdesk_domain::import::LineItemRecord {
            sku: r.text(0)?,
            quantity: u32::try_from(r.int(1)?).unwrap_or_default(),
            price_minor: r.int(2)?,
        });
    }
    Ok(serde_json::to_string(&items).unwrap_or_default())
}
