//! What the workspace polls and peeks at: messages and work events (claims, assignments,
//! status moves) written since a given id by any node, and a ticket's language.

use crate::sql::{RowExt, Val, query_with};
use crate::{Db, DbError};

/// A message as the live feed announces it: enough to decide who may see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MessageTick {
    /// Message id.
    pub message: i64,
    /// Its ticket.
    pub ticket: i64,
    /// The ticket's store id (none for a storeless social post).
    #[serde(skip)]
    pub store_id: Option<i64>,
    /// The ticket's store key.
    pub store: Option<String>,
    /// Channel.
    pub channel: String,
    /// `public` or `private`.
    pub visibility: String,
    /// `in` or `out`.
    pub direction: String,
}

/// A change to a ticket that other agents' inboxes should show at once.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ChangeTick {
    /// Event id.
    pub event: i64,
    /// Its ticket.
    pub ticket: i64,
    /// The ticket's store id.
    #[serde(skip)]
    pub store_id: Option<i64>,
    /// What happened (`claimed`, `assigned`, `status_changed`…).
    pub kind: String,
}

/// The event kinds that change what an inbox shows.
const CHANGE_KINDS: &str =
    "'assigned', 'claimed', 'pooled', 'paged', 'escalated', 'status_changed', 'labels_corrected'";

impl Db {
    /// The newest ticket event id (0 when there are none).
    pub async fn latest_event_id(&self) -> Result<i64, DbError> {
        let row = query_with(
            "SELECT COALESCE(MAX(id), 0) FROM ticket_events".into(),
            vec![],
        )
        .fetch_one(self.reader())
        .await?;
        row.int(0)
    }

    /// Work events with an id above `after`, oldest first, at most `limit`: the id of the
    /// last event looked at (whatever its kind) and the changes among them.
    pub async fn changes_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<(i64, Vec<ChangeTick>), DbError> {
        let rows = query_with(
            format!(
                "SELECT e.id, e.ticket_id, t.store_id, e.kind, CASE WHEN e.kind IN ({CHANGE_KINDS}) THEN 1 ELSE 0 END \
                 FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id \
                 WHERE e.id > $1 ORDER BY e.id LIMIT $2"
            ),
            vec![Val::from(after), Val::from(limit)],
        )
        .fetch_all(self.reader())
        .await?;
        let mut last = after;
        let mut changes = Vec::new();
        for r in &rows {
            last = r.int(0)?;
            if r.int(4)? == 1 {
                changes.push(ChangeTick {
                    event: last,
                    ticket: r.int(1)?,
                    store_id: r.opt_int(2)?,
                    kind: r.text(3)?,
                });
            }
        }
        Ok((last, changes))
    }

    /// The newest message id (0 when there are none).
    pub async fn latest_message_id(&self) -> Result<i64, DbError> {
        let row = query_with("SELECT COALESCE(MAX(id), 0) FROM messages".into(), vec![])
            .fetch_one(self.reader())
            .await?;
        row.int(0)
    }

    /// Messages with an id above `after`, oldest first, at most `limit`.
    pub async fn messages_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<MessageTick>, DbError> {
        let rows = query_with(
            "SELECT m.id, m.ticket_id, t.store_id, s.key, m.channel, m.visibility, m.direction \
             FROM messages m JOIN tickets t ON t.id = m.ticket_id \
             LEFT JOIN stores s ON s.id = t.store_id \
             WHERE m.id > $1 ORDER BY m.id LIMIT $2"
                .into(),
            vec![Val::from(after), Val::from(limit)],
        )
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(MessageTick {
                    message: r.int(0)?,
                    ticket: r.int(1)?,
                    store_id: r.opt_int(2)?,
                    store: r.opt_text(3)?,
                    channel: r.text(4)?,
                    visibility: r.text(5)?,
                    direction: r.text(6)?,
                })
            })
            .collect()
    }
}

impl Db {
    /// A ticket's language (the buyer's), without loading the rest of it.
    pub async fn ticket_language(&self, id: i64) -> Result<String, DbError> {
        let row = query_with(
            "SELECT language FROM tickets WHERE id = $1".into(),
            vec![Val::from(id)],
        )
        .fetch_optional(self.reader())
        .await?
        .ok_or(DbError::NotFound)?;
        row.text(0)
    }
}
