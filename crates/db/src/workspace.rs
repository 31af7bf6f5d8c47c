//! What agents keep in the workspace: corrections of triage labels (written with the ticket,
//! the message and an event in one transaction, and read back as labelled examples to
//! retrain on), saved inbox views per agent, the brand-watch terms, and the window of recent
//! public social posts the monitor matches them against.

use crate::sql::{RowExt, Val, insert_rows, ms, query_with, select_in, time};
use crate::workflow::{Actor, event};
use crate::{Db, DbError, StoreScope};
use chrono::{DateTime, Utc};
use crossdesk_domain::brand::{Term, TermKind};
use crossdesk_domain::model::{Category, Channel, TicketStatus, Urgency};
use crossdesk_domain::triage::SUPPORTED_LANGUAGES;
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// New labels for a ticket; `None` leaves a label as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelCorrection {
    /// The right category.
    pub category: Option<Category>,
    /// The right urgency.
    pub urgency: Option<Urgency>,
    /// The right language (an ISO 639-1 code, checked by the caller).
    pub language: Option<String>,
}

/// One label a correction changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelChanged {
    /// `category`, `urgency` or `language`.
    pub field: &'static str,
    /// The ticket's value before.
    pub from: String,
    /// The value after.
    pub to: String,
    /// The customer message whose label was corrected with it.
    pub message_id: i64,
}

macro_rules! view {
    ($(#[$m:meta])* pub struct $name:ident { $($(#[$fm:meta])* pub $f:ident : $t:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub struct $name { $($(#[$fm])* pub $f: $t),* }
    };
}

view! {
    /// One correction of one label.
    pub struct CorrectionView {
        /// `category`, `urgency` or `language`.
        pub field: String,
        /// The value before.
        pub from: String,
        /// The value after.
        pub to: String,
        /// The agent who corrected it.
        pub agent_id: Option<i64>,
        /// When.
        pub at: DateTime<Utc>,
    }
}

view! {
    /// A customer message with the labels agents gave it: a labelled example in the shape
    /// `crossdesk train triage` and `crossdesk eval triage` read (`text`, `category`,
    /// `urgency`, `language`, `channel`), plus where it came from and its corrections.
    pub struct CorrectedLabel {
        /// The message text.
        pub text: String,
        /// Its category: the latest correction, else triage's.
        pub category: String,
        /// Its urgency: the latest correction, else triage's.
        pub urgency: String,
        /// Its language: the latest correction, else the detected one; null when triage
        /// does not know the language (the trainer refuses unknown codes).
        pub language: Option<String>,
        /// The channel it came on.
        pub channel: String,
        /// The message.
        pub message_id: i64,
        /// Its ticket.
        pub ticket_id: i64,
        /// The fields agents corrected.
        pub corrected: Vec<String>,
        /// The latest correction.
        pub corrected_at: DateTime<Utc>,
        /// Every correction of this message, oldest first.
        pub corrections: Vec<CorrectionView>,
    }
}

view! {
    /// An agent's saved inbox view.
    pub struct SavedView {
        /// Id.
        pub id: i64,
        /// Name, unique per agent.
        pub name: String,
        /// The inbox query string (`store=acme-us&urgency=crisis`).
        pub query: String,
        /// Created.
        pub created_at: DateTime<Utc>,
    }
}

view! {
    /// Where a watched name occurs in a post.
    pub struct WatchMatch {
        /// The term's canonical name.
        pub term: String,
        /// `brand`, `product` or `competitor`.
        pub kind: String,
        /// Byte offset of the match in `text`.
        pub start: usize,
        /// Byte offset just past it.
        pub end: usize,
        /// The text as written.
        pub matched: String,
        /// Edit distance (0: exact).
        pub distance: u8,
        /// In a `#hashtag` or `@handle`.
        pub hashtag: bool,
    }
}

view! {
    /// A public customer post on a social channel.
    pub struct SocialPost {
        /// The message.
        pub message_id: i64,
        /// Its ticket.
        pub ticket_id: i64,
        /// The ticket's store key, if any.
        pub store: Option<String>,
        /// Channel.
        pub channel: String,
        /// The author's handle.
        pub author_handle: Option<String>,
        /// The author's name.
        pub author_name: Option<String>,
        /// The author's followers.
        pub followers: Option<i64>,
        /// The post (render it escaped).
        pub text: String,
        /// Posted.
        pub sent_at: DateTime<Utc>,
        /// Detected language.
        pub language: String,
        /// Triage urgency.
        pub urgency: String,
        /// Triage category.
        pub category: String,
        /// The watched names in `text`, in text order (filled by the monitor).
        pub matches: Vec<WatchMatch>,
    }
}

/// The labels a correction may change: field names and columns alike (on tickets,
/// messages), in the order [`LabelCorrection`] lists them.
const LABELS: [&str; 3] = ["category", "urgency", "language"];

/// A customer message of the ticket being corrected.
struct Inbound {
    id: i64,
    labels: [String; 3],
}

fn kind_name(k: TermKind) -> &'static str {
    match k {
        TermKind::Brand => "brand",
        TermKind::Product => "product",
        TermKind::Competitor => "competitor",
    }
}

fn kind_parse(s: &str) -> Option<TermKind> {
    match s {
        "brand" => Some(TermKind::Brand),
        "product" => Some(TermKind::Product),
        "competitor" => Some(TermKind::Competitor),
        _ => None,
    }
}

/// `AND <column> IN (…)` for a store scope, its parameters numbered after `values`;
/// `None` when the scope holds no store at all.
fn scope_clause(column: &str, scope: &StoreScope, values: &mut Vec<Val>) -> Option<String> {
    match scope {
        StoreScope::All => Some(String::new()),
        StoreScope::Stores(ids) if ids.is_empty() => None,
        StoreScope::Stores(ids) => {
            let mut marks = Vec::with_capacity(ids.len());
            for &id in ids {
                values.push(Val::from(id));
                // `$N` on both backends: the statement numbers its other parameters so.
                marks.push(format!("${}", values.len()));
            }
            Some(format!(" AND {column} IN ({})", marks.join(", ")))
        }
    }
}

impl Db {
    /// Corrects a ticket's labels as `actor`, in one transaction: the ticket's columns, the
    /// label of the customer message each one came from (the first inbound message that
    /// carries the ticket's current value, else the first inbound message), one
    /// `label_corrections` row per changed label and a `labels_corrected` event
    /// (`{"category": {"from", "to", "message_id"}, …}`). A label already at its value
    /// changes nothing; with nothing changed nothing is written. A ticket that becomes a
    /// crisis gets the crisis SLA targets and goes to the on-call lead, as when a customer
    /// message makes it one. Returns what changed.
    pub async fn correct_labels(
        &self,
        ticket: i64,
        c: &LabelCorrection,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<LabelChanged>, DbError> {
        let mut tx = self.begin_write().await?;
        let row = query_with(
            format!(
                "SELECT category, urgency, language, status FROM tickets WHERE id = $1{}",
                self.backend().for_update()
            ),
            vec![Val::from(ticket)],
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(DbError::NotFound)?;
        let current = [row.text(0)?, row.text(1)?, row.text(2)?];
        let status = row.text(3)?;
        let wanted: [Option<String>; 3] = [
            c.category.map(|v| v.as_str().to_string()),
            c.urgency.map(|v| v.as_str().to_string()),
            c.language.clone(),
        ];
        if !wanted
            .iter()
            .zip(&current)
            .any(|(w, cur)| w.as_ref().is_some_and(|w| w != cur))
        {
            return Ok(Vec::new());
        }
        let mut inbound = sqlx::query(
            "SELECT id, category, urgency, language FROM messages \
             WHERE ticket_id = $1 AND direction = 'in' AND kind = 'reply' ORDER BY sent_at, id",
        )
        .bind(ticket)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| {
            Ok(Inbound {
                id: r.int(0)?,
                labels: [r.text(1)?, r.text(2)?, r.text(3)?],
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
        let mut changes = Vec::new();
        for (i, field) in LABELS.iter().enumerate() {
            let Some(to) = wanted[i].as_ref().filter(|w| **w != current[i]) else {
                continue;
            };
            let m = inbound
                .iter()
                .position(|m| m.labels[i] == current[i])
                .or((!inbound.is_empty()).then_some(0))
                .ok_or_else(|| DbError::Invalid {
                    field: (*field).into(),
                    message: "the ticket has no customer message to relabel".into(),
                })?;
            inbound[m].labels[i] = to.clone();
            changes.push(LabelChanged {
                field,
                from: current[i].clone(),
                to: to.clone(),
                message_id: inbound[m].id,
            });
        }
        let mut data = Map::new();
        for ch in &changes {
            let i = LABELS.iter().position(|f| *f == ch.field).unwrap_or(0);
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE messages SET {} = $1 WHERE id = $2",
                LABELS[i]
            )))
            .bind(ch.to.as_str())
            .bind(ch.message_id)
            .execute(&mut *tx)
            .await?;
            let language = inbound
                .iter()
                .find(|m| m.id == ch.message_id)
                .map(|m| m.labels[2].clone())
                .unwrap_or_default();
            sqlx::query(
                "INSERT INTO label_corrections (ticket_id, message_id, agent_id, field, old_value, new_value, language, at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(ticket)
            .bind(ch.message_id)
            .bind(actor.agent)
            .bind(ch.field)
            .bind(ch.from.as_str())
            .bind(ch.to.as_str())
            .bind(language)
            .bind(ms(now))
            .execute(&mut *tx)
            .await?;
            data.insert(
                ch.field.into(),
                json!({"from": ch.from, "to": ch.to, "message_id": ch.message_id}),
            );
        }
        let after: Vec<String> = (0..3)
            .map(|i| {
                changes
                    .iter()
                    .find(|ch| ch.field == LABELS[i])
                    .map_or_else(|| current[i].clone(), |ch| ch.to.clone())
            })
            .collect();
        sqlx::query(
            "UPDATE tickets SET category = $1, urgency = $2, language = $3, updated_at = $4 WHERE id = $5",
        )
        .bind(after[0].as_str())
        .bind(after[1].as_str())
        .bind(after[2].as_str())
        .bind(ms(now))
        .bind(ticket)
        .execute(&mut *tx)
        .await?;
        event(
            &mut tx,
            ticket,
            now,
            actor,
            "labels_corrected",
            Value::Object(data),
        )
        .await?;
        let crisis = Urgency::Crisis.as_str();
        if after[1] == crisis && current[1] != crisis {
            let status = TicketStatus::parse(&status)
                .ok_or_else(|| DbError::Other(format!("stored status {status:?} is not known")))?;
            self.customer_wrote(&mut tx, &[(ticket, status, status, true)], now)
                .await?;
        }
        tx.commit().await?;
        Ok(changes)
    }

    /// The messages agents corrected, as labelled examples: those whose latest correction
    /// is at or after `since`, on tickets in `scope`, oldest latest-correction first, at
    /// most `limit` (all without one). Each carries the latest value of every corrected
    /// label and triage's value of the others.
    pub async fn corrected_labels(
        &self,
        since: Option<DateTime<Utc>>,
        scope: &StoreScope,
        limit: Option<u32>,
    ) -> Result<Vec<CorrectedLabel>, DbError> {
        let mut values = vec![Val::from(since.map_or(i64::MIN, ms))];
        let Some(scoped) = scope_clause("t.store_id", scope, &mut values) else {
            return Ok(Vec::new());
        };
        let limit = limit.map_or_else(String::new, |n| format!(" LIMIT {n}"));
        let mut conn = self.reader().acquire().await?;
        let latest: Vec<(i64, i64)> = query_with(
            format!(
                "SELECT lc.message_id, MAX(lc.at) AS last FROM label_corrections lc \
                 JOIN tickets t ON t.id = lc.ticket_id WHERE 1 = 1{scoped} \
                 GROUP BY lc.message_id HAVING MAX(lc.at) >= $1 ORDER BY last, lc.message_id{limit}"
            ),
            values,
        )
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Ok((r.int(0)?, r.int(1)?)))
        .collect::<Result<_, DbError>>()?;
        if latest.is_empty() {
            return Ok(Vec::new());
        }
        let keys: Vec<Vec<Val>> = latest.iter().map(|(m, _)| vec![Val::from(*m)]).collect();
        let mut messages: HashMap<i64, [String; 5]> = HashMap::new();
        let mut tickets: HashMap<i64, i64> = HashMap::new();
        for (id, ticket, fields) in select_in(
            &mut conn,
            self.backend(),
            "SELECT id, ticket_id, text, category, urgency, language, channel FROM messages WHERE id IN ({})",
            keys.clone(),
            |r| {
                Ok((
                    r.int(0)?,
                    r.int(1)?,
                    [r.text(2)?, r.text(3)?, r.text(4)?, r.text(5)?, r.text(6)?],
                ))
            },
        )
        .await?
        {
            messages.insert(id, fields);
            tickets.insert(id, ticket);
        }
        let mut corrections: Vec<(i64, i64, CorrectionView)> = select_in(
            &mut conn,
            self.backend(),
            "SELECT message_id, id, field, old_value, new_value, agent_id, at FROM label_corrections \
             WHERE message_id IN ({})",
            keys,
            |r| {
                Ok((
                    r.int(0)?,
                    r.int(1)?,
                    CorrectionView {
                        field: r.text(2)?,
                        from: r.text(3)?,
                        to: r.text(4)?,
                        agent_id: r.opt_int(5)?,
                        at: time(r.int(6)?),
                    },
                ))
            },
        )
        .await?;
        corrections.sort_by_key(|(_, id, c)| (c.at, *id));
        let mut by_message: HashMap<i64, Vec<CorrectionView>> = HashMap::new();
        for (m, _, c) in corrections {
            by_message.entry(m).or_default().push(c);
        }
        let mut out = Vec::with_capacity(latest.len());
        for (message, last) in latest {
            let Some([text, category, urgency, language, channel]) = messages.remove(&message)
            else {
                continue;
            };
            let history = by_message.remove(&message).unwrap_or_default();
            // The latest correction of each field wins over triage's label.
            let value = |field: &str, triage: String| {
                history
                    .iter()
                    .rev()
                    .find(|c| c.field == field)
                    .map_or(triage, |c| c.to.clone())
            };
            let mut corrected: Vec<String> = Vec::new();
            for c in &history {
                if !corrected.contains(&c.field) {
                    corrected.push(c.field.clone());
                }
            }
            let language = value("language", language);
            out.push(CorrectedLabel {
                text,
                category: value("category", category),
                urgency: value("urgency", urgency),
                language: (SUPPORTED_LANGUAGES.contains(&language.as_str()) || language == "und")
                    .then_some(language),
                channel,
                message_id: message,
                ticket_id: tickets.get(&message).copied().unwrap_or_default(),
                corrected,
                corrected_at: time(last),
                corrections: history,
            });
        }
        Ok(out)
    }

    /// An agent's saved views, by name.
    pub async fn saved_views(&self, agent: i64) -> Result<Vec<SavedView>, DbError> {
        sqlx::query(
            "SELECT id, name, query, created_at FROM saved_views WHERE agent_id = $1 ORDER BY name, id",
        )
        .bind(agent)
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|r| {
            Ok(SavedView {
                id: r.int(0)?,
                name: r.text(1)?,
                query: r.text(2)?,
                created_at: time(r.int(3)?),
            })
        })
        .collect()
    }

    /// Saves a view for an agent under `name`, replacing the query of the agent's view of
    /// that name if there is one. An agent keeps at most `max` views: one more is refused
    /// naming `name`. Returns the view and whether it is new.
    pub async fn save_view(
        &self,
        agent: i64,
        name: &str,
        query: &str,
        max: usize,
        now: DateTime<Utc>,
    ) -> Result<(SavedView, bool), DbError> {
        let mut tx = self.begin_write().await?;
        // The agent's row is the lock that keeps two saves from both taking the last place.
        query_with(
            format!(
                "SELECT id FROM agents WHERE id = $1{}",
                self.backend().for_update()
            ),
            vec![Val::from(agent)],
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(DbError::NotFound)?;
        let existing =
            sqlx::query("SELECT id, created_at FROM saved_views WHERE agent_id = $1 AND name = $2")
                .bind(agent)
                .bind(name)
                .fetch_optional(&mut *tx)
                .await?;
        let (id, created_at, created) = match existing {
            Some(r) => {
                let id = r.int(0)?;
                sqlx::query("UPDATE saved_views SET query = $1, updated_at = $2 WHERE id = $3")
                    .bind(query)
                    .bind(ms(now))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                (id, time(r.int(1)?), false)
            }
            None => {
                let n = sqlx::query("SELECT COUNT(*) FROM saved_views WHERE agent_id = $1")
                    .bind(agent)
                    .fetch_one(&mut *tx)
                    .await?
                    .int(0)?;
                if usize::try_from(n).unwrap_or(usize::MAX) >= max {
                    return Err(DbError::Invalid {
                        field: "name".into(),
                        message: format!(
                            "you have {n} saved views, the most kept; delete one first"
                        ),
                    });
                }
                let id = sqlx::query(
                    "INSERT INTO saved_views (agent_id, name, query, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $4) RETURNING id",
                )
                .bind(agent)
                .bind(name)
                .bind(query)
                .bind(ms(now))
                .fetch_one(&mut *tx)
                .await?
                .int(0)?;
                (id, now, true)
            }
        };
        tx.commit().await?;
        Ok((
            SavedView {
                id,
                name: name.to_string(),
                query: query.to_string(),
                // As stored (milliseconds), so that it reads back the same.
                created_at: time(ms(created_at)),
            },
            created,
        ))
    }

    /// Deletes an agent's own view; `false` when the agent has no view `id`.
    pub async fn delete_view(&self, agent: i64, id: i64) -> Result<bool, DbError> {
        let done = sqlx::query("DELETE FROM saved_views WHERE id = $1 AND agent_id = $2")
            .bind(id)
            .bind(agent)
            .execute(self.writer())
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// The brand-watch terms, in their listed order.
    pub async fn watch_terms(&self) -> Result<Vec<Term>, DbError> {
        sqlx::query("SELECT name, kind, aliases, exact FROM watch_terms ORDER BY position")
            .fetch_all(self.reader())
            .await?
            .iter()
            .map(|r| {
                let kind = r.text(1)?;
                Ok(Term {
                    name: r.text(0)?,
                    kind: kind_parse(&kind).ok_or_else(|| {
                        DbError::Other(format!("stored term kind {kind:?} is not known"))
                    })?,
                    aliases: serde_json::from_str(&r.text(2)?).unwrap_or_default(),
                    exact: r.int(3)? != 0,
                })
            })
            .collect()
    }

    /// Replaces the brand-watch terms with `terms` (validated by the caller), in order.
    pub async fn set_watch_terms(&self, terms: &[Term], now: DateTime<Utc>) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM watch_terms")
            .execute(&mut *tx)
            .await?;
        let rows = terms
            .iter()
            .enumerate()
            .map(|(i, t)| {
                vec![
                    Val::from(i as i64),
                    Val::from(t.name.trim()),
                    Val::from(kind_name(t.kind)),
                    Val::from(serde_json::to_string(&t.aliases).unwrap_or_else(|_| "[]".into())),
                    Val::from(i64::from(t.exact)),
                    Val::from(ms(now)),
                ]
            })
            .collect();
        insert_rows(
            &mut tx,
            self.backend(),
            "watch_terms",
            &["position", "name", "kind", "aliases", "exact", "updated_at"],
            rows,
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The newest public customer posts on `channels` whose tickets are in `scope` (a post
    /// with no store only for a scope of every store), newest first, at most `window` of
    /// them, older than post `before` when given ([`DbError::Invalid`] naming `before` when
    /// that is not such a post). Each channel is an index walk.
    pub async fn recent_public_posts(
        &self,
        channels: &[Channel],
        scope: &StoreScope,
        before: Option<i64>,
        window: u32,
    ) -> Result<Vec<SocialPost>, DbError> {
        let mut conn = self.reader().acquire().await?;
        let cursor = match before {
            None => None,
            Some(id) => {
                let r = sqlx::query(
                    "SELECT sent_at, channel FROM messages WHERE id = $1 AND visibility = 'public' AND direction = 'in'",
                )
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
                let found = match r {
                    Some(r) => {
                        let channel = r.text(1)?;
                        channels
                            .iter()
                            .any(|c| c.as_str() == channel)
                            .then(|| r.int(0))
                            .transpose()?
                    }
                    None => None,
                };
                match found {
                    Some(at) => Some((at, id)),
                    None => {
                        return Err(DbError::Invalid {
                            field: "before".into(),
                            message: format!("{id} is not a public post on a social channel"),
                        });
                    }
                }
            }
        };
        let mut posts = Vec::new();
        for channel in channels {
            let mut values = vec![Val::from(channel.as_str())];
            let mut sql = String::from(
                "SELECT m.id, m.ticket_id, s.key, m.channel, m.author_handle, m.author_name, m.author_followers, \
                 m.text, m.sent_at, m.language, m.urgency, m.category \
                 FROM messages m JOIN tickets t ON t.id = m.ticket_id LEFT JOIN stores s ON s.id = t.store_id \
                 WHERE m.channel = $1 AND m.visibility = 'public' AND m.direction = 'in'",
            );
            if let Some((at, id)) = cursor {
                values.extend([Val::from(at), Val::from(id)]);
                sql.push_str(" AND (m.sent_at < $2 OR (m.sent_at = $2 AND m.id < $3))");
            }
            let Some(scoped) = scope_clause("t.store_id", scope, &mut values) else {
                return Ok(Vec::new());
            };
            sql.push_str(&scoped);
            sql.push_str(&format!(
                " ORDER BY m.sent_at DESC, m.id DESC LIMIT {window}"
            ));
            for r in query_with(sql, values).fetch_all(&mut *conn).await? {
                posts.push(SocialPost {
                    message_id: r.int(0)?,
                    ticket_id: r.int(1)?,
                    store: r.opt_text(2)?,
                    channel: r.text(3)?,
                    author_handle: r.opt_text(4)?,
                    author_name: r.opt_text(5)?,
                    followers: r.opt_int(6)?,
                    text: r.text(7)?,
                    sent_at: time(r.int(8)?),
                    language: r.text(9)?,
                    urgency: r.text(10)?,
                    category: r.text(11)?,
                    matches: Vec::new(),
                });
            }
        }
        posts.sort_by_key(|p| std::cmp::Reverse((p.sent_at, p.message_id)));
        posts.truncate(window as usize);
        Ok(posts)
    }
}
