//! Satisfaction surveys: one row per ticket in `surveys`, opened once (after the ticket
//! closes) and answered once through a signed link; both steps are ticket events written in
//! the same transaction. Also the shared secret that signs those links, kept in `settings`
//! so every node on one database signs alike.

use crate::sql::{RowExt, ms, time};
use crate::views::SurveyView;
use crate::{Db, DbError};
use chrono::{DateTime, Utc};
use crossdesk_domain::model::ActorKind;
use rand_core::{OsRng, RngCore};

/// Longest survey comment accepted, in characters (Unicode scalar values).
pub const SURVEY_COMMENT_MAX_CHARS: usize = 2000;

/// The `settings` key of the link-signing secret.
const SIGNING_SECRET: &str = "signing_secret";
/// Bytes of randomness in a new signing secret.
const SECRET_BYTES: usize = 32;
/// Event kind written when a survey is opened.
const EVENT_SENT: &str = "survey_sent";
/// Event kind written when a survey is answered.
const EVENT_ANSWERED: &str = "survey_answered";

/// What became of an answer to a survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyAnswer {
    /// The answer is stored.
    Saved,
    /// The survey had been answered before; nothing changed.
    AlreadyAnswered,
    /// The ticket has no survey; nothing changed.
    NoSurvey,
}

impl Db {
    /// The secret that signs survey links, shared by every node on this database. The first
    /// caller creates it (32 random bytes); when two nodes race, the first insert wins and
    /// both read the winner.
    pub async fn signing_secret(&self) -> Result<Vec<u8>, DbError> {
        if let Some(secret) = self.read_secret(false).await? {
            return Ok(secret);
        }
        let mut fresh = [0u8; SECRET_BYTES];
        OsRng
            .try_fill_bytes(&mut fresh)
            .map_err(|e| DbError::Other(format!("no randomness for the signing secret: {e}")))?;
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        )
        .bind(SIGNING_SECRET)
        .bind(to_hex(&fresh))
        .execute(self.writer())
        .await?;
        self.read_secret(true)
            .await?
            .ok_or_else(|| DbError::Other("the signing secret vanished after its insert".into()))
    }

    async fn read_secret(&self, from_writer: bool) -> Result<Option<Vec<u8>>, DbError> {
        let pool = if from_writer {
            self.writer()
        } else {
            self.reader()
        };
        let row = sqlx::query("SELECT value FROM settings WHERE key = $1")
            .bind(SIGNING_SECRET)
            .fetch_optional(pool)
            .await?;
        match row {
            None => Ok(None),
            Some(r) => from_hex(&r.text(0)?)
                .filter(|b| !b.is_empty())
                .map(Some)
                .ok_or_else(|| DbError::Other("stored signing_secret is not hex".into())),
        }
    }

    /// Opens the survey of a ticket, in the ticket's language, and records a `survey_sent`
    /// event. `false` (and nothing written) when the ticket has a survey already;
    /// [`DbError::NotFound`] when there is no such ticket.
    pub async fn open_survey(&self, ticket_id: i64, now: DateTime<Utc>) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let language = sqlx::query("SELECT language FROM tickets WHERE id = $1")
            .bind(ticket_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(DbError::NotFound)?
            .text(0)?;
        let created = sqlx::query(
            "INSERT INTO surveys (ticket_id, language, sent_at) VALUES ($1, $2, $3)
             ON CONFLICT (ticket_id) DO NOTHING",
        )
        .bind(ticket_id)
        .bind(language.as_str())
        .bind(ms(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if created {
            sqlx::query(
                "INSERT INTO ticket_events (ticket_id, at, actor_kind, actor_id, kind, data)
                 VALUES ($1, $2, $3, NULL, $4, $5)",
            )
            .bind(ticket_id)
            .bind(ms(now))
            .bind(ActorKind::System.as_str())
            .bind(EVENT_SENT)
            .bind(serde_json::json!({ "language": language }).to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(created)
    }

    /// The survey of a ticket, if one was opened.
    pub async fn survey(&self, ticket_id: i64) -> Result<Option<SurveyView>, DbError> {
        let row = sqlx::query(
            "SELECT ticket_id, language, sent_at, rating, comment, answered_at
             FROM surveys WHERE ticket_id = $1",
        )
        .bind(ticket_id)
        .fetch_optional(self.reader())
        .await?;
        let Some(r) = row else {
            return Ok(None);
        };
        Ok(Some(SurveyView {
            ticket_id: r.int(0)?,
            language: r.text(1)?,
            sent_at: time(r.int(2)?),
            rating: r.opt_int(3)?,
            comment: r.opt_text(4)?,
            answered_at: r.opt_int(5)?.map(time),
        }))
    }

    /// Stores the customer's answer (a rating from 1 to 5 and an optional comment of at most
    /// [`SURVEY_COMMENT_MAX_CHARS`]) and records a `survey_answered` event, once: a survey
    /// answered before is left as it was. An empty comment is stored as none. A rating or
    /// comment out of bounds is a caller's bug ([`DbError::Other`]); validate first.
    pub async fn answer_survey(
        &self,
        ticket_id: i64,
        rating: u8,
        comment: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<SurveyAnswer, DbError> {
        if !(1..=5).contains(&rating) {
            return Err(DbError::Other(format!(
                "survey rating {rating} is outside 1..=5"
            )));
        }
        let comment = comment.map(str::trim).filter(|c| !c.is_empty());
        if comment.is_some_and(|c| c.chars().count() > SURVEY_COMMENT_MAX_CHARS) {
            return Err(DbError::Other(format!(
                "survey comment is longer than {SURVEY_COMMENT_MAX_CHARS} characters"
            )));
        }
        let mut tx = self.begin_write().await?;
        let saved = sqlx::query(
            "UPDATE surveys SET rating = $1, comment = $2, answered_at = $3
             WHERE ticket_id = $4 AND answered_at IS NULL",
        )
        .bind(i64::from(rating))
        .bind(comment)
        .bind(ms(now))
        .bind(ticket_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        let outcome = if saved {
            // The customer answers; the event names them through the ticket.
            sqlx::query(
                "INSERT INTO ticket_events (ticket_id, at, actor_kind, actor_id, kind, data)
                 SELECT id, $1, $2, customer_id, $3, $4 FROM tickets WHERE id = $5",
            )
            .bind(ms(now))
            .bind(ActorKind::Customer.as_str())
            .bind(EVENT_ANSWERED)
            .bind(serde_json::json!({ "rating": rating, "comment": comment.is_some() }).to_string())
            .bind(ticket_id)
            .execute(&mut *tx)
            .await?;
            SurveyAnswer::Saved
        } else {
            let exists = sqlx::query("SELECT 1 FROM surveys WHERE ticket_id = $1")
                .bind(ticket_id)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            if exists {
                SurveyAnswer::AlreadyAnswered
            } else {
                SurveyAnswer::NoSurvey
            }
        };
        tx.commit().await?;
        Ok(outcome)
    }
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    if !s.len().is_multiple_of(2) || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{from_hex, to_hex};

    #[test]
    fn hex_round_trips_and_refuses_garbage() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(to_hex(&bytes), "0001abff");
        assert_eq!(from_hex("0001abff"), Some(bytes.to_vec()));
        assert_eq!(from_hex("0001ABFF"), Some(bytes.to_vec()));
        assert_eq!(from_hex("abc"), None);
        assert_eq!(from_hex("zz"), None);
        assert_eq!(from_hex("é0"), None);
        assert_eq!(from_hex("+a"), None);
    }
}
