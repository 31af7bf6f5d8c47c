//! The trained triage engine: a linear model over hashed word and character n-grams, with
//! the keyword engine's evidence as extra features, that scores every category and every
//! urgency at once; rules then decide what rules are right for (crises, order value,
//! viral reach).
//!
//! The weights ship inside the binary (`triage.model`, written by `crossdesk train triage`):
//! 8-bit weights with a scale per output, the 29 outputs of a bucket side by side in 32
//! bytes (half a cache line), so a feature costs one cache-line read. The file's header
//! carries a fingerprint of the label names and the feature scheme, so a model trained for
//! other labels or other features is refused rather than misread.

pub(crate) mod features;
pub mod train;

use super::keywords::{self, Reading};
use super::{Triage, TriageConfig, TriageInput};
use crate::model::{Category, Urgency};
use features::BUCKETS;
use std::sync::OnceLock;

/// The model shipped with crossdesk.
static SHIPPED: &[u8] = include_bytes!("triage.model");

/// The file's magic number and format version.
const MAGIC: &[u8; 4] = b"CDTM";
const VERSION: u32 = 2;
/// Magic, version, fingerprint, then a scale and a bias per output.
pub(crate) const HEADER: usize = 4 + 4 + 8 + 8 * OUTPUTS;

/// What a model's outputs and inputs mean: the label names in output order, the feature
/// scheme's version and the table size. A model whose fingerprint differs was trained for
/// something else.
pub(crate) fn fingerprint() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes.iter().chain(b"\0") {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(&features::SCHEME.to_le_bytes());
    eat(&features::BUCKET_BITS.to_le_bytes());
    eat(&(OUTPUTS as u32).to_le_bytes());
    for c in Category::ALL {
        eat(c.as_str().as_bytes());
    }
    for u in Urgency::ALL {
        eat(u.as_str().as_bytes());
    }
    for l in LATIN {
        eat(l.as_bytes());
    }
    h
}

/// Category outputs, then urgency outputs.
pub(crate) const CATEGORIES: usize = Category::ALL.len();
pub(crate) const URGENCIES: usize = Urgency::ALL.len();
/// The languages the model tells apart: those written in Latin script (the script tells
/// the others).
pub(crate) const LATIN: [&str; 9] = ["en", "es", "de", "fr", "pt", "it", "nl", "pl", "tr"];
pub(crate) const LANGUAGES: usize = LATIN.len();
/// Outputs in use; a row is padded to [`OUTPUTS`] so that it fills half a cache line.
pub(crate) const USED: usize = CATEGORIES + URGENCIES + LANGUAGES;
pub(crate) const OUTPUTS: usize = 32;
const _: () = assert!(USED <= OUTPUTS);

/// Probability of the urgency output `crisis` at which the model alone raises a crisis.
const MODEL_CRISIS: f32 = 0.6;

/// The weights of one bucket, aligned so that reading them touches one cache line.
#[derive(Debug, Clone, Copy)]
#[repr(align(32))]
struct Row([i8; OUTPUTS]);

/// A loaded model.
#[derive(Debug)]
pub struct Model {
    scale: [f32; OUTPUTS],
    bias: [f32; OUTPUTS],
    rows: Vec<Row>,
}

/// What the model says about one message.
#[derive(Debug, Clone, Copy)]
pub struct Scores {
    /// Probability of each category (indexed by `Category as usize`).
    pub category: [f32; CATEGORIES],
    /// Probability of each urgency (indexed by `Urgency as usize`).
    pub urgency: [f32; URGENCIES],
    /// Probability of each Latin-script language (indexed like [`LATIN`]).
    pub language: [f32; LANGUAGES],
}

impl Model {
    /// Reads a model file; `None` when it is not one this build can use: wrong magic,
    /// version, fingerprint (labels or features changed since it was trained) or size, or a
    /// scale or bias that is not a finite number.
    pub fn parse(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != HEADER + BUCKETS * OUTPUTS || bytes.get(..4)? != MAGIC {
            return None;
        }
        let u32_at = |at: usize| -> Option<u32> {
            Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
        };
        let f32_at = |at: usize| -> Option<f32> {
            Some(f32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
        };
        let fingerprint = u64::from_le_bytes(bytes.get(8..16)?.try_into().ok()?);
        if u32_at(4)? != VERSION || fingerprint != self::fingerprint() {
            return None;
        }
        let mut scale = [0.0; OUTPUTS];
        let mut bias = [0.0; OUTPUTS];
        for k in 0..OUTPUTS {
            scale[k] = f32_at(16 + 4 * k)?;
            bias[k] = f32_at(16 + 4 * (OUTPUTS + k))?;
            if !(scale[k].is_finite() && scale[k] > 0.0 && bias[k].is_finite()) {
                return None;
            }
        }
        let rows = bytes
            .get(HEADER..)?
            .chunks_exact(OUTPUTS)
            .map(|c| {
                let mut row = [0i8; OUTPUTS];
                for (r, &b) in row.iter_mut().zip(c) {
                    *r = b as i8;
                }
                Row(row)
            })
            .collect();
        Some(Self { scale, bias, rows })
    }

    /// The model compiled into this binary, if it is a valid one.
    pub fn shipped() -> Option<&'static Model> {
        static MODEL: OnceLock<Option<Model>> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse(SHIPPED)).as_ref()
    }

    /// Triages one message with this model (what [`crate::triage::triage`] does with the
    /// shipped one).
    pub fn triage(&self, input: &TriageInput<'_>, config: &TriageConfig) -> Triage {
        triage(self, input, config)
    }

    /// Scores one message's features.
    pub(in crate::triage) fn score(&self, f: &features::Features) -> Scores {
        // Sums of 8-bit weights in 16 bits, 256 rows at a time (256 × 127 fits), then in 32.
        let mut sums = [0i32; OUTPUTS];
        for chunk in f.sparse.chunks(256) {
            let mut part = [0i16; OUTPUTS];
            for &b in chunk {
                if let Some(Row(row)) = self.rows.get(b as usize) {
                    for (s, &w) in part.iter_mut().zip(row) {
                        *s += i16::from(w);
                    }
                }
            }
            for (s, &p) in sums.iter_mut().zip(&part) {
                *s += i32::from(p);
            }
        }
        let unit = f.unit();
        let mut logits = [0f32; OUTPUTS];
        for (l, &s) in logits.iter_mut().zip(&sums) {
            *l = s as f32 * unit;
        }
        for &(b, v) in &f.dense {
            if let Some(Row(row)) = self.rows.get(b as usize) {
                for (l, &w) in logits.iter_mut().zip(row) {
                    *l += f32::from(w) * v;
                }
            }
        }
        for ((l, s), b) in logits.iter_mut().zip(&self.scale).zip(&self.bias) {
            *l = *l * s + b;
        }
        let (category, urgency, language) = split(&logits);
        Scores {
            category,
            urgency,
            language,
        }
    }
}

/// Splits the outputs into the three heads, each turned into probabilities.
pub(crate) fn split(
    logits: &[f32; OUTPUTS],
) -> ([f32; CATEGORIES], [f32; URGENCIES], [f32; LANGUAGES]) {
    let mut category = [0f32; CATEGORIES];
    let mut urgency = [0f32; URGENCIES];
    let mut language = [0f32; LANGUAGES];
    category.copy_from_slice(&logits[..CATEGORIES]);
    urgency.copy_from_slice(&logits[CATEGORIES..CATEGORIES + URGENCIES]);
    language.copy_from_slice(&logits[CATEGORIES + URGENCIES..USED]);
    softmax(&mut category);
    softmax(&mut urgency);
    softmax(&mut language);
    (category, urgency, language)
}

/// Turns logits into probabilities in place.
pub(crate) fn softmax(v: &mut [f32]) {
    let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for x in v.iter_mut() {
        *x = (*x - max).exp();
        sum += *x;
    }
    if sum > 0.0 {
        for x in v.iter_mut() {
            *x /= sum;
        }
    }
}

/// Index of the largest value.
pub(crate) fn argmax(v: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in v.iter().enumerate() {
        if x > v[best] {
            best = i;
        }
    }
    best
}

/// What the model reads of a message: the lexicon's reading, the entities and the
/// features built from both. Training reads examples through this too, so the two cannot
/// drift apart.
pub(in crate::triage) fn read(
    input: &TriageInput<'_>,
) -> (Reading, super::Entities, features::Features) {
    let entities = keywords::entities_of(input);
    let reading = keywords::read(input);
    let f = features::extract(input, &reading, &entities);
    (reading, entities, f)
}

/// Triages one message with `model`.
pub(super) fn triage(model: &Model, input: &TriageInput<'_>, config: &TriageConfig) -> Triage {
    let (reading, entities, f) = read(input);
    let scores = model.score(&f);
    let best = argmax(&scores.category);
    let category = Category::ALL.get(best).copied().unwrap_or(Category::Other);
    Triage {
        language: language(input, &scores, &f).to_string(),
        category,
        urgency: urgency(input, config, &reading, category, &scores),
        sentiment: reading.sentiment(category),
        confidence: scores.category[best].clamp(0.0, 1.0),
        pii: entities.has_pii(),
        entities,
    }
}

/// Probability at which the model's reading of a Latin-script language overrides the
/// function-word vote.
const MODEL_LANGUAGE: f32 = 0.6;

/// The declared or script-decided language; between Latin-script languages, the model's
/// character n-grams when they are sure, else the function-word vote (which a text of
/// Latin letters only, read with confidence, does not need).
fn language(input: &TriageInput<'_>, scores: &Scores, f: &features::Features) -> &'static str {
    let best = argmax(&scores.language);
    let sure = match LATIN.get(best) {
        Some(&l) if scores.language[best] >= MODEL_LANGUAGE => Some(l),
        _ => None,
    };
    let declared = keywords::declared_language(input).is_some();
    if !declared
        && f.other_letters == 0
        && f.latin_letters > 0
        && let Some(l) = sure
    {
        return l;
    }
    let voted = keywords::language(input);
    if declared || !is_latin(voted) {
        return voted;
    }
    sure.unwrap_or(voted)
}

/// Languages written in Latin script, which the script alone cannot tell apart.
fn is_latin(language: &str) -> bool {
    LATIN.contains(&language)
}

/// The rules' urgency (safety, legal, media, high value, viral reach), raised to crisis when
/// the model is confident of one the lexicon missed; a change or cancellation is a
/// complaint only when the model reads it as one.
fn urgency(
    input: &TriageInput<'_>,
    config: &TriageConfig,
    reading: &Reading,
    category: Category,
    scores: &Scores,
) -> Urgency {
    let by_rules = keywords::urgency(input, config, reading, category);
    let p = |u: Urgency| scores.urgency[u as usize];
    if by_rules == Urgency::Crisis || p(Urgency::Crisis) >= MODEL_CRISIS {
        return Urgency::Crisis;
    }
    if category == Category::OrderChangeCancel {
        return if p(Urgency::Complaint) > p(Urgency::Inquiry) {
            Urgency::Complaint
        } else {
            Urgency::Inquiry
        };
    }
    by_rules
}
