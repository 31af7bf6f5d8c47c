//! `crossdesk data convert`: turns the public labelled sets (the CSV files and their
//! `label_map.tsv`, see `data/README` of the evaluation bundle) into the labelled JSON lines
//! that `crossdesk eval triage` and `crossdesk train triage` read.
//!
//! Each format knows its text and label columns; the label map turns source labels into
//! categories (with the alternatives its notes accept) and urgency hints. Rows whose label
//! does not map are skipped unless asked for. A deterministic split by a hash of the text
//! keeps training and evaluation apart: the same text always falls on the same side, even
//! when it appears in several files.

use crossdesk_domain::model::{Category, Urgency};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The sets `convert` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Bitext customer-service intents (any of the three files).
    Bitext,
    /// twcs tweets with multi-label topics (kechtel/ericsson).
    Ericsson,
    /// twcs tweets with risk labels.
    Risk,
    /// Airline tweets with intent tags (out of domain).
    Airlines,
    /// Multilingual Amazon reviews: language and star polarity.
    Marc,
    /// Chinese shopping or food-delivery reviews: polarity (language zh).
    ChineseReviews,
    /// Raw twcs tweets (customer messages only), unlabelled.
    Twcs,
}

/// Which rows to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    /// Four rows in five (by text hash): what training may read.
    Train,
    /// One row in five: what evaluation reads.
    Test,
    /// Every row.
    All,
}

/// Options of `crossdesk data convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The set's format.
    #[arg(long)]
    format: Format,
    /// Which rows: the training side, the held-out test side, or all.
    #[arg(long, value_enum, default_value_t = Split::All)]
    split: Split,
    /// The label map; `label_map.tsv` beside the file when absent.
    #[arg(long)]
    label_map: Option<PathBuf>,
    /// Keep rows whose label maps to no category, labelled `other` (for training).
    #[arg(long)]
    include_unmapped: bool,
    /// The CSV file.
    file: PathBuf,
}

/// Which side of the split a text falls on (one in five is test).
pub fn is_test(text: &str) -> bool {
    let norm = crossdesk_domain::text::comparison_key(text);
    // FNV-1a: stable across platforms and versions.
    let h = norm.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    h % 5 == 0
}

/// One row of a label map.
#[derive(Debug, Clone)]
struct Mapping {
    categories: Vec<Category>,
    urgency: Option<Urgency>,
}

/// A category as label maps write it: our wire name, or the longer name the bundle's maps
/// use for damage in transit.
fn parse_category(s: &str) -> Option<Category> {
    match s {
        "logistics.damaged_in_transit" => Some(Category::LogisticsDamaged),
        _ => Category::parse(s),
    }
}

/// Reads a `label_map.tsv`: `source_label  category  urgency_hint  notes`. A label written
/// `A / B / C` (or `Company:A / B`) maps each part; `alt=x` in the notes adds an accepted
/// alternative category. A category or urgency in parentheses (`(unmapped)`, `(none)`) or
/// `other` maps to nothing; anything else must be a known name, or the line is refused.
fn read_label_map(path: &Path) -> Result<HashMap<String, Mapping>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the label map {}: {e}", path.display()))?;
    let mut map = HashMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let at = |what: &str| format!("{} line {}: {what}", path.display(), i + 1);
        let cols: Vec<&str> = line.split('\t').collect();
        let [label, category, urgency, notes @ ..] = cols.as_slice() else {
            return Err(at("expected at least 3 tab-separated columns").into());
        };
        let (category, urgency) = (category.trim(), urgency.trim());
        let mut categories = Vec::new();
        if !category.starts_with('(') && category != "other" {
            categories.push(
                parse_category(category)
                    .ok_or_else(|| at(&format!("unknown category {category:?}")))?,
            );
            for alt in notes
                .join(" ")
                .split(|c: char| c == ';' || c.is_whitespace())
                .filter_map(|t| t.strip_prefix("alt="))
                .map(|t| t.trim_end_matches(['.', ',']))
            {
                let c = parse_category(alt)
                    .ok_or_else(|| at(&format!("unknown alternative category {alt:?}")))?;
                if !categories.contains(&c) && c != Category::Other {
                    categories.push(c);
                }
            }
        }
        let urgency = if urgency.is_empty() || urgency.starts_with('(') {
            None
        } else {
            Some(
                Urgency::parse(urgency)
                    .ok_or_else(|| at(&format!("unknown urgency {urgency:?}")))?,
            )
        };
        let mapping = Mapping {
            categories,
            urgency,
        };
        // "Company:A / B / C" maps "Company:A", "Company:B", "Company:C".
        let (prefix, rest) = match label.split_once(':') {
            Some((p, r)) if !p.contains(' ') && !p.starts_with("flag") => (format!("{p}:"), r),
            _ => (String::new(), *label),
        };
        for part in rest.split(" / ") {
            map.insert(format!("{prefix}{}", part.trim()), mapping.clone());
        }
    }
    Ok(map)
}

/// The columns a format reads (each entry: accepted names).
fn required_columns(format: Format) -> &'static [&'static [&'static str]] {
    match format {
        Format::Bitext => &[
            &["utterance", "instruction"],
            &["intent"],
            &["flags", "tags"],
        ],
        Format::Ericsson => &[&["text"], &["company"]],
        Format::Risk => &[&["text"], &["label"]],
        Format::Airlines => &[&["first_utterance"], &["tag"]],
        Format::Marc => &[&["text"], &["lang"], &["stars"]],
        Format::ChineseReviews => &[&["review"], &["label"]],
        Format::Twcs => &[&["text"]],
    }
}

/// `crossdesk data convert`.
pub fn convert(args: ConvertArgs) -> Result<ExitCode> {
    let map_path = args.label_map.clone().unwrap_or_else(|| {
        args.file
            .parent()
            .unwrap_or(Path::new("."))
            .join("label_map.tsv")
    });
    let map = match args.format {
        Format::Marc | Format::ChineseReviews | Format::Twcs => HashMap::new(),
        _ => read_label_map(&map_path)?,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(&args.file)
        .map_err(|e| format!("cannot read {}: {e}", args.file.display()))?;
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("cannot read the header of {}: {e}", args.file.display()))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let need = |names: &[&str]| -> Result<usize> {
        names.iter().find_map(|n| col(n)).ok_or_else(|| {
            format!(
                "{}: no column {} (found: {})",
                args.file.display(),
                names.join(" or "),
                headers.join(", ")
            )
            .into()
        })
    };
    // The columns each row is read from, found once in the header (in the order of
    // `required_columns`), and the optional `inbound` flag of raw twcs.
    let cols: Vec<usize> = required_columns(args.format)
        .iter()
        .map(|names| need(names))
        .collect::<Result<_>>()?;
    let inbound = col("inbound");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut kept, mut skipped, mut not_messages) = (0u64, 0u64, 0u64);
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("{}: row {}: {e}", args.file.display(), i + 2))?;
        let get = |c: usize| row.get(c).unwrap_or_default().trim();
        // The `i`th required column of this row.
        let at = |i: usize| cols.get(i).map_or("", |&c| get(c));
        let mut o = Map::new();
        let text: String = match args.format {
            Format::Bitext => {
                let (text, intent, flags) = (at(0), at(1), at(2));
                let intent = if intent == "check_invoices" {
                    "check_invoice"
                } else {
                    intent
                };
                if !label(&mut o, &map, intent, args.include_unmapped) {
                    skipped += 1;
                    continue;
                }
                o.insert("language".into(), json!("en"));
                o.insert("source_label".into(), json!(intent));
                o.insert("flags".into(), json!(flags));
                text.to_string()
            }
            Format::Ericsson => {
                let (text, company) = (at(0), at(1).to_string());
                let first = cols.get(1).map_or(usize::MAX, |c| c + 1);
                let mut categories: Vec<Category> = Vec::new();
                let mut labels = Vec::new();
                for (c, name) in headers.iter().enumerate().skip(first) {
                    if get(c) != "1" {
                        continue;
                    }
                    labels.push(name.clone());
                    let key = format!("{company}:{name}");
                    let mapped = map.get(&key).map(|m| m.categories.clone());
                    let mapped = match (name.as_str(), mapped) {
                        // Delivery counts as any logistics category (dataset README).
                        ("Delivery", Some(_)) => vec![
                            Category::LogisticsDelay,
                            Category::LogisticsLost,
                            Category::LogisticsLastMile,
                            Category::LogisticsDamaged,
                            Category::LogisticsCustoms,
                        ],
                        (_, m) => m.unwrap_or_default(),
                    };
                    for c in mapped {
                        if !categories.contains(&c) {
                            categories.push(c);
                        }
                    }
                }
                if categories.is_empty() {
                    skipped += 1;
                    continue;
                }
                o.insert(
                    "category".into(),
                    json!(categories.iter().map(|c| c.as_str()).collect::<Vec<_>>()),
                );
                o.insert("source_label".into(), json!(labels.join("|")));
                text.to_string()
            }
            Format::Risk | Format::Airlines => {
                let (text, tag) = (at(0), at(1));
                let mapped = label(&mut o, &map, tag, args.include_unmapped);
                let crisis = map.get(tag).and_then(|m| m.urgency) == Some(Urgency::Crisis);
                if !mapped && !crisis {
                    skipped += 1;
                    continue;
                }
                o.insert("source_label".into(), json!(tag));
                if args.format == Format::Airlines {
                    // The airline set is masked and tokenised: unmask for reading.
                    text.trim_start_matches("<cust__")
                        .trim_end_matches("__cust>")
                        .replace("__company__", "@airline")
                        .trim()
                        .to_string()
                } else {
                    text.to_string()
                }
            }
            Format::Marc => {
                let text = at(0);
                o.insert("language".into(), json!(at(1)));
                match at(2) {
                    "1" | "2" => {
                        o.insert("polarity".into(), json!("negative"));
                    }
                    "5" => {
                        o.insert("polarity".into(), json!("positive"));
                    }
                    _ => {}
                }
                text.to_string()
            }
            Format::ChineseReviews => {
                let text = at(0);
                o.insert("language".into(), json!("zh"));
                let polarity = if at(1) == "1" { "positive" } else { "negative" };
                o.insert("polarity".into(), json!(polarity));
                text.to_string()
            }
            Format::Twcs => {
                if let Some(c) = inbound
                    && get(c) != "True"
                {
                    not_messages += 1;
                    continue;
                }
                at(0).to_string()
            }
        };
        if text.is_empty() {
            not_messages += 1;
            continue;
        }
        let keep = match args.split {
            Split::All => true,
            Split::Test => is_test(&text),
            Split::Train => !is_test(&text),
        };
        if !keep {
            continue;
        }
        o.insert("text".into(), Value::String(text));
        serde_json::to_writer(&mut out, &Value::Object(o))?;
        out.write_all(b"\n")?;
        kept += 1;
    }
    out.flush()?;
    eprintln!(
        "converted {kept} rows; skipped {skipped} without a mapped label and {not_messages} without a customer's text"
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `category` (primary first, then accepted alternatives) and `urgency` for a source
/// label; false when the label maps to no category and unmapped rows are not wanted.
fn label(
    o: &mut Map<String, Value>,
    map: &HashMap<String, Mapping>,
    source: &str,
    unmapped: bool,
) -> bool {
    let m = map.get(source);
    let categories = m.map(|m| m.categories.clone()).unwrap_or_default();
    if categories.is_empty() {
        if !unmapped {
            return false;
        }
        o.insert("category".into(), json!("other"));
    } else if categories.len() == 1 {
        o.insert("category".into(), json!(categories[0].as_str()));
    } else {
        o.insert(
            "category".into(),
            json!(categories.iter().map(|c| c.as_str()).collect::<Vec<_>>()),
        );
    }
    if let Some(u) = m.and_then(|m| m.urgency) {
        o.insert("urgency".into(), json!(u.as_str()));
    }
    true
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_split_is_stable_and_about_one_in_five() {
        let test = (0..10_000)
            .filter(|i| is_test(&format!("message number {i}")))
            .count();
        assert!((1_700..2_300).contains(&test), "{test}");
        // Case and punctuation do not move a text across the split.
        assert_eq!(is_test("Cancel my order!"), is_test("cancel my order"));
    }

    #[test]
    fn label_maps_expand_groups_and_alternatives() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("label_map.tsv");
        std::fs::write(
            &path,
            "source_label\tcategory\turgency_hint\tnotes\n\
             track_order\tinquiry\tinquiry\tconfidence=medium; alt=logistics.delay (no overdue)\n\
             AmazonHelp:Alexa / Kindle\tother\tinquiry\tno mapping\n\
             get_refund\tbilling.refund\tcomplaint\tconfidence=high\n",
        )
        .unwrap();
        let map = read_label_map(&path).unwrap();
        assert_eq!(
            map["track_order"].categories,
            vec![Category::Inquiry, Category::LogisticsDelay]
        );
        assert!(map["AmazonHelp:Kindle"].categories.is_empty());
        assert_eq!(map["get_refund"].urgency, Some(Urgency::Complaint));
    }
}
