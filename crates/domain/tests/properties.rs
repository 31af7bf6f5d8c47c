//! Triage and its extractors never panic and always answer within their contract, on any
//! text: mixed scripts, emoji and combining marks, bytes cut mid-character (decoded
//! lossily, as intake would see them), and very long messages.
#![allow(clippy::unwrap_used)]

use crossdesk_domain::triage::{
    SUPPORTED_LANGUAGES, TriageConfig, TriageInput, detect_language, extract_entities, triage,
};
use proptest::prelude::*;

/// Characters that stress the scanners: digits and separators of order/tracking numbers,
/// currency signs, every script we detect, emoji with joiners, combining marks.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('0', '9'),
        3 => prop::char::range('A', 'Z'),
        3 => prop::char::range('a', 'z'),
        3 => prop::sample::select(vec![' ', '-', '#', '@', '.', ',', '+', '(', ')', '/', ':', '\n', '$', '€', '¥', '£', '₽', '₩', '元', '円', 'ł', 'ß', 'ç', 'ğ', 'İ']),
        1 => prop::char::range('\u{4e00}', '\u{9fff}'),
        1 => prop::char::range('\u{3040}', '\u{30ff}'),
        1 => prop::char::range('\u{ac00}', '\u{d7af}'),
        1 => prop::char::range('\u{0600}', '\u{06ff}'),
        1 => prop::char::range('\u{0400}', '\u{04ff}'),
        1 => prop::sample::select(vec!['\u{1f600}', '\u{1f4e6}', '\u{200d}', '\u{fe0f}', '\u{0301}', '\u{0308}', '\u{200b}', '\u{feff}']),
        1 => any::<char>(),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..400).prop_map(String::from_iter)
}

fn check(text: &str) {
    let entities = extract_entities(text);
    for t in &entities.tracking_numbers {
        assert!(
            t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
            "tracking number {t:?}"
        );
    }
    for e in &entities.emails {
        assert!(e.contains('@') && *e == e.to_lowercase(), "email {e:?}");
    }
    let lang = detect_language(text);
    assert!(
        lang == "und" || SUPPORTED_LANGUAGES.contains(&lang),
        "language {lang:?}"
    );
    for followers in [None, Some(50_000)] {
        let t = triage(
            &TriageInput {
                text,
                followers,
                order_value_usd: Some(900.0),
                ..Default::default()
            },
            &TriageConfig::default(),
        );
        assert!(
            (-1.0..=1.0).contains(&t.sentiment),
            "sentiment {}",
            t.sentiment
        );
        assert!(
            (0.0..=1.0).contains(&t.confidence),
            "confidence {}",
            t.confidence
        );
        assert_eq!(t.pii, t.entities.has_pii());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn any_mixed_script_text_is_triaged_within_contract(text in tricky_text()) {
        check(&text);
    }

    #[test]
    fn bytes_cut_at_any_offset_are_handled(bytes in prop::collection::vec(any::<u8>(), 0..600), a in 0usize..600, b in 0usize..600) {
        let (lo, hi) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
        check(&String::from_utf8_lossy(&bytes[lo..hi]));
    }

    #[test]
    fn a_valid_text_cut_mid_character_is_handled(text in tricky_text(), cut in 0usize..1600) {
        let bytes = text.as_bytes();
        let cut = cut.min(bytes.len());
        check(&String::from_utf8_lossy(&bytes[..cut]));
        check(&String::from_utf8_lossy(&bytes[cut..]));
    }
}

#[test]
fn a_one_megabyte_message_in_mixed_scripts_is_triaged() {
    let unit = "Order 112-1234567-1234567 包裹 LX123456785CN 配達されません 택배 €12,50 посылка طلبي 😡 a@b.example +48 582 965 315 ";
    let text: String = unit.repeat(1_048_576 / unit.len() + 1);
    assert!(text.len() >= 1_048_576);
    check(&text);
    let e = extract_entities(&text);
    assert!(!e.order_numbers.is_empty() && !e.tracking_numbers.is_empty());
}
