//! Customer resolution inside a write transaction: one person across channels.
//!
//! Each message or order brings identities (handle, e-mail, namespaced buyer id). The book
//! finds the customers they point at, creates customers for unknown people, and merges
//! customers when one message or order ties their identities together. New customers get
//! temporary negative ids until [`CustomerBook::flush`] reserves real ones.

use crate::sql::{RowExt, Val, insert_rows, query_with, select_in};
use crate::{Backend, Db, DbError};
use crossdesk_domain::model::{ActorKind, IdentityKind};
use crossdesk_domain::threading::EventKind;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// An identity a message or order presents.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Claim {
    pub kind: IdentityKind,
    pub value: String,
}

impl Claim {
    pub fn new(kind: IdentityKind, value: impl Into<String>) -> Self {
        Self {
            kind,
            value: value.into(),
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct CustomerBook {
    owner: HashMap<Claim, i64>,
    redirect: HashMap<i64, i64>,
    new_customers: Vec<(i64, Option<String>)>,
    new_identities: Vec<(Claim, i64)>,
    /// Merges of stored customers: (from, into, reason).
    merges: Vec<(i64, i64, String)>,
    next_temp: i64,
}

/// Maps the ids a book handed out (temporary or merged away) to stored customer ids.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    redirect: HashMap<i64, i64>,
    temp: HashMap<i64, i64>,
}

impl Resolved {
    pub fn id(&self, mut id: i64) -> i64 {
        while let Some(next) = self.redirect.get(&id) {
            id = *next;
        }
        self.temp.get(&id).copied().unwrap_or(id)
    }
}

impl CustomerBook {
    /// Loads the stored owners of every claim that will be presented.
    pub async fn load<'a>(
        conn: &mut AnyConnection,
        backend: Backend,
        claims: impl IntoIterator<Item = &'a Claim>,
    ) -> Result<Self, DbError> {
        let mut book = Self::default();
        let mut distinct: Vec<&Claim> = claims.into_iter().collect();
        distinct.sort_by(|a, b| (a.kind, &a.value).cmp(&(b.kind, &b.value)));
        distinct.dedup();
        let keys = distinct
            .iter()
            .map(|c| vec![Val::from(c.kind.as_str()), Val::from(c.value.as_str())])
            .collect();
        let rows = select_in(
            conn,
            backend,
            "SELECT i.kind, i.value, i.customer_id FROM identities i \
             JOIN (VALUES {}) AS k ON i.kind = k.column1 AND i.value = k.column2",
            keys,
            |r| Ok((r.text(0)?, r.text(1)?, r.int(2)?)),
        )
        .await?;
        for (kind, value, customer) in rows {
            if let Some(kind) = IdentityKind::parse(&kind) {
                book.owner.insert(Claim::new(kind, value), customer);
            }
        }
        Ok(book)
    }

    /// The surviving customer for an id handed out earlier.
    pub fn find(&self, mut id: i64) -> i64 {
        while let Some(next) = self.redirect.get(&id) {
            id = *next;
        }
        id
    }

    /// Stored customers merged away in this batch (their tickets now belong to survivors).
    pub fn merged_away(&self) -> impl Iterator<Item = i64> + '_ {
        self.redirect.keys().copied().filter(|&id| id > 0)
    }

    /// The customer these identities belong to: existing, merged from several, or new.
    pub fn claim(&mut self, claims: &[Claim], name: Option<&str>) -> i64 {
        let mut owners: Vec<i64> = claims
            .iter()
            .filter_map(|c| self.owner.get(c))
            .map(|&id| self.find(id))
            .collect();
        owners.sort_unstable();
        owners.dedup();
        let customer = match owners.split_first() {
            None => {
                self.next_temp -= 1;
                self.new_customers
                    .push((self.next_temp, name.map(str::to_string)));
                self.next_temp
            }
            Some((&first, rest)) => rest.iter().fold(first, |into, &other| {
                self.merge(into, other, "identities presented together")
            }),
        };
        for c in claims {
            if !self.owner.contains_key(c) {
                self.owner.insert(c.clone(), customer);
                self.new_identities.push((c.clone(), customer));
            }
        }
        customer
    }

    /// Merges two customers and returns the survivor: a stored customer outlives a new one,
    /// the older stored customer outlives the younger.
    pub fn merge(&mut self, a: i64, b: i64, reason: &str) -> i64 {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return a;
        }
        let (into, from) = match (a > 0, b > 0) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            (true, true) => (a.min(b), a.max(b)),
            (false, false) => (a.max(b), a.min(b)),
        };
        self.redirect.insert(from, into);
        if from > 0 {
            self.merges.push((from, into, reason.to_string()));
        } else {
            self.new_customers.retain(|(id, _)| *id != from);
        }
        into
    }

    /// Writes new customers, merges and identities; returns the id mapping.
    pub async fn flush(
        self,
        db: &Db,
        conn: &mut AnyConnection,
        now_ms: i64,
    ) -> Result<Resolved, DbError> {
        let ids = db
            .reserve_ids(conn, "customers", self.new_customers.len())
            .await?;
        let temp: HashMap<i64, i64> = self
            .new_customers
            .iter()
            .map(|(t, _)| *t)
            .zip(ids.iter().copied())
            .collect();
        let resolved = Resolved {
            redirect: self.redirect,
            temp,
        };
        // Searchable text: lowercased (Unicode-aware, here rather than in SQL) name and
        // identity values, appended as identities arrive.
        let mut added: HashMap<i64, String> = HashMap::new();
        for (claim, owner) in &self.new_identities {
            let text = added.entry(resolved.id(*owner)).or_default();
            text.push(' ');
            text.push_str(&claim.value.to_lowercase());
        }
        let rows = self
            .new_customers
            .into_iter()
            .zip(ids)
            .map(|((_, name), id)| {
                let mut search = name.as_deref().map(str::to_lowercase).unwrap_or_default();
                search.push_str(&added.remove(&id).unwrap_or_default());
                vec![
                    Val::from(id),
                    Val::from(name),
                    Val::from(search),
                    Val::from(now_ms),
                    Val::from(now_ms),
                ]
            })
            .collect();
        insert_rows(
            conn,
            db.backend(),
            "customers",
            &["id", "name", "search_text", "created_at", "updated_at"],
            rows,
            "",
        )
        .await?;
        for (id, text) in added {
            query_with(
                "UPDATE customers SET search_text = search_text || $1 WHERE id = $2".into(),
                vec![Val::from(text), Val::from(id)],
            )
            .execute(&mut *conn)
            .await?;
        }
        for (from, into, reason) in &self.merges {
            let into = resolved.id(*into);
            // The tickets about to change customer get their audit entry first.
            let data =
                serde_json::json!({"before": from, "after": into, "reason": reason}).to_string();
            query_with(
                "INSERT INTO ticket_events (ticket_id, at, actor_kind, actor_id, kind, data) \
                 SELECT id, $1, $2, NULL, $3, $4 FROM tickets WHERE customer_id = $5"
                    .into(),
                vec![
                    Val::from(now_ms),
                    Val::from(ActorKind::System.as_str()),
                    Val::from(EventKind::CustomerMerged.as_str()),
                    Val::from(data),
                    Val::from(*from),
                ],
            )
            .execute(&mut *conn)
            .await?;
            for table in ["identities", "orders", "tickets", "messages"] {
                query_with(
                    format!("UPDATE {table} SET customer_id = $1 WHERE customer_id = $2"),
                    vec![Val::from(into), Val::from(*from)],
                )
                .execute(&mut *conn)
                .await?;
            }
            query_with(
                "UPDATE customers SET search_text = search_text || ' ' || \
                 (SELECT search_text FROM customers WHERE id = $1) WHERE id = $2"
                    .into(),
                vec![Val::from(*from), Val::from(into)],
            )
            .execute(&mut *conn)
            .await?;
            query_with(
                "UPDATE customers SET merged_into = $1, updated_at = $2 WHERE id = $3".into(),
                vec![Val::from(into), Val::from(now_ms), Val::from(*from)],
            )
            .execute(&mut *conn)
            .await?;
            query_with(
                "INSERT INTO customer_merges (from_customer, into_customer, reason, at) VALUES ($1, $2, $3, $4)".into(),
                vec![Val::from(*from), Val::from(into), Val::from(reason.as_str()), Val::from(now_ms)],
            )
            .execute(&mut *conn)
            .await?;
        }
        let rows = self
            .new_identities
            .into_iter()
            .map(|(c, owner)| {
                vec![
                    Val::from(c.kind.as_str()),
                    Val::from(c.value),
                    Val::from(resolved.id(owner)),
                    Val::from(now_ms),
                ]
            })
            .collect();
        insert_rows(
            conn,
            db.backend(),
            "identities",
            &["kind", "value", "customer_id", "created_at"],
            rows,
            "",
        )
        .await?;
        Ok(resolved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(e: &str) -> Claim {
        Claim::new(IdentityKind::Email, e)
    }

    #[test]
    fn the_same_identity_twice_is_one_new_customer() {
        let mut book = CustomerBook::default();
        let a = book.claim(&[email("a@x.io")], None);
        let b = book.claim(
            &[email("a@x.io"), Claim::new(IdentityKind::Handle, "@a")],
            None,
        );
        assert_eq!(a, b);
        assert!(a < 0);
        assert_eq!(book.new_customers.len(), 1);
        assert_eq!(book.new_identities.len(), 2);
    }

    #[test]
    fn identities_of_two_stored_customers_merge_into_the_older() {
        let mut book = CustomerBook::default();
        book.owner.insert(email("a@x.io"), 5);
        book.owner.insert(email("b@x.io"), 9);
        let c = book.claim(&[email("b@x.io"), email("a@x.io")], None);
        assert_eq!(c, 5);
        assert_eq!(book.find(9), 5);
        assert_eq!(
            book.merges,
            vec![(9, 5, "identities presented together".to_string())]
        );
    }

    #[test]
    fn a_new_customer_folds_into_a_stored_one() {
        let mut book = CustomerBook::default();
        let t = book.claim(&[email("new@x.io")], Some("N"));
        let kept = book.merge(t, 4, "order");
        assert_eq!(kept, 4);
        assert!(book.new_customers.is_empty());
        assert!(book.merges.is_empty());
    }
}
