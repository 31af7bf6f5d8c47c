//! The inbound message contract: what a connector, `crossdesk ingest` or
//! `POST /api/v1/inbound` hands to intake, parsed into a validated [`Inbound`].

use crate::FieldError;
use crate::model::{Channel, Platform, Visibility};
use crate::wire::Obj;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Longest message body accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
const MAX_ID_CHARS: usize = 256;
const MAX_NAME_CHARS: usize = 512;

/// Who wrote an inbound message. At least one of `handle`, `email`, `buyer_id` is present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// Social handle, lowercased, with a leading `@`.
    pub handle: Option<String>,
    /// Display name as given.
    pub name: Option<String>,
    /// E-mail address, lowercased.
    pub email: Option<String>,
    /// Marketplace buyer id as given.
    pub buyer_id: Option<String>,
    /// Follower count on social channels.
    pub followers: Option<u64>,
}

/// A file attached to a message (kept as a link; crossdesk does not fetch it at intake).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// `image`, `video`, `file`, …
    pub kind: String,
    /// Where it can be fetched.
    pub url: String,
}

/// A validated inbound message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbound {
    /// The channel it came from.
    pub channel: Channel,
    /// The channel's own id for it; intake is idempotent on `(channel, external_id)`.
    pub external_id: String,
    /// The store key it was addressed to; absent on social channels.
    pub store: Option<String>,
    /// Public or private (defaults: public on X, private elsewhere).
    pub visibility: Visibility,
    /// Who wrote it.
    pub author: Author,
    /// E-mail subject or thread title.
    pub subject: Option<String>,
    /// The body (the subject when the body is empty).
    pub text: String,
    /// When the customer sent it.
    pub sent_at: DateTime<Utc>,
    /// The `external_id` of the message it answers, on the same channel.
    pub in_reply_to: Option<String>,
    /// An order number the channel attached (marketplace messages usually carry one).
    pub order_ref: Option<String>,
    /// A language the channel declared (ISO 639-1).
    pub lang: Option<String>,
    /// Attachments (photo or video evidence).
    pub attachments: Vec<Attachment>,
}

impl Inbound {
    /// Parses and validates one inbound record.
    pub fn parse(value: &Value) -> Result<Self, FieldError> {
        let o = Obj::root(value)?;
        let channel = o
            .opt_enum("channel", Channel::parse, Channel::expected)?
            .ok_or_else(|| FieldError::new("channel", "is required"))?;
        let external_id = o.req_str("external_id", MAX_ID_CHARS)?;
        let store = o.opt_str("store", MAX_ID_CHARS)?;
        if store.is_none() && !channel.is_social() {
            return Err(FieldError::new(
                "store",
                format!("is required on channel {channel} (only social channels may omit it)"),
            ));
        }
        let visibility = o
            .opt_enum("visibility", Visibility::parse, Visibility::expected)?
            .unwrap_or(if channel.is_social() {
                Visibility::Public
            } else {
                Visibility::Private
            });
        let author = parse_author(&o)?;
        let subject = o.opt_str("subject", 2_000)?;
        let text = match (o.opt_str("text", MAX_TEXT_CHARS)?, &subject) {
            (Some(text), _) => text,
            (None, Some(subject)) => subject.clone(),
            (None, None) => return Err(FieldError::new("text", "is required (or a subject)")),
        };
        let sent_at = o.req_time("sent_at")?;
        let in_reply_to = o.opt_str("in_reply_to", MAX_ID_CHARS)?;
        let order_ref = o.opt_str("order_ref", 64)?;
        let lang = match o.opt_str("lang", 16)? {
            None => None,
            Some(l) => {
                let l = l.to_ascii_lowercase();
                let primary = l.split(['-', '_']).next().unwrap_or_default().to_string();
                if primary.len() != 2 || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Err(FieldError::new(
                        "lang",
                        format!(
                            "expected an ISO 639-1 code such as \"en\" or \"pt-BR\", got {l:?}"
                        ),
                    ));
                }
                Some(primary)
            }
        };
        let mut attachments = Vec::new();
        for (i, item) in o.array("attachments")?.iter().enumerate() {
            let a = o.element("attachments", i, item)?;
            attachments.push(Attachment {
                kind: a.opt_str("kind", 32)?.unwrap_or_else(|| "file".to_string()),
                url: a.req_str("url", 4_096)?,
            });
        }
        Ok(Self {
            channel,
            external_id,
            store,
            visibility,
            author,
            subject,
            text,
            sent_at,
            in_reply_to,
            order_ref,
            lang,
            attachments,
        })
    }

    /// The platform whose buyer ids this message's `author.buyer_id` belongs to.
    pub fn buyer_platform(&self) -> Platform {
        platform_of_channel(self.channel)
    }
}

/// The platform a channel belongs to, for namespacing buyer ids.
pub fn platform_of_channel(channel: Channel) -> Platform {
    match channel {
        Channel::Amazon => Platform::Amazon,
        Channel::Ebay => Platform::Ebay,
        Channel::Aliexpress => Platform::Aliexpress,
        Channel::ShopifyChat => Platform::Shopify,
        _ => Platform::Other,
    }
}

fn parse_author(o: &Obj<'_>) -> Result<Author, FieldError> {
    let a = o
        .opt_obj("author")?
        .ok_or_else(|| FieldError::new("author", "is required"))?;
    let handle = match a.opt_str("handle", 64)? {
        None => None,
        Some(h) => Some(normalize_handle(&h).ok_or_else(|| {
            FieldError::new(
                a.path("handle"),
                format!("expected a handle such as @jane_doe, got {h:?}"),
            )
        })?),
    };
    let email = match a.opt_str("email", 320)? {
        None => None,
        Some(e) => Some(normalize_email(&e).ok_or_else(|| {
            FieldError::new(a.path("email"), format!("not an e-mail address: {e:?}"))
        })?),
    };
    let buyer_id = a.opt_str("buyer_id", MAX_ID_CHARS)?;
    if handle.is_none() && email.is_none() && buyer_id.is_none() {
        return Err(FieldError::new(
            "author",
            "needs at least one of handle, email or buyer_id",
        ));
    }
    Ok(Author {
        handle,
        name: a.opt_str("name", MAX_NAME_CHARS)?,
        email,
        buyer_id,
        followers: a.opt_u64("followers")?,
    })
}

/// Lowercases a social handle and gives it one leading `@`; a phone number (the handle on
/// WhatsApp) becomes `+digits`. `None` when it has characters a handle cannot have.
pub fn normalize_handle(handle: &str) -> Option<String> {
    let trimmed = handle.trim();
    if let Some(number) = trimmed.strip_prefix('+') {
        let digits: String = number
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
            .collect();
        let ok = (6..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        return ok.then(|| format!("+{digits}"));
    }
    let bare = trimmed.trim_start_matches('@');
    if bare.is_empty()
        || !bare
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-')
    {
        return None;
    }
    Some(format!("@{}", bare.to_lowercase()))
}

/// Lowercases an e-mail address; `None` unless it looks like `local@domain.tld`.
pub fn normalize_email(email: &str) -> Option<String> {
    let e = email.trim().to_lowercase();
    let (local, domain) = e.split_once('@')?;
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == ',')
        && !domain.contains('@');
    ok.then_some(e)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Value {
        json!({
            "channel": "twitter",
            "external_id": "1861234567890123456",
            "store": "acme-us",
            "visibility": "public",
            "author": {"handle": "@Jane_Doe", "name": "Jane Doe", "email": null, "buyer_id": null, "followers": 1520},
            "subject": null,
            "text": "@AcmeHelp my parcel has been stuck in customs for 3 weeks!! #LostPackage",
            "sent_at": "2026-11-20T08:15:00Z",
            "in_reply_to": null,
            "order_ref": null,
            "lang": null,
            "attachments": [{"kind": "image", "url": "https://example.invalid/p.jpg"}]
        })
    }

    #[test]
    fn the_design_example_parses() {
        let m = Inbound::parse(&sample()).unwrap();
        assert_eq!(m.channel, Channel::Twitter);
        assert_eq!(m.author.handle.as_deref(), Some("@jane_doe"));
        assert_eq!(m.author.followers, Some(1520));
        assert_eq!(m.attachments.len(), 1);
        assert_eq!(m.visibility, Visibility::Public);
    }

    fn rejects(mut edit: impl FnMut(&mut Value), field: &str) {
        let mut v = sample();
        edit(&mut v);
        let err = Inbound::parse(&v).unwrap_err();
        assert_eq!(err.field, field, "{err}");
    }

    #[test]
    fn each_malformed_field_is_named() {
        rejects(|v| v["channel"] = json!("fax"), "channel");
        rejects(|v| v["channel"] = json!(null), "channel");
        rejects(|v| v["external_id"] = json!(""), "external_id");
        rejects(|v| v["text"] = json!(null), "text");
        rejects(|v| v["sent_at"] = json!("yesterday"), "sent_at");
        rejects(|v| v["sent_at"] = json!(null), "sent_at");
        rejects(|v| v["author"] = json!({"name": "x"}), "author");
        rejects(|v| v["author"]["followers"] = json!(-3), "author.followers");
        rejects(
            |v| v["author"]["email"] = json!("not-an-email"),
            "author.email",
        );
        rejects(
            |v| v["attachments"] = json!([{"kind": "image"}]),
            "attachments[0].url",
        );
        rejects(|v| v["lang"] = json!("english"), "lang");
        rejects(|v| v["text"] = json!("a\u{0}b"), "text");
        rejects(|v| v["author"]["name"] = json!("x\u{0}"), "author.name");
        rejects(
            |v| {
                v["channel"] = json!("amazon");
                v["store"] = json!(null);
            },
            "store",
        );
        assert_eq!(Inbound::parse(&json!([1])).unwrap_err().field, "$");
    }

    #[test]
    fn subject_stands_in_for_an_empty_body() {
        let mut v = sample();
        v["text"] = json!("");
        v["subject"] = json!("Where is my order?");
        assert_eq!(Inbound::parse(&v).unwrap().text, "Where is my order?");
    }

    #[test]
    fn handles_are_normalised_and_phone_numbers_kept_as_numbers() {
        assert_eq!(normalize_handle("@Jane_Doe").as_deref(), Some("@jane_doe"));
        assert_eq!(normalize_handle("jane.doe").as_deref(), Some("@jane.doe"));
        assert_eq!(
            normalize_handle("+48 582-965-315").as_deref(),
            Some("+48582965315")
        );
        assert_eq!(normalize_handle("+48abc"), None);
        assert_eq!(normalize_handle("jane doe"), None);
    }

    #[test]
    fn numeric_ids_are_read_as_text() {
        let mut v = sample();
        v["external_id"] = json!(1861234567890123456u64);
        assert_eq!(
            Inbound::parse(&v).unwrap().external_id,
            "1861234567890123456"
        );
    }
}
