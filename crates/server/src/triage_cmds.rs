//! `crossdesk eval triage FILE` (scores labelled JSON lines) and `crossdesk bench triage`
//! (full-triage throughput on one core).

use crate::cli::EXIT_REJECTED;
use crossdesk_domain::FieldError;
use crossdesk_domain::model::{Category, Channel, Urgency};
use crossdesk_domain::triage::eval::{Evaluation, Gold, ratio};
use crossdesk_domain::triage::{TriageConfig, TriageInput, triage};
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Reads one labelled line: `{"text", "category" (or a list of accepted ones), "language",
/// "urgency", "entities": {"order_numbers": [...], ...}, "channel", "followers",
/// "order_value_usd"}`; every label but the text is optional.
/// One labelled message and the context triage should see.
struct Labelled {
    text: String,
    gold: Gold,
    channel: Option<Channel>,
    followers: Option<u64>,
    order_value_usd: Option<f64>,
}

fn labelled(v: &Value) -> std::result::Result<Labelled, FieldError> {
    let o = v
        .as_object()
        .ok_or_else(|| FieldError::new("$", "expected a JSON object"))?;
    let text = o
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| FieldError::new("text", "is required"))?;
    let category = |s: &str| {
        Category::parse(s).ok_or_else(|| {
            FieldError::new(
                "category",
                format!(
                    "unknown category {s:?}; expected one of: {}",
                    Category::expected()
                ),
            )
        })
    };
    let categories = match o.get("category") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![category(s)?],
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .ok_or_else(|| FieldError::new("category", "expected strings"))
                    .and_then(category)
            })
            .collect::<std::result::Result<_, _>>()?,
        Some(_) => {
            return Err(FieldError::new(
                "category",
                "expected a string or a list of strings",
            ));
        }
    };
    let urgency = match o.get("urgency").and_then(Value::as_str) {
        None => None,
        Some(s) => Some(
            Urgency::parse(s)
                .ok_or_else(|| FieldError::new("urgency", format!("unknown urgency {s:?}")))?,
        ),
    };
    let mut entities = Vec::new();
    if let Some(Value::Object(map)) = o.get("entities") {
        for (kind, values) in map {
            for value in values
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                entities.push((kind.clone(), value.to_string()));
            }
        }
    }
    let channel = match o.get("channel").and_then(Value::as_str) {
        None => None,
        Some(c) => Some(
            Channel::parse(c)
                .ok_or_else(|| FieldError::new("channel", format!("unknown channel {c:?}")))?,
        ),
    };
    let gold = Gold {
        categories,
        language: o
            .get("language")
            .and_then(Value::as_str)
            .map(str::to_string),
        urgency,
        entities,
    };
    Ok(Labelled {
        text: text.to_string(),
        gold,
        channel,
        followers: o.get("followers").and_then(Value::as_u64),
        order_value_usd: o.get("order_value_usd").and_then(Value::as_f64),
    })
}

/// `crossdesk eval triage FILE`.
pub async fn eval(file: &Path) -> Result<ExitCode> {
    let f = tokio::fs::File::open(file)
        .await
        .map_err(|e| format!("cannot open {}: {e}", file.display()))?;
    let mut lines = crossdesk_app::jsonl::JsonLines::new(tokio::io::BufReader::new(f));
    let config = TriageConfig::default();
    let mut e = Evaluation::default();
    let mut rejected = 0u64;
    while let Some(line) = lines.next().await? {
        match line
            .value
            .map_err(|m| FieldError::new("$", m))
            .and_then(|v| labelled(&v))
        {
            Ok(Labelled {
                text,
                gold,
                channel,
                followers,
                order_value_usd,
            }) => {
                let t = triage(
                    &TriageInput {
                        text: &text,
                        channel,
                        followers,
                        order_value_usd,
                        ..Default::default()
                    },
                    &config,
                );
                e.add(&text, &gold, &t);
            }
            Err(err) => {
                rejected += 1;
                if rejected <= 20 {
                    eprintln!("line {}: {}: {}", line.number, err.field, err.message);
                }
            }
        }
    }
    print_report(&e, file);
    Ok(if rejected > 0 {
        ExitCode::from(EXIT_REJECTED)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_report(e: &Evaluation, file: &Path) {
    println!(
        "triage evaluation of {} ({} messages)",
        file.display(),
        e.messages
    );
    println!(
        "{:<28} {:>9} {:>7} {:>7} {:>8}",
        "category", "precision", "recall", "f1", "support"
    );
    for (c, s) in e.per_class() {
        println!(
            "{:<28} {:>9.3} {:>7.3} {:>7.3} {:>8}",
            c.as_str(),
            s.precision,
            s.recall,
            s.f1,
            s.support
        );
    }
    println!(
        "macro-F1 (labelled categories): {:.3}   accuracy: {:.3}",
        e.macro_f1(),
        e.accuracy()
    );
    println!(
        "language accuracy (20+ chars): {:.3} ({}/{})   urgency accuracy: {:.3} ({}/{})   entity recall: {:.3} ({}/{})",
        ratio(e.language.0, e.language.1),
        e.language.0,
        e.language.1,
        ratio(e.urgency.0, e.urgency.1),
        e.urgency.0,
        e.urgency.1,
        ratio(e.entities.0, e.entities.1),
        e.entities.0,
        e.entities.1
    );
    println!("confusion (gold → predicted, count):");
    for ((g, p), n) in &e.confusion {
        if g != p {
            println!("  {:<26} → {:<26} {n}", g.as_str(), p.as_str());
        }
    }
}

/// Options of `crossdesk bench triage`.
#[derive(Debug, clap::Args)]
pub struct BenchTriageArgs {
    /// Number of synthetic multilingual messages.
    #[arg(long, env = "CROSSDESK_BENCH_N", default_value_t = 100_000)]
    n: usize,
    /// Seed of the synthetic traffic.
    #[arg(long, env = "CROSSDESK_BENCH_SEED", default_value_t = 7)]
    seed: u64,
}

/// `crossdesk bench triage`: full triage (language, category, urgency, sentiment, entities)
/// over synthetic multilingual messages, on the calling thread only (one core).
#[allow(clippy::disallowed_methods)] // synthetic traffic is anchored to now
pub fn bench(args: BenchTriageArgs) -> Result<ExitCode> {
    let now = chrono::Utc::now();
    let texts: Vec<String> = crossdesk_demo::synthetic_inbound(args.seed, args.n, now)
        .filter_map(|m| m["text"].as_str().map(str::to_string))
        .collect();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let config = TriageConfig::default();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let started = Instant::now();
        for t in &texts {
            std::hint::black_box(triage(
                &TriageInput {
                    text: std::hint::black_box(t),
                    ..Default::default()
                },
                &config,
            ));
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "crossdesk bench triage: {} synthetic messages (mean {} chars), one core, best of 3",
        texts.len(),
        chars / texts.len().max(1)
    );
    println!(
        "full triage: {:>9.0} msg/s  {:.2} µs/message",
        texts.len() as f64 / best,
        best * 1e6 / texts.len().max(1) as f64
    );
    Ok(ExitCode::SUCCESS)
}
