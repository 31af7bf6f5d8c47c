//! Reply templates (macros): the standard replies in eleven languages, each written for its
//! locale's tone (formal Japanese, `Sie`, `vous`, `您`…), filled with `{variables}`, and the
//! guard that refuses a public reply carrying personal data.
//!
//! The texts live in `templates/locales/<lang>.json` and are compiled in. A store may later
//! override them; the checks here (known variables, required ones present) apply to any
//! template text.

mod address;

use crate::triage::extract_entities;
use address::contains_address;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The standard replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    /// Public: acknowledge, apologise, invite to a private channel (no personal data).
    PublicAck,
    /// Private: ask for the order number, tracking number, photos or video.
    InfoRequest,
    /// Private: the parcel is late; tracking link and new date.
    DelayUpdate,
    /// Private: the proposed resolution, to confirm.
    ResolutionOffer,
    /// Private: resolved, thanks, a survey link.
    ClosingNote,
    /// Automatic: received; a person answers at a local time.
    OutOfHours,
}

impl TemplateKind {
    /// Every kind.
    pub const ALL: [TemplateKind; 6] = [
        TemplateKind::PublicAck,
        TemplateKind::InfoRequest,
        TemplateKind::DelayUpdate,
        TemplateKind::ResolutionOffer,
        TemplateKind::ClosingNote,
        TemplateKind::OutOfHours,
    ];

    /// The wire name (`public_ack`…).
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateKind::PublicAck => "public_ack",
            TemplateKind::InfoRequest => "info_request",
            TemplateKind::DelayUpdate => "delay_update",
            TemplateKind::ResolutionOffer => "resolution_offer",
            TemplateKind::ClosingNote => "closing_note",
            TemplateKind::OutOfHours => "out_of_hours",
        }
    }

    /// The variables a text of this kind must use.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            TemplateKind::PublicAck => &["customer", "private_channel"],
            TemplateKind::InfoRequest => &["customer"],
            TemplateKind::DelayUpdate => &["customer", "order_number", "tracking_url", "date"],
            TemplateKind::ResolutionOffer => &["customer", "order_number", "resolution"],
            TemplateKind::ClosingNote => &["customer", "survey_url"],
            TemplateKind::OutOfHours => &["customer", "local_time"],
        }
    }

    /// The variables a text of this kind may use.
    pub fn allowed(self) -> &'static [&'static str] {
        match self {
            TemplateKind::PublicAck => &["customer", "private_channel", "store"],
            TemplateKind::InfoRequest => &["customer", "agent", "store"],
            TemplateKind::DelayUpdate => &[
                "customer",
                "order_number",
                "tracking_url",
                "date",
                "agent",
                "store",
            ],
            TemplateKind::ResolutionOffer => {
                &["customer", "order_number", "resolution", "agent", "store"]
            }
            TemplateKind::ClosingNote => &["customer", "survey_url", "agent", "store"],
            TemplateKind::OutOfHours => &["customer", "local_time", "store"],
        }
    }

    /// Whether the reply is posted publicly.
    pub fn is_public(self) -> bool {
        self == TemplateKind::PublicAck
    }
}

/// The locales with standard texts.
pub const LOCALES: [&str; 11] = [
    "en", "zh", "es", "de", "fr", "pt", "it", "ja", "ko", "ru", "ar",
];

/// Why a template could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// The text names a variable the kind does not know.
    #[error("unknown variable {{{0}}}")]
    UnknownVariable(String),
    /// The text lacks a variable the kind needs.
    #[error("the text must use {{{0}}}")]
    MissingVariable(&'static str),
    /// A variable the text uses was not given a value.
    #[error("no value for {{{0}}}")]
    NoValue(String),
    /// A `{` without its `}`.
    #[error("unclosed {{ at byte {0}")]
    Unclosed(usize),
}

/// The variables a text uses, in order, with their positions; an unclosed brace is an error.
fn variables(text: &str) -> Result<Vec<(usize, usize, &str)>, TemplateError> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = text.get(rest..).and_then(|t| t.find('{')) {
        let start = rest + open;
        let close = text
            .get(start..)
            .and_then(|t| t.find('}'))
            .ok_or(TemplateError::Unclosed(start))?;
        let end = start + close;
        out.push((start, end + 1, text.get(start + 1..end).unwrap_or_default()));
        rest = end + 1;
    }
    Ok(out)
}

/// Checks a template text for a kind: only known variables, and every required one.
pub fn check(kind: TemplateKind, text: &str) -> Result<(), TemplateError> {
    let used = variables(text)?;
    for (_, _, name) in &used {
        if !kind.allowed().contains(name) {
            return Err(TemplateError::UnknownVariable((*name).to_string()));
        }
    }
    for required in kind.required() {
        if !used.iter().any(|(_, _, n)| n == required) {
            return Err(TemplateError::MissingVariable(required));
        }
    }
    Ok(())
}

/// Fills a text's variables from `values`.
pub fn fill(text: &str, values: &BTreeMap<String, String>) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut last = 0;
    for (start, end, name) in variables(text)? {
        out.push_str(text.get(last..start).unwrap_or_default());
        let value = values
            .get(name)
            .ok_or_else(|| TemplateError::NoValue(name.to_string()))?;
        out.push_str(value);
        last = end;
    }
    out.push_str(text.get(last..).unwrap_or_default());
    Ok(out)
}

/// The standard texts, by locale and kind.
fn standard() -> &'static BTreeMap<&'static str, BTreeMap<TemplateKind, String>> {
    static TEXTS: OnceLock<BTreeMap<&'static str, BTreeMap<TemplateKind, String>>> =
        OnceLock::new();
    TEXTS.get_or_init(|| {
        let files: [(&str, &str); 11] = [
            ("en", include_str!("templates/locales/en.json")),
            ("zh", include_str!("templates/locales/zh.json")),
            ("es", include_str!("templates/locales/es.json")),
            ("de", include_str!("templates/locales/de.json")),
            ("fr", include_str!("templates/locales/fr.json")),
            ("pt", include_str!("templates/locales/pt.json")),
            ("it", include_str!("templates/locales/it.json")),
            ("ja", include_str!("templates/locales/ja.json")),
            ("ko", include_str!("templates/locales/ko.json")),
            ("ru", include_str!("templates/locales/ru.json")),
            ("ar", include_str!("templates/locales/ar.json")),
        ];
        files
            .iter()
            .map(|&(lang, json)| {
                let texts: BTreeMap<TemplateKind, String> =
                    serde_json::from_str(json).unwrap_or_default();
                (lang, texts)
            })
            .collect()
    })
}

/// The locale to answer in: the buyer's language when there are texts for it (`pt-BR`
/// counts as `pt`), else English.
pub fn locale_for(language: &str) -> &'static str {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    LOCALES
        .iter()
        .find(|l| l.eq_ignore_ascii_case(primary))
        .copied()
        .unwrap_or("en")
}

/// The standard text of a kind in the buyer's language (English when there is none).
pub fn standard_text(kind: TemplateKind, language: &str) -> Option<&'static str> {
    let texts = standard();
    texts
        .get(locale_for(language))
        .and_then(|t| t.get(&kind))
        .or_else(|| texts.get("en").and_then(|t| t.get(&kind)))
        .map(String::as_str)
}

/// What a public reply may not carry, found in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a public reply must not contain {}; send it privately", .found.join(", "))]
pub struct PiiRefusal {
    /// What was found ("an order number", "an e-mail address"…).
    pub found: Vec<&'static str>,
}

/// Refuses a public reply that contains personal data: order or tracking numbers, amounts,
/// e-mail addresses, phone numbers or postal addresses (DESIGN: public-to-private).
pub fn check_public_reply(text: &str) -> Result<(), PiiRefusal> {
    let e = extract_entities(text);
    let mut found = Vec::new();
    let kinds = [
        (!e.order_numbers.is_empty(), "an order number"),
        (!e.tracking_numbers.is_empty(), "a tracking number"),
        (!e.amounts.is_empty(), "an amount"),
        (!e.emails.is_empty(), "an e-mail address"),
        (!e.phones.is_empty(), "a phone number"),
        (contains_address(text), "an address"),
    ];
    for (present, what) in kinds {
        if present {
            found.push(what);
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(PiiRefusal { found })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn values() -> BTreeMap<String, String> {
        [
            ("customer", "@jane_doe"),
            ("private_channel", "DM"),
            ("agent", "Lina"),
            ("store", "Acme"),
            ("order_number", "114-3941689-8772232"),
            (
                "tracking_url",
                "https://t.17track.net/en#nums=LX123456789CN",
            ),
            ("date", "2026-12-03"),
            ("resolution", "a full refund of 39.90 EUR"),
            ("survey_url", "https://desk.example/s/abc"),
            ("local_time", "Monday 09:00"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn every_locale_has_every_kind_with_its_variables() {
        for lang in LOCALES {
            let texts = standard().get(lang).unwrap();
            for kind in TemplateKind::ALL {
                let text = texts
                    .get(&kind)
                    .unwrap_or_else(|| panic!("{lang}: no {}", kind.as_str()));
                check(kind, text).unwrap_or_else(|e| panic!("{lang} {}: {e}", kind.as_str()));
                let filled = fill(text, &values()).unwrap();
                assert!(!filled.contains('{'), "{lang} {}: {filled}", kind.as_str());
            }
        }
    }

    #[test]
    fn public_acknowledgements_carry_no_personal_data_and_fit_a_tweet() {
        for lang in LOCALES {
            let text = standard_text(TemplateKind::PublicAck, lang).unwrap();
            let filled = fill(text, &values()).unwrap();
            assert_eq!(check_public_reply(&filled), Ok(()), "{lang}: {filled}");
            assert!(filled.chars().count() <= 280, "{lang}: {filled}");
        }
    }

    #[test]
    fn a_public_reply_with_an_order_number_or_e_mail_is_refused_with_the_reason() {
        let err =
            check_public_reply("Sorry! Your order 114-3941689-8772232 ships today").unwrap_err();
        assert_eq!(err.found, vec!["an order number"]);
        assert!(err.to_string().contains("must not contain an order number"));
        let err =
            check_public_reply("write to jane@example.com or call +49 30 1234567").unwrap_err();
        assert!(err.found.contains(&"an e-mail address"));
        assert_eq!(check_public_reply("So sorry, please send us a DM"), Ok(()));
    }

    #[test]
    fn a_filled_private_template_may_not_go_out_publicly() {
        for lang in LOCALES {
            let text = standard_text(TemplateKind::DelayUpdate, lang).unwrap();
            let err = check_public_reply(&fill(text, &values()).unwrap()).unwrap_err();
            assert!(err.found.contains(&"an order number"), "{lang}: {err}");
        }
    }

    #[test]
    fn templates_are_checked_and_filled_strictly() {
        assert_eq!(
            check(TemplateKind::PublicAck, "Hi {customer}, see {order_number}"),
            Err(TemplateError::UnknownVariable("order_number".into()))
        );
        assert_eq!(
            check(TemplateKind::ClosingNote, "Thanks {customer}!"),
            Err(TemplateError::MissingVariable("survey_url"))
        );
        assert_eq!(
            fill("Hi {customer", &values()),
            Err(TemplateError::Unclosed(3))
        );
        assert_eq!(
            fill("Hi {nobody}", &values()),
            Err(TemplateError::NoValue("nobody".into()))
        );
        assert_eq!(fill("Hi {customer}!", &values()).unwrap(), "Hi @jane_doe!");
    }

    #[test]
    fn the_buyers_language_chooses_the_locale() {
        assert_eq!(locale_for("pt-BR"), "pt");
        assert_eq!(locale_for("JA"), "ja");
        assert_eq!(locale_for("pl"), "en");
        assert_eq!(locale_for("und"), "en");
        assert!(
            standard_text(TemplateKind::OutOfHours, "ja")
                .unwrap()
                .contains("{local_time}")
        );
    }
}
