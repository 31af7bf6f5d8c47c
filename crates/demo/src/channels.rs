//! Channels as the inbound contract sees them: which author identifiers each carries,
//! external id formats, visibility, attachments, and the final JSON message.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use fastrand::Rng;
use serde_json::{Value, json};

use crate::catalog::Platform;
use crate::customers::Customer;
use crate::phrases::{Style, Text};
use crate::util::{mix, rfc3339};

/// A channel of the inbound contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Ch {
    Twitter,
    Email,
    Amazon,
    Ebay,
    Aliexpress,
    ShopifyChat,
    Webchat,
    Whatsapp,
}

impl Ch {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Ch::Twitter => "twitter",
            Ch::Email => "email",
            Ch::Amazon => "amazon",
            Ch::Ebay => "ebay",
            Ch::Aliexpress => "aliexpress",
            Ch::ShopifyChat => "shopify_chat",
            Ch::Webchat => "webchat",
            Ch::Whatsapp => "whatsapp",
        }
    }

    /// How messages on this channel are written.
    pub(crate) fn style(self) -> Style {
        match self {
            Ch::Twitter => Style::Tweet,
            Ch::Email => Style::Email,
            Ch::Amazon | Ch::Ebay | Ch::Aliexpress => Style::Marketplace,
            Ch::ShopifyChat | Ch::Webchat | Ch::Whatsapp => Style::Chat,
        }
    }

    /// Marketplace messages are attached to the order by the platform itself.
    pub(crate) fn marketplace(self) -> bool {
        matches!(self, Ch::Amazon | Ch::Ebay | Ch::Aliexpress)
    }

    /// The channels a buyer of a store on `platform` uses, with relative weights.
    pub(crate) fn options(platform: Platform, has_handle: bool, loud: bool) -> Vec<(Ch, u32)> {
        let tw = match (has_handle, loud) {
            (false, _) => 0,
            (true, false) => 25,
            (true, true) => 60,
        };
        match platform {
            Platform::Amazon => vec![(Ch::Amazon, 60), (Ch::Email, 15), (Ch::Twitter, tw)],
            Platform::Ebay => vec![
                (Ch::Ebay, 60),
                (Ch::Email, 15),
                (Ch::Twitter, tw),
                (Ch::Whatsapp, 3),
            ],
            Platform::Aliexpress => vec![
                (Ch::Aliexpress, 72),
                (Ch::Email, 8),
                (Ch::Twitter, tw),
                (Ch::Whatsapp, 5),
            ],
            Platform::Shopify => vec![
                (Ch::ShopifyChat, 28),
                (Ch::Email, 32),
                (Ch::Webchat, 10),
                (Ch::Twitter, tw),
                (Ch::Whatsapp, 8),
            ],
        }
    }
}

/// Who wrote a message, as the channel identifies them.
pub(crate) fn author(ch: Ch, c: &Customer, platform: Platform) -> Value {
    match ch {
        Ch::Twitter => json!({
            "handle": c.handle, "name": c.name, "email": null, "buyer_id": null, "followers": c.followers,
        }),
        Ch::Amazon | Ch::Ebay | Ch::Aliexpress => {
            let id = match platform {
                Platform::Ebay => &c.ebay_id,
                Platform::Aliexpress => &c.aliexpress_id,
                _ => &c.amazon_id,
            };
            json!({"handle": null, "name": c.name, "email": null, "buyer_id": id, "followers": null})
        }
        Ch::Whatsapp => {
            let phone: String = c
                .phone
                .chars()
                .filter(|ch| ch.is_ascii_digit() || *ch == '+')
                .collect();
            json!({"handle": phone, "name": c.name, "email": null, "buyer_id": null, "followers": null})
        }
        Ch::Email | Ch::ShopifyChat | Ch::Webchat => json!({
            "handle": null, "name": c.name, "email": c.email, "buyer_id": null, "followers": null,
        }),
    }
}

/// Makes external ids in each channel's own format, unique within a batch.
pub(crate) struct Ids {
    seed: u64,
    seen: HashSet<String>,
}

impl Ids {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            seed,
            seen: HashSet::new(),
        }
    }

    /// A fresh id for the `k`-th message of the batch, sent at `t`.
    pub(crate) fn next(&mut self, ch: Ch, k: u64, t: DateTime<Utc>) -> String {
        let mut salt = 0u64;
        loop {
            let h = mix(mix(self.seed, k), salt);
            let id = match ch {
                // X snowflake: milliseconds since the X epoch, then worker and sequence bits.
                Ch::Twitter => {
                    let ms = (t.timestamp_millis() - 1_288_834_974_657).max(0) as u64;
                    ((ms << 22) | (h & 0x3F_FFFF)).to_string()
                }
                Ch::Email => format!("CA+{:016x}{:04x}@mail.gmail.com", h, k & 0xFFFF),
                Ch::Amazon => format!("amzn1.msg.{:016x}", h),
                Ch::Ebay => format!("{}", 200_000_000_000 + h % 800_000_000_000),
                Ch::Aliexpress => format!("{}", 1_000_000_000_000_000 + h % 8_999_999_999_999_999),
                Ch::ShopifyChat => format!(
                    "gid://shopify/Message/{}",
                    10_000_000_000 + h % 90_000_000_000
                ),
                Ch::Webchat => format!("wc_{:012x}", h & 0xFFFF_FFFF_FFFF),
                Ch::Whatsapp => format!("wamid.HBgM{:016X}{:08X}", h, k as u32),
            };
            if self.seen.insert(id.clone()) {
                return id;
            }
            salt += 1;
        }
    }
}

/// Image attachments a buyer adds as evidence (1–3 photos).
pub(crate) fn photos(rng: &mut Rng, id_hint: u64) -> Value {
    let n = rng.usize(1..=3);
    let items: Vec<Value> = (0..n)
        .map(|k| {
            let name = ["IMG_", "photo_", "image", "PXL_2026"][(id_hint as usize + k) % 4];
            json!({"kind": "image", "url": format!("https://example.invalid/att/{:x}/{name}{}.jpg", id_hint, 1000 + k)})
        })
        .collect();
    Value::Array(items)
}

/// Everything one inbound message needs.
pub(crate) struct Envelope<'a> {
    pub ch: Ch,
    pub id: String,
    pub store: Option<&'a str>,
    pub author: Value,
    pub text: Text,
    pub sent_at: DateTime<Utc>,
    pub in_reply_to: Option<String>,
    pub order_ref: Option<&'a str>,
    pub attachments: Value,
}

/// The inbound message of the contract.
pub(crate) fn message(e: Envelope<'_>) -> Value {
    let visibility = if e.ch == Ch::Twitter {
        "public"
    } else {
        "private"
    };
    json!({
        "channel": e.ch.as_str(),
        "external_id": e.id,
        "store": e.store,
        "visibility": visibility,
        "author": e.author,
        "subject": e.text.subject,
        "text": e.text.body,
        "sent_at": rfc3339(e.sent_at),
        "in_reply_to": e.in_reply_to,
        "order_ref": e.order_ref,
        "lang": null,
        "attachments": e.attachments,
    })
}
