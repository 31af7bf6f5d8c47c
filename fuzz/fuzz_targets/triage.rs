//! Fuzz target: entity extraction, language detection, full triage (lexicon, model features
//! and scores, rules) and brand watch on arbitrary bytes, decoded lossily as intake would see
//! them. Any panic is a bug; so is a brand match whose offsets do not slice the text.
#![no_main]

use crossdesk_domain::brand::{BrandWatch, Term, TermKind};
use crossdesk_domain::triage::{TriageConfig, TriageInput, detect_language, extract_entities, triage};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn watch() -> &'static BrandWatch {
    static W: OnceLock<BrandWatch> = OnceLock::new();
    W.get_or_init(|| {
        let terms = [
            ("Anker", TermKind::Brand),
            ("Anker PowerCore", TermKind::Product),
            ("Xiaomi", TermKind::Competitor),
            ("小米", TermKind::Competitor),
            ("Müller", TermKind::Brand),
            ("삼성", TermKind::Competitor),
        ];
        BrandWatch::new(terms.iter().map(|&(n, k)| Term::new(n, k)).collect()).unwrap_or_default()
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = extract_entities(&text);
    let _ = detect_language(&text);
    let followers = data.first().map(|b| u64::from(*b) * 1_000);
    let t = triage(&TriageInput { text: &text, followers, ..Default::default() }, &TriageConfig::default());
    assert!((-1.0..=1.0).contains(&t.sentiment) && (0.0..=1.0).contains(&t.confidence));
    for m in watch().find(&text) {
        assert_eq!(text.get(m.start..m.end), Some(m.matched.as_str()));
    }
});
