//! Training the triage model: multinomial logistic regression (one softmax over the
//! categories, one over the urgencies, sharing the features) by stochastic gradient descent
//! with a decaying step and L2 shrinkage, then 8-bit quantisation with one scale per output.
//!
//! Pure and deterministic: the same examples, options and seed give the same bytes.
//! `crossdesk train triage` reads the files and writes the result.

use super::features::{BUCKETS, Feature};
use super::{
    CATEGORIES, HEADER, LANGUAGES, LATIN, MAGIC, OUTPUTS, URGENCIES, VERSION, argmax, fingerprint,
};
use crate::model::{Category, Urgency};
use crate::triage::TriageInput;

/// One labelled message, as features.
#[derive(Debug, Clone)]
pub struct Example {
    features: Vec<Feature>,
    category: Category,
    urgency: Option<Urgency>,
    language: Option<usize>,
    weight: f32,
}

impl Example {
    /// Reads `text` as triage would and labels it (a language the script tells, such as
    /// `zh` or `ru`, teaches the model nothing about languages). `weight` scales what this
    /// example teaches (for example, to keep a large templated corpus from drowning
    /// hand-written messages).
    pub fn new(
        text: &str,
        category: Category,
        urgency: Option<Urgency>,
        language: Option<&str>,
        weight: f32,
    ) -> Self {
        let input = TriageInput {
            text,
            ..TriageInput::default()
        };
        let (_, _, f) = super::read(&input);
        Self {
            features: f.all().collect(),
            category,
            urgency,
            language: language.and_then(|l| LATIN.iter().position(|s| *s == l)),
            weight,
        }
    }

    /// The labelled category.
    pub fn category(&self) -> Category {
        self.category
    }
}

/// How to train.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Passes over the examples.
    pub epochs: usize,
    /// The first step size; epoch `e` uses `learning_rate / (1 + e / 2)`. Large, because
    /// the text features of a message are scaled to unit length together.
    pub learning_rate: f32,
    /// L2 shrinkage per update.
    pub l2: f32,
    /// Class balance: each category's examples weigh `(mean count / count) ^ balance`
    /// (0 = as they come, 1 = every category weighs the same).
    pub balance: f32,
    /// Seed of the shuffles.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            epochs: 20,
            learning_rate: 2.0,
            l2: 1e-6,
            balance: 0.5,
            seed: 13,
        }
    }
}

/// A trained model in full precision.
#[derive(Debug, Clone)]
pub struct Trained {
    weights: Vec<f32>,
    bias: [f32; OUTPUTS],
}

/// Trains a model on `examples`; `progress` hears (epoch, mean loss) after each epoch.
pub fn train(examples: &[Example], o: &Options, mut progress: impl FnMut(usize, f64)) -> Trained {
    let mut weights = vec![0f32; BUCKETS * OUTPUTS];
    let mut bias = [0f32; OUTPUTS];

    let mut cat_weight = [0f32; CATEGORIES];
    let mut count = [0f64; CATEGORIES];
    for e in examples {
        count[e.category as usize] += f64::from(e.weight);
    }
    let present = count.iter().filter(|&&c| c > 0.0).count().max(1);
    let mean = count.iter().sum::<f64>() / present as f64;
    for (w, &c) in cat_weight.iter_mut().zip(&count) {
        *w = if c > 0.0 {
            (mean / c).powf(f64::from(o.balance)) as f32
        } else {
            0.0
        };
    }

    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = o.seed | 1;
    for epoch in 0..o.epochs {
        shuffle(&mut order, &mut rng);
        let lr = o.learning_rate / (1.0 + epoch as f32 / 2.0);
        let mut loss = 0f64;
        for &i in &order {
            let e = &examples[i];
            let (cat, urg, lang) = super::split(&logits(&weights, &bias, &e.features));
            let w = e.weight * cat_weight[e.category as usize];
            let mut grad = [0f32; OUTPUTS];
            for k in 0..CATEGORIES {
                let y = if k == e.category as usize { 1.0 } else { 0.0 };
                grad[k] = (cat[k] - y) * w;
            }
            loss -= f64::from(cat[e.category as usize].max(1e-9).ln());
            if let Some(u) = e.urgency {
                for k in 0..URGENCIES {
                    let y = if k == u as usize { 1.0 } else { 0.0 };
                    grad[CATEGORIES + k] = (urg[k] - y) * e.weight;
                }
            }
            if let Some(l) = e.language {
                for k in 0..LANGUAGES {
                    let y = if k == l { 1.0 } else { 0.0 };
                    grad[CATEGORIES + URGENCIES + k] = (lang[k] - y) * e.weight;
                }
            }
            for (b, g) in bias.iter_mut().zip(&grad) {
                *b -= lr * g;
            }
            let shrink = 1.0 - lr * o.l2;
            for &(bucket, v) in &e.features {
                let start = bucket as usize * OUTPUTS;
                if let Some(row) = weights.get_mut(start..start + OUTPUTS) {
                    for (wk, g) in row.iter_mut().zip(&grad) {
                        *wk = *wk * shrink - lr * g * v;
                    }
                }
            }
        }
        progress(epoch + 1, loss / examples.len().max(1) as f64);
    }
    Trained { weights, bias }
}

fn logits(weights: &[f32], bias: &[f32; OUTPUTS], features: &[Feature]) -> [f32; OUTPUTS] {
    let mut out = *bias;
    for &(bucket, v) in features {
        let start = bucket as usize * OUTPUTS;
        if let Some(row) = weights.get(start..start + OUTPUTS) {
            for (o, w) in out.iter_mut().zip(row) {
                *o += w * v;
            }
        }
    }
    out
}

/// Fisher–Yates with xorshift64*.
fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        v.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

impl Trained {
    /// The category this full-precision model gives an example (to compare with the
    /// quantised model).
    pub fn predict(&self, e: &Example) -> Category {
        let out = logits(&self.weights, &self.bias, &e.features);
        Category::ALL
            .get(argmax(&out[..CATEGORIES]))
            .copied()
            .unwrap_or(Category::Other)
    }

    /// The model file: header, per-output scales and biases, then 8-bit weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut scale = [0f32; OUTPUTS];
        for row in self.weights.chunks_exact(OUTPUTS) {
            for (s, w) in scale.iter_mut().zip(row) {
                *s = s.max(w.abs());
            }
        }
        for s in &mut scale {
            *s = if *s > 0.0 { *s / 127.0 } else { 1.0 };
        }
        let mut out = Vec::with_capacity(HEADER + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&fingerprint().to_le_bytes());
        for s in scale {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for b in self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        for row in self.weights.chunks_exact(OUTPUTS) {
            for (w, s) in row.iter().zip(&scale) {
                out.push((w / s).round().clamp(-127.0, 127.0) as i8 as u8);
            }
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::triage::TriageConfig;
    use crate::triage::linear::{Model, triage};

    fn examples() -> Vec<Example> {
        let labelled = [
            ("where is my parcel, 3 weeks late", Category::LogisticsDelay),
            (
                "my package is so late, still not here",
                Category::LogisticsDelay,
            ),
            ("parcel stuck in transit for days", Category::LogisticsDelay),
            ("thank you, great seller, fast shipping", Category::Praise),
            ("love it, thanks so much", Category::Praise),
            ("amazing quality, thank you", Category::Praise),
            ("please cancel my order", Category::OrderChangeCancel),
            (
                "cancel the order please, I changed my mind",
                Category::OrderChangeCancel,
            ),
            ("I want to cancel this order", Category::OrderChangeCancel),
        ];
        labelled
            .iter()
            .map(|&(t, c)| Example::new(t, c, None, Some("en"), 1.0))
            .collect()
    }

    #[test]
    fn training_is_deterministic_and_learns_its_examples() {
        let ex = examples();
        let o = Options::default();
        let a = train(&ex, &o, |_, _| {});
        let b = train(&ex, &o, |_, _| {});
        let bytes = a.to_bytes();
        assert_eq!(bytes, b.to_bytes());
        for e in &ex {
            assert_eq!(a.predict(e), e.category());
        }
        // The quantised model reads back and agrees.
        let model = Model::parse(&bytes).unwrap();
        let t = triage(
            &model,
            &TriageInput {
                text: "my parcel is late and stuck",
                ..TriageInput::default()
            },
            &TriageConfig::default(),
        );
        assert_eq!(t.category, Category::LogisticsDelay);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_not_a_model() {
        assert!(Model::parse(b"CDTM").is_none());
        assert!(Model::parse(b"").is_none());
        let mut bytes = train(&examples(), &Options::default(), |_, _| {}).to_bytes();
        let good = bytes.clone();
        bytes[4] = 9; // version
        assert!(Model::parse(&bytes).is_none());
        let mut bytes = good.clone();
        bytes[9] ^= 1; // fingerprint: other labels or features
        assert!(Model::parse(&bytes).is_none());
        let mut bytes = good.clone();
        bytes[16..20].copy_from_slice(&f32::NAN.to_le_bytes()); // a scale
        assert!(Model::parse(&bytes).is_none());
        assert!(Model::parse(&good).is_some());
    }
}
