//! Keyword triage (placeholder until the keyword engine lands).
use super::{Triage, TriageConfig, TriageInput, detect_language, extract_entities};
use crate::model::{Category, Urgency};

pub(super) fn triage(input: &TriageInput<'_>, _config: &TriageConfig) -> Triage {
    let entities = extract_entities(input.text);
    Triage {
        language: detect_language(input.text).to_string(),
        category: Category::Other,
        urgency: Urgency::Inquiry,
        sentiment: 0.0,
        confidence: 0.0,
        pii: entities.has_pii(),
        entities,
    }
}
