//! Triage: what a message is about, how urgent it is, its language, sentiment and the
//! entities in it. Pure, offline, deterministic.
//!
//! This module owns the *interface* (input, output, configuration); the engine behind
//! [`triage`] can be replaced without touching callers.

mod entities;
pub mod eval;
mod fasthash;
mod keywords;
mod language;
pub mod linear;

pub use entities::extract_entities;
pub use language::{SUPPORTED_LANGUAGES, detect_language};

use crate::model::{Category, Channel, Urgency, Visibility};
use serde::{Deserialize, Serialize};

/// What triage looks at.
#[derive(Debug, Clone, Copy, Default)]
pub struct TriageInput<'a> {
    /// The message body.
    pub text: &'a str,
    /// An e-mail subject or thread title, when the channel has one.
    pub subject: Option<&'a str>,
    /// The channel, when known.
    pub channel: Option<Channel>,
    /// Public or private, when known.
    pub visibility: Option<Visibility>,
    /// The linked order's value in USD, for the high-value crisis rule.
    pub order_value_usd: Option<f64>,
    /// The author's follower count, for the viral-reach crisis rule.
    pub followers: Option<u64>,
    /// A language the sender declared (ISO 639-1), trusted when present.
    pub lang_hint: Option<&'a str>,
}

/// Thresholds of the urgency rules (DESIGN.md: configurable).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriageConfig {
    /// An order at or above this value (USD) that is lost or destroyed is a crisis.
    pub high_value_usd: f64,
    /// A public post by an author with at least this many followers is a crisis when it
    /// complains.
    pub viral_followers: u64,
}

impl Default for TriageConfig {
    fn default() -> Self {
        Self {
            high_value_usd: 500.0,
            viral_followers: 10_000,
        }
    }
}

/// An amount of money found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    /// Decimal text as written, normalised to a `.` separator (`"59.90"`).
    pub value: String,
    /// ISO 4217 code when a symbol or code was next to the number.
    pub currency: Option<String>,
}

/// Entities extracted from a text (triage output contract).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    /// Marketplace order numbers (Amazon, eBay, AliExpress, Shopify `#1234`).
    pub order_numbers: Vec<String>,
    /// Carrier tracking numbers, uppercased, spaces removed.
    pub tracking_numbers: Vec<String>,
    /// Amounts of money.
    pub amounts: Vec<Amount>,
    /// E-mail addresses, lowercased.
    pub emails: Vec<String>,
    /// Phone numbers, digits with a leading `+` when one was written.
    pub phones: Vec<String>,
}

impl Entities {
    /// Whether the text carries personal data that must not be posted publicly.
    pub fn has_pii(&self) -> bool {
        !(self.order_numbers.is_empty()
            && self.tracking_numbers.is_empty()
            && self.amounts.is_empty()
            && self.emails.is_empty()
            && self.phones.is_empty())
    }
}

/// Triage's verdict on one message (the `crossdesk classify` output contract, minus `id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Triage {
    /// ISO 639-1 code, or `und` when undetermined.
    pub language: String,
    /// What the message is about.
    pub category: Category,
    /// How urgent it is.
    pub urgency: Urgency,
    /// From -1 (furious) to 1 (delighted).
    pub sentiment: f32,
    /// How sure the category is, in [0, 1].
    pub confidence: f32,
    /// Whether the text contains personal data (see [`Entities::has_pii`]).
    pub pii: bool,
    /// What was found in the text.
    pub entities: Entities,
}

/// The engines behind [`triage`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// The trained model with the rules (falls back to the keywords if the binary was built
    /// without a valid model).
    #[default]
    Model,
    /// The lexicon alone (the foundation's engine), kept as a baseline.
    Keywords,
}

/// Triages one message.
pub fn triage(input: &TriageInput<'_>, config: &TriageConfig) -> Triage {
    triage_with(Engine::Model, input, config)
}

/// Triages one message with a chosen engine.
pub fn triage_with(engine: Engine, input: &TriageInput<'_>, config: &TriageConfig) -> Triage {
    match (engine, linear::Model::shipped()) {
        (Engine::Model, Some(model)) => linear::triage(model, input, config),
        _ => keywords::triage(input, config),
    }
}

/// Raises urgency to crisis for a high-value loss: a lost or destroyed parcel whose order is
/// worth at least [`TriageConfig::high_value_usd`]. Intake calls it once the order is linked.
pub fn urgency_for_order_value(
    category: Category,
    urgency: Urgency,
    order_value_usd: Option<f64>,
    config: &TriageConfig,
) -> Urgency {
    let loss = matches!(
        category,
        Category::LogisticsLost | Category::LogisticsDamaged
    );
    match order_value_usd {
        Some(v) if loss && v >= config.high_value_usd => Urgency::Crisis,
        _ => urgency,
    }
}
