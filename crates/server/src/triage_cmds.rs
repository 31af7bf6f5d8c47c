//! `crossdesk eval triage FILE` (scores labelled JSON lines), `crossdesk train triage`
//! (trains the shipped model) and `crossdesk bench triage` (full-triage throughput on one
//! core).

use crate::cli::EXIT_REJECTED;
use crossdesk_domain::FieldError;
use crossdesk_domain::model::{Category, Channel, Urgency};
use crossdesk_domain::text::comparison_key;
use crossdesk_domain::triage::eval::{Evaluation, Gold, Polarity, ratio};
use crossdesk_domain::triage::linear::Model;
use crossdesk_domain::triage::linear::train::{self, Example, Options};
use crossdesk_domain::triage::{
    Engine, SUPPORTED_LANGUAGES, Triage, TriageConfig, TriageInput, triage_with,
};
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// One labelled message and the context triage should see.
struct Labelled {
    text: String,
    gold: Gold,
    channel: Option<Channel>,
    followers: Option<u64>,
    order_value_usd: Option<f64>,
}

/// Reads one labelled line: `{"text", "category" (or a list of accepted ones), "language",
/// "urgency", "entities": {"order_numbers": [...], ...}, "polarity", "channel",
/// "followers", "order_value_usd"}`; every field but the text is optional, and a field
/// that is present must be well formed.
fn labelled(v: &Value) -> std::result::Result<Labelled, FieldError> {
    let o = v
        .as_object()
        .ok_or_else(|| FieldError::new("$", "expected a JSON object"))?;
    let text = match o.get("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Err(FieldError::new("text", "expected a string")),
        None => return Err(FieldError::new("text", "is required")),
    };
    // A present field as a string, or an error naming it.
    let string = |name: &str| -> std::result::Result<Option<&str>, FieldError> {
        match o.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(FieldError::new(name, "expected a string")),
        }
    };
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
        Some(Value::Array(items)) if !items.is_empty() => items
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
                "expected a string or a non-empty list of strings",
            ));
        }
    };
    let urgency = match string("urgency")? {
        None => None,
        Some(s) => Some(Urgency::parse(s).ok_or_else(|| {
            FieldError::new(
                "urgency",
                format!(
                    "unknown urgency {s:?}; expected one of: {}",
                    Urgency::expected()
                ),
            )
        })?),
    };
    let language = match string("language")? {
        None => None,
        Some(l) if SUPPORTED_LANGUAGES.contains(&l) || l == "und" => Some(l.to_string()),
        Some(l) => {
            return Err(FieldError::new(
                "language",
                format!(
                    "unknown language {l:?}; expected und or one of: {}",
                    SUPPORTED_LANGUAGES.join(", ")
                ),
            ));
        }
    };
    let mut entities = Vec::new();
    match o.get("entities") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (kind, values) in map {
                let field = format!("entities.{kind}");
                let values = values
                    .as_array()
                    .ok_or_else(|| FieldError::new(&field, "expected a list of strings"))?;
                for value in values {
                    let value = value
                        .as_str()
                        .ok_or_else(|| FieldError::new(&field, "expected a list of strings"))?;
                    entities.push((kind.clone(), value.to_string()));
                }
            }
        }
        Some(_) => return Err(FieldError::new("entities", "expected an object")),
    }
    let channel = match string("channel")? {
        None => None,
        Some(c) => Some(Channel::parse(c).ok_or_else(|| {
            FieldError::new(
                "channel",
                format!(
                    "unknown channel {c:?}; expected one of: {}",
                    Channel::expected()
                ),
            )
        })?),
    };
    let polarity = match string("polarity")? {
        None => None,
        Some("negative") => Some(Polarity::Negative),
        Some("positive") => Some(Polarity::Positive),
        Some(p) => {
            return Err(FieldError::new(
                "polarity",
                format!("unknown polarity {p:?}; expected negative or positive"),
            ));
        }
    };
    let followers = match o.get("followers") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_u64()
                .ok_or_else(|| FieldError::new("followers", "expected a whole number ≥ 0"))?,
        ),
    };
    let order_value_usd = match o.get("order_value_usd") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_f64()
                .filter(|f| f.is_finite() && *f >= 0.0)
                .ok_or_else(|| FieldError::new("order_value_usd", "expected a number ≥ 0"))?,
        ),
    };
    Ok(Labelled {
        text: text.clone(),
        gold: Gold {
            categories,
            language,
            urgency,
            entities,
            polarity,
        },
        channel,
        followers,
        order_value_usd,
    })
}

/// Which engine `eval triage` scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EngineArg {
    /// The trained model with the rules (what crossdesk runs).
    Model,
    /// The keyword engine alone (the foundation's, as a baseline).
    Keywords,
}

impl From<EngineArg> for Engine {
    fn from(e: EngineArg) -> Self {
        match e {
            EngineArg::Model => Engine::Model,
            EngineArg::Keywords => Engine::Keywords,
        }
    }
}

/// `crossdesk eval triage FILE`.
pub async fn eval(file: &Path, engine: EngineArg) -> Result<ExitCode> {
    let engine = Engine::from(engine);
    evaluate(file, |input, config| triage_with(engine, input, config)).await
}

/// Scores `file` with a triage function and prints the report.
async fn evaluate(
    file: &Path,
    run: impl Fn(&TriageInput<'_>, &TriageConfig) -> Triage,
) -> Result<ExitCode> {
    let f = tokio::fs::File::open(file)
        .await
        .map_err(|e| format!("cannot open {}: {e}", file.display()))?;
    let mut lines = crossdesk_app::jsonl::JsonLines::new(tokio::io::BufReader::new(f));
    let config = TriageConfig::default();
    let mut e = Evaluation::default();
    let mut rejected = 0u64;
    while let Some(line) = lines
        .next()
        .await
        .map_err(|e| format!("{}: {e}", file.display()))?
    {
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
                let t = run(
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
    let per_class = e.per_class();
    if !per_class.is_empty() {
        println!(
            "{:<28} {:>9} {:>7} {:>7} {:>8}",
            "category", "precision", "recall", "f1", "support"
        );
        for (c, s) in &per_class {
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
        print_confusion(e);
    }
    let line = |name: &str, (a, b): (u64, u64)| {
        if b > 0 {
            println!("{name}: {:.3} ({a}/{b})", ratio(a, b));
        }
    };
    line("language accuracy (20+ chars)", e.language);
    line("urgency accuracy", e.urgency);
    line("entity recall", e.entities);
    line(
        "polarity agreement (negative → not praise, positive → praise or inquiry)",
        e.polarity,
    );
    if e.category_by_language.len() > 1 {
        let parts: Vec<String> = e
            .category_by_language
            .iter()
            .map(|(l, &(a, b))| format!("{l} {:.2} ({b})", ratio(a, b)))
            .collect();
        println!("category accuracy by language: {}", parts.join("  "));
    }
    let wrong_languages: Vec<String> = e
        .language_confusion
        .iter()
        .filter(|((g, p), _)| g != p)
        .map(|((g, p), n)| format!("{g}→{p} {n}"))
        .collect();
    if !wrong_languages.is_empty() {
        println!("language errors: {}", wrong_languages.join("  "));
    }
    if !e.urgency_confusion.is_empty() {
        let parts: Vec<String> = e
            .urgency_confusion
            .iter()
            .map(|((g, p), n)| format!("{}→{} {n}", g.as_str(), p.as_str()))
            .collect();
        println!("urgency (gold→predicted): {}", parts.join("  "));
    }
}

/// The confusion matrix, rows gold and columns predicted, over the categories that occur.
fn print_confusion(e: &Evaluation) {
    let classes: Vec<Category> = Category::ALL
        .iter()
        .copied()
        .filter(|c| e.confusion.keys().any(|(g, p)| g == c || p == c))
        .collect();
    // Short column heads: the part after the dot, cut to six letters.
    let short = |c: Category| -> String {
        let name = c.as_str();
        let tail = name.rsplit('.').next().unwrap_or(name);
        tail.chars().take(6).collect()
    };
    println!("confusion matrix (rows: gold, columns: predicted):");
    print!("{:<26}", "");
    for &c in &classes {
        print!(" {:>6}", short(c));
    }
    println!();
    for &g in &classes {
        print!("{:<26}", g.as_str());
        for &p in &classes {
            match e.confusion.get(&(g, p)) {
                Some(n) => print!(" {n:>6}"),
                None => print!(" {:>6}", "."),
            }
        }
        println!();
    }
}

/// Options of `crossdesk train triage`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Labelled JSONL files or directories of them, each optionally `PATH:WEIGHT` (a weight
    /// per message, default 1). Lines need `text` and `category` (the first of a list is
    /// used); `urgency` is learned where present.
    #[arg(long = "data", required = true)]
    data: Vec<String>,
    /// Held-out labelled files or directories, scored after training; never trained on.
    #[arg(long)]
    holdout: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "crates/domain/src/triage/linear/triage.model")]
    out: PathBuf,
    /// Passes over the data.
    #[arg(long, default_value_t = Options::default().epochs)]
    epochs: usize,
    /// First step size.
    #[arg(long, default_value_t = Options::default().learning_rate)]
    learning_rate: f32,
    /// L2 shrinkage per update.
    #[arg(long, default_value_t = Options::default().l2)]
    l2: f32,
    /// Class balance exponent (0 = none, 1 = every category weighs the same).
    #[arg(long, default_value_t = Options::default().balance)]
    balance: f32,
    /// Shuffle seed.
    #[arg(long, default_value_t = Options::default().seed)]
    seed: u64,
}

/// Reads `PATH` or `PATH:WEIGHT` (a weight is a positive number).
fn data_spec(spec: &str) -> Result<(&str, f32)> {
    match spec.rsplit_once(':') {
        Some((path, w)) if !Path::new(spec).exists() => match w.parse::<f32>() {
            Ok(weight) if weight.is_finite() && weight > 0.0 => Ok((path, weight)),
            _ => Err(format!(
                "--data {spec}: expected PATH or PATH:WEIGHT with a positive weight, got weight {w:?}"
            )
            .into()),
        },
        _ => Ok((spec, 1.0)),
    }
}

/// The `.jsonl` files a path names (itself, or those in a directory, sorted).
fn jsonl_files(path: &Path) -> Result<Vec<PathBuf>> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        Ok(files)
    } else if path.exists() {
        Ok(vec![path.to_path_buf()])
    } else {
        Err(format!("no such file or directory: {}", path.display()).into())
    }
}

/// Reads labelled lines; a bad line stops the run, naming its file, line and field.
fn read_labelled(path: &Path) -> Result<Vec<Labelled>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .map_err(|e| format!("{} line {}: invalid JSON: {e}", path.display(), i + 1))?;
        let l = labelled(&v).map_err(|e| {
            format!(
                "{} line {}: {}: {}",
                path.display(),
                i + 1,
                e.field,
                e.message
            )
        })?;
        out.push(l);
    }
    Ok(out)
}

/// `crossdesk train triage`.
pub async fn train(args: TrainArgs) -> Result<ExitCode> {
    let options = Options {
        epochs: args.epochs,
        learning_rate: args.learning_rate,
        l2: args.l2,
        balance: args.balance,
        seed: args.seed,
    };
    if options.epochs == 0 {
        return Err("--epochs: expected at least 1".into());
    }
    if !(options.learning_rate.is_finite() && options.learning_rate > 0.0) {
        return Err("--learning-rate: expected a positive number".into());
    }
    if !(options.l2.is_finite() && (0.0..1.0).contains(&options.l2)) {
        return Err("--l2: expected a number in [0, 1)".into());
    }
    if !(options.balance.is_finite() && (0.0..=2.0).contains(&options.balance)) {
        return Err("--balance: expected a number in [0, 2]".into());
    }
    let holdout: Vec<PathBuf> = args
        .holdout
        .iter()
        .map(|p| jsonl_files(p))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    let held: HashSet<PathBuf> = holdout
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    // Texts of the held-out files never enter training, even when another file repeats them.
    let mut held_texts = HashSet::new();
    for path in &holdout {
        for l in read_labelled(path)? {
            held_texts.insert(comparison_key(&l.text));
        }
    }

    let mut examples = Vec::new();
    let mut seen = HashSet::new();
    let (mut duplicates, mut withheld, mut unlabelled) = (0u64, 0u64, 0u64);
    for spec in &args.data {
        let (path, weight) = data_spec(spec)?;
        for file in jsonl_files(Path::new(path))? {
            if std::fs::canonicalize(&file).is_ok_and(|c| held.contains(&c)) {
                return Err(format!(
                    "{} is both training data and held out; a model is never scored on what it learned",
                    file.display()
                )
                .into());
            }
            let mut n = 0;
            for l in read_labelled(&file)? {
                let Some(&category) = l.gold.categories.first() else {
                    unlabelled += 1;
                    continue;
                };
                // An urgency that came from the context (followers, order value) is not in
                // the text: the rules decide it, the model must not learn it from words.
                let urgency = if l.followers.is_some() || l.order_value_usd.is_some() {
                    None
                } else {
                    l.gold.urgency
                };
                let key = comparison_key(&l.text);
                if held_texts.contains(&key) {
                    withheld += 1;
                    continue;
                }
                if !seen.insert(key) {
                    duplicates += 1;
                    continue;
                }
                examples.push(Example::new(
                    &l.text,
                    category,
                    urgency,
                    l.gold.language.as_deref(),
                    weight,
                ));
                n += 1;
            }
            eprintln!("{}: {n} examples (weight {weight})", file.display());
        }
    }
    if examples.is_empty() {
        return Err("no labelled examples to train on".into());
    }
    eprintln!(
        "training on {} examples ({duplicates} duplicates, {withheld} held-out texts and {unlabelled} lines without a category skipped)",
        examples.len()
    );
    let started = Instant::now();
    let trained = train::train(&examples, &options, |epoch, loss| {
        eprintln!("epoch {epoch:>2}: mean loss {loss:.4}");
    });
    let right = examples
        .iter()
        .filter(|e| trained.predict(e) == e.category())
        .count();
    eprintln!(
        "trained in {:.1} s; training accuracy {:.3}",
        started.elapsed().as_secs_f64(),
        right as f64 / examples.len() as f64
    );
    let bytes = trained.to_bytes();
    // Written beside the target and renamed only once it reads back as a model, so a
    // failed run never leaves a broken model where the build embeds it.
    let model =
        Model::parse(&bytes).ok_or("the trained model does not read back (non-finite weights?)")?;
    let partial = args.out.with_extension("model.partial");
    std::fs::write(&partial, &bytes)
        .and_then(|()| std::fs::rename(&partial, &args.out))
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());

    for path in &holdout {
        evaluate(path, |input, config| model.triage(input, config)).await?;
    }
    Ok(ExitCode::SUCCESS)
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

/// Full triage of every text with `engine`, on this thread; the best of three rounds in
/// messages per second.
fn rate(engine: Engine, texts: &[String]) -> f64 {
    let config = TriageConfig::default();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let started = Instant::now();
        for t in texts {
            std::hint::black_box(triage_with(
                engine,
                &TriageInput {
                    text: std::hint::black_box(t),
                    ..Default::default()
                },
                &config,
            ));
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    texts.len() as f64 / best
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
    println!(
        "crossdesk bench triage: {} synthetic messages (mean {} chars), one core, best of 3 rounds",
        texts.len(),
        chars / texts.len().max(1)
    );
    if Model::shipped().is_none() {
        println!("warning: this binary carries no valid model; both lines measure the keywords");
    }
    // Interleaved, so both engines see the same machine.
    let keywords = rate(Engine::Keywords, &texts);
    let model = rate(Engine::Model, &texts);
    println!(
        "full triage, model + rules (shipped): {model:>9.0} msg/s  {:.2} µs/message",
        1e6 / model
    );
    println!(
        "keyword engine alone (foundation):    {keywords:>9.0} msg/s  {:.2} µs/message  (model/keywords {:.2})",
        1e6 / keywords,
        model / keywords
    );
    Ok(ExitCode::SUCCESS)
}

/// Options of `crossdesk triage corrections`.
#[derive(Debug, clap::Args)]
pub struct CorrectionsArgs {
    #[command(flatten)]
    db: crate::cli::DbArgs,
    /// Where to write the JSON lines; standard output when absent or `-`.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Only messages corrected at or after this time (RFC 3339).
    #[arg(long)]
    since: Option<String>,
}

/// `crossdesk triage corrections`: every message agents relabelled, one labelled JSON line
/// each (`text`, `category`, `urgency`, `language`, `channel` — the latest correction of
/// each label — plus `message_id`, `ticket_id`, `corrected`, `corrected_at` and the
/// `corrections`), oldest correction first: a file `train triage --data` and `eval triage`
/// read as they are.
pub async fn corrections(args: CorrectionsArgs) -> Result<ExitCode> {
    let since = args
        .since
        .as_deref()
        .map(|s| {
            chrono::DateTime::parse_from_rfc3339(s)
                .map(|t| t.with_timezone(&chrono::Utc))
                .map_err(|e| format!("--since {s:?}: expected an RFC 3339 time: {e}"))
        })
        .transpose()?;
    let app = crate::commands::open_app(&args.db.database).await?;
    let records = app.export_label_corrections(since).await?;
    let mut out = String::new();
    for r in &records {
        out.push_str(&serde_json::to_string(r)?);
        out.push('\n');
    }
    match args.out.as_deref().filter(|p| *p != Path::new("-")) {
        Some(path) => std::fs::write(path, out)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => {
            use std::io::Write;
            std::io::stdout().write_all(out.as_bytes())?;
        }
    }
    eprintln!("{} corrected messages", records.len());
    app.db().close().await;
    Ok(ExitCode::SUCCESS)
}
