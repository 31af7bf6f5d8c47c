//! Machine translations of messages, cached per (message, target language) so that a
//! message is sent to a translation service once per language. The first translation stored
//! wins: two agents asking at once both get the one kept.

use crate::sql::{RowExt, Val, ms, query_with, time};
use crate::{Db, DbError};
use chrono::{DateTime, Utc};

/// What a translation needs to know about a message: its text, and its ticket's store for
/// the caller's scope check.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageText {
    /// The message.
    pub id: i64,
    /// Its ticket.
    pub ticket_id: i64,
    /// The ticket's store (`None` for a storeless ticket).
    pub store_id: Option<i64>,
    /// `in` or `out`.
    pub direction: String,
    /// The text as written.
    pub text: String,
    /// The language triage detected.
    pub language: String,
}

/// A stored translation.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The message translated.
    pub message_id: i64,
    /// The target language code, as asked for (`en`, `zh`, `pt-BR`…).
    pub target: String,
    /// The translated text.
    pub text: String,
    /// The source language the service detected, lower case (`de`), when it said.
    pub source_language: Option<String>,
    /// Which service translated it (`deepl`, `libretranslate`).
    pub provider: String,
    /// When it was stored.
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "message_id, target, text, source_language, provider, created_at";

impl Db {
    /// The text of message `id` with its ticket's store; [`DbError::NotFound`] when there is
    /// no such message.
    pub async fn message_text(&self, id: i64) -> Result<MessageText, DbError> {
        let row = query_with(
            "SELECT m.id, m.ticket_id, t.store_id, m.direction, m.text, m.language \
             FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE m.id = $1"
                .into(),
            vec![Val::from(id)],
        )
        .fetch_optional(self.reader())
        .await?
        .ok_or(DbError::NotFound)?;
        Ok(MessageText {
            id: row.int(0)?,
            ticket_id: row.int(1)?,
            store_id: row.opt_int(2)?,
            direction: row.text(3)?,
            text: row.text(4)?,
            language: row.text(5)?,
        })
    }

    /// The stored translation of `message_id` into `target`, if any.
    pub async fn translation(
        &self,
        message_id: i64,
        target: &str,
    ) -> Result<Option<Translation>, DbError> {
        query_with(
            format!("SELECT {COLUMNS} FROM translations WHERE message_id = $1 AND target = $2"),
            vec![Val::from(message_id), Val::from(target)],
        )
        .fetch_optional(self.reader())
        .await?
        .map(|r| {
            Ok(Translation {
                message_id: r.int(0)?,
                target: r.text(1)?,
                text: r.text(2)?,
                source_language: r.opt_text(3)?,
                provider: r.text(4)?,
                created_at: time(r.int(5)?),
            })
        })
        .transpose()
    }

    /// Keeps `t` unless a translation of the same message into the same target is stored
    /// already; the one stored either way. [`DbError::NotFound`] when the message does not
    /// exist.
    pub async fn save_translation(&self, t: &Translation) -> Result<Translation, DbError> {
        let inserted = query_with(
            format!(
                "INSERT INTO translations ({COLUMNS}) \
                 SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM messages WHERE id = $1) \
                 ON CONFLICT (message_id, target) DO NOTHING"
            ),
            vec![
                Val::from(t.message_id),
                Val::from(t.target.as_str()),
                Val::from(t.text.as_str()),
                Val::from(t.source_language.clone()),
                Val::from(t.provider.as_str()),
                Val::from(ms(t.created_at)),
            ],
        )
        .execute(self.writer())
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(t.clone());
        }
        self.translation(t.message_id, &t.target)
            .await?
            .ok_or(DbError::NotFound)
    }
}
