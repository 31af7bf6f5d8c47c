//! What the workspace polls and peeks at: messages written since a given id (by any node), a ticket's language.

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

impl Db {
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
