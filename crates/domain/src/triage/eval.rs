//! Scoring triage against labelled messages: per-category precision, recall and F1,
//! macro-F1, a confusion matrix, language accuracy (messages of 20+ characters), urgency
//! accuracy and entity recall. Pure: the caller reads the file and prints the report.

use super::Triage;
use crate::model::{Category, Urgency};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a labelled message says it is. Every label is optional; each metric counts only
/// the messages that carry its label.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// Expected category; several when the label map accepts alternatives.
    pub categories: Vec<Category>,
    /// Expected language (ISO 639-1).
    pub language: Option<String>,
    /// Expected urgency.
    pub urgency: Option<Urgency>,
    /// Entities that must be found, as (kind, value) — kind is `order_numbers`,
    /// `tracking_numbers`, `emails` or `phones`.
    pub entities: Vec<(String, String)>,
    /// The message's polarity, when only that is known (a review's stars): a negative
    /// message must not be praise, a positive one must be praise or an inquiry.
    pub polarity: Option<Polarity>,
}

/// Whether a message is favourable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Polarity {
    /// A complaint or a bad review.
    Negative,
    /// Thanks or a good review.
    Positive,
}

/// Precision, recall and F1 of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ClassScore {
    /// Of the messages predicted as this category, the share that were.
    pub precision: f64,
    /// Of the messages of this category, the share predicted as it.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Messages labelled with this category.
    pub support: u64,
}

/// The accumulated evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Evaluation {
    /// Messages scored.
    pub messages: u64,
    /// (gold, predicted) → count, over messages with a category label.
    pub confusion: BTreeMap<(Category, Category), u64>,
    /// Language: (correct, scored) over messages of 20+ characters with a language label.
    pub language: (u64, u64),
    /// Urgency: (correct, scored).
    pub urgency: (u64, u64),
    /// Entities: (found, expected).
    pub entities: (u64, u64),
    /// Polarity: (agreeing, scored).
    pub polarity: (u64, u64),
    /// Category: (correct, scored) by the labelled language.
    pub category_by_language: BTreeMap<String, (u64, u64)>,
    /// (labelled, detected) language → count, over messages of 20+ characters.
    pub language_confusion: BTreeMap<(String, String), u64>,
    /// (gold, predicted) urgency → count.
    pub urgency_confusion: BTreeMap<(Urgency, Urgency), u64>,
}

impl Evaluation {
    /// Adds one message: its text, its labels and triage's verdict. A prediction that is one
    /// of several accepted categories counts as that category.
    pub fn add(&mut self, text: &str, gold: &Gold, predicted: &Triage) {
        self.messages += 1;
        if let Some(&first) = gold.categories.first() {
            let truth = if gold.categories.contains(&predicted.category) {
                predicted.category
            } else {
                first
            };
            *self
                .confusion
                .entry((truth, predicted.category))
                .or_default() += 1;
            if let Some(lang) = &gold.language {
                let e = self.category_by_language.entry(lang.clone()).or_default();
                e.1 += 1;
                e.0 += u64::from(truth == predicted.category);
            }
        }
        if let Some(lang) = &gold.language
            && text.chars().count() >= 20
        {
            self.language.1 += 1;
            self.language.0 += u64::from(predicted.language == *lang);
            *self
                .language_confusion
                .entry((lang.clone(), predicted.language.clone()))
                .or_default() += 1;
        }
        if let Some(u) = gold.urgency {
            self.urgency.1 += 1;
            self.urgency.0 += u64::from(predicted.urgency == u);
            *self
                .urgency_confusion
                .entry((u, predicted.urgency))
                .or_default() += 1;
        }
        if let Some(p) = gold.polarity {
            let agrees = match p {
                Polarity::Negative => predicted.category != Category::Praise,
                Polarity::Positive => {
                    matches!(predicted.category, Category::Praise | Category::Inquiry)
                }
            };
            self.polarity.1 += 1;
            self.polarity.0 += u64::from(agrees);
        }
        for (kind, value) in &gold.entities {
            let found = match kind.as_str() {
                "order_numbers" => &predicted.entities.order_numbers,
                "tracking_numbers" => &predicted.entities.tracking_numbers,
                "emails" => &predicted.entities.emails,
                "phones" => &predicted.entities.phones,
                _ => continue,
            };
            self.entities.1 += 1;
            self.entities.0 += u64::from(found.iter().any(|f| f == value));
        }
    }

    /// Scores of every category that occurs as a label or a prediction.
    pub fn per_class(&self) -> BTreeMap<Category, ClassScore> {
        let mut out: BTreeMap<Category, ClassScore> = BTreeMap::new();
        let classes: Vec<Category> = self
            .confusion
            .keys()
            .flat_map(|(g, p)| [*g, *p])
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for c in classes {
            let tp = self.confusion.get(&(c, c)).copied().unwrap_or(0) as f64;
            let predicted: u64 = self
                .confusion
                .iter()
                .filter(|((_, p), _)| *p == c)
                .map(|(_, n)| n)
                .sum();
            let support: u64 = self
                .confusion
                .iter()
                .filter(|((g, _), _)| *g == c)
                .map(|(_, n)| n)
                .sum();
            let precision = if predicted > 0 {
                tp / predicted as f64
            } else {
                0.0
            };
            let recall = if support > 0 {
                tp / support as f64
            } else {
                0.0
            };
            let f1 = if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            };
            out.insert(
                c,
                ClassScore {
                    precision,
                    recall,
                    f1,
                    support,
                },
            );
        }
        out
    }

    /// Mean F1 over the categories that have labelled messages (support > 0).
    pub fn macro_f1(&self) -> f64 {
        let scores: Vec<f64> = self
            .per_class()
            .values()
            .filter(|s| s.support > 0)
            .map(|s| s.f1)
            .collect();
        if scores.is_empty() {
            0.0
        } else {
            scores.iter().sum::<f64>() / scores.len() as f64
        }
    }

    /// Share of category labels predicted right.
    pub fn accuracy(&self) -> f64 {
        let total: u64 = self.confusion.values().sum();
        let right: u64 = self
            .confusion
            .iter()
            .filter(|((g, p), _)| g == p)
            .map(|(_, n)| n)
            .sum();
        ratio(right, total)
    }
}

/// `a / b`, or 0 when `b` is 0.
pub fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::triage::{Entities, Triage};

    fn verdict(category: Category, language: &str) -> Triage {
        Triage {
            language: language.into(),
            category,
            urgency: Urgency::Complaint,
            sentiment: 0.0,
            confidence: 1.0,
            pii: false,
            entities: Entities {
                order_numbers: vec!["#1001".into()],
                ..Default::default()
            },
        }
    }

    #[test]
    fn scores_follow_their_definitions() {
        use Category::*;
        let mut e = Evaluation::default();
        let gold = |c| Gold {
            categories: vec![c],
            language: Some("en".into()),
            ..Default::default()
        };
        let long = "a message that is long enough";
        e.add(long, &gold(LogisticsDelay), &verdict(LogisticsDelay, "en"));
        e.add(long, &gold(LogisticsDelay), &verdict(BillingRefund, "en"));
        e.add(long, &gold(BillingRefund), &verdict(BillingRefund, "de"));
        e.add("short", &gold(BillingRefund), &verdict(BillingRefund, "de"));
        let s = e.per_class();
        // delay: 1 of 1 predicted right, 1 of 2 found.
        assert_eq!(
            (s[&LogisticsDelay].precision, s[&LogisticsDelay].recall),
            (1.0, 0.5)
        );
        // refund: 2 of 3 predicted right, 2 of 2 found.
        assert!((s[&BillingRefund].precision - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s[&BillingRefund].recall, 1.0);
        let f1_delay = 2.0 * 0.5 / 1.5;
        let f1_refund = 2.0 * (2.0 / 3.0) / (2.0 / 3.0 + 1.0);
        assert!((e.macro_f1() - (f1_delay + f1_refund) / 2.0).abs() < 1e-9);
        assert_eq!(
            e.language,
            (2, 3),
            "the 5-character message is not scored for language"
        );
        assert_eq!(e.accuracy(), 0.75);
    }

    #[test]
    fn accepted_alternatives_count_as_right_and_entities_are_recalled() {
        let mut e = Evaluation::default();
        let gold = Gold {
            categories: vec![Category::Inquiry, Category::LogisticsDelay],
            urgency: Some(Urgency::Complaint),
            entities: vec![
                ("order_numbers".into(), "#1001".into()),
                ("emails".into(), "a@b.example".into()),
            ],
            ..Default::default()
        };
        e.add(
            "where is my order #1001",
            &gold,
            &verdict(Category::LogisticsDelay, "en"),
        );
        assert_eq!(e.accuracy(), 1.0);
        assert_eq!(e.urgency, (1, 1));
        assert_eq!(e.entities, (1, 2));
    }
}
