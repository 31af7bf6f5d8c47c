//! Fuzz target: entity extraction, language detection and full triage on arbitrary bytes,
//! decoded lossily as intake would see them. Any panic is a bug.
#![no_main]

use crossdesk_domain::triage::{TriageConfig, TriageInput, detect_language, extract_entities, triage};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = extract_entities(&text);
    let _ = detect_language(&text);
    let followers = data.first().map(|b| u64::from(*b) * 1_000);
    let t = triage(&TriageInput { text: &text, followers, ..Default::default() }, &TriageConfig::default());
    assert!((-1.0..=1.0).contains(&t.sentiment) && (0.0..=1.0).contains(&t.confidence));
});
