//! The satisfaction survey a customer answers without logging in: links signed with
//! HMAC-SHA256 over the ticket id (the secret is shared by every node through the
//! database), the form's validation, and the use cases behind the survey page.

use crate::App;
use crossdesk_db::views::SurveyView;
use crossdesk_db::{DbError, SURVEY_COMMENT_MAX_CHARS, SurveyAnswer};
use hmac::{KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = hmac::Hmac<Sha256>;

/// Bytes of a signature (the full SHA-256 MAC); the link carries them as hex.
const SIG_BYTES: usize = 32;

/// Why an answer to a survey was not taken.
#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    /// The rating is missing, not a number, or outside 1..=5.
    #[error("rating: expected a whole number from 1 to 5")]
    Rating,
    /// The comment is longer than [`SURVEY_COMMENT_MAX_CHARS`].
    #[error("comment: at most {SURVEY_COMMENT_MAX_CHARS} characters")]
    CommentTooLong,
    /// The link's signature is wrong or the ticket has no survey (deliberately one case:
    /// a wrong link must not reveal whether the ticket exists).
    #[error("no such survey")]
    NotFound,
    /// The survey was answered before; the first answer stands.
    #[error("the survey has already been answered")]
    AlreadyAnswered,
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl SurveyError {
    /// The form field at fault, for a validation error.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            SurveyError::Rating => Some("rating"),
            SurveyError::CommentTooLong => Some("comment"),
            _ => None,
        }
    }
}

/// A validated answer: the form's text fields parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyForm {
    /// 1 (worst) to 5 (best).
    pub rating: u8,
    /// The comment, trimmed; `None` when blank.
    pub comment: Option<String>,
}

impl SurveyForm {
    /// Parses the form's `rating` and `comment` as typed; a rejection names its field.
    pub fn parse(rating: &str, comment: &str) -> Result<Self, SurveyError> {
        let rating = rating
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|r| (1..=5).contains(r))
            .ok_or(SurveyError::Rating)?;
        let comment = comment.trim();
        if comment.chars().count() > SURVEY_COMMENT_MAX_CHARS {
            return Err(SurveyError::CommentTooLong);
        }
        Ok(Self {
            rating,
            comment: (!comment.is_empty()).then(|| comment.to_string()),
        })
    }
}

/// The MAC state over the survey link message of `ticket_id`; `None` only if the MAC
/// refused the key, which HMAC never does (it takes keys of any length).
fn mac(secret: &[u8], ticket_id: i64) -> Option<HmacSha256> {
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(secret).ok()?;
    // Domain-separated and versioned, so a MAC made for something else never passes here.
    mac.update(format!("crossdesk:survey:v1:{ticket_id}").as_bytes());
    Some(mac)
}

/// The signature of the survey link of `ticket_id`: HMAC-SHA256 under `secret`, as 64
/// lowercase hex digits.
pub fn sign(secret: &[u8], ticket_id: i64) -> String {
    mac(secret, ticket_id)
        .map(|m| {
            m.finalize()
                .into_bytes()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `sig` is the signature of `ticket_id`'s survey link under `secret`. The MAC is
/// compared in constant time; anything that is not 64 hex digits is refused.
pub fn verify(secret: &[u8], ticket_id: i64, sig: &str) -> bool {
    let Some(tag) = decode_hex(sig) else {
        return false;
    };
    tag.len() == SIG_BYTES && mac(secret, ticket_id).is_some_and(|m| m.verify_slice(&tag).is_ok())
}

/// Strict hex (either case); `None` for anything else.
fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    s.as_bytes()
        .chunks(2)
        .map(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect()
}

impl App {
    /// Opens the survey of a ticket now (see [`crossdesk_db::Db::open_survey`]); `false`
    /// when it was open already.
    #[tracing::instrument(skip(self))]
    pub async fn open_survey(&self, ticket_id: i64) -> Result<bool, DbError> {
        self.db.open_survey(ticket_id, self.clock.now()).await
    }

    /// The path of the survey link sent to the customer: `/survey/{ticket_id}/{sig}`.
    pub async fn survey_path(&self, ticket_id: i64) -> Result<String, DbError> {
        let secret = self.db.signing_secret().await?;
        Ok(format!("/survey/{ticket_id}/{}", sign(&secret, ticket_id)))
    }

    /// The survey behind a link; `None` when the signature is wrong or the ticket has no
    /// survey (the two are not told apart).
    #[tracing::instrument(skip(self, sig))]
    pub async fn survey_for_link(
        &self,
        ticket_id: i64,
        sig: &str,
    ) -> Result<Option<SurveyView>, DbError> {
        let secret = self.db.signing_secret().await?;
        if !verify(&secret, ticket_id, sig) {
            return Ok(None);
        }
        self.db.survey(ticket_id).await
    }

    /// Takes the customer's answer given through a link, as typed into the form: the link
    /// is checked first, then whether the survey is still open, then the fields; the survey
    /// as stored is returned. A survey is
    /// answered once: a second answer is [`SurveyError::AlreadyAnswered`] and changes
    /// nothing.
    #[tracing::instrument(skip(self, sig, rating, comment))]
    pub async fn answer_survey_link(
        &self,
        ticket_id: i64,
        sig: &str,
        rating: &str,
        comment: &str,
    ) -> Result<SurveyView, SurveyError> {
        match self.survey_for_link(ticket_id, sig).await? {
            None => return Err(SurveyError::NotFound),
            Some(s) if s.answered_at.is_some() => return Err(SurveyError::AlreadyAnswered),
            Some(_) => {}
        }
        let form = SurveyForm::parse(rating, comment)?;
        let outcome = self
            .db
            .answer_survey(
                ticket_id,
                form.rating,
                form.comment.as_deref(),
                self.clock.now(),
            )
            .await?;
        match outcome {
            SurveyAnswer::Saved => self
                .db
                .survey(ticket_id)
                .await?
                .ok_or(SurveyError::NotFound),
            SurveyAnswer::AlreadyAnswered => Err(SurveyError::AlreadyAnswered),
            SurveyAnswer::NoSurvey => Err(SurveyError::NotFound),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_signature_verifies_for_its_own_ticket_only() {
        let sig = sign(SECRET, 42);
        assert_eq!(sig.len(), 64);
        assert!(sig.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(verify(SECRET, 42, &sig));
        assert!(
            verify(SECRET, 42, &sig.to_uppercase()),
            "hex case is not significant"
        );
        assert!(!verify(SECRET, 43, &sig), "tampered ticket id");
        assert!(!verify(SECRET, -42, &sig));
        assert!(!verify(b"another secret", 42, &sig), "other secret");
        assert_ne!(sign(SECRET, 42), sign(SECRET, 420));
    }

    #[test]
    fn a_tampered_signature_is_refused() {
        let sig = sign(SECRET, 7);
        for i in 0..sig.len() {
            let mut bytes = sig.clone().into_bytes();
            bytes[i] = if bytes[i] == b'0' { b'1' } else { b'0' };
            let tampered = String::from_utf8(bytes).unwrap();
            assert!(!verify(SECRET, 7, &tampered), "digit {i} changed");
        }
    }

    #[test]
    fn a_signature_of_the_wrong_length_or_alphabet_is_refused() {
        let sig = sign(SECRET, 7);
        assert!(!verify(SECRET, 7, ""));
        assert!(!verify(SECRET, 7, &sig[..62]), "truncated");
        assert!(!verify(SECRET, 7, &sig[..63]), "odd length");
        assert!(!verify(SECRET, 7, &format!("{sig}00")), "extended");
        assert!(!verify(SECRET, 7, &format!("{}zz", &sig[..62])), "not hex");
        assert!(!verify(SECRET, 7, &format!("+{}", &sig[..63])), "sign");
        assert!(!verify(SECRET, 7, &"é".repeat(32)));
    }

    #[test]
    fn the_form_takes_ratings_from_one_to_five_and_names_the_field_it_refuses() {
        for (r, want) in [("1", 1), (" 5 ", 5), ("3", 3)] {
            assert_eq!(SurveyForm::parse(r, "").unwrap().rating, want);
        }
        for bad in ["0", "6", "x", "", "2.5", "-1", "+3x", "256", "٣"] {
            let err = SurveyForm::parse(bad, "").unwrap_err();
            assert_eq!(err.field(), Some("rating"), "{bad:?}");
            assert_eq!(
                err.to_string(),
                "rating: expected a whole number from 1 to 5"
            );
        }
    }

    #[test]
    fn the_comment_is_trimmed_blank_is_none_and_the_limit_counts_characters() {
        assert_eq!(SurveyForm::parse("4", "  ").unwrap().comment, None);
        assert_eq!(
            SurveyForm::parse("4", " great ")
                .unwrap()
                .comment
                .as_deref(),
            Some("great")
        );
        let longest = "界".repeat(SURVEY_COMMENT_MAX_CHARS);
        assert!(SurveyForm::parse("4", &longest).is_ok());
        let err = SurveyForm::parse("4", &format!("{longest}!")).unwrap_err();
        assert_eq!(err.field(), Some("comment"));
        assert!(err.to_string().starts_with("comment:"));
    }
}
